"""What bench_requests.py and bench_ratelimit.py share: the seed lists, the fake
API's world made from them, the lower bound on requests, and the naive client.

The naive way is the one the ``semanticscholar`` client's README shows: for
each paper ``get_paper`` (``search_paper(..., match_title=True)`` for a title
without an id), then ``get_paper_references`` paged to the end.  It runs
against the same fake server, so both columns are measured, not estimated.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))  # the fake API lives with the tests (tests/fakes/s2.py)

NAIVE_FIELDS = ["title", "year", "externalIds", "authors", "referenceCount", "citationCount"]


def seed_files(smoke: bool = False) -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed lists in {SEEDS} (../shared/seeds is absent)")
    # smoke: the one list with titles only and the smallest with ids
    return [f for f in files if f.name.startswith(("002", "003"))] if smoke else files


def read_entries(files: list[Path]) -> list[Any]:
    from citegraph.lists.reader import read_lists

    return list(read_lists(files).entries)


def make_world(entries: list[Any], seed: int = 0, nested_cap: int | None = None) -> Any:
    """The test suite's fake world for these entries, with its default shape
    (8 references a paper, 10% of lists of 60 so past the 40 nested in a batch
    answer, 10% unresolved references); ``nested_cap`` changes how many
    references a batch answer nests (1000: every list complete in the batch)."""
    from tests.fakes.s2 import World

    kwargs = {} if nested_cap is None else {"nested_cap": nested_cap}
    return World.from_entries(entries, seed=seed, **kwargs)


def lower_bound(entries: list[Any], world: Any) -> dict[str, int]:
    """Fewest requests any client needs for depth-1 references of ``entries``.

    ``ceil(ids / 500)`` batch calls, one title match per title-only entry, and
    for each listed paper whose nested reference list the batch cut, the pages
    (1,000 items each) of what is missing.
    """
    from citegraph.graph.model import normalize_title

    pids: set[str] = set()
    matches = 0
    for e in entries:
        qid = e.s2_query_id
        pid = world.resolve(qid) if qid else None
        if qid is None and e.title:
            matches += 1
            pid = world.match(e.title)
        elif pid is None and e.title and normalize_title(e.title):
            matches += 1  # the id is unknown: a title match is the second chance
            pid = world.match(e.title)
        if pid:
            pids.add(pid)
    pages = 0
    for pid in pids:
        refs = world.references.get(pid, [])
        nested = refs if world.nested_includes_unresolved else [r for r in refs if r["paperId"]]
        missing = len(refs) - min(len(nested), world.nested_cap)
        if missing > 0:
            pages += math.ceil(missing / 1000)
    batches = math.ceil(len(pids) / 500)
    return {"batch": batches, "match": matches, "references": pages, "total": batches + matches + pages, "papers": len(pids)}


def by_endpoint(log: list[Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in log:
        out[r.endpoint] = out.get(r.endpoint, 0) + 1
    return out


def longest_refusal_streak(log: list[Any]) -> int:
    """Longest run of consecutive 429 answers in the server's log."""
    best = run = 0
    for r in sorted(log, key=lambda r: r.at):
        run = run + 1 if r.status == 429 else 0
        best = max(best, run)
    return best


def run_citegraph(files: list[Path], server: Any, cache: Path, *, min_interval: float | None) -> dict[str, Any]:
    from citegraph.fetch.pipeline import build

    server.reset_log()
    t0 = time.perf_counter()
    result = build(files, cache=cache, api_url=server.url, api_key=None, quiet=True, progress=False, min_interval=min_interval)
    wall = time.perf_counter() - t0
    log = list(server.log)
    return {
        "wall": wall,
        "requests": len(log),
        "refused": sum(1 for r in log if r.status == 429),
        "streak": longest_refusal_streak(log),
        "endpoints": by_endpoint(log),
        "papers": result.graph.number_of_nodes(),
        "edges": result.graph.number_of_edges(),
        "resolved": result.stats.get("resolved"),
        "listed": result.stats.get("listed"),
    }


def run_naive(entries: list[Any], server: Any, *, time_cap: float | None = None) -> dict[str, Any]:
    """The client-README loop; stops (and says so) once ``time_cap`` seconds are spent."""
    import logging

    from semanticscholar import SemanticScholar

    logging.getLogger("semanticscholar").setLevel(logging.ERROR)
    sch = SemanticScholar(api_url=server.url.rsplit("/graph/v1", 1)[0], timeout=30)
    server.reset_log()
    t0 = time.perf_counter()
    done = 0
    stopped = False
    for e in entries:
        if time_cap is not None and time.perf_counter() - t0 > time_cap:
            stopped = True
            break
        try:
            if e.s2_query_id:
                paper = sch.get_paper(e.s2_query_id, fields=NAIVE_FIELDS)
            elif e.title:
                paper = sch.search_paper(e.title, match_title=True, fields=NAIVE_FIELDS)
            else:
                continue
            for _ref in sch.get_paper_references(paper.paperId, fields=["title", "year", "externalIds"]):
                pass
        except Exception:  # noqa: BLE001 - not found: the naive loop moves on, as a user's would
            pass
        done += 1
    log = list(server.log)
    return {
        "wall": time.perf_counter() - t0,
        "requests": len(log),
        "refused": sum(1 for r in log if r.status == 429),
        "streak": longest_refusal_streak(log),
        "endpoints": by_endpoint(log),
        "papers_done": done,
        "papers_total": len(entries),
        "stopped": stopped,
    }
