"""Reading papers out of markdown/HTML notes, one line at a time.

Produces one :class:`~citegraph.lists.entry.Entry` per *mention* (a place in
the document that names a paper); :mod:`citegraph.lists.reader` merges mentions
of the same paper.  The rules are documented in that module; this one
implements them at the document's level:

* each line is analysed once (:func:`citegraph.lists.line.analyse`: its paper
  ids, titles and bylines, and whether they stand alone or are cited inline);
* standalone ids and title markers build *groups* (the papers one list item
  describes); inline mentions are papers of their own whose text is the line;
* boundaries (headings, rules, top-level ``<details>`` blocks) end groups;
  the prose between groups is shared out afterwards (:meth:`_Reader._share_text`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from citegraph.lists.document import ListText, as_list_text
from citegraph.lists.rows import EntryRows, MentionRows
from citegraph.lists.front_matter import front_matter
from citegraph.lists.entry import Entry, ListWarning, add_new, with_new
from citegraph.lists.html_tables import html_tables, row_markdown
from citegraph.lists.other_markup import bibitem_blocks, bibitem_line, is_org, org_line
from citegraph.lists.references import definitions, has_definitions, used_definition_lines
from citegraph.lists.references import resolve as resolve_references
from citegraph.lists.text import (
    DATE_TAG,
    without_symbols,
    AUTHOR_SEP,
    DATED_PAREN,
    BARE_URL,
    GENERIC_LINK_TEXT,
    MD_LINK,
    PAPER_LABEL,
    author_line,
    clean_title,
    coined_name,
    dated_title,
    date_tag_year,
    given_name,
    looks_coined,
    is_label_only,
    italic_authors,
    looks_like_title,
    names_line,
    people,
    parted_fields,
    plain,
    split_label,
    strip_line_markers,
    title_by_authors,
    title_then_byline,
    venue_name,
    venue_tag,
    venue_year,
    written_byline,
)
from citegraph.text.titles import normalize_title
from citegraph.text.names import model_name, name_key
from citegraph.text.matching import matches
from citegraph.text.ids import parse_arxiv_id

from citegraph.lists.line import (
    AUTHOR_LABELS,
    BR,
    ITEM_START,
    LINK_TEXT,
    LOCAL_PAGE,
    name_dash_title,
    TEXT_ARXIV,
    TITLE_LABELS,
    VENUE_LABELS,
    YEAR_LABELS,
    Line,
    Ref,
    analyse,
    is_id_text,
    labelled_cells,
    labelled_fields,
    link_venue,
    piped_item,
    work_text,
)

__all__ = ["read_markdown"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.I)
_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NON_SLUG = re.compile(r"[^\w\- ]")
_BOLD_TAG = re.compile(r"<(b|strong)\b", re.I)
_PAREN = re.compile(r"[(（][^)）]*[)）]")
_NUMBERED = re.compile(r"^\d+[.)、]\s")
_DETAILS_OPEN = re.compile(r"<details\b", re.I)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)
# a page's scripts and style sheets: code, never a paper's notes (the last card of a
# generated page took its 18 KB of JavaScript as its notes)
_CODE_OPEN = re.compile(r"<(script|style)\b", re.I)
_CODE_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}
# An HTML page (not a markdown list with some HTML in it): its blocks scope its headings and prose
_PAGE_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.I)
_BLOCK_OPEN = re.compile(r"<(?:div|section|article|aside|nav|header|footer|main|form|dialog)\b", re.I)
_BLOCK_CLOSE = re.compile(r"</(?:div|section|article|aside|nav|header|footer|main|form|dialog)\s*>", re.I)
# a tag left open at the end of a page's line, its attributes going on below (a title in
# data-title="..." or alt="..." that wraps): markup, not notes, unless it holds a link
_TAG_LEFT_OPEN = re.compile(r"<[a-zA-Z][^<>]*$")
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)(?:</summary\s*>|$)", re.I | re.S)
# an emoji or two may mark the item ("- 🌟 **Title**")
_BR_END = re.compile(r"<br\s*/?>\s*$", re.I)  # an HTML line break ending a line: a hard break
# (a venue after the bold, in brackets or a code span: "**Title**（CVPR 2024）", "**Title** `CVPR 2024`";
# the reader's rating in stars: "**Title** ★★★★☆")
_BOLD_LINE = re.compile(
    r"^\s*(?:>\s*)*((?:[-*+]|\d+[.)])\s+)?(?:" + DATE_TAG + r"\s*)?"
    r"(?:[\u2600-\u27bf\u2b50\U0001f000-\U0001faff\ufe0f]{1,3}\s*)?(\*\*|__)(.+?)\2\s*(?:[(（`](?P<venue>[^()（）`\n]{2,40})[)）`])?\s*(?:\s*[★☆⭐🌟]{1,10})?\s*(?:<br\s*/?>)?\s*$"
)
_TITLE_CLASS = re.compile(r"^\s*<h[1-6]\b[^>]*\bclass\s*=\s*[\"'][^\"']*title", re.I)
_AUTHORS_CLASS = re.compile(
    r"<(?:p|div|span)\b[^>]*\bclass\s*=\s*[\"'][^\"']*author[^>]*>[^<]*</(?:p|div|span)>$", re.I
)
# a card's topic chip (<span class="paper-tag">Avatar</span>): an element whose class ends in "tag"
# (not the page's "tag-filter" controls); a chip saying what the card links (Code, Project) is no topic
_TAG_CHIP = re.compile(
    r"<(span|a|li|div)\b[^<>]{0,200}?\bclass\s*=\s*[\"'](?:[^\"'<>]*\s)?[\w-]*tag(?:\s[^\"'<>]*)?[\"'][^<>]{0,200}>"
    r"([^<>]{1,80})</\1\s*>",
    re.I,
)
_YEAR_SPAN = re.compile(r"<span\b[^>]*>\s*[(（]?((?:19|20)\d\d)[)）]?\s*</span>\s*$", re.I)
_CELL_NUMBER = re.compile(r"^\s*\d+[.)]\s+")
_CELL_BOLD = re.compile(r"^\s*(\*\*|__)(.+?)\1")
# "1) Title - description" too, and a description run on after one space ("... Graphs This paper
# presents"): its opener in a sentence's case, which a title's own words never take
_CELL_BREAK = re.compile(
    r"<br\s*/?>|\s{2,}|\s[-–—]\s|\s(?-i:(?=(?:This|The) (?:paper|work|study|report) |The authors |Researchers ))", re.I
)
_CELL_LEAD = re.compile(r"^\s*(?:(?:!\[[^\]\n]{0,200}\]\([^)\s]{0,2000}\)|<br\s*/?>)\s*)+", re.I)
_NO_LINK_VALUES = frozenset(("none", "n/a", "na", "-", "—", "tbd", "todo", "coming soon", "无", "暂无"))
_ID_TOKEN = re.compile(r"(?<![\d.])\d{4}\.\d{4,5}(?!\d)|10\.\d{4,9}/[^\s)\]\"'<>]+")
_PAPER_HINT = re.compile(r"arxiv\.org/|doi\.org/|semanticscholar\.org/|arxiv\s*(?:id)?\s*[:：]|doi\s*[:：]", re.I)
_CJK_GLOSS_LINE = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff、·\s]{1,39}")  # a short Chinese phrase, no sentence
# the columns of a table of one paper's properties (Notion's export of a page): not a table of papers
_KEY_COLUMNS = frozenset(["property", "properties", "field", "key", "attribute", "属性", "字段", "项目"])
_VALUE_COLUMNS = frozenset(["value", "values", "值", "内容"])
_FIELD_KEYS = TITLE_LABELS | AUTHOR_LABELS | VENUE_LABELS | YEAR_LABELS | GENERIC_LINK_TEXT | {"url"}
_PURE_TAGS = re.compile(r"^(?:<(?!https?://|www\.)[^<>]*>\s*)+$")  # (<https://...> is a link: markdown's autolink)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# "**Janus**: ..." / "**Janus:** ...": a bold name heading the line
_BOLD_NAME_LABEL = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?(\*\*|__)([^*_\n:：]{1,40}?)\s*[:：]?\s*\1\s*[:：]")
# "FVDM 论文：Title", "Janus paper: Title": a title label after the model's name
_NAMED_TITLE_LABEL = re.compile(
    r"^(.{1,40}?)\s*(?:论文标题|论文题目|论文名称|论文|题目|paper title|paper|title)\s*[:：](?!//)\s*(.*)$", re.I | re.S
)
_HTML_TABLE = re.compile(rb"<t(?:able|r)\b", re.I)  # (the bytes searched once: most lists have none)
# Markdown tables: the separator row under the header, and the columns that name things.
# GFM's delimiter row: one hyphen a cell is enough (``| --: | -- |``), but a row of
# short ones starts a table only under a header of as many cells, as in GFM: a row
# of dashes inside a table (``| - | - |``, "none") stays a row.
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LONG_SEP_CELL = re.compile(r":?-{3,}:?")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
NAME_COLUMNS = frozenset(
    ["model", "models", "name", "keywords", "keyword", "model name", "method", "methods", "approach", "system",
     "framework",
     "模型", "模型名称", "模型名", "方法", "名称", "名字"]
)
TITLE_COLUMNS = frozenset(
    ["title", "paper", "papers", "paper title", "论文", "标题", "论文标题", "题目", "论文题目", "论文名称"]
)
_JOINED_HEADER = re.compile(r"\s*(?:&|/|\+|,|、|与|和|\band\b)\s*")


def _titles_column(header: str) -> bool:
    """A column headed by a title's name, alone or first of several (``Title & Authors``, ``论文与作者``)."""
    return header in TITLE_COLUMNS or _JOINED_HEADER.split(header, maxsplit=1)[0] in TITLE_COLUMNS
# Columns that give a paper's year (from a date: "2020-05", "2025-04-14", "May 2023") and its venue.
YEAR_COLUMNS = frozenset(
    ["date", "year", "time", "release", "release date", "publish date", "publication date", "日期", "时间", "年份",
     "发布时间", "发表时间"]
)
VENUE_COLUMNS = frozenset(
    ["venue", "conference", "conf", "conf.", "journal", "published in", "journal/meeting", "journal/conference",
     "conference/journal", "会议", "期刊", "会议/期刊", "发表"]
)
AUTHOR_COLUMNS = frozenset(["author", "authors", "作者"])
# A column a recording has (a talk, a video about papers): such a table's title and
# date are the recording's, so its rows name papers only by their links.
# a name column's cell that is a whole title: four words or more, capitalised, no sentence
_NAMED_BY_TITLE = re.compile(r"^[A-Z0-9][^.!?。]*(?:\s+\S+){3,}$")
RECORDING_COLUMNS = frozenset(["duration", "length", "runtime", "时长", "视频时长"])
_NAME_AFTER_TITLE = re.compile(r"^(.{8,300}?)\s*[(（]([^()（）\s]{2,20})[)）]$")
_YY_MM = re.compile(r"([0-3]\d)[./-](?:0[1-9]|1[0-2])")
_CELL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_LETTER_OR_DIGIT = re.compile(r"\w")
_GENERIC_SUMMARY = re.compile(
    r"^(abstract|summary|key ?points|details?|more|notes?|bibtex|citation|click (here|to expand)|"
    r"show (more|details|all)|expand|摘要|要点|展开|点击展开|详情|更多|笔记|引用)$",
    re.I,
)


@dataclass(slots=True)
class _Group:
    """Papers one list item describes, by their indexes in the mentions, with the lines that
    name them (the item being read)."""

    section: int
    first: int
    start: int
    end: int
    open: bool = True  # no prose since the last anchor: the next id may belong here
    more: array[int] | None = None  # (a line of thousands of links is one item: 4 bytes each)

    @property
    def last(self) -> int:
        return self.more[-1] if self.more else self.first

    def add(self, i: int) -> None:
        if self.more is None:
            self.more = array("I")
        self.more.append(i)


class _Markup:
    """Lines that are markup, not list text: a ``<script>``/``<style>`` block's, and on an
    HTML page the rest of a tag written over lines; on a page it also counts the blocks
    (div, section, ...) open before each line."""

    __slots__ = ("page", "blocks", "_code_end", "_in_tag")

    def __init__(self, page: bool) -> None:
        self.page = page
        self.blocks = 0  # the page's blocks open before the line
        self._code_end: re.Pattern[str] | None = None  # the end of the code block being skipped
        self._in_tag = False  # within a page's tag that opened on an earlier line

    def skips(self, raw: str, fence: bool) -> bool:
        """Whether the reader skips ``raw`` (read in order, each line once)."""
        if self._code_end is not None or (not fence and "<" in raw and _CODE_OPEN.search(raw)):
            self._code_end = self._code_left_open(raw, self._code_end)
            return True
        if not self.page:
            return False
        if self._in_tag:  # the rest of a tag opened above: skipped up to its ">", with its line if nothing follows
            close = raw.find(">")
            self._in_tag = close < 0
            if self._in_tag or not raw[close + 1:].strip():
                return True
        if "<" not in raw:
            return False
        self.blocks = max(0, self.blocks + len(_BLOCK_OPEN.findall(raw)) - len(_BLOCK_CLOSE.findall(raw)))
        left_open = _TAG_LEFT_OPEN.search(raw)
        if left_open and "href" not in left_open.group(0) and "://" not in left_open.group(0):
            self._in_tag = True
            return not raw[:left_open.start()].strip()
        return False

    @staticmethod
    def _code_left_open(raw: str, code_end: re.Pattern[str] | None) -> re.Pattern[str] | None:
        """The end pattern of the ``<script>``/``<style>`` block still open after ``raw``, if any."""
        at = 0
        while True:
            if code_end is None:
                m = _CODE_OPEN.search(raw, at)
                if m is None:
                    return None
                code_end = _CODE_CLOSE[m.group(1).lower()]
                at = m.end()
            end = code_end.search(raw, at)
            if end is None:
                return code_end
            code_end, at = None, end.end()


class _Finished:
    """A section's items the reader has moved past, until the section ends: their
    first and last lines and papers' indexes, 12 bytes an item (an object and a list an
    item were a third of a one-paper-a-line list's size)."""

    __slots__ = ("starts", "ends", "firsts", "more")

    def __init__(self, lines: int) -> None:
        code = "I" if lines < 2**32 else "q"  # line numbers: 4 bytes each below 4 billion lines
        self.starts, self.ends = array(code), array(code)
        self.firsts = array("I")
        self.more: dict[int, array[int]] = {}  # the rare item of several papers: the rest of them

    def __len__(self) -> int:
        return len(self.firsts)

    def add(self, g: _Group) -> None:
        if g.more:
            self.more[len(self.firsts)] = g.more
        self.starts.append(g.start)
        self.ends.append(g.end)
        self.firsts.append(g.first)

    def entries(self, i: int) -> list[int]:
        """Item ``i``'s papers' indexes."""
        more = self.more.get(i)
        return [self.firsts[i], *more] if more else [self.firsts[i]]


# a heading that is a paper's title at any level: numbered, or a note's ("【论文笔记】Title", "Paper notes: Title")
_NOTE_MARK = re.compile(
    r"^\s*(?:【[^】]{0,10}(?:笔记|阅读|精读|解读|速览)[^】]{0,6}】|(?:论文)?(?:笔记|阅读|精读|解读)\s*[|｜:：]"
    r"|\[?paper\s+(?:notes?|reading|review)\]?\s*[:：|]?)\s*",
    re.I,
)
_TITLE_HEADING = re.compile(_NOTE_MARK.pattern + r"|^\s*\d{1,3}[.、)]\s*\S", re.I)
# a line of the paper's labelled parts under its title ("- 作者：Ann Lee", "Authors: ...")
_LABELLED_LINE = re.compile(r"^\s*(?:[-*+>]\s+)?(?:\*\*|__)?[^\W\d_][^:：<>\[\]()*_]{0,15}(?:\*\*|__)?[:：]")


def _venue_line(raw: str) -> tuple[str | None, int] | None:
    """A line that is only a venue and its year (``> CVPR 2024``, ``*NeurIPS 2023*``), as ``(venue, year)``."""
    if len(raw) > 60 or not any(c.isdigit() for c in raw):
        return None  # (most lines: long, or no year)
    s = plain(strip_line_markers(raw)).strip(" .,*_()（）[]")
    vy = venue_year(s) if s and len(s) <= 40 else None
    return vy if vy and vy[0] and s.endswith(str(vy[1])) else None


def _heading_paper(text: str) -> tuple[str, tuple[str | None, int] | None]:
    """A heading's words as a paper's title, and the venue and year it gives: without a note's
    mark (``【论文笔记】Title``), a bracketed venue before it or after it.

    >>> _heading_paper("【论文笔记】Widget Nets"), _heading_paper("1. Widget Nets")
    (('Widget Nets', None), ('Widget Nets', None))
    >>> _heading_paper("[CVPR 2024] Widget Nets"), _heading_paper("Widget Nets (CVPR 2024)")
    (('Widget Nets', ('CVPR', 2024)), ('Widget Nets', ('CVPR', 2024)))
    """
    s = _NOTE_MARK.sub("", text, count=1)
    tag = venue_tag(s) if s.lstrip()[:1] in "[【(（" else None
    if tag and tag[2].strip():
        return clean_title(tag[2]), (tag[0], tag[1])
    return dated_title(clean_title(s))


def _slug(text: str) -> str:
    """A heading/anchor key close to GitHub's: lower case, words joined by ``-``."""
    s = plain(text).lower()
    s = _NON_SLUG.sub("", s)
    return s.replace(" ", "-")


def _cell_of(work: str, pos: int) -> int:
    """Which cell of a table row (0-based, as :func:`_cells` counts) holds place ``pos`` of ``work``."""
    pipes = sum(1 for _ in matches(_CELL_SPLIT, work, 0, pos))
    return pipes - 1 if work.lstrip().startswith("|") else pipes
# a link to a heading of the same page: ](#slug), a slug may hold balanced brackets
_ANCHOR_LINK = re.compile(r"\]\(#([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")


def _cell_title(cell: str) -> str:
    """A title cell's title: its bold opening (``1) **Name** - description``), else
    its text up to the first line break (``<br>``, two spaces: ``1) Title  Description``).

    >>> _cell_title("2) **No Positional Encodings** - shows that ...")
    'No Positional Encodings'
    >>> _cell_title("1) Ultra-Fast Models  This paper ..."), _cell_title("4) Agents with Graphs This paper shows")
    ('Ultra-Fast Models', 'Agents with Graphs')
    >>> _cell_title("![Star](https://img.shields.io/x.svg) <br> [**Yi-VL: A Model**](https://github.com/o/r) <br>")
    'Yi-VL: A Model'
    """
    c = _CELL_NUMBER.sub("", cell)
    c = _CELL_LEAD.sub("", c)  # a star badge over the title: "![Star](badge) <br> [**Title**](url)"
    bold = _CELL_BOLD.match(c)
    if bold:
        return clean_title(bold.group(2))
    if not c.lstrip().startswith("["):
        c = _CELL_BREAK.split(c.strip(), 1)[0]
    return clean_title(c)


def _row_year_venue(header: list[str], cells: list[str]) -> tuple[int | None, str | None, list[int]]:
    """A table row's year and venue from the columns so headed (``Date``, ``Venue``, ...),
    and the columns read: they are fields, not notes.

    >>> _row_year_venue(["title", "venue", "date"], ["[**T**](url)", "CVPR 2024", "2024-03-27"])
    (2024, 'CVPR 2024', [1, 2])
    >>> _row_year_venue(["title", "venue", "date"], ["T", "-", "soon"])
    (None, None, [])
    >>> _row_year_venue([], ["[T](url)", "CVPR 2024"])  # no header
    (2024, 'CVPR', [1])
    >>> _row_year_venue([], ["2024", "[T](url)", "CVPR"])
    (2024, 'CVPR', [0, 2])
    >>> _row_year_venue(["title", "venue"], ["T", "CVPR'24"]), _row_year_venue(["paper", "date"], ["T", "24.06"])
    ((2024, 'CVPR', [1]), (2024, None, [1]))
    """
    year = venue = short_year = None
    read = []
    for i, (h, cell) in enumerate(zip(header, cells)):
        if h in YEAR_COLUMNS and year is None:
            m = _CELL_YEAR.search(plain(cell)) or _YY_MM.fullmatch(plain(cell).strip())
            if m:
                year = int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0)  # "24.06": a list's short date
                read.append(i)
        elif h in VENUE_COLUMNS and venue is None:
            v = plain(cell).strip(" *")
            if v and len(v) <= 80 and v.lower() not in _NO_LINK_VALUES and _LETTER_OR_DIGIT.search(v):
                venue = v
                read.append(i)
                if not _CELL_YEAR.search(v) and (vy := venue_year(v)) and vy[0]:
                    venue, short_year = vy  # "CVPR'24": the venue, and its year when no column gives one
    if not header:  # a row without a header (an HTML table of <td>s only): a cell that is a venue and year
        for i, cell in enumerate(cells):
            if (vy := venue_year(plain(cell))) and vy[0] and "](" not in cell and "href" not in cell:
                venue, year = vy[0], vy[1]
                read.append(i)
                break
        else:  # or a cell of a known venue's name and one of a year: "<td>2024</td>...<td>CVPR</td>"
            for i, cell in enumerate(cells):
                text = plain(cell).strip()
                if venue is None and (name := venue_name(text)):
                    venue = name
                    read.append(i)
                elif year is None and _CELL_YEAR.fullmatch(text):
                    year = int(text)
                    read.append(i)
    if year is None and venue and (m := _CELL_YEAR.search(venue)):
        year = int(m.group(1))  # "ICCV 2023" in a table without a date column
    if year is None and (tagged := next((t for c in cells if (t := venue_tag(c)) and t[0] is None
                                         and t[2].startswith("[")), None)):
        year = tagged[1]  # "| [2024] [Title](url) |": the year the cell tags its link with
    return year or short_year, venue, read


def _br_names(cell: str) -> list[str] | None:
    """The names on the line after a title cell's ``<br>`` when they are all it says after the title."""
    parts = [p for p in BR.split(cell) if plain(p).strip()]
    return names_line(plain(parts[1])) if len(parts) == 2 else None  # (plain: "<sub>Ann Lee, Bo Kim</sub>")


def _italic_venue(raw: str) -> tuple[str, int] | None:
    """The venue and year of a line that is only them, in italics (``*CVPR 2024*``)."""
    s = raw.strip()
    if len(s) > 80 or s[:1] not in "*_" or s[-1:] not in "*_":
        return None
    vy = venue_year(s.strip("*_ "))
    return (vy[0], vy[1]) if vy and vy[0] else None


def _cell_description(cell: str) -> str:
    """What a title cell says after its title (see :func:`_cell_title`): the
    paper's description in a digest's table, its note.

    >>> _cell_description("2) **No Positional Encodings** - shows that ...")
    'shows that ...'
    >>> _cell_description("1) Ultra-Fast Models  This paper ..."), _cell_description("[**Yi-VL**](url) <br>")
    ('This paper ...', '')
    """
    c = _CELL_LEAD.sub("", _CELL_NUMBER.sub("", cell))
    bold = _CELL_BOLD.match(c)
    if bold:
        rest = c[bold.end():]
    elif c.lstrip().startswith("["):
        return ""  # a linked title: what follows is the link's badges and line breaks
    else:
        parts = _CELL_BREAK.split(c.strip(), 1)
        rest = parts[1] if len(parts) > 1 else ""
    return plain(rest).strip(" -–—:：|")


def _cells(row: str) -> list[str]:
    """The cells of a markdown table row (``\\|`` is a pipe inside a cell)."""
    s = row.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip() for c in _CELL_SPLIT.split(s)]


# columns of a table that hold a paper's id, written bare ("| Title | arXiv |" / "| T | 2406.13579 |")
_ID_COLUMNS = frozenset(["arxiv", "arxiv id", "arxiv号", "doi"])


def _bare_ids_labelled(row: str, header: list[str]) -> str:
    """A table row whose id columns hold bare ids, each id labelled as the column names it.

    >>> _bare_ids_labelled("| Widget Nets | 2406.13579 | 10.1000/x |", ["title", "arxiv", "doi"])
    '| Widget Nets | arXiv:2406.13579 | DOI: 10.1000/x |'
    """
    cells = _cells(row)
    changed = False
    for i, h in enumerate(header[:len(cells)]):
        c = cells[i].strip()
        if h in _ID_COLUMNS and h != "doi" and parse_arxiv_id(c) and ":" not in c and "/" not in c:
            cells[i], changed = f"arXiv:{c}", True
        elif h == "doi" and c.startswith("10.") and "[" not in c:
            cells[i], changed = f"DOI: {c}", True
    return "| " + " | ".join(cells) + " |" if changed else row


def _label_value_title(value: str) -> str | None:
    t = clean_title(value)
    if not t or BARE_URL.search(value) or not looks_like_title(t):
        return None
    return t


# a field's label written without its colon: bold ("**论文标题** Title", a Feishu doc's) or before a
# full-width space ("标题\u3000Title")
_UNCOLONED_LABEL = re.compile(
    r"^(\s*(?:[-*+>]\s+)?)(?:(?:\*\*|__)([^*_:：\n]{1,16}?)(?:\*\*|__)[ \t\u3000]+|([^\s:：*_]{1,8})\u3000+)(?=\S)"
)


def _plainer(line: str) -> str:
    """``line`` as the reader reads it: a one-line HTML paragraph as its text (``<p>作者：Ann
    Lee</p>``), a field's label with the colon it lacks (``**论文链接** url``)."""
    if line.startswith("<p>") and line.endswith("</p>") and "<p" not in line[3:]:
        line = line[3:-4]
    bold = line.find("**", 0, 8)  # (a label is short: its bold closes soon after it opens)
    if ((bold >= 0 and line.find("**", bold + 2, bold + 22) > 0) or (
            not line.isascii() and "\u3000" in line[:16])) and (labelled := _colon_for_label(line)):
        line = labelled
    return line


def _colon_for_label(line: str) -> str | None:
    """``line`` with the colon its known field label lacks (``**论文链接** url`` → ``论文链接：url``), else ``None``."""
    m = _UNCOLONED_LABEL.match(line)
    label = (m.group(2) or m.group(3)) if m else None
    if m is None or not label or label.strip().lower() not in _FIELD_KEYS:
        return None
    return f"{m.group(1)}{label.strip()}：{line[m.end():]}"


_SUB_ITEM = re.compile(r"^\s+[-*+]\s")  # an item nested in another


class _Lines:
    """A document's lines as the reader reads them: a hard break's ``\\\\`` dropped.

    Decoded when asked for (see :class:`~citegraph.lists.document.ListText`), never all held at once.
    """

    __slots__ = (
        "doc", "html_rows", "references", "properties", "org", "bibitems", "bibitem_rest", "plain", "pieces",
        "_rewritten",
    )

    def __init__(self, doc: ListText) -> None:
        self.doc = doc
        self.html_rows: dict[int, int] = {}  # an HTML table row's first line → its last (1-based)
        self.references: dict[str, tuple[str, int]] = {}  # reference link label → (url, line defining it)
        self.properties: dict[int, str] = {}  # a property table's row (1-based) → "Label: value"
        self.org = False  # an org-mode outline (see :mod:`citegraph.lists.other_markup`)
        self.bibitems: dict[int, int] = {}  # a \\bibitem over several lines: its first → its last (1-based)
        self.bibitem_rest: set[int] = set()  # those lines but the first: read as blank
        self.plain: dict[int, str] = {}  # a line (1-based) that reads as a plainer one (see find_plain)
        self.pieces: dict[int, str] = {}  # a line of many links (1-based) → the piece of it being read
        # the last line rewritten (the reader asks for the line it is on many times)
        self._rewritten: tuple[int, str] = (-1, "")

    def __len__(self) -> int:
        return len(self.doc)

    def forget(self) -> None:
        """Drop the line kept: call after a rewrite (``properties``, ``html_rows``, ...) is set."""
        self._rewritten = (-1, "")

    def __getitem__(self, index: int) -> str:
        if self._rewritten[0] == index:
            return self._rewritten[1]
        if self.html_rows and index + 1 in self.html_rows:
            row = row_markdown(self.doc, index + 1, self.html_rows[index + 1])  # read as a markdown row
            self._rewritten = (index, row)
            return row
        if self.properties and index + 1 in self.properties:
            return self.properties[index + 1]
        if self.bibitems and (index + 1 in self.bibitems or index + 1 in self.bibitem_rest):
            item = bibitem_line(self.doc, index + 1, self.bibitems[index + 1]) if index + 1 in self.bibitems else ""
            self._rewritten = (index, item)
            return item
        if self.plain and index + 1 in self.plain:
            return self.plain[index + 1]
        line = self.pieces[index + 1] if self.pieces and index + 1 in self.pieces else self.doc[index]
        if self.org:
            line = org_line(line)
        rewritten = bool(self.references) and "[" in line
        if rewritten:
            line = resolve_references(line, self.references)  # "[Title][1]": the link it stands for
        # rstrip, not a regex: "\\s*\\\\$" is quadratic on a long run of blanks
        line = line[:-1].rstrip() if line.endswith("\\") else line
        if rewritten:
            self._rewritten = (index, line)
        return line

    def find_plain(self) -> None:
        """Find, once, the lines that read as plainer ones (:func:`_plainer`); asked for many
        times a line, each ask only looks them up."""
        data = self.doc.data
        if b"<p>" not in data and b"**" not in data and "\u3000".encode() not in data:
            return
        for i in range(len(self)):
            line = self[i]
            if (plainer := _plainer(line)) != line:
                self.plain[i + 1] = plainer
        self._rewritten = (-1, "")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


class _Reader:
    """One document's state while its lines are read in order."""

    # (slots, not a __dict__: a dict of thirty attributes was 3 KB, a tenth of a small list's size)
    __slots__ = (
        "_blanks", "_cache", "anchor_lines", "anchored", "claims", "container", "depths", "doc", "group", "groups",
        "headings", "lines", "mentions", "notes", "notes_mentions", "notes_text", "page", "path", "pending_repos",
        "pending_title", "placeholders", "read_ahead", "section", "source", "table_rows",
        "table_skip", "texts", "warnings",
    )

    def __init__(self, doc: ListText, source: str):
        self.source = source
        self.doc = doc
        self.lines = _Lines(doc)
        used_definitions: set[int] = set()
        if has_definitions(doc.data):  # markdown reference links: read where they are used
            self.lines.references = definitions(doc)
            used_definitions = used_definition_lines(doc, self.lines.references)
        self.lines.org = is_org(doc.data)
        if b"\\bibitem" in doc.data:
            self.lines.bibitems = bibitem_blocks(doc)
            self.lines.bibitem_rest = {k for no, last in self.lines.bibitems.items() for k in range(no + 1, last + 1)}
        self.lines.find_plain()
        self.mentions = MentionRows()  # rows, but for the entries read or made on the line at hand
        self.warnings: list[ListWarning] = []
        self.groups = _Finished(len(self.lines))  # the section's items before the current one
        self.group: _Group | None = None  # the item being read
        self.section = 0
        self.headings: list[tuple[int, str, int]] = []  # (level, text, depth of the page's blocks it stands in)
        self.path = ""
        # An HTML page's blocks (div, section, ...) open around each line: a heading or
        # a line of prose inside a block that has closed scopes nothing after it.
        # Counted only on pages, 2 bytes a line.
        self.page = any(_PAGE_START.match(self.lines[i]) for i in range(min(5, len(self.lines))))
        self.depths = array("H")  # depth before each line read so far (pages only)
        self.texts: list[tuple[int, str, bool]] = []  # the section's prose: (line, text, split point)
        self.claims: dict[int, int] = {}  # line linking to an anchor → the paper whose entry it is in
        self.pending_repos: list[str] = []
        self.pending_title: int | None = None
        self.anchor_lines = self._anchor_targets()
        # which paper claims a line is asked only of lines linking to an anchor
        self.anchored = {no for nos in self.anchor_lines.values() for no in nos}
        self.notes: tuple[int, str] | None = None  # (heading level, anchor) of a notes section
        self.notes_text: dict[str, list[str]] = {}
        self.notes_mentions: list[tuple[int, str]] = []
        self._cache: dict[int, Line] = {}
        self._blanks: array[int] | None = None
        self.container = False
        self.table_rows, self.table_skip = self._tables()
        self._property_tables()
        self.table_skip |= used_definitions  # (no notes, and no papers of their own)
        if _HTML_TABLE.search(doc.data):
            html = html_tables(self.doc)
            self.lines.html_rows = html.rows
            self.table_rows.update(html.headers)
            self.table_skip |= html.covered
        # papers a malformed link or id stands for (their indexes): no later link is theirs
        self.placeholders: set[int] = set()
        self.read_ahead = 0  # the last line already read with one above it (a card title, a line of names)
        self.lines.forget()  # lines read while the rewrites above were found may be stale
        self._find_long_lines()

    def _find_long_lines(self) -> None:
        """Lines of many links the reader reads a piece at a time (:meth:`ListText.pieces`), each
        first seen as its first piece: read whole, a line of thousands held all their papers' parts at
        once.  Not a table's row, a heading, a quote, a tag or any line read as another, whose pieces
        would read otherwise than the line.  (A sentence citing hundreds of papers gives each the
        words of its piece as its note.)"""
        lines, doc = self.lines, self.doc
        if self.page:
            return
        rewritten = (lines.html_rows, lines.properties, lines.bibitems, lines.bibitem_rest, lines.plain,
                     self.table_rows, self.table_skip)
        for i in doc.lines_of_many_links():
            if not any(i + 1 in table for table in rewritten):
                first = next(doc.pieces(i))
                if first.lstrip()[:1] not in ("#", "|", "<", ">"):
                    lines.pieces[i + 1] = first
        lines.forget()

    def _read_as(self, no: int, fence: bool) -> Iterator[str]:
        """Line ``no`` as the reader reads it: whole, or a piece at a time when it names many links
        (see :meth:`_find_long_lines`; not in a code block)."""
        pieces = self.lines.pieces
        if fence:
            del pieces[no]
            yield self.lines[no - 1]
            return
        for piece in self.doc.pieces(no - 1):
            pieces[no] = piece  # what line no reads as, to the reader and its look-ahead, while it is read
            self.lines.forget()
            self._cache.pop(no, None)
            yield self.lines[no - 1]

    # -- helpers -------------------------------------------------------
    def _anchor_targets(self) -> dict[str, list[int]]:
        targets: dict[str, list[int]] = {}
        if b"](#" not in self.doc.data:
            return targets  # (no line decoded: most lists link to no anchor)
        for i, line in enumerate(self.lines, 1):
            if "](#" in line:
                for m in matches(_ANCHOR_LINK, line):
                    targets.setdefault(_slug(m.group(1)), []).append(i)
        return targets

    def _tables(self) -> tuple[dict[int, list[str]], set[int]]:
        """Data rows of markdown tables (line → the header's column names, lower case)
        and the header and separator lines, which are no notes."""
        rows: dict[int, list[str]] = {}
        skip: set[int] = set()
        n = len(self.lines)
        seps: list[tuple[int, int, list[str]]] = []  # (separator line, its table's last row, header)
        if b"|" not in self.doc.data:
            return rows, skip  # (no line decoded: a list with no table)
        for i, line in enumerate(self.lines, 1):
            if "|" not in line or "-" not in line or i < 2 or "|" not in self.lines[i - 2]:
                continue
            if not _TABLE_SEP.match(line):
                continue
            # (a column's emoji is no part of its name: "| 📄 论文 | 🏛️ 会议 |")
            header = [" ".join(without_symbols(plain(c)).lower().split()) for c in _cells(self.lines[i - 2])]
            cells = _cells(line)
            short = not all(_LONG_SEP_CELL.fullmatch(c) for c in cells)
            if short and (len(cells) != len(header) or (seps and i <= seps[-1][1])):
                continue  # short dashes: GFM's delimiter under a header as wide; inside a table, a row
            skip.update((i - 1, i))
            if seps and i <= seps[-1][1]:  # a separator among the rows above: the same table goes on
                seps.append((i, seps[-1][1], header))
                continue
            k = i + 1
            while k <= n and "|" in self.lines[k - 1] and self.lines[k - 1].strip():
                k += 1
            seps.append((i, k - 1, header))
        # a row has the header of the last separator above it (walking the rest of the
        # table from each separator was quadratic in a run of separator lines)
        for (i, last, header), (after, _, _) in zip(seps, [*seps[1:], (n + 1, 0, [])]):
            for k in range(i + 1, min(last, after) + 1):
                rows[k] = header
        return rows, skip

    def _property_tables(self) -> None:
        """Tables of one paper's properties, two columns headed ``Property | Value`` (a Notion
        page's export, ``属性 | 值``), or headed by nothing when each key is a paper's field
        (``| **Title** | T |``): each row reads as a labelled line (``Authors: Ann Lee``)."""
        for no, header in list(self.table_rows.items()):
            named = len(header) == 2 and (header[0] in _KEY_COLUMNS or header[1] in _VALUE_COLUMNS)
            if not named and header != ["", ""]:
                continue
            cells = _cells(self.lines[no - 1])
            key = plain(cells[0]).strip() if len(cells) == 2 else ""
            if not key or (not named and key.lower() not in _FIELD_KEYS):
                continue
            del self.table_rows[no]
            self.lines.properties[no] = f"{key}: {cells[1]}"
            if no - 1 in self.table_skip and no - 2 in self.table_skip:  # its header: blank lines
                self.table_skip -= {no - 1, no - 2}
                self.lines.properties.update({no - 1: "", no - 2: ""})

    def hard_break(self, no: int) -> bool:
        """A markdown hard break ("\\\\" or two spaces) ends line ``no``: the entry goes on
        below it (``**Title** \\\\`` / ``*authors* \\\\`` / ``venue [Paper](url)``)."""
        # (its piece, for a line of many links: never decoded whole)
        raw = self.lines.pieces[no] if no in self.lines.pieces else self.doc[no - 1]
        return (raw.endswith(("  ", "\\")) or bool(_BR_END.search(raw[-8:]))) and bool(raw.strip())

    def _anchor_owner(self, slug: str) -> Entry | None:
        """The paper whose list item links to ``#slug`` (a table of contents is no paper)."""
        for no in self.anchor_lines.get(slug, ()):
            if no in self.claims:
                return self.mentions[self.claims[no]]
        return None

    def line(self, no: int) -> Line:
        info = self._cache.get(no)
        if info is None:
            raw, header = self.lines[no - 1], self.table_rows.get(no)
            if header is not None and not _ID_COLUMNS.isdisjoint(header):
                raw = _bare_ids_labelled(raw, header)
            info = analyse(raw, no, header is not None)
            self._cache[no] = info
        return info

    def warn(self, no: int, message: str) -> None:
        self.warnings.append(ListWarning(f"{self.source}:{no}", message))

    def new_entry(
        self, no: int, ids: dict[str, str], title: str | None, name: str | None = None, ref: Ref | None = None
    ) -> Entry:
        e = Entry(title=title, name=name, tags=[self.path] if self.path else [], sources=[f"{self.source}:{no}"])
        for k, v in ids.items():
            setattr(e, k, v)
        year = date_tag_year(self.lines[no - 1][:80])  # the tag opens the line: never copy a long one per paper
        if year:
            e.year = year
        if ref is not None:
            _attach_meta(e, ref)
        self.mentions.append(e)
        return e

    def boundary(self) -> None:
        self._drop_pending_title()
        self._share_text()  # the section is over: its prose goes to its papers now, and is let go
        self.group = None
        self.section += 1
        self.pending_title = None
        self.pending_repos = []

    def _drop_pending_title(self) -> None:
        if self.pending_title is not None:
            self.warn(self.pending_title, "title label with no title after it")
            self.pending_title = None

    def current(self) -> tuple[_Group | None, Entry | None]:
        g = self.group
        if g is None or g.section != self.section:
            return None, None
        return g, self.mentions[g.last]

    def start_group(self, no: int, e: Entry) -> None:
        self.boundary_item()
        self.group = _Group(self.section, self.mentions.index(e), no, no)
        if no in self.anchored:
            self.claims[no] = self.mentions.index(e)
        if self.pending_repos:
            e.repos = with_new(e.repos, self.pending_repos)
            self.pending_repos = []

    def claim(self, g: _Group, no: int, e: Entry) -> None:
        g.end = max(g.end, no)
        if no in self.anchored:
            self.claims.setdefault(no, self.mentions.index(e))

    # -- main loop -----------------------------------------------------
    def read(self) -> tuple[EntryRows, list[ListWarning]]:
        n = len(self.lines)
        paper, no, warnings = front_matter(self.lines, self.source)
        self.warnings.extend(warnings)
        if paper is not None:  # a note about one paper: what it says before another is that paper's
            self.mentions.append(paper)
            self.start_group(1, paper)
        if self.page:
            self.depths.extend([0] * (no - 1))
        depth = 0
        container = False
        fence = False
        markup = _Markup(self.page)
        while no <= n:
            if self.page:  # (a page's lines are read whole: one depth a line)
                self.depths.append(min(markup.blocks, 0xFFFF))
                if self.headings and self.headings[-1][2] > markup.blocks:
                    self._close_headings(markup.blocks)
            pieces = self.lines.pieces
            for raw in self._read_as(no, fence) if pieces and no in pieces else (self.lines[no - 1],):
                if markup.skips(raw, fence):
                    continue
                if ("`" in raw or "~" in raw) and _FENCE.match(raw):
                    fence = not fence
                opens = len(_DETAILS_OPEN.findall(raw)) if "<" in raw else 0
                closes = len(_DETAILS_CLOSE.findall(raw)) if "<" in raw else 0
                if depth == 0 and opens and not fence and self.notes is None:
                    summary = self._container_title(no)
                    if summary is not None:
                        self.boundary()
                        container = True
                        e = self.new_entry(self._summary_line(no), {}, summary.title, ref=summary)
                        self.start_group(self._summary_line(no), e)
                depth = max(0, depth + opens - closes)
                self.container = container
                self._line(no, raw, fence, container)
                self._cache.pop(no, None)  # only look-ahead needs a line's analysis kept: memory stays small
                if container and depth == 0:
                    container = False
                    self.boundary()
                # the line's papers are rows again, but for the item's last, which its next lines may add to
                self.mentions.settle(keep=self.group.last if self.group is not None else None)
            no += 1
        self._drop_pending_title()
        self._share_text()
        self._attach_notes()
        self.mentions.settle()
        # a named item whose link never came (fenced off, say) names no paper
        rows = self.mentions.rows
        named = ("arxiv", "doi", "s2_id", "title")
        if not all(any(rows.fields(i, named)) for i in range(len(rows))):  # (rare: no list of every index)
            rows = EntryRows(e for i, e in enumerate(rows) if any(rows.fields(i, named)))
        return rows, self.warnings

    def _container_title(self, no: int) -> Ref | None:
        """The paper a top-level ``<details>`` block's summary names, if any: a bold
        summary, or any summary of a block that holds a paper link or id; its title,
        and the venue or authors written after it (``Title (CVPR 2024)``)."""
        for k in range(no, min(no + 3, len(self.lines)) + 1):
            m = _SUMMARY.search(self.lines[k - 1])
            if m:
                t = clean_title(m.group(1))
                cited = title_then_byline(t)
                summary = Ref(title=t) if cited is None else Ref(
                    title=cited[0], authors=cited[1] or None, venue=cited[2], year=cited[3])
                if not t or _GENERIC_SUMMARY.match(t) or not looks_like_title(t):
                    return None
                ids = self._block_ids(no)
                if ids > 1:
                    return None  # a block of several papers is a section ("<summary>milestone papers</summary>")
                if _BOLD_TAG.search(m.group(1)) or ids:
                    return summary
                return None
        return None

    def _block_ids(self, no: int) -> int:
        """How many lines of the ``<details>`` block opening at ``no`` name a paper id (0, 1 or 2: several)."""
        depth = 0
        hint = False
        seen: set[str] = set()
        for k in range(no, len(self.lines) + 1):
            line = self.lines[k - 1]
            if _PAPER_HINT.search(line):
                hint = True
                seen.update(m.group(0).lower() for m in matches(_ID_TOKEN, line))
                if len(seen) > 1:
                    return 2  # distinct papers: the same paper's id on two lines is one
            depth += len(_DETAILS_OPEN.findall(line)) - len(_DETAILS_CLOSE.findall(line))
            if depth <= 0:
                break
        return 1 if hint else 0

    def _summary_line(self, no: int) -> int:
        for k in range(no, min(no + 3, len(self.lines)) + 1):
            if "<summary" in self.lines[k - 1].lower():
                return k
        return no

    def _line(self, no: int, raw: str, fence: bool, container: bool) -> None:
        stripped = raw.strip()
        if not stripped or no <= self.read_ahead:
            return
        first = stripped[0]
        heading = None
        if not fence and (first == "#" or (first == "<" and stripped[:2].lower() == "<h")):
            heading = _HEADING.match(raw) or _HTML_HEADING.match(raw)
            if heading is None and first == "<" and _TITLE_CLASS.search(raw):
                heading = self._card_title_lines(no)
        if heading and heading.group(1).isdigit() and _TITLE_CLASS.search(raw):
            self._card_title(no, heading.group(2))  # <h2 class="paper-title">: a card's title, no section
            return
        if heading:
            self._heading(no, heading)
            return
        if first == "<" and self.page and self.group is not None and _TAG_CHIP.search(stripped):
            self._card_chips(no, stripped)
            return
        if first == "<" and _AUTHORS_CLASS.match(stripped) and self.group is not None:
            card = self.mentions[self.group.last]
            fresh = card.sources[-1] == f"{self.source}:{self.group.start}" and no - self.group.start <= 3
            if not card.authors and fresh:
                card.authors = _authors(plain(stripped))  # <p class="paper-authors">A, B</p> under the card's title
                return
        if first in "-*_" and not fence and not container and _RULE.match(raw):
            self.boundary()
            return
        if first == "<" and stripped[-1] == ">" and _PURE_TAGS.match(stripped):
            return  # <details>, </p>, ...: structure, not notes
        g, e = self.current()
        if container and "<summary" in raw.lower() and not _PAPER_HINT.search(raw):
            return  # the paper's own summary, or its "Abstract"/"Key points" ones
        if no in self.table_skip and not fence:
            return  # a table's header and separator rows
        info = self.line(no)
        for w in info.warnings:
            self.warn(no, w)
        if self.notes is not None:
            self._notes_line(no, info)
            return
        if no in self.table_rows and not fence:
            self._table_row(no, raw, info)
            return
        if info.refs:
            self._refs(no, info)
            return
        if fence:
            self._text(no, info)
            return
        if self.pending_title is not None:
            title = clean_title(raw)
            if looks_like_title(title):
                self.pending_title = None
                self._title(no, title)
                return
            self._drop_pending_title()
        if raw.count("|") >= 2 and ITEM_START.match(raw) and self._piped_row_without_id(no, raw):
            return
        lab = split_label(raw)
        if lab and self._label(no, raw, info, lab):
            return
        if lab and ("**" in raw or "__" in raw):
            self._bold_name_label(no, raw)
        bold = _BOLD_LINE.match(raw) if ("**" in raw or "__" in raw) else None
        vy = venue_year(bold.group("venue")) if bold and bold.group("venue") else None
        if bold and bold.group("venue") and not vy:
            bold = None  # "**Title** (a note)": no bold line
        bold_text = bold.group(3) if bold else ""
        if bold and (page := MD_LINK.fullmatch(bold_text.strip())) and LOCAL_PAGE.match(page.group(2)):
            bold_text = page.group(1)  # "**[Title](./papers/title/)**": the list's own page on the paper
        if bold and not MD_LINK.search(bold_text) and self._bold_title(no, bold_text, bool(bold.group(1))):
            if vy and (e := self.current()[1]) is not None and e.venue is None:
                e.venue, e.year = vy[0], e.year or vy[1]
            return
        if not info.refs and self._title_over_links_line(no, raw):
            return
        if bold and info.repos and not info.prose:
            # **[Name](github.com/org/repo)** heads what follows, like a heading
            add_new(self.pending_repos, info.repos)
            return
        if (self.hard_break(no) or self._term(no)) and not info.refs and self._title_over_link(no, raw):
            return
        if not info.refs and self._title_names_links(no, raw):
            return
        if not info.refs and no < len(self.lines) and ITEM_START.match(raw) and self._item_over_its_links(no, raw):
            return
        first = self.lines[g.start - 1] if g is not None and g.start < no <= g.start + 3 else ""
        under_title = first.count("*") >= 4
        # "- Title" / "  *A, B*": a list item's continuation line of italic names
        in_item = bool(first) and raw[:1].isspace() and bool(ITEM_START.match(first))
        if g and e and (under_title or in_item) and not e.authors and not info.refs:
            # "*A, B*" (or "A, B<br>") under its bold title; on an item, only italic people's names
            by = None
            if under_title:
                by = author_line(raw)
            else:
                authors = italic_authors(raw.strip())
                if authors and all(people(n) for n in authors):
                    by = authors, None, None
                else:  # "- Title" / "  > Ann Lee, Bo Kim. CVPR 2024.": names with a venue and year
                    by = written_byline(strip_line_markers(raw))
                    if by is None and not e.ids and (names := names_line(raw)):
                        by = names, None, None  # "1. Title" / "   Ann Lee, Bo Kim" / ... / its link below
            if by:
                e.authors, e.venue, e.year = by[0], e.venue or by[1], e.year or by[2]
                self.claim(g, no, e)
                return
        if g and e and e.title and (e.ids or self.container) and no == g.end + 1 and not e.authors and (
                not info.refs) and (by := written_byline(strip_line_markers(plain(raw))) or (
                author_line(raw[2:]) if raw.startswith((": ", ":\t")) else None)):
            # (": Ann Lee, Bo Kim — CVPR 2024": a definition list's definition under its term's paper)
            e.authors, e.venue = by[0], e.venue or by[1]  # "<h3><a>Title</a></h3>" / "<p>A, B. CVPR 2024.</p>"
            e.year = e.year or by[2]
            self.claim(g, no, e)
            return
        if g and e and under_title and e.venue is None and not info.refs and (vy := _italic_venue(raw)):
            e.venue, e.year = vy[0], e.year or vy[1]  # "**Title**" / "*CVPR 2024*"
            self.claim(g, no, e)
            return
        if g and e and in_item and not e.ids and e.venue is None and not info.refs and (
                vy2 := venue_year(raw.strip())) and vy2[0]:
            e.venue, e.year = vy2[0], e.year or vy2[1]  # "1. Title" / "   CVPR 2024" / ... / its link below
            self.claim(g, no, e)
            return
        if info.repos or info.anchors:
            if g and e:
                e.repos = with_new(e.repos, info.repos)
                if not info.prose:
                    self.claim(g, no, e)
            else:
                add_new(self.pending_repos, info.repos)
        self._text(no, info)

    def _text(self, no: int, info: Line) -> None:
        # Lines of labels and links only (a headline linking a news article, a
        # "Code: url" line, a bold sub-heading) are not notes.
        g, e = self.current()
        if info.prose and e is not None and g is not None and not e.authors and g.end >= no - 2:
            raw = self.lines[no - 1]
            if _SUB_ITEM.match(raw) and (names := names_line(strip_line_markers(raw))):
                e.authors = names  # "- Title" / "    - url" / "    - Ann Lee, Bo Kim": a line of the item's, names only
                self.claim(g, no, e)
                return
            if g.end == no - 1 and e.title and (by := parted_fields(plain(raw))) and len(by[0]) >= 2:
                e.authors, e.venue, e.year = by[0], e.venue or by[1], by[2] or e.year
                self.claim(g, no, e)  # "#### [Title](url)" / "Ann Lee, Bo Kim · CoRL 2024": its byline, no note
                return
        if info.prose:
            split = bool(_NUMBERED.match(self.lines[no - 1]))
            self.texts.append((no, info.text, split))
        if info.prose and self.group is not None and self.group.section == self.section:
            self.group.open = False

    def _heading(self, no: int, m: re.Match[str]) -> None:
        level = len(m.group(1)) if m.group(1).startswith("#") else int(m.group(1))
        text = plain(m.group(2))
        if self.notes is not None:
            if level > self.notes[0]:
                self.notes_text[self.notes[1]].append(text)
                return
            self.notes = None
        self.boundary()
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, text, self.depths[no - 1] if self.page else 0))
        self._set_path()
        slug = _slug(m.group(2))
        if slug and self._anchor_owner(slug) is not None:
            self.notes = (level, slug)
            self.notes_text.setdefault(slug, [])
            return
        info = self.line(no)
        for w in info.warnings:
            self.warn(no, w)
        self.pending_repos = list(info.repos)
        if info.refs:
            self._refs(no, info, force_standalone=True)
        elif self._links_under(no) and (
                level >= 3 or _TITLE_HEADING.match(m.group(2)) or self._one_paper_section(no)):
            # "### Title" over "[[Paper](url)] [[Code](url)]": the heading titles that paper too
            # (above level 3 when it is numbered, a note's, or over one paper: "## 1. Title", "# Title" of a page)
            title, vy = _heading_paper(text)  # "#### Title (2024)", "### [CVPR 2024] Title"
            name = None
            if (named := _NAME_AFTER_TITLE.match(title)) and (name := given_name(named.group(2))):
                title = named.group(1)  # "### 1. Title (DDPM)": the name the paper is known by
            e = self.new_entry(no, {}, title, name)
            if vy:
                e.venue, e.year = vy[0], vy[1]
            self.start_group(no, e)
            k = next(k for k in range(no + 1, len(self.lines) + 1) if self.lines[k - 1].strip())
            if (names := self._names_over_links(k)) is not None:  # "#### Title" / "Ann Lee, Bo Kim" / links
                e.authors, e.venue, e.year = names[0], e.venue or names[1], e.year or names[2]
                self.read_ahead = names[3]
            elif (by := self._byline_links(k)) is not None:  # "<h4>Title</h4>" / "<p>A, B. CVPR 2024. <a>arXiv</a>"
                self._byline_is_theirs(e, k, by)
            elif self._prose_with_its_link(no, k):
                prose = self.line(k)  # "## Title" / "We track gadgets. [arXiv](url)": the heading's link, its note
                prose.standalone, prose.note = True, prose.text

    def _links_under(self, no: int) -> bool:
        """Whether the first line after heading ``no`` is its paper's links and nothing else
        (one untitled paper, labels around it; a line of its authors may come first), and
        the heading reads as a paper's title."""
        title = _heading_paper(self.lines[no - 1].lstrip("#"))[0]
        if not (title[:1].isupper() or title[:1].isdigit()) or not looks_like_title(title, strict=True):
            return False
        # (a property table's header is not counted: "# Title" / "| Property | Value |" / "|---|---|" / rows)
        heads = self.lines.properties  # (a property table's header lines read as "")
        below = islice((k for k in range(no + 1, len(self.lines) + 1) if heads.get(k) != ""), 3)
        k = next((k for k in below if self.lines[k - 1].strip()), 0)
        return bool(k) and (
            self._links_only(k) or self._names_over_links(k) is not None or self._labelled_then_links(no, k)
            or self._byline_links(k) is not None or self._prose_with_its_link(no, k))

    def _prose_with_its_link(self, no: int, k: int) -> bool:
        """Line ``k`` under heading ``no`` is prose holding the one paper of the heading's
        section, untitled (``## Title`` / ``We track gadgets. [arXiv](url)``)."""
        refs = self.line(k).refs
        return (len(refs) == 1 and refs[0].identified and refs[0].title is None and not refs[0].name
                and self._one_paper_section(no))

    def _byline_is_theirs(self, e: Entry, k: int, by: tuple[list[str], str | None, int | None]) -> None:
        """Line ``k``'s byline and link are paper ``e``'s (see :meth:`_byline_links`): the line's words
        were no title of their own."""
        e.authors, e.venue, e.year = by[0], e.venue or by[1], e.year or by[2]
        ref = self.line(k).refs[0]
        ref.title = ref.name = ref.venue = ref.authors = ref.year = None

    def _byline_links(self, k: int) -> tuple[list[str], str | None, int | None] | None:
        """What line ``k`` says of its one paper when it is only who wrote it and where, and
        the paper's untitled link (``Ann Lee, Bo Kim. CVPR 2024. [arXiv](url)``)."""
        raw = self.lines[k - 1]
        if "http" not in raw and "arxiv:" not in raw.lower():
            return None
        refs = self.line(k).refs
        if len(refs) != 1 or not refs[0].identified:
            return None
        if "http" in raw:
            return written_byline(plain(raw))
        # "A Lee, B Kim - arXiv preprint arXiv:ID, 2024" (Google Scholar's): the id is the paper's, not the byline's
        return author_line(TEXT_ARXIV.sub(" ", plain(raw)))

    def _labelled_then_links(self, no: int, k: int) -> bool:
        """Under title line ``no``, line ``k`` opens lines of the paper's labelled parts, and its
        links follow them (``作者：Ann Lee, Bo Kim`` / ``机构：...`` / ``论文：url``), or end the
        line of them (``作者：A, B | 会议：CVPR 2024 | [论文](url)``)."""
        if not _LABELLED_LINE.match(self.lines[k - 1]):
            return False
        below = self._link_below(no)
        if not below:
            return False
        links = self.line(no + below)
        return self._links_only(no + below) or (
            len(links.refs) == 1 and links.standalone and links.refs[0].identified and links.refs[0].title is None
            and bool(links.refs[0].authors or links.refs[0].venue))

    def _one_paper_section(self, no: int) -> bool:
        """The section under heading ``no`` names one paper, on one line (``## Title`` /
        ``> 论文：url`` / ``> 代码：url``): the heading is that paper's title, not a topic's."""
        lines = 0
        for k in range(no + 1, min(no + 16, len(self.lines)) + 1):
            raw = self.lines[k - 1]
            if raw.lstrip().startswith("#") or _RULE.match(raw):
                return lines == 1
            if raw.strip() and (refs := self.line(k).refs):
                lines += 1
                if lines > 1 or refs[0].name:
                    return False  # two papers, or one the list names ("## Unified" / "- [Janus](url)")
        return lines == 1 and no + 16 > len(self.lines)  # (a long section is a topic's)

    def _links_only(self, no: int) -> bool:
        """Line ``no`` is one untitled paper's links and labels, nothing else."""
        nxt = self.line(no)
        return (len(nxt.refs) == 1 and nxt.standalone and not nxt.prose and nxt.refs[0].title is None
                and nxt.refs[0].identified)

    def _names_over_links(self, no: int) -> tuple[list[str], str | None, int | None, int] | None:
        """The authors (and venue and year) line ``no`` gives when the line under it is its
        paper's links only (a title above, then ``Ann Lee, Bo Kim. CVPR 2024.``, then ``[arXiv](url)``),
        or a line of its venue and year and then the links; and the last of those lines before the links."""
        if no >= len(self.lines) or not self.lines[no].strip():
            return None
        last, venue = no, None
        if not self._links_only(no + 1):  # (the links first: most lines have none under them, and names cost more)
            venue = _venue_line(self.lines[no]) if no + 1 < len(self.lines) else None
            if venue is None or not self._links_only(no + 2):
                return None
            last = no + 1  # "Ann Lee, Bo Kim" / "CVPR 2024" / "[arXiv](url)"
        by = author_line(self.lines[no - 1])
        if by is None or (venue and by[1]):
            return None
        return (by[0], *venue, last) if venue else (*by, last)

    def _title_names_links(self, no: int, raw: str) -> bool:
        """A paragraph's line that reads as a title, then a line of names, then the paper's
        links (``> Title`` / ``> Ann Lee, Bo Kim`` / ``> [arXiv](url)``): one paper."""
        if no + 2 > len(self.lines) or ITEM_START.match(raw):
            return False
        by = self._names_over_links(no + 1)
        if by is None or not self._opens_paragraph(no):
            return False
        title = clean_title(raw)
        if not looks_like_title(title, strict=True) or author_line(raw):
            return False
        self.boundary_item()
        self.pending_title = None
        e = self.new_entry(no, {}, title)
        e.authors, e.venue, e.year = by[0], by[1], e.year or by[2]
        self.start_group(no, e)
        self.read_ahead = by[3]
        return True

    def _close_headings(self, blocks: int) -> None:
        """The block a page's heading stood in has closed: its section ends there
        (``<div class="modal"><h2>Share Selected Papers</h2>...</div>`` then the cards)."""
        self.boundary()
        while self.headings and self.headings[-1][2] > blocks:
            self.headings.pop()
        self._set_path()

    def _set_path(self) -> None:
        self.path = " / ".join(t for _, t, _ in self.headings if t)

    def _notes_line(self, no: int, info: Line) -> None:
        assert self.notes is not None
        anchor = self.notes[1]
        if info.text:
            self.notes_text[anchor].append(info.text)
        for ref in info.refs:
            e = self.new_entry(no, ref.ids, ref.title, ref.name)
            if not info.standalone:
                e.text = info.text
            self.notes_mentions.append((self.mentions.index(e), anchor))
        if info.repos:
            self.notes_text[anchor].append("\0repos\0" + "\0".join(info.repos))

    def _refs(self, no: int, info: Line, force_standalone: bool = False, item: bool = False) -> None:
        if not (info.standalone or force_standalone):
            for ref in _spend(info):
                self.new_entry(no, ref.ids, ref.title, ref.name).text = info.text
            self._text(no, info)
            return
        new_item = item or (bool(ITEM_START.match(self.lines[no - 1])) and not self.container)
        titled = any(r.title for r in info.refs)
        for i, ref in enumerate(_spend(info)):
            opens_item = new_item and i == 0  # a list item's first paper opens an item of its own
            g, e = self.current()
            if g is not None and e is not None:
                # the same paper again in an item of its own is one more place it is listed
                again = _same_paper(e, ref) and not opens_item
                if again or (self.mentions.index(e) not in self.placeholders and _can_attach(
                        e, ref, g.open, opens_item)):
                    _attach(e, ref)
                    self.claim(g, no, e)
                    g.open = True
                    e.repos = with_new(e.repos, info.repos)
                    continue
            new = self.new_entry(no, ref.ids, ref.title, ref.name, ref)
            if not ref.identified:  # a malformed link or id, or a paper page without one
                self.placeholders.add(self.mentions.index(new))
            new.repos = with_new(new.repos, info.repos)
            new.repos = with_new(new.repos, self.pending_repos)
            self.pending_repos = []
            # papers quoted together share an item; a list item is an item of its own
            if g is not None and g.open and not opens_item:
                g.add(self.mentions.index(new))
                self.claim(g, no, new)
            else:
                self.start_group(no, new)
        if info.note:
            self.texts.append((no, info.note, False))
        if titled:
            self.pending_title = None
        else:
            self._drop_pending_title()

    def _title(self, no: int, title: str, name: str | None = None) -> None:
        g, e = self.current()
        other_name = bool(name and e is not None and e.name and e.name != name)
        if g is None and (above := self._untitled_id_above(no)) is not None:
            above.title, above.name = title, above.name or name  # "[1] arXiv:ID [pdf, other]" / "Title: T"
            above.text = ""  # (its line's words come back with the item's notes)
            self.start_group(no, above)
            return
        # (not a paper that has its id when the label's own link follows it: "- url" / "" / "论文标题：T" /
        # "论文链接：url2" is two papers)
        if g is not None and e is not None and g.open and e.title is None and not other_name and not (
                e.ids and no > g.end + 1 and self._link_below(no)):
            e.title = title
            e.name = e.name or name
            self.claim(g, no, e)
            return
        self.pending_title = None
        self.start_group(no, self.new_entry(no, {}, title, name))

    def _untitled_id_above(self, no: int) -> Entry | None:
        """The paper the line above named by its id alone, outside any item, when it has no title
        yet: a title label right under it is its title (arXiv's own listing: ``[1] arXiv:ID [pdf,
        other]`` / ``Title: T`` / ``Authors: ...``)."""
        if not self.mentions or no < 2:
            return None
        e = self.mentions[-1]
        if e.title or not e.ids or e.sources != [f"{self.source}:{no - 1}"] or len(self.line(no - 1).refs) != 1:
            return None
        return e

    def _table_row(self, no: int, raw: str, info: Line) -> None:
        """A table row is an item of its own: its paper link, its title and model
        name from the columns so headed, the other cells its note.  A row naming
        no paper is nobody's note (not the row above's, nor the one below's)."""
        header = self.table_rows[no]
        cells = _cells(raw)
        if RECORDING_COLUMNS.intersection(header):
            header = []  # a table of recordings: no column is the paper's
            for talked_of in info.refs:  # nor its link's text: the talk's title ("[Llama 3.1论文精读 · 2. 数据](url)")
                talked_of.title = None
        name_col = next((i for i, h in enumerate(header) if h in NAME_COLUMNS), None)
        title_col = next((i for i, h in enumerate(header) if _titles_column(h)), None)
        name = None
        if name_col is not None and name_col < len(cells):
            name = given_name(cells[name_col], column=True) or coined_name(cells[name_col])  # it says so outright
        own_name = None
        title = None
        if title_col is not None and title_col < len(cells):
            t = _cell_title(cells[title_col])
            if (looks_like_title(t) or (given_name(t) and not info.refs[1:])) and not is_id_text(t):
                title = t  # a title column holding a name ("MEM1") gives it as the title too
                own_name = given_name(t)
        elif name_col is not None and name_col < len(cells):
            t = _cell_title(cells[name_col])
            if _NAMED_BY_TITLE.match(t) and looks_like_title(t, strict=True):
                title, name = t, None  # Notion's "Name" column: the page's title, a paper's whole title
        year, venue, read = _row_year_venue(header, cells)
        author_col = next((i for i, h in enumerate(header) if h in AUTHOR_COLUMNS and i < len(cells)), None)
        authors = _authors(cells[author_col]) if author_col is not None else []
        if author_col is not None and authors:
            read.append(author_col)  # (a field, not a note)
        description = ""
        if title and title_col is not None:
            description = _cell_description(cells[title_col])
            if not authors and "<" in cells[title_col] and (names := _br_names(cells[title_col])):
                authors, description = names, ""  # "**Title**<br>Ann Lee, Bo Kim": the title cell's byline
        own = {name_col, title_col, *read}
        notes = [
            plain(c) if i not in own else description if i == title_col else "" for i, c in enumerate(cells)
        ]
        note = " | ".join(t for t in notes if t and not is_label_only(t))
        if info.refs:
            # the columns describe the row's one paper, or the one whose link stands in their cell
            # (a row also cites its paper by a citation badge: "[![citation](...)](semanticscholar/...)")
            ref = info.refs[0] if len(info.refs) == 1 else self._ref_in_cells(raw, info, (name_col, title_col))
            if ref is not None:
                ref.title = ref.title or title
                ref.name = name or ref.name or own_name  # the column says it outright
                ref.year, ref.venue = ref.year or year, ref.venue or venue
                if info.badge and ref.venue is None:  # "| ![](.../badge/CVPR-2024-blue) | [Title](url) |"
                    ref.venue, ref.year = info.badge[0], ref.year or info.badge[1]
                ref.authors = ref.authors or authors or None
            info.standalone = True
            info.note = note
            self.boundary_item()  # a row's paper never joins the paper of the row above
            self._refs(no, info, item=True)
            return
        if title:
            meta = Ref(year=year, venue=venue, authors=authors or None)
            self.start_group(no, self.new_entry(no, {}, title, name, meta))
            if note:
                self.texts.append((no, note, False))

    @staticmethod
    def _ref_in_cells(raw: str, info: Line, cols: tuple[int | None, ...]) -> Ref | None:
        """The ref alone in the first of these cells that holds one."""
        work = work_text(raw)
        for col in cols:
            if col is not None:
                inside = [r for r in info.refs if _cell_of(work, r.pos) == col]
                if len(inside) == 1:
                    return inside[0]
        return None

    def _bold_name_label(self, no: int, raw: str) -> None:
        """``**Orthus**: notes`` over an untitled paper link starts that paper's
        item, named so: the link below joins it and the notes are its own."""
        m = _BOLD_NAME_LABEL.match(raw)
        name = given_name(m.group(2)) if m else None
        if not name:
            return
        g, e = self.current()
        if g is not None and e is not None and e.title and not e.ids and g.open and no - g.end <= 1:
            return  # "- **Impact**: ..." among a titled paper's labelled lines: a label, the link is that paper's
        for k in range(no + 1, min(no + 3, len(self.lines)) + 1):
            if not self.lines[k - 1].strip():
                continue
            if self.lines[k - 1].lstrip().startswith(("#", "<")) or k in self.table_rows:
                return  # a heading or block of its own, not this item's link
            nxt = self.line(k)
            ref = nxt.refs[0] if len(nxt.refs) == 1 and nxt.standalone else None
            if ref is not None and ref.title is None and ref.name in (None, name):
                self.boundary_item()
                self.start_group(no, self.new_entry(no, {}, None, name))
            return

    def _piped_row_without_id(self, no: int, raw: str) -> bool:
        """``- **2014-12** | Title | *authors* | [Venue](pdf)``: an item written as
        cells (see :func:`piped_item`) whose link is no paper id is still a paper
        of the list, known by its title; its notes are not the paper's above."""
        ref = Ref()
        if not piped_item(raw, ref) or (ref.year is None and ref.authors is None):
            return False
        link = LINK_TEXT.match(raw.rsplit("|", 1)[-1].strip())
        if link:
            ref.venue = link_venue(link.group(1), ref.title)
        self.boundary_item()
        self.pending_title = None
        self.start_group(no, self.new_entry(no, {}, ref.title, ref=ref))
        return True

    def boundary_item(self) -> None:
        """Close the current item (its paper takes no more links) without leaving the
        section: it is kept with the section's others until the section ends."""
        if self.group is not None:
            self.groups.add(self.group)
            self.group = None

    def _label(self, no: int, raw: str, info: Line, lab: tuple[str, str]) -> bool:
        """Title, author, venue and year labels; True when the line was one."""
        label, value = lab
        if label in ("paper", "原文") and value and (title := _label_value_title(value)) and len(title.split()) >= 3:
            self._title(no, title)  # "Paper: Title", "原文：Title" (not "Paper: url", the link's label)
            return True
        if label in TITLE_LABELS:
            if not value:
                self.pending_title = no
                return True
            labelled: list[tuple[str, str]] = []
            if "|" in value or "；" in value:  # "Title: T | Venue: CVPR 2024", "论文：T；作者：A, B"
                value, labelled = labelled_cells(value)
            title = _label_value_title(value)
            if title:
                title, vy = dated_title(title)  # "论文标题：Title（CVPR 2024 Oral）"
                name = None
                if (named_after := _NAME_AFTER_TITLE.match(title)) and (name := given_name(named_after.group(2))):
                    title = named_after.group(1)  # "论文标题：Title（WidgetLM）": the name the paper goes by
                self._title(no, title, name)
                e = self.current()[1]
                if e is not None and (labelled or vy):
                    ref = Ref(venue=vy[0], year=vy[1]) if vy else Ref()
                    labelled_fields(ref, labelled)
                    _attach_meta(e, ref)
                return True
            return False
        named = _NAMED_TITLE_LABEL.match(strip_line_markers(raw.replace("**", "").replace("__", "")).strip())
        if named and value:
            name, title = given_name(named.group(1)), _label_value_title(named.group(2))
            if name and title:  # "FVDM 论文：Title"
                self._title(no, title, name)
                return True
        g, e = self.current()
        if e is None or g is None:
            return False
        if label in AUTHOR_LABELS and value:
            if not e.authors:
                e.authors = _authors(value)
            self.claim(g, no, e)
            return True
        if label in VENUE_LABELS and value:
            venue = plain(value)
            m = _YEAR.search(venue)
            if m and e.year is None:
                e.year = int(m.group(1))
            venue = venue[:-200] + DATED_PAREN.sub("", venue[-200:]).strip()  # (end-anchored: only the end)
            if venue and not e.venue:
                e.venue = venue
            self.claim(g, no, e)
            return True
        if label in YEAR_LABELS:
            m = _YEAR.search(value)
            if m:
                e.year = int(m.group(1))
                self.claim(g, no, e)
                return True
        return False

    def _bold_title(self, no: int, text: str, item: bool) -> bool:
        """A bold line is a title when its untitled paper link follows in its entry
        (:meth:`_link_below`), or, as a list item, when it reads as a title."""
        title = clean_title(text)
        below = self._link_below(no)
        if below and looks_like_title(title):
            # its entry's own link lies further down: a new paper, never the title
            # of an untitled paper above it
            self.boundary_item()
            self.pending_title = None
            self.start_group(no, self.new_entry(no, {}, title))
            return True
        if item and looks_like_title(title, strict=True):
            self._title(no, title)
            return True
        return False

    def _title_over_links_line(self, no: int, raw: str) -> bool:
        """A line that reads as a title (capitalised, three words or more, no sentence) opening
        a paragraph, then, after at most one blank line, a line of only its paper's untitled
        links and labels (``Title`` / ``arXiv：url``, ``论文：arXiv:ID``, ``[Paper](url) | [Code](url)``)."""
        named = name_dash_title(raw)  # "**GadgetCoT** - Title" (bold, but no bold line)
        if (raw.count("*") >= 4 and not named) or ITEM_START.match(raw):
            return False  # (bold lines and items are read as such)
        k = next((k for k in range(no + 1, min(no + 3, len(self.lines)) + 1) if self.lines[k - 1].strip()), 0)
        if not k or split_label(raw) or not self._opens_paragraph(no):
            return False  # (a paragraph's last line is prose's)
        byline = None
        if not self._links_only(k) and not self._labelled_then_links(no, k):
            # "[PDF] Title" / "A Lee, B Kim - arXiv preprint arXiv:ID, 2024" (not a list item, nor under names)
            if not ITEM_START.match(self.lines[k - 1]) and not author_line(raw):
                byline = self._byline_links(k)
            if byline is None:
                return False  # its links next, or its labelled parts then its links ("作者：A, B" / "论文：url")
        tag = venue_tag(raw) if raw.lstrip()[:1] in "[【" else None  # "【CVPR 2024】Title"
        title = clean_title(tag[2] if tag else raw)
        if not (title[:1].isupper() and looks_like_title(title, strict=True)) or title.endswith((".", "。")) or (
                raw.rstrip().endswith((".", "。")) and ", " in title):
            return False  # (a sentence: "Today I read Title, which ... gadgets.")
        g, e = self.current()
        if self.pending_title is not None or (g is not None and e is not None and e.title and not e.ids
                                              and g.start >= no - 4):
            return False  # a title above ("Title：T") still waits for this link
        self.boundary_item()
        self.pending_title = None
        title, vy = dated_title(title)  # "Title（CVPR 2024）" / "论文：url"
        vy = vy or (tag[:2] if tag else None) or (named[2] if named else None)
        if not named and (after := _NAME_AFTER_TITLE.match(title)) and (given := given_name(after.group(2))):
            named, title = (given, after.group(1), None), after.group(1)  # "Title (WidgetBot)" over its links
        by = title_by_authors(title)  # "Title, by Ann Lee and Bo Kim (CVPR 2024)"
        e = self.new_entry(no, {}, named[1] if named else by[0] if by else title, named[0] if named else None)
        if vy:
            e.venue, e.year = vy[0] or e.venue, vy[1]
        if by:
            e.authors = by[1]
        self.start_group(no, e)
        if byline is not None:
            self._byline_is_theirs(e, k, byline)
        else:
            self._byline_under_links(e, k)
        return True

    def _byline_under_links(self, e: Entry, k: int) -> None:
        """Who wrote ``e`` and where, on the lines right under its links line ``k``, when they say only
        that (``Title`` / ``url`` / ``Ann Lee, Bo Kim (Widget Lab)`` / ``CVPR 2024``): read, no notes."""
        last = k
        if last < len(self.lines) and not e.authors and (by := author_line(self.lines[last])):
            e.authors, e.venue, e.year = by[0], e.venue or by[1], by[2] or e.year
            last += 1
        if last > k and last < len(self.lines) and not e.venue and (vy := _venue_line(self.lines[last])):
            e.venue, e.year = vy[0], vy[1]
            last += 1
        self.table_skip.update(range(k + 1, last + 1))  # (read here; the links line between is read next)

    def _opens_paragraph(self, no: int, gloss: bool = True) -> bool:
        """Line ``no`` opens a paragraph (of a blockquote too): a title does; a sentence's last line
        need not.  A short Chinese phrase opening it first is the title's translation, no sentence."""
        above = self.lines[no - 2].strip() if no > 1 else ""
        if above[:1] == ">":
            above = strip_line_markers(above).strip()
        elif above and self.lines[no - 1].lstrip()[:1] == ">":
            return True  # a blockquote opens under a line of its own ("**Widget Lab**" / "> Title" / "> url")
        if above and gloss and " " not in above and "://" in above:
            # under the paper above's bare link ("T1" / "url1" / "T2" / "url2"): a new entry's first line
            # (that line's analysis again, let go at once: the reader keeps a line's only while it is ahead)
            cached = no - 1 in self._cache
            links_only = self._links_only(no - 1)
            if not cached:
                self._cache.pop(no - 1, None)
            return links_only
        if gloss and above and _CJK_GLOSS_LINE.fullmatch(above):
            return self._opens_paragraph(no - 1, gloss=False)  # "> 基于部件图的检索" / "> Title"
        return not above or above[0] == "#" or bool(_RULE.match(above))

    def _term(self, no: int) -> bool:
        """Line ``no`` is a definition list's term: the next line opens with ``: `` (its definition),
        or HTML's ``<dt>`` over its ``<dd>``."""
        if no >= len(self.lines) or not self.lines[no - 1].strip():
            return False
        below = self.lines[no]
        return below.startswith((": ", ":\t")) or (
            below.lstrip()[:3].lower() == "<dd" and self.lines[no - 1].lstrip()[:3].lower() == "<dt")

    def _title_over_link(self, no: int, raw: str) -> bool:
        """``Title`` + hard break (or a definition list's term), then its untitled paper link on
        the next line: one paper."""
        if no >= len(self.lines):
            return False
        # "Title  " / "Ann Lee, Bo Kim  " / "CVPR 2024  " / "[arXiv](url)": its names and venue between
        k, names, vy = no + 1, None, None
        while k < min(no + 3, len(self.lines)) and self.hard_break(k) and not self.line(k).refs:
            line = strip_line_markers(self.lines[k - 1])
            if names is None and (found := italic_authors(line) or names_line(line)):
                names = found
            elif vy is None and (found_vy := venue_year(line)) and found_vy[0]:
                vy = found_vy
            else:
                break
            k += 1
        nxt = self.line(k)  # (analysed once: the main loop reads it next)
        by = None
        if not (nxt.refs and nxt.standalone and all(r.title is None for r in nxt.refs)):
            by = self._byline_links(k) if self._term(no) else None  # "<dt>Title</dt>" / "<dd>A, B. CVPR 2024. <a>"
            if by is None:
                return False
        title = clean_title(raw)
        if not looks_like_title(title) or is_id_text(title) or italic_authors(raw) or venue_year(raw):
            return False
        if names_line(raw):
            return False  # "Ann Lee, Bo Kim<br>": the authors of the title above
        g, e = self.current()
        if g is not None and e is not None and e.title and not e.ids and g.start >= no - 3:
            return False  # a title above still waits for this link
        if ITEM_START.match(self.lines[k - 1]) and not ITEM_START.match(raw):
            return False  # the link is an item of its own, not this line's continuation
        self.boundary_item()
        self.pending_title = None
        e = self.new_entry(no, {}, title)
        if names:
            e.authors = names
        if vy:
            e.venue, e.year = vy[0], vy[1]
        if by:
            self._byline_is_theirs(e, k, by)
        self.start_group(no, e)
        self.read_ahead = max(self.read_ahead, k - 1)  # (the names and venue lines are read)
        return True

    def _item_over_its_links(self, no: int, raw: str) -> bool:
        """``- Title`` whose nested lines hold its untitled paper link (``  - Paper: url``):
        the item's title, as a bold one's is (see :meth:`_bold_title`)."""
        title = clean_title(raw)
        if not (title[:1].isupper() or title[:1].isdigit()) or not looks_like_title(title, strict=True):
            return False  # (a note's sentence over a link: "- we propose X" / "  - [Paper](url)")
        if names_line(raw):
            return False
        depth = len(raw) - len(raw.lstrip())
        below = self._link_below(no, depth)
        if not below:
            return False
        for k in range(no + 1, no + below + 1):
            line = self.lines[k - 1]
            if line.strip() and len(line) - len(line.lstrip()) <= depth:
                return False  # a line of the list's own level between: not this item's link
        self.boundary_item()
        self.pending_title = None
        self.start_group(no, self.new_entry(no, {}, title))
        return True

    def _card_chips(self, no: int, line: str) -> None:
        """A card's topic chips (``<span class="paper-tag">Avatar</span>``) are sections of the
        page's own: the card's paper is tagged ``page section / Avatar``, not noted so."""
        assert self.group is not None
        card = self.mentions[self.group.last]
        chips = [plain(m.group(2)) for m in matches(_TAG_CHIP, line)]
        topics = [c for c in chips if c and c.lower() not in GENERIC_LINK_TEXT]
        if not topics or no - self.group.start > 12:
            return  # links (Code, Project) or a block far below the card's title: no section
        tags = [t for t in card.tags if t != self.path]  # the page's section gives way to its chips
        card.tags = with_new(tags, [f"{self.path} / {t}" if self.path else t for t in topics])

    def _card_title_lines(self, no: int) -> re.Match[str] | None:
        """A card title written over a few lines (``<h2 class="paper-title">Title`` /
        ``and its end <span>(2024)</span></h2>``), read as one; its lines are its own."""
        joined = self.lines[no - 1]
        for k in range(no + 1, min(no + 4, len(self.lines)) + 1):
            joined += " " + self.lines[k - 1].strip()
            heading = _HTML_HEADING.match(joined)
            if heading:
                self.read_ahead = k
                return heading
        return None

    def _card_title(self, no: int, inner: str) -> None:
        """``<h2 class="paper-title">Title <span class="paper-year">(2024)</span></h2>``
        starts a paper whose link follows in its card."""
        year = None
        m = _YEAR_SPAN.search(inner)
        if m:
            year = int(m.group(1))
            inner = inner[: m.start()] + inner[m.end():]
        title: str | None = clean_title(inner)
        if title and title.lower() in _NO_LINK_VALUES:
            title = None  # "None": a generated page's card without a title is still a card (authors, link)
        elif not (title and looks_like_title(title)):
            return
        self.boundary_item()
        self.pending_title = None
        e = self.new_entry(no, {}, title)
        e.year = e.year or year
        self.start_group(no, e)

    def _link_below(self, no: int, item_depth: int | None = None) -> int:
        """How many lines below ``no`` the untitled paper link of its entry stands (0: none).

        The entry goes on over blank lines and lines that only describe the
        paper: an italic author line, a venue and year, label-and-link lines
        (``- Homepage: url``, ``- Code: url``), a tag (``- Oral``); in a block of lines joined by hard
        breaks (``**Title**␠␠`` / ``A. Author, B. Author␠␠`` / ``[venue](url)``), any
        line of the block, bullets right below the bold line and, under a list item
        (``item_depth``: its indent), its own indented lines (its notes).  A
        heading, a rule, a table, a bold line, other prose or a titled link end it.
        """
        seen = 0
        block = self.hard_break(no)
        for k in range(no + 1, min(no + 12, len(self.lines)) + 1):
            raw = self.lines[k - 1]
            if not raw.strip():
                block = False
                continue
            seen += 1
            if seen > 6 or k in self.table_rows or k in self.table_skip:
                return 0
            if raw.lstrip().startswith("#") or _RULE.match(raw) or _BOLD_LINE.match(raw):
                return 0
            nxt = self.line(k)
            if nxt.refs:
                return k - no if nxt.standalone and all(r.title is None for r in nxt.refs) else 0
            if seen == 1 and k == no + 1 and not nxt.prose:
                continue
            if block and self.hard_break(k):
                continue  # a line of the title's block: it describes the paper
            block = False
            lab = split_label(raw)
            if lab and PAPER_LABEL.fullmatch(lab[0]) and lab[1].strip().lower() in _NO_LINK_VALUES:
                return k - no  # "- Paper(Oral): None": the paper's place, with no link to it
            tag = plain(raw).strip(" -*•")  # "- Oral", "Spotlight": a tag on the paper
            describes = (
                venue_year(raw) or author_line(raw) or (lab and lab[0] not in TITLE_LABELS)
                or (len(tag) <= 20 and len(tag.split()) <= 2 and not any(c in tag for c in ".,;:!?"))
            )
            # (a bullet right under the bold line, or a line indented under the list item, blank-free, is
            # one of its paper's notes)
            noted = k == no + seen and (ITEM_START.match(raw) or (
                item_depth is not None and len(raw) - len(raw.lstrip()) > item_depth))
            if nxt.prose and not describes and not noted:
                return 0
        return 0

    # -- after the pass ------------------------------------------------
    def _share_text(self) -> None:
        """Give each group of the section the prose around it (called as the section ends).

        Prose inside a group's lines is its own.  Prose after a group is its
        own until a numbered item (``2. ...``) starts the next news item;
        prose before a group is its own from the last numbered item before
        it, or from the start of the section.  On an HTML page, prose is not a
        group's across the close of a block it stands in: a card's text ends
        with its card, the filters above the first card are none of its text.
        """
        self.boundary_item()
        groups, lines = self.groups, self.texts
        self.groups, self.texts = _Finished(len(self.lines)), []  # the section's prose is let go once it is shared out
        if not groups:
            return
        if len(groups) == 1 and 0 not in groups.more and not (e := self.mentions.borrow(groups.firsts[0])).name:
            e.name = self._name_heading_over(groups.starts[0])  # "### WidgetLM" over its one paper
            self.mentions.give_back()
        starts, ends, n = groups.starts, groups.ends, len(groups)
        # prose by the index of the group that owns it, made for the groups that own any:
        # a list for every group was the read's peak on a list of one paper a line
        owned: dict[int, list[str]] = {}
        # last split at or before each line, first split after it (linear)
        last_split: list[int] = []
        seen = -1
        for no, _, split in lines:
            seen = no if split else seen
            last_split.append(seen)
        next_split: list[int] = [0] * len(lines)
        upcoming = 10**12
        for i in range(len(lines) - 1, -1, -1):
            next_split[i] = upcoming
            if lines[i][2]:
                upcoming = lines[i][0]
        closes = self._block_closes(lines, groups) if self.page else None
        gi = 0  # the first item that ends at or after the line: the next one, or the one around it
        for i, (no, text, _) in enumerate(lines):
            while gi < n and ends[gi] < no:
                gi += 1
            next_start = starts[gi] if gi < n else None
            if next_start is not None and next_start <= no:
                owned.setdefault(gi, []).append(text)
            elif (gi > 0 and last_split[i] <= ends[gi - 1] and not self._leads_into(no, ends[gi - 1], next_start)
                  and not (closes and closes(starts[gi - 1], no))):
                owned.setdefault(gi - 1, []).append(text)
            elif next_start is not None and next_split[i] >= next_start and not (closes and closes(no, next_start)):
                owned.setdefault(gi, []).append(text)
        for gi in range(n):
            body = "\n".join(owned.pop(gi, ()))
            if body:
                for i in groups.entries(gi):
                    e = self.mentions.borrow(i)  # (a section's papers are rows: one at a time)
                    e.text = body if not e.text else e.text + "\n" + body
                self.mentions.give_back()

    def _name_heading_over(self, no: int) -> str | None:
        """The model name a heading right over line ``no`` is, and nothing else (``### WidgetLM``):
        one that looks made up, a capital or digit inside it (``## Regularization`` over one paper
        is a topic's)."""
        k = no - 1
        while k >= 1 and not self.lines[k - 1].strip() and k > no - 3:
            k -= 1
        m = _HEADING.match(self.lines[k - 1]) if k >= 1 else None
        name = given_name(plain(m.group(2))) if m else None
        return name if name and looks_coined(name) else None

    def _block_closes(self, lines: list[tuple[int, str, bool]], groups: _Finished) -> Callable[[int, int], bool]:
        """``closes(a, b)``: whether a block line ``a`` stands in closes before line ``b`` (a page's, a < b).

        The first line after each line of the section where the page's depth
        falls below its own ("next smaller element", one backward pass).
        """
        first = min(lines[0][0], groups.starts[0]) if lines else groups.starts[0]
        last = max(lines[-1][0], groups.ends[-1]) if lines else groups.ends[-1]
        depth = self.depths
        drop = array("I", bytes(4 * (last - first + 1)))
        stack: list[int] = []  # lines below the one at hand, of rising depth
        for line in range(last, first - 1, -1):
            d = depth[line - 1]
            while stack and depth[stack[-1] - 1] >= d:
                stack.pop()
            drop[line - first] = stack[-1] if stack else last + 1
            stack.append(line)
        return lambda a, b: drop[a - first] <= b

    def _leads_into(self, no: int, prev_end: int, next_start: int | None) -> bool:
        """Plain notes (no list items): a line in the next paper's paragraph, not the
        previous paper's, leads into the next ("Title" over "arXiv: id")."""
        if next_start is None or ITEM_START.match(self.lines[no - 1]) or ITEM_START.match(self.lines[next_start - 1]):
            return False
        blank = self._blank_before
        return blank[next_start - 1] == blank[no - 1] and blank[no - 1] != blank[prev_end - 1]

    @property
    def _blank_before(self) -> array[int]:
        """How many blank lines come before each line (index: line number - 1)."""
        if self._blanks is None:
            counts, n = array("q"), 0  # 8 bytes a line, not a Python int's 36
            for line in self.lines:
                counts.append(n)
                n += not line.strip()
            self._blanks = counts
        return self._blanks

    def _attach_notes(self) -> None:
        owners = {slug: self._anchor_owner(slug) for slug in self.notes_text}
        for slug, parts in self.notes_text.items():
            owner = owners.get(slug)
            if owner is None:
                continue
            text = []
            for part in parts:
                if part.startswith("\0repos\0"):
                    owner.repos = with_new(owner.repos, part.split("\0")[2:])
                else:
                    text.append(part)
            if text:
                body = "\n".join(text)
                owner.text = body if not owner.text else owner.text + "\n" + body
        for i, slug in self.notes_mentions:
            owner = owners.get(slug)
            if owner is not None:
                self.mentions[i].tags = list(owner.tags)


def _spend(info: Line) -> Iterator[Ref]:
    """The line's refs, in order, taken from it: each is let go when the next is
    asked for (a line can name thousands, each its paper's size again)."""
    refs, info.refs = info.refs[::-1], []
    while refs:
        yield refs.pop()


def _same_paper(e: Entry, ref: Ref) -> bool:
    ids = e.ids
    if any(ids.get(k) == v for k, v in ref.ids.items()):
        return True
    return bool(not ids and ref.title and e.title and normalize_title(e.title) == normalize_title(ref.title))


def _can_attach(e: Entry, ref: Ref, open_: bool, new_item: bool) -> bool:
    """An id without a paper of its own joins the paper being described.

    A titled link is a paper of its own (unless it is the same paper).  An
    untitled id joins a title-only paper (its link may follow the notes), or
    a paper with ids of other kinds when it directly follows it and does not
    start a list item of its own.
    """
    ids = e.ids
    if ref.title or any(k in ids and ids[k] != v for k, v in ref.ids.items()):
        return False
    if ref.name and (own := e.name or model_name(e.title)) and name_key(own) != name_key(ref.name):
        return False  # "**Orthus**:" then its link: not the paper titled above
    if not ids:
        return True
    return open_ and not new_item and not ref.name  # a named link is a paper of its own


def _attach(e: Entry, ref: Ref) -> None:
    for k, v in ref.ids.items():
        if not getattr(e, k):
            setattr(e, k, v)
    if ref.title and not e.title:
        e.title = ref.title
    if ref.name and not e.name:
        e.name = ref.name
    _attach_meta(e, ref)


def _attach_meta(e: Entry, ref: Ref) -> None:
    if ref.venue and not e.venue:
        e.venue = ref.venue
    if ref.year and e.year is None:
        e.year = ref.year
    if ref.authors and not e.authors:
        e.authors = ref.authors  # the ref is spent: no copy


_ET_AL_END = re.compile(r"\s+et\.?\s+al\.?\s*$|\s*等人?\s*$")  # "Di Xu et al.", "徐迪 等"


def _authors(value: str) -> list[str]:
    s = plain(value).strip()
    if "[[" in s:
        s = s.replace("[[", "").replace("]]", "")  # "authors:: [[Ann Lee]], [[Bo Kim]]": wiki links to their notes
    if s[:1] == "[" and s[-1:] == "]":
        s = s[1:-1]  # "authors: [Ann Lee, Bo Kim]": a YAML list
    s = _PAREN.sub("", s)
    parts = AUTHOR_SEP.split(s)
    out = []
    for p in parts:
        # ("Jiahuan (Joanna) Cheng" lost its brackets above)
        p = " ".join(_ET_AL_END.sub("", p).strip(" *†‡§¶#0123456789").split())
        if p and p.lower() not in ("et al", "et al.", "others"):
            out.append(p)
    return out


def read_markdown(doc: ListText | str, source: str) -> tuple[EntryRows, list[ListWarning]]:
    """Paper mentions (one :class:`Entry` per place) and warnings for one document.

    >>> entries, warnings = read_markdown(
    ...     "## Unified\\n- **Janus: Decoupling Visual Encoding**\\n"
    ...     "[[Paper](http://arxiv.org/pdf/2410.13848v1)]\\n", "list.md")
    >>> [(e.arxiv, e.title, e.tags, e.sources) for e in entries]
    [('2410.13848', 'Janus: Decoupling Visual Encoding', ['Unified'], ['list.md:2'])]
    """
    entries, warnings = _Reader(as_list_text(doc), source).read()
    # some warnings are only known later (a title label nothing followed): file order
    warnings.sort(key=lambda w: int(w.source.rsplit(":", 1)[1]))
    return entries, warnings
