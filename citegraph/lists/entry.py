"""One paper as a reading list names it, before Semantic Scholar is asked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from citegraph.text.ids import paper_key

__all__ = ["Entry", "ListWarning", "ID_FIELDS", "add_new"]

# the fields of an Entry that identify its paper
ID_FIELDS = ("arxiv", "doi", "s2_id")


@dataclass(slots=True)  # a list of thousands of papers: no per-entry __dict__
class Entry:
    """A distinct paper found in one or more lists.

    Identifiers are normalised: ``arxiv`` without version (``2503.08686``,
    ``cs/0309023``), ``doi`` lower-cased without a URL prefix, ``s2_id`` a
    Semantic Scholar paperId (40 hex) or ``CorpusId:NNN``.
    """

    arxiv: str | None = None
    doi: str | None = None
    s2_id: str | None = None
    title: str | None = None
    name: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    repos: list[str] = field(default_factory=list)
    text: str = ""

    @property
    def ids(self) -> dict[str, str]:
        """The ids it has, by field (see :data:`ID_FIELDS`).

        >>> Entry(arxiv="2405.09818", title="Chameleon").ids
        {'arxiv': '2405.09818'}
        """
        return {k: v for k in ID_FIELDS if (v := getattr(self, k))}

    @property
    def key(self) -> str:
        """The graph node id this entry gets before it is resolved (see ``paper_key``)."""
        s2, corpus = self.s2_id, None
        if s2 and s2.lower().startswith("corpusid:"):
            corpus, s2 = s2.split(":", 1)[1], None
        return paper_key(paper_id=s2, arxiv=self.arxiv, doi=self.doi, corpus_id=corpus, title=self.title)

    @property
    def s2_query_id(self) -> str | None:
        """The id to send to the batch endpoint (``ARXIV:...``, ``DOI:...``, ...), if any."""
        ids = self.s2_query_ids
        return ids[0] if ids else None

    @property
    def s2_query_ids(self) -> list[str]:
        """Every id the batch endpoint can take for this entry, most stable first.

        The first is :attr:`s2_query_id`; the others are tried when the API
        does not know it.

        >>> Entry(arxiv="2403.99999", doi="10.1/x").s2_query_ids
        ['ARXIV:2403.99999', 'DOI:10.1/x']
        >>> Entry(title="Only a title").s2_query_ids
        []
        """
        ids = []
        if self.s2_id:
            s2 = self.s2_id
            ids.append(s2 if not s2.lower().startswith("corpusid:") else "CorpusId:" + s2.split(":", 1)[1])
        if self.arxiv:
            ids.append(f"ARXIV:{self.arxiv}")
        if self.doi:
            ids.append(f"DOI:{self.doi}")
        return ids


@dataclass(frozen=True)
class ListWarning:
    """A malformed entry skipped or repaired while reading; ``source`` is ``file:line``."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def add_new(target: list[str], items: Iterable[str]) -> None:
    """Append the items ``target`` lacks, in order (an entry's tags, sources, repos); empty ones never.

    >>> tags = ["A"]
    >>> add_new(tags, ["B", "A", "", "B"])
    >>> tags
    ['A', 'B']
    """
    for item in items:
        if item and item not in target:
            target.append(item)
