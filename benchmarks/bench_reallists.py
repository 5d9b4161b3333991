"""The list reader on the ten real lists of ``../shared/reallists``: ids, titles, names, time, memory.

Each list is read in a child process of its own (`citegraph.read_lists`, no
cache): first under ``tracemalloc`` right after tiny lists of each kind were
read (so imports are done but every cache the reader fills is empty), then for
the wall and CPU time (medians of ``--repeat`` runs; on a shared machine the CPU
time is the steadier figure), then once more under ``tracemalloc`` for the peak
of Python allocations when read again and for what is still held once it
returns (the papers read), all as multiples of the file's size.  Titles and arXiv ids are checked against
``_list_truth.py``, an independent per-format extraction of what each list
writes for each arXiv id, and for each paper cited by another link or none (DOI,
proceedings page, PDF, other page, BibTeX entry without an id), keyed by the
lines of its entry (see ``_list_truth``).

    python benchmarks/bench_reallists.py [--dir ../shared/reallists] [--repeat 3] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _list_truth import others_found, others_outside, others_right, same_meta, same_title, truth  # noqa: E402

DEFAULT_DIR = BENCH.parent.parent / "shared" / "reallists"


# One tiny list of each kind, read before measuring: what a process pays once
# (imports, lazily compiled patterns, the stdlib's %-decoding table) is not the list's.
_WARM_UP = {
    "w.md": "# A\n- [A Study of Widgets](https://arxiv.org/abs/2401.01234%20) *Ann Lee, Bo Wu*\n"
            "  We introduce WidgetNet (WN), a model. [code](https://github.com/a/b) [Notes](#a)\n"
            "  See https://example.org/widgets for more.\n"
            "| Title | Paper |\n|---|---|\n| Gadget Nets | [x](https://doi.org/10.1000/x%41) |\n",
    # a LaTeX accent: the first one a process meets loads pylatexenc's tables of macros
    "w.bib": "@article{a, title={A Study of {W}idgets in Caf\\'e}, author={Lee, Ann and Wu, Bo}, "
             "journal={arXiv:2401.01234}}\n",
    "w.html": '<div class="paper-row"><h2 class="paper-title">A Study of Widgets<span></span></h2>'
              '<a href="https://arxiv.org/abs/2401.01234">x</a></div>\n',
    "w.txt": "2401.01234\n10.1000/x\n",
}


def _warm_up() -> None:
    import tempfile

    from citegraph import read_lists

    with tempfile.TemporaryDirectory() as tmp:
        for name, text in _WARM_UP.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            read_lists([Path(tmp) / name])


def measure(path: Path, repeat: int) -> dict:
    from citegraph import read_lists

    _warm_up()
    tracemalloc.start()  # the first read: every cache the reader fills starts empty
    first_result = read_lists([path])
    first_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del first_result
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = read_lists([path])
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    tracemalloc.start()
    kept_result = read_lists([path])
    kept, peak = tracemalloc.get_traced_memory()  # what is still held is the papers read
    tracemalloc.stop()
    del kept_result
    t = truth(path)
    by_arxiv = {e.arxiv: e for e in result.entries if e.arxiv}
    found = set(by_arxiv)
    right = sum(1 for a, titles in t.titles.items() if a in by_arxiv and any(same_title(by_arxiv[a].title, w) for w in titles))
    names_right = sum(1 for a, names in t.names.items() if a in by_arxiv and by_arxiv[a].name in names)
    meta = {
        field: [(a, m[field]) for a, m in t.meta.items() if field in m]
        for field in ("authors", "year", "venue")
    }
    meta_right = {
        field: sum(
            1 for a, written in pairs if a in by_arxiv and any(same_meta(getattr(by_arxiv[a], field), w) for w in written)
        )
        for field, pairs in meta.items()
    }
    wrong = [
        (a, by_arxiv[a].title if a in by_arxiv else None, sorted(ts)[0])
        for a, ts in t.titles.items()
        if not (a in by_arxiv and any(same_title(by_arxiv[a].title, w) for w in ts))
    ]
    found_others = others_found(result.entries, t)
    others_ok = others_right(found_others)
    outside = len(others_outside(result.entries, t))
    kinds: dict[str, list[int]] = {}
    for o, ok in zip(t.others, others_ok):
        kinds.setdefault(o.kind, [0, 0])[0] += ok
        kinds[o.kind][1] += 1
    return {
        "list": path.name.split("__")[1] if "__" in path.name else path.name,
        "size": path.stat().st_size,
        "papers": len(result.entries),
        "with_ids": result.with_ids,
        "arxiv_truth": len(t.ids),
        "arxiv_found": len(found),
        "recall": len(found & t.ids) / len(t.ids) if t.ids else None,
        "precision": len(found & t.ids) / len(found) if found else None,
        "titled": sum(1 for e in result.entries if e.title),
        "named": sum(1 for e in result.entries if e.name),
        "titles_checked": len(t.titles) if t.checked else 0,
        "titles_right": right if t.checked else None,
        "names_checked": len(t.names),
        "names_right": names_right,
        "meta": {field: [meta_right[field], len(pairs)] for field, pairs in meta.items()},
        "warnings": len(result.warnings),
        "warning_texts": [str(w) for w in result.warnings[:5]],
        "time_s": statistics.median(times),
        "cpu_s": statistics.median(cpu),
        "first_peak_x": first_peak / path.stat().st_size,
        "peak_x": peak / path.stat().st_size,
        "kept_x": kept / path.stat().st_size,
        "wrong": wrong[:8],
        "others": [sum(others_ok), len(others_ok)],
        "others_by_kind": kinds,
        "others_outside": outside,
        "others_wrong": [
            (o.first, o.kind, found[:2], o.title) for (o, found), ok in zip(found_others, others_ok) if not ok
        ][:8],
    }


def _ratio(right_total: list[int]) -> str:
    right, total = right_total
    return f"{right}/{total} = {right / total:.3f}" if total else "—"


def _fmt(x: float | None, spec: str = ".3f") -> str:
    return "—" if x is None else format(x, spec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--smoke", action="store_true", help="one run per list, first three lists")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--show-wrong", action="store_true", help="print a few wrong titles per list")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return
    if not args.dir.is_dir():
        print(f"no real lists at {args.dir}: nothing to measure")
        return
    files = sorted(p for p in args.dir.iterdir() if p.is_file() and p.name != "SOURCES.md")
    repeat = args.repeat
    if args.smoke:
        files, repeat = files[:3], 1
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    rows = []
    for path in files:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path), "--repeat", str(repeat)],
            capture_output=True, text=True, check=True,
        )
        rows.append(json.loads(out.stdout))
    print()
    print("| list | KB | papers | with ids | arXiv recall | arXiv precision | titles right | non-arXiv titles right | names | warnings | time (s) | CPU (s) | peak memory, first read (× size) | peak memory, read again (× size) | of which the papers returned (× size) |")
    print("|" + "---|" * 15)
    for r in rows:
        titles = (
            f"{r['titles_right']}/{r['titles_checked']} = {r['titles_right'] / r['titles_checked']:.3f}"
            if r["titles_checked"] else "— (writes no titles)"
        )
        names = f"{r['named']}" + (f" ({r['names_right']}/{r['names_checked']} as the list)" if r["names_checked"] else "")
        print(
            f"| {r['list']} | {r['size'] // 1000:,} | {r['papers']:,} | {r['with_ids']:,} | {_fmt(r['recall'], '.4f')} "
            f"| {_fmt(r['precision'], '.4f')} | {titles} | {_ratio(r['others'])} | {names} | {r['warnings']} | {r['time_s']:.2f} "
            f"| {r['cpu_s']:.2f} | {r['first_peak_x']:.2f} | {r['peak_x']:.2f} | {r['kept_x']:.2f} |"
        )
    print()
    print("Authors, years and venues, against what each list writes beside the id (lists that write them; any of a")
    print("paper's entries when it is listed twice):")
    print()
    print("| list | authors right | years right | venues right |")
    print("|---|---|---|---|")
    for r in rows:
        if any(total for _, total in r["meta"].values()):
            print(f"| {r['list']} | {_ratio(r['meta']['authors'])} | {_ratio(r['meta']['year'])} | {_ratio(r['meta']['venue'])} |")
    print()
    print("Papers cited without an arXiv id, by the kind of link the list gives them (right/checked; keyed by the")
    print("lines of their entry: right when a paper read there carries the title the entry writes), and the papers")
    print("read without an arXiv id at none of those lines (invented, or in a layout the checker does not know):")
    print()
    kinds = ("doi", "venue", "pdf", "page", "none")
    print("| list | " + " | ".join(kinds) + " | read elsewhere |")
    print("|---|" + "---|" * (len(kinds) + 1))
    for r in rows:
        if r["others"][1]:
            by = r["others_by_kind"]
            print(f"| {r['list']} | " + " | ".join(
                f"{by[k][0]}/{by[k][1]}" if k in by else "—" for k in kinds) + f" | {r['others_outside']} |")
    if args.show_wrong:
        for r in rows:
            if r["wrong"] or r["warning_texts"] or r["others_wrong"]:
                print(f"\n{r['list']}:")
                for w in r["warning_texts"]:
                    print("  warning:", w)
                for a, got, want in r["wrong"]:
                    print(f"  {a}: got {got!r}, list writes {want!r}")
                for line, kind, got, want in r["others_wrong"]:
                    print(f"  line {line} ({kind} link): got {got!r}, list writes {want!r}")


if __name__ == "__main__":
    main()
