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


def foo_bar_links(statement: str) -> list[tuple[str, str]]:
    """The successor pairs found when Bar's own text is ``statement`` and Foo is the other paper."""
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", text=statement)
    return pairs(successors(G))


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
    assert links[0]["evidence"][0] == {"kind": "text", "detail": "我们基于Meta AI的Chameleon构建Anole", "source": "list"}


@pytest.mark.parametrize(
    "statement",
    ["We build Bar on top of Foo.", "Bar is initialized from Foo.", "Bar is fine-tuned from Foo.",
     "Bar extends Foo to video.", "Bar is an advanced version of Foo.", "Bar is the successor of Foo.",
     "Bar is based on Foo.", "在Foo的基础上，我们提出Bar。", "Bar以Foo为基础。", "Bar是Foo的升级版。",
     "继Foo之后，我们推出Bar。", "Bar由Foo初始化。", "Bar基于Foo构建。"],
)
def test_builds_on_statements(statement):
    assert foo_bar_links(statement) == [("foo", "bar")]


@pytest.mark.parametrize(
    "statement",
    ["Bar outperforms Foo.", "与Foo相比，Bar更快。", "Baselines such as Foo and DALL-E fall short.",
     "我们在Foo数据集上微调模型。"],
)
def test_comparisons_are_not_lineage(statement):
    assert foo_bar_links(statement) == []


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
    assert text.splitlines()[1:3] == ["Foo (2023) arXiv:2301.00001", "└─ Foo 2 (2023) arXiv:2305.00001  [version 0.69: name; 2 shared authors; 2023-01 → 2023-05]"]
    assert text.splitlines()[3].startswith("   └─ Foo-3 (2024) arXiv:2402.00001  [")
    md = lineage_report(G, fmt="md")
    assert md.startswith("# Model lineage") and "\n  - Foo 2" in md and "\n    - Foo-3" in md
    with pytest.raises(UsageError):
        lineage_report(G, family="Nothing")
    data = json.loads(lineage_report(G, fmt="json", family="foo"))
    assert [(l["parent"]["name"], l["child"]["name"]) for l in data] == [("Foo", "Foo 2"), ("Foo 2", "Foo-3")]
    assert set(data[0]) == {"parent", "child", "confidence", "evidence", "family", "kind"}
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
    from citegraph.analysis.lineage.evidence import _LONG_FORM, _long_forms

    assert [m.span() for m in _long_forms(text)] == [m.span() for m in _LONG_FORM.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Foo", "SEED", "Foo-Bar", "X", "a.b"]), texts)
def test_name_suffixes_are_what_a_regex_per_name_finds(name, text):
    from citegraph.analysis.lineage.evidence import _suffixed

    regex = re.compile(rf"(?<![\w-]){re.escape(name)}-([A-Z][A-Za-z]+)(?![\w-])")
    assert _suffixed(name, text) == [m.group(0) for m in regex.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_one_search_finds_a_builds_on_phrase_where_any_of_them_does(text):
    from citegraph.analysis.lineage.statements import _ANY_BEFORE_RX, _BEFORE_RX

    assert bool(_ANY_BEFORE_RX.search(text)) == any(rx.search(text) for rx in _BEFORE_RX)


def seed_family():
    """SEED → SEED-LLaMA → SEED-X, and SEED → AnyGPT: a first child with children of its own."""
    G = new_graph()
    add_paper(G, "seed", title="SEED: Planting a Seed of Vision", arxiv="2307.08041", year=2023)
    add_paper(G, "llama", title="SEED-LLaMA: Making LLaMA See and Draw", arxiv="2310.01218", year=2023,
              text="SEED-LLaMA builds on SEED with an upgraded tokenizer.")
    add_paper(G, "x", title="SEED-X: Multimodal Models", arxiv="2404.14396", year=2024,
              text="SEED-X extends SEED-LLaMA to images of any size.")
    add_paper(G, "anygpt", title="AnyGPT: Unified Multimodal LLM", arxiv="2402.12226", year=2024,
              text="For images AnyGPT is built on SEED.")
    add_paper(G, "x2", title="SEED-X2: More", arxiv="2405.00001", year=2024, text="SEED-X2 extends SEED-X.")
    return G


def test_text_tree_continues_the_branch_of_a_node_with_younger_siblings():
    lines = lineage_report(seed_family()).splitlines()
    shape = [l.split(" (")[0] for l in lines[1:]]
    assert shape == [
        "SEED",
        "├─ SEED-LLaMA",
        "│  └─ SEED-X",  # the │ runs down to AnyGPT, SEED-LLaMA's younger sibling
        "│     └─ SEED-X2",
        "└─ AnyGPT",
    ]
    # every level three columns deeper: a child's branch starts under its parent's name
    for parent, child in [(0, 1), (1, 2), (2, 3), (0, 4)]:
        assert shape[child].index("─") - 1 == re.search(r"\w", shape[parent]).start()


def _md_tree(md: str) -> list[tuple[int, str]]:
    """(list depth, text) of each list item, as a CommonMark parser reads ``md``."""
    from markdown_it import MarkdownIt

    depth, out = 0, []
    for tok in MarkdownIt("commonmark").parse(md):
        depth += {"bullet_list_open": 1, "bullet_list_close": -1}.get(tok.type, 0)
        if tok.type == "inline" and depth:
            assert {c.type for c in tok.children} <= {"text", "softbreak"}, tok.children  # no markup from data
            out.append((depth, "".join(c.content for c in tok.children)))
    return out


def test_markdown_report_parses_as_a_nested_list():
    md = lineage_report(seed_family(), fmt="md")
    assert "\\" not in md  # nothing here needs escaping, so nothing is escaped
    items = _md_tree(md)
    assert [(d, t.split(" (")[0]) for d, t in items] == [
        (1, "SEED"), (2, "SEED-LLaMA"), (3, "SEED-X"), (4, "SEED-X2"), (2, "AnyGPT")
    ]
    assert items[1][1].endswith('text "SEED-LLaMA builds on SEED with an upgraded tokenizer."; name; 2023-07 → 2023-10]')


def test_markdown_shows_names_and_quotes_as_written():
    G = new_graph()
    add_paper(G, "a", title="Foo: A Model", name="Foo_<i>1</i>*x", arxiv="2301.00001", year=2023)
    quote = "Bar is built on Foo_<i>1</i>*x <b>fast</b> [see](notes.md) | `c` &#1"
    add_paper(G, "b", title="Bar: Next", name="1. Bar", arxiv="2302.00001", year=2023, text=quote)
    md = lineage_report(G, fmt="md")
    items = _md_tree(md)
    assert [d for d, _ in items] == [1, 2]
    assert items[0][1] == "Foo_<i>1</i>*x (2023) arXiv:2301.00001"
    assert items[1][1].startswith("1. Bar (2023) arXiv:2302.00001") and quote in items[1][1]


def test_report_takes_precomputed_links():
    G = seed_family()
    links = successors(G)  # min_confidence 0: the report applies its own threshold
    for fmt in ("text", "md", "json"):
        for threshold in (0.0, 0.3, 0.75):
            assert lineage_report(G, fmt=fmt, min_confidence=threshold, links=links) == lineage_report(
                G, fmt=fmt, min_confidence=threshold
            )
    assert families(G, links=links) == families(G)
    assert "SEED-X2" not in lineage_report(G, links=links[:3])  # they are used, not recomputed


def test_annotating_the_graph_does_not_change_its_lineage():
    """reporting.py annotates G with builds_on edges, then reports from links computed before."""
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites", intents=["methodology"])
    before = successors(G)
    annotate_lineage(G, before)
    assert successors(G) == before


def test_citation_cycles_are_broken_by_date_and_reported(tmp_path):
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo", "foo2", "cites")  # Foo's preprint, updated after Foo 2, cites it back
    add_link(G, "foo3", "foo2", "cites")
    link = next(l for l in successors(G) if l["child"]["id"] == "foo2")
    assert link["parent"]["id"] == "foo"
    citation = next(e for e in link["evidence"] if e["kind"] == "citation")
    assert "cycle broken by date" in citation["detail"]
    text = lineage_report(G, main_path=True)
    assert text.endswith(
        "Citation cycles broken by date:\n"
        "  1 citation dropped, each closing a cycle and running back in time, citing → cited:\n"
        "  - Foo [foo] → Foo 2 [foo2]"
    )
    data = json.loads(lineage_report(G, fmt="json", main_path=True))
    assert data["broken_cycles"] == [["foo", "foo2"]] and data["time_reversed"] == []
    assert [p["id"] for p in data["main_path"]] == ["foo", "foo2", "foo3"]
    assert [p["name"] for p in data["main_path"]] == ["Foo", "Foo 2", "Foo-3"]  # names as the links give them


@pytest.mark.parametrize(
    "statement",
    ["Bar is a follow-up of Foo.", "Bar is built on Foo.", "Bar is Foo's successor.", "Bar builds upon Foo.",
     "Bar是Foo的后续工作。", "Bar是在Foo基础上开发的。"],
)
def test_more_builds_on_statements(statement):
    assert foo_bar_links(statement) == [("foo", "bar")]


@pytest.mark.parametrize(
    "statement",
    ["Bar outperforms models built on Foo.", "Bar beats methods that are based on Foo.",
     "Unlike Foo, Bar is fast.", "与基于Foo的方法相比，Bar更快。"],
)
def test_other_works_built_on_the_parent_are_not_lineage(statement):
    assert foo_bar_links(statement) == []


def test_versions_glued_to_a_variant_or_to_the_first_word():
    assert (parse_name("Show-o2").variant, parse_name("Show-o2").version) == ("o", 2.0)
    assert (parse_name("Qwen2-VL").variant, parse_name("Qwen2-VL").version) == ("vl", 2.0)
    assert parse_name("T2I-R1").stem == "t2ir1"  # a generic first word still takes the next one
    G = new_graph()
    team = ["Jinheng Xie", "Mike Zheng Shou"]
    add_paper(G, "o", title="Show-o: One Single Transformer", arxiv="2408.12528", authors=team)
    add_paper(G, "o2", title="Show-o2: Improved Native Unified Models", arxiv="2506.15564", authors=team)
    add_paper(G, "one", title="Show-1: Marrying Pixel and Latent Diffusion", arxiv="2309.15818", authors=["Other One"])
    add_paper(G, "qvl", title="Qwen-VL: A Versatile Vision-Language Model", arxiv="2308.12966", authors=["Jinze Bai"])
    add_paper(G, "q2", title="Qwen2-VL: Enhancing Perception", arxiv="2409.12191", authors=["Jinze Bai", "Peng Wang"])
    add_paper(G, "q25", title="Qwen2.5-VL Technical Report", arxiv="2502.13923", authors=["Peng Wang"])
    assert sorted(pairs(successors(G))) == [("o", "o2"), ("q2", "q25"), ("qvl", "q2")]


def test_the_field_level_main_path_is_part_of_the_lineage_module():
    from citegraph.analysis import lineage, mainpath

    assert "main_path" in lineage.__all__ and lineage.main_path is mainpath.main_path
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo3", "foo2", "cites")
    add_link(G, "foo3", "foo", "cites")
    assert lineage.main_path(G)["path"] == ["foo", "foo2", "foo3"]
    assert lineage.main_path(G, method="splc", kind="key-route", key_routes=1)["path"] == ["foo", "foo2", "foo3"]


def test_a_paper_with_two_parents_is_drawn_once_then_referred_to():
    G = new_graph()
    add_paper(G, "clip", title="CLIP: Learning Transferable Visual Models", arxiv="2103.00020", year=2021)
    add_paper(G, "sdxl", title="SDXL: Improving Latent Diffusion Models", arxiv="2307.01952", year=2023)
    add_paper(G, "taiyi", title="Taiyi-XL: Bilingual Generation", arxiv="2401.14688", year=2024,
              text="Taiyi-XL is built on CLIP and SDXL.")
    add_paper(G, "next", title="Taiyi-XL2: More", arxiv="2406.00001", year=2024, text="Taiyi-XL2 extends Taiyi-XL.")
    shape = [l.split(" (")[0] + (" (see above)" if "(see above)" in l else "") for l in lineage_report(G).splitlines()[1:]]
    assert shape == [
        "CLIP", "└─ Taiyi-XL", "   └─ Taiyi-XL2",
        "SDXL", "└─ Taiyi-XL (see above)",
    ]


def test_each_kind_of_evidence_is_named():
    G = chain_graph()
    G.nodes["foo"]["repos"] = ["https://github.com/team/foo"]
    G.nodes["foo2"]["repos"] = ["https://github.com/team/foo"]
    G.nodes["foo2"]["text"] = "Foo 2 is initialized from Foo."
    add_link(G, "foo2", "foo", "cites", intents=["methodology"], is_influential=True)
    link = next(l for l in successors(G) if l["child"]["id"] == "foo2")
    assert [e["kind"] for e in link["evidence"]] == [
        "text", "citation", "intent", "influential", "authors", "repo", "name", "date"
    ]
    details = {e["kind"]: e["detail"] for e in link["evidence"]}
    assert details["text"] == "Foo 2 is initialized from Foo."
    assert details["authors"] == "2 shared: Ada Lovelace, Alan Turing"
    assert details["repo"] == "same repository github.com/team/foo"
    assert details["date"] == "2023-01 → 2023-05"
    # noisy-OR of text .70, citation .20, intent .25, influential .20, 2 of 3 authors .45,
    # same repository .35, name .40, date .05
    miss = 0.30 * 0.80 * 0.75 * 0.80 * 0.55 * 0.65 * 0.60 * 0.95
    assert link["family"] == "Foo" and link["confidence"] == round(1 - miss, 3)


@pytest.mark.parametrize(
    "statement",
    ["Bar uses existing image tokenizers (e.g., Foo) for keyframes.", "Bar adopts the backbone of Foo.",
     "Bar利用现有的图像标记化器（如 Foo）来处理关键帧。", "Bar采用Foo作为骨干网络。", "Bar uses Foo as the tokenizer."],
)
def test_reusing_the_parent_as_tokenizer_or_backbone_is_lineage(statement):
    assert foo_bar_links(statement) == [("foo", "bar")]


@pytest.mark.parametrize(
    "statement",
    ["Baselines use tokenizers such as Foo.", "Bar uses a CLIP-like encoder, unlike Foo.",
     "我们使用Foo作为评测指标。", "Bar采用的分词器比Foo更快。"],
)
def test_tokenizers_and_backbones_of_others_are_not_lineage(statement):
    assert foo_bar_links(statement) == []


def test_an_all_capitals_name_in_ordinary_casing_counts_only_in_a_statement():
    G = new_graph()
    add_paper(G, "bagel", title="BAGEL: Emerging Properties", arxiv="2505.14683")
    add_paper(G, "nhr", title="NHR: An Editing Dataset", arxiv="2507.14119",
              text="我们还发布了Bagel-NHR-Edit，一个具有最先进指标的微调Bagel模型。")
    add_paper(G, "cmp", title="Cmp: A Comparison", arxiv="2508.00001", text="Bagel and Foo are both strong.")
    # a family member that only says the word gets no mention support from it
    add_paper(G, "bagel2", title="BAGEL-Wise: Another Team", arxiv="2509.00001", text="Wise choices matter. Bagel is food.")
    links = successors(G)
    assert pairs(links) == [("bagel", "nhr")]
    assert links[0]["evidence"][0]["detail"].endswith("微调Bagel模型")


def versions_family(n: int, tied: int):
    """Foo, Foo-2 ... Foo-n, each by its own author; Foo-n also shares one with Foo-``tied``."""
    G = new_graph()
    for v in range(1, n + 1):
        name = "Foo" if v == 1 else f"Foo-{v}"
        authors = [f"Author Number{v}"] + (["Shared Person"] if v in (tied, n) else [])
        add_paper(G, f"v{v}", title=f"{name}: Version {v}", arxiv=f"23{v:02d}.00001", authors=authors)
    return G


def test_a_child_skips_untied_closer_versions_for_a_tied_one():
    assert pairs(successors(versions_family(5, tied=2))) == [("v2", "v5")]
    assert pairs(successors(versions_family(5, tied=1))) == [("v1", "v5")]


def test_only_the_closest_elders_of_a_family_are_tried():
    # Foo-12's eight closest elders (Foo-11 ... Foo-4) show no tie: Foo-2 is too far to be
    # linked on its name and one shared author (this keeps a family of n papers linear in n)
    from citegraph.analysis.lineage.families import _FAMILY_TRIES

    assert _FAMILY_TRIES == 8
    assert pairs(successors(versions_family(12, tied=4))) == [("v4", "v12")]
    assert successors(versions_family(12, tied=3)) == []


def test_a_tree_is_headed_by_its_root_and_names_the_families_inside():
    G = chain_graph()
    add_paper(G, "base", title="Basenet: A Foundation", arxiv="2201.00001", year=2022)
    G.nodes["foo"]["text"] = "Foo is built on Basenet."
    lines = lineage_report(G).splitlines()
    assert [l for l in lines if l.startswith("Lineage")] == ["Lineage 1: Basenet lineage (with the Foo family)"]
    assert lines[1].startswith("Basenet (2022)")


# ------------------------------------------------ the main path's left-out citations (QA of issue 5)


def cyclic_field(pairs_outside=15):
    """The Foo chain plus ``pairs_outside`` pairs of same-year preprints citing each other,
    and one such pair touching Foo 2: every pair is a cycle broken by date."""
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo3", "foo2", "cites")
    for i in range(pairs_outside):
        add_paper(G, f"x{i}", title=f"Study {i} of things", arxiv=f"2201.{i:05d}")
        add_paper(G, f"y{i}", title=f"Survey {i} of stuff", arxiv=f"2203.{i:05d}")
        add_link(G, f"y{i}", f"x{i}", "cites")
        add_link(G, f"x{i}", f"y{i}", "cites")
    add_paper(G, "near", title="Nearby Work on Models", arxiv="2306.00002")
    add_link(G, "near", "foo2", "cites")
    add_link(G, "foo2", "near", "cites")
    return G


def test_text_shows_a_count_and_the_first_ten_broken_cycles_json_all():
    G = cyclic_field()
    text = lineage_report(G, main_path=True)
    section = text[text.index("Citation cycles broken by date:"):].splitlines()
    assert section[1] == "  16 citations dropped, each closing a cycle and running back in time. The first 10, citing → cited:"
    assert len([l for l in section if l.startswith("  - ")]) == 10
    assert section[-1] == "  … 6 more (all in --format json)"
    md = lineage_report(G, fmt="md", main_path=True)
    assert "\n- … 6 more (all in --format json)\n" in md and md.count("dropped") == 1
    data = json.loads(lineage_report(G, fmt="json", main_path=True))
    assert len(data["broken_cycles"]) == 16
    assert sorted(map(tuple, data["broken_cycles"])) == sorted(
        [(f"x{i}", f"y{i}") for i in range(15)] + [("foo2", "near")])  # the older one citing the newer goes


def test_with_a_family_only_the_cycles_touching_its_papers_are_reported():
    G = cyclic_field()
    text = lineage_report(G, main_path=True, family="Foo")
    section = text[text.index("Citation cycles broken by date:"):].splitlines()
    assert section == [
        "Citation cycles broken by date:",
        "  1 citation touching the Foo family's papers dropped, each closing a cycle and running back in time, citing → cited:",
        "  - Foo 2 [foo2] → Nearby Work on Models [near]",
    ]
    data = json.loads(lineage_report(G, fmt="json", main_path=True, family="Foo"))
    assert data["broken_cycles"] == [["foo2", "near"]] and data["time_reversed"] == []
    assert [p["id"] for p in data["main_path"]] == ["foo", "foo2", "foo3"]  # the field's path is not filtered


def test_citations_far_back_in_time_are_left_out_and_steps_back_are_marked():
    G = chain_graph()
    add_link(G, "foo2", "foo", "cites")
    add_link(G, "foo3", "foo2", "cites")
    add_paper(G, "old", title="Old Work", arxiv="1905.00001")
    add_link(G, "old", "foo3", "cites")  # a 2019 preprint revised in 2024: no knowledge flows back
    add_paper(G, "early", title="Earlier Work", arxiv="2311.00001")
    add_link(G, "early", "foo3", "cites")  # two months back: a revision, kept
    data = json.loads(lineage_report(G, fmt="json", main_path=True))
    assert data["time_reversed"] == [["old", "foo3"]] and data["broken_cycles"] == []
    assert [p["id"] for p in data["main_path"]] == ["foo", "foo2", "foo3", "early"]
    lines = lineage_report(G, main_path=True).splitlines()
    path = lines[lines.index("Main path:") + 1 : lines.index("Main path:") + 5]
    assert [l.endswith("↩ earlier than the paper before") for l in path] == [False, False, False, True]
    note = lines[lines.index("Main path:") + 5]
    assert note.startswith("  Note: 1 step of the main path goes back in time (↩)")
    assert lines[-2:] == [
        "  1 citation left out of the main path, each of a paper more than a year newer than the citing one, citing → cited:",
        "  - Old Work [old] → Foo-3 [foo3]",
    ]


def test_long_statements_are_cut_at_a_word_with_an_ellipsis():
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
    text = ("Bar is a brand new generative system trained for a very long time, and it is fine-tuned from Foo "
            "with additional multilingual supervision, longer contexts and an improved tokenizer for speech.")
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2305.00001", text=text)
    (link,) = successors(G)
    quote = link["evidence"][0]["detail"]
    assert quote.startswith("…") and quote.endswith("…") and len(quote) <= 105
    inner = quote[1:-1]
    assert inner in text and "fine-tuned from Foo" in inner
    start, end = text.index(inner), text.index(inner) + len(inner)
    assert text[start - 1] == " " and text[end] in " ,"  # whole words at both ends
    brief = lineage_report(G).splitlines()[-1]
    shown = re.search(r'text "(.*)"', brief).group(1)
    assert shown.endswith("…") and len(shown) <= 70 and shown[:-1].rstrip(",") in quote


def test_every_evidence_kind_the_code_emits_is_documented():
    import pathlib

    from citegraph.analysis import lineage

    package = pathlib.Path(lineage.__file__).parent
    source = "\n".join(f.read_text(encoding="utf-8") for f in sorted(package.glob("*.py")))
    emitted = set(re.findall(r'_evidence\("(\w+)"', source))
    assert not re.search(r'"kind"\s*:\s*["\']', source)  # every item with a literal kind goes through _evidence
    documented = set(re.findall(r"^    ``(\w+)`` \(", lineage.successors.__doc__, re.M))
    assert emitted <= documented == set(lineage.EVIDENCE_KINDS)
    assert set(lineage.WEIGHTS) <= set(lineage.EVIDENCE_KINDS)
    readme = (package.parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(l for l in readme.splitlines() if l.startswith("| `citegraph lineage --format json` |"))
    assert {k for k in lineage.EVIDENCE_KINDS if f"`{k}` (" in row} == set(lineage.EVIDENCE_KINDS)
    with pytest.raises(ValueError):
        lineage.evidence._evidence("vibes", "")


def test_listed_together_gives_the_parent_first():
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001", sources=["list.md:21"])
    add_paper(G, "foo2", title="Foo-2: A Better Model", arxiv="2305.00001", sources=["list.md:20"])
    (link,) = successors(G)
    assert {"kind": "list", "detail": "listed together in list.md: the parent at line 21, the child at line 20"} in link["evidence"]


def test_counts_in_the_report_agree_with_their_nouns():
    G = chain_graph()
    G.nodes["foo3"]["authors"] = ["Alan Turing"]
    brief = lineage_report(G).splitlines()
    assert "; 2 shared authors;" in brief[2] and "; 1 shared author;" in brief[3]
    two = cyclic_field(pairs_outside=1)
    assert "  2 citations dropped, each" in lineage_report(two, main_path=True)
