"""The graph of the listed papers, made from list entries alone.

:func:`graph_from_entries` makes the listed papers' nodes, keyed by
``Entry.key``; the fetch layer re-keys them once Semantic Scholar knows them.

Examples
--------
>>> from citegraph.lists.entry import Entry
>>> G = graph_from_entries([Entry(arxiv="2405.09818", title="Chameleon", tags=["Unified"])])
>>> list(G.nodes)
['arxiv:2405.09818']
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterable

import networkx as nx

from citegraph.lists.entry import Entry
from citegraph.lists.mentions import add_mentions
from citegraph.graph.model import add_paper, new_graph

__all__ = ["entry_attrs", "graph_from_entries"]


def entry_attrs(entry: Entry) -> dict[str, Any]:
    """Node attributes a list entry gives its paper (``listed=True``)."""
    s2 = entry.s2_id or ""
    corpus = int(s2.split(":", 1)[1]) if s2.lower().startswith("corpusid:") else None
    return {
        "paper_id": s2 if s2 and corpus is None else None,
        "arxiv": entry.arxiv,
        "doi": entry.doi,
        "corpus_id": corpus,
        "title": entry.title,
        "name": entry.name,
        "year": entry.year,
        "venue": entry.venue,
        "authors": list(entry.authors) or None,
        "tags": list(entry.tags),
        "sources": list(entry.sources),
        "repos": list(entry.repos),
        "text": entry.text or None,
        "listed": True,
    }


def graph_from_entries(entries: Iterable[Entry], *, mentions: bool = True) -> nx.DiGraph:
    """A graph of the listed papers alone, keyed by ``Entry.key``, attributes from the lists.

    With ``mentions`` (the default) a paper whose notes name another listed
    paper gets a ``mentions`` edge to it; :func:`citegraph.fetch.records.add_fetched` adds them itself
    after re-keying, so the fetch pipeline passes ``mentions=False``.
    """
    G = new_graph()
    for entry in entries:
        add_paper(G, entry.key, **entry_attrs(entry))
    if mentions:
        add_mentions(G)
    return G
