"""``mentions`` links from a listed paper's own text to the papers it names."""

from __future__ import annotations

from citegraph.lists.mentions import add_mentions, mentioned_papers
from citegraph.graph.model import add_link, add_paper, new_graph


def _graph():
    G = new_graph()
    add_paper(G, "cham", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", arxiv="2405.09818")
    add_paper(G, "emu", title="Emu: Generative Pretraining in Multimodality", arxiv="2307.05222")
    add_paper(G, "yan", title="Yan: Foundational Interactive Video Generation", arxiv="2508.08601")
    add_paper(G, "show", title="Show-o: One Single Transformer", arxiv="2408.12528")
    return G


def test_names_and_arxiv_ids_in_text_become_mentions():
    G = _graph()
    add_paper(G, "orthus", title="Orthus: Autoregressive Interleaved Generation", listed=True,
              text="Orthus surpasses Show-o and Emu2; compare arXiv 2405.09818v2.")
    assert add_mentions(G) == 2
    assert sorted(G.successors("orthus")) == ["cham", "show"]
    assert G.edges["orthus", "show"]["kind"] == "mentions"


def test_author_lines_urls_and_person_names_are_not_mentions():
    G = _graph()
    add_paper(G, "lqae", title="Language Quantized AutoEncoders", listed=True,
              text="* **Authors:** Hao Liu, Wilson Yan\nCode: https://github.com/x/Chameleon\n"
                   "As Wilson Yan showed, tokens help.")
    assert add_mentions(G) == 0


def test_homonyms_do_not_mention_each_other():
    G = new_graph()
    add_paper(G, "codi1", title="CoDi: Any-to-Any Generation", arxiv="2305.11846", text="CoDi generates any modality.")
    add_paper(G, "codi2", title="CoDi: Subject-Consistent Generation", arxiv="2507.08396", text="CoDi keeps subjects.")
    add_paper(G, "other", title="Other: A Study", text="We compare with CoDi.")
    assert add_mentions(G) == 0  # "CoDi" names two papers: which one is unknown


def test_an_existing_citation_keeps_its_kind():
    G = _graph()
    add_paper(G, "anole", title="Anole: An Open Model", text="We build Anole from Meta AI's Chameleon.")
    add_link(G, "anole", "cham", "cites")
    add_mentions(G)
    assert G.edges["anole", "cham"]["kind"] == "cites"
    assert G.edges["anole", "cham"]["kinds"] == ["cites", "mentions"]


def test_mentioned_papers_skips_its_own_name():
    G = _graph()
    add_paper(G, "emu2", title="Emu: A Second Emu", text="Emu is our model; it beats Chameleon.")
    assert mentioned_papers(G, "emu2") == ["cham"]


def test_mentions_come_in_node_order_and_a_person_does_not_hide_the_model():
    G = _graph()
    add_paper(G, "vid", title="Vid: A Video Model", listed=True,
              text="Wilson Yan helped. We beat Show-o, then Chameleon, then the Yan model and 2307.05222.")
    assert mentioned_papers(G, "vid") == ["cham", "emu", "yan", "show"]


def test_a_name_given_for_two_papers_names_both_when_asked_directly():
    G = _graph()
    add_paper(G, "emu-b", title="Emu: Another Emu", arxiv="2309.99999")
    add_paper(G, "reader", title="Reader: A Study", text="Compared with Emu.")
    assert mentioned_papers(G, "reader") == ["emu", "emu-b"]
    assert add_mentions(G) == 0  # while building the graph, a homonym is left out


def test_papers_cited_side_by_side_in_one_sentence_do_not_mention_each_other():
    from citegraph.lists.reader import read_list_text
    from citegraph.lists.assemble import graph_from_entries

    text = ("# 加速\n论文标题：DraftAttention: Fast Video Diffusion via Low-Resolution Attention Guidance\n"
            "论文链接：https://arxiv.org/abs/2505.14708\n"
            "现有方法，如 Sparse VideoGen（https://arxiv.org/abs/2502.01776）和 AdaSpa（https://arxiv.org/abs/2502.21079），"
            "多采用稀疏注意力。\n")
    entries = read_list_text(text, "notes.md").entries
    assert [e.name for e in entries] == ["DraftAttention", "Sparse VideoGen", "AdaSpa"]
    G = graph_from_entries(entries)
    add_mentions(G)
    mentions = sorted((G.nodes[u]["name"], G.nodes[v]["name"]) for u, v in G.edges)
    # the sentence is DraftAttention's note: it names both; it says nothing of how the two relate
    assert mentions == [("DraftAttention", "AdaSpa"), ("DraftAttention", "Sparse VideoGen")]
