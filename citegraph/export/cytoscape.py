"""Cytoscape.js JSON: ``{"elements": {"nodes": [...], "edges": [...]}}``.

Each element is ``{"data": {...}}``; node data carry ``id``, edge data
``id``, ``source`` and ``target`` (all strings), plus every citegraph
attribute that has a value, lists kept as JSON arrays.  The same file opens in
Cytoscape desktop (File → Import → Network from File, "Cytoscape.js JSON").
"""

from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

__all__ = ["SUFFIX", "DESCRIPTION", "write", "cytoscape_elements"]

SUFFIX = ".cyjs"
DESCRIPTION = "Cytoscape.js JSON (Cytoscape.js, Cytoscape desktop)"

# Keys Cytoscape.js reserves in an element's data; citegraph attributes never use them.
_RESERVED = ("id", "source", "target", "parent")


def _data(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None and k not in _RESERVED}


def cytoscape_elements(G: nx.DiGraph) -> dict[str, Any]:
    """The Cytoscape.js document for ``G``.

    >>> G = nx.DiGraph(); G.add_node("a", title="A", tags=["x"]); G.add_edge("b", "a", kind="cites")
    >>> doc = cytoscape_elements(G)
    >>> doc["elements"]["nodes"][0]["data"], doc["elements"]["edges"][0]["data"]
    ({'id': 'a', 'title': 'A', 'tags': ['x']}, {'id': 'b->a', 'source': 'b', 'target': 'a', 'kind': 'cites'})
    """
    nodes = [{"data": {"id": str(n), **_data(d)}} for n, d in G.nodes(data=True)]
    edges = [
        {"data": {"id": f"{u}->{v}", "source": str(u), "target": str(v), **_data(d)}}
        for u, v, d in G.edges(data=True)
    ]
    return {
        "format_version": "1.0",
        "generated_by": "citegraph",
        "target_cytoscapejs_version": "~3",
        "data": _data(dict(G.graph)),
        "elements": {"nodes": nodes, "edges": edges},
    }


def write(G: nx.DiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` as Cytoscape.js JSON."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(cytoscape_elements(G), ensure_ascii=False))
