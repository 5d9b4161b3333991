"""One big list through ``citegraph papers``: wall time and maximum RSS, trees side by side.

The list is the ten real lists of ``../shared/reallists`` joined ``--times``
times (about 53 MB at 14), written to a temporary folder.  Each tree (a
checkout of citegraph: this one by default, older ones with ``--tree``) runs
``python -m citegraph papers BIG --format csv > OUT`` in a child process,
alternating trees for ``--repeat`` rounds; the maximum RSS is the child's own
(``os.wait4``), and a one-paper list gives each tree's baseline (interpreter
and imports).

    python benchmarks/bench_biglist.py [--times 14] [--repeat 2] [--tree /path/to/old/checkout ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_DIR = BENCH.parent.parent / "shared" / "reallists"


def run(tree: Path, listfile: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and maximum RSS (MB) of one ``papers`` run of ``tree`` on ``listfile``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, "-m", "citegraph", "papers", str(listfile), "--format", "csv"]
    t0 = time.perf_counter()
    # stderr to a file, not a pipe: nothing reads a pipe during wait4, so a list with
    # many warnings would fill it and block the child for good
    with out.open("wb") as sink, tempfile.TemporaryFile() as errors:
        # cwd not this tree's folder: -m puts the cwd first on the path
        proc = subprocess.Popen(cmd, env=env, cwd=out.parent, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        errors.seek(0)
        err = errors.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{tree}: papers failed: {err[-400:]}")
    return wall, usage.ru_maxrss / 1024  # Linux reports KB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--times", type=int, default=14)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to compare")
    args = ap.parse_args()
    lists = sorted(p for p in args.dir.glob("*__*") if p.is_file())
    if not lists:
        raise SystemExit(f"no lists in {args.dir}")
    trees = [BENCH.parent, *args.tree]
    with tempfile.TemporaryDirectory() as tmp:
        big, tiny = Path(tmp) / "big.md", Path(tmp) / "tiny.md"
        with big.open("wb") as f:
            for _ in range(args.times):
                for p in lists:
                    f.write(p.read_bytes() + b"\n\n")
        tiny.write_text("- [Chameleon](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
        size = big.stat().st_size / 1e6
        print(f"load average at start: {os.getloadavg()[0]:.1f}; list {size:.1f} MB ({len(lists)} lists × {args.times})\n")
        rows: dict[Path, dict[str, list[float]]] = {t: {"wall": [], "rss": [], "base": []} for t in trees}
        for _ in range(args.repeat):
            for tree in trees:
                wall, rss = run(tree, big, Path(tmp) / "out.csv")
                _, base = run(tree, tiny, Path(tmp) / "tiny.csv")
                rows[tree]["wall"].append(wall)
                rows[tree]["rss"].append(rss)
                rows[tree]["base"].append(base)
        print("| tree | wall (s) | max RSS (MB) | baseline RSS, one-paper list (MB) | (RSS − baseline) / list size |")
        print("|---|---|---|---|---|")
        for tree, r in rows.items():
            rss, base = statistics.median(r["rss"]), statistics.median(r["base"])
            walls = " / ".join(f"{w:.1f}" for w in r["wall"])
            print(f"| {tree} | {walls} | {rss:.0f} | {base:.0f} | {(rss - base) / size:.2f}× |")


if __name__ == "__main__":
    main()
