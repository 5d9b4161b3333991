"""Rate-limited wall time: the seed lists against a fake API allowing 1 request/s.

Over the rate the fake server answers 429 with ``Retry-After`` (whole seconds,
as real servers send), like the API with an introductory key.  citegraph should
pace itself: under 10 s for the seeds, and never refused twice in a row.  The
naive way (the ``semanticscholar`` client's README loop, which retries a 429
after an exponential wait) runs against the same server until ``--naive-cap``
seconds, and its full time is projected from the papers it finished.

    python benchmarks/bench_ratelimit.py
    python benchmarks/bench_ratelimit.py --smoke     # two lists, 20 requests/s
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
    ap.add_argument("--rps", type=float, default=1.0, help="requests per second the fake server accepts")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--naive-cap", type=float, default=180, help="seconds of the naive run before projecting")
    ap.add_argument("--smoke", action="store_true", help="two lists, 20 requests/s, one world, one run")
    args = ap.parse_args()
    from tests.fakes.s2 import FakeS2

    if args.smoke:
        args.rps, args.repeat, args.naive_cap = 20.0, 1, 1.0
    files = seed_files(args.smoke)
    entries = read_entries(files)
    print(f"# bench_ratelimit — {machine_info()}")
    print(f"{len(files)} lists, {len(entries)} entries, fake server at {args.rps:g} request/s "
          "(over it: 429 + Retry-After in whole seconds)\n")
    rows = []
    verdicts = []
    # the test world cuts nested reference lists at 40, so 10% of papers need a
    # page each; with complete nested lists one batch call gives everything
    worlds = [("test world (nested cap 40)", None), ("complete nested lists", 1000)]
    for label, cap in worlds[1:] if args.smoke else worlds:
        world = make_world(entries, nested_cap=cap)
        bound = lower_bound(entries, world)
        floor = (bound["total"] - 1) / args.rps
        cg = []
        for _ in range(args.repeat):
            with FakeS2(world, rps=args.rps) as server, tempfile.TemporaryDirectory() as tmp:
                cg.append(run_citegraph(files, server, Path(tmp) / "cache.sqlite", min_interval=1.0 / args.rps))
        wall = statistics.median(r["wall"] for r in cg)
        streak = max(r["streak"] for r in cg)
        rows.append([f"citegraph, {label}", fmt_s(wall), ", ".join(fmt_s(r["wall"]) for r in cg), cg[0]["requests"],
                     bound["total"], fmt_s(floor), max(r["refused"] for r in cg), streak])
        verdicts.append(f"{label}: < 10 s {'met' if wall < 10 else 'MISSED'} (floor {fmt_s(floor)}), "
                        f"never refused twice in a row {'met' if streak <= 1 else 'MISSED'}")
    with FakeS2(world, rps=args.rps) as server:
        nv = run_naive(entries, server, time_cap=args.naive_cap)
    if nv["stopped"]:
        per_paper = nv["wall"] / max(1, nv["papers_done"])
        naive_wall = f"> {fmt_s(nv['wall'])} (stopped after {nv['papers_done']}/{nv['papers_total']} papers)"
        naive_proj = f"{fmt_s(per_paper * nv['papers_total'])} projected"
        naive_req = f"{nv['requests']} ({nv['requests'] / max(1, nv['papers_done']) * nv['papers_total']:.0f} projected)"
    else:
        naive_wall, naive_proj, naive_req = fmt_s(nv["wall"]), "", str(nv["requests"])
    rows.append(["naive (client README), complete nested lists", naive_wall, naive_proj, naive_req, "", "", nv["refused"], nv["streak"]])
    print(markdown_table(["way", "wall (median)", "runs", "requests", "lower bound", "floor at this rate", "refused (429)", "longest 429 streak"], rows))
    print()
    for v in verdicts:
        print(v)


if __name__ == "__main__":
    main()
