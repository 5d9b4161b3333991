"""Model lineage: which model descends from which, and why we believe it.

A *successor link* ``parent → child`` says the child's model is built from the
parent's (a new version, a fine-tune, an extension).  Each link carries the
evidence found for it, a list of ``{"kind", "detail"}`` items, and a
confidence in 0..1.  These are all the kinds (:data:`EVIDENCE_KINDS`), with
their weight and what ``detail`` says:

``text`` (0.70)
    The child's own text says it builds on the parent: "built on X",
    "initialized from X", "advanced version of X", 基于X构建, 在X的基础上,
    X的升级版, 其前身X, "X as its tokenizer or backbone" ...  Detail: the
    child's words around the mention, at most about 100 characters, cut at
    a word and marked ``…`` where cut.
``citation`` (0.20)
    The child cites the parent, or only the parent's revised preprint cites
    the child.  Detail: which of the two, and whether the citation was a
    cycle (the two cite each other) broken by date.
``intent`` (0.25)
    The API marks that citation *methodology*.
``influential`` (0.20)
    The API marks that citation influential.
``authors`` (0.25 for one, 0.35 for two or more, 0.45 for half the smaller author list or more)
    Shared authors.  Detail: ``"2 shared: Ada Lovelace, Alan Turing"`` (the
    first three, then ``+N``).
``name`` (0.40)
    Same family: the child's name is the parent's stem with a version or
    variant (Foo → Foo-2, FooFlow).  Detail: ``"Foo-2 is in the Foo family"``.
``repo`` (0.35 same repository, 0.15 same organisation)
    The list links the same GitHub repository or organisation for both.
    Detail: ``"same repository github.com/org/repo"`` or ``"same
    organisation github.com/org"``.
``mention`` (0.15)
    The child's text names the parent, with no builds-on phrase around it
    (only for papers of one family).  Detail: ``"the child's text names Foo"``.
``list`` (0.20)
    The list names both in one item: the same notes, or, for papers without
    notes, the same line or lines at most 3 apart in one file with no other
    paper's line between.  Papers with different notes are different items
    (neighbours in a bullet list), however close.  Detail: ``"the list gives
    both the same notes"`` or ``"listed together in FILE: the parent at line
    20, the child at line 21"``.
``date`` (0.05)
    The child is later (or of the same year, one of the two dated by year
    alone).  Detail: ``"2024-05 → 2024-07"`` (arXiv month, else
    year; parent first).

Confidence is the noisy-OR of the weights, ``1 - prod(1 - w)``: each item is
independent support, more support never lowers it, and one weak item alone
stays low (text alone 0.72 < text + citation + intent 0.84 < ... ).

A link needs the child to be later than the parent (by arXiv id month when
both have one, else by year; in the same year with a month missing, neither
is earlier, and the names or the statement give the order) and either a
``text`` statement, or ``name`` plus some support
(``citation``, ``authors``, ``repo``, ``list`` or ``mention``), or an influential
methodology citation between papers sharing authors.  Sharing a name alone
is never enough: homonyms (two unrelated "CoDi" papers) stay apart.  Nor is a
statement about the parent's outputs or a benchmark built on them ("we build
a benchmark on X outputs", "X-generated data", 基于X构建了一个基准), and
comparisons ("outperforms X", "unlike X", 与X相比) are no statements at all, nor
are denials ("does not build on X", "rather than fine-tuning X", 不是基于X,
没有在X的基础上) and statements about another paper ("prior work that builds
on X", "Foo, which builds on X").  A bare comma joins a name to a cue only
through other known names ("built on Foo, X"), not through other words
("Based on our experiments, X is slow").  When a statement names several
earlier papers of one name, only citation, authors or repository evidence
picks one of them; without it, none is linked.
Within a family a child gets one family parent: the closest lower version of
its own variant, else the latest earlier base model (``Janus-Pro`` descends
from ``Janus``, not from its sibling ``JanusFlow``).  Of its eight closest
elders, the closest with citation, authors or repository evidence wins, else
the closest with ``list`` or ``mention`` support; elders sharing one name
(homonyms) need citation, authors or repository evidence, the most confident
of them winning.  So a family of n papers needs at most 8n support checks,
not n².  Two preprints citing each
other get one link, in date order, and its ``citation`` item says the cycle
was broken; :func:`lineage_report` with ``main_path`` reports the citations
left out of the citation network's main path (running back in time, or
closing a cycle).

Examples
--------
>>> from citegraph.graph.model import new_graph, add_paper
>>> G = new_graph()
>>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models",
...               arxiv="2405.09818", year=2024)
>>> _ = add_paper(G, "b", title="ANOLE: An Open, Autoregressive, Native Model", arxiv="2407.06135",
...               year=2024, text="We present Anole. We build Anole from Meta AI's Chameleon.")
>>> [(l["parent"]["name"], l["child"]["name"], [e["kind"] for e in l["evidence"]])
...  for l in successors(G)]
[('Chameleon', 'Anole', ['text', 'date'])]
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

import networkx as nx

from citegraph.analysis.mainpath import main_path  # field-level lineage, part of this module's surface
from citegraph.text.names import NameMatcher, clean_name, is_generic, model_name, name_key
from citegraph.text.wording import plural

__all__ = [
    "model_name",
    "family_stem",
    "parse_name",
    "node_names",
    "families",
    "successors",
    "main_path",
    "annotate_lineage",
    "lineage_report",
    "WEIGHTS",
    "EVIDENCE_KINDS",
]

# Every kind of evidence item a link can carry, in the order the module docstring
# documents them; _evidence refuses any other, so the two cannot drift apart.
EVIDENCE_KINDS = ("text", "citation", "intent", "influential", "authors", "name", "repo", "mention", "list", "date")

WEIGHTS = {
    "text": 0.70,
    "citation": 0.20,
    "intent": 0.25,
    "influential": 0.20,
    "name": 0.40,
    "mention": 0.15,
    "list": 0.20,
    "date": 0.05,
}

# First words that modify a name rather than found a family ("Omni-RGPT",
# "Mini-Gemini", "Video-LaVIT", "T2I-R1"): the stem then takes two words.
_GENERIC_PREFIX = frozenset(
    """
    omni uni multi self diff edit text image video meta open any mini neural deep fast auto
    instruct super hyper mm id x t2i t2v i2v vision visual flow dual re semi cross co in free
    zero one all easy gen mask seg vl llm mllm lm i my yo pro next dynamic safe real the a
    unified universal general simple efficient lite tiny small large big long
    """.split()
)
# Suffixes glued to a family stem that make a variant (JanusFlow, InstantStylePlus).
_GLUED_SUFFIXES = ("flow", "pro", "plus", "max", "mini", "lite", "turbo", "xl", "next", "ultra", "flash")
_GREEK_ORDER = "αβγδεζηθικλμνξοπρστυφχψω"
_GREEK_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
        "sigma tau upsilon phi chi psi omega".split()
    )
}
_VERSION_TOKEN = re.compile(r"^(?:v|V)?(\d+(?:\.\d+)*)$")
_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.(\d{4,5})")


# ------------------------------------------------------------------ names


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", clean_name(name)).replace("²", "2").replace("³", "3")
    return tuple(t for t in re.split(r"[\s\-_/:]+|(?<=[A-Za-z])\.(?=\d)", text) if t)


def _greek_version(tok: str) -> float | None:
    low = tok.casefold()
    if len(low) == 1 and low in _GREEK_ORDER:
        return float(_GREEK_ORDER.index(low) + 1)
    if low in _GREEK_WORDS:
        return float(_GREEK_WORDS[low])
    return None


def _version_value(tok: str) -> float | None:
    m = _VERSION_TOKEN.match(tok)
    if m:
        parts = m.group(1).split(".")
        return float(parts[0] + "." + "".join(parts[1:])) if len(parts) > 1 else float(parts[0])
    return _greek_version(tok)


@dataclass(frozen=True)
class ParsedName:
    """A name split into family ``stem``, ``variant`` and ``version``."""

    stem: str
    variant: str
    version: float | None


def parse_name(name: str, known_stems: Iterable[str] = ()) -> ParsedName:
    """Split a model name into ``(stem, variant, version)``.

    ``known_stems`` lets a glued variant join its family (``JanusFlow`` with
    ``Janus`` known).

    >>> parse_name("Lumina-mGPT 2.0")
    ParsedName(stem='lumina', variant='mgpt', version=2.0)
    >>> parse_name("Janus-Pro"), parse_name("JanusFlow", {"janus"})
    (ParsedName(stem='janus', variant='pro', version=None), ParsedName(stem='janus', variant='flow', version=None))
    >>> parse_name("PixArt-Σ").version > parse_name("PixArt-α").version
    True
    >>> parse_name("Emu2"), parse_name("Unified-IO 2").stem, parse_name("Video-LaVIT").stem
    (ParsedName(stem='emu', variant='', version=2.0), 'unifiedio', 'videolavit')
    """
    key_first, rest, version, may_glue = _split_name(name)
    if may_glue and key_first.endswith(_GLUED_SUFFIXES):
        if not isinstance(known_stems, (set, frozenset, dict)):
            known_stems = set(known_stems)
        # the longest known stem that the name is plus a glued suffix; looked up
        # per suffix, so a graph's names are parsed in linear time
        glued = [
            (len(key_first) - len(tail), tail)
            for tail in _GLUED_SUFFIXES
            if key_first.endswith(tail) and len(key_first) - len(tail) >= 3
        ]
        for size, tail in sorted(glued, reverse=True):
            stem = key_first[:size]
            if stem in known_stems and stem not in _GENERIC_PREFIX:
                return ParsedName(stem, tail + rest, version)
    return ParsedName(key_first, rest, version)


@lru_cache(maxsize=65536)
def _split_name(name: str) -> tuple[str, str, float | None, bool]:
    """``(stem, variant, version, whether the stem may hold a glued suffix)`` of ``name``."""
    toks = list(_tokens(name))
    version = None
    while len(toks) > 1 and _version_value(toks[-1]) is not None:
        version = _version_value(toks[-1]) if version is None else version
        toks.pop()
    if not toks:
        return name_key(name), "", version, False
    first = toks[0]
    # digits glued to the first word: Emu2, CogView3, Awaker2.5, BLIP3
    m = re.match(r"^([A-Za-z][A-Za-z'’]{2,}?)[-]?(\d+(?:\.\d+)?)$", first)
    if m:
        first = m.group(1)
        if version is None:  # Qwen2-VL is version 2 of Qwen-VL
            version = float(m.group(2))
    key_first = name_key(first)
    rest = toks[1:]
    if (key_first in _GENERIC_PREFIX or len(key_first) < 2) and rest:
        return key_first + name_key(rest[0]), "".join(name_key(t) for t in rest[1:]), version, False
    if rest and version is None:
        # digits glued to the variant: Show-o2 is version 2 of Show-o, Foo-X2 of Foo-X
        m = re.match(r"^([A-Za-z]+)(\d+(?:\.\d+)?)$", rest[-1])
        if m:
            rest[-1], version = m.group(1), float(m.group(2))
    return key_first, "".join(name_key(t) for t in rest), version, True


def family_stem(name: str, known_stems: Iterable[str] = ()) -> str:
    """The family a model name belongs to, as a comparison key.

    >>> [family_stem(n) for n in ("Janus", "Janus-Pro", "Foo 2.0", "Foo-2", "Foo2", "FOO-X", "Foo-mGPT")]
    ['janus', 'janus', 'foo', 'foo', 'foo', 'foo', 'foo']
    >>> family_stem("JanusFlow", {"janus"}), family_stem("TokenFlow", {"janus"})
    ('janus', 'tokenflow')
    """
    return parse_name(name, known_stems).stem


def _date_key(d: dict[str, Any]) -> tuple[int, int, int] | None:
    """(year, month, arXiv number) when the arXiv id tells, else (year, 0, 0)."""
    m = _ARXIV_NEW.match(str(d.get("arxiv") or ""))
    if m:
        return (2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d.get("year"):
        return (int(d["year"]), 0, 0)
    return None


_AUTHOR_LINE = re.compile(r"(?im)^.*\b(?:authors?|作者)\s*[:：].*$")
_HARD_WRAP = re.compile(r"(?<=[A-Za-z,])[ \t]*\n[ \t]*(?=[A-Za-z(])")
_URL = re.compile(r"(?:https?://|www\.|github\.com/)\S+")


def _own_text(d: dict[str, Any]) -> str:
    """A paper's own prose: list notes and abstract, without author lines and URLs."""
    return _prose("\n".join(t for t in (d.get("text"), d.get("abstract")) if t))


# report, lineage_report and families each work out the lineage of one graph:
# its texts are cleaned once (and names found once, see _name_finder)
@lru_cache(maxsize=16384)
def _prose(text: str) -> str:
    # each pattern runs only where its literal part occurs: scanning for them
    # costs more than the rest of a text's analysis
    if "作者" in text or "author" in text.lower():
        text = _AUTHOR_LINE.sub(" ", text)
    if "\n" in text:
        text = _HARD_WRAP.sub(" ", text)  # hard-wrapped English
    if "http" in text or "www." in text or "github.com/" in text:
        text = _URL.sub(" ", text)
    return text


_model_name = lru_cache(maxsize=16384)(model_name)  # remembered like _prose


def node_names(G: nx.DiGraph) -> dict[Any, str]:
    """The model name of each paper that has one: the ``name`` attribute, else extracted.

    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(); _ = add_paper(G, "p", title="Janus: Decoupling Visual Encoding")
    >>> node_names(G)
    {'p': 'Janus'}
    """
    return _node_names(G, {n: _own_text(d) for n, d in G.nodes(data=True)})


def _node_names(G: nx.DiGraph, texts: dict[Any, str]) -> dict[Any, str]:
    out = {}
    for n, d in G.nodes(data=True):
        name = d.get("name") or _model_name(d.get("title"), texts[n] or None)
        if name and not is_generic(name):
            out[n] = clean_name(name)
    return out


_ABBREVIATION = re.compile(r"[(（][A-Za-z][\w\-.]{1,15}[)）]")
_NOT_AFTER_WORD = re.compile(r"(?<![\w-])")
_CAPITAL_SUFFIX = re.compile(r"-([A-Z][A-Za-z]+)(?![\w-])")
_LONG_FORM = re.compile(r"((?:[A-Z][\w.]*[\s-]){1,3}[A-Z][\w.]*)\s*[(（]([A-Za-z][\w\-.]{1,15})[)）]")


def _suffixed(name: str, text: str) -> list[str]:
    """Every ``name-Suffix`` in ``text``: what ``(?<![\\w-])NAME-([A-Z][A-Za-z]+)(?![\\w-])`` finds.

    Searched with ``str.find`` and two shared patterns, not a regex per name
    (a compile costs more than the search).
    """
    out = []
    i = text.find(name)
    while i >= 0:
        m = _CAPITAL_SUFFIX.match(text, i + len(name)) if _NOT_AFTER_WORD.match(text, i) else None
        if m:
            out.append(text[i : m.end()])
            i = text.find(name, m.end())
        else:
            i = text.find(name, i + 1)
    return out


def _long_forms(text: str) -> list[re.Match[str]]:
    """What ``_LONG_FORM.finditer(text)`` finds, searched for only before each ``(ABBR)``.

    A long form is words, spaces and hyphens, so it starts after the previous
    ``(...)``: each stretch of text is searched once, and texts without
    abbreviations not at all.
    """
    out = []
    start = 0
    for abbr in _ABBREVIATION.finditer(text):
        m = _LONG_FORM.search(text, start, abbr.end())
        if m:
            out.append(m)
        start = abbr.end()
    return out


def _aliases(G: nx.DiGraph, names: dict[Any, str], texts: dict[Any, str]) -> dict[Any, set[str]]:
    """Other names a paper goes by, from the list's own text.

    * the title's parenthesised alias: ``xGen-MM (BLIP-3)``;
    * ``Name-Suffix`` its own text uses at least twice (SEED → ``SEED-LLaMA``);
    * ``Long Form (NAME)`` anywhere in the graph's texts (``Stable Diffusion XL（SDXL）``).
    """
    aliases: dict[Any, set[str]] = defaultdict(set)
    taken = {name_key(v) for v in names.values()}
    by_key: dict[str, list[Any]] = defaultdict(list)
    for n, name in names.items():
        by_key[name_key(name)].append(n)
    for n, name in names.items():
        d = G.nodes[n]
        m = re.search(r"[(（]([A-Za-z][\w\-.]{1,20})[)）]\s*[:：]", clean_name(d.get("title") or ""))
        if m and name_key(m.group(1)) not in taken:
            aliases[n].add(m.group(1))
        text = texts[n]
        if text:
            counts: dict[str, int] = defaultdict(int)
            for found in _suffixed(name, text):
                counts[found] += 1
            aliases[n].update(a for a, c in counts.items() if c >= 2 and name_key(a) not in taken)
    for text in texts.values():
        for m in _long_forms(text):
            long_form, short = m.group(1).strip(), m.group(2)
            owners = by_key.get(name_key(short), [])
            if len(owners) == 1 and name_key(long_form) not in taken and not is_generic(long_form):
                aliases[owners[0]].add(long_form)
    return aliases


# --------------------------------------------------------------- evidence

# A builds-on statement around a mention of the parent X.  Each pattern is
# (text just before X, text just after X); either may be empty.  X may be
# the second of two joined by a conjunction ("built on Foo and X"); a bare
# comma joins only known names (see _name_chain): "Based on our experiments,
# X is slow" says nothing of what X is built on.
_COORD = r"(?:[^，。；;,.!?]{1,30}?(?:和|与|及|、|and)\s*)?"
_BEFORE = [
    r"\b(?:built|build|builds|building)\s+(?:\w+\s+){0,2}(?:up)?on\s+(?:top\s+of\s+)?(?:the\s+)?(?:pre-?trained\s+)?",
    r"\bbuild\w*\s+\S+\s+(?:up)?(?:on|from)\s+(?:[\w.'’]+\s+){0,3}",
    r"\bbased\s+on\s+(?:the\s+)?(?:pre-?trained\s+)?",
    r"\bon\s+top\s+of\s+(?:the\s+)?",
    r"\binitiali[sz](?:ed|es|ing|e|ation)?\s+(?:\w+\s+){0,2}(?:from|with)\s+(?:the\s+)?(?:pre-?trained\s+)?",
    r"\b(?:fine-?tun\w*|distill\w*|adapt\w*|deriv\w*)\s+(?:from\s+)?(?:the\s+)?(?:pre-?trained\s+)?",
    r"\bextend(?:s|ed|ing)?\s+(?:the\s+)?",
    r"\bextension\s+of\s+(?:the\s+)?",
    r"\bfollow-?up\s+(?:work\s+)?(?:of|to|on)\s+(?:the\s+)?",
    r"\bsuccessor\s+(?:of|to)\s+(?:the\s+)?",
    r"\b(?:advanced|improved|upgraded|enhanced|updated|new|next|stronger)\s+version\s+of\s+(?:the\s+)?(?:previous\s+work\s+)?",
    r"\b(?:our|the)\s+(?:previous|prior|earlier)\s+(?:work|model)s?,?\s+",
    r"\bpredecessor,?\s+",
    r"^\W*(?:One-liner:\W*)?(?:Enhanced|Extended|Upgraded|Improved|Scaled)\s+",
    r"\bappl(?:y|ied|ying)\s+(?:\w+\s+){0,4}to\s+(?:the\s+)?(?:base(?:line)?\s+model\s+)?",
    r"基于\s*(?:[^，。；]{0,12}的)?\s*",
    r"在\s*(?:[^，。；]{0,8}的)?\s*",
    r"以\s*",
    r"由\s*",
    r"从\s*(?:[^，。；]{0,8}的)?\s*",
    r"(?:其|的)?前身\s*",
    r"继\s*",
    r"(?:延续|扩展|扩充|改进|改造|升级|增强)(?:了)?\s*",
    r"(?:之前|先前|此前|以前)的?(?:工作|模型)\s*",
    r"利用\s*(?:前沿的|强大的|现有的)?\s*",
    r"将\s*(?:预训练的|现有的)?\s*",
    r"应用于\s*(?:基线|基础|基座)?(?:模型)?\s*",
    r"微调(?:了)?\s*(?:预训练的)?\s*",
    # reusing the parent as the tokenizer or backbone: "uses existing image tokenizers (e.g. X)"
    r"(?:利用|采用|使用|沿用|复用)\s*(?:现有的|已有的|现成的|预训练的)?\s*[^，。；]{0,10}?"
    r"(?:分词器|标记化器|标记器|tokenizer|骨干网络|骨干|backbone)\s*[（(]\s*(?:如|例如|比如|即)\s*",
    r"\b(?:uses?|using|adopts?|adopting|reuses?|reusing|leverag(?:es|e|ing))\s+(?:the\s+|an?\s+)?"
    r"(?:existing\s+|pre-?trained\s+|off-the-shelf\s+)?(?:image\s+|visual\s+|vision\s+)?"
    r"(?:tokenizers?|backbones?)\s*\(?\s*(?:e\.g\.,?|such\s+as|like|i\.e\.,?|from|of)\s+(?:the\s+)?",
]
_AFTER = {
    r"基于\s*(?:[^，。；]{0,12}的)?\s*": r"\s*(?:模型|架构|框架)?\s*(?:进行)?(?:构建|开发|训练|微调|初始化|打造|改进|扩展)"
    r"|\s*[，,]\s*(?:我们|本文)(?:进一步)?(?:构建|开发|训练|打造)",
    r"在\s*(?:[^，。；]{0,8}的)?\s*": r"\s*(?:模型|架构)?\s*(?:的)?基础上",
    r"以\s*": r"\s*(?:模型)?为(?:基础|基座|骨干|起点|初始化)",
    r"由\s*": r"\s*(?:模型)?初始化",
    r"从\s*(?:[^，。；]{0,8}的)?\s*": r"\s*(?:模型)?(?:初始化|构建|蒸馏|微调)",
    r"继\s*": r"\s*之后",
    r"(?:延续|扩展|扩充|改进|改造|升级|增强)(?:了)?\s*": r"(?![\w\u4e00-\u9fff]*基准)",
    r"利用\s*(?:前沿的|强大的|现有的)?\s*": r"\s*的?(?:基础)?(?:预训练|权重|框架|架构)",
    r"将\s*(?:预训练的|现有的)?\s*": r"\s*(?:模型)?(?:适配|改造|扩展|迁移|(?:与|和)[^，。；]{0,30}(?:集成|结合|整合))",
}
_AFTER_ONLY = [
    r"\s*的(?:升级版|改进版|增强版|进阶版|扩展版|先进版本|后续版本|后续工作|新版本|继任者)",
    r"\s*(?:'s|’s)\s+(?:successor|follow-?up|next\s+version)",
    r"\s+(?:is|was|has\s+been)\s+(?:further\s+)?(?:extended|upgraded|scaled\s+up)\s+(?:to|into)\s+(?!\w+\s+(?:tasks?|domains?|settings?)\b)",
    r"[）)]?\s*(?:模型)?[^，。；,.上]{0,16}的(?:LoRA\s*)?微调",
    r"\s*(?:模型)?作为(?:其|我们的)?(?:图像|视觉)?(?:分词器|标记化器|骨干网络|骨干|基座模型|基础模型)",
    r"\s+as\s+(?:the|its|our|a)\s+(?:image\s+|visual\s+)?(?:tokenizer|backbone|base\s+model)\b",
]
_BEFORE_RX = [re.compile("(?:" + b + ")(?P<coord>" + _COORD + r")$", re.I | re.M) for b in _BEFORE]
# Matches where any of _BEFORE_RX does: most mentions are comparisons, which
# one search then rules out instead of thirty.
_ANY_BEFORE_RX = re.compile("(?:" + "|".join(f"(?:{b})" for b in _BEFORE) + ")" + _COORD + r"$", re.I | re.M)
_AFTER_RX = {b: re.compile(a) for b, a in _AFTER.items()}
# A name joined to the cue through another ("fine-tuned from Llama, X is not
# used") that a verb follows starts a clause of its own: the cue's object ended before it.
_CLAUSE_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|have|had|does|did|do|can|could|will|would|may|might|should|must"
    r"|shows?|showed|fails?|failed|performs?|performed|remains?|lags?|struggles?|suffers?)\b",
    re.I,
)
_AFTER_ONLY_RX = [re.compile(a, re.I) for a in _AFTER_ONLY]


# "outperforms models built on X", "methods based on X", "prior work that
# builds on X": other works built on X
_OTHERS_BEFORE = re.compile(
    r"\b(?:models|methods|approaches|works|baselines|systems|pipelines|frameworks|those|ones|others"
    r"|papers|studies|variants|efforts|techniques"
    r"|(?:prior|previous|existing|earlier|recent|other|related|concurrent)\s+"
    r"(?:work|research|study|model|method|approach|system|paper))"
    r"\s+(?:(?:that|which)\s+(?:(?:are|were|is|was|has\s+been|have\s+been)\s+)?)?$",
    re.I,
)
# A relative clause whose subject is the word(s) before it: "X, which builds
# on Y" is about X.  Its subject ends where the match starts.
_RELATIVE_BEFORE = re.compile(
    r"\s*,?\s*(?:which|that|who)\s+(?:(?:is|was|are|were|has\s+been|have\s+been|itself|also|further"
    r"|directly|in\s+turn)\s+){0,2}$",
    re.I,
)
# ... and a subject that is what the child is compared with: "evaluated
# against Foo, which builds on Y", "outperforms Foo, which is based on Y"
_COMPARED_SUBJECT = re.compile(
    r"\b(?:against|than|versus|vs\.?|over|unlike|outperform\w*|beat\w*|surpass\w*|exceed\w*"
    r"|compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+)?$",
    re.I,
)

# Denials in front of a cue: "does not build on X", "never extends X",
# "rather than fine-tuning X", 不是基于X, 没有在X的基础上.  A verbal negation
# may stand three words before the cue ("is not directly based on"), a
# preposition one ("instead of directly building on"); "not only" affirms.
_NOT = r"(?:\b(?:not(?!\s+(?:only|just|merely)\b)|never|cannot|neither|nor|no\s+longer)\b|n['’]t\b)"
_NEGATED_BEFORE = re.compile(
    rf"(?:{_NOT}(?:\s+[\w'’-]+){{0,3}}"
    r"|\b(?:instead\s+of|rather\s+than|without|unlike|as\s+opposed\s+to|in\s+contrast\s+to|in\s+place\s+of)"
    r"(?:\s+[\w'’-]+)?"
    # 不是, 并非, 没有, 而非, 不同于 ... up to four characters before the cue; a bare 不
    # up to two, but not 不断 (keeps on), 不仅/不但 (not only), 不过 (however)
    r"|(?:不是|并非|并不|并未|从未|未曾|没有|而非|而不是|不同于|区别于|有别于|不再|无需|不需要|不必)"
    r"[^\s，。；、,;.!?：:]{0,4}"
    r"|不(?![断仅但少同久过])[^\s，。；、,;.!?：:]{0,2})\s*$",
    re.I,
)
_NOT_IN_CUE = re.compile(_NOT, re.I)  # "initialized not from X"


# What is built on the parent's *outputs* or for *evaluating* it is not its
# successor: "we build a benchmark on X outputs", "based on X-generated data",
# "基于X构建了一个基准".  A benchmark or data word as the object of the cue
# (or just before it), the parent's outputs right after its name, or a main
# clause that builds a benchmark, each rule the statement out.
_NOT_MODEL_WORDS = (
    r"benchmarks?|datasets?|data|corpus|corpora|suites?|testbeds?|leaderboards?|evaluations?"
    r"|metrics?|protocols?|test\s+sets?|annotations?"
)
_NOT_MODEL_NOUN = f"(?:{_NOT_MODEL_WORDS})"
# whole words: a "data-efficient model" built on X is still a model
_NOT_MODEL_OBJECT = re.compile(rf"(?<![\w-]){_NOT_MODEL_NOUN}(?![\w-])", re.I)
_WORDS_BEFORE_CUE = re.compile(r"(?:[\w-]+\s+){0,3}$")  # words just before, no punctuation between
_OUTPUTS_AFTER = re.compile(
    r"(?:['’]s)?[\s-]*(?:"
    r"(?:generated|produced|synthesi[sz]ed|created|rendered|edited|outputs?|generations?|samples?"
    r"|predictions?|responses?|captions?|results?|scores?|" + _NOT_MODEL_WORDS + r")\b"
    # "X images" are outputs, "X image tokenizer" is a part of the model
    r"|(?:images?|videos?|pictures?)\b"
    r"(?!\s*(?:tokeni[sz]ers?|encoders?|decoders?|backbones?|models?|generators?|VAEs?)\b))"
    r"|\s*(?:模型)?(?:生成|产生|合成|输出|编辑)(?:的|出)|\s*的?(?:输出|生成结果|生成图像|数据集|基准|评测|评估)",
    re.I,
)
_BENCHMARK_CLAUSE = re.compile(
    r"[^.;!?。；！？]{0,30}?,\s*(?:we|this\s+(?:work|paper))\s+(?:\w+\s+)?"
    r"(?:build|construct|create|collect|curate|introduce|propose|present|design|release)\w*\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{_NOT_MODEL_NOUN}\b"
    # Chinese: 基于X构建了一个基准, 在X的基础上，我们构建了新的数据集
    r"|[^。；！？，,]{0,12}?(?:[，,]\s*(?:我们|本文|作者)?(?:进一步|还|首先)?)?"
    r"(?:构建|建立|创建|收集|整理|设计|发布|构造|打造|制作)了?\s*"
    r"(?:一个|一套|一种|新的?|全面的?|大规模的?|综合的?)*[^。；，,]{0,4}?(?:基准|数据集|评测|测试集|排行榜|指标)",
    re.I,
)


def _not_the_model(text: str, before: str, cue: re.Match[str], end: int) -> bool:
    """True when a builds-on cue speaks of the parent's outputs or a benchmark, not its model."""
    if _NOT_MODEL_OBJECT.search(cue.group(0)):
        return True  # "build a benchmark on X", "build Bar on data from X"
    words = _WORDS_BEFORE_CUE.search(before, 0, cue.start())
    if words and _NOT_MODEL_OBJECT.search(words.group(0)):
        return True  # "a benchmark built on X"
    after = text[end : end + 80]
    # "distilled from X's outputs" is how a student descends from its teacher
    outputs = not cue.group(0).lower().startswith("distil") and _OUTPUTS_AFTER.match(after)
    return bool(outputs or _BENCHMARK_CLAUSE.match(after))


@lru_cache(maxsize=65536)  # remembered like _prose
def _statement(text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The builds-on phrase around the mention ``text[start:end]``, if there is one.

    ``others`` are the spans of other papers' names just before the mention:
    a comma joins the mention to a cue only through them ("built on Foo, X"),
    and a statement about one of them ("Foo, which builds on X") is not the
    child's.  Denied cues ("not based on X") state nothing.

    >>> t = "BetaNet is evaluated against AlphaNet, which builds on GammaNet."
    >>> _statement(t, 55, 63) is None, _statement(t, 55, 63, ((29, 37),)) is None
    (True, True)
    >>> bool(_statement("We build on Foo, Bar and more.", 17, 20)), bool(_statement("We build on Foo, Bar and more.", 17, 20, ((12, 15),)))
    (False, True)
    >>> [bool(_statement(s, s.index("Foo"), s.index("Foo") + 3)) for s in
    ...  ("Bar is built on Foo.", "Bar is not built on Foo.", "Rather than fine-tuning Foo, Bar starts anew.", "Bar并非基于Foo构建。")]
    [True, False, False, False]
    """
    after = text[end : end + 40]
    for pos in dict.fromkeys((start, _name_chain(text, start, others))):
        window = max(0, pos - 60)  # only a sentence end within the window matters
        sentence_start = max(text.rfind(c, window, pos) for c in "。\n!?；;") + 1
        before = text[max(sentence_start, window) : pos]
        if _ANY_BEFORE_RX.search(before):
            for src, rx in zip(_BEFORE, _BEFORE_RX):
                m = rx.search(before)
                if not m or _OTHERS_BEFORE.search(before, 0, m.start()) or _denied(before, m):
                    continue
                if _about_another(text, pos - len(before) + m.start(), others):
                    continue
                if (pos != start or m.group("coord")) and _CLAUSE_AFTER.match(after):
                    continue
                need = _AFTER_RX.get(src)
                if (need is None or need.match(after)) and not _not_the_model(text, before, m, end):
                    return _snippet(text, start, end)
    before = text[max(0, start - 30) : start]
    if not _NEGATED_BEFORE.search(before):  # "is not Foo's successor", 不使用Foo作为骨干
        for rx in _AFTER_ONLY_RX:
            if rx.match(after):
                return _snippet(text, start, end)
    return None


_CHAIN_GAP = re.compile(r"(?:\s*(?:[,，、&]|\band\b|和|与|及)\s*)+$", re.I)


def _name_chain(text: str, start: int, others: tuple[tuple[int, int], ...]) -> int:
    """Where the run of other papers' names joined to the mention at ``start`` begins.

    "built on Foo, Bar and X": the cue stands before the run, so the run's
    start is where a cue is looked for.  Only names join: a comma after any
    other words ("Based on our experiments, X") ends the run at ``start``.
    """
    if not others:
        return start
    starts = {e: s for s, e in others}
    pos = start
    while True:
        gap = _CHAIN_GAP.search(text, max(0, pos - 12), pos)
        if not gap or gap.start() not in starts:
            return pos
        pos = starts[gap.start()]


def _denied(before: str, cue: re.Match[str]) -> bool:
    """True when a negation stands just before the cue, or inside it ("initialized not from")."""
    return bool(_NEGATED_BEFORE.search(before, 0, cue.start()) or _NOT_IN_CUE.search(cue.group(0)))


def _about_another(text: str, cue_start: int, others: tuple[tuple[int, int], ...]) -> bool:
    """True when the cue is in a relative clause about another paper: "Foo, which builds on X"."""
    rel = _RELATIVE_BEFORE.search(text, max(0, cue_start - 40), cue_start)
    if not rel:
        return False
    if any(e == rel.start() for _, e in others):
        return True  # a named paper
    return bool(_COMPARED_SUBJECT.search(text, max(0, rel.start() - 60), rel.start()))


def _snippet(text: str, start: int, end: int, width: int = 50) -> str:
    """The sentence around ``text[start:end]``, at most ``width`` characters each side.

    Cut at a word, and marked ``…`` where cut short of the sentence.

    >>> t = "First. We build Bar on Foo, adding a much sharper decoder and a lot of other things besides."
    >>> _snippet(t, t.index("Foo"), t.index("Foo") + 3)
    'We build Bar on Foo, adding a much sharper decoder and a lot of other…'
    >>> _snippet("Bar基于Foo构建。", 4, 7)
    'Bar基于Foo构建'
    """
    dot = text.rfind(". ", 0, start)
    a = max([text.rfind(c, 0, start) + 1 for c in "。\n!?；;"] + [dot + 2 if dot >= 0 else 0])
    head = tail = ""
    if a < start - width:
        a = start - width
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a  # do not start mid-word
        head = "…"
    stops = [i for i in (text.find(c, end) for c in "。\n!?；;") if i >= 0]
    b = min(stops + [len(text)])
    if b > end + width:
        b = end + width
        space = text.rfind(" ", end, b + 1)
        b = space if space >= 0 else b  # do not end mid-word
        tail = "…"
    quote = re.sub(r"\s+", " ", text[a:b]).strip()
    return head + (quote.rstrip(",;:") + tail if tail else quote)


def _shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word and ended by ``…`` if cut.

    >>> _shorten("one two three", 20), _shorten("one two three", 10), _shorten("onetwothree", 6)
    ('one two three', 'one two…', 'onetw…')
    """
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit - 1  # a long word is cut inside, still marked
    return text[:cut].rstrip(" ,;:") + "…"


def _repo_org(url: str) -> tuple[str, str]:
    m = re.search(r"github\.com/([\w.-]+)/([\w.-]+)", url)
    if not m:
        return "", ""
    return m.group(1).lower(), f"{m.group(1)}/{m.group(2)}".lower().removesuffix(".git")


def _author_key(a: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", a).casefold()))


_ORG_AUTHORS = re.compile(r"\b(?:team|ai|lab|inc|research|group|et al)\b", re.I)


@lru_cache(maxsize=65536)  # a paper's authors are compared with every candidate's
def _people(authors: tuple[str, ...]) -> dict[str, str]:
    """``{author key: name}`` of the people (not teams or labs) among ``authors``."""
    return {_author_key(x): x for x in authors if not _ORG_AUTHORS.search(x)}


def _shared_authors(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    left = _people(tuple(a.get("authors") or ()))
    right = _people(tuple(b.get("authors") or ()))
    return [left[k] for k in left if k in right and k]


# ---------------------------------------------------------------- linking


@dataclass
class _Paper:
    id: Any
    name: str | None
    parsed: ParsedName | None
    date: tuple[int, int, int] | None
    text: str


def _papers(G: nx.DiGraph) -> tuple[dict[Any, _Paper], dict[Any, set[str]]]:
    texts = {n: _own_text(d) for n, d in G.nodes(data=True)}
    names = _node_names(G, texts)
    base_stems = {parse_name(n).stem for n in names.values()}
    papers = {}
    for n, d in G.nodes(data=True):
        name = names.get(n)
        papers[n] = _Paper(
            id=n,
            name=name,
            parsed=parse_name(name, base_stems) if name else None,
            date=_date_key(d),
            text=texts[n],
        )
    return papers, _aliases(G, names, texts)


def _date_order(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None) -> int | None:
    """1 when ``a`` is later than ``b``, -1 when earlier, 0 when the dates cannot tell; None if one is missing.

    By arXiv month and number when both have one, else by year alone: a year
    says nothing about the month, so a year-only paper and one of the same
    year with a month are neither earlier nor later than each other.

    >>> _date_order((2024, 1, 1), (2024, 0, 0)), _date_order((2024, 0, 0), (2024, 5, 9))
    (0, 0)
    >>> _date_order((2025, 1, 1), (2024, 0, 0)), _date_order((2024, 5, 9), (2024, 7, 1))
    (1, -1)
    """
    if a is None or b is None:
        return None
    x, y = (a, b) if a[1] and b[1] else (a[:1], b[:1])
    return (x > y) - (x < y)


def _later(child: _Paper, parent: _Paper) -> bool:
    """The child is surely later than the parent."""
    return _date_order(child.date, parent.date) == 1


def _not_earlier(child: _Paper, parent: _Paper) -> bool:
    """The dates do not contradict ``parent → child``: the child is later, or the same year
    when one of the two has no month (a year-only date)."""
    order = _date_order(child.date, parent.date)
    return order == 1 or (order == 0 and not (child.date[1] and parent.date[1]))  # type: ignore[index]


def _cites(G: nx.DiGraph, u: Any, v: Any) -> bool:
    if not G.has_edge(u, v):
        return False
    d = G.edges[u, v]
    return "cites" in d.get("kinds", [d.get("kind")])


def _evidence(kind: str, detail: str) -> dict[str, str]:
    """One evidence item; ``kind`` must be one of :data:`EVIDENCE_KINDS`."""
    if kind not in EVIDENCE_KINDS:
        raise ValueError(f"undocumented evidence kind {kind!r}")
    return {"kind": kind, "detail": detail}


def _citation_evidence(G: nx.DiGraph, child: Any, parent: Any) -> list[dict[str, str]]:
    """``citation`` (with ``intent``, ``influential``) when one of the two cites the other.

    The child citing the parent is the usual case; the parent citing the
    later child alone (a preprint revised after its successor appeared) is
    still a citation between them, and ties a family as well.
    """
    if not _cites(G, child, parent):
        if _cites(G, parent, child):
            return [_evidence("citation", "the parent cites the child (a version revised after the child appeared)")]
        return []
    d = G.edges[child, parent]
    # two versions of preprints citing each other: the dates chose the direction
    back = _cites(G, parent, child)
    out = [_evidence("citation", "the child cites the parent" + (" (and is cited back: a cycle broken by date)" if back else ""))]
    if "methodology" in (d.get("intents") or []):
        out.append(_evidence("intent", "the API marks the citation methodology"))
    if d.get("is_influential"):
        out.append(_evidence("influential", "the API marks the citation influential"))
    return out


def _support(
    G: nx.DiGraph, child: _Paper, parent: _Paper, lines: dict[str, list[int]] | None = None
) -> list[dict[str, str]]:
    """Evidence tying two papers beyond their names: citation, authors, repository, list.

    ``lines`` are the listed papers' lines per file (:func:`_source_lines`).
    """
    a, b = G.nodes[child.id], G.nodes[parent.id]
    out = _citation_evidence(G, child.id, parent.id)
    shared = _shared_authors(b, a)
    if shared:
        shown = ", ".join(shared[:3]) + (f" +{len(shared) - 3}" if len(shared) > 3 else "")
        out.append(_evidence("authors", f"{len(shared)} shared: {shown}"))
    repos_a = {_repo_org(r) for r in a.get("repos") or []} - {("", "")}
    repos_b = {_repo_org(r) for r in b.get("repos") or []} - {("", "")}
    same_repo = {r for _, r in repos_a} & {r for _, r in repos_b}
    same_org = {o for o, _ in repos_a} & {o for o, _ in repos_b}
    if same_repo:
        out.append(_evidence("repo", f"same repository github.com/{sorted(same_repo)[0]}"))
    elif same_org:
        out.append(_evidence("repo", f"same organisation github.com/{sorted(same_org)[0]}"))
    together = _listed_together(b, a, lines)
    if together:
        out.append(_evidence("list", together))
    return out


_TWO_LETTERS = re.compile(r"[^\W\d_][\W\d_]*[^\W\d_]")


def _notes(d: dict[str, Any]) -> str:
    """A paper's own list notes; a bare year or punctuation ("2023.") says nothing."""
    text = (d.get("text") or "").strip()
    return text if _TWO_LETTERS.search(text) else ""


def _source_lines(G: nx.DiGraph) -> dict[str, list[int]]:
    """The lines of each list file that name a paper, sorted."""
    out: dict[str, list[int]] = defaultdict(list)
    for _, d in G.nodes(data=True):
        for src in d.get("sources") or []:
            f, _, line = str(src).rpartition(":")
            if f and line.isdigit():
                out[f].append(int(line))
    return {f: sorted(v) for f, v in out.items()}


def _listed_together(
    parent: dict[str, Any], child: dict[str, Any], lines: dict[str, list[int]] | None = None
) -> str | None:
    """Where a list names two papers in one item, parent first.

    The lists give the papers of one item the item's notes, so the same notes
    are one item, and different notes are different items however close their
    lines: neighbouring items of a bullet list are not one item.  Only papers
    without notes fall back on their lines: the same line, or at most 3 apart
    with no other paper's line between (``lines``: the papers' lines per file).

    >>> _listed_together({"sources": ["a.md:20", "b.md:3"]}, {"sources": ["a.md:21"]})
    'listed together in a.md: the parent at line 20, the child at line 21'
    >>> _listed_together({"sources": ["a.md:20"]}, {"sources": ["a.md:22"]}, {"a.md": [20, 21, 22]})
    >>> _listed_together({"sources": ["a.md:20"], "text": "One model."}, {"sources": ["a.md:21"], "text": "Another."})
    >>> _listed_together({"sources": ["a.md:20"], "text": "Both."}, {"sources": ["a.md:21"], "text": "Both."})
    'the list gives both the same notes'
    """
    notes = _notes(parent)
    if notes and notes == _notes(child):
        return "the list gives both the same notes"
    loose = not notes and not _notes(child)
    for sa in parent.get("sources") or []:
        fa, _, la = str(sa).rpartition(":")
        for sb in child.get("sources") or []:
            fb, _, lb = str(sb).rpartition(":")
            if not (fa and fa == fb and la.isdigit() and lb.isdigit()):
                continue
            lo, hi = sorted((int(la), int(lb)))
            if lo == hi or (loose and hi - lo <= 3 and not _line_between(lines, fa, lo, hi)):
                return f"listed together in {fa}: the parent at line {la}, the child at line {lb}"
    return None


def _line_between(lines: dict[str, list[int]] | None, file: str, lo: int, hi: int) -> bool:
    """True when another paper is named in ``file`` strictly between lines ``lo`` and ``hi``."""
    found = (lines or {}).get(file, [])
    return bisect.bisect_right(found, lo) < bisect.bisect_left(found, hi)


def _weight(item: dict[str, str], G: nx.DiGraph, child: Any, parent: Any) -> float:
    kind = item["kind"]
    if kind == "authors":
        n = int(item["detail"].split()[0])
        smaller = min(len(G.nodes[child].get("authors") or []), len(G.nodes[parent].get("authors") or [])) or 1
        return 0.45 if n * 2 >= smaller and n >= 2 else (0.35 if n >= 2 else 0.25)
    if kind == "repo":
        return 0.35 if item["detail"].startswith("same repository") else 0.15
    return WEIGHTS.get(kind, 0.0)


def _confidence(items: list[dict[str, str]], G: nx.DiGraph, child: Any, parent: Any) -> float:
    miss = 1.0
    for item in items:
        miss *= 1.0 - _weight(item, G, child, parent)
    return round(1.0 - miss, 3)


def _text_statements(
    papers: dict[Any, _Paper], aliases: dict[Any, set[str]]
) -> tuple[dict[tuple[Any, Any], str], dict[Any, dict[str, list[tuple[int, int]]]]]:
    """``{(parent, child): snippet}`` where the child's text states it builds on the parent.

    Also returns what each text names: ``{child: {name or alias: spans}}``.
    """
    forms: list[tuple[Any, str]] = []
    for p in papers.values():
        if p.name:
            forms.append((p.id, p.name))
            forms.extend((p.id, c) for c in _prose_casings(p.name))
        forms.extend((p.id, a) for a in sorted(aliases.get(p.id, ())))
    rows_of: dict[str, list[int]] = defaultdict(list)
    for i, (_, form) in enumerate(forms):
        rows_of[form].append(i)
    find = _name_finder(tuple(rows_of))
    out: dict[tuple[Any, Any], str] = {}
    named: dict[Any, dict[str, list[tuple[int, int]]]] = {}
    for child in papers.values():
        if not child.text:
            continue
        hits = named[child.id] = find(child.text)
        own = {name_key(child.name)} if child.name else set()
        own |= {name_key(a) for a in aliases.get(child.id, ())}
        # other papers' names, by end: what a comma may join, what a relative clause may be about
        spans = sorted((e, s) for form, found in hits.items() if name_key(form) not in own for s, e in found)
        ends = [e for e, _ in spans]
        for i in sorted(i for form in hits for i in rows_of[form]):
            pid, form = forms[i]
            if pid == child.id or name_key(form) in own or (pid, child.id) in out:
                continue
            for start, end in hits[form]:
                near = spans[bisect.bisect_left(ends, start - 120) : bisect.bisect_right(ends, start)]
                snippet = _statement(child.text, start, end, tuple((s, e) for e, s in near if (s, e) != (start, end)))
                if snippet:
                    out[(pid, child.id)] = snippet
                    break
    return out, named


def _prose_casings(name: str) -> list[str]:
    """Other spellings of an all-capitals name that others' prose uses ("BAGEL" → "Bagel").

    Only for builds-on statements: with no statement around it, "Wise" or
    "Real" at a sentence start is a word, not the WISE or REAL model.

    >>> _prose_casings("BAGEL"), _prose_casings("Janus"), _prose_casings("VL-GPT"), _prose_casings("SD3")
    (['Bagel'], [], [], [])
    """
    if len(name) >= 4 and name.isascii() and name.isalpha() and name.isupper():
        return [name.capitalize()]
    return []


@lru_cache(maxsize=2)
def _name_finder(forms: tuple[str, ...]) -> Callable[[str], dict[str, list[tuple[int, int]]]]:
    """Every mention of ``forms`` in a text, remembered: report, lineage_report
    and families each work out the lineage of the same graph.

    One pass over each text for every name at once: scanning the texts once per
    name made lineage quadratic in the number of papers.  Callers must not
    change what it returns.
    """
    return lru_cache(maxsize=None)(NameMatcher(forms).find)


def _mentioned(child: _Paper, parent: _Paper, aliases: dict[Any, set[str]],
               named: dict[Any, dict[str, list[tuple[int, int]]]]) -> bool:
    if not child.text:
        return False
    forms = ([parent.name] if parent.name else []) + sorted(aliases.get(parent.id, ()))
    if child.name and parent.name and name_key(child.name) == name_key(parent.name):
        return False
    return any(f in named[child.id] for f in forms)


# A child whose closest elders in its family show no tie to it is not linked
# to a more distant one: this bounds the work of a family of n papers by
# n * _FAMILY_TRIES support checks instead of n².
_FAMILY_TRIES = 8


class _FamilyIndex:
    """A family's members by variant, ordered by (version, date): parents are found by bisection.

    Ranking members one by one for every child made a family of n papers
    cost n² (a list of 5,000 "Paper N: ..." titles took minutes).
    """

    def __init__(self, members: list[_Paper]) -> None:
        groups: dict[str, list[tuple[tuple[float, tuple[int, int, int], int], _Paper]]] = defaultdict(list)
        for i, p in enumerate(members):
            if p.parsed is not None and p.date is not None:
                # -i: among equal versions and dates, the member listed first ranks first
                groups[p.parsed.variant].append(((p.parsed.version or 0.0, p.date, -i), p))
        self.groups = {v: sorted(g, key=lambda t: t[0]) for v, g in groups.items()}

    def parents(self, child: _Paper) -> Iterable[_Paper]:
        """Eligible family parents of ``child``, best first (see the module docstring).

        The closest lower version of its own variant first, then (for a
        variant) the base models, highest version and latest first; all
        earlier than the child.
        """
        c = child.parsed
        if c is None or child.date is None:
            return
        cv = c.version or 0.0
        # same variant, lower version: "the same model again" or a homonym otherwise
        group = self.groups.get(c.variant, [])
        below = bisect.bisect_left(group, (cv,), key=lambda t: t[0])
        for k in range(below - 1, -1, -1):
            p = group[k][1]
            if p.id != child.id and _not_earlier(child, p):
                yield p
        if c.variant:
            for _, p in reversed(self.groups.get("", [])):
                if p.id != child.id and _not_earlier(child, p):
                    yield p


# Evidence that ties two particular papers, not just two names: what picks one
# paper among several of the same name ("list" and "mention" fit every homonym alike).
_TYING_KINDS = frozenset({"citation", "authors", "repo"})


def _ties(items: list[dict[str, str]]) -> bool:
    return any(i["kind"] in _TYING_KINDS for i in items)


def _family_parent(
    G: nx.DiGraph,
    child: _Paper,
    index: _FamilyIndex,
    aliases: dict[Any, set[str]],
    named: dict[Any, dict[str, list[tuple[int, int]]]],
    lines: dict[str, list[int]],
) -> tuple[_Paper, list[dict[str, str]]] | None:
    """The best supported of the child's closest elders in its family, and its support.

    Up to :data:`_FAMILY_TRIES` elders are scored, closest first.  The first
    with tying evidence (citation, authors, repository) wins; elders that
    share one name (two "CoDi" papers) are weighed together, the most
    confident of them with tying evidence winning, as only such evidence
    says which of them the child follows.  Without tying evidence, the
    closest elder of a name of its own with weaker support (``list``,
    ``mention``) is the parent.
    """
    elders = list(itertools.islice(index.parents(child), _FAMILY_TRIES))
    by_name: dict[str, list[_Paper]] = defaultdict(list)
    for p in elders:
        by_name[name_key(p.name or "")].append(p)
    weak: tuple[_Paper, list[dict[str, str]]] | None = None
    for key, group in by_name.items():  # in the order of each name's closest elder
        scored = []
        for parent in group:
            support = _support(G, child, parent, lines)
            if _mentioned(child, parent, aliases, named):
                support.append(_evidence("mention", f"the child's text names {parent.name}"))
            scored.append((parent, support))
        tied = [(p, sup) for p, sup in scored if _ties(sup)]
        if tied:  # max keeps the first (closest) of equals
            return max(tied, key=lambda t: _confidence(t[1], G, child.id, t[0].id))
        if len(group) == 1 and scored[0][1] and weak is None:
            weak = scored[0]
    return weak


def _settle_homonyms(
    G: nx.DiGraph,
    papers: dict[Any, _Paper],
    candidates: dict[tuple[Any, Any], list[dict[str, str]]],
    family_of: dict[tuple[Any, Any], str | None],
) -> None:
    """Where a child's statement names several earlier papers of one name, keep one or none.

    "CoDi-2 extends CoDi" fits both CoDi papers; only citation, authors or a
    repository can say which.  The best supported of those with such evidence
    stays (the most confident, then the latest); without any, none does.
    """
    groups: dict[tuple[Any, str], list[tuple[Any, Any]]] = defaultdict(list)
    for pid, cid in candidates:
        if papers[pid].name:
            groups[(cid, name_key(papers[pid].name))].append((pid, cid))
    for (cid, _), keys in groups.items():
        if len(keys) < 2:
            continue
        tied = [k for k in keys if _ties(candidates[k])]
        keep = max(
            tied,
            key=lambda k: (_confidence(candidates[k], G, k[1], k[0]), _sort_date(papers[k[0]])),
            default=None,
        )
        for k in keys:
            if k != keep:
                del candidates[k], family_of[k]


def successors(G: nx.DiGraph, *, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Successor links ``parent → child`` with evidence and confidence.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph (list text, authors, repos, citations with intents).
    min_confidence : float
        Drop links below this confidence.

    Returns
    -------
    list of dict
        ``{"parent": {...}, "child": {...}, "confidence", "evidence", "family"}``
        where a paper is ``{"id", "arxiv", "title", "name", "year"}``,
        ``evidence`` a list of ``{"kind", "detail"}`` with ``kind`` one of
        :data:`EVIDENCE_KINDS` (``text``, ``citation``, ``intent``,
        ``influential``, ``authors``, ``name``, ``repo``, ``mention``,
        ``list``, ``date``: what each means and what its ``detail`` says is
        in the module docstring), and ``family`` the
        family stem's display name when the link is within a family.  Sorted
        by parent date, then child date.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "j", title="Janus: Decoupling Visual Encoding", arxiv="2410.13848",
    ...               authors=["Chengyue Wu", "Xiaokang Chen"])
    >>> _ = add_paper(G, "p", title="Janus-Pro: Unified Multimodal Understanding", arxiv="2501.17811",
    ...               authors=["Xiaokang Chen", "Zhiyu Wu"])
    >>> _ = add_paper(G, "f", title="JanusFlow: Harmonizing Autoregression", arxiv="2411.07975",
    ...               authors=["Yiyang Ma", "Chengyue Wu"])
    >>> add_link(G, "p", "j", "cites", intents=["methodology"], is_influential=True)
    >>> [(l["parent"]["name"], l["child"]["name"], l["confidence"]) for l in successors(G)]
    [('Janus', 'JanusFlow', 0.573), ('Janus', 'Janus-Pro', 0.795)]
    """
    papers, aliases = _papers(G)
    statements, named = _text_statements(papers, aliases)
    by_stem: dict[str, list[_Paper]] = defaultdict(list)
    for p in papers.values():
        if p.parsed:
            by_stem[p.parsed.stem].append(p)
    display = _FamilyNames(by_stem)
    lines = _source_lines(G)

    candidates: dict[tuple[Any, Any], list[dict[str, str]]] = {}
    family_of: dict[tuple[Any, Any], str | None] = {}

    def date_item(child: _Paper, parent: _Paper) -> dict[str, str]:
        return _evidence("date", f"{_fmt_date(parent.date)} → {_fmt_date(child.date)}")

    for (pid, cid), snippet in statements.items():
        parent, child = papers[pid], papers[cid]
        if not _not_earlier(child, parent):
            continue
        if not _later(child, parent) and (cid, pid) in statements:
            continue  # each says it builds on the other, and the dates cannot tell which came first
        items = [_evidence("text", snippet)] + _support(G, child, parent, lines)
        same = parent.parsed and child.parsed and parent.parsed.stem == child.parsed.stem
        if same:
            items.append(_evidence("name", f"{child.name} is in the {display[child.parsed.stem]} family"))
        candidates[(pid, cid)] = items + [date_item(child, parent)]
        family_of[(pid, cid)] = display[child.parsed.stem] if same else None
    _settle_homonyms(G, papers, candidates, family_of)

    stated = {cid for (pid, cid), fam in family_of.items() if fam}
    for stem, members in by_stem.items():
        if len(members) < 2 or stem in _GENERIC_PREFIX:
            continue
        index = _FamilyIndex(members)
        for child in members:
            if child.id in stated:
                continue  # the text already names its family parent
            found = _family_parent(G, child, index, aliases, named, lines)
            if found:
                parent, support = found
                items = [_evidence("name", f"{child.name} is in the {display[stem]} family")]
                candidates[(parent.id, child.id)] = items + support + [date_item(child, parent)]
                family_of[(parent.id, child.id)] = display[stem]

    # strong API evidence alone: an influential methodology citation among co-authors
    for u, v, d in G.edges(data=True):
        if (v, u) in candidates or "cites" not in d.get("kinds", [d.get("kind")]):
            continue
        if not (d.get("is_influential") and "methodology" in (d.get("intents") or [])):
            continue
        child, parent = papers[u], papers[v]
        # undated order (same year, a month missing): the citation gives it, unless it runs both ways
        in_order = _later(child, parent) or (
            _not_earlier(child, parent) and not _cites(G, v, u) and (u, v) not in candidates
        )
        support = _support(G, child, parent, lines)
        if in_order and any(i["kind"] == "authors" for i in support):
            candidates[(v, u)] = support + [date_item(child, parent)]
            family_of[(v, u)] = None

    links = []
    for (pid, cid), items in candidates.items():
        conf = _confidence(items, G, cid, pid)
        if conf < min_confidence:
            continue
        links.append(
            {
                "parent": _paper_dict(G, papers[pid]),
                "child": _paper_dict(G, papers[cid]),
                "confidence": conf,
                "evidence": items,
                "family": family_of[(pid, cid)],
            }
        )
    links.sort(key=lambda l: (_sort_date(papers[l["parent"]["id"]]), _sort_date(papers[l["child"]["id"]]), str(l["child"]["id"])))
    return links


def _sort_date(p: _Paper) -> tuple[int, int, int]:
    return p.date or (9999, 0, 0)


def _fmt_date(date: tuple[int, int, int] | None) -> str:
    if not date:
        return "?"
    return f"{date[0]}-{date[1]:02d}" if date[1] else str(date[0])


class _FamilyNames(dict):
    """``stem -> display name``, worked out for the families that links use only."""

    def __init__(self, by_stem: dict[str, list[_Paper]]) -> None:
        super().__init__()
        self.by_stem = by_stem

    def __missing__(self, stem: str) -> str:
        name = self[stem] = _family_display(self.by_stem[stem])
        return name


def _family_display(members: list[_Paper]) -> str:
    """The family's name as people write it: the stem part of its earliest member's name."""
    first = min(members, key=_sort_date)
    name = first.name or ""
    stem = first.parsed.stem if first.parsed else name_key(name)
    # take the shortest prefix of the name whose key equals the stem
    for i in range(1, len(name) + 1):
        if name_key(name[:i]) == stem:
            return name[:i].rstrip("-_ ")
    return name


def _paper_dict(G: nx.DiGraph, p: _Paper) -> dict[str, Any]:
    d = G.nodes[p.id]
    return {"id": p.id, "arxiv": d.get("arxiv"), "title": d.get("title"), "name": p.name, "year": d.get("year") or (p.date[0] if p.date else None)}


def families(G: nx.DiGraph, *, links: list[dict[str, Any]] | None = None) -> dict[str, list[Any]]:
    """Model families: papers sharing a name stem *and* tied by a successor link.

    Homonyms share a stem but no evidence, so they are not put together.

    Returns
    -------
    dict
        ``{family name: [paper ids, oldest first]}``; a stem split into
        unrelated groups gets ``"Name (2)"`` for the second group.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="CoDi: Any-to-Any Generation", arxiv="2305.11846", authors=["Zineng Tang"])
    >>> _ = add_paper(G, "b", title="CoDi: Subject-Consistent Generation", arxiv="2507.08396", authors=["Zhan Gao"])
    >>> families(G)
    {}
    """
    if links is None:
        links = successors(G)
    H = nx.Graph()
    labels: dict[Any, str] = {}
    for l in links:
        if l["family"]:
            H.add_edge(l["parent"]["id"], l["child"]["id"])
            labels[l["child"]["id"]] = labels[l["parent"]["id"] ] = l["family"]
    papers = {n: _date_key(G.nodes[n]) or (9999, 0, 0) for n in H}
    out: dict[str, list[Any]] = {}
    for comp in sorted(nx.connected_components(H), key=lambda c: min(papers[n] for n in c)):
        members = sorted(comp, key=lambda n: (papers[n], str(n)))
        label = labels[members[0]]
        key, i = label, 2
        while key in out:
            key, i = f"{label} ({i})", i + 1
        out[key] = members
    return out


def annotate_lineage(G: nx.DiGraph, links: list[dict[str, Any]] | None = None) -> int:
    """Record successor links in ``G`` as ``builds_on`` edges child → parent; return how many.

    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818")
    >>> _ = add_paper(G, "b", title="Anole: An Open Model", arxiv="2407.06135", text="We build Anole on top of Chameleon.")
    >>> annotate_lineage(G), G.edges["b", "a"]["kind"], G.edges["b", "a"]["confidence"]
    (1, 'builds_on', 0.715)
    """
    from citegraph.graph.model import add_link

    if links is None:
        links = successors(G)
    for l in links:
        add_link(
            G,
            l["child"]["id"],
            l["parent"]["id"],
            "builds_on",
            evidence=[dict(e) for e in l["evidence"]],
            confidence=l["confidence"],
        )
    return len(links)


# ----------------------------------------------------------------- report


def _brief(link: dict[str, Any]) -> str:
    parts = []
    for e in link["evidence"]:
        if e["kind"] == "text":
            parts.append(f'text "{_shorten(e["detail"], 70)}"')
        elif e["kind"] == "authors":
            n = int(e["detail"].split()[0])
            parts.append(f"{n} shared author{'s' if n != 1 else ''}")
        elif e["kind"] in ("repo",):
            parts.append(e["detail"])
        elif e["kind"] == "date":
            parts.append(e["detail"])
        else:
            parts.append(e["kind"])
    return f"{link['confidence']:.2f}: " + "; ".join(parts)


def _label(p: dict[str, Any]) -> str:
    name = p.get("name") or p.get("title") or str(p["id"])
    ident = f"arXiv:{p['arxiv']}" if p.get("arxiv") else str(p["id"])
    year = f" ({p['year']})" if p.get("year") else ""
    return f"{name}{year} {ident}"


# Markdown's ASCII punctuation that can start markup inside a list item;
# names and quotes come from the lists and must stay text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
_MD_LEADING = re.compile(r"^(\d{0,9})([-+=.)])(?=\s|$)")  # would start a list, rule or heading underline


def _md_text(text: str) -> str:
    """``text`` escaped so Markdown shows it as written.

    >>> print(_md_text("x_1 *[a](b)* <i>"))
    x\\_1 \\*\\[a\\](b)\\* \\<i\\>
    >>> print(_md_text("2024. Model"), _md_text("- x"))
    2024\\. Model \\- x
    """
    return _MD_LEADING.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def _trees(links: list[dict[str, Any]], fmt: str) -> list[str]:
    """The links as trees, roots oldest first: box-drawing in text, nested lists in Markdown.

    Each level is indented by the same width, and in text a ``│`` runs down
    from every node whose younger siblings are still to come.  A paper with
    several parents is drawn in full once and marked ``(see above)`` after.
    """
    children: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    info: dict[Any, dict[str, Any]] = {}
    has_parent = set()
    for l in links:
        children[l["parent"]["id"]].append(l)
        info[l["parent"]["id"]] = l["parent"]
        info[l["child"]["id"]] = l["child"]
        has_parent.add(l["child"]["id"])
    roots = [n for n in info if n not in has_parent]
    lines: list[str] = []
    shown: set[Any] = set()

    def walk(node: Any, prefix: str, via: dict[str, Any] | None, last: bool) -> None:
        again = node in shown
        label, brief = _label(info[node]) + (" (see above)" if again else ""), _brief(via) if via else ""
        if fmt == "md":
            label, brief = _md_text(label), _md_text(brief)
        text = label + (f"  [{brief}]" if via else "")
        if fmt == "md":
            lines.append(f"{prefix}- {text}")
            below = prefix + "  "
        elif via is None:
            lines.append(text)
            below = ""
        else:
            lines.append(f"{prefix}{'└─ ' if last else '├─ '}{text}")
            below = prefix + ("   " if last else "│  ")
        if again:
            return
        shown.add(node)
        kids = sorted(children.get(node, []), key=lambda l: (str(l["child"].get("year")), str(l["child"]["id"])))
        for i, l in enumerate(kids):
            walk(l["child"]["id"], below, l, i == len(kids) - 1)

    for root in sorted(roots, key=lambda n: (str(info[n].get("year")), str(n))):
        walk(root, "", None, True)
    return lines


def lineage_report(
    G: nx.DiGraph,
    *,
    fmt: str = "text",
    family: str | None = None,
    min_confidence: float = 0.3,
    main_path: bool = False,
    links: list[dict[str, Any]] | None = None,
) -> str:
    """Lineage as indented trees (``text``/``md``) or JSON (``json``).

    Trees group the successor links into connected lineages, each headed by
    its roots and the families it contains; every child shows its year, id,
    confidence and evidence in brief.  ``family`` keeps the lineages
    containing that family (by name or stem).  ``links`` is
    :func:`successors` of ``G`` when the caller already has it (any
    ``min_confidence`` lower than this one's); it is not recomputed.

    ``main_path`` adds the global main path (SPC) of the citation network,
    with the steps that go back in time marked, and the citations left out
    of it: those citing a paper more than a year newer (``time_reversed``)
    and those dropped to break cycles (``broken_cycles``).  With ``family``,
    only the left-out citations touching that family's papers.  Text and
    Markdown give their number and the first ten; JSON gives them all, as
    ``{"links": [...], "main_path": [papers], "time_reversed": [[citing,
    cited], ...], "broken_cycles": [[citing, cited], ...]}`` instead of the
    bare list of links.

    Raises
    ------
    citegraph.errors.UsageError
        For an unknown ``fmt`` or a ``family`` that names no family.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818", year=2024)
    >>> _ = add_paper(G, "b", title="Anole: An Open Model", arxiv="2407.06135", year=2024,
    ...               text="We build Anole on top of Chameleon.")
    >>> print(lineage_report(G))
    Lineage 1: Chameleon lineage
    Chameleon (2024) arXiv:2405.09818
    └─ Anole (2024) arXiv:2407.06135  [0.71: text "We build Anole on top of Chameleon."; 2024-05 → 2024-07]
    """
    from citegraph.errors import UsageError

    if fmt not in ("text", "md", "json"):
        raise UsageError(f"format must be text, md or json, not {fmt!r}")
    if links is None:
        links = successors(G, min_confidence=min_confidence)
    else:
        links = [l for l in links if l["confidence"] >= min_confidence]
    members: set[Any] | None = None
    if family:
        links, members = _filter_family(links, family)
    field = _field_lineage(G, links, members) if main_path else None
    if fmt == "json":
        payload: Any = links if field is None else {"links": links, **field}
        return json.dumps(payload, ensure_ascii=False, indent=1, default=str)
    lines: list[str] = []
    H = nx.Graph()
    for l in links:
        H.add_edge(l["parent"]["id"], l["child"]["id"])
    if fmt == "md":
        lines.append("# Model lineage\n")
    comps = sorted(nx.connected_components(H), key=lambda c: min(str(x) for x in c))
    comp_of = {n: i for i, comp in enumerate(comps) for n in comp}
    parts: list[list[dict[str, Any]]] = [[] for _ in comps]
    for l in links:
        parts[comp_of[l["child"]["id"]]].append(l)
    for i, part in enumerate(parts, start=1):
        fams = sorted({l["family"] for l in part if l["family"]})
        roots = {l["parent"]["id"] for l in part} - {l["child"]["id"] for l in part}
        parent_of: dict[Any, dict[str, Any]] = {}
        for l in part:
            parent_of.setdefault(l["parent"]["id"], l["parent"])
        names = [parent_of[r].get("name") or str(r) for r in sorted(roots, key=str)]
        # Name a tree by its roots; a family only heads it when the roots belong to it, else
        # "Janus family" would head a tree that starts at VQ-VAE.
        rooted = [f for f in fams if any(name_key(n).startswith(name_key(f)) for n in names)]
        if fams and len(rooted) == len(fams):
            head = ", ".join(f"{f} family" for f in fams)
        else:
            others = [f for f in fams if f not in rooted]
            head = f"{', '.join(names)} lineage"
            if others:
                head += f" (with the {', '.join(others)} {plural(len(others), 'family', 'families', count=False)})"
        lines.append(f"## {_md_text(head)}" if fmt == "md" else f"Lineage {i}: {head}")
        lines.extend(_trees(part, fmt))
        if fmt == "md":
            lines.append("")
    if not links:
        lines.append("No successor links found" + (f" for family {family!r}" if family else "") + ".")
    if field is not None:
        if fmt == "md" and lines[-1]:
            lines.append("")
        lines.extend(_field_lines(G, links, field, fmt, family))
    return "\n".join(lines).rstrip() + "\n" if fmt == "md" else "\n".join(lines)


# Text and Markdown show this many of the citations left out of the main path;
# JSON has them all.  A fetched field has hundreds, which drowned the lineage.
_SHOWN_DROPPED = 10


def _field_lineage(G: nx.DiGraph, links: list[dict[str, Any]], members: set[Any] | None) -> dict[str, Any]:
    """The main path as papers, and the citations left out of it (touching ``members`` if given)."""
    result = main_path(G)  # the imported function: only inside lineage_report does its flag shadow it
    named = _link_names(links)
    mp = [
        {"id": n, "arxiv": G.nodes[n].get("arxiv"), "title": G.nodes[n].get("title"),
         "name": named.get(n) or G.nodes[n].get("name"), "year": G.nodes[n].get("year")}
        for n in result["path"]
    ]

    def touching(pairs: list[list[Any]]) -> list[list[Any]]:
        if members is None:
            return [list(e) for e in pairs]
        return [list(e) for e in pairs if e[0] in members or e[1] in members]

    return {"main_path": mp, "time_reversed": touching(result["time_reversed"]),
            "broken_cycles": touching(result["broken_cycles"])}


def _link_names(links: list[dict[str, Any]]) -> dict[Any, str]:
    """The name each linked paper goes by in ``links``."""
    return {l[side]["id"]: l[side]["name"] for l in links for side in ("parent", "child")}


def _back_in_time(G: nx.DiGraph, earlier: Any, later: Any) -> bool:
    """True when ``later`` (next on the path) is dated before ``earlier``: by month when both
    have an arXiv month, else by year."""
    a, b = _date_key(G.nodes[earlier]), _date_key(G.nodes[later])
    if a is None or b is None:
        return False
    if a[1] and b[1]:
        return b[:2] < a[:2]
    return b[0] < a[0]


def _field_lines(
    G: nx.DiGraph, links: list[dict[str, Any]], field: dict[str, Any], fmt: str, family: str | None
) -> list[str]:
    """The main path and the citations left out of it, as text or Markdown lines."""
    md = fmt == "md"
    lines = ["## Main path"] if md else ["Main path:"]
    mp = field["main_path"]
    back = 0
    for j, p in enumerate(mp, start=1):
        mark = j > 1 and _back_in_time(G, mp[j - 2]["id"], p["id"])
        back += mark
        label = _label(p) + ("  ↩ earlier than the paper before" if mark else "")
        lines.append(f"{j}. {_md_text(label)}" if md else f"  {j}. {label}")
    if not mp:
        lines.append("  (no citations to follow)")
    if back:
        note = (
            f"{plural(back, 'step')} of the main path {'goes' if back == 1 else 'go'} back in time (↩): "
            "a paper cites one up to a year newer, through a preprint revised after the other appeared. "
            "Citations of a paper more than a year newer are left out of the path."
        )
        lines.append(("\n" + note) if md else f"  Note: {note}")
    touching = f" touching the {family} family's papers" if family else ""
    named = _link_names(links)
    for key, title, why in (
        ("time_reversed", "Citations running back in time",
         "left out of the main path, each of a paper more than a year newer than the citing one"),
        ("broken_cycles", "Citation cycles broken by date",
         "dropped, each closing a cycle and running back in time"),
    ):
        pairs = field[key]
        if not pairs:
            continue
        lines.extend(["", f"## {title}"] if md else [f"{title}:"])
        head = f"{plural(len(pairs), 'citation')}{touching} {why}" + (
            f". The first {_SHOWN_DROPPED}, citing → cited:" if len(pairs) > _SHOWN_DROPPED else ", citing → cited:")
        lines.append(_md_text(head) + "\n" if md else f"  {head}")
        shown = pairs[:_SHOWN_DROPPED]
        ids = {n for e in shown for n in e} - set(named)
        names = {**named, **_node_names(G.subgraph(ids), {n: _own_text(G.nodes[n]) for n in ids})}
        for citing, cited in shown:
            text = f"{_short(G, citing, names)} → {_short(G, cited, names)}"
            lines.append(f"- {_md_text(text)}" if md else f"  - {text}")
        if len(pairs) > _SHOWN_DROPPED:
            more = f"… {len(pairs) - _SHOWN_DROPPED} more (all in --format json)"
            lines.append(f"- {_md_text(more)}" if md else f"  {more}")
    return lines


def _short(G: nx.DiGraph, n: Any, names: dict[Any, str]) -> str:
    d = G.nodes[n]
    return f"{names.get(n) or d.get('name') or _shorten(str(d.get('title') or n), 80)} [{n}]"


def _filter_family(links: list[dict[str, Any]], family: str) -> tuple[list[dict[str, Any]], set[Any]]:
    """The links of the lineages containing ``family``, and the family's own papers."""
    from citegraph.errors import UsageError

    want = {name_key(family), family_stem(family)}
    H = nx.Graph()
    hit = set()
    for l in links:
        H.add_edge(l["parent"]["id"], l["child"]["id"])
        for side in ("parent", "child"):
            name = l[side].get("name") or ""
            if l["family"] and name_key(l["family"]) in want or name and (name_key(name) in want or family_stem(name) in want):
                hit.add(l[side]["id"])
    if not hit:
        raise UsageError(f"no lineage for family {family!r}")
    keep = set().union(*(nx.node_connected_component(H, n) for n in hit))
    return [l for l in links if l["child"]["id"] in keep], hit
