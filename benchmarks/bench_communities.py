"""Communities engine for large graphs: how networkit's PLM is fed and run, by measurement.

On the Price-model graphs of ``bench_analysis.py`` (cached in
``$CITEGRAPH_BENCH_DATA``), for each seed, the Louvain links citegraph builds
(``communities._citation_pairs``, or the weighted similarity links when they
fit the budget) are clustered, one thread, by:

=================  ============================================================
``coo``            the links in a seeded node order → ``GraphFromCoo`` → PLM
                   without refinement (citegraph before this benchmark)
``csr_refine``     the same links as an upper-triangular CSR matrix →
                   ``GraphFromCsr`` (sorted adjacency) → PLM with refinement
                   (what ``communities._louvain`` does now)
``networkit``      networkit's default PLM on the links in their own order
                   (no seeded order: its result does not depend on a seed)
=================  ============================================================

Each is timed from the links to the labels (graph construction included) and
scored with one modularity function on the graph Louvain optimises: the
links, with their weights when weighted (for unweighted links this is
``_reference.modularity`` of the undirected citation graph).

    python benchmarks/bench_communities.py --sizes 100000 --seeds 4
    python benchmarks/bench_communities.py --sizes 1000000 --seeds 1
    python benchmarks/bench_communities.py --sizes 10000 --seeds 3 --similarity full   # weighted links
    python benchmarks/bench_communities.py --smoke
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import fmt_s, machine_info, markdown_table, median  # noqa: E402


def _variant(nk: Any, how: str, rows: Any, cols: Any, weights: Any, n: int, seed: int, moves: int) -> Any:
    import numpy as np
    import scipy.sparse as sp

    def coo_graph(a: Any, b: Any) -> Any:
        ends = (a.astype(np.uint64), b.astype(np.uint64))
        return (nk.graph.GraphFromCoo(ends, n=n, directed=False) if weights is None
                else nk.graph.GraphFromCoo((weights, ends), n=n, directed=False, weighted=True))

    if how == "networkit":
        plm = nk.community.PLM(coo_graph(rows, cols), refine=False, maxIter=moves)
        plm.run()
        return np.asarray(plm.getPartition().getVector(), dtype=np.int64)
    relabel = np.random.default_rng(seed).permutation(n)
    a, b = relabel[rows], relabel[cols]
    if how == "coo":
        g, refine = coo_graph(a, b), False
    else:
        upper = sp.csr_matrix((np.ones(a.size) if weights is None else weights, (np.minimum(a, b), np.maximum(a, b))),
                              shape=(n, n))
        upper.sort_indices()
        g = nk.graph.GraphFromCsr(upper, directed=False, weighted=weights is not None)
        refine = True
    nk.engineering.setSeed(int(seed), False)
    plm = nk.community.PLM(g, refine=refine, maxIter=moves)
    plm.run()
    return np.asarray(plm.getPartition().getVector(), dtype=np.int64)[relabel]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--seeds", type=int, default=4)
    ap.add_argument("--similarity", default="auto", choices=("auto", "full"),
                    help="the Louvain links: as citegraph picks them (auto) or always the weighted similarity")
    ap.add_argument("--smoke", action="store_true", help="2,000 papers, 2 seeds")
    args = ap.parse_args()
    if args.smoke:
        args.sizes, args.seeds = "2000", 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit as nk
    import numpy as np
    import scipy.sparse as sp

    import citegraph.analysis.communities as com
    from _synth import cached_arrays_file
    from citegraph.graph.arrays import load_arrays

    nk.engineering.setNumberOfThreads(1)
    print(f"# bench_communities — {machine_info()}")
    for n in (int(s) for s in args.sizes.split(",")):
        M = load_arrays(cached_arrays_file(n)).matrix
        if com._with_products(M, args.similarity):
            S = sp.triu(com.similarity_matrix(M, similarity="full"), k=1).tocoo()
            rows, cols, weights = S.row, S.col, S.data.astype(np.float64)
        else:
            rows, cols = com._citation_pairs(M)
            weights = None
        moves = 8 if rows.size > com.FEWER_MOVES_LINKS else 32
        w = np.ones(rows.size) if weights is None else weights
        ends, both = np.r_[rows, cols], np.r_[cols, rows]
        degree = np.bincount(ends, weights=np.r_[w, w], minlength=M.n)
        total = degree.sum()

        def modularity(labels: Any) -> float:
            inside = np.r_[w, w][labels[ends] == labels[both]].sum()
            return float(inside / total - (np.bincount(labels, weights=degree) ** 2).sum() / total**2)

        table = []
        for how in ("coo", "csr_refine", "networkit"):
            times, qs = [], []
            for seed in range(args.seeds if how != "networkit" else 1):
                t = time.perf_counter()
                labels = _variant(nk, how, rows, cols, weights, M.n, seed, moves)
                times.append(time.perf_counter() - t)
                qs.append(modularity(labels))
            table.append([how, fmt_s(median(times)), ", ".join(fmt_s(x) for x in times),
                          f"{median(qs):.4f}", ", ".join(f"{q:.4f}" for q in qs)])
        print(f"\n## {M.n:,} papers, {rows.size:,} Louvain links ({'weighted' if weights is not None else 'unweighted'}), "
              f"{moves} moves per level, seeds 0–{args.seeds - 1}\n")
        print(markdown_table(["variant", "time (median)", "times", "modularity (median)", "modularities"], table))


if __name__ == "__main__":
    main()
