"""Hold-out check of ``citegraph suggest``: does it find listed papers taken out of the lists?

The five seed lists and the fake Semantic Scholar world made from their
entries (``tests/fakes/s2.py``), where each listed paper cites 3 listed papers
(from its own section 80% of the time) and 5 unlisted ones, and the
successor links of ``tests/data/lineage_truth.csv`` are citations.  10% of
the listed papers that other listed papers cite are left out of the lists
(``suggest(..., exclude=...)``); the figures are how many come back in the top
50, and with their own section first, for three rankings of the same graph:
every signal (``evidence``), listed citers alone (``local_citations``) and
co-citation alone (``cocitation``).

    python benchmarks/bench_suggest.py            # seeds 0, 1, 2
    python benchmarks/bench_suggest.py --smoke    # seed 0
    python benchmarks/bench_suggest.py --random-world --seeds 0   # the control: no structure to find
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
import sys
import tempfile
from pathlib import Path
from typing import Any
from collections.abc import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citegraph.analysis.suggest import SUGGEST_BY, suggest_papers  # noqa: E402
from citegraph.lists.reader import read_lists  # noqa: E402
from citegraph.reporting import suggest  # noqa: E402
from tests.fakes.s2 import FakeS2, World  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
TRUTH = ROOT / "tests" / "data" / "lineage_truth.csv"
TOP = 50


def truth_pairs() -> list[tuple[str, str]]:
    """(child key, parent key) of the hand-made successor links: the child cites the parent."""
    lines = [line for line in TRUTH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [(f"arxiv:{r['child_arxiv']}", f"arxiv:{r['parent_arxiv']}") for r in csv.DictReader(lines)
            if r.get("status") == "link" and r.get("child_arxiv") and r.get("parent_arxiv")]


def holdout(files: Sequence[Path], *, seed: int = 0, share: float = 0.1, top: int = TOP,
            cache_dir: Path | None = None, structured: bool = True) -> dict[str, Any]:
    """Run the hold-out once; returns the held-out count and, per ranking, recalled and right-section counts.

    ``structured=False``: the test suite's default world instead, where listed
    papers cite listed and unlisted papers alike at random (the control).
    """
    entries = read_lists(list(files)).entries
    shape: dict[str, Any] = {"listed_refs": 3, "same_section": 0.8} if structured else {}
    world = World.from_entries(entries, seed=seed, **shape, extra_references=truth_pairs(), long_fraction=0.0,
                               null_fraction=0.0)
    pid_of = {key: pid for pid, key in world.entry_keys.items()}
    cited = {r["paperId"] for pid in world.entry_keys for r in world.references[pid]}
    eligible = [e for e in entries if pid_of.get(e.key) in cited and e.tags]
    rng = random.Random(seed)
    held = rng.sample(eligible, max(1, round(share * len(entries))))
    with FakeS2(world) as server, tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        result = suggest(list(files), None, top=None, exclude=[e.key for e in held], api_url=server.url,
                         cache=Path(tmp) / "cache.sqlite", min_interval=0, quiet=True)
    G = result.graph
    out: dict[str, Any] = {"seed": seed, "listed": len(entries), "held_out": len(held),
                           "requests": result.stats.get("requests")}
    for by in SUGGEST_BY:
        frame = result.suggestions if by == "evidence" else suggest_papers(G, top=None, by=by)
        frame = frame.head(top)
        where = {row["id"]: row for row in frame.to_dict("records")}
        found = [e for e in held if pid_of[e.key] in where]
        right = [e for e in found if where[pid_of[e.key]]["section"] in e.tags]
        out[by] = {"recalled": len(found), "right_section": len(right)}
    # what always guessing the lists' largest section would get right (the base rate)
    sizes = Counter(t for e in entries for t in e.tags)
    largest = sizes.most_common(1)[0][0] if sizes else None
    out["largest_section"] = {"name": largest, "right": sum(1 for e in held if largest in e.tags),
                              "sections": len(sizes)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--smoke", action="store_true", help="seed 0 only")
    ap.add_argument("--lists", nargs="+", type=Path, default=None,
                    help="other list files (default: the five seed lists)")
    ap.add_argument("--random-world", action="store_true",
                    help="the control: listed papers cite listed and unlisted ones alike, at random")
    args = ap.parse_args()
    files = args.lists or sorted(SEEDS.glob("*.txt"))
    if not files:
        sys.exit(f"no seed lists in {SEEDS}")
    print(f"| seed | held out | ranking | in top {TOP} | right section |")
    print("|---|---|---|---|---|")
    for seed in [0] if args.smoke else args.seeds:
        r = holdout(files, seed=seed, structured=not args.random_world)
        for by in SUGGEST_BY:
            f = r[by]
            print(f"| {seed} | {r['held_out']} of {r['listed']} | {by} | {f['recalled']} | {f['right_section']} |")
        big = r["largest_section"]
        print(f"| {seed} | {r['held_out']} of {r['listed']} | largest of {big['sections']} sections, every time "
              f"| – | {big['right']} |")


if __name__ == "__main__":
    main()
