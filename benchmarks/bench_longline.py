"""Dense lists: thousands of links on one line, the same links a line each, a file of ids; trees side by side.

Every link of a line is made into a paper before the line is judged (a
sentence citing them, or a list of them), so a long line of links is the
reader's worst case for memory.  For each tree (this checkout, older ones
with ``--tree``) and each layout, a child process writes the list, reads a
small one first (imports and patterns compiled once), then reads the list
twice: once timed, once under ``tracemalloc`` for the peak of Python's
allocations and what the papers returned still hold, both as multiples of
the file's size, and the peak in each phase: reading the file into
mentions (with what they hold when it ends), then merging them into papers.

    python benchmarks/bench_longline.py [--links 20000] [--tree /path/to/old/checkout ...] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent

LAYOUTS = {
    "titled links, one line": ("[Scaling study {i}](https://arxiv.org/abs/{id})", " "),
    "titled links, a line each": ("- [Scaling study {i}](https://arxiv.org/abs/{id})", "\n"),
    "bare arXiv URLs, one line": ("https://arxiv.org/abs/{id}", " "),
    "a file of ids, one a line": ("{id}", "\n"),
}

# run in the child, with the tree first on its path
CHILD = r"""
import gc, json, sys, tempfile, time, tracemalloc
from pathlib import Path
from citegraph import read_lists
path = Path(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp:
    warm = Path(tmp) / "warm.md"
    warm.write_text("# Papers\n- [Scaling study](https://arxiv.org/abs/2301.00001) 10.1000/x https://a.org\n")
    size = path.stat().st_size
    read_lists([warm])
    t0 = time.perf_counter()
    papers = len(read_lists([path]).entries)
    wall = time.perf_counter() - t0
    gc.collect()
    # the phases: reading the file into mentions, then merging them into papers
    import citegraph.lists.reader as reader
    merge, phases = reader.merge_entries, {}
    def timed_merge(mentions, reuse=False):
        phases["mentions"], phases["reading"] = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        return merge(mentions, reuse=reuse)
    reader.merge_entries = timed_merge
    tracemalloc.start()
    result = read_lists([path])
    held, peak = tracemalloc.get_traced_memory()
    if not phases:  # an older tree merges elsewhere: no phases
        phases = {"mentions": float("nan"), "reading": float("nan")}
    print(json.dumps({"size": size, "papers": papers, "wall": wall, "peak": max(peak, phases["reading"]) / size,
                      "held": held / size, "mentions": phases["mentions"] / size,
                      "reading": phases["reading"] / size, "merging": peak / size}))
"""


def write_dense(path: Path, layout: str, links: int) -> Path:
    """The list of ``links`` papers in ``layout`` (also ``bench_readtime.py``'s), written at ``path``."""
    link, sep = LAYOUTS[layout]
    ids = (f"{2301 + i // 99999 % 20}.{i % 99999 + 1:05d}" for i in range(links))
    path.write_text("# Papers\n" + sep.join(link.format(i=i, id=a) for i, a in enumerate(ids)) + "\n")
    return path


def measure(tree: Path, layout: str, links: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory() as tmp:
        path = write_dense(Path(tmp) / "list.md", layout, links)
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], env=env, cwd="/", capture_output=True, text=True, check=False,
        )
    if out.returncode != 0:
        raise SystemExit(f"{tree}: {out.stderr[-400:]}")
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--links", type=int, default=20_000)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to compare")
    ap.add_argument("--smoke", action="store_true", help="300 links: that the script runs (tests)")
    args = ap.parse_args()
    if args.smoke:
        args.links = 300
    trees = [BENCH.parent, *args.tree]
    print(f"load average at start: {os.getloadavg()[0]:.1f}; {args.links:,} links a list\n")
    print("| layout | tree | file (MB) | papers | read (s) | peak / file | papers held / file "
          "| peak reading / mentions held then / peak merging |")
    print("|---|---|---|---|---|---|---|---|")
    for layout in LAYOUTS:
        for tree in trees:
            r = measure(tree, layout, args.links)
            name = "this tree" if tree == BENCH.parent else f"`{tree}`"
            print(f"| {layout} | {name} | {r['size'] / 1e6:.2f} | {r['papers']:,} | {r['wall']:.2f} "
                  f"| {r['peak']:.2f}× | {r['held']:.2f}× "
                  f"| {r['reading']:.2f}× / {r['mentions']:.2f}× / {r['merging']:.2f}× |")


if __name__ == "__main__":
    main()
