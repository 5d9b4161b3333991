"""Model names from titles and the papers' own text; whole-name mentions."""

from __future__ import annotations

import pytest

from citegraph.names import find_mentions, mention_regex, model_name, name_key


@pytest.mark.parametrize(
    "title, text, expected",
    [
        ("Janus: Decoupling Visual Encoding for Unified Multimodal Understanding", None, "Janus"),
        ("JanusFlow: Harmonizing Autoregression and Rectified Flow", None, "JanusFlow"),
        ("Janus-Pro: Unified Multimodal Understanding and Generation", None, "Janus-Pro"),
        ("PixArt-$\\alpha$: Fast Training of Diffusion Transformer", None, "PixArt-α"),
        ("PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer", None, "PixArt-Σ"),
        ("Lumina-mGPT 2.0: Stand-Alone AutoRegressive Image Modeling", None, "Lumina-mGPT 2.0"),
        ("Qwen-Image Technical Report", None, "Qwen-Image"),
        ("xGen-MM (BLIP-3): A Family of Open Large Multimodal Models", None, "xGen-MM"),
        ("CLIP-VQDiffusion : Langauge Free Training of Text To Image generation", None, "CLIP-VQDiffusion"),
        ("CLIP: Learning Transferable Visual Models", "We present CLIP. Clip art is not it.", "CLIP"),
        ("FLUX.1 Kontext: Flow Matching for In-Context Image Generation", None, "FLUX.1 Kontext"),
        ("UniCode$^2$: Cascaded Large-scale Codebooks", None, "UniCode²"),
    ],
)
def test_names_from_titles(title, text, expected):
    assert model_name(title, text) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Making LLaMA SEE and Draw with SEED Tokenizer",
        "Show, Attend and Tell: Neural Image Caption Generation with Visual Attention",
        "Be Yourself: Bounded Attention for Multi-Subject Text-to-Image Generation",
        "Beyond Text: Frozen Large Language Models in Visual Signal Comprehension",
        "Powerful and Flexible: Personalized Text-to-Image Generation via Reinforcement Learning",
        "RL for Consistency Models: Faster Reward Guided Text-to-Image Generation",
        "Position: Graph Learning Will Lose Relevance",
        "Zero-Shot Text-to-Image Generation",
        "Reproducibility Study of &#34;ITI-GEN: Inclusive Text-to-Image Generation&#34;",
    ],
)
def test_titles_without_a_name_give_none(title):
    assert model_name(title) is None


def test_all_caps_title_name_takes_the_usual_casing_from_the_text():
    title = "ANOLE: An Open, Autoregressive, Native Large Multimodal Models"
    assert model_name(title, "ANOLE基于Chameleon。To mitigate this, we present Anole, an open model.") == "Anole"
    # sentence-initial capitals and URLs say nothing about the usual casing
    assert model_name("PUMA: Empowering Unified MLLM", "Puma is fast. See github.com/x/Puma") == "PUMA"
    assert model_name("ANOLE: An Open Model") == "ANOLE"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("To this end, we introduce SEED, an elaborate image tokenizer", "SEED"),
        ("We present Composable Diffusion (CoDi), a novel generative model", "CoDi"),
        ("在本文中，我们介绍了BAGEL，一个开源基础模型", "BAGEL"),
        ("在这项工作中，我们引入了BAGEL，一个开源基础模型", "BAGEL"),
        ("我们提出了重建引导的多模态大模型（ROSS），利用以视觉为中心的监督信号", "ROSS"),
        ("论文提出了一种名为 **OpenOmni** 的新型全模态大语言模型", "OpenOmni"),
        ("论文介绍了一个名为VITA-1.5的多模态大语言模型", "VITA-1.5"),
        ("我们介绍了Kandinsky 3.0，一个基于潜在扩散的模型", "Kandinsky 3.0"),
        ("我们提出了一种扩散蒸馏方法，在基于SDXL的生成中实现了新的最先进水平", None),
        ("We propose a new LLM, which is strong.", None),
    ],
)
def test_names_from_the_papers_own_text(text, expected):
    assert model_name("An Untitled Study of Things", text) == expected


def test_name_keys_fold_case_punctuation_and_greek():
    assert name_key("Janus-Pro") == name_key("janus pro") == name_key("JANUS_PRO")
    assert name_key("PixArt-$\\alpha$") == name_key("PixArt-α") == name_key("PIXART-alpha")
    assert name_key("Janus") != name_key("JanusFlow")


@pytest.mark.parametrize(
    "name, text, found",
    [
        ("Emu", "Emu2 beats it", False),
        ("Emu", "compared with Emu and Emu2", True),
        ("Janus", "Janus-Pro and JanusFlow", False),
        ("Janus", "基于Janus构建", True),
        ("Janus", "Janus 1.3B model", True),
        ("SEED", "SEED-Bench scores", False),
        ("Unified-IO", "such as Unified-IO 2", False),
        ("DALL-E", "DALL-E 3相当", False),
        ("Show-o", "surpassing Show-o across", True),
        ("Show-o", "show-o", False),
        ("Anole", "ANOLE开源了模型", True),
        ("PixArt-α", "与PixArt-alpha相比", True),
        ("SDXL", "Stable Diffusion XL（SDXL）模型", True),
    ],
)
def test_whole_name_mentions(name, text, found):
    assert bool(mention_regex(name).search(text)) is found
    assert bool(find_mentions(text, name)) is found
