"""Baselines the benchmarks compare citegraph against.

* ``scipy_*``: plain scipy.sparse CSR versions of each step, written here as a
  floor ("how fast can numpy/scipy do it"), not as a library anyone ships.
* ``nx_*``: what a networkx user writes: networkx's own functions where it has
  them, a straightforward loop over ``G.pred``/``G.succ`` where it has none
  (search path count, co-citation).
* ``modularity``: one scorer for every library's communities, so a fast
  partition that is poor shows as such.

Edges run citing → cited: ``A[u, v] = 1`` when paper ``u`` cites ``v``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import scipy.sparse as sp

ALPHA = 0.85


# ----------------------------------------------------------------- scipy CSR


def csr_from_edges(src: np.ndarray, dst: np.ndarray, n: int) -> sp.csr_array:
    A = sp.csr_array((np.ones(len(src), dtype=np.float64), (src, dst)), shape=(n, n))
    A.sum_duplicates()
    return A


def scipy_pagerank(A: sp.csr_array, AT: sp.csr_array, alpha: float = ALPHA, tol: float = 1e-6, max_iter: int = 1000) -> tuple[np.ndarray, int]:
    """Power iteration, dangling mass spread uniformly; stops at L1 change < ``tol``."""
    n = A.shape[0]
    out = np.asarray(A.sum(axis=1)).ravel()
    dangling = out == 0
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, out))
    x = np.full(n, 1.0 / n)
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        new = alpha * (AT @ (x * inv) + x[dangling].sum() / n) + (1 - alpha) / n
        err = np.abs(new - x).sum()
        x = new
        if err < tol:
            break
    return x / x.sum(), it


def scipy_hits(A: sp.csr_array, AT: sp.csr_array, tol: float = 1e-8, max_iter: int = 1000) -> tuple[np.ndarray, np.ndarray, int]:
    """Hubs and authorities by power iteration on ``A Aᵀ``; L1-normalised."""
    n = A.shape[0]
    h = np.full(n, 1.0 / n)
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        a = AT @ h
        a /= a.sum()
        new = A @ a
        new /= new.sum()
        err = np.abs(new - h).sum()
        h = new
        if err < tol:
            break
    a = AT @ h
    return h, a / a.sum(), it


def topo_levels(A: sp.csr_array, AT: sp.csr_array) -> list[np.ndarray]:
    """Nodes grouped by longest distance to a sink (level 0 = no references).

    Kahn's algorithm one whole frontier at a time: each round touches only the
    edges into the frontier.
    """
    n = A.shape[0]
    remaining = np.diff(A.indptr).astype(np.int64)
    frontier = np.flatnonzero(remaining == 0)
    levels = []
    seen = 0
    while frontier.size:
        levels.append(frontier)
        seen += frontier.size
        preds = AT[frontier].indices
        if preds.size == 0:
            break
        uniq, cnt = np.unique(preds, return_counts=True)
        remaining[uniq] -= cnt
        frontier = uniq[remaining[uniq] == 0]
    if seen != n:
        raise ValueError("graph has a cycle")
    return levels


def scipy_spc(A: sp.csr_array, AT: sp.csr_array) -> tuple[np.ndarray, list[int]]:
    """Search path count of every edge (CSR order of ``A``) and the global main path.

    The global main path is the never-cited → cites-nothing path of largest
    total weight (read backwards it runs source → sink in knowledge flow).
    """
    levels = topo_levels(A, AT)
    n = A.shape[0]
    n_out = np.ones(n)  # paths from a node down to any paper citing nothing
    for lv in levels[1:]:
        n_out[lv] = A[lv] @ n_out
    n_in = np.ones(n)  # paths from any never-cited paper down to a node
    indeg = np.diff(AT.indptr)
    for lv in reversed(levels[:-1]):
        cited = lv[indeg[lv] > 0]
        if cited.size:
            n_in[cited] = AT[cited] @ n_in
    rows = np.repeat(np.arange(n), np.diff(A.indptr))
    w = n_in[rows] * n_out[A.indices]
    W = sp.csr_array((w, A.indices, A.indptr), shape=A.shape)
    best = np.zeros(n)
    nxt = np.full(n, -1, dtype=np.int64)
    for lv in levels[1:]:
        sub = W[lv]
        totals = sub.data + best[sub.indices]
        starts = sub.indptr[:-1]
        best[lv] = np.maximum.reduceat(totals, starts)
        hit = totals == np.repeat(best[lv], np.diff(sub.indptr))
        first = np.minimum.reduceat(np.where(hit, np.arange(totals.size), totals.size), starts)
        nxt[lv] = sub.indices[first]
    starts = np.flatnonzero((indeg == 0) & (np.diff(A.indptr) > 0))
    path: list[int] = []
    if starts.size:
        path = [int(starts[np.argmax(best[starts])])]
        while nxt[path[-1]] >= 0:
            path.append(int(nxt[path[-1]]))
    return w, path


def _top_k_rows(C: sp.csr_array, rows: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
    C = C.tocsr()
    out = []
    for i, q in enumerate(rows):
        lo, hi = C.indptr[i], C.indptr[i + 1]
        idx, val = C.indices[lo:hi], C.data[lo:hi]
        mask = idx != q
        idx, val = idx[mask], val[mask]
        if idx.size > k:
            part = np.argpartition(-val, k)[:k]
            idx, val = idx[part], val[part]
        order = np.lexsort((idx, -val))
        out.append([(int(idx[j]), float(val[j])) for j in order])
    return out


def scipy_related(A: sp.csr_array, AT: sp.csr_array, rows: np.ndarray, k: int = 10) -> tuple[list, list]:
    """Top-``k`` co-cited and bibliographically coupled papers for each of ``rows``."""
    cocited = _top_k_rows(AT[rows] @ A, rows, k)
    coupled = _top_k_rows(A[rows] @ AT, rows, k)
    return cocited, coupled


# ------------------------------------------------------------------ networkx


def nx_build(src: np.ndarray, dst: np.ndarray, n: int) -> Any:
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(zip(src.tolist(), dst.tolist()))
    return G


def nx_spc(G: Any) -> tuple[dict, list]:
    """The search path count loop a networkx user writes, and the global main path."""
    import networkx as nx

    order = list(nx.topological_sort(G))  # citing before cited
    n_in: dict = {}
    for v in order:
        preds = G.pred[v]
        n_in[v] = sum(n_in[u] for u in preds) if preds else 1.0
    n_out: dict = {}
    for u in reversed(order):
        succ = G.succ[u]
        n_out[u] = sum(n_out[v] for v in succ) if succ else 1.0
    w = {(u, v): n_in[u] * n_out[v] for u, v in G.edges()}
    best: dict = {}
    nxt: dict = {}
    for u in reversed(order):
        succ = G.succ[u]
        if succ:
            v = max(succ, key=lambda x: w[u, x] + best[x])
            best[u], nxt[u] = w[u, v] + best[v], v
        else:
            best[u] = 0.0
    starts = [u for u in G if not G.pred[u] and G.succ[u]]
    path: list = []
    if starts:
        path = [max(starts, key=best.__getitem__)]
        while path[-1] in nxt:
            path.append(nxt[path[-1]])
    return w, path


def nx_related(G: Any, rows: np.ndarray, k: int = 10) -> tuple[list, list]:
    """Co-citation and coupling top-``k`` by counting neighbours of neighbours."""
    cocited, coupled = [], []
    for q in rows.tolist():
        c = Counter(v for u in G.pred[q] for v in G.succ[u] if v != q)
        cocited.append(sorted(c.items(), key=lambda t: (-t[1], t[0]))[:k])
        c = Counter(v for u in G.succ[q] for v in G.pred[u] if v != q)
        coupled.append(sorted(c.items(), key=lambda t: (-t[1], t[0]))[:k])
    return cocited, coupled


# --------------------------------------------------------------- modularity


def modularity(src: np.ndarray, dst: np.ndarray, labels: np.ndarray) -> float:
    """Newman modularity of ``labels`` on the undirected version of the graph.

    >>> src, dst = np.array([1, 2, 4, 5, 3]), np.array([0, 0, 3, 3, 0])
    >>> round(modularity(src, dst, np.array([0, 0, 0, 1, 1, 1])), 3)
    0.3
    """
    labels = np.asarray(labels)
    m = len(src)
    same = labels[src] == labels[dst]
    _, inv = np.unique(labels, return_inverse=True)
    deg = np.bincount(src, minlength=len(labels)) + np.bincount(dst, minlength=len(labels))
    d_c = np.bincount(inv, weights=deg)
    return float(same.sum() / m - ((d_c / (2 * m)) ** 2).sum())
