"""A compact graph file: the citation matrix and node table as arrays (``.npz``).

What analyses need, as flat arrays (:func:`numpy.savez`, no pickles): loading it builds
no Python object per edge, where node-link JSON builds a dict per edge and then a
networkx graph (the layout: :func:`save_arrays`).

:func:`load_arrays` gives a :class:`GraphArrays`: its
:attr:`~GraphArrays.matrix` is a ready
:class:`~citegraph.graph.matrix.CitationMatrix` (no Python object per
edge), and :func:`citegraph.analysis.rank.rank_papers` accepts it in place of
a networkx graph.  :func:`load_any` opens either kind of file, which is what
``citegraph rank`` does.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable, Hashable, Iterable, Sequence

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from citegraph.graph.matrix import CitationMatrix, _object_array, citation_matrix
from citegraph.errors import GraphFileError
from citegraph.graph.files import atomic_path
from citegraph.graph.schema import check_size, max_bytes, size_words
from citegraph.graph.model import EDGE_KINDS, load_graph

__all__ = ["FORMAT", "GraphArrays", "save_arrays", "load_arrays", "load_any", "is_arrays_file"]

FORMAT = "citegraph-arrays/1"
_TEXT_COLUMNS = ("arxiv", "title", "name")
_COUNT_COLUMNS = ("citation_count", "influential_citation_count")


@dataclass(eq=False)
class GraphArrays:
    """A graph loaded from a compact file: matrix, node table and edge kinds.

    Attributes
    ----------
    matrix : CitationMatrix
        Every citation (all kinds), rows in the file's node order.
    nodes : pandas.DataFrame
        ``id, arxiv, title, name, year, listed, citation_count,
        influential_citation_count``, one row per matrix row.
    kind_bits : numpy.ndarray
        Per stored citation (CSR order of ``matrix.A``), bit ``k`` set when
        it carries ``EDGE_KINDS[k]``.
    """

    matrix: CitationMatrix
    nodes: pd.DataFrame
    kind_bits: np.ndarray
    _by_kinds: dict[tuple[str, ...], CitationMatrix] = field(default_factory=dict, repr=False)

    def matrix_for(self, kinds: Iterable[str] | None) -> CitationMatrix:
        """The matrix of the citations of ``kinds`` (all when ``None``), cached."""
        if kinds is None:
            return self.matrix
        key = tuple(sorted(set(kinds)))
        unknown = set(key) - set(EDGE_KINDS)
        if unknown:
            raise ValueError(f"edge kinds must be among {EDGE_KINDS}, not {list(key)}")
        if key not in self._by_kinds:
            mask = np.uint8(sum(1 << EDGE_KINDS.index(k) for k in key))
            keep = (self.kind_bits & mask) > 0
            M = self.matrix
            src = np.repeat(np.arange(M.n), M.out_degree)[keep]
            self._by_kinds[key] = CitationMatrix.from_edges(
                src, M.A.indices[keep], M.n, years=M.years, ids=M.ids, listed=M.listed, kinds=key
            )
        return self._by_kinds[key]


def save_arrays(G: nx.DiGraph[Hashable] | CitationMatrix, path: str | os.PathLike[str]) -> None:
    """Write ``G`` (a citegraph graph, or a bare CitationMatrix) as a compact ``.npz`` file.

    From a graph, the node table keeps ``arxiv``, ``title``, ``name``,
    ``year``, ``listed`` and the API's citation counts; other attributes
    (authors, lineage, ...) stay in the JSON graph file only.

    Notes
    -----
    The node-link JSON of :func:`citegraph.graph.model.save_graph` is the
    readable, complete format, but loading it builds a Python dict per edge and
    then a networkx graph, which takes long at 100k papers and runs out of memory
    at 1M (``benchmarks/README.md``).  This file holds what the analyses need as flat arrays, written
    with :func:`numpy.savez` (uncompressed, no pickles):

    * the citations as CSR arrays (``indptr``, ``indices``; paper ``i`` cites
      ``indices[indptr[i]:indptr[i + 1]]``) and one bit per citation and edge
      kind (``cites``, ``builds_on``, ``mentions``), so ``kinds=`` still works;
    * per paper: id, arXiv id, title, model name (strings as one UTF-8 buffer
      plus offsets), year, listed flag, the API's citation counts.
    """
    if isinstance(G, CitationMatrix):
        M = G
        n = M.n
        text = {c: [None] * n for c in _TEXT_COLUMNS}
        counts = {c: np.full(n, np.nan) for c in _COUNT_COLUMNS}
        bits = np.full(M.A.nnz, 1 << EDGE_KINDS.index("cites"), dtype=np.uint8)
    else:
        M = citation_matrix(G)
        data = [d for _, d in G.nodes(data=True)]
        text = {c: [d.get(c) for d in data] for c in _TEXT_COLUMNS}
        counts = {c: np.array([_number(d.get(c)) for d in data], dtype=float) for c in _COUNT_COLUMNS}
        bits = _kind_bits(G, M)
    arrays: dict[str, Any] = {
        "format": np.array(FORMAT),
        "n": np.int64(M.n),
        "indptr": M.A.indptr,
        "indices": M.A.indices,
        # the transpose too: rebuilding it costs more than reading it
        "t_indptr": M.AT.indptr,
        "t_indices": M.AT.indices,
        "kind_bits": bits,
        "years": M.years,
        "listed": M.listed,
    }
    ids = M.ids
    if ids.size and all(type(v) is int for v in ids.tolist()):
        arrays["ids_int"] = np.asarray(ids.tolist(), dtype=np.int64)
    else:
        arrays["ids_blob"], arrays["ids_offsets"], arrays["ids_null"] = _pack([str(v) for v in ids.tolist()])
    for c in _TEXT_COLUMNS:
        arrays[f"{c}_blob"], arrays[f"{c}_offsets"], arrays[f"{c}_null"] = _pack(text[c])
    for c in _COUNT_COLUMNS:
        arrays[c] = counts[c]
    with atomic_path(path) as tmp, tmp.open("wb") as fh:
        np.savez(fh, **arrays)


def load_arrays(path: str | os.PathLike[str]) -> GraphArrays:
    """Read a file written by :func:`save_arrays`.

    The file's size (and the sizes its zip members claim) are checked against
    the graph file limit before anything is read, and every array's shape,
    type and range is checked before use: a bad file is one
    :class:`~citegraph.errors.GraphFileError` naming the array.

    Examples
    --------
    >>> import tempfile, os
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key, year in [("a", 2020), ("b", 2022), ("c", 2023)]:
    ...     _ = add_paper(G, key, title=f"Paper {key.upper()}", year=year)
    >>> add_link(G, "b", "a", "cites"); add_link(G, "c", "b", "mentions")
    >>> path = os.path.join(tempfile.mkdtemp(), "graph.npz")
    >>> save_arrays(G, path)
    >>> g = load_arrays(path)
    >>> g.matrix.ids.tolist(), g.matrix.A.nnz, g.matrix_for(["cites"]).A.nnz
    (['a', 'b', 'c'], 2, 1)
    >>> g.nodes[["id", "title", "year"]].to_dict("list")
    {'id': ['a', 'b', 'c'], 'title': ['Paper A', 'Paper B', 'Paper C'], 'year': [2020, 2022, 2023]}
    """
    path = Path(path)
    check_size(path)
    try:
        with zipfile.ZipFile(path) as zf:
            claimed = sum(info.file_size for info in zf.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise GraphFileError(f"{path}: not a citegraph arrays file ({exc})") from None
    if claimed > max_bytes():
        raise GraphFileError(f"{path}: its arrays unpack to {size_words(claimed)}, over the "
                             f"{size_words(max_bytes())} limit for a graph file (CITEGRAPH_MAX_GRAPH_MB)")
    try:
        z = np.load(path, allow_pickle=False)
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise GraphFileError(f"{path}: not a citegraph arrays file ({exc})") from None
    try:
        with z:
            if "format" not in z.files or str(z["format"]) != FORMAT:
                raise GraphFileError(f"{path}: not a citegraph arrays file (expected {FORMAT})")
            return _read_arrays(z, path)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        # a member missing, unreadable or of another dtype than the checks expect
        raise GraphFileError(f"{path}: malformed citegraph arrays file ({type(exc).__name__}: {exc})") from None


def _read_arrays(z: Any, path: Path) -> GraphArrays:
    def get(name: str, kind: str, length: int | None) -> np.ndarray:
        if name not in z.files:
            raise GraphFileError(f"{path}: arrays file lacks the array {name!r}")
        value: np.ndarray = z[name]
        if value.ndim != 1 or value.dtype.kind not in kind or (length is not None and value.size != length):
            want = f" of {length}" if length is not None else ""
            raise GraphFileError(f"{path}: array {name!r} is not a flat array{want} {_KIND_WORDS[kind]} "
                                 f"(shape {value.shape}, dtype {value.dtype})")
        return value

    n_arr = z["n"] if "n" in z.files else None
    if n_arr is None or n_arr.shape != () or n_arr.dtype.kind not in "iu" or not 0 <= int(n_arr) < 2**31:
        raise GraphFileError(f"{path}: array 'n' (the number of papers) is missing or not a count")
    n = int(n_arr)

    def csr(prefix: str) -> tuple[np.ndarray, np.ndarray]:
        indptr = get(f"{prefix}indptr", "iu", n + 1)
        indices = get(f"{prefix}indices", "iu", None)
        if indptr[0] != 0 or (np.diff(indptr) < 0).any() or indptr[-1] != indices.size:
            raise GraphFileError(f"{path}: array {prefix + 'indptr'!r} does not index {prefix + 'indices'!r}")
        if indices.size and (indices.min() < 0 or indices.max() >= n):
            raise GraphFileError(f"{path}: array {prefix + 'indices'!r} names a paper outside 0..{n - 1}")
        return indptr, indices

    indptr, indices = csr("")
    transposed = csr("t_") if "t_indices" in z.files else None
    if transposed is not None and transposed[1].size != indices.size:
        raise GraphFileError(f"{path}: arrays 't_indices' and 'indices' hold different numbers of citations")
    kind_bits = get("kind_bits", "u", indices.size)
    years = get("years", "fiu", n)
    known = years[~np.isnan(years.astype(float))]  # NaN: no year; an infinity is no year either
    if known.size and not ((known >= 1) & (known <= 9999)).all():
        raise GraphFileError(f"{path}: array 'years' holds a value that is not a year from 1 to 9999")
    listed = get("listed", "bui", n)
    if "ids_int" in z.files:
        ids: Sequence[Any] = get("ids_int", "iu", n).tolist()
    else:
        ids = _checked_unpack(z, "ids", n, get, path)
    text = {c: _checked_unpack(z, c, n, get, path) for c in _TEXT_COLUMNS}
    counts = {c: get(c, "fiu", n) for c in _COUNT_COLUMNS}
    for c, values in counts.items():  # NaN is a count not known; the JSON loader's range otherwise
        known = values[~np.isnan(values)] if values.dtype.kind == "f" else values
        if known.size and not ((known >= 0) & (known <= 2**53)).all():
            raise GraphFileError(f"{path}: array {c!r} holds a value that is not a count from 0 to 2**53")
    ones = np.ones(indices.size)
    A = sp.csr_array((ones, indices, indptr), shape=(n, n), copy=False)
    M = CitationMatrix(ids=_object_array(ids), A=A, years=years, listed=listed.astype(bool))
    A.has_sorted_indices = A.has_canonical_format = True  # written canonical by save_arrays
    if transposed is not None:
        AT = sp.csr_array((ones, transposed[1], transposed[0]), shape=(n, n), copy=False)
        AT.has_sorted_indices = AT.has_canonical_format = True
        M.__dict__["AT"] = AT
    else:
        _ = M.AT
    nodes = pd.DataFrame(
        {
            "id": M.ids,
            **text,
            "year": _int_or_na(M.years.astype(float)),
            "listed": M.listed,
            **{c: _int_or_na(counts[c].astype(float)) for c in _COUNT_COLUMNS},
        }
    )
    return GraphArrays(matrix=M, nodes=nodes, kind_bits=kind_bits)


_KIND_WORDS = {"iu": "of whole numbers", "u": "of bytes", "fiu": "of numbers", "bui": "of flags"}


def _checked_unpack(
    z: Any, name: str, n: int, get: Callable[[str, str, int | None], np.ndarray], path: Path
) -> list[str | None]:
    blob = get(f"{name}_blob", "u", None)
    offsets = get(f"{name}_offsets", "iu", n + 1)
    null = get(f"{name}_null", "b", n)
    if offsets[0] != 0 or (np.diff(offsets) < 0).any() or offsets[-1] != blob.size:
        raise GraphFileError(f"{path}: array {name + '_offsets'!r} does not index {name + '_blob'!r}")
    try:
        return _unpack(blob, offsets, null)
    except UnicodeDecodeError:
        raise GraphFileError(f"{path}: array {name + '_blob'!r} is not UTF-8 text") from None


def is_arrays_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a compact arrays file (a zip holding ``format.npy``)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return "format.npy" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def load_any(path: str | os.PathLike[str]) -> nx.DiGraph[Hashable] | GraphArrays:
    """A compact arrays file as :class:`GraphArrays`, anything else through ``load_graph``."""
    check_size(Path(path))  # a pipe would block the zip test below
    if is_arrays_file(path):
        return load_arrays(path)
    return load_graph(path)


# ------------------------------------------------------------------ helpers


def _kind_bits(G: nx.DiGraph[Hashable], M: CitationMatrix) -> np.ndarray:
    """Per stored citation of ``M.A`` (CSR order), a bit per edge kind carried."""
    n = M.n
    # Canonical CSR is sorted by (row, column): the keys below are increasing.
    keys = np.repeat(np.arange(n, dtype=np.int64), M.out_degree) * n + M.A.indices
    bits = np.zeros(keys.size, dtype=np.uint8)
    for k, kind in enumerate(EDGE_KINDS):
        K = citation_matrix(G, kinds=[kind])
        if K.A.nnz == 0:
            continue
        kind_keys = np.repeat(np.arange(n, dtype=np.int64), K.out_degree) * n + K.A.indices
        bits[np.searchsorted(keys, kind_keys)] |= np.uint8(1 << k)
    # An edge without kind data (a plain networkx graph) counts as a citation.
    bits[bits == 0] = 1 << EDGE_KINDS.index("cites")
    return bits


def _number(value: Any) -> float:
    try:
        return float(value) if value is not None else np.nan
    except (TypeError, ValueError):
        return np.nan


def _int_or_na(values: np.ndarray) -> pd.arrays.IntegerArray:
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)


def _pack(values: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Strings as one UTF-8 buffer, end offsets and a null mask."""
    null = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    encoded = [b"" if v is None else str(v).encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets, null


def _unpack(blob: np.ndarray, offsets: np.ndarray, null: np.ndarray) -> list[str | None]:
    if null.all():
        return [None] * null.size
    data = blob.tobytes()
    bounds = offsets.tolist()
    return [
        None if isnull else data[a:b].decode("utf-8")
        for a, b, isnull in zip(bounds[:-1], bounds[1:], null.tolist())
    ]
