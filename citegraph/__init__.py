"""citegraph: paper lists in, a citation and lineage graph out.

Data flows one way: lists (``citegraph.fetch.lists``) → Semantic Scholar
(``citegraph.fetch``) → the graph (``citegraph.graph``) → analysis
(``citegraph.analysis``) → tables, JSON and an HTML explorer.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
