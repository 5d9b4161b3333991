"""Relatedness: co-citation, bibliographic coupling and "papers like this one".

* co-citation of ``j`` and ``k``: how many papers cite both (``AᵀA``);
* bibliographic coupling of ``i`` and ``k``: how many references they share
  (``AAᵀ``).

The full products can have billions of pairs on a large graph, so
:func:`top_k_related` computes only the rows asked for.
"""

from __future__ import annotations

from typing import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from citegraph.analysis.matrix import CitationMatrix, citation_matrix

__all__ = ["cocitation", "coupling", "relatedness_rows", "top_k_related", "related_papers"]


def _drop_own(S: sp.csr_array, rows: np.ndarray | None = None) -> sp.csr_array:
    """Drop entry ``(r, rows[r])`` of each row in place: a paper is not related to itself.

    Works on unsorted CSR (as sparse products leave it) without re-sorting.
    """
    S = sp.csr_array(S)
    own = np.arange(S.shape[0]) if rows is None else rows
    row_of = np.repeat(np.arange(S.shape[0]), np.diff(S.indptr))
    S.data[S.indices == own[row_of]] = 0
    S.eliminate_zeros()
    return S


def _row_entries(P: sp.csr_array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
    S.sort_indices()
    return S


def relatedness_rows(
    M: CitationMatrix, rows: np.ndarray | Iterable[int]
) -> tuple[sp.csr_array, sp.csr_array, sp.csr_array]:
    """``(cocitation, coupling, direct)`` rows for papers ``rows`` only.

    Row ``r`` of each matrix describes paper ``rows[r]`` against every paper;
    ``direct`` is 1 where either cites the other.  Costs the citations and
    references of those papers, never the full ``N × N`` product.
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
    for r in range(rows.size):
        lo, hi = score.indptr[r], score.indptr[r + 1]
        cols, vals = score.indices[lo:hi], score.data[lo:hi]
        if vals.size > k:
            # Keep everything tied with the k-th value so the lexsort below can
            # break ties by row number.
            kth = np.partition(vals, vals.size - k)[vals.size - k]
            cols, vals = cols[vals >= kth], vals[vals >= kth]
        best = np.lexsort((cols, -vals))[:k]
        neighbours[r, : best.size] = cols[best]
        scores[r, : best.size] = vals[best]
    return neighbours, scores


def related_papers(
    G: nx.DiGraph,
    paper: Hashable,
    *,
    top: int | None = 20,
    kinds: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The papers most related to ``paper``, Connected-Papers style.

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

    Returns
    -------
    pandas.DataFrame
        ``id, title, year, relation, cocitation, coupling, score``, highest
        score first.  ``relation`` is ``prior`` (``paper`` cites it),
        ``derivative`` (it cites ``paper``) or ``similar``; ``score`` is
        co-citation + coupling + 1 for a direct citation.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key in "abcd":
    ...     _ = add_paper(G, key, title=f"Paper {key.upper()}", year=2020 + "abcd".index(key))
    >>> for u, v in [("c", "a"), ("c", "b"), ("d", "a"), ("d", "b"), ("d", "c")]:
    ...     add_link(G, u, v, "cites")
    >>> related_papers(G, "c")
      id    title  year    relation  cocitation  coupling  score
    0  d  Paper D  2023  derivative           0         2      3
    1  a  Paper A  2020       prior           1         0      2
    2  b  Paper B  2021       prior           1         0      2
    """
    from citegraph.analysis.paths import find_paper

    if top is not None and top < 0:
        raise ValueError(f"top must be positive, not {top}")
    node = find_paper(G, paper)
    M = citation_matrix(G, kinds=kinds)
    row = M.index[node]
    co, cp, direct = relatedness_rows(M, [row])
    total = (co + cp + direct).tocsr()
    cols = total.indices
    co_vals = co.toarray()[0, cols].astype(np.int64)
    cp_vals = cp.toarray()[0, cols].astype(np.int64)
    cites_it = M.A[[row]].toarray()[0, cols] > 0
    cited_by_it = M.AT[[row]].toarray()[0, cols] > 0
    relation = np.where(cites_it, "prior", np.where(cited_by_it, "derivative", "similar"))
    years = M.years[cols]
    frame = pd.DataFrame(
        {
            "id": M.ids[cols],
            "title": [G.nodes[v].get("title") for v in M.ids[cols]],
            "year": pd.array([None if np.isnan(y) else int(y) for y in years], dtype="Int64"),
            "relation": relation,
            "cocitation": co_vals,
            "coupling": cp_vals,
            "score": total.data.astype(np.int64),
        }
    )
    frame = frame.assign(_id=frame["id"].astype(str)).sort_values(
        ["score", "_id"], ascending=[False, True], kind="mergesort"
    )
    frame = frame.drop(columns="_id").reset_index(drop=True)
    return frame if top is None else frame.head(top)
