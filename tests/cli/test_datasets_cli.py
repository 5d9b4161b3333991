"""``citegraph datasets import|top-cited|neighbourhood`` and ``build --source datasets:DIR``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytest.importorskip("duckdb", reason="the datasets extra (duckdb, pyarrow) is not installed")

from tests.fakes.bulk import write_shards
from tests.fakes.s2 import World, sample_entries

from citegraph.cli import main
from citegraph.graph.model import load_graph


@pytest.fixture
def shards(tmp_path):
    entries = sample_entries(6, titles_only=1, seed=2)
    world = World.from_entries(entries, seed=2)
    listing = tmp_path / "list.md"
    listing.write_text("\n".join(
        f"- [{e.title}](https://arxiv.org/abs/{e.arxiv})" for e in entries if e.arxiv) + "\n")
    return world, write_shards(world, tmp_path / "shards"), listing


def test_import_then_build_from_the_store_sends_no_request(shards, tmp_path):
    world, paths, listing = shards
    store = tmp_path / "store"
    runner = CliRunner()
    first = runner.invoke(main, ["datasets", "import", *map(str, paths), "--store", str(store), "--quiet"])
    assert first.exit_code == 0, first.output
    assert f"{len(paths)} shards imported" in first.output
    again = runner.invoke(main, ["datasets", "import", *map(str, paths), "--store", str(store)])
    assert f"0 shards imported (no rows), {len(paths)} already done" in again.output
    out = tmp_path / "graph.json"
    built = runner.invoke(main, ["build", str(listing), "-o", str(out), "--source", f"datasets:{store}",
                                 "--cache", str(tmp_path / "c.sqlite"), "--api-url", "http://127.0.0.1:9"])
    assert built.exit_code == 0, built.output
    assert "resolved 5/5, 0 requests" in built.output
    G = load_graph(out)
    assert sum(1 for _, _, d in G.edges(data=True) if d.get("contexts")) > 0


def test_top_cited_and_neighbourhood_commands(shards, tmp_path):
    world, paths, listing = shards
    store = tmp_path / "store"
    runner = CliRunner()
    runner.invoke(main, ["datasets", "import", *map(str, paths), "--store", str(store)])
    top = runner.invoke(main, ["datasets", "top-cited", "--store", str(store), "--top", "2", "--format", "json"])
    rows = json.loads(top.output)
    counts = world.citations_index()
    assert [r["citations"] for r in rows] == sorted((len(v) for v in counts.values()), reverse=True)[:2]
    out = tmp_path / "hood.json"
    hood = runner.invoke(main, ["datasets", "neighbourhood", str(listing), "--store", str(store),
                                "--hops", "1", "-o", str(out)])
    assert hood.exit_code == 0, hood.output
    G = load_graph(out)
    listed = [n for n, d in G.nodes(data=True) if d.get("listed")]
    assert len(listed) == 5 and G.graph["neighbourhood"]["hops"] == 1
    for pid in listed:  # every reference and citer of a listed paper is in
        assert {r["paperId"] for r in world.references[pid] if r["paperId"]} <= set(G.successors(pid))
        assert {c["paperId"] for c in counts.get(pid, [])} <= set(G.predecessors(pid))


def test_a_missing_store_is_one_error_line(tmp_path):
    result = CliRunner().invoke(main, ["datasets", "top-cited", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert "not a datasets store" in result.output and "Traceback" not in result.output
