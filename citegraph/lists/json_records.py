"""Paper lists kept as JSON: an array of records (CSL-JSON, as Zotero exports it) or JSON lines.

A record's keys are known as a spreadsheet's columns are (:func:`~citegraph.lists.delimited.column_field`),
and CSL-JSON's own (``author`` as ``[{"family": ..., "given": ...}]``, ``issued``, ``container-title``).
A record is a paper (a record nested in it too: ``{"paper": {"title": ...}}``), ``file:line``
where it starts; one naming no paper, or bad JSON, is a warning.

Examples
--------
>>> lines = ['[{"title": "Chameleon: Mixed-Modal Models", "URL": "https://arxiv.org/abs/2405.09818",',
...          '  "author": [{"family": "Team", "given": "Chameleon"}], "issued": {"date-parts": [[2024, 5]]}}]']
>>> looks_like_json(lines)
True
>>> [(e.arxiv, e.title, e.authors, e.year) for e in read_json(lines, "refs.json")[0]]
[('2405.09818', 'Chameleon: Mixed-Modal Models', ['Chameleon Team'], 2024)]
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from citegraph.lists.delimited import cell_text, column_field, papers_of
from citegraph.lists.entry import Entry, ListWarning

__all__ = ["looks_like_json", "read_json"]

# CSL-JSON's keys the spreadsheet columns do not name
_CSL = {"container-title": "venue", "issued": "year", "event": "venue", "keyword": "tags", "note": "text"}


def _first_line(lines: Sequence[str]) -> int | None:
    return next((i for i in range(min(len(lines), 50)) if lines[i].strip()), None)


def looks_like_json(lines: Sequence[str]) -> bool:
    """A document that is a JSON array of records, or whose first line is a JSON record."""
    first = _first_line(lines)
    if first is None:
        return False
    head = lines[first].lstrip()
    if head.startswith("{"):
        try:
            return isinstance(json.loads(lines[first]), dict)
        except ValueError:
            return False
    if head.startswith("["):  # an array of records: "[{" (JSON that stops parsing is still JSON, and a warning)
        after = head[1:].lstrip() or next((lines[i].lstrip() for i in range(first + 1, min(len(lines), first + 5))
                                           if lines[i].strip()), "")
        return after.startswith("{")  # ("[Title](url)" is markdown)
    return False


def _records(lines: Sequence[str], warnings: list[ListWarning], source: str) -> Iterator[tuple[int, object]]:
    """Each record and the line it starts on; JSON that stops parsing ends the file, with a warning."""
    first = _first_line(lines)
    if first is None:
        return
    if lines[first].lstrip().startswith("{"):  # JSON lines
        for no in range(first + 1, len(lines) + 1):
            line = lines[no - 1]
            if not line.strip():
                continue
            try:
                yield no, json.loads(line)
            except ValueError as exc:
                warnings.append(ListWarning(f"{source}:{no}", f"not a JSON record ({exc}): skipped"))
        return
    text = "\n".join(lines)
    decoder = json.JSONDecoder()
    at, line_no = text.index("[") + 1, 1
    counted = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        if at >= len(text) or text[at] == "]":
            return
        line_no += text.count("\n", counted, at)  # (counted once over the text: linear)
        counted = at
        try:
            record, end = decoder.raw_decode(text, at)
        except ValueError as exc:
            warnings.append(ListWarning(f"{source}:{line_no}", f"not read past here as JSON ({exc})"))
            return
        yield line_no, record
        at = end


def _flat(record: dict[object, object]) -> Iterator[tuple[object, object]]:
    """A record's keys and values, a nested record's one level down among them
    (``{"paper": {"title": ..., "url": ...}, "venue": ...}``); CSL's own nested values stay whole.

    >>> list(_flat({"paper": {"title": "T", "url": "u"}, "venue": "CVPR 2024", "issued": {"date-parts": [[2024]]}}))
    [('title', 'T'), ('url', 'u'), ('venue', 'CVPR 2024'), ('issued', {'date-parts': [[2024]]})]
    """
    for key, value in record.items():
        if isinstance(value, dict) and not (isinstance(key, str) and key.lower() in _CSL):
            yield from value.items()
        else:
            yield key, value


def read_json(lines: Sequence[str], source: str) -> tuple[list[Entry], list[ListWarning]]:
    """One paper per record of a JSON list (see the module's docstring)."""
    warnings: list[ListWarning] = []

    def records() -> Iterator[tuple[str, list[tuple[str, str]]]]:
        for no, record in _records(lines, warnings, source):
            if not isinstance(record, dict):
                warnings.append(ListWarning(f"{source}:{no}", "a JSON value that is no record: skipped"))
                continue
            yield f"{source}:{no}", [(f, cell_text(v)) for k, v in _flat(record)
                                     if isinstance(k, str) and (f := _CSL.get(k.lower()) or column_field(k))]

    return papers_of(records(), "record", warnings), warnings
