"""Main path analysis: the backbone of a field's citation network.

Knowledge flows from a cited paper to the paper citing it; the traversal weights,
the global and key-route main paths, and why some citations are dropped first
are described in :func:`main_path`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from citegraph.text.ids import arxiv_date

__all__ = ["METHODS", "FlowDAG", "flow_dag", "traversal_counts", "spc_weights", "main_path"]

METHODS = ("spc", "splc", "spnp")
_DEFAULT_KINDS = ("cites", "builds_on")
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
    ``broken`` lists the citations dropped to break cycles and
    ``time_reversed`` those dropped as running more than ``max_back_years``
    back in time, both as ``(citing, cited)`` ids.  ``rows[i]`` is node ``i``'s position in the
    input (ties between equally heavy paths go to the lowest), and the
    column indices of ``F`` and ``A`` are not sorted within a row.
    """

    ids: list[Any]
    F: sparse.csr_array
    A: sparse.csr_array
    bounds: np.ndarray
    broken: list[tuple[Any, Any]] = field(default_factory=list)
    rows: np.ndarray | None = None
    time_reversed: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def levels(self) -> list[np.ndarray]:
        """Node indices of each topological level."""
        return [np.arange(a, b) for a, b in zip(self.bounds[:-1], self.bounds[1:])]


def _date_keys(G: nx.DiGraph[Hashable], ids: list[Any]) -> np.ndarray:
    """A sortable publication date per node: year*10000 + month*100 from arXiv ids, else year*10000."""
    keys = np.full(len(ids), np.nan)
    for i, n in enumerate(ids):
        d = G.nodes[n] if n in G else {}
        date = arxiv_date(str(d.get("arxiv") or ""))
        if date:
            keys[i] = date[0] * 10000 + date[1] * 100
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


def _time_reversed(u: np.ndarray, v: np.ndarray, dates: np.ndarray, max_back_years: float) -> np.ndarray:
    """Mask of flow edges ``u → v`` (``v`` cites ``u``) whose cited paper ``u`` is more than
    ``max_back_years`` newer than the citing ``v``; in months when both dates have one.

    >>> d = np.array([2019_0300.0, 2024_0100.0, 2024_0000.0, 2025_0000.0, np.nan])
    >>> _time_reversed(np.array([1, 3, 2, 3, 4]), np.array([0, 2, 1, 0, 0]), d, 1).tolist()
    [True, False, False, True, False]
    """
    du, dv = dates[u], dates[v]
    known = ~(np.isnan(du) | np.isnan(dv))
    du, dv = np.where(known, du, 0), np.where(known, dv, 0)
    yu, yv = du // 10000, dv // 10000
    mu, mv = (du % 10000) // 100, (dv % 10000) // 100
    months = (mu > 0) & (mv > 0)
    gap = np.where(months, ((yu * 12 + mu) - (yv * 12 + mv)) / 12, yu - yv)
    reversed_: np.ndarray = known & (gap > max_back_years)
    return reversed_


def _time_reversed_entries(
    F: sparse.csr_array, dates: np.ndarray, max_back_years: float
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, positions)`` of the entries of flow matrix ``F`` that :func:`_time_reversed` drops,
    in CSR order.

    Only the edges of rows that can hold one are judged exactly.  The month
    term of a gap is at most ``max_month / 12`` years, so a cited paper ``u``
    is a candidate when its year minus the year of its oldest dated citer
    exceeds ``max_back_years - max_month / 12``: one gather and one segmented
    minimum over the edges, the rest on a few rows.  With years only (a
    CitationMatrix) the candidates are exactly the rows with a drop.

    >>> F = sparse.csr_array(np.array([[0, 1, 1], [0, 0, 0], [1, 0, 0]]))  # 0 → 1, 0 → 2, 2 → 0
    >>> rows, at = _time_reversed_entries(F, np.array([2019_0000.0, 2020_0000.0, 2015_0000.0]), 1)
    >>> rows.tolist(), F.indices[at].tolist()
    ([0], [2])
    """
    indptr, indices = F.indptr, F.indices
    years = dates // 10000  # as _time_reversed reads them; NaN stays NaN
    months = (dates % 10000) // 100
    slack = np.nanmax(months, initial=0.0) / 12
    has = np.flatnonzero(indptr[1:] > indptr[:-1])
    # fmin skips undated citers; a row with none stays NaN and is no candidate
    oldest = np.fmin.reduceat(years[indices], indptr[has])
    with np.errstate(invalid="ignore"):
        cand = has[years[has] - oldest > max_back_years - slack]
    if cand.size == 0:
        return cand, np.empty(0, dtype=np.int64)
    pos, lengths = _gather(indptr, cand)
    rows = np.repeat(cand, lengths)
    back = _time_reversed(rows, indices[pos], dates, max_back_years)
    return rows[back], pos[back]


def _drop_entries(F: sparse.csr_array, rows: np.ndarray, at: np.ndarray) -> sparse.csr_array:
    """``F`` without the stored entries at positions ``at`` (in rows ``rows``); order kept."""
    keep = np.ones(F.nnz, dtype=bool)
    keep[at] = False
    indptr = F.indptr - np.r_[0, np.cumsum(np.bincount(rows, minlength=F.shape[0]))].astype(F.indptr.dtype)
    out = sparse.csr_array((F.data[keep], F.indices[keep], indptr), shape=F.shape)
    out.has_sorted_indices = F.has_sorted_indices
    return out


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


def flow_dag(
    G: Any, kinds: Iterable[str] | None = _DEFAULT_KINDS, *, max_back_years: float | None = 1.0
) -> FlowDAG:
    """The knowledge-flow DAG of ``G``: a networkx citation graph or a CitationMatrix.

    ``G`` may be a citegraph graph (edges citing → cited; only edges of
    ``kinds`` are used, all edges when ``None``) or any object with ``ids`` and a
    sparse ``A`` where ``A[i, j] = 1`` when ``i`` cites ``j`` (and optionally
    ``years``).  Citations of papers more than ``max_back_years`` newer than
    the citing one are dropped (``None``: none are), then cycles are broken by
    date; see :attr:`FlowDAG.time_reversed` and :attr:`FlowDAG.broken`.  The
    time filter is a mask over the flow matrix's edge arrays (one gather and
    one segmented minimum, exact dates only on the few candidate rows); the
    matrix is rebuilt only when something is dropped.

    A :class:`~citegraph.graph.matrix.CitationMatrix` is used as it is:
    its cached transpose is the flow matrix and its cached generations
    (:attr:`~citegraph.graph.matrix.CitationMatrix.topo_levels`), read
    backwards, are the levels, so nothing is rebuilt or re-sorted.
    """
    from citegraph.graph.matrix import CitationMatrix

    A0: sparse.csr_array | None = None
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
        F = _clean(sparse.csr_array((np.ones(len(pairs)), (rows, cols)), shape=(len(ids), len(ids))))
        dates = _date_keys(G, ids)
    else:
        ids = list(G.ids)
        if isinstance(G, CitationMatrix):
            # Already binary, loop-free and canonical, with its transpose
            # cached: the flow matrix is that transpose, no rebuild.
            F, A0 = G.AT, G.A
        else:
            F = _clean(sparse.csr_array(sparse.csr_array(G.A).T))
        years = getattr(G, "years", None)
        dates = (
            np.asarray(years, dtype=float) * 10000 if years is not None else np.full(len(ids), np.nan)
        )
    reversed_: list[tuple[Any, Any]] = []
    if max_back_years is not None and F.nnz:
        rows, at = _time_reversed_entries(F, dates, max_back_years)
        if at.size:
            citing = F.indices[at]
            reversed_ = [(ids[v], ids[u]) for u, v in zip(rows.tolist(), citing.tolist())]
            F = _drop_entries(F, rows, at)
            A0 = None  # the cached transpose and generations no longer fit
    broken: list[tuple[Any, Any]] = []
    levels = None
    if isinstance(G, CitationMatrix) and A0 is not None:
        gen_order, gen_bounds, cyclic = G.topo_levels
        if not cyclic.any():
            # a generation is cited only by earlier ones: in flow order, last first
            spans = list(zip(gen_bounds[:-1], gen_bounds[1:]))[::-1]
            levels = [gen_order[a:b] for a, b in spans]
    if levels is None:
        levels = _levels(F)
    if levels is None:
        order = np.argsort(np.argsort(np.array([str(i) for i in ids])))
        coo = F.tocoo()
        F, dropped = _break_cycles(F, dates, order)
        broken = [(ids[v], ids[u]) for u, v in zip(coo.row[dropped], coo.col[dropped])]
        F, A0 = _clean(F), None
        levels = _levels(F)
        assert levels is not None, "cycle breaking left a cycle"
    if A0 is None:
        A0 = sparse.csr_array(F.T)
    # renumber the nodes level by level so that each level is a block of rows:
    # a row gather and an index relabelling, never a COO round trip or a transpose
    order = np.concatenate(levels) if levels else np.empty(0, dtype=np.int64)
    new = np.empty_like(order)
    new[order] = np.arange(order.size)
    bounds = np.cumsum([0] + [lv.size for lv in levels])
    ids_in_order = _object_take(ids, order)
    return FlowDAG(
        ids=ids_in_order,
        F=_relabel(F, order, new),
        A=_relabel(A0, order, new),
        bounds=bounds,
        broken=broken,
        rows=order,
        time_reversed=reversed_,
    )


def _relabel(M: sparse.csr_array, order: np.ndarray, new: np.ndarray) -> sparse.csr_array:
    """``M`` with rows and columns renumbered (row ``i`` of the result is ``M``'s row ``order[i]``)."""
    n = M.shape[0]
    if n == 0:
        return sparse.csr_array((n, n))
    out = sparse.csr_array(M[order])
    out.indices = new[out.indices]
    out.has_sorted_indices = False
    return out


def _object_take(ids: list[Any], order: np.ndarray) -> list[Any]:
    items = np.empty(len(ids), dtype=object)
    items[:] = ids
    taken: list[Any] = items[order].tolist()
    return taken


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
    """``(N_minus, N_plus)`` per node for ``method`` (see :func:`main_path`)."""
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


def _edge_weights(dag: FlowDAG, method: str, *, transposed: bool = False) -> Any:
    """The weight matrix ``W`` (same layout as ``dag.F``); with ``transposed``,
    ``(W, W.T)``, the second laid out as ``dag.A`` (no sparse transpose)."""
    n_minus, n_plus = traversal_counts(dag, method)
    W = _weighted(dag.F, lambda rows, cols: n_minus[rows] * n_plus[cols])
    if not transposed:
        return W
    return W, _weighted(dag.A, lambda rows, cols: n_minus[cols] * n_plus[rows])


def _weighted(P: sparse.csr_array, weight: Any) -> sparse.csr_array:
    rows = np.repeat(np.arange(P.shape[0]), np.diff(P.indptr))
    W = sparse.csr_array((weight(rows, P.indices), P.indices, P.indptr), shape=P.shape, copy=False)
    W.has_sorted_indices = P.has_sorted_indices
    return W


def spc_weights(
    G: Any,
    method: str = "spc",
    *,
    kinds: Iterable[str] | None = _DEFAULT_KINDS,
    max_back_years: float | None = 1.0,
) -> dict[tuple[Any, Any], float]:
    """Traversal weight of every knowledge-flow edge ``(cited, citing)``.

    Parameters
    ----------
    G : networkx.DiGraph or CitationMatrix-like
        Citation graph (edges citing → cited) or an object with ``ids`` and ``A``.
    method : {"spc", "splc", "spnp"}
        Traversal count (see :func:`main_path`).
    kinds : iterable of str or None
        Edge kinds taken as citations when ``G`` is a graph.
    max_back_years : float or None
        Drop citations of papers more than this many years newer than the
        citing one (see :func:`main_path`); ``None`` keeps them.

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
    >>> G = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C")])  # C cites A and B ...
    >>> w = spc_weights(G)
    >>> w[("A", "C")], w[("C", "D")]
    (2.0, 2.0)
    >>> main_path(G)["path"]
    ['A', 'C', 'D']
    """
    dag = flow_dag(G, kinds, max_back_years=max_back_years)
    W = _edge_weights(dag, method).tocoo()
    ids = dag.ids
    return {(ids[u], ids[v]): float(w) for u, v, w in zip(W.row, W.col, W.data)}


def _best_paths(
    W: sparse.csr_array, bounds: np.ndarray, reverse: bool, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per node, the largest total weight of a path along ``W``'s rows to an end, and the next node.

    ``W``'s rows point to later levels (``reverse``: earlier ones), so levels
    are taken last to first (first to last).  Ties go to the node with the
    lowest ``rows`` value (its position in the input graph).
    """
    n = W.shape[0]
    best = np.zeros(n)
    nxt = np.full(n, -1, dtype=np.int64)
    indptr, indices, data = W.indptr, W.indices, W.data
    rows = np.arange(n) if rows is None else rows
    new = np.empty(n, dtype=np.int64)
    new[rows] = np.arange(n)
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
        # ties go to the lowest input position, whatever the order within the
        # row; only the (few) top entries are looked up
        top_at = np.flatnonzero(is_top)
        per_row = np.add.reduceat(is_top, seg)
        group = np.zeros(per_row.size, dtype=np.int64)
        np.cumsum(per_row[:-1], out=group[1:])
        chosen = np.minimum.reduceat(rows[indices[lo + top_at]], group)
        at = np.arange(a, b)[has]
        best[at] = top
        nxt[at] = new[chosen]
    return best, nxt


def main_path(
    G: Any,
    *,
    method: str = "spc",
    kind: str = "global",
    key_routes: int = 10,
    kinds: Iterable[str] | None = _DEFAULT_KINDS,
    max_back_years: float | None = 1.0,
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
    max_back_years : float or None
        Drop citations of papers more than this many years newer than the
        citing one before anything else (see Notes); ``None``
        keeps them, and only those closing a cycle are dropped.

    Returns
    -------
    dict
        ``path``: paper ids in flow order (cited before citing; for
        key-route, the union in topological order).  Steps can still go back
        in time by up to ``max_back_years``, or further when dates are
        missing.  ``edges``: ``[{"source", "target", "weight"}]`` in flow
        direction (cited → citing); ``time_reversed``: citations ``(citing,
        cited)`` dropped as running back more than ``max_back_years``;
        ``broken_cycles``: citations dropped to break the remaining cycles;
        ``method``; ``kind``.

    Notes
    -----
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
    matrix-vector product per topological level.

    Knowledge cannot flow back in time, so before counting two kinds of citation
    are dropped, and reported: a citation of a paper more than ``max_back_years``
    (default 1) newer than the citing one, when both dates are known (arXiv month,
    else year), and then, among what is left, the citations that close a cycle
    (two preprints citing each other) and run back in time.  A later paper can be
    cited by an earlier one only through a revised preprint: a citation within a
    year is kept (a revision during review, concurrent preprints), one across
    more than a year would let the main path wander back years (2019 → 2024 →
    2019) along revisions, so it goes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("B", "A"), ("C", "A"), ("D", "B"), ("D", "C"), ("E", "D"), ("F", "C")])
    >>> main_path(G)["path"]
    ['A', 'C', 'D', 'E']
    >>> main_path(G, kind="key-route", key_routes=3)["path"]
    ['A', 'B', 'C', 'D', 'E']

    A paper of 2019 cannot draw on one of 2024, whatever its revised preprint cites:

    >>> G = nx.DiGraph([("B", "A"), ("C", "B"), ("A", "C")])
    >>> nx.set_node_attributes(G, {"A": 2018, "B": 2024, "C": 2025}, "year")
    >>> r = main_path(G)
    >>> r["path"], r["time_reversed"], r["broken_cycles"]
    (['A', 'B', 'C'], [['A', 'C']], [])
    """
    if kind not in ("global", "key-route"):
        raise ValueError(f"kind must be 'global' or 'key-route', not {kind!r}")
    dag = flow_dag(G, kinds, max_back_years=max_back_years)
    result: dict[str, Any] = {
        "method": method,
        "kind": kind,
        "path": [],
        "edges": [],
        "time_reversed": [list(e) for e in dag.time_reversed],
        "broken_cycles": [list(e) for e in dag.broken],
    }
    W, WT = _edge_weights(dag, method, transposed=True)
    if W.nnz == 0:
        return result
    rows = dag.rows if dag.rows is not None else np.arange(W.shape[0])
    best_fwd, nxt = _best_paths(W, dag.bounds, reverse=False, rows=rows)
    best_bwd, prv = _best_paths(WT, dag.bounds, reverse=True, rows=rows)
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
        heaviest = sources[best_fwd[sources] == best_fwd[sources].max()]
        start = int(heaviest[np.argmin(rows[heaviest])])
        nodes = forward(start)
        chosen = list(zip(nodes[:-1], nodes[1:]))
    else:
        coo = W.tocoo()
        # heaviest first, ties by input position (rows are not sorted within)
        top = np.lexsort((rows[coo.col], rows[coo.row], -coo.data))[: max(1, key_routes)]
        chosen_set: set[tuple[int, int]] = set()
        for e in top:
            u, v = int(coo.row[e]), int(coo.col[e])
            route = backward(u) + forward(v)
            chosen_set.update(zip(route[:-1], route[1:]))
        chosen = sorted(chosen_set)
        nodes = sorted({x for e in chosen for x in e})  # node numbers follow the topological order
    result["path"] = [ids[i] for i in nodes]
    result["edges"] = [
        {"source": ids[u], "target": ids[v], "weight": _entry(W, u, v)} for u, v in chosen
    ]
    return result


def _entry(W: sparse.csr_array, u: int, v: int) -> float:
    """``W[u, v]`` for a stored entry, read off the row's arrays (scipy's scalar
    ``W[u, v]`` has a fixed cost of tens of µs a call, once per main-path edge)."""
    lo, hi = W.indptr[u], W.indptr[u + 1]
    return float(W.data[lo:hi][W.indices[lo:hi] == v][0])
