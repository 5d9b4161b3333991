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
import unicodedata
from typing import Any

from citegraph.text.ids import unwrap_redirect
from citegraph.text.names import clean_name, is_generic, is_name_like, looks_made_up
from citegraph.text.matching import first_group, matches

__all__ = [
    "AUTHOR_SEP",
    "GENERIC_LINK_TEXT",
    "PAPER_LABEL",
    "plain",
    "clean_title",
    "split_label",
    "strip_line_markers",
    "looks_like_title",
    "is_label_only",
    "DATE_TAG",
    "NEW_PAPER",
    "date_tag_year",
    "unescape_all",
    "given_name",
    "head_name",
    "name_before",
    "venue_year",
    "italic_authors",
    "coined_name",
    "looks_coined",
    "paper_page",
    "short_citation",
    "ieee_citation",
    "people",
    "title_then_names",
    "title_dash_byline",
    "names_first_citation",
    "names_colon_title",
    "segmented_citation",
    "vancouver_citation",
    "inverted_names",
    "styled_citation",
    "without_lead_symbols",
    "author_line",
    "venue_name",
    "dated_title",
    "parted_fields",
    "DATED_PAREN",
]

# bounded, and neither the alt text nor the url runs over another "![": from each of a
# run of "![" or "![](" with no "]" or ")" after it, the scan stops at the next one.
# Possessive repeats (a run never ends at a "]" or ")" it could give back): a greedy
# repeat of an alternation keeps a backtracking point per character, ~36 bytes each
# (a 778-character line took 28 KB of the regex engine's working memory)
_NOT_IMAGE = r"|!(?!\[)"
MD_IMAGE = re.compile(r"!\[(?:[^\]\n!]" + _NOT_IMAGE + r"){0,1000}+\]\((?:[^)\n!]" + _NOT_IMAGE + r"){0,4000}+\)")
# [text](url) with one level of brackets inside the text ([[Paper]](url)) and
# one level of parentheses inside the url (#xgen-mm-(blip-3)); "<" before a
# digit and ">" before a word character are the url's own (DOIs such as
# 10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2), not the <url> form's brackets.
_URL_CHAR = r"(?:[^()\s<>]|<(?=\d)|>(?=\w))"
# (bounded runs: a link text or url with no end costs no scan to the line's end; the
# spaces after "(" are taken whole, else an empty url hands them on to the title's and
# the closing spaces, trying every split: quadratic in a long run of spaces.  A title
# right after them, the url empty, is "(?<=\s)")
# The repeats are possessive ({m,n}+): giving back a character they took never
# lets the rest match (the next token is a character they cannot take), and
# the engine then keeps no way back for each one: a 280-character row took
# 22 KB of its working memory, now 1.8 KB.  Same matches on 7,009 link lines
# of the real lists and 300,000 random strings.
MD_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,500}\]){0,1000}+)\]\(\s*(?!\s)<?(" + _URL_CHAR + r"{0,2000}+(?:\([^()\s]{0,500}\)"
    + _URL_CHAR + r"{0,2000}+){0,20}+)>?(?:(?:\s+|(?<=\s))\"[^\"\n]{0,500}\")?\s*\)"
)
# bounded, and a link's text never runs into another <a: an unclosed <a costs no scan to the end
HTML_A = re.compile(
    r"<a\b[^<>]{0,500}?\bhref\s*=\s*[\"']([^\"'<>]{0,4000})[\"'][^<>]{0,500}>((?:[^<]|<(?!/?a\b)){0,4000}?)</a\s*>",
    re.I | re.S,
)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# a bare URL keeps a bracket pair it holds (doi.org/10.1061/(ASCE)0733-9445(2000)126:1(1))
_BARE_CHARS = r"[^\s<>\"'\[\]()（）【】《》，。；、|`]"
# (possessive, as MD_IMAGE: a 400-character URL took 58 KB of the engine's memory, now 1.3 KB)
BARE_URL = re.compile(r"(?:https?://|www\.)(?:" + _BARE_CHARS + r"|\(" + _BARE_CHARS + r"*+\))++", re.I)
# a list item's marker, with a task list's check box ("- [x] ")
_LIST_MARKER = re.compile(  # (circled numbers too: "① Title", "❶ Title"; small roman numerals, "b)")
    r"^\s*(?:>\s*)*(?:(?:[-*+•]|\d+[.)]|[ivx]{1,5}[.)]|[a-z]\))\s+(?:\[[ xX]\]\s+)?|\d+[、）]\s*|[(（]\d{1,3}[)）]\s+"
    r"|[\u2460-\u2473\u24f5-\u24fe\u2776-\u2793]\s*)?(?:>\s*)*"
)
# a date the list puts before an item: "[24/10]", "[2025/01]", "[2024-10-05]", "[2024.10]"
# (or in a code span: "`2024-04` Title"; no groups: patterns embed it)
# how a post announces a paper ("new paper: Title", "📢 New paper! Title")
NEW_PAPER = r"(?:new|great|cool|interesting|today's|must-read)\s+paper"
_ANNOUNCED = re.compile(r"^" + NEW_PAPER + r"\s*[!:：]\s*", re.I)
_MONTH = r"[/.-](?:0[1-9]|1[0-2])(?:[/.-][0-3]\d)?"  # "/10", "-10-05", ".10"
DATE_TAG = r"(?:\[(?:19|20)?\d{2}" + _MONTH + r"\]|`(?:19|20)\d{2}" + _MONTH + "`)"
_DATE_TAG = re.compile(r"^\s*" + DATE_TAG + r"\s*")
_LABEL = re.compile(r"^([^:：\n]{1,30}?)\s*[:：](?!//)\s*(.*)$", re.S)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’+.\-]*")
_SENTENCE_END = re.compile(r"[。！？；]|[，,]\s*[\u3400-\u9fff]")

GENERIC_LINK_TEXT = frozenset(
    """paper pdf arxiv abs html code github project page projectpage website web demo link
    here url site homepage home repo repository source video slides slide blog poster hf
    huggingface model models dataset datasets weights checkpoint notes tldr tldr/notes
    code/page paper/code openreview doi bibtex citation abstract 论文 代码 项目主页 主页 链接
    地址 原文 项目 官网 开源代码 论文链接 论文地址
    tweet tweets thread twitter youtube talk podcast 视频 博客 知乎""".split()
)
_QUOTE_PAIRS = {
    ("《", "》"), ("“", "”"), ('"', '"'), ("'", "'"), ("「", "」"), ("『", "』"), ("<", ">"), ("*", "*"), ("_", "_"),
    ("【", "】"), ("`", "`"),
}
# Tags that style a run of text (M<sup>3</sup>IT): dropped without a space; others part words
_INLINE_TAG = re.compile(r"</?(?:sup|sub|b|i|em|strong|span|code|font|u|small|mark|tt)\b[^<>]*>", re.I)
# a page's controls: "📖 Show Abstract" on every card of a generated list is no note of its paper
_BUTTON = re.compile(r"<button\b[^<>]*>[^<>]{0,200}</button\s*>", re.I)
# "arXiv 2023.", "NeurIPS 2025 Highlight,", "KDD 2019.": a venue and year standing before a paper link
_SHORT_YEAR = re.compile(r"^([A-Z][\w&+.\-/]*(?: [A-Z][\w&+.\-/]*){0,2})\s?['’](\d\d)$")  # "CVPR'24"
_VENUE_YEAR = re.compile(
    r"^(?:(?P<venue>[A-Za-z][\w&'+.\-/]*(?: [\w&'+.\-/]+){0,3}?)[\s,.]+)?(?P<year>(?:19|20)\d\d)"
    r"(?P<rest>(?:[\s,.]+[A-Za-z()][\w()\-]*){0,3})$"
)
# between two authors: a comma (also ", and" / ", &"), a semicolon, "and", "&"
AUTHOR_SEP = re.compile(r"\s*[,;，；、]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_PERSON = re.compile(r"[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){1,3}")  # and each word capitalised (Álvaro)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_PROSE_WORDS = frozenset("we a an the is are our this that was were propose proposed since from until".split())
_ITALIC_LINE = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?P<m>[*_])(?![*_])(?P<t>[^*_]{3,400})(?P=m)[\s.,]*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&%$])")
_MARKER_CHARS = frozenset("->*+•#0123456789")
_HASHES = re.compile(r"^#{1,6}\s+")
_LOOSE_SPACE = re.compile(r"[^\S ]|  ")  # whitespace but one space between words
_LABEL_CHUNK = re.compile(r"[^:：\n]{0,30}[:：]")
_SEPARATORS = re.compile(r"[\s,，;；/\\.。、\-–—>+&]+")
# "Title, *arXiv 2024*." / "Title. _CVPR, 2025_": the venue and year an awesome list puts
# after a title, in emphasis; a dated emphasis at the end is never the title's own
_VENUE_EMPHASIS = re.compile(
    r"[\s,.;，；]+([*_])(?=[^*_]{0,40}(?<!\d)(?:19|20)\d\d(?!\d))[^*_\n]{1,40}\1[\s.,;。，；]*$"
)
_BRACKETS = str.maketrans("", "", "[]()|·•*`~（）【】「」『』")


def plain(text: str) -> str:
    """``text`` without markdown/HTML markup and URLs, entities decoded, spaces collapsed.

    Link texts are kept unless they are a URL or a generic word such as
    ``Paper`` or ``Code``; a button's label is dropped (it names an action
    of the page, not the paper).

    >>> plain('<button class="abstract-toggle">📖 Show Abstract</button> We **propose** [X](https://x.org).')
    'We propose X.'
    """
    s = text
    # each pass only when its trigger character is present: notes lines are long
    if "](" in s:
        s = MD_IMAGE.sub(" ", s)
        s = MD_LINK.sub(lambda m: _link_text(m.group(1)), s)
    if "<" in s:
        if "<b" in s or "<B" in s:
            s = _BUTTON.sub(" ", s)
        s = HTML_A.sub(lambda m: _link_text(HTML_TAG.sub("", m.group(2))), s)
        s = _INLINE_TAG.sub("", s)
        s = HTML_TAG.sub(" ", s)
    if "://" in s or "www." in s:
        s = BARE_URL.sub(" ", s)
    if "**" in s or "__" in s:
        s = s.replace("**", "").replace("__", "")
    if "~~" in s:
        s = s.replace("~~", "")  # struck through (a paper read, in a reading list): the words stay
    if "\\" in s:
        s = _MD_ESCAPE.sub(first_group, s)
    if "&" in s:
        s = unescape_all(s)
    lead = s.lstrip()[:1]
    if lead and lead in _MARKER_CHARS:
        s = _LIST_MARKER.sub("", s, count=1)
        if s.startswith("#"):
            s = _HASHES.sub("", s)
    # (spaces collapsed only where there is more than a space between words: split() and
    # join made a string of every word of every line, a table row's peak)
    return " ".join(s.split()) if _LOOSE_SPACE.search(s) else s.strip()


def unescape_all(text: str, rounds: int = 3) -> str:
    """HTML entities decoded, again while any remain: pages scraped twice
    arrive escaped twice (``&amp;lt;`` for ``<``).

    >>> unescape_all("Editing &amp;amp; generation &amp;lt;together&amp;gt;")
    'Editing & generation <together>'
    """
    for _ in range(rounds):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _link_text(text: str) -> str:
    t = text.strip().strip("[]").strip()
    if not t or BARE_URL.fullmatch(t) or t.lower() in GENERIC_LINK_TEXT:
        return " "
    return t


def _symbol(c: str) -> bool:
    """An emoji or pictograph, or what joins and styles one (variation selector, joiner)."""
    return unicodedata.category(c) in ("So", "Sk", "Mn", "Cf")


def without_symbols(text: str) -> str:
    """``text`` with its emoji and pictographs made spaces (``🔥 [CVPR 2024]`` → `` [CVPR 2024]``).

    >>> without_symbols("🔥 [CVPR 2024]").strip()
    '[CVPR 2024]'
    """
    return text if text.isascii() else "".join(" " if _symbol(c) else c for c in text)


def without_lead_symbols(s: str) -> str:
    """``s`` without the emoji (and the spaces after them) it opens with: ``🔥 **Title**`` → ``**Title**``.

    >>> without_lead_symbols("🔥 ⭐️ **Widget Nets**"), without_lead_symbols("Widget Nets 🔥")
    ('**Widget Nets**', 'Widget Nets 🔥')
    """
    if not s or not _symbol(s[0]):
        return s
    i = 0
    while i < len(s) and (_symbol(s[i]) or (s[i].isspace() and i > 0)):
        i += 1
    return s[i:] if i < len(s) else s  # (symbols only: no title, which the reader says)


_PAREN_CHAR = re.compile(r"[()（）]")
# a label word ending what stands before a colon: "FVDM 论文：", "FVDM论文：", "Widget Paper:" (no title)
_LABEL_WORD_END = re.compile(
    r"(?:(?<![A-Za-z0-9])(?:" + "|".join(sorted((re.escape(w) for w in GENERIC_LINK_TEXT if w.isascii()), key=len,
                                                reverse=True))
    + r")|(?:" + "|".join(re.escape(w) for w in GENERIC_LINK_TEXT if not w.isascii()) + r"))\s*$",
    re.I,
)
# a title set off in italics or quotes, then what follows it: "*Title*, A. Lee, B. Kim." / '"Title" (CVPR 2023)'
_SET_OFF_TITLE = re.compile(
    r"^\s*(?:([*_\"'])(?![*_\s])(?P<t>.{3,300}?)(?<!\s)\1|“(?P<q>.{3,300}?)”|《(?P<b>.{3,300}?)》|「(?P<c>.{3,300}?)」)"
    r"(?![*\w])(?P<rest>.*)$",
    re.S,
)
_TRAILING_PAREN_VENUE = re.compile(r"^(.{3,300}?)\s*[(（]([^()（）]{2,60})[)）][\s.,;]*$", re.S)


def title_then_byline(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of an item that writes its title, then who wrote it and
    where: ``*Title*, A. Lee, B. Kim.``, ``"Title" (CVPR 2023)``, ``Title (CVPR 2023)``.

    >>> title_then_byline("*Widget Nets*, Ann Lee, Bo Kim. ["), title_then_byline('"Widget Nets" (CVPR 2023) [')
    (('Widget Nets', ['Ann Lee', 'Bo Kim'], None, None), ('Widget Nets', [], 'CVPR', 2023))
    >>> title_then_byline("Widget Nets (CVPR 2023)"), title_then_byline("Widget Nets (the fast ones)")
    (('Widget Nets', [], 'CVPR', 2023), None)
    >>> title_then_byline("《Widget Nets》(CVPR 2024) ["), title_then_byline("Widget Nets（Ann Lee 等）")
    (('Widget Nets', [], 'CVPR', 2024), ('Widget Nets', ['Ann Lee'], None, None))
    """
    s = plain(text).strip(" [(（【")  # (single italics and quotes stay: they set the title off)
    m = _SET_OFF_TITLE.match(s)
    if m:
        title = (m.group("t") or m.group("q") or m.group("b") or m.group("c")).strip()
        rest = m.group("rest").strip(" ,.;:-–—").rstrip(" [(（【")
        if not rest:
            return (title, [], None, None) if looks_like_title(title) else None
    else:
        p = _TRAILING_PAREN_VENUE.match(s)
        if p is None:
            return None
        title, rest = p.group(1).strip(" ,.;:-–—"), f"({p.group(2)})"
    vy = venue_year(rest) if rest.startswith(("(", "（")) else None
    if vy is not None:
        return (title, [], vy[0], vy[1]) if looks_like_title(title) else None
    if not m and (by := written_byline(rest.strip("()（）"))):  # "Title (Ann Lee, Bo Kim, CVPR 2024)"
        return (title, by[0], by[1], by[2]) if looks_like_title(title) else None
    if not m and _ET_AL.search(inner := rest.strip("()（）")) and (names := people(inner)) and looks_like_title(title):
        return title, names, None, None  # "Title（Ann Lee 等）", "Title (Ann Lee et al.)"
    names = people(rest)
    if m and names and looks_like_title(title):
        return title, names, None, None
    by = written_byline(rest) if m else None
    return (title, by[0], by[1], by[2]) if by and looks_like_title(title) else None


_CITE_KEY_LABEL = re.compile(r"\s*[a-z][a-z-]{0,30}(?:19|20)\d\d[a-z0-9]{0,30}\s*:\s+(?=[A-Z])")
_LEAD_HASHTAGS = re.compile(r"(?:#[^\s#\d][^\s#]{0,30}\s+)+(?=\S)")
_CLOCK = re.compile(r"[0-2]?\d:[0-5]\d(?:\s*[AaPp][Mm])?\s+(?=\S)")
_WIKI_NOTE = re.compile(r"\[\[([^\[\]|#]{8,300})(?:[|#][^\[\]]{0,200})?\]\]")
_READ_WHEN = re.compile(
    r"\s*[(（]\s*(?:read|added|reviewed|noted|finished|读于|阅读于|已读)\b[^()（）]{0,40}[)）]$", re.I
)
_OPEN_LABEL_END = re.compile(r"\s*[（(][^（）()]{1,12}[:：]$")
_PADDED_INDEX = re.compile(r"0\d\s+(?=\S)")
_CJK_SUMMARY = re.compile(r"(?<=[A-Za-z0-9)?!.])\s*——\s*[\u3400-\u9fff][^A-Za-z\n]{0,80}$")
_SCHOLAR_MARK = re.compile(r"^\[(?:PDF|HTML|BOOK|B|CITATION|C)\]\s*")
_FOOTNOTE_MARK = re.compile(r"\[\^[\w-]{1,20}\]")
_WEIBO_TOPIC = re.compile(r"^\s*#[^#\s]{1,30}#\s*|(?<!\s)\s+#[^#\s]{1,30}#\s*$")  # ((?<!\s): linear in blanks)
# a pandoc citation key ([@lee2024; @kim2023]) or an Obsidian callout's type ([!paper], [!note]-, folded) before a title
_KEY_OR_CALLOUT = re.compile(r"^\s*(?:\[@[\w:.#$%&+?<>~/-]+(?:\s*;\s*@[\w:.#$%&+?<>~/-]+)*\]|\[![\w-]+\][+-]?)\s*")
_REF_NUMBER = re.compile(r"^\[\d{1,3}\]\s+")
_KEYCAP = re.compile(r"^\s*[0-9#*]\ufe0f?\u20e3\s*")
_HANDLE_END = re.compile(r"\s+@[A-Za-z0-9_.-]{1,40}$")
_CJK_TAG_END = re.compile(r"(?<=[A-Za-z0-9)?!])\s+[—–-]\s*[\u3400-\u9fff]{1,8}$")
_CJK_TRANSLATION = re.compile(r"(?<=[A-Za-z0-9)?!.])\s+[/|｜]\s*[\u3400-\u9fff][\u3400-\u9fff，、：:·\s\w-]{1,80}$")
_CJK_GLOSS = re.compile(r"(?<=[A-Za-z0-9?!.)\]])\s*[（(][\u3400-\u9fff][\u3400-\u9fff，、·：:\s]{1,40}[）)]$")
_SITE_PAREN = re.compile(r"\s*[(（](?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|io|ai|co|edu|dev|cn)[)）]$")


def clean_title(text: str) -> str:
    """A title as a list writes it, without markup, quotes, date tags or labels.

    >>> clean_title("- [25/03] **OmniMamba: Efficient and Unified Multimodal Understanding**  ")
    'OmniMamba: Efficient and Unified Multimodal Understanding'
    >>> clean_title("《Reproducibility Study of &#34;ITI-GEN&#34;》")
    'Reproducibility Study of "ITI-GEN"'
    >>> clean_title("Show-o: One Single Transformer, *arXiv 2024*."), clean_title("🔥 ⭐️ **Widget Nets**")
    ('Show-o: One Single Transformer', 'Widget Nets')
    >>> clean_title("[12] Widget Nets 👉"), clean_title("Widget Nets (arxiv.org)"), clean_title("Widget Nets (Node.js)")
    ('Widget Nets', 'Widget Nets', 'Widget Nets (Node.js)')
    >>> clean_title("Widget Nets（稀疏部件）"), clean_title("部件网络（稀疏部件）")
    ('Widget Nets', '部件网络（稀疏部件）')
    >>> clean_title("Widget Nets（中文标题：部件网络）")
    'Widget Nets'
    >>> clean_title("[@lee2024] Widget Nets."), clean_title("> [!paper]- Widget Nets")
    ('Widget Nets', 'Widget Nets')
    >>> clean_title("Widget Nets / 部件网络"), clean_title("#论文推荐# Widget Nets #多模态#")
    ('Widget Nets', 'Widget Nets')
    >>> clean_title("① Widget Nets ｜"), clean_title("01 Widget Nets —— 一种新方法"), clean_title("1）Widget Nets")
    ('Widget Nets', 'Widget Nets', 'Widget Nets')
    >>> clean_title("#toread #agents Widget Nets"), clean_title("09:30 Widget Nets")
    ('Widget Nets', 'Widget Nets')
    >>> clean_title("Read [[Widget Nets for Gadgets]] today"), clean_title("Widget Nets (read 2024-11-05)")
    ('Widget Nets for Gadgets', 'Widget Nets')
    >>> clean_title("📢 New paper! Widget Nets")
    'Widget Nets'
    """
    s = _LIST_MARKER.sub("", text, count=1)
    s = _DATE_TAG.sub("", s)
    s = plain(s)
    if s[:2] in ("=>", "->"):
        s = s[2:]  # " => Title - url": an arrow for a list's mark
    s = _REF_NUMBER.sub("", _DATE_TAG.sub("", s), count=1)  # "[12] Title.": a numbered reference's number
    if "[^" in s:
        s = _FOOTNOTE_MARK.sub("", s)  # "Title[^1]": a footnote's mark
    if s[:1] == "0" and (index := _PADDED_INDEX.match(s)):
        s = s[index.end():]  # "01 Title": a post's numbering, padded with a zero
    if s[:1] == "[":
        s = _SCHOLAR_MARK.sub("", s, count=1)  # "[PDF] Title": Google Scholar's mark of what the link is
    if ":" in s[:40] and (key := _CITE_KEY_LABEL.match(s)):
        s = s[key.end():]  # "lee2024widget: Title": a citation key before the title
    if s[:1] == "#" and (tags := _LEAD_HASHTAGS.match(s)):
        s = s[tags.end():]  # "#toread Title": the reader's tags before it
    if s[:1].isdigit() and (clock := _CLOCK.match(s)):
        s = s[clock.end():]  # "09:30 Title": a daily note's time
    if "[[" in s and s.count("[[") == 1 and (wiki := _WIKI_NOTE.search(s)) and looks_like_title(
            wiki.group(1), strict=True):
        s = wiki.group(1)  # "Read [[Title]] today": the one note of the paper's a line links to (Obsidian)
    if s[-1:] in (":", "：") and (opened := _OPEN_LABEL_END.search(s)):
        s = s[:opened.start()]  # "Title（中文翻译：url）": a bracket opened for a label of the link inside it
    if s[-1:] in (")", "）") and (when := _READ_WHEN.search(s)):
        s = s[:when.start()]  # "Title (read 2024-11-05)": when the reader read it
    if s.lstrip()[:2] in ("[@", "[!"):
        s = _KEY_OR_CALLOUT.sub("", s, count=1)  # "[@lee2024] Title" (pandoc's key), "> [!paper] Title" (Obsidian)
    if "#" in s and not s.isascii():
        s = _WEIBO_TOPIC.sub("", s)  # "#论文推荐# Title": a topic as Weibo writes one, between two #
    if "\u20e3" in s[:4]:
        s = _KEYCAP.sub("", s, count=1)  # "1️⃣ Title": a number written as an emoji
    # (what points at a link after a title: "Title → [arXiv](url)", "Title · [paper](url)", "Title <url>")
    s = s.strip().rstrip(" ([（【|｜–—-→⇒·•`<").strip()
    if s and not s[-1].isalnum():
        t = s
        while t and (unicodedata.category(t[-1]) in ("So", "Cf") or t[-1] in "\ufe0e\ufe0f"):
            t = t[:-1].rstrip(" ([（【|｜–—-→⇒·•`<")  # "Title 👉 url": a mark pointing at the link
        s = t if t != s and any(c.isalnum() for c in t) else s  # (symbols only: no title, which the reader says)
    if "@" in s and (handle := _HANDLE_END.search(s)):
        s = s[:handle.start()]  # "Title @ann_lee": who added it to the list
    if not s.isascii() and (status := _CJK_TAG_END.search(s) or _CJK_TRANSLATION.search(s)
                            or _CJK_SUMMARY.search(s)):
        # "Title — 已读": a note of the reader's; "Title / 中文标题": a translation; "Title —— 一句话": a summary
        s = s[:status.start()]
    if s[-1:] in (")", "）") and (site := _SITE_PAREN.search(s) or _CJK_GLOSS.search(s)):
        s = s[:site.start()]  # "Title (arxiv.org)": where the link goes; "Title（稀疏路由）": a gloss in Chinese
    if s.endswith(("->", "=>")):
        s = s[:-2].rstrip()  # (an arrow of two characters; a title's own ">" stays: "... <b>")
    if s[-1:] in (":", "：") and not _LABEL_WORD_END.search(s[:-1]):
        s = s[:-1].rstrip()  # "Title: url" (not "FVDM 论文：", a name and a label)
    if s and not s[0].isalnum():
        s = without_lead_symbols(s)  # "🔥 Title", "⭐️ Title": a list's mark, no title opens with one
    if s[:1] == "[" and s[2:4] == "] " and s[1] in "RDPN":
        s = s[4:]  # "[R] Title": a Reddit post's flair (research, discussion, project, news)
    if s[:1] in "NnGgCcIiTtMm" and (announced := _ANNOUNCED.match(s)):
        s = s[announced.end():]  # "📢 New paper! Title": a post's announcement
    # quotes around the whole title, or brackets with none inside ("(Title)")
    while len(s) >= 2 and (
        (s[0], s[-1]) in _QUOTE_PAIRS or (s[0] + s[-1] in ("()", "（）") and not _PAREN_CHAR.search(s[1:-1]))
    ):
        s = s[1:-1].strip()
    if s[:2] == "[[" and s[-2:] == "]]" and not any(c in s[2:-2] for c in "[]"):
        s = s[2:-2].strip()  # "[[Title]]": a wiki link (Obsidian's) to the paper's own note
    if s[:1] == "[" and s[-1:] == "]" and not any(c in s[1:-1] for c in "[]"):
        s = s[1:-1].strip()  # "[Title](" of a link cut short: the link text
    m = _VENUE_EMPHASIS.search(s)
    if m and m.start() > 0:
        s = s[: m.start()]
    return s.rstrip("。.,;，；").strip()


# a bracketed venue and year ending a title or venue: " (CVPR 2024)", "（2024）"
DATED_PAREN = re.compile(r"\s*(?:[(（][^)）]*\d{4}[^)）]*[)）]|【[^】]*\d{4}[^】]*】)\s*$")  # (or 【CVPR 2024】)


def dated_title(title: str) -> tuple[str, tuple[str | None, int] | None]:
    """A title without the venue and year in brackets ending it, and them.

    >>> dated_title("Widget Nets（CVPR 2024）"), dated_title("Widget Nets (2024)"), dated_title("Widget Nets (v2)")
    (('Widget Nets', ('CVPR', 2024)), ('Widget Nets', (None, 2024)), ('Widget Nets (v2)', None))
    >>> dated_title("Widget Nets 【CVPR 2024】")
    ('Widget Nets', ('CVPR', 2024))
    """
    dated = DATED_PAREN.search(title)
    vy = venue_year(dated.group(0)) if dated else None
    return (title[:dated.start()], vy) if dated and vy else (title, None)


def venue_year(text: str) -> tuple[str | None, int] | None:
    """``(venue, year)`` when ``text`` is only a venue and a year, as lists put them
    between a title and its link; ``None`` otherwise.

    >>> venue_year("arXiv 2023. ["), venue_year("NeurIPS 2025 Highlight, "), venue_year("2019")
    (('arXiv', 2023), ('NeurIPS', 2025), (None, 2019))
    >>> venue_year("WSA/SCC 2023. ["), venue_year("CVPR'24"), venue_year("It's 24")
    (('WSA/SCC', 2023), ('CVPR', 2024), None)
    >>> venue_year("We propose a model in 2023") is None, venue_year("huggingface.co/papers/ 2024") is None
    (True, True)
    >>> venue_year("(Lee et al., 2024)")
    (None, 2024)
    """
    if len(text) > 300 or not (_ANY_YEAR.search(text) or "'" in text or "’" in text):
        return None  # (most lines: no year, no need to clean them)
    s = plain(text).translate(_BRACKETS).strip(" .,;:|-–—")
    if not s or len(s) > 60:
        return None
    if short := _SHORT_YEAR.match(s):  # "CVPR'24", "NeurIPS ’23"
        return short.group(1), 2000 + int(short.group(2)) if int(short.group(2)) < 70 else 1900 + int(short.group(2))
    m = _VENUE_YEAR.match(s)
    if not m or (m.group("venue") and _PROSE_WORDS.intersection(m.group("venue").lower().split())):
        return None
    if m.group("venue") and "/" in m.group("venue") and "." in m.group("venue"):
        return None  # "huggingface.co/papers/ 2024": a link's words, no venue
    if m.group("venue") and _ET_AL.search(m.group("venue")):
        return None, int(m.group("year"))  # "(Lee et al., 2024)": who wrote it, no venue
    return m.group("venue"), int(m.group("year"))


# venues a list may name without a year ("| CVPR |"), as they are written; and what may follow one
_VENUES = frozenset(
    """CVPR ICCV ECCV WACV BMVC 3DV NeurIPS NIPS ICML ICLR AAAI IJCAI ACL EMNLP NAACL EACL COLING KDD WWW SIGIR
    WSDM CIKM ICDE VLDB SIGMOD ACM TPAMI PAMI TIP TOG IJCV JMLR TMLR TACL SIGGRAPH ICRA IROS CoRL RSS MICCAI ISMB
    RECOMB Interspeech ICASSP UAI AISTATS COLT CHI UIST Nature Science Cell arXiv""".split()
)
_VENUE_QUALIFIERS = frozenset("MM Asia Oral Spotlight Highlight Poster Workshop Workshops Findings".split())


def venue_name(text: str) -> str | None:
    """``text`` when it is only a well-known venue's name (a cell of a row that gives the
    year apart), else ``None``.

    >>> venue_name(" CVPR "), venue_name("ICLR Oral"), venue_name("ACM MM"), venue_name("Widget Nets")
    ('CVPR', 'ICLR Oral', 'ACM MM', None)
    """
    words = text.split()
    if not 1 <= len(words) <= 3 or words[0] not in _VENUES or not _VENUE_QUALIFIERS.issuperset(words[1:]):
        return None
    return " ".join(words)


def _is_person(text: str) -> bool:
    return bool(_PERSON.fullmatch(text)) and all(w[0].isupper() for w in text.split())


# an item opening with its venue and year in brackets: "**[CVPR 2024]** Title", "【arXiv 2023】Title"
_VENUE_TAG = re.compile(r"^\s*(?:\*\*|__)?\s*[\[【(（]\s*([^\]】)）\n]{2,40}?)\s*[\]】)）]\s*(?:\*\*|__)?\s*")
# ... or before a colon: "NeurIPS 2024: Title"
_VENUE_COLON = re.compile(
    r"^\s*(?:\*\*|__)?\s*([A-Za-z][\w'&.\-/]*(?: [\w'&.\-/]+){0,3}? (?:19|20)\d\d)\s*(?:\*\*|__)?\s*"
    r"(?:[:：]|\s[-–—|])\s+"
)
_DATE_OPENING = re.compile(r"^\s*((?:19|20)\d\d)[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:[0-2]\d|3[01]))?\s+(?=\S)")
_YEAR_COLON = re.compile(r"^\s*(?:\*\*|__)?\s*((?:19|20)\d\d)\s*(?:\*\*|__)?\s*[:：]\s+")  # "2024: Title"
_FULL_STOP = re.compile(r"\.\s")
_ET_AL = re.compile(r",?\s+et\s+al\.?$|\s*等$")  # "等": et al. in Chinese notes


def _names(text: str) -> list[str]:
    """The names ``text`` lists, parted by commas, "and" or "&" (a closing "et al." dropped)."""
    return [n.strip(" .") for n in AUTHOR_SEP.split(_ET_AL.sub("", text.strip(" .,"))) if n.strip(" .")]


def people(text: str) -> list[str] | None:
    """:func:`_names` when each is a person's name, else ``None``."""
    names = _names(text)
    return names if names and all(_is_person(n) for n in names) else None
_PAREN_VENUE = re.compile(r"^([^()]{3,200}?)\s*[(（]([^()（）]{2,60})[)）]$")  # "names (venue year)"


def venue_tag(text: str) -> tuple[str | None, int, str] | None:
    """``(venue, year, the rest)`` when ``text`` opens with its venue and year in
    brackets, as many lists mark an item; ``None`` otherwise.

    >>> venue_tag("**[CVPR 2024]** Widget Splatting"), venue_tag("[2023] Gadgets")
    (('CVPR', 2024, 'Widget Splatting'), (None, 2023, 'Gadgets'))
    >>> venue_tag("[Code] Widget Splatting") is None, venue_tag("NeurIPS 2024: Widget Splatting")
    (True, ('NeurIPS', 2024, 'Widget Splatting'))
    >>> venue_tag("CVPR 2024 - Widget Splatting"), venue_tag("2024: Widget Splatting")
    (('CVPR', 2024, 'Widget Splatting'), (None, 2024, 'Widget Splatting'))
    >>> venue_tag("2024-03-12 Widget Splatting"), venue_tag("2024 Widget Splatting")
    ((None, 2024, 'Widget Splatting'), None)
    """
    if date := _DATE_OPENING.match(text):  # "2024-03-12 Title": the day the list noted it, its year the paper's
        return None, int(date.group(1)), text[date.end():]
    m = _VENUE_TAG.match(text)
    vy = venue_year(m.group(1)) if m else None
    if m is None or vy is None:
        m = _VENUE_COLON.match(text) or _YEAR_COLON.match(text)
        vy = venue_year(m.group(1)) if m else None
        if m is None or vy is None or (vy[0] is None and m.re is not _YEAR_COLON):
            return None
    return vy[0], vy[1], text[m.end():]


_BY = re.compile(r"^(.{3,300}?)\s+by\s+([^()]{3,300})$")
_SEMICOLON_NAMES = re.compile(r"^([^;]{3,300}?)\s*;\s*([^()]{3,300})$")  # "Title; Ann Lee; Bo Kim"


_YEAR_PAREN_END = re.compile(r"\s*[(（]\s*(?:19|20)\d\d\s*[)）]\s*$")
_SURNAME_ET_AL = re.compile(r"([A-Z][\w'’-]+)\s+et\.?\s*al\.?")


def title_by_authors(text: str) -> tuple[str, list[str]] | None:
    """``(title, authors)`` of ``Title by Ann Lee and Bo Kim`` or ``Title; Ann Lee; Bo Kim``;
    ``None`` when what follows "by" (or the semicolon) is not names.

    >>> title_by_authors("Widget Nets, by Ann Lee and Bo Kim ("), title_by_authors("Learning by Doing Widgets")
    (('Widget Nets', ['Ann Lee', 'Bo Kim']), None)
    >>> title_by_authors("Widget Nets; Ann Lee; Bo Kim"), title_by_authors("Widget Nets; a fast one")
    (('Widget Nets', ['Ann Lee', 'Bo Kim']), None)
    >>> title_by_authors("Widget Nets for Gadgets by Lee et al. (2024) ")
    ('Widget Nets for Gadgets', ['Lee'])
    """
    s = _YEAR_PAREN_END.sub("", plain(text).strip(" ([（【"))  # "by Lee et al. (2024)": the year is no name
    m = _BY.match(s) or _SEMICOLON_NAMES.match(s)
    if m is None:
        return None
    who = m.group(2)
    names = people(who) or ([etal.group(1)] if (etal := _SURNAME_ET_AL.fullmatch(who.strip())) else None)
    if not names or not looks_like_title(m.group(1)):
        return None
    return m.group(1).strip().rstrip(","), names


def written_byline(text: str) -> tuple[list[str], str | None, int] | None:
    """``(authors, venue, year)`` of what follows a paper's link as ``- A. Lee, B. Kim.
    CVPR 2023.``; ``None`` when ``text`` says anything else.

    >>> written_byline(" - Ann Lee, Bo Kim. CVPR 2023. [ ]"), written_byline("- fast widgets. 2023.")
    ((['Ann Lee', 'Bo Kim'], 'CVPR', 2023), None)
    >>> written_byline(" - Ann Lee, Bo Kim et al. (CVPR 2023) ["), written_byline("- fast widgets (2023)")
    ((['Ann Lee', 'Bo Kim'], 'CVPR', 2023), None)
    >>> written_byline(", Ann Lee, Bo Kim, CVPR 2024")
    (['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    """
    s = plain(text).strip(" -–—:,.[]（【】")
    if len(s) > 300 or not _ANY_YEAR.search(s):
        return None
    paren = _PAREN_VENUE.search(s)
    if paren:  # "A. Lee, B. Kim (CVPR 2023)"
        vy = venue_year(paren.group(2))
        names = people(paren.group(1))
        return (names, vy[0], vy[1]) if vy and names else None
    s = s.strip("()")
    for j in reversed([m.start() for m in matches(_FULL_STOP, s)]):
        if len(s) - j > 80:
            return None  # a venue and year are short
        vy = venue_year(s[j + 1:])
        if vy is not None:
            names = people(s[:j])
            return (names, vy[0], vy[1]) if names else None
    names_end = s.rfind(",")  # "Ann Lee, Bo Kim, CVPR 2024": a comma before the venue
    if names_end > 0 and (vy := venue_year(s[names_end + 1:])) and vy[0] and (names := people(s[:names_end])):
        return names, vy[0], vy[1]
    return None


# APA: "Lee, A., & Kim, B. (2021). Title. In Venue." (a year may carry a letter or a month)
_APA = re.compile(
    r"^(?P<authors>[^()]{2,300}?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?(?:,[^()]{0,30})?\)\.?\s+"
    r"(?P<title>[^\n]{3,400}?[.?!])(?:\s+(?P<rest>.*))?$"
)
# Harvard's: "Lee, A. and Kim, B. (2024) 'Title', CVPR. Available at: url"
_HARVARD = re.compile(
    r"^(?P<authors>[^()]{2,300}?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?\)\s*['‘\"“](?P<title>[^'’\"”]{3,400})['’\"”]"
    r"[,.]?(?:\s+(?P<rest>.*))?$"
)
_AVAILABLE_AT = re.compile(r"\.?\s*(?:Available (?:at|from)|Retrieved from)\s*:?.*$", re.I)
_APA_AUTHOR = re.compile(  # (not "and Kim, B.": "and" parts two authors)
    r"(?<![\w'’\-])(?!and\s)([^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*){0,2}),\s+((?:[A-Z]\.\s?-?){1,4})"
)
_APA_BETWEEN = re.compile(r"^[\s,&]*(?:and\s+|&\s*)?$")


_IN_PREFIX = re.compile(r"^In\s+")


def apa_citation(text: str) -> tuple[str, list[str], str | None, int] | None:
    """``(title, authors, venue, year)`` of an APA citation,
    ``Lee, A., & Kim, B. (2021). Title of the paper. In NeurIPS.``; ``None`` otherwise.

    >>> apa_citation("Lee, A., & Kim, B. (2021). Widget networks for gadgets. In NeurIPS. [")
    ('Widget networks for gadgets', ['A. Lee', 'B. Kim'], 'NeurIPS', 2021)
    >>> apa_citation("Wu, C. (2022b). Gadget transformers? arXiv preprint arXiv:2203.00003.")
    ('Gadget transformers?', ['C. Wu'], 'arXiv', 2022)
    >>> apa_citation("We (2021). Built widgets. Fast.") is None
    True
    >>> apa_citation('Ann Lee and Bo Kim (2024). "Widget Nets for Gadgets". CVPR.')
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    >>> apa_citation("Lee, A. and Kim, B. (2024) 'Widget Nets for Gadgets', CVPR. Available at: ")
    ('Widget Nets for Gadgets', ['A. Lee', 'B. Kim'], 'CVPR', 2024)
    """
    s = plain(text).strip(" [(（【")
    m = (_HARVARD.match(s) or _APA.match(s)) if len(s) <= 800 and "(" in s else None
    if m is None:
        return None
    names, at = [], 0
    who = m.group("authors").strip()
    for a in matches(_APA_AUTHOR, who):
        if not _APA_BETWEEN.match(who[at:a.start()]):
            return None  # something between two authors that is no author
        names.append(f"{' '.join(a.group(2).split())} {a.group(1)}")
        at = a.end()
    if not names and (full := people(who.rstrip("."))):
        names, at = full, len(who)  # "Ann Lee and Bo Kim (2024)": names written out
    if not names or not _APA_BETWEEN.match(who[at:].rstrip(".")):
        return None
    title = m.group("title").rstrip(".").strip().strip('"“”').strip()
    if len(title) > 2 and title[0] == title[-1] and title[0] in "*_":
        title = title.strip(title[0]).strip()  # "*Title*." (APA sets it in italics)
    if not looks_like_title(title):
        return None
    rest = _AVAILABLE_AT.sub("", (m.group("rest") or "")).strip()
    venue = None
    if rest:
        venue = "arXiv" if rest.lower().startswith("arxiv") else _IN_PREFIX.sub("", rest.split(",")[0]).strip(" .")
        venue = venue if venue and len(venue) <= 80 else None
    return title, names, venue, int(m.group("year"))


def written_citation(text: str) -> tuple[str, list[str], str | None, int] | None:
    """``(title, authors, venue, year)`` of a citation written out as
    ``Title. A. Lee, B. Kim. NeurIPS, 2021.``; ``None`` when ``text`` is not one.

    The parts are told apart at full stops: the last part a venue and year,
    the one before it names of people, what comes first a title.

    >>> written_citation("Widget Networks for Gadgets. A. Lee, B. Kim. NeurIPS, 2021. [")
    ('Widget Networks for Gadgets', ['A. Lee', 'B. Kim'], 'NeurIPS', 2021)
    >>> written_citation("Gadget Transformers. C. Wu et al. ICML 2022.")
    ('Gadget Transformers', ['C. Wu'], 'ICML', 2022)
    >>> written_citation("We build widgets. It works. CVPR 2021.") is None
    True
    """
    s = plain(text).strip(" [(（【")
    if len(s) > 400 or not _ANY_YEAR.search(s):
        return None
    stops = [m.start() for m in matches(_FULL_STOP, s)]
    for j in reversed(stops):
        if len(s) - j > 80:
            return None  # a venue and year are short: no need to try the rest
        vy = venue_year(s[j + 1:])
        if vy is None:
            continue
        for i in reversed([p for p in stops if p < j]):
            names = _names(s[i + 1:j])
            if not all(_is_person(n) for n in names[1:]):
                return None  # (an earlier stop only adds words in front: these names stay no names)
            title = s[:i].strip()
            if names and _is_person(names[0]) and looks_like_title(title):
                return title, names, vy[0], vy[1]
        return None
    return None


# "(Lee et al., CVPR 2024)", "(Lee and Kim, 2023)": a paper cited by its first author's surname
_SHORT_CITATION = re.compile(
    r"^[(（]\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?(?:\s+et\s+al\.?|\s*等|\s+(?:and|&)\s+[A-Z][\w'’\-]+)?"
    r"[,，]?\s*([^()（）]{4,60}?)\s*[)）][\s.,;]*$"
)


def short_citation(text: str) -> tuple[str | None, int] | None:
    """``(venue, year)`` of a citation by surname in brackets after a paper's link, else ``None``.

    >>> short_citation(" (Lee et al., CVPR 2024)"), short_citation("(Lee and Kim, 2023).")
    (('CVPR', 2024), (None, 2023))
    >>> short_citation("（Ann Lee 等，CVPR 2024）")
    ('CVPR', 2024)
    >>> short_citation("(a fast model, 2023)") is None
    True
    """
    m = _SHORT_CITATION.match(plain(text).strip())
    return venue_year(m.group(1)) if m else None


# IEEE: '[1] A. Lee and B. Kim, "Title," in Proc. CVPR, 2024.' (the title's comma inside its quotes)
_IEEE = re.compile(
    r'^(?:\[?\d{1,4}\]\s*)?(?P<authors>[^"“”]{2,300}?),\s*["“](?P<title>[^"“”]{3,400}?)[,.]?["”],?\s*(?P<rest>.*)$'
)
_YEAR_WORD = re.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d)")  # a year, not digits of an id
_IEEE_VENUE = re.compile(r"^(?:in\s+)?(?:(?:Proc\.|Proceedings)\s+(?:of\s+)?(?:the\s+)?)?([^,]{2,80}?)\s*(?:,|$)", re.I)


def ieee_citation(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of an IEEE citation, ``A. Lee and B. Kim, "Title," in
    Proc. CVPR, 2024.``; ``None`` otherwise.

    >>> ieee_citation('[1] A. Lee and B. Kim, "Widget Nets for Gadgets," in Proc. CVPR, 2024. ')
    ('Widget Nets for Gadgets', ['A. Lee', 'B. Kim'], 'CVPR', 2024)
    >>> ieee_citation('We said, "widgets," in 2024.') is None
    True
    """
    s = plain(text).strip(" [(（【")
    m = _IEEE.match(s) if len(s) <= 800 and ('"' in s or "“" in s) else None
    names = people(m.group("authors")) if m else None
    if m is None or names is None or not looks_like_title(m.group("title").strip()):
        return None
    rest = m.group("rest").replace("*", "").strip(" .")  # ("in *Proc. CVPR*, 2024": the venue in italics)
    years = [int(y.group(0)) for y in matches(_YEAR_WORD, rest)] if rest else []
    where = _IEEE_VENUE.match(rest) if rest else None
    venue = where.group(1).strip(" .") if where and not _ANY_YEAR.fullmatch(where.group(1).strip(" .")) else None
    return m.group("title").strip(), names, venue, (years[-1] if years else None)


_DASHES = re.compile(r"\s[—–-]\s")


def title_dash_byline(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of ``Title — Ann Lee, Bo Kim (CVPR 2024)``: a title,
    a dash, then who wrote it (and where) and nothing else.

    >>> title_dash_byline("Widget Nets — Ann Lee, Bo Kim (CVPR 2024) ["), title_dash_byline("Widget Nets - a fast one")
    (('Widget Nets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024), None)
    """
    s = plain(text).strip(" [(（【")
    for dash in reversed([m.start() for m in matches(_DASHES, s)] if len(s) <= 600 else []):
        title, rest = s[:dash].strip(), s[dash + 3:].strip()
        by = written_byline(rest)
        names = (by[0], by[1], by[2]) if by else (names_line(rest), None, None)
        if names[0] and looks_like_title(title):
            return title, names[0], names[1], names[2]
    return None


# "In CVPR, 2024.", "CVPR 2024.": where a citation written names first ends
_IN_VENUE = re.compile(
    r"^(?:In\s+(?:Proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?)?)?(.{2,80}?)[,.]?\s+((?:19|20)\d\d)\.?$"
)


def _after_initial(s: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an initial ("A. Lee"): no place a part ends."""
    return s[stop - 1:stop].isupper() and s[stop - 2:stop - 1] in ("", " ")


def names_first_citation(text: str) -> tuple[str, list[str], str | None, int] | None:
    """``(title, authors, venue, year)`` of ``A. Lee and B. Kim. Title. In CVPR, 2024.`` (LaTeX's
    plain style: names, title, venue and year, parted by full stops); ``None`` otherwise.

    >>> names_first_citation("A. Lee and B. Kim. Widget Nets for Gadgets. In CVPR, 2024. ")
    ('Widget Nets for Gadgets', ['A. Lee', 'B. Kim'], 'CVPR', 2024)
    >>> names_first_citation("We built widgets. Fast ones. In 2024.") is None
    True
    """
    s = plain(text).strip(" [(（【").rstrip()
    if len(s) > 600 or not _ANY_YEAR.search(s):
        return None
    stops = [m.start() for m in matches(_FULL_STOP, s + " ")]
    for k in reversed(stops):
        where = _IN_VENUE.match(s[k + 1:].strip())
        if where is None or s[k + 1:].count(". ") > 2:
            continue
        # where the names may end: not at an initial's full stop ("A. Lee"), within the first 25
        # stops (a longer list of names is none a line writes; and each try reads them all again)
        ends = [j for j in stops if j < k and not _after_initial(s, j)][:25]
        for j in ends:
            names, title = people(s[:j]), s[j + 1:k].strip()
            if names and looks_like_title(title) and not people(title):
                return title, names, where.group(1).strip(" ,.") or None, int(where.group(2))
        return None
    return None


_NAMES_COLON = re.compile(r"^\s*([^:：\n]{3,400}?):\s+(.{8,400}?)[\s.]*$")


def names_colon_title(text: str) -> tuple[str, list[str], None, None] | None:
    """``(title, authors, None, None)`` of ``Ann Lee, Bo Kim: Title.`` (dblp's way: the names, a
    colon, the title); ``None`` otherwise.

    >>> names_colon_title("Ann Lee, Bo Kim: Widget Nets for Gadgets. ")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], None, None)
    >>> names_colon_title("Janus: Decoupling Visual Encoding"), names_colon_title("This Looks Like That: Deep Nets")
    (None, None)
    """
    m = _NAMES_COLON.match(plain(text))
    # (two names or more: one name before a colon is far more often a title's "Name: Subtitle")
    if m is None or not AUTHOR_SEP.search(m.group(1)) or not (names := people(m.group(1))) or len(names) < 2:
        return None
    title = m.group(2).strip()
    return (title, names, None, None) if looks_like_title(title) else None


# Where an entry's parts meet: a full stop, a spaced dash or bar, a semicolon, a line
# break, brackets.  (An initial's full stop, "A. Lee", or an abbreviation's, "Proc. CVPR",
# is hidden before the split.)
_PART_BREAK = re.compile(r"\.\s+|\s[-–—|·•]\s|;\s+|<br\s*/?>|[()（）\[\]【】《》「」]")
# a date as Papers with Code and arXiv listings write it: "12 Mar 2024", "Mar 12, 2024"
_WRITTEN_DATE = re.compile(
    r"^(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)$"
)
# (and between two spans: '<span class="title">T</span> <span class="venue">V</span>', a card's fields)
_BLOCK_BREAK = re.compile(r"<br\s*/?>|</?(?:div|p|li|h[1-6]|td|dd|dt)\b[^>]{0,200}>|</span>\s*(?=<span\b)", re.I)
_INITIAL = re.compile(r"(?<![\w.])([A-Z]|Proc|Conf|Int|Intl|Trans|Adv|Vol|No|pp)\.(?=\s)")  # and abbreviations
_IN_PROCEEDINGS = re.compile(r"^(?:In\s+)?(?:Proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?)?", re.I)
_MAYBE_NAMES = re.compile(r"\bet\.?\s+al\b|(?<![\w.])[A-Z]\.\s|,|\sand\s|&")


def _part_kind(part: str) -> tuple[str, Any] | None:
    """What one part of an entry is: ``("venue", (venue, year))``, ``("authors", names)``,
    ``("title", text)``, ``("skip", None)`` for a label, or ``None`` when it is none of them."""
    p = part.strip(" ,.:;*_\"'“”|·•–—")
    if not p or is_label_only(p, is_plain=True):
        return "skip", None
    where = _IN_PROCEEDINGS.sub("", p.replace("*", ""), count=1)  # ("In *Proceedings of CVPR*")
    vy = venue_year(where)
    if vy is not None:
        return "venue", vy
    if date := _WRITTEN_DATE.match(p):
        return "venue", (None, int(date.group(1)))
    if name := venue_name(where):
        return "venue", (name, None)  # "2024 — *Title* — CVPR": the venue's name, its year apart
    names = people(p) if _MAYBE_NAMES.search(p + " ") else None  # (one bare name could be a title's words)
    if names:
        return "authors", names
    return ("title", p) if looks_like_title(p) else None


def segmented_citation(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of an entry whose parts, in any order, are one title,
    its authors and its venue and year, parted by full stops, dashes, bars or brackets
    (``Ann Lee, Bo Kim. Title. CVPR 2024``, ``CVPR 2024 | Title | A. Lee``); ``None`` when a
    part is none of them, there is not exactly one title, or nothing but a title.

    >>> segmented_citation("Ann Lee, Bo Kim. Widget Nets for Gadgets. CVPR 2024. [")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    >>> segmented_citation("Widget Nets for Gadgets (A. Lee et al.) - In Proc. ICML, 2021")
    ('Widget Nets for Gadgets', ['A. Lee'], 'ICML', 2021)
    >>> segmented_citation("Widget Nets - a fast take on gadgets. CVPR 2024") is None
    True
    >>> segmented_citation("Widget Nets for Gadgets, Ann Lee and Bo Kim, CVPR 2024,")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    >>> segmented_citation("Widget Nets for Gadgets，Ann Lee, Bo Kim 等，CVPR 2024，")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    >>> segmented_citation("**Widget Nets for Gadgets** · 12 Mar 2024 · Ann Lee, Bo Kim · ")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], None, 2024)
    >>> segmented_citation("2024 — *Widget Nets for Gadgets* — CVPR — ")
    ('Widget Nets for Gadgets', [], 'CVPR', 2024)
    >>> segmented_citation("Ann Lee and Bo Kim. 2024. Widget Nets for Gadgets. In *CoRL 2024*. [")
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CoRL', 2024)
    """
    if "<" in text:  # an HTML card's parts: "<div>Title</div><div>Ann Lee, Bo Kim</div>", "<br/>"
        text = _BLOCK_BREAK.sub(" | ", text)
    s = plain(text).strip(" [(（【|")
    if len(s) > 600:
        return None
    hidden = _INITIAL.sub(lambda m: m.group(1) + "\x01", s)
    title: str | None = None
    authors: list[str] = []
    venue: str | None = None
    year: int | None = None
    for raw_part in _PART_BREAK.split(hidden):
        kind = _part_kind(raw_part.replace("\x01", "."))
        if kind is None:
            return None
        what, value = kind
        if what == "title":
            if title is not None:
                return None
            title = value
        elif what == "authors" and not authors:
            authors = value
        elif what == "venue" and not (value[0] and venue) and not (value[1] and year and value[1] != year):
            # (a name and a year may stand apart, or the year twice: "Ann Lee. 2024. Title. In CoRL 2024.")
            venue, year = venue or value[0], year or value[1]
        elif what != "skip":
            return None  # a second list of names, a second venue: no entry of one paper
    if title is None or not (authors or year):
        return _comma_parts(s) if "," in s or "，" in s else None
    return title, authors, venue, year


def vancouver_citation(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of a Vancouver citation, surnames before initials
    (``Lee A, Kim B. Title. CVPR. 2024.``); ``None`` otherwise.

    >>> vancouver_citation("Lee A, Kim BH. Widget Nets for Gadgets. arXiv. 2024. ")
    ('Widget Nets for Gadgets', ['A Lee', 'BH Kim'], None, 2024)
    >>> vancouver_citation("Lee A. Widget Nets") is None
    True
    """
    m = _VANCOUVER.match(plain(text).strip())
    rest = segmented_citation(m.group(2)) if m else None
    if m is None or rest is None or rest[1]:
        return None
    names = [" ".join(reversed(n.strip().rsplit(" ", 1))) for n in m.group(1).split(",")]
    return rest[0], names, rest[2], rest[3]


_VANCOUVER = re.compile(r"((?:[A-Z][\w'’-]+ [A-Z]{1,3}, ){0,30}[A-Z][\w'’-]+ [A-Z]{1,3})(?:, et al)?\. (.+)")


def _comma_parts(s: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``Title, Ann Lee and Bo Kim, CVPR 2024``: a title, names and a venue parted by commas alone
    (or full-width ones: ``Title，Ann Lee, Bo Kim 等，CVPR 2024``)."""
    parts = [p.strip() for p in s.replace("，", ",").split(",")]
    v = next((i for i in range(len(parts) - 1, 1, -1) if (vy := venue_year(parts[i])) and vy[0]), None)
    if v is None or any(p for p in parts[v + 1:]):
        return None
    vy = venue_year(parts[v])
    names = people(", ".join(parts[1:v]))
    if vy is None or not names or not looks_like_title(parts[0]):
        return None
    return parts[0], names, vy[0], vy[1]


def title_then_names(text: str) -> tuple[str, list[str], None, None] | None:
    """``(title, authors, None, None)`` of ``Title. Ann Lee, Bo Kim.``: a title, a full stop,
    then two or more names and nothing else.

    >>> title_then_names("Widget Nets for Gadgets. Ann Lee, Bo Kim. ["), title_then_names("Widget Nets. Fast Gadgets.")
    (('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], None, None), None)
    """
    s = plain(text).strip(" [(（【").rstrip(" .")
    stops = [m.start() for m in matches(_FULL_STOP, s)] if len(s) <= 600 else []
    for j in reversed([j for j in stops if not _after_initial(s, j)][-25:]):  # (as names_first_citation's)
        names = names_line(s[j + 1:])
        title = s[:j].strip()
        if names and looks_like_title(title):
            return title, names, None, None
    return None


# "Lee, A." / "Lee, Ann": a name written surname first
_INVERTED = re.compile(
    r"([^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)?),\s+((?:[A-Z]\.\s?-?){1,3}|[A-Z][a-z]+(?: [A-Z]\.)?)"
)
_INVERTED_BETWEEN = re.compile(r"^[\s,]*(?:(?:and|&)\s+)?$")
_AND_FIRST = re.compile(r"^(?:and|&)\s+")


def inverted_names(text: str) -> list[str] | None:
    """The names of a list written surname first (``Lee, A., Kim, B.``), the first of them
    only as Chicago has it (``Lee, Ann, and Bo Kim``); ``None`` when it is not one (a
    single ``Widget, Gadget`` could be two words of anything).

    >>> inverted_names("Lee, A., Kim, B."), inverted_names("Lee, Ann, and Bo Kim"), inverted_names("Widget, Gadget")
    (['A. Lee', 'B. Kim'], ['Ann Lee', 'Bo Kim'], None)
    """
    s = text.strip(" ,")
    first = _INVERTED.match(s)
    if first is None:
        return None
    names, at = [f"{first.group(2).strip()} {first.group(1)}"], first.end()
    for m in matches(_INVERTED, s, at):
        if not _INVERTED_BETWEEN.match(s[at:m.start()]):
            break
        names.append(f"{m.group(2).strip()} {m.group(1)}")
        at = m.end()
    rest = _AND_FIRST.sub("", s[at:].strip(" .,"))
    if rest:  # "..., and Bo Kim": the others written first name first
        others = people(rest)
        if not others:
            return None
        names += others
    elif len(names) == 1 and "." not in first.group(2):
        return None
    return names


# Springer's "Lee, A., Kim, B.: Title. In: CVPR (2024)"; Chicago's 'Lee, Ann, and Bo Kim. "Title." CVPR (2024).'
_SPRINGER = re.compile(
    r"^(?P<names>[^:\"“]{3,300}?):\s+(?P<title>[^\n]{3,400}?)\.\s+In:\s+(?P<venue>[^()]{2,80}?)\s*"
    r"\((?P<year>(?:19|20)\d\d)\)"
)
_CHICAGO = re.compile(
    r"^(?P<names>[^\"“]{3,300}?)\.\s+[\"“](?P<title>[^\"”]{3,400}?)[.,]?[\"”]\s+\*?(?P<venue>[^*()\"]{2,80}?)"
    r"\*?[\s,]*\(?(?P<year>(?:19|20)\d\d)\)?"
)
# (MLA's, with its id where the year would be: 'Lee, Ann, and Bo Kim. "Title." arXiv preprint arXiv:ID (2025).')
_CHICAGO_UNDATED = re.compile(
    r"^(?P<names>[^\"“]{3,300}?)\.\s+[\"“](?P<title>[^\"”]{3,400}?)[.,]?[\"”]\s*(?P<venue>[^*()\"\d]{0,80}?)[\s,]*$"
)


def styled_citation(text: str) -> tuple[str, list[str], str | None, int | None] | None:
    """``(title, authors, venue, year)`` of a citation in Springer's (LNCS), Chicago's or MLA's
    style (MLA's year may stand after the paper's id, past ``text``); ``None`` otherwise.

    >>> styled_citation("Lee, A., Kim, B.: Widget Nets for Gadgets. In: CVPR (2024) [")
    ('Widget Nets for Gadgets', ['A. Lee', 'B. Kim'], 'CVPR', 2024)
    >>> styled_citation('Lee, Ann, and Bo Kim. "Widget Nets for Gadgets." *CVPR* (2024). [')
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'CVPR', 2024)
    >>> styled_citation('Lee, Ann, and Bo Kim. "Widget Nets for Gadgets." arXiv preprint ')
    ('Widget Nets for Gadgets', ['Ann Lee', 'Bo Kim'], 'arXiv preprint', None)
    """
    s = plain(text).strip(" [(（【") if "*" not in text else text.strip(" [(（【")
    if len(s) > 800:
        return None
    m = _SPRINGER.match(s) or _CHICAGO.match(s) or _CHICAGO_UNDATED.match(s)
    names = (inverted_names(m.group("names")) or people(m.group("names"))) if m else None
    if m is None or not names or not looks_like_title(m.group("title").strip()):
        return None
    year = m.groupdict().get("year")
    return m.group("title").strip(), names, m.group("venue").strip(" *,.") or None, int(year) if year else None


def names_line(line: str) -> list[str] | None:
    """The authors of a line that is only names, two or more (``Ann Lee, Bo Kim<br>``), else ``None``.

    >>> names_line("Ann Lee, Bo Kim and Cy Wu<br>"), names_line("Widget Nets, Gadget Nets")
    (['Ann Lee', 'Bo Kim', 'Cy Wu'], ['Widget Nets', 'Gadget Nets'])
    >>> names_line("Ann Lee"), names_line("Widgets for gadgets, and more")
    (None, None)
    """
    s = plain(line).strip(" .,;")
    if not s or len(s) > 400 or "," not in s and " and " not in s:
        return None
    names = people(s)
    return names if names and len(names) >= 2 else None


_FIELD_SEP = re.compile(r"\s+[—–·•|/]\s+|\s+-\s+")


def parted_fields(s: str) -> tuple[list[str], str | None, int | None] | None:
    """``(authors, venue, year)`` of two or more parts parted by dashes, dots or bars, when
    every part is one of them (``— 📅 2024 — 🏛️ CVPR`` once emoji are spaces, ``Ann Lee, Bo
    Kim · CVPR 2024``).

    >>> parted_fields("2024 — CVPR"), parted_fields("*Ann Lee, Bo Kim* · CVPR 2024"), parted_fields("Widget · Nets")
    (([], 'CVPR', 2024), (['Ann Lee', 'Bo Kim'], 'CVPR', 2024), None)
    """
    parts = [p for p in (p.strip(" ,.;") for p in _FIELD_SEP.split(s)) if p]
    authors: list[str] = []
    venue, year = None, None
    for part in parts:
        if year is None and _ANY_YEAR.fullmatch(part):
            year = int(part)
        elif venue is None and (vy := venue_year(part)) and vy[0]:
            venue, year = vy[0], year or vy[1]
        elif venue is None and (name := venue_name(part)):
            venue = name
        elif not authors and (names := people(part) or italic_authors(part)) and (
                len(names) > 1 or len(parts) > 2 or venue or year):
            authors = names
        elif len(part) <= 12 and all(_CJK.match(c) for c in part):
            continue  # "- 清华 -": who made it, in Chinese (an organisation, no field of the entry's)
        else:
            return None
    return (authors, venue, year) if len(parts) >= 2 and (venue or year) else None


def author_line(line: str) -> tuple[list[str], str | None, int | None] | None:
    """``(authors, venue, year)`` of a line that only says who wrote a paper, and perhaps
    where (under its title, over its link); else ``None``.

    >>> author_line("*Ann Lee, Bo Kim*"), author_line("  > Ann Lee, Bo Kim. CVPR 2024.")
    ((['Ann Lee', 'Bo Kim'], None, None), (['Ann Lee', 'Bo Kim'], 'CVPR', 2024))
    >>> author_line("We build widgets, and gadgets.") is None, author_line("A Lee, B Kim - CVPR, 2024 - arxiv.org")
    (True, (['A Lee', 'B Kim'], 'CVPR', 2024))
    >>> author_line("Ann Lee, Bo Kim（Widget Lab）")
    (['Ann Lee', 'Bo Kim'], None, None)
    """
    s = strip_line_markers(line).strip()
    if s and not s[0].isalnum() and s[0] not in "*_<":
        s = without_lead_symbols(s)  # "👥 Ann Lee, Bo Kim": a line's mark
    if names := italic_authors(s) or names_line(s):
        return names, None, None
    if s[-1:] in (")", "）") and (aff := _BRACKETS_END.search(s)) and not venue_year(aff.group(1)) and (
            names := names_line(s[:aff.start()])):
        return names, None, None  # "Ann Lee, Bo Kim（Widget Lab）": where they work, no venue
    return written_byline(s) or _scholar_byline(s) or parted_fields(plain(s))


_BRACKETS_END = re.compile(r"\s*[(（]([^()（）]{2,80})[)）]$")


_SITE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")


def _scholar_byline(s: str) -> tuple[list[str], str | None, int | None] | None:
    """Google Scholar's line under a title: ``A Lee, B Kim - CVPR, 2024 - arxiv.org``."""
    parts = [p.strip(" …") for p in s.split(" - ")]
    if not 2 <= len(parts) <= 3 or (len(parts) == 3 and not _SITE.match(parts[2])):
        return None
    names, vy = people(parts[0]), venue_year(parts[1])
    return (names, vy[0], vy[1]) if names and vy else None


def italic_authors(line: str) -> list[str] | None:
    """The authors of a line that is one italic run of names (``*A, B and C*``), else ``None``.

    >>> italic_authors("*Jun Wu, Jingrui He, Jiejun Xu.*"), italic_authors("*Álvaro Barbero Jiménez*")
    (['Jun Wu', 'Jingrui He', 'Jiejun Xu'], ['Álvaro Barbero Jiménez'])
    >>> italic_authors("*A Survey of Things*") is None, italic_authors("*Proc. CVPR*") is None
    (True, True)
    """
    if "*" not in line and "_" not in line:
        return None
    m = _ITALIC_LINE.match(line)
    if not m:
        return None
    names = [n.strip(" .") for n in AUTHOR_SEP.split(m.group("t")) if n.strip(" .")]
    if len(names) < 2 and not _is_person(names[0] if names else ""):
        return None  # one emphasised phrase is no list of authors, one person's name is
    if len(names) == 1 and venue_name(_IN_PROCEEDINGS.sub("", names[0], count=1)):
        return None  # "*Proc. CVPR*": the venue, set in italics
    if any(sum(len(w.rstrip(".")) > 1 for w in n.split()) > 5 for n in names):
        return None  # a clause, not a name (initials do not count: "Gorantla V N S L Vishnu Vardhan")
    return names


def strip_line_markers(text: str) -> str:
    """``text`` without a leading blockquote/list marker and date tag (``[yy/mm]``, ``[yyyy-mm-dd]``)."""
    return _DATE_TAG.sub("", _LIST_MARKER.sub("", text, count=1))


def date_tag_year(text: str) -> int | None:
    """The year of a leading date tag (``- [24/10] **Janus...**``, ``- [2025/01] ...``).

    >>> date_tag_year("- [24/10] **Janus**"), date_tag_year("* [2025-01-05] Title"), date_tag_year("* `2024-04` T")
    (2024, 2025, 2024)
    """
    m = _DATE_TAG.match(_LIST_MARKER.sub("", text, count=1))
    if m is None:
        return None
    year = int(m.group(0).strip()[1:].replace("-", "/").replace(".", "/").split("/", 1)[0])  # ("[" or "`" first)
    return year if year > 99 else 2000 + year


# Proceedings pages that are a paper's own, with the path that marks one: a link
# there names a paper even when it holds no id the reader resolves
_PROCEEDINGS = re.compile(
    r"(?i)^(?:https?://)?(?:www\.)?(?:openreview\.net/(?:forum|pdf)\?id=|openaccess\.thecvf\.com/content"
    r"|(?:papers\.nips\.cc|proceedings\.neurips\.cc)/paper|aclanthology\.org/|aclweb\.org/anthology/"
    r"|proceedings\.mlr\.press/v\d|jmlr\.org/papers/|ieeexplore\.ieee\.org/(?:document|stamp|abstract)"
    r"|ijcai\.org/proceedings/|ojs\.aaai\.org/index\.php/aaai/article|aaai\.org/(?:ocs/index\.php|papers)/|ecva\.net/papers/"
    r"|dl\.acm\.org/citation|usenix\.org/conference/[^/]+/presentation/|sciencedirect\.com/science/article/"
    r"|(?:pubmed\.)?ncbi\.nlm\.nih\.gov/(?:pubmed/|pmc/articles/|\d)|papers\.ssrn\.com/|researchgate\.net/publication/)"
)
_PAPER_WORDS = frozenset(("paper", "pdf", "论文"))
# a label that names the paper itself: "Paper", "PDF", "论文", "Paper(Oral)"
_PAPER_LABEL = r"(?:paper|pdf|论文)\s*(?:[(（][^)）]{0,20}[)）])?"
PAPER_LABEL = re.compile("(?i)" + _PAPER_LABEL)
# a bare link's label: "- Paper: url", "- Paper(Oral)：url"
_PAPER_LABEL_BEFORE = re.compile(r"(?i)(?:^|[\s*>|])" + _PAPER_LABEL + r"\s*[:：]\s*$")
# code, video, social and news sites (what the reader never takes for a paper)
_NOT_PAPER_HOST = re.compile(
    r"(?i)^(?:https?://)?(?:www\.)?(?:github\.com|gitlab\.com|youtube\.com|youtu\.be|bilibili\.com|x\.com"
    r"|twitter\.com|mp\.weixin\.qq\.com|zhuanlan\.zhihu\.com|huggingface\.co)/"
)
_PDF_FILE = re.compile(r"(?i)\.pdf(?:[?#].*)?$")


def paper_page(url: str, text: str | None = None, before: str = "") -> bool:
    """A link that names a paper though it holds no id: a proceedings page
    (openreview, CVF, NeurIPS, ACL, PMLR, JMLR, IEEE Xplore, IJCAI, AAAI, ECVA,
    ACM, USENIX), a publisher's or index's article page (ScienceDirect, PubMed,
    PMC, SSRN, ResearchGate),
    or a link the list calls the paper -- its text ``paper``/``PDF``/``📄 Paper``,
    or a bare link after a ``Paper:`` label (``before`` is the line up to it);
    a code or video host never is, unless the link is a PDF file.

    >>> paper_page("https://openreview.net/forum?id=rJXMpikCZ")
    True
    >>> paper_page("http://example.org/gan.pdf", "[paper]"), paper_page("http://raywzy.com/", None, "- Paper: ")
    (True, True)
    >>> paper_page("https://github.com/org/repo", "paper"), paper_page("https://qwen.ai/blog", "Qwen3.5")
    (False, False)
    >>> paper_page("https://mp.weixin.qq.com/s/abc", "Paper")
    False
    """
    url = unwrap_redirect(url)
    if _NOT_PAPER_HOST.match(url) and not _PDF_FILE.search(url):
        return False  # (a PDF kept in a repository is a paper's file)
    if _PROCEEDINGS.match(url):
        return True
    if text is not None:
        return "".join(c for c in text.lower() if c.isalnum()) in _PAPER_WORDS
    return bool(before) and bool(_PAPER_LABEL_BEFORE.search(before[-60:]))


def split_label(line: str) -> tuple[str, str] | None:
    """``(label, value)`` for a ``Label: value`` line (bold, list markers ignored).

    The label is lower-cased with single spaces; a ``https://`` is not a label.

    >>> split_label("论文标题：DraftAttention: Fast Video Diffusion")
    ('论文标题', 'DraftAttention: Fast Video Diffusion')
    >>> split_label("https://arxiv.org/abs/2506.05191") is None, split_label("【作者】Ann Lee, Bo Kim")
    (True, ('作者', 'Ann Lee, Bo Kim'))
    >>> split_label(":authors: Ann Lee, Bo Kim"), split_label("  authors:: [[Ann Lee]]")
    (('authors', 'Ann Lee, Bo Kim'), ('authors', '[[Ann Lee]]'))
    >>> split_label("第3篇：Widget Nets"), split_label("Paper #12: Widget Nets")
    (('paper title', 'Widget Nets'), ('paper title', 'Widget Nets'))
    """
    head = line[:80]
    if "【" in head[:12] and (lent := _LENTICULAR_LABEL.match(strip_line_markers(line))):
        return lent.group(1).strip().lower(), lent.group(2).strip()  # "【作者】Ann Lee, Bo Kim"
    if ":" not in head and "：" not in head:
        return None
    s = strip_line_markers(line.replace("**", "").replace("__", "")).strip()
    if s[:1] == ":" and (field := _FIELD_MARK.match(s)):
        s = s[1:field.end() - 1] + ":" + s[field.end():]  # ":authors: A, B" (a reStructuredText field)
    elif "::" in s[:40] and (prop := _PROPERTY_MARK.match(s)):
        s = s[:prop.end() - 2] + ":" + s[prop.end():]  # "authors:: A, B" (a Logseq or Obsidian property)
    m = _LABEL.match(s)
    if not m:
        return None
    label = " ".join(HTML_TAG.sub("", m.group(1)).split()).lower()
    if _ORDINAL_LABEL.fullmatch(label):
        label = "paper title"  # "第3篇：Title", "Paper #3: Title": which paper of the list, then its title
    if label and not label[0].isalnum():
        label = without_lead_symbols(label)  # "📖 论文：Title", "🔗 地址：url"
    if not label or "[" in label:
        return None
    return label, m.group(2).strip()


_ORDINAL_LABEL = re.compile(r"第\s*[\d一二三四五六七八九十百]{1,4}\s*篇(?:论文)?|paper\s*#?\s*\d{1,4}")
_FIELD_MARK = re.compile(r":[^:\s][^:\n]{0,29}:(?=\s)")
_PROPERTY_MARK = re.compile(r"[\w-]{1,30}::(?=\s)")
# a label in lenticular brackets opening a line; a venue's (with its year) is no label
_LENTICULAR_LABEL = re.compile(r"^\s*【([^】\d]{1,8})】\s*(\S.*)$")
# what a label's value says when there is nothing: "Code: None", "Paper: TBD"
_NO_VALUE = frozenset({"none", "null", "nil", "tbd", "todo", "n", "a", "na", "暂无", "无"})


def is_label_only(text: str, *, is_plain: bool = False) -> bool:
    """True when ``text`` (already stripped of links) is empty or only short labels.

    >>> is_label_only("* **Links:**   |   | ")
    True
    >>> is_label_only("FVDM 论文：")
    True
    >>> is_label_only("现有视频生成加速方法，如 Sparse VideoGen 和 AdaSpa，多采用稀疏注意力机制")
    False
    >>> is_label_only("Code: None"), is_label_only("Paper: TBD  Code: none")  # labels saying there is none
    (True, True)
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
    if colons and all(w in _NO_VALUE for w in s.lower().split()):
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


# Words a list puts where a name could stand ("Code: url", "[Survey](url)",
# "CVPR 2024 (url)") that name no model: labels, sites, venues, organisations.
_NOT_GIVEN_NAMES = GENERIC_LINK_TEXT | frozenset(
    """links ref refs reference references source sources download downloads preprint published publication
    details detail summary overview intro introduction background motivation related reading baseline baselines
    method methods approach result results experiment experiments conclusion discussion limitation limitations
    update updates news note idea ideas insight insights contribution contributions highlight highlights
    example examples official implementation report technical tech survey review tutorial data benchmark
    leaderboard papers page website blog talk thread tweet twitter see also more read full main text figure
    fig table section appendix chapter part step stage task tasks problem solution question follow-up
    previous next prev earlier later first second third final old latest future today recently preprints
    oral spotlight award best accepted submitted supplementary supp appendix errata erratum version
    alphaxiv ar5iv scholar semantic semanticscholar paperswithcode dblp anthology ieee acm springer
    researchgate zhihu openai google meta microsoft nvidia deepmind apple amazon baidu alibaba tencent
    bytedance huawei anthropic deepseek mit stanford berkeley cmu
    cvpr iccv eccv neurips nips icml iclr aaai ijcai acl emnlp naacl coling tpami ijcv tip siggraph kdd
    wacv bmvc icra iros tmlr jmlr arxiv.org
    predecessor predecessors successor successors original extension extended followup followups parent child
    sibling companion comparison compare compared versus vs alternative alternatives counterpart variant variants
    improved improvement takeaway takeaways comment comments remark remarks answer keywords tags category topic
    topics venue status date year authors affiliation institution team lab group organization inspiration""".split()
)
# One word of a name: Latin (with accents), Greek, digits; inner - . + ' _.
_WORD_START = "A-Za-z0-9\u00c0-\u024f\u0370-\u03ff"
_WORD_CHAR = _WORD_START + ".+'’²³_-"
_WORD = f"[{_WORD_START}][{_WORD_CHAR}]*"
_NAME_WORD = re.compile(_WORD)
_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff]")
_YEAR_OR_VERSION = re.compile(r"(?:19|20)\d\d|[vV]?\d+(?:\.\d+)*")
# Words that trail a name in a label ("FVDM 论文：", "Janus paper:", "JanusFlow [arXiv]").
_TRAILING_WORDS = re.compile(
    r"(?:[\s(（\[【:：|–—-]*"
    r"(?:论文链接|论文地址|论文|链接|地址|原文|paper|pdf|arxiv|link|technical report|tech report))+"
    r"[\s(（\[【:：|–—-]*$",
    re.I,
)
_HEAD_TAIL = re.compile(r"[\s(（\[【:：|–—-]+$")
_NAME_RUN = re.compile(rf"(?:^|(?<=[^{_WORD_CHAR}]))((?:{_WORD}[ \u00a0])*{_WORD})\s*$")
# A word just before a name that makes it a person's or a place's: "by Wang (url)".
_PERSON_CUE = frozenset("by from of at author authors et al".split())


def _proper(word: str) -> bool:
    """``word`` could name a model by the rule for a title's ``Name:`` prefix
    (not an ordinary English word, not a generic term such as ``LLM``)."""
    word = word[:1].upper() + word[1:]
    return is_name_like(word)


def given_name(text: str, *, column: bool = False) -> str | None:
    """The model name ``text`` plainly is, or ``None``: a link text, a label, a table cell.

    One word must pass the rule for a title's ``Name:`` prefix
    (:func:`citegraph.text.names.model_name`: not an ordinary English word nor a
    generic term such as ``LLM``) and start with a capital or a digit or have
    one inside (``iVideoGPT``); two or three words must each be capitalised
    and one of them look made up (``Sparse VideoGen``, ``Kandinsky 3``).
    Labels, site names, venues and organisations (``Paper``, ``arXiv``,
    ``Code``, ``CVPR 2024``, ``OpenAI``, ``论文``) are never names.

    >>> given_name("Chameleon"), given_name("**Show-o**"), given_name("Sparse VideoGen")
    ('Chameleon', 'Show-o', 'Sparse VideoGen')
    >>> [given_name(t) for t in ("Paper", "arXiv", "论文", "here", "Stable Diffusion", "CVPR 2024", "Making LLaMA")]
    [None, None, None, None, None, None, None]

    A ``column`` of names (``Model``, ``名字``) says its cells are names, so one
    may open with an ordinary word (``Fast R-CNN``, ``Faster R-CNN``); ordinary
    words alone still name nothing (``Zero``, ``Guided Diffusion Models``: they
    would be found in every text that uses them).

    >>> given_name("Fast R-CNN"), given_name("Fast R-CNN", column=True), given_name("Zero", column=True)
    (None, 'Fast R-CNN', None)
    """
    if text.strip(" []*").lower() in _NOT_GIVEN_NAMES:  # [[Paper]], [PDF]: most link texts
        return None
    # (uncached: clean_name's cache would keep every link text of the list after the read)
    s = clean_name.__wrapped__(plain(text)).strip(" .,;:：，。")
    words = s.split()
    if not words or len(words) > 3 or len(s) > 40 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if any(w.lower().strip(".") in _NOT_GIVEN_NAMES for w in words) or is_generic(s):
        return None
    if any(_YEAR_OR_VERSION.fullmatch(w) for w in words[:1]) or any(
        re.fullmatch(r"(?:19|20)\d\d", w) for w in words
    ):
        return None
    if not _LETTER.search(s):
        return None
    if len(words) == 1:
        w = words[0]
        if not (w[0].isupper() or w[0].isdigit() or looks_made_up(w)):
            return None
        if "-" in w and not looks_made_up(w) and not any(_proper(part) for part in w.split("-") if len(part) > 2):
            return None  # "Text-to-Image": ordinary words joined
        return w if _proper(w) else None
    if is_name_like(s):  # "Kandinsky 3", "FLUX.1 Kontext"
        return s
    first_ok = column or looks_made_up(words[0]) or _proper(words[0])  # not "Making LLaMA"
    # A generic term in the plural names a kind, not a model ("Protein LLMs", "Trustworthy
    # LLMs"), and a phrase opening with a verb's -ing form is a topic ("Enhancing RAG");
    # "Zephyr LLM", "Corrective RAG" stay names.
    made_up = any(looks_made_up(w) and not (w.endswith("s") and is_generic(w)) for w in words)
    topic = words[0].lower().endswith("ing")
    if first_ok and all(w[0].isupper() or w[0].isdigit() for w in words) and made_up and not topic:
        return s
    return None


def coined_name(text: str) -> str | None:
    """A term that became generic (``BERT``, ``NeRF``, ``LoRA``, ``GPT``) where a list
    gives it as a name -- a name column, a title's ``Name:`` prefix: the paper
    that coined it.  Plain words (``Transformers``) stay none.

    >>> coined_name("BERT"), coined_name("NeRF"), coined_name("Transformers"), coined_name("Chameleon")
    ('BERT', 'NeRF', None, None)
    """
    s = plain(text).strip(" .,;:：")
    if not s or " " in s or len(s) > 12 or not is_generic(s):
        return None
    return s if looks_coined(s) else None


def looks_coined(name: str) -> bool:
    """Whether ``name`` looks made up: a capital or a digit inside it (``WidgetLM``, ``NeRF``,
    ``GPT-4``), where an ordinary word (``Regularization``, ``Survey``) has none.

    >>> looks_coined("WidgetLM"), looks_coined("Regularization")
    (True, False)
    """
    return any(c.isupper() or c.isdigit() for c in name[1:])


def head_name(head: str) -> str | None:
    """The name a label or item head gives before its paper link: ``FVDM 论文：``,
    ``**JanusFlow**:``, ``- Janus (`` (see :func:`given_name`).

    >>> head_name("FVDM 论文："), head_name("- **JanusFlow**: "), head_name("Janus ("), head_name("Code: ")
    ('FVDM', 'JanusFlow', 'Janus', None)
    """
    s = plain(head)
    if len(s) > 120:  # a name is short: a long head holds none (and end-anchored scans of it cost its square)
        return None
    s = _TRAILING_WORDS.sub("", s)
    s = _HEAD_TAIL.sub("", s)
    return given_name(s) if s else None


def name_before(text: str) -> str | None:
    """The name that ends ``text`` (what stands before ``(link)`` in a sentence).

    Capitalised or made-up words are taken back to the first ordinary one, at
    most three; none when a word like ``by`` shows a person comes before.

    >>> name_before("现有方法，如 Sparse VideoGen"), name_before("We compare with Chameleon")
    ('Sparse VideoGen', 'Chameleon')
    >>> name_before("the work by Wang"), name_before("Making LLaMA SEE and Draw with SEED Tokenizer")
    (None, None)
    """
    m = _NAME_RUN.search(text)
    if not m:
        return None
    words = m.group(1).split()
    taken: list[str] = []
    while words and (words[-1][0].isupper() or words[-1][0].isdigit() or looks_made_up(words[-1])):
        taken.insert(0, words.pop())
    if not taken or len(taken) > 3 or (words and words[-1].lower() in _PERSON_CUE):
        return None
    if len(words) >= 2 and words[-1].islower() and words[-2][:1].isupper():
        return None  # the tail of a Title Case title: "... Draw with SEED Tokenizer"
    return given_name(" ".join(taken))
