"""``mentions`` links: a listed paper's own text names another paper of the graph.

The list's notes and abstracts say which models a paper compares with or
builds on ("surpasses Show-o and Chameleon", "基于Meta AI的Chameleon构建").
Without any network access this already gives a relationship graph; the
HTML explorer draws these links apart from citations.

A paper is named by its model name (whole name only: ``Emu`` is not found in
``Emu2``, ``Janus`` not in ``Janus-Pro``, ``SEED`` not in ``SEED-Bench``) or
by its arXiv id.  Author lines and URLs are left out, a short capitalised
name preceded by another capitalised word is taken for a person ("Wilson
Yan", not the model Yan), and a paper never mentions a homonym of itself.

Examples
--------
>>> from citegraph.graph.model import new_graph, add_paper
>>> G = new_graph()
>>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", name="Chameleon")
>>> _ = add_paper(G, "b", title="Emu: Generative Pretraining", name="Emu")
>>> _ = add_paper(G, "c", title="Orthus: Interleaved Generation", name="Orthus",
...               text="Orthus beats Chameleon and Emu2 (arXiv 2405.09818).")
>>> add_mentions(G), sorted(G.successors("c"))
(1, ['a'])
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx

from citegraph.graph.model import add_link
from citegraph.text.names import NameMatcher, clean_name, is_generic, model_name, name_key

__all__ = ["add_mentions", "mentioned_papers"]

_ARXIV_IN_TEXT = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_HINT = re.compile(r"\.\d{4}")
_PERSON_BEFORE = re.compile(r"[A-Z][a-z]+[ \u00a0]$")
_AUTHOR_LINE = re.compile(r"(?im)^.*\b(?:authors?|作者)\s*[:：].*$")
_URL = re.compile(r"(?:https?://|www\.|github\.com/)\S+")


# Each pattern runs only where a literal it needs occurs: with no literal to
# start from, the regex engine tries every position of every text.
def _arxiv_ids(text: str) -> set[str]:
    return set(_ARXIV_IN_TEXT.findall(text)) if _ARXIV_HINT.search(text) else set()


def _prose(text: str) -> str:
    if "作者" in text or "author" in text.lower():
        text = _AUTHOR_LINE.sub(" ", text)
    if "http" in text or "www." in text or "github.com/" in text:
        text = _URL.sub(" ", text)
    return text


def _names(G: nx.DiGraph) -> dict[Any, str]:
    out = {}
    for n, d in G.nodes(data=True):
        name = d.get("name") or model_name(d.get("title"), d.get("text") or d.get("abstract"))
        if name and not is_generic(name) and len(name_key(name)) >= 2:
            out[n] = clean_name(name)
    return out


class _Finder:
    """What each text of ``G`` names, with one name matcher and an arXiv index for the graph."""

    def __init__(self, G: nx.DiGraph, names: dict[Any, str]) -> None:
        self.G = G
        self.order = {n: i for i, n in enumerate(G)}
        self.owners: dict[str, list[Any]] = defaultdict(list)
        for n, name in names.items():
            if name:
                self.owners[name].append(n)
        self.matcher = NameMatcher(self.owners)
        self.by_arxiv: dict[Any, list[Any]] = defaultdict(list)
        for n, d in G.nodes(data=True):
            if d.get("arxiv"):
                self.by_arxiv[d["arxiv"]].append(n)

    def mentioned(self, node: Any, own_name: str | None) -> list[Any]:
        d = self.G.nodes[node]
        raw = d.get("text") or ""
        if not raw:
            return []
        own = name_key(own_name) if own_name else None
        own_arxiv = d.get("arxiv")
        found: set[str] = set()
        for arxiv in _arxiv_ids(raw):
            if arxiv != own_arxiv:
                found.update(self.by_arxiv.get(arxiv, ()))
        text = _prose(raw)
        for name, spans in self.matcher.find(text).items():
            if name_key(name) == own:
                continue
            short_word = len(name) <= 4 and name[:1].isupper() and name[1:].islower()
            if short_word and all(_PERSON_BEFORE.search(text[max(0, s - 20) : s]) for s, _ in spans):
                continue  # "Wilson Yan" names a person, not the model Yan
            found.update(self.owners[name])
        found.discard(node)
        # Papers cited side by side in one sentence ("such as Sparse VideoGen (url)
        # and AdaSpa (url)") share it as their text: it names each of them, but it
        # is a third paper's note, and says nothing of how they relate.
        places = set(d.get("sources") or ())
        if places:
            found = {o for o in found if places.isdisjoint(self.G.nodes[o].get("sources") or ())}
        return sorted(found, key=self.order.__getitem__)


def mentioned_papers(G: nx.DiGraph, node: Any, names: dict[Any, str] | None = None) -> list[Any]:
    """The other papers of ``G`` that ``node``'s own text names, in node order.

    ``names`` maps papers to the names to look for (default: every paper's
    model name); ``node``'s own name, wherever it is found, is never a mention.
    """
    if names is None:
        names = _names(G)
    return _Finder(G, names).mentioned(node, names.get(node))


def add_mentions(G: nx.DiGraph) -> int:
    """Add a ``mentions`` edge from each listed paper with ``text`` to every paper it names.

    Returns the number of (text owner, mentioned paper) pairs found; an
    existing ``cites`` or ``builds_on`` edge keeps its kind and gains
    ``mentions`` in ``kinds``.
    """
    names = _names(G)
    # Papers sharing a name with several others (homonyms) cannot be told
    # apart by name: only their arXiv ids are matched then.
    by_key: dict[str, list[Any]] = defaultdict(list)
    for n, name in names.items():
        by_key[name_key(name)].append(n)
    usable = {n: name for n, name in names.items() if len(by_key[name_key(name)]) == 1}
    finder = _Finder(G, usable)
    count = 0
    for node, d in list(G.nodes(data=True)):
        if not d.get("text"):
            continue
        for other in finder.mentioned(node, names.get(node)):
            add_link(G, node, other, "mentions")
            count += 1
    return count
