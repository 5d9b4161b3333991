"""Issue 5, sentence by sentence: builds-on statements, families and their evidence.

Every English and Chinese form the issue lists must give a ``text`` link;
comparisons, evaluations and benchmarks built on a model's *outputs* must not.
Every name variation the issue lists joins its family, but only with
supporting evidence: the same name alone (or date order alone) links nothing.
"""

from __future__ import annotations

import pytest

from citegraph.analysis.lineage import families, lineage_report, successors
from citegraph.graph.model import add_link, add_paper, new_graph
from tests.analysis.lineage.test_lineage import pairs


def foo_and_bar(statement: str):
    """Foo (Jan 2023) and the later Bar, whose own text is ``statement``; nothing else ties them."""
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001", authors=["Ada Lovelace"])
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", authors=["Kurt Gödel"], text=statement)
    return G


# The forms the issue names, each once, in the order it names them.
ISSUE_FORMS = {
    "built on": "Bar is built on Foo.",
    "based on": "Bar is based on Foo.",
    "initialized from": "Bar is initialized from Foo.",
    "initialize ... with": "We initialize Bar with Foo weights.",
    "fine-tuned from": "Bar is fine-tuned from Foo.",
    "extends": "Bar extends Foo to video.",
    "follow-up of": "Bar is a follow-up of Foo.",
    "successor of": "Bar is the successor of Foo.",
    "advanced version of": "Bar is an advanced version of Foo.",
    "基于X构建": "Bar基于Foo构建。",
    "基于X，我们构建": "基于Foo，我们构建了Bar。",
    "在X的基础上": "在Foo的基础上，我们提出Bar。",
    "以X为基础": "Bar以Foo为基础。",
    "X的升级版": "Bar是Foo的升级版。",
    "继X之后": "继Foo之后，我们推出Bar。",
    "由X初始化": "Bar由Foo初始化。",
}


@pytest.mark.parametrize("statement", list(ISSUE_FORMS.values()), ids=list(ISSUE_FORMS))
def test_every_builds_on_form_of_the_issue_gives_a_text_link(statement):
    links = successors(foo_and_bar(statement))
    assert pairs(links) == [("foo", "bar")]
    assert [e["kind"] for e in links[0]["evidence"]] == ["text", "date"]
    quote = links[0]["evidence"][0]["detail"]
    assert "Foo" in quote and quote in statement  # the child's own words, as evidence
    assert links[0]["family"] is None  # a cross-family link


NOT_LINEAGE = {
    # what is built on the parent's outputs, or to evaluate it, is not its successor
    "benchmark on outputs": "We build a benchmark on Foo outputs.",
    "benchmark on outputs (child)": "Bar builds a benchmark on Foo outputs.",
    "benchmark upon generations": "We build our benchmark upon Foo generations.",
    "built on outputs, apposition": "Bar, built on Foo outputs, is a benchmark.",
    "a benchmark built on": "A benchmark built on Foo.",
    "our benchmark is based on": "Our benchmark is based on Foo.",
    "based on outputs, benchmark": "Based on Foo outputs, we construct a benchmark.",
    "based on, then a benchmark": "Based on Foo, we construct a benchmark.",
    "built on data from": "We build Bar on data from Foo.",
    "built on images": "Bar is built on Foo images.",
    "generated data": "We train Bar on Foo-generated data.",
    "generated, unhyphenated": "Bar is based on Foo generated images.",
    "evaluate on": "We evaluate on Foo.",
    "evaluated against": "Bar is evaluated against Foo.",
    "compared with": "Bar is compared with Foo.",
    "compared with, leading": "Compared with Foo, Bar is faster.",
    "unlike": "Unlike Foo, Bar is fast.",
    "outperforms": "Bar outperforms Foo.",
    "基于X构建基准": "基于Foo构建了一个基准。",
    "在X的基础上构建数据集": "在Foo的基础上，我们构建了新的数据集。",
    "X生成的数据": "基于Foo模型生成的数据，我们训练了Bar。",
    "以X生成的图像为基础": "以Foo生成的图像为基础构建基准。",
    "与X相比": "与Foo相比，Bar更好。",
    "不同于X": "不同于Foo，Bar更快。",
    "在X上评估": "我们在Foo上评估Bar。",
}


@pytest.mark.parametrize("statement", list(NOT_LINEAGE.values()), ids=list(NOT_LINEAGE))
def test_outputs_benchmarks_evaluations_and_comparisons_are_not_lineage(statement):
    assert successors(foo_and_bar(statement)) == []


@pytest.mark.parametrize(
    "statement",
    ["Bar is built on Foo's image tokenizer.", "Bar is fine-tuned from Foo on our new dataset.",
     "Bar is built on Foo and evaluated on a new benchmark.", "Bar基于Foo构建，在评测中表现优异。",
     "基于Foo构建Bar，并发布了一个基准。", "Bar is distilled from Foo outputs.",
     "Our data-efficient model Bar is built on Foo."],
)
def test_a_benchmark_elsewhere_in_the_sentence_does_not_hide_a_statement(statement):
    assert pairs(successors(foo_and_bar(statement))) == [("foo", "bar")]


# ------------------------------------------------------------------ families

VARIANTS = ["Foo2", "Foo-2", "Foo 2.0", "Foo v2", "Foo_2", "foo-2", "FOO-2", "FooFlow", "Foo-Pro", "FOO-PRO",
            "Foo-X", "Foo-α", "Foo-Σ", "Foo-mGPT"]


SUPPORTS = {  # how the list or the API ties the two papers -> the evidence kind it gives
    "citation": "citation", "cited back": "citation", "authors": "authors", "repo": "repo", "organisation": "repo",
    "list": "list",
}


def foo_and_variant(child: str, support: str | None):
    G = new_graph()
    repos = {"repo": (["https://github.com/team/foo"], ["https://github.com/team/foo"]),
             "organisation": (["https://github.com/team/foo"], ["https://github.com/team/foo-2"])}
    parent_repos, child_repos = repos.get(support, (None, None))
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001",
              authors=["Ada Lovelace", "Alan Turing"] if support == "authors" else ["Ada Lovelace"],
              repos=parent_repos, sources=["list.md:10"] if support == "list" else ["a.md:1"])
    add_paper(G, "kid", title=f"{child}: Something Else", arxiv="2306.00001",
              authors=["Alan Turing"] if support == "authors" else ["Kurt Gödel"],
              repos=child_repos, sources=["list.md:12"] if support == "list" else ["b.md:1"])
    if support == "citation":
        add_link(G, "kid", "foo", "cites")
    if support == "cited back":  # only the parent's revised preprint cites its successor
        add_link(G, "foo", "kid", "cites")
    return G


@pytest.mark.parametrize("support", list(SUPPORTS))
@pytest.mark.parametrize("child", VARIANTS)
def test_each_variation_joins_the_family_with_supporting_evidence(child, support):
    G = foo_and_variant(child, support)
    links = successors(G)
    assert pairs(links) == [("foo", "kid")]
    assert links[0]["child"]["name"] == child and links[0]["family"] == "Foo"
    assert [e["kind"] for e in links[0]["evidence"]] == ["name", SUPPORTS[support], "date"]
    assert families(G, links=links) == {"Foo": ["foo", "kid"]}


@pytest.mark.parametrize("child", VARIANTS)
def test_a_shared_name_and_date_order_alone_link_nothing(child):
    G = foo_and_variant(child, None)
    assert successors(G) == [] and families(G) == {}


def test_homonyms_with_the_same_name_stay_apart_and_out_of_the_trees():
    G = new_graph()
    add_paper(G, "a", title="CoDi: Any-to-Any Generation via Composable Diffusion", arxiv="2305.11846",
              authors=["Zineng Tang", "Mohit Bansal"], year=2023)
    add_paper(G, "b", title="CoDi: Subject-Consistent and Pose-Diverse Generation", arxiv="2507.08396",
              authors=["Zhan Gao"], year=2025, text="Unlike CoDi, our CoDi keeps the subject consistent.")
    add_paper(G, "c", title="CoDi-2: In-Context Interleaved Generation", arxiv="2311.18775",
              authors=["Zineng Tang", "Mohit Bansal"], year=2023)
    links = successors(G)
    assert pairs(links) == [("a", "c")]  # the real successor, by the same authors
    assert families(G, links=links) == {"CoDi": ["a", "c"]}
    assert "2507.08396" not in lineage_report(G)


def test_a_cross_family_chain_of_three_from_text_alone():
    G = new_graph()
    add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818", year=2024)
    add_paper(G, "b", title="ANOLE: An Open Model", arxiv="2407.06135", year=2024,
              text="We present Anole, built on top of Chameleon.")
    add_paper(G, "c", title="Orthus: Autoregressive Interleaved Generation", arxiv="2412.00127", year=2024,
              text="Orthus 以Anole为基础，在其上加入扩散头。")
    links = successors(G)
    assert pairs(links) == [("a", "b"), ("b", "c")]
    assert [l["child"]["name"] for l in links] == ["Anole", "Orthus"]
    lines = lineage_report(G).splitlines()
    assert [l.split(" (")[0] for l in lines[1:]] == ["Chameleon", "└─ Anole", "   └─ Orthus"]


def test_a_citation_cycle_gives_one_link_in_date_order_and_says_so():
    G = foo_and_variant("Foo-2", "citation")
    add_link(G, "foo", "kid", "cites")  # the older preprint, revised later, cites its successor
    links = successors(G)
    assert pairs(links) == [("foo", "kid")]
    assert {"kind": "citation", "detail": "the child cites the parent (and is cited back: a cycle broken by date)"} in (
        links[0]["evidence"]
    )


def test_a_statement_in_the_abstract_counts_like_one_in_the_entry():
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001")
    add_paper(G, "bar", title="Bar: Another Model", arxiv="2302.00001", text="A list note on Bar.",
              abstract="We present Bar. Bar is initialized from Foo and trained further.")
    links = successors(G)
    assert pairs(links) == [("foo", "bar")]
    assert links[0]["evidence"][0] == {"kind": "text", "detail": "Bar is initialized from Foo and trained further.", "source": "abstract"}
