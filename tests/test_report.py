"""The main job: ``citegraph report`` against the fake API, and the offline ``demo``."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fake_s2 import World

from citegraph.cli import main
from citegraph.fetch.lists import read_lists
from citegraph.graph.model import has_kind, load_graph
from citegraph.reporting import OUTPUT_FILES, example_list_path


def names_of(links):
    return {(link["parent"]["name"], link["child"]["name"]) for link in links}


def test_demo_builds_a_meaningful_graph_offline(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    assert "Citations were not fetched" in result.output
    assert "citegraph report LIST... --out DIR" in result.output
    links = json.loads((out / "lineage.json").read_text(encoding="utf-8"))
    assert {("Chameleon", "Anole"), ("Janus", "JanusFlow"), ("Janus", "Janus-Pro")} <= names_of(links)
    G = load_graph(out / "graph.json")
    entries = read_lists([example_list_path()]).entries
    assert G.number_of_nodes() == len(entries)
    assert not any(has_kind(d, "cites") for _, _, d in G.edges(data=True))  # nothing was fetched
    builds_on = sum(has_kind(d, "builds_on") for _, _, d in G.edges(data=True))
    assert builds_on == len(links)
    rankings = (out / "rankings.csv").read_text(encoding="utf-8").splitlines()
    assert rankings[0].startswith("id,arxiv,title,name,year,pagerank")
    assert len(rankings) == 1 + len(entries)
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?://", html)


@pytest.fixture
def example_world(make_fake_s2):
    entries = read_lists([example_list_path()]).entries
    world = World.from_entries(entries, seed=3, missing_ids=[f"ARXIV:{entries[5].arxiv}"])
    return entries, make_fake_s2(world)


def test_report_fetches_writes_everything_and_reruns_from_the_cache(example_world, tmp_path):
    entries, server = example_world
    cache = tmp_path / "cache.sqlite"
    args = ["report", str(example_list_path()), "--cache", str(cache), "--api-url", server.url,
            "--min-interval", "0", "--quiet"]
    first = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    assert f"resolved {len(entries) - 1}/{len(entries)}, {server.count()} requests, 0 from cache, 1 unresolved" in first.output
    out = tmp_path / "a"
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    unresolved = (out / "unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert unresolved[0] == "entry,title,source,reason" and len(unresolved) == 2
    assert unresolved[1].startswith(entries[5].key)
    G = load_graph(out / "graph.json")
    assert any(has_kind(d, "cites") for _, _, d in G.edges(data=True))
    assert sum(bool(d.get("listed")) for _, d in G.nodes(data=True)) == len(entries)

    server.reset_log()
    warm = CliRunner().invoke(main, [*args, "--offline", "--out", str(tmp_path / "b")])
    assert warm.exit_code == 0, warm.output
    assert server.count() == 0
    assert "0 requests" in warm.output
    a = json.loads((out / "lineage.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / "lineage.json").read_text(encoding="utf-8"))
    assert a == b

    # a plain re-run (network allowed) asks for nothing it already has, the
    # id Semantic Scholar did not know included
    again = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "c")])
    assert again.exit_code == 0, again.output
    assert server.count() == 0, server.log()
    assert json.loads((tmp_path / "c" / "lineage.json").read_text(encoding="utf-8")) == a
