"""The graph model: a networkx DiGraph, its node and edge attributes, the citation matrix and storage."""

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
