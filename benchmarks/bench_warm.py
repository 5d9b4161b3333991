"""Warm run: ``citegraph report ../shared/seeds/* --offline`` with everything cached.

The cache is filled once from the test suite's fake API (a world made from the
seed lists), then the command runs ``--repeat`` times as a separate process:
whole-process wall time and peak memory (``wait4``), with the interpreter's
own start and ``citegraph --help`` measured beside it, and the command with
communities found through the igraph package instead of its compiled core
(what that import costs).  Cases are interleaved round by round; CPU time is
shown beside the wall time.  Target: under 3 s.
A pyinstrument profile of one run and the slowest imports of the command
(``-X importtime``) show what to cut.  Until ``citegraph report`` exists the command measured is
``citegraph build ... --offline`` (the output says which).

    python benchmarks/bench_warm.py
    python benchmarks/bench_warm.py --profile-out /tmp/warm.html   # full pyinstrument profile
    python benchmarks/bench_warm.py --smoke
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fetchbench import make_world, read_entries, run_citegraph, seed_files  # noqa: E402
from _util import fmt_mb, fmt_s, launched, launched_report, machine_info, markdown_table, median  # noqa: E402


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str, float]:
    """Wall seconds, peak RSS (MB), exit code, stderr tail and CPU seconds (user + system) of one process."""
    with tempfile.NamedTemporaryFile(prefix="bench-rss-") as rss:
        # the launcher keeps the child's peak memory free of this (large)
        # process's, and times the child from fork to exit
        proc = subprocess.run(launched(argv, rss.name), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        rep = launched_report(rss.name)
        return (rep.get("wall", 0.0), rep.get("maxrss_kb", 0) / 1024, proc.returncode, proc.stderr[-500:],
                rep.get("cpu", 0.0))


# Parts of the run owned elsewhere, reported apart so the rest can be judged
# on its own: community detection (its library import is most of it).
_PARTS = {"communities (analysis/communities.py)": re.compile(r"^[\s│├└─]*([\d.]+) communities\s+\S*citegraph/analysis/communities\.py")}


def split_profile(lines: list[str]) -> tuple[float, dict[str, float]] | None:
    """Total seconds of a pyinstrument text profile and the time of each of ``_PARTS``
    (summed over its calls; none of them calls itself)."""
    total = None
    for ln in lines:
        m = re.search(r"Duration:\s+([\d.]+)", ln)
        if m:
            total = float(m.group(1))
            break
    if not total:
        return None
    parts = {}
    for name, rx in _PARTS.items():
        # every call (a report asks for communities twice); the function does not recurse
        times = [float(m.group(1)) for m in map(rx.match, lines) if m]
        if times:
            parts[name] = sum(times)
    return total, parts


def has_report(env: dict[str, str]) -> bool:
    out = subprocess.run([sys.executable, "-m", "citegraph.cli", "--help"], capture_output=True, text=True, env=env).stdout
    return bool(re.search(r"^\s+report\b", out, re.M))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile-out", type=Path, help="write the pyinstrument profile (.html or .txt) here")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    from tests.fakes.s2 import FakeS2

    if args.smoke:
        args.repeat = 1
    files = seed_files(args.smoke)
    exe = [sys.executable, "-m", "citegraph.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_p = Path(tmp)
        cache = tmp_p / "cache.sqlite"
        env = {**os.environ, "CITEGRAPH_CACHE": str(cache), "CITEGRAPH_S2_URL": "http://127.0.0.1:9/unreachable"}
        env.pop("S2_API_KEY", None)
        entries = read_entries(files)
        with FakeS2(make_world(entries)) as server:
            filled = run_citegraph(files, server, cache, min_interval=0.0)
        report = has_report(env)
        if report:
            cmd = [*exe, "report", *map(str, files), "--offline", "--out", str(tmp_p / "out")]
        else:
            cmd = [*exe, "build", *map(str, files), "--offline", "--quiet", "-o", str(tmp_p / "graph.json")]
        cases = [
            ("python -c pass (interpreter start)", [sys.executable, "-c", "pass"]),
            ("citegraph --help (CLI start)", [*exe, "--help"]),
            ("citegraph " + " ".join(cmd[3:4]) + " … --offline (warm)", cmd),
        ]
        if args.smoke:  # the command itself is what must keep working
            cases = cases[-1:]
        elif report:
            # The comparison for communities' engine import: through the igraph
            # package (its drawing modules import matplotlib.pyplot) instead of
            # igraph's compiled core alone; the labels are the same.
            package = ("import sys, importlib, citegraph.analysis.communities as c; "
                       "c._igraph_core = lambda: importlib.import_module('igraph'); "
                       "from citegraph.cli import main; sys.argv[0] = 'citegraph'; main()")
            cases.append(("same, communities via `import igraph` (comparison)", [sys.executable, "-c", package, *cmd[3:]]))
        rows = []
        medians: dict[str, float] = {}
        # Interleaved (one run of each case per round), so that a swing in the
        # machine's load hits every case alike.  CPU time (user + system) is
        # shown beside the wall time: on a shared box it moves far less.
        runs_of: dict[str, list] = {name: [] for name, _ in cases}
        for _ in range(args.repeat):
            for name, argv in cases:
                runs_of[name].append(run_process(argv, env))
        for name, _ in cases:
            runs = runs_of[name]
            if any(r[2] != 0 for r in runs):
                rows.append([name, "failed: " + runs[0][3].strip().splitlines()[-1] if runs[0][3].strip() else "failed", "", "", ""])
                continue
            walls = [r[0] for r in runs]
            medians[name] = median(walls)
            rows.append([name, fmt_s(median(walls)), fmt_s(median([r[4] for r in runs])),
                         ", ".join(fmt_s(w) for w in walls), fmt_mb(max(r[1] for r in runs))])
        print(f"# bench_warm — {machine_info()}")
        print(f"{len(files)} lists; cache filled from the fake API: {filled['requests']} requests, "
              f"{filled['papers']} papers / {filled['edges']} edges")
        if not report:
            print("NOTE: `citegraph report` does not exist yet: measuring `citegraph build --offline` instead.")
        print()
        print(markdown_table(["command", "wall (median)", "CPU (median)", "wall of each run", "peak RSS"], rows))
        warm = next((t for name, t in medians.items() if name.endswith("(warm)")), None)
        verdict = "failed" if warm is None else ("met" if warm < 3 else "MISSED")
        print(f"\ntarget < 3 s for the warm command: {verdict}")
        # Per-round ratios against the warm command (same round, so same load).
        warm_name = next((n for n, _ in cases if n.endswith("(warm)")), None)
        for name, _ in cases:
            if warm_name and name != warm_name and name.startswith("same,") and name in medians and warm_name in medians:
                pairs = list(zip(runs_of[warm_name], runs_of[name]))
                print(f"{name} / warm, median of {len(pairs)} rounds: "
                      f"wall {median([b[0] / a[0] for a, b in pairs]):.2f}×, CPU {median([b[4] / a[4] for a, b in pairs if a[4]]):.2f}×")

        # where the time goes
        import importlib.util

        if args.smoke:
            return
        if importlib.util.find_spec("pyinstrument") is None:
            print("\n(pyinstrument not installed: no profile; pip install -e '.[bench]')")
            return
        prof = args.profile_out or tmp_p / "profile.txt"
        renderer = "html" if prof.suffix == ".html" else "text"
        subprocess.run(
            [sys.executable, "-m", "pyinstrument", "-r", renderer, "-o", str(prof), "-m", "citegraph.cli", *cmd[3:]],
            env=env, capture_output=True, text=True,
        )
        if renderer == "text" and prof.exists():
            text = prof.read_text().splitlines()
            print("\n## pyinstrument (one warm run, top of the call tree)\n```")
            print("\n".join(text[:60 if not args.smoke else 10]))
            print("```")
            split = split_profile(text)
            if split:
                total, parts = split
                rest = total - sum(parts.values())
                print(f"\nOf this profiled run ({fmt_s(total)}): "
                      + ", ".join(f"{name} {fmt_s(t)} ({t / total:.0%})" for name, t in parts.items())
                      + f"; everything else {fmt_s(rest)} ({rest / total:.0%}), "
                      f"i.e. ~{fmt_s(warm * rest / total) if warm else '?'} of the median wall time above.")
        # The command's own imports (the CLI imports lazily: `import citegraph.cli` alone shows nothing).
        imp = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], env=env,
                             capture_output=True, text=True).stderr
        rows_imp = []
        for ln in imp.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", ln)
            if m:
                rows_imp.append((int(m.group(2)), len(m.group(3)), m.group(4)))
        top = sorted((r for r in rows_imp if r[1] <= 3), reverse=True)[:15]
        print("\n## slowest imports of the warm command (cumulative, top levels)\n")
        print(markdown_table(["module", "cumulative"], [[name, fmt_s(us / 1e6)] for us, _, name in top]))


if __name__ == "__main__":
    main()
