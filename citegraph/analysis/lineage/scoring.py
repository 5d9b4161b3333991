"""Confidence of a link: the noisy-OR of its evidence items' weights."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["WEIGHTS"]

WEIGHTS = {
    "text": 0.70,
    "citation": 0.20,
    "intent": 0.25,
    "influential": 0.20,
    "name": 0.40,
    "mention": 0.15,
    "list": 0.20,
    "date": 0.05,
}



def _weight(item: dict[str, str], G: nx.DiGraph, child: Any, parent: Any) -> float:
    kind = item["kind"]
    if kind == "authors":
        n = int(item["detail"].split()[0])
        smaller = min(len(G.nodes[child].get("authors") or []), len(G.nodes[parent].get("authors") or [])) or 1
        return 0.45 if n * 2 >= smaller and n >= 2 else (0.35 if n >= 2 else 0.25)
    if kind == "repo":
        return 0.35 if item["detail"].startswith("same repository") else 0.15
    return WEIGHTS.get(kind, 0.0)


def _confidence(items: list[dict[str, str]], G: nx.DiGraph, child: Any, parent: Any) -> float:
    miss = 1.0
    for item in items:
        miss *= 1.0 - _weight(item, G, child, parent)
    return round(1.0 - miss, 3)


