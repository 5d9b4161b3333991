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
from tests.fakes.s2 import Fault, World

from citegraph.cli import main
from citegraph.lists.reader import read_lists
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


# ------------------------------------------------------------ progress bars

class _Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_is_shown_on_a_terminal_only_and_never_with_quiet():
    from citegraph.fetch.pipeline import show_progress

    assert show_progress(False, _Stream(True)) is True
    assert show_progress(False, _Stream(False)) is False
    assert show_progress(True, _Stream(True)) is False
    assert show_progress(False, object()) is False  # a stream without isatty is no terminal


BAR_MARKS = ("\r", "%|", "█", "paper/s", "papers:")


def test_build_draws_bars_on_a_terminal_and_none_with_quiet(listed, tmp_path, monkeypatch):
    import citegraph.fetch.pipeline as pipeline

    path, server = listed
    monkeypatch.setattr(pipeline, "_isatty", lambda stream: True)  # stderr "is" a terminal
    common = [path, "--api-url", server.url, "--min-interval", "0"]
    shown = invoke([*common, "-o", tmp_path / "a.json", "--cache", tmp_path / "a.sqlite"])
    quiet = invoke([*common, "-o", tmp_path / "b.json", "--cache", tmp_path / "b.sqlite", "--quiet"])
    assert shown.exit_code == 0 and quiet.exit_code == 0, quiet.output
    assert "papers:" in shown.stderr and "\r" in shown.stderr
    assert not [m for m in BAR_MARKS if m in quiet.stderr], quiet.stderr
    assert len(quiet.stderr.splitlines()) == 1 and quiet.stderr.startswith("resolved 11/12, ")


# ------------------------------------------------------------ offline, caps

def test_offline_names_what_the_cache_lacks_on_stderr_and_in_the_csv(listed, tmp_path):
    path, server = listed
    cache = tmp_path / "c.sqlite"
    first = invoke([path, "-o", tmp_path / "a.json", "--api-url", server.url, "--cache", cache,
                    "--min-interval", "0", "--depth", "0"])  # records only, no reference lists
    assert first.exit_code == 0, first.output
    server.reset_log()
    result = invoke([path, "-o", tmp_path / "g.json", "--offline", "--quiet", "--cache", cache])
    assert result.exit_code == 0, result.output
    assert server.count() == 0
    csv_path = tmp_path / "g.unresolved.csv"
    lines = result.stderr.splitlines()
    assert lines[0] == (f"offline: 11 items not in the cache (run without --offline to fetch them; "
                        f"all listed in {csv_path}):")
    G = load_graph(tmp_path / "g.json")
    named = lines[1:11]
    for line in named:
        pid = line.split("(")[-1].split(")")[0]
        assert line == f'  references of "{G.nodes[pid]["title"]}" ({pid}): none cached'
    assert lines[11] == "  … and 1 more"
    assert lines[-1].endswith(f"1 unresolved (see {csv_path}); offline: 11 items missing from the cache")
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "entry,title,source,reason" and len(rows) == 1 + 1 + 11
    assert rows[1].startswith("arxiv:2401.00003,")  # the id the API does not know, cached as such
    listed_keys = {e.key for e in read_lists([path]).entries}
    for row in rows[2:]:
        entry, title, source, reason = row.split(",")
        assert entry in listed_keys and title.startswith("Model ") and source.startswith(str(path))
        assert reason == "references not in the cache (offline): none cached"


def test_a_capped_list_is_named_by_title_and_id(tmp_path, make_fake_s2):
    path = tmp_path / "list.md"
    write_list(path, 6)
    world = World.from_entries(read_lists([path]).entries, seed=3, long_fraction=0.0)
    pid = world.resolve("ARXIV:2401.00002")
    world.add_citers(pid, 30)
    server = make_fake_s2(world.finish())
    result = invoke([path, "-o", tmp_path / "g.json", "--api-url", server.url, "--cache", tmp_path / "c.sqlite",
                     "--min-interval", "0", "--quiet", "--citations", "--citation-cap", "10"])
    assert result.exit_code == 0, result.output
    total = world.papers[pid]["citationCount"]
    assert (f'capped: citations of "Model 2: A method for things" ({pid}): 10 of {total} fetched '
            "(--citation-cap 10)") in result.stderr.splitlines()
