"""Static pictures for notebooks and reports (matplotlib, imported where used).

:func:`lineage_figure` draws the successor links on a time axis, one band per
lineage, names beside their dots and never over another dot;
:func:`links_per_year_figure` counts the links each year's papers make, by
kind; :func:`ranking_figure` is a bar chart of a ranking.  Each returns a
matplotlib ``Figure`` (closed in pyplot, so a notebook shows it once, as the
cell's value); :func:`figure_png` turns one into PNG bytes.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any
from collections.abc import Hashable

import networkx as nx

from citegraph.graph.model import induced_subgraph

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["lineage_figure", "links_per_year_figure", "ranking_figure", "figure_png"]

_ARXIV_MONTH = re.compile(r"^(\d{2})(0[1-9]|1[0-2])\.\d{4,5}")
_KIND_COLORS = {"cites": "#4c72b0", "builds_on": "#dd8452", "mentions": "#8c8c8c"}


def _pyplot() -> Any:
    # pyplot (not a bare Figure) so that a notebook's inline backend shows the figures
    import matplotlib.pyplot as plt

    return plt


def _when(G: nx.DiGraph[Hashable], node: Hashable) -> float | None:
    """A paper's date as a fractional year: its arXiv month when known, else mid-year.

    >>> G = nx.DiGraph(); G.add_node("a", arxiv="2405.09818"); G.add_node("b", year=2021)
    >>> round(_when(G, "a"), 3), _when(G, "b")
    (2024.375, 2021.5)
    """
    d = G.nodes[node]
    m = _ARXIV_MONTH.match(str(d.get("arxiv") or ""))
    if m:
        return 2000 + int(m.group(1)) + (int(m.group(2)) - 0.5) / 12
    return float(d["year"]) + 0.5 if d.get("year") else None


def _label(d: dict[str, Any], width: int = 28) -> str:
    text = " ".join(str(d.get("name") or d.get("title") or "?").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def lineage_figure(
    G: nx.DiGraph[Hashable],
    links: list[dict[str, Any]] | None = None,
    *,
    family: str | None = None,
    width: float = 11.0,
) -> Figure:
    """The model lineages of ``G``: papers by date (x), one band per lineage, parent → child arrows.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph.
    links : list of dict, optional
        :func:`~citegraph.analysis.lineage.successors`' links (found when omitted).
    family : str, optional
        Only the lineage(s) holding a paper of this model family.
    width : float
        Figure width in inches; the height follows the number of rows.

    Returns
    -------
    matplotlib.figure.Figure
        Solid arrows for versions, dashed for derived models (when links say
        which), more opaque the surer the link; years on the x axis.
    """
    from citegraph.analysis.lineage import families, successors

    plt = _pyplot()
    if links is None:
        links = successors(G)
    H: nx.DiGraph[Hashable] = nx.DiGraph()
    for link in links:
        H.add_edge(link["parent"]["id"], link["child"]["id"], link=link)
    if family is not None:
        members = set(families(G, links=links).get(family, []))
        keep = set().union(*(c for c in nx.weakly_connected_components(H) if c & members)) if members else set()
        H = induced_subgraph(H, keep)
    when = {n: _when(G, n) for n in H}
    known = [x for x in when.values() if x is not None]
    span = (min(known), max(known)) if known else (2000.0, 2001.0)
    dated: dict[Hashable, float] = {n: (x if x is not None else span[0]) for n, x in when.items()}
    years = max(span[1] - span[0], 1.0) + 1.5
    per_char = 0.075 * years / width  # years one character of an 8-point name takes
    # rows: each lineage its own band; inside it a paper takes the first row
    # where its dot clears the previous name by a margin
    rows: dict[Hashable, int] = {}
    top = 0
    for comp in sorted(nx.weakly_connected_components(H), key=lambda c: (min(dated[n] for n in c), len(c))):
        ends: list[float] = []
        for n in sorted(comp, key=lambda n: (dated[n], str(n))):
            x = dated[n]
            row = next((i for i, end in enumerate(ends) if end < x), len(ends))
            if row == len(ends):
                ends.append(0.0)
            ends[row] = x + (len(_label(G.nodes[n])) + 3) * per_char
            rows[n] = top + row
        top += len(ends) + 1
    fig: Figure
    fig, ax = plt.subplots(figsize=(width, max(2.0, 0.32 * max(top, 1) + 1.0)))
    for u, v, d in H.edges(data=True):
        link = d["link"]
        style = "--" if link.get("kind") == "derived" else "-"
        ax.annotate("", xy=(dated[v], -rows[v]), xytext=(dated[u], -rows[u]),
                    arrowprops={"arrowstyle": "-|>", "linestyle": style, "color": "#555555",
                                "alpha": 0.35 + 0.65 * float(link.get("confidence") or 0),
                                "shrinkA": 4, "shrinkB": 4, "connectionstyle": "arc3,rad=0.08"})
    for n in H:
        ax.plot(dated[n], -rows[n], "o", color="#dd8452", markersize=6, zorder=3)
        ax.text(dated[n] + per_char, -rows[n], _label(G.nodes[n]), va="center", ha="left", fontsize=8, zorder=4)
    ax.set_xlim(span[0] - 0.5, span[1] + 1.0 + 12 * per_char)
    ax.set_ylim(-max(top, 1), 1)
    ax.xaxis.set_major_locator(_year_locator(span[1] - span[0]))
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("date (arXiv month when known, else mid-year)")
    title = f"Lineage of {family}" if family else "Model lineages"
    ax.set_title(f"{title}: {H.number_of_edges()} links parent → child" if H.number_of_edges() else
                 f"{title}: no links found")
    fig.tight_layout()
    plt.close(fig)
    return fig


def _year_locator(span: float = 99.0) -> Any:
    """Ticks on whole years: every year over up to 16 years, else a readable few."""
    from matplotlib.ticker import MaxNLocator, MultipleLocator

    return MultipleLocator(1) if span <= 16 else MaxNLocator(integer=True, min_n_ticks=2)


def links_per_year_figure(G: nx.DiGraph[Hashable], *, width: float = 9.0) -> Figure:
    """Links made each year, by kind, dated by the citing (building, mentioning) paper; one bar per year.

    On a fetched graph the bars are mostly citations; on a graph from the
    lists' text alone (the demo) they are mentions and lineage links, and
    the title says so.
    """
    import numpy as np

    plt = _pyplot()
    kinds = ("cites", "builds_on", "mentions")
    counts: dict[int, dict[str, int]] = {}
    for u, _, d in G.edges(data=True):
        year = G.nodes[u].get("year")
        if not year:
            continue
        for kind in kinds:
            if kind in d.get("kinds", (d.get("kind"),)):
                counts.setdefault(int(year), dict.fromkeys(kinds, 0))[kind] += 1
    fig: Figure
    fig, ax = plt.subplots(figsize=(width, 3.2))
    years = np.arange(min(counts), max(counts) + 1) if counts else np.arange(0)
    bottom = np.zeros(years.size)
    names = {"cites": "citations", "builds_on": "lineage links", "mentions": "mentions in notes"}
    for kind in kinds:
        values = np.array([counts.get(int(y), {}).get(kind, 0) for y in years])
        if values.any():
            ax.bar(years, values, bottom=bottom, color=_KIND_COLORS[kind], label=names[kind], width=0.8)
            bottom += values
    ax.xaxis.set_major_locator(_year_locator(float(years.size)))
    ax.set_xlabel("year of the citing paper")
    ax.set_ylabel("links")
    cited = any(counts[y]["cites"] for y in counts)
    ax.set_title("Citations made per year (with the lineage links and mentions)" if cited else
                 "Links per year (no citations were fetched: mentions and lineage links)")
    if counts:
        ax.legend(frameon=False, fontsize=8)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def ranking_figure(rankings: Any, *, by: str = "pagerank", top: int = 15, width: float = 8.0) -> Figure:
    """The ``top`` papers of ``rankings`` (:func:`~citegraph.analysis.rank.rank_papers`), bars of ``by``."""
    plt = _pyplot()
    rows = rankings.sort_values(by, ascending=False, kind="mergesort").head(top)
    labels = [_label({"name": r.name if isinstance(r.name, str) else None, "title": r.title}, 40)
              + (f" ({int(r.year)})" if r.year == r.year and r.year is not None else "")
              for r in rows.itertuples(index=False)]
    fig: Figure
    fig, ax = plt.subplots(figsize=(width, 0.3 * len(rows) + 1.2))
    ax.barh(range(len(rows))[::-1], rows[by].astype(float), color="#4c72b0")
    ax.set_yticks(range(len(rows))[::-1], labels, fontsize=8)
    basis = rankings.attrs.get("kinds")
    on = "citations" if basis == ["cites"] else "mentions and lineage links (no citations fetched)" if basis else None
    ax.set_xlabel(by + (f", on {on}" if on else ""))
    ax.set_title(f"Top {len(rows)} by {by}")
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def figure_png(fig: Figure, *, dpi: int = 100) -> bytes:
    """``fig`` as PNG bytes (to embed in HTML)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()
