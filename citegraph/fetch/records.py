"""Adding what Semantic Scholar returned to the graph of the listed papers.

:func:`add_fetched` re-keys the resolved papers to their ``paperId``, adds the
papers they cite (and, when fetched, the papers citing them) and the ``cites``
edges.  API records come in camelCase as the API gave them and are translated
here, at the boundary, by :func:`paper_attrs`.

Examples
--------
>>> from citegraph.lists.assemble import graph_from_entries
>>> from citegraph.lists.entry import Entry
>>> G = graph_from_entries([Entry(arxiv="2405.09818", title="Chameleon", tags=["Unified"])])
>>> rec = {"paperId": "c", "title": "Chameleon: Mixed-Modal", "externalIds": {"ArXiv": "2405.09818"}}
>>> ref = {"paperId": "v", "title": "VQGAN", "year": 2021}
>>> G = add_fetched(G, resolved={"arxiv:2405.09818": "c"}, records={"c": rec, "v": ref},
...                 references={"c": [{"paperId": "v", "isInfluential": True}, {"paperId": None}]})
>>> sorted(G.nodes), G.nodes["c"]["tags"], G.nodes["c"]["references_unresolved"]
(['c', 'v'], ['Unified'], 1)
>>> G.edges["c", "v"]["kind"], G.edges["c", "v"]["is_influential"]
('cites', True)
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from citegraph.graph.model import add_link, add_paper
from citegraph.lists.mentions import add_mentions

__all__ = ["paper_attrs", "add_fetched"]


def paper_attrs(record: Mapping[str, Any]) -> dict[str, Any]:
    """Node attributes (snake_case) from an API paper record (camelCase).

    >>> paper_attrs({"paperId": "p", "externalIds": {"ArXiv": "2405.09818", "DOI": "10.1/X",
    ...              "CorpusId": 7}, "authors": [{"name": "A"}], "citationCount": 3})
    {'paper_id': 'p', 'arxiv': '2405.09818', 'doi': '10.1/x', 'corpus_id': 7, 'authors': ['A'], 'citation_count': 3}
    """
    ext = record.get("externalIds") or {}
    doi = ext.get("DOI")
    corpus = record.get("corpusId", ext.get("CorpusId"))
    attrs: dict[str, Any] = {
        "paper_id": record.get("paperId"),
        "arxiv": ext.get("ArXiv"),
        "doi": doi.lower() if isinstance(doi, str) else None,
        "corpus_id": int(corpus) if corpus not in (None, "") else None,
        "title": record.get("title"),
        "year": record.get("year"),
        "venue": record.get("venue") or None,
        "authors": [a["name"] for a in record["authors"] if a.get("name")] if record.get("authors") else None,
        "citation_count": record.get("citationCount"),
        "influential_citation_count": record.get("influentialCitationCount"),
        "reference_count": record.get("referenceCount"),
        "abstract": record.get("abstract") or None,
        "tldr": _tldr_text(record.get("tldr")),
        "origin": record.get("origin"),
    }
    return {k: v for k, v in attrs.items() if v is not None}


def _tldr_text(tldr: Any) -> str | None:
    """The text of the API's ``tldr`` object (``{"model", "text"}``), or ``None``."""
    if isinstance(tldr, Mapping):
        text = tldr.get("text")
        return text if isinstance(text, str) and text.strip() else None
    return None


def _rekey(G: nx.DiGraph, old: str, new: str) -> None:
    """Move node ``old`` to ``new``, merging into ``new`` when it exists already."""
    if old == new or old not in G:
        return
    data = dict(G.nodes[old])
    add_paper(G, new, **data)
    for u, _, d in list(G.in_edges(old, data=True)):
        if not G.has_edge(u, new):
            G.add_edge(u, new, **d)
    for _, v, d in list(G.out_edges(old, data=True)):
        if not G.has_edge(new, v):
            G.add_edge(new, v, **d)
    G.remove_node(old)


def _edge_attrs(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "is_influential": item.get("isInfluential"),
        "intents": item.get("intents"),
        "contexts": item.get("contexts"),
        "origin": item.get("origin"),
    }


def add_fetched(
    G: nx.DiGraph,
    *,
    resolved: Mapping[str, str],
    records: Mapping[str, Mapping[str, Any]],
    references: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    citations: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    citations_capped: Iterable[str] = (),
    unresolved: Sequence[Mapping[str, Any]] = (),
    stats: Mapping[str, Any] | None = None,
) -> nx.DiGraph:
    """Add what Semantic Scholar returned to a graph made by :func:`graph_from_entries`.

    Parameters
    ----------
    G
        Modified in place and returned.
    resolved
        ``Entry.key`` → ``paperId`` for every listed paper that was resolved;
        the node is re-keyed (two entries naming one paper merge).
    records
        ``paperId`` → API record for listed, expanded and referenced papers.
    references, citations
        ``paperId`` → its list items in API order: ``{"paperId", "isInfluential",
        "intents", "contexts"}``; for references ``paperId`` is the cited paper
        (``None``: unresolved, counted not linked), for citations the citing one.
    citations_capped
        Papers whose citation list was cut (``--citation-cap`` or the API's 9,999).
    unresolved, stats
        Stored as the graph attributes ``unresolved`` and ``fetch``.
    """
    references = references or {}
    citations = citations or {}
    for key, paper_id in resolved.items():
        _rekey(G, key, paper_id)
    for paper_id in dict.fromkeys(resolved.values()):
        if paper_id in records:
            add_paper(G, paper_id, **paper_attrs(records[paper_id]))

    def ensure(paper_id: str) -> None:
        if paper_id not in G:
            attrs = paper_attrs(records.get(paper_id, {"paperId": paper_id}))
            add_paper(G, paper_id, **attrs, listed=False)

    for paper_id, items in references.items():
        ensure(paper_id)
        fetched = unresolved_refs = 0
        for item in items:
            cited = item.get("paperId")
            if not cited:
                unresolved_refs += 1
                continue
            ensure(cited)
            add_link(G, paper_id, cited, "cites", **_edge_attrs(item))
            fetched += 1
        add_paper(G, paper_id, references_fetched=fetched, references_unresolved=unresolved_refs)
    capped = set(citations_capped)
    for paper_id, items in citations.items():
        ensure(paper_id)
        fetched = 0
        seen: set[str] = set()  # a fallback source's list may repeat the first's citers
        for item in items:
            citing = item.get("paperId")
            if not citing or citing in seen:
                continue
            seen.add(citing)
            ensure(citing)
            add_link(G, citing, paper_id, "cites", **_edge_attrs(item))
            fetched += 1
        add_paper(G, paper_id, citations_fetched=fetched, citations_capped=paper_id in capped)
    G.graph["unresolved"] = [dict(u) for u in unresolved]
    if stats is not None:
        G.graph["fetch"] = dict(stats)
    add_mentions(G)
    return G
