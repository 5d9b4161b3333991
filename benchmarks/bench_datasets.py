"""The bulk-datasets commands end to end: import, top-cited, a 1,000-paper neighbourhood and report.

Uses the shards ``bench_bulk.py`` generates (the datasets' own format, a
Price-model DAG) and runs the real commands, each as its own process under
``/usr/bin/time`` (wall time, peak RSS), DuckDB limited to ``--memory-limit``:

==================  ==========================================================
``import``          ``citegraph datasets import SHARDS --store S`` (fresh store)
``import (again)``  the same command again: every shard is skipped
``top-cited``       ``citegraph datasets top-cited --store S --top 100``
``neighbourhood``   ``citegraph datasets neighbourhood seeds.md --hops 1``
                    on 1,000 listed papers (DOIs), then ``citegraph rank``
``report``          ``citegraph report seeds.md --source datasets:S``: the
                    1,000 papers resolved, every reference list paged with its
                    edge details, lineage, rankings, HTML
==================  ==========================================================

    python benchmarks/bench_datasets.py                    # 1M papers, ~21.7M citation records
    python benchmarks/bench_datasets.py --papers 200000 --memory-limit 512MB
    python benchmarks/bench_datasets.py --smoke
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import data_dir, machine_info, markdown_table  # noqa: E402
from bench_bulk import FULL_CITATIONS, generate  # noqa: E402

N_LISTED = 1000


def timed(argv: list[str], log: Path) -> tuple[float, float, str]:
    """Run ``argv`` under /usr/bin/time: (seconds, peak RSS MB, stderr's last line)."""
    stats = log.with_suffix(".time")
    with log.open("w") as err:
        proc = subprocess.run(["/usr/bin/time", "-o", str(stats), "-f", "%e %M", *argv],
                              stdout=subprocess.DEVNULL, stderr=err)
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{log.read_text()[-2000:]}")
    seconds, kb = stats.read_text().split()[-2:]
    lines = [l for l in log.read_text().splitlines() if l.strip()]
    return float(seconds), int(kb) / 1024, lines[-1] if lines else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, default=1_000_000)
    ap.add_argument("--memory-limit", default="1GB")
    ap.add_argument("--skip-report", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="3,000 papers, no report")
    args = ap.parse_args()
    if args.smoke:
        args.papers, args.skip_report = 3000, True
    import duckdb

    root = data_dir() / f"s2bulk_n{args.papers}"
    if not (root / "info.txt").exists():
        generate(root, args.papers)
    info = eval((root / "info.txt").read_text())  # our own repr of a dict of ints
    shards = sorted(map(str, (root / "papers").glob("*.gz"))) + sorted(map(str, (root / "citations").glob("*.gz")))
    work = Path(tempfile.mkdtemp(prefix="bench-datasets-"))
    store = work / "store"
    cli = [sys.executable, "-m", "citegraph.cli"]
    mem = ["--memory-limit", args.memory_limit]
    print(f"# bench_datasets — {machine_info()}", flush=True)
    rows = []
    scale = FULL_CITATIONS / info["citations"] if info["citations"] >= 1e6 else None

    def est(seconds: float) -> str:
        return "—" if scale is None else f"{seconds * scale / 3600:.1f} h"

    t, rss, last = timed([*cli, "datasets", "import", *shards, "--store", str(store), *mem, "--quiet"], work / "import.log")
    rows.append(["import", f"{t:.1f} s", f"{rss:.0f} MB", last, est(t)])
    t, rss, last = timed([*cli, "datasets", "import", *shards, "--store", str(store), "--quiet"], work / "again.log")
    rows.append(["import (again)", f"{t:.1f} s", f"{rss:.0f} MB", last, "—"])
    t, rss, _ = timed([*cli, "datasets", "top-cited", "--store", str(store), "--top", "100", *mem], work / "top.log")
    rows.append(["top-cited", f"{t:.1f} s", f"{rss:.0f} MB", "top 100", est(t)])
    dois = duckdb.sql(
        f"SELECT doi FROM read_parquet('{store}/papers/*.parquet') WHERE doi IS NOT NULL AND citationcount > 0 "
        f"ORDER BY hash(corpusid) LIMIT {N_LISTED}"
    ).fetchall()
    listing = work / "seeds.md"
    listing.write_text("".join(f"- Paper https://doi.org/{d}\n" for (d,) in dois))
    hood = work / "hood.json"
    t, rss, last = timed([*cli, "datasets", "neighbourhood", str(listing), "--store", str(store), "--hops", "1",
                          "-o", str(hood), *mem], work / "hood.log")
    rows.append(["neighbourhood (1 hop)", f"{t:.1f} s", f"{rss:.0f} MB", last.split(": ", 1)[-1], "—"])
    t, rss, _ = timed([*cli, "rank", str(hood), "--top", "10", "--no-communities"], work / "rank.log")
    rows.append(["rank (PageRank…) on it", f"{t:.1f} s", f"{rss:.0f} MB", "", "—"])
    if not args.skip_report:
        t, rss, last = timed([*cli, "report", str(listing), "--out", str(work / "report"), "--source",
                              f"datasets:{store}", "--cache", str(work / "c.sqlite"), "--quiet"], work / "report.log")
        rows.append(["report --source datasets", f"{t:.1f} s", f"{rss:.0f} MB", last[:90], "—"])
    size = sum(p.stat().st_size for p in store.rglob("*.parquet")) / 2**20
    print(f"\n{info['papers']:,} papers, {info['citations']:,} citation records; store {size:.0f} MB of Parquet; "
          f"DuckDB memory_limit {args.memory_limit}\n")
    print(markdown_table(["command", "time", "peak RSS", "result", "linear estimate at 2.4B citations"], rows))
    print("\nEstimates scale the measured time linearly by citation records; they are not measurements.")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
