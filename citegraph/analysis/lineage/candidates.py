"""Which papers may have a lineage parent among what they cite: where edge details pay.

Citation contexts (what the child says where it cites the parent) cost one
request per reference list.  :func:`lineage_candidates` names the listed
papers worth it: a cited paper of a related name, named in the paper's own
words, sharing authors, or a listed model paper cited beside a descent phrase.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from citegraph.analysis.lineage.evidence import _cites, _papers, _shared_authors, _text_statements
from citegraph.analysis.lineage.statements import statement
from citegraph.text.names import GENERIC_PREFIXES, find_mentions, name_key, well_known_names
from citegraph.text.matching import matches

__all__ = ["lineage_candidates", "CANDIDATE_REASONS"]

CANDIDATE_REASONS = ("name relation", "mention", "shared authors", "descent phrase")
# A model-like name the graph may not know ("Stable Diffusion", "Qwen2.5-7B"): capitalised words
# Words of descent strong enough to look for the parent in the contexts, whatever follows them
_DESCENT = re.compile(
    r"\b(?:initiali[sz]\w*\s+(?:\w+\s+){0,4}(?:from|with)|fine-?tun\w*\s+(?:\w+\s+){0,3}(?:from|on)"
    r"|continu\w*\s+(?:pre-?)?train\w*|distill?\w*\s+(?:\w+\s+){0,3}from|warm-?start\w*"
    r"|built\s+(?:up)?on\s+top|builds?\s+(?:up)?on)"
    r"|(?:从|由)[^。，]{0,20}初始化|在[^。，]{0,20}的基础上|基于[^。，]{0,20}(?:初始化|微调|继续训练)|继续预训练",
    re.I,
)
_NAMEISH = re.compile(r"(?<![\w-])[A-Z][\w.+-]*[A-Z0-9][\w.+-]*(?:\s[A-Z][\w.+-]*)?|(?<![\w-])[A-Z][a-z]+\s[A-Z][a-z]+")


def lineage_candidates(G: nx.DiGraph[Any]) -> dict[Any, str]:
    """``{listed paper: why}`` for the listed papers whose citations may hold a lineage parent.

    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "w", title="Wan: Open Video Models", year=2025)
    >>> _ = add_paper(G, "a", title="Wan-Alpha: Video with Alpha", year=2025, listed=True)
    >>> _ = add_paper(G, "x", title="Other: A Paper", year=2025, listed=True)
    >>> add_link(G, "a", "w", "cites"); add_link(G, "x", "w", "cites")
    >>> lineage_candidates(G)
    {'a': 'name relation'}
    """
    papers, aliases = _papers(G)
    _, named = _text_statements(papers, aliases)
    out: dict[Any, str] = {}
    for n, d in G.nodes(data=True):
        if not d.get("listed"):
            continue
        child = papers[n]
        cited = [v for v in G.successors(n) if v != n and _cites(G, n, v)]
        if not cited:
            continue
        why = _reason(G, child, [papers[v] for v in cited], aliases, named.get(n, {}))
        if why:
            out[n] = why
    return out


def _reason(G: nx.DiGraph[Any], child: Any, cited: list[Any], aliases: dict[Any, set[str]],
            named: dict[str, list[tuple[int, int]]]) -> str | None:
    own = name_key(child.name) if child.name else ""
    for parent in cited:
        if not (parent.name and own):
            continue
        key = name_key(parent.name)
        same_stem = child.parsed and parent.parsed and child.parsed.stem == parent.parsed.stem
        if key != own and (same_stem and child.parsed.stem not in GENERIC_PREFIXES or (len(key) >= 3 and key in own)):
            return "name relation"
    for parent in cited:
        forms = ([parent.name] if parent.name else []) + sorted(aliases.get(parent.id, ()))
        if any(f in named for f in forms) and (not parent.name or name_key(parent.name) != own):
            return "mention"
        known = well_known_names(G.nodes[parent.id].get("title"))
        if child.text and any(find_mentions(child.text, f) for f in known if name_key(f) != own):
            return "mention"
    for parent in cited:
        if _shared_authors(G.nodes[parent.id], G.nodes[child.id]):
            return "shared authors"
    if child.text and any(G.nodes[p.id].get("listed") and p.name for p in cited):
        # the child states it builds on a name, known or not, and cites a listed model paper
        if _DESCENT.search(child.text):
            return "descent phrase"
        for m in matches(_NAMEISH, child.text):
            if name_key(m.group(0)) != own and statement(child.text, m.start(), m.end()):
                return "descent phrase"
    return None
