"""The citegraph graph class: a ``networkx.DiGraph`` that shows itself in a notebook.

:class:`CitationGraph` adds nothing to the graph but ``_repr_html_`` and a
short ``repr``: in Jupyter a graph shows its papers and links by kind, the
most cited papers and its lineages, and names the calls that tell more.
Every algorithm sees a plain ``DiGraph``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any
from collections.abc import Hashable

import networkx as nx

from citegraph.text.wording import plural

__all__ = ["CitationGraph", "graph_html"]

_KINDS = ("cites", "builds_on", "mentions")


if TYPE_CHECKING:
    _DiGraph = nx.DiGraph[Hashable]
else:  # networkx's classes are not subscriptable at run time
    _DiGraph = nx.DiGraph


class CitationGraph(_DiGraph):
    """A citegraph graph (see :mod:`citegraph.graph.model`); displays itself in notebooks."""

    def __repr__(self) -> str:
        return f"CitationGraph with {self.number_of_nodes():,} papers and {self.number_of_edges():,} links"

    def _repr_html_(self) -> str:
        return graph_html(self)


def _kinds(data: dict[str, Any]) -> tuple[str, ...]:
    return tuple(data.get("kinds") or (data.get("kind"),))


def _label(G: nx.DiGraph[Hashable], node: Hashable) -> str:
    d = G.nodes[node]
    year = f" ({d['year']})" if d.get("year") else ""
    return f"{d.get('name') or d.get('title') or node}{year}"


def graph_html(G: nx.DiGraph[Hashable], *, top: int = 8) -> str:
    """A short HTML portrait of ``G``: counts, the most cited papers, the lineages; every string escaped.

    Examples
    --------
    >>> G = CitationGraph()
    >>> G.add_node("a", name="<Janus>", year=2024); G.add_node("b", name="JanusFlow", year=2024)
    >>> G.add_edge("b", "a", kind="builds_on", kinds=["builds_on", "cites"])
    >>> html = G._repr_html_()
    >>> "2 papers" in html and "&lt;Janus&gt; (2024) → JanusFlow (2024)" in html and "<Janus>" not in html
    True
    """
    counts = dict.fromkeys(_KINDS, 0)
    cited: dict[Hashable, int] = {}
    for _, v, d in G.edges(data=True):
        kinds = _kinds(d)
        for kind in _KINDS:
            counts[kind] += kind in kinds
        if "cites" in kinds:
            cited[v] = cited.get(v, 0) + 1
    listed = sum(1 for _, d in G.nodes(data=True) if d.get("listed"))
    parts = [
        "<div class='citegraph-graph'>",
        f"<p><b>{plural(G.number_of_nodes(), 'paper')}</b> ({listed:,} from the lists), "
        f"{plural(G.number_of_edges(), 'link')}: {plural(counts['cites'], 'citation')}, "
        f"{plural(counts['builds_on'], 'lineage link')} (builds_on), {plural(counts['mentions'], 'mention')}.</p>",
    ]
    if cited:
        best = sorted(cited, key=lambda n: (-cited[n], str(n)))[:top]
        items = "".join(f"<li>{escape(_label(G, n))}: cited {plural(cited[n], 'time')} here</li>" for n in best)
        parts.append(f"<p>Most cited in the graph:</p><ol>{items}</ol>")
    lineage = nx.DiGraph((v, u) for u, v, d in G.edges(data=True) if "builds_on" in _kinds(d))  # parent → child
    if lineage.number_of_edges():
        chains = []
        for comp in sorted(nx.weakly_connected_components(lineage), key=len, reverse=True)[:top]:
            roots = sorted((n for n in comp if lineage.in_degree(n) == 0), key=str)
            for root in roots[:1]:
                children = sorted(nx.descendants(lineage, root), key=lambda n: (G.nodes[n].get("year") or 0, str(n)))
                chains.append(f"{_label(G, root)} → " + ", ".join(_label(G, n) for n in children))
        items = "".join(f"<li>{escape(chain)}</li>" for chain in chains)
        parts.append(f"<p>Lineages (parent → descendants):</p><ul>{items}</ul>")
    parts.append("<p>More: <code>citegraph.rank_papers(G)</code>, <code>citegraph.lineage_frame(G)</code>, "
                 "<code>citegraph.lineage_figure(G)</code>, <code>citegraph.audit(G)</code>.</p></div>")
    return "".join(parts)
