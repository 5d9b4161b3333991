"""What each of the ten real lists itself writes: arXiv id → title (and name).

An independent check of the list reader: one small regex per list format,
written against the lists' own layout and sharing no code with
``citegraph.lists``.  ``truth(path)`` gives, for a list file, every arXiv id
the file names (``ids``) and, for the ids whose entry writes a title, the
titles written for it (``titles``; a paper listed twice may carry two),
plus the names a list gives in a name column (``names``) and, where a list
writes them beside the id, its authors, year and venue (``meta``).

Papers cited without an arXiv id (``others``): per list, each entry in the
list's paper position whose link names no arXiv id -- a DOI, openreview, CVF,
NeurIPS, ACL, a PDF, any other page, or no link at all (BibTeX entries with
no eprint) -- with the title the entry writes and the entry's first and last
line.  They are keyed by place: the reader is right on one when a paper it
lists at one of those lines (``Entry.sources``) carries that title.  Entries
whose lines name an arXiv id are left to the arXiv check.

Titles are compared by :func:`same_title`: case, markup, HTML entities,
punctuation and spacing aside.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable

__all__ = [
    "Truth", "Other", "truth", "others_found", "others_right", "others_outside", "same_title", "same_meta", "arxiv_ids",
    "link_kind",
]

# Any arXiv id a reader should find: in arxiv.org-like links (ar5iv, alphaxiv,
# browse., export.), huggingface.co/papers, arXiv DataCite DOIs, "arXiv:ID" text.
_ARXIV_ANY = re.compile(
    r"(?i)(?:arxiv\.org/(?:abs|pdf|html|overview)/|huggingface\.co/papers/|10\.48550/arxiv\.|arxiv\s*[:：]\s*)"
    r"(\d{4}\.\d{4,5})(?!\d)"
)
_ARXIV_URL = re.compile(r"(?i)arxiv\.org/(?:abs|pdf|html|overview)/(\d{4}\.\d{4,5})(?!\d)")
_TAG = re.compile(r"<[^>]+>")
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>]+")
# proceedings and publisher sites whose pages are papers (a checker's own short list)
_HOSTS = re.compile(
    r"(?i)//(?:[\w-]+\.)*(?:openreview\.net|thecvf\.com|nips\.cc|neurips\.cc|aclanthology\.org|aclweb\.org"
    r"|mlr\.press|jmlr\.org|ieeexplore\.ieee\.org|acm\.org|springer\.com|ijcai\.org|aaai\.org"
    r"|semanticscholar\.org|sciencedirect\.com|nature\.com|science\.org|biorxiv\.org|ecva\.net)/"
)


def link_kind(url: str | None) -> str:
    """``doi``, ``venue`` (a proceedings/publisher site), ``pdf``, ``page`` or ``none``."""
    if not url or not url.strip():
        return "none"
    if _DOI.search(url):
        return "doi"
    if _HOSTS.search(url):
        return "venue"
    if re.search(r"(?i)\.pdf(?:$|[?#])", url):
        return "pdf"
    return "page"


def _valid(arxiv: str) -> bool:
    yymm, digits = int(arxiv[:4]), len(arxiv.split(".")[1])
    return 1 <= yymm % 100 <= 12 and ((yymm >= 1501 and digits == 5) or (704 <= yymm < 1501 and digits == 4))


def arxiv_ids(text: str) -> set[str]:
    """Every new-style arXiv id ``text`` names (links, DOIs, ``arXiv:`` text)."""
    return {m.group(1) for m in _ARXIV_ANY.finditer(text) if _valid(m.group(1))}


def _norm(title: str) -> str:
    s = html.unescape(_TAG.sub("", title))
    s = s.replace("**", "").replace("\\", "")
    return "".join(c for c in s.lower() if c.isalnum())


def same_title(found: str | None, written: str) -> bool:
    """Equal up to case, markup, entities, punctuation and spaces."""
    return bool(found) and _norm(found or "") == _norm(written)


def same_meta(found: object, written: object) -> bool:
    """Authors name for name, years equal, venues equal up to case and spacing."""
    def norm(x: object) -> object:
        if isinstance(x, list):
            return [" ".join(str(n).split()) for n in x]
        return " ".join(x.lower().split()) if isinstance(x, str) else x
    return norm(found) == norm(written)


@dataclass(frozen=True)
class Other:
    """A paper a list cites with no arXiv id: its title, link kind and place (1-based lines)."""

    title: str
    kind: str
    first: int
    last: int
    link: str | None = None


@dataclass
class Truth:
    ids: set[str] = field(default_factory=set)
    titles: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    # id → field → every value written for it (a paper listed twice may carry two)
    meta: dict[str, dict[str, list[object]]] = field(default_factory=dict)
    checked: bool = True  # False: the list writes no titles to check against
    # DOI (lower case) → titles written for it, on lists that cite by DOI
    doi_titles: dict[str, set[str]] = field(default_factory=dict)
    # papers cited by other links or none, keyed by place (see the module)
    others: list[Other] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def add_other(self, first: int, title: str, link: str | None, last: int | None = None) -> None:
        """Record the entry at ``first``..``last`` (0-based indexes) unless its lines name an arXiv id."""
        last = first if last is None else last
        title = " ".join(title.split()).strip().rstrip(".").strip()
        if not title or arxiv_ids("\n".join(self.lines[first:last + 1])) or arxiv_ids(link or ""):
            return
        self.others.append(Other(title, link_kind(link), first + 1, last + 1, link))

    def add_meta(self, url: str, **written: object) -> None:
        m = _ARXIV_URL.search(url)
        if m and _valid(m.group(1)):
            fields = self.meta.setdefault(m.group(1), {})
            for k, v in written.items():
                if v and v not in fields.setdefault(k, []):
                    fields[k].append(v)

    def add(self, url: str, title: str, names: bool = False) -> None:
        m = _ARXIV_URL.search(url)
        title = title.strip().rstrip(".").strip()
        if m and _valid(m.group(1)) and title:
            (self.names if names else self.titles).setdefault(m.group(1), set()).add(title)


def _line_of(text: str) -> Callable[[int], int]:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]  # lines as ``lines`` splits them
    return lambda pos: bisect.bisect_right(starts, pos) - 1


def others_found(entries: Iterable[Any], t: Truth) -> list[tuple[Other, list[str | None]]]:
    """Each of ``t.others`` with the titles of the papers read at its lines (``sources`` ``file:line``)."""
    at: dict[int, list[str | None]] = {}
    for e in entries:
        for source in e.sources:
            line = source.rsplit(":", 1)[-1]
            if line.isdigit():
                at.setdefault(int(line), []).append(e.title)
    return [(o, [x for n in range(o.first, o.last + 1) for x in at.get(n, [])]) for o in t.others]


def others_right(found: list[tuple[Other, list[str | None]]]) -> list[bool]:
    """Whether a paper read at each one's lines carries the title its entry writes."""
    return [any(same_title(f, o.title) for f in titles) for o, titles in found]


def others_outside(entries: Iterable[Any], t: Truth) -> list[Any]:
    """Papers read without an arXiv id at no line of any of ``t.others``: invented, or in a layout not checked."""
    covered = {n for o in t.others for n in range(o.first, o.last + 1)}
    return [
        e for e in entries
        if not e.arxiv and not any(s.rsplit(":", 1)[-1].isdigit() and int(s.rsplit(":", 1)[-1]) in covered for s in e.sources)
    ]


def _brady(text: str, t: Truth) -> None:
    lines = t.lines
    for i, line in enumerate(lines):
        for m in re.finditer(r"\[\*\*(.+?)\*\*\]\((\S*?)\)", line):  # table: [**Title**](url)
            t.add(m.group(2), m.group(1))
            t.add_other(i, m.group(1), m.group(2))
        # the table's next cells: | venue | date | (2024-03-27)
        m = re.match(r"^\|[^|]*\[\*\*.+?\*\*\]\((\S*?)\)[^|]*\|\s*([^|]*?)\s*\|\s*((?:19|20)\d\d)-\d\d(?:-\d\d)?\s*\|", line)
        if m:
            t.add_meta(m.group(1), venue=m.group(2) if m.group(2) not in ("", "-") else None, year=int(m.group(3)))
        m = re.match(r"^\|\s*\*\*[^|*]+\*\*\s*\|\s*\[([^\]]+)\]\((\S*?)\)", line)  # dataset: | **Name** | [Title](url)
        if m:
            t.add(m.group(2), m.group(1))
            t.add_other(i, m.group(1), m.group(2))
        # a row titled in bold without a link: | ![Star](badge) <br> **Title** <br> | venue | date |
        m = re.match(r"^\|(?:[^|]*<br>)?\s*\*\*([^*|]+)\*\*\s*(?:<br>)?\s*\|\s*[^\s\[|]", line)
        if m:
            t.add_other(i, m.group(1), None)
        m = re.match(r"^- (?:\S+ )?\*\*(.+?)\*\*\s*$", line)  # highlight: - 🌟 **Title**␠␠ / venue, [Paper](url)
        if m and i + 1 < len(lines):
            p = re.search(r"\[(?:📖 )?Paper\]\((\S*?)\)", lines[i + 1])
            if p:
                t.add(p.group(1), m.group(1))
                t.add_other(i, m.group(1), p.group(1), i + 1)
                vy = re.match(r"^([A-Za-z][\w ]*?) ((?:19|20)\d\d)\b[^,]*,", lines[i + 1])  # NeurIPS 2025 Highlight,
                if vy:
                    t.add_meta(p.group(1), venue=vy.group(1), year=int(vy.group(2)))


def _awesome_llm(text: str, t: Truth) -> None:
    line_of = _line_of(text)
    for m in re.finditer(r"(?m)^\|([^|\n]*)\|[^|\n]*\|[^|\n]*\|\s*\[([^\]]+)\]\((\S*?)\)\s*\|?\s*$", text):
        t.add(m.group(3), m.group(2))
        t.add_other(line_of(m.start()), m.group(2), m.group(3))
        date = re.fullmatch(r"\s*((?:19|20)\d\d)-\d\d\s*", m.group(1))  # | 2020-05 | GPT 3.0 | OpenAI | [Title](url) |
        if date:
            t.add_meta(m.group(3), year=int(date.group(1)))


def _people(names: str, sep: str = r",\s*|\s+and\s+") -> list[str]:
    return [n.strip(" .*") for n in re.split(sep, names) if n.strip(" .*")]


def _diffusion(text: str, t: Truth) -> None:
    line_of = _line_of(text)
    for m in re.finditer(r"(?m)^\*\*(.+?)\*\* *\\\n(?:.*\n){0,2}?.*?\[\[Paper\]\((\S*?)\)\]", text):
        t.add(m.group(2), m.group(1))
        t.add_other(line_of(m.start()), m.group(1), m.group(2), line_of(m.end()))
    # **Title** \ / *A, B* \ / Venue Year. [[Paper](url)]
    block = r"(?m)^\*\*.+?\*\* *\\\n\*(.+?)\* *\\\n(.*?)\s*(\d{4})\. *\[\[Paper\]\((\S+?)\)\]"
    for m in re.finditer(block, text):
        t.add_meta(m.group(4), authors=_people(m.group(1)), venue=m.group(2).strip(), year=int(m.group(3)))


def _gnn(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^\s*\d+\.\s+\*\*(.+?)\*\*.*?\[paper\]\((\S+?)\)", text):
        t.add(m.group(2), m.group(1))
    # every numbered bold item, by its first link ([paper], [book], ...) or none
    for i, line in enumerate(t.lines):
        m = re.match(r"^\s*\d+\.\s+\*\*(.+?)\*\*(.*)$", line)
        if m:
            link = re.search(r"\]\((\S*?)\)", m.group(2))
            t.add_other(i, m.group(1), link.group(1) if link else None)
    # 1. **Title.** Venue Year. [paper](url) / (blank) / *A, B.*
    item = r"(?m)^\s*\d+\.\s+\*\*.+?\*\*\s*(.*?)\s(\d{4})\.\s*\[paper\]\((\S+?)\)[^\n]*\n(?:[ \t]*\n)*[ \t]*\*(.+?)\*"
    for m in re.finditer(item, text):
        t.add_meta(m.group(3), authors=_people(m.group(4)), venue=m.group(1).strip(" ,."), year=int(m.group(2)))


def _paper_reading(text: str, t: Truth) -> None:
    t.checked = False  # its link texts are short names ([ViT](url)), not titles
    for m in re.finditer(r"(?m)^\|[^|\n]*\|\s*\d{4}\s*\|\s*\[([^\]]+)\]\((\S+?)\)", text):
        t.add(m.group(2), m.group(1), names=True)


# "| N) Title  Description |" or "| N) Title - description |" (no bold)
_WEEKLY_PLAIN = re.compile(r"^\|\s*\d+\)\s*(\S.*?)(?:\s{2}|\s[-–—]\s|\s*\|)")


def _weekly(text: str, t: Truth) -> None:
    for line in text.split("\n"):
        m = re.match(r"^\|\s*\d+\)\s*\*\*(.+?)\*\*", line) or _WEEKLY_PLAIN.match(line)
        p = re.search(r"\[Paper\]\((\S+?)\)", line)
        if m and p:
            t.add(p.group(1), m.group(1))
    for i, line in enumerate(t.lines):
        m = re.match(r"^\|\s*\d+\)\s*\*\*(.+?)\*\*", line) or _WEEKLY_PLAIN.match(line)
        if m:
            p = re.search(r"\[Paper\]\((\S*?)\)", line)
            t.add_other(i, m.group(1), p.group(1) if p else None)


def _deepbio(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^- \*\*\d{4}-\d{2}\*\* \| (.+?) \|.*?\]\((\S*arxiv\S*?)\)", text):
        t.add(m.group(2), m.group(1))
    # rows citing one DOI: "- **2016-02** | Title | *authors* | [Journal](https://doi.org/10.x/y)"
    for m in re.finditer(r"(?m)^- \*\*\d{4}-\d{2}\*\* \| (.+?) \|[^\n]*?doi\.org/(10\.[^)\s]+)\).*$", text):
        if m.group(0).count("doi.org/") == 1:  # a row with two DOIs says which is the paper's no more
            t.doi_titles.setdefault(m.group(2).lower(), set()).add(m.group(1).strip().rstrip(".").strip())
    for i, line in enumerate(t.lines):  # every dated row, by its last link
        m = re.match(r"^- \*\*\d{4}-\d{2}\*\* \| (.+?) \|", line)
        if m:
            links = re.findall(r"\]\((\S*?)\)", line)
            t.add_other(i, m.group(1), links[-1] if links else None)


def _bib(text: str, t: Truth) -> None:
    first = 0
    for block in re.split(r"\n(?=@)", text):
        last, start = first + block.count("\n"), first
        first = last + 1
        m = re.search(r"(?i)\btitle\s*=\s*[{\"](.+?)[}\"],?\s*\n", block)
        if m and block.startswith("@") and not re.search(r"(?i)(?:arxiv:|abs/)\d{4}\.\d", block):
            d = re.search(r"(?i)\bdoi\s*=\s*[{\"]\s*(\S+?)\s*[}\"]", block)
            u = re.search(r"(?i)\burl\s*=\s*[{\"]\s*(\S+?)\s*[}\"]", block)
            t.add_other(start, m.group(1).replace("{", "").replace("}", ""),
                        ("https://doi.org/" + d.group(1)) if d else (u.group(1) if u else None), last)
        m = re.search(r"(?i)\btitle\s*=\s*[{\"](.+?)[}\"],?\s*\n", block)
        a = re.search(r"(?i)(?:arxiv:|abs/)(\d{4}\.\d{4,5})", block)
        if a and _valid(a.group(1)):
            t.ids.add(a.group(1))  # CoRR's volume = {abs/ID} too
        if m and a:
            t.add("arxiv.org/abs/" + a.group(1), m.group(1).replace("{", "").replace("}", ""))
        y = re.search(r"(?i)\byear\s*=\s*[{\"]?(\d{4})", block)
        if a and y:
            t.add_meta("arxiv.org/abs/" + a.group(1), year=int(y.group(1)))


def _html_cards(text: str, t: Truth) -> None:
    line_of = _line_of(text)
    for c in re.finditer(r'<div class="paper-row"(.*?)(?=<div class="paper-row"|\Z)', text, re.S):
        m = re.search(r'<h2 class="paper-title">(.*?)<span', c.group(1), re.S)
        p = re.search(r'href="([^"]*)"[^>]*>\s*📄', c.group(1))
        if m:
            abstract = c.group(1).find('<div class="paper-abstract">')  # the card's own lines end there
            end = c.start(1) + (abstract if abstract >= 0 else len(c.group(1)))
            t.add_other(line_of(c.start()), html.unescape(m.group(1)), p.group(1) if p else None, line_of(end))
    for card in text.split('<div class="paper-row"')[1:]:
        m = re.search(r'<h2 class="paper-title">(.*?)<span', card, re.S)
        p = re.search(r'href="(\S*arxiv\.org\S*?)"', card)
        if m and p and m.group(1).strip() != "None":  # "None": the page's generator had no title
            t.add(p.group(1), " ".join(m.group(1).split()))
        y = re.search(r'<span class="paper-year">\((\d{4})\)</span>', card)
        a = re.search(r'<p class="paper-authors">(.*?)</p>', card, re.S)
        if p:
            t.add_meta(p.group(1), authors=_people(html.unescape(a.group(1)), r",\s*") if a else None,
                       year=int(y.group(1)) if y else None)


def _cvpr(text: str, t: Truth) -> None:
    title = None
    for line in text.split("\n"):
        m = re.match(r"^\*\*(?:\d+\.\s*)?(.+?)\*\*\s*$", line)
        if m:
            title = m.group(1)
            continue
        if line.startswith("#"):
            title = None
        p = re.match(r"^- Paper(?:\([^)]*\))?\s*[:：]\s*(\S+)", line)
        if p and title:
            t.add(p.group(1), title)
            title = None
    start = None
    for i, line in enumerate(t.lines):  # (a bold title may be indented by a space)
        m = re.match(r"^\s*\*\*(?:\d+\.\s*)?(.+?)\*\*\s*$", line)
        if m:
            start = i
            continue
        if line.startswith("#"):
            start = None
        p = re.match(r"^- Paper(?:\([^)]*\))?\s*[:：]\s*(\S+)", line)
        if p and start is not None:
            link = p.group(1) if "://" in p.group(1) else None
            title = re.match(r"^\s*\*\*(?:\d+\.\s*)?(.+?)\*\*", t.lines[start])
            if title:
                t.add_other(start, title.group(1), link, i)
            start = None


_EXTRACTORS = {
    "BradyFU__": _brady,
    "Hannibal046__": _awesome_llm,
    "diff-usion__": _diffusion,
    "thunlp__": _gnn,
    "mli__": _paper_reading,
    "dair-ai__": _weekly,
    "gokceneraslan__": _deepbio,
    "larskotthoff__": _bib,
    "MrNeRF__": _html_cards,
    "amusi__": _cvpr,
}


def truth(path: Path) -> Truth:
    """The ids and titles ``path`` writes, by its list's own layout (see the module)."""
    text = path.read_text(encoding="utf-8")
    t = Truth(ids=arxiv_ids(text), lines=re.split(r"\r\n|\r|\n", text))
    for prefix, extract in _EXTRACTORS.items():
        if path.name.startswith(prefix):
            extract(text, t)
            break
    else:
        t.checked = False
    return t
