"""Fetch pipeline fixes: edge details on a warm cache, version-aware title
matches, the citation cap on a larger cache, an entry's other ids, and
``--offline`` with a cache file that does not exist."""

from __future__ import annotations

import difflib
import hashlib
import os

import pytest
from tests.fakes.s2 import FakeS2, Fault, World

from citegraph.errors import OfflineError
from citegraph.fetch.cache import Cache
from citegraph.fetch.s2 import S2Client
from citegraph.lists.entry import Entry
from citegraph.fetch.pipeline import build, build_from_entries, format_capped
from citegraph.graph.model import normalize_title

CHAMELEON = "Chameleon: Mixed-Modal Early-Fusion Foundation Models"


def run(server: FakeS2 | None, entries, cache_path, **kwargs):
    client = S2Client(server.url, "k", min_interval=0.0, sleep=lambda s: None) if server else None
    with Cache(cache_path) as cache:
        return build_from_entries(entries, client=client, cache=cache, **kwargs)


def with_intents(G) -> int:
    return sum(1 for _, _, d in G.edges(data=True) if d.get("intents"))


def detailed_world(n_refs: int = 5) -> tuple[World, str]:
    world = World()
    pid = world.add_paper({"paperId": "a" * 40, "externalIds": {"ArXiv": "2405.09818", "DOI": "10.1000/cham"},
                           "title": CHAMELEON, "year": 2024})
    for i in range(n_refs):
        ref = world.add_paper({"paperId": f"{i:040x}", "title": f"Reference {i}", "year": 2020})
        world.add_reference(pid, ref, influential=True, intents=["methodology"], contexts=[f"we use [{i}]"])
    return world.finish(), pid


# ------------------------------------------------------------ 1. edge details


def test_edge_details_on_a_warm_cache_pages_the_lists_the_batch_nested(make_fake_s2, tmp_path):
    world, pid = detailed_world()
    server = make_fake_s2(world)
    entries = [Entry(arxiv="2405.09818")]
    plain = run(server, entries, tmp_path / "c.sqlite")
    assert server.count() == server.count("batch") == 1 and with_intents(plain.graph) == 0
    server.reset_log()
    detailed = run(server, entries, tmp_path / "c.sqlite", edge_details=True)
    assert [r.endpoint for r in server.log] == ["references"]
    assert with_intents(detailed.graph) == 5
    assert all(d["is_influential"] is True for _, _, d in detailed.graph.out_edges(pid, data=True))
    server.reset_log()
    again = run(server, entries, tmp_path / "c.sqlite", edge_details=True)
    assert server.count() == 0 and with_intents(again.graph) == 5


def test_a_later_batch_answer_keeps_the_paged_edge_details(make_fake_s2, tmp_path):
    world, pid = detailed_world()
    server = make_fake_s2(world)
    by_arxiv = [Entry(arxiv="2405.09818")]
    first = run(server, by_arxiv, tmp_path / "c.sqlite", edge_details=True)
    assert with_intents(first.graph) == 5
    server.reset_log()
    # the same paper by its DOI too: the batch answers it again, with nested references
    both = run(server, by_arxiv + [Entry(doi="10.1000/cham")], tmp_path / "c.sqlite")
    assert [r.endpoint for r in server.log] == ["batch"]
    assert with_intents(both.graph) == 5
    server.reset_log()
    again = run(server, by_arxiv, tmp_path / "c.sqlite", edge_details=True)
    assert server.count() == 0 and with_intents(again.graph) == 5


def test_offline_edge_details_says_the_cached_list_lacks_them(make_fake_s2, tmp_path):
    world, pid = detailed_world()
    entries = [Entry(arxiv="2405.09818")]
    run(make_fake_s2(world), entries, tmp_path / "c.sqlite")
    result = run(None, entries, tmp_path / "c.sqlite", edge_details=True)
    [missing] = result.stats["offline_missing"]
    assert missing["what"] == "references" and missing["id"] == pid
    assert missing["detail"] == "5 of 5 cached, without edge details"
    assert result.graph.out_degree(pid) == 5  # the nested list is still used


# ----------------------------------------------------- 2. version-aware match


class FuzzyWorld(World):
    """Like the real /paper/search/match: the closest title it has, however far."""

    def match(self, query: str) -> str | None:
        q = normalize_title(query)
        return max(self.papers, key=lambda p: difflib.SequenceMatcher(
            None, q, normalize_title(self.papers[p]["title"])).ratio())


@pytest.mark.parametrize(
    ("listed", "found", "why"),
    [
        ("DeepSeek-V3: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
         "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
         "the versions differ (3 vs 2)"),
        ("Qwen2 Technical Report", "Qwen2.5 Technical Report", "the versions differ (2 vs 2.5)"),
        ("Janus-Pro: Unified Multimodal Understanding and Generation with Data and Model Scaling",
         "Janus: Unified Multimodal Understanding and Generation with Data and Model Scaling",
         "the versions differ (pro vs none)"),
        ("JanusFlow: Harmonizing Autoregression and Rectified Flow for Unified Multimodal Models",
         "Janus: Harmonizing Autoregression and Rectified Flow for Unified Multimodal Models",
         "the model names differ (JanusFlow vs Janus)"),
    ],
)
def test_a_title_match_of_another_version_is_rejected(make_fake_s2, tmp_path, listed, found, why):
    world = FuzzyWorld()
    world.add_paper({"paperId": "2" * 40, "title": found, "year": 2024})
    server = make_fake_s2(world.finish())
    result = run(server, [Entry(title=listed, sources=["l.md:2"])], tmp_path / "c.sqlite", depth=0)
    assert result.stats["resolved"] == 0
    assert result.unresolved[0]["reason"] == f"no confident title match (closest: {found!r}): {why}"
    assert server.count("batch") == 0


def test_a_wrong_version_cached_by_an_older_run_is_rejected_without_a_request(make_fake_s2, tmp_path):
    world = FuzzyWorld()
    pid = world.add_paper({"paperId": "5" * 40, "title": "Qwen2.5 Technical Report", "year": 2024})
    server = make_fake_s2(world.finish())
    with Cache(tmp_path / "c.sqlite") as cache, cache.transaction():
        cache.put_alias("TITLE:" + normalize_title("Qwen2 Technical Report"), pid)  # what the old match kept
        cache.put_paper(world.papers[pid], full=True)
    result = run(server, [Entry(title="Qwen2 Technical Report")], tmp_path / "c.sqlite", depth=0)
    assert server.count() == 0 and result.stats["resolved"] == 0
    assert result.unresolved[0]["reason"] == (
        "no confident title match (closest: 'Qwen2.5 Technical Report'): the versions differ (2 vs 2.5)"
    )


@pytest.mark.parametrize(
    "listed",
    [
        "chameleon: mixed-modal early-fusion foundation models",  # case
        "Chameleon - Mixed Modal, Early Fusion Foundation Models!",  # punctuation
        "Chameleon:  Mixed-Modal   Early-Fusion Foundation  Model",  # spacing, a small typo
    ],
)
def test_a_title_match_differing_only_in_form_is_kept(make_fake_s2, tmp_path, listed):
    world = FuzzyWorld()
    pid = world.add_paper({"paperId": "c" * 40, "title": CHAMELEON, "year": 2024})
    world.add_paper({"paperId": "d" * 40, "title": "Something else entirely", "year": 2020})
    server = make_fake_s2(world.finish())
    result = run(server, [Entry(title=listed)], tmp_path / "c.sqlite", depth=0)
    assert result.stats["resolved"] == 1 and pid in result.graph


# --------------------------------------------------------- 3. the citation cap


def test_a_smaller_cap_uses_only_that_many_of_the_cached_citations(make_fake_s2, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "a" * 40, "externalIds": {"ArXiv": "2405.09818"}, "title": CHAMELEON})
    world.add_citers(pid, 300)
    server = make_fake_s2(world.finish())
    entries = [Entry(arxiv="2405.09818")]
    wide = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=250)
    assert wide.graph.in_degree(pid) == 250
    server.reset_log()
    narrow = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=40)
    assert server.count() == 0
    assert narrow.graph.in_degree(pid) == 40 and narrow.graph.nodes[pid]["citations_fetched"] == 40
    assert narrow.graph.nodes[pid]["citations_capped"] is True
    # the first 40 of the cached list, in the API's order
    first_citers = [f"Citing paper {i} of {pid[:8]}" for i in range(40)]
    assert sorted(narrow.graph.nodes[u]["title"] for u in narrow.graph.predecessors(pid)) == sorted(first_citers)
    [cap] = narrow.stats["capped"]
    used = "--citation-cap 40; 250 cached, the first 40 used"
    assert (cap["fetched"], cap["total"], cap["reason"]) == (40, 300, used)
    assert format_capped(cap).endswith(": 40 of 300 fetched (--citation-cap 40; 250 cached, the first 40 used)")


def test_a_cap_below_a_complete_cached_list_is_applied_and_reported(make_fake_s2, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "a" * 40, "externalIds": {"ArXiv": "2405.09818"}, "title": CHAMELEON})
    world.add_citers(pid, 120)
    server = make_fake_s2(world.finish())
    entries = [Entry(arxiv="2405.09818")]
    full = run(server, entries, tmp_path / "c.sqlite", citations=True, citation_cap=1000)
    assert full.graph.in_degree(pid) == 120 and full.stats["capped"] == []
    narrow = run(None, entries, tmp_path / "c.sqlite", citations=True, citation_cap=100)
    assert narrow.graph.in_degree(pid) == 100 and narrow.stats["offline_missing"] == []
    assert [c["reason"] for c in narrow.stats["capped"]] == ["--citation-cap 100; 120 cached, the first 100 used"]


# ------------------------------------------------------------ 4. other ids


def test_an_entrys_other_ids_are_tried_in_one_more_batch(make_fake_s2, tmp_path):
    world = World()
    world.add_paper({"paperId": "1" * 40, "externalIds": {"DOI": "10.1109/cvpr.2024.1"}, "title": "Paper one"})
    world.add_paper({"paperId": "2" * 40, "externalIds": {"DOI": "10.1109/cvpr.2024.2"}, "title": "Paper two"})
    world.add_paper({"paperId": "3" * 40, "externalIds": {"ArXiv": "2401.00003"}, "title": "Paper three"})
    server = make_fake_s2(world.finish())
    entries = [
        Entry(arxiv="2403.99991", doi="10.1109/cvpr.2024.1", sources=["l.bib:1"]),
        Entry(arxiv="2403.99992", doi="10.1109/cvpr.2024.2", sources=["l.bib:5"]),
        Entry(arxiv="2401.00003", sources=["l.bib:9"]),
        Entry(arxiv="2403.99994", doi="10.1/nowhere", sources=["l.bib:13"]),
    ]
    result = run(server, entries, tmp_path / "c.sqlite")
    assert [r.body["ids"] for r in server.log] == [
        ["ARXIV:2403.99991", "ARXIV:2403.99992", "ARXIV:2401.00003", "ARXIV:2403.99994"],
        ["DOI:10.1109/cvpr.2024.1", "DOI:10.1109/cvpr.2024.2", "DOI:10.1/nowhere"],
    ]
    assert {"1" * 40, "2" * 40, "3" * 40} <= set(result.graph) and result.stats["resolved"] == 3
    assert result.unresolved == [{
        "entry": "arxiv:2403.99994", "title": None, "source": "l.bib:13",
        "reason": "ARXIV:2403.99994 not found on Semantic Scholar; DOI:10.1/nowhere not found on Semantic Scholar",
    }]
    server.reset_log()
    warm = run(server, entries, tmp_path / "c.sqlite")
    assert server.count() == 0 and warm.stats["cache_hits"] == 3 and warm.unresolved == result.unresolved
    offline = run(None, entries, tmp_path / "c.sqlite")
    assert offline.stats["resolved"] == 3 and offline.stats["offline_missing"] == []


def test_an_unknown_id_tries_the_doi_before_the_title(make_fake_s2, tmp_path):
    world = World()
    pid = world.add_paper({"paperId": "1" * 40, "externalIds": {"DOI": "10.1/known"}, "title": "Paper one"})
    server = make_fake_s2(world.finish())
    result = run(server, [Entry(arxiv="2403.99991", doi="10.1/known", title="Paper one")], tmp_path / "c.sqlite")
    assert [r.endpoint for r in server.log] == ["batch", "batch"] and result.stats["resolved"] == 1
    assert pid in result.graph


def test_an_entry_known_by_its_first_id_costs_no_second_batch(make_fake_s2, tmp_path):
    world, pid = detailed_world()
    server = make_fake_s2(world)
    result = run(server, [Entry(arxiv="2405.09818", doi="10.1/other")], tmp_path / "c.sqlite")
    assert [r.body["ids"] for r in server.log] == [["ARXIV:2405.09818"]] and pid in result.graph


# ------------------------------------------------------ 5. offline, no cache


def test_offline_with_a_missing_cache_file_says_so_and_creates_nothing(tmp_path):
    listed = tmp_path / "l.txt"
    listed.write_text("2405.09818\n")
    cache = tmp_path / "typo" / "c.sqlite"
    with pytest.raises(OfflineError, match="does not exist") as err:
        build([listed], cache=cache, offline=True, quiet=True)
    assert str(cache) in str(err.value)
    assert not (tmp_path / "typo").exists()


def test_an_interrupted_edge_details_run_leaves_nothing_for_the_next_plain_run_to_page(make_fake_s2, tmp_path):
    world = World()
    papers = []
    for n in range(4):
        pid = world.add_paper({"paperId": f"{n + 10:040x}", "externalIds": {"ArXiv": f"2405.0981{n}"},
                               "title": f"Listed paper {n}", "year": 2024})
        for i in range(3):
            ref = world.add_paper({"paperId": f"{100 + 10 * n + i:040x}", "title": f"Ref {n}.{i}", "year": 2020})
            world.add_reference(pid, ref, intents=["background"])
        papers.append(pid)
    server = make_fake_s2(world.finish())
    entries = [Entry(arxiv=f"2405.0981{n}") for n in range(4)]
    seen = []

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    client = S2Client(server.url, "k", min_interval=0.0, sleep=interrupt, notify=seen.append)
    server.inject("references", Fault.http(503), after=2)  # the third list fails; its retry wait is interrupted
    with Cache(tmp_path / "c.sqlite") as cache, pytest.raises(KeyboardInterrupt):
        build_from_entries(entries, client=client, cache=cache, edge_details=True)
    assert server.count("references") == 3  # two lists paged, the third interrupted
    server.reset_log()
    plain = run(server, entries, tmp_path / "c.sqlite")
    assert server.count() == 0  # every nested list was complete: nothing paged again
    assert plain.graph.number_of_edges() == 12


def test_offline_on_a_cache_the_user_cannot_write_reads_it_without_writing(make_fake_s2, tmp_path, monkeypatch):
    world, pid = detailed_world()
    server = make_fake_s2(world)
    listing = tmp_path / "l.md"
    listing.write_text(f"- [{CHAMELEON}](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
    cache = tmp_path / "cache" / "c.sqlite"
    online = build([listing], cache=cache, api_url=server.url, min_interval=0, quiet=True)
    digest = hashlib.sha256(cache.read_bytes()).hexdigest()
    files = sorted(os.listdir(cache.parent))
    # as root chmod cannot make the file unwritable, so the permission check answers "no"
    monkeypatch.setattr("citegraph.fetch.pipeline.os.access", lambda p, mode: False)
    offline = build([listing], cache=cache, offline=True, quiet=True)
    assert sorted(offline.graph.edges()) == sorted(online.graph.edges())
    assert hashlib.sha256(cache.read_bytes()).hexdigest() == digest and sorted(os.listdir(cache.parent)) == files
