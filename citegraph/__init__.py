"""citegraph: paper lists in, a citation and lineage graph out.

Data flows one way: lists (``citegraph.lists.reader``) → Semantic Scholar
(``citegraph.fetch``) → the graph (``citegraph.graph``) → analysis
(``citegraph.analysis``) → tables, JSON and an HTML explorer.  Names are imported
on first use, so ``import citegraph`` stays fast.

Each CLI command is one of the calls exported here::

    import citegraph
    result = citegraph.report(["my-list.md"], "out/")        # citegraph report
    built = citegraph.build(["my-list.md"])                   # citegraph build
    G = citegraph.load_graph("out/graph.json")
    citegraph.rank_papers(G, top=10)                          # citegraph rank
    citegraph.successors(G)                                   # citegraph lineage
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> (module, attribute); resolved lazily by __getattr__
_EXPORTS = {
    "read_lists": ("citegraph.lists.reader", "read_lists"),
    "papers_frame": ("citegraph.lists.reader", "papers_frame"),
    "write_papers": ("citegraph.export.papers", "write_papers"),
    # fetch.pipeline.build plus lineage (builds_on edges): fetch never imports analysis
    "build": ("citegraph.reporting", "build"),
    "report": ("citegraph.reporting", "report"),
    "demo": ("citegraph.reporting", "demo"),
    "suggest": ("citegraph.reporting", "suggest"),
    "watch": ("citegraph.reporting", "watch"),
    "suggest_papers": ("citegraph.analysis.suggest", "suggest_papers"),
    "load_graph": ("citegraph.graph.model", "load_graph"),
    "save_graph": ("citegraph.graph.model", "save_graph"),
    "load_any": ("citegraph.graph.arrays", "load_any"),
    "load_arrays": ("citegraph.graph.arrays", "load_arrays"),
    "save_arrays": ("citegraph.graph.arrays", "save_arrays"),
    "nodes_frame": ("citegraph.graph.model", "nodes_frame"),
    "edges_frame": ("citegraph.graph.model", "edges_frame"),
    "write_graphml": ("citegraph.export.graphml", "write_graphml"),
    "write_gexf": ("citegraph.export.gexf", "write_gexf"),
    "export_graph": ("citegraph.export.registry", "export_graph"),
    "check_outputs": ("citegraph.export.paths", "check_outputs"),
    "write_text_output": ("citegraph.export.paths", "write_text_output"),
    "write_csv": ("citegraph.export.tables", "write_csv"),
    "write_frame": ("citegraph.export.tables", "write_frame"),
    "write_html": ("citegraph.export.html.page", "write_html"),
    "lineage_chart": ("citegraph.export.lineage_chart", "lineage_chart"),
    "rank_papers": ("citegraph.analysis.rank", "rank_papers"),
    "related_papers": ("citegraph.analysis.related", "related_papers"),
    "communities": ("citegraph.analysis.communities", "communities"),
    "citation_paths": ("citegraph.analysis.paths", "citation_paths"),
    "find_paper": ("citegraph.analysis.paths", "find_paper"),
    "format_paths": ("citegraph.analysis.paths", "format_paths"),
    "audit": ("citegraph.analysis.audit", "audit"),
    "audit_frame": ("citegraph.analysis.audit", "audit_frame"),
    "audit_summary": ("citegraph.analysis.audit", "audit_summary"),
    "audit_overview": ("citegraph.analysis.audit", "audit_overview"),
    "merge_duplicates": ("citegraph.analysis.audit", "merge_duplicates"),
    "families": ("citegraph.analysis.lineage", "families"),
    "successors": ("citegraph.analysis.lineage", "successors"),
    "lineage_report": ("citegraph.analysis.lineage", "lineage_report"),
    "main_path": ("citegraph.analysis.mainpath", "main_path"),
    # the bulk datasets (citegraph datasets ...): DuckDB, or Spark past one machine
    "import_datasets": ("citegraph.fetch.local", "import_datasets"),
    "datasets_top_cited": ("citegraph.fetch.local", "datasets_top_cited"),
    "datasets_neighbourhood": ("citegraph.fetch.local", "datasets_neighbourhood"),
    "CitegraphError": ("citegraph.errors", "CitegraphError"),
    # notebooks: lineage as a table, pictures, the report as HTML
    "ReportResult": ("citegraph.reporting", "ReportResult"),
    "lineage_frame": ("citegraph.analysis.frames", "lineage_frame"),
    "lineage_figure": ("citegraph.export.pictures", "lineage_figure"),
    "links_per_year_figure": ("citegraph.export.pictures", "links_per_year_figure"),
    "ranking_figure": ("citegraph.export.pictures", "ranking_figure"),
    "example_list_path": ("citegraph.reporting", "example_list_path"),
    "inline_page": ("citegraph.export.notebook", "inline_page"),
    "communities_frame": ("citegraph.reporting", "communities_frame"),
    "CitationGraph": ("citegraph.graph.citation_graph", "CitationGraph"),
    "relative_places": ("citegraph.text.places", "relative_places"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'citegraph' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
