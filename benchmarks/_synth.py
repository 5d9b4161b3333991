"""Synthetic citation DAGs from Price's preferential-attachment model, vectorised.

Paper ``i`` cites ``m`` distinct older papers.  Each reference is, with
probability ``m / (m + a)``, a copy of the target of a uniformly chosen earlier
reference (so a paper is picked in proportion to its citations), and otherwise
a uniformly chosen older paper; this is Price's model in Newman's formulation
and gives an in-degree tail ``k^-(2 + a/m)``.  The default ``a = m`` gives the
exponent 3 measured on real citation data (Redner 1998).

The sequential dependence (a copy refers to an earlier reference, which may
itself be a copy) is resolved by pointer jumping: a handful of vectorised
rounds, since each jump lands on a uniformly earlier reference.  A million
papers with 20 references each take a few seconds.

Edges point from the citing (newer, larger index) to the cited paper, so node
order is a topological order and ``years`` never decreases with the index.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


def price_dag(
    n: int, m: int = 20, a: float | None = None, *, seed: int = 0, first_year: int = 1950, last_year: int = 2025
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(src, dst, years)``: int64 edge arrays (citing → cited) and int16 years.

    Duplicate picks of one paper by the same citer are dropped, so a paper has
    at most ``m`` references (fewer among the very first papers).

    >>> src, dst, years = price_dag(1000, m=5, seed=1)
    >>> bool((src > dst).all()), bool((np.diff(years) >= 0).all())
    (True, True)
    >>> 4000 < len(src) <= 999 * 5
    True
    """
    a = float(m if a is None else a)
    rng = np.random.default_rng(seed)
    n_edges = (n - 1) * m
    src = np.repeat(np.arange(1, n, dtype=np.int64), m)
    first = (src - 1) * m  # index of this paper's first reference = count of earlier ones
    copy = (rng.random(n_edges) < m / (m + a)) & (first > 0)
    dst = (rng.random(n_edges) * src).astype(np.int64)
    ptr = np.where(copy, (rng.random(n_edges) * first).astype(np.int64), -1)
    todo = np.flatnonzero(copy)
    while todo.size:
        p = ptr[todo]
        pp = ptr[p]  # read before any write of this round
        done = pp < 0
        dst[todo[done]] = dst[p[done]]
        ptr[todo[~done]] = pp[~done]
        ptr[todo[done]] = -1
        todo = todo[~done]
    del ptr, copy, first
    refs = dst.reshape(n - 1, m)
    refs.sort(axis=1)
    keep = np.ones(refs.shape, dtype=bool)
    keep[:, 1:] = refs[:, 1:] != refs[:, :-1]
    keep = keep.ravel()
    src, dst = src[keep], refs.ravel()[keep]
    # publication counts grow exponentially, as they do in real bibliometric data
    growth = np.log1p(np.arange(n) / max(n - 1, 1) * (np.e**3 - 1)) / 3
    # the last paper's growth is 1 up to rounding (numpy 1.24's log1p gives 1 - 1 ulp)
    years = (first_year + np.floor(growth * (last_year - first_year) + 1e-9)).astype(np.int16)
    return src, dst, years


def cached_dag(n: int, m: int = 20, seed: int = 0, directory: Path | None = None) -> Path:
    """Path of an ``.npz`` holding ``src``, ``dst``, ``years`` and ``n``; generated once."""
    from _util import data_dir

    directory = directory or data_dir()
    path = Path(directory) / f"price_n{n}_m{m}_s{seed}.npz"
    if not path.exists():
        src, dst, years = price_dag(n, m, seed=seed)
        tmp = path.with_suffix(".tmp.npz")
        # int32 halves the file and the load; 1M papers fit easily
        np.savez(tmp, src=src.astype(np.int32), dst=dst.astype(np.int32), years=years, n=np.int64(n))
        tmp.replace(path)
    return path


def load_dag(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    with np.load(path) as z:
        return z["src"], z["dst"], z["years"], int(z["n"])


def cached_graph_file(n: int, m: int = 20, seed: int = 0, directory: Path | None = None) -> Path:
    """The same DAG as a citegraph graph file (node-link JSON, schema 1); written once.

    Written straight from the arrays (a networkx graph of 20M edges would
    take minutes and GBs to build just to save it).
    """
    import json

    from citegraph.graph.model import SCHEMA_VERSION

    npz = cached_dag(n, m, seed, directory)
    path = npz.with_suffix(".ids.graph.json")  # string ids, as load_graph requires (older files had ints)
    if path.exists():
        return path
    src, dst, years, n = load_dag(npz)
    tmp = path.with_suffix(".tmp")
    head = {"directed": True, "multigraph": False, "graph": {"schema_version": SCHEMA_VERSION}}
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(head)[:-1] + ',"nodes":[')
        step = 200_000
        for lo in range(0, n, step):
            ids = range(lo, min(n, lo + step))
            fh.write(("," if lo else "") + ",".join(f'{{"id":"p{i}","year":{int(years[i])}}}' for i in ids))
        fh.write('],"edges":[')
        for lo in range(0, len(src), step):
            chunk = zip(src[lo:lo + step].tolist(), dst[lo:lo + step].tolist())
            fh.write(("," if lo else "") + ",".join(
                f'{{"source":"p{a}","target":"p{b}","kind":"cites","kinds":["cites"]}}' for a, b in chunk))
        fh.write("]}")
    tmp.replace(path)
    return path


def cached_arrays_file(n: int, m: int = 20, seed: int = 0, directory: Path | None = None) -> Path:
    """The same DAG as a compact citegraph arrays file (:mod:`citegraph.graph.arrays`); written once."""
    from citegraph.graph.matrix import CitationMatrix
    from citegraph.graph.arrays import save_arrays

    npz = cached_dag(n, m, seed, directory)
    path = npz.with_suffix(".arrays.npz")
    if not path.exists():
        src, dst, years, n = load_dag(npz)
        tmp = path.with_suffix(".tmp")
        save_arrays(CitationMatrix.from_edges(src, dst, n, years=years), tmp)
        tmp.replace(path)
    return path
