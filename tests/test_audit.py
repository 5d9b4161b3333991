"""Coverage audit and duplicate merging."""

from __future__ import annotations

import pandas as pd
import pytest

from citegraph.analysis.audit import AUDIT_SECTIONS, audit, audit_frame, duplicate_candidates, merge_duplicates
from citegraph.analysis.matrix import citation_matrix
from citegraph.errors import PaperLookupError
from citegraph.graph.model import add_link, add_paper, load_graph, new_graph, save_graph


@pytest.fixture()
def G():
    G = new_graph(
        unresolved=[
            {"entry": "title:some lost paper", "title": "Some Lost Paper", "source": "notes.md:12", "reason": "no title match"}
        ]
    )
    # listed, resolved, references fetched
    add_paper(G, "p1", paper_id="p1", title="Resolved One", listed=True, year=2024,
              references_fetched=2, references_unresolved=3, reference_count=5)
    # listed, never resolved (no paper_id)
    add_paper(G, "arxiv:2501.00001", arxiv="2501.00001", title="Unresolved Listed", listed=True,
              sources=["notes.md:40", "other.md:2"])
    # fetch returned no references although the API counts 30
    add_paper(G, "p2", paper_id="p2", title="Empty References", listed=True, references_fetched=0, reference_count=30)
    # resolved and listed, but its references were never fetched
    add_paper(G, "p3", paper_id="p3", title="Never Fetched", listed=True)
    # citations capped
    add_paper(G, "p4", paper_id="p4", title="Very Cited", citation_count=25000, citations_fetched=9999,
              citations_capped=True)
    add_paper(G, "r1", paper_id="r1", title="Reference One")
    add_paper(G, "r2", paper_id="r2", title="Reference Two")
    add_link(G, "p1", "r1", "cites")
    add_link(G, "p1", "r2", "cites")
    return G


def test_every_section(G):
    report = audit(G)
    assert tuple(report) == AUDIT_SECTIONS
    unresolved = report["unresolved"].to_dict("records")
    assert pd.isna(unresolved[0].pop("id"))  # an entry that never became a node
    assert unresolved[0] == {"title": "Some Lost Paper", "source": "notes.md:12", "reason": "no title match"}
    assert unresolved[1]["id"] == "arxiv:2501.00001"
    assert unresolved[1]["source"] == "notes.md:40; other.md:2"
    assert len(unresolved) == 2
    no_refs = report["no_references"].set_index("id")["reason"].to_dict()
    assert no_refs == {"p2": "0 of 30 references fetched", "p3": "references never fetched"}
    assert report["capped_citations"]["id"].tolist() == ["p4"]
    refs = report["unresolved_references"].to_dict("records")
    assert refs == [{"id": "p1", "title": "Resolved One", "references_unresolved": 3, "references_fetched": 2,
                     "reference_count": 5}]
    assert report["duplicates"].empty


def test_audit_frame_one_row_per_problem(G):
    frame = audit_frame(audit(G))
    assert list(frame.columns) == ["problem", "id", "title", "detail"]
    assert frame["problem"].tolist() == [
        "unresolved", "unresolved", "no_references", "no_references", "capped_citations", "unresolved_references",
    ]
    details = dict(zip(frame["id"].fillna("-"), frame["detail"]))
    assert details["p4"] == "9999 of 25000 citations fetched"
    assert details["p1"] == "3 references unresolved of 5"
    assert details["-"] == "no title match (notes.md:12)"


def test_unresolved_entry_that_is_also_a_node_is_listed_once():
    G = new_graph(unresolved=[{"entry": "title:foo bar", "title": "Foo Bar", "source": "a.md:1", "reason": "no match"}])
    add_paper(G, "title:foo bar", title="Foo Bar", listed=True)
    frame = audit(G)["unresolved"]
    assert frame.to_dict("records") == [{"id": "title:foo bar", "title": "Foo Bar", "source": "a.md:1", "reason": "no match"}]


@pytest.fixture()
def dups():
    G = new_graph()
    # preprint node from a list + the resolved record with the same arXiv id
    add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True, tags=["Unified"],
              sources=["a.md:3"])
    add_paper(G, "cham", paper_id="cham", arxiv="2405.09818", year=2024,
              title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", citation_count=100)
    # same DOI
    add_paper(G, "doi1", paper_id="doi1", doi="10.1/abc", title="Paper X")
    add_paper(G, "doi:10.1/abc", doi="10.1/abc", title="Paper X (journal)")
    # preprint and published version: near-identical titles, a year apart
    add_paper(G, "pre", paper_id="pre", title="Learning Transferable Visual Models From Natural Language Supervision",
              year=2021)
    add_paper(G, "pub", paper_id="pub", title="Learning transferable visual models from natural-language supervision.",
              year=2022, listed=True)
    add_paper(G, "near1", paper_id="near1", title="Scaling Autoregressive Models for Content-Rich Text-to-Image Generation",
              year=2022)
    add_paper(G, "near2", paper_id="near2", title="Scaling Autoregressive Model for Content Rich Text to Image Generation",
              year=2022)
    # not duplicates: sequels with other numbers, a distant year, a paper citing its namesake
    add_paper(G, "q2", paper_id="q2", title="Qwen2 Technical Report For Everyone", year=2024)
    add_paper(G, "q25", paper_id="q25", title="Qwen2.5 Technical Report For Everyone", year=2024)
    add_paper(G, "old", paper_id="old", title="Generative Adversarial Networks Revisited", year=2014)
    add_paper(G, "new", paper_id="new", title="Generative Adversarial Networks Revisited", year=2020)
    add_paper(G, "part1", paper_id="part1", title="A Long Study of Visual Tokenizers", year=2023)
    add_paper(G, "part2", paper_id="part2", title="A Long Study of Visual Tokenizers!", year=2023)
    add_link(G, "part2", "part1", "cites")
    add_paper(G, "citer", paper_id="citer", title="Citer")
    add_link(G, "citer", "arxiv:2405.09818", "mentions")
    add_link(G, "citer", "cham", "cites", is_influential=True)
    add_link(G, "arxiv:2405.09818", "pre", "cites")
    return G


def test_duplicate_candidates(dups):
    frame = duplicate_candidates(dups)
    pairs = {(r["keep"], r["drop"]): r["reason"] for r in frame.to_dict("records")}
    assert pairs == {
        ("cham", "arxiv:2405.09818"): "same arXiv id 2405.09818",
        ("doi1", "doi:10.1/abc"): "same DOI 10.1/abc",
        ("pub", "pre"): "same title",  # listed beats unlisted
        ("near1", "near2"): "near-identical title",
    }
    near = frame.set_index("drop").loc["near2"]
    assert 0.9 <= near["similarity"] < 1
    assert near["keep_title"].startswith("Scaling Autoregressive Models")


def test_duplicates_show_in_the_audit(dups):
    report = audit(dups)
    assert len(report["duplicates"]) == 4
    frame = audit_frame(report)
    rows = frame[frame["id"] == "arxiv:2405.09818"]
    assert rows["problem"].tolist() == ["unresolved", "duplicates"]  # listed, no paper_id, and a copy
    row = rows.iloc[1]
    assert row["detail"] == "same arXiv id 2405.09818: merge into cham (Chameleon: Mixed-Modal Early-Fusion Foundation Models)"


def test_merge_rewires_edges_and_unites_attributes(dups):
    edges_before = dups.number_of_edges()
    merge_duplicates(dups, duplicate_candidates(dups))
    G = dups
    for gone in ("arxiv:2405.09818", "doi:10.1/abc", "pre", "near2"):
        assert gone not in G
    cham = G.nodes["cham"]
    assert cham["listed"] is True and cham["tags"] == ["Unified"] and cham["sources"] == ["a.md:3"]
    assert cham["title"].startswith("Chameleon: Mixed-Modal")  # the keeper's value wins
    assert cham["citation_count"] == 100
    # citer → both copies became one edge with both relations
    edge = G.edges["citer", "cham"]
    assert edge["kinds"] == ["cites", "mentions"] and edge["kind"] == "cites" and edge["is_influential"] is True
    # the preprint's out-edge moved, and "pre" (merged into "pub") is followed
    assert G.has_edge("cham", "pub")
    assert G.number_of_edges() == edges_before - 1
    merged = G.graph["merged"]
    assert {(m["keep"], m["drop"]) for m in merged} == {
        ("cham", "arxiv:2405.09818"), ("doi1", "doi:10.1/abc"), ("pub", "pre"), ("near1", "near2")
    }
    assert next(m for m in merged if m["drop"] == "pre")["reason"] == "same title"
    assert next(m for m in merged if m["drop"] == "pre")["title"].startswith("Learning Transferable")
    # the cached matrix follows the merge
    assert citation_matrix(G).n == G.number_of_nodes()


def test_merge_follows_chains_and_survives_a_round_trip(tmp_path):
    G = new_graph()
    for key in ("a", "b", "c", "x"):
        add_paper(G, key, title=key.upper(), tags=[key])
    add_link(G, "x", "c", "cites")
    add_link(G, "c", "b", "cites")  # disappears: b and c become one paper
    merge_duplicates(G, [("b", "c"), ("a", "b")])
    assert sorted(G.nodes) == ["a", "x"]
    assert G.nodes["a"]["tags"] == ["a", "b", "c"]
    assert list(G.edges) == [("x", "a")]
    path = tmp_path / "g.json"
    save_graph(G, path)
    assert [m["drop"] for m in load_graph(path).graph["merged"]] == ["c", "b"]


def test_merge_unknown_node():
    G = new_graph()
    add_paper(G, "a", title="A")
    with pytest.raises(PaperLookupError, match="'zz' is not in the graph"):
        merge_duplicates(G, [("a", "zz")])
