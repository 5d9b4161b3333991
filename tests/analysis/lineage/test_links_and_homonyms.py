"""Lineage fixes after QA: denied or third-party statements, homonyms, year-only dates.

1. A sentence that denies a builds-on link ("does not build on X", 不是基于X),
   states it of another paper ("prior work that builds on X", "Foo, which
   builds on X") or only shares a comma with the name ("Based on our
   experiments, X is slow") is no ``text`` evidence.
2. Two earlier papers of one name: only citation, authors or repository
   evidence picks the parent, and neighbouring items of a list (different
   notes) are not "listed together".
3. A year-only date and an arXiv month of the same year contradict neither
   order, whichever side has the month.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citegraph.analysis.lineage import successors
from citegraph.analysis.lineage.evidence import date_order
from citegraph.analysis.lineage.statements import statement
from citegraph.lists.reader import read_lists
from citegraph.lists.assemble import graph_from_entries
from citegraph.graph.model import add_link, add_paper, new_graph


def pairs(links):
    return [(l["parent"]["id"], l["child"]["id"]) for l in links]


def kinds(link):
    return [e["kind"] for e in link["evidence"]]


def graph_of_list(tmp_path: Path, text: str):
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    return graph_from_entries(read_lists([path]).entries)


def states(sentence: str, name: str = "AlphaNet") -> bool:
    i = sentence.index(name)
    return statement(sentence, i, i + len(name)) is not None


def alpha_and_beta(statement: str, *others: tuple[str, str, str]):
    """AlphaNet (Jan 2023) and the later BetaNet, whose own text is ``statement``; ``others`` are
    more papers ``(id, title, arXiv id)`` the statement may name."""
    G = new_graph()
    add_paper(G, "alpha", title="AlphaNet: A Model", arxiv="2301.00001", authors=["Ada Lovelace"])
    for node, title, arxiv in others:
        add_paper(G, node, title=title, arxiv=arxiv, authors=["Emmy Noether"])
    add_paper(G, "beta", title="BetaNet: Another Model", arxiv="2306.00001", authors=["Kurt Gödel"], text=statement)
    return G


# ------------------------------------------------------------- 1. statements

DENIALS = {
    "does not build on": "BetaNet does not build on AlphaNet.",
    "is not based on": "BetaNet is not based on AlphaNet.",
    "isn't based on": "BetaNet isn't based on AlphaNet.",
    "is not directly built on": "BetaNet is not directly built on AlphaNet.",
    "instead of building on": "Instead of building on AlphaNet, BetaNet trains from scratch.",
    "rather than fine-tuning": "Rather than fine-tuning AlphaNet, BetaNet is trained from scratch.",
    "rather than initialized from": "BetaNet is trained from scratch rather than initialized from AlphaNet.",
    "initialized not from": "BetaNet is initialized not from AlphaNet but from scratch.",
    "never extends": "BetaNet never extends AlphaNet.",
    "without fine-tuning": "BetaNet works without fine-tuning AlphaNet.",
    "is not the successor of": "BetaNet is not the successor of AlphaNet.",
    "does not use as its backbone": "BetaNet does not use AlphaNet as its backbone.",
    "并非基于": "BetaNet 并非基于AlphaNet构建。",
    "不是基于": "BetaNet不是基于AlphaNet构建的。",
    "没有在...的基础上": "BetaNet没有在AlphaNet的基础上开发。",
    "而非基于": "BetaNet从零训练，而非基于AlphaNet构建。",
    "不同于基于": "不同于基于AlphaNet构建的方法，BetaNet从零训练。",
    "并不以...为基础": "BetaNet并不以AlphaNet为基础。",
}


@pytest.mark.parametrize("sentence", list(DENIALS.values()), ids=list(DENIALS))
def test_a_denied_cue_is_no_statement(sentence):
    assert not states(sentence)
    assert successors(alpha_and_beta(sentence)) == []


ABOUT_OTHERS = {
    "unlike prior work that builds on": "Unlike prior work that builds on AlphaNet, BetaNet uses a new design.",
    "prior work that is based on": "Prior work that is based on AlphaNet is slow; BetaNet is fast.",
    "previous methods which were fine-tuned from": "Previous methods which were fine-tuned from AlphaNet fail.",
    "papers that extend": "Papers that extend AlphaNet are many.",
}


@pytest.mark.parametrize("sentence", list(ABOUT_OTHERS.values()), ids=list(ABOUT_OTHERS))
def test_a_statement_about_other_works_is_not_the_childs(sentence):
    assert not states(sentence)
    assert successors(alpha_and_beta(sentence)) == []


COMMA_CLAUSES = {
    "based on our experiments": "Based on our experiments, AlphaNet is slow, so we design BetaNet from scratch.",
    "based on these results": "Based on these results, AlphaNet fails at counting.",
    "we extend prior analysis": "We extend prior analysis, AlphaNet is shown to fail.",
    "building on this insight": "Building on this insight, AlphaNet is revisited and beaten.",
    "fine-tuned from an unknown model": "BetaNet is fine-tuned from Llama, AlphaNet is not used.",
}


@pytest.mark.parametrize("sentence", list(COMMA_CLAUSES.values()), ids=list(COMMA_CLAUSES))
def test_a_bare_comma_does_not_join_a_cue_to_a_name(sentence):
    assert not states(sentence)
    assert successors(alpha_and_beta(sentence)) == []


def test_a_comma_joins_known_names_but_not_a_new_clause():
    llama = ("llama", "Llama: Open Foundation Models", "2302.00001")
    listed = alpha_and_beta("BetaNet is built on Llama, AlphaNet and more.", llama)
    assert sorted(pairs(successors(listed))) == [("alpha", "beta"), ("llama", "beta")]
    clause = alpha_and_beta("BetaNet is fine-tuned from Llama, AlphaNet is not used.", llama)
    assert pairs(successors(clause)) == [("llama", "beta")]
    conjunction = alpha_and_beta("BetaNet is fine-tuned from Llama and AlphaNet is not used.", llama)
    assert pairs(successors(conjunction)) == [("llama", "beta")]


def test_a_relative_clause_about_another_named_paper_is_not_the_childs():
    gamma = ("gamma", "GammaNet: A Third Model", "2212.00003")
    G = alpha_and_beta("BetaNet is evaluated against AlphaNet, which builds on GammaNet.", gamma)
    assert successors(G) == []
    # about an unnamed model the child is compared with
    assert not states("BetaNet outperforms DeepThing, which is based on AlphaNet.")


AFFIRMED = {
    "which builds on, of the child": "We present BetaNet, which builds on AlphaNet.",
    "a model that builds on": "We present a model that builds on AlphaNet.",
    "not only": "BetaNet is not only built on AlphaNet but also on others.",
    "instead of training from scratch, after": "BetaNet builds on AlphaNet instead of training from scratch.",
    "我们的工作不仅基于": "BetaNet不仅基于AlphaNet构建，还加入了新模块。",
    "不断改进": "BetaNet不断改进AlphaNet。",
    "based on, then and": "BetaNet is based on AlphaNet and trained further.",
    "a denial earlier in the sentence": "We do not train from scratch but build on AlphaNet.",
    "a denial after": "BetaNet is initialized from AlphaNet, not from scratch.",
    "a denial in another clause": "BetaNet, which is not large, is based on AlphaNet.",
    "including the child, which": "We release three models, including BetaNet, which is fine-tuned from AlphaNet.",
    "没有从头训练，而是基于": "我们没有从头训练，而是基于AlphaNet构建了BetaNet。",
}


@pytest.mark.parametrize("sentence", list(AFFIRMED.values()), ids=list(AFFIRMED))
def test_affirmed_statements_still_link(sentence):
    assert states(sentence)
    assert pairs(successors(alpha_and_beta(sentence))) == [("alpha", "beta")]


NEGATION_LIST = """# Test list

## Models

- **AlphaNet: A Base Model for Things** ([arXiv:2301.00001](https://arxiv.org/abs/2301.00001)), 2023. This paper introduces AlphaNet, a base model.
- **BetaNet: Another Model** ([arXiv:2302.00002](https://arxiv.org/abs/2302.00002)), 2023. This paper introduces BetaNet, which does not build on AlphaNet; unlike AlphaNet it trains from scratch.
- **GammaNet: A Third Model** ([arXiv:2303.00003](https://arxiv.org/abs/2303.00003)), 2023. This paper introduces GammaNet. GammaNet outperforms AlphaNet and BetaNet on every benchmark.
- **DeltaNet: Yet Another** ([arXiv:2304.00004](https://arxiv.org/abs/2304.00004)), 2023. This paper introduces DeltaNet. Unlike prior work that builds on AlphaNet, DeltaNet uses a new design.
- **EpsNet: model** ([arXiv:2305.00005](https://arxiv.org/abs/2305.00005)), 2023. This paper introduces EpsNet, which builds on ZetaNet.
- **ZetaNet: model** ([arXiv:2306.00006](https://arxiv.org/abs/2306.00006)), 2023. This paper introduces ZetaNet, a strong baseline.
- **统一模型：一个中文标题** ([arXiv:2307.00007](https://arxiv.org/abs/2307.00007)), 2023. 本文提出了EtaNet，它不是基于AlphaNet构建的。
- **AlphaNet-2: scaling** ([arXiv:2308.00008](https://arxiv.org/abs/2308.00008)), 2023. AlphaNet-2 is a bigger model.
"""

THIRD_PARTY_LIST = """# Test

## Models

- **AlphaNet: A Base Model for Things** ([arXiv:2301.00001](https://arxiv.org/abs/2301.00001)), 2023. This paper introduces AlphaNet.
- **GammaNet: Yet Another Model** ([arXiv:2212.00003](https://arxiv.org/abs/2212.00003)), 2022. GammaNet is a model.

## Other

- **BetaNet: Another Model** ([arXiv:2310.00002](https://arxiv.org/abs/2310.00002)), 2023. Based on our experiments, AlphaNet is slow, so we design BetaNet from scratch. BetaNet is evaluated against AlphaNet, which builds on GammaNet.
"""


@pytest.mark.parametrize("text", [NEGATION_LIST, THIRD_PARTY_LIST], ids=["denials", "third party"])
def test_the_qa_lists_give_no_links(tmp_path, text):
    G = graph_of_list(tmp_path, text)
    assert len(G) >= 3 and successors(G) == []


def test_a_positive_which_clause_in_a_list_still_links(tmp_path):
    G = graph_of_list(tmp_path, NEGATION_LIST.replace("EpsNet, which builds on ZetaNet", "EpsNet, which builds on GammaNet"))
    assert [(l["parent"]["name"], l["child"]["name"]) for l in successors(G)] == [("GammaNet", "EpsNet")]


# --------------------------------------------------------------- 2. homonyms


def codi_graph(lines=(10, 11, 12), texts=("", "", "")):
    """CoDi (Tang, Bansal), an unrelated CoDi (Mei, Patel), then CoDi-2 (Tang, Bansal)."""
    G = new_graph()
    for (node, title, arxiv, authors), line, text in zip(
        [
            ("a", "CoDi: Any-to-Any Generation via Composable Diffusion", "2305.11846", ["Zineng Tang", "Mohit Bansal"]),
            ("d", "CoDi: Conditional Diffusion Distillation for Faster Image Generation", "2310.01407",
             ["Kangfu Mei", "Vishal M. Patel"]),
            ("c", "CoDi-2: In-Context Interleaved Generation", "2311.18775", ["Zineng Tang", "Mohit Bansal"]),
        ],
        lines,
        texts,
    ):
        add_paper(G, node, title=title, arxiv=arxiv, authors=authors, year=2023, sources=[f"list.md:{line}"],
                  text=text, listed=True)
    return G


def test_the_homonym_next_in_the_list_does_not_take_the_authors_successor():
    links = successors(codi_graph())
    assert pairs(links) == [("a", "c")]
    assert "authors" in kinds(links[0])
    assert "list" not in kinds(links[0])  # the other CoDi's line lies between them


def test_a_citation_to_the_homonym_does_not_outweigh_the_authors_and_citation_of_the_parent():
    G = codi_graph(lines=(10, 40, 70))
    add_link(G, "c", "d", "cites")  # CoDi-2 cites the distillation paper as related work
    add_link(G, "c", "a", "cites")
    links = successors(G)
    assert pairs(links) == [("a", "c")]
    assert kinds(links[0]) == ["name", "citation", "authors", "date"]


def test_of_two_same_named_elders_weak_support_picks_neither():
    G = codi_graph(lines=(10, 40, 41))
    for n in G:
        G.nodes[n]["authors"] = [f"Someone {n}"]
    G.nodes["c"]["text"] = "CoDi-2 brings CoDi to interleaved inputs."  # names "CoDi": fits both
    assert successors(G) == []


def test_a_statement_naming_two_same_named_elders_needs_tying_evidence():
    G = codi_graph(lines=(10, 40, 70))
    G.nodes["c"]["text"] = "CoDi-2 extends CoDi to interleaved generation."
    links = successors(G)
    assert pairs(links) == [("a", "c")]  # the one with the same authors
    assert kinds(links[0])[:2] == ["text", "authors"]
    for n in G:
        G.nodes[n]["authors"] = [f"Someone {n}"]
    assert successors(G) == []  # which CoDi is meant, nothing says


HOMONYM_LIST = """# Diffusion

## Any-to-any

- **CoDi: Any-to-Any Generation via Composable Diffusion** ([arXiv:2305.11846](https://arxiv.org/abs/2305.11846)), 2023. Composable diffusion for any-to-any generation.
- **CoDi: Conditional Diffusion Distillation for Higher-Fidelity and Faster Image Generation** ([arXiv:2310.01407](https://arxiv.org/abs/2310.01407)), 2023. A distillation method for conditional diffusion.
- **CoDi-2: In-Context, Interleaved, and Interactive Any-to-Any Generation** ([arXiv:2311.18775](https://arxiv.org/abs/2311.18775)), 2023. Any-to-any generation with in-context instructions.
"""


def test_neighbouring_items_of_a_bullet_list_are_not_listed_together(tmp_path):
    assert successors(graph_of_list(tmp_path, HOMONYM_LIST)) == []
    two = "\n".join(l for l in HOMONYM_LIST.splitlines() if "Distillation" not in l) + "\n"
    assert successors(graph_of_list(tmp_path, two)) == []  # adjacent, different notes: two items


def test_papers_of_one_item_are_still_listed_together(tmp_path):
    text = (
        "# List\n\n- **Foo-2: Better Foo** ([arXiv:2401.00002](https://arxiv.org/abs/2401.00002)), 2024. A new Foo.\n"
        "  Predecessor: [Foo: the first](https://arxiv.org/abs/2301.00001)\n"
    )
    links = successors(graph_of_list(tmp_path, text))
    assert [(l["parent"]["name"], l["child"]["name"]) for l in links] == [("Foo", "Foo-2")]
    assert {"kind": "list", "detail": "the list gives both the same notes"} in links[0]["evidence"]


def test_a_bare_year_is_no_shared_notes():
    G = new_graph()
    add_paper(G, "foo", title="Foo: A Model", arxiv="2301.00001", sources=["list.md:10"], text="2023.")
    add_paper(G, "kid", title="Foo-2: Another", arxiv="2306.00001", sources=["list.md:40"], text="2023.")
    assert successors(G) == []  # two items far apart, each with nothing but its year
    G.nodes["kid"]["sources"] = ["list.md:11"]
    assert kinds(successors(G)[0]) == ["name", "list", "date"]  # no notes: the lines decide


def test_a_tied_elder_beats_a_closer_one_with_list_support_only():
    G = new_graph()
    add_paper(G, "old", title="Foo: A Model", arxiv="2301.00001", authors=["Ada Lovelace"], sources=["a.md:1"])
    add_paper(G, "near", title="Foo-2: Better", arxiv="2303.00001", authors=["Kurt Gödel"], sources=["b.md:10"])
    add_paper(G, "kid", title="Foo-3: Best", arxiv="2306.00001", authors=["Ada Lovelace"], sources=["b.md:11"])
    links = successors(G)
    assert pairs(links) == [("old", "kid")]
    assert kinds(links[0]) == ["name", "authors", "date"]


# ------------------------------------------------------------------ 3. dates


def test_a_year_lacking_a_month_compares_by_year_only():
    _date_order = date_order
    assert _date_order((2024, 1, 1), (2024, 0, 0)) == 0 == _date_order((2024, 0, 0), (2024, 12, 9))
    assert _date_order((2025, 1, 1), (2024, 0, 0)) == 1 and _date_order((2023, 0, 0), (2024, 5, 1)) == -1
    assert _date_order((2024, 5, 2), (2024, 5, 1)) == 1 and _date_order(None, (2024, 0, 0)) is None


def year_and_month_graph():
    G = new_graph()
    add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818", year=2024)
    add_paper(G, "b", title="Foo: A Conference Paper", doi="10.1/x", year=2024, text="Foo is built on top of Chameleon.")
    add_paper(G, "p", title="Base: A Journal Paper", doi="10.1/p", year=2024)
    add_paper(G, "k", title="Kid: An Early Preprint", arxiv="2401.00001", year=2024, text="Kid is built on top of Base.")
    return G


def test_a_statement_in_the_same_year_holds_whichever_side_has_the_month():
    links = successors(year_and_month_graph())
    assert sorted(pairs(links)) == [("a", "b"), ("p", "k")]
    dates = {pairs([l])[0]: l["evidence"][-1]["detail"] for l in links}
    assert dates == {("a", "b"): "2024-05 → 2024", ("p", "k"): "2024 → 2024-01"}


def test_a_year_still_contradicts_a_statement_across_years():
    G = year_and_month_graph()
    G.nodes["b"]["year"] = 2023  # Foo, from 2023, cannot build on the 2024 Chameleon
    G.nodes["p"]["year"] = 2025
    assert successors(G) == []


def test_a_family_in_one_year_links_whichever_side_has_the_month():
    for foo, foo2 in ((dict(arxiv="2405.00001"), dict(doi="10.1/f2")), (dict(doi="10.1/f"), dict(arxiv="2401.00001"))):
        G = new_graph()
        add_paper(G, "foo", title="Foo: A Model", year=2024, authors=["Ada Lovelace", "Alan Turing"], **foo)
        add_paper(G, "foo2", title="Foo-2: A Better Model", year=2024, authors=["Alan Turing"], **foo2)
        assert pairs(successors(G)) == [("foo", "foo2")]


def test_statements_both_ways_in_one_year_give_no_order():
    G = new_graph()
    add_paper(G, "a", title="Foo: A Model", arxiv="2405.00001", year=2024, text="Foo is built on top of Bar.")
    add_paper(G, "b", title="Bar: A Model", doi="10.1/b", year=2024, text="Bar is built on top of Foo.")
    assert successors(G) == []
