"""Coverage audit and duplicate merging."""

from __future__ import annotations

import io
import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from citegraph.analysis.audit import (
    AUDIT_COLUMNS,
    AUDIT_SECTIONS,
    audit,
    audit_frame,
    audit_summary,
    duplicate_candidates,
    merge_duplicates,
    was_fetched,
)
from citegraph.graph.matrix import citation_matrix
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
    assert details["p1"] == "3 of 5 references unresolved"
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


# ------------------------------------------------- duplicates on many titles


def _vocabulary(rng, size):
    """Pseudo-words of 3-10 letters, distinct, with Zipf weights: common words recur as in real titles."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz"), size=int(rng.integers(3, 11)))))
    words = sorted(words)
    weights = 1 / np.arange(1, size + 1)
    return words, weights / weights.sum()


def _titles(rng, words, weights, count, lengths=(6, 12)):
    out = set()
    while len(out) < count:
        out.add(" ".join(rng.choice(words, size=int(rng.integers(*lengths)), p=weights)).capitalize())
    return sorted(out)


def _drop_char_of_rarest(title, rank):
    """A typo in the title's rarest word (the word blocking relies on most)."""
    parts = title.split()
    i = max(range(len(parts)), key=lambda k: (rank.get(parts[k].lower(), 10**9), len(parts[k])))
    word = parts[i]
    parts[i] = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
    return " ".join(parts)


def test_exactly_the_planted_duplicates_among_5000_titles():
    rng = np.random.default_rng(7)
    words, weights = _vocabulary(rng, 1500)
    rank = {w: i for i, w in enumerate(words)}  # higher = rarer
    base = [t for t in _titles(rng, words, weights, 5200) if len(t) >= 40][:5000]
    assert len(base) == 5000
    G = new_graph()
    for i, title in enumerate(base):
        add_paper(G, f"b{i}", paper_id=f"b{i}", title=title, year=2015 + i % 10)
    edits = [
        lambda t: t.replace(" ", "s ", 1),  # a plural
        lambda t: _drop_char_of_rarest(t, rank),  # a typo in the rarest word
        lambda t: t[:-1],  # a truncated last letter
        lambda t: t.upper().replace(" ", "-", 2) + ".",  # case and punctuation only: the same title
        lambda t: t.replace(" ", "s ", 2)[:-1],  # three small edits
    ]
    planted = set()
    for k in range(20):
        i = 11 + 97 * k
        copy = edits[k % len(edits)](base[i])
        add_paper(G, f"copy{k}", title=copy, year=2016 + i % 10, listed=True)
        planted.add(frozenset((f"b{i}", f"copy{k}")))
    # look-alikes that are not copies: other numbers, far apart in time, a paper citing its namesake
    for k in range(10):
        i = 31 + 101 * k
        add_paper(G, f"v{k}a", title=f"{base[i]} {k + 2}", year=2020)
        add_paper(G, f"v{k}b", title=f"{base[i]} {k + 3}", year=2020)
    for k in range(5):
        i = 47 + 89 * k
        add_paper(G, f"late{k}", title=base[i][:-1], year=2015 + i % 10 + 6)
        add_paper(G, f"sequel{k}", title=base[i + 1] + "s", year=2015 + (i + 1) % 10)
        add_link(G, f"sequel{k}", f"b{i + 1}", "cites")

    frame = duplicate_candidates(G)
    assert {frozenset((r["keep"], r["drop"])) for r in frame.to_dict("records")} == planted
    assert set(frame["drop"]) == {f"copy{k}" for k in range(20)}  # the resolved original is kept
    reasons = dict(zip(frame["drop"], frame["reason"]))
    assert {reasons[f"copy{k}"] for k in range(3, 20, 5)} == {"same title"}
    near = frame[frame["reason"] == "near-identical title"]
    assert len(near) == 16 and near["similarity"].between(0.9, 1, inclusive="left").all()


def test_blocking_finds_what_comparing_every_pair_finds():
    """Dense near-duplicates from a small vocabulary: the blocked search against all pairs scored."""
    from rapidfuzz import fuzz, process

    from citegraph.analysis.audit import TITLE_SIMILARITY, _PAIRWISE_BLOCK, _title_blocks
    from citegraph.graph.model import normalize_title

    rng = np.random.default_rng(3)
    words, weights = _vocabulary(rng, 80)
    titles = _titles(rng, words, weights, 400, lengths=(4, 9))
    variants = []
    for title in titles[:250]:
        for _ in range(int(rng.integers(1, 4))):
            chars = list(title)
            for _ in range(int(rng.integers(1, 3))):
                at = int(rng.integers(0, len(chars)))
                if rng.random() < 0.5:
                    del chars[at]
                else:
                    chars.insert(at, chars[at - 1])
            variants.append("".join(chars))
    numbered = [f"{t} {int(rng.integers(1, 4))}" for t in titles[250:330]]
    G = new_graph()
    for i, title in enumerate(titles + variants + numbered):
        add_paper(G, f"p{i}", title=title)

    keys = {}
    for node, title in G.nodes(data="title"):
        keys.setdefault(normalize_title(title), []).append(node)
    unique = [k for k in keys if len(k) >= 12]
    scores = process.cdist(unique, unique, scorer=fuzz.ratio, dtype=np.float32)
    digits = [{w for w in k.split() if any(c.isdigit() for c in w)} for k in unique]
    every_pair = nx.Graph()
    every_pair.add_nodes_from(unique)
    for i, j in zip(*np.nonzero(np.triu(scores >= 100 * TITLE_SIMILARITY, 1))):
        if digits[i] == digits[j]:
            every_pair.add_edge(unique[i], unique[j])
    expected = set()
    for component in nx.connected_components(every_pair):
        nodes = frozenset(n for key in component for n in keys[key])
        if len(nodes) > 1:
            expected.add(nodes)
    assert len(expected) > 150  # the set is dense with near-duplicates

    frame = duplicate_candidates(G)
    found = nx.Graph(list(zip(frame["keep"], frame["drop"])))
    assert {frozenset(c) for c in nx.connected_components(found)} == expected
    # both ways of scoring a block were used
    _, block = _title_blocks(unique)
    assert np.bincount(block).max() > _PAIRWISE_BLOCK


# --------------------------------------------- a graph built from text alone


@pytest.fixture()
def text_graph():
    from citegraph.lists.reader import read_lists
    from citegraph.lists.assemble import graph_from_entries
    from citegraph.reporting import example_list_path

    return graph_from_entries(read_lists([example_list_path()]).entries)


def test_text_only_graph_says_once_that_nothing_was_fetched(text_graph):
    listed = sum(1 for _, d in text_graph.nodes(data="listed") if d)
    assert listed > 40 and not was_fetched(text_graph)
    report = audit(text_graph)
    assert report["not_fetched"]["listed"].tolist() == [listed]
    for name in ("unresolved", "no_references", "capped_citations", "unresolved_references"):
        assert report[name].empty, name
    frame = audit_frame(report)
    assert len(frame) == len(report["duplicates"]) + 1
    row = frame.iloc[0]
    assert row["problem"] == "not_fetched" and pd.isna(row["id"]) and pd.isna(row["title"])
    assert row["detail"].startswith("nothing fetched from Semantic Scholar (graph built from the lists' text)")
    assert f"the {listed} listed papers" in row["detail"] and "citegraph build LIST... -o GRAPH" in row["detail"]
    summary = audit_summary(report)
    assert summary.startswith(f"audit: {len(report['duplicates'])} likely duplicates; nothing fetched")
    assert "unresolved" not in summary.split(";")[0]


def test_text_only_graph_still_finds_duplicates(text_graph):
    first = next(n for n, d in text_graph.nodes(data=True) if d.get("arxiv"))
    data = text_graph.nodes[first]
    add_paper(text_graph, "title:copy", title=data["title"] + ".", arxiv=data["arxiv"], listed=True)
    frame = audit_frame(audit(text_graph))
    assert frame["problem"].tolist() == ["not_fetched", "duplicates"]
    assert frame["id"].iloc[1] == "title:copy"


def test_a_fetch_that_resolved_nothing_lists_every_paper(text_graph):
    # an offline run with an empty cache: the pipeline records its run, nothing resolves
    from citegraph.fetch.records import add_fetched

    listed = [n for n, d in text_graph.nodes(data="listed") if d]
    G = add_fetched(text_graph, resolved={}, records={}, stats={"listed": len(listed), "resolved": 0})
    assert was_fetched(G)
    report = audit(G)
    assert report["not_fetched"].empty
    assert report["unresolved"]["id"].tolist() == listed
    assert set(report["unresolved"]["reason"]) == {"listed but not resolved to a Semantic Scholar paper"}
    assert audit_summary(report).startswith(f"audit: {len(listed)} unresolved papers, 0 papers with no references")


def test_fetched_graph_signs(text_graph):
    first = next(iter(text_graph))
    resolved = text_graph.copy()
    add_paper(resolved, first, paper_id="f00d")
    cited = text_graph.copy()
    add_paper(cited, "ref", title="Some Reference")
    add_link(cited, first, "ref", "cites")
    assert was_fetched(resolved) and was_fetched(cited) and not was_fetched(text_graph)
    assert audit(resolved)["not_fetched"].empty
    # one listed paper resolved: the others are reported one by one again
    assert len(audit(resolved)["unresolved"]) == sum(1 for _, d in text_graph.nodes(data="listed") if d) - 1


# ------------------------------------------------------------ the command


def _run(*args):
    from click.testing import CliRunner

    from citegraph.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_text_only_graph(text_graph, tmp_path):
    path = tmp_path / "graph.json"
    save_graph(text_graph, path)
    result = _run("audit", path, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["problem"] for r in rows] == ["not_fetched"]
    assert list(rows[0]) == list(AUDIT_COLUMNS) and rows[0]["id"] is None
    assert "nothing fetched from Semantic Scholar" in result.stderr and "S2_API_KEY" in result.stderr


def test_cli_output_is_stable_and_merge_is_recorded(dups, tmp_path):
    path = tmp_path / "graph.json"
    save_graph(dups, path)
    first = _run("audit", path, "--format", "csv")
    assert first.exit_code == 0, first.output
    assert first.stdout == _run("audit", path, "--format", "csv").stdout
    table = pd.read_csv(io.StringIO(first.stdout))
    assert tuple(table.columns) == AUDIT_COLUMNS
    expected_rows = audit_frame(audit(dups))
    assert table["problem"].tolist() == expected_rows["problem"].tolist()
    assert table["id"].fillna("-").tolist() == expected_rows["id"].fillna("-").tolist()
    order = [AUDIT_SECTIONS.index(p) for p in table["problem"]]
    assert order == sorted(order) and table["problem"].value_counts()["duplicates"] == 4
    as_json = json.loads(_run("audit", path, "--format", "json").stdout)
    csv_rows = table.astype(object).where(table.notna(), None).values.tolist()
    assert [[r[c] for c in AUDIT_COLUMNS] for r in as_json] == csv_rows

    result = _run("audit", path, "--merge")
    assert result.exit_code == 0, result.output
    assert f"merged 4 duplicates into {path}" in result.stderr
    merged = load_graph(path)
    suggested = {(r["id"], r["detail"].split(": merge into ")[1].split(" (")[0])
                 for r in as_json if r["problem"] == "duplicates"}
    assert {(m["drop"], m["keep"]) for m in merged.graph["merged"]} == suggested
    record = next(m for m in merged.graph["merged"] if m["drop"] == "near2")
    assert record == {"keep": "near1", "drop": "near2", "reason": "near-identical title",
                      "title": "Scaling Autoregressive Model for Content Rich Text to Image Generation"}
    again = _run("audit", path, "--format", "json")
    assert "duplicates" not in {r["problem"] for r in json.loads(again.stdout)}
    assert "0 likely duplicates" in again.stderr


def test_a_list_s_own_semantic_scholar_id_is_not_a_fetched_paper(tmp_path):
    """report --no-fetch on a list that names a paper by its S2 id: one not_fetched row, nothing judged."""
    from citegraph.reporting import report

    lst = tmp_path / "ids.txt"
    lst.write_text("a9b42b0ccf0ba2e9f511881cc41013c66cb0e24c\narXiv:2405.09818\n", encoding="utf-8")
    G = report([lst], tmp_path / "out", fetch=False).graph
    assert any(pid for _, pid in G.nodes(data="paper_id")) and not was_fetched(G)
    frame = audit_frame(audit(G))
    assert frame["problem"].tolist() == ["not_fetched"]
