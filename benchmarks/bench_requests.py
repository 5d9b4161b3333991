"""Requests: citegraph's build of the five seed lists vs the lower bound and the naive way.

Against the test suite's fake Semantic Scholar (``tests/fakes/s2.py``), a world
made from the seed lists' own entries.  Counts come from the server's request
log; the naive way (the ``semanticscholar`` client's README loop) runs against
the same world in the same run.  Target: citegraph ≤ 1.1 × the lower bound.

    python benchmarks/bench_requests.py            # the five seed lists
    python benchmarks/bench_requests.py --smoke    # two lists, one run
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fetchbench import lower_bound, make_world, read_entries, run_citegraph, run_naive, seed_files  # noqa: E402
from _util import fmt_s, machine_info, markdown_table  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--naive-repeat", type=int, default=1, help="runs of the (slow, deterministic-count) naive way")
    ap.add_argument("--smoke", action="store_true", help="two lists, one run, the naive way on 5 papers")
    args = ap.parse_args()
    from tests.fakes.s2 import FakeS2

    files = seed_files(args.smoke)
    repeat = 1 if args.smoke else args.repeat
    entries = read_entries(files)
    world = make_world(entries)
    bound = lower_bound(entries, world)
    print(f"# bench_requests — {machine_info()}")
    print(f"{len(files)} lists, {len(entries)} distinct entries; fake world of {len(world.papers)} papers "
          f"(nested cap {world.nested_cap})\n")
    cg, nv = [], []
    with FakeS2(world) as server:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                cg.append(run_citegraph(files, server, Path(tmp) / "cache.sqlite", min_interval=0.0))
        for _ in range(args.naive_repeat):
            nv.append(run_naive(entries[:5] if args.smoke else entries, server))
    c, n = cg[0], nv[0]
    assert all(r["requests"] == c["requests"] for r in cg), "citegraph's request count varies between runs"
    ep = lambda r, k: r["endpoints"].get(k, 0)  # noqa: E731
    rows = [
        ["lower bound", bound["batch"], bound["match"], bound["references"], 0, bound["total"], "1.00×", "—"],
        ["citegraph", ep(c, "batch"), ep(c, "match"), ep(c, "references"), ep(c, "paper") + ep(c, "citations"),
         c["requests"], f"{c['requests'] / bound['total']:.2f}×", fmt_s(statistics.median(r["wall"] for r in cg))],
        ["naive (client README)", ep(n, "batch"), ep(n, "match"), ep(n, "references"), ep(n, "paper"),
         n["requests"], f"{n['requests'] / bound['total']:.2f}×", fmt_s(statistics.median(r["wall"] for r in nv)) + ("" if len(nv) > 1 else "¹")],
    ]
    print(markdown_table(["way", "batch", "title match", "reference pages", "single paper", "requests", "vs lower bound", "wall (no rate limit, median)"], rows))
    print(f"\ncitegraph: resolved {c['resolved']}/{c['listed']}, graph {c['papers']} papers / {c['edges']} edges; "
          f"naive/citegraph = {n['requests'] / c['requests']:.1f}× the requests; "
          f"target ≤ 1.1× lower bound: {'met' if c['requests'] <= 1.1 * bound['total'] else 'MISSED'}")
    print("¹ one run (the naive way's request count does not vary; its time is context, not a target).")
    if args.smoke:
        print("(smoke: the naive way ran on 5 papers only)")


if __name__ == "__main__":
    main()
