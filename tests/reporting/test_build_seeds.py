"""The fetch issue's "done when": ``citegraph build`` on the user's five seed
lists against the fake Semantic Scholar builds every resolvable listed paper
with its references, sends the key on every request, and re-runs from the
cache with no request at all."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.lists.reader import read_lists
from citegraph.graph.model import has_kind, load_graph, save_graph
from tests.fakes.s2 import World

KEY = "seed-test-key-7f3a"


@pytest.fixture(scope="module")
def seed_world(seed_files):
    entries = read_lists(seed_files).entries
    missing = next(e for e in entries if e.arxiv)
    title_only = next(e for e in entries if e.title and e.s2_query_id is None)
    world = World.from_entries(entries, seed=0, missing_ids=[f"ARXIV:{missing.arxiv}"],
                               unmatched_titles=[title_only.title])
    return entries, world, {missing.key, title_only.key}


def test_build_of_the_seed_lists_against_the_fake_api(seed_world, seed_files, make_fake_s2, tmp_path):
    entries, world, unfound = seed_world
    server = make_fake_s2(world)
    out, cache = tmp_path / "g.json", tmp_path / "cache.sqlite"
    args = ["build", *map(str, seed_files), "-o", str(out), "--api-url", server.url,
            "--cache", str(cache), "--min-interval", "0", "--quiet"]
    result = CliRunner().invoke(main, args, env={"S2_API_KEY": KEY})
    assert result.exit_code == 0, result.output
    assert f"resolved {len(entries) - 2}/{len(entries)}" in result.output

    # the key goes out on every request, batch, match and paged lists alike
    assert server.log and all(r.headers.get("x-api-key") == KEY for r in server.log)
    assert {r.endpoint for r in server.log} >= {"batch", "match", "references"}

    G = load_graph(out)
    listed = [n for n, d in G.nodes(data=True) if d.get("listed")]
    assert len(listed) == len(entries)
    fetched = [n for n in listed if n in world.papers]
    assert len(fetched) == len(entries) - 2
    for n in fetched:  # every reference the API knows, none invented
        expected = {r["paperId"] for r in world.references[n] if r["paperId"] and r["paperId"] != n}
        got = {v for v in G.successors(n) if has_kind(G.edges[n, v], "cites")}
        assert got == expected, G.nodes[n].get("title")

    # the two entries the API does not know are listed with why, nothing else
    rows = (tmp_path / "g.unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "entry,title,source,reason"
    assert {row.split(",", 1)[0] for row in rows[1:]} == unfound
    assert KEY not in out.read_text(encoding="utf-8") and KEY.encode() not in cache.read_bytes()

    server.reset_log()
    again = CliRunner().invoke(main, args, env={"S2_API_KEY": KEY})
    assert again.exit_code == 0, again.output
    assert server.count() == 0
    assert load_graph(out).number_of_edges() == G.number_of_edges()


@pytest.fixture(scope="module")
def seed_graph_file(seed_world, seed_files, tmp_path_factory):
    """The seed lists built against the fake API once for this module's checks of the built graph."""
    from tests.fakes.s2 import FakeS2

    _, world, _ = seed_world
    out = tmp_path_factory.mktemp("seed") / "g.json"
    with FakeS2(world) as server:
        built = CliRunner().invoke(main, ["build", *map(str, seed_files), "-o", str(out), "--api-url", server.url,
                                          "--cache", str(out.with_suffix(".sqlite")), "--min-interval", "0", "--quiet"])
    assert built.exit_code == 0, built.output
    return out


def test_default_rank_of_the_seed_graph_owes_nothing_to_mentions(seed_graph_file, tmp_path):
    import json

    G = load_graph(seed_graph_file)
    assert any(has_kind(d, "mentions") and not has_kind(d, "cites") for _, _, d in G.edges(data=True))
    ranked = CliRunner().invoke(main, ["rank", str(seed_graph_file), "--top", "10", "--format", "json"])
    top = json.loads(ranked.output)
    # every top paper is cited in the graph ...
    for row in top:
        assert any(has_kind(G.edges[u, row["id"]], "cites") for u in G.predecessors(row["id"])), row["name"]
    # ... and the ranking is the same without the notes' mentions at all
    G.remove_edges_from([(u, v) for u, v, d in G.edges(data=True) if not has_kind(d, "cites")])
    bare = tmp_path / "citations-only.json"
    save_graph(G, bare)
    again = json.loads(CliRunner().invoke(main, ["rank", str(bare), "--top", "10", "--format", "json"]).output)
    assert [r["id"] for r in again] == [r["id"] for r in top]
    assert [r["pagerank"] for r in again] == [r["pagerank"] for r in top]
    mentioned = json.loads(CliRunner().invoke(main, ["rank", str(seed_graph_file), "--format", "json"]).output)
    assert sum(r["mentioned_by"] for r in mentioned) > 0  # the notes still count, in their own column


@pytest.mark.parametrize("columns", [80, 120])
def test_audit_of_the_seed_graph_opens_with_a_short_summary(seed_graph_file, columns):
    result = CliRunner().invoke(main, ["audit", str(seed_graph_file)], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    summary = result.stdout.split("\n\n")[0].splitlines()
    assert summary[0].startswith("audit: ") and 2 <= len(summary) <= 10
    assert summary[-1].startswith("To list")
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    listed = CliRunner().invoke(main, ["audit", str(seed_graph_file), "--problem", "unresolved", "--top", "1"],
                                env={"COLUMNS": str(columns)})
    body = listed.stdout.split("\n\n", 1)[1]
    assert body.startswith("unresolved: the first 1 of 2") and "unresolved_references" not in body
