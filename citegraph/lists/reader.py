"""Reading paper lists: markdown/HTML notes, BibTeX and files of ids → distinct papers.

:func:`read_lists` reads files (``-`` is standard input) and returns every
distinct paper they name as an :class:`~citegraph.lists.entry.Entry`, in
first-seen order, plus :class:`~citegraph.lists.entry.ListWarning` for
malformed entries.  A file that cannot be read at all (missing, unreadable,
binary, not UTF-8, empty) is skipped with a warning naming it while the other
lists are read; when none can be read, :class:`~citegraph.errors.InputError`.

The rules of what counts as a paper, its title, name, notes and warnings are
in :func:`read_lists`'s docstring.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO
from collections.abc import Callable, Iterable, Iterator, Sequence

from citegraph.errors import CitegraphError, InputError
from citegraph.lists.document import ListText, as_list_text, decode_list
from citegraph.lists.entry import ID_FIELDS, Entry, ListWarning, Packed, add_new
from citegraph.lists.formats import looks_like_bibtex, looks_like_id_lines, read_bibtex, read_id_lines
from citegraph.lists.delimited import looks_like_delimited, read_delimited
from citegraph.lists.json_records import looks_like_json, read_json
from citegraph.lists.ris import looks_like_ris, read_ris
from citegraph.text.ids import arxiv_year
from citegraph.lists.markdown import read_markdown
from citegraph.lists.rows import EntryRows
from citegraph.lists.text import GENERIC_LINK_TEXT, coined_name, strip_line_markers
from citegraph.text.titles import normalize_title
from citegraph.text.names import model_name, name_key

if TYPE_CHECKING:
    import pandas as pd


class ParsedStore(Protocol):
    """Where readings of lists are kept between runs (the fetch layer's cache is one).

    The reader sits below the fetch layer, so it names only what it needs.
    """

    def get_parsed(self, key: str) -> str | None: ...

    def put_parsed(self, key: str, result: str) -> None: ...

__all__ = [
    "ListReadResult", "Documents", "read_lists", "read_documents", "parse_documents", "read_list_text", "merge_entries",
    "papers_frame", "paper_records", "PAPER_COLUMNS",
]

STDIN = "-"
STDIN_NAME = "<stdin>"
# (authors and venue came later: after the rest, so CSV columns keep their places)
PAPER_COLUMNS = ("key", "arxiv", "doi", "s2_id", "title", "name", "year", "tags", "sources", "text", "authors", "venue")


@dataclass
class ListReadResult:
    """Distinct papers (first-seen order) and the warnings met while reading."""

    entries: Sequence[Entry] = field(default_factory=list)  # (an EntryRows when read: a paper is not an object)
    warnings: list[ListWarning] = field(default_factory=list)
    files: int = 0

    @property
    def with_ids(self) -> int:
        """How many papers carry an arXiv id, DOI or S2 id."""
        return sum(1 for e in self.entries if e.arxiv or e.doi or e.s2_id)

    def summary(self) -> str:
        """``N papers from M files (K with ids, J title-only)``."""
        n = len(self.entries)
        k = self.with_ids
        files = "file" if self.files == 1 else "files"
        papers = "paper" if n == 1 else "papers"
        return f"{n} {papers} from {self.files} {files} ({k} with ids, {n - k} title-only)"


def _read_path(path: str | os.PathLike[str]) -> ListText:
    name = str(path)
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"paper list not found: {name}") from None
    except IsADirectoryError:
        raise InputError(f"paper list {name} is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"paper list {name} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"paper list {name} cannot be read: {exc.strerror or exc}") from None
    return decode_list(data, name)


def _read_stdin(stdin: TextIO | None) -> ListText:
    stream = stdin if stdin is not None else sys.stdin
    try:
        text = stream.read()
    except UnicodeDecodeError:
        raise InputError(f"paper list {STDIN_NAME} is not UTF-8 text") from None
    if isinstance(text, bytes):  # a binary stream
        return decode_list(text, STDIN_NAME)
    if "\0" in text:
        raise InputError(f"paper list {STDIN_NAME} is binary (it contains NUL bytes), not text")
    if not text.strip():
        raise InputError(f"paper list {STDIN_NAME} is empty")
    return ListText.from_str(text.lstrip("\ufeff"))


def _mentions(doc: ListText, source: str) -> tuple[Sequence[Entry], list[ListWarning]]:
    # ListText ends lines at "\r\n", "\r" and "\n": every reader (bibtexparser
    # on the joined text too) numbers lines as an editor does.
    if looks_like_bibtex(doc, source):
        return read_bibtex(doc, source)
    if looks_like_json(doc):
        return read_json(doc, source)
    if looks_like_ris(doc):
        return read_ris(doc, source)
    if looks_like_delimited(doc, source):
        return read_delimited(doc, source)
    if looks_like_id_lines(doc):
        return read_id_lines(doc, source)
    return read_markdown(doc, source)


def _packed(found: Sequence[Entry]) -> EntryRows:
    """A reader's list of mentions as rows, each entry let go as it is stored (a list is emptied):
    not the list and its rows at once."""
    if not isinstance(found, list):
        return EntryRows(found)
    rows = EntryRows()
    found.reverse()
    while found:
        rows.append(found.pop())
    return rows


def _usable(found: Sequence[Entry], warnings: list[ListWarning]) -> EntryRows:
    """Mentions with a usable key, as rows: a title of symbols only (``{???}``) is no title,
    and a mention left with neither id nor title is skipped with a warning."""
    rows = found if isinstance(found, EntryRows) else _packed(found)
    skipped = set()
    for i in range(len(rows)):
        title = rows.field(i, "title")
        if title and not normalize_title(title):
            e = rows[i]
            if not (e.arxiv or e.doi or e.s2_id):
                where = e.sources[0] if e.sources else "?:1"
                warnings.append(ListWarning(where, f"entry with no id and the title {title[:60]!r}, which has no "
                                            "letters or digits: skipped"))
                skipped.add(i)
                continue
            e.title = None
            rows[i] = e
    return EntryRows(e for i, e in enumerate(rows) if i not in skipped) if skipped else rows


_SHAPE_WORD = re.compile(r"[^\W\d_]+")
_SHAPE_NUM = re.compile(r"\d+")
_SHAPE_RUN = re.compile(r"(?:a[ ,.:;'’-]*)+")  # (compiled once here: compiled on a first read, it was that read's peak)
_SHAPE_URL = re.compile(r"(?:https?://|www\.)\S*|\([^()\s]*://[^()\s]*\)")
# an untitled pattern is reported when it covers this many papers and this share of the file's papers
_UNSURE_MIN, _UNSURE_SHARE = 10, 0.1


def _shape(line: str) -> str:
    """A line's layout with its words, numbers and URLs made anonymous:
    ``- **2016-02** | Title | *a* | [J](url)`` → ``- **0-0** | a | *a* | [a]``."""
    s = _SHAPE_URL.sub("", line.strip()[:300])
    s = _SHAPE_NUM.sub("0", _SHAPE_WORD.sub("a", s))
    return _SHAPE_RUN.sub("a ", s).strip()[:24]


def _only_its_id(line: str, ids: Sequence[str | None]) -> bool:
    """Whether ``line`` holds nothing but links, or one of the paper's ``ids`` (``2401.00001``,
    ``- https://arxiv.org/abs/...``, ``doi:10.1000/x``): no title was there to miss."""
    rest = strip_line_markers(_SHAPE_URL.sub("", line)).strip(" \t,;<>()[]").lower()
    for label in ("arxiv:", "doi:"):
        rest = rest.removeprefix(label).strip()
    return not rest or rest in [(i or "").lower() for i in ids]


_UNSURE_FIELDS = ("title", "name", "sources", *ID_FIELDS)


def _unsure(found: EntryRows, lines: Sequence[str], source: str) -> list[ListWarning]:
    """One warning per line layout that left many papers without title or name:
    a format the reader did not recognise, said once, not per line.  Lines of
    a bare id or link each (a file of ids) wrote no title: nothing was missed."""
    groups: dict[str, array[int]] = {}  # a shape → the lines of its untitled papers (4 bytes each)
    # the last line's shape, None for a bare id's: a line's papers come one after another (a dict of
    # every line's was 5 times a file of ids; a line of many links is read once)
    last: tuple[int, str | None] = (0, None)
    for i in range(len(found)):
        title, name, places, *ids = found.fields(i, _UNSURE_FIELDS)  # (of the row: no entry made)
        if title or name or not places:
            continue
        no = int(next(iter(Packed.of_packed(places))).rsplit(":", 1)[1])  # (its first place's line)
        if not 1 <= no <= len(lines):
            continue
        if no != last[0]:
            # (a line of many links a piece at a time: never decoded whole, nor copied without its links)
            pieces = lines.pieces(no - 1) if isinstance(lines, ListText) else iter([lines[no - 1]])
            first = next(pieces)
            only = _only_its_id(first, ids) and all(_only_its_id(p, ids) for p in pieces)
            last = (no, None if only else _shape(first))
        if (shape := last[1]) is not None:
            groups.setdefault(shape, array("I")).append(no)
    out = []  # (a layout reported covers _UNSURE_MIN untitled papers or more: no count of them first)
    for nos in groups.values():
        if len(nos) >= _UNSURE_MIN and len(nos) >= _UNSURE_SHARE * len(found):
            out.append(ListWarning(
                f"{source}:{min(nos)}",
                f"{len(nos):,} of {len(found):,} entries in {source} got no title or name: their format was not "
                f"recognised (first at line {min(nos)}); they are kept by their ids",
            ))
    return out


def _read_one(doc: ListText, source: str) -> tuple[EntryRows, list[ListWarning]]:
    """One document's mentions and its warnings in line order ("no papers found" names line 1)."""
    found, warnings = _mentions(doc, source)
    found = _usable(found, warnings)
    warnings.extend(_unsure(found, doc, source))
    if not found:
        warnings.append(ListWarning(f"{source}:1", "no papers found"))
    warnings.sort(key=lambda w: int(w.source.rsplit(":", 1)[1]))
    return found, warnings


def read_list_text(text: str, source: str) -> ListReadResult:
    """Papers named in one document's text; ``source`` names it in ``file:line``.

    Never raises for bad content: malformed entries become warnings.

    >>> r = read_list_text("**arXiv ID:** 2103.0002x\\n", "x.md")
    >>> r.entries, [str(w) for w in r.warnings]
    ([], ["x.md:1: arXiv ID '2103.0002x' is not an arXiv identifier", 'x.md:1: no papers found'])
    """
    mentions, warnings = _read_one(ListText.from_str(text), source)
    return ListReadResult(merge_entries(mentions, reuse=True), list(warnings), files=1)


def read_lists(
    paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | None = None, cache: ParsedStore | None = None
) -> ListReadResult:
    """Read paper lists (``"-"`` is ``stdin``) into distinct papers, first-seen order.

    With a ``cache`` (:class:`~citegraph.fetch.cache.Cache`), lists read
    before with the same names, contents and reader code are not parsed again
    (see :func:`parse_documents`).

    Raises
    ------
    InputError
        A file is missing, unreadable, binary, not UTF-8 or empty (the
        message names it).  Malformed entries are warnings instead.

    Notes
    -----
    Which format (by content: a ``.bib`` file without a ``@type{`` line is notes)
        ``.bib`` files holding an entry and text starting with ``@type{`` are BibTeX (``eprint``/``arxiv``,
        ``doi``, ``url``, ``title``, ``author``, ``journal``/``booktitle``, ``year``; ``Last, First`` names read
        first name first; an arXiv id only in ``journal = {arXiv preprint arXiv:ID}``, ``note``, ``number =
        {arXiv:ID}`` or a CoRR ``volume = {abs/ID}`` counts too; an entry whose title has no letter or digit and
        no id is a warning).  A first line naming spreadsheet columns (``Title``, ``Url``, ``DOI``, ``Author``,
        ...; one will do in a ``.csv``/``.tsv`` file) makes it CSV or TSV, a paper a row
        (:mod:`citegraph.lists.delimited`); ``[{`` or a first line that is a JSON object makes it JSON, a paper
        a record (:mod:`citegraph.lists.json_records`: CSL-JSON, JSON lines); a first line ``TY  - ...`` makes
        it RIS, a paper a record (:mod:`citegraph.lists.ris`: Zotero's, Mendeley's, EndNote's export).  Text
        whose lines are mostly one id each (alone or before a ``#`` comment) and holds no markdown is a file of
        ids (``#``, ``//``, ``%`` start comments; any other line is a warning, the ids are kept).  Everything
        else is read as markdown/HTML notes.

    What is a paper (markdown/HTML)
        * A link or text naming an **arXiv id** (``arxiv.org/abs|pdf|html/ID``
          with or without ``vN`` and ``.pdf``, on ``browse.``/``export.``/
          ``ar5iv.labs.arxiv.org``, ``ar5iv.org`` and ``alphaxiv.org/abs|overview``,
          arXiv's mirrors and readers (``papers.cool/arxiv/ID``, ``hjfy.top/arxiv/ID``,
          ``semanticscholar.org/arxiv/ID``, ``arxiv-sanity-lite.com/?pid=ID``),
          a ``ttps://`` link that lost its ``h``, old ids like ``cs/0309023``,
          ``arXiv:ID``, ``arXiv ID: ID``, ``ArXiv, abs/ID`` (Semantic Scholar's citations),
          ``huggingface.co/papers/ID``), a **DOI**
          (``doi.org/...``, ``.../doi/10...``, ``DOI: 10...``, a publisher page's
          path ``/article|chapter|content|pdf/10...`` -- Springer, bioRxiv without its
          ``v1`` -- or ``?id=10...`` as PLOS has it; arXiv's own
          ``10.48550/arXiv.ID`` DOIs become arXiv ids) or a **Semantic Scholar**
          paper (``semanticscholar.org/paper/.../<40 hex>``, ``CorpusId:NNN``).
          Redirect links (``link.zhihu.com/?target=https%3A//arxiv.org/...``) are
          followed first, however many times they were percent-encoded
          (``%253A%252F%252F``).
        * A **title marker** without any id: ``论文标题：T``, ``论文题目：T``,
          ``论文：T``, ``题目：T``, ``技术报告：T``, ``Title: T`` (the title may be on
          the next line when the label stands alone); a list item or line that is
          entirely bold and reads as an English title (three or more Latin words,
          ``- [24/10] **Janus: ...**``), or any bold line directly followed by an
          untitled paper link; the ``<summary>`` of a top-level ``<details>``
          block when it is bold or the block holds a paper id.  Such a paper is
          kept with its title alone, to be matched by title later.
        * A **paper page without an id**, read like a paper link whose id is
          unknown (the entry's title names it): a proceedings page (openreview,
          CVF, NeurIPS, ACL, PMLR, JMLR, IEEE Xplore, IJCAI, AAAI, ECVA, ACM, USENIX),
          an article page (ScienceDirect, PubMed, PMC, SSRN, ResearchGate), a link the
          list calls the paper (``[paper](url)``, ``[PDF](url)``, ``📄 Paper``, a bare
          link after ``Paper:``; a PDF kept on GitHub too), and ``- Paper: None``
          under a bold title.  Beside an id on its line it is that paper's other link.
        * Not papers: links to code, project pages, images, models, datasets,
          news articles (``mp.weixin.qq.com``, ``zhuanlan.zhihu.com``,
          ``github.com``, ``huggingface.co`` other than ``/papers/``), a headline
          that only links to a news article, bold sub-headings of notes
          (``**训练**``, ``- **数据处理**：``), ``<summary>Abstract</summary>``.

    Titles and items
        A paper link's own text is its title when it reads as one (``[Title](url)``,
        not ``[Paper]``/``[PDF]``/``[2405.09818]``, a one-word name such as
        ``[VITA]``, a citation ``[Hu et al. (2023)]`` or a venue ``[ACL 2023 Oral]``).
        Title-like text before a single untitled paper link gives the title
        (``**Title** [[Paper](url)]``, ``Title [pdf](url)``).  A list item that
        opens with its paper (``- [Title](url) - note``,
        ``- **Title** ([arXiv:ID](url)), 2021. Note``) is that paper, the rest of
        the line its note.  An untitled id on a line of its own or after a label
        (``论文链接：url``, ``[[Paper](url)] [[Code](...)]``) joins the paper the
        lines just above describe (``**Title**`` then ``[[Paper](url)]``, or
        ``论文：Title`` whose link follows its notes); a titled link never joins
        another paper.  Each list item is an item of its own; paper links quoted
        together (``> [A](url)`` / ``> [B](url)`` under one heading) share one;
        a paper listed again in an item of its own is one more place it is listed.
        An id inside a sentence (``如 Sparse VideoGen（https://arxiv.org/abs/2502.01776）``)
        is a paper of its own whose text is that sentence.  Each row of a
        markdown table is an item: its title from a ``Title``/``Paper``/``论文``
        column (or its link text), its name from a ``Model``/``Name``/``Method``/
        ``模型``/``方法``/``名字`` column (which may open with an ordinary word:
        ``Fast R-CNN``), given to the row's one paper or to the one linked in
        that cell (beside a citation badge, or another paper), its year from a ``Date``/``Year``/``年份``
        column (the list's year, before the arXiv id's; else its venue's year), its venue from a
        ``Venue``/``Conference``/``Journal``/``会议`` column, its authors from an
        ``Authors``/``作者`` column, its other cells and what its title
        cell says after the title (a digest's description) its note; link
        texts that are labels (``Paper``, ``Code``, ``Tweet``) are no note.  A
        table starts at a delimiter row of hyphens (``| --- |``; shorter ones,
        ``| -- |``, under a header of as many cells, as in GFM).  A table with
        a ``Duration``/``时长`` column lists talks: its title and date columns
        are the talks', so a row names a paper by its links only, and a row
        without one is nobody's note.  An HTML ``<table>`` is read the same
        way: each ``<tr>`` (over one line or several) is a row, its ``<th>``
        row the header (see :mod:`citegraph.lists.html_tables`).

    Entries by their structure
        An entry is what one item, row, block or card holds, never its neighbour's:
        a table row (title from its ``Title``/``Paper`` column: the cell's bold
        opening, else its text up to ``<br>`` or two spaces -- ``1) **Name** - note``,
        ``1) Title  Description``; a row's paper never joins the row above); a list
        item with its continuation lines; a block of lines joined by hard breaks
        (``\\`` or two trailing spaces) -- ``**Title** \\`` / ``*authors* \\`` /
        ``venue year. [[Paper](url)]``, whatever its middle lines hold; a bold line whose untitled paper link
        follows below it in its entry, over blank lines, italic author lines, venue
        lines, tags (``- Oral``) and label-and-link bullets (``- Homepage: url``) --
        always a new paper;
        ``1. **Title.** Venue 2019. [paper](url)`` (the bold opening is the title,
        venue and year go apart; when the title's full stop is inside the bold, any
        venue ending in its year, or a short one with none: ``**Title.** Lectures on
        X, Publisher, 2020.``, ``**Title.** TACL.``);
        an italic run of names between a title and its link, or on the line under
        the title (``**Title.** *A, B.* ICLR 2018. [paper](url)``), gives the authors;
        ``- **2016-02** | Title | *authors* | [Journal](doi)`` read as cells (date →
        year, italic names → authors, first title-like cell);
        a table's title cell under a star badge (``![Star](badge) <br> [**Title**](url)``);
        a citation written out, ``1. Title. A. Lee, B. Kim. NeurIPS, 2021. [PDF](url)``
        (full stops part the title, the names and the venue and year), in APA's
        style (``Lee, A., & Kim, B. (2021). Title. In NeurIPS.``), or as ``Title,
        arXiv 2023.``, or IEEE's ``[1] A. Lee and B. Kim, "Title," in Proc. CVPR, 2024.``;
        ``arXiv 2401.00001`` (a space for the colon) is an id; and after a paper's links,
        ``- [Title](url) - A. Lee, B. Kim. CVPR 2023.`` (authors and venue, no note;
        ``(CVPR 2023)``, ``(Lee et al., CVPR 2024)``, ``- Ann Lee et al.`` and a card's
        ``<br> Ann Lee, Bo Kim <br> CVPR 2024`` too); ``[CVPR 2024](url)`` dates its paper;
        ``1. A. Lee, B. Kim. **Title**. CVPR 2024.``: the bold run after the names is the title;
        an item's continuation line of italic names (``  *Ann Lee, Bo Kim*``) its authors;
        reStructuredText (```Title <url>`_``) and org-mode (``[[url][Title]]``) links are links;
        ``Title; A. Lee; B. Kim`` names its authors; a definition list's term (``Title`` over
        ``: [arXiv](url)``) titles the paper; so does a title after a link whose text is the
        id (``- [arXiv:ID](url) Title``); a comma glued to a bare paper url is not part of it;
        ``- **CVPR 2024** - Title`` a venue; ``- [ID] Title. Ann Lee, Bo Kim.`` (an arXiv
        digest) a title and its authors, as ``Ann Lee and Bo Kim (2024). "Title". CVPR.``,
        ``[Title](url), Ann Lee, Bo Kim, CVPR 2024`` and a table's title cell
        ``**Title**<br>Ann Lee, Bo Kim`` give them; an autolink's ``<`` is no part of a title;
        so do ``Title — Ann Lee, Bo Kim (CVPR 2024)``, ``\\bibitem{key} A. Lee and B. Kim.
        Title. In CVPR, 2024.``, ``《Title》(CVPR 2024)``, an italic ``*CVPR 2024*`` under a
        bold title, a ``| CVPR 2024 |`` cell and a venue badge (``badge/CVPR-2024-blue``);
        hashtags after the links are the note; a ``Name`` column holding a whole title
        (Notion's) gives the title; otherwise an entry's parts are told apart by what
        they are, in any order (a title, names, a venue and year, parted by full stops,
        dashes, bars or brackets: ``CVPR 2024. Title. Ann Lee, Bo Kim.``), the line's bold
        words the title when that part opens with them; Springer's and Chicago's
        citations; ``CVPR'24``; a ``Conf.`` column; a title over a line of names over
        the paper's links (a paragraph, a blockquote, under a heading); ``- **Title**: A
        sentence.``; ``[[Title]]``; ``<i>Title</i>, A, B.``; ``[:page_facing_up:](url)`` no
        title; YAML (or Hugo's TOML) front matter giving a paper's id makes the note that paper's
        (:mod:`citegraph.lists.front_matter`); Chinese notes' ``标题：Title 链接：url``,
        ``【论文】Title【链接】url``, ``📖 论文：Title``, ``### 1、Title``, ``**Title**（CVPR 2024）``,
        ``（Ann Lee 等，CVPR 2024）``; a title line over a line of a label and its link only;
        ``Title. *arXiv preprint arXiv:ID*, 2023.``; ``Title, Ann Lee and Bo Kim, CVPR 2024``;
        an item opening with a bare arXiv id (``- 2306.07890 - Title``; elsewhere a bare
        number is no id); ``- 2024: Title``; hard-broken lines of a title, names and venue;
        ``- **CVPR 2024** [Title](url)``; ``1. Title [论文](url) a note``; ``(1) Title.``;
        an HTML card's ``<div>``s and ``<br/>``s as its parts; a byline under a linked heading;
        an item's bracketed venue, ``- **[CVPR 2024]** Title [[Paper](url)]``; an emoji
        before a title (``🔥 Title``) is no part of it, nor a task box (``- [x] Title``),
        quotes, italics or brackets around it, an arrow or a colon after it (not
        ``FVDM 论文：``, a name and a label); what follows a set-off title (``*Title*,
        A. Lee, B. Kim.``, ``"Title" (CVPR 2023)``) its byline;
        ``<br>`` ending a line is a hard break, as two spaces are, and a line of
        names in such a block (``Ann Lee, Bo Kim<br>``) is its authors, not its title;
        ``- Title`` whose nested lines hold its untitled link (``  - Paper: url``) is
        its title (a note's sentence, not capitalised, is not); ``Paper: Title`` a
        title (``Paper: url`` is the link's label); ``NeurIPS 2024: Title`` a venue;
        a ``###`` heading (or deeper) whose next line is its paper's links and nothing
        else titles that paper, and still names its section; a sentence before a
        link (``We track gadgets. [arXiv](url)``) cites the paper and titles nothing,
        but a heading over such prose is the paper's title when its section holds that
        one paper (its note the prose);
        a reference link (``[Title][1]``, ``[Title][]``, ``[Title]`` with ``[1]: url``
        below) is the link it stands for, on the line that uses it (see
        :mod:`citegraph.lists.references`);
        an HTML card's ``<h2 class="...title">``, over a few lines if it wraps (its year span → year, the
        ``class="...authors"`` line → authors) -- a title, not a section; its topic
        chips (``<span class="paper-tag">Avatar</span>``) are sections of the page's
        own (``Page / Avatar``), its link chips (``Code``, ``Project``) none.  A
        ``<details>`` block of several papers is a section, not a paper (one paper's
        ``<summary>Title (CVPR 2024)</summary>`` gives its title and venue).  Also:
        labelled cells after a title label (``Title: T | Venue: V | Link: url``); a
        title label inside a sentence (``……，论文标题：Title，论文地址：url``), ``原文：Title``
        and a label's bracketed venue (``论文标题：Title（CVPR 2024 Oral）``); a title over
        lines of labelled parts (``作者：``, ``机构：``) over its link; a numbered or a
        note's heading at any level (``## 1. Title``, ``# 【论文精读】Title``), and a ``##``
        heading over one unnamed paper's links only, titles it; names in brackets or
        after ``by`` after a link; fields parted by dashes or dots (``· 2024 · CVPR``);
        arXiv categories after an id (``[cs.CV]``); ``**Name**（Title）：note``; AsciiDoc
        links (``url[Title]``); ``<tr>`` rows with no ``<table>`` around them; a cell of a
        year and one of a known venue's name (``| CVPR |``); a heading over a line of its
        byline and link; ``~~Title~~``; Harvard's and Google Scholar's citations; Obsidian's
        inline fields (``[year:: 2024]``); a written date among dotted parts (``· 12 Mar
        2024 ·``); an ISO date before a title; a Chinese gloss or a model's name in brackets
        after a title (``Title（稀疏路由）``, ``Title（WidgetNet）``), a Chinese note after its
        colon; no reference number (``[12]``), site (``(arxiv.org)``) or pointing emoji in a
        title; a bracketed year before a link (``[2024] [Title](url)``), a ``24.06`` date
        cell, a local note's link text (``[Title](./notes/x.md)``) as a title, bold-labelled
        bullets under a heading (``- **Venue**: CVPR 2024``), ``【作者】``-style labels, HTML
        definition lists, a page's title heading over one paper's lines (Notion's,
        Zotero's notes), ``Ann Lee, Bo Kim · CVPR 2024``, cells pasted with tabs; a name in
        brackets after a heading's title (``### 1. Title (DDPM)``); MLA's inverted names
        before a titled link; ``=>`` as a list's mark; an org-mode outline's headings and
        ``:URL:`` properties, a ``\\bibitem`` over ``\\newblock`` lines (see
        :mod:`citegraph.lists.other_markup`); an HTML table whose cells hold markdown
        blocks (a blank line in a row) laid out as text, not rows; a bold link to the
        list's own page (``**[Title](./papers/x/)**``) over bullets of notes and its
        paper's link; a table of one paper's properties (``| Property | Value |``,
        Notion's) as its labelled lines; MediaWiki's ``[url Title]`` and LaTeX's
        ``\\href{url}{Title}`` links (``\\item`` a list's mark); no pandoc citation key
        (``[@key]``), Obsidian callout (``> [!paper]``) or Chinese translation after a
        slash (``Title / 中文``) in a title; ``(**Name**)`` after a title before a dash;
        a venue in a code span after a bold title; ``<url>`` on its own line; the one
        ``《Title》`` a Chinese sentence quotes before its link, with a bracketed venue
        after it; Weibo's ``#话题#`` topics; ``Paper: T | Authors: ... | Link: url``; an
        affiliation in brackets after a line of names; circled numbers (``①``) and
        ``｜`` as marks; ``- [中文译名](url)：Title`` (the Chinese a note); a table's
        column names without their emoji (``| 🏛️ 会议 |``); ``[arXiv v2](url)`` no title;
        ``Title（中文） 论文地址：url``; ``authors: [A, B]``; a Chinese sentence naming a model,
        then its title after a colon (``智源研究院发布 **GWC**：Title，论文：url``); Hugo
        shortcodes (``{{< paper title="T" url="..." >}}``); APA's italic title; Logseq's
        ``authors:: [[A]], [[B]]`` and reStructuredText's ``:authors: A, B`` fields; a title
        a sentence announces after a colon (``New paper: "Title" by @ann``); Google Scholar's
        ``[PDF] Title`` over ``A Lee, B Kim - arXiv preprint arXiv:ID, 2024``; names in
        ``<sub>`` after a title cell's ``<br>``; no footnote mark (``[^1]``) in a title;
        a venue's name and its year in parts apart (``2024 — *Title* — CVPR``); a linked
        image's alt text (``[![Title](teaser.png)](url)``); small roman numerals and ``b)``
        as marks; ``第3篇：`` and ``Paper #3:`` as title labels; bare ids in a table's
        ``arXiv``/``DOI`` column; ACL's (``A and B. 2024. Title. In *Proceedings of
        CVPR*.``), IEEE's with ``et al.`` and ``[Online]. Available:``, and Vancouver's
        (``Lee A, Kim B. Title.``) citations; a definition's byline under its term's
        paper link (``: Ann Lee, Bo Kim — CVPR 2024``); a bold name set off from its title
        by its team and a colon or by dashes (``**GRW**（Widget Lab）：Title``, ``**GRW** —
        Title —``; ``**GRW**: Title`` stays whole, as papers so titled write it); a line
        opening with a bare id before a dash (``ID - Title - Ann Lee, Bo Kim``); an HTML
        card's ``<span>`` fields; a headless two-column table of a paper's fields; a
        citation key before a title (``lee2024widget: Title``); a short Chinese phrase over
        the title it translates; papers in turn with their titles on one line (``**T1**
        [paper](u1) **T2** [paper](u2)``, ``T1 ([arXiv](u1)), T2 ([arXiv](u2))``); lines of
        titles over their links (``Title`` / ``https://arxiv.org/abs/ID``, paper after
        paper) are notes, not a file of ids (bare ids under titles still are one); a list
        item's own indented notes between its title and its link (an item that is only a
        link stays its own: the item above may be a paper without one); ``《Title》发表于
        CVPR 2024``; full-width bars as a row's bars; ``Title 【CVPR 2024】``; ``1）`` and a
        zero-padded ``01`` as marks; a Chinese label glued to the title before it
        (``论文标题:Title论文链接:url``); ``Title —— 一句话总结`` (the summary no title);
        reading notes' habits: a time and a verb before the one ``[[Title]]`` a line links
        to, ``#toread`` tags, a star rating after a bold title, ``Title by Lee et al.
        (2024)``, ``"Title" — a note: url``, ``new paper: Title url``, ``(read 2024-11-05)``
        after a heading's title; a titled link to a paper's project page (``*.github.io``,
        three words or more) before its untitled paper link; date tags in any common form
        (``[2025/01]``, ``[2024-10-05]``, `` `2024-04` ``); a model's name set off by a
        spaced dash (``- HWT — Title``, ``1. **HWT** (CVPR 2024) - Title``), in brackets
        after its link (``[Title](url) (Name)``), in ``【Name】`` first, or on a ``<br>`` line
        of its own; field labels without their colon (``**论文链接** url``, ``标题\u3000Title``);
        one-line HTML paragraphs as their text; names and a venue line under a title's link;
        arXiv's own listing (``arXiv:ID [pdf]`` over ``Title:``), dblp's ``Ann Lee, Bo Kim:
        Title. CoRR abs/ID``, MLA's ``"Title." arXiv preprint arXiv:ID``, ``📢 New paper!
        Title``, Reddit's ``[R] Title``.  HTML
        tags in titles are text (``M<sup>3</sup>IT`` → ``M3IT``); ``*A Survey*`` loses
        its emphasis.

    Names
        ``name`` is the model name: a title's ``Name:`` prefix first
        (:func:`citegraph.text.names.model_name`); else the name the list itself gives
        the paper -- a one-word link text (``[Chameleon](url)``), the head of its
        label or item (``FVDM 论文：url``, ``FVDM 论文：Title``, ``- **Show-o**:
        [paper](url)``, ``- Janus ([paper](url))``), a bold ``**Orthus**: notes``
        line over its untitled link, the word before a bracket holding only its
        link (``Sparse VideoGen（url）``), its table cell; else the paper's own
        text ("we introduce X").  Only what plainly is a name counts
        (:func:`~citegraph.lists.text.given_name`): ``Paper``, ``arXiv``,
        ``Code``, ``论文``, venues, sites, organisations, ordinary English words
        and a person after ``by`` are none -- no name is better than a wrong one.

    Sections, places, notes
        ``tags`` are the heading paths (``H1 / H2 / H3``) above each place the
        paper is listed; ``sources`` are all those places as ``file:line``.  A
        paper's ``text`` is its own notes, markup stripped, HTML entities decoded
        (twice-escaped ``&amp;lt;`` too: it becomes the text ``<``, never markup),
        Chinese kept: the whole ``<details>`` block of a paper; a heading section
        that a list item links to with ``[Notes](#anchor)`` (002's TLDR/Notes);
        otherwise the prose around its item -- the prose after it until a
        numbered item (``2. ...``) starts the next news item, and the prose before
        it from the last numbered item (or the section start); in plain notes
        (no list items) a line in the next paper's paragraph, not the previous
        one's, is the next paper's.  Papers of one item share its prose.  Lines
        that are only labels and links (a headline linking a news article,
        ``Code: url``) and bold sub-headings are no text; a page's ``<script>``
        and ``<style>`` blocks are code, not read at all.  On an HTML page
        (``<!DOCTYPE html>``/``<html>`` at the top) its blocks (``div``,
        ``section``, ...) scope what they hold: a heading inside a block that
        has closed (a dialog's "Share Selected Papers") heads nothing after it,
        and prose is no paper's across the close of a block it stands in (the
        filters above the first card, a card's text after its card); a tag
        whose attributes go on over lines (a wrapped ``data-title="..."``) is
        markup, unless it holds a link.
        ``repos`` are the ``github.com/org/repo`` links of the item, its notes and
        the heading above it; ``authors``, ``venue`` and ``year`` come from
        ``Authors:``/``作者：``, ``Published in:``, ``Year:`` labels and ``[yy/mm]`` tags,
        the year otherwise from a new-style arXiv id (``2405`` → 2024).

    Same paper
        Mentions with the same arXiv id, DOI or S2 id, or the same
        :func:`~citegraph.graph.model.normalize_title`, are one paper (a title-only
        mention joins the id-bearing paper with that title); two mentions whose
        ids of one kind differ are never joined by title.  The first title, ids
        and metadata seen win; tags, sources, repos and texts are unioned in order.

    Warnings (``file:line: message``)
        an ``arXiv ID:``/``DOI:``/``arXiv:``/``CorpusId:`` value that is no id, a truncated or malformed
        arXiv/DOI/Semantic Scholar link, a title label with nothing after it, a
        malformed BibTeX entry, a token in an id file that is no id, a file in
        which no paper was found, a file skipped; and, once per line layout, when
        many entries of one layout got neither title nor name ("1,300 of 2,600
        entries in FILE got no title or name: their format was not recognised
        (first at line N)"; a line of a bare id or link wrote no title, and is not
        counted); in file order, then line order.  A malformed
        id still marks its item as a paper of its own: kept title-only when its
        link text is a title (``[Title](bad link)``), else left out, and its notes
        never go to a neighbouring paper.  Lines are
        numbered as an editor does: ``\\r\\n``, ``\\r`` and ``\\n`` end a line (form
        feeds and U+2028 do not), and a byte-order mark is dropped.

    Examples
    --------
    >>> result = read_list_text(
    ...     "# Unified\\n"
    ...     "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818v1)\\n"
    ...     "## Seminar\\n"
    ...     "论文：Chameleon: Mixed-Modal Early-Fusion Foundation Models\\n", "notes.md")
    >>> [(e.arxiv, e.name, e.year, e.tags, e.sources) for e in result.entries]
    [('2405.09818', 'Chameleon', 2024, ['Unified', 'Unified / Seminar'], ['notes.md:2', 'notes.md:4'])]
    """
    return parse_documents(read_documents(paths, stdin=stdin), cache=cache, consume=True)


class Documents(list[tuple[str, ListText]]):
    """``(source name, document)`` of the lists that could be read, and a warning for each one skipped."""

    skipped: list[ListWarning]


def read_documents(paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | None = None) -> Documents:
    """``(source name, document)`` of each list, in order (see :class:`~citegraph.lists.document.ListText`).

    A list that cannot be read (missing, binary, empty, ...) is skipped with
    a warning naming it (``Documents.skipped``) when another one can be read;
    when none can, the first one's :class:`InputError` is raised.
    """
    docs = Documents()
    docs.skipped = []
    first_error: InputError | None = None
    for path in paths:
        name = STDIN_NAME if str(path) == STDIN else str(path)
        try:
            docs.append((name, _read_stdin(stdin) if str(path) == STDIN else _read_path(path)))
        except InputError as exc:
            first_error = first_error or exc
            docs.skipped.append(ListWarning(f"{name}:1", f"{exc}: skipped, the other lists are read"))
    if not docs and first_error is not None:
        raise first_error
    return docs


# The reader's own code: a stored reading is used only by the code that made it
# (tests/lists/test_reading.py checks this names every module the reader imports).
_READER_FILES = (
    "reader.py", "document.py", "formats.py", "delimited.py", "json_records.py", "ris.py", "front_matter.py",
    "markdown.py", "line.py", "html_tables.py", "other_markup.py", "references.py", "text.py", "entry.py",
    "rows.py", "columns.py", "../text/ids.py",
    "../text/names.py", "../text/titles.py", "../text/wording.py", "../text/matching.py", "../errors.py",
    "../graph/model.py", "../graph/citation_graph.py", "../graph/files.py", "../graph/schema.py",
)


@lru_cache(maxsize=1)
def _reader_fingerprint() -> bytes:
    h = hashlib.sha256(sys.version.encode())
    here = Path(__file__).resolve().parent
    for name in _READER_FILES:
        h.update((here / name).read_bytes())
    return h.digest()


def _documents_key(docs: Sequence[tuple[str, ListText | str]]) -> str:
    h = hashlib.sha256(_reader_fingerprint())
    for source, doc in docs:
        for data in (source.encode("utf-8", "surrogatepass"), as_list_text(doc).data):
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    return h.hexdigest()


def _result_json(result: ListReadResult) -> str:
    return json.dumps(
        {
            "entries": [e.as_dict() for e in result.entries],
            "warnings": [[w.source, w.message] for w in result.warnings],
            "files": result.files,
        },
        ensure_ascii=False,
    )


def _result_from_json(text: str) -> ListReadResult | None:
    try:
        data: Any = json.loads(text)
        return ListReadResult(
            [Entry(**e) for e in data["entries"]],
            [ListWarning(source, message) for source, message in data["warnings"]],
            files=data["files"],
        )
    except (ValueError, TypeError, KeyError):  # not what this code stores: read again
        return None


def parse_documents(
    docs: Sequence[tuple[str, ListText | str]], *, cache: ParsedStore | None = None, consume: bool = False
) -> ListReadResult:
    """Distinct papers of ``(source name, document or text)`` pairs (see :func:`read_documents`).

    With ``consume`` (a list of documents the caller gives away), the list is
    emptied and each document let go once read: the merge of the papers does
    not also hold every list's text.

    With a ``cache``, the result is stored under a key made of every source
    name and text and of the reader's own code, and taken from there next time:
    parsing ~1 MB of notes takes about half a second, and a warm
    ``citegraph report`` would otherwise spend it on every run.
    """
    skipped: list[ListWarning] = list(getattr(docs, "skipped", []))
    documents = [(source, as_list_text(doc)) for source, doc in docs]
    key = None
    if cache is not None:
        key = _documents_key(documents)
        stored = cache.get_parsed(key)
        if stored is not None:
            result = _result_from_json(stored)
            if result is not None:
                result.warnings[:0] = skipped
                return result
    mentions = EntryRows()  # each list's mentions as rows once it is read
    warnings: list[ListWarning] = []
    files = len(documents)
    if consume and isinstance(docs, list):
        docs.clear()  # the caller gave the documents away: each text goes once it is read
    while documents:
        source, doc = documents.pop(0)
        found, found_warnings = _read_one(doc, source)
        del doc
        if mentions:
            mentions.extend(found)
        else:
            mentions = found  # (the first list's rows: no copy)
        del found
        warnings.extend(found_warnings)
    result = ListReadResult(merge_entries(mentions, reuse=True), skipped + warnings, files=files)
    if cache is not None and key is not None:
        try:
            cache.put_parsed(key, _result_json(ListReadResult(result.entries, warnings, result.files)))
        except CitegraphError:
            pass  # a read-only cache: the lists are simply parsed again next time
    return result


class _Union:
    """Union-find over mentions, refusing unions whose ids of one kind differ."""

    def __init__(self, mentions: Sequence[Entry]):
        self.mentions = mentions
        # 4 bytes a mention below 4 billion, not a list of Python ints
        self.parent = array("I" if len(mentions) < 2**32 else "q", range(len(mentions)))
        self.joined: dict[int, dict[str, str]] = {}  # a root's ids once it holds more than one mention

    def ids(self, root: int) -> dict[str, str]:
        got = self.joined.get(root)
        if got is None:
            got = {k: v for k, v in zip(ID_FIELDS, _fields(self.mentions, root, ID_FIELDS), strict=True) if v}
        return got

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int, *, force: bool = False) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        ia, ib = self.ids(a), self.ids(b)
        if not force and any(k in ib and ib[k] != v for k, v in ia.items()):
            return
        if b < a:
            a, b = b, a
            ia, ib = ib, ia
        self.parent[b] = a
        for k, v in ib.items():
            ia.setdefault(k, v)
        self.joined[a] = ia
        self.joined.pop(b, None)


def merge_entries(mentions: Iterable[Entry], *, reuse: bool = False) -> EntryRows:
    """Merge mentions of the same paper (same id, or same normalised title).

    With ``reuse``, each paper's first mention is made into the paper instead of
    a new :class:`Entry` (the mentions are then spent: mentions given as
    :class:`~citegraph.lists.rows.EntryRows` are let go from the front as
    their papers are made, and only those left at the end remain).

    >>> a = Entry(arxiv="2410.13848", tags=["Unified"], sources=["a.md:3"])
    >>> b = Entry(title="Janus: Decoupling Visual Encoding", tags=["Seminar"], sources=["b.md:9"])
    >>> c = Entry(arxiv="2410.13848", title="Janus: Decoupling Visual Encoding", sources=["c.md:1"])
    >>> [(e.arxiv, e.title, e.tags, e.sources) for e in merge_entries([a, b, c])]
    [('2410.13848', 'Janus: Decoupling Visual Encoding', ['Unified', 'Seminar'], ['a.md:3', 'b.md:9', 'c.md:1'])]
    """
    # (rows are read, never changed: each mention asked for is a new Entry)
    items: list[Entry] | EntryRows = mentions if isinstance(mentions, EntryRows) else list(mentions)
    merged = EntryRows()
    # spent mentions' rows are let go from the front as the papers are made: a paper's mentions
    # come at or after its first, and papers come in first-seen order, so every mention before
    # the paper's first is spent (not the mentions and their papers at once, twice a file of ids)
    gone = 0
    spent = items if reuse and isinstance(items, EntryRows) else None
    for g in _same_papers(items):
        merged.append(_combine([items[i - gone] for i in g], reuse=reuse))
        if spent is not None and (done := g[0] + 1 - gone) >= max(_LET_GO, len(spent) // 8):
            gone += spent.drop_first(done)
    return merged


_LET_GO = 1 << 8  # (rows let go at least this many at a time: each time moves the rest of every column)


def _same_papers(items: Sequence[Entry]) -> Iterator[list[int]]:
    """The indexes of each paper's mentions, papers in first-seen order (see :func:`merge_entries`).

    (Functions of their own: the union-find, and the normalised copy of every
    title the joining by title makes, are let go before the papers are made.
    Only papers mentioned more than once get a list before they are asked
    for: most are mentioned once, and a list each was the size of the file.)
    """
    uf = _Union(items)
    _join_by_ids(uf, items)
    _join_by_titles(uf, items)
    # a group's root is its first mention: a union keeps the smaller index as the root
    more: dict[int, list[int]] = {}
    joined = bytearray(len(items))  # 1: a mention joined to an earlier one (a byte, not the union-find's 4)
    for i in range(len(items)):
        root = uf.find(i)
        if root != i:
            more.setdefault(root, [root]).append(i)
            joined[i] = 1
    del uf
    for i in range(len(items)):
        if not joined[i]:
            yield more.pop(i, [i])


class _FirstSeen:
    """``dict.setdefault(key, i)`` over a list's mentions: the first mention whose key equals
    ``key``.  Held in two arrays, a byte of each slot's key hash and its first mention (5 bytes a
    slot, 1.5 slots a mention); a key is made again from its mention (``key_of``) only when its
    byte matches (and then 1 time in 256 for another key).

    (Not a dict: its keys, a new string per id or title, and its values, an int object per mention,
    took 2 times a list of one link a line at the merge's peak, 10 times a file of ids.)

    >>> seen = _FirstSeen(3, ["b", "a", "b"].__getitem__)
    >>> [seen.setdefault(k, i) for i, k in enumerate(["b", "a", "b"])]
    [0, 1, 0]
    """

    __slots__ = ("_slots", "_tags", "_first", "_key_of")

    def __init__(self, size: int, key_of: Callable[[int], str]) -> None:
        # (at most 2/3 of the slots taken; their number is no power of two: a slot is the hash modulo it)
        self._slots = max(8, size + size // 2 + 1)
        self._tags = bytearray(self._slots)
        self._first = array("I" if size < 2**32 - 1 else "Q", [0]) * self._slots  # (repeated: no buffer of zeros)
        self._key_of = key_of

    def setdefault(self, key: str, i: int) -> int:
        h = hash(key)
        slot, tag, slots = h % self._slots, (h >> 40) & 0xFF, self._slots
        tags, first = self._tags, self._first
        while True:
            j = first[slot]  # the first mention + 1; 0: a free slot
            if j == 0:
                first[slot], tags[slot] = i + 1, tag
                return i
            if tags[slot] == tag and self._key_of(j - 1) == key:
                return j - 1
            slot = slot + 1 if slot + 1 < slots else 0


def _fields(items: Sequence[Entry], i: int, names: Sequence[str]) -> list[str | None]:
    """Mention ``i``'s fields named (ids, the title); of rows, without making the entry."""
    return items.fields(i, names) if isinstance(items, EntryRows) else [getattr(items[i], k) for k in names]


def _value(items: Sequence[Entry], i: int, k: str) -> str | None:
    """Mention ``i``'s field ``k`` (see :func:`_fields`)."""
    return items.field(i, k) if isinstance(items, EntryRows) else getattr(items[i], k)


def _id_key(items: Sequence[Entry], k: str) -> Callable[[int], str]:
    """A mention's id of kind ``k``, lower case (the stored id itself when already lower case)."""
    def key(i: int) -> str:
        v = _value(items, i, k) or ""
        low = v.lower()
        return v if low == v else low
    return key


def _join_by_ids(uf: _Union, items: Sequence[Entry]) -> None:
    """Ids first: a mention carrying two ids joins both of their papers."""
    for k in ID_FIELDS:
        key = _id_key(items, k)
        first = _FirstSeen(len(items), key)
        for i in range(len(items)):
            if v := key(i):  # (the id read once: each read cuts it from the mention's record)
                j = first.setdefault(v, i)
                if j != i:
                    uf.union(j, i, force=True)
        del first  # (before the next kind's is made)


def _join_by_titles(uf: _Union, items: Sequence[Entry]) -> None:
    """Then titles: joined unless that would put two different ids together."""
    # a title's first mention; the mentions of titles named more than once
    # (a list for every title was the file's size again)
    first = _FirstSeen(len(items), lambda i: normalize_title(_value(items, i, "title") or ""))
    by_title: dict[str, list[int]] = {}
    for i in range(len(items)):
        if title := _value(items, i, "title"):
            t = normalize_title(title)
            if t:
                j = first.setdefault(t, i)
                if j != i:
                    by_title.setdefault(t, [j]).append(i)
    del first
    # in the order of their first mention, as every title was once joined (the order can decide a union)
    for idxs in sorted(by_title.values(), key=lambda idxs: idxs[0]):
        roots: list[int] = []
        for i in idxs:
            r = uf.find(i)
            if r not in roots:
                roots.append(r)
        # title-only papers join the first id-bearing paper of that title
        with_ids = [r for r in roots if uf.ids(r)]
        anchor = with_ids[0] if with_ids else roots[0]
        for r in roots:
            uf.union(anchor, r)


def _union(lists: Iterable[Sequence[str]]) -> list[str]:
    """The strings of ``lists`` in order, without empty or repeated ones."""
    out: list[str] = []
    for items in lists:
        add_new(out, items)
    return out


def _combine(mentions: list[Entry], *, reuse: bool = False) -> Entry:
    """One paper of its mentions; with ``reuse`` the first mention becomes it
    (the reader's own mentions: no second copy of every paper at the peak)."""
    titles = list(dict.fromkeys(m.title for m in mentions if m.title))
    texts = list(dict.fromkeys(m.text for m in mentions if m.text))
    names = [m.name for m in mentions if m.name]
    first = mentions[0]
    out = first if reuse else first.copy()
    for m in mentions[1:]:
        for k in (*ID_FIELDS, "venue", "year"):
            if getattr(out, k) is None and getattr(m, k) is not None:
                setattr(out, k, getattr(m, k))
        if not out.authors and m.authors:
            out.authors = m.authors
    out.tags = _union(m.tags for m in mentions)
    out.sources = _union(m.sources for m in mentions)
    out.repos = _union(m.repos for m in mentions)
    out.title = titles[0] if titles else None
    out.text = texts[0] if len(texts) == 1 else "\n\n".join(texts)
    if out.year is None and out.arxiv:
        out.year = arxiv_year(out.arxiv)
    out.name = _best_name(titles, names, out.text)
    return out


def _best_name(titles: list[str], given: list[str], text: str) -> str | None:
    """A title's ``Name:`` prefix, else the name the list gives, else the text's "we introduce X".

    >>> _best_name(["Janus: Decoupling Visual Encoding"], ["JanusFlow"], "")
    'Janus'
    >>> _best_name(["Decoupling Visual Encoding"], ["Janus"], "We introduce Foo, a model.")
    'Janus'
    >>> _best_name(["Decoupling Visual Encoding"], [], "We introduce Foo, a model.")
    'Foo'
    """
    # model_name's and name_key's own caches would keep one (title, notes) key
    # and one title per paper after the read (about the list's size again);
    # analyses ask them with other texts
    uncached, key = model_name.__wrapped__, name_key.__wrapped__
    for title in titles:
        name = uncached(title, text)
        # a title's own name is a prefix of it; anything else came from the text
        if name and key(title).startswith(key(name)) and name.lower() not in GENERIC_LINK_TEXT:
            return name
    for title in titles:
        coined = coined_name(title.split(":", 1)[0]) if ":" in title[:14] else None
        if coined:
            return coined  # "BERT: Pre-training of ...": the paper that coined the term
    if given:
        return given[0]
    name = uncached(titles[0] if titles else None, text)
    return None if name and name.lower() in GENERIC_LINK_TEXT else name  # "Code: url" read as a title


def paper_records(entries: Iterable[Entry]) -> Iterator[dict[str, Any]]:
    """One JSON-ready record per paper, keyed by :data:`PAPER_COLUMNS`, made as it is asked for.

    >>> next(paper_records([Entry(arxiv="2405.09818", title="Chameleon", authors=["A. Lee"])]))["authors"]
    ['A. Lee']
    """
    for e in entries:
        yield {
            "key": e.key,
            "arxiv": e.arxiv,
            "doi": e.doi,
            "s2_id": e.s2_id,
            "title": e.title,
            "name": e.name,
            "year": e.year,
            "tags": list(e.tags),
            "sources": list(e.sources),
            "text": e.text,
            "authors": list(e.authors),
            "venue": e.venue,
        }


def papers_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    """One row per paper: key, arxiv, doi, s2_id, title, name, year, tags, sources, text, authors, venue.

    >>> papers_frame([Entry(arxiv="2405.09818", title="Chameleon", year=2024, tags=["A"])])[["key", "year", "tags"]]
                    key  year tags
    0  arxiv:2405.09818  2024  [A]
    """
    import pandas as pd  # only here: reading lists (build, report) needs no pandas

    frame = pd.DataFrame(list(paper_records(entries)), columns=list(PAPER_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame
