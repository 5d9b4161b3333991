"""``--source s2,openalex``: OpenAlex fills what Semantic Scholar lacks (unresolved entries,
citation lists past the paging window, empty reference lists), each fill marked ``origin``."""

from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner

from tests.fakes.openalex import OAWorld, work
from tests.fakes.s2 import World, sample_entries

from citegraph.analysis.audit import audit, audit_frame
from citegraph.cli import main
from citegraph.fetch.openalex import OpenAlexSource
from citegraph.fetch.s2 import S2NotFound
from citegraph.fetch.cache import Cache
from citegraph.fetch.fallback import Fallback
from citegraph.fetch.pipeline import build_from_entries
from citegraph.fetch.s2 import S2Client
from citegraph.lists.entry import Entry


def sources(s2_server, oa_server, *, window=None):
    s2 = S2Client(s2_server.url, "k", min_interval=0.0, sleep=lambda s: None)
    if window is not None:
        s2.offset_limit = window  # a small stand-in for the API's 9,999
    oa = OpenAlexSource(oa_server.url, mailto="me@example.org", min_interval=0.0, sleep=lambda s: None)
    return Fallback(s2, [oa])


def run(client, entries, path, **kwargs):
    with Cache(path) as cache:
        return build_from_entries(entries, client=client, cache=cache, **kwargs)


def test_unresolved_entries_are_filled_from_openalex_and_marked(make_fake_s2, make_fake_openalex, tmp_path):
    entries = sample_entries(5, titles_only=1, seed=4)
    world = World.from_entries(entries, seed=4, missing_ids=["ARXIV:2401.00002"],
                               unmatched_titles=[entries[-1].title])
    pool = next(r for r in world.papers.values() if r["externalIds"].get("ArXiv", "").startswith("1"))
    oa = OAWorld()
    cited = oa.add(work("W900", "Something only OpenAlex has", doi="10.9/only"))
    oa.add(work("W901", pool["title"], doi=f"10.48550/arxiv.{pool['externalIds']['ArXiv']}"))
    oa.add(work("W100", entries[2].title, doi="10.48550/arxiv.2401.00002", refs=[cited, "W901"],
                abstract="An abstract from OpenAlex"))
    oa.add(work("W200", entries[-1].title, refs=[cited]))
    s2_server, oa_server = make_fake_s2(world), make_fake_openalex(oa)
    result = run(sources(s2_server, oa_server), entries, tmp_path / "c.sqlite")
    G = result.graph
    assert result.unresolved == [] and result.stats["resolved"] == 5
    assert G.nodes["W100"]["origin"] == G.nodes["W200"]["origin"] == "openalex"
    assert G.nodes["W100"]["abstract"] == "An abstract from OpenAlex"
    assert G.nodes["W100"]["listed"] and G.nodes["W200"]["listed"]
    # the reference OpenAlex found that Semantic Scholar knows is the S2 node, not a twin
    assert set(G.successors("W100")) == {"W900", pool["paperId"]}
    assert G.edges["W100", pool["paperId"]]["origin"] == "openalex"
    assert G.nodes[pool["paperId"]]["origin"] == "s2"
    s2_nodes = [n for n, d in G.nodes(data=True) if d.get("paper_id") and not n.startswith("W")]
    assert s2_nodes and all(G.nodes[n]["origin"] == "s2" for n in s2_nodes)
    assert all(r.get("mailto") == "me@example.org" for r in oa_server.log)
    rows = audit_frame(audit(G)).query("problem == 'sources'")["detail"].tolist()
    assert rows[0].startswith("openalex: 3 papers, 3 citations") and rows[1].startswith("s2: ")


def test_a_citation_list_cut_by_the_window_is_filled_past_it(make_fake_s2, make_fake_openalex, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "e" * 40, "externalIds": {"DOI": "10.9/p"}, "title": "Popular"})
    oa = OAWorld()
    target = oa.add(work("W1", "Popular", doi="10.9/p"))
    for i in range(80):
        citer = world.add_paper({"paperId": f"{i:040x}", "externalIds": {"DOI": f"10.9/c{i}"},
                                 "title": f"Citer {i}", "year": 2024})
        world.add_reference(citer, pid, contexts=[f"uses [{i}]"])
        oa.add(work(f"W{1000 + i}", f"Citer {i}", doi=f"10.9/c{i}", refs=[target]))
    for j in range(20):
        oa.add(work(f"W{2000 + j}", f"Only in OpenAlex {j}", doi=f"10.9/x{j}", refs=[target], year=2023))
    world.finish()
    s2_server, oa_server = make_fake_s2(world), make_fake_openalex(oa)
    result = run(sources(s2_server, oa_server, window=50), [Entry(doi="10.9/p")], tmp_path / "c.sqlite",
                 citations=True, citation_cap=1000, depth=0)
    G = result.graph
    origins = [d["origin"] for _, _, d in G.in_edges(pid, data=True)]
    assert G.in_degree(pid) == 100 and G.nodes[pid]["citations_fetched"] == 100
    assert origins.count("s2") == 50 and origins.count("openalex") == 50
    citers = list(G.predecessors(pid))
    assert sum(1 for c in citers if c.startswith("W")) == 20  # the 30 S2 knows keep their S2 ids
    assert result.stats["capped"] == []


def test_the_same_window_without_openalex_reports_the_cut(make_fake_s2, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "e" * 40, "externalIds": {"DOI": "10.9/p"}, "title": "Popular"})
    world.add_citers(pid, 80)
    world.finish()
    s2 = S2Client(make_fake_s2(world).url, "k", min_interval=0.0, sleep=lambda s: None)
    s2.offset_limit = 50
    result = run(s2, [Entry(doi="10.9/p")], tmp_path / "c.sqlite", citations=True, depth=0)
    assert result.graph.in_degree(pid) == 50 and result.stats["capped"][0]["total"] == 80


def test_references_semantic_scholar_lacks_come_from_openalex(make_fake_s2, make_fake_openalex, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "d" * 40, "externalIds": {"DOI": "10.9/q"}, "title": "No references"})
    known = world.add_paper({"paperId": "c" * 40, "externalIds": {"DOI": "10.9/known"}, "title": "Known"})
    world.finish()
    oa = OAWorld()
    oa.add(work("W7", "Known", doi="10.9/known"))
    oa.add(work("W8", "Unknown to S2", doi="10.9/unknown"))
    oa.add(work("W9", "No references", doi="10.9/q", refs=["W7", "W8"]))
    result = run(sources(make_fake_s2(world), make_fake_openalex(oa)), [Entry(doi="10.9/q")], tmp_path / "c.sqlite")
    G = result.graph
    assert set(G.successors(pid)) == {known, "W8"}
    assert {d["origin"] for _, _, d in G.out_edges(pid, data=True)} == {"openalex"}


def test_the_cli_takes_the_source_and_the_openalex_options(make_fake_s2, make_fake_openalex, tmp_path):
    entries = sample_entries(2, seed=6)
    world = World.from_entries(entries, seed=6, missing_ids=["ARXIV:2401.00001"])
    oa = OAWorld()
    oa.add(work("W5", entries[1].title, doi="10.48550/arxiv.2401.00001"))
    s2_server, oa_server = make_fake_s2(world), make_fake_openalex(oa)
    listing = tmp_path / "list.md"
    listing.write_text("".join(f"- [{e.title}](https://arxiv.org/abs/{e.arxiv})\n" for e in entries))
    out = tmp_path / "g.json"
    result = CliRunner().invoke(main, [
        "build", str(listing), "-o", str(out), "--source", "s2,openalex", "--api-url", s2_server.url,
        "--openalex-url", oa_server.url, "--openalex-mailto", "me@example.org", "--min-interval", "0",
        "--cache", str(tmp_path / "c.sqlite"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "resolved 2/2" in result.output
    audited = CliRunner().invoke(main, ["audit", str(out), "--format", "csv"])
    assert 'sources,,,"openalex: 1 paper, 0 citations"' in audited.output, audited.output


def test_a_search_openalex_does_not_know_says_so_in_words() -> None:
    source = OpenAlexSource("http://openalex.test", min_interval=0.0,
                            transport=httpx.MockTransport(lambda request: httpx.Response(404, json={})))
    with pytest.raises(S2NotFound, match=r"^OpenAlex found nothing for the search for 'widget nets'$"):
        source.search("widget nets")


def test_openalex_requests_are_paced_as_the_s2_clients_and_slow_down_after_a_429() -> None:
    # Three searches against a server that refuses the second request once:
    # requests start at least min_interval apart, the 429 doubles the interval,
    # and answers bring it back toward min_interval (the S2 client's Pacer).
    answers = iter([200, 429, 200, 200])
    sleeps: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        return httpx.Response(status, json={"results": []}, headers={"retry-after": "0"})

    source = OpenAlexSource("http://openalex.test", min_interval=0.5, sleep=sleeps.append,
                            transport=httpx.MockTransport(answer))
    assert source.search("a") == []
    assert source.pacer.interval == 0.5
    assert source.search("b") == []  # refused once, then answered
    assert source.retries == 1 and source.requests == 3
    widened = source.pacer.interval
    assert 0.5 < widened < 1.0  # doubled by the 429, then eased by the answer after it
    assert source.search("c") == [] and source.pacer.interval < widened
    waits = [s for s in sleeps if s]  # (the retry's own wait is the Retry-After: 0)
    # the first two gaps at 0.5 s (with the pace's 5% margin, less the time since booking),
    # the one after the 429 at the widened interval
    assert len(waits) == 3 and all(w <= 0.5 * 1.05 for w in waits[:2]) and waits[2] > 1.5 * max(waits[:2])
