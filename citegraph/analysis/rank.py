"""Rankings: who matters in a citation graph, by several measures.

Array functions (:func:`pagerank_scores`, :func:`hits_scores`,
:func:`citerank_scores`) take a :class:`~citegraph.graph.matrix.CitationMatrix`
and return one value per row; :func:`rank_papers` puts every measure of a
citegraph graph in one table.

Credit flows along edges, from the citing paper to the cited one.

PageRank and CiteRank are random walks on the citation graph: a reader
starts somewhere, follows references, and now and then stops.  Both are the
solution ``y`` of the linear system ``y = b + alpha * W y`` where
``W[j, i] = 1/refs(i)`` when ``i`` cites ``j``.  Citation graphs are nearly
acyclic (papers cite older papers), so with the papers in topological order
each generation of papers depends only on earlier generations: the system is
solved exactly in one pass of sparse products (iterating only inside citation
cycles), where power iteration needs one product per step and ~60-150 steps
for a 1e-10 tolerance.
"""

from __future__ import annotations

import datetime
import math
from typing import TYPE_CHECKING
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd

from citegraph.analysis import communities as community_detection
from citegraph.analysis.scores import citations_per_year, citerank_scores, hits_scores, pagerank_scores
from citegraph.graph.matrix import citation_matrix
from citegraph.errors import UsageError

if TYPE_CHECKING:
    from citegraph.graph.arrays import GraphArrays

__all__ = [
    "METRICS",
    "RANK_COLUMNS",
    "pagerank_scores",
    "hits_scores",
    "citerank_scores",
    "citations_per_year",
    "influence_kinds",
    "rank_papers",
]

METRICS: tuple[str, ...] = (
    "pagerank",
    "hits_authority",
    "hits_hub",
    "local_citations",
    "global_citations",
    "influential_citations",
    "citations_per_year",
    "citerank",
    "listed_citers",
    "community",
    "mentioned_by",
)
RANK_COLUMNS: tuple[str, ...] = ("id", "arxiv", "title", "name", "year", *METRICS)

# Influence is what citations say; the lists' own notes (mentions) are kept
# apart, in ``mentioned_by``, unless the graph has nothing else.
CITATION_KINDS: tuple[str, ...] = ("cites",)
ALL_KINDS: tuple[str, ...] = ("cites", "builds_on", "mentions")
NO_CITATIONS_NOTE = (
    "Ranked by mentions and lineage links (builds_on): no citations were fetched, "
    "so the lists' own notes are all there is to rank by."
)

# Walker et al. (2007) fitted these on Physical Review; they are a reasonable
# prior for fast-moving fields too (a paper's pull halves in ~1.8 years).
def _int_attr(G: nx.DiGraph[Hashable], name: str) -> pd.Series:
    """Node attribute ``name`` as a nullable integer column.

    >>> _int_attr(nx.DiGraph([(1, 2)]), "citation_count").tolist()
    [<NA>, <NA>]
    """
    return pd.Series([d.get(name) for _, d in G.nodes(data=True)], dtype="Int64")


def influence_kinds(G: nx.DiGraph[Hashable] | GraphArrays) -> tuple[tuple[str, ...], str]:
    """The edge kinds that measure influence in ``G``, and a sentence saying which.

    Citations (``cites`` edges, lineage links that are also citations among
    them) whenever the graph has any; otherwise every kind there is, which on
    a graph built from the lists' text alone means mentions and lineage links.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key in "ab":
    ...     _ = add_paper(G, key, title=key)
    >>> add_link(G, "b", "a", "mentions")
    >>> influence_kinds(G)[0]
    ('cites', 'builds_on', 'mentions')
    >>> add_link(G, "b", "a", "cites")
    >>> influence_kinds(G)
    (('cites',), 'Ranked by citations; mentions in the notes are counted apart (mentioned_by).')
    """
    from citegraph.graph.arrays import GraphArrays

    if isinstance(G, GraphArrays):
        cited = G.matrix_for(CITATION_KINDS).A.nnz > 0
    else:
        cited = any("cites" in d.get("kinds", (d.get("kind"),)) for _, _, d in G.edges(data=True))
    if cited:
        return CITATION_KINDS, "Ranked by citations; mentions in the notes are counted apart (mentioned_by)."
    return ALL_KINDS, NO_CITATIONS_NOTE


def rank_papers(
    G: nx.DiGraph[Hashable] | GraphArrays,
    *,
    by: str = "pagerank",
    top: int | None = None,
    listed_only: bool = False,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    ref_year: int | None = None,
    communities: bool = True,
) -> pd.DataFrame:
    """Every ranking measure for every paper of ``G``, one row each, sorted by ``by``.

    Columns: ``id, arxiv, title, name, year`` then

    =========================  ==============================================
    ``pagerank``               :func:`pagerank_scores`
    ``hits_authority``         :func:`hits_scores` (authorities)
    ``hits_hub``               :func:`hits_scores` (hubs)
    ``local_citations``        citations from papers in the graph (HistCite LCS)
    ``global_citations``       the API's ``citationCount`` (HistCite GCS)
    ``influential_citations``  the API's ``influentialCitationCount``
    ``citations_per_year``     max(global, local) citations / years since
                               publication (the year itself counts as one)
    ``citerank``               :func:`citerank_scores` (time-aware PageRank)
    ``listed_citers``          papers from the user's lists that cite it
    ``community``              :func:`~citegraph.analysis.communities.communities`
                               (missing, ``<NA>``, with ``communities=False``)
    ``mentioned_by``           papers whose list notes name it (``mentions``
                               edges), whatever ``kinds`` is
    =========================  ==============================================

    The frame's ``attrs["ranking_note"]`` says what the scores were computed
    from, ``attrs["kinds"]`` the edge kinds.

    Parameters
    ----------
    G : networkx.DiGraph or citegraph.graph.arrays.GraphArrays
        A citegraph graph, or one loaded from a compact arrays file
        (:func:`citegraph.graph.arrays.load_arrays`: no networkx graph built).
    by : str
        One of :data:`METRICS`; largest first (``community``: smallest first).
    top : int, optional
        Keep the first ``top`` rows.
    listed_only : bool
        Keep only papers named in the user's lists (measures are still
        computed on the whole graph).
    kinds : iterable of str, optional
        Edge kinds to use.  By default :func:`influence_kinds`: citations
        when the graph has any, else every kind (and the note says so).
    seed : int
        Seed of the community detection.
    ref_year : int, optional
        "Now" for citations per year: the current year, or the graph's latest
        year if that is later.
    communities : bool
        Detect communities (the slowest measure on big graphs: 29.7 s of
        the 47.6 s whole analysis at 1M papers, ``benchmarks/README.md``).  With ``False`` the ``community`` column is
        kept, so the table's shape does not change, but every value is
        missing (``<NA>``), and ``by="community"`` is refused.

    Returns
    -------
    pandas.DataFrame
        One row per paper, columns :data:`RANK_COLUMNS`.

    Raises
    ------
    UsageError
        Unknown ``by``, negative ``top``, or ``by="community"`` without
        communities.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Base model", year=2021, citation_count=90)
    >>> _ = add_paper(G, "b", title="Follow-up", year=2023, listed=True)
    >>> _ = add_paper(G, "c", title="Newest", year=2024, listed=True)
    >>> add_link(G, "b", "a", "cites"); add_link(G, "c", "a", "cites"); add_link(G, "c", "b", "cites")
    >>> table = rank_papers(G, ref_year=2024)
    >>> table[["id", "local_citations", "global_citations", "citations_per_year", "listed_citers"]]
      id  local_citations  global_citations  citations_per_year  listed_citers
    0  a                2                90                22.5              2
    1  b                1              <NA>                 0.5              1
    2  c                0              <NA>                 0.0              0
    >>> bool(rank_papers(G, communities=False)["community"].isna().all())
    True
    """
    if by not in METRICS:
        raise UsageError(f"unknown ranking metric {by!r}; choose one of: {', '.join(METRICS)}")
    if top is not None and top < 0:
        raise UsageError(f"--top must be positive, not {top}")
    if by == "community" and not communities:
        raise UsageError("cannot rank by community without community detection (communities=False)")
    from citegraph.graph.arrays import GraphArrays

    if kinds is None:
        kinds, note = influence_kinds(G)
    else:
        kinds = tuple(sorted(set(kinds)))
        note = f"Ranked by {', '.join(kinds)} edges (--kind)."
    if isinstance(G, GraphArrays):
        M = G.matrix_for(kinds)
        mentioned = G.matrix_for(("mentions",)).in_degree
        table = G.nodes
        text = {c: table[c].tolist() for c in ("arxiv", "title", "name")}
        global_citations = table["citation_count"].reset_index(drop=True)
        influential = table["influential_citation_count"].reset_index(drop=True)
    else:
        M = citation_matrix(G, kinds=kinds)
        mentioned = citation_matrix(G, kinds=("mentions",)).in_degree
        text = {c: [d.get(c) for _, d in G.nodes(data=True)] for c in ("arxiv", "title", "name")}
        global_citations = _int_attr(G, "citation_count")
        influential = _int_attr(G, "influential_citation_count")
    # the numbers only (communities(G) would also write each one's label text)
    community = community_detection.communities(M, seed=seed) if communities else pd.array([pd.NA] * M.n, dtype="Int64")
    hubs, authorities = hits_scores(M)
    local = M.in_degree
    known_years = M.years[~np.isnan(M.years)]
    now = ref_year
    if now is None:
        now = datetime.date.today().year
        if known_years.size:
            now = max(now, int(known_years.max()))
    best_count = np.fmax(global_citations.to_numpy(dtype=float, na_value=np.nan), local)
    frame = pd.DataFrame(
        {
            "id": M.ids,
            "arxiv": text["arxiv"],
            "title": text["title"],
            "name": text["name"],
            "year": pd.array([None if math.isnan(y) else int(y) for y in M.years], dtype="Int64"),
            "pagerank": pagerank_scores(M),
            "hits_authority": authorities,
            "hits_hub": hubs,
            "local_citations": local,
            "global_citations": global_citations,
            "influential_citations": influential,
            "citations_per_year": citations_per_year(best_count, M.years, now),
            "citerank": citerank_scores(M),
            "listed_citers": (M.AT @ M.listed.astype(float)).astype(np.int64),
            "community": community,
            "mentioned_by": np.asarray(mentioned, dtype=np.int64),
        },
        columns=list(RANK_COLUMNS),
    )
    if listed_only:
        frame = frame[M.listed]
    ascending = by == "community"
    # Ties broken by PageRank, then id, so the order never depends on dict order.
    frame = frame.assign(_id=frame["id"].astype(str)).sort_values(
        [by, "pagerank", "_id"], ascending=[ascending, False, True], kind="mergesort", na_position="last"
    )
    frame = frame.drop(columns="_id").reset_index(drop=True)
    frame = frame if top is None else frame.head(top)
    frame.attrs.update(kinds=list(kinds), ranking_note=note)
    return frame
