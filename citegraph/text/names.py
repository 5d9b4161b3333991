"""Model and method names that papers introduce (``Janus: Decoupling ...`` → ``Janus``).

Pure text functions, shared by the list reader (to show names early), the
``mentions`` links and lineage analysis.  No name is better than a wrong one:
a title prefix such as ``Beyond Text:`` or ``Be Yourself:`` is not taken for a
name, and a title with no name only gets one when the paper's own text says
"we introduce X" (the rules: :func:`model_name`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import ahocorasick
from citegraph.text.matching import first_group, matches

__all__ = [
    "GENERIC_TERMS",
    "clean_name",
    "model_name",
    "name_key",
    "mention_regex",
    "find_mentions",
    "NameMatcher",
    "is_generic",
    "is_name_like",
    "looks_made_up",
    "paper_name",
    "GENERIC_PREFIXES",
    "VARIANT_WORDS",
    "ParsedName",
    "parse_name",
    "family_stem",
    "prose_casings",
    "WELL_KNOWN_NAMES",
    "well_known_names",
]

# Acronyms and words that papers "propose" all the time but that name no
# particular model; they are never taken for a name or matched as one.
GENERIC_TERMS = frozenset(
    """
    ai agi llm llms mllm mllms lmm lmms vlm vlms lvlm lvlms t2i t2v i2v tti ti2i dit dits vae vaes
    gan gans cnn cnns rnn sft rl rlhf dpo grpo ppo vqa ar nar moe lora transformer transformers
    cot mcot gpu gpus api sota 3d 2d 4k 1d rgb cfg ocr nlp cv vit vits vq mlp kv qa unet u-net
    gpt bert ddim ddpm nerf sd ip mm rag
    """.split()
)

# Words that begin titles as "Word: ..." without being a model name.
_TITLE_NON_NAMES = frozenset(
    """
    position survey review tutorial perspective perspectives commentary editorial erratum
    correction corrigendum abstract keynote introduction overview preface retraction rebuttal
    comment reply note letter report vision opinion benchmark dataset challenge workshop
    update updates news new hot summary appendix chapter part highlights spotlight oral warning notice faq
    """.split()
)

# Common English words: a title prefix made only of them ("Beyond Text",
# "Be Yourself", "Powerful and Flexible") is a phrase, not a name.
_PLAIN_WORDS = frozenset(
    """
    a an the and or of for to in on at by with without from into via as is are be do does not no
    yourself your you we our us it its this that these those all any every each more most less
    beyond towards toward rethinking revisiting understanding learning making make let lets
    powerful flexible simple efficient fast faster better best good great new novel one two three
    first last many few fair safe free open unified universal general generic hands off up down
    thumbs draw mind see look show tell attend words text image images video videos model models
    language vision visual edit edits editing simple focus know whole what when why how where
    diffusion generation generative zero shot few-shot zero-shot scaling scale training tuning
    describe dictate reasoning emerging properties self forcing grounding world seeds equal
    deep large small big long short high low real real-world multi multimodal dynamic
    """.split()
)

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "π": "pi", "ρ": "rho", "σ": "sigma",
    "τ": "tau", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}
_GREEK_UPPER = {k.upper(): v for k, v in _GREEK.items()}
_LATEX_GREEK = {v: k for k, v in _GREEK.items()}

# Accented Latin letters (Latin-1 and Latin Extended-A/B, less × and ÷): NÜWA.
_LATIN = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# One token of a name: letters/digits with inner - . + ' ² ³ and Greek letters.
_TOKEN = (
    rf"[A-Za-z0-9{_LATIN}\u0370-\u03ff][A-Za-z0-9_{_LATIN}\u0370-\u03ff.+'’²³^-]*[A-Za-z0-9_{_LATIN}\u0370-\u03ff+²³]"
    rf"|[A-Za-z0-9{_LATIN}\u0370-\u03ff]"
)
_VERSION = re.compile(r"^(?:v|V)?\d+(?:\.\d+)*[a-z]?$")
# Patterns of the per-title functions below, compiled once (they run for every
# paper of a graph, several times each).
_NON_KEY = re.compile(r"[\W_]+")
_GREEKISH = re.compile(r"[\u0370-\u03ff²³]")
_CAPITAL_LATER = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de]")
_DIGIT = re.compile(r"\d")
_TOKEN_SPLIT = re.compile(r"[-.]")
_LETTER = re.compile(rf"[A-Za-z{_LATIN}\u0370-\u03ff]")
_CAPITAL_OR_DIGIT = re.compile(r"[A-Z\d]")
_NAME_PREFIX = re.compile(r"^(.{1,45}?)\s*(?:[:：]|\s[-–—]\s)\s*\S")
# "Qwen-Image Technical Report", "GPT-4o System Card": the title is about one model
_REPORT = r"(?:(?:Technical|Tech)\s+Report|System\s+Card|Model\s+Card)"
_REPORT_PREFIX = re.compile(rf"^(.{{1,45}}?)\s+{_REPORT}\b", re.I)
_REPORT_SUFFIX = re.compile(rf"\s+{_REPORT}$", re.I)
_TRAILING_PAREN = re.compile(r"\s*[(（][^)）]*[)）]\s*$")
_NOT_IN_NAME = re.compile(r"[,;?!\"“”&#]")
_TOKEN_RE = re.compile(_TOKEN)
_INNER_MARK = re.compile(r"[a-z\u00df-\u00ff][A-Z]|[A-Z]{2}|\d|[\u0370-\u03ff²³+]|-[a-z]{1,2}$|^[A-Z]-")


@lru_cache(maxsize=65536)  # names and titles are cleaned again by each analysis
def clean_name(text: str) -> str:
    """Undo markup in a name or title: HTML entities, LaTeX Greek and powers, ``**``.

    >>> clean_name("PixArt-$\\\\alpha$"), clean_name("UniCode$^2$"), clean_name("**OpenOmni**")
    ('PixArt-α', 'UniCode²', 'OpenOmni')
    """
    if "&" in text:  # html.unescape changes nothing else
        text = html.unescape(text)
    if "$" in text:  # each LaTeX pattern starts with one
        text = re.sub(r"\$\s*\\?([A-Za-z]+)\s*\$", lambda m: _LATEX_GREEK.get(m.group(1).lower(), m.group(1))
                      if m.group(1).lower() in _LATEX_GREEK or len(m.group(1)) == 1 else m.group(0), text)
        text = re.sub(r"\$\s*([\u0370-\u03ff])\s*\$", first_group, text)
        text = re.sub(r"\$\s*\^\s*\{?2\}?\s*\$", "²", text)
        text = re.sub(r"\$\s*\^\s*\{?3\}?\s*\$", "³", text)
    text = text.replace("**", "").replace("__", "")
    return text.strip().strip("\"'“”‘’`*_ ").strip()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key for names: case, punctuation, Greek spelling and markup folded.

    >>> name_key("Janus-Pro") == name_key("janus pro") == name_key("JanusPro")
    True
    >>> name_key("PixArt-Σ") == name_key("PixArt-sigma")
    True
    """
    # (clean_name's own cache is not filled: this result is cached, and the
    # list reader asks for the keys of whole titles, each once)
    text = clean_name.__wrapped__(name)
    if not text.isascii():  # Greek letters spelled out
        text = "".join(_GREEK_UPPER.get(c, _GREEK.get(c, c)) for c in text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_KEY.sub("", text)


def is_generic(name: str) -> bool:
    """True for words like ``LLM`` or ``Transformer`` that name no particular model.

    A generic term with a ``+`` after it is a particular model's name
    (``LoRA+``, ``RAG+``), though the comparison key drops the ``+``.

    >>> is_generic("LoRA"), is_generic("lora"), is_generic("LoRA+"), is_generic("Chameleon")
    (True, True, False, False)
    """
    if name.endswith("+"):
        return name.casefold() in GENERIC_TERMS
    # name_key uncached: a list reader asks this of every link text once, and the
    # cache would keep them all after the read (a few microseconds each to fold)
    return name.casefold() in GENERIC_TERMS or name_key.__wrapped__(name) in GENERIC_TERMS


def _namelike_token(tok: str) -> bool:
    """A token that is clearly part of a name: digits, inner capitals, Greek, a version.

    Hyphenated chains of ordinary words (``Text-to-Image``, ``Zero-Shot``) are not.
    """
    if _VERSION.match(tok) or _GREEKISH.search(tok):
        return True
    if _DIGIT.search(tok) or _CAPITAL_LATER.search(tok, 1):
        return True
    parts = [p for p in _TOKEN_SPLIT.split(tok) if p]
    return len(parts) > 1 and any(p.casefold() not in _PLAIN_WORDS for p in parts)


def _proper_word(tok: str) -> bool:
    """A capitalised word that is not an ordinary English word (``Kontext``, ``Kaleido``)."""
    return tok[:1].isupper() and tok.casefold() not in _PLAIN_WORDS


def _valid_name(name: str) -> bool:
    if not name or len(name) > 40 or is_generic(name):
        return False
    if not _LETTER.search(name):
        return False
    tokens = name.split()
    if len(tokens) == 1:
        tok = tokens[0]
        return tok.casefold() not in _PLAIN_WORDS and (
            tok[:1].isupper() or tok[:1].isdigit() or bool(_CAPITAL_OR_DIGIT.search(tok))
        )
    return False


def _acronym_caps(tok: str) -> bool:
    """All capitals, three letters or more: ``REAL``, ``SEE`` (not ``A``, ``IT``)."""
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_name_like(word: str) -> bool:
    """True when ``word`` could name a model on its own, as a title's ``Word:`` prefix must.

    Not an ordinary English word (unless written in capitals like an acronym),
    not a generic term such as ``LLM``, not a label such as ``Survey``.  A few
    words that pass (``Kandinsky 3``) are a name when a name-like word comes
    first, as in a title.

    >>> [is_name_like(w) for w in ("Chameleon", "REAL", "NÜWA", "Kandinsky 3")]
    [True, True, True, True]
    >>> [is_name_like(w) for w in ("Beyond", "Real", "Survey", "LLM", "Making LLaMA")]
    [False, False, False, False, False]
    """
    return _title_candidate(f"{word}: a paper") == (word, True)


def looks_made_up(word: str) -> bool:
    """A word that looks made up: an inner capital or digit, Greek, a one- or
    two-letter hyphened part; not a chain of ordinary words.

    >>> [looks_made_up(w) for w in ("VideoGen", "GPT-4V", "Show-o", "Zero-Shot", "Text-to-Image")]
    [True, True, True, False, False]
    """
    return bool(_INNER_MARK.search(word))


def _title_candidate(title: str) -> tuple[str | None, bool]:
    """``(name, confirmed)`` from a title's ``Name:`` prefix or ``Name Technical Report``.

    ``confirmed`` is False for multi-word phrases of ordinary words, which need
    the paper's text to repeat them before they count as a name.
    """
    title = clean_name.__wrapped__(title)  # a whole title, asked once (model_name caches the answer)
    m = _NAME_PREFIX.match(title)
    if not m:
        m = _REPORT_PREFIX.match(title)
    if not m:
        return None, False
    if " " in m.group(1).strip() and _SURVEY_SUBTITLE.match(title[m.end(1):].lstrip(" :：-–—")):
        return None, False  # a survey's phrase before its colon is its topic (a coined "3DGS.zip" is its name)
    cand = _REPORT_SUFFIX.sub("", m.group(1).strip())
    cand = _TRAILING_PAREN.sub("", cand)  # "xGen-MM (BLIP-3)" -> "xGen-MM"
    if _NOT_IN_NAME.search(cand):
        return None, False
    tokens = cand.split()
    if not tokens or len(tokens) > 4 or not all(_TOKEN_RE.fullmatch(t) for t in tokens):
        return None, False
    if is_generic(cand):
        return None, False
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.casefold() in _TITLE_NON_NAMES:
            return None, False
        if tok.casefold() in _PLAIN_WORDS and tok.casefold() != "show":
            # "REAL: Realism Evaluation ...": an ordinary word in capitals before a
            # title that is not all capitals is an acronym; "Beyond:" is not.
            rest = title[m.end(1):]
            if not (_acronym_caps(tok) and any(c.islower() for c in rest)):
                return None, False
        return tok, True
    if not any(c.islower() for c in title) and all(
        p.casefold() in _PLAIN_WORDS for t in tokens for p in _TOKEN_SPLIT.split(t) if p
    ):
        return None, False  # "BEYOND TEXT: ...": in an all-caps title capitals say nothing
    # "Kandinsky 3", "Lumina-Image 2.0", "FLUX.1 Kontext": a name-like first
    # word followed by name-like or proper words, or by version numbers only.
    if _namelike_token(tokens[0]) and all(_namelike_token(t) or _proper_word(t) for t in tokens[1:]):
        return cand, True
    if _proper_word(tokens[0]) and all(_VERSION.match(t) for t in tokens[1:]):
        return cand, True
    if not all(t[:1].isupper() for t in tokens):
        return None, False  # "RL for Consistency Models", "Powerful and Flexible"
    return cand, False


# Fixed patterns around a phrase found with str.find: a pattern made for each
# title's phrase would be compiled for every paper and kept in re's own cache.
_NAMING_VERB_BEFORE = re.compile(
    r"(?:\b(?i:introduc|present|propos|call|nam|dub|term)(?:es|ed|ing|e|s|d|bed)?\s+(?:the\s+)?"
    r"|(?:提出|介绍|名为)了?\s*)\Z"
)
_VERB_REACH = 64  # how far before the phrase its verb may start
_ACRONYM_AFTER = re.compile(r"\s*[(（]\s*([A-Za-z][\w-]{1,15})\s*[)）]")
_WORD_OR_DASH = re.compile(r"[\w-]")
_WORD_CHAR = re.compile(r"\w")


def _named_in_text(phrase: str, text: str) -> bool:
    """The text names ``phrase`` with a verb: "we propose Self Forcing", "名为Self Forcing".

    >>> _named_in_text("Self Forcing", "We propose Self Forcing."), _named_in_text("Self Forcing", "self forcing")
    (True, False)
    """
    i = text.find(phrase)
    while i >= 0:
        if not _WORD_OR_DASH.match(text, i + len(phrase)) and _NAMING_VERB_BEFORE.search(
            text, max(0, i - _VERB_REACH), i
        ):
            return True
        i = text.find(phrase, i + 1)
    return False


def _acronyms_after(phrase: str, text: str) -> Iterator[str]:
    """What stands in brackets right after the whole phrase: "Self Forcing (SF)" gives "SF"."""
    i = text.find(phrase)
    while i >= 0:
        m = _ACRONYM_AFTER.match(text, i + len(phrase)) if not (i and _WORD_OR_DASH.match(text, i - 1)) else None
        if m:
            yield m.group(1)
        i = text.find(phrase, m.end() if m else i + 1)


def _caseless_whole(name: str, text: str) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole word, in any case, left to right without overlaps."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (İ): positions would shift
        yield from (m.start() for m in matches(re.compile(rf"(?<![\w-]){re.escape(name)}(?!\w)", re.I), text))
        return
    key, n = name.lower(), len(name)
    i = low.find(key)
    while i >= 0:
        if not (i and _WORD_OR_DASH.match(text, i - 1)) and not _WORD_CHAR.match(text, i + n):
            yield i
            i = low.find(key, i + n)
        else:
            i = low.find(key, i + 1)


def _usual_casing(name: str, text: str) -> str:
    """The mixed-case spelling of an all-caps title name when the text uses one (ANOLE → Anole)."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) < 3 or not letters.isupper() or not text or name.casefold() in _PLAIN_WORDS:
        return name  # REAL stays REAL: "real" in the text is the ordinary word
    found: dict[str, int] = {}
    text = re.sub(r"(?:https?://|www\.|github\.com/)\S+", " ", text)  # repo slugs are not prose
    for start in _caseless_whole(name, text):
        word = text[start : start + len(name)]
        if word == name or word.islower() or word.isupper():
            continue
        before = text[max(0, start - 2) : start]
        if re.search(r"(^|[.!?]\s)$", before) or start == 0:
            continue  # sentence-initial capitals say nothing about the usual casing
        found[word] = found.get(word, 0) + 1
    return max(found, key=found.__getitem__) if found else name


_NAME_IN_TEXT = rf"((?:{_TOKEN})(?:\s(?:v?\d+(?:\.\d+)*))?)"
_EN_INTRO = re.compile(
    r"(?:\b(?:[Ww]e|[Tt]his (?:paper|work|report)|[Ii]n this (?:paper|work)[^.]{0,20}?we)\s+"
    r"(?:(?:first|also|further|then|hereby|newly)\s+)?"
    r"(?:introduce|present|propose|develop|release|unveil|build)(?:s|d)?\s+"
    r"|^\s*[*\s]*(?:One-liner:\**\s*)?(?:Introduced|Developed|Presented|Proposed|Created|Released|Designed|Built)"
    r"\s+(?:the\s+)?"
    r"|\b(?:called|named|dubbed|termed)\s+"
    r"|\b(?:we|We)\s+(?:introduce|present|propose)\s+(?:[A-Z][A-Za-z-]*\s+){1,4}\()"
    + r"\**" + _NAME_IN_TEXT + r"\**"
    + r"(?=\s*(?:,|\(|\)|:|;|—|–|\s-\s|\s+(?:a|an|the|which|that|as|to|for|is|model|framework|method)\b)"
    r"|\.(?:\s|$)|\s*\Z)",  # or the text's very end: "... we present SD3"
    re.M,
)
# A name of two or three capitalised words in a one-liner or "we propose"
# sentence: "Proposed Dream Engine for ...", "Developed Bounded Attention to ...".
_EN_INTRO_PHRASE = re.compile(
    r"(?:^\s*[*\s]*(?:One-liner:\**\s*)?(?:Introduced|Developed|Presented|Proposed|Created|Designed|Built)\s+"
    r"|\b[Ww]e\s+(?:introduce|present|propose|develop|design)\s+)"
    r"((?:[A-Z][a-z]{2,}\s){1,2}[A-Z][a-z]{2,})"
    r"(?=\s*[,:;—]|\s+(?:a|an|for|to|which|that)\b|\.(?:\s|$)|\s*\Z)",
    re.M,
)
# "Long Form (ACR)": the acronym in brackets is found first, then the words
# before it (a regex for both tried a long form at every word, several times slower).
_ACRONYM_IN_BRACKETS = re.compile(r"[(（]\s*([A-Z][A-Za-z0-9-]{1,11})\s*[)）]")
_WORD_RUN = re.compile(r"\S+")
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’-]*")
_ASCII_WORD_END = re.compile(r"[A-Za-z][A-Za-z0-9_'’-]*$")
# ... and, in Chinese notes, "工作ACR（Long Form）".
_ZH_SHORT_THEN_LONG = re.compile(
    r"(?:(?:最新|新|本|这项|该)工作|提出了?)\s*([A-Z][A-Za-z0-9-]{1,11})\s*[（(]\s*([A-Za-z][^（()）]{4,80}?)\s*[)）]"
)
# The sentence before a long form introduces it: "we obtain the deep", "Introduced".
_INTRO_BEFORE = re.compile(
    r"(?:\b[Ww]e\s+(?:\w+\s+)?(?:introduce|present|propose|develop|design|build|obtain|call|name|term|dub)[a-z]*"
    r"|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|report)\s+(?:introduce|present|propose)s"
    r"|^\s*[*\s]*(?:One-liner:\**\s*)?(?:Introduced|Developed|Presented|Proposed|Created|Designed|Built))"
    r"((?:\s+[\w'’-]+){0,3})\s+$"
)
# "Proposes a method ..., called the Long Form (ACR)": named so in a sentence
# whose own verb introduces it ("uses a technique called ..." introduces nothing).
_CALLED_BEFORE = re.compile(r"\b(?:called|named|dubbed|termed)(?:\s+(?:the|a|an))?\s+$")
_OWN_VERB = re.compile(
    r"(?:^\s*[*\s]*|\b[Ww]e\s+(?:\w+\s+)?|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|report)\s+)"
    r"(?:[Ii]ntroduce|[Pp]resent|[Pp]ropose|[Dd]evelop)[sd]?\b"
)
# Words between the verb and the long form that show it is not the paper's own.
_NOT_OWN = frozenset("based on upon with from like such as than using of in to by for over and or".split())
# What an acronym names when these words follow: not a model.
_NOT_A_MODEL_AFTER = re.compile(
    r"\s*(?:task|benchmark|dataset|data|metric|metrics|score|loss|problem|paradigm|setting)\b", re.I
)
# A cue that the bracketed name is another's, when nothing ("的", "：") ends its phrase before the bracket.
_ZH_USES = re.compile(r"(?:基于|例如|比如|采用|使用|利用|相比|借助)[^的：:（(]*[（(]")
_ZH_NOT_OWN = re.compile(r"(?:基于|如|例如|比如|像|采用|使用|相比|利用)\s*\Z")
# Surveys and reviews introduce no model: their text names the ones they cover.
_SURVEY = re.compile(r"\b(?:survey|review|overview|tutorial)\b", re.I)
# ... and their title's "Topic:" prefix is the topic: "3D Gaussian Splatting: Survey, ...",
# "Video Diffusion Models: A Comprehensive Review of ..." (not "MARG: Multi-Agent Review Generation")
_SURVEY_SUBTITLE = re.compile(
    r"(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:survey|review|overview|tutorial|primer)"
    r"(?=\s*(?:$|[,:;.!?(]|(?:of|on|for|in|and|from|to|with)\b))",
    re.I,
)
_FUNCTION_WORDS = frozenset("a an the of and for with to in on via by from".split())
_ZH_INTRO = re.compile(
    r"(?:提出|介绍|推出|发布|开发|引入)了?\s*(?:一个|一种|一款|新的)?\s*(?:名为)?\s*\**\s*"
    + _NAME_IN_TEXT
    + r"\s*\**\s*(?=[，,。（(：:的]|\s*一个|\s*一种|\s*——)"
    r"|名为\s*\**\s*" + _NAME_IN_TEXT + r"\s*\**\s*(?=的|[，,。（(])"
    # "我们提出了X模型，": only after 提出/推出, since 介绍了CLIP模型 may describe another's model
    r"|(?:提出|推出)了?\s*(?:一个|一种|一款|新的)?\s*" + _NAME_IN_TEXT + r"\s*(?=(?:模型|框架|架构)[，,。（(])"
)
_ZH_PAREN = re.compile(
    r"(?:我们|本文|论文)(?:首先|还|进一步)?(?:提出|介绍|推出)了?[^，。；,;]{0,40}?(?:——\s*([A-Za-z][\w\-.+]*)\s*[，,。（(]|[（(]([A-Za-z][\w\-.+]{1,20})[）)])"
)


def _initials(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` spells the words' initials, loosely (Schwartz and Hearst 2003, stricter).

    Each capital or digit of the acronym starts a word or a hyphened part, in
    order, or goes on an all-capitals part (``XL``); its small letters may
    come from inside the part (``CoDi``: Composable Diffusion).  The first
    word gives the first letter; function words may be skipped, and at most
    two other parts.

    >>> _initials("MUAN", "Multimodal Unified Attention Network".split())
    True
    >>> _initials("LIFT", "Language-Image Alignment with Fixed Text Encoders".split())
    True
    >>> _initials("SDXL", ["Stable", "Diffusion", "XL"]), _initials("VQA", ["Visual", "Grounding"])
    (True, False)
    """
    parts = [p for w in words for p in re.split(r"[-‐]", w) if p]
    letters = [c for c in acronym if c.isalnum()]
    if len(letters) < 2 or not parts:
        return False

    def walk(i: int, j: int, k: int, skipped: int) -> bool:
        # acronym letter i, part j, letter k inside part j (0: not yet in it)
        if i == len(letters):
            rest = [p for p in parts[j + 1 :] if p.casefold() not in _FUNCTION_WORDS]
            return skipped + len(rest) <= 2
        c = letters[i]
        if j >= 0 and k > 0:  # go on inside the current part
            part = parts[j]
            small_ok = c.islower() or part.isupper()
            at = part.casefold().find(c.casefold(), k)
            if small_ok and at >= 0 and walk(i + 1, j, at + 1, skipped):
                return True
        for nj in range(j + 1, len(parts)):  # or start the next part
            if parts[nj][:1].casefold() == c.casefold() and walk(i + 1, nj, 1, skipped):
                return True
            if i == 0:
                return False  # the long form starts with the acronym's first letter
            if parts[nj].casefold() not in _FUNCTION_WORDS:
                skipped += 1
                if skipped > 2:
                    return False
        return False

    return walk(0, -1, 0, 0)


def _singular(word: str) -> str:
    word = word.casefold()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _words_before(text: str, end: int) -> list[tuple[int, str]]:
    """``(position, word)`` of up to nine ASCII words that run up to ``end``, in order.

    >>> text = "基于Next Token Prediction (NTP)"
    >>> _words_before(text, text.index("("))
    [(2, 'Next'), (7, 'Token'), (13, 'Prediction')]
    >>> far = "x " * 100 + text  # positions stay the text's own past the window's start
    >>> _words_before(far, far.index("("))[-1], far[213:223]
    ((213, 'Prediction'), 'Prediction')
    """
    lo = max(0, end - 160)
    # matches(_, text, lo, end) gives positions in the whole text, not in the window
    runs = [(r.start(), r.group(0)) for r in matches(_WORD_RUN, text, lo, end)]
    if lo > 0 and runs and runs[0][0] == lo and not text[lo - 1].isspace():
        runs = runs[1:]  # cut by the window
    words: list[tuple[int, str]] = []
    for at, run in reversed(runs):
        if len(words) == 9:
            break
        if _ASCII_WORD.fullmatch(run):
            words.append((at, run))
            continue
        tail = _ASCII_WORD_END.search(run)  # "基于Next": the word after the Chinese
        if tail and not run[tail.start() - 1].isascii():
            words.append((at + tail.start(), tail.group(0)))
        break
    return words[::-1]


def _acronym_names(text: str, title: str | None) -> Iterable[tuple[int, str]]:
    """``(position, ACR)`` for each "Long Form (ACR)" the paper introduces as its own.

    Its own: the sentence's verb introduces it ("we obtain the deep
    Multimodal Unified Attention Network (MUAN)", "Introduced Entanglement-Free
    Attention (EFA)"), or the long form is how the title begins.  Chinese
    notes: "最新工作LIFT（Language-Image Alignment with Fixed Text Encoders）".
    """
    title_words = [_singular(w) for w in re.findall(r"[\w'’-]+", title or "")]
    for m in matches(_ACRONYM_IN_BRACKETS, text) if "(" in text or "（" in text else ():
        acr = m.group(1)
        if sum(c.isupper() for c in acr) < 2 or _NOT_A_MODEL_AFTER.match(text, m.end()):
            continue
        before = _words_before(text, m.start())
        for k in range(1, len(before) + 1):  # the shortest long form that spells it
            if _initials(acr, [w for _, w in before[-k:]]):
                break
        else:
            continue
        long_words = [w for _, w in before[-k:]]
        start = before[-k][0]  # where the long form starts
        if _ZH_NOT_OWN.search(text, max(0, start - 4), start):
            continue  # "基于Next Token Prediction（NTP）": another's, or a topic
        if re.fullmatch(r"[A-Z]{2,}s", acr):
            acr = acr[:-1]  # "latent diffusion models (LDMs)" name LDM
        if [_singular(w) for w in long_words] == title_words[: len(long_words)] and not all(
            w.islower() for w in long_words
        ):  # (the title's words in lower case are a topic: "evaluates long context (LC) LLMs")
            yield start, acr
            continue
        sentence = re.split(r"[.!?。；;:：]\s|\n\s*\n", text[max(0, start - 200) : start])[-1]
        intro = _INTRO_BEFORE.search(sentence + " ")
        introduced = intro is not None and not any(w.casefold() in _NOT_OWN for w in intro.group(1).split())
        if introduced or (_CALLED_BEFORE.search(sentence) and _OWN_VERB.search(sentence)):
            yield start, acr
    for m in matches(_ZH_SHORT_THEN_LONG, text):
        if _initials(m.group(1), m.group(2).split()):
            yield m.start(1), m.group(1)


def _text_name(text: str, title: str | None = None) -> str | None:
    """The name the text's own "we introduce X" / "我们提出了X" sentence gives, if any."""
    best: tuple[int, str] | None = None
    for rx in (_EN_INTRO, _ZH_INTRO, _ZH_PAREN):
        for m in matches(rx, text):
            name = next((g for g in m.groups() if g), None)
            if name is None or rx is _ZH_PAREN and _ZH_USES.search(m.group(0)):
                continue  # "我们提出了基于Next Token Prediction（NTP）的方法": another's or a topic
            name = clean_name(name).rstrip(".")
            if _valid_name(name.split()[0]) and (len(name.split()) == 1 or _VERSION.match(name.split()[1])):
                if best is None or m.start() < best[0]:
                    best = (m.start(), name)
                break
    for m in matches(_EN_INTRO_PHRASE, text):
        words = m.group(1).split()
        # ordinary-looking words: a name only where the text uses them again
        # or the title has them ("Mechanistic Localization" once is a notion)
        again = text.count(m.group(1)) > 1 or m.group(1) in (title or "")
        if again and not any(
            w.casefold() in _PLAIN_WORDS or w.casefold() in _TITLE_NON_NAMES or is_generic(w) for w in words
        ):
            if best is None or m.start() < best[0]:
                best = (m.start(), m.group(1))
            break
    for start, name in _acronym_names(text, title):
        if _valid_name(name):
            if best is None or start < best[0]:
                best = (start, name)
            break
    return best[1] if best else None


# "Making LLaMA SEE and Draw with SEED Tokenizer": the title puts a tool (SEED) to
# work on another's model (LLaMA); neither is the model the paper introduces.
_MAKING_WITH = re.compile(
    r"^(?:Making|Make|Teaching|Teach|Enabling|Empowering|Equipping|Helping|Letting|Let|Getting)\s+(.+?)\s+with\s+(.+)$",
    re.I,
)


def _making_with_name(title: str, text: str) -> str | None:
    """The model a "Making Y ... with Z" paper introduces, or ``None``.

    Its text's name for Z joined to Y ("SEED-LLaMA") when the text has one;
    else the text's "we introduce X" name unless X is one of the title's own
    words (the tool Z or the model Y it is applied to: another's name).

    >>> t = "Making LLaMA SEE and Draw with SEED Tokenizer"
    >>> _making_with_name(t, "we introduce SEED, a tokenizer. SEED-LLaMA is then trained.")
    'SEED-LLaMA'
    >>> _making_with_name(t, "we introduce SEED, a tokenizer.") is None
    True
    """
    m = _MAKING_WITH.match(title)
    if m is None:
        return None
    words = {name_key(w) for w in re.findall(r"[\w'’.+-]+", title)}
    object_words = [w for w in re.findall(r"[\w'’.+-]+", m.group(1)) if _CAPITAL_OR_DIGIT.search(w)]
    tool_words = [w for w in re.findall(r"[\w'’.+-]+", m.group(2)) if _CAPITAL_OR_DIGIT.search(w)]
    for a in tool_words:
        for b in object_words:
            for first, second in ((a, b), (b, a)):
                combined = re.search(
                    rf"(?<![A-Za-z0-9_-]){re.escape(first)}[-_]?{re.escape(second)}(?![A-Za-z0-9_-])", text, re.I
                )
                # (ASCII word edges: Chinese notes run words up to the name, "构建了SEED-LLaMA模型")
                if combined and name_key(first) != name_key(second):
                    return combined.group(0)
    name = _text_name(text, title) if text else None
    if name is None or name_key(name) in words:
        return None
    return name


# Pure and asked again for the same paper by the list reader, mention
# detection, lineage analysis and the HTML writer: remembered.
@lru_cache(maxsize=65536)
def model_name(title: str | None, text: str | None = None) -> str | None:
    """The name a paper introduces: from its title, else from its own text; else ``None``.

    The title's ``Name: ...`` prefix (or ``Name Technical Report`` / ``Name
    System Card``) comes first; an all-caps title name takes the text's
    mixed-case spelling when the text has one.  Without a name in the title,
    the earliest of these in ``text`` gives it: a "we introduce X" /
    "Introduced X" / "我们提出了X" / "名为X" sentence; "Proposed Dream Engine"
    when the text uses the words again; a long form the sentence introduces
    (or the title begins with) and its acronym, "we obtain the Multimodal
    Unified Attention Network (MUAN)".  A survey's text gives none.  A
    "Making Y ... with Z" title takes neither Z nor Y from the text, only
    their joined name ("SEED-LLaMA") or a name of the paper's own.

    Parameters
    ----------
    title : str or None
        The paper's title as the list gives it.
    text : str or None
        The list entry's own notes or abstract.

    Returns
    -------
    str or None
        The name, or ``None`` when no name can be told with confidence.

    Examples
    --------
    >>> model_name("Janus: Decoupling Visual Encoding for Unified Multimodal Understanding")
    'Janus'
    >>> model_name("Making LLaMA SEE and Draw with SEED Tokenizer") is None
    True
    >>> model_name("Kandinsky 3.0 Technical Report"), model_name("Unified-IO 2: Scaling Models")
    ('Kandinsky 3.0', 'Unified-IO 2')
    >>> model_name("Be Yourself: Bounded Attention for Multi-Subject Generation") is None
    True
    >>> model_name("Emerging Properties in Unified Multimodal Pretraining",
    ...            "在本文中，我们介绍了BAGEL，一个开源的基础模型")
    'BAGEL'
    >>> model_name("GPT-4o System Card"), model_name("REAL: Realism Evaluation of Models")
    ('GPT-4o', 'REAL')
    >>> model_name("Free Lunch Alignment", "Introduced Text Preference Optimization (TPO), a framework")
    'TPO'
    >>> model_name("ANOLE: An Open, Autoregressive, Native Large Multimodal Model",
    ...            "To mitigate these limitations, we present Anole, an open model.")
    'Anole'
    >>> model_name("Making LLaMA SEE and Draw with SEED Tokenizer",
    ...            "To this end, we introduce SEED, an elaborate image tokenizer") is None
    True
    >>> model_name("Making LLaMA SEE and Draw with SEED Tokenizer",
    ...            "we introduce SEED, a tokenizer. SEED-LLaMA is then trained on it.")
    'SEED-LLaMA'
    >>> name_key("PixArt-$\\\\alpha$") == name_key("PIXART-α") == name_key("PixArt alpha")
    True
    >>> [m.group(0) for m in matches(mention_regex("Emu"), "Emu2 beats Emu, not emu.")]
    ['Emu']
    """
    text = text or ""
    if title:
        cand, confirmed = _title_candidate(title)
        if cand and not confirmed and text:
            # A phrase of ordinary words counts only where the text uses it as a
            # name: "we propose Self Forcing", "名为Self Forcing", "Self Forcing (SF)".
            # Strictly: the verb is a whole word ("represents" is no "present"),
            # and a bracket holds the phrase's own acronym, not any aside.
            confirmed = _named_in_text(cand, text) or any(
                _initials(acronym, cand.split()) for acronym in _acronyms_after(cand, text)
            )
        if cand and confirmed:
            return _usual_casing(cand, text)
    if title and _MAKING_WITH.match(title):
        return _making_with_name(title, text)
    if text and not (title and _SURVEY.search(title)):
        return _text_name(text, title)
    return None


# A whole name is not preceded by a word char or a name joiner, nor followed by
# one, nor by "-x"/".1"/"'s-" continuations that make a longer name (Janus-Pro,
# FLUX.1), nor by a version number: "Unified-IO 2", "DALL-E 3" are other models.
_NAME_START = r"(?<![A-Za-z0-9\u0370-\u03ff\-_.'’])"
_NAME_END = (
    r"(?![A-Za-z0-9\u0370-\u03ff²³+]|[-_.][A-Za-z0-9\u0370-\u03ff]"
    r"|['’](?![sS](?![A-Za-z0-9\u0370-\u03ff-]))[A-Za-z0-9\u0370-\u03ff]"  # but "Foo's successor" names Foo
    r"|\s+[vV]?\d+(?:\.\d+)*(?![A-Za-z0-9.]))"
)


@lru_cache(maxsize=4096)
def mention_regex(name: str) -> re.Pattern[str]:
    """A regex finding ``name`` as a whole name in text (English or Chinese).

    The name must not continue into a longer one: ``Emu`` does not match in
    ``Emu2``, ``Janus`` not in ``Janus-Pro`` or ``JanusFlow``, ``SEED`` not in
    ``SEED-Bench``.  Case must match, except that an all-caps or a
    capitalised name also matches its all-caps form (``Anole`` ↔ ``ANOLE``).
    Hyphens, spaces and Greek spellings are interchangeable (``PixArt-α`` ↔
    ``PixArt-alpha``).

    >>> bool(mention_regex("Janus").search("基于Janus构建")), bool(mention_regex("Janus").search("Janus-Pro"))
    (True, False)
    >>> bool(mention_regex("DALL-E").search("DALL-E 3相当")), bool(mention_regex("Janus").search("Janus 1.3B"))
    (False, True)
    >>> show_o, anole = mention_regex("Show-o"), mention_regex("Anole")
    >>> bool(show_o.search("surpassing Show-o across")), bool(anole.search("ANOLE基于"))
    (True, True)
    """
    name = clean_name(name)
    forms = {name}
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters and not letters.isupper():
        forms.add(name.upper())
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        pieces = []
        for ch in form:
            if ch in "- _":
                pieces.append(r"[-\s_]?")
            elif ch in _GREEK or ch in _GREEK_UPPER:
                spelled = _GREEK.get(ch) or _GREEK_UPPER[ch]
                pieces.append(f"(?:{re.escape(ch)}|\\$?\\\\?{spelled}\\$?|{spelled.capitalize()})")
            else:
                pieces.append(re.escape(ch))
        parts.append("".join(pieces))
    return re.compile(_NAME_START + "(?:" + "|".join(parts) + ")" + _NAME_END)


@lru_cache(maxsize=4096)
def _core(name: str) -> str:
    """The longest plain run of a name, folded: a cheap test before the regex."""
    runs = re.findall(r"[A-Za-z0-9]+", clean_name(name))
    return max(runs, key=len).casefold() if runs else ""


def find_mentions(text: str, name: str, folded: str | None = None) -> list[re.Match[str]]:
    """Every whole-name mention of ``name`` in ``text`` (see :func:`mention_regex`).

    ``folded`` is ``text.casefold()`` when the caller has it already; texts
    that do not even contain the name's letters are skipped without a regex.

    >>> [m.start() for m in find_mentions("Janus-Pro extends Janus.", "Janus")]
    [18]
    """
    core = _core(name)
    if core and core not in (folded if folded is not None else text.casefold()):
        return []
    return list(matches(mention_regex(name), text))


_JOINERS = "- _"  # written as [-\s_]? by mention_regex: optional, interchangeable


@lru_cache(maxsize=1)
def _boundaries() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # compiled on first use (their classes take a few ms to compile): most
    # commands never look for mentions
    return re.compile(_NAME_START), re.compile(_NAME_END)


_ASCII_SPACE_BUT_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f]")  # str.isspace() in ASCII, less " "


def _literal_form(form: str) -> bool:
    """True when ``form``'s regex is plain ASCII with inner joiners, checkable by hand.

    Joiners at either end, other whitespace, Greek letters and anything
    non-ASCII are left to :func:`mention_regex` itself.
    """
    return (
        bool(form)
        and form.isascii()
        and form[0] not in _JOINERS
        and form[-1] not in _JOINERS
        and not _ASCII_SPACE_BUT_SPACE.search(form)
    )


class NameMatcher:
    """Every whole-name mention of many names, found in one pass over a text.

    ``find(text)[name]`` holds the same matches as :func:`find_mentions` for
    each name (same boundaries, case, joiner and Greek rules), as
    ``(start, end)`` spans.  Instead of one regex per name, one Aho-Corasick
    automaton (pyahocorasick) finds a literal piece of every name at once,
    and each hit is checked in place against the name and the shared
    boundary rules.  Why not regexes: compiling one :func:`mention_regex` per
    name, or one alternation of thousands of names, takes seconds on a large
    graph, and an alternation reports one name per position, so
    ``Janus`` in ``Janus Pro`` or a name inside a longer one would be lost.
    Names that are not plain ASCII (``PixArt-α``, ``UniCode²``) are few: for
    them the automaton only picks the texts, and :func:`mention_regex` runs.

    Parameters
    ----------
    names : iterable of str
        The names to find, as :func:`find_mentions` takes them.

    Examples
    --------
    >>> m = NameMatcher(["Emu", "Janus", "Janus-Pro", "PixArt-α"])
    >>> m.find("Janus Pro beats Emu2, Janus and PixArt-alpha.")
    {'Janus': [(0, 5), (22, 27)], 'Janus-Pro': [(0, 9)], 'PixArt-α': [(32, 44)]}
    >>> m.find("JANUS-PRO, janus pro") == {"Janus-Pro": [(0, 9)]}
    True
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._names: dict[str, int] = {}  # name as given -> form index
        self._forms: list[str] = []
        self._given: list[list[str]] = []  # form index -> the names given for it
        self._pieces: list[tuple[tuple[str | None, ...], ...]] = []  # spellings with joiners, split
        self._optional: list[int] = []  # joiners before the form's key: its start varies
        self._firsts: list[str] = []  # what a spelling starts with
        self._alts: list[tuple[str, ...]] = []  # literal forms: the spellings mention_regex allows
        self._regex_of: dict[int, str] = {}  # other forms: a name to give mention_regex
        self._always: list[int] = []  # forms with no ASCII letters or digits: no literal to look for
        index: dict[str, int] = {}
        # automaton key -> (form, characters from the form's start to the key's
        # end, joiners before the key or -1 for forms left to mention_regex,
        # whether the key ends the form)
        keys: dict[str, list[tuple[int, int, int, bool]]] = defaultdict(list)
        for name in names:
            if name in self._names:
                continue
            form = clean_name(name)
            if form in index:
                self._names[name] = index[form]
                self._given[index[form]].append(name)
                continue
            fi = index[form] = self._names[name] = len(self._forms)
            self._forms.append(form)
            self._given.append([name])
            if _literal_form(form):
                letters = re.sub(r"[^A-Za-z]", "", form)
                upper = form.upper() if letters and not letters.isupper() else form
                self._alts.append((form,) if upper == form else (form, upper))
                # each spelling as literal runs and joiners (None), for _walk
                self._pieces.append(tuple(
                    tuple(None if piece in ("-", " ", "_") else piece for piece in re.split(r"([- _])", alt) if piece)
                    for alt in self._alts[-1]
                ) if any(c in _JOINERS for c in form) else ())
                self._firsts.append(form[0] + upper[0])
                # The key: a run between joiners, and where it sits: after `at`
                # characters and up to `optional` joiners.  The first run when
                # it has 3+ characters: its start is the name's start, so hits
                # inside words are dropped at once; else the longest.
                pieces = re.split(r"([- _])", form)
                before = joins = 0
                best = (-1, "", 0, 0)
                for piece in pieces:
                    if piece in _JOINERS and len(piece) == 1:
                        joins += 1
                    else:
                        if len(piece) > best[0]:
                            best = (len(piece), piece, before, joins)
                        before += len(piece)
                if len(pieces[0]) >= 3:
                    best = (len(pieces[0]), pieces[0], 0, 0)
                _, run, at, optional = best
                self._optional.append(optional)
                ends = at + len(run) + optional == len(form)  # the key ends the name
                keys[run.lower()].append((fi, len(run) - 1 + at, optional, ends))
            else:
                self._alts.append(())
                self._pieces.append(())
                self._firsts.append("")
                self._optional.append(0)
                self._regex_of[fi] = name
                core = _core(name)
                if core:
                    keys[core].append((fi, 0, -1, False))
                else:
                    self._always.append(fi)
        self._automaton = None
        if keys:
            self._automaton = ahocorasick.Automaton()
            for key, where in keys.items():
                self._automaton.add_word(key, self._grouped(key, where))
            self._automaton.make_automaton()

    # A family's names share their first run (Zorb, Zorb-2, Zorb-Pro ...):
    # from this many on, a hit of that run looks its names up by what follows
    # instead of walking each one, which made a family of n names cost n per hit.
    GROUP_FROM = 6

    def _grouped(
        self, key: str, where: list[tuple[int, int, int, bool]]
    ) -> tuple[list[tuple[int, int, int, bool]], tuple[int, dict[str, list[int]], tuple[int, ...]] | None]:
        """``(entries walked one by one, group)`` for an automaton key.

        The group holds the forms that start with ``key``: ``(characters from
        the form's start to the key's end - 1, {form lower-cased without
        joiners: form indexes}, the lengths of those, ascending)``.
        """
        back = len(key) - 1
        starting = [w for w in where if w[1] == back and w[2] == 0]
        if len(starting) < self.GROUP_FROM:
            return where, None
        by_letters: dict[str, list[int]] = defaultdict(list)
        for fi, *_ in starting:
            by_letters[re.sub(r"[- _]", "", self._forms[fi].lower())].append(fi)
        rest = [w for w in where if not (w[1] == back and w[2] == 0)]
        return rest, (back, dict(by_letters), tuple(sorted({len(k) for k in by_letters})))

    def find(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """``{name: [(start, end), ...]}`` for the names found in ``text``.

        Names come in the order given, those spelled alike (``Janus-Pro``,
        ``**Janus-Pro**``) together.
        """
        spans: dict[int, list[tuple[int, int]]] = {}
        regex_forms = set(self._always)
        if self._automaton is not None and text:
            low = text.lower()
            if len(low) != len(text):  # a few letters lower-case to two characters
                low = "".join(c.lower() if c.isascii() else c for c in text)
            starts: dict[int, list[int]] = defaultdict(list)
            firsts = self._firsts
            # the loops below run for every hit: checks are written out inline
            n = len(text)
            for end, (where, group) in self._automaton.iter(low):
                if group is not None:
                    self._group_starts(group, text, low, end, starts)
                after = text[end + 1] if end + 1 < n else ""
                # a name followed by a letter or digit is part of a longer word
                # (_NAME_END's first rule): Emu in Emu2, Kalo in Kalomi
                longer = after in _WORD_GOES_ON or "\u0370" <= after <= "\u03ff"
                for fi, back, optional, ends in where:
                    if ends and longer:
                        continue
                    p = end - back
                    if optional == 0:
                        if p > 0:
                            c = text[p - 1]
                            if c in _NAME_CHARS or "\u0370" <= c <= "\u03ff":
                                continue  # inside a word: _NAME_START fails
                        elif p < 0:
                            continue
                        if text[p] in firsts[fi]:  # else the case differs
                            starts[fi].append(p)
                    elif optional > 0:
                        starts[fi].extend(range(max(p - optional, 0), p + 1))
                    else:
                        regex_forms.add(fi)
            end_ok = _boundaries()[1].match
            for fi, candidates in starts.items():
                varies = self._optional[fi] > 0
                if varies:
                    candidates = sorted(set(candidates))  # ranges from nearby hits overlap
                found, last = [], 0
                for p in candidates:  # in text order: the automaton reports hits by their end
                    if p < last:
                        continue  # inside the previous match, as matches() does
                    if varies and (
                        text[p] not in firsts[fi]
                        or p and (text[p - 1] in _NAME_CHARS or "\u0370" <= text[p - 1] <= "\u03ff")
                    ):
                        continue
                    q = self._walk(fi, text, p)
                    if q is None:
                        continue
                    if q < n:  # _NAME_END, its regex run only where the next character needs it
                        c = text[q]
                        if c in _NAME_CHARS or c in "²³+" or "\u0370" <= c <= "\u03ff":
                            if c not in _END_MAYBE or not end_ok(text, q):
                                continue
                        elif c.isspace() and not end_ok(text, q):
                            continue
                    found.append((p, q))
                    last = q
                if found:
                    spans[fi] = found
        for fi in regex_forms:
            found = [(m.start(), m.end()) for m in matches(mention_regex(self._regex_of[fi]), text)]
            if found:
                spans[fi] = found
        return {name: spans[fi] for fi in sorted(spans) for name in self._given[fi]}

    def _group_starts(
        self,
        group: tuple[int, dict[str, list[int]], tuple[int, ...]],
        text: str,
        low: str,
        end: int,
        starts: dict[int, list[int]],
    ) -> None:
        """Add ``p`` to ``starts`` for the group's forms whose letters follow there.

        The letters after ``p`` are read with every joiner skipped: a superset
        of the spellings :meth:`_walk` accepts, which then checks each.
        """
        back, by_letters, lengths = group
        p = end - back
        if p < 0 or p > 0 and (text[p - 1] in _NAME_CHARS or "\u0370" <= text[p - 1] <= "\u03ff"):
            return  # inside a word: _NAME_START fails
        longest, n = lengths[-1], len(low)
        letters: list[str] = []
        i = p
        while i < n and len(letters) < longest:
            c = low[i]
            if c not in "-_" and not c.isspace():
                letters.append(c)
            i += 1
        read = "".join(letters)
        firsts = self._firsts
        for size in lengths:
            if size > len(read):
                break
            for fi in by_letters.get(read[:size], ()):
                if text[p] in firsts[fi]:  # else the case differs
                    starts[fi].append(p)

    def _walk(self, fi: int, text: str, p: int) -> int | None:
        """Where a spelling of form ``fi`` starting at ``p`` ends, if one does."""
        alts = self._alts[fi]
        for alt in alts:
            if text.startswith(alt, p):  # the usual case: spelled as given
                return p + len(alt)
        n = len(text)
        for pieces in self._pieces[fi]:
            i = p
            for piece in pieces:
                if piece is None:
                    # greedy like [-\s_]?; what follows is never a joiner, so
                    # not taking one could not have matched either
                    if i < n and (text[i] in "-_" or text[i].isspace()):
                        i += 1
                elif text.startswith(piece, i):
                    i += len(piece)
                else:
                    break
            else:
                return i
        return None


# The characters of _NAME_START's class: a name does not start right after one.
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'’")
# Of those, the ones after which _NAME_END may still hold: its regex decides.
_END_MAYBE = frozenset("-_.'’")
# After a name, these (and Greek letters) make _NAME_END fail at once.
_WORD_GOES_ON = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789²³+")


def paper_name(paper: Mapping[str, Any], text: str | None = None) -> str | None:
    """A paper's model name: the one it was given, else the one its title (and ``text``) show.

    >>> paper_name({"name": "Anole", "title": "ANOLE: An Open Model"}), paper_name({"title": "Janus: Decoupling"})
    ('Anole', 'Janus')
    >>> paper_name({"title": "Visual Instruction Tuning"}) is None
    True
    """
    name: str | None = paper.get("name") or model_name(paper.get("title"), text)
    return name


# ------------------------------------------------ families and versions

# First words that modify a name rather than found a family ("Omni-RGPT",
# "Mini-Gemini", "Video-LaVIT", "T2I-R1"): the stem then takes two words.
GENERIC_PREFIXES = frozenset(
    """
    omni uni multi self diff edit text image video meta open any mini neural deep fast auto
    instruct super hyper mm id x t2i t2v i2v vision visual flow dual re semi cross co in free
    zero one all easy gen mask seg vl llm mllm lm i my yo pro next dynamic safe real the a
    unified universal general simple efficient lite tiny small large big long
    """.split()
)
# Words that, written after a name or glued to it, make another model of that name:
# Janus-Pro, InstantStylePlus, SDXL, Qwen3-Next, JanusFlow (text.versions reads them too).
VARIANT_WORDS: tuple[str, ...] = (
    "pro", "plus", "max", "mini", "lite", "nano", "turbo", "ultra", "flash", "xl", "next", "flow",
)
_GREEK_ORDER = "αβγδεζηθικλμνξοπρστυφχψω"
_GREEK_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
        "sigma tau upsilon phi chi psi omega".split()
    )
}
_VERSION_TOKEN = re.compile(r"^(?:v|V)?(\d+(?:\.\d+)*)$")




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
    >>> parse_name("ILLUME+"), parse_name("Wan-Alpha")
    (ParsedName(stem='illume', variant='plus', version=None), ParsedName(stem='wan', variant='', version=1.0))
    >>> parse_name("Emu2"), parse_name("Unified-IO 2").stem, parse_name("Video-LaVIT").stem
    (ParsedName(stem='emu', variant='', version=2.0), 'unifiedio', 'videolavit')
    """
    bare = name.rstrip()
    if bare.endswith("+") and len(bare.rstrip("+ ")) >= 2:  # ILLUME+ follows ILLUME, as a "plus" variant
        base = parse_name(bare.rstrip("+ "), known_stems)
        return ParsedName(base.stem, base.variant + "plus", base.version)
    key_first, rest, version, may_glue = _split_name(name)
    if may_glue and key_first.endswith(VARIANT_WORDS):
        if not isinstance(known_stems, (set, frozenset, dict)):
            known_stems = set(known_stems)
        # the longest known stem that the name is plus a glued suffix; looked up
        # per suffix, so a graph's names are parsed in linear time
        glued = [
            (len(key_first) - len(tail), tail)
            for tail in VARIANT_WORDS
            if key_first.endswith(tail) and len(key_first) - len(tail) >= 3
        ]
        for size, tail in sorted(glued, reverse=True):
            stem = key_first[:size]
            if stem in known_stems and stem not in GENERIC_PREFIXES:
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
    if (key_first in GENERIC_PREFIXES or len(key_first) < 2) and rest:
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


def prose_casings(name: str) -> list[str]:
    """Other spellings of an all-capitals name that others' prose uses ("BAGEL" → "Bagel").

    Only for builds-on statements: with no statement around it, "Wise" or
    "Real" at a sentence start is a word, not the WISE or REAL model.

    >>> prose_casings("BAGEL"), prose_casings("Janus"), prose_casings("VL-GPT"), prose_casings("SD3")
    (['Bagel'], [], [], [])
    """
    if len(name) >= 4 and name.isascii() and name.isalpha() and name.isupper():
        return [name.capitalize()]
    return []


# Models everyone calls by a name their paper's title does not carry: the
# title (as :func:`name_key` folds it) → the names, the usual one first.
WELL_KNOWN_NAMES: dict[str, tuple[str, ...]] = {
    name_key(title): names
    for title, names in (
        ("High-Resolution Image Synthesis with Latent Diffusion Models", ("LDM", "Stable Diffusion")),
        ("Scaling Rectified Flow Transformers for High-Resolution Image Synthesis",
         ("SD3", "Stable Diffusion 3", "MM-DiT")),
        ("Hierarchical Text-Conditional Image Generation with CLIP Latents", ("DALL-E 2", "unCLIP")),
        ("Zero-Shot Text-to-Image Generation", ("DALL-E",)),
        ("Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding", ("Imagen",)),
        ("Learning Transferable Visual Models From Natural Language Supervision", ("CLIP",)),
        ("Visual Instruction Tuning", ("LLaVA",)),
        ("Improved Baselines with Visual Instruction Tuning", ("LLaVA-1.5",)),
        ("Language Models are Few-Shot Learners", ("GPT-3",)),
        ("An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale", ("ViT",)),
        ("Scalable Diffusion Models with Transformers", ("DiT",)),
        ("Neural Discrete Representation Learning", ("VQ-VAE",)),
        ("Flow Matching for Generative Modeling", ("Flow Matching",)),
    )
}


def well_known_names(title: str | None) -> tuple[str, ...]:
    """The names a paper goes by that its title does not give (:data:`WELL_KNOWN_NAMES`).

    >>> well_known_names("High-Resolution Image Synthesis With Latent Diffusion Models")
    ('LDM', 'Stable Diffusion')
    >>> well_known_names("Janus: Decoupling Visual Encoding")
    ()
    """
    return WELL_KNOWN_NAMES.get(name_key(title or ""), ())
