"""What one line of notes says: the papers it names, their titles, names, authors,
venues and years, and whether it is about them or cites them in a sentence.

:func:`analyse` reads a line once: paper ids in links (markdown, HTML, bare
URLs, reStructuredText and org-mode ones), ``arXiv:``/``DOI:`` text, GitHub
repos and ``#anchor`` links, its plain text, and whether the ids *stand alone*
(a list item, a label line, a row of links) or are cited *inline* in a
sentence; then what stands around a standalone paper gives its title and byline
(:func:`_classify`).  :mod:`citegraph.lists.markdown` reads a document's lines
with it; the rules are documented in :mod:`citegraph.lists.reader`.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from citegraph.lists.entry import ID_FIELDS
from citegraph.text.ids import (
    IdError,
    doi_ids,
    find_doi,
    github_repo,
    paper_ids_in_url,
    parse_arxiv_id,
    parse_doi,
    parse_s2_id,
)
from citegraph.lists.text import (
    DATE_TAG,
    NEW_PAPER,
    AUTHOR_SEP,
    BARE_URL,
    GENERIC_LINK_TEXT,
    HTML_A,
    HTML_TAG,
    MD_IMAGE,
    MD_LINK,
    apa_citation,
    clean_title,
    coined_name,
    dated_title,
    given_name,
    looks_coined,
    head_name,
    ieee_citation,
    inverted_names,
    is_label_only,
    italic_authors,
    looks_like_title,
    name_before,
    names_line,
    paper_page,
    parted_fields,
    people,
    plain,
    names_colon_title,
    names_first_citation,
    segmented_citation,
    vancouver_citation,
    short_citation,
    split_label,
    styled_citation,
    title_dash_byline,
    title_then_names,
    strip_line_markers,
    title_by_authors,
    title_then_byline,
    venue_tag,
    venue_name,
    venue_year,
    without_lead_symbols,
    without_symbols,
    written_byline,
    written_citation,
)
from citegraph.text.matching import matches

__all__ = [
    "AUTHOR_LABELS", "BR", "ITEM_START", "LINK_TEXT", "LOCAL_PAGE", "TEXT_ARXIV", "TITLE_LABELS", "VENUE_LABELS",
    "YEAR_LABELS", "Line", "Ref", "analyse", "is_id_text", "labelled_cells", "labelled_fields", "link_venue",
    "name_dash_title", "piped_item", "work_text",
]

TITLE_LABELS = frozenset(
    ["title", "paper title", "论文标题", "论文题目", "论文名称", "论文名", "题目", "标题", "论文",
     "技术报告", "technical report", "paper name"]
)
AUTHOR_LABELS = frozenset(["authors", "author", "作者", "论文作者"])
VENUE_LABELS = frozenset(
    ["published in", "venue", "conference", "journal", "发表于", "发表", "会议", "期刊", "收录", "收录会议", "发表会议",
     "发表期刊", "会议/期刊"]
)
YEAR_LABELS = frozenset(["year", "年份", "发表年份"])
_LABEL_WORDS = TITLE_LABELS | GENERIC_LINK_TEXT  # what a list labels a paper's parts with
ARXIV_LABELS = frozenset(["arxiv", "arxiv id", "arxiv 编号", "arxiv号", "arxiv 号"])
DOI_LABELS = frozenset(["doi"])
_BOLD_HEAD = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:" + DATE_TAG + r"\s*)?(\*\*|__)(.+?)\1")
ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
# "arXiv:2401.00001", and "arXiv 2401.00001" (a new-style id only: "arXiv 2023." is a venue), and
# Semantic Scholar's citation's "ArXiv, abs/2401.00001" (or "arXiv abs/2401.00001")
TEXT_ARXIV = re.compile(
    r"(?<![\w/.])arxiv(?:\s*[:：]\s*((?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)"
    r"|\s+(\d{4}\.\d{4,5}(?:v\d+)?)(?![\d.])|\s*,?\s*abs/(\d{4}\.\d{4,5}(?:v\d+)?)(?!\d|\.\d))",
    re.I,
)
_SPACED_ARXIV = re.compile(r"arxiv\s+\d{4}\.\d{4,5}")
# a labelled DOI is a whole token: "<", ">" and ";" may be part of it (10.1175/...020<0130:DNF>2.0.CO;2)
_TEXT_DOI = re.compile(r"(?<![\w/])doi\s*[:：]\s*(10\.\d{4,9}/[^\s\"'，。；、）】》|]+)", re.I)
_ID_TRAILING = ".,;:!?)]}>"
_TEXT_CORPUS = re.compile(r"(?<![\w/])corpus\s?id\s*[:：]\s*\d+(?![\w.])", re.I)
# Ids the text tries to give but gets wrong ("arXiv:2407.0613", "DOI: 10.1145", "CorpusId: 12x"):
# looked for once the good ones are masked.
_ID_END = r"[^\s\0\"'<>，。；、）】》|,;)]"  # (NUL: a paper masked already)
_BAD_TEXT_IDS = (
    ("arxiv", re.compile(r"(?<![\w/.])arxiv\s*[:：]\s*(\d{4}\.\d+[\w.]*)", re.I),
     "arXiv ID {!r} is not an arXiv identifier"),
    ("doi", re.compile(rf"(?<![\w/])doi\s*[:：]\s*(10\.{_ID_END}*)", re.I), "DOI {!r} is not a DOI"),
    # the id needs a digit: "CorpusId: see below" is no try at one
    ("corpus", re.compile(rf"(?<![\w/])corpus\s?id\s*[:：]\s*((?={_ID_END}*\d){_ID_END}+)", re.I),
     "CorpusId {!r} is not a Semantic Scholar corpus id"),
)
# a model's name, then its paper's title in brackets, then perhaps a note: "**WidgetMem**（Title）：note"
_NAME_THEN_TITLE = re.compile(
    r"^\s*(?:\*\*|__)?([^\s*_()（）:：][^*_()（）:：]{0,38}?)(?:\*\*|__)?\s*[(（]([^()（）]{8,300})[)）]"
    r"\s*(?:[:：,，\-–—]\s*(.*?))?\s*$"
)
_INLINE_FIELD = re.compile(r"\[([^\[\]:]{1,20})::\s*([^\[\]]{0,200})\]")
_FIELD_OPENING = re.compile(r"\[[^\[\]:]{1,20}::\s*$")  # "[arxiv:: " before the link it holds
_STAR_COUNT = re.compile(r"[⭐🌟★]\ufe0f?\s*[\d.,]+\s*[kK]?")
_ARXIV_CATEGORY = re.compile(
    r"\[\s*(?:cs|stat|eess|math|econ|q-bio|q-fin|physics|astro-ph|cond-mat|quant-ph|nlin|gr-qc|hep-[a-z]+)"
    r"(?:\.[A-Za-z-]+)?\s*\]"
)
# a title label inside a sentence of Chinese notes, its value up to the next clause
_INLINE_TITLE_LABEL = re.compile(
    r"[，,；;。]\s*(?:论文标题|论文题目|论文名称|论文名|标题|题目)\s*[:：]\s*([^，；。:：\0]{3,300})"
)
LOCAL_PAGE = re.compile(r"(?:\.{1,2}/)?(?:[\w.-]+/)*(?:[\w.-]+\.md|[\w.-]+/)$")  # a note of the list's: ./notes/x.md
_NOT_ASCIIDOC_TEXT = re.compile(r"[\0\[\]()<>]|://")  # what an AsciiDoc link's text ("url[Title]") never holds
_SCHEMELESS_ARXIV = re.compile(
    r"(?<![\w/.@])(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/[^\s<>\"'\[\]()（）【】《》，。；、|]+", re.I
)
_DATE_CELL = re.compile(r"((?:19|20)\d\d)(?:[-/.](?:0[1-9]|1[0-2]))?(?:[-/.]\d\d)?")
# a link text that cites a paper without its title: its authors and year ("Hu et al. (2023)",
# "Rozado (2024)"), or its venue ("ACL 2023 Outstanding paper", "CVPR 2024 Oral")
_CITES_NO_TITLE = re.compile(
    r"(?i)\bet al\b|^[^\W\d][\w'’.\-]*(?: (?:and|&) [^\W\d][\w'’.\-]*)?,? [(（]?(?:19|20)\d\d[a-z]?[)）]?$"
    r"|^(?:cvpr|iccv|eccv|neurips|nips|icml|iclr|aaai|ijcai|acl|emnlp|naacl|coling|kdd|www|sigir|siggraph|wacv|bmvc"
    r"|icra|iros|tmlr|jmlr|tpami|ijcv)(?:[\s'’-]*(?:19|20)?\d\d)\b(?:\s+\w+){0,3}$"
)
# what a masked link leaves in its brackets (and masked links' separators: "([A](u), [B](v))")
_EMPTY_BRACKETS = re.compile(r"[\[(（【][\s,;，；、]*[\])）】]")
_LOST_H = re.compile(r"(?<![\w/])ttps?://")
_LINK_HINT = re.compile(r"http|\]\(|arxiv|doi|corpus|www\.|href|github|abs/", re.I)
# Characters that re.I also matches to an ASCII letter of those words
# (dotless/dotted i, long s, Kelvin sign): only lines holding one need the regex.
_FOLDS_TO_ASCII = ("\u0131", "\u017f", "\u0130", "\u212a")
_HREF = re.compile(r"\bhref\s*=\s*[\"']([^\"']+)[\"']", re.I)


@dataclass(slots=True)
class Ref:
    """One paper a line names: its ids and, when the line gives one, its title.

    Its ids are fields, not a dict (a dict of one id is 200 bytes: on a line
    of thousands of links, most of what its papers took)."""

    arxiv: str | None = None
    doi: str | None = None
    s2_id: str | None = None
    title: str | None = None
    pos: int = 0  # where on the line it was named: refs keep reading order
    name: str | None = None  # the model name the list gives it ([Janus](url), "FVDM 论文：url")
    venue: str | None = None  # "KDD 2019." / "arXiv 2023," between its title and its link
    year: int | None = None
    authors: list[str] | None = None

    @property
    def ids(self) -> dict[str, str]:
        """The ids it has, by kind (a new dict)."""
        return {k: v for k in ID_FIELDS if (v := getattr(self, k))}

    def has(self, kind: str) -> bool:
        return bool(getattr(self, kind))

    @property
    def identified(self) -> bool:
        return bool(self.arxiv or self.doi or self.s2_id)


@dataclass(slots=True)
class Line:
    no: int
    refs: list[Ref] = field(default_factory=list)
    standalone: bool = False
    repos: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    text: str = ""
    prose: bool = False  # text that is not only labels and links
    note: str = ""  # what a list item says after its paper link
    warnings: list[str] = field(default_factory=list)
    badge: tuple[str | None, int] | None = None  # a venue badge's (venue, year): ![](.../badge/CVPR-2024-blue)
    # kind → id → its ref; kind → refs without one, in order, and how far they were searched
    # (while the line is analysed: let go after)
    index: dict[str, dict[str, Ref]] | None = None
    lacking: dict[str, list[Ref]] | None = None
    lack_at: dict[str, int] | None = None


class _Spans:
    """Parts of a line to mask, as :func:`analyse` finds them: a paper's
    become NUL runs, other links' spaces.  Held in arrays and applied a few
    hundred at a time: a tuple a span and two strings a span held until one
    join were over 6 times a line of thousands of links."""

    __slots__ = ("starts", "ends", "papers", "in_order")

    def __init__(self) -> None:
        self.starts, self.ends, self.papers = array("q"), array("q"), bytearray()
        self.in_order = True  # (one pattern's matches come in order: sorted only when not)

    def add(self, start: int, end: int, paper: bool) -> None:
        if self.starts and start < self.starts[-1]:
            self.in_order = False
        self.starts.append(start)
        self.ends.append(end)
        self.papers.append(paper)

    def apply(self, text: str) -> str:
        """``text`` with the spans added since the last call masked; overlaps are masked once.

        >>> spans = _Spans()
        >>> spans.add(6, 9, False); spans.add(0, 4, True); spans.add(2, 7, False)  # out of order, overlapping
        >>> spans.apply("abcdefghij").replace("\\0", "#").replace(" ", "_"), spans.apply("abc")  # applied once
        ('####_____j', 'abc')
        """
        starts, ends, papers = self.starts, self.ends, self.papers
        order: range | list[int] = range(len(starts))
        if not self.in_order:
            order = sorted(order, key=lambda i: (starts[i], ends[i], not papers[i]))  # a paper's first
        done: list[str] = []  # joined every 512 pieces, so that pieces never pile up
        out: list[str] = []
        at = 0
        for i in order:
            start, end = max(starts[i], at), ends[i]
            if end <= start:
                continue
            out.append(text[at:start])
            out.append(("\0" if papers[i] else " ") * (end - start))
            at = end
            if len(out) >= 512:
                done.append("".join(out))
                out.clear()
        del starts[:], ends[:], papers[:]
        self.in_order = True
        if not done and not out:
            return text
        out.append(text[at:])
        done.append("".join(out))
        return "".join(done)


def _merge_into(
    info: Line, ids: dict[str, str], title: str | None, pos: int = 0, name: str | None = None
) -> Ref:
    """Add a token's ids to the line's refs (the ref they went to): same id → same ref; an untitled id
    of a kind a ref lacks joins it (``[Paper](arxiv) [DOI](doi)`` is one paper).

    Indexed, so that a line of thousands of links is read in linear time."""
    if info.index is None:
        info.index, info.lacking, info.lack_at = {}, {}, {}
    assert info.lacking is not None
    for k, v in ids.items():
        ref = info.index[k].get(v) if k in info.index else None
        if ref is not None:
            _add_ids(info, ref, ids)
            if title and not ref.title:
                ref.title = title
            ref.name = ref.name or name
            ref.pos = min(ref.pos, pos)
            return ref
    if not title and not name:
        # (a ref without ids is a malformed link's: this id may be the same paper's)
        ref = _first_open(info, ids)
        if ref is not None:
            _add_ids(info, ref, ids)
            ref.pos = min(ref.pos, pos)
            return ref
    new = Ref(title=title, pos=pos, name=name)
    _add_ids(info, new, ids)
    info.refs.append(new)
    for k, refs in info.lacking.items():
        if not new.has(k):
            refs.append(new)
    return new


def _open_for(ref: Ref, ids: dict[str, str]) -> bool:
    return (ref.title is None or not ref.identified) and not any(ref.has(k) for k in ids)


def _first_open(info: Line, ids: dict[str, str]) -> Ref | None:
    """The first ref an untitled id may join (see :func:`_merge_into`).  For one
    id kind, a pointer that only moves forward: a ref that stops being open
    (it gains the kind, or a title and ids) never opens again."""
    if len(ids) != 1:
        return next((ref for ref in info.refs if _open_for(ref, ids)), None)
    (k,) = ids
    assert info.lacking is not None and info.lack_at is not None
    refs = info.lacking.get(k)
    if refs is None:  # listed from the first time they are asked for: most lines never ask
        refs = info.lacking[k] = [ref for ref in info.refs if not ref.has(k)]
    i = info.lack_at.get(k, 0)
    while i < len(refs) and not _open_for(refs[i], ids):
        i += 1
    info.lack_at[k] = i
    return refs[i] if i < len(refs) else None


def _add_ids(info: Line, ref: Ref, ids: dict[str, str]) -> None:
    for k, v in ids.items():
        if not ref.has(k):
            setattr(ref, k, v)
            assert info.index is not None
            info.index.setdefault(k, {}).setdefault(v, ref)


def _link_hint(raw: str, low: str) -> bool:
    """``_LINK_HINT.search(raw)``, by substring tests (several times faster on long lines)."""
    if (
        "](" in raw or "http" in low or "arxiv" in low or "doi" in low or "www." in low
        or "href" in low or "github" in low or "corpus" in low or ("abs/" in low and "corr" in low)
    ):
        return True
    if raw.isascii() or not any(c in raw for c in _FOLDS_TO_ASCII):
        return False
    return _LINK_HINT.search(raw) is not None


def _colon_after(low: str, word: str) -> bool:
    """Whether ``word`` is followed, after optional spaces, by ``:`` or ``：``
    somewhere in ``low``: the cheap half of ``word\\s*[:：]``."""
    i = low.find(word)
    n = len(low)
    while i >= 0:
        j = i + len(word)
        while j < n and low[j].isspace():
            j += 1
        if j < n and low[j] in ":：":
            return True
        i = low.find(word, i + 1)
    return False


# an item opening with a bare new-style arXiv id ("- 2306.07890 - Title"; elsewhere a bare number is no id)
# a line opening with a bare id before a dash ("2306.07890 - Title - Ann Lee": arxiv-sanity's export)
# a model's name set off from its title by its team in brackets and a colon, or by a dash
_NAME_SET_OFF = re.compile(
    r"^\s*([^\s()（）:：]{2,30})\s*(?:[(（]([^()（）]{1,40})[)）]\s*[:：]|[—–]\s)\s*(.{8,300}?)[\s—–]*$"
)
# a model's one-word name, a spaced dash, then its title (no bold needed: the name must be one, see given_name)
# (perhaps bold, perhaps with its venue in brackets: "1. **HWT** (CVPR 2024) - Title")
_NAME_DASH_TITLE = re.compile(
    r"^\s*(?:\*\*|__)?([^\s()（）:：*_]{2,30})(?:\*\*|__)?(?:\s*[(（]([^()（）]{2,40})[)）])?\s+[-—–]\s+(.{8,300}?)[\s:：—–]*$"
)
_LEAD_BRACKETED_NAME = re.compile(r"(?:【([^【】\s]{2,30})】|\[([^\[\]\s]{2,30})\](?=\s))\s*")
_BRACKETED = re.compile(r"[(（]([^()（）]{4,120})[)）]")
_CLAUSES = re.compile(r"[，,；;、]")
_PAREN_NAME = re.compile(r"^\s*[(（]([^()（）\0]{2,30})[)）]")  # a name in brackets right after its paper's link
_PROJECT_PAGE = re.compile(r"(?:https?://)?[\w-]+\.github\.io(?:/[^\s]*)?$", re.I)  # a paper's project page
_LEADING_BARE_ID = re.compile(r"^\s*(\d{4}\.\d{4,5})(?:v\d+)?(?=\s+[-–—|]\s)")
_LEADING_ID = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(\d{4}\.\d{4,5})(?:v\d+)?(?=[\s.,:;)\]]|$)")
_LENTICULAR_LABEL = re.compile(r"【([^【】\n]{1,12})】")
_LINK_LABEL_END = re.compile(r"(?:\s+|(?<=[》」』】\]]))([^\s:：》」』】]{1,12})\s*[:：]\s*$")
# a Chinese label right after a title, no blank between ("论文标题:Title论文链接:url")
_GLUED_LABEL_END = re.compile(r"(?<=[A-Za-z0-9.)?!])([\u3400-\u9fff]{1,8})\s*[:：]\s*$")
_HTML_ITALIC = re.compile(r"</?(?:i|em)>")
# links as reStructuredText (`Title <url>`_), org-mode ([[url][Title]]), MediaWiki ([url Title])
# and LaTeX (\href{url}{Title}) write them
_RST_LINK = re.compile(r"`([^`<>\n]{1,400}?)\s*<((?:https?://|www\.)[^<>\s`]{1,2000})>`_{1,2}")
_ORG_LINK = re.compile(r"\[\[((?:https?://|www\.)[^\[\]\s]{1,2000})\](?:\[([^\[\]\n]{1,400})\])?\]")
_WIKI_LINK = re.compile(r"(?<![\[\w])\[(https?://[^\[\]\s]{1,2000})\s+([^\[\]\n]{1,400})\](?![(\[])")
_TEX_ITEM = re.compile(r"^(\s*)\\item\b\s*")
_TEX_HREF = re.compile(r"\\href\s*\{([^{}\s]{1,2000})\}\s*\{([^{}\n]{1,400})\}")


# a Hugo/Jekyll shortcode with a paper's attributes ({{< paper title="Title" url="https://..." >}})
_CORR_ABS = re.compile(r"\bCoRR,?\s+abs/(\d{4}\.\d{4,5}(?:v\d+)?)(?![\d])", re.I)
_HUGO_SHORTCODE = re.compile(r"\{\{[<%]\s*[\w/-]{1,40}((?:\s+[\w-]{1,30}\s*=\s*\"[^\"{}]{0,2000}\")+)\s*[>%]\}\}")
_ATTRIBUTE = re.compile(r"([\w-]{1,30})\s*=\s*\"([^\"]*)\"")
_URL_ATTRIBUTES = ("url", "link", "href", "paper", "arxiv", "pdf")


_IMAGE_LINK = re.compile(r"\[!\[([^\[\]\n]{8,300})\]\([^()\s]{1,2000}\)\]\(")


def _alt_as_text(m: re.Match[str]) -> str:
    """A linked image as a link whose text is the image's alt text, when that reads as a title."""
    return f"[{m.group(1)}](" if looks_like_title(m.group(1), strict=True) else m.group(0)


def _shortcode_link(m: re.Match[str]) -> str:
    """A shortcode as the markdown link its attributes give (itself when they give none)."""
    attrs = {k.lower(): v.strip() for k, v in (a.groups() for a in matches(_ATTRIBUTE, m.group(1)))}
    url = next((attrs[k] for k in _URL_ATTRIBUTES if attrs.get(k)), None)
    return f"[{attrs.get('title', '')}]({url})" if url else m.group(0)


def work_text(raw: str) -> str:
    """The line as :func:`analyse` reads it (its refs' ``pos`` are places in it):
    without bold marks, with the ``h`` a copied ``ttps://`` link lost, and with
    reStructuredText, org-mode, MediaWiki and LaTeX links and Hugo shortcodes written as markdown ones.

    >>> work_text("* [https://arxiv.org/abs/2401.05432 Widget Nets] and \\\\href{https://a.org}{Gadgets}")
    '* [Widget Nets](https://arxiv.org/abs/2401.05432) and [Gadgets](https://a.org)'
    >>> work_text('{{< paper title="Widget Nets" url="https://a.org" >}}')
    '[Widget Nets](https://a.org)'
    """
    work = raw
    if ">`_" in work:  # (before bold marks go: an anonymous one ends in "__")
        work = _RST_LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", work)
    work = work.replace("**", "").replace("__", "")
    if "【" in work:  # "【论文】Title【链接】url": labels in lenticular brackets, as "论文：" writes them
        work = _LENTICULAR_LABEL.sub(lambda m: f" {m.group(1)}：" if m.group(1).lower() in _LABEL_WORDS else m.group(0),
                                     work)
    if "<i>" in work or "<em>" in work:  # "<i>Title</i>, Ann Lee": an HTML list's italics, as markdown's
        work = _HTML_ITALIC.sub("*", work)
    if "ttp" in work:
        work = _LOST_H.sub("https://", work)
    if "[[" in work and ("][" in work or "]]" in work):
        work = _ORG_LINK.sub(lambda m: f"[{m.group(2) or ''}]({m.group(1)})", work)
    if "｜" in work:
        work = work.replace("｜", "|")  # ("Title ｜ 2024.03 ｜ url": full-width bars part cells as bars do)
    if "[http" in work:
        work = _WIKI_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", work)
    if "[![" in work:
        work = _IMAGE_LINK.sub(_alt_as_text, work)  # "[![Title](teaser.png)](url)": the image's alt text titles it
    if "{{" in work and "=" in work:
        work = _HUGO_SHORTCODE.sub(_shortcode_link, work)
    if "abs/" in work and "corr" in work.lower():
        work = _CORR_ABS.sub(lambda m: f"arXiv:{m.group(1)}", work)  # dblp's "CoRR abs/2401.00001": arXiv's id
    if "\\href" in work:
        work = _TEX_HREF.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", work)
        work = _TEX_ITEM.sub(lambda m: m[1] + "- ", work, count=1)  # "\\item \\href{url}{Title}": a list item
    return work


def analyse(raw: str, no: int, table: bool = False, pages: bool = True) -> Line:
    """Everything the reader needs to know about one line (a table row's
    cells are read by :meth:`_Reader._table_row`, not as one sentence).

    A link to a paper's page that holds no id (:func:`paper_page`) names a
    paper of its own, known by its title; an untitled id after it joins it
    (``[AlexNet](nips page) [citations](semanticscholar id)``: one paper, so
    named).  A page left beside a paper of other ids is that paper's other
    link: the line is read again without pages (``pages=False``)."""
    info = Line(no)
    low = raw.lower()
    leading = None
    if raw[:12].lstrip()[:1] in "-*+0123456789":
        leading = _LEADING_ID.match(raw) or _LEADING_BARE_ID.match(raw)
    if not _link_hint(raw, low) and leading is None:  # most notes lines: text only
        info.text = plain(raw)
        info.prose = bool(info.text) and not is_label_only(info.text, is_plain=True)
        return info
    work = work_text(raw)
    # Each pattern below runs only where the text it needs is present (their
    # scans of long notes lines were most of the reading time); case folds
    # that only re.I knows (long s, dotless i, ...) send a line through them all.
    wlow = low if work is raw else work.lower()  # (replace gives back the same string when nothing changed)
    folds = not raw.isascii() and any(c in raw for c in _FOLDS_TO_ASCII)
    md_links, images, tags = "](" in work, "![" in work, "<" in work and "href" in low
    bare_urls = folds or "http" in wlow or "www." in wlow
    arxiv_urls = folds or "arxiv.org/" in wlow
    words = {w: w in wlow for w in ("arxiv", "doi", "corpus")}  # (the work text's: "CoRR abs/ID" is arXiv's)
    labelled = {w: words[w] and (folds or _colon_after(wlow, "id" if w == "corpus" else w)) for w in words}
    if words["arxiv"] and not labelled["arxiv"] and (_SPACED_ARXIV.search(wlow) or "abs/" in wlow):
        labelled["arxiv"] = True  # "arXiv 2401.00001", "ArXiv, abs/2401.00001"
    del low, wlow  # copies of the line (it can be megabytes): what they tell is above

    # Paper tokens become NUL runs so later patterns skip them; other links
    # (code, pages, images) become spaces: neither counts as prose.
    buf = [work]
    del work
    spans = _Spans()

    mask = spans.add

    def flush() -> None:
        buf[0] = spans.apply(buf[0])

    def url_ids(url: str) -> dict[str, str] | None:
        """The link's paper ids; ``None`` for a malformed link to an id page."""
        try:
            return paper_ids_in_url(url)
        except IdError as exc:
            info.warnings.append(str(exc))
            return None

    page_refs: list[Ref] = []

    def take_url(url: str, text: str | None, start: int, end: int, before: str = "") -> None:
        if url.startswith("#"):
            info.anchors.append(url[1:])
            mask(start, end, False)
            return
        ids = url_ids(url)
        if ids is None:  # still a paper of its own: title-only, or none, but never its neighbour's
            _broken_ref(info, text, start)
            mask(start, end, True)
            return
        if ids:
            _link_ref(info, ids, text, start)
        elif pages and paper_page(url, text, before) and (not info.refs or any(_link_text(text))):
            # (an untitled page after a paper on the line is that paper's other link)
            before_refs = len(info.refs)
            _link_ref(info, {}, text, start)  # a paper with no id: known by its title
            page_refs.extend(info.refs[before_refs:])
            mask(start, end, True)
            return
        else:
            repo = github_repo(url)
            if repo and repo not in info.repos:
                info.repos.append(repo)
        mask(start, end, bool(ids))

    if md_links:
        if images:
            for m in matches(MD_IMAGE, buf[0]):
                mask(m.start(), m.end(), False)
                if info.badge is None and "shields.io/badge/" in m.group(0):
                    info.badge = _badge_venue(m.group(0))
            flush()
        for m in matches(MD_LINK, buf[0]):
            url = _unescape_url(m.group(2))
            project = _PROJECT_PAGE.match(url) and len(m.group(1).split()) >= 3 and looks_like_title(
                clean_title(m.group(1)), strict=True)
            if (LOCAL_PAGE.match(url) or project) and looks_like_title(clean_title(m.group(1))):
                # "[Title](./notes/title.md)", "[Title](https://widget.github.io/)": a page of the list's
                # own or the paper's project page, no paper; its text stays, a title the line may give
                mask(m.start(), m.start(1), False)
                mask(m.end(1), m.end(), False)
                continue
            take_url(url, m.group(1), m.start(), m.end())
        flush()
    if tags:
        for m in matches(HTML_A, buf[0]):
            take_url(_unescape_url(m.group(1)), HTML_TAG.sub("", m.group(2)), m.start(), m.end())
        flush()
        for m in matches(_HREF, buf[0]):
            take_url(_unescape_url(m.group(1)), None, m.start(), m.end())
        flush()
    for pattern, wanted in ((BARE_URL, bare_urls), (_SCHEMELESS_ARXIV, arxiv_urls)):
        if not wanted:
            continue
        for m in matches(pattern, buf[0]):
            url = _glued_off(m.group(0).rstrip(".,;:!?'\""))
            end, text = m.start() + len(url), None
            if buf[0][end:end + 1] == "[" and (close := buf[0].find("]", end, end + 400)) > end + 1 and (
                    not _NOT_ASCIIDOC_TEXT.search(buf[0], end + 1, close)) and buf[0][close + 1:close + 2] != "(":
                text, end = buf[0][end + 1:close], close + 1  # AsciiDoc's link: "https://arxiv.org/abs/ID[Title]"
            start = m.start()
            if buf[0][max(0, start - 5):start] == "\\url{" and buf[0][end:end + 1] == "}":
                start, end = start - 5, end + 1  # LaTeX's \url{...}: the command goes with its link
            take_url(url, text, start, end, buf[0][max(0, start - 60):start])
        flush()
    if labelled["arxiv"]:
        for m in matches(TEXT_ARXIV, buf[0]):
            arxiv = parse_arxiv_id(m.group(1) or m.group(2) or m.group(3))
            if arxiv:
                _merge_into(info, {"arxiv": arxiv}, None, m.start())
                mask(m.start(), m.end(), True)
        flush()
    if labelled["doi"]:
        for m in matches(_TEXT_DOI, buf[0]):
            found = find_doi(m.group(1), whole=True)
            doi = parse_doi(found[0], whole=True) if found else None  # (percent-decoded, lower case)
            if found and doi:
                _merge_into(info, doi_ids(doi), None, m.start())
                end = m.start(1) + found[2]  # the DOI, and the punctuation closing the sentence after it
                end += len(m.group(1)[found[2]:]) - len(m.group(1)[found[2]:].lstrip(_ID_TRAILING))
                mask(m.start(), end, True)
        flush()
    if words["corpus"]:
        for m in matches(_TEXT_CORPUS, buf[0]):
            s2 = parse_s2_id(m.group(0))
            if s2:
                _merge_into(info, {"s2_id": s2}, None, m.start())
                mask(m.start(), m.end(), True)
        flush()
    for word, pattern, message in _BAD_TEXT_IDS:
        if labelled[word]:
            for m in matches(pattern, buf[0]):
                info.warnings.append(message.format(m.group(1)[:60]))
                _broken_ref(info, None, m.start())
                mask(m.start(), m.end(), True)
            flush()
    if words["arxiv"] or words["doi"]:
        _labelled_ids(buf[0], info, mask)
        flush()
    if leading is not None and (arxiv := parse_arxiv_id(leading.group(1))):  # "- 2306.07890 - Title"
        _merge_into(info, {"arxiv": arxiv}, None, leading.start(1))
        mask(leading.start(1), leading.end(1), True)
        flush()
    if any(not r.identified for r in page_refs) and any(r.identified for r in info.refs):
        return analyse(raw, no, table, pages=False)  # (a page that joined an id is that paper's: kept)
    info.index = info.lacking = info.lack_at = None  # the refs are made
    masked = buf[0]
    del buf[:]
    info.refs.sort(key=lambda r: r.pos)
    if "(" in masked or "（" in masked:
        _names_before_parens(masked, info.refs)

    prose = not is_label_only(masked.replace("\0", " "))
    if info.refs and not table:
        _classify(masked, info, raw)
    del masked  # (a copy of the line) before the plain text is made
    info.text = plain(raw)
    info.prose = bool(info.text) and prose
    return info


def _lead_name(text: str) -> tuple[str | None, str]:
    """The model's name ``text`` opens with in brackets, and the rest: ``【Name】Title``, or
    ``[Name] Title`` when the name looks made up (square brackets hold many other things).

    >>> _lead_name("【GadgetCoT】Widget Nets"), _lead_name("[Survey] Widget Nets")
    (('GadgetCoT', 'Widget Nets'), (None, '[Survey] Widget Nets'))
    """
    opening = _LEAD_BRACKETED_NAME.match(text) if text[:1] in "【[" else None
    if opening is None or venue_year(bracketed := opening.group(1) or opening.group(2)):
        return None, text
    name = given_name(bracketed)
    if name is None or not (opening.group(1) or looks_coined(name)):
        return None, text
    return name, text[opening.end():]


def name_dash_title(text: str) -> tuple[str, str, tuple[str | None, int] | None] | None:
    """``(name, title, (venue, year) or None)`` of a model's name (:func:`given_name`: no ordinary
    word), perhaps bold, perhaps with its venue in brackets, a spaced dash, then its title.

    >>> name_dash_title("**HWT** (CVPR 2024) - Widget Tokens for Gadgets")
    ('HWT', 'Widget Tokens for Gadgets', ('CVPR', 2024))
    >>> name_dash_title("Survey - Widget Tokens for Gadgets") is None
    True
    """
    if not (named := _NAME_DASH_TITLE.match(text)) or not (given := given_name(named.group(1))):
        return None
    title = clean_title(named.group(3))
    dated = venue_year(named.group(2)) if named.group(2) else None
    if not looks_like_title(title, strict=True) or (named.group(2) and not dated):
        return None
    return given, title, dated


def _glued_off(url: str) -> str:
    """A bare paper url without what a comma, a semicolon or a brace glued to it (``.../abs/2406.05678,2024``
    in a comma-separated line, LaTeX's ``\\url{.../abs/2406.05678}``); other urls, which may hold
    them, as they are."""
    cut = min((i for i in (url.find(","), url.find(";"), url.find("}")) if i > 0), default=-1)
    if cut < 0:
        return url
    try:
        paper_ids_in_url(url)
        return url
    except IdError:
        try:
            return url[:cut] if paper_ids_in_url(url[:cut]) else url
        except IdError:
            return url


def _link_ref(info: Line, ids: dict[str, str], text: str | None, pos: int) -> None:
    """A paper link's ref: titled by its link text when that is a title, else
    named by it (``[Chameleon](url)``: a one-word link text names the model),
    or dated by it when it is a venue and year (``[CVPR 2024](url)``)."""
    title, name = _link_text(text)
    dated = None
    if title and title[-1:] in (")", "）") and (split := dated_title(title))[1] and split[1][0] is None:
        title, dated = split  # "[Title (2024)](url)": the year the list gives it (a venue's name is the link's)
    ref = _merge_into(info, ids, title, pos, name)
    if title is None and name is None and text and (vy := venue_year(text)) and vy[0]:
        ref.venue, ref.year = ref.venue or vy[0], ref.year or vy[1]
    if dated:
        ref.venue, ref.year = ref.venue or dated[0], ref.year or dated[1]


def _link_text(text: str | None) -> tuple[str | None, str | None]:
    """``(title, name)`` a paper link's text gives (see :func:`_link_ref`)."""
    if text is None:
        return None, None
    t = clean_title(text)
    if _SHORTCODE.fullmatch(t):
        return None, None  # "[:page_facing_up:](url)": an emoji written as its name
    if looks_like_title(t) and not is_id_text(t) and not _CITES_NO_TITLE.search(t) and not _PREPRINT_TEXT.match(t):
        return t, None
    return None, given_name(t) or coined_name(t)  # [BERT](url): the paper that coined it


# "[arxiv preprint](url)", "[arXiv v2](url)", "[PDF v3](url)": no title
_PREPRINT_TEXT = re.compile(r"(?i)^(?:arxiv\s+)?(?:preprint|paper)(?:\s+arxiv)?$|^(?:arxiv|pdf|paper)\s*v\d{1,2}$")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]{2,40}:?")  # (clean_title took the closing colon)


def _broken_ref(info: Line, text: str | None, pos: int) -> None:
    """A paper whose id is malformed: a ref without ids (see :func:`_link_ref`).
    It keeps the item (and its notes) its own; a ref left with neither title
    nor ids names no paper and is dropped at the end."""
    _link_ref(info, {}, text, pos)


def _names_before_parens(masked: str, refs: list[Ref]) -> None:
    """``Sparse VideoGen（url）``, ``Janus ([paper](url))``: the name just before
    a bracket that holds nothing but the paper's link or id."""
    n = len(masked)
    for ref in refs:
        pos = ref.pos
        if ref.title or ref.name or pos >= n or masked[pos] != "\0":
            continue
        end = pos
        while end < n and masked[end] == "\0":
            end += 1
        before = masked[:pos].rstrip()
        after = masked[end:].lstrip()
        if before[-1:] not in ("(", "（") or after[:1] not in (")", "）"):
            continue
        name = name_before(before[-121:-1].replace("\0", " "))  # a name is short: no need to scan a long line
        if name:
            ref.name = name


def _labelled_ids(masked: str, info: Line, mask: Callable[[int, int, bool], None]) -> None:
    """``arXiv ID: 2103.00020`` / ``DOI: 10.x/y`` lines; a value that is no id is a warning."""
    lab = split_label(masked.replace("\0", " "))
    if not lab:
        return
    label, value = lab
    value = value.strip()
    if not value or label not in ARXIV_LABELS | DOI_LABELS:
        return
    pos = masked.find(value)
    if label in ARXIV_LABELS:
        arxiv = parse_arxiv_id(value.split()[0])
        if arxiv:
            _merge_into(info, {"arxiv": arxiv}, None)
        else:
            info.warnings.append(f"arXiv ID {value[:60]!r} is not an arXiv identifier")
    else:
        doi = parse_doi(value, whole=True)
        if doi:
            _merge_into(info, doi_ids(doi), None)
        else:
            info.warnings.append(f"DOI {value[:60]!r} is not a DOI")
    if not info.refs:  # a paper's id line, gone wrong: the item is still that paper's
        _broken_ref(info, None, max(pos, 0))
    if pos >= 0:
        mask(pos, pos + len(value), True)


# "... #planning #graphs" ending a line ("#多模态#": Weibo closes a topic with a second #), matched
# on the line reversed: one match anchored at its end (a search for the run going on to the end of
# the line started again from every tag of it, quadratic in a line of tags before other text)
_HASHTAGS_REVERSED = re.compile(r"\s*(?:#?[^\s#\0]*[^\s#\d\0]#\s+)++")
_TAIL = 4096  # characters of the line reversed first: the whole line only when its tags run further


def _hashtags_start(masked: str) -> int | None:
    """Where the hashtags ending ``masked`` start (the blank before the first), or ``None``.

    >>> s = "Widget Nets https://a.org #planning #多模态#"; s[_hashtags_start(s):], _hashtags_start("#1 #a x")
    (' #planning #多模态#', None)
    """
    if "#" not in masked[-_TAIL:]:
        return None
    tail = masked[-_TAIL:][::-1]
    m = _HASHTAGS_REVERSED.match(tail)
    if m is not None and m.end() == len(tail) and len(masked) > _TAIL:
        m = _HASHTAGS_REVERSED.match(masked[::-1])  # (tags all the way back: read the whole line)
    return len(masked) - m.end() if m is not None and m.end() > 0 and "#" in m.group(0) else None
_SHIELDS = re.compile(r"shields\.io/badge/([^/?#)\s\"']+)")


def _badge_venue(image: str) -> tuple[str | None, int] | None:
    """The venue and year a shields.io badge shows (``badge/CVPR-2024-blue``: label, message, colour)."""
    m = _SHIELDS.search(image)
    if m is None:
        return None
    parts = m.group(1).replace("--", "\0").split("-")[:-1]  # ("--" is a dash of the text; the colour goes)
    vy = venue_year(" ".join(p.replace("\0", "-").replace("_", " ") for p in parts))
    return vy if vy and vy[0] else None


def _classify(masked: str, info: Line, raw: str) -> None:
    """:func:`_read_line`, with hashtags ending the line kept apart (they are its
    paper's note), and a venue badge's venue given to a standalone paper."""
    at = _hashtags_start(masked) if "#" in masked else None
    tags = masked[at:] if at is not None else None
    if at is not None:
        masked = masked[:at]
    _read_line(masked, info, raw)
    if info.standalone and len(info.refs) == 1:
        if tags is not None:
            info.note = f"{info.note} {tags.strip()}".strip()
        ref = info.refs[0]
        if info.badge and ref.venue is None:
            ref.venue, ref.year = info.badge[0], ref.year or info.badge[1]


_PAPER_RUN = re.compile("\0+")
_BETWEEN_PAPERS = " ,;|·-–—()[]"


def _titles_between(masked: str, info: Line) -> bool:
    """A line of papers each after its own title, untitled links and nothing else
    (``**T1** [paper](u1) **T2** [paper](u2)``, ``- T1 ([arXiv](u1)), T2 ([arXiv](u2))``):
    each run of text titles the link after it.  Looked at link by link, given up at the
    first run that is no title (a line of thousands of bare links costs one look)."""
    first = clean_title(_EMPTY_BRACKETS.sub(" ", masked[:masked.find("\0")]).strip(_BETWEEN_PAPERS))
    if not (first[:1].isupper() and looks_like_title(first, strict=True)):
        return False  # (before the refs are sorted: most lines of many links fail here)
    refs = sorted(info.refs, key=lambda r: r.pos)
    if any(r.title is not None or r.name or not r.identified for r in refs):
        return False
    titles: list[str] = []
    at = 0
    for run in matches(_PAPER_RUN, masked):
        if len(titles) == len(refs):
            return False  # more links than papers (a paper's second link): not one title a link
        title = clean_title(_EMPTY_BRACKETS.sub(" ", masked[at:run.start()]).strip(_BETWEEN_PAPERS))
        if not (title[:1].isupper() and looks_like_title(title, strict=True)):
            return False
        titles.append(title)
        at = run.end()
    if len(titles) != len(refs) or masked[at:].strip(_BETWEEN_PAPERS + ".") or any(
            t.endswith((".", "。")) for t in titles):
        return False
    for ref, title in zip(refs, titles):
        ref.title = title
    info.standalone = True
    return True


def _read_line(masked: str, info: Line, raw: str) -> None:
    """Standalone (the line is about these papers) or inline (a sentence cites them).

    Standalone: nothing but labels around the paper links, or a title before
    one paper link (``**Title** [[Paper](url)]``, ``Title [pdf](url)``), or a
    list item that opens with its paper (``- [Title](url) - note``,
    ``- **Title** ([arXiv](url)), 2021. Note``) whose rest is the paper's note.
    Anything else cites the papers inside a sentence.
    """
    if len(info.refs) > 1 and _titles_between(masked, info):
        return
    first = masked.find("\0")
    last = masked.rfind("\0") + 1
    head = masked[:first]
    middle = masked[first:last].replace("\0", " ")
    tail = masked[last:]
    if "[" in tail:
        tail = _ARXIV_CATEGORY.sub(" ", tail)  # "Title. arXiv:ID [cs.CV]": arXiv's listing, no note
    if "⭐" in tail or "🌟" in tail or "★" in tail:
        tail = without_symbols(_STAR_COUNT.sub(" ", tail))  # "| ⭐ 1.2k | 🤗 Demo": the repository's stars, no note
    tabbed = "\t" in head.strip() and "|" not in head
    if tabbed:
        head = head.replace("\t", " | ")  # "Title<TAB>2024<TAB>CVPR<TAB>url": cells, as a sheet pastes them
    fields: list[tuple[str, str]] = []
    if "::" in head:  # Obsidian's inline fields: "Title [arxiv:: url] [year:: 2024]"
        head = _FIELD_OPENING.sub(" ", head)
        fields = [(m.group(1).strip().lower(), m.group(2).strip()) for m in matches(_INLINE_FIELD, tail)]
        tail = _INLINE_FIELD.sub(" ", tail).lstrip(" ]")
    lab = split_label(head + " x")
    labelled: list[tuple[str, str]] = []
    if lab and (lab[0] in TITLE_LABELS or (_NEW_PAPER_LABEL.fullmatch(lab[0]) and lab[1][:1] not in '"“')
                or (lab[0] == "paper" and "|" in lab[1] and labelled_cells(_without_link_label(lab[1][:-1]))[1])):
        # ("Paper: Title | Authors: A, B | Link: url": a paper label before labelled cells names the title)
        head = _without_link_label(lab[1][:-1])  # "标题：Title 链接：url"
        if "|" in head or "；" in head:  # "Title: T | Venue: CVPR 2024 | Link: url", "论文：T；作者：A, B；链接：url"
            head, labelled = labelled_cells(head)
    elif "|" in head and (parts := labelled_cells("|" + strip_line_markers(head)))[1] and not parts[0].strip():
        head, labelled = "", parts[1]  # "> 作者：A, B | 会议：CVPR 2024 | [论文](url)": the paper's parts, labelled
    elif (inline := _INLINE_TITLE_LABEL.search(head)) and len(info.refs) == 1:
        head = inline.group(1)  # "清华团队提出 X，论文标题：Title，论文地址：url": the label says which words
    elif (head.count("《") == 1 and len(info.refs) == 1 and _HAN.search(head[:head.find("《")])
          and (book := _BOOK_IN_SENTENCE.search(head)) and looks_like_title(clean_title(book.group(1)), strict=True)):
        head = book.group(1)  # "今天读了《Title》这篇论文（CVPR 2024），地址：url": the one title a sentence quotes
        if (said := book.group(2) or book.group(3)) and (vy := venue_year(said)):
            info.refs[0].venue, info.refs[0].year = vy
    elif (('"' in head or "“" in head) and len(info.refs) == 1 and (quoted := _QUOTED_AFTER_COLON.search(head))
          and looks_like_title(quoted.group(1), strict=True) and head.count('"') + head.count("“") <= 2):
        head = quoted.group(1)  # 'New paper: "Title" by @ann 👉 url': the title a sentence announces
    elif "》" in head or "」" in head:
        head = _without_link_label(head, glued=True)  # "《Title》论文地址：url"
    untitled = [r for r in info.refs if r.title is None]
    one_paper = len(info.refs) == 1
    if one_paper and (labelled or fields):
        labelled_fields(info.refs[0], labelled + fields)
    # "- **2016-02** | Title | *authors* | [Journal](doi)": when the links are the
    # last cell, after the title's, the row describes each and a link's text names its venue
    link_cell = head.rstrip().endswith("|") and "|" not in middle and not tail.strip(" |")
    piped = (one_paper or link_cell) and (untitled or link_cell) and head.count("|") >= 2 and (
        ITEM_START.match(raw) or tabbed or _DATE_CELL.fullmatch(head.split("|", 1)[0].strip()))  # "2024.05 | T | url"
    titled = [piped_item(head, ref) for ref in info.refs] if piped else []  # every ref gets the row's cells
    if titled and all(titled):
        info.standalone = True
        if link_cell:  # the cells after the title's (the same pipes as the masked head's)
            _venues_from_link_texts(raw.split("|", head.count("|"))[-1], info.refs)
        return
    # "FVDM 论文：url", "**JanusFlow**: [paper](url)", "- Janus ([paper](url))"
    name = head_name(head) if one_paper and untitled else None
    if one_paper and untitled and "http" not in tail and (said := _sentence_then_title(head)):
        untitled[0].title, untitled[0].name = said[0], said[1] or name
        info.note, info.standalone = plain(_EMPTY_BRACKETS.sub(" ", tail)).strip(" ),.;:：，。-–—|]】"), True
        return
    # "[Title](url) (Lee et al., CVPR 2024)", "Title [[arXiv](url)] - Ann Lee et al.": who and where, no note
    middle_labels = is_label_only(middle)
    if one_paper and middle_labels and (paren := _PAREN_NAME.match(tail)) and (named := given_name(paren.group(1))):
        info.refs[0].name = info.refs[0].name or named  # "[Title](url) (GadgetDiT) - CVPR 2024": the list names it
        tail = tail[paren.end():]
    by = _byline(_EMPTY_BRACKETS.sub(" ", tail)) if one_paper and middle_labels and tail.strip(" |]") else None
    if by:
        _head_of_paper(head, info, raw, untitled, name)
        if info.standalone:
            ref = info.refs[0]
            ref.authors = ref.authors or by[0] or None
            ref.venue, ref.year = ref.venue or by[1], ref.year or by[2]
        return
    if not (middle_labels and is_label_only(tail)):
        if not (one_paper and (ITEM_START.match(raw) or _LEADING_BARE_ID.match(raw))):
            return
        bold = _BOLD_HEAD.match(raw)
        if is_label_only(head):
            info.standalone = True
        elif untitled and bold and clean_title(bold.group(2)) == clean_title(head):
            untitled[0].title = clean_title(head)  # a bold title first: "- **Title** ([arXiv](url))"
            untitled[0].name = None  # what stood before the bracket was the title's end
            info.standalone = True
            name = None
        elif name:
            info.standalone = True
        elif untitled and untitled[0].identified and "](" in raw and (title := _title_before_links(head)):
            untitled[0].title, untitled[0].name = title, None  # "1. Title [论文](url) 提出了一种新方法。"
            info.standalone = True
        if info.standalone:
            info.note = plain(_EMPTY_BRACKETS.sub(" ", tail)).lstrip(" ),.;:：，。-–—|]】")
            ref = info.refs[0]
            opens = one_paper and is_label_only(head) and not (ref.title or ref.name)
            if opens and (dashed := title_dash_byline(info.note)) and _title_after_id_link(raw, dashed[0]):
                # "2405.04321 - Title - Ann Lee, Bo Kim": the title, then who wrote it
                ref.title, ref.authors, info.note = dashed[0], dashed[1] or None, ""
                ref.venue, ref.year = ref.venue or dashed[2], ref.year or dashed[3]
            elif opens and _title_after_id_link(raw, info.note):
                ref.title, info.note = clean_title(info.note), ""  # "- [arXiv:ID](url) Title"
            elif (one_paper and is_label_only(head) and ref.title and _HAN.search(ref.title)
                  and not _LATIN.search(ref.title) and tail.lstrip(" )]")[:1] in (":", "：")
                  and looks_like_title(title := clean_title(info.note), strict=True) and _LATIN.match(title)):
                # "- [中文译名](url)：Title": the list's translation (a note), then the title
                ref.title, info.note = title, ref.title or ""
            if name:
                untitled[0].name = untitled[0].name or name
        return
    _head_of_paper(head, info, raw, untitled, name)


_FIELD_LABELS = TITLE_LABELS | AUTHOR_LABELS | VENUE_LABELS | YEAR_LABELS
_WEB_ADDRESS = re.compile(r"\w\.[a-z]{2,}/")  # "mp.weixin.qq.com/s/...": an address, no title
_CLAUSE_LABEL_END = re.compile(r"[，,；;]\s*([^\s，,；;:：]{1,12})\s*[:：]\s*$")


def _sentence_then_title(head: str) -> tuple[str, str | None] | None:
    """``(title, name)`` when a Chinese sentence before a paper's link names the model and
    then gives the title after a colon (``智源研究院发布 **GWC**：Title，论文：url``).

    >>> _sentence_then_title("1. 智源研究院发布 GWC ：Grounded Widget Captioning with Gadget Memory，论文：")
    ('Grounded Widget Captioning with Gadget Memory', 'GWC')
    >>> _sentence_then_title("论文推荐：见") is None, _sentence_then_title("Widget Nets: a study of gadgets") is None
    (True, True)
    >>> _sentence_then_title("**Widget Nets** 会议：Widget Conference on Gadgets") is None
    True
    """
    if not _HAN.search(head) or (":" not in head and "：" not in head):
        return None
    said = _without_link_label(head)
    if (label := _CLAUSE_LABEL_END.search(said)) and label.group(1).lower() in GENERIC_LINK_TEXT:
        said = said[:label.start()]  # "...，论文：": the link's label after a comma
    said = said.rstrip(" ，,")
    before, colon, after = max(said.rpartition("："), said.rpartition(":"), key=lambda p: len(p[0]))
    title = clean_title(after)
    if not (colon and _HAN.search(before) and _LATIN.match(title) and looks_like_title(title, strict=True)) or (
            _WEB_ADDRESS.search(title) or names_line(title)):
        return None
    if plain(before).split()[-1:] and plain(before).split()[-1].lower() in _FIELD_LABELS:
        return None  # "**Title** 作者：Ann Lee, Bo Kim": a field's label, not a sentence
    return title, name_before(plain(strip_line_markers(before)))


def _head_of_paper(head: str, info: Line, raw: str, untitled: list[Ref], name: str | None) -> None:
    """What stands before a line's paper links when only labels follow them: labels, the
    paper's name, or its title with who wrote it and where (the line is then standalone)."""
    one_paper = len(info.refs) == 1
    if one_paper and not untitled and (names := _names_only(head)):
        info.refs[0].authors = info.refs[0].authors or names  # "- Lee, Ann, and Bo Kim. ["Title."](url), 2024."
        info.standalone = True
        return
    if one_paper and not untitled and (given := _name_only(head)):
        info.refs[0].name = info.refs[0].name or given  # "- **CLIP** – [Title](url)": the list names its model
        info.standalone = True
        return
    if one_paper and not untitled and (vy := venue_year(head)) and (
            vy[0] or ((tag := venue_tag(strip_line_markers(head))) is not None and not tag[2].strip())):
        ref = info.refs[0]  # "- **CVPR 2024** [Title](url)", "- [CVPR 2024] [Title](url)", "[2024] [Title](url)"
        ref.venue, ref.year = ref.venue or vy[0], ref.year or vy[1]
        info.standalone = True
        return
    if one_paper and untitled and (noted := _TITLE_THEN_CJK_NOTE.match(_without_link_label(
            strip_line_markers(head).strip()))) and looks_like_title(t := clean_title(noted.group(1)), strict=True):
        untitled[0].title, untitled[0].name = t, None  # "3. Title：提出……。论文：url" (no labels: a title)
        info.note, info.standalone = plain(noted.group(2)), True
        return
    if is_label_only(head) or name:
        info.standalone = True
        if name:
            untitled[0].name = untitled[0].name or name
        return
    if one_paper and untitled and (_bold_opening(raw, head, untitled[0]) or _bold_after_names(raw, head, untitled[0])):
        info.standalone = True  # "1. **Title.** Venue 2019. [paper](url)", "Ann Lee, Bo Kim. **Title**. CVPR 2024."
        return
    if one_paper and untitled and (said := _bold_title_said(raw, head)):
        untitled[0].title, untitled[0].name = said[0], None  # "- **Title**: A model of widgets. [paper](url)"
        info.note, info.standalone = said[1], True
        return
    found = _italic_authors_in(head) if one_paper and untitled and ("*" in head or "_" in head) else None
    if found:
        # "*A, B.* KDD 2018. [paper](url)" under its title, or "Title *A, B* 2019 [pdf](url)"
        authors, before, after = found
        lead = clean_title(before)
        vy = venue_year(after)
        if (vy or not plain(after).strip(_BETWEEN)) and (not lead or looks_like_title(lead)):
            ref = untitled[0]
            ref.authors = ref.authors or authors
            if vy:
                ref.venue, ref.year = vy
            if lead:
                ref.title, ref.name = lead, None
            info.standalone = True
            return
    if not (untitled and one_paper):
        return
    ref = untitled[0]
    bare = _ID_TAG.sub("", strip_line_markers(head), count=1)  # "- [2311.08765] Title": the id again
    bare = without_lead_symbols(bare.lstrip())  # "🔥 **Title** (CVPR 2024) — [Paper](url)": a list's mark
    bare = _BIBITEM.sub("", bare, count=1) if "bibitem" in bare else bare  # "\\bibitem{key} A. Lee. Title."
    lead_name, bare = _lead_name(bare)  # "1. 【GadgetCoT】Title, CVPR 2024.", "- [WidgetBot] **Title**"
    tag = venue_tag(bare)
    if tag and looks_like_title(clean_title(_EMPTY_BRACKETS.sub(" ", tag[2]))):
        # "- **[CVPR 2024]** Title [[Paper](url)]": the venue and year the item opens with
        ref.venue, ref.year, bare = tag
    elif vy := venue_year(head):  # "arXiv 2023. [[Paper](url)]": the venue and year of the paper above
        ref.venue, ref.year = vy
        info.standalone = True
        return
    quoted = _QUOTED_THEN_NOTE.match(bare)
    if quoted and looks_like_title(quoted.group(1), strict=True) and not (
            venue_year(quoted.group(2)) or people(plain(quoted.group(2).rstrip(" .:")))):
        # '"Title" — worth a reread: url': the reader's note after the quoted title (no venue, no names)
        ref.title, info.note, info.standalone = quoted.group(1).strip(), plain(quoted.group(2)).rstrip(" :："), True
        return
    if (bold := _BOLD_HEAD.match(raw)) and (named := _NAME_SET_OFF.match(bare)) and (
            given := given_name(named.group(1))) and given == clean_title(bold.group(2)) and looks_like_title(
            title := clean_title(named.group(3)), strict=True):
        # "**GRW**（Widget Lab）：Title", "**GRW** — Title —": the bold name, its team (or venue), then the title
        ref.name, ref.title, info.standalone = given, title, True
        if named.group(2) and (dated := venue_year(named.group(2))):
            ref.venue, ref.year = ref.venue or dated[0], ref.year or dated[1]  # "**GRW**（CVPR 2024）：Title"
        return
    if "<br" in bare.lower() and len(parts := [p for p in BR.split(bare) if p.strip(" [(（【")]) == 2 and (
            given := given_name(parts[0])) and looks_like_title(title := clean_title(parts[1]), strict=True):
        ref.name, ref.title, info.standalone = given, title, True  # "- **GadgetDiT**<br>Title<br>[[arXiv](url)]"
        return
    if named_title := name_dash_title(bare):
        ref.name, ref.title, info.standalone = named_title[0], named_title[1], True  # "- HWT — Title: url"
        if dated := named_title[2]:
            ref.venue, ref.year = ref.venue or dated[0], ref.year or dated[1]
        return
    if (named := _NAME_THEN_TITLE.match(bare)) and (given := given_name(named.group(1))) and looks_like_title(
            named.group(2), strict=True):
        ref.name, ref.title = given, clean_title(named.group(2))  # "**WidgetMem**（Title）：a note"
        info.note, info.standalone = plain(named.group(3) or ""), True
        return
    if (unlabelled := _without_link_label(bare)) != bare and looks_like_title(clean_title(unlabelled), strict=True):
        bare = unlabelled  # "Title 论文地址：url": the link's own label after its title
    cleared = _EMPTY_BRACKETS.sub(" ", bare)  # "**Title** [[Code](url)] [[arXiv](url)]"
    if "preprint" in cleared.lower():  # Google Scholar's "Title. *arXiv preprint arXiv:ID*, 2023."
        cleared = _PREPRINT_TAIL.sub("", cleared, count=1)
    # (the loosest last: a whole title of parts, then a title and names after a dash, ...; "Title by Lee
    # et al. (2024)" before the parts, which would read "Title by Lee et al" as the title)
    etal_by = title_by_authors(cleared) if " et al" in cleared and " by " in cleared else None
    cited: tuple[str, list[str], str | None, int | None] | None = (etal_by[0], etal_by[1], None, None) if etal_by else (
        apa_citation(bare) or written_citation(bare) or ieee_citation(bare) or styled_citation(bare)
        or names_first_citation(bare) or names_colon_title(cleared) or vancouver_citation(cleared)
        or segmented_citation(cleared)
        or title_dash_byline(cleared) or title_then_byline(cleared) or title_then_names(cleared))
    if cited:  # "1. Title. A. Lee, B. Kim. NeurIPS, 2021. [PDF](url)", "*Title*, A. Lee. [[arXiv](url)]"
        ref.title, authors, venue, year = cited
        if ref.title[:1] in "*_":
            ref.title = clean_title(ref.title)  # "- *Title*. Ann Lee, Bo Kim. CoRL 2024.": its emphasis
        ref.authors, ref.venue, ref.name = authors or ref.authors, ref.venue or venue, lead_name
        ref.year = ref.year or year
        info.standalone = True
        bold = _BOLD_RUN.search(raw) if raw.count("**") + raw.count("__") == 2 else None
        if bold and ref.title.startswith(b := clean_title(bold.group(2))) and ref.title != b:
            ref.title, info.note = b, ref.title[len(b):].strip()  # the bold words are the title, the rest a note
        return
    written_by = title_by_authors(cleared)
    if written_by:  # "- Title by Ann Lee and Bo Kim ([arXiv](url))"
        ref.title, ref.authors, ref.name = written_by[0], ref.authors or written_by[1], lead_name
        info.standalone = True
        return
    if (labelled := _AUTHORS_LABEL_AFTER.search(cleared)) and (names := people(plain(labelled.group(1)))):
        ref.authors = ref.authors or names  # "**Title** 作者：Ann Lee, Bo Kim [论文](url)"
        cleared = cleared[:labelled.start()]
    if (named := _TITLE_THEN_NAME.match(cleared)) and (given := given_name(named.group(2))) and looks_like_title(
            clean_title(named.group(1)), strict=True):
        ref.title, ref.name = clean_title(named.group(1)), given  # "- Title（WidgetNet）[论文](url)"
        info.standalone = True
        return
    title = clean_title(cleared)
    if _SENTENCE_OPENER.match(title):
        return  # "We track gadgets. [arXiv](url)": a sentence citing the paper, not its title
    before, comma, after = title.rpartition(",")
    if comma and (vy := venue_year(after)) and looks_like_title(before):
        title = before  # "Title, arXiv 2023. [paper](url)": its venue and year after a comma
        ref.venue, ref.year = ref.venue or vy[0], ref.year or vy[1]
    if looks_like_title(title):
        ref.title = title
        ref.name = lead_name  # "Title ([pdf](url))": the words before the bracket end the title
        info.standalone = True


_NEW_PAPER_LABEL = re.compile(NEW_PAPER)  # "new paper: Title url"
# a quoted title, then a dash and the reader's note ('"Title" — worth a reread: url')
_QUOTED_THEN_NOTE = re.compile(r"^\s*[\"“]([^\"“”]{8,300})[\"”]\s*[—–-]\s+(.+?)\s*$")
_QUOTED_AFTER_COLON = re.compile(r"[:：]\s*[\"“]([^\"“”]{8,300})[\"”]")
# one title in book brackets inside a Chinese sentence, and a bracketed venue soon after it
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_BOOK_IN_SENTENCE = re.compile(
    r"《([^《》]{8,300})》(?:[^《》()（）]{0,8}[(（]([^()（）]{2,40})[)）]"
    r"|\s*(?:发表于|发表在|收录于|入选|中稿)\s*([^，,。；\s][^，,。；]{1,30}))?"  # "《Title》发表于 CVPR 2024，"
)
# after a title: its authors labelled, its model's name in brackets, a note in Chinese after a colon
_AUTHORS_LABEL_AFTER = re.compile(r"\s(?:作者|authors?)\s*[:：]\s*([^:：]{3,300}?)\s*$", re.I)
_TITLE_THEN_NAME = re.compile(r"^(.{8,300}?)\s*[(（]([^()（）]{2,40})[)）][\s,，.:：\-–—]*$")
_TITLE_THEN_CJK_NOTE = re.compile(r"^([^:：（]{8,300}?)\s*[:：]\s*([\u3400-\u9fff].{0,2000})$", re.S)
def _names_only(head: str) -> list[str] | None:
    """The authors a head is, and nothing else (``Lee, Ann, and Bo Kim.`` before a titled link)."""
    s = plain(strip_line_markers(head)).strip(" .,:")
    if len(s) < 5 or len(s) > 300 or ("," not in s and " and " not in s):
        return None
    return inverted_names(s) or names_line(s)


def _name_only(head: str) -> str | None:
    """The model name a head is, and nothing else but a separator (``- **CLIP** – ``)."""
    s = plain(head)
    if len(s) > 60 or not s.rstrip().endswith(("–", "—", "-", ":", "：")):
        return None
    given = head_name(head)
    return given if given and " " not in given and s.rstrip(" :：–—-") == given else None
# how a sentence about a paper opens, and a title does not ("This Looks Like That" does: only "This paper")
_SENTENCE_OPENER = re.compile(r"^(?:We|Our|Here we|In this (?:paper|work)|This (?:paper|work|study))\s")
_ENDS_IN_YEAR = re.compile(r"(?:19|20)\d\d\W*$")


BR = re.compile(r"<br\s*/?>", re.I)
_PREPRINT_TAIL = re.compile(r"[.,]?\s*[*_]?\s*(?:arXiv\s+)?preprint(?:\s+arXiv)?\s*[:：]?\s*[*_]?\s*$", re.I)
_BIBITEM = re.compile(r"^\s*\\bibitem\s*(?:\[[^\]]*\])?\{[^}]*\}\s*")
_ID_TAG = re.compile(r"^\s*\[(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?\]\s*", re.I)
_ET_AL_TAIL = re.compile(r"\bet\.?\s+al\.?\s*$")


_NAMES_PAREN = re.compile(r"^[(（]([^()（）]{3,200})[)）]\s*(.*)$")
_BY_WORD = re.compile(r"^by\s+", re.I)


def _names_said(s: str) -> tuple[list[str], str | None, int | None] | None:
    """Authors in brackets or after "by", perhaps then the venue and year:
    ``(Ann Lee, Bo Kim) CVPR 2024``, ``by Ann Lee and Bo Kim``."""
    if paren := _NAMES_PAREN.match(s):
        names, after = people(paren.group(1)), paren.group(2).strip(" ,.;")
        vy = venue_year(after) if after else None
        return (names, vy[0] if vy else None, vy[1] if vy else None) if names and (vy or not after) else None
    if by := _BY_WORD.match(s):
        s = s[by.end():]
        if names := people(s):
            return names, None, None
        return written_byline(s)
    return None


def _byline(rest: str) -> tuple[list[str], str | None, int | None] | None:
    """``(authors, venue, year)`` when what follows a paper's links only says who wrote it and
    where: ``- A. Lee, B. Kim. CVPR 2023.``, ``(CVPR 2023)``, ``(Lee et al., CVPR 2024)``,
    ``- Ann Lee et al.``, or a card's ``<br> Ann Lee, Bo Kim <br> CVPR 2024``; else ``None``."""
    if "<br" in rest.lower():
        authors: list[str] = []
        venue, year = None, None
        parts = [p for p in BR.split(rest) if plain(p).strip(_BETWEEN)]
        for part in parts:
            if year is None and (vy := venue_year(part)):
                venue, year = vy
            elif not authors and (names := names_line(part) or italic_authors(part.strip())):
                authors = names
            elif not authors and year is None and (by := written_byline(part)):
                authors, venue, year = by
            else:
                return None  # a line of its own that is no byline: a note
        return (authors, venue, year) if parts else None
    rest = without_symbols(rest).strip(" |")  # (a row's cells after its link: "| [Title](url) | CVPR 2024 |")
    rest = rest.lstrip(" ,;)]）】-–—·•")  # what closed the links' brackets: "([pdf](url), [code](url)) — A. Lee"
    said = _names_said(plain(rest).strip(" -–—:,."))
    if said:
        return said
    if (group := _BRACKETED.fullmatch(rest.strip())) and len(parts := _CLAUSES.split(group.group(1))) >= 2 and (
            (vy := venue_year(parts[0])) and vy[0] and all(0 < len(p.strip()) <= 40 for p in parts[1:])):
        return [], vy[0], vy[1]  # "[Title](url)（CVPR 2024，Widget Lab）": the venue, then who made it
    # (parts first: each must be a field, where a written byline's venue may run on past a dash)
    if fields := parted_fields(plain(rest)):
        return fields
    by = written_byline(rest) or _venue_only(rest)
    if by:
        return by
    if cited := short_citation(rest):
        return [], cited[0], cited[1]
    s = plain(rest).strip(" -–—:,.;()[]（）")
    if _ET_AL_TAIL.search(s) and (names := people(_ET_AL_TAIL.sub("", s))):
        return names, None, None  # "- Ann Lee et al.": the first authors
    return None


_CELL_BAR = re.compile(r"[|；]")


def labelled_cells(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A title label's value parted by pipes (or full-width semicolons) into the title and the
    labelled cells after it (``T | Venue: CVPR 2024 |`` → ``T``, ``[("venue", "CVPR 2024")]``;
    the link's own label, ``链接：``, may end them); cells without a label the list uses for a
    paper's parts leave the value whole."""
    title, *parts = _CELL_BAR.split(text)
    cells = [c.strip() for c in parts if c.strip()]
    if cells and (last := split_label(cells[-1])) and last[0] in GENERIC_LINK_TEXT and not last[1]:
        cells.pop()  # "链接：": the link's own label
    labelled = [lab for c in cells if (lab := split_label(c))]
    known = AUTHOR_LABELS | VENUE_LABELS | YEAR_LABELS
    if len(labelled) != len(cells) or not all(k in known for k, _ in labelled):
        return text, []
    return title, labelled


def labelled_fields(ref: Ref, labelled: list[tuple[str, str]]) -> None:
    """The authors, venue and year labelled cells give (see :func:`labelled_cells`)."""
    for label, value in labelled:
        if label in AUTHOR_LABELS and ref.authors is None:
            ref.authors = people(plain(value))
        elif label in VENUE_LABELS and ref.venue is None:
            vy = venue_year(value)
            ref.venue, ref.year = (vy[0], ref.year or vy[1]) if vy else (plain(value).strip() or None, ref.year)
        elif label in YEAR_LABELS and (vy := venue_year(value)):
            ref.year = vy[1]


def _without_link_label(head: str, glued: bool = False) -> str:
    """``head`` without the link's own label ending it (``链接：``, ``论文地址：``); with ``glued``,
    only a label right after a title's closing bracket (``《Title》论文地址：``)."""
    m = _LINK_LABEL_END.search(head)
    if m is None or m.group(1).lower() not in GENERIC_LINK_TEXT:
        m = _GLUED_LABEL_END.search(head) if not glued and ("：" in head[-12:] or ":" in head[-12:]) else None
        return head[:m.start()] if m is not None and m.group(1) in GENERIC_LINK_TEXT else head
    if glued and head[m.start() - 1:m.start()] not in ("》", "」"):
        return head
    return head[:m.start()]


# words a title does not end with, and a clause before a link does ("the approach in [paper](url)")
_DANGLING_END = re.compile(
    r"(?i)\b(?:in|of|the|a|an|by|from|see|and|or|with|to|on|for|at|as|via|is|are|was|use|uses)\s*$"
)


def _title_before_links(head: str) -> str | None:
    """The title an item writes before its paper's labelled links when a note follows them
    (``1. Title [论文](url) 提出了一种新方法。``): capitalised, three words or more, no clause.
    (Asked only of a line with a markdown link: an id in text, ``Title, arXiv:ID, note``,
    stays a sentence's.)"""
    title = clean_title(_EMPTY_BRACKETS.sub(" ", strip_line_markers(head)))
    if not title[:1].isupper() or not looks_like_title(title, strict=True) or _SENTENCE_OPENER.match(title):
        return None
    if any(c in title for c in "[]()（）"):
        return None  # a link cut short, a bracketed aside: not plainly a title
    return None if _DANGLING_END.search(title) or title.endswith((".", "。", ":", "：")) else title


def _title_after_id_link(raw: str, rest: str) -> bool:
    """``- [arXiv:2405.04321](url) Title``: an item opening with a link whose text is the
    paper's id or says what the link is (``- [Paper](url) Title``; or the bare id:
    ``- 2405.04321 - Title``), then a title (capitalised, three words or more, no sentence)
    and nothing else (``rest``: the line after its links, other links masked)."""
    first = LINK_TEXT.search(raw)
    said = clean_title(first.group(1)) if first else ""
    if not (is_id_text(said) or said.lower() in GENERIC_LINK_TEXT) and not (
            _LEADING_ID.match(raw) or _LEADING_BARE_ID.match(raw)):
        return False
    title = clean_title(rest)
    if rest.rstrip().endswith((".", "。")) or _SENTENCE_OPENER.match(title):
        return False  # a sentence about the paper
    return title[:1].isupper() and looks_like_title(title, strict=True)


def _venue_only(text: str) -> tuple[list[str], str | None, int] | None:
    """``(no authors, venue, year)`` when ``text`` is only a venue and its year (``(CVPR 2023)``,
    not ``, 2024. A new model.``: a year and a note)."""
    vy = venue_year(text) if _ENDS_IN_YEAR.search(plain(text) if "<" in text else text) else None
    return ([], vy[0], vy[1]) if vy else None  # ("</td><td>CVPR 2024</td></tr>": an HTML row's cell)


# a markdown link's text and the start of its url (no closing bracket needed)
LINK_TEXT = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)")


def _venues_from_link_texts(cell: str, refs: list[Ref]) -> None:
    """``[Nature Methods](doi) & [Bioinformatics](doi)``: each paper link's text is its venue
    (matched in order, when the cell's paper links are the line's papers)."""
    links = [(m.group(1), m.group(2)) for m in matches(LINK_TEXT, cell)]  # (the scan is over, its state let go)
    texts = [text for text, url in links if _paper_url(url, text)]
    if len(texts) != len(refs):
        return
    for ref, text in zip(sorted(refs, key=lambda r: r.pos), texts):
        if ref.venue is None:
            ref.venue = link_venue(text, ref.title)


# link texts that say what a link is; "arXiv" and "OpenReview" also say where a paper is published
_LINK_LABELS = GENERIC_LINK_TEXT - {"arxiv", "openreview"}


def link_venue(text: str, title: str | None) -> str | None:
    """A paper link's text as the paper's venue: not when it is the title or an id."""
    venue = clean_title(text)
    if not venue or venue == title or is_id_text(venue) or venue.lower() in _LINK_LABELS:
        return None  # ("[paper](url)" says what the link is, not where it was published)
    return venue


def _paper_url(url: str, text: str) -> bool:
    """A link the reader makes a paper of: one with ids (or a malformed id), or a paper's page."""
    url = _unescape_url(url)
    try:
        return bool(paper_ids_in_url(url)) or paper_page(url, text)
    except IdError:
        return True  # a malformed id link is still a paper's (a ref without ids)


def piped_item(head: str, ref: Ref) -> bool:
    """A list item written as cells (``- **2016-02** | Title | *authors* | [Journal](doi)``)
    is read as a table row without a header: a date cell gives the year, a venue
    and year the venue, an italic list of names (or, after the title, a plain one
    of several) the authors, the first title-like cell the title."""
    title = None
    for cell in strip_line_markers(head).split("|"):
        text = plain(cell)
        if text and not text[0].isalnum():
            text = without_lead_symbols(text)  # "| 👥 Ann Lee, Bo Kim | 📅 2024 |": a cell's mark
        if not text:
            continue
        date = _DATE_CELL.fullmatch(text)
        if date and ref.year is None:
            ref.year = int(date.group(1))
        elif ref.venue is None and (vy := venue_year(text)) and vy[0]:
            ref.venue, ref.year = vy[0], ref.year or vy[1]  # "| CVPR 2024 |"
        elif ref.venue is None and (venue := venue_name(text)):
            ref.venue = venue  # "| CVPR |" beside a date cell
        elif (authors := italic_authors(cell)) and ref.authors is None:
            ref.authors = authors
        elif title and ref.authors is None and AUTHOR_SEP.search(text) and (authors := people(text)):
            ref.authors = authors  # "| Ann Lee, Bo Kim |" after the title: names, plain
        elif title is None and looks_like_title(t := clean_title(cell)):
            title = t
    if title:
        ref.title, ref.name = title, None
    return title is not None


_ITALIC_RUN = re.compile(r"(?<![*\w])([*_])(?![*_\s])([^*_\n]{3,400}?)(?<![\s*_])\1(?![*\w])")
_BETWEEN = " .,;:|-–—([（【"  # what may stand between an entry's parts
_VENUE_THEN_YEAR = re.compile(r"^([^\d\n]{0,160}?)[\s,.]*((?:19|20)\d\d)[\s.,]*$")
_PROSE_WORDS_RE = re.compile(r"(?i)\b(?:we|our|propose[sd]?|this|is|are|was|were)\b")


def _bold_opening(raw: str, head: str, ref: Ref) -> bool:
    """``1. **Title.** Venue 2019. [paper](url)``: an item's bold opening is its title
    when only a venue and year (or nothing) stand between it and the paper link."""
    bold = _BOLD_HEAD.match(raw)
    if not bold:
        return False
    b, h = plain(bold.group(2)), plain(head)
    title = clean_title(bold.group(2))
    if not h.startswith(b) or not looks_like_title(title):
        return False
    rest = h[len(b):]
    authors = None
    at = head.find(bold.group(2)) if ("*" in head or "_" in head) else -1
    if at >= 0:  # "**Title.** *A, B.* ICLR 2018. [paper](url)": its authors, then venue and year
        found = _italic_authors_in(head[at + len(bold.group(2)):])
        if found and not plain(found[1]).strip(_BETWEEN):
            authors, rest = found[0], plain(found[2])
    vy = venue_year(rest)
    if not vy and not authors and (by := written_byline(rest)):
        authors, vy = by[0], (by[1], by[2])  # "**Title** - A. Lee, B. Kim (CVPR 2023) [[paper](url)]"
    if not vy and (authors or bold.group(2).rstrip().endswith(".")) and len(rest) <= 200:
        # "**Title.** Some Lectures, Publisher, 2020.": the title closes with its own full
        # stop (or its authors follow it); only a venue ending in its year comes before the link
        short = rest.strip(_BETWEEN)
        m = _VENUE_THEN_YEAR.match(short)
        if m and not _PROSE_WORDS_RE.search(m.group(1)):
            vy = (m.group(1).strip(" ,.;:") or None, int(m.group(2)))
        elif len(short) <= 30 and len(short.split()) <= 3 and not _PROSE_WORDS_RE.search(short):
            ref.venue = ref.venue or short or None  # "**Title.** TACL. [paper](url)", "EMNLP 18."
            rest = ""
    if not vy and rest.strip(_BETWEEN):
        return False
    ref.title, ref.name = title, None
    if authors and ref.authors is None:
        ref.authors = authors
    if vy:
        ref.venue, ref.year = vy
    return True


_BOLD_RUN = re.compile(r"(\*\*|__)(?!\s)(.{3,400}?)(?<!\s)\1")


def _bold_after_names(raw: str, head: str, ref: Ref) -> bool:
    """``1. Ann Lee, Bo Kim. **Title**. CVPR 2024. [pdf](url)``: who wrote it, then its
    title in bold (the line's only bold run), then a venue and year or nothing."""
    if raw.count("**") + raw.count("__") != 2 or not (bold := _BOLD_RUN.search(raw)):
        return False
    title = clean_title(bold.group(2))
    at = head.find(plain(bold.group(2)))
    if at < 0 or not looks_like_title(title):
        return False
    names = people(plain(strip_line_markers(head[:at])).strip(_BETWEEN))
    rest = head[at + len(plain(bold.group(2))):]
    vy = venue_year(rest)
    if not names or (not vy and plain(rest).strip(_BETWEEN)):
        return False
    ref.title, ref.name, ref.authors = title, None, ref.authors or names
    if vy:
        ref.venue, ref.year = vy
    return True


def _bold_title_said(raw: str, head: str) -> tuple[str, str] | None:
    """``(title, note)`` of ``- **Title**: A model of widgets.`` or ``**Title.** We propose ...``:
    a bold title (three words or more, not a name, which ``**Janus**: Title`` bolds), then a
    sentence about it."""
    bold = _BOLD_HEAD.match(raw)
    if bold is None:
        return None
    title, b = clean_title(bold.group(2)), plain(bold.group(2))
    at = head.find(b)
    rest = plain(head[at + len(b):]).strip() if at >= 0 else ""
    stopped = b.rstrip().endswith((".", ":", "：", "。"))  # "**Title.** Researchers propose ...": the bold ends it
    if not (stopped or rest.startswith((":", "：", "- ", "– ", "— "))) or not looks_like_title(title, strict=True):
        return None
    said = rest.lstrip(":：-–— ").rstrip(" ([（【")
    if not said.endswith((".", "。")) or len(said.split()) < 4:
        return None  # (a title's rest after its colon ends in no full stop)
    return title, said


def _italic_authors_in(text: str) -> tuple[list[str], str, str] | None:
    """The first italic run of ``text`` when it is a list of authors: the names,
    and the text before and after it (``*A, B.* ICLR 2018.`` → names, "", " ICLR 2018.")."""
    m = _ITALIC_RUN.search(text)
    names = italic_authors(m.group(0)) if m else None
    if not m or not names:
        return None
    return names, text[: m.start()], text[m.end():]


def is_id_text(text: str) -> bool:
    return bool(parse_arxiv_id(text) or parse_doi(text) or BARE_URL.match(text))


def _unescape_url(url: str) -> str:
    while "&amp;" in url:  # escaped once per copy through an HTML page
        url = url.replace("&amp;", "&")
    return url.strip()
