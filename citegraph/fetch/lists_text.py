"""Text helpers for the list readers: stripping markup, labels, telling titles from prose.

Everything here is a pure function on one string; strings from lists are data,
so markup is removed, never rendered.

Examples
--------
>>> plain("**Janus**: see [the paper](https://arxiv.org/abs/2410.13848) &amp; <b>code</b>")
'Janus: see the paper & code'
>>> split_label("* **arXiv ID:** 2103.00020")
('arxiv id', '2103.00020')
>>> looks_like_title("Chameleon: Mixed-Modal Early-Fusion Foundation Models")
True
>>> looks_like_title("训练")
False
"""

from __future__ import annotations

import html
import re

__all__ = [
    "GENERIC_LINK_TEXT",
    "plain",
    "clean_title",
    "split_label",
    "strip_line_markers",
    "looks_like_title",
    "is_label_only",
    "date_tag_year",
]

MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# [text](url) with one level of brackets inside the text ([[Paper]](url)) and
# one level of parentheses inside the url (#xgen-mm-(blip-3)).
MD_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+\"[^\"\n]*\")?\s*\)"
)
HTML_A = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.I | re.S)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\[\]()（）【】《》，。；、|`]+", re.I)
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+•]|\d+[.)、])\s+)?(?:>\s*)*")
_DATE_TAG = re.compile(r"^\s*\[(\d{2})/(\d{2})\]\s*")
_LABEL = re.compile(r"^([^:：\n]{1,30}?)\s*[:：](?!//)\s*(.*)$", re.S)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’+.\-]*")
_SENTENCE_END = re.compile(r"[。！？；]|[，,]\s*[\u3400-\u9fff]")

GENERIC_LINK_TEXT = frozenset(
    """paper pdf arxiv abs html code github project page projectpage website web demo link
    here url site homepage home repo repository source video slides slide blog poster hf
    huggingface model models dataset datasets weights checkpoint notes tldr tldr/notes
    code/page paper/code openreview doi bibtex citation abstract 论文 代码 项目主页 主页 链接
    地址 原文 项目 官网 开源代码 论文链接 论文地址""".split()
)
_QUOTE_PAIRS = {("《", "》"), ("“", "”"), ('"', '"'), ("'", "'"), ("「", "」"), ("『", "』"), ("<", ">")}
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&%$])")
_MARKER_CHARS = frozenset("->*+•#0123456789")
_HASHES = re.compile(r"^#{1,6}\s+")
_LABEL_CHUNK = re.compile(r"[^:：\n]{0,30}[:：]")
_SEPARATORS = re.compile(r"[\s,，;；/\\.。、\-–—>+&]+")
_BRACKETS = str.maketrans("", "", "[]()|·•*`~（）【】「」『』")


def plain(text: str) -> str:
    """``text`` without markdown/HTML markup and URLs, entities decoded, spaces collapsed.

    Link texts are kept unless they are a URL or a generic word such as
    ``Paper`` or ``Code``.
    """
    s = text
    # each pass only when its trigger character is present: notes lines are long
    if "](" in s:
        s = MD_IMAGE.sub(" ", s)
        s = MD_LINK.sub(lambda m: _link_text(m.group(1)), s)
    if "<" in s:
        s = HTML_A.sub(lambda m: _link_text(HTML_TAG.sub("", m.group(2))), s)
        s = HTML_TAG.sub(" ", s)
    if "://" in s or "www." in s:
        s = BARE_URL.sub(" ", s)
    if "**" in s or "__" in s:
        s = s.replace("**", "").replace("__", "")
    if "\\" in s:
        s = _MD_ESCAPE.sub(r"\1", s)
    if "&" in s:
        s = html.unescape(s)
    lead = s.lstrip()[:1]
    if lead and lead in _MARKER_CHARS:
        s = _LIST_MARKER.sub("", s, count=1)
        if s.startswith("#"):
            s = _HASHES.sub("", s)
    return " ".join(s.split())


def _link_text(text: str) -> str:
    t = text.strip().strip("[]").strip()
    if not t or BARE_URL.fullmatch(t) or t.lower() in GENERIC_LINK_TEXT:
        return " "
    return t


def clean_title(text: str) -> str:
    """A title as a list writes it, without markup, quotes, date tags or labels.

    >>> clean_title("- [25/03] **OmniMamba: Efficient and Unified Multimodal Understanding**  ")
    'OmniMamba: Efficient and Unified Multimodal Understanding'
    >>> clean_title("《Reproducibility Study of &#34;ITI-GEN&#34;》")
    'Reproducibility Study of "ITI-GEN"'
    """
    s = _LIST_MARKER.sub("", text, count=1)
    s = _DATE_TAG.sub("", s)
    s = plain(s)
    s = _DATE_TAG.sub("", s)
    s = s.strip().rstrip(" ([（【|–—-").strip()
    while len(s) >= 2 and (s[0], s[-1]) in _QUOTE_PAIRS:
        s = s[1:-1].strip()
    return s.rstrip("。.,;，；").strip()


def strip_line_markers(text: str) -> str:
    """``text`` without a leading blockquote/list marker and ``[yy/mm]`` date tag."""
    return _DATE_TAG.sub("", _LIST_MARKER.sub("", text, count=1))


def date_tag_year(text: str) -> int | None:
    """The year of a leading ``[yy/mm]`` tag (``- [24/10] **Janus...**``).

    >>> date_tag_year("- [24/10] **Janus**")
    2024
    """
    m = _DATE_TAG.match(_LIST_MARKER.sub("", text, count=1))
    if m and 1 <= int(m.group(2)) <= 12:
        return 2000 + int(m.group(1))
    return None


def split_label(line: str) -> tuple[str, str] | None:
    """``(label, value)`` for a ``Label: value`` line (bold, list markers ignored).

    The label is lower-cased with single spaces; a ``https://`` is not a label.

    >>> split_label("论文标题：DraftAttention: Fast Video Diffusion")
    ('论文标题', 'DraftAttention: Fast Video Diffusion')
    >>> split_label("https://arxiv.org/abs/2506.05191") is None
    True
    """
    head = line[:80]
    if ":" not in head and "：" not in head:
        return None
    s = strip_line_markers(line.replace("**", "").replace("__", ""))
    m = _LABEL.match(s.strip())
    if not m:
        return None
    label = " ".join(HTML_TAG.sub("", m.group(1)).split()).lower()
    if not label or "[" in label:
        return None
    return label, m.group(2).strip()


def is_label_only(text: str, *, is_plain: bool = False) -> bool:
    """True when ``text`` (already stripped of links) is empty or only short labels.

    >>> is_label_only("* **Links:**   |   | ")
    True
    >>> is_label_only("FVDM 论文：")
    True
    >>> is_label_only("现有视频生成加速方法，如 Sparse VideoGen 和 AdaSpa，多采用稀疏注意力机制")
    False
    """
    s = text if is_plain else plain(text)
    colons = s.count(":") + s.count("：")
    if len(s) > 31 * colons + 60:
        return False  # more text than labels could hold
    s = s.translate(_BRACKETS)
    if colons:
        s = _LABEL_CHUNK.sub(" ", s)
    s = _SEPARATORS.sub(" ", s).strip()
    if not s:
        return True
    if s.lower() in GENERIC_LINK_TEXT:
        return True
    return len(s) <= 3


def looks_like_title(text: str, *, strict: bool = False) -> bool:
    """Whether ``text`` can be a paper title rather than a word, a label or a sentence.

    ``strict`` (for bold list items, which notes also use as sub-headings) asks
    for at least three Latin words, no CJK characters and no trailing colon.

    >>> looks_like_title("Making LLaMA SEE and Draw with SEED Tokenizer", strict=True)
    True
    >>> looks_like_title("_Audio_", strict=True)
    False
    >>> looks_like_title("第一阶段：视觉-语言训练：", strict=True)
    False
    """
    s = text.strip()
    if not (4 <= len(s) <= 400) or BARE_URL.search(s):
        return False
    if s.lower().strip("[]") in GENERIC_LINK_TEXT or s[-1] in ":：":
        return False
    words = _LATIN_WORD.findall(s)
    cjk = len(_CJK.findall(s))
    if strict:
        return len(words) >= 3 and cjk == 0 and not _SENTENCE_END.search(s)
    if _SENTENCE_END.search(s) and cjk > 20:
        return False
    return len(words) >= 2 or cjk >= 4 or (len(words) >= 1 and cjk >= 2)
