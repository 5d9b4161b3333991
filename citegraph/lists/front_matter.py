"""The paper a note's front matter names (an Obsidian, Zotero-integration or Hugo paper note).

A note that opens with YAML between ``---`` lines (or TOML between ``+++`` ones, as Hugo
writes it), keys such as ``title``, ``authors``, ``year``, ``url``, ``arxiv`` or ``doi``
(known as a spreadsheet's columns are, :func:`~citegraph.lists.delimited.column_field`),
is a note about that paper when a key gives its id: it is one, listed at line 1.
(A blog post's front matter has a title too, and names no paper.)

Examples
--------
>>> lines = ["---", 'title: "Chameleon: Mixed-Modal Models"', "authors: [Chameleon Team]",
...          "url: https://arxiv.org/abs/2405.09818", "---", "# Notes"]
>>> e, body, _ = front_matter(lines, "note.md")
>>> (e.arxiv, e.title, e.authors, body)
('2405.09818', 'Chameleon: Mixed-Modal Models', ['Chameleon Team'], 6)
"""

from __future__ import annotations

import tomllib
from typing import Protocol

import yaml

from citegraph.lists.delimited import cell_text, column_field, entry_from_fields
from citegraph.lists.entry import Entry, ListWarning

__all__ = ["front_matter"]

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


class _Lines(Protocol):
    """A document's lines by index (a list, or the reader's own lines)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> str: ...


def front_matter(lines: _Lines, source: str) -> tuple[Entry | None, int, list[ListWarning]]:
    """``(the paper, the first line after the front matter, warnings)``; ``(None, 1, [])`` when
    the note has none, and no paper when it names none."""
    opening = lines[0].strip() if lines else ""
    if opening not in _FENCES:
        return None, 1, []
    end = next((i for i in range(1, min(len(lines), 200)) if lines[i].strip() in _FENCES[opening]), None)
    if end is None:
        return None, 1, []
    body = "\n".join(lines[i] for i in range(1, end))
    try:
        data = tomllib.loads(body) if opening == "+++" else yaml.safe_load(body)
    except tomllib.TOMLDecodeError as exc:
        return None, end + 2, [ListWarning(f"{source}:1", f"front matter is not TOML ({str(exc)[:80]}): skipped")]
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = 2 + where.line if where is not None else 1
        return None, end + 2, [ListWarning(f"{source}:{line}", f"front matter is not YAML ({str(exc)[:80]}): skipped")]
    if not isinstance(data, dict):
        return None, end + 2, []
    cells = [(f, cell_text(v)) for k, v in data.items() if isinstance(k, str) and (f := column_field(k))]
    warnings: list[ListWarning] = []
    paper = entry_from_fields(cells, f"{source}:1", warnings)
    if paper is None or not paper.ids:
        return None, end + 2, warnings  # (a blog post's title names no paper: an id must)
    return paper, end + 2, warnings
