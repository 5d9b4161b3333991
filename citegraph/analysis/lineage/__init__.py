"""Model lineage: which model descends from which, and why we believe it.

``statements`` (builds-on phrases), ``evidence`` (what ties two papers),
``scoring`` (confidence), ``families`` (a child's family parent), ``links``
(:func:`successors`, :func:`annotate_lineage`) and ``report``
(:func:`families`, :func:`lineage_report`).  Name parsing is in
:mod:`citegraph.text.names`; the main path in :mod:`citegraph.analysis.mainpath`.

>>> from citegraph.graph.model import new_graph, add_paper
>>> G = new_graph()
>>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818")
>>> _ = add_paper(G, "b", title="ANOLE: An Open Model", arxiv="2407.06135", text="We build Anole from Chameleon.")
>>> [(l["parent"]["name"], l["child"]["name"]) for l in successors(G)]
[('Chameleon', 'Anole')]
"""

from citegraph.analysis.lineage.candidates import lineage_candidates
from citegraph.analysis.lineage.evidence import EVIDENCE_KINDS, node_names
from citegraph.analysis.lineage.links import annotate_lineage, successors
from citegraph.analysis.lineage.report import families, lineage_report
from citegraph.analysis.lineage.scoring import WEIGHTS
from citegraph.analysis.mainpath import main_path
from citegraph.text.names import family_stem, model_name, parse_name

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
    "lineage_candidates",
]
