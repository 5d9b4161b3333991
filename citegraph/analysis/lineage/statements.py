"""Builds-on statements: the words by which a paper says it is built from another.

:func:`statement` finds the phrase around a mention of a parent's name in a
child's text, in English or Chinese ("built on X", "initialized from X",
基于X构建, 在X的基础上, "X as its backbone"), and refuses comparisons,
denials, statements about another paper and statements about the parent's
outputs or a benchmark built on them.  :func:`snippet` quotes it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from citegraph.text.matching import matches

__all__ = ["statement", "snippet", "shorten"]

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
    r"基于\s*(?:[^，。；]{0,12}的)?\s*":
    r"\s*(?:模型|架构|框架)?\s*(?:进行)?(?:构建|开发|训练|微调|初始化|打造|改进|扩展)"
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
def statement(text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The builds-on phrase around the mention ``text[start:end]``, if there is one.

    ``others`` are the spans of other papers' names just before the mention:
    a comma joins the mention to a cue only through them ("built on Foo, X"),
    and a statement about one of them ("Foo, which builds on X") is not the
    child's.  Denied cues ("not based on X") state nothing.

    >>> t = "BetaNet is evaluated against AlphaNet, which builds on GammaNet."
    >>> statement(t, 55, 63) is None, statement(t, 55, 63, ((29, 37),)) is None
    (True, True)
    >>> t = "We build on Foo, Bar and more."
    >>> bool(statement(t, 17, 20)), bool(statement(t, 17, 20, ((12, 15),)))
    (False, True)
    >>> [bool(statement(s, s.index("Foo"), s.index("Foo") + 3)) for s in
    ...  ("Bar is built on Foo.", "Bar is not built on Foo.",
    ...   "Rather than fine-tuning Foo, Bar starts anew.", "Bar并非基于Foo构建。")]
    [True, False, False, False]
    """
    if used_as_part(text, start, end):
        return None
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
                    return snippet(text, start, end)
    before = text[max(0, start - 30) : start]
    if not _NEGATED_BEFORE.search(before):  # "is not Foo's successor", 不使用Foo作为骨干
        for rx in _AFTER_ONLY_RX:
            if rx.match(after):
                return snippet(text, start, end)
    return None


# "builds on CLIP, using CLIP ViT-L/14 as the image encoder": the same sentence
# says the paper is a part (an encoder), which is use, not descent.
_SENTENCE_END = re.compile(r"[.;。；!?\n](?:\s|$)")
_PART_AFTER = re.compile(
    r"(?:['’]s)?[ \w/.-]{0,60}?\b(?:(?:image|vision|visual|text|audio)\s+)?encoders?\b(?!\s*-?\s*decoder)"
    r"|\s*(?:作为|当作)(?:冻结的)?(?:文本|图像|视觉)?编码器",
    re.I,
)


def used_as_part(text: str, start: int, end: int) -> bool:
    """Whether the sentence after the mention ``text[start:end]`` uses that paper as an encoder.

    >>> t = "BLIP-2 builds on CLIP, using CLIP ViT-L/14 as the image encoder."
    >>> used_as_part(t, 17, 21), used_as_part("Janus-Pro builds on Janus, decoupling the visual encoder.", 20, 25)
    (True, False)
    """
    name = text[start:end]
    found = _SENTENCE_END.search(text, end)
    rest = text[end : found.start() if found else end + 200]
    if _PART_AFTER.match(rest):
        return True
    return any(_PART_AFTER.match(rest, m.end()) for m in matches(re.compile(re.escape(name), re.I), rest))


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


def snippet(text: str, start: int, end: int, width: int = 50) -> str:
    """The sentence around ``text[start:end]``, at most ``width`` characters each side.

    Cut at a word, and marked ``…`` where cut short of the sentence.

    >>> t = "First. We build Bar on Foo, adding a much sharper decoder and a lot of other things besides."
    >>> snippet(t, t.index("Foo"), t.index("Foo") + 3)
    'We build Bar on Foo, adding a much sharper decoder and a lot of other…'
    >>> snippet("Bar基于Foo构建。", 4, 7)
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


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word and ended by ``…`` if cut.

    >>> shorten("one two three", 20), shorten("one two three", 10), shorten("onetwothree", 6)
    ('one two three', 'one two…', 'onetw…')
    """
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit - 1  # a long word is cut inside, still marked
    return text[:cut].rstrip(" ,;:") + "…"


