"""Evidence per candidate pair: what ties a child paper to a parent.

The papers' texts and names (:func:`node_names`, aliases from titles and the
texts), builds-on statements found in the child's words, citations with
their intents, shared authors, repositories and the lists' own items.  Each
item is ``{"kind", "detail"}`` with ``kind`` one of :data:`EVIDENCE_KINDS`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from collections.abc import Callable

import networkx as nx

from citegraph.analysis.lineage.contexts import learned_aliases
from citegraph.analysis.lineage.statements import statement
from citegraph.text.ids import arxiv_date
from citegraph.text.names import (
    NameMatcher,
    ParsedName,
    clean_name,
    is_generic,
    model_name,
    name_key,
    parse_name,
    prose_casings,
    well_known_names,
)
from citegraph.text.matching import matches

__all__ = ["EVIDENCE_KINDS", "node_names", "date_order"]

# Every kind of evidence item a link can carry, in the order the module docstring
# documents them; _evidence refuses any other, so the two cannot drift apart.
EVIDENCE_KINDS = (
    "text", "context", "citation", "intent", "influential", "authors", "name", "repo", "mention", "list", "date"
)

_ARXIV_NUMBER = re.compile(r"^\d{4}\.(\d{4,5})")


def _date_key(d: dict[str, Any]) -> tuple[int, int, int] | None:
    """(year, month, arXiv number) when the arXiv id tells, else (year, 0, 0)."""
    arxiv = str(d.get("arxiv") or "")
    number = _ARXIV_NUMBER.match(arxiv)
    date = arxiv_date(arxiv) if number else None
    if date and number:
        return (*date, int(number.group(1)))
    if d.get("year"):
        return (int(d["year"]), 0, 0)
    return None


_AUTHOR_LINE = re.compile(r"(?im)^.*\b(?:authors?|作者)\s*[:：].*$")
_HARD_WRAP = re.compile(r"(?<=[A-Za-z,])[ \t]*\n[ \t]*(?=[A-Za-z(])")
_URL = re.compile(r"(?:https?://|www\.|github\.com/)\S+")


# A paper's own words and where each comes from: the list's notes, the API's abstract and TLDR.
TEXT_SOURCES = (("text", "list"), ("abstract", "abstract"), ("tldr", "tldr"))


def _own_text(d: dict[str, Any]) -> str:
    """A paper's own prose: list notes, abstract and TLDR, without author lines and URLs."""
    return "\n".join(_prose(d[k]) for k, _ in TEXT_SOURCES if d.get(k))


def _text_sources(d: dict[str, Any]) -> tuple[tuple[int, str], ...]:
    """Where each part of :func:`_own_text` starts, and its source: ``((0, "list"), (120, "abstract"))``."""
    out, at = [], 0
    for key, source in TEXT_SOURCES:
        if d.get(key):
            out.append((at, source))
            at += len(_prose(d[key])) + 1
    return tuple(out)


def source_at(sources: tuple[tuple[int, str], ...], pos: int) -> str:
    """The source of the text part holding position ``pos``.

    >>> source_at(((0, "list"), (10, "abstract")), 12), source_at((), 0)
    ('abstract', 'list')
    """
    found = "list"
    for start, source in sources:
        if start <= pos:
            found = source
    return found


# report, lineage_report and families each work out the lineage of one graph:
# its texts are cleaned once (and names found once, see _name_finder)
@lru_cache(maxsize=16384)
def _prose(text: str) -> str:
    # each pattern runs only where its literal part occurs: scanning for them
    # costs more than the rest of a text's analysis
    if "作者" in text or "author" in text.lower():
        text = _AUTHOR_LINE.sub(" ", text)
    if "\n" in text:
        text = _HARD_WRAP.sub(" ", text)  # hard-wrapped English
    if "http" in text or "www." in text or "github.com/" in text:
        text = _URL.sub(" ", text)
    return text


_model_name = lru_cache(maxsize=16384)(model_name)  # remembered like _prose


def node_names(G: nx.DiGraph[Any]) -> dict[Any, str]:
    """The model name of each paper that has one: the ``name`` attribute, else extracted.

    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(); _ = add_paper(G, "p", title="Janus: Decoupling Visual Encoding")
    >>> node_names(G)
    {'p': 'Janus'}
    """
    return _node_names(G, {n: _own_text(d) for n, d in G.nodes(data=True)})


def _node_names(G: nx.DiGraph[Any], texts: dict[Any, str]) -> dict[Any, str]:
    out = {}
    for n, d in G.nodes(data=True):
        name = d.get("name") or _model_name(d.get("title"), texts[n] or None)
        if not name:
            known = well_known_names(d.get("title"))
            name = known[0] if known else None
        if name and not is_generic(name):
            out[n] = clean_name(name)
    return out


_ABBREVIATION = re.compile(r"[(（][A-Za-z][\w\-.]{1,15}[)）]")
_NOT_AFTER_WORD = re.compile(r"(?<![\w-])")
_CAPITAL_SUFFIX = re.compile(r"-([A-Z][A-Za-z]+)(?![\w-])")
_LONG_FORM = re.compile(r"((?:[A-Z][\w.]*[\s-]){1,3}[A-Z][\w.]*)\s*[(（]([A-Za-z][\w\-.]{1,15})[)）]")


def _suffixed(name: str, text: str) -> list[str]:
    """Every ``name-Suffix`` in ``text``: what ``(?<![\\w-])NAME-([A-Z][A-Za-z]+)(?![\\w-])`` finds.

    Searched with ``str.find`` and two shared patterns, not a regex per name
    (a compile costs more than the search).
    """
    out = []
    i = text.find(name)
    while i >= 0:
        m = _CAPITAL_SUFFIX.match(text, i + len(name)) if _NOT_AFTER_WORD.match(text, i) else None
        if m:
            out.append(text[i : m.end()])
            i = text.find(name, m.end())
        else:
            i = text.find(name, i + 1)
    return out


def _long_forms(text: str) -> list[re.Match[str]]:
    """What ``_LONG_FORM.finditer(text)`` finds, searched for only before each ``(ABBR)``.

    A long form is words, spaces and hyphens, so it starts after the previous
    ``(...)``: each stretch of text is searched once, and texts without
    abbreviations not at all.
    """
    out = []
    start = 0
    for abbr in matches(_ABBREVIATION, text):
        m = _LONG_FORM.search(text, start, abbr.end())
        if m:
            out.append(m)
        start = abbr.end()
    return out


def _aliases(G: nx.DiGraph[Any], names: dict[Any, str], texts: dict[Any, str]) -> dict[Any, set[str]]:
    """Other names a paper goes by, from the list's own text.

    * the title's parenthesised alias: ``xGen-MM (BLIP-3)``;
    * ``Name-Suffix`` its own text uses at least twice (SEED → ``SEED-LLaMA``);
    * ``Long Form (NAME)`` anywhere in the graph's texts (``Stable Diffusion XL（SDXL）``).
    """
    aliases: dict[Any, set[str]] = defaultdict(set)
    taken = {name_key(v) for v in names.values()}
    by_key: dict[str, list[Any]] = defaultdict(list)
    for n, name in names.items():
        by_key[name_key(name)].append(n)
    for n, name in names.items():
        d = G.nodes[n]
        m = re.search(r"[(（]([A-Za-z][\w\-.]{1,20})[)）]\s*[:：]", clean_name(d.get("title") or ""))
        if m and name_key(m.group(1)) not in taken:
            aliases[n].add(m.group(1))
        text = texts[n]
        if text:
            counts: dict[str, int] = defaultdict(int)
            for found in _suffixed(name, text):
                counts[found] += 1
            aliases[n].update(a for a, c in counts.items() if c >= 2 and name_key(a) not in taken)
    for text in texts.values():
        for m in _long_forms(text):
            long_form, short = m.group(1).strip(), m.group(2)
            owners = by_key.get(name_key(short), [])
            if len(owners) == 1 and name_key(long_form) not in taken and not is_generic(long_form):
                aliases[owners[0]].add(long_form)
    return aliases


def _repo_org(url: str) -> tuple[str, str]:
    m = re.search(r"github\.com/([\w.-]+)/([\w.-]+)", url)
    if not m:
        return "", ""
    return m.group(1).lower(), f"{m.group(1)}/{m.group(2)}".lower().removesuffix(".git")


def _author_key(a: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", a).casefold()))


_ORG_AUTHORS = re.compile(r"\b(?:team|ai|lab|inc|research|group|et al)\b", re.I)


@lru_cache(maxsize=65536)  # a paper's authors are compared with every candidate's
def _people(authors: tuple[str, ...]) -> dict[str, str]:
    """``{author key: name}`` of the people (not teams or labs) among ``authors``."""
    return {_author_key(x): x for x in authors if not _ORG_AUTHORS.search(x)}


def _shared_authors(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    left = _people(tuple(a.get("authors") or ()))
    right = _people(tuple(b.get("authors") or ()))
    return [left[k] for k in left if k in right and k]




@dataclass
class _Paper:
    id: Any
    name: str | None
    parsed: ParsedName | None
    date: tuple[int, int, int] | None
    text: str
    sources: tuple[tuple[int, str], ...] = ()


def _papers(G: nx.DiGraph[Any]) -> tuple[dict[Any, _Paper], dict[Any, set[str]]]:
    """Every paper's name, date and words, and the other names it goes by.

    Names the citation contexts give a paper (:func:`learned_aliases`) join its
    aliases; a context's casing of the paper's own name ("BLIP-2" for the
    title's "Blip-2") is the name shown.
    """
    texts = {n: _own_text(d) for n, d in G.nodes(data=True)}
    names = _node_names(G, texts)
    taken = {name_key(v): n for n, v in names.items()}
    learned = learned_aliases(G, taken)
    for n, forms in learned.items():
        own = names.get(n)
        if own and name_key(own) in forms and not G.nodes[n].get("name"):
            names[n] = forms[name_key(own)]
    base_stems = {parse_name(n).stem for n in names.values()}
    papers = {}
    for n, d in G.nodes(data=True):
        name = names.get(n)
        papers[n] = _Paper(
            id=n,
            name=name,
            parsed=parse_name(name, base_stems) if name else None,
            date=_date_key(d),
            text=texts[n],
            sources=_text_sources(d),
        )
    aliases = _aliases(G, names, texts)
    for n, forms in learned.items():
        aliases[n].update(f for k, f in forms.items() if k != name_key(names.get(n) or ""))
    return papers, aliases


def date_order(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None) -> int | None:
    """1 when ``a`` is later than ``b``, -1 when earlier, 0 when the dates cannot tell; None if one is missing.

    By arXiv month and number when both have one, else by year alone: a year
    says nothing about the month, so a year-only paper and one of the same
    year with a month are neither earlier nor later than each other.

    >>> date_order((2024, 1, 1), (2024, 0, 0)), date_order((2024, 0, 0), (2024, 5, 9))
    (0, 0)
    >>> date_order((2025, 1, 1), (2024, 0, 0)), date_order((2024, 5, 9), (2024, 7, 1))
    (1, -1)
    """
    if a is None or b is None:
        return None
    x, y = (a, b) if a[1] and b[1] else (a[:1], b[:1])
    return (x > y) - (x < y)


def _later(child: _Paper, parent: _Paper) -> bool:
    """The child is surely later than the parent."""
    return date_order(child.date, parent.date) == 1


def _not_earlier(child: _Paper, parent: _Paper) -> bool:
    """The dates do not contradict ``parent → child``: the child is later, or the same year
    when one of the two has no month (a year-only date)."""
    order = date_order(child.date, parent.date)
    return order == 1 or (order == 0 and not (child.date[1] and parent.date[1]))  # type: ignore[index]


def _cites(G: nx.DiGraph[Any], u: Any, v: Any) -> bool:
    if not G.has_edge(u, v):
        return False
    d = G.edges[u, v]
    return "cites" in d.get("kinds", [d.get("kind")])


def _evidence(kind: str, detail: str, source: str | None = None) -> dict[str, str]:
    """One evidence item; ``kind`` must be one of :data:`EVIDENCE_KINDS`.

    ``source`` says where quoted words come from (``list``, ``abstract``,
    ``tldr``, ``context``); items quoting nothing have none.
    """
    if kind not in EVIDENCE_KINDS:
        raise ValueError(f"undocumented evidence kind {kind!r}")
    item = {"kind": kind, "detail": detail}
    if source is not None:
        item["source"] = source
    return item


def _citation_evidence(G: nx.DiGraph[Any], child: Any, parent: Any) -> list[dict[str, str]]:
    """``citation`` (with ``intent``, ``influential``) when one of the two cites the other.

    The child citing the parent is the usual case; the parent citing the
    later child alone (a preprint revised after its successor appeared) is
    still a citation between them, and ties a family as well.
    """
    if not _cites(G, child, parent):
        if _cites(G, parent, child):
            return [_evidence("citation", "the parent cites the child (a version revised after the child appeared)")]
        return []
    d = G.edges[child, parent]
    # two versions of preprints citing each other: the dates chose the direction
    back = _cites(G, parent, child)
    cycle = " (and is cited back: a cycle broken by date)" if back else ""
    out = [_evidence("citation", "the child cites the parent" + cycle)]
    if "methodology" in (d.get("intents") or []):
        out.append(_evidence("intent", "the API marks the citation methodology"))
    if d.get("is_influential"):
        out.append(_evidence("influential", "the API marks the citation influential"))
    return out


def _support(
    G: nx.DiGraph[Any], child: _Paper, parent: _Paper, lines: dict[str, list[int]] | None = None
) -> list[dict[str, str]]:
    """Evidence tying two papers beyond their names: citation, authors, repository, list.

    ``lines`` are the listed papers' lines per file (:func:`_source_lines`).
    """
    a, b = G.nodes[child.id], G.nodes[parent.id]
    out = _citation_evidence(G, child.id, parent.id)
    shared = _shared_authors(b, a)
    if shared:
        shown = ", ".join(shared[:3]) + (f" +{len(shared) - 3}" if len(shared) > 3 else "")
        out.append(_evidence("authors", f"{len(shared)} shared: {shown}"))
    repos_a = {_repo_org(r) for r in a.get("repos") or []} - {("", "")}
    repos_b = {_repo_org(r) for r in b.get("repos") or []} - {("", "")}
    same_repo = {r for _, r in repos_a} & {r for _, r in repos_b}
    same_org = {o for o, _ in repos_a} & {o for o, _ in repos_b}
    if same_repo:
        out.append(_evidence("repo", f"same repository github.com/{sorted(same_repo)[0]}"))
    elif same_org:
        out.append(_evidence("repo", f"same organisation github.com/{sorted(same_org)[0]}"))
    together = _listed_together(b, a, lines)
    if together:
        out.append(_evidence("list", together))
    return out


_TWO_LETTERS = re.compile(r"[^\W\d_][\W\d_]*[^\W\d_]")


def _notes(d: dict[str, Any]) -> str:
    """A paper's own list notes; a bare year or punctuation ("2023.") says nothing."""
    text = (d.get("text") or "").strip()
    return text if _TWO_LETTERS.search(text) else ""


def _source_lines(G: nx.DiGraph[Any]) -> dict[str, list[int]]:
    """The lines of each list file that name a paper, sorted."""
    out: dict[str, list[int]] = defaultdict(list)
    for _, d in G.nodes(data=True):
        for src in d.get("sources") or []:
            f, _, line = str(src).rpartition(":")
            if f and line.isdigit():
                out[f].append(int(line))
    return {f: sorted(v) for f, v in out.items()}


def _listed_together(
    parent: dict[str, Any], child: dict[str, Any], lines: dict[str, list[int]] | None = None
) -> str | None:
    """Where a list names two papers in one item, parent first.

    The lists give the papers of one item the item's notes, so the same notes
    are one item, and different notes are different items however close their
    lines: neighbouring items of a bullet list are not one item.  Only papers
    without notes fall back on their lines: the same line, or at most 3 apart
    with no other paper's line between (``lines``: the papers' lines per file).

    >>> _listed_together({"sources": ["a.md:20", "b.md:3"]}, {"sources": ["a.md:21"]})
    'listed together in a.md: the parent at line 20, the child at line 21'
    >>> _listed_together({"sources": ["a.md:20"]}, {"sources": ["a.md:22"]}, {"a.md": [20, 21, 22]})
    >>> _listed_together({"sources": ["a.md:20"], "text": "One model."}, {"sources": ["a.md:21"], "text": "Another."})
    >>> _listed_together({"sources": ["a.md:20"], "text": "Both."}, {"sources": ["a.md:21"], "text": "Both."})
    'the list gives both the same notes'
    """
    notes = _notes(parent)
    if notes and notes == _notes(child):
        return "the list gives both the same notes"
    loose = not notes and not _notes(child)
    for sa in parent.get("sources") or []:
        fa, _, la = str(sa).rpartition(":")
        for sb in child.get("sources") or []:
            fb, _, lb = str(sb).rpartition(":")
            if not (fa and fa == fb and la.isdigit() and lb.isdigit()):
                continue
            lo, hi = sorted((int(la), int(lb)))
            if lo == hi or (loose and hi - lo <= 3 and not _line_between(lines, fa, lo, hi)):
                return f"listed together in {fa}: the parent at line {la}, the child at line {lb}"
    return None


def _line_between(lines: dict[str, list[int]] | None, file: str, lo: int, hi: int) -> bool:
    """True when another paper is named in ``file`` strictly between lines ``lo`` and ``hi``."""
    found = (lines or {}).get(file, [])
    return bisect.bisect_right(found, lo) < bisect.bisect_left(found, hi)


def _text_statements(
    papers: dict[Any, _Paper], aliases: dict[Any, set[str]]
) -> tuple[dict[tuple[Any, Any], tuple[str, str]], dict[Any, dict[str, list[tuple[int, int]]]]]:
    """``{(parent, child): (snippet, source)}`` where the child's text states it builds on the parent.

    Also returns what each text names: ``{child: {name or alias: spans}}``.
    """
    forms: list[tuple[Any, str]] = []
    for p in papers.values():
        if p.name:
            forms.append((p.id, p.name))
            forms.extend((p.id, c) for c in prose_casings(p.name))
        forms.extend((p.id, a) for a in sorted(aliases.get(p.id, ())))
    rows_of: dict[str, list[int]] = defaultdict(list)
    for i, (_, form) in enumerate(forms):
        rows_of[form].append(i)
    find = _name_finder(tuple(rows_of))
    out: dict[tuple[Any, Any], tuple[str, str]] = {}
    named: dict[Any, dict[str, list[tuple[int, int]]]] = {}
    for child in papers.values():
        if not child.text:
            continue
        hits = named[child.id] = find(child.text)
        own = {name_key(child.name)} if child.name else set()
        own |= {name_key(a) for a in aliases.get(child.id, ())}
        # other papers' names, by end: what a comma may join, what a relative clause may be about
        spans = sorted((e, s) for form, found in hits.items() if name_key(form) not in own for s, e in found)
        ends = [e for e, _ in spans]
        for i in sorted(i for form in hits for i in rows_of[form]):
            pid, form = forms[i]
            if pid == child.id or name_key(form) in own or (pid, child.id) in out:
                continue
            for start, end in hits[form]:
                near = spans[bisect.bisect_left(ends, start - 120) : bisect.bisect_right(ends, start)]
                snippet = statement(child.text, start, end, tuple((s, e) for e, s in near if (s, e) != (start, end)))
                if snippet:
                    out[(pid, child.id)] = (snippet, source_at(child.sources, start))
                    break
    return out, named




@lru_cache(maxsize=2)
def _name_finder(forms: tuple[str, ...]) -> Callable[[str], dict[str, list[tuple[int, int]]]]:
    """Every mention of ``forms`` in a text, remembered: report, lineage_report
    and families each work out the lineage of the same graph.

    One pass over each text for every name at once: scanning the texts once per
    name made lineage quadratic in the number of papers.  Callers must not
    change what it returns.
    """
    return lru_cache(maxsize=None)(NameMatcher(forms).find)


def _mentioned(child: _Paper, parent: _Paper, aliases: dict[Any, set[str]],
               named: dict[Any, dict[str, list[tuple[int, int]]]]) -> bool:
    if not child.text:
        return False
    forms = ([parent.name] if parent.name else []) + sorted(aliases.get(parent.id, ()))
    if child.name and parent.name and name_key(child.name) == name_key(parent.name):
        return False
    return any(f in named[child.id] for f in forms)


def _sort_date(p: _Paper) -> tuple[int, int, int]:
    return p.date or (9999, 0, 0)


def _fmt_date(date: tuple[int, int, int] | None) -> str:
    if not date:
        return "?"
    return f"{date[0]}-{date[1]:02d}" if date[1] else str(date[0])


