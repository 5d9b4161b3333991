"""The citation graph as compact arrays: one CSR matrix built once per graph.

Every analysis runs on a :class:`CitationMatrix` rather than on networkx's
per-edge dicts, so that it stays fast on graphs of millions of papers.
:func:`citation_matrix` builds it from a citegraph graph and caches it;
:meth:`CitationMatrix.from_edges` builds it straight from edge arrays (graphs
too large for networkx, benchmarks).

Caching.  The matrix of a graph is kept in a :class:`weakref.WeakKeyDictionary`
keyed by the graph (so it dies with the graph and is never pickled or copied
with it), together with a token object placed in the graph's
``__networkx_cache__``.  networkx empties that dict on every structural change
made through its methods (``add_edge``, ``remove_node``, ...), and
:func:`citegraph.graph.model.add_link` empties it when an existing edge gains a
kind, so a missing token means "rebuild".  The node and edge counts are
checked as well, which catches most edits that bypass networkx's methods.
Node attributes (``year``, ``listed``) are re-read on every call: that is
O(nodes), cheap next to any analysis, and catches in-place attribute edits.
"""

from __future__ import annotations

import dataclasses
import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from collections.abc import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from citegraph.graph.model import EDGE_KINDS

__all__ = ["CitationMatrix", "citation_matrix", "clear_matrix_cache"]

# Derived arrays that depend only on the edges; they survive a refresh of the
# node attributes (see ``_with_node_arrays``).
_STRUCTURAL = ("index", "AT", "out_degree", "in_degree", "topo_levels", "_walk_blocks")


@dataclass(frozen=True, eq=False)
class CitationMatrix:
    """A citation graph as arrays: row/column ``i`` is paper ``ids[i]``.

    Attributes
    ----------
    ids : numpy.ndarray
        Node id of each row (object array; ``arange(n)`` for :meth:`from_edges`
        without ids).
    A : scipy.sparse.csr_array
        ``A[i, j] == 1.0`` when paper ``i`` cites (builds on, mentions) paper
        ``j``; binary, canonical (sorted indices, no duplicates), zero diagonal.
    years : numpy.ndarray
        Publication year as float, ``NaN`` when unknown.
    listed : numpy.ndarray
        Bool, True for papers named in the user's lists.
    kinds : tuple of str or None
        The edge kinds ``A`` was built from (``None``: every edge).

    Examples
    --------
    >>> M = CitationMatrix.from_edges([1, 2, 2], [0, 0, 1], 3, years=[2020, 2021, None])
    >>> M.A.toarray().astype(int).tolist()
    [[0, 0, 0], [1, 0, 0], [1, 1, 0]]
    >>> M.in_degree.tolist(), M.years.tolist()
    ([2, 1, 0], [2020.0, 2021.0, nan])
    """

    ids: np.ndarray
    A: sp.csr_array
    years: np.ndarray
    listed: np.ndarray
    kinds: tuple[str, ...] | None = None

    @property
    def n(self) -> int:
        """Number of papers.

        >>> CitationMatrix.from_edges([1], [0], 3).n
        3
        """
        return self.A.shape[0]

    @cached_property
    def index(self) -> dict[Hashable, int]:
        """Row of each node id.

        >>> CitationMatrix.from_edges([1], [0], 2, ids=["old", "new"]).index
        {'old': 0, 'new': 1}
        """
        return {node: i for i, node in enumerate(self.ids.tolist())}

    @cached_property
    def AT(self) -> sp.csr_array:
        """``A.T`` in CSR form: row ``j`` lists the papers citing ``j``.

        >>> M = CitationMatrix.from_edges([1, 2], [0, 0], 3)
        >>> M.AT[[0]].indices.tolist()  # papers citing paper 0
        [1, 2]
        """
        return _canonical(self.A.T.tocsr())

    @cached_property
    def out_degree(self) -> np.ndarray:
        """References of each paper within the graph.

        >>> CitationMatrix.from_edges([2, 2, 1], [0, 1, 0], 3).out_degree.tolist()
        [0, 1, 2]
        """
        return np.diff(self.A.indptr).astype(np.int64)

    @cached_property
    def in_degree(self) -> np.ndarray:
        """Citations of each paper from within the graph (local citation score).

        >>> CitationMatrix.from_edges([2, 2, 1], [0, 1, 0], 3).in_degree.tolist()
        [2, 1, 0]
        """
        return np.bincount(self.A.indices, minlength=self.n).astype(np.int64)

    @cached_property
    def topo_levels(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(order, bounds, cyclic)``: papers by generation, citing before cited.

        ``order[bounds[k]:bounds[k + 1]]`` is generation ``k``: papers cited
        only by papers of earlier generations.  Papers on a citation cycle
        (real data has them: preprint versions, same-year cross-citations)
        stay together in one generation, whose ``cyclic[k]`` is True; other
        generations have no citations among their own papers.

        Kahn's algorithm on the strongly connected components, one vectorised
        step per generation.

        Examples
        --------
        3 cites 2 cites 1 cites 0, and 0 cites 1 back (a cycle).

        >>> order, bounds, cyclic = CitationMatrix.from_edges([3, 2, 1, 0], [2, 1, 0, 1], 4).topo_levels
        >>> [sorted(order[a:b].tolist()) for a, b in zip(bounds[:-1], bounds[1:])], cyclic.tolist()
        ([[3], [2], [0, 1]], [False, False, True])
        """
        n = self.n
        comp: np.ndarray
        ncomp, comp = csgraph.connected_components(self.A, directed=True, connection="strong")
        if ncomp == n:
            C, comp = self.A, np.arange(n)
        else:
            citing = np.repeat(comp, self.out_degree)
            cited = comp[self.A.indices]
            between = citing != cited
            C = _canonical(
                sp.csr_array(
                    (np.ones(int(between.sum())), (citing[between], cited[between])), shape=(ncomp, ncomp)
                )
            )
        indeg = np.bincount(C.indices, minlength=ncomp)
        level = np.full(ncomp, -1, dtype=np.int64)
        frontier = np.flatnonzero(indeg == 0)
        depth = 0
        indptr, indices = C.indptr, C.indices
        while frontier.size:
            level[frontier] = depth
            depth += 1
            # the frontier's rows gathered straight from the CSR arrays: scipy's
            # row indexing costs ~0.1 ms a call, most of a generation's time
            starts, lens = indptr[frontier], indptr[frontier + 1] - indptr[frontier]
            total = int(lens.sum())
            at = np.arange(total) + np.repeat(starts - (np.cumsum(lens) - lens), lens)
            cited, count = np.unique(indices[at], return_counts=True)
            indeg[cited] -= count
            frontier = cited[indeg[cited] == 0]
        node_level = level[comp]
        order = np.argsort(node_level, kind="stable")
        bounds = np.searchsorted(node_level[order], np.arange(depth + 1))
        size = np.bincount(comp, minlength=ncomp)
        cyclic = np.zeros(depth, dtype=bool)
        cyclic[np.unique(level[size > 1])] = True
        return order, bounds, cyclic

    @property
    def topo_order(self) -> np.ndarray:
        """Rows ordered so that citing papers come before the papers they cite
        (papers on one citation cycle are adjacent, in no particular order).

        >>> CitationMatrix.from_edges([0, 1], [1, 2], 3).topo_order.tolist()
        [0, 1, 2]
        """
        return self.topo_levels[0]

    @cached_property
    def _walk_blocks(self) -> list[sp.csr_array]:
        """The walk matrix ``W[j, i] = 1/refs(i)`` for ``i`` citing ``j``, rows and
        columns in :attr:`topo_order`, cut into one row block per generation.

        Block ``k`` only reaches columns of earlier generations (and its own
        when cyclic), which is what makes ``y = b + alpha W y`` solvable one
        generation at a time.

        >>> M = CitationMatrix.from_edges([2, 2, 1], [1, 0, 0], 3)  # 2 cites 1 and 0; 1 cites 0
        >>> [b.toarray().tolist() for b in M._walk_blocks]  # columns in topo order: 2, 1, 0
        [[[0.0, 0.0, 0.0]], [[0.5, 0.0, 0.0]], [[0.5, 1.0, 0.0]]]
        """
        order, bounds, _ = self.topo_levels
        pos = np.empty(self.n, dtype=np.int64)
        pos[order] = np.arange(self.n)
        inv_refs = np.zeros(self.n)
        has_refs = self.out_degree > 0
        inv_refs[has_refs] = 1.0 / self.out_degree[has_refs]
        rows = self.AT[order]
        data, indices, indptr = inv_refs[rows.indices], pos[rows.indices], rows.indptr
        # Blocks are views into one set of arrays (no copy per generation).
        return [
            sp.csr_array(
                (data[indptr[s] : indptr[e]], indices[indptr[s] : indptr[e]], indptr[s : e + 1] - indptr[s]),
                shape=(int(e - s), self.n),
                copy=False,
            )
            for s, e in zip(bounds[:-1], bounds[1:])
        ]

    @classmethod
    def from_edges(
        cls,
        src: Sequence[int] | np.ndarray,
        dst: Sequence[int] | np.ndarray,
        n: int,
        years: Sequence[float | None] | np.ndarray | None = None,
        ids: Sequence[Hashable] | np.ndarray | None = None,
        listed: Sequence[bool] | np.ndarray | None = None,
        kinds: Iterable[str] | None = None,
    ) -> CitationMatrix:
        """Build from edge arrays: paper ``src[k]`` cites paper ``dst[k]`` (rows ``0..n-1``).

        Repeated edges count once and self-citations are dropped, as in the
        graph model.  No Python object is made per edge.  Both ``A`` and its
        transpose :attr:`AT` are built here, once.

        >>> M = CitationMatrix.from_edges([0, 0, 1, 1], [1, 1, 1, 0], 2, ids=["a", "b"])
        >>> M.A.nnz, M.index["b"], bool(M.listed.any())
        (2, 1, False)
        """
        src = np.asarray(src, dtype=np.int64)
        dst = np.asarray(dst, dtype=np.int64)
        if src.shape != dst.shape:
            raise ValueError("src and dst must have the same length")
        if src.size and (min(src.min(), dst.min()) < 0 or max(src.max(), dst.max()) >= n):
            raise ValueError(f"edge endpoints must be in 0..{n - 1}")
        keep = src != dst
        A = sp.csr_array((np.ones(int(keep.sum())), (src[keep], dst[keep])), shape=(n, n))
        M = cls(
            ids=np.arange(n) if ids is None else _object_array(ids),
            A=_canonical(A),
            years=_year_array(years, n),
            listed=np.zeros(n, dtype=bool) if listed is None else np.asarray(listed, dtype=bool),
            kinds=None if kinds is None else tuple(sorted(kinds)),
        )
        _ = M.AT  # every measure also reads the cited → citing direction: build both once
        return M

    def rows(self, nodes: Iterable[Hashable]) -> np.ndarray:
        """Row numbers of node ids (``KeyError`` for an unknown id).

        >>> CitationMatrix.from_edges([1], [0], 3, ids=["a", "b", "c"]).rows(["c", "a"]).tolist()
        [2, 0]
        """
        index = self.index
        return np.fromiter((index[v] for v in nodes), dtype=np.int64)

    def _with_node_arrays(self, years: np.ndarray, listed: np.ndarray) -> CitationMatrix:
        """The same edges with fresh node attributes, keeping the structural caches.

        >>> M = CitationMatrix.from_edges([1], [0], 2)
        >>> fresh = M._with_node_arrays(np.array([2020.0, 2021.0]), np.array([True, False]))
        >>> fresh.A is M.A, fresh.AT is M.AT, fresh.years.tolist()
        (True, True, [2020.0, 2021.0])
        """
        fresh = dataclasses.replace(self, years=years, listed=listed)
        for name in _STRUCTURAL:
            if name in self.__dict__:
                fresh.__dict__[name] = self.__dict__[name]
        return fresh


def _object_array(values: Iterable[Hashable]) -> np.ndarray:
    """A 1-d object array of ``values`` (tuples stay elements, not rows).

    >>> _object_array([("a", 1), "b"]).shape
    (2,)
    """
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _year_array(years: Iterable[Any] | None, n: int) -> np.ndarray:
    """Years as floats, ``NaN`` for unknown ones; ``n`` of them.

    >>> _year_array([2020, None], 2).tolist()
    [2020.0, nan]
    """
    if years is None:
        return np.full(n, np.nan)
    if isinstance(years, np.ndarray) and years.dtype.kind in "fiu":
        out = years.astype(np.float64)
    else:
        out = np.array([np.nan if y is None else y for y in years], dtype=float)
    if out.shape != (n,):
        raise ValueError(f"years must have one value per paper ({n})")
    return out


def _drop_diagonal(A: sp.csr_array) -> sp.csr_array:
    """``A`` without its diagonal (self-citations).

    >>> _drop_diagonal(sp.csr_array(np.array([[1.0, 1.0], [0.0, 1.0]]))).toarray().tolist()
    [[0.0, 1.0], [0.0, 0.0]]
    """
    coo = A.tocoo()
    keep = coo.row != coo.col
    return sp.csr_array((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=A.shape)


def _canonical(A: sp.csr_array) -> sp.csr_array:
    """Binary CSR with sorted indices and no duplicates or explicit zeros.

    Indices are int32 whenever they fit: sparse products are memory-bound,
    and 4-byte indices make a matrix-vector product ~15% faster at 20M edges.

    >>> rows, cols = np.array([0, 0, 1]), np.array([1, 1, 0])
    >>> C = _canonical(sp.csr_array((np.array([2.0, 1.0, 0.0]), (rows, cols)), shape=(2, 2)))
    >>> C.toarray().tolist(), C.nnz, C.indices.dtype.name
    ([[0.0, 1.0], [0.0, 0.0]], 1, 'int32')
    """
    A.sum_duplicates()
    A.eliminate_zeros()
    A.data[:] = 1.0
    A.sort_indices()
    if A.indices.dtype != np.int32 and max(A.shape[0], A.nnz) < np.iinfo(np.int32).max:
        A.indices = A.indices.astype(np.int32)
        A.indptr = A.indptr.astype(np.int32)
    return A


# ------------------------------------------------------------------ from a graph

_MATRICES: weakref.WeakKeyDictionary[nx.DiGraph, dict] = weakref.WeakKeyDictionary()
_TOKEN_KEY = "citegraph.citation_matrix"


def citation_matrix(G: nx.DiGraph, *, kinds: Iterable[str] | None = None) -> CitationMatrix:
    """The :class:`CitationMatrix` of ``G``, built once and cached until ``G`` changes.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph (edges point from citing to cited paper).
    kinds : iterable of str, optional
        Keep only edges carrying one of these relations (``cites``,
        ``builds_on``, ``mentions``); every edge when ``None``.

    Rows follow ``G``'s node order.  See the module docstring for how the
    cache notices changes.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key, year in [("a", 2020), ("b", 2022), ("c", 2023)]:
    ...     _ = add_paper(G, key, title=key.upper(), year=year)
    >>> add_link(G, "b", "a", "cites"); add_link(G, "c", "b", "mentions")
    >>> M = citation_matrix(G)
    >>> M.ids.tolist(), M.A.nnz, citation_matrix(G) is M
    (['a', 'b', 'c'], 2, True)
    >>> citation_matrix(G, kinds=["cites"]).A.nnz
    1
    >>> G.add_edge("c", "a", kind="cites", kinds=["cites"])
    >>> citation_matrix(G).A.nnz
    3
    """
    key = None if kinds is None else tuple(sorted(set(kinds)))
    if key is not None and set(key) - set(EDGE_KINDS):
        raise ValueError(f"edge kinds must be among {EDGE_KINDS}, not {list(key)}")
    nodes = G.nodes
    years = _year_array((_plain_year(d.get("year")) for d in nodes.values()), len(nodes))
    listed = np.fromiter((bool(d.get("listed")) for d in nodes.values()), dtype=bool, count=len(nodes))

    nx_cache = getattr(G, "__networkx_cache__", None)
    entry = _MATRICES.get(G) if nx_cache is not None else None
    if (
        entry is None
        or nx_cache is None
        or nx_cache.get(_TOKEN_KEY) is not entry["token"]
        or entry["shape"] != (G.number_of_nodes(), G.number_of_edges())
    ):
        entry = {"token": object(), "shape": (G.number_of_nodes(), G.number_of_edges()), "by_kinds": {}}
        if nx_cache is not None:
            nx_cache[_TOKEN_KEY] = entry["token"]
            _MATRICES[G] = entry
    M = entry["by_kinds"].get(key)
    if M is None:
        if key is not None and "edges" not in entry:
            # one pass over the edges serves every kind-filtered matrix of this graph
            entry["edges"] = _edge_arrays(G, {node: i for i, node in enumerate(G)})
        M = _build(G, key, years, listed, entry.get("edges") if key is not None else None)
    elif not (np.array_equal(M.years, years, equal_nan=True) and np.array_equal(M.listed, listed)):
        M = M._with_node_arrays(years, listed)
    entry["by_kinds"][key] = M
    return M


def clear_matrix_cache(G: nx.DiGraph) -> None:
    """Forget the cached matrices of ``G`` (after editing ``G`` behind networkx's back).

    >>> G = nx.DiGraph([("b", "a")])
    >>> M = citation_matrix(G)
    >>> citation_matrix(G) is M
    True
    >>> clear_matrix_cache(G)
    >>> citation_matrix(G) is M, citation_matrix(G).A.nnz
    (False, 1)
    """
    _MATRICES.pop(G, None)


def _plain_year(value: Any) -> float | None:
    """A year as float, ``None`` when missing or not a number.

    >>> _plain_year("2021"), _plain_year("n.d."), _plain_year(None)
    (2021.0, None, None)
    """
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


# One bit per edge kind, so that every kind-filtered matrix of a graph is a
# mask over one pass of its edges (ranking asks for two: citations, mentions).
_KIND_BITS = {"mentions": 1, "cites": 2, "builds_on": 4}


def _kind_bits(data: dict[str, Any]) -> int:
    """The ``_KIND_BITS`` of an edge's relations.

    >>> _kind_bits({"kind": "builds_on", "kinds": ["builds_on", "cites"]}), _kind_bits({"kind": "mentions"})
    (6, 1)
    """
    bits = 0
    for kind in data.get("kinds") or (data.get("kind"),):
        bits |= _KIND_BITS.get(str(kind), 0)
    return bits


def _edge_arrays(G: nx.DiGraph, index: dict[Any, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``indptr, indices, kind bits`` of every edge, rows grouped by citing paper as in the adjacency."""
    n = len(index)
    counts = np.fromiter((len(nbrs) for nbrs in G.succ.values()), dtype=np.int64, count=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    m = int(indptr[-1])
    indices = np.fromiter((index[v] for nbrs in G.succ.values() for v in nbrs), dtype=np.int64, count=m)
    bits = np.fromiter((_kind_bits(d) for nbrs in G.succ.values() for d in nbrs.values()), dtype=np.uint8, count=m)
    return indptr, indices, bits


def _build(
    G: nx.DiGraph,
    kinds: tuple[str, ...] | None,
    years: np.ndarray,
    listed: np.ndarray,
    edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> CitationMatrix:
    """The matrix of ``G``'s edges of ``kinds`` (all when ``None``), uncached.

    ``edges`` is :func:`_edge_arrays` of ``G`` when already made (the cache keeps it per graph).

    >>> G = nx.DiGraph([("b", "a", {"kinds": ["mentions"]}), ("c", "a", {"kinds": ["cites"]})])
    >>> _build(G, ("cites",), np.full(3, np.nan), np.zeros(3, dtype=bool)).A.nnz
    1
    """
    ids = _object_array(G)
    index = {node: i for i, node in enumerate(ids.tolist())}
    n = len(ids)
    if kinds is None:
        # Rows are already grouped by citing paper in the adjacency: build CSR directly.
        counts = np.fromiter((len(nbrs) for nbrs in G.succ.values()), dtype=np.int64, count=n)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        indices = np.fromiter(
            (index[v] for nbrs in G.succ.values() for v in nbrs), dtype=np.int64, count=int(indptr[-1])
        )
        A = sp.csr_array((np.ones(indices.size), indices, indptr), shape=(n, n))
        if nx.number_of_selfloops(G):
            # add_link never makes self-citations, but hand-built graphs may.
            A = _drop_diagonal(A)
    else:
        indptr, indices, bits = _edge_arrays(G, index) if edges is None else edges
        wanted = np.uint8(sum(_KIND_BITS[k] for k in kinds))
        keep = (bits & wanted) != 0
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))[keep]
        A = _drop_diagonal(sp.csr_array((np.ones(rows.size), (rows, indices[keep])), shape=(n, n)))
    M = CitationMatrix(ids=ids, A=_canonical(A), years=years, listed=listed, kinds=kinds)
    M.__dict__["index"] = index
    _ = M.AT  # as in from_edges: both directions, once
    return M
