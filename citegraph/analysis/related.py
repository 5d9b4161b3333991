"""Relatedness: co-citation, bibliographic coupling and "papers like this one".

* co-citation of ``j`` and ``k``: how many papers cite both (``AᵀA``);
* bibliographic coupling of ``i`` and ``k``: how many references they share
  (``AAᵀ``).

The full products can have billions of pairs on a large graph, so
:func:`top_k_related` computes only the rows asked for.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from citegraph.graph.matrix import CitationMatrix, citation_matrix
from citegraph.graph.model import has_kind
from citegraph.text.wording import paper_label

__all__ = [
    "RELATED_COLUMNS",
    "RELATED_POOL",
    "cocitation",
    "coupling",
    "relatedness_rows",
    "top_k_related",
    "related_papers",
]


def _drop_own(S: sp.csr_array, rows: np.ndarray | None = None) -> sp.csr_array:
    """Drop entry ``(r, rows[r])`` of each row in place: a paper is not related to itself.

    Works on unsorted CSR (as sparse products leave it) without re-sorting.

    >>> _drop_own(sp.csr_array(np.ones((2, 3))), np.array([2, 0])).toarray().tolist()
    [[1.0, 1.0, 0.0], [0.0, 1.0, 1.0]]
    """
    S = sp.csr_array(S)
    own = np.arange(S.shape[0]) if rows is None else rows
    row_of = np.repeat(np.arange(S.shape[0]), np.diff(S.indptr))
    S.data[S.indices == own[row_of]] = 0
    S.eliminate_zeros()
    return S


def _row_entries(P: sp.csr_array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, columns, values)`` of the stored entries of ``P``.

    >>> [x.tolist() for x in _row_entries(sp.csr_array(np.array([[0.0, 2.0], [3.0, 0.0]])))]
    [[0, 1], [1, 0], [2.0, 3.0]]
    """
    rows = np.repeat(np.arange(P.shape[0], dtype=np.int64), np.diff(P.indptr))
    return rows, P.indices.astype(np.int64), P.data.astype(np.float64)


def cocitation(M: CitationMatrix) -> sp.csr_array:
    """Co-citation counts: ``C[j, k]`` papers cite both ``j`` and ``k`` (zero diagonal).

    Examples
    --------
    Papers 2 and 3 each cite 0 and 1; paper 3 also cites 2.

    >>> M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    >>> cocitation(M).toarray().astype(int).tolist()
    [[0, 2, 1, 0], [2, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 0]]
    """
    return _sorted(_drop_own(M.AT @ M.A))


def coupling(M: CitationMatrix) -> sp.csr_array:
    """Bibliographic coupling: ``B[i, k]`` references ``i`` and ``k`` share (zero diagonal).

    Examples
    --------
    >>> M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    >>> coupling(M).toarray().astype(int).tolist()
    [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2], [0, 0, 2, 0]]
    """
    return _sorted(_drop_own(M.A @ M.AT))


def _sorted(S: sp.csr_array) -> sp.csr_array:
    """``S`` with its column indices sorted within rows, in place.

    >>> _sorted(sp.csr_array((np.array([1.0, 2.0]), np.array([1, 0]), np.array([0, 2])), shape=(1, 2))).indices.tolist()
    [0, 1]
    """
    S.sort_indices()
    return S


def relatedness_rows(
    M: CitationMatrix, rows: np.ndarray | Iterable[int]
) -> tuple[sp.csr_array, sp.csr_array, sp.csr_array]:
    """``(cocitation, coupling, direct)`` rows for papers ``rows`` only.

    Row ``r`` of each matrix describes paper ``rows[r]`` against every paper;
    ``direct`` is 1 where either cites the other.  Costs the citations and
    references of those papers, never the full ``N × N`` product.

    Parameters
    ----------
    M : CitationMatrix
    rows : array of int
        Rows (papers) of ``M``; repeats allowed.

    Returns
    -------
    (cocitation, coupling, direct) : tuple of scipy.sparse.csr_array
        Each of shape ``(len(rows), M.n)``, zero at the paper itself.

    Examples
    --------
    Papers 2 and 3 each cite 0 and 1; paper 3 also cites 2.

    >>> M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    >>> co, cp, direct = relatedness_rows(M, [2])
    >>> co.toarray().tolist(), cp.toarray().tolist(), direct.toarray().tolist()
    ([[1.0, 1.0, 0.0, 0.0]], [[0.0, 0.0, 0.0, 2.0]], [[1.0, 1.0, 0.0, 1.0]])
    """
    rows = np.asarray(rows, dtype=np.int64)
    cited_by = M.AT[rows]
    refs = M.A[rows]
    co = _drop_own(cited_by @ M.A, rows)
    cp = _drop_own(refs @ M.AT, rows)
    direct = _drop_own(((refs + cited_by) > 0).astype(np.float64), rows)
    return co, cp, direct


def top_k_related(
    M: CitationMatrix, rows: np.ndarray | Iterable[int], k: int, *, measure: str = "combined"
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` papers most related to each of ``rows``.

    ``measure`` scores a pair by ``"cocitation"``, ``"coupling"``, or
    ``"combined"``: co-citation + coupling + 1 if one cites the other.  Ties
    go to the lower row number.

    Returns
    -------
    (neighbours, scores) : tuple of numpy.ndarray
        Both of shape ``(len(rows), k)``; a row with fewer than ``k`` related
        papers is padded with ``-1`` and score ``0``.

    Examples
    --------
    Papers 2 and 3 each cite 0 and 1; paper 3 also cites 2.  Paper 0 is
    co-cited twice with 1, and once with 2, which also cites it.

    >>> M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    >>> neighbours, scores = top_k_related(M, [0, 3], 2)
    >>> neighbours.tolist(), scores.astype(int).tolist()
    ([[1, 2], [2, 0]], [[2, 2], [3, 1]])
    """
    rows = np.asarray(rows, dtype=np.int64)
    if measure == "cocitation":
        score = _drop_own(M.AT[rows] @ M.A, rows)
    elif measure == "coupling":
        score = _drop_own(M.A[rows] @ M.AT, rows)
    elif measure == "combined":
        # Sparse additions are slow on the unsorted rows products leave, and
        # stacking [A; Aᵀ; I] copies every edge: the three parts are summed
        # instead as one list of (row, column, value) entries.
        cited_by, refs = M.AT[rows], M.A[rows]
        parts = [cited_by @ M.A, refs @ M.AT, cited_by, refs]
        entries = [_row_entries(sp.csr_array(P)) for P in parts]
        r, c, v = (np.concatenate(x) for x in zip(*entries))
        # a direct citation counts once, even when both papers cite each other
        # (then it is in both ``cited_by`` and ``refs``)
        nd = entries[0][0].size + entries[1][0].size
        r_dir, c_dir = r[nd:], c[nd:]
        key = np.unique(r_dir * np.int64(M.n) + c_dir)
        r = np.r_[r[:nd], key // M.n]
        c = np.r_[c[:nd], key % M.n]
        v = np.r_[v[:nd], np.ones(key.size)]
        score = _drop_own(sp.csr_array((v, (r, c)), shape=(rows.size, M.n)), rows)
    else:
        raise ValueError(f"measure must be cocitation, coupling or combined, not {measure!r}")
    neighbours = np.full((rows.size, k), -1, dtype=np.int64)
    scores = np.zeros((rows.size, k))
    for i in range(rows.size):
        lo, hi = score.indptr[i], score.indptr[i + 1]
        cols, vals = score.indices[lo:hi], score.data[lo:hi]
        if vals.size > k:
            # Keep everything tied with the k-th value so the lexsort below can
            # break ties by row number.
            # the k-th largest value, selected from the front of -vals: numpy's
            # select is much slower aiming near the end of a long row of ties
            # (coupling rows: tens of thousands of 1s)
            kth = -np.partition(-vals, k - 1)[k - 1]
            cols, vals = cols[vals >= kth], vals[vals >= kth]
        best = np.lexsort((cols, -vals))[:k]
        neighbours[i, : best.size] = cols[best]
        scores[i, : best.size] = vals[best]
    return neighbours, scores


RELATED_COLUMNS: tuple[str, ...] = (
    "id", "title", "year", "relation", "cocitation", "coupling", "score",
    "name", "cited_by_related", "cites_related",
)
# How many of a paper's most similar works join it to vote on prior and
# derivative works (Connected Papers builds its graph from a few dozen).
RELATED_POOL = 20


def related_papers(
    G: nx.DiGraph[Hashable],
    paper: Hashable,
    *,
    top: int | None = 20,
    kinds: Iterable[str] | None = None,
    pool: int = RELATED_POOL,
) -> pd.DataFrame:
    """The papers most related to ``paper``, Connected-Papers style.

    Three kinds of related work, found with sparse products over the rows of
    ``paper`` and of a small *pool* (``paper`` and its ``pool`` most similar
    papers), never the whole graph:

    * **similar** works: cited together with ``paper`` (co-citation) or
      sharing its references (bibliographic coupling);
    * **prior** works: what ``paper`` and its similar works build on: cited by
      ``paper``, or by several papers of the pool (2-hop ancestors count by
      how many pool papers cite them);
    * **derivative** works: papers citing ``paper``, or citing several papers
      of the pool.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph.
    paper : str
        A node id, arXiv id, DOI, model name or title fragment
        (:func:`~citegraph.analysis.paths.find_paper`).
    top : int, optional
        Rows to keep (all related papers when ``None``).
    kinds : iterable of str, optional
        Edge kinds to use (every edge by default).
    pool : int
        Most similar papers (by co-citation + coupling + 1 for a direct
        citation, ties to the earlier row) that join ``paper`` in the pool.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RELATED_COLUMNS`: first the papers in a lineage link
        with ``paper`` (a ``builds_on`` edge either way), then highest
        ``score`` first (ties: higher similarity, then id):

        ====================  ==============================================
        ``id``, ``title``,    the related paper
        ``year``, ``name``
        ``relation``          ``prior``: ``paper`` cites it, or (no direct
                              link) ``cited_by_related`` exceeds
                              ``cocitation + coupling`` and is at least
                              ``cites_related``; ``derivative``: it cites
                              ``paper``, or (no direct link)
                              ``cites_related`` exceeds both others;
                              ``similar``: otherwise
        ``cocitation``        papers citing both it and ``paper``
        ``coupling``          references it shares with ``paper``
        ``cited_by_related``  papers of the pool (``paper`` included) citing it
        ``cites_related``     papers of the pool (``paper`` included) it cites
        ``score``             the strongest of the three kinds of evidence:
                              ``max(cocitation + coupling + direct,
                              cited_by_related, cites_related)``, ``direct``
                              being 1 when one cites the other
        ====================  ==============================================

        Evidence is not added across kinds because it overlaps: a paper
        citing two of ``paper``'s references is coupled with it *and* cites
        two pool papers.

    Examples
    --------
    ``c`` cites ``a`` and ``b``; ``d`` cites all three; ``b`` cites the
    older ``r``, which ``c`` never cites.

    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key in "rabcd":
    ...     _ = add_paper(G, key, title=f"Paper {key.upper()}", year=2019 + "rabcd".index(key))
    >>> for u, v in [("c", "a"), ("c", "b"), ("d", "a"), ("d", "b"), ("d", "c"), ("b", "r")]:
    ...     add_link(G, u, v, "cites")
    >>> columns = ["id", "relation", "cocitation", "coupling", "cited_by_related", "cites_related", "score"]
    >>> related_papers(G, "c")[columns]
      id    relation  cocitation  coupling  cited_by_related  cites_related  score
    0  d  derivative           0         2                 0              3      3
    1  a       prior           1         0                 2              0      2
    2  b       prior           1         0                 2              0      2
    3  r       prior           0         0                 1              0      1
    """
    from citegraph.analysis.paths import find_paper

    if top is not None and top < 0:
        raise ValueError(f"top must be positive, not {top}")
    if pool < 0:
        raise ValueError(f"pool must be positive, not {pool}")
    node = find_paper(G, paper)
    M = citation_matrix(G, kinds=kinds)
    row = M.index[node]
    co, cp, direct = (x.toarray()[0] for x in relatedness_rows(M, [row]))
    similarity = co + cp + direct
    # the pool: the paper and its most similar papers
    near = np.flatnonzero(similarity)
    near = near[np.lexsort((near, -similarity[near]))][:pool]
    members = np.r_[row, near]
    # pool papers citing each paper, and pool papers each paper cites
    cited_by = np.bincount(M.A[members].indices, minlength=M.n)
    cites = np.bincount(M.AT[members].indices, minlength=M.n)
    cited_by[row] = cites[row] = 0
    cols = np.flatnonzero((similarity > 0) | (cited_by > 0) | (cites > 0))
    co, cp, sim, cited_by, cites = co[cols], cp[cols], similarity[cols], cited_by[cols], cites[cols]
    focus_cites = M.A[[row]].toarray()[0, cols] > 0
    cites_focus = M.AT[[row]].toarray()[0, cols] > 0
    # without a direct link, the strongest kind of evidence names the relation
    # (ties: similar, then prior)
    pair = co + cp
    prior = focus_cites | (~cites_focus & (cited_by > pair) & (cited_by >= cites))
    derivative = ~prior & (cites_focus | ((cites > pair) & (cites > cited_by)))
    relation = np.where(prior, "prior", np.where(derivative, "derivative", "similar"))
    ids = M.ids[cols]
    data = [G.nodes[v] for v in ids]
    years = M.years[cols]
    frame = pd.DataFrame(
        {
            "id": ids,
            "title": [d.get("title") for d in data],
            "year": pd.array([None if np.isnan(y) else int(y) for y in years], dtype="Int64"),
            "relation": relation,
            "cocitation": co.astype(np.int64),
            "coupling": cp.astype(np.int64),
            "score": np.maximum(sim, np.maximum(cited_by, cites)).astype(np.int64),
            "name": [d.get("name") for d in data],
            "cited_by_related": cited_by.astype(np.int64),
            "cites_related": cites.astype(np.int64),
        },
        columns=list(RELATED_COLUMNS),
    )
    # A stated lineage link (builds_on either way) is the strongest relation a
    # researcher can ask for: such papers lead, whatever the counts say.  Only
    # this paper's own links are read, not the graph's.
    lineage = {v for v in G.succ[node] if has_kind(G.succ[node][v], "builds_on")}
    lineage |= {u for u in G.pred[node] if has_kind(G.pred[node][u], "builds_on")}
    frame = frame.assign(
        _lineage=frame["id"].isin(lineage), _sim=sim, _id=frame["id"].astype(str)
    ).sort_values(["_lineage", "score", "_sim", "_id"], ascending=[False, False, False, True], kind="mergesort")
    frame = frame.drop(columns=["_lineage", "_sim", "_id"]).reset_index(drop=True)
    frame = frame if top is None else frame.head(top)
    if not len(frame):
        frame.attrs["empty_reason"] = _why_none(G, node, kinds)
    return frame


def _why_none(G: nx.DiGraph[Hashable], node: Hashable, kinds: Iterable[str] | None) -> str:
    """Why ``node`` has no related paper, for ``attrs["empty_reason"]``.

    >>> G = nx.DiGraph(); G.add_node("p", name="Emu3", year=2024)
    >>> print(_why_none(G, "p", None))
    Emu3 (2024) has no link to any other paper in the graph (no citation, reference or mention); fetch its
    references (citegraph build) or its citers (--citations) to find some
    """
    d = G.nodes[node]
    label = paper_label(d, node)
    year = f" ({d['year']})" if d.get("year") else ""
    links = G.in_degree(node) + G.out_degree(node)
    if links and kinds is not None:
        return (f"{label}{year} has {links} links, none of the kinds asked for ({', '.join(kinds)}), "
                "so nothing cites it, is cited by it, or shares a reference or citer with it")
    return (f"{label}{year} has no link to any other paper in the graph (no citation, reference or mention); "
            "fetch its references (citegraph build) or its citers (--citations) to find some")
