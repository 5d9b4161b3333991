"""Writing tables for people (``table``) and machines (``csv``, ``json``).

The ``csv`` and ``json`` forms are the stable machine formats: ``json`` is a
list of row objects with the frame's columns as keys (missing values are
``null``), ``csv`` has a header row and RFC 4180 quoting; a list of strings (tags,
authors) is one ``"; "``-joined cell, and a structured value (a ``builds_on``
link's ``evidence``: a list of ``{"kind", "detail"}``) is one cell of JSON.

A text cell that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return: titles and notes come
from lists and the API, so they are data, never code) is written with a
leading ``'``, which spreadsheets show as text; numbers are left alone.
"""

from __future__ import annotations

import json
import math
import os
from typing import IO, Any

import pandas as pd

from citegraph.graph.files import atomic_path

__all__ = ["FORMATS", "FORMULA_STARTS", "frame_records", "write_frame", "write_csv", "csv_safe"]

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
    if value is None or value is pd.NA:
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


def write_frame(frame: pd.DataFrame, fmt: str, stream: IO[str], *, max_width: int = 60) -> None:
    """Write ``frame`` to ``stream`` as ``table``, ``csv`` or ``json``."""
    if fmt == "json":
        json.dump(frame_records(frame), stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    elif fmt == "csv":
        flat = frame.copy(deep=False)  # columns are replaced, never changed in place
        for col in flat.columns:
            if pd.api.types.is_numeric_dtype(flat[col]) or pd.api.types.is_bool_dtype(flat[col]):
                continue  # numbers (a negative one starts with "-") are never formulas
            values = flat[col].tolist()
            changed = False
            if any(isinstance(v, (list, tuple, dict)) for v in values):
                values, changed = [_cell(v) for v in values], True
            if any(isinstance(v, str) and (v.startswith(FORMULA_STARTS) or "\r" in v) for v in values):
                values, changed = [csv_safe(v) for v in values], True
            if changed:
                flat[col] = values
        flat.to_csv(stream, index=False, lineterminator="\n")
    elif fmt == "table":
        cells = [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        header = [str(c) for c in frame.columns]
        clipped = [
            [c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells
        ]
        widths = [
            max([len(h)] + [len(r[i]) for r in clipped]) for i, h in enumerate(header)
        ]
        stream.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
        for row in clipped:
            stream.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    else:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``frame`` as CSV to the file ``path``, whole or not at all.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv(pd.DataFrame({"title": ["=1+1"]}), out); out.read_text()
    "title\\n'=1+1\\n"
    """
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        write_frame(frame, "csv", fh)
