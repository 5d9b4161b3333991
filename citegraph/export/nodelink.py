"""citegraph's own graph file: networkx node-link JSON, read back by ``citegraph.load_graph``."""

from __future__ import annotations

from citegraph.graph.model import save_graph

__all__ = ["SUFFIX", "DESCRIPTION", "write"]

SUFFIX = ".json"
DESCRIPTION = "node-link JSON, citegraph's graph file (the input of rank, lineage, html...)"

write = save_graph
