"""Lineage links as a pandas table, for notebooks and scripts.

:func:`lineage_frame` flattens the successor links of
:func:`~citegraph.analysis.lineage.successors` (nested dicts) into one
row per link: parent, child, kind, confidence and the evidence in words.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import pandas as pd

from citegraph.analysis.lineage import successors
from citegraph.text.wording import paper_label

__all__ = ["LINEAGE_FRAME_COLUMNS", "lineage_frame"]

LINEAGE_FRAME_COLUMNS = (
    "parent", "child", "kind", "confidence", "evidence", "family",
    "parent_year", "child_year", "parent_id", "child_id",
)


def lineage_frame(G: nx.DiGraph[Hashable], links: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """One row per successor link of ``G``, most certain first.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph.
    links : list of dict, optional
        :func:`~citegraph.analysis.lineage.successors`' links, found when omitted.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LINEAGE_FRAME_COLUMNS`: ``parent`` and ``child`` (model
        name, else title), ``kind`` (the link's kind, ``version`` or
        ``derived``, where the lineage analysis says; else missing),
        ``confidence`` (0..1), ``evidence`` (``"kind: detail"`` items joined
        with ``"; "``), ``family`` (or missing), the years and the node ids.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Janus: Decoupling Visual Encoding", name="Janus", arxiv="2410.13848", listed=True)
    >>> _ = add_paper(G, "b", title="JanusFlow", name="JanusFlow", arxiv="2411.07975", listed=True,
    ...               text="JanusFlow builds on Janus.")
    >>> lineage_frame(G)[["parent", "child", "family"]].to_dict("records")
    [{'parent': 'Janus', 'child': 'JanusFlow', 'family': 'Janus'}]
    """
    if links is None:
        links = successors(G)
    rows = [
        {
            "parent": paper_label(link["parent"]),
            "child": paper_label(link["child"]),
            "kind": link.get("kind"),
            "confidence": float(link["confidence"]),
            "evidence": "; ".join(f"{e['kind']}: {e['detail']}" if e.get("detail") else e["kind"]
                                  for e in link.get("evidence", [])),
            "family": link.get("family"),
            "parent_year": link["parent"].get("year"),
            "child_year": link["child"].get("year"),
            "parent_id": link["parent"].get("id"),
            "child_id": link["child"].get("id"),
        }
        for link in links
    ]
    frame = pd.DataFrame(rows, columns=list(LINEAGE_FRAME_COLUMNS))
    for col in ("parent_year", "child_year"):
        frame[col] = frame[col].astype("Int64")
    return frame.sort_values("confidence", ascending=False, kind="mergesort").reset_index(drop=True)
