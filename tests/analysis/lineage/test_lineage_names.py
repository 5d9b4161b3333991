"""The model names lineage works from (issue 5, "Model names"), through ``citegraph.analysis.lineage``."""

from __future__ import annotations

import pytest

from citegraph.analysis.lineage import model_name, node_names
from citegraph.graph.model import add_paper, new_graph


@pytest.mark.parametrize(
    "title, text, name",
    [
        ("Janus: Decoupling Visual Encoding for Unified Multimodal Understanding and Generation", None, "Janus"),
        ("ANOLE: An Open, Autoregressive, Native Large Multimodal Models", "We present Anole, an open model.", "Anole"),
        ("ANOLE: An Open, Autoregressive, Native Large Multimodal Models", None, "ANOLE"),  # no text tells the casing
        ("Visual Instruction Tuning", "We present LLaVA: Large Language and Vision Assistant.", "LLaVA"),
        ("A Study of Things", "In this paper we introduce FooNet, a model for images.", "FooNet"),
        ("A Study of Things", "To this end, we introduce Foo-X.", "Foo-X"),  # at the sentence's end
        ("一项研究", "在本文中，我们提出了BazNet，一种新的框架。", "BazNet"),
        ("一项研究", "我们提出了Baz模型，它能生成图像。", "Baz"),
        ("一项研究", "我们介绍了Janus-Pro，先前工作Janus的先进版本。", "Janus-Pro"),
        # the title names no model: no name is better than a wrong one
        ("Making LLaMA SEE and Draw with SEED Tokenizer", None, None),
        ("Making LLaMA SEE and Draw with SEED Tokenizer", "We study tokenizers.", None),
        ("Making LLaMA SEE and Draw with SEED Tokenizer", "we introduce SEED-LLaMA.", "SEED-LLaMA"),
        ("Visual Instruction Tuning", "We present a novel approach.", None),
        ("Visual Instruction Tuning", "我们提出了一种新方法。", None),
        ("Visual Instruction Tuning", "我们介绍了CLIP模型的不足。", None),  # describes another's model
        ("Visual Instruction Tuning", "We compare with methods that introduce CLIP.", None),
    ],
)
def test_model_names(title, text, name):
    assert model_name(title, text) == name


def test_node_names_prefer_the_name_attribute_and_skip_papers_without_one():
    G = new_graph()
    add_paper(G, "a", title="Janus: Decoupling Visual Encoding")
    add_paper(G, "b", title="Making LLaMA SEE and Draw with SEED Tokenizer")
    add_paper(G, "c", title="Whatever: A Title", name="Chameleon")
    assert node_names(G) == {"a": "Janus", "c": "Chameleon"}


@pytest.mark.parametrize(
    "text, abstract, name",
    [
        (None, "In this work, we introduce FooNet, a model for images.", "FooNet"),  # the abstract alone
        (None, "To this end we present Bar-2. It is fast.", "Bar-2"),
        (None, "在本文中，我们提出了BazNet，一种新的框架。", "BazNet"),
        (None, "我们介绍了Qux-Pro，它很强。", "Qux-Pro"),
        ("We present FooNet, a list note.", "We introduce BarNet, an abstract.", "FooNet"),  # the entry's own text first
        ("A note with no name in it.", "We introduce BarNet, an abstract.", "BarNet"),
        (None, "We compare with methods that introduce CLIP.", None),
    ],
)
def test_names_from_the_entry_text_or_the_abstract_when_the_title_names_none(text, abstract, name):
    G = new_graph()
    add_paper(G, "p", title="A Study of Things in Images", text=text, abstract=abstract)
    assert node_names(G).get("p") == name


@pytest.mark.parametrize(
    "title",
    ["Making LLaMA SEE and Draw with SEED Tokenizer", "Making Stable Diffusion See and Draw with Foo Tokenizer",
     "Let LLaMA Draw and See with Bar", "Teaching CLIP to Count to Ten",
     "Making Multimodal Generation Easier: When Diffusion Models Meet LLMs"],
)
def test_titles_that_only_mention_models_give_no_name(title):
    # the models these titles name (LLaMA, SEED, CLIP ...) are not the ones the papers introduce
    assert model_name(title) is None
    assert model_name(title, "We study how tokenizers help language models draw.") is None
    G = new_graph()
    add_paper(G, "p", title=title)
    assert node_names(G) == {}


def test_the_example_lists_vqgan_paper_is_named_from_its_note_not_its_title():
    # "Taming Transformers for High-Resolution Image Synthesis" names no model; the
    # list's note says "This paper introduces VQGAN": the lineage shows VQ-VAE → VQGAN.
    from citegraph.lists.reader import read_lists
    from citegraph.lists.assemble import graph_from_entries
    from citegraph.reporting import example_list_path

    G = graph_from_entries(read_lists([example_list_path()]).entries)
    names = node_names(G)
    assert names["arxiv:2012.09841"] == "VQGAN"
    assert not any("Synthesis" in n or "Taming" in n for n in names.values())
    G.nodes["arxiv:2012.09841"].pop("name")  # without the reader's name, the note still gives it
    assert node_names(G)["arxiv:2012.09841"] == "VQGAN"
    G.nodes["arxiv:2012.09841"]["text"] = "2020. A note that names no model."
    assert "arxiv:2012.09841" not in node_names(G)


@pytest.mark.parametrize(
    "title, text, name",
    [
        ("NÜWA: Visual Synthesis Pre-training for Neural visUal World creAtion", None, "NÜWA"),
        ("GPT-4o System Card", None, "GPT-4o"),
        ("REAL: Realism Evaluation of Text-to-Image Generation Models", "the real world", "REAL"),
        ("Multimodal Unified Attention Networks for Vision-and-Language Interactions",
         "By stacking such blocks in depth, we obtain the deep\nMultimodal Unified Attention Network (MUAN), which",
         "MUAN"),
        ("Preference Adaptive and Sequential Text-to-Image Generation",
         "One-liner: Designed PASTA, an RL-based agent for interactive text-to-image generation.", "PASTA"),
        ("Taming Transformers for High-Resolution Image Synthesis", None, None),
    ],
)
def test_names_lineage_now_gets(title, text, name):
    G = new_graph()
    add_paper(G, "p", title=title, text=text)
    assert node_names(G).get("p") == name


@pytest.mark.parametrize(
    "title, text, name",
    [
        # the text introduces the tool named in the title (Z), and names the model as Z joined to Y
        ("Making LLaMA SEE and Draw with SEED Tokenizer",
         "To this end, we introduce SEED, an image tokenizer. SEED-LLaMA is therefore produced.", "SEED-LLaMA"),
        ("Making Qux Hear and Speak with Zorb Codec",
         "我们提出了Zorb，一种音频编码器。本文构建了Zorb-Qux模型。", "Zorb-Qux"),
        ("Teaching Qux to Count with Zorb", "We build QuxZorb on top of both.", "QuxZorb"),
        # only the tool or the model the title names: no name rather than a wrong one
        ("Making Qux Hear and Speak with Zorb Codec", "我们提出了Zorb，一种音频编码器。", None),
        ("Making Qux Hear and Speak with Zorb Codec", "We present Zorb, a codec. Qux Zorb is then tuned.", None),
        ("Making Qux Hear and Speak with Zorb Codec", "We introduce Qux, tuned for audio.", None),
        # a name of its own the text gives is still taken
        ("Making Qux Better Reasoners with Step-Aware Verifiers", "We propose DIVERSE, a method that", "DIVERSE"),
        # a title that names its model outright keeps it
        ("SEED-LLaMA: Making LLaMA See and Draw with SEED", "We introduce SEED, a tokenizer.", "SEED-LLaMA"),
    ],
)
def test_making_y_with_z_titles_never_take_the_tools_name(title, text, name):
    assert model_name(title, text) == name


def test_the_seed_llama_paper_is_not_named_after_the_seed_tokenizer(seed_files):
    """2310.01218 "Making LLaMA SEE and Draw with SEED Tokenizer": its seed text says
    "we introduce SEED" / "我们提出了SEED" (the tokenizer, already the name of the listed
    2307.08041) and names SEED-LLaMA as the model built with it."""
    from citegraph.lists.reader import read_lists

    by_arxiv = {e.arxiv: e for e in read_lists(seed_files).entries if e.arxiv}
    if "2310.01218" not in by_arxiv or "2307.08041" not in by_arxiv:
        pytest.skip("the seed lists no longer hold 2310.01218 and 2307.08041")
    seed_llama, seed = by_arxiv["2310.01218"], by_arxiv["2307.08041"]
    assert "我们提出了SEED" in seed_llama.text and "SEED-LLaMA" in seed_llama.text
    assert seed.name == "SEED"
    assert seed_llama.name == "SEED-LLaMA"
    assert model_name(seed_llama.title, seed_llama.text) == "SEED-LLaMA"
    G = new_graph()
    add_paper(G, "a", title=seed.title, text=seed.text)
    add_paper(G, "b", title=seed_llama.title, text=seed_llama.text)
    assert node_names(G) == {"a": "SEED", "b": "SEED-LLaMA"}
