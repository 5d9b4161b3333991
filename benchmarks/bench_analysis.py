"""Analysis at scale: citegraph vs networkx, igraph, networkit and a scipy floor.

Synthetic citation DAGs from Price's model (``_synth.py``, ~20 references per
paper, years increasing) of 10k, 100k and 1M papers.  Every library runs in its
own child process (peak memory is that child's alone) under an address-space
cap and a per-step time limit; a step that overruns shows as ``> T s``, one
that runs out of memory as ``OOM``, a library without the step as ``—``.

Steps (each timed on the library's own graph object, built once in ``build``):

==============  ===============================================================
``build``       edge arrays in memory → the library's graph / matrix
``pagerank``    alpha 0.85; converged to L1 < 1e-6 (networkx: its default
                ``tol`` stops at L1 < N·1e-6, i.e. unconverged at scale;
                ``pagerank_tight`` is networkx with ``tol=1e-6/N``)
``hits``        hubs and authorities
``spc``         search path count of every edge + the global main path
``related``     top-10 co-cited and top-10 coupled papers for 1,000 papers
``communities`` Louvain-type modularity communities on the undirected graph
``file_load``   citegraph only: its compact graph file (``citegraph.graph.arrays``,
                ``.npz``) → ``load_arrays`` → a ready ``CitationMatrix``
``file_load_json`` citegraph only: its node-link JSON graph file → ``load_graph``
                → ``citation_matrix`` (up to 200k papers)
==============  ===============================================================

Accuracy is checked, not assumed: PageRank and HITS vectors are compared (L1)
with igraph's (PRPACK / ARPACK), communities scored with one modularity
function.

    python benchmarks/bench_analysis.py                     # 10k and 100k
    python benchmarks/bench_analysis.py --sizes 1000000     # the 1M case (~30 min)
    python benchmarks/bench_analysis.py --sizes 1000000 --one-shot   # whole analysis once, fresh process
    python benchmarks/bench_analysis.py --smoke             # seconds, for the test suite
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (  # noqa: E402
    ChildOutcome,
    child_run_steps,
    fmt_mb,
    fmt_ratio,
    fmt_s,
    machine_info,
    markdown_table,
    run_child_steps,
    write_json,
)

LIBS = ("citegraph", "scipy", "igraph", "networkit", "networkx")
STEPS = ("build", "pagerank", "pagerank_tight", "hits", "spc", "related", "communities", "file_load", "file_load_json")
# node-link JSON through networkx: out of 16 GB at 1M papers, so not tried there
JSON_LOAD_MAX = 200_000
# libraries whose figures set "the fastest library measured" for the ratios;
# the scipy floor is shown for context but is not a library anyone installs
PEERS = ("igraph", "networkit", "networkx")
N_QUERIES = int(os.environ.get("BENCH_QUERIES", 1000))
TOP_K = 10


# =================================================================== child side


def _lib_steps(lib: str, data: Path, out: Path) -> dict[str, Callable[[], Any]]:
    """The step functions of one library, sharing its graph object through ``state``."""
    import numpy as np

    from _synth import load_dag

    src, dst, years, n = load_dag(data)
    rng = np.random.default_rng(42)
    queries = np.sort(rng.choice(n, size=min(N_QUERIES, n), replace=False))
    state: dict[str, Any] = {}

    def save(name: str, arr: Any) -> None:
        np.save(out / f"{lib}_{name}.npy", np.asarray(arr, dtype=float))

    if lib == "scipy":
        import _reference as ref

        def build() -> None:
            state["A"] = ref.csr_from_edges(src, dst, n)
            state["AT"] = state["A"].T.tocsr()

        def pagerank() -> dict:
            x, it = ref.scipy_pagerank(state["A"], state["AT"])
            save("pagerank", x)
            return {"iterations": it}

        def hits() -> dict:
            h, a, it = ref.scipy_hits(state["A"], state["AT"])
            save("hubs", h)
            save("authorities", a)
            return {"iterations": it}

        def spc() -> dict:
            w, path = ref.scipy_spc(state["A"], state["AT"])
            return {"path_len": len(path)}

        def related() -> None:
            ref.scipy_related(state["A"], state["AT"], queries, TOP_K)

        return {"build": build, "pagerank": pagerank, "hits": hits, "spc": spc, "related": related}

    if lib == "networkx":
        import networkx as nx

        import _reference as ref

        def build() -> None:
            state["G"] = ref.nx_build(src, dst, n)

        def pagerank() -> None:
            pr = nx.pagerank(state["G"])
            save("pagerank", [pr[i] for i in range(n)])

        def pagerank_tight() -> None:
            pr = nx.pagerank(state["G"], tol=1e-6 / n, max_iter=1000)
            save("pagerank_tight", [pr[i] for i in range(n)])

        def hits() -> None:
            h, a = nx.hits(state["G"])
            save("hubs", [h[i] for i in range(n)])
            save("authorities", [a[i] for i in range(n)])

        def spc() -> dict:
            w, path = ref.nx_spc(state["G"])
            return {"path_len": len(path)}

        def related() -> None:
            ref.nx_related(state["G"], queries, TOP_K)

        def communities() -> dict:
            parts = nx.community.louvain_communities(state["G"].to_undirected(as_view=True), seed=0)
            labels = np.empty(n)
            for c, members in enumerate(parts):
                labels[list(members)] = c
            save("communities", labels)
            return {"n_communities": len(parts)}

        return {
            "build": build,
            "pagerank": pagerank,
            "pagerank_tight": pagerank_tight,
            "hits": hits,
            "spc": spc,
            "related": related,
            "communities": communities,
        }

    if lib == "igraph":
        import igraph as ig

        def build() -> None:
            # a list of tuples is igraph's fastest input (numpy arrays go row by row)
            state["g"] = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=True)

        def pagerank() -> None:
            save("pagerank", state["g"].pagerank(damping=0.85))

        def hits() -> None:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # "30% of scores are zero": a DAG's leaves
                save("hubs", state["g"].hub_score())
                save("authorities", state["g"].authority_score())

        def related() -> None:
            # igraph's cocitation/bibcoupling return dense rows (len(queries) × n)
            g = state["g"]
            for mat in (g.cocitation(queries.tolist()), g.bibcoupling(queries.tolist())):
                for q, row in zip(queries.tolist(), mat):
                    r = np.asarray(row)
                    r[q] = 0
                    np.argpartition(-r, TOP_K)[:TOP_K]

        def communities() -> dict:
            u = state["g"].as_undirected()
            cl = u.community_multilevel()
            save("communities", cl.membership)
            return {"n_communities": len(cl)}

        return {"build": build, "pagerank": pagerank, "hits": hits, "related": related, "communities": communities}

    if lib == "networkit":
        import networkit as nk

        # one thread, like scipy and igraph here: per-core figures, and OpenMP
        # spin-waits make 2 threads slower than 1 on a shared 2-core box
        nk.engineering.setNumberOfThreads(1)

        def build() -> None:
            s, d = src.astype(np.uint64), dst.astype(np.uint64)
            state["G"] = nk.graph.GraphFromCoo((s, d), n=n, directed=True)
            state["U"] = nk.graph.GraphFromCoo((s, d), n=n, directed=False)

        def pagerank() -> dict:
            pr = nk.centrality.PageRank(
                state["G"], damp=0.85, tol=1e-9, distributeSinks=nk.centrality.SinkHandling.DistributeSinks
            )
            pr.run()
            save("pagerank", pr.scores())
            return {"iterations": pr.numberOfIterations()}

        def communities() -> dict:
            plm = nk.community.PLM(state["U"], refine=False)
            plm.run()
            part = plm.getPartition()
            save("communities", part.getVector())
            return {"n_communities": part.numberOfSubsets()}

        return {"build": build, "pagerank": pagerank, "communities": communities}

    if lib == "citegraph":
        return _citegraph_steps(src, dst, years, n, queries, state, save)

    raise SystemExit(f"unknown library {lib}")


def _citegraph_steps(src, dst, years, n, queries, state, save) -> dict[str, Callable[[], Any]]:
    """citegraph's analysis layer; steps whose module has not landed are left out (—)."""
    import numpy as np

    steps: dict[str, Callable[[], Any]] = {}

    def have(mod: str) -> bool:
        return importlib.util.find_spec(mod) is not None

    def vector(x: Any) -> np.ndarray:
        if isinstance(x, dict):
            return np.array([x[i] for i in range(n)], dtype=float)
        if hasattr(x, "to_numpy"):
            return x.to_numpy(dtype=float)
        return np.asarray(x, dtype=float)

    if not have("citegraph.graph.matrix"):
        return steps
    from citegraph.graph.matrix import CitationMatrix

    def build() -> None:
        state["M"] = CitationMatrix.from_edges(src, dst, n, years=years)

    steps["build"] = build

    if have("citegraph.analysis.rank"):
        from citegraph.analysis import rank

        def pagerank() -> None:
            save("pagerank", vector(rank.pagerank_scores(state["M"])))

        def hits() -> None:
            h, a = rank.hits_scores(state["M"])
            save("hubs", vector(h))
            save("authorities", vector(a))

        steps["pagerank"] = pagerank
        steps["hits"] = hits

    if have("citegraph.analysis.mainpath"):
        from citegraph.analysis import mainpath

        def spc() -> dict:
            # main_path computes every edge's SPC weight, then the global main path
            return {"path_len": len(mainpath.main_path(state["M"])["path"])}

        steps["spc"] = spc

    if have("citegraph.analysis.related"):
        from citegraph.analysis import related as rel

        def related() -> None:
            # the same two top-k lists as the scipy floor and networkx
            rel.top_k_related(state["M"], queries, TOP_K, measure="cocitation")
            rel.top_k_related(state["M"], queries, TOP_K, measure="coupling")

        steps["related"] = related

    if have("citegraph.analysis.communities"):
        from citegraph.analysis import communities as com

        def communities() -> dict:
            # community_labels keeps the labels it found for a matrix (a report
            # asks twice); every timed run must find them again.
            getattr(com, "_LABELS", {}).pop(state["M"], None)
            labels = vector(com.communities(state["M"]))
            save("communities", labels)
            return {"n_communities": int(len(np.unique(labels)))}

        steps["communities"] = communities

    def file_load() -> dict:
        from _synth import cached_arrays_file

        from citegraph.graph.arrays import load_arrays

        return {"edges": int(load_arrays(cached_arrays_file(n)).matrix.A.nnz)}

    def file_load_json() -> dict:
        from _synth import cached_graph_file

        from citegraph.graph.matrix import citation_matrix
        from citegraph.graph.model import load_graph

        G = load_graph(cached_graph_file(n))
        return {"edges": int(citation_matrix(G).A.nnz)}

    steps["file_load"] = file_load
    if n <= JSON_LOAD_MAX:
        steps["file_load_json"] = file_load_json
    return steps


# Paired runs: citegraph and its closest rivals alternate in one process, so a
# swing in the (shared, noisy) machine's load hits both sides of each ratio.
PAIRS = {
    "build": ("networkit", "scipy"),
    "pagerank": ("igraph", "networkit"),
    "hits": ("igraph", "scipy"),
    "spc": ("scipy",),
    "related": ("scipy",),
    "communities": ("networkit",),
}


def paired_main(args: argparse.Namespace) -> None:
    steps = [s for s in args.steps.split(",") if s in PAIRS]
    allowed = set(args.libs.split(","))
    libs = ["citegraph"] + sorted({p for s in steps for p in PAIRS[s] if p in allowed})
    libs = [lib for lib in libs if lib in ("citegraph", "scipy") or importlib.util.find_spec(lib)]
    fns = {lib: _lib_steps(lib, Path(args.data), Path(args.out)) for lib in libs}
    for lib in libs:
        fns[lib]["build"]()

    def run_pairs(step: str) -> dict:
        sides = ["citegraph"] + [p for p in PAIRS[step] if p in fns and step in fns[p]]
        times: dict[str, list[float]] = {lib: [] for lib in sides}
        for _ in range(args.repeat):
            for lib in sides:
                t0 = time.perf_counter()
                fns[lib][step]()
                times[lib].append(time.perf_counter() - t0)
        return {"pairs": times}

    child_run_steps([(s, (lambda s=s: run_pairs(s))) for s in steps if s in fns["citegraph"]], repeat=1, budget_s=1e9)


ONE_SHOT_STEPS = ("load_arrays", "pagerank", "hits", "citerank", "spc_main_path", "related", "communities")


def one_shot_main(args: argparse.Namespace) -> None:
    """Child of ``--one-shot``: citegraph's whole analysis once, from the compact file, as a command runs it.

    Every step is its first call in a fresh process (imports, cached
    transposes and generations included); one JSON line of step times.
    """
    import numpy as np

    times: dict[str, float] = {}
    state: dict[str, Any] = {}

    def timed(name: str, fn: Callable[[], Any]) -> None:
        t = time.perf_counter()
        fn()
        times[name] = time.perf_counter() - t

    def load() -> None:
        from citegraph.graph.arrays import load_arrays

        state["M"] = load_arrays(args.data).matrix

    timed("load_arrays", load)
    M = state["M"]
    n = M.n
    queries = np.sort(np.random.default_rng(42).choice(n, size=min(N_QUERIES, n), replace=False))
    from citegraph.analysis import communities as com, mainpath, rank, related as rel

    timed("pagerank", lambda: rank.pagerank_scores(M))
    timed("hits", lambda: rank.hits_scores(M))
    timed("citerank", lambda: rank.citerank_scores(M))
    timed("spc_main_path", lambda: mainpath.main_path(M))
    timed("related", lambda: (rel.top_k_related(M, queries, TOP_K, measure="cocitation"),
                              rel.top_k_related(M, queries, TOP_K, measure="coupling")))
    timed("communities", lambda: com.community_labels(M))
    sys.stdout.write(json.dumps({"times": times, "n": n, "edges": int(M.A.nnz)}) + "\n")


def one_shot(sizes: list[int], mem_gb: float) -> None:
    """``--one-shot``: the whole analysis of each size in one fresh process; wall, peak RSS."""
    from _synth import cached_arrays_file
    from _util import launched, launched_report

    for n in sizes:
        path = cached_arrays_file(n)
        with tempfile.NamedTemporaryFile(prefix="bench-rss-") as rss:
            proc = subprocess.run(launched([sys.executable, __file__, "--child", "oneshot", "--data", str(path)], rss.name),
                                  capture_output=True, text=True, preexec_fn=_cap(mem_gb))
            rep = launched_report(rss.name)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            print(f"\n## {n:,} papers, one shot: failed (exit {proc.returncode})\n{proc.stderr[-1500:]}")
            continue
        res = json.loads(lines[-1])
        rows = [[step, fmt_s(res["times"][step])] for step in ONE_SHOT_STEPS]
        rows.append(["**sum of steps**", fmt_s(sum(res["times"].values()))])
        rows.append(["**process** (start to exit)", fmt_s(rep.get("wall", 0.0))])
        rows.append(["**peak RSS**", fmt_mb(rep.get("maxrss_kb", 0) / 1024)])
        print(f"\n## {n:,} papers / {res['edges']:,} citations, one shot (a fresh process, every step's first call, "
              f"from the compact file {path.name})\n")
        print(markdown_table(["step", "time"], rows))
        print("\nTargets at 1M papers: whole analysis < 60 s and < 6 GB.")


def _cap(mem_gb: float) -> Callable[[], None]:
    def apply() -> None:
        if mem_gb:
            resource.setrlimit(resource.RLIMIT_AS, (int(mem_gb * 2**30),) * 2)

    return apply


def child_main(args: argparse.Namespace) -> None:
    if args.child == "paired":
        paired_main(args)
        return
    if args.child == "oneshot":
        one_shot_main(args)
        return
    fns = _lib_steps(args.child, Path(args.data), Path(args.out))
    wanted = [s for s in args.steps.split(",") if s]
    # "build" always runs first: the other steps need its graph object
    order = [s for s in wanted if s in fns]
    if order and "build" in fns and order[0] != "build":
        fns["build"]()
    for s in wanted:
        if s not in fns:
            sys.stdout.write(json.dumps({"event": "error", "step": s, "message": "n/a"}) + "\n")
    child_run_steps([(s, fns[s]) for s in order], repeat=args.repeat, budget_s=args.budget)


# ================================================================== parent side


def accuracy(out: Path, lib: str, size_data: dict) -> dict[str, str]:
    """L1 distance of PageRank/HITS vectors to igraph's; modularity of communities."""
    import numpy as np

    from _reference import modularity
    from _synth import load_dag

    notes = {}
    for name, ref_name in (("pagerank", "pagerank"), ("pagerank_tight", "pagerank"), ("hubs", "hubs"), ("authorities", "authorities")):
        mine, ref = out / f"{lib}_{name}.npy", out / f"igraph_{ref_name}.npy"
        if mine.exists() and ref.exists():
            a, b = np.load(mine), np.load(ref)
            notes[name] = f"{np.abs(a / a.sum() - b / b.sum()).sum():.1e}"
    com = out / f"{lib}_communities.npy"
    if com.exists():
        src, dst, _, _ = load_dag(size_data["path"])
        notes["modularity"] = f"{modularity(src, dst, np.load(com)):.3f}"
    return notes


def run(sizes: list[int], libs: list[str], *, repeat: int, step_timeout: float, mem_gb: float, out_json: Path | None, paired_repeat: int = 0,
        paired_libs: list[str] | None = None, only_paired: bool = False) -> dict:
    from _synth import cached_arrays_file, cached_dag, cached_graph_file

    results: dict = {"machine": machine_info(), "sizes": {}}
    paired_libs = paired_libs or libs
    for n in sizes:
        t0 = time.perf_counter()
        path = cached_dag(n)
        if "citegraph" in libs:
            cached_arrays_file(n)
            if n <= JSON_LOAD_MAX:
                cached_graph_file(n)
        print(f"\n## {n:,} papers (graph file {path.name}, generated/cached in {fmt_s(time.perf_counter() - t0)})", flush=True)
        size_res: dict = {"path": path, "libs": {}}
        with tempfile.TemporaryDirectory() as tmp:
            for lib in [] if only_paired else libs:
                print(f"- {lib}", flush=True)
                steps = [s for s in STEPS if not (s == "pagerank_tight" and lib != "networkx")]
                argv = lambda rem, lib=lib: [  # noqa: E731
                    sys.executable, __file__, "--child", lib, "--data", str(path), "--out", tmp,
                    "--steps", ",".join(rem), "--repeat", str(repeat), "--budget", str(step_timeout / 4),
                ]
                outcome: ChildOutcome = run_child_steps(
                    argv, steps, step_timeout_s=step_timeout, mem_limit_gb=mem_gb, log=lambda s: print(s, flush=True),
                    prerequisite="build",
                )
                size_res["libs"][lib] = outcome
            for lib in [] if only_paired else libs:
                size_res.setdefault("accuracy", {})[lib] = accuracy(Path(tmp), lib, size_res)
            if paired_repeat and "citegraph" in paired_libs:
                print("- paired (citegraph and its closest rivals alternating in one process)", flush=True)
                argv = lambda rem: [  # noqa: E731
                    sys.executable, __file__, "--child", "paired", "--data", str(path), "--out", tmp,
                    "--steps", ",".join(rem), "--repeat", str(paired_repeat), "--libs", ",".join(paired_libs),
                ]
                size_res["paired"] = run_child_steps(
                    argv, [s for s in STEPS if s in PAIRS], step_timeout_s=step_timeout * paired_repeat * 3,
                    mem_limit_gb=mem_gb, log=lambda s: print(s, flush=True),
                )
        results["sizes"][n] = size_res
        if not only_paired:
            print(report_size(n, size_res, libs), flush=True)
        if size_res.get("paired"):
            print(report_paired(size_res["paired"]), flush=True)
    if out_json:
        write_json(out_json, _jsonable(results))
    return results


def _jsonable(results: dict) -> dict:
    out = {"machine": results["machine"], "sizes": {}}
    for n, r in results["sizes"].items():
        out["sizes"][n] = {
            "libs": {
                lib: {
                    "peak_rss_mb": o.peak_rss_mb,
                    "steps": {s: {"status": v.status, "times": v.times, "extra": v.extra, "message": v.message} for s, v in o.steps.items()},
                }
                for lib, o in r["libs"].items()
            },
            "accuracy": r.get("accuracy", {}),
            "paired": {s: v.extra.get("pairs") for s, v in r["paired"].steps.items()} if r.get("paired") else None,
        }
    return out


def _ok(outs: dict[str, ChildOutcome], lib: str, step: str) -> float | None:
    res = outs[lib].steps.get(step) if lib in outs else None
    return res.median if res and res.status == "ok" else None


def report_size(n: int, r: dict, libs: list[str]) -> str:
    """Steps × libraries for one size, with citegraph's ratio to the fastest peer and networkx's to citegraph."""
    outs: dict[str, ChildOutcome] = r["libs"]
    rows = []
    for step in STEPS:
        cells = []
        for lib in libs:
            res = outs[lib].steps.get(step)
            cells.append(res.cell() if res and res.message != "n/a" else "—")
        # citegraph's PageRank converges, so it is compared with converged peers:
        # networkx's tight run, not its default (which stops early at scale)
        cg_t = _ok(outs, "citegraph", "pagerank" if step == "pagerank_tight" else step)
        vs_fast = "—"
        if step != "pagerank_tight":
            peer = [_ok(outs, p, "pagerank_tight" if (p, step) == ("networkx", "pagerank") else step) for p in PEERS]
            peer = [t for t in peer if t]
            vs_fast = fmt_ratio(cg_t / min(peer)) if cg_t and peer else "—"
        nx_res = outs["networkx"].steps.get(step) if "networkx" in outs else None
        if cg_t and nx_res and nx_res.status == "ok":
            vs_nx = fmt_ratio(nx_res.median / cg_t)
        elif cg_t and nx_res and nx_res.status == "timeout":
            vs_nx = f"> {fmt_ratio(nx_res.times[0] / cg_t)}"
        else:
            vs_nx = "—"
        rows.append([step, *cells, vs_fast, vs_nx])
    total = []
    for lib in libs:
        o = outs[lib]
        oks = [v.median for v in o.steps.values() if v.status == "ok" and v.step != "pagerank_tight"]
        bad = [v for v in o.steps.values() if v.status in ("timeout", "oom")]
        total.append(("> " if bad else "") + fmt_s(sum(oks)) if oks else "—")
    rows.append(["**total**", *total, "", ""])
    rows.append(["**peak memory**", *[fmt_mb(outs[lib].peak_rss_mb) for lib in libs], "", ""])
    table = markdown_table(["step", *libs, "citegraph / fastest peer", "networkx / citegraph"], rows)
    acc = r.get("accuracy", {})
    acc_rows = [[lib, *[acc.get(lib, {}).get(k, "—") for k in ("pagerank", "pagerank_tight", "hubs", "authorities", "modularity")]] for lib in libs]
    acc_table = markdown_table(["library", "PageRank L1 vs igraph", "tight", "hubs L1", "authorities L1", "modularity"], acc_rows)
    return f"\n{table}\n\n¹ one run (a step slower than the repeat budget); others are medians of the runs.\n\n{acc_table}\n"


def report_paired(outcome: ChildOutcome) -> str:
    """Per step: medians of the alternating runs and the median of the per-pair ratios."""
    from statistics import median as med

    rows = []
    for step, res in outcome.steps.items():
        if res.status != "ok":
            rows.append([step, res.cell(), "", ""])
            continue
        t = res.extra["pairs"]
        cg = t["citegraph"]
        for peer, pt in t.items():
            if peer == "citegraph":
                continue
            ratio = med(a / b for a, b in zip(cg, pt))
            rows.append([step, fmt_s(med(cg)), f"{peer} {fmt_s(med(pt))}", fmt_ratio(ratio)])
    return "\n" + markdown_table(["step", "citegraph", "rival (same process, alternating)", "citegraph / rival (median of pairs)"], rows) + "\n"


def merged_report(paths: list[Path]) -> None:
    """Print the tables of runs made separately (e.g. networkx at 1M on its own, for memory)."""
    from _util import StepResult

    sizes: dict[str, dict] = {}
    machine = ""
    for path in paths:
        data = json.loads(Path(path).read_text())
        machine = machine or data["machine"]
        for n, r in data["sizes"].items():
            into = sizes.setdefault(n, {"libs": {}, "accuracy": {}, "paired": None})
            for lib, o in r["libs"].items():
                steps = {
                    s: StepResult(s, v["status"], v["times"], None, v.get("message", ""), v.get("extra", {}))
                    for s, v in o["steps"].items()
                }
                into["libs"][lib] = ChildOutcome(steps, o["peak_rss_mb"], 0.0)
            into["accuracy"].update(r.get("accuracy", {}))
            if r.get("paired"):
                into["paired"] = ChildOutcome(
                    {s: StepResult(s, "ok", extra={"pairs": v}) for s, v in r["paired"].items() if v}, 0.0, 0.0
                )
    print(f"# bench_analysis (merged from {', '.join(str(p) for p in paths)}) — {machine}")
    for n, r in sizes.items():
        libs = [lib for lib in LIBS if lib in r["libs"]]
        print(f"\n## {int(n):,} papers")
        print(report_size(int(n), r, libs))
        if r["paired"]:
            print(report_paired(r["paired"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated paper counts")
    ap.add_argument("--libs", default=",".join(LIBS))
    ap.add_argument("--repeat", type=int, default=3, help="runs per step (median); slow steps run fewer")
    ap.add_argument("--step-timeout", type=float, default=600, help="seconds before a step is reported as '> T'")
    ap.add_argument("--mem-gb", type=float, default=16, help="address-space cap per child (RLIMIT_AS)")
    ap.add_argument("--json", type=Path, help="also write raw results here")
    ap.add_argument("--paired", type=int, default=5, help="alternating citegraph/rival runs per step (0: none)")
    ap.add_argument("--only-paired", action="store_true", help="only the paired runs (rivals among --libs)")
    ap.add_argument("--smoke", action="store_true", help="500 papers, one run, short limits (for the test suite)")
    ap.add_argument("--merge", type=Path, nargs="+", help="print the tables of earlier --json files together")
    ap.add_argument("--one-shot", action="store_true",
                    help="citegraph's whole analysis once per size in a fresh process (first calls), with peak RSS")
    ap.add_argument("--child")
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--steps", default="")
    ap.add_argument("--budget", type=float, default=60)
    args = ap.parse_args()
    if args.child:
        child_main(args)
        return
    if args.merge:
        merged_report(args.merge)
        return
    if args.one_shot:
        print(f"# bench_analysis --one-shot — {machine_info()}")
        one_shot([int(s) for s in args.sizes.split(",")], args.mem_gb)
        return
    if args.smoke:
        args.sizes, args.repeat, args.step_timeout, args.paired = "500", 1, 60, 1
        os.environ["BENCH_QUERIES"] = "20"  # inherited by the children
    libs = [lib for lib in args.libs.split(",") if lib]
    missing = [lib for lib in libs if lib in ("igraph", "networkit") and importlib.util.find_spec(lib) is None]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (pip install -e '.[bench]')")
        libs = [lib for lib in libs if lib not in missing]
    print(f"# bench_analysis — {machine_info()}")
    run([int(s) for s in args.sizes.split(",")], libs, repeat=args.repeat, step_timeout=args.step_timeout, mem_gb=args.mem_gb, out_json=args.json, paired_repeat=args.paired,
        only_paired=args.only_paired, paired_libs=["citegraph", "scipy"] if args.smoke else None)


if __name__ == "__main__":
    main()
