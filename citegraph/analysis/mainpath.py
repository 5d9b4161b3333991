"""Main path analysis: the backbone of a field's citation network.

Knowledge flows from a cited paper to the paper citing it, so paths run from
old *sources* (citing nothing in the graph) to new *sinks* (cited by nothing).
Each flow edge gets a traversal weight (Hummon & Doreian 1989; Batagelj 2003):

``spc``   search path count: the number of source→sink paths through the edge,
          ``N-(u) * N+(v)`` with ``N-`` counted from sources and ``N+`` to sinks;
``splc``  search path link count: every paper counts as a source too
          (``N-(u) = 1 + sum of N- over u's predecessors``);
``spnp``  search path node pair: every paper counts as a source and as a sink.

The *global main path* is the source→sink path with the largest total weight;
*key-route main paths* (Liu & Lu 2012) take the ``key_routes`` heaviest edges
and extend each backward to a source and forward to a sink by the same
largest-total rule, and return their union.

The counts run level by level over a topological order with
:mod:`scipy.sparse` products, never a Python loop over edges: one sparse
matrix-vector product per topological level.  Cycles (two preprints citing
each other) are broken by date before counting and reported.

Examples
--------
>>> import networkx as nx
>>> G = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C")])  # C cites A and B ...
>>> w = spc_weights(G)
>>> w[("A", "C")], w[("C", "D")]
(2.0, 2.0)
>>> main_path(G)["path"]
['A', 'C', 'D']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

__all__ = ["METHODS", "FlowDAG", "flow_dag", "traversal_counts", "spc_weights", "main_path"]

METHODS = ("spc", "splc", "spnp")
_DEFAULT_KINDS = ("cites", "builds_on")
_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.(\d{4,5})")
# Scale counts down by this factor when they grow past _LIMIT, so that deep
# networks (path counts grow exponentially with depth) never overflow float64.
_LIMIT = 1e200


@dataclass
class FlowDAG:
    """A citation network as a knowledge-flow DAG in CSR form, nodes in topological order.

    ``F[u, v] = 1`` when ``v`` cites ``u`` (knowledge flows ``u → v``) and
    ``A = F.T`` (each row lists what a paper cites).  Node ``i`` is
    ``ids[i]``; nodes are numbered level by level, level ``k`` being rows
    ``bounds[k]:bounds[k + 1]``, so every edge goes to a later level.
    ``broken`` lists the citations dropped to break cycles, as
    ``(citing, cited)`` ids.
    """

    ids: list[Any]
    F: sparse.csr_array
    A: sparse.csr_array
    bounds: np.ndarray
    broken: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def levels(self) -> list[np.ndarray]:
        """Node indices of each topological level."""
        return [np.arange(a, b) for a, b in zip(self.bounds[:-1], self.bounds[1:])]


def _date_keys(G: nx.DiGraph, ids: list[Any]) -> np.ndarray:
    """A sortable publication date per node: year*10000 + month*100 from arXiv ids, else year*10000."""
    keys = np.full(len(ids), np.nan)
    for i, n in enumerate(ids):
        d = G.nodes[n] if n in G else {}
        m = _ARXIV_NEW.match(str(d.get("arxiv") or ""))
        if m:
            keys[i] = (2000 + int(m.group(1))) * 10000 + int(m.group(2)) * 100
        elif d.get("year"):
            keys[i] = int(d["year"]) * 10000
    return keys


def _gather(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the stored entries of CSR ``rows`` (concatenated) and each row's length."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64), lengths
    offsets = np.repeat(starts - np.cumsum(np.r_[0, lengths[:-1]]), lengths)
    return np.arange(total, dtype=np.int64) + offsets, lengths


def _levels(F: sparse.csr_array) -> list[np.ndarray] | None:
    """Kahn's algorithm, one whole frontier at a time; ``None`` when ``F`` has a cycle."""
    n = F.shape[0]
    indeg = np.bincount(F.indices, minlength=n).astype(np.int64)
    frontier = np.flatnonzero(indeg == 0)
    levels, seen = [], 0
    while frontier.size:
        levels.append(frontier)
        seen += frontier.size
        pos, _ = _gather(F.indptr, frontier)
        if pos.size == 0:
            break
        targets, counts = np.unique(F.indices[pos], return_counts=True)
        indeg[targets] -= counts
        frontier = targets[indeg[targets] == 0]
    return levels if seen == n else None


def _break_cycles(
    F: sparse.csr_array, dates: np.ndarray, order: np.ndarray
) -> tuple[sparse.csr_array, np.ndarray]:
    """Drop flow edges inside strongly connected components that run backward in time.

    First the edges whose citing paper is strictly older than the cited one;
    if cycles remain (same dates), every edge that goes backward in the total
    order (date, then id) inside a component.  Returns the new matrix and a
    mask over the old edges marking those dropped.
    """
    coo = F.tocoo()
    u, v = coo.row, coo.col  # u cited, v citing
    dropped = np.zeros(u.size, dtype=bool)
    d = np.where(np.isnan(dates), -np.inf, dates)
    for strict in (True, False):
        keep = ~dropped
        H = sparse.csr_array((np.ones(keep.sum()), (u[keep], v[keep])), shape=F.shape)
        ncomp, labels = csgraph.connected_components(H, directed=True, connection="strong")
        if ncomp == F.shape[0]:
            break
        inside = labels[u] == labels[v]
        if strict:
            backward = d[v] < d[u]  # the citing paper is older than the cited one
        else:
            backward = (d[v] < d[u]) | ((d[v] == d[u]) & (order[v] < order[u]))
        dropped |= inside & backward & keep
    keep = ~dropped
    H = sparse.csr_array((np.ones(keep.sum()), (u[keep], v[keep])), shape=F.shape)
    return H, dropped


def flow_dag(G: Any, kinds: Iterable[str] | None = _DEFAULT_KINDS) -> FlowDAG:
    """The knowledge-flow DAG of ``G``: a networkx citation graph or a CitationMatrix.

    ``G`` may be a citegraph graph (edges citing → cited; only edges of
    ``kinds`` are used, all edges when ``None``) or any object with ``ids`` and a
    sparse ``A`` where ``A[i, j] = 1`` when ``i`` cites ``j`` (and optionally
    ``years``).  Cycles are broken by date; see :attr:`FlowDAG.broken`.
    """
    if isinstance(G, nx.DiGraph):
        ids = list(G.nodes)
        index = {n: i for i, n in enumerate(ids)}
        wanted = None if kinds is None else set(kinds)
        # an edge without any kind (a plain networkx graph) counts as a citation
        pairs = [
            (u, v)
            for u, v, d in G.edges(data=True)
            if wanted is None
            or ("kind" not in d and "kinds" not in d)
            or wanted.intersection(d.get("kinds", (d.get("kind"),)))
        ]
        rows = np.fromiter((index[v] for _, v in pairs), dtype=np.int64, count=len(pairs))
        cols = np.fromiter((index[u] for u, _ in pairs), dtype=np.int64, count=len(pairs))
        F = sparse.csr_array((np.ones(len(pairs)), (rows, cols)), shape=(len(ids), len(ids)))
        dates = _date_keys(G, ids)
    else:
        ids = list(G.ids)
        F = sparse.csr_array(sparse.csr_array(G.A).T)
        years = getattr(G, "years", None)
        dates = (
            np.asarray(years, dtype=float) * 10000 if years is not None else np.full(len(ids), np.nan)
        )
    F = _clean(F)
    broken: list[tuple[Any, Any]] = []
    levels = _levels(F)
    if levels is None:
        order = np.argsort(np.argsort(np.array([str(i) for i in ids])))
        coo = F.tocoo()
        F, dropped = _break_cycles(F, dates, order)
        broken = [(ids[v], ids[u]) for u, v in zip(coo.row[dropped], coo.col[dropped])]
        F = _clean(F)
        levels = _levels(F)
        assert levels is not None, "cycle breaking left a cycle"
    # renumber the nodes level by level so that each level is a block of rows
    order = np.concatenate(levels) if levels else np.empty(0, dtype=np.int64)
    new = np.empty_like(order)
    new[order] = np.arange(order.size)
    coo = F.tocoo()
    r, c = new[coo.row], new[coo.col]
    ones = np.ones(r.size)
    n = F.shape[0]
    F = sparse.csr_array((ones, (r, c)), shape=(n, n))
    A = sparse.csr_array((ones, (c, r)), shape=(n, n))
    bounds = np.cumsum([0] + [lv.size for lv in levels])
    return FlowDAG(ids=[ids[i] for i in order], F=F, A=A, bounds=bounds, broken=broken)


def _clean(F: sparse.csr_array) -> sparse.csr_array:
    """0/1 entries, no self-loops, sorted indices."""
    coo = sparse.coo_array(F)
    keep = coo.row != coo.col
    F = sparse.csr_array(
        (np.ones(int(keep.sum())), (coo.row[keep], coo.col[keep])), shape=F.shape
    )
    F.sum_duplicates()
    F.data[:] = 1.0
    return F


def _forward_counts(P: sparse.csr_array, bounds: np.ndarray, base: np.ndarray, reverse: bool = False) -> np.ndarray:
    """``N[v] = base[v] + sum(N[u] for u in P's row v)``, one topological level at a time.

    ``P`` holds each node's predecessors (``reverse``: successors) as its CSR
    row; they all lie on earlier (later) levels, and a level is a block of
    rows, so each level costs one contiguous gather and one segmented sum.
    """
    N = np.zeros(P.shape[0])
    indptr, indices = P.indptr, P.indices
    spans = list(zip(bounds[:-1], bounds[1:]))
    for a, b in spans[::-1] if reverse else spans:
        total = base[a:b].astype(float)
        lo, hi = indptr[a], indptr[b]
        if hi > lo:
            row_ptr = indptr[a : b + 1] - lo
            has = row_ptr[1:] > row_ptr[:-1]
            total[has] += np.add.reduceat(N[indices[lo:hi]], row_ptr[:-1][has])
        N[a:b] = total
        top = total.max(initial=0.0)
        if top > _LIMIT:
            N /= top  # one common scale: every weight is divided by the same factor
    return N


def traversal_counts(dag: FlowDAG, method: str = "spc") -> tuple[np.ndarray, np.ndarray]:
    """``(N_minus, N_plus)`` per node for ``method`` (see the module docstring)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    F = dag.F
    n = F.shape[0]
    indeg = np.bincount(F.indices, minlength=n)
    outdeg = np.diff(F.indptr)
    src = (indeg == 0).astype(float)
    snk = (outdeg == 0).astype(float)
    ones = np.ones(n)
    n_minus = _forward_counts(dag.A, dag.bounds, src if method == "spc" else ones)
    n_plus = _forward_counts(F, dag.bounds, ones if method == "spnp" else snk, reverse=True)
    return n_minus, n_plus


def _edge_weights(dag: FlowDAG, method: str) -> sparse.csr_array:
    n_minus, n_plus = traversal_counts(dag, method)
    W = dag.F.tocoo()
    data = n_minus[W.row] * n_plus[W.col]
    return sparse.csr_array((data, (W.row, W.col)), shape=dag.F.shape)


def spc_weights(G: Any, method: str = "spc", *, kinds: Iterable[str] | None = _DEFAULT_KINDS) -> dict[tuple[Any, Any], float]:
    """Traversal weight of every knowledge-flow edge ``(cited, citing)``.

    Parameters
    ----------
    G : networkx.DiGraph or CitationMatrix-like
        Citation graph (edges citing → cited) or an object with ``ids`` and ``A``.
    method : {"spc", "splc", "spnp"}
        Traversal count (see the module docstring).
    kinds : iterable of str or None
        Edge kinds taken as citations when ``G`` is a graph.

    Returns
    -------
    dict
        ``{(cited, citing): weight}``.  Weights are exact path counts while
        they stay below 1e200; beyond, all are divided by one common factor.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("B", "A"), ("C", "A"), ("D", "B"), ("D", "C")])
    >>> sorted(spc_weights(G, "splc").items())
    [(('A', 'B'), 1.0), (('A', 'C'), 1.0), (('B', 'D'), 2.0), (('C', 'D'), 2.0)]
    """
    dag = flow_dag(G, kinds)
    W = _edge_weights(dag, method).tocoo()
    ids = dag.ids
    return {(ids[u], ids[v]): float(w) for u, v, w in zip(W.row, W.col, W.data)}


def _best_paths(W: sparse.csr_array, bounds: np.ndarray, reverse: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per node, the largest total weight of a path along ``W``'s rows to an end, and the next node.

    ``W``'s rows point to later levels (``reverse``: earlier ones), so levels
    are taken last to first (first to last).
    """
    n = W.shape[0]
    best = np.zeros(n)
    nxt = np.full(n, -1, dtype=np.int64)
    indptr, indices, data = W.indptr, W.indices, W.data
    spans = list(zip(bounds[:-1], bounds[1:]))
    for a, b in spans if reverse else spans[::-1]:
        lo, hi = indptr[a], indptr[b]
        if hi == lo:
            continue
        row_ptr = indptr[a : b + 1] - lo
        has = row_ptr[1:] > row_ptr[:-1]
        seg = row_ptr[:-1][has]
        totals = data[lo:hi] + best[indices[lo:hi]]
        top = np.maximum.reduceat(totals, seg)
        lengths = np.diff(np.r_[seg, hi - lo])
        is_top = totals == np.repeat(top, lengths)
        first = np.minimum.reduceat(np.where(is_top, np.arange(totals.size), totals.size), seg)
        rows = np.arange(a, b)[has]
        best[rows] = top
        nxt[rows] = indices[lo + first]
    return best, nxt


def main_path(
    G: Any,
    *,
    method: str = "spc",
    kind: str = "global",
    key_routes: int = 10,
    kinds: Iterable[str] | None = _DEFAULT_KINDS,
) -> dict[str, Any]:
    """The main path of a citation network.

    Parameters
    ----------
    G : networkx.DiGraph or CitationMatrix-like
        Citation graph (edges citing → cited).
    method : {"spc", "splc", "spnp"}
        Traversal weight.
    kind : {"global", "key-route"}
        ``global``: the source→sink path of largest total weight.
        ``key-route``: the union of the largest-total paths through each of the
        ``key_routes`` heaviest edges (Liu & Lu 2012).
    key_routes : int
        Number of key routes for ``kind="key-route"``.
    kinds : iterable of str or None
        Edge kinds taken as citations when ``G`` is a graph.

    Returns
    -------
    dict
        ``path``: paper ids oldest → newest (for key-route, the union in
        topological order); ``edges``: ``[{"source", "target", "weight"}]``
        in flow direction (cited → citing); ``broken_cycles``: citations
        ``(citing, cited)`` dropped to break cycles; ``method``; ``kind``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("B", "A"), ("C", "A"), ("D", "B"), ("D", "C"), ("E", "D"), ("F", "C")])
    >>> main_path(G)["path"]
    ['A', 'C', 'D', 'E']
    >>> main_path(G, kind="key-route", key_routes=3)["path"]
    ['A', 'B', 'C', 'D', 'E']
    """
    if kind not in ("global", "key-route"):
        raise ValueError(f"kind must be 'global' or 'key-route', not {kind!r}")
    dag = flow_dag(G, kinds)
    result: dict[str, Any] = {
        "method": method,
        "kind": kind,
        "path": [],
        "edges": [],
        "broken_cycles": [list(e) for e in dag.broken],
    }
    W = _edge_weights(dag, method)
    if W.nnz == 0:
        return result
    best_fwd, nxt = _best_paths(W, dag.bounds, reverse=False)
    best_bwd, prv = _best_paths(sparse.csr_array(W.T), dag.bounds, reverse=True)
    ids = dag.ids

    def forward(v: int) -> list[int]:
        out = [v]
        while nxt[out[-1]] >= 0:
            out.append(int(nxt[out[-1]]))
        return out

    def backward(u: int) -> list[int]:
        out = [u]
        while prv[out[-1]] >= 0:
            out.append(int(prv[out[-1]]))
        return out[::-1]

    if kind == "global":
        indeg = np.bincount(W.indices, minlength=W.shape[0])
        sources = np.flatnonzero((indeg == 0) & (np.diff(W.indptr) > 0))
        start = int(sources[np.argmax(best_fwd[sources])])
        nodes = forward(start)
        chosen = list(zip(nodes[:-1], nodes[1:]))
    else:
        coo = W.tocoo()
        top = np.argsort(-coo.data, kind="stable")[: max(1, key_routes)]
        chosen_set: set[tuple[int, int]] = set()
        for e in top:
            u, v = int(coo.row[e]), int(coo.col[e])
            route = backward(u) + forward(v)
            chosen_set.update(zip(route[:-1], route[1:]))
        chosen = sorted(chosen_set)
        nodes = sorted({x for e in chosen for x in e})  # node numbers follow the topological order
    result["path"] = [ids[i] for i in nodes]
    result["edges"] = [
        {"source": ids[u], "target": ids[v], "weight": float(W[u, v])} for u, v in chosen
    ]
    return result
