"""Model names from titles and the papers' own text; whole-name mentions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citegraph.names import NameMatcher, find_mentions, mention_regex, model_name, name_key


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
    assert bool(NameMatcher([name]).find(text)) is found


def spans(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in find_mentions(text, name)]


# Names with joiners, versions, punctuation, Greek, superscripts, all caps, a
# repeated word, two spaces, a tab, a trailing hyphen, CJK only, and letters
# whose case changes their length (ß, İ): the matcher checks plain ASCII names
# itself and must agree with mention_regex on every one of them.
MATCHER_NAMES = [
    "Emu", "Emu2", "Janus", "Janus-Pro", "JanusFlow", "Janus Pro", "SEED", "SEED-X", "DALL-E", "Unified-IO",
    "Show-o", "Anole", "PixArt-α", "PixArt-Σ", "UniCode²", "FLUX.1 Kontext", "FLUX.1", "SDXL", "Stable Diffusion",
    "Stable Diffusion XL", "A  B", "Foo Foo", "Yan", "VITA-1.5", "VITA", "C++Net", "it's", "X_Y", "Lumina-mGPT 2.0",
    "o", "Ab-", "Q\tR", "太乙", "ß-Net", "Kandinsky 3.0", "**Orthus**",
]
PIECES = [
    "-", " ", "_", ".", "'", "’", "\t", "\n", "2", " 2", " v1.5", "基于", "，", "(", ")", "$\\alpha$", "alpha",
    "α", "x", "X", "s", "İ", "ẞ", "  ", "--", " 1.3B", "https://github.com/x/",
]
variants = st.sampled_from(MATCHER_NAMES).flatmap(
    lambda n: st.sampled_from([n, n.upper(), n.lower(), n.replace("-", " "), n.replace("-", ""), n.replace(" ", "\n")])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(variants, st.sampled_from(PIECES), st.text(max_size=3)), max_size=12))
def test_the_matcher_finds_what_each_names_regex_finds(parts):
    text = "".join(parts)
    found = NameMatcher(MATCHER_NAMES).find(text)
    for name in MATCHER_NAMES:
        assert found.get(name, []) == spans(text, name), (name, text)


def test_the_matcher_agrees_with_the_regexes_on_the_seed_lists(seed_files):
    from citegraph.fetch.lists import read_lists

    entries = read_lists(seed_files).entries
    names = sorted({e.name for e in entries if e.name} | {n for n in MATCHER_NAMES if n.isascii()})
    matcher = NameMatcher(names)
    texts = [e.text for e in entries if e.text][::4]  # every 4th keeps the regex side quick
    compared = 0
    for text in texts:
        found = matcher.find(text)
        for name in names:
            assert found.get(name, []) == spans(text, name), (name, text[:80])
            compared += len(found.get(name, []))
    assert compared > 100  # the seeds do name each other


def test_names_spelled_alike_share_their_matches():
    found = NameMatcher(["Janus-Pro", "**Janus-Pro**", "Emu"]).find("Janus Pro, not Emu3")
    assert found == {"Janus-Pro": [(0, 9)], "**Janus-Pro**": [(0, 9)]}
