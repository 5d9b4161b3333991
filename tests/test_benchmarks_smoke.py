"""The benchmark scripts still run (tiny sizes, ``--smoke``), and their helpers are right.

Only that they run and print their tables is checked: timings are never
asserted.  The helpers the figures rest on (the synthetic graph generator, the
reference implementations the libraries are compared with) are checked
against known answers.
"""

from __future__ import annotations

from tests.paths import ROOT

import doctest
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = ROOT / "benchmarks"


@pytest.fixture(scope="module")
def bench_modules():
    sys.path.insert(0, str(BENCH))
    try:
        import _reference
        import _synth

        yield _synth, _reference
    finally:
        sys.path.remove(str(BENCH))


def run_smoke(script: str, tmp_path: Path, timeout: float = 180) -> str:
    env = {**os.environ, "CITEGRAPH_BENCH_DATA": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), "--smoke"],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, f"{script} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stdout
    return proc.stdout


# ------------------------------------------------------------------ helpers


def test_helper_doctests(bench_modules):
    for module in bench_modules:
        failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert tried > 0 and failed == 0, module.__name__


def test_price_dag_is_a_citation_dag(bench_modules):
    import numpy as np

    synth, _ = bench_modules
    src, dst, years = synth.price_dag(5000, m=10, seed=3)
    assert (src > dst).all()  # cites only older papers: acyclic, index order is topological
    assert (np.diff(years) >= 0).all() and years[0] == 1950 and years[-1] == 2025
    refs = np.bincount(src, minlength=5000)
    assert refs.max() <= 10 and refs[100:].min() >= 5  # distinct references, ~m each
    assert len(np.unique(src.astype(np.int64) * 5000 + dst)) == len(src)  # no repeated edge
    # preferential attachment: a few papers gather far more citations than uniform picks give
    cites = np.bincount(dst, minlength=5000)
    assert cites.max() > 20 * cites.mean()


def test_reference_spc_matches_networkx_loop(bench_modules):
    import numpy as np

    synth, ref = bench_modules
    src, dst, _ = synth.price_dag(400, m=4, seed=1)
    A = ref.csr_from_edges(src, dst, 400)
    w, path = ref.scipy_spc(A, A.T.tocsr())
    w_nx, path_nx = ref.nx_spc(ref.nx_build(src, dst, 400))
    rows = np.repeat(np.arange(400), np.diff(A.indptr))
    assert np.allclose(w, [w_nx[int(u), int(v)] for u, v in zip(rows, A.indices)])
    assert path == path_nx and len(path) > 2


def test_reference_modularity_matches_networkx(bench_modules):
    import networkx as nx
    import numpy as np

    synth, ref = bench_modules
    src, dst, _ = synth.price_dag(300, m=3, seed=2)
    labels = np.arange(300) % 4
    G = nx.Graph(list(zip(src.tolist(), dst.tolist())))
    parts = [{i for i in G if labels[i] == c} for c in range(4)]
    assert ref.modularity(src, dst, labels) == pytest.approx(nx.community.modularity(G, parts))


# ------------------------------------------------------------------ scripts


def test_bench_analysis_smoke(tmp_path):
    out = run_smoke("bench_analysis.py", tmp_path)
    assert "| step" in out and "citegraph / fastest peer" in out and "networkx / citegraph" in out
    assert "**peak memory**" in out and "PageRank L1 vs igraph" in out


def test_bench_analysis_one_shot(tmp_path):
    # The whole analysis once in a fresh process: every step reported, with the process's peak memory.
    env = {**os.environ, "CITEGRAPH_BENCH_DATA": str(tmp_path / "data"), "BENCH_QUERIES": "20"}
    proc = subprocess.run([sys.executable, str(BENCH / "bench_analysis.py"), "--one-shot", "--sizes", "500"],
                          capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "one shot" in proc.stdout and "failed" not in proc.stdout
    for row in ("load_arrays", "pagerank", "hits", "citerank", "spc_main_path", "related", "communities",
                "**sum of steps**", "**peak RSS**"):
        assert f"| {row}" in proc.stdout


def test_bench_communities_smoke(tmp_path):
    out = run_smoke("bench_communities.py", tmp_path)
    for variant in ("coo", "csr_refine", "networkit"):
        assert f"| {variant}" in out
    assert "modularity (median)" in out


def test_bench_bulk_smoke(tmp_path):
    for mod in ("duckdb", "pyarrow"):
        if importlib.util.find_spec(mod) is None:
            pytest.skip(f"{mod} is not installed (pip install -e '.[bench]')")
    out = run_smoke("bench_bulk.py", tmp_path)
    assert "linear estimate at 2.4B citations" in out
    for step in ("convert", "top_cited", "cited_by", "subgraph", "counts"):
        assert f"| {step}" in out


def test_bench_datasets_smoke(tmp_path):
    for mod in ("duckdb", "pyarrow"):
        if importlib.util.find_spec(mod) is None:
            pytest.skip(f"{mod} is not installed (pip install -e '.[datasets]')")
    out = run_smoke("bench_datasets.py", tmp_path, timeout=400)
    assert "| import " in out and "| neighbourhood (1 hop)" in out


def test_bench_requests_smoke(seeds_dir, tmp_path):
    out = run_smoke("bench_requests.py", tmp_path)
    assert "| lower bound" in out and "| citegraph" in out and "| naive (client README)" in out


def test_bench_ratelimit_smoke(seeds_dir, tmp_path):
    out = run_smoke("bench_ratelimit.py", tmp_path)
    assert "longest 429 streak" in out and "| citegraph, complete nested lists" in out


def test_bench_pacing_smoke(seeds_dir, tmp_path):
    out = run_smoke("bench_pacing.py", tmp_path)
    assert "| AIMD (this rule)" in out and "median gap, last quarter" in out and "finishes in one run" in out


def test_bench_warm_smoke(seeds_dir, tmp_path):
    out = run_smoke("bench_warm.py", tmp_path)
    assert "| command" in out and "(warm)" in out


def test_bench_reallists_smoke(tmp_path):
    from tests.paths import SHARED

    if not (SHARED / "reallists").is_dir():
        pytest.skip(f"no real lists at {SHARED / 'reallists'}")
    out = run_smoke("bench_reallists.py", tmp_path)
    assert "| list | KB | papers" in out and "titles right" in out


def test_bench_longline_smoke(tmp_path):
    out = run_smoke("bench_longline.py", tmp_path)
    assert "| layout | tree |" in out and "| titled links, one line | this tree |" in out and "| 300 |" in out


def test_bench_readtime_smoke(tmp_path):
    out = run_smoke("bench_readtime.py", tmp_path)
    assert "| list | this tree |" in out and "| a file of ids |" in out and "| titled links, a line each |" in out


def test_bench_layouts_smoke(tmp_path):
    out = run_smoke("bench_layouts.py", tmp_path, timeout=60)
    assert "| batch | layouts | titles right |" in out and "| 1 | 14 |" in out


def test_bench_fuzz_commands_smoke(tmp_path):
    out = run_smoke("bench_fuzz_commands.py", tmp_path)
    assert "| command " in out and "| input kind " in out and "Subprocesses (python -m citegraph)" in out
    assert ", 0 tracebacks, " in out


@pytest.mark.browser
def test_bench_html_smoke(tmp_path):
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("no chromium on PATH")
    out = run_smoke("bench_html.py", tmp_path)
    assert "usable in Chromium" in out and "file size" in out
