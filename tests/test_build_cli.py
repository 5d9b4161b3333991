"""``citegraph build`` end to end against the fake server, including a run killed
with SIGKILL mid-fetch and resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import networkx as nx
import pytest
from click.testing import CliRunner
from fake_s2 import Fault, World

from citegraph.cli import main
from citegraph.fetch.lists import read_lists
from citegraph.graph.model import load_graph

KEY = "cli-key-5150"


def write_list(path, n: int, titles: int = 1) -> None:
    lines = ["# Unified models", "", "## Early fusion", ""]
    for i in range(n - titles):
        lines.append(f"- [Model {i}: A method for things](https://arxiv.org/abs/2401.{i:05d}v1)")
    for i in range(n - titles, n):
        lines.append(f"- **Model {i}: A method for things**")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def listed(tmp_path, make_fake_s2):
    """A list file of 12 papers (one by title only) and a fake server that knows 11 of them."""
    path = tmp_path / "list.md"
    write_list(path, 12)
    entries = read_lists([path]).entries
    world = World.from_entries(entries, seed=9, missing_ids=["ARXIV:2401.00003"], long_fraction=0.3,
                               long_length=60, nested_cap=40)
    return path, make_fake_s2(world)


def invoke(args, **env):
    return CliRunner().invoke(main, ["build", *map(str, args)], env={"S2_API_KEY": KEY, **env})


def graph_data(path) -> dict:
    data = nx.node_link_data(load_graph(path), edges="edges")
    data["graph"].pop("fetch")
    return json.loads(json.dumps(data, sort_keys=True))


def test_build_writes_the_graph_the_csv_and_the_summary(listed, tmp_path):
    path, server = listed
    out = tmp_path / "g.json"
    result = invoke([path, "-o", out, "--api-url", server.url, "--cache", tmp_path / "c.sqlite",
                     "--min-interval", "0", "--graphml", tmp_path / "g.graphml"])
    assert result.exit_code == 0, result.output
    assert len(result.stderr.strip().splitlines()) == 1  # stderr is no terminal: no progress bars
    assert result.stderr.strip().splitlines()[-1] == (
        f"resolved 11/12, {server.count()} requests, 0 from cache, 1 unresolved (see {tmp_path / 'g.unresolved.csv'})"
    )
    G = load_graph(out)
    assert sum(1 for _, d in G.nodes(data=True) if d.get("listed")) == 12
    assert G.graph["fetch"]["requests"] == server.count()
    assert (tmp_path / "g.graphml").stat().st_size > 0
    csv = (tmp_path / "g.unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "entry,title,source,reason"
    assert csv[1].startswith("arxiv:2401.00003,Model 3: A method for things,")
    assert {r.headers.get("x-api-key") for r in server.log} == {KEY}
    assert KEY not in result.output
    written = [out, tmp_path / "g.graphml", tmp_path / "g.unresolved.csv", *tmp_path.glob("c.sqlite*")]
    assert all(KEY.encode() not in f.read_bytes() for f in written)


def test_a_warm_rerun_and_offline_make_no_requests(listed, tmp_path):
    path, server = listed
    cache = tmp_path / "c.sqlite"
    assert invoke([path, "-o", tmp_path / "a.json", "--api-url", server.url, "--cache", cache,
                   "--min-interval", "0"]).exit_code == 0
    server.reset_log()
    warm = invoke([path, "-o", tmp_path / "b.json", "--api-url", server.url, "--cache", cache])
    offline = invoke([path, "-o", tmp_path / "c.json", "--offline", "--quiet"], CITEGRAPH_CACHE=str(cache))
    assert warm.exit_code == 0 and offline.exit_code == 0, offline.output
    assert server.count() == 0
    assert "0 requests, 11 from cache" in warm.stderr
    assert graph_data(tmp_path / "b.json") == graph_data(tmp_path / "a.json") == graph_data(tmp_path / "c.json")


def test_environment_variables_set_url_and_cache(listed, tmp_path):
    path, server = listed
    result = invoke([path, "-o", tmp_path / "g.json", "--min-interval", "0"],
                    CITEGRAPH_S2_URL=server.url, CITEGRAPH_CACHE=str(tmp_path / "env.sqlite"))
    assert result.exit_code == 0, result.output
    assert server.count() > 0 and (tmp_path / "env.sqlite").exists()


def test_a_refused_request_is_one_error_line_without_the_key(listed, tmp_path):
    path, server = listed
    server.inject("*", Fault.http(403))
    result = invoke([path, "-o", tmp_path / "g.json", "--api-url", server.url, "--cache", tmp_path / "c.sqlite",
                     "--min-interval", "0"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: Semantic Scholar refused")
    assert KEY not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "g.json").exists()


def test_offline_and_refresh_contradict(listed, tmp_path):
    path, _ = listed
    result = invoke([path, "-o", tmp_path / "g.json", "--offline", "--refresh"])
    assert result.exit_code == 2 and "contradict" in result.output


def test_offline_with_an_empty_cache_is_an_error(listed, tmp_path):
    path, _ = listed
    result = invoke([path, "-o", tmp_path / "g.json", "--offline", "--cache", tmp_path / "none.sqlite"])
    assert result.exit_code == 1
    assert "Error: --offline: the cache" in result.output


def test_a_run_killed_mid_fetch_resumes_to_the_undisturbed_graph(tmp_path, make_fake_s2):
    path = tmp_path / "list.md"
    write_list(path, 30, titles=2)
    entries = read_lists([path]).entries
    world = World.from_entries(entries, seed=11, long_fraction=0.5, long_length=60, nested_cap=40)
    server = make_fake_s2(world, latency=0.03)
    common = ["--api-url", server.url, "--min-interval", "0", "--quiet", "--citations"]

    clean = invoke([path, "-o", tmp_path / "clean.json", "--cache", tmp_path / "clean.sqlite", *common])
    assert clean.exit_code == 0, clean.output
    total = server.count()
    server.reset_log()

    cache = tmp_path / "c.sqlite"
    env = {**os.environ, "S2_API_KEY": KEY, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "citegraph.cli", "build", str(path), "-o", str(tmp_path / "killed.json"),
         "--cache", str(cache), *common],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while server.count() < total // 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read()!r}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = server.count()
    assert 0 < killed_at < total and not (tmp_path / "killed.json").exists()
    assert sqlite3.connect(cache).execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    server.reset_log()
    resumed = invoke([path, "-o", tmp_path / "resumed.json", "--cache", cache, *common])
    assert resumed.exit_code == 0, resumed.output
    assert graph_data(tmp_path / "resumed.json") == graph_data(tmp_path / "clean.json")
    # the resumed run asked only for what the killed one had not stored (at most the one in flight again)
    assert server.count() <= total - killed_at + 1
