"""Shared helpers for the benchmark scripts: medians, peak memory, capped child
processes, markdown tables.

Machines here are noisy 2-core boxes, so every figure is a median of several
runs, and every measured case that needs its own peak memory runs in a child
process: ``ru_maxrss`` of a child reaped with :func:`os.wait4` is that child's
peak alone, whatever ran before it in the parent.
"""

from __future__ import annotations

import json
import os
import platform
import queue
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent


# ------------------------------------------------------------------ measuring


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any], *, repeat: int = 3, budget_s: float = 30.0) -> tuple[list[float], Any]:
    """Run ``fn`` up to ``repeat`` times; stop repeating once ``budget_s`` is spent.

    Returns the wall times and the last result.  A step slower than the budget
    runs once: one honest figure beats none.
    """
    times: list[float] = []
    result = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        if sum(times) > budget_s:
            break
    return times, result


def median(xs: Iterable[float]) -> float:
    return statistics.median(list(xs))


# ------------------------------------------------------------------ formatting


def fmt_s(x: float | None) -> str:
    """Seconds with sensible precision."""
    if x is None:
        return "—"
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    if x < 1:
        return f"{x:.3f} s"
    if x < 100:
        return f"{x:.2f} s"
    return f"{x:.0f} s"


def fmt_mb(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x / 1024:.2f} GB" if x >= 1024 else f"{x:.0f} MB"


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.1f}×" if x >= 10 else f"{x:.2f}×"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A GitHub markdown table (what README.md keeps)."""
    rows = [[str(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def machine_info() -> str:
    """One line naming the machine and the library versions a figure depends on."""
    cpu = platform.processor() or platform.machine()
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:  # pragma: no cover - psutil is in the bench extra
        mem = "? GiB"
    load = f", load average {os.getloadavg()[0]:.1f}"
    return f"{cpu}, {os.cpu_count()} cores, {mem}, Python {platform.python_version()}{load}"


def data_dir() -> Path:
    """Where generated inputs are cached (outside the repository: they are large)."""
    d = Path(os.environ.get("CITEGRAPH_BENCH_DATA", Path.home() / ".cache" / "citegraph-bench"))
    d.mkdir(parents=True, exist_ok=True)
    return d


# --------------------------------------------------------- stepwise children
#
# A child runs named steps one after the other and prints one JSON line per
# event on stdout.  The parent enforces a per-step time limit and an address
# space cap; a step that overruns is reported as "> T s" and the child is
# restarted for the remaining steps, so one hopeless step (networkx Louvain on
# 20M edges) does not hide the others.


def child_run_steps(steps: Sequence[tuple[str, Callable[[], Any]]], *, repeat: int, budget_s: float) -> None:
    """Child side: run ``steps`` and report each on stdout as JSON lines."""

    def emit(**kw: Any) -> None:
        sys.stdout.write(json.dumps(kw) + "\n")
        sys.stdout.flush()

    for name, fn in steps:
        emit(event="start", step=name, t=time.time())
        try:
            times, result = timed(fn, repeat=repeat, budget_s=budget_s)
        except MemoryError:
            emit(event="oom", step=name, rss_mb=peak_rss_mb())
            sys.exit(3)
        except Exception as exc:  # reported, not hidden: the table shows "error"
            emit(event="error", step=name, message=f"{type(exc).__name__}: {exc}"[:300])
            continue
        extra = result if isinstance(result, dict) else {}
        emit(event="done", step=name, times=times, rss_mb=peak_rss_mb(), **extra)


@dataclass
class StepResult:
    step: str
    status: str  # ok | timeout | oom | error | skipped
    times: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    message: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return median(self.times) if self.times else None

    def cell(self) -> str:
        if self.status == "ok":
            s = fmt_s(self.median)
            return s if len(self.times) > 1 else s + "¹"
        if self.status == "timeout":
            return f"> {fmt_s(self.times[0] if self.times else None)}"
        if self.status == "oom":
            return "OOM"
        if self.status == "error":
            return "error"
        if self.status == "skipped":
            return "not run"
        return "—"


@dataclass
class ChildOutcome:
    steps: dict[str, StepResult]
    peak_rss_mb: float  # largest over the child processes used
    wall_s: float


# A child's ru_maxrss starts at the RSS of the process that forked it (Linux
# keeps the high-water mark across exec), so a child forked by a parent that
# holds a 2 GB graph would report at least 2 GB.  Children are therefore
# forked by this tiny launcher, which reports its child's own peak in a file.
_LAUNCHER = (
    "import json,os,sys,time\n"
    "t=time.perf_counter()\n"
    "pid=os.fork()\n"
    "if pid==0:\n os.execv(sys.argv[2],sys.argv[2:])\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "t=time.perf_counter()-t\n"
    "open(sys.argv[1],'w').write(json.dumps({'maxrss_kb':ru.ru_maxrss,'wall':t,'cpu':ru.ru_utime+ru.ru_stime}))\n"
    "code=os.waitstatus_to_exitcode(st)\n"
    "sys.exit(code if code>=0 else 128-code)\n"
)


def launched(argv: Sequence[str], rss_file: str | os.PathLike[str]) -> list[str]:
    """``argv`` wrapped in the launcher; its peak RSS lands in ``rss_file`` (see :func:`launched_rss_mb`)."""
    return [sys.executable, "-S", "-c", _LAUNCHER, str(rss_file), *argv]


def launched_rss_mb(rss_file: str | os.PathLike[str]) -> float | None:
    return launched_report(rss_file).get("maxrss_kb", 0) / 1024 or None


def launched_report(rss_file: str | os.PathLike[str]) -> dict[str, float]:
    """``maxrss_kb``, ``wall`` (fork to exit, without the launcher's own start) and ``cpu``
    (user + system seconds) of a launched child."""
    try:
        return json.loads(Path(rss_file).read_text())
    except (OSError, ValueError):
        return {}


def _limit_memory(max_bytes: int | None) -> Callable[[], None]:
    def apply() -> None:
        os.setsid()
        if max_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))

    return apply


def run_child_steps(
    argv_for: Callable[[list[str]], list[str]],
    steps: list[str],
    *,
    step_timeout_s: float,
    mem_limit_gb: float | None = 16,
    env: dict[str, str] | None = None,
    log: Callable[[str], None] = lambda s: None,
    prerequisite: str | None = None,
) -> ChildOutcome:
    """Parent side: run ``steps`` in children built by ``argv_for(remaining)``.

    A step slower than ``step_timeout_s`` is killed and marked ``timeout``; one
    whose child dies of memory (MemoryError under the ``RLIMIT_AS`` cap, or a
    signal) is marked ``oom``.  The remaining steps go on in a fresh child.
    """
    results: dict[str, StepResult] = {}
    remaining = list(steps)
    peak = 0.0
    t_all = time.perf_counter()
    while remaining:
        argv = argv_for(remaining)
        rss_file = Path(tempfile.mkstemp(prefix="bench-rss-")[1])
        proc = subprocess.Popen(
            launched(argv, rss_file),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            preexec_fn=_limit_memory(int(mem_limit_gb * 2**30) if mem_limit_gb else None),
        )
        n_before = len(results)
        lines: queue.Queue[str | None] = queue.Queue()
        err_tail: list[str] = []

        def pump_out() -> None:
            for ln in proc.stdout:  # type: ignore[union-attr]
                lines.put(ln)
            lines.put(None)

        def pump_err() -> None:
            for ln in proc.stderr:  # type: ignore[union-attr]
                err_tail.append(ln)
                del err_tail[:-20]

        threading.Thread(target=pump_out, daemon=True).start()
        threading.Thread(target=pump_err, daemon=True).start()
        current: str | None = None
        started = time.perf_counter()
        killed_for: str | None = None
        while True:
            wait = None if current is None else max(0.1, step_timeout_s - (time.perf_counter() - started))
            try:
                # between steps a restarted child may be rebuilding its graph: allow longer
                ln = lines.get(timeout=wait if current else 3 * step_timeout_s)
            except queue.Empty:
                killed_for = current or ""
                os.killpg(proc.pid, signal.SIGKILL)
                break
            if ln is None:
                break
            try:
                ev = json.loads(ln)
            except json.JSONDecodeError:
                continue
            name = ev.get("step")
            if ev["event"] == "start":
                current, started = name, time.perf_counter()
                log(f"  {name} ...")
            elif ev["event"] == "done":
                extra = {k: v for k, v in ev.items() if k not in {"event", "step", "times", "rss_mb"}}
                results[name] = StepResult(name, "ok", ev["times"], ev["rss_mb"], extra=extra)
                peak = max(peak, ev["rss_mb"])  # a child killed later reports no peak of its own
                log(f"  {name}: {fmt_s(median(ev['times']))} (peak {fmt_mb(ev['rss_mb'])})")
                current = None
            elif ev["event"] == "error":
                results[name] = StepResult(name, "error", message=ev.get("message", ""))
                log(f"  {name}: error {ev.get('message')}")
                current = None
            elif ev["event"] == "oom":
                results[name] = StepResult(name, "oom", rss_mb=ev.get("rss_mb"))
                log(f"  {name}: OOM")
                current = None
        proc.wait()
        peak = max(peak, launched_rss_mb(rss_file) or 0.0)
        rss_file.unlink(missing_ok=True)
        if killed_for == "":
            for s in remaining:
                if s not in results:
                    results[s] = StepResult(s, "skipped", message="the child's set-up outlasted the time limit")
            log("  set-up timed out: remaining steps not run")
        elif killed_for is not None:
            results[killed_for] = StepResult(killed_for, "timeout", [time.perf_counter() - started])
            log(f"  {killed_for}: timeout after {fmt_s(time.perf_counter() - started)}")
        elif current is not None and current not in results:
            # died mid-step without a word: a signal (the kernel's OOM killer) or a crash
            why = "".join(err_tail)[-300:]
            status_name = "oom" if "MemoryError" in why or proc.returncode in (-9, 137, 3) else "error"
            results[current] = StepResult(current, status_name, message=why)
            log(f"  {current}: {status_name} (exit {proc.returncode}) {why.strip()[-200:]}")
        if len(results) == n_before:
            raise RuntimeError(f"child {argv} made no progress (exit {proc.returncode}):\n{''.join(err_tail)}")
        remaining = [s for s in remaining if s not in results]
        pre = results.get(prerequisite) if prerequisite else None
        if pre is not None and pre.status != "ok" and remaining:
            for s in remaining:
                results[s] = StepResult(s, "skipped", message=f"needs {prerequisite}, which failed ({pre.status})")
            log(f"  {', '.join(remaining)}: not run ({prerequisite} {pre.status})")
            remaining = []
    return ChildOutcome(results, peak, time.perf_counter() - t_all)


def write_json(path: str | os.PathLike[str], data: Any) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, indent=1, default=str))
