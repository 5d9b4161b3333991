"""Fuzzed lists and malformed graph files through every command: tracebacks and slow runs.

2,000 fuzzed list files (the list fixtures mutated, markup soups, hostile runs
of brackets/dashes/pipes, random unicode and bytes, a few of tens of KB; see
tests/factories/lists.py) go through every command that reads a list, and 100
malformed graph files (tests/factories/graphs.py) through every command that
reads a graph (tests/factories/commands.py), with 30 valid graph files of
awkward values (duplicate, empty, huge or markup names, builds_on cycles).  Commands that fetch ask the fake
API of tests/fakes/s2.py on 127.0.0.1.  Each run is in-process (click's
CliRunner) and timed; a sample also runs as real subprocesses.  Target: 0
tracebacks, 0 runs over 10 s.

    python benchmarks/bench_fuzz_commands.py
    python benchmarks/bench_fuzz_commands.py --smoke     # 20 lists, 8 + 2 graphs, 5 subprocesses
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))  # the fake API and the input factories live with the tests

from _util import fmt_s, machine_info, markdown_table  # noqa: E402

KEY = "fuzz-bench-key"


@dataclass
class Run:
    command: str
    kind: str
    name: str
    seconds: float
    outcome: str
    exit_code: int
    detail: str = ""


def refuse_other_hosts() -> list[str]:
    """Make every connection to a host other than this machine fail, in this process; the
    addresses tried are collected in the returned list (the fake API is on 127.0.0.1)."""
    import ipaddress
    import socket

    tried: list[str] = []
    connect = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None:
            try:
                local = ipaddress.ip_address(host).is_loopback
            except ValueError:
                local = host == "localhost"
            if not local:
                tried.append(str(host))
                raise OSError(f"bench_fuzz_commands: no network ({host})")
        return connect(sock, address)

    socket.socket.connect = guarded  # type: ignore[method-assign]
    return tried


def fake_world() -> Any:
    """A fake API that knows every paper of the list fixtures (mutated fixtures resolve)."""
    from citegraph.lists.reader import read_lists
    from tests.factories.lists import LIST_FIXTURES
    from tests.fakes.s2 import World

    entries = read_lists(sorted(p for p in LIST_FIXTURES.iterdir() if p.is_file())).entries
    return World.from_entries(entries, seed=1)


def invoke(args: list[str]) -> tuple[float, Any]:
    from click.testing import CliRunner

    from citegraph.cli import main

    t0 = time.perf_counter()
    result = CliRunner().invoke(main, args, env={"S2_API_KEY": KEY}, catch_exceptions=True)
    return time.perf_counter() - t0, result


def run_corpus(inputs: list[tuple[str, Path]], commands: dict[str, list[str]], slot: str, work: Path,
               api: str, progress: str) -> tuple[list[Run], dict[tuple[str, str], list[str]]]:
    """Every command on every input, in-process; the runs and each run's command line."""
    from tests.factories.commands import argv, outcome

    runs: list[Run] = []
    lines: dict[tuple[str, str], list[str]] = {}
    t_start = time.perf_counter()
    for i, (kind, path) in enumerate(inputs):
        for name, template in commands.items():
            tag = name.replace(" ", "").replace("-", "")
            args = argv(template, **{slot: path}, out=work / f"out-{tag}", api=api, cache=work / f"{tag}.sqlite")
            lines[(name, path.name)] = args
            seconds, result = invoke(args)
            how = outcome(result)
            detail = ""
            if how == "traceback" and result.exc_info:
                detail = "".join(traceback.format_exception(*result.exc_info)[-3:]).strip()
            elif how in ("error", "usage"):
                detail = result.stderr.strip().splitlines()[-1]
            elif how == "bad exit":
                detail = f"exit {result.exit_code}: {result.output[-300:]!r}"
            runs.append(Run(name, kind, path.name, seconds, how, result.exit_code, detail))
        if (i + 1) % 100 == 0:
            print(f"  {progress}: {i + 1}/{len(inputs)} inputs, {time.perf_counter() - t_start:.0f} s", file=sys.stderr,
                  flush=True)
    return runs, lines


def subprocess_sample(runs: list[Run], lines: dict[tuple[str, str], list[str]], n: int, seed: int,
                      limit_s: float) -> list[tuple[Run, float, str]]:
    """``n`` runs again as real processes (``python -m citegraph``): each one's wall time and outcome."""
    rng = random.Random(seed)
    picked = rng.sample(runs, min(n, len(runs)))
    out = []
    env = {**os.environ, "S2_API_KEY": KEY}
    for run in picked:
        args = [sys.executable, "-m", "citegraph", *lines[(run.command, run.name)]]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
            seconds = time.perf_counter() - t0
            lines_err = proc.stderr.strip().splitlines()
            if "Traceback" in proc.stderr or "Traceback" in proc.stdout:
                how = "traceback"
            elif proc.returncode == 0:
                how = "ok"
            elif proc.returncode == 1 and lines_err and lines_err[-1].startswith("Error: "):
                how = "error"
            elif proc.returncode == 2 and lines_err and lines_err[-1].startswith("Error: "):
                how = "usage"
            else:
                how = f"exit {proc.returncode}"
        except subprocess.TimeoutExpired:
            seconds, how = time.perf_counter() - t0, "timeout (60 s)"
        out.append((run, seconds, how if seconds <= limit_s or how != "ok" else "ok (slow)"))
    return out


def summary_rows(runs: list[Run], key: str, limit_s: float) -> list[list[Any]]:
    groups: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        groups[getattr(r, key)].append(r)
    rows = []
    for name, group in groups.items():
        counts = Counter(r.outcome for r in group)
        slow = max(group, key=lambda r: r.seconds)
        rows.append([name, len(group), counts["ok"], counts["error"] + counts["usage"], counts["traceback"],
                     counts["bad exit"], sum(r.seconds > limit_s for r in group),
                     fmt_s(statistics.median(r.seconds for r in group)),
                     f"{fmt_s(slow.seconds)} ({slow.kind if key == 'command' else slow.command}, {slow.name})"])
    return rows


HEADERS = ["runs", "output (exit 0)", "one Error: line", "tracebacks", "other exits", "over {limit} s", "median",
           "slowest"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lists", type=int, default=2000, help="fuzzed list files")
    ap.add_argument("--graphs", type=int, default=100, help="malformed graph files")
    ap.add_argument("--odd", type=int, default=30, help="valid graph files with awkward values, besides")
    ap.add_argument("--subprocesses", type=int, default=100, help="runs repeated as real subprocesses")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=float, default=10.0, help="seconds a run may take")
    ap.add_argument("--smoke", action="store_true", help="20 lists, 8 + 2 graphs, 5 subprocesses")
    args = ap.parse_args()
    if args.smoke:
        args.lists, args.graphs, args.odd, args.subprocesses = 20, 8, 2, 5

    from tests.factories.commands import GRAPH_COMMANDS, LIST_COMMANDS
    from tests.factories.graphs import malformed_graph_files
    from tests.factories.lists import fuzzed_lists
    from tests.fakes.s2 import FakeS2

    print(f"# bench_fuzz_commands — {machine_info()}")
    started = time.strftime("%H:%M UTC", time.gmtime())
    with tempfile.TemporaryDirectory(prefix="fuzz-commands-") as tmp:
        work = Path(tmp)
        (work / "lists").mkdir()
        lists = []
        for item in fuzzed_lists(args.lists, seed=args.seed):
            path = work / "lists" / item.name
            path.write_bytes(item.data)
            lists.append((item.kind, path))
        graphs = malformed_graph_files(work / "graphs", args.graphs, seed=args.seed, odd=args.odd)
        sizes = [p.stat().st_size for _, p in lists]
        print(f"{len(lists)} fuzzed lists (seed {args.seed}; {Counter(k for k, _ in lists)}; "
              f"{sum(sizes) / 1024:.0f} KB, largest {max(sizes) / 1024:.0f} KB), {args.graphs} malformed graph files and {args.odd} valid ones with awkward values "
              f"({Counter(k.split(':')[0] for k, _ in graphs)})")
        tried = refuse_other_hosts()
        t0 = time.perf_counter()
        with FakeS2(fake_world()) as server:
            list_runs, list_lines = run_corpus(lists, LIST_COMMANDS, "list", work, server.url, "lists")
            graph_runs, graph_lines = run_corpus(graphs, GRAPH_COMMANDS, "g", work, server.url, "graphs")
            wall = time.perf_counter() - t0
            requests = server.count()
            runs = list_runs + graph_runs
            sample = subprocess_sample(runs, {**list_lines, **graph_lines}, args.subprocesses, args.seed, args.limit)
        load_end = os.getloadavg()[0]

    limit = args.limit
    headers = ["command", *[h.format(limit=f"{limit:g}") for h in HEADERS]]
    print(f"\nIn-process (CliRunner), {started}, {wall:.0f} s for {len(runs)} runs, {requests} requests to the fake API, "
          f"{len(tried)} connections tried elsewhere (refused), "
          f"load average {load_end:.1f} at the end\n")
    print(markdown_table(headers, summary_rows(list_runs, "command", limit) + summary_rows(graph_runs, "command", limit)))
    print()
    kind_headers = ["input kind", *headers[1:]]
    print(markdown_table(kind_headers, summary_rows(list_runs, "kind", limit)
                         + summary_rows(graph_runs, "kind", limit)))
    tracebacks = [r for r in runs if r.outcome == "traceback"]
    slow = [r for r in runs if r.seconds > limit]
    slowest = max(runs, key=lambda r: r.seconds)
    print(f"\nAll: {len(runs)} runs ({len(list_runs)} on lists, {len(graph_runs)} on graph files), "
          f"{len(tracebacks)} tracebacks, {len(slow)} over {limit:g} s, "
          f"{sum(r.outcome == 'bad exit' for r in runs)} other exits; median {fmt_s(statistics.median(r.seconds for r in runs))}, "
          f"slowest {fmt_s(slowest.seconds)} ({slowest.command} on {slowest.kind} {slowest.name})")
    print("\nSlowest 8 runs\n")
    print(markdown_table(["command", "input kind", "input", "seconds", "outcome"],
                         [[r.command, r.kind, r.name, fmt_s(r.seconds), r.outcome]
                          for r in sorted(runs, key=lambda r: -r.seconds)[:8]]))
    print("\nThe commonest Error: lines (paths, ids and quoted text replaced by …)\n")
    shapes = Counter(re.sub(r"'[^']*'|\"[^\"]*\"|\S*/\S*|\d+", "…", r.detail)[:110] for r in runs
                     if r.outcome in ("error", "usage"))
    print(markdown_table(["runs", "Error: line"], [[n, f"`{shape}`"] for shape, n in shapes.most_common(12)]))
    for r in (tracebacks + [r for r in runs if r.outcome == "bad exit"])[:20]:
        print(f"\n{r.outcome}: {r.command} on {r.kind} {r.name}\n{r.detail}")

    sub_s = [s for _, s, _ in sample]
    paired = [s - r.seconds for r, s, _ in sample]
    print(f"\nSubprocesses (python -m citegraph), {len(sample)} runs drawn at random from the above\n")
    print(markdown_table(
        ["runs", "tracebacks", "over limit", "outcomes", "median", "slowest", "median minus in-process (start-up)"],
        [[len(sample), sum(h == "traceback" for _, _, h in sample), sum(s > limit for s in sub_s),
          ", ".join(f"{k} {v}" for k, v in sorted(Counter(h for _, _, h in sample).items())),
          fmt_s(statistics.median(sub_s)) if sub_s else "—",
          (lambda w: f"{fmt_s(w[1])} ({w[0].command}, {w[0].name})")(max(sample, key=lambda x: x[1])) if sample else "—",
          fmt_s(statistics.median(paired)) if paired else "—"]]))
    agree = sum(1 for r, _, h in sample if h.split(" ")[0] == r.outcome)
    print(f"\nSame outcome in-process and as a subprocess: {agree}/{len(sample)}")


if __name__ == "__main__":
    main()
