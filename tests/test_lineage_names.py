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
