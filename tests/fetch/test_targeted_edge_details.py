"""Targeted edge details: only the reference lists of the papers a caller names are paged (issue 16)."""

from __future__ import annotations

from click.testing import CliRunner

from citegraph.cli import main
from citegraph.fetch.cache import Cache
from citegraph.fetch.pipeline import build_from_entries
from citegraph.fetch.s2 import S2Client
from citegraph.lists.entry import Entry
from tests.fakes.s2 import FakeS2, World


def world_of_three() -> World:
    world = World()
    for k, (arxiv, title) in enumerate([("2503.20314", "Wan: Open Video Models"),
                                        ("2509.24979", "Wan-Alpha: Videos with Alpha"),
                                        ("2509.00001", "Other: A Study")]):
        world.add_paper({"paperId": f"{k:040x}", "externalIds": {"ArXiv": arxiv}, "title": title, "year": 2025,
                         "tldr": {"model": "tldr@v2.0.0", "text": f"{title.split(':')[0]} in one line."}})
    world.add_reference(f"{1:040x}", f"{0:040x}", intents=["methodology"], contexts=["We fine-tune Wan [41]."])
    world.add_reference(f"{2:040x}", f"{0:040x}", intents=["background"], contexts=["Wan [3] is a video model."])
    return world.finish()


ENTRIES = [Entry(arxiv="2503.20314"), Entry(arxiv="2509.24979"), Entry(arxiv="2509.00001")]


def run(server: FakeS2, path, **kwargs):
    client = S2Client(server.url, "k", min_interval=0.0, sleep=lambda s: None)
    with Cache(path) as cache:
        return build_from_entries(ENTRIES, client=client, cache=cache, **kwargs)


def test_only_the_named_papers_lists_are_paged_and_the_stats_say_why(tmp_path):
    with FakeS2(world_of_three()) as server:
        result = run(server, tmp_path / "c.sqlite", edge_details=None,
                     detail_candidates=lambda G: {f"{1:040x}": "name relation"})
        assert server.count("references") == 1
    assert result.stats["edge_details"] == {"papers": 1, "requests": 1, "why": {"name relation": 1}}
    G = result.graph
    assert G.edges[f"{1:040x}", f"{0:040x}"]["contexts"] == ["We fine-tune Wan [41]."]
    assert not G.edges[f"{2:040x}", f"{0:040x}"].get("contexts")  # not a candidate: no request, no contexts
    assert G.nodes[f"{1:040x}"]["tldr"] == "Wan-Alpha in one line."
    assert "edge details: 1 request for 1 paper with a lineage candidate (name relation 1)" in result.summary_line()


def test_without_targeting_nothing_more_is_asked(tmp_path):
    with FakeS2(world_of_three()) as server:
        result = run(server, tmp_path / "c.sqlite", edge_details=False,
                     detail_candidates=lambda G: {f"{1:040x}": "name relation"})
        assert server.count("references") == 0 and "edge_details" not in result.stats


def test_the_build_command_targets_by_default_and_no_edge_details_asks_nothing(tmp_path):
    listed = tmp_path / "list.md"
    listed.write_text("".join(f"- arXiv:{e.arxiv}\n" for e in ENTRIES), encoding="utf-8")
    runner = CliRunner()
    with FakeS2(world_of_three()) as server:
        common = ["build", str(listed), "--api-url", server.url, "--min-interval", "0", "--quiet"]
        out = runner.invoke(main, [*common, "-o", str(tmp_path / "a.json"), "--cache", str(tmp_path / "a.sqlite")])
        assert out.exit_code == 0, out.output
        assert server.count("references") == 1  # Wan-Alpha cites Wan: a name relation
        assert "edge details: 1 request for 1 paper" in out.stderr
        server.reset_log()
        out = runner.invoke(main, [*common, "--no-edge-details", "-o", str(tmp_path / "b.json"),
                                   "--cache", str(tmp_path / "b.sqlite")])
        assert out.exit_code == 0, out.output
        assert server.count("references") == 0


def test_the_fake_serves_contexts_and_tldrs_in_the_recorded_shapes(recorded_dir):
    import json
    import urllib.request

    recorded = json.loads((recorded_dir / "Citation.json").read_text(encoding="utf-8"))
    with FakeS2(world_of_three()) as server:
        fields = "contexts,intents,contextsWithIntent,isInfluential,title"
        with urllib.request.urlopen(f"{server.url}/paper/{0:040x}/citations?fields={fields}") as answer:
            edge = json.loads(answer.read())["data"][0]
        with urllib.request.urlopen(f"{server.url}/paper/{1:040x}?fields=title,tldr") as answer:
            paper = json.loads(answer.read())
    assert set(edge) == set(recorded)  # contexts, isInfluential, intents, contextsWithIntent, citingPaper
    for key in ("contexts", "intents", "contextsWithIntent"):
        assert isinstance(edge[key], list) and isinstance(recorded[key], list)
    assert set(edge["contextsWithIntent"][0]) == set(recorded["contextsWithIntent"][0]) == {"context", "intents"}
    assert paper["tldr"] == {"model": "tldr@v2.0.0", "text": "Wan-Alpha in one line."}
