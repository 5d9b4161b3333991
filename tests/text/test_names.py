"""Model names from titles and the papers' own text; whole-name mentions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citegraph.text.names import NameMatcher, find_mentions, is_name_like, mention_regex, model_name, name_key


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
        # accented letters are letters (Latin-1 and Latin Extended)
        ("NÜWA: Visual Synthesis Pre-training for Neural visUal World creAtion", None, "NÜWA"),
        ("Décor: A Study of Things", None, "Décor"),
        # a system or model card is about one model, like a technical report
        ("GPT-4o System Card", None, "GPT-4o"),
        ("GPT-4V(ision) System Card", None, "GPT-4V"),
        ("Foo-2 Model Card", None, "Foo-2"),
        # an ordinary word in capitals before a mixed-case title is an acronym
        ("REAL: Realism Evaluation of Text-to-Image Generation Models for Effective Data Augmentation", None, "REAL"),
        ("REAL: Realism Evaluation", "real images look real. Real-world data.", "REAL"),  # not "real"/"Real"
        # a survey's coined name is its own; a word such as "Review" inside a subtitle makes no survey
        ("3DGS.zip: A survey on 3D Gaussian Splatting Compression Methods", None, "3DGS.zip"),
        ("MARG: Multi-Agent Review Generation for Scientific Papers", None, "MARG"),
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
        # the example list's VQGAN paper: its title names no model
        "Taming Transformers for High-Resolution Image Synthesis",
        "High-Resolution Image Synthesis with Latent Diffusion Models",
        # capitals mean nothing in an all-caps title, and labels are no names in any case
        "REAL: REALISM EVALUATION OF TEXT-TO-IMAGE MODELS",
        "BEYOND TEXT: FROZEN LARGE LANGUAGE MODELS",
        "Real: Realism Evaluation of Text-to-Image Generation Models",
        "INTRODUCTION: Why Models Matter",
        "NEWS: A New Model Is Out",
        "Addendum to GPT-4o System Card",
        "Vision Generalist Model: A Survey",
        # a survey's phrase before its colon is its topic, whatever the text says of it
        "3D Gaussian Splatting: Survey, Technologies, Challenges, and Opportunities",
        "Gaussian Splatting 3D: A Comprehensive Review of Methods",
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
        # one-liners: more verbs, "the", and a name at the text's very end
        ("One-liner: Designed PASTA, an RL-based agent for interactive generation.", "PASTA"),
        ("One-liner: Introduced the DnD-Transformer to address information loss.", "DnD-Transformer"),
        ("One-liner: Introduced the concept to the field.", None),
        ("In this paper we present SD3", "SD3"),
        ("In this paper we present SD3 \n", "SD3"),
        ("we present SD3 and more", None),
        ("One-liner: Introduced NÜWA, a unified multimodal pre-trained model.", "NÜWA"),
        # a name of capitalised words, when the text uses it again
        ("One-liner: Proposed Dream Engine for interleaved control. 我们提出Dream Engine，一个框架", "Dream Engine"),
        ("One-liner: Proposed Mechanistic Localization for efficient model editing.", None),  # said once: a notion
        ("One-liner: Proposed Image Editing Recommendation for editing. Image Editing Recommendation again.", None),
        # a long form the sentence introduces, with its acronym
        ("By stacking blocks, we obtain the deep\nMultimodal Unified Attention Network (MUAN), which", "MUAN"),
        ("One-liner: Introduced Entanglement-Free Attention (EFA) to mitigate biases.", "EFA"),
        ("One-liner: Introduced latent diffusion models (LDMs) that reduce costs.", "LDM"),
        ("研究团队在最新工作LIFT（Language-Image Alignment with Fixed Text Encoders）中解答了问题", "LIFT"),
        # ... but not one that is another's, a task, or spelled by other words
        ("We compare with Stable Diffusion XL (SDXL) on COCO.", None),
        ("We propose a method based on Stable Diffusion XL (SDXL).", None),
        ("One-liner: Proposed Image Editing Recommendation (IER) task and a framework.", None),
        ("We propose a new Visual Grounding Network (VQA-X) for it.", None),
        ("我们提出了基于Next Token Prediction（NTP）的方法。", None),
        ("相比之前的工作LIFT（Language-Image Alignment with Fixed Text Encoders），我们更快", None),
        ("在工作LIFT（Learning Is Fun Today）之后", None),  # the cue is not "最新工作/本工作"
        # "called the Long Form (ACR)" in a sentence whose own verb introduces it ...
        ("Proposes a self-improvement method for tool-use agents, called the Self-Challenging Agent (SCA). "
         "It introduces a task format called Code-as-Task (CaT).", "SCA"),
        ("We develop a framework for widgets, named Gadget Sorting Network (GSN).", "GSN"),
        # ... not in one that only uses it
        ("We fine-tune with a technique called Low-Rank Widget Adaptation (LRWA).", None),
    ],
)
def test_names_from_the_papers_own_text(text, expected):
    assert model_name("An Untitled Study of Things", text) == expected


def test_an_acronym_whose_long_form_begins_the_title_names_the_paper():
    title = "Multimodal Unified Attention Networks for Vision-and-Language Interactions"
    text = "Stacking them gives a Multimodal Unified Attention Network (MUAN). MUAN is fast."
    assert model_name(title, text) == "MUAN"
    assert model_name("Attention Networks Everywhere", text) is None  # elsewhere, no verb: not its own
    # a survey introduces no model: its text names the ones it covers
    survey = "Next Token Prediction Towards Multimodal Intelligence: A Comprehensive Survey"
    assert model_name(survey, "Next Token Prediction (NTP) is surveyed. We present Foo, a model.") is None
    # the title's words in lower case are a topic the text abbreviates, not a name it coins
    text = "We evaluate long context (LC) LLMs against retrieval; LC wins on QA."
    assert model_name("Long Context vs. Retrieval for LLMs", text) is None
    assert model_name("Dual-Camera Smooth Zoom on Phones", "we introduce a new task, dual-camera smooth zoom (DCSZ)") is None


def test_a_title_phrase_needs_the_text_to_use_it_as_a_name():
    title = "Self Forcing: Bridging the Train-Test Gap"
    assert model_name(title, "We propose Self Forcing, a new paradigm.") == "Self Forcing"
    assert model_name(title, "Self Forcing (SF) trains on its own rollouts.") == "Self Forcing"
    assert model_name("Visual Lexicon: Rich Image Features", "Created Visual Lexicon (ViLex), a") == "Visual Lexicon"
    # not a verb inside another word, nor any aside in brackets
    assert model_name(title, "This represents Self Forcing for video.") is None
    assert model_name(title, "Self Forcing (see Fig. 2) works well.") is None


@pytest.mark.parametrize(
    "word, expected",
    [("Chameleon", True), ("NÜWA", True), ("REAL", True), ("iVideoGPT", True), ("Kandinsky 3", True),
     ("Real", False), ("Beyond", False), ("Survey", False), ("LLM", False), ("Making LLaMA", False), ("", False)],
)
def test_is_name_like_is_the_rule_for_a_titles_name_prefix(word, expected):
    assert is_name_like(word) is expected
    assert is_name_like(word) == (model_name(f"{word}: a paper") == word)


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
    from citegraph.lists.reader import read_lists

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


# A family whose names share their first run: from NameMatcher.GROUP_FROM names
# on, a hit of that run is looked up by the letters after it, not walked per name.
FAMILY_NAMES = [
    "Zorb", "Zorb-2", "Zorb 2.0", "Zorb-Pro", "Zorb Pro", "Zorb-X", "Zorb_2", "Zorb-mGPT", "Zorb  B", "ZorbFlow",
    "Zorb.1", "Zorb-α", "X-Zorb", "Zo", "Zorbit-2", "ZORB-XL",
]
FAMILY_PIECES = ["-", " ", "_", ".", "\n", "  ", "2", "2.0", "1", "Pro", "PRO", "pro", "X", "XL", "x", "mGPT", "B", "Flow",
                 "alpha", "α", "it", "基于", "(", "s", "'"]
family_variants = st.sampled_from(FAMILY_NAMES).flatmap(
    lambda n: st.sampled_from([n, n.upper(), n.lower(), n.replace("-", " "), n.replace("-", ""), n.replace(" ", "-")])
)


@pytest.mark.parametrize("group_from", [1, NameMatcher.GROUP_FROM])
@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.one_of(family_variants, st.sampled_from(FAMILY_PIECES), st.text(max_size=2)), max_size=14))
def test_a_family_looked_up_as_a_group_is_found_as_each_names_regex_finds_it(group_from, parts):
    text = "".join(parts)
    matcher = type("Matcher", (NameMatcher,), {"GROUP_FROM": group_from})  # 1: every name in a group
    found = matcher(FAMILY_NAMES + MATCHER_NAMES).find(text)
    for name in FAMILY_NAMES + MATCHER_NAMES:
        assert found.get(name, []) == spans(text, name), (name, text)


def test_the_family_is_looked_up_as_a_group():
    matcher = NameMatcher(FAMILY_NAMES)
    groups = [v[1] for _, v in matcher._automaton.items() if v[1] is not None]
    assert len(groups) == 1 and len([fi for fis in groups[0][1].values() for fi in fis]) >= NameMatcher.GROUP_FROM


def test_a_title_phrase_is_confirmed_as_a_name_by_a_naming_verb_right_before_it() -> None:
    from citegraph.text.names import _acronyms_after, _named_in_text

    assert _named_in_text("Self Forcing", "In this paper we propose the Self Forcing method.")
    assert _named_in_text("Self Forcing", "我们提出了Self Forcing。")
    assert not _named_in_text("Self Forcing", "we propose Self Forcing-based training")  # a hyphen goes on
    assert not _named_in_text("Self Forcing", "this represents Self Forcing")  # "represents" is no "present"
    assert not _named_in_text("Self Forcing", "we propose " + " " * 80 + "Self Forcing")  # the verb is too far
    assert list(_acronyms_after("Self Forcing", "Self Forcing (SF) and xSelf Forcing (XS), Self Forcing（SF2）")) == [
        "SF", "SF2"]


def test_an_all_caps_name_is_found_in_any_case_as_a_whole_word() -> None:
    from citegraph.text.names import _caseless_whole

    text = "Anole and ANOLE2, anole-x; xanole Anole"
    assert [text[i:i + 5] for i in _caseless_whole("ANOLE", text)] == ["Anole", "anole", "Anole"]  # a hyphen may follow
    wide = "İ Anole"  # İ lower-cases to two characters: positions still those of the text
    assert [wide[i:i + 5] for i in _caseless_whole("ANOLE", wide)] == ["Anole"]


@pytest.mark.parametrize("offset", [0, 150, 400, 2000])
def test_an_acronym_is_judged_by_its_own_sentence_wherever_it_stands(offset):
    """The long form's position is the text's own, however far in (it was off by up to 160
    characters: another sentence's "we introduce" then decided, and a technique the paper
    only uses became its name)."""
    lead = "Background words go here. " * (offset // 27)
    uses = lead + ("We show that the updates can be converted as Stochastic Gradient Langevin Dynamics (SGLD) "
                   "updates by simply introducing noise. To encourage efficient use, we introduce a regularizer.")
    own = lead + "To address it, we present point-cloud-assisted tangent Gaussian splatting (PC-TGS) for it."
    assert model_name("An Untitled Study of Things", uses) is None
    assert model_name("An Untitled Study of Things", own) == "PC-TGS"
