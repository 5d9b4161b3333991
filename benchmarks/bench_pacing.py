"""Pacing that recovers: one seed list, --edge-details, against a fake API at 2 requests/s
with 30% of answers faulty (429 storms with Retry-After, 500/503, dropped connections,
truncated bodies).

citegraph must finish in one run, and in the last quarter of the run the median
gap between successful requests must be at most 1.5x --min-interval (the pace
came back to the floor after the 429s).  The old rule (x1.1 per 429, never
back; emulated by swapping the Pacer) runs against the same fault sequence.

    python benchmarks/bench_pacing.py
    python benchmarks/bench_pacing.py --smoke     # a few papers, 20 requests/s
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fetchbench import make_world, read_entries, seed_files  # noqa: E402
from _util import fmt_s, machine_info, markdown_table  # noqa: E402


def fault_sequence(n: int, share: float, seed: int) -> list[Any]:
    """``n`` answers, ``share`` of them faulty; a 429 comes as a storm of 3-8 in a row."""
    from tests.fakes.s2 import Fault

    rng = random.Random(seed)
    out: list[Any] = []
    while len(out) < n:
        if rng.random() >= share:
            out.append(Fault("pass"))
            continue
        kind = rng.choice(["storm", "500", "503", "drop"])
        if kind == "storm":
            storm = rng.randint(3, 8)
            out += [Fault.http(429, retry_after="1")] * storm
            out += [Fault("pass")] * round(storm * (1 - share) / share)  # keep the overall share
        elif kind == "drop":
            out.append(Fault("drop"))
        else:
            out.append(Fault.http(int(kind)))
    return out[:n]


class OldPacer:
    """The rule before: each 429 widens the interval by 10% up to 10 s, and nothing narrows it."""

    def __init__(self, floor: float, *, ceiling: float = 10.0, clock: Any = time.monotonic, sleep: Any = time.sleep):
        from citegraph.fetch.pacing import PACE_MARGIN

        self.floor = self.interval = floor
        self.ceiling, self._clock, self._sleep, self._margin = ceiling, clock, sleep, PACE_MARGIN
        self._next_at = float("-inf")

    def wait(self) -> None:
        now = self._clock()
        if now < self._next_at:
            self._sleep(self._next_at - now)
        self._next_at = self._clock() + self.interval * self._margin

    def refused(self) -> None:
        self.interval = min(max(self.interval, 0.01) * 1.1, self.ceiling)

    def answered(self) -> None:
        pass


def run_once(files: list[Path], world: Any, rps: float, interval: float, faults: list[Any], old: bool) -> dict[str, Any]:
    import citegraph.fetch.s2 as s2
    from citegraph.errors import CitegraphError
    from citegraph.fetch.pacing import Pacer
    from citegraph.fetch.pipeline import build
    from tests.fakes.s2 import FakeS2

    notes: list[str] = []
    s2.Pacer = OldPacer if old else Pacer  # type: ignore[misc,assignment]
    s2_notify = s2._to_stderr
    s2._to_stderr = notes.append  # type: ignore[assignment]
    try:
        with FakeS2(world, rps=rps) as server, tempfile.TemporaryDirectory() as tmp:
            server.inject("*", *faults)
            t0 = time.perf_counter()
            error = None
            try:
                build(files, cache=Path(tmp) / "c.sqlite", api_url=server.url, api_key=None, quiet=True,
                      progress=False, min_interval=interval, edge_details=True)
            except CitegraphError as exc:
                error = str(exc)
            wall = time.perf_counter() - t0
            log = sorted(server.log, key=lambda r: r.at)
    finally:
        s2.Pacer = Pacer  # type: ignore[misc]
        s2._to_stderr = s2_notify  # type: ignore[assignment]
    ok = [r.at for r in log if r.status == 200]
    last = ok[len(ok) - len(ok) // 4 - 1:] if len(ok) >= 8 else ok
    gaps = [b - a for a, b in zip(last, last[1:])]
    faulty = sum(1 for r in log if r.status != 200)
    return {
        "wall": wall, "error": error, "requests": len(log), "ok": len(ok), "faulty": faulty,
        "refused": sum(1 for r in log if r.status == 429), "notes": len(notes),
        "median_gap": statistics.median(gaps) if gaps else float("nan"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rps", type=float, default=2.0, help="requests per second the fake server accepts")
    ap.add_argument("--faults", type=float, default=0.3, help="share of answers that are faulty")
    ap.add_argument("--list", default="002", help="seed list (file name prefix)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--smoke", action="store_true", help="the smallest list with ids, 20 requests/s, new rule only")
    args = ap.parse_args()

    if args.smoke:
        args.rps, args.list = 20.0, "000"
    files = [f for f in seed_files() if f.name.startswith(args.list)]
    entries = read_entries(files)
    world = make_world(entries)
    interval = 1.0 / args.rps
    faults = fault_sequence(2000, args.faults, args.seed)
    print(f"# bench_pacing — {machine_info()}")
    print(f"{files[0].name}: {len(entries)} entries, build --edge-details, fake server at {args.rps:g} request/s, "
          f"{args.faults:.0%} faulty answers (seed {args.seed}), --min-interval {interval:g} s\n")
    rows = []
    verdicts = []
    for label, old in [("AIMD (this rule)", False)] + ([] if args.smoke else [("x1.1 per 429, never back (old)", True)]):
        r = run_once(files, world, args.rps, interval, faults, old)
        ratio = r["median_gap"] / interval
        rows.append([label, "yes" if r["error"] is None else f"no: {r['error'][:60]}", fmt_s(r["wall"]),
                     r["requests"], r["ok"], r["faulty"], r["refused"], f"{r['median_gap']:.3f} s",
                     f"{ratio:.2f}x", r["notes"]])
        if not old:
            verdicts.append(f"finishes in one run: {'met' if r['error'] is None else 'MISSED'}; "
                            f"last-quarter median gap {ratio:.2f}x --min-interval (target <= 1.5x): "
                            f"{'met' if ratio <= 1.5 else 'MISSED'}")
    print(markdown_table(["pacing", "finished", "wall", "requests", "200s", "faulty answers", "429s",
                          "median gap, last quarter", "gap / --min-interval", "retry notes"], rows))
    print()
    for v in verdicts:
        print(v)


if __name__ == "__main__":
    main()
