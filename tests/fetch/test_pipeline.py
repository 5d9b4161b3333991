"""Building the graph from entries against the fake server: request counts, the
cache (warm re-runs, resume, offline, refresh), depth, citations and caps."""

from __future__ import annotations

import dataclasses
import json
import math

import networkx as nx
import pytest
from tests.fakes.s2 import FakeS2, Fault, Recorded, World, load_cassette, sample_entries

from citegraph.errors import OfflineError, RetriesExhaustedError
from citegraph.fetch.cache import Cache
from citegraph.lists.entry import Entry
from citegraph.fetch.pipeline import build_from_entries, entry_alias
from citegraph.fetch.s2 import S2Client

KEY = "pipeline-key-77"


def client_for(server: FakeS2, **kwargs) -> S2Client:
    kwargs.setdefault("min_interval", 0.0)
    kwargs.setdefault("sleep", lambda s: None)
    return S2Client(server.url, KEY, **kwargs)


def run(server: FakeS2 | None, entries, cache_path, **kwargs):
    client = client_for(server, max_retries=kwargs.pop("max_retries", 3)) if server else None
    with Cache(cache_path) as cache:
        return build_from_entries(entries, client=client, cache=cache, **kwargs)


def graph_data(G: nx.DiGraph) -> dict:
    """The graph without the run's own request statistics."""
    data = nx.node_link_data(G, edges="edges")
    data["graph"] = {k: v for k, v in data["graph"].items() if k != "fetch"}
    return json.loads(json.dumps(data, sort_keys=True))


def listed_pid(server: FakeS2, arxiv: str) -> str:
    return server.world.resolve(f"ARXIV:{arxiv}")


@pytest.fixture
def rich(make_fake_s2):
    """Entries and a server: title-only entries, a missing id, long lists, unresolved refs."""
    entries = sample_entries(20, titles_only=3)
    world = World.from_entries(
        entries, seed=5, missing_ids=["ARXIV:2401.00004"], long_fraction=0.25, long_length=70, nested_cap=40
    )
    return entries, make_fake_s2(world)


# ------------------------------------------------------------- request counts


@pytest.mark.parametrize("n", [7, 500, 501, 1201])
def test_n_listed_ids_take_ceil_n_over_500_batch_calls_and_nothing_else(make_fake_s2, tmp_path, n):
    entries = [Entry(arxiv=f"2401.{i:05d}", title=f"Model {i}") for i in range(n)]
    world = World.from_entries(entries, seed=1, refs_per_paper=3, pool_size=100, long_fraction=0.0)
    server = make_fake_s2(world)
    result = run(server, entries, tmp_path / "c.sqlite")
    assert server.count() == server.count("batch") == math.ceil(n / 500)
    assert result.stats["requests"] == math.ceil(n / 500)
    assert all(len(r.body["ids"]) <= 500 for r in server.log)
    assert result.stats["resolved"] == n
    # complete references from the batch alone: every listed paper's list is all there
    G = result.graph
    for pid in (listed_pid(server, e.arxiv) for e in entries[:5]):
        node = G.nodes[pid]
        assert node["references_fetched"] + node["references_unresolved"] == node["reference_count"] == 3


def test_a_warm_rerun_makes_zero_requests_and_the_same_graph(rich, tmp_path):
    entries, server = rich
    first = run(server, entries, tmp_path / "c.sqlite", citations=True, depth=2)
    assert first.stats["requests"] > 0 and first.stats["cache_hits"] == 0
    server.reset_log()
    second = run(server, entries, tmp_path / "c.sqlite", citations=True, depth=2)
    assert server.count() == 0 and second.stats["requests"] == 0
    assert second.stats["cache_hits"] == second.stats["resolved"] == first.stats["resolved"]
    assert graph_data(second.graph) == graph_data(first.graph)
    assert "0 requests" in second.summary_line()


def test_every_request_of_a_full_build_carries_the_key(rich, tmp_path):
    entries, server = rich
    run(server, entries, tmp_path / "c.sqlite", citations=True, depth=2)
    assert {r.endpoint for r in server.log} == {"batch", "match", "references", "citations"}
    assert {r.headers.get("x-api-key") for r in server.log} == {KEY}


# ------------------------------------------------------------------ the graph


def test_listed_papers_are_rekeyed_and_keep_list_attributes(rich, tmp_path):
    entries, server = rich
    G = run(server, entries, tmp_path / "c.sqlite").graph
    pid = listed_pid(server, "2401.00001")
    node = G.nodes[pid]
    assert node["listed"] is True and node["tags"] == ["Fake"] and node["sources"] == ["list.md:2"]
    assert node["paper_id"] == pid and node["arxiv"] == "2401.00001"
    record = server.world.papers[pid]
    assert node["citation_count"] == record["citationCount"]
    assert node["authors"] == [a["name"] for a in record["authors"]]
    assert "arxiv:2401.00001" not in G
    title_only = entries[-1]
    matched = server.world.match(title_only.title)
    assert G.nodes[matched]["listed"] and G.nodes[matched]["sources"] == title_only.sources


def test_reference_edges_match_the_world_and_unresolved_ones_are_counted(rich, tmp_path):
    entries, server = rich
    G = run(server, entries, tmp_path / "c.sqlite").graph
    for pid in {listed_pid(server, e.arxiv) for e in entries if e.arxiv} - {None}:
        refs = server.world.references[pid]
        expected = {r["paperId"] for r in refs if r["paperId"] and r["paperId"] != pid}
        assert set(G.successors(pid)) == expected
        assert G.nodes[pid]["references_unresolved"] == sum(1 for r in refs if r["paperId"] is None)
        assert all(G.edges[pid, c]["kind"] == "cites" for c in expected)
    assert G.graph["fetch"]["references_unresolved"] > 0


def test_cut_nested_lists_are_completed_by_paging_with_edge_data(rich, tmp_path):
    entries, server = rich
    result = run(server, entries, tmp_path / "c.sqlite")
    long = [pid for pid, refs in server.world.references.items() if len(refs) > 40 and pid in result.graph
            and result.graph.nodes[pid].get("listed")]
    assert long, "the world should have lists longer than the nested cap"
    paged = {r.path.split("/")[2] for r in server.log if r.endpoint == "references"}
    assert paged == set(long)
    G = result.graph
    for pid in long:
        node = G.nodes[pid]
        assert node["references_fetched"] + node["references_unresolved"] == node["reference_count"] == 70
        edge = G.edges[pid, next(iter(G.successors(pid)))]
        assert isinstance(edge["is_influential"], bool) and "intents" in edge


def test_edge_details_pages_every_list(rich, tmp_path):
    entries, server = rich
    result = run(server, entries, tmp_path / "c.sqlite", edge_details=True)
    assert server.count("references") == result.stats["resolved"]
    G = result.graph
    cites = [d for u, v, d in G.edges(data=True) if G.nodes[u].get("listed")]
    assert cites and all(isinstance(d["is_influential"], bool) for d in cites)


def test_unresolved_entries_end_up_in_the_output_with_the_reason(make_fake_s2, tmp_path):
    entries = sample_entries(4) + [
        Entry(arxiv="2401.99999", sources=["a.md:9"]),  # unknown id, no title
        Entry(title="A paper nobody has heard of", sources=["b.md:3"]),  # no title match
        Entry(arxiv="2402.11111", title="Model 1: A method for things", sources=["c.md:1"]),  # id unknown, title known
    ]
    server = make_fake_s2(World.from_entries(entries[:4], seed=2))
    result = run(server, entries, tmp_path / "c.sqlite")
    reasons = {u["entry"]: u["reason"] for u in result.unresolved}
    assert reasons == {
        "arxiv:2401.99999": "ARXIV:2401.99999 not found on Semantic Scholar",
        "title:a paper nobody has heard of": "no title match on Semantic Scholar",
    }
    assert {u["source"] for u in result.unresolved} == {"a.md:9", "b.md:3"}
    # the id-unknown entry was found by its title and merged with the listed paper
    pid = server.world.match("Model 1: A method for things")
    assert set(result.graph.nodes[pid]["sources"]) == {"list.md:2", "c.md:1"}
    assert result.graph.graph["unresolved"] == result.unresolved
    assert result.summary_line("u.csv").startswith("resolved 5/7, ")
    assert result.summary_line("u.csv").endswith("2 unresolved (see u.csv)")


def test_a_title_match_that_is_another_paper_is_rejected(make_fake_s2, tmp_path):
    server = make_fake_s2(World())
    wrong = {"data": [{"paperId": "f" * 40, "title": "Something else entirely", "matchScore": 12.0}]}
    server.add_recorded(Recorded("GET", "/paper/search/match", {}, "", 200, json.dumps(wrong)), match=())
    result = run(server, [Entry(title="Emu3: Next-Token Prediction is All You Need")], tmp_path / "c.sqlite")
    assert result.unresolved[0]["reason"] == "no confident title match (closest: 'Something else entirely')"
    assert server.count("batch") == 0


def test_the_recorded_nineteen_page_citation_list_through_the_pipeline(make_fake_s2, recorded_dir, tmp_path):
    server = make_fake_s2(World())
    batch = load_cassette(recorded_dir / "test_get_papers_return_not_found.yaml")[0]
    record = next(r for r in json.loads(batch.body) if r and r["corpusId"] == 470667)
    record = {**record, "references": [], "referenceCount": 0}
    server.add_recorded(Recorded("POST", "/paper/batch", {}, "", 200, json.dumps([record])), match=())
    for rec in load_cassette(recorded_dir / "test_get_paper_citations.yaml"):
        # the recorded pages, served as the citations of the paper the recorded batch returned
        server.add_recorded(dataclasses.replace(rec, path=f"/paper/{record['paperId']}/citations"))
    entry = Entry(s2_id="CorpusId:470667", title=record["title"])
    result = run(server, [entry], tmp_path / "c.sqlite", citations=True, citation_cap=5000)
    assert server.log[0].body == {"ids": ["CorpusId:470667"]}
    node = result.graph.nodes[record["paperId"]]
    # 1881 recorded edges, 8 of them from a citing paper with a null paperId
    assert node["citations_fetched"] == 1873 and server.count("citations") == 19
    assert result.graph.in_degree(record["paperId"]) == 1873
    assert "citations_capped" in node and node["citations_capped"] is False


# -------------------------------------------------------------------- citations


def test_citations_are_capped_per_paper_and_the_cap_can_grow(make_fake_s2, tmp_path):
    entries = sample_entries(3)
    world = World.from_entries(entries, seed=6)
    pid = world.resolve("ARXIV:2401.00000")
    world.add_citers(pid, 150)
    server = make_fake_s2(world.finish())
    result = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=50)
    node = result.graph.nodes[pid]
    assert node["citations_fetched"] == 50 and node["citations_capped"] is True
    assert result.stats["capped"] == [
        {"paper": pid, "title": "Model 0: A method for things", "list": "citations", "fetched": 50,
         "total": world.papers[pid]["citationCount"], "reason": "--citation-cap 50"}
    ]
    assert "1 lists capped" in result.summary_line()
    server.reset_log()
    again = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=120)
    [request] = [r for r in server.log if r.endpoint == "citations"]
    assert (request.query["offset"], request.query["limit"]) == ("50", "70")
    assert again.graph.nodes[pid]["citations_fetched"] == 120


def test_citation_lists_stop_at_the_apis_9999_and_say_so(make_fake_s2, tmp_path):
    entries = sample_entries(2)
    world = World.from_entries(entries, seed=7, pool_size=5)
    pid = world.resolve("ARXIV:2401.00001")
    world.add_citers(pid, 10_050)
    server = make_fake_s2(world.finish())
    result = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=20_000)
    node = result.graph.nodes[pid]
    assert node["citations_fetched"] == 9999 and node["citations_capped"] is True
    assert [c["reason"] for c in result.stats["capped"]] == ["the API pages at most 9,999 items"]
    assert max(int(r.query["offset"]) + int(r.query["limit"]) for r in server.log if r.endpoint == "citations") == 9999


# ----------------------------------------------------------------------- depth


def test_depth_two_expands_the_most_cited_papers_within_max_papers(make_fake_s2, tmp_path):
    entries = sample_entries(6)
    server = make_fake_s2(World.from_entries(entries, seed=8, refs_per_paper=6, pool_size=30, long_fraction=0))
    one = run(server, entries, tmp_path / "one.sqlite")
    counts = {}
    for pid in (listed_pid(server, e.arxiv) for e in entries):
        for ref in server.world.references[pid]:
            if ref["paperId"] and not one.graph.nodes[ref["paperId"]].get("listed"):
                counts[ref["paperId"]] = counts.get(ref["paperId"], 0) + 1
    top = sorted(counts, key=lambda p: (-counts[p], p))[:4]
    two = run(server, entries, tmp_path / "two.sqlite", depth=2, max_papers=len(entries) + 4)
    G = two.graph
    expanded = {n for n in G if G.nodes[n].get("references_fetched") is not None and not G.nodes[n].get("listed")}
    assert expanded == set(top)
    assert two.stats["expansion_capped"]["expanded"] == 4
    assert G.number_of_nodes() > one.graph.number_of_nodes()
    for pid in top:
        assert set(G.successors(pid)) == {r["paperId"] for r in server.world.references[pid] if r["paperId"]}


# ----------------------------------------------------- failures, resume, offline


def test_a_run_that_fails_midway_resumes_to_the_undisturbed_graph(rich, tmp_path):
    entries, server = rich
    undisturbed = run(server, entries, tmp_path / "clean.sqlite", citations=True)
    clean_requests = undisturbed.stats["requests"]
    server.reset_log()
    server.inject("references", Fault.http(503), Fault.http(503), Fault.http(503), after=1)
    with pytest.raises(RetriesExhaustedError, match=r'the references of "Model \d+: A method for things" '
                                                      r"\([0-9a-f]{40}\) from offset 0"):
        run(server, entries, tmp_path / "c.sqlite", citations=True, max_retries=2)
    failed_log = list(server.log)
    server.reset_log()
    resumed = run(server, entries, tmp_path / "c.sqlite", citations=True)
    assert graph_data(resumed.graph) == graph_data(undisturbed.graph)
    assert server.count("batch") == 0 and server.count("match") == 0  # nothing fetched twice
    done_ok = {r.path for r in failed_log if r.status == 200 and r.endpoint == "references"}
    assert not done_ok & {r.path for r in server.log}
    answered = sum(1 for r in failed_log if r.status in (200, 404))  # 404: a cached "no title match"
    assert resumed.stats["requests"] == clean_requests - answered


def test_ctrl_c_during_a_wait_leaves_a_cache_the_next_run_uses(rich, tmp_path):
    entries, server = rich
    undisturbed = run(server, entries, tmp_path / "clean.sqlite")
    server.reset_log()
    server.inject("references", Fault.http(429, retry_after=5), after=1)

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    client = S2Client(server.url, KEY, min_interval=0.0, sleep=interrupt)
    with Cache(tmp_path / "c.sqlite") as cache, pytest.raises(KeyboardInterrupt):
        build_from_entries(entries, client=client, cache=cache)
    server.reset_log()
    resumed = run(server, entries, tmp_path / "c.sqlite")
    assert graph_data(resumed.graph) == graph_data(undisturbed.graph)
    assert server.count("batch") == 0


def test_offline_uses_the_cache_only_and_reports_what_is_missing(rich, tmp_path):
    entries, server = rich
    online = run(server, entries, tmp_path / "c.sqlite")
    server.reset_log()
    offline = run(None, entries, tmp_path / "c.sqlite")
    assert graph_data(offline.graph) == graph_data(online.graph)
    assert offline.stats["requests"] == 0 and offline.stats["offline_missing"] == []
    extra = Entry(arxiv="2409.00001", title="Not fetched yet", sources=["new.md:1"])
    more = run(None, [*entries, extra], tmp_path / "c.sqlite")
    assert more.unresolved[-1] == {"entry": "arxiv:2409.00001", "title": "Not fetched yet", "source": "new.md:1",
                                   "reason": "record not in the cache (offline)"}
    assert more.stats["offline_missing"] == [
        {"what": "record", "id": "ARXIV:2409.00001", "title": "Not fetched yet", "entry": "arxiv:2409.00001",
         "source": "new.md:1", "detail": None}
    ]
    assert "1 items missing from the cache" in more.summary_line()
    assert server.count() == 0
    with pytest.raises(OfflineError, match="holds none of the 20 listed papers"):
        run(None, entries, tmp_path / "empty.sqlite")


def test_refresh_fetches_again_and_stamps_new_times(rich, tmp_path):
    entries, server = rich
    first = run(server, entries, tmp_path / "c.sqlite")
    pid = listed_pid(server, "2401.00000")
    with Cache(tmp_path / "c.sqlite") as cache:
        before = cache.get_paper(pid).fetched_at
    server.reset_log()
    again = run(server, entries, tmp_path / "c.sqlite", refresh=True)
    assert again.stats["requests"] == first.stats["requests"] == server.count()
    assert graph_data(again.graph) == graph_data(first.graph)
    with Cache(tmp_path / "c.sqlite") as cache:
        assert cache.get_paper(pid).fetched_at > before


def test_entry_aliases_normalise_ids():
    assert entry_alias(Entry(s2_id="CorpusId:123")) == "CorpusId:123"
    assert entry_alias(Entry(s2_id="A" * 40)) == "a" * 40
    assert entry_alias(Entry()) is None


def test_progress_bars_go_to_stderr_only_when_asked(rich, tmp_path, capsys):
    entries, server = rich
    run(server, entries, tmp_path / "a.sqlite", progress=False)
    assert capsys.readouterr().err == ""
    run(server, entries, tmp_path / "b.sqlite", progress=True, edge_details=True)
    err = capsys.readouterr().err
    assert "papers" in err and "references lists" in err


def test_entries_named_by_paper_id_or_corpus_id_are_cached_too(rich, tmp_path):
    entries, server = rich
    pids = [listed_pid(server, e.arxiv) for e in entries[:3]]
    by_id = [Entry(s2_id=pids[0], title="x"), Entry(s2_id=f"CorpusId:{server.world.papers[pids[1]]['corpusId']}",
                                                      title="y")]
    first = run(server, by_id, tmp_path / "c.sqlite")
    assert first.stats["resolved"] == 2 and server.count("batch") == 1
    server.reset_log()
    second = run(server, by_id, tmp_path / "c.sqlite")
    assert server.count() == 0 and second.stats["cache_hits"] == 2
    assert set(pids[:2]) <= set(second.graph.nodes)


# ------------------------------------------- resume after a fault, at each point


def _batch_point(make_fake_s2):
    """1201 listed ids: three batch calls; the second one fails."""
    entries = [Entry(arxiv=f"2401.{i:05d}", title=f"Model {i}", sources=[f"l.md:{i + 1}"]) for i in range(1201)]
    world = World.from_entries(entries, seed=21, refs_per_paper=3, pool_size=100, long_fraction=0.0)
    return entries, make_fake_s2(world), "batch"


def _match_point(make_fake_s2):
    """Four title-only entries: four title matches; the second one fails."""
    entries = sample_entries(12, titles_only=4)
    return entries, make_fake_s2(World.from_entries(entries, seed=22, long_fraction=0.0)), "match"


def _page_point(make_fake_s2):
    """One listed paper cites 2,500+ papers: three pages of references; the second one fails."""
    entries = sample_entries(4)
    world = World.from_entries(entries, seed=23, refs_per_paper=3, pool_size=2500, pool_refs=0, long_fraction=0.0)
    long = world.resolve("ARXIV:2401.00000")
    cited = {r["paperId"] for r in world.references[long]}
    for pid in [p for p in world.papers if p != long and p not in cited][:2500]:
        world.add_reference(long, pid, intents=["background"])
    return entries, make_fake_s2(world.finish()), "references"


POINTS = {"batch call 2 of 3": _batch_point, "title match 2 of 4": _match_point,
          "page 2 of 3 of a reference list": _page_point}
FAULTS = {"500": Fault.http(500), "502": Fault.http(502), "dropped connection": Fault("drop")}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
@pytest.mark.parametrize("point", POINTS, ids=list(POINTS))
def test_a_fault_at_any_point_loses_nothing_and_the_rerun_fetches_only_the_rest(make_fake_s2, tmp_path, point, fault):
    entries, server, endpoint = POINTS[point](make_fake_s2)
    clean = run(server, entries, tmp_path / "clean.sqlite")
    clean_log = list(server.log)
    server.reset_log()

    # max_retries=2: three attempts, all failing, on the second request to the endpoint
    server.inject(endpoint, *[FAULTS[fault]] * 3, after=1)
    with pytest.raises(RetriesExhaustedError) as failure:
        run(server, entries, tmp_path / "c.sqlite", max_retries=2)
    failed_log = list(server.log)
    message = str(failure.value)
    assert "run the same command again to resume" in message

    with Cache(tmp_path / "c.sqlite") as cache:
        if endpoint == "batch":
            assert "batch 2 of 3 (500 papers: ARXIV:2401.00500 … ARXIV:2401.00999)" in message
            # the first batch's 500 records are cached, the failed batch's are not
            assert all(cache.get_alias(f"ARXIV:2401.{i:05d}").paper_id for i in range(500))
            assert cache.get_alias("ARXIV:2401.00500") is None
        elif endpoint == "match":
            assert 'the title match for "Model 9: A method for things"' in message
            assert cache.get_alias(entry_alias(entries[8])).paper_id == server.world.match(entries[8].title)
            assert cache.get_alias(entry_alias(entries[9])) is None
        else:
            pid = listed_pid(server, "2401.00000")
            assert f'the references of "Model 0: A method for things" ({pid}) from offset 1000' in message
            state = cache.get_list(pid, "references")
            assert (state.fetched, state.next_offset, state.complete) == (1000, 1000, False)
            first_page = [i["paperId"] for i in cache.list_items(pid, "references")]
            assert first_page == [r["paperId"] for r in server.world.references[pid][:1000]]
            assert all(cache.get_paper(cited) for cited in first_page if cited)

    server.reset_log()
    resumed = run(server, entries, tmp_path / "c.sqlite")
    assert graph_data(resumed.graph) == graph_data(clean.graph)
    answered = [r for r in failed_log if r.status in (200, 404)]
    # exactly the requests the failed run had not had answered, none twice
    assert server.count() == len(clean_log) - len(answered) == resumed.stats["requests"]
    if endpoint == "batch":
        sent = [i for r in server.log for i in r.body["ids"]]
        assert sent == [f"ARXIV:2401.{i:05d}" for i in range(500, 1201)]
    elif endpoint == "match":
        assert [r.query["query"] for r in server.log if r.endpoint == "match"] == [e.title for e in entries[9:]]
    else:
        assert server.count("batch") == 0
        assert [r.query["offset"] for r in server.log] == ["1000", "2000"]


# ------------------------------------------------------------ offline reports


def test_offline_names_every_missing_record_title_and_list(rich, tmp_path):
    entries, server = rich
    # a run that stops while completing the cut nested lists: they stay partly cached
    server.inject("references", Fault.http(500), Fault.http(500))
    with pytest.raises(RetriesExhaustedError):
        run(server, entries, tmp_path / "c.sqlite", max_retries=1)
    partial = sorted(pid for pid, refs in server.world.references.items()
                     if len(refs) > 40 and server.world.papers[pid]["title"].startswith("Model "))
    assert partial
    extra = [Entry(arxiv="2409.00001", title="Never fetched", sources=["new.md:1"]),
             Entry(title="A title never matched", sources=["new.md:2"])]
    server.reset_log()
    result = run(None, [*entries, *extra], tmp_path / "c.sqlite")
    assert server.count() == 0

    reasons = {u["entry"]: u["reason"] for u in result.unresolved}
    assert reasons[extra[0].key] == "record not in the cache (offline)"
    assert reasons[extra[1].key] == "title match not in the cache (offline)"
    missing = result.stats["offline_missing"]
    lists = [m for m in missing if m["what"] == "references"]
    assert sorted(m["id"] for m in lists) == partial
    for item in lists:
        record = server.world.papers[item["id"]]
        entry = next(e for e in entries if listed_pid(server, e.arxiv or "") == item["id"]
                     or (not e.arxiv and server.world.match(e.title) == item["id"]))
        assert item["title"] == record["title"] and item["entry"] == entry.key
        assert item["detail"] == f"40 of {record['referenceCount']} cached"
    assert {(m["what"], m["id"], m["title"]) for m in missing if m["what"] != "references"} == {
        ("record", "ARXIV:2409.00001", "Never fetched"), ("title match", None, "A title never matched")}

    rows = result.csv_rows()
    assert rows[: len(result.unresolved)] == result.unresolved
    list_rows = rows[len(result.unresolved):]
    assert [(r["entry"], r["title"]) for r in list_rows] == [(m["entry"], m["title"]) for m in lists]
    assert all(r["reason"].startswith("references not in the cache (offline): 40 of ") for r in list_rows)

    note = result.offline_note("u.csv").splitlines()
    assert note[0] == (f"offline: {len(missing)} items not in the cache "
                       "(run without --offline to fetch them; all listed in u.csv):")
    assert '  title match of "A title never matched" (new.md:2)' in note
    assert '  record of "Never fetched" (ARXIV:2409.00001)' in note
    item = lists[0]
    assert f'  references of "{item["title"]}" ({item["id"]}): {item["detail"]}' in note
    assert result.summary_line("u.csv").endswith(f"; offline: {len(missing)} items missing from the cache")


def test_the_offline_note_names_the_first_ten_and_counts_the_rest(rich, tmp_path):
    entries, server = rich
    run(server, entries, tmp_path / "c.sqlite", depth=0)  # records only: no reference list is cached
    result = run(None, entries, tmp_path / "c.sqlite")
    missing = result.stats["offline_missing"]
    assert len(missing) == result.stats["resolved"] > 12
    assert {m["what"] for m in missing} == {"references"} and all(m["detail"] == "none cached" for m in missing)
    note = result.offline_note().splitlines()
    assert len(note) == 1 + 10 + 1 and note[-1] == f"  … and {len(missing) - 10} more"
    assert all(f'"{m["title"]}" ({m["id"]})' in line for m, line in zip(missing, note[1:11]))
    assert len(result.csv_rows()) == len(result.unresolved) + len(missing)
    assert result.summary_line("u.csv").endswith("missing from the cache")
    assert run(None, entries[:0], tmp_path / "c.sqlite").offline_note() is None


# ---------------------------------------------------------------- cut lists


def test_a_list_without_next_at_the_window_end_is_still_reported_capped(make_fake_s2, tmp_path):
    entries = sample_entries(2)
    world = World.from_entries(entries, seed=7, pool_size=5)
    pid = world.resolve("ARXIV:2401.00001")
    world.add_citers(pid, 10_050)
    server = make_fake_s2(world.finish(), next_at_window_end=False)
    result = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=20_000)
    pages = [(int(r.query["offset"]), int(r.query["limit"])) for r in server.log
             if r.endpoint == "citations" and r.path == f"/paper/{pid}/citations"]
    assert pages[-1] == (9000, 999)  # the last page ended without next
    assert world.papers[pid]["citationCount"] >= 10_050
    expected = [{"paper": pid, "title": "Model 1: A method for things", "list": "citations", "fetched": 9999,
                 "total": world.papers[pid]["citationCount"], "reason": "the API pages at most 9,999 items"}]
    assert result.stats["capped"] == expected
    assert result.graph.nodes[pid]["citations_capped"] is True
    # the other paper's complete list is not reported, and a warm re-run still says it
    server.reset_log()
    again = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=20_000)
    assert server.count() == 0 and again.stats["capped"] == expected
    assert again.graph.nodes[pid]["citations_capped"] is True


def test_a_short_list_whose_count_is_larger_is_not_called_capped(make_fake_s2, tmp_path):
    """A count above the list (S2's counts drift) far below 9,999 is no cut by the window."""
    entries = sample_entries(2)
    world = World.from_entries(entries, seed=7, pool_size=5)
    pid = world.resolve("ARXIV:2401.00001")
    world.add_citers(pid, 30)
    world.finish()
    world.papers[pid]["citationCount"] += 500
    server = make_fake_s2(world)
    result = run(server, entries, tmp_path / "c.sqlite", citations=True)
    assert result.stats["capped"] == []
    assert result.graph.nodes[pid]["citations_capped"] is False


def test_the_summary_points_to_the_csv_when_only_offline_items_are_missing(rich, tmp_path):
    entries, server = rich
    known = [e for e in entries if e.arxiv != "2401.00004"]  # the id the API does not know
    run(server, known, tmp_path / "c.sqlite", depth=0)
    result = run(None, known, tmp_path / "c.sqlite")
    assert result.unresolved == [] and result.stats["offline_missing"]
    assert result.summary_line("u.csv").endswith(
        f"0 unresolved; offline: {len(result.stats['offline_missing'])} items missing from the cache (see u.csv)")
