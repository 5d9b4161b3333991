"""Fuzzed paper lists: the project's list fixtures mutated, markup soups,
hostile runs of brackets, dashes and pipes, random unicode and bytes.

:data:`DOCS` and :data:`FRAGMENTS` feed the hypothesis fuzzers of
``tests/lists``; :func:`fuzzed_lists` makes a seeded, reproducible corpus of
list files for ``tests/cli/test_fuzzed_commands.py`` and
``benchmarks/bench_fuzz_commands.py``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.paths import FIXTURES

LIST_FIXTURES = FIXTURES / "lists"
DOCS: dict[str, str] = {
    p.name: p.read_text(encoding="utf-8") for p in sorted(LIST_FIXTURES.iterdir()) if p.is_file()
}

FRAGMENTS = [
    "**", "__", "[", "]", "(", ")", "](", "![](", "<details>", "</details>", "<summary><b>", "</b></summary>",
    "<summary>Abstract</summary>", "<a href=\"", "\">", "</a>", "https://arxiv.org/abs/", "http://arxiv.org/pdf/",
    "2405.09818", "2405.0981", "v2", ".pdf", "cs/0309023", "arXiv:", "**arXiv ID:** ", "DOI: 10.", "doi.org/10.1145/",
    "CorpusId:", "semanticscholar.org/paper/", "link.zhihu.com/?target=https%3A//arxiv.org/abs/", "huggingface.co/papers/",
    "github.com/a/b", "mp.weixin.qq.com/s/x", "论文标题：", "论文：", "Title: ", "技术报告：", "作者：", "Authors: ",
    "Published in: ", "# ", "## ", "### ", "- ", "* ", "1. ", "> ", "[24/10] ", "\n", "\n\n", "\r\n", "\u2028",
    "&amp;", "&#39;", "&#", "&", "](#", "#anchor", "```", "---", "+++", "|", "：", "，", "。", "\x00", "\ufeff", "@article{",
    "%252F", "%253A", "https%253A%252F%252Farxiv.org%252Fabs%252F", "&amp;lt;", "&amp;amp;", "\r", "\x0c", "\x85",
    "| Model | Paper |\n", "|---|---|\n", "| ", " |", "（", "）", "FVDM 论文：", "**Janus**: ", " ([paper](", "[Chameleon](",
    "journal = {arXiv preprint arXiv:", "eprint = {",
]

# whole pieces of the other formats, for the soups (BibTeX entries, id lines, HTML cards)
ENTRY_FRAGMENTS = [
    "@misc{x,\n  title = {", "},\n", "  doi = {10.1000/xyz123},\n", "  eprint = {2407.06135},\n", "}\n", "@inproceedings{",
    "  author = {Wang, Xiang and He, Xiangnan},\n", "  title = {{???}},\n", "  title = {🙂🚀},\n", "@string{a = \"b\"}\n",
    "2405.09818\n", "arXiv:2407.06135v1\n", "10.1145/3292500.3330701\n", "CorpusId:14514057\n",
    "204e3073870fae3d05bcbc2f6a8e263d9b72e776\n", "not-an-id\n", "% comment\n",
    "<h2 class=\"paper-title\">", "</h2>", "<p class=\"authors\">", "</p>", "<span>(2024)</span>", "<li>", "</li>",
    "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n",
    "| 2024 | [Anole](https://arxiv.org/abs/2407.06135) | ✓ |\n", "**Janus-Pro**: Unified Multimodal Understanding\n",
]

# runs of one of these are what made readers quadratic: brackets, dashes, pipes, nesting
HOSTILE_UNITS = [
    "[", "]", "(", ")", "](", "![](", "![", "[](", "](#", "[x](#a)", "-", "|", "*", "**", "_", "<", ">", "\\", "`",
    "[[", "]]", "((", "))", "<details>", "</details>", "<a href=\"", "\">", ":", "：", "# ", "- [", "| x ", "  \n",
    " \\\n", "&#", "&amp;", "doi: 10.1000/", "arXiv:", "http://", "[x](y", "(x)", "[![", "~", "^", "@",
]
IDS = ["https://arxiv.org/abs/2405.09818", "arXiv:2407.06135", "doi: 10.1145/3292500.3330701",
       "[Anole](https://arxiv.org/abs/2407.06135v1)", "CorpusId:14514057", ""]

# code points from many scripts and the awkward ones (controls, marks, bidi, private use, emoji); no
# surrogates, and no NUL: a NUL makes the whole file binary, refused unread (a few lists get one on purpose)
_UNICODE_RANGES = [(0x1, 0x7F), (0x80, 0x24F), (0x300, 0x36F), (0x370, 0x52F), (0x590, 0x6FF), (0x2000, 0x206F),
                   (0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xE000, 0xE0FF), (0xFE00, 0xFFFF), (0x1F300, 0x1FAFF),
                   (0x10FF00, 0x10FFFF)]

KINDS = ("mutated fixture", "markup soup", "hostile runs", "random unicode", "large")
# one cycle of 40 lists: 16 mutated, 8 soups, 8 hostile, 7 unicode, 1 large (the large one early,
# so that a small corpus has one too)
_CYCLE = ["mutated fixture", "markup soup", "hostile runs", "large", "random unicode"] + [
    "mutated fixture"] * 15 + ["markup soup"] * 7 + ["hostile runs"] * 7 + ["random unicode"] * 6


@dataclass(frozen=True)
class FuzzedList:
    """One generated list file: ``name`` (with the extension it is saved under), its bytes, its kind."""

    kind: str
    name: str
    data: bytes


_POOL = [f for f in FRAGMENTS + ENTRY_FRAGMENTS if f != "\x00"]


def mutate(text: str, rng: random.Random, times: int) -> str:
    """``text`` with ``times`` random edits: deletions, duplications, fragments and random text inserted."""
    for _ in range(times):
        i = rng.randint(0, len(text))
        j = rng.randint(i, min(len(text), i + 40))
        op = rng.choice(["delete", "duplicate", "fragment", "unicode"])
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "fragment":
            text = text[:i] + rng.choice(_POOL) + text[i:]
        else:
            text = text[:i] + random_text(rng, rng.randint(1, 8)) + text[i:]
    return text


def random_text(rng: random.Random, n: int) -> str:
    """``n`` code points drawn from the ranges above."""
    out = []
    for _ in range(n):
        lo, hi = rng.choice(_UNICODE_RANGES)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def hostile(rng: random.Random, size: int) -> str:
    """About ``size`` characters of long runs of hostile units, some around an id or link."""
    parts: list[str] = []
    left = size
    while left > 0:
        unit = rng.choice(HOSTILE_UNITS)
        count = max(1, min(left, rng.randint(size // 8 + 1, size)) // len(unit))
        style = rng.random()
        if style < 0.5:
            parts.append(unit * count + " " + rng.choice(IDS))
        elif style < 0.7:  # nesting: the run, an id, its mirror
            half = max(1, count // 2)
            closing = unit.translate(str.maketrans("[(<", "])>"))
            parts.append(unit * half + rng.choice(IDS) + closing * half)
        else:
            parts.append(unit * count)
        parts.append(rng.choice(["", " ", "\n", "\n\n"]))
        left -= count * len(unit) + 10
    return "".join(parts)


def _encode(text: str, rng: random.Random) -> bytes:
    """Mostly UTF-8; sometimes UTF-16 with its BOM, or UTF-8 with bytes that are not UTF-8."""
    roll = rng.random()
    if roll < 0.1:
        return text.encode("utf-16")
    data = text.encode("utf-8")
    if roll < 0.2 and data:
        for _ in range(rng.randint(1, 5)):
            at = rng.randint(0, len(data))
            data = data[:at] + bytes([rng.choice([0x80, 0xC3, 0xE2, 0xFF, 0xFE, 0xED])]) + data[at:]
    return data


def fuzzed_list(index: int, rng: random.Random) -> FuzzedList:
    """The ``index``-th list of a corpus (its kind follows a fixed cycle; its content ``rng``)."""
    kind = _CYCLE[index % len(_CYCLE)]
    ext = rng.choice([".md", ".md", ".md", ".txt", ".html", ".bib"])
    if kind == "mutated fixture":
        name = rng.choice(sorted(DOCS))
        text = mutate(DOCS[name], rng, rng.randint(1, 8))
        ext = "." + name.rsplit(".", 1)[1]  # a .bib stays BibTeX, ids.txt stays a file of ids
    elif kind == "markup soup":
        text = "".join(rng.choice(_POOL) if rng.random() < 0.85 else random_text(rng, rng.randint(1, 6))
                       for _ in range(rng.randint(1, 120)))
    elif kind == "hostile runs":
        text = hostile(rng, rng.choice([200, 1000, 4000, 12_000, 30_000]))
    elif kind == "random unicode":
        text = random_text(rng, rng.randint(0, 2000))
        if rng.random() < 0.5:
            text = mutate(text, rng, 10)
        return FuzzedList(kind, f"list-{index:04d}{ext}", _encode(text, rng))
    else:  # large: tens of KB, a long real-looking list or a long hostile one
        size = rng.randint(20_000, 80_000)
        if rng.random() < 0.5:
            chunks: list[str] = []
            while sum(map(len, chunks)) < size:
                chunks.append(mutate(DOCS[rng.choice(sorted(DOCS))], rng, rng.randint(0, 4)))
            text = "\n".join(chunks)
            ext = ".md"
        else:
            text = hostile(rng, size)
    if rng.random() < 0.03:
        at = rng.randint(0, len(text))
        text = text[:at] + "\x00" + text[at:]
    return FuzzedList(kind, f"list-{index:04d}{ext}", text.encode("utf-8"))


def fuzzed_lists(n: int, seed: int = 0) -> list[FuzzedList]:
    """``n`` fuzzed list files, the same for the same ``seed`` (each from its own generator,
    so the first ``k`` of a larger corpus are the corpus of ``k``)."""
    return [fuzzed_list(i, random.Random(f"{seed}:{i}")) for i in range(n)]
