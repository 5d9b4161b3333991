"""What each of the ten real lists itself writes: arXiv id → title (and name).

An independent check of the list reader: one small regex per list format,
written against the lists' own layout and sharing no code with
``citegraph.lists``.  ``truth(path)`` gives, for a list file, every arXiv id
the file names (``ids``) and, for the ids whose entry writes a title, the
titles written for it (``titles``; a paper listed twice may carry two),
plus the names a list gives in a name column (``names``) and, where a list
writes them beside the id, its authors, year and venue (``meta``).

Titles are compared by :func:`same_title`: case, markup, HTML entities,
punctuation and spacing aside.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Truth", "truth", "same_title", "same_meta", "arxiv_ids"]

# Any arXiv id a reader should find: in arxiv.org-like links (ar5iv, alphaxiv,
# browse., export.), huggingface.co/papers, arXiv DataCite DOIs, "arXiv:ID" text.
_ARXIV_ANY = re.compile(
    r"(?i)(?:arxiv\.org/(?:abs|pdf|html|overview)/|huggingface\.co/papers/|10\.48550/arxiv\.|arxiv\s*[:：]\s*)"
    r"(\d{4}\.\d{4,5})(?!\d)"
)
_ARXIV_URL = re.compile(r"(?i)arxiv\.org/(?:abs|pdf|html|overview)/(\d{4}\.\d{4,5})(?!\d)")
_TAG = re.compile(r"<[^>]+>")


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


def _brady(text: str, t: Truth) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for m in re.finditer(r"\[\*\*(.+?)\*\*\]\((\S+?)\)", line):  # table: [**Title**](url)
            t.add(m.group(2), m.group(1))
        m = re.match(r"^\|\s*\*\*[^|*]+\*\*\s*\|\s*\[([^\]]+)\]\((\S+?)\)", line)  # dataset: | **Name** | [Title](url)
        if m:
            t.add(m.group(2), m.group(1))
        m = re.match(r"^- (?:\S+ )?\*\*(.+?)\*\*\s*$", line)  # highlight: - 🌟 **Title**␠␠ / venue, [Paper](url)
        if m and i + 1 < len(lines):
            p = re.search(r"\[(?:📖 )?Paper\]\((\S+?)\)", lines[i + 1])
            if p:
                t.add(p.group(1), m.group(1))


def _awesome_llm(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^\|[^|\n]*\|[^|\n]*\|[^|\n]*\|\s*\[([^\]]+)\]\((\S+?)\)\s*\|?\s*$", text):
        t.add(m.group(2), m.group(1))


def _people(names: str, sep: str = r",\s*|\s+and\s+") -> list[str]:
    return [n.strip(" .*") for n in re.split(sep, names) if n.strip(" .*")]


def _diffusion(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^\*\*(.+?)\*\* *\\\n(?:.*\n){0,2}?.*?\[\[Paper\]\((\S+?)\)\]", text):
        t.add(m.group(2), m.group(1))
    # **Title** \ / *A, B* \ / Venue Year. [[Paper](url)]
    block = r"(?m)^\*\*.+?\*\* *\\\n\*(.+?)\* *\\\n(.*?)\s*(\d{4})\. *\[\[Paper\]\((\S+?)\)\]"
    for m in re.finditer(block, text):
        t.add_meta(m.group(4), authors=_people(m.group(1)), venue=m.group(2).strip(), year=int(m.group(3)))


def _gnn(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^\s*\d+\.\s+\*\*(.+?)\*\*.*?\[paper\]\((\S+?)\)", text):
        t.add(m.group(2), m.group(1))
    # 1. **Title.** Venue Year. [paper](url) / (blank) / *A, B.*
    item = r"(?m)^\s*\d+\.\s+\*\*.+?\*\*\s*(.*?)\s(\d{4})\.\s*\[paper\]\((\S+?)\)[^\n]*\n(?:[ \t]*\n)*[ \t]*\*(.+?)\*"
    for m in re.finditer(item, text):
        t.add_meta(m.group(3), authors=_people(m.group(4)), venue=m.group(1).strip(" ,."), year=int(m.group(2)))


def _paper_reading(text: str, t: Truth) -> None:
    t.checked = False  # its link texts are short names ([ViT](url)), not titles
    for m in re.finditer(r"(?m)^\|[^|\n]*\|\s*\d{4}\s*\|\s*\[([^\]]+)\]\((\S+?)\)", text):
        t.add(m.group(2), m.group(1), names=True)


def _weekly(text: str, t: Truth) -> None:
    for line in text.split("\n"):
        m = re.match(r"^\|\s*\d+\)\s*\*\*(.+?)\*\*", line) or re.match(r"^\|\s*\d+\)\s*(\S.*?)(?:\s{2}|\s*\|)", line)
        p = re.search(r"\[Paper\]\((\S+?)\)", line)
        if m and p:
            t.add(p.group(1), m.group(1))


def _deepbio(text: str, t: Truth) -> None:
    for m in re.finditer(r"(?m)^- \*\*\d{4}-\d{2}\*\* \| (.+?) \|.*?\]\((\S*arxiv\S*?)\)", text):
        t.add(m.group(2), m.group(1))
    # rows citing one DOI: "- **2016-02** | Title | *authors* | [Journal](https://doi.org/10.x/y)"
    for m in re.finditer(r"(?m)^- \*\*\d{4}-\d{2}\*\* \| (.+?) \|[^\n]*?doi\.org/(10\.[^)\s]+)\).*$", text):
        if m.group(0).count("doi.org/") == 1:  # a row with two DOIs says which is the paper's no more
            t.doi_titles.setdefault(m.group(2).lower(), set()).add(m.group(1).strip().rstrip(".").strip())


def _bib(text: str, t: Truth) -> None:
    for block in re.split(r"\n(?=@)", text):
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
    for card in text.split('<div class="paper-row"')[1:]:
        m = re.search(r'<h2 class="paper-title">(.*?)<span', card, re.S)
        p = re.search(r'href="(\S*arxiv\.org\S*?)"', card)
        if m and p:
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
    t = Truth(ids=arxiv_ids(text))
    for prefix, extract in _EXTRACTORS.items():
        if path.name.startswith(prefix):
            extract(text, t)
            break
    else:
        t.checked = False
    return t
