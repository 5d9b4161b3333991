"""The ten real lists of ``../shared/reallists`` (kept by other people), when present.

Per list it prints ids, papers with a title, with a name, warnings and read
time, and checks the titles against what each list itself writes for each
arXiv id: ``benchmarks/_list_truth.py`` extracts those with one regex per
list format, sharing no code with the reader.  Timings are printed, never
asserted (``benchmarks/bench_reallists.py`` measures them).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from citegraph.lists.reader import read_lists
from tests.paths import ROOT, SHARED

REAL = SHARED / "reallists"
FILES = sorted(p for p in REAL.iterdir() if p.is_file() and p.name != "SOURCES.md") if REAL.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"no real lists at {REAL}")
each_list = pytest.mark.parametrize("path", FILES, ids=[p.name.split("__")[1] for p in FILES])


@pytest.fixture(scope="module")
def list_truth():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import _list_truth

        yield _list_truth
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def truths(list_truth):
    """What each list writes (see ``benchmarks/_list_truth.py``), extracted once for every test."""
    return {path.name: list_truth.truth(path) for path in FILES}


@pytest.fixture(scope="module")
def readings():
    out = {}
    for path in FILES:
        t0 = time.perf_counter()
        out[path.name] = (read_lists([path]), time.perf_counter() - t0)
    return out


def test_all_ten_lists_read_in_one_run() -> None:
    result = read_lists(FILES)
    assert result.files == len(FILES) == 10
    assert not [w for w in result.warnings if "skipped" in w.message]


# Each list read twice in a process of its own, the second read measured: the test
# suite's own state is not the list's.  Measured in the suite's process after every
# other test, assurvey's read peaked at 3.8-3.9x, against 2.5x on its own: pylatexenc
# defines a class on each call, each is entered in the interpreter's table of
# object's subclasses, and with the suite's classes alive that table was rebuilt
# during the measured read (148 KB, at pylatexenc's "class PosPointer:"; 1,300
# classes alive reproduce it: 3.35x once, then 2.5x).  Patterns the other tests
# compiled, pushing the reader's out of the re module's cache, add 0.2x.
_MEASURE = """
import json, sys, tracemalloc
from pathlib import Path
from citegraph.lists.reader import read_lists
peaks = {}
for name in sys.argv[1:]:
    path = Path(name)
    read_lists([path])  # a first read also pays for what a process builds once
    tracemalloc.start()
    read_lists([path])
    peaks[path.name] = tracemalloc.get_traced_memory()[1] / path.stat().st_size
    tracemalloc.stop()
print(json.dumps(peaks))
"""


@pytest.fixture(scope="module")
def peaks() -> dict[str, float]:
    """The peak of Python's allocations while each list is read again, as a multiple of its size."""
    run = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, FILES)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(run.stdout)


@each_list
def test_a_list_is_read_within_three_times_its_size(path, peaks) -> None:
    """(``benchmarks/bench_reallists.py`` also measures a first read, in a fresh process.)"""
    print(f"{path.name}: peak {peaks[path.name]:.2f}x its size")
    assert peaks[path.name] <= 3.0, peaks[path.name]


@each_list
def test_titles_and_ids_are_what_the_list_writes(path, readings, truths, list_truth, capsys) -> None:
    result, seconds = readings[path.name]
    truth = truths[path.name]
    by_arxiv = {e.arxiv: e for e in result.entries if e.arxiv}
    found = set(by_arxiv)
    right = sum(
        1 for a, titles in truth.titles.items()
        if a in by_arxiv and any(list_truth.same_title(by_arxiv[a].title, w) for w in titles)
    )
    with capsys.disabled():
        print(
            f"\n{path.name.split('__')[1]}: {len(result.entries)} papers, {result.with_ids} with ids, "
            f"{sum(1 for e in result.entries if e.title)} with a title, {sum(1 for e in result.entries if e.name)} "
            f"with a name, {len(result.warnings)} warnings, titles right {right}/{len(truth.titles)}, {seconds:.2f} s"
        )
    assert len(truth.ids & found) >= 0.999 * len(truth.ids)  # arXiv recall
    assert found <= truth.ids  # precision 1.0: every arXiv id read is one the list names
    if truth.checked and truth.titles:
        assert right / len(truth.titles) >= 0.95


@each_list
def test_titles_of_papers_cited_by_doi_are_what_the_list_writes(path, readings, truths, list_truth) -> None:
    result, _ = readings[path.name]
    truth = truths[path.name]
    if not truth.doi_titles:
        pytest.skip("the list writes no rows citing one DOI each")
    by_doi = {e.doi: e for e in result.entries if e.doi}
    wrong = [
        (d, by_doi[d].title if d in by_doi else None)
        for d, titles in truth.doi_titles.items()
        if not (d in by_doi and any(list_truth.same_title(by_doi[d].title, w) for w in titles))
    ]
    # before, rows whose journal link reads like a title were titled by the journal: 51 of 103
    assert len(wrong) <= 0.05 * len(truth.doi_titles), wrong[:5]


@each_list
def test_papers_cited_without_an_arxiv_id_are_read_with_the_title_their_entry_writes(
    path, readings, truths, list_truth
) -> None:
    result, _ = readings[path.name]
    truth = truths[path.name]
    if not truth.others:
        pytest.skip("the list cites no paper without an arXiv id in its paper layout")
    found = list_truth.others_found(result.entries, truth)
    right = list_truth.others_right(found)
    wrong = [(o.first, o.kind, titles[:1], o.title) for (o, titles), ok in zip(found, right) if not ok]
    # before, papers linked by openreview/CVF/NeurIPS pages, PDFs or "Paper: None" were no papers at all:
    # GNNPapers 5/202, CVPR2021 1/119, Awesome-Diffusion-Models 2/10 titles right
    assert sum(right) >= 0.95 * len(right), wrong[:5]
    # and no paper without an arXiv id is read where the list cites none (0 on each list now)
    elsewhere = list_truth.others_outside(result.entries, truth)
    assert len(elsewhere) <= 0.02 * len(truth.others), [(e.sources[0], e.title) for e in elsewhere[:5]]


@each_list
def test_authors_years_and_venues_are_what_the_list_writes(path, readings, truths, list_truth) -> None:
    result, _ = readings[path.name]
    truth = truths[path.name]
    if not truth.meta:
        pytest.skip("the list writes no authors, years or venues beside its arXiv ids")
    by_arxiv = {e.arxiv: e for e in result.entries if e.arxiv}
    for field in ("authors", "year", "venue"):
        written = {a: m[field] for a, m in truth.meta.items() if field in m}
        right = sum(
            1 for a, values in written.items()
            if a in by_arxiv and any(list_truth.same_meta(getattr(by_arxiv[a], field), v) for v in values)
        )
        assert not written or right / len(written) >= 0.95, (field, right, len(written))
