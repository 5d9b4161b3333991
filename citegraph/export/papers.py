"""The papers read from lists, written as CSV or JSON a paper at a time (``citegraph papers``).

Its own module, apart from :mod:`citegraph.reporting`: writing a list's papers
needs neither networkx nor pandas, so ``citegraph papers`` loads neither.
"""

from __future__ import annotations

from typing import IO
from collections.abc import Iterable

from citegraph.export.tables import write_records
from citegraph.lists.entry import Entry
from citegraph.lists.reader import PAPER_COLUMNS, paper_records

__all__ = ["write_papers"]


def write_papers(entries: Iterable[Entry], fmt: str, stream: IO[str]) -> None:
    """Write the papers read from lists as ``csv`` or ``json``, a paper at a time.

    The columns are :data:`~citegraph.lists.reader.PAPER_COLUMNS`; no table of
    every paper is held beside the papers while they are written.

    Examples
    --------
    >>> import sys
    >>> from citegraph.lists.entry import Entry
    >>> write_papers([Entry(arxiv="2405.09818", title="Chameleon", year=2024)], "csv", sys.stdout)
    key,arxiv,doi,s2_id,title,name,year,tags,sources,text,authors,venue
    arxiv:2405.09818,2405.09818,,,Chameleon,,2024,,,,,
    """
    write_records(paper_records(entries), fmt, stream, PAPER_COLUMNS)
