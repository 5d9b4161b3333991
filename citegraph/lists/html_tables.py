"""HTML tables in a list, read as markdown tables are: a row is an item, its header names the columns.

A row may be written over several lines (``<tr>`` / ``<td>...</td>`` / ``</tr>``).
Each data row becomes one markdown row (``| cell | cell |``) standing on its
first line, its links as markdown links, so that the reader reads it as it
reads any table row (see ``markdown._Reader._table_row``); the table's other
lines (its tags, its header, a row's later lines) are no notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from citegraph.lists.text import plain, without_symbols
from citegraph.text.matching import matches

_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_ROW_OPEN = re.compile(r"<tr\b", re.I)
_ROW_FIRST = re.compile(r"\s*<tr\b", re.I)
_ROW_CLOSE = re.compile(r"</tr\s*>", re.I)
# (bounded runs: a tag or link never closed must not be scanned again from each of a run of openers)
_CELL = re.compile(r"<(t[dh])\b[^<>]{0,500}>(.*?)(?:</\1\s*>|(?=<t[dh]\b)|$)", re.I | re.S)
_ANCHOR = re.compile(
    r"""<a\b[^<>]{0,500}?\bhref\s*=\s*["']([^"'<>]{0,2000})["'][^<>]{0,500}>(.{0,2000}?)</a\s*>""", re.I | re.S
)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")
# a row's lines: a row is read whole only when it closes within this many (a lost </tr>
# must not make the rest of the document one row)
_MAX_ROW_LINES = 40


@dataclass
class HtmlTables:
    """The HTML tables of a document, by line (1-based)."""

    # a data row's first line → its last: the row as markdown is made when asked
    # (:func:`row_markdown`), so that a table's text is not held twice
    rows: dict[int, int] = field(default_factory=dict)
    headers: dict[int, list[str]] = field(default_factory=dict)  # that line → its table's column names, lower case
    covered: set[int] = field(default_factory=set)  # the tables' other lines


def _cell_markdown(inner: str) -> str:
    """A cell's HTML as the markdown a table row holds: links ``[text](url)``, no pipes or line breaks."""
    s = _ANCHOR.sub(lambda m: f"[{' '.join(_TAG.sub(' ', m.group(2)).split())}]({m.group(1).strip()})", inner)
    s = _TAG.sub(" ", _BREAK.sub(" ", s))
    return " ".join(s.replace("|", "\\|").split())


def _row_cells(lines: Sequence[str], first: int, last: int) -> list[tuple[str, str]]:
    """``(td|th, inner HTML)`` of the row that opens on line ``first`` and ends by line ``last``."""
    row = " ".join(lines[i - 1] for i in range(first, last + 1))
    start = _ROW_OPEN.search(row)
    if start is None:
        return []
    close = _ROW_CLOSE.search(row, start.end())
    end = close.start() if close else len(row)
    return [(m.group(1).lower(), m.group(2)) for m in matches(_CELL, row, start.end(), end)]


def row_markdown(lines: Sequence[str], first: int, last: int) -> str:
    """The row on lines ``first``..``last`` as a markdown table row."""
    return "| " + " | ".join(_cell_markdown(inner) for _, inner in _row_cells(lines, first, last)) + " |"


def html_tables(lines: Sequence[str]) -> HtmlTables:
    """Each HTML table's rows, headers and other lines (see the module's docstring).

    >>> lines = ['<table>', '<tr><th>Model</th><th>Paper</th></tr>', '<tr>',
    ...          '  <td>WidgetNet</td>', '  <td><a href="https://arxiv.org/abs/2401.00001">Widgets</a></td>',
    ...          '</tr>', '</table>']
    >>> t = html_tables(lines)
    >>> t.rows, t.headers, sorted(t.covered)
    ({3: 6}, {3: ['model', 'paper']}, [1, 2, 4, 5, 6, 7])
    >>> row_markdown(lines, 3, 6)
    '| WidgetNet | [Widgets](https://arxiv.org/abs/2401.00001) |'
    >>> html_tables(['<tr><td>2024</td><td>Widgets</td></tr>', 'Notes below.']).rows  # rows without a table
    {1: 1}
    >>> html_tables(['<table><tr><td>', '', '**[Widgets](url)**', '', '</td></tr></table>']).rows  # a grid
    {}
    """
    out = HtmlTables()
    n = len(lines)
    no = 1
    while no <= n:
        line = lines[no - 1]
        # a table, or rows without one (a fragment copied out of a page: "<tr><td>...</td></tr>" lines)
        bare = "<" in line and not _TABLE_OPEN.search(line) and bool(_ROW_FIRST.match(line))
        if "<" not in line or not (bare or _TABLE_OPEN.search(line)):
            no += 1
            continue
        header: list[str] = []
        found = HtmlTables()
        k = no
        while k <= n:
            text = lines[k - 1]
            row_at = _ROW_OPEN.search(text) if "<" in text else None
            if row_at is not None and len(_ROW_OPEN.findall(text)) > 1:
                found = HtmlTables()  # rows side by side on a line: no line to stand each on; read as text
                break
            if row_at is None and bare:
                k -= 1  # the rows are over: this line is the document's again
                break
            if row_at is None:
                found.covered.add(k)
                if _TABLE_CLOSE.search(text):
                    break
                k += 1
                continue
            last = k
            while last < min(n, k + _MAX_ROW_LINES) and not _ROW_CLOSE.search(lines[last - 1]):
                last += 1
            if any(not lines[i - 1].strip() for i in range(k, last + 1)):
                # a blank line in a row: its cells hold markdown blocks (GitHub renders them), a
                # grid laying papers out side by side, not a table of them: read as text
                found = HtmlTables()
                break
            cells = _row_cells(lines, k, last)
            if cells and all(kind == "th" for kind, _ in cells):
                header = [" ".join(without_symbols(plain(inner)).lower().split()) for _, inner in cells]
                found.covered.update(range(k, last + 1))
            elif cells:
                found.rows[k] = last
                found.headers[k] = header
                found.covered.update(range(k + 1, last + 1))
            if _TABLE_CLOSE.search(lines[last - 1]):
                break
            k = last + 1
        out.rows.update(found.rows)
        out.headers.update(found.headers)
        out.covered |= found.covered
        no = k + 1
    return out
