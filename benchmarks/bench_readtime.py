"""CPU time of reading lists, trees side by side: the dense layouts of ``bench_longline.py`` and real lists.

Wall times of single reads on this machine vary by more than a change to
the reader, so each tree reads every list ``--repeat`` times in one child
process (after one read to warm it) and reports the median CPU time; the
trees' children alternate for ``--rounds`` rounds, so that a change of load
falls on both.

    python benchmarks/bench_readtime.py [--links 20000] [--tree /path/to/old/checkout ...] [--repeat 5] [--rounds 2] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_longline import write_dense

BENCH = Path(__file__).resolve().parent
REAL = BENCH.parent.parent / "shared" / "reallists"
# bench_longline.py's dense layouts read here, and their names in the table
DENSE = {
    "a file of ids, one a line": "a file of ids",
    "titled links, one line": "one line of titled links",
    "titled links, a line each": "titled links, a line each",
}
# the largest real list and two of other layouts
REAL_LISTS = ("Awesome-Diffusion-Models", "ML-Papers-of-the-Week", "GNNPapers")

# run in the child, with the tree first on its path
CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
from citegraph import read_lists
repeat, files = int(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
out = {}
for f in files:
    read_lists([f])
    times = []
    for _ in range(repeat):
        t = time.process_time()
        read_lists([f])
        times.append(time.process_time() - t)
    out[f.name] = statistics.median(times)
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--links", type=int, default=20_000)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to compare")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--smoke", action="store_true", help="300 links, one read, no real list: that the script runs")
    args = ap.parse_args()
    if args.smoke:
        args.links, args.repeat, args.rounds = 300, 1, 1
    trees = [BENCH.parent, *args.tree]
    with tempfile.TemporaryDirectory() as tmp:
        files = [write_dense(Path(tmp) / f"{name}.md", layout, args.links) for layout, name in DENSE.items()]
        if not args.smoke and REAL.is_dir():
            files += sorted(p for p in REAL.iterdir() if any(name in p.name for name in REAL_LISTS))
        times: dict[str, dict[Path, list[float]]] = {}
        print(f"load average at start: {os.getloadavg()[0]:.1f}; {args.links:,} links a dense list; "
              f"CPU seconds, median of {args.repeat} reads, one value a round\n")
        for _ in range(args.rounds):
            for tree in trees:
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(args.repeat), *map(str, files)],
                    env=dict(os.environ, PYTHONPATH=str(tree)), cwd="/", capture_output=True, text=True, check=False,
                )
                if out.returncode != 0:
                    raise SystemExit(f"{tree}: {out.stderr[-400:]}")
                for name, value in json.loads(out.stdout).items():
                    times.setdefault(name, {}).setdefault(tree, []).append(value)
    names = ["this tree" if t == BENCH.parent else f"`{t}`" for t in trees]
    print("| list | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(trees))
    for name, by_tree in times.items():
        cells = [", ".join(f"{v:.3f}" for v in by_tree[t]) for t in trees]
        print(f"| {Path(name).stem} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
