"""Sample graphs the explorer's tests share: a realistic small study, hostile strings, synthetic, spread and chain graphs."""

from __future__ import annotations

import hashlib
import random

import networkx as nx

from citegraph.graph.model import add_link, add_paper, new_graph

# ---------------------------------------------------------------- sample graphs

# (name, year, title suffix, parent name or None, sections)
LISTED = [
    ("Chameleon", 2024, "Mixed-Modal Early-Fusion Foundation Models", None, ["Unified / Autoregressive"]),
    ("ANOLE", 2024, "An Open, Autoregressive, Native Large Multimodal Model", "Chameleon", ["Unified / Autoregressive"]),
    ("Janus", 2024, "Decoupling Visual Encoding for Unified Multimodal Understanding and Generation", None, ["Unified / Autoregressive"]),
    ("JanusFlow", 2024, "Harmonizing Autoregression and Rectified Flow", "Janus", ["Unified / Hybrid"]),
    ("Janus-Pro", 2025, "Unified Multimodal Understanding and Generation with Data and Model Scaling", "Janus", ["Unified / Autoregressive"]),
    ("Emu", 2023, "Generative Pretraining in Multimodality", None, ["Unified / Autoregressive"]),
    ("Emu2", 2023, "Generative Multimodal Models are In-Context Learners", "Emu", ["Unified / Autoregressive"]),
    ("Emu3", 2024, "Next-Token Prediction is All You Need", "Emu2", ["Unified / Autoregressive"]),
    ("LLaVA", 2023, "Visual Instruction Tuning", None, ["Understanding"]),
    ("LLaVA-1.5", 2023, "Improved Baselines with Visual Instruction Tuning", "LLaVA", ["Understanding"]),
    ("LLaVA-NeXT", 2024, "Stronger LLMs Supercharge Multimodal Capabilities in the Wild", "LLaVA-1.5", ["Understanding"]),
    ("LLaVA-OneVision", 2024, "Easy Visual Task Transfer", "LLaVA-NeXT", ["Understanding"]),
    ("BLIP", 2022, "Bootstrapping Language-Image Pre-training", None, ["Understanding"]),
    ("BLIP-2", 2023, "Bootstrapping Language-Image Pre-training with Frozen Image Encoders", "BLIP", ["Understanding"]),
    ("BLIP3-o", 2025, "A Family of Fully Open Unified Multimodal Models", "BLIP-2", ["Unified / Hybrid"]),
    ("Show-o", 2024, "One Single Transformer to Unify Multimodal Understanding and Generation", None, ["Unified / Hybrid"]),
    ("Show-o2", 2025, "Improved Native Unified Multimodal Models", "Show-o", ["Unified / Hybrid"]),
    ("Qwen-VL", 2023, "A Versatile Vision-Language Model", None, ["Understanding"]),
    ("Qwen2-VL", 2024, "Enhancing Vision-Language Model's Perception of the World at Any Resolution", "Qwen-VL", ["Understanding"]),
    ("Qwen2.5-VL", 2025, "Technical Report", "Qwen2-VL", ["Understanding"]),
    ("InternVL", 2023, "Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks", None, ["Understanding"]),
    ("InternVL2.5", 2024, "Expanding Performance Boundaries of Open-Source Multimodal Models", "InternVL", ["Understanding"]),
    ("InternVL3", 2025, "Exploring Advanced Training and Test-Time Recipes", "InternVL2.5", ["Understanding"]),
    ("SEED", 2023, "Planting a SEED of Vision in Large Language Model", None, ["Unified / Autoregressive"]),
    ("SEED-X", 2024, "Multimodal Models with Unified Multi-granularity Comprehension and Generation", "SEED", ["Unified / Autoregressive"]),
    ("Transfusion", 2024, "Predict the Next Token and Diffuse Images with One Multi-Modal Model", None, ["Unified / Hybrid"]),
    ("VILA-U", 2024, "a Unified Foundation Model Integrating Visual Understanding and Generation", None, ["Unified / Autoregressive"]),
    ("Lumina-mGPT", 2024, "Illuminate Flexible Photorealistic Text-to-Image Generation", None, ["Generation"]),
    ("Liquid", 2024, "Language Models are Scalable Multi-modal Generators", None, ["Generation"]),
    ("MetaMorph", 2024, "Multimodal Understanding and Generation via Instruction Tuning", None, ["Unified / Hybrid"]),
    ("TokenFlow", 2024, "Unified Image Tokenizer for Multimodal Understanding and Generation", None, ["Generation"]),
    ("UniTok", 2025, "A Unified Tokenizer for Visual Generation and Understanding", None, ["Generation"]),
]
FOUNDATIONS = [
    ("Transformer", 2017, "Attention Is All You Need"),
    ("VQ-VAE", 2017, "Neural Discrete Representation Learning"),
    ("GPT-3", 2020, "Language Models are Few-Shot Learners"),
    ("ViT", 2020, "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"),
    ("DDPM", 2020, "Denoising Diffusion Probabilistic Models"),
    ("CLIP", 2021, "Learning Transferable Visual Models From Natural Language Supervision"),
    ("VQGAN", 2021, "Taming Transformers for High-Resolution Image Synthesis"),
    ("DALL-E", 2021, "Zero-Shot Text-to-Image Generation"),
    (None, 2022, "High-Resolution Image Synthesis with Latent Diffusion Models"),
    ("Flamingo", 2022, "a Visual Language Model for Few-Shot Learning"),
    ("MaskGIT", 2022, "Masked Generative Image Transformer"),
    ("LLaMA", 2023, "Open and Efficient Foundation Language Models"),
    ("Llama 2", 2023, "Open Foundation and Fine-Tuned Chat Models"),
    (None, 2023, "Scalable Diffusion Models with Transformers"),
    (None, 2023, "Flow Matching for Generative Modeling"),
    ("SigLIP", 2023, "Sigmoid Loss for Language Image Pre-Training"),
    ("MMBench", 2023, "Is Your Multi-modal Model an All-around Player?"),
    ("GenEval", 2023, "An Object-Focused Framework for Evaluating Text-to-Image Alignment"),
    ("LlamaGen", 2024, "Autoregressive Model Beats Diffusion: Llama for Scalable Image Generation"),
    ("VAR", 2024, "Visual Autoregressive Modeling: Scalable Image Generation via Next-Scale Prediction"),
]
_WORDS = (
    "visual language multimodal token image video diffusion autoregressive instruction alignment "
    "benchmark reasoning scaling efficient generation understanding representation contrastive "
    "tokenizer encoder decoder pretraining grounding evaluation dataset synthesis editing"
).split()


def _arxiv(rng: random.Random, year: int) -> str:
    return f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1000, 19999):05d}"


def sample_graph(n_filler: int = 60, seed: int = 7) -> nx.DiGraph:
    """A realistic small study: 32 listed models in families, foundations and filler papers.

    Deterministic for a seed; listed papers have names, sections and lineage
    (``builds_on``) links with evidence; filler papers (cited from outside the
    lists) have no name.
    """
    rng = random.Random(seed)
    G = new_graph(name="sample")
    ids: dict[str, str] = {}
    for name, year, rest, _parent, tags in LISTED:
        key = f"arxiv:{_arxiv(rng, year)}"
        ids[name] = key
        add_paper(
            G, key, arxiv=key[6:], title=f"{name}: {rest}", name=name, year=year, listed=True, tags=tags,
            venue=rng.choice(["arXiv", "CVPR", "NeurIPS", "ICLR", "ICML"]),
            authors=[f"Author {rng.randint(1, 400)}" for _ in range(rng.randint(2, 9))],
            citation_count=rng.randint(5, 3000), influential_citation_count=rng.randint(0, 300),
            paper_id=hashlib.sha1(key.encode()).hexdigest(),
        )
    for name, year, title in FOUNDATIONS:
        key = f"arxiv:{_arxiv(rng, year)}"
        ids[name or title] = key
        add_paper(
            G, key, arxiv=key[6:], title=f"{name}: {title}" if name and ":" not in title else title, name=name,
            year=year, citation_count=rng.randint(2000, 90000), authors=[f"Author {rng.randint(1, 400)}"],
            doi=f"10.5555/{key[6:]}",
        )
    filler = []
    for i in range(n_filler):
        year = rng.choice([2019, 2021, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024, 2024, 2025])
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        key = f"title:filler {i}"
        add_paper(G, key, title=title, year=year, citation_count=rng.randint(0, 400))
        filler.append(key)
    listed = [ids[x[0]] for x in LISTED]
    found = [ids[x[0] or x[2]] for x in FOUNDATIONS]
    year = {n: d["year"] for n, d in G.nodes(data=True)}
    for name, _year, _rest, parent, _tags in LISTED:
        child = ids[name]
        if parent:
            add_link(G, child, ids[parent], "cites", is_influential=True, intents=["methodology"])
            add_link(
                G, child, ids[parent], "builds_on", confidence=0.84,
                evidence=[{"kind": "text", "detail": f"we build {name} on {parent}"}, {"kind": "citation", "detail": "cites it"}],
            )
        for target in rng.sample(found, 5) + rng.sample(listed, 4):
            if year[target] <= year[child] and target != child:
                add_link(G, child, target, "cites")
        if rng.random() < 0.3:
            add_link(G, child, rng.choice(listed), "mentions")
    for f in filler:
        for target in rng.sample(listed, 3) + rng.sample(found, 2):
            if year[target] <= year[f]:
                add_link(G, f, target, "cites")
        for target in rng.sample(listed, 2):
            if year[target] >= year[f]:
                add_link(G, target, f, "cites")
    return G


def chain_graph() -> nx.DiGraph:
    """The reviewer's case: T2I-R1 builds on Janus-Pro, and three other 2025 papers of other
    families sit between them in the 2025 column (their bands lie between the two)."""
    G = new_graph()
    families = [("Janus", "Janus-Pro"), ("Lumina-mGPT", "Lumina-mGPT 2.0"), ("VITA", "VITA-1.5"), ("VARGPT", "VARGPT-v1.1")]
    for first, second in families:
        add_paper(G, first, title=f"{first}: a model", name=first, year=2024, listed=True)
        add_paper(G, second, title=f"{second}: a model", name=second, year=2025, listed=True)
        add_link(G, second, first, "cites")
        add_link(G, second, first, "builds_on", confidence=0.9)
    add_paper(G, "T2I-R1", title="T2I-R1: reasoning", name="T2I-R1", year=2025, listed=True)
    add_link(G, "T2I-R1", "Janus-Pro", "cites")
    add_link(G, "T2I-R1", "Janus-Pro", "builds_on", confidence=0.8)
    return G


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>document.title='pwned';window.__pwned=1</script>",
    "<svg onload=alert(2)>",
    '"><script>alert(3)</script>',
    "Line\u2028Separator & <!-- comment",
]


def hostile_graph() -> nx.DiGraph:
    """Every string field carries markup or script that must show as text."""
    G = new_graph(name="<b>hostile</b>")
    for i, bad in enumerate(HOSTILE):
        add_paper(
            G, f"p{i}", title=bad, name=bad if i % 2 else None, venue=bad, authors=[bad, "Ann"],
            year=2020 + i, listed=True, tags=[bad, f"Sec {i} / {bad}"], arxiv=f'2401.0000{i}"><b>x', doi=bad,
            paper_id=bad,
        )
    for i in range(1, len(HOSTILE)):
        add_link(G, f"p{i}", f"p{i - 1}", "cites")
        add_link(G, f"p{i}", f"p{i - 1}", "builds_on", confidence=0.5, evidence=[{"kind": HOSTILE[i], "detail": HOSTILE[i - 1]}])
    return G


_SYLLABLES = "ka lo mi nu re sa ti vo ze bi da fe go hu ji ko lu ma ne po".split()


def synthetic_graph(n: int, seed: int = 0) -> nx.DiGraph:
    """``n`` papers, about 3 citations each to older papers; every 10th is listed.

    Listed papers introduce models in families of three (``Kalomi``,
    ``Kalomi-2``, ``Kalomi-3``), the way model families look in real lists.
    """
    rng = random.Random(seed)
    G = new_graph()
    for i in range(n):
        listed = i % 10 == 0
        k, version = divmod(i // 10, 3)
        stem = "".join(_SYLLABLES[(k // 20**j) % 20] for j in range(3)).capitalize()
        add_paper(
            G, f"s{i}", title=f"Synthetic paper {i} on " + " ".join(rng.choice(_WORDS) for _ in range(6)),
            name=(stem if version == 0 else f"{stem}-{version + 1}") if listed else None,
            year=2015 + i * 10 // n, listed=listed,
            citation_count=rng.randint(0, 5000), tags=[f"Section {i % 7}"] if listed else None,
        )
    for i in range(1, n):
        for _ in range(3):
            j = rng.randrange(0, i)
            add_link(G, f"s{i}", f"s{j}", "cites")
    return G


def spread_graph(n_outside: int = 1500, n_listed: int = 120, seed: int = 3) -> nx.DiGraph:
    """Listed papers of 2024-2025 citing papers fetched from 1990-2023, as a real build gives.

    The fetched papers outnumber the listed ones and spread over many more
    years: the case where one column per year squashes the lists into a corner.
    """
    rng = random.Random(seed)
    G = new_graph()
    for i in range(n_outside):
        add_paper(G, f"o{i}", title=f"Older work {i} on " + " ".join(rng.choice(_WORDS) for _ in range(5)),
                  year=rng.randint(1990, 2023), citation_count=rng.randint(0, 900))
    for i in range(n_listed):
        add_paper(G, f"l{i}", title=f"Model{i}: " + " ".join(rng.choice(_WORDS) for _ in range(6)), name=f"Model{i}",
                  year=2024 + i % 2, listed=True, tags=[f"Section {i % 4}"])
        for j in rng.sample(range(n_outside), 6):
            add_link(G, f"l{i}", f"o{j}", "cites")
    return G
