"""Confidence of a link: the noisy-OR of its evidence items' weights."""

from __future__ import annotations

from typing import Any

import networkx as nx

from citegraph.analysis.lineage.evidence import _people

__all__ = ["WEIGHTS", "LINEAGE_KINDS", "lineage_kind"]

WEIGHTS = {
    "text": 0.70,
    "context": 0.75,
    "citation": 0.20,
    "intent": 0.25,
    "influential": 0.20,
    "name": 0.40,
    "mention": 0.15,
    "list": 0.20,
    "date": 0.05,
}



def _weight(item: dict[str, str], G: nx.DiGraph[Any], child: Any, parent: Any) -> float:
    kind = item["kind"]
    if kind == "authors":
        n = int(item["detail"].split()[0])
        smaller = min(len(G.nodes[child].get("authors") or []), len(G.nodes[parent].get("authors") or [])) or 1
        return 0.45 if n * 2 >= smaller and n >= 2 else (0.35 if n >= 2 else 0.25)
    if kind == "repo":
        return 0.35 if item["detail"].startswith("same repository") else 0.15
    return WEIGHTS.get(kind, 0.0)


def _confidence(items: list[dict[str, str]], G: nx.DiGraph[Any], child: Any, parent: Any) -> float:
    miss = 1.0
    for item in items:
        miss *= 1.0 - _weight(item, G, child, parent)
    return round(1.0 - miss, 3)




# The two kinds of link: the same team's next model, or another team's model
# trained from the parent's weights.
LINEAGE_KINDS = ("version", "derived")


def lineage_kind(items: list[dict[str, str]], same_family: bool, parent: dict[str, Any], child: dict[str, Any]) -> str:
    """``version`` when the same team made both, else ``derived``.

    The same team: shared authors.  Both author lists known and none shared:
    another team.  When the graph cannot tell (no authors on one side), a
    family link or the same repository or organisation makes a version.

    >>> lineage_kind([dict(kind="authors", detail="1 shared: A")], False, {}, {})
    'version'
    >>> lineage_kind([], True, {"authors": ["A"]}, {"authors": ["B"]}), lineage_kind([], True, {}, {"authors": ["B"]})
    ('derived', 'version')
    >>> lineage_kind([], True, {"authors": ["Qwen Team"]}, {"authors": ["B"]})  # a team's name tells nothing
    'version'

    """
    if any(i["kind"] == "authors" for i in items):
        return "version"
    if _people(tuple(parent.get("authors") or ())) and _people(tuple(child.get("authors") or ())):
        return "derived"  # both teams known, no one in common (a list may link one repository for both)
    return "version" if same_family or any(i["kind"] == "repo" for i in items) else "derived"
