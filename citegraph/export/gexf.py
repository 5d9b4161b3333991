"""GEXF for Gephi: list attributes become ``"; "``-joined strings."""

from __future__ import annotations

from collections.abc import Hashable
import os

import networkx as nx

from citegraph.export.graphml import flat_copy

__all__ = ["SUFFIX", "DESCRIPTION", "write", "write_gexf"]

SUFFIX = ".gexf"
DESCRIPTION = "GEXF 1.2 (Gephi); list attributes joined with '; '"


def write(G: nx.DiGraph[Hashable], path: str | os.PathLike[str]) -> None:
    """Write ``G`` as GEXF, readable by :func:`networkx.read_gexf` and Gephi."""
    nx.write_gexf(flat_copy(G), path, encoding="utf-8")
write_gexf = write
