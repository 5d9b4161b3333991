"""Paper lists kept as RIS, the tagged records Zotero, Mendeley and EndNote export.

A record runs from its ``TY  -`` line to its ``ER  -`` line, a ``TAG  - value`` a line (a
line without a tag goes on the value above).  ``TI``/``T1`` give the title, ``AU``/``A1``
the authors (``Lee, Ann``), ``PY``/``Y1``/``DA`` the year, ``T2``/``JO``/``JF``/``BT`` the
venue, ``DO``, ``UR`` and ``L1`` the ids, ``KW`` the tags, ``AB``/``N1`` the note.  A record
is a paper, ``file:line`` where it starts; one naming none is a warning, as a stray tag is.

>>> lines = ["TY  - CONF", "TI  - Chameleon: Mixed-Modal Models", "AU  - Team, Chameleon", "PY  - 2024",
...          "UR  - https://arxiv.org/abs/2405.09818", "ER  - "]
>>> looks_like_ris(lines), [(e.arxiv, e.title, e.authors, e.year) for e in read_ris(lines, "refs.ris")[0]]
(True, [('2405.09818', 'Chameleon: Mixed-Modal Models', ['Chameleon Team'], 2024)])
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from citegraph.lists.delimited import papers_of
from citegraph.lists.entry import Entry, ListWarning

__all__ = ["looks_like_ris", "read_ris"]

# "TY  - JOUR": two letters or a letter and a digit, two spaces, a hyphen (exports trim the space after it)
_TAGGED = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_FIELDS = {
    **dict.fromkeys(("TI", "T1", "CT"), "title"),
    **dict.fromkeys(("AU", "A1"), "authors"),
    **dict.fromkeys(("PY", "Y1", "DA"), "year"),
    **dict.fromkeys(("T2", "JO", "JF", "JA", "BT", "SE"), "venue"),
    **dict.fromkeys(("DO", "UR", "L1", "L2", "LK"), "ids"),
    "KW": "tags",
    **dict.fromkeys(("AB", "N1", "N2"), "text"),
}
# fields of which a record gives one a line, joined as a spreadsheet's cell holds them
_JOINED = {"authors": "; ", "tags": "; ", "text": " "}


def looks_like_ris(lines: Sequence[str]) -> bool:
    """A document whose first line that is not blank opens a RIS record (``TY  - ...``)."""
    first = next((lines[i] for i in range(min(len(lines), 50)) if lines[i].strip()), "")
    m = _TAGGED.match(first.lstrip("\ufeff").rstrip())
    return m is not None and m.group(1) == "TY"


def _records(
    lines: Sequence[str], source: str, warnings: list[ListWarning]
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    start = 0
    cells: list[tuple[str, str]] = []
    for no in range(1, len(lines) + 1):
        line = lines[no - 1].rstrip()
        m = _TAGGED.match(line)
        if m is None:
            if line.strip() and start and cells:
                field, value = cells[-1]
                cells[-1] = (field, f"{value} {line.strip()}")  # a value wrapped over lines
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            start, cells = no, []
        elif tag == "ER":
            if start:
                yield f"{source}:{start}", _joined(cells)
            start = 0
        elif not start:
            warnings.append(ListWarning(f"{source}:{no}", f"RIS tag {tag} outside a record (no TY line above)"))
        elif tag in _FIELDS and value:
            cells.append((_FIELDS[tag], value))
    if start:
        yield f"{source}:{start}", _joined(cells)  # a last record without its ER line


def _joined(cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Repeated fields (an author a line) as one cell each; ids stay apart (each is tried)."""
    out: list[tuple[str, str]] = []
    joined: dict[str, list[str]] = {}
    for field, value in cells:
        if field in _JOINED:
            joined.setdefault(field, []).append(value)
        else:
            out.append((field, value))
    out.extend((field, _JOINED[field].join(values)) for field, values in joined.items())
    return out


def read_ris(lines: Sequence[str], source: str) -> tuple[list[Entry], list[ListWarning]]:
    """One paper per RIS record (see the module's docstring)."""
    warnings: list[ListWarning] = []
    return papers_of(_records(lines, source, warnings), "RIS record", warnings), warnings
