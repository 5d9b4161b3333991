"""Paper lists kept as a spreadsheet: CSV or TSV with a header row (a Zotero or Scopus export, a sheet).

A column is known by its header (case and spaces aside, see ``_COLUMNS``); the
others are ignored.  Each row is one paper, named ``file:line`` by the line it
starts on.  A row naming no paper, or a malformed id, is a warning.

Examples
--------
>>> rows = ['Title,Author,Publication Year,Url', '"Chameleon: Mixed-Modal Models","Team, Chameleon",2024,'
...         'https://arxiv.org/abs/2405.09818']
>>> looks_like_delimited(rows, "papers.csv")
True
>>> [(e.arxiv, e.title, e.authors, e.year) for e in read_delimited(rows, "papers.csv")[0]]
[('2405.09818', 'Chameleon: Mixed-Modal Models', ['Chameleon Team'], 2024)]
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from citegraph.lists.entry import Entry, ListWarning
from citegraph.lists.text import AUTHOR_SEP, clean_title, given_name
from citegraph.text.ids import IdError, paper_ids_in_url, parse_any_id
from citegraph.text.matching import matches

__all__ = ["cell_text", "column_field", "entry_from_fields", "looks_like_delimited", "papers_of", "read_delimited"]

# header (lower case, spaces single) → the field its cells give
_COLUMNS = {
    **dict.fromkeys(("title", "paper title", "article title", "paper"), "title"),
    **dict.fromkeys(("model", "model name", "method", "name"), "name"),
    **dict.fromkeys(("author", "authors"), "authors"),
    **dict.fromkeys(("year", "publication year", "pub year", "date"), "year"),
    **dict.fromkeys(("venue", "journal", "publication title", "publication", "conference", "conference name",
                     "proceedings title", "booktitle", "source title"), "venue"),
    **dict.fromkeys(("doi", "arxiv", "arxiv id", "arxiv_id", "eprint", "archive id", "url", "link", "paper link",
                     "paper url", "pdf", "paperid", "paper id", "s2 id", "semantic scholar id", "corpusid", "extra"),
                    "ids"),
    **dict.fromkeys(("tags", "manual tags", "category", "categories", "topic", "section"), "tags"),
    **dict.fromkeys(("notes", "note", "comment", "comments", "description"), "text"),
}
_TAG_SEP = re.compile(r"[;,]")
_URL = re.compile(r"https?://\S+", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# an id written in a cell of other words: Zotero's Extra ("arXiv: 2312.07654"), a Scopus DOI link
_ID_IN_TEXT = re.compile(r"(?:arxiv\s*[:：]\s*)(\S+)|(https?://\S+)|(10\.\d{4,9}/\S+)", re.I)


def _header(line: str, name: str) -> tuple[str, list[str]] | None:
    """``(delimiter, column names)`` when ``line`` reads as a spreadsheet's header row."""
    if len(line) > 4000 or line.lstrip()[:1] in ("|", "#", "-", "*", "<", "[", "@", ">"):
        return None  # markdown, HTML, BibTeX; no header is that long
    tab = "\t" in line or name.lower().endswith(".tsv")
    delimiter = "\t" if tab else (";" if line.count(";") > line.count(",") else ",")
    cells = next(csv.reader([line], delimiter=delimiter), [])
    names = [" ".join(c.lower().replace("_", " ").split()) for c in cells]
    if len(names) < 2 or any(len(n) > 40 for n in names):
        return None
    return delimiter, names


def looks_like_delimited(lines: Sequence[str], name: str = "") -> bool:
    """A document whose first line is a header naming two known columns (one in a
    ``.csv``/``.tsv`` file) and whose next row has as many cells."""
    # (lines decoded one at a time, and only as far as needed: a list may be one huge line)
    first = next((i for i, line in enumerate(islice(lines, 50)) if line.strip()), None)
    if first is None or (found := _header(lines[first], name)) is None:
        return False
    delimiter, names = found
    known = sum(1 for n in names if n in _COLUMNS)
    if name.lower().endswith((".csv", ".tsv")):
        return known >= 1
    if known < 2 or not any(_COLUMNS.get(n) in ("ids", "title") for n in names):
        return False
    rest = (line for line in islice(lines, first + 1, first + 20) if line.strip())
    row = next(csv.reader(rest, delimiter=delimiter), None)
    return row is not None and len(row) == len(names)


def _authors(cell: str) -> list[str]:
    """``Lee, Ann; Kim, Bo`` (Zotero: last name first, ``;`` between people) or ``Ann Lee, Bo Kim``."""
    s = cell.strip()
    if ";" in s or (s.count(",") == 1 and all(len(p.split()) == 1 for p in s.split(","))):
        people = []
        for person in s.split(";"):
            last, comma, first = person.partition(",")
            people.append(f"{first.strip()} {last.strip()}".strip() if comma else person.strip())
        return [p for p in people if p]
    return [p.strip(" .") for p in AUTHOR_SEP.split(s) if p.strip(" .")]


def _ids(cell: str, where: str, warnings: list[ListWarning]) -> dict[str, str]:
    """The paper ids of an id column's cell (an id, a paper url, or words holding one)."""
    s = cell.strip()
    if not s:
        return {}
    if _URL.fullmatch(s):
        try:
            return paper_ids_in_url(s)
        except IdError as exc:
            warnings.append(ListWarning(where, str(exc)))
            return {}
    ids = parse_any_id(s)
    if ids:
        return ids
    for m in matches(_ID_IN_TEXT, s[:2000]):
        if found := parse_any_id(next(g for g in m.groups() if g).rstrip(".,;)")):
            return found
    return {}


def _rows(lines: Iterable[str], delimiter: str, warnings: list[ListWarning], source: str, first: int
          ) -> Iterator[tuple[int, list[str]]]:
    """Each row and the line it starts on (a quoted cell may hold line breaks); a row
    the csv module cannot read (a cell over its 128 KB limit) ends the file, with a warning."""
    reader = csv.reader(lines, delimiter=delimiter)  # (lines decoded one at a time, never all held)
    done = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            warnings.append(ListWarning(f"{source}:{done + 1 + first}", f"not read past here as CSV: {exc}"))
            return
        start, done = done + 1, reader.line_num
        if any(c.strip() for c in row):
            yield start + first, row


def column_field(name: str) -> str | None:
    """The field a column (or a front matter's key, a JSON record's) gives: ``title``, ``name``,
    ``authors``, ``year``, ``venue``, ``ids``, ``tags``, ``text``; ``None`` for others.

    >>> column_field("Publication Year"), column_field("Manual_Tags"), column_field("Pages")
    ('year', 'tags', None)
    """
    return _COLUMNS.get(" ".join(name.lower().replace("_", " ").split()))


def entry_from_fields(cells: Iterable[tuple[str, str]], where: str, warnings: list[ListWarning]) -> Entry | None:
    """The paper of ``(field, text)`` pairs (fields as :func:`column_field` names them), its
    ids from every ``ids`` cell and a link in any other; ``None`` when it has no id and no title."""
    ids: dict[str, str] = {}
    values: dict[str, str] = {}
    for field, cell in cells:
        if field != "ids" and _URL.fullmatch(cell.strip()):
            field = "ids"  # a "Paper" column of links
        if field == "ids":
            for k, v in _ids(cell, where, warnings).items():
                ids.setdefault(k, v)
        elif cell.strip() and field not in values:
            values[field] = cell.strip()
    title = clean_title(values.get("title", "")) or None
    if not ids and not title:
        return None
    year = _YEAR.search(values.get("year", ""))
    return Entry(
        **ids,
        title=title,
        name=given_name(values["name"]) if "name" in values else None,
        authors=_authors(values.get("authors", "")),
        venue=values.get("venue"),
        year=int(year.group(0)) if year else None,
        tags=[t.strip() for t in _TAG_SEP.split(values.get("tags", "")) if t.strip()],
        sources=[where],
        text=values.get("text", ""),
    )


def cell_text(value: object) -> str:
    """A JSON record's or a front matter's value as a cell's text: lists joined as names are
    (``"Lee, Ann; Kim, Bo"`` when an item holds a comma), CSL's people and dates, a date's year.

    >>> cell_text([{"family": "Lee", "given": "Ann"}, "Bo Kim"]), cell_text({"date-parts": [[2024, 5]]})
    ('Lee, Ann; Bo Kim', '2024')
    """
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])  # {"date-parts": [[2024, 5]]}
        if "family" in value or "literal" in value:
            literal = value.get("literal")
            return str(literal) if literal else f"{value.get('family', '')}, {value.get('given', '')}".strip(" ,")
        return ""
    if isinstance(value, (list, tuple)):
        items = [cell_text(v) for v in value]
        return ("; " if any("," in item for item in items) else ", ").join(i for i in items if i)
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value.year)
    return "" if value is None else str(value)


def papers_of(records: Iterable[tuple[str, list[tuple[str, str]]]], what: str,
              warnings: list[ListWarning]) -> list[Entry]:
    """The papers of ``(file:line, cells)`` records; a record naming none is a warning
    (``what`` names a record: "row", "record")."""
    entries: list[Entry] = []
    for where, cells in records:
        e = entry_from_fields(cells, where, warnings)
        if e is None:
            warnings.append(ListWarning(where, f"{what} names no paper: no id and no title"))
        else:
            entries.append(e)
    return entries


def read_delimited(lines: Sequence[str], source: str) -> tuple[list[Entry], list[ListWarning]]:
    """One paper per row of a spreadsheet list (see the module's docstring)."""
    first = next(i for i, line in enumerate(lines) if line.strip())
    found = _header(lines[first], source)  # (as looks_like_delimited found it)
    assert found is not None, "read_delimited needs looks_like_delimited"
    delimiter, names = found
    fields = [column_field(n) for n in names]
    warnings: list[ListWarning] = []

    def rows() -> Iterator[tuple[str, list[tuple[str, str]]]]:
        for no, row in _rows(islice(lines, first + 1, None), delimiter, warnings, source, first + 1):
            where = f"{source}:{no}"
            if len(row) != len(names):
                warnings.append(ListWarning(where, f"row has {len(row)} cells, the header {len(names)}: "
                                                   "read by position"))
            yield where, [(field, cell) for field, cell in zip(fields, row) if field]

    return papers_of(rows(), "row", warnings), warnings
