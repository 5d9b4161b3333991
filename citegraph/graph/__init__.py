"""The graph model: a networkx DiGraph, its node and edge attributes, the citation matrix and storage.

The model's names are imported on first use: a module of this package that
needs no graph (``citegraph.graph.files``) does not load networkx, so
``citegraph papers`` starts without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citegraph.graph.model import (
        EDGE_ATTRS,
        EDGE_KINDS,
        NODE_ATTRS,
        SCHEMA_VERSION,
        add_link,
        add_paper,
        edges_frame,
        has_kind,
        iter_kind,
        load_graph,
        new_graph,
        nodes_frame,
        normalize_title,
        paper_key,
        save_graph,
    )

__all__ = [
    "EDGE_ATTRS",
    "EDGE_KINDS",
    "NODE_ATTRS",
    "SCHEMA_VERSION",
    "add_link",
    "add_paper",
    "edges_frame",
    "has_kind",
    "iter_kind",
    "load_graph",
    "new_graph",
    "nodes_frame",
    "normalize_title",
    "paper_key",
    "save_graph",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        value = getattr(importlib.import_module("citegraph.graph.model"), name)
        globals()[name] = value  # once: later lookups find it without this hook
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
