"""Lineage on small hand-built graphs with known answers, and the ``lineage`` command."""

from __future__ import annotations

import json

import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from citegraph.analysis.lineage import (
    annotate_lineage,
    families,
    family_stem,
    lineage_report,
    parse_name,
    successors,
)
from citegraph.cli import main
from citegraph.errors import UsageError
from citegraph.graph.model import add_link, add_paper, new_graph, save_graph


def pairs(links):
    return [(l["parent"]["id"], l["child"]["id"]) for l in links]


def chain_graph():
    """Foo → Foo 2 → Foo 3 by one team, plus an unrelated Foo from elsewhere."""
    G = new_graph()
    team = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001", authors=team)
    add_paper(G, "foo2", title="Foo 2: A Better Model", arxiv="2305.00001", authors=team[:2] + ["Kurt Gödel"])
    add_paper(G, "foo3", title="Foo-3: The Best Model", arxiv="2402.00001", authors=team[1:])
    add_paper(G, "homonym", title="Foo: An Unrelated Method", arxiv="2406.00001", authors=["Someone Else"])
    return G


@pytest.mark.parametrize(
    "name, stem",
    [("Foo", "foo"), ("Foo2", "foo"), ("Foo-2", "foo"), ("Foo 2.0", "foo"), ("Foo-Pro", "foo"),
     ("Foo-X", "foo"), ("Foo-α", "foo"), ("Foo-Σ", "foo"), ("Foo-mGPT", "foo"), ("FOO", "foo"),
     ("Mini-Gemini", "minigemini"), ("Video-LaVIT", "videolavit"), ("T2I-R1", "t2ir1")],
)
def test_family_stems(name, stem):
    assert family_stem(name) == stem


def test_glued_variants_join_a_known_family_only():
    assert family_stem("FooFlow", {"foo"}) == "foo"
    assert family_stem("FooFlow") == "fooflow"
    assert family_stem("OmniMamba", {"omni"}) == "omnimamba"  # a generic word founds no family


def test_a_chain_of_three_and_a_homonym_that_must_not_be_linked():
    links = successors(chain_graph())
    assert pairs(links) == [("foo", "foo2"), ("foo2", "foo3")]
    assert all(l["family"] == "Foo" for l in links)
    assert families(chain_graph()) == {"Foo": ["foo", "foo2", "foo3"]}


def test_versions_choose_the_closest_lower_one():
    assert parse_name("Foo-3").version == 3.0 and parse_name("Foo").version is None
    G = chain_graph()
    add_paper(G, "foopro", title="Foo-Pro: Scaled Up", arxiv="2403.00001", authors=["Alan Turing"])
    # a variant descends from the latest earlier base model (Foo-3), not from Foo
    links = pairs(successors(G))
    assert ("foo3", "foopro") in links and ("foo", "foopro") not in links


def test_cross_family_link_from_text_with_chinese_and_english_statements():
    G = new_graph()
    add_paper(G, "cham", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818")
    add_paper(G, "anole", title="ANOLE: An Open Model", arxiv="2407.06135",
              text="为缓解这些限制，我们提出了Anole。我们基于Meta AI的Chameleon构建Anole。")
    add_paper(G, "janus", title="Janus: Decoupling Visual Encoding", arxiv="2410.13848",
              text="Previous research often relies on a single visual encoder, such as Chameleon.")
    links = successors(G)
    assert pairs(links) == [("cham", "anole")]  # Janus only compares with Chameleon
    assert links[0]["family"] is None
    assert links[0]["evidence"][0] == {"kind": "text", "detail": "我们基于Meta AI的Chameleon构建Anole"}


@pytest.mark.parametrize(
    "statement",
    ["We build Bar on top of Foo.", "Bar is initialized from Foo.", "Bar is fine-tuned from Foo.",
     "Bar extends Foo to video.", "Bar is an advanced version of Foo.", "Bar is the successor of Foo.",
     "Bar is based on Foo.", "在Foo的基础上，我们提出Bar。", "Bar以Foo为基础。", "Bar是Foo的升级版。",
     "继Foo之后，我们推出Bar。", "Bar由Foo初始化。", "Bar基于Foo构建。"],
)
def test_builds_on_statements(statement):
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", text=statement)
    assert pairs(successors(G)) == [("foo", "bar")]


@pytest.mark.parametrize(
    "statement",
    ["Bar outperforms Foo.", "与Foo相比，Bar更快。", "Baselines such as Foo and DALL-E fall short.",
     "我们在Foo数据集上微调模型。"],
)
def test_comparisons_are_not_lineage(statement):
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", text=statement)
    assert successors(G) == []


def test_a_statement_against_the_dates_is_dropped():
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2305.00001")
    add_paper(G, "bar", title="Bar: Older Model", arxiv="2301.00001", text="Bar is built on Foo.")
    assert successors(G) == []


def test_confidence_grows_with_evidence():
    def conf(**cite):
        G = new_graph()
        add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
        add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", text="Bar is built on Foo.")
        if cite:
            add_link(G, "bar", "foo", "cites", **cite)
        return successors(G)[0]["confidence"]

    text = conf()
    cited = conf(is_influential=False)
    intent = conf(intents=["methodology"])
    everything = conf(intents=["methodology"], is_influential=True)
    assert 0 < text < cited < intent < everything < 1


def test_two_preprints_citing_each_other_get_one_direction_by_date():
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo", "foo2", "cites")  # a preprint updated after its successor appeared
    links = successors(G)
    assert ("foo", "foo2") in pairs(links) and ("foo2", "foo") not in pairs(links)


def test_strong_api_evidence_links_co_authors_without_names():
    G = new_graph()
    add_paper(G, "a", title="Something Old", arxiv="2301.00001", authors=["Ada Lovelace", "Alan Turing"])
    add_paper(G, "b", title="Something New", arxiv="2305.00001", authors=["Alan Turing"])
    add_link(G, "b", "a", "cites", intents=["methodology"], is_influential=True)
    assert pairs(successors(G)) == [("a", "b")]
    add_link(G, "b", "a", "cites", is_influential=False)
    assert successors(G) == []


def test_min_confidence_filters():
    G = chain_graph()
    assert successors(G, min_confidence=0.99) == []


def test_annotate_lineage_adds_builds_on_edges_with_evidence():
    G = chain_graph()
    assert annotate_lineage(G) == 2
    edge = G.edges["foo2", "foo"]
    assert edge["kind"] == "builds_on" and 0 < edge["confidence"] < 1
    assert {e["kind"] for e in edge["evidence"]} >= {"name", "authors", "date"}


def test_report_trees_and_family_filter():
    G = chain_graph()
    text = lineage_report(G)
    assert text.splitlines()[0] == "Lineage 1: Foo family"
    assert "  └─ Foo 2 " in text and "    └─ Foo-3 " in text
    md = lineage_report(G, fmt="md")
    assert md.startswith("# Model lineage") and "  - Foo 2" in md
    with pytest.raises(UsageError):
        lineage_report(G, family="Nothing")
    data = json.loads(lineage_report(G, fmt="json", family="foo"))
    assert [(l["parent"]["name"], l["child"]["name"]) for l in data] == [("Foo", "Foo 2"), ("Foo 2", "Foo-3")]
    assert set(data[0]) == {"parent", "child", "confidence", "evidence", "family"}
    assert set(data[0]["parent"]) == {"id", "arxiv", "title", "name", "year"}


def test_lineage_command(tmp_path):
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo3", "foo2", "cites")
    path = tmp_path / "g.json"
    save_graph(G, path)
    runner = CliRunner()
    result = runner.invoke(main, ["lineage", str(path), "--format", "json", "--main-path"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [p["id"] for p in data["main_path"]] == ["foo", "foo2", "foo3"]
    assert len(data["links"]) == 2
    result = runner.invoke(main, ["lineage", str(path), "--family", "Bar"])
    assert result.exit_code == 1 and result.output.strip() == "Error: no lineage for family 'Bar'"
    result = runner.invoke(main, ["lineage", str(path), "--min-confidence", "0.99"])
    assert result.exit_code == 0 and "No successor links found" in result.output


def test_known_stems_may_be_any_iterable():
    for stems in ({"janus"}, ["janus"], ("janus",), iter(["janus"]), {"janus": 1}):
        assert parse_name("JanusFlow", stems) == parse_name("JanusFlow", {"janus"})
    assert parse_name("JanusProFlow", ["janus", "januspro"]).stem == "januspro"  # the longest stem


def test_two_lineages_each_under_its_own_heading():
    G = chain_graph()
    add_paper(G, "cham", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818", year=2024)
    add_paper(G, "anole", title="Anole: An Open Model", arxiv="2407.06135", year=2024,
              text="We build Anole on top of Chameleon.")
    lines = lineage_report(G).splitlines()
    assert [l for l in lines if l.startswith("Lineage")] == ["Lineage 1: Chameleon lineage", "Lineage 2: Foo family"]
    assert lines.index("Lineage 2: Foo family") > max(i for i, l in enumerate(lines) if "Anole" in l)


# The lineage module finds aliases and builds-on phrases with helpers that
# avoid a regex per name or per pattern; each must find what the plain regex does.
_WORDS = ["Stable", "Diffusion", "XL", "SDXL", "Foo", "Foo-Bar", "bar", "(SDXL)", "（SDXL）", "(x)", "(Ab.c)", " ",
          "-", "\n", ".", ",", "的", "基于", "built on", "based on the", "our previous work", "and", "和", "Foo-Bar-Baz"]
texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), max_size=16).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_long_forms_are_what_the_long_form_regex_finds(text):
    from citegraph.analysis.lineage import _LONG_FORM, _long_forms

    assert [m.span() for m in _long_forms(text)] == [m.span() for m in _LONG_FORM.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Foo", "SEED", "Foo-Bar", "X", "a.b"]), texts)
def test_name_suffixes_are_what_a_regex_per_name_finds(name, text):
    from citegraph.analysis.lineage import _suffixed

    regex = re.compile(rf"(?<![\w-]){re.escape(name)}-([A-Z][A-Za-z]+)(?![\w-])")
    assert _suffixed(name, text) == [m.group(0) for m in regex.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_one_search_finds_a_builds_on_phrase_where_any_of_them_does(text):
    from citegraph.analysis.lineage import _ANY_BEFORE_RX, _BEFORE_RX

    assert bool(_ANY_BEFORE_RX.search(text)) == any(rx.search(text) for rx in _BEFORE_RX)
