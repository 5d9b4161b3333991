"""The two structured list formats: BibTeX files and plain files of ids.

Examples
--------
>>> entries, warnings = read_id_lines(["# my list", "2405.09818", "arXiv:2407.06135v1", "not-an-id"], "ids.txt")
>>> [e.arxiv for e in entries], [str(w) for w in warnings]
(['2405.09818', '2407.06135'], ["ids.txt:4: 'not-an-id' is not an arXiv id, DOI or Semantic Scholar id"])
"""

from __future__ import annotations

import functools
import gc
import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

from citegraph.lists.entry import Entry, ListWarning
from citegraph.lists.rows import EntryRows
from citegraph.text.ids import parse_any_id, parse_arxiv_id, parse_doi
from citegraph.lists.text import clean_title, looks_like_title
from citegraph.text.matching import first_group

__all__ = ["looks_like_bibtex", "looks_like_id_lines", "read_bibtex", "read_id_lines"]

_BIB_START = re.compile(r"\s*@\s*[a-zA-Z]+\s*[{(]")
# "arXiv preprint arXiv:2405.09818", "arXiv:2405.09818v2", "CoRR abs/2405.09818" in journal/note fields
_ARXIV_IN_FIELD = re.compile(
    r"(?:arxiv\s*[:：]?\s*|arxiv\s+preprint\s+|\babs/)((?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)(?![\d.])",
    re.I,
)
_ARXIV_ONLY_VENUE = re.compile(r"^\s*arxiv(?:\s+preprint)?\b[\s:：]*(?:arxiv\s*[:：]?\s*|abs/)?[\w./-]*\s*$", re.I)
_COMMENT = re.compile(r"^\s*(#|//|%)")
# lines that make a file notes rather than ids: headings, list items, links, tags, bold text
_MARKUP = re.compile(r"^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s)|\]\(|<[a-zA-Z]|\*\*[^*\s][^*]*\*\*")


def looks_like_bibtex(lines: Sequence[str], name: str = "") -> bool:
    """A document whose first real line opens a BibTeX entry, or a ``.bib`` file holding one.

    The content decides: a ``.bib`` file without any ``@type{`` line (markdown
    saved under that name) is not BibTeX.

    >>> looks_like_bibtex(["# My papers", "- https://arxiv.org/abs/2405.09818"], "refs.bib")
    False
    """
    if name.lower().endswith((".bib", ".bibtex")) and any(_BIB_START.match(line) for line in lines):
        return True
    for line in lines:
        if line.strip() and not line.lstrip().startswith("%"):
            return bool(_BIB_START.match(line))
    return False


_FIRST_TOKEN = re.compile(r"\s*(\S+)\s*")


def _id_line(line: str) -> tuple[dict[str, str], bool]:
    """``(ids, odd)`` of an id-file line (not blank): its first token's ids; ``odd`` when
    more than an id (and a ``#`` comment after it) stands on it.

    (The rest is not split into words: a line of 20,000 links made a list of them.)

    >>> _id_line("2405.09818  # Chameleon"), _id_line(" 2405.09818 Chameleon")
    (({'arxiv': '2405.09818'}, False), ({'arxiv': '2405.09818'}, True))
    """
    first = _FIRST_TOKEN.match(line)
    assert first is not None, "a blank line has no id"
    rest = first.end()
    return parse_any_id(first.group(1)), rest < len(line) and not line.startswith(("#", "//", "%"), rest)


_NOTED_ID = re.compile(r"(?:https?://|arxiv:|doi:)", re.I)  # an id the notes reader knows as one too


def looks_like_id_lines(lines: Sequence[str]) -> bool:
    """Most non-comment lines are one paper id each (the others are warnings, not notes).

    A line counts when it is an id, alone or followed by a ``#`` comment; the
    file is one of ids when such lines are at least half of its lines and no
    line is markdown (a heading, a list item or a link).

    >>> looks_like_id_lines(["2405.09818", "10.1145/3292500.3330701", ""])
    True
    >>> looks_like_id_lines(["# Papers", "- Chameleon 2405.09818"])
    False
    >>> looks_like_id_lines(["2405.09818", "2407.06135 # Anole", "see also", "2410.13848"])
    True
    >>> looks_like_id_lines(["**Widget Nets for Gadgets**", "arXiv:2405.09818"])  # a bold title: notes
    False
    >>> looks_like_id_lines(["Widget Nets for Gadgets", "https://arxiv.org/abs/2405.09818"])  # a title over it
    False
    >>> looks_like_id_lines(["Widget Nets for Gadgets", "2405.09818"])  # a bare id is one only in a file of ids
    True
    """
    good = other = titled = 0
    above_titles = False  # (whether the line above is one that reads as a title)
    for line in lines:
        s = line.strip()
        if not s or _COMMENT.match(s):
            above_titles = False
            continue
        if _MARKUP.search(s):
            return False
        ids, odd = _id_line(s)
        if ids and not odd:
            good += 1
            titled += above_titles and _NOTED_ID.match(s) is not None  # (notes need a link or a label: "arXiv:ID")
            above_titles = False
        else:
            other += 1
            above_titles = looks_like_title(s, strict=True)
    # ("Title" / "https://arxiv.org/abs/ID", paper after paper: notes, each id under its title)
    return good > 0 and good >= other and titled * 2 < good


def read_id_lines(lines: Sequence[str], source: str) -> tuple[EntryRows, list[ListWarning]]:
    """One paper per line: arXiv ids, DOIs, S2 ids or paper URLs; ``#`` starts a comment.

    A line that is no id is a warning naming it; the ids of the other lines are kept.
    """
    entries = EntryRows()  # (an entry an id: 12 times a file of ids; a row is its id and a few numbers)
    warnings: list[ListWarning] = []
    for no, line in enumerate(lines, 1):
        s = line.strip()
        if not s or _COMMENT.match(s):
            continue
        ids, odd = _id_line(s)
        if not ids or odd:
            what = "is not an arXiv id, DOI or Semantic Scholar id" if not ids else "holds more than one id"
            warnings.append(ListWarning(f"{source}:{no}", f"{s[:80]!r} {what}"))
        if ids:
            entries.append(Entry(**ids, sources=[f"{source}:{no}"]))  # type: ignore[arg-type]
    return entries, warnings


def _field(fields: dict[str, str], *names: str) -> str | None:
    for name in names:
        for key, value in fields.items():
            if key.lower() == name and value and value.strip():
                return value.strip()
    return None


def _debrace(value: str) -> str:
    s = re.sub(r"\\([&%$#_{}])", first_group, value)
    s = re.sub(r"\\[a-zA-Z]+\s*", "", s) if "\\" in s else s
    return re.sub(r"\s+", " ", s.replace("{", "").replace("}", "")).strip()


# LaTeX's comment and alignment characters, written bare in many BibTeX titles
# ("50% fewer", "Q&A"): escaped before decoding so they stay text.
_BARE_SPECIAL = re.compile(r"(?<!\\)[%&]")
# \"word\" in a quoted field is a quotation, not two umlauts: a closing \" stands
# before no letter, and an umlaut always does.
_ESCAPED_QUOTES = re.compile(r'\\"(\w[^"\\]*?)\\"(?![\w{\\])')


@functools.lru_cache(maxsize=1)
def _latex_decoder() -> Any:  # pylatexenc ships no types
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")  # "$\\alpha$-divergence" reads "α-divergence"


@functools.lru_cache(maxsize=1)
def _latex_macros() -> Any:
    """The parser's table of LaTeX macros, built once: pylatexenc builds it anew for
    every field it is not given to (17 KB of dicts and a third of a field's time)."""
    from pylatexenc.latexwalker import get_default_latex_context_db

    return get_default_latex_context_db()


_BIBTEX_AND = re.compile(r"\s+and\s+")


def _bibtex_person(name: str) -> str:
    """A BibTeX name as the other formats give one, first name first (``Lee, Ann`` → ``Ann Lee``,
    ``Lee, Jr., Ann`` → ``Ann Lee Jr.``); a comma inside braces is the name's own.
    (Not bibtexparser's ``parse_single_name_into_parts``: it parts a name at a LaTeX accent's
    command, ``Mu\\~{n}oz`` → ``Mu noz``, and raises on a name it cannot part.)

    >>> _bibtex_person("Lee, Ann"), _bibtex_person("Lee, Jr., Ann"), _bibtex_person("{Widget, Inc.}")
    ('Ann Lee', 'Ann Lee Jr.', 'Widget, Inc.')
    """
    parts, depth, start = [], 0, 0
    for i, c in enumerate(name):
        depth += (c == "{") - (c == "}")
        if c == "," and depth == 0:
            parts.append(name[start:i])
            start = i + 1
    parts = [_latex_text(p) for p in [*parts, name[start:]]]
    if len(parts) == 2 and parts[1]:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and parts[2]:
        return f"{parts[2]} {parts[0]} {parts[1]}"
    return ", ".join(p for p in parts if p)


def _latex_text(value: str) -> str:
    """A BibTeX text field as a reader sees it: accents and ``\\ss`` decoded,
    math turned into text, braces and commands dropped.

    >>> _latex_text(r'{\\"U}ber die Gr\\"o{\\ss}e neuronaler Netze')
    'Über die Größe neuronaler Netze'
    >>> _latex_text(r"Na\\"ive Bayes with $\\alpha$-divergence: 50% \\& more")
    'Naïve Bayes with α-divergence: 50% & more'
    """
    if "\\" not in value and "$" not in value and "~" not in value:
        return _debrace(value)
    try:
        latex = _ESCAPED_QUOTES.sub(lambda m: f'"{m[1]}"', _BARE_SPECIAL.sub(lambda m: "\\" + m.group(0), value))
        text = _latex_decoder().latex_to_text(latex, latex_context=_latex_macros())
    except Exception:  # pylatexenc is tolerant, but a field is data: never let it stop the reading
        return _debrace(value)
    return " ".join(text.split())


# characters of entries parsed at a time (8 KB: 0.7× of a 117 KB survey held while
# parsed; 1 KB: about 0.1×, and 6% slower on a 4.7 MB file)
_BIB_CHUNK = 1 << 10


def _bib_chunks(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """``(index of its first line, text)`` pieces of a BibTeX file, cut between entries.

    bibtexparser holds about ten times its input while it parses: parsing
    ~1 KB at a time keeps a large ``.bib`` (a reference manager's export) at
    a small part of its own size.  A cut falls only at an entry's ``@type{`` line with
    every brace before it closed.
    """
    start, size, depth = 0, 0, 0
    buf: list[str] = []
    for i, line in enumerate(lines):
        if depth == 0 and size >= _BIB_CHUNK and _BIB_START.match(line):
            yield start, "\n".join(buf)
            start, buf, size = i, [], 0
        buf.append(line)
        size += len(line) + 1
        depth = max(0, depth + line.count("{") - line.count("}"))
    if buf:
        yield start, "\n".join(buf)


def _parse_bib(text: str) -> Any:
    import bibtexparser

    # bibtexparser logs each failed block itself; they become ListWarnings here.
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return bibtexparser.parse_string(text)
    finally:
        logger.setLevel(level)


def read_bibtex(lines: Sequence[str], source: str) -> tuple[list[Entry], list[ListWarning]]:
    """Papers of a BibTeX file: ``eprint``/``arxiv``, ``doi``, ``url`` and ``title`` fields.

    >>> entries, _ = read_bibtex(["@article{c, title={{Chameleon}: Mixed-Modal Early-Fusion Foundation Models},"
    ...                           " eprint={2405.09818}, archivePrefix={arXiv}, year={2024}}"], "refs.bib")
    >>> [(e.arxiv, e.title, e.year, e.sources) for e in entries]
    [('2405.09818', 'Chameleon: Mixed-Modal Early-Fusion Foundation Models', 2024, ['refs.bib:1'])]
    """
    entries: list[Entry] = []
    warnings: list[ListWarning] = []
    strings: list[str] = []  # @string definitions so far: a later piece's entries use them
    years: dict[int, int] = {}
    for first, text in _bib_chunks(lines):
        before = "\n".join(strings)
        shift = first - (before.count("\n") + 1 if strings else 0)  # a block's line in the file, less one
        library = _parse_bib(before + "\n" + text if strings else text)
        strings.extend(b.raw for b in library.strings if (b.start_line or 0) + shift >= first and b.raw)
        _read_bib_library(library, shift, source, entries, warnings, years)
        del library
        # pylatexenc leaves reference cycles behind each decoded field (a class
        # made per call); collected young, as a piece is done, they never pile up
        gc.collect(1)
    warnings.sort(key=lambda w: int(w.source.rsplit(":", 1)[1]))
    return entries, warnings


def _read_bib_library(library: Any, shift: int, source: str, entries: list[Entry], warnings: list[ListWarning],
                      years: dict[int, int]) -> None:
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1 + shift
        head = (block.raw or "").strip().splitlines()[0][:60] if (block.raw or "").strip() else ""
        warnings.append(ListWarning(f"{source}:{line}", f"malformed BibTeX entry {head!r}"))
    for item in library.entries:
        fields = {f.key: f.value if isinstance(f.value, str) else str(f.value) for f in item.fields}
        where = f"{source}:{(item.start_line or 0) + 1 + shift}"
        e = Entry(sources=[where])
        eprint = _field(fields, "eprint", "arxiv", "arxivid")
        prefix = (_field(fields, "archiveprefix", "eprinttype") or "arxiv").lower()
        if eprint and prefix == "arxiv":
            e.arxiv = parse_arxiv_id(_debrace(eprint))
            if not e.arxiv:
                warnings.append(ListWarning(where, f"eprint {eprint[:60]!r} is not an arXiv identifier"))
        if not e.arxiv:
            # arXiv preprints often carry their id only as "journal = {arXiv preprint arXiv:ID}"
            names = ("journal", "note", "howpublished", "booktitle", "volume", "number")
            for value in (_field(fields, name) for name in names):
                m = _ARXIV_IN_FIELD.search(_debrace(value)) if value else None
                if m and (arxiv := parse_arxiv_id(m.group(1))):
                    e.arxiv = arxiv
                    break
        doi = _field(fields, "doi")
        if doi:
            parsed = parse_any_id(_debrace(doi)) or ({"doi": d} if (d := parse_doi(_debrace(doi), whole=True)) else {})
            if "arxiv" in parsed and not e.arxiv:
                e.arxiv = parsed["arxiv"]
            elif "doi" in parsed:
                e.doi = parsed["doi"]
            else:
                warnings.append(ListWarning(where, f"doi {doi[:60]!r} is not a DOI"))
        url = _field(fields, "url")
        if url:
            for kind, value in parse_any_id(_debrace(url)).items():
                if not getattr(e, kind):
                    setattr(e, kind, value)
        title = _field(fields, "title")
        if title:
            e.title = clean_title(_latex_text(title)) or None
        author = _field(fields, "author")
        if author:
            e.authors = [a for a in (_bibtex_person(x) for x in _BIBTEX_AND.split(author)) if a and a != "others"]
        venue = _field(fields, "journal", "booktitle")
        if venue:
            venue = _latex_text(venue)
            e.venue = "arXiv" if _ARXIV_ONLY_VENUE.match(venue) else venue
        year = _debrace(_field(fields, "year") or "")
        if re.fullmatch(r"\d{4}", year):
            e.year = years.setdefault(int(year), int(year))  # one object a year
        if not (e.arxiv or e.doi or e.s2_id or e.title):
            warnings.append(ListWarning(where, f"BibTeX entry {item.key!r} has no id and no title"))
            continue
        entries.append(e)
