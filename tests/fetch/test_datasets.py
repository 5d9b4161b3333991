"""The bulk datasets: shards → Parquet store (resumable, diffs), and ``--source datasets:DIR``
giving the graph the API gives for the same papers."""

from __future__ import annotations

import gzip
import json

import pytest

pytest.importorskip("duckdb", reason="the datasets extra (duckdb, pyarrow) is not installed")

from tests.fakes.bulk import paper_record, write_diff, write_shards
from tests.fakes.s2 import World, sample_entries

from citegraph.errors import InputError, UsageError
from citegraph.fetch import bulk
from citegraph.fetch.cache import Cache
from citegraph.fetch.datasets import DatasetsSource
from citegraph.fetch.pipeline import build_from_entries
from citegraph.fetch.s2 import S2Client
from citegraph.lists.entry import Entry


def world_and_entries(seed: int = 3):
    entries = sample_entries(10, titles_only=2, seed=seed)
    world = World.from_entries(entries, seed=seed, missing_ids=["ARXIV:2401.00004"], long_length=50)
    return world, entries


def node_view(G):
    return {n: dict(d) for n, d in G.nodes(data=True)}


def edge_view(G):
    return {(u, v): dict(d) for u, v, d in G.edges(data=True)}


@pytest.fixture
def store(tmp_path):
    world, entries = world_and_entries()
    shards = write_shards(world, tmp_path / "shards")
    bulk.import_shards(shards, tmp_path / "store", memory_limit="256MB")
    return world, entries, tmp_path / "store"


@pytest.mark.parametrize("citations", [False, True])
def test_the_store_gives_the_graph_the_api_gives_with_edge_details(make_fake_s2, store, tmp_path, citations):
    world, entries, path = store
    server = make_fake_s2(world)
    kwargs = dict(citations=citations, citation_cap=5000, depth=2, max_papers=40)
    client = S2Client(server.url, "k", min_interval=0.0, sleep=lambda s: None)
    with Cache(tmp_path / "api.sqlite") as cache:
        api = build_from_entries(entries, client=client, cache=cache, edge_details=True, **kwargs)
    source = DatasetsSource(path)
    with Cache(tmp_path / "local.sqlite") as cache:
        local = build_from_entries(entries, client=source, cache=cache, **kwargs)
    source.close()
    assert local.stats["requests"] == 0 and api.stats["requests"] > 0
    assert node_view(local.graph) == node_view(api.graph)
    assert edge_view(local.graph) == edge_view(api.graph)
    assert local.unresolved == api.unresolved and len(local.unresolved) == 1  # the missing arXiv id
    assert any(d.get("contexts") for d in edge_view(local.graph).values())
    assert any(d.get("intents") for d in edge_view(local.graph).values())
    assert any(d.get("abstract") for d in node_view(local.graph).values())


def test_title_only_entries_resolve_through_the_store_titles(store):
    world, entries, path = store
    source = DatasetsSource(path)
    title = entries[-1].title
    found = source.match_title(title.upper() + "!", ["paperId", "title"])
    assert found is not None and found["title"] == title
    assert source.match_title("A title no paper has", ["paperId"]) is None


def test_ids_resolve_through_externalids_in_input_order(store):
    world, entries, path = store
    source = DatasetsSource(path)
    pid = next(p for p, r in world.papers.items() if r["externalIds"].get("ArXiv") == "2401.00001")
    corpus = world.papers[pid]["corpusId"]
    got = source.paper_batch(["ARXIV:2401.00004", f"CorpusId:{corpus}", "ARXIV:2401.00001", pid.upper()],
                             ["paperId", "title", "externalIds"])
    assert got[0] is None
    assert [g["paperId"] for g in got[1:]] == [pid, pid, pid]
    assert got[1]["externalIds"] == {"ArXiv": "2401.00001", "CorpusId": corpus}


def test_a_citation_list_past_9999_pages_to_its_end(tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "c" * 40, "externalIds": {"ArXiv": "2405.09818"}, "title": "Popular"})
    world.add_citers(pid, 10_050)
    world.finish()
    bulk.import_shards(write_shards(world, tmp_path / "shards", abstracts=False), tmp_path / "store")
    source = DatasetsSource(tmp_path / "store")
    with Cache(tmp_path / "c.sqlite") as cache:
        result = build_from_entries([Entry(arxiv="2405.09818")], client=source, cache=cache,
                                    citations=True, citation_cap=20_000, depth=0)
    assert result.graph.in_degree(pid) == 10_050
    assert result.stats["capped"] == []


def test_an_import_resumes_and_a_done_shard_is_not_redone(tmp_path):
    world, _ = world_and_entries()
    shards = write_shards(world, tmp_path / "shards")
    first = bulk.import_shards(shards[:3], tmp_path / "store")
    parquet = sorted((tmp_path / "store").rglob("*.parquet"))
    stamps = {p: p.stat().st_mtime_ns for p in parquet}
    again = bulk.import_shards(shards, tmp_path / "store")
    assert first["imported"] == 3 and again == {**again, "imported": len(shards) - 3, "skipped": 3}
    assert all(p.stat().st_mtime_ns == stamps[p] for p in parquet)
    counts = json.loads((tmp_path / "store" / "store.json").read_text())["shards"]
    assert sum(v["rows"] for k, v in counts.items() if k.startswith("papers/")) == len(world.papers)


def test_a_diff_updates_and_deletes_rows_once(store, tmp_path):
    world, _, path = store
    first, second = list(world.papers)[:2]
    diff = write_diff(
        tmp_path / "diff", "papers", "2024-02-01",
        updates=[paper_record(world, first, title="A Renamed Paper")],
        deletes=[{"corpusid": world.papers[second]["corpusId"]}],
    )
    assert bulk.apply_diff(diff, path)["applied"] == 1
    assert bulk.apply_diff(diff, path) == {**bulk.apply_diff(diff, path), "applied": 0, "skipped": 1}
    source = DatasetsSource(path)
    got = source.paper_batch([first, second], ["paperId", "title"])
    assert got[0]["title"] == "A Renamed Paper" and got[1] is None
    assert source.match_title("a renamed paper", ["paperId"])["paperId"] == first


def test_top_cited_and_the_neighbourhood_count_every_citation(store):
    world, _, path = store
    counts = world.citations_index()
    top = bulk.top_cited(path, 3)
    best = max(counts, key=lambda p: len(counts[p]))
    assert top["citations"].iloc[0] == len(counts[best])
    assert list(top.columns) == ["paper_id", "corpus_id", "title", "year", "citations", "citation_count"]
    seed = world.papers[best]["corpusId"]
    ids, edges = bulk.neighbourhood_ids(path, [seed], 1)
    by_corpus = {r["corpusId"]: p for p, r in world.papers.items()}
    expected = {best} | {c["paperId"] for c in counts[best]} | {
        r["paperId"] for r in world.references[best] if r["paperId"]}
    assert {by_corpus[i] for i in ids} == expected
    assert set(edges["citing"]) <= ids and set(edges["cited"]) <= ids


def test_bad_shards_and_stores_are_named(tmp_path):
    bad = tmp_path / "papers-0.jsonl.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(InputError, match="papers-0.jsonl.gz"):
        bulk.import_shards([bad], tmp_path / "store")
    other = tmp_path / "other.jsonl.gz"
    with gzip.open(other, "wt") as fh:
        fh.write('{"authorid": "1", "name": "A"}\n')
    with pytest.raises(InputError, match=r"other.jsonl.gz:1: not a papers"):
        bulk.import_shards([other], tmp_path / "store")
    with pytest.raises(UsageError, match="not a datasets store"):
        DatasetsSource(tmp_path / "nowhere")
    with pytest.raises(UsageError, match="memory-limit"):
        bulk.connect(memory_limit="lots")


def test_a_citations_diff_replaces_and_removes_pairs(store, tmp_path):
    world, _, path = store
    citing = next(p for p, refs in world.references.items() if sum(1 for r in refs if r["paperId"]) >= 2)
    first, second = [r["paperId"] for r in world.references[citing] if r["paperId"]][:2]
    corpus = {p: str(world.papers[p]["corpusId"]) for p in (citing, first, second)}
    diff = write_diff(
        tmp_path / "diff", "citations", "2024-03-01",
        updates=[{"citingcorpusid": corpus[citing], "citedcorpusid": corpus[first], "isinfluential": True,
                  "contexts": ["a new context"], "intents": ["result"]}],
        deletes=[{"citingcorpusid": corpus[citing], "citedcorpusid": corpus[second]}],
    )
    bulk.apply_diff(diff, path)
    source = DatasetsSource(path)
    items = {i["citedPaper"]["paperId"]: i for i in source.list_page(citing, "references", offset=0).items}
    assert second not in items
    assert items[first]["contexts"] == ["a new context"] and items[first]["intents"] == ["result"]
    assert len([p for p in items if p == first]) == 1


def test_search_finds_titles_with_every_word(store):
    world, entries, path = store
    source = DatasetsSource(path)
    found = source.search("pool things", ["paperId", "title"], limit=5)
    assert len(found) == 5 and all("Pool paper" in r["title"] for r in found)
    assert source.search("no such words anywhere", ["paperId"]) == []
