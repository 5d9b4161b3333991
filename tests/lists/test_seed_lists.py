"""The list reader on the user's five seed lists in ../shared/seeds (skipped when absent).

How the expected counts were verified (by hand, against the files themselves):

000 (Hugo news digest, 202 lines): 15 papers = 14 with ids + 1 title-only.
    ``grep -oE 'arxiv\\.org/(abs|pdf)/[0-9.]+' | sort -u`` gives 14 distinct ids
    (MokA, Vision Generalist Model survey, LIFT, PAROAttention, flow-matching
    guidance, ATI, Sparse VideoGen and AdaSpa cited inline in one sentence,
    DraftAttention, FVDM, FastWan, Kling-Foley (www.arxiv.org), HoPE, SeqPO-SiMT).
    Title markers without a link: only ``技术报告： OpenUni: ...`` (line 100).
    Not papers, read item by item: Sekai (a WeChat article about a dataset), the
    3D-control, OmniGen, general-vision-survey, REPA, Difix3D+, dots.vlm1 (a
    model with GitHub/HF links only), Matrix-3D and speech-survey news items:
    they link mp.weixin.qq.com, github.com or huggingface.co and name no
    paper title with a marker.
001 (Zhihu article): 16 papers, all with ids.  Every arXiv link sits in a
    ``link.zhihu.com/?target=https%3A//arxiv.org/abs/...`` redirect;
    ``grep -oE 'arxiv\\.org/abs/[0-9.]+'`` → 16 distinct (2 with ``v1``).  The
    ``参考文章`` section re-lists 15 of them and adds GPT-4o System Card
    (2410.21276); its zhuanlan.zhihu.com and github links are not papers.
002 (generated list + notes): 46 papers, all with ids.  ``grep -c '^- \\[../..\\] \\*\\*'``
    → 47 items; 2310.03211 ("On the Performance of Multimodal Language
    Models") is listed twice; the two arXiv links inside the TLDR/Notes
    (Show-o, Unified-IO 2) are papers already listed.
003 (seminar announcement): 6 papers, all title-only: ``grep -c '^论文：'`` → 6 and
    the file holds no URL to a paper (one image path only).
004 (awesome list, <details> blocks): 444 papers, all with ids.  456
    ``<summary><b>`` blocks, each with one ``**arXiv ID:**`` line that agrees
    with its Links; 444 distinct ids (11 ids repeated, 2509.20360 three times);
    2503.20644v1 and 2504.21356v1 carry a version.
All five: 500 = 494 distinct ids (25 ids appear in more than one file:
    24 shared by 002 and 004, LlamaFusion 2412.15188 in 001, 002 and 004) + the
    6 titles of 003; 000's OpenUni has the same normalised title as 004's
    2505.23661 and merges into it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.lists.reader import read_lists

# An independent, deliberately simple id grep: the reader must find exactly these.
ID_GREP = re.compile(r"(?:arxiv\.org(?:/|%2F)(?:abs|pdf)(?:/|%2F)|arXiv ID:\*\*\s*)(\d{4}\.\d{4,5})")

EXPECTED = {  # seed prefix: (papers, with ids, title-only)
    "000": (15, 14, 1),
    "001": (16, 16, 0),
    "002": (46, 46, 0),
    "003": (6, 0, 6),
    "004": (444, 444, 0),
}


@pytest.fixture(scope="module")
def seeds(seed_files: list[Path]) -> dict[str, Path]:
    found = {p.name[:3]: p for p in seed_files}
    missing = set(EXPECTED) - set(found)
    if missing:
        pytest.skip(f"seed files {sorted(missing)} are not in ../shared/seeds")
    return found


@pytest.fixture(scope="module")
def each(seeds: dict[str, Path]):
    return {k: read_lists([p]) for k, p in seeds.items()}


@pytest.fixture(scope="module")
def everything(seeds: dict[str, Path]):
    return read_lists([seeds[k] for k in sorted(EXPECTED)])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_distinct_paper_counts(each, prefix: str) -> None:
    r = each[prefix]
    n, with_ids, title_only = EXPECTED[prefix]
    assert (len(r.entries), r.with_ids, len(r.entries) - r.with_ids) == (n, with_ids, title_only)
    assert r.warnings == []


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_arxiv_ids_are_exactly_those_in_the_file(seeds, each, prefix: str) -> None:
    text = seeds[prefix].read_text(encoding="utf-8")
    assert {e.arxiv for e in each[prefix].entries if e.arxiv} == set(ID_GREP.findall(text))


def test_all_five_together(everything) -> None:
    assert everything.summary() == "500 papers from 5 files (494 with ids, 6 title-only)"
    keys = [e.key for e in everything.entries]
    assert len(keys) == len(set(keys))


def test_janus_janusflow_chameleon_anole(everything) -> None:
    by_id = {e.arxiv: e for e in everything.entries if e.arxiv}
    both = ["Paper List of unify.md", "模态一致性 / 代表性工作"]
    janus = by_id["2410.13848"]
    assert janus.title == "Janus: Decoupling Visual Encoding for Unified Multimodal Understanding and Generation"
    assert janus.name == "Janus" and janus.tags == both and janus.year == 2024
    janusflow = by_id["2411.07975"]
    assert janusflow.title.startswith("JanusFlow: Harmonizing Autoregression and Rectified Flow")
    assert janusflow.name == "JanusFlow" and janusflow.tags == both
    chameleon = by_id["2405.09818"]
    assert chameleon.title == "Chameleon: Mixed-Modal Early-Fusion Foundation Models"
    assert chameleon.tags == ["模态一致性 / 代表性工作"] and chameleon.authors == ["Chameleon Team"]
    assert chameleon.repos == ["github.com/facebookresearch/chameleon"]
    assert "早期融合" in chameleon.text  # the Chinese abstract, kept
    anole = by_id["2407.06135"]
    assert anole.title.startswith("ANOLE: An Open, Autoregressive, Native Large Multimodal Models")
    assert anole.name.lower() == "anole" and anole.tags == both
    # 002's notes under the TLDR anchor are the paper's text: Janus names Chameleon there
    assert "such as Chameleon" in janus.text


def test_seed_000_news_items_are_not_papers_and_papers_are(each) -> None:
    entries = each["000"].entries
    blob = " ".join((e.title or "") for e in entries)
    for news in ("Sekai", "Difix3D", "dots.vlm1", "Matrix-3D", "OmniGen", "REPA"):
        assert news not in blob
    by_id = {e.arxiv: e for e in entries}
    assert by_id["2506.05191"].title == "MokA: Multimodal Low-Rank Adaptation for MLLMs"
    # title on the line after a bare 论文标题：, link after a bare "arXiv 地址："
    assert by_id["2505.14708"].title.startswith("DraftAttention: Fast Video Diffusion")
    assert by_id["2505.22944"].repos == ["github.com/bytedance/ATI", "github.com/kijai/ComfyUI-WanVideoWrapper"]
    # cited inside DraftAttention's news text: papers of their own, untitled
    assert by_id["2502.01776"].title is None and "Sparse VideoGen" in by_id["2502.01776"].text
    (openuni,) = [e for e in entries if not e.arxiv]
    assert openuni.title == "OpenUni: A Simple Baseline for Unified Multimodal Understanding and Generation"
    assert openuni.authors[:2] == ["Size Wu", "Zhonghua Wu"]
    assert openuni.tags == ["多模态 / 图片理解与生成"]
    # LIFT's description comes before its bare link; the next news item is not its text
    lift = by_id["2506.04209"]
    assert "Language-Image Alignment with Fixed Text Encoders" in lift.text and "Token Reorder" not in lift.text


def test_seed_000_openuni_joins_004_by_title(everything) -> None:
    (openuni,) = [e for e in everything.entries if e.title and e.title.startswith("OpenUni:")]
    assert openuni.arxiv == "2505.23661"
    assert [s.rsplit("/", 1)[-1][:3] for s in openuni.sources] == ["000", "004"]


def test_seed_001_redirects_and_sections(each) -> None:
    by_id = {e.arxiv: e for e in each["001"].entries}
    vita15 = by_id["2501.01957"]
    assert vita15.title == "VITA-1.5: Towards GPT-4o Level Real-Time Vision and Speech Interaction"
    assert vita15.tags == ["VITA（实时交互）", "参考文章"]
    assert vita15.repos == ["github.com/VITA-MLLM/VITA"]  # the heading's repository
    assert by_id["2501.06282"].title.startswith("MinMo")  # ...abs/2501.06282v1 in the redirect
    # a paper cited in a quote inside VITA's notes is a paper with its own title
    assert by_id["2404.16821"].title.startswith("How Far Are We to GPT-4V?")
    assert by_id["2410.21276"].tags == ["参考文章"]
    # in 参考文章 the bold **[LLaVA-Mini](github...)** line heads the paper below it
    assert by_id["2412.10302"].repos == ["github.com/deepseek-ai/DeepSeek-VL2"]
    assert by_id["2501.03895"].repos == ["github.com/ictnlp/LLaVA-Mini"]


def test_seed_002_versions_and_duplicate(each) -> None:
    by_id = {e.arxiv: e for e in each["002"].entries}
    assert "2503.08686" in by_id and "2503.08686v1" not in by_id
    twice = by_id["2310.03211"]
    assert [int(s.rsplit(":", 1)[1]) for s in twice.sources] == [38, 116]  # its two title lines
    assert all(e.text for e in each["002"].entries)  # every item reached its TLDR/Notes


def test_seed_003_titles_only(each) -> None:
    titles = [e.title for e in each["003"].entries]
    assert titles == [
        "Towards Semantic Equivalence of Tokenization in Multimodal LLM",
        "reconstructive visual instruction tuning",
        "F3Set: Towards Analyzing Fast, Frequent, and Fine-grained Events from Videos",
        "Zigzag Diffusion Sampling: Diffusion Models Can Self-lmprove via Self-Reflection",
        "Temporal Reasoning Transfer from Text to Video",
        "MLLM can see? Dynamic Correction Decoding for Hallycination Mitigatior",
    ]
    assert all(e.text and e.tags == ["NICE 47期 | 多模态论文分享@ICLR2025 / 内容"] for e in each["003"].entries)


def test_seed_004_repeated_blocks_are_one_paper(each) -> None:
    by_id = {e.arxiv: e for e in each["004"].entries}
    editverse = by_id["2509.20360"]
    assert len(editverse.sources) == 3
    assert by_id["2503.20644"].arxiv == "2503.20644"  # "arXiv ID: 2503.20644v1"
    dalle = by_id["2102.12092"]  # two blocks, two titles: the first one seen wins
    assert dalle.title == "DALL-E: Zero-Shot Text-to-Image Generation" and dalle.venue == "ICML 2021"
    assert all(e.title and e.authors for e in each["004"].entries)


def test_cli_lists_every_seed_paper(seeds) -> None:
    args = ["papers", *[str(seeds[k]) for k in sorted(EXPECTED)], "--format", "csv"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 500
    assert {r["arxiv"] for r in rows if r["arxiv"]} == set().union(
        *(ID_GREP.findall(seeds[k].read_text(encoding="utf-8")) for k in EXPECTED)
    )
    assert res.stderr == "500 papers from 5 files (494 with ids, 6 title-only)\n"


def test_seed_000_names_the_list_gives(each) -> None:
    by_id = {e.arxiv: e for e in each["000"].entries}
    # "FVDM 论文：https://arxiv.org/abs/2410.03160" joins the 论文标题 above it, whose title has no name
    fvdm = by_id["2410.03160"]
    assert fvdm.name == "FVDM" and fvdm.title.startswith("Redefining Temporal Modeling in Video Diffusion")
    # "如 Sparse VideoGen（url）和 AdaSpa（url）": the word before each bracketed link
    assert (by_id["2502.01776"].name, by_id["2502.21079"].name) == ("Sparse VideoGen", "AdaSpa")
    # "FastWan系视频生成模型" is a heading over a news headline: it names no paper
    assert by_id["2505.13389"].name is None


def test_no_seed_paper_is_named_by_a_label_word(everything) -> None:
    labels = {"paper", "papers", "arxiv", "pdf", "link", "code", "here", "论文", "项目", "链接", "abstract"}
    named = [e.name for e in everything.entries if e.name]
    assert named and not [n for n in named if n.lower() in labels]
