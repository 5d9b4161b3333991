"""Writing tables for people (``table``) and machines (``csv``, ``json``).

The ``csv`` and ``json`` forms are the stable machine formats: ``json`` is a
list of row objects with the frame's columns as keys (missing values are
``null``), ``csv`` has a header row and RFC 4180 quoting; a list of strings is
one ``"; "``-joined cell, a structured value (a ``builds_on`` link's
``evidence``) one cell of JSON.  Floats get 6 significant digits in tables and
CSV.  A CSV text cell a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``.

``table`` fits the terminal: its width comes from ``$COLUMNS``, else the
terminal; text is measured in display cells (CJK characters take two), wide
cells are clipped at the end (or wrapped, for columns asked to wrap), and the
40-character Semantic Scholar ids are shown by their first 8 characters.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
import sys
from typing import IO, TYPE_CHECKING, Any
from collections.abc import Iterable, Sequence

from wcwidth import wcswidth, wcwidth

from citegraph.errors import UsageError
from citegraph.graph.files import atomic_path

if TYPE_CHECKING:  # pandas is imported where a frame is made: `papers` writes rows without it
    import pandas as pd

__all__ = ["FORMATS", "FORMULA_STARTS", "frame_records", "write_frame", "write_records", "write_csv", "csv_safe",
           "format_table", "terminal_width", "display_width", "pick_columns"]

FORMATS = ("table", "csv", "json")
# First characters that make Excel, LibreOffice or Google Sheets evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """``value`` as a spreadsheet shows it as text: a leading ``'`` before a formula start.

    A carriage return inside text becomes a newline: the CSV writer quotes
    fields with newlines, but a lone ``\\r`` would be written bare and split the row.

    >>> csv_safe("=1+1"), csv_safe("@SUM(A1)"), csv_safe("Janus"), csv_safe(-1.5)
    ("'=1+1", "'@SUM(A1)", 'Janus', -1.5)
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: NaN/NA become None, numpy scalars become Python ones."""
    pandas = sys.modules.get("pandas")  # no pandas loaded: no pd.NA to meet
    if value is None or pandas is not None and value is pandas.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-ready dicts.

    >>> import pandas as pd
    >>> frame_records(pd.DataFrame({"a": [1, None], "b": ["x", "y"]}))
    [{'a': 1.0, 'b': 'x'}, {'a': None, 'b': 'y'}]
    """
    cols = list(frame.columns)
    return [
        {c: _plain(v) for c, v in zip(cols, row)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _cell(value: Any) -> str:
    if type(value) is list and all(type(v) is str for v in value):
        return "; ".join(value)  # the usual list cell (tags, authors), no conversion needed
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dict) or isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        # structured cells (a builds_on link's evidence) as JSON, so a script can json.loads them
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def terminal_width() -> int:
    """Columns to fit: ``$COLUMNS`` when it is a positive number, else the terminal's (80 when unknown).

    >>> terminal_width() > 0
    True
    """
    env = os.environ.get("COLUMNS", "")
    if env.strip().isdigit() and int(env) > 0:
        return int(env)
    return shutil.get_terminal_size((80, 24)).columns


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_S2_ID = re.compile(r"[0-9a-f]{40}")


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: CJK characters count two.

    >>> display_width("多模态 MLLM")
    11
    """
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(c), 0) for c in text)


def _clip(text: str, width: int) -> str:
    """``text`` cut at the end to ``width`` cells, marked ``…`` where cut.

    >>> _clip("多模态生成", 7), _clip("abc", 3)
    ('多模态…', 'abc')
    """
    if display_width(text) <= width:
        return text
    return "".join(_fitting(text, width - 1)) + "…"


def _clip_start(text: str, width: int) -> str:
    """``text`` cut at the start to ``width`` cells, marked ``…`` where cut: a
    place's end (``README.md:15``) is what tells it from the others.

    >>> _clip_start("../lists/awesome/README.md:15", 14)
    '…/README.md:15'
    """
    if display_width(text) <= width:
        return text
    return "…" + "".join(reversed(_fitting(reversed(text), width - 1)))


def _fitting(chars: Iterable[str], width: int) -> list[str]:
    """The first of ``chars`` that fit in ``width`` cells."""
    out, used = [], 0
    for char in chars:
        w = max(wcwidth(char), 0)
        if used + w > width:
            break
        out.append(char)
        used += w
    return out


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces (inside a long word, after ``/``).

    >>> _wrap("no title match (notes/a.md:12)", 16)
    ['no title match', '(notes/a.md:12)']
    >>> _wrap("(/work/shared/seeds/003_c41f.txt:13)", 20)
    ['(/work/shared/seeds/', '003_c41f.txt:13)']
    """
    width = max(width, 1)
    pieces: list[str] = []
    for word in text.split(" "):
        # a word wider than a line is cut after its slashes, else anywhere
        while display_width(word) > width:
            cut = _clip(word, width + 1)[:-1]  # the most of it that fits
            slash = cut.rfind("/")
            cut = cut[: slash + 1] if slash > 0 else cut
            pieces.append(cut + "\0")  # \0: glued to the next piece, no space
            word = word[len(cut):]
        pieces.append(word)
    lines: list[str] = []
    line = ""
    glued = False
    for piece in pieces:
        bare = piece.rstrip("\0")
        joined = line + ("" if glued or not line else " ") + bare
        if line and display_width(joined) > width:
            lines.append(line)
            line = bare
        else:
            line = joined
        glued = piece.endswith("\0")
    return lines + [line]


def _header_parts(name: str) -> list[str]:
    """``"local_citations"`` → ``["local_", "citations"]``: where a header may wrap."""
    return re.findall(r"[^_]+_?|_", name) or [name]


def _header_lines(name: str, width: int) -> list[str]:
    """A header on as few lines of ``width`` as its ``_`` allow (clipped past that), bottom-aligned by the caller.

    >>> _header_lines("local_citations", 9), _header_lines("year", 9)
    (['local_', 'citations'], ['year'])
    """
    lines: list[str] = []
    for part in _header_parts(name):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return [_clip(line, width) for line in lines]


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


def _table_cell(value: Any) -> str:
    """A cell for reading: one line, Semantic Scholar ids by their first 8 characters."""
    text = _CONTROL.sub(" ", " ".join(_cell(value).split()))
    return _S2_ID.sub(lambda m: m.group(0)[:8], text)


def pick_columns(frame: pd.DataFrame, columns: Sequence[str] | str | None) -> pd.DataFrame:
    """``frame``'s ``columns`` in that order (a list or a comma-separated string; ``"all"``: every one).

    Raises
    ------
    UsageError
        A column the frame does not have, naming those it has.

    Examples
    --------
    >>> import pandas as pd
    >>> pick_columns(pd.DataFrame({"a": [1], "b": [2]}), "b,a").columns.tolist()
    ['b', 'a']
    """
    if columns is None or columns == "all":
        return frame
    names = [c.strip() for c in columns.split(",")] if isinstance(columns, str) else list(columns)
    names = [c for c in names if c]
    unknown = [c for c in names if c not in frame.columns]
    if unknown:
        raise UsageError(f"unknown column {unknown[0]!r}; choose among: {', '.join(map(str, frame.columns))} (or all)")
    return frame[names]


# Columns of free text, which give way first when a table is too wide.
FREE_TEXT = ("title", "text", "detail", "sources", "abstract", "tags", "words", "central_papers")
PLACES = ("sources",)  # file:line cells: clipped at the start, where paths share their folders


def format_table(
    frame: pd.DataFrame,
    *,
    width: int | None = None,
    wrap: Sequence[str] = (),
    max_cell: int = 60,
    give: Sequence[str] = FREE_TEXT,
) -> str:
    """``frame`` as aligned text at most ``width`` display cells wide.

    Numeric columns are right-aligned and never cut; when the columns do not
    fit, the free-text columns in ``give`` narrow first, then numeric headers
    wrap at ``_``, then the other text columns (cells clipped at the end with
    ``…``, or wrapped onto more lines for the columns in ``wrap``), and
    columns that still do not fit are left out from the right, saying so.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"name": ["多模态", "CLIP"], "title": ["Mixed-Modal Early-Fusion Models", "Contrastive"],
    ...                       "year": [2024, 2021]})
    >>> print(format_table(frame, width=30))
    name    title             year
    多模态  Mixed-Modal Ear…  2024
    CLIP    Contrastive       2021
    """
    width = terminal_width() if width is None else width
    header = [str(c) for c in frame.columns]
    cells = [[_table_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    numeric = [is_numeric_dtype(frame[c]) and not is_bool_dtype(frame[c])
               for c in frame.columns]
    natural = [
        min(max([display_width(h)] + [display_width(r[i]) for r in cells]), max(max_cell, display_width(h)))
        for i, h in enumerate(header)
    ]
    # the narrowest a column may get: numbers whole (their header wrapped at "_"),
    # text down to a few characters
    floor = [
        max([display_width(r[i]) for r in cells] + [len(p) for p in _header_parts(h)]) if numeric[i]
        else min(natural[i], max(6, min(len(h), 8)))
        for i, h in enumerate(header)
    ]
    widths = natural[:]
    shown = len(header)

    def total() -> int:
        return sum(widths[:shown]) + 2 * max(shown - 1, 0)

    hidden_note = ""

    def shrink(limit: list[int]) -> None:
        """Narrow the widest columns, one cell at a time, down to ``limit``, until the table fits."""
        while total() > width:
            room = [i for i in range(shown) if widths[i] > limit[i]]
            if not room:
                return
            widest = max(room, key=lambda i: (widths[i], -i))
            others = [widths[j] for j in room if j != widest]
            step = max(1, widths[widest] - max(others)) if others else widths[widest] - limit[widest]
            widths[widest] -= min(total() - width, widths[widest] - limit[widest], step)

    # Text gives way first, down to a readable width (free text: titles, notes,
    # places, a little wider); then numbers wrap their long headers at "_";
    # then short text (names, ids); then everything down to a few characters;
    # then columns go.
    free = [not numeric[i] and header[i] in give for i in range(len(header))]
    short = [not numeric[i] and not free[i] for i in range(len(header))]
    n = len(header)
    # a wrapped column loses nothing but height, so it keeps the most room
    readable = [max(40, width // 2) if header[i] in wrap else 24 if free[i] else 20 for i in range(n)]
    shrink([max(floor[i], min(natural[i], readable[i])) if not numeric[i] else natural[i] for i in range(n)])
    shrink([floor[i] if numeric[i] else natural[i] if short[i] else widths[i] for i in range(n)])
    shrink([max(floor[i], min(natural[i], 16)) if short[i] else widths[i] for i in range(n)])
    shrink([floor[i] if free[i] and header[i] not in wrap else widths[i] for i in range(n)])
    shrink(floor)
    while shown and total() > width:
        shown -= 1
        hidden_note = (f"({len(header) - shown} more columns not shown: "
                       f"{', '.join(header[shown:])}; --columns chooses)")
    heads = [_header_lines(h, widths[i]) for i, h in enumerate(header[:shown])]
    depth = max((len(h) for h in heads), default=1)
    lines = [
        "  ".join(_pad((h[k - depth + len(h)] if k >= depth - len(h) else ""), widths[i], numeric[i])
                  for i, h in enumerate(heads)).rstrip()
        for k in range(depth)
    ]
    for row in cells:
        parts = [
            _wrap(row[i], widths[i]) if header[i] in wrap
            else [_clip_start(row[i], widths[i]) if header[i] in PLACES else _clip(row[i], widths[i])]
            for i in range(shown)
        ]
        for k in range(max((len(p) for p in parts), default=1)):
            lines.append("  ".join(
                _pad(p[k] if k < len(p) else "", widths[i], numeric[i]) for i, p in enumerate(parts)
            ).rstrip())
    if hidden_note:
        lines += _wrap(hidden_note, max(width, 20))
    return "\n".join(lines)


def write_frame(
    frame: pd.DataFrame,
    fmt: str,
    stream: IO[str],
    *,
    columns: Sequence[str] | str | None = None,
    width: int | None = None,
    wrap: Sequence[str] = (),
    caption: str | None = None,
) -> None:
    """Write ``frame`` to ``stream`` as ``table``, ``csv`` or ``json``.

    ``columns``, ``width`` and ``wrap`` shape the ``table`` only (see
    :func:`pick_columns` and :func:`format_table`), and ``caption`` is
    written above it, wrapped to the width; ``csv`` and ``json`` always
    carry every column and nothing else.

    Examples
    --------
    >>> import sys
    >>> import pandas as pd
    >>> write_frame(pd.DataFrame({"score": [1 / 3], "id": ["a"]}), "csv", sys.stdout)
    score,id
    0.333333,a
    """
    if fmt == "json":
        json.dump(frame_records(frame), stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    elif fmt == "csv":
        from pandas.api.types import is_bool_dtype, is_numeric_dtype

        flat = frame.copy(deep=False)  # columns are replaced, never changed in place
        for col in flat.columns:
            if is_numeric_dtype(flat[col]) or is_bool_dtype(flat[col]):
                continue  # numbers (a negative one starts with "-") are never formulas
            values = flat[col].tolist()
            changed = False
            if any(isinstance(v, (list, tuple, dict, float)) for v in values):
                values, changed = [_cell(v) for v in values], True
            if any(isinstance(v, str) and (v.startswith(FORMULA_STARTS) or "\r" in v) for v in values):
                values, changed = [csv_safe(v) for v in values], True
            if changed:
                flat[col] = values
        flat.to_csv(stream, index=False, lineterminator="\n", float_format="%.6g")
    elif fmt == "table":
        if caption:
            stream.write("\n".join(_wrap(caption, width or terminal_width())) + "\n")
        stream.write(format_table(pick_columns(frame, columns), width=width, wrap=wrap) + "\n")
    else:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str], columns: Sequence[str]) -> None:
    """Write rows as ``csv`` or ``json`` one at a time, as :func:`write_frame` writes a frame of them.

    For long outputs (every paper of a big list): no frame, and no second copy
    of the rows, is held while they are written.

    >>> import sys
    >>> write_records(iter([{"id": "a", "tags": ["x", "y"]}]), "csv", sys.stdout, ["id", "tags"])
    id,tags
    a,x; y
    """
    if fmt == "json":
        stream.write("[")
        first = True
        for record in records:
            # json.dump(rows, indent=1) indents each row one space more than the row alone;
            # a JSON string holds no raw line break, so every line break is layout
            row = json.dumps({c: _plain(record.get(c)) for c in columns}, ensure_ascii=False, indent=1)
            stream.write(("\n " if first else ",\n ") + row.replace("\n", "\n "))
            first = False
        stream.write("]\n" if first else "\n]\n")
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")  # what pandas' to_csv quotes, this quotes
        writer.writerow(columns)
        for record in records:
            writer.writerow([_csv_value(record.get(c)) for c in columns])
    else:
        raise ValueError(f"records are written as csv or json, not {fmt!r}")


def _csv_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int)):
        return "" if value is None else value
    return csv_safe(_cell(value))


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``frame`` as CSV to the file ``path``, whole or not at all.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> import pandas as pd
    >>> write_csv(pd.DataFrame({"title": ["=1+1"]}), out); out.read_text()
    "title\\n'=1+1\\n"
    """
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        write_frame(frame, "csv", fh)
