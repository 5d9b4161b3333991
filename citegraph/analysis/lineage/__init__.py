"""Model lineage: families, successor links with their evidence, reports."""

from citegraph.analysis.lineage.core import (
    model_name,
    family_stem,
    parse_name,
    node_names,
    families,
    successors,
    main_path,
    annotate_lineage,
    lineage_report,
    WEIGHTS,
    EVIDENCE_KINDS,
)

__all__ = [
    "model_name",
    "family_stem",
    "parse_name",
    "node_names",
    "families",
    "successors",
    "main_path",
    "annotate_lineage",
    "lineage_report",
    "WEIGHTS",
    "EVIDENCE_KINDS",
]
