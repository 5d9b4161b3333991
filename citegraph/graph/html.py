"""The interactive HTML explorer: one self-contained page drawn by vis-network.

:func:`write_html` writes a single file that works offline when opened by
double-click: vis-network (shipped inside pyvis) and the page's own script and
style are inlined, and a Content-Security-Policy lets the page load nothing
from anywhere and run only its own two scripts (by hash).

How the page is built, and why:

* Positions are computed in Python (:mod:`citegraph.graph.layout`) and physics
  is off, so a 5,000-node page opens at once instead of simulating for minutes.
* Every string from a list or the API travels as JSON data in a
  ``<script type="application/json">`` block (``<``, ``>``, ``&``, U+2028/9
  escaped, so a title cannot close the tag) and the page puts it on screen with
  ``textContent`` or canvas text: never as markup.  Links are built here from
  ids and checked to be ``https://`` before they become ``href``.
* Above ``max_nodes`` papers the page shows the listed papers, every paper in
  a lineage link and the top others by PageRank, and says so (:class:`HtmlResult`).

Sizes, colours and rankings come from the analysis modules when they are
installed (``citegraph.analysis.rank.rank_papers``, ``...lineage.families``,
``...communities.communities``) and fall back to small local computations
(networkx PageRank, model-name stems, Louvain) otherwise.

Examples
--------
>>> from citegraph.graph.model import new_graph, add_paper, add_link
>>> G = new_graph()
>>> _ = add_paper(G, "a", title="Janus: Decoupling Visual Encoding", name="Janus", year=2024, listed=True)
>>> _ = add_paper(G, "b", title="Janus-Pro: Unified Understanding", name="Janus-Pro", year=2025, listed=True)
>>> add_link(G, "b", "a", "builds_on", confidence=0.9)
>>> data = explorer_data(G)
>>> [n["label"] for n in data["nodes"]], data["edgeKinds"]
(['Janus', 'Janus-Pro'], ['builds_on'])
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import string
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Hashable
from urllib.parse import quote

import networkx as nx

from citegraph.errors import UsageError
from citegraph.graph import layout as _layout

__all__ = [
    "COLOR_BY",
    "LAYOUTS",
    "SIZE_BY",
    "MAX_NODES",
    "HtmlResult",
    "explorer_data",
    "render_html",
    "write_html",
]

COLOR_BY = ("family", "community", "year")
LAYOUTS = ("time", "force")
# Size measures every graph has; rank_papers may add more numeric columns.
SIZE_BY = ("pagerank", "citations", "influential", "indegree")
MAX_NODES = 5000
# Above this many edges, straight lines (curves cost drawing time) and edges
# hidden while panning/zooming keep a big page smooth.
_BIG = 1000
# Above this many citation links the page opens with lineage and mentions only
# (and each paper's citations when clicked): headless Chromium needs ~1.3 s to
# rasterise 15,000 links, on every frame, and nobody can read them anyway.
CITES_SHOWN = 4000

# Distinct, print-safe hues; grey is kept for "other".
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939",
)
OTHER_COLOR = "#9ea4aa"
# viridis, sampled; years are coloured by interpolating it.
_VIRIDIS = ("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725")
EDGE_STYLE = {
    "cites": {"color": "#8a939c", "width": 0.8, "dashes": False},
    "mentions": {"color": "#5c7cfa", "width": 1.4, "dashes": [5, 5]},
    "builds_on": {"color": "#212529", "width": 3.2, "dashes": False},
}
_MAX_TEXT = 400
_ASSETS = Path(__file__).with_name("assets")


@dataclass(frozen=True)
class HtmlResult:
    """What :func:`write_html` wrote.

    ``note`` says what was left out when the graph had more than ``max_nodes``
    papers (``None`` when the page shows everything).
    """

    path: Path
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    bytes: int
    note: str | None = None

    @property
    def filtered(self) -> bool:
        return self.nodes < self.total_nodes

    def summary(self) -> str:
        """One line for people: what was written and how big it is."""
        size = f"{self.bytes / 1e6:.1f} MB" if self.bytes >= 1e5 else f"{self.bytes / 1e3:.0f} kB"
        line = f"wrote {self.path}: {self.nodes:,} papers, {self.edges:,} links, {size}"
        return line + (f"\n{self.note}" if self.note else "")


# ------------------------------------------------------------------ measures


def _rank_frame(G: nx.DiGraph) -> "pandas.DataFrame | None":  # noqa: F821
    """Every ranking of ``rank_papers``, or ``None`` while that module (or one it needs) is absent."""
    try:
        from citegraph.analysis.rank import rank_papers

        return rank_papers(G)
    except ImportError:
        return None


def _pagerank(G: nx.DiGraph) -> dict[Hashable, float]:
    """PageRank (credit flowing from citing to cited paper): citegraph's solver, else networkx's."""
    if G.number_of_edges() == 0:
        return {n: 1.0 / max(1, len(G)) for n in G}
    try:
        from citegraph.analysis.matrix import citation_matrix
        from citegraph.analysis.rank import pagerank_scores
    except ImportError:
        return nx.pagerank(G)
    M = citation_matrix(G)
    return dict(zip(M.ids.tolist(), pagerank_scores(M).tolist()))


# Numeric rank_papers columns that are labels, not sizes.
_NOT_SIZES = {"id", "pagerank", "year", "community", "corpus_id"}


def _measure(G: nx.DiGraph, size: str, pagerank: dict[Hashable, float]) -> dict[Hashable, float]:
    """The values that size the dots."""
    if size == "pagerank":
        return pagerank
    if size in ("citations", "influential"):
        attr = "citation_count" if size == "citations" else "influential_citation_count"
        return {n: float(d.get(attr) or 0) for n, d in G.nodes(data=True)}
    if size == "indegree":
        return {n: float(k) for n, k in G.in_degree()}
    # Any other numeric column of rank_papers (citerank, hits_authority, ...).
    frame = _rank_frame(G)
    extra = []
    if frame is not None:
        extra = [c for c in frame.columns if c not in _NOT_SIZES and frame[c].dtype.kind in "iuf"]
        extra += [c for c in frame.columns if c not in _NOT_SIZES and c not in extra
                  and str(frame[c].dtype) in ("Int64", "Float64")]
    if size in extra:
        return {n: float(v) for n, v in zip(frame["id"], frame[size].astype("Float64").fillna(0))}
    raise UsageError(f"--size must be one of {', '.join(SIZE_BY + tuple(extra))}, not {size!r}")


def _percentiles(values: dict[Hashable, float]) -> dict[Hashable, float]:
    """Rank of each value in 0..1 (ties share their mean rank); robust to heavy tails."""
    import pandas as pd

    if not values:
        return {}
    series = pd.Series(values, dtype=float)
    if series.nunique() <= 1:
        return {n: 0.5 for n in values}
    pct = (series.rank(method="average") - 1) / (len(series) - 1)
    return pct.to_dict()


# ------------------------------------------------------------------ groups


def _stem(name: str) -> str:
    """Fallback family key: the leading letters of a model name (``Qwen2-VL`` → ``qwen``)."""
    m = re.match(r"[^\W\d_]+", name.strip())
    return (m.group(0) if m else name).casefold()


def _families(G: nx.DiGraph, links: list[dict[str, Any]] | None = None) -> dict[Hashable, str]:
    """``{paper: family name}`` from lineage analysis, else papers sharing a name stem."""
    try:
        from citegraph.analysis.lineage import families
    except ImportError:
        families = None
    if families is not None:
        return {n: fam for fam, members in families(G, links=links).items() for n in members if n in G}
    by_stem: dict[str, list[Hashable]] = {}
    for n, d in G.nodes(data=True):
        if d.get("name"):
            by_stem.setdefault(_stem(str(d["name"])), []).append(n)
    out = {}
    for members in by_stem.values():
        if len(members) > 1:
            members.sort(key=lambda n: (G.nodes[n].get("year") or 9999, str(n)))
            label = re.match(r"[^\W\d_]+", str(G.nodes[members[0]]["name"]).strip())
            for n in members:
                out[n] = label.group(0) if label else str(G.nodes[members[0]]["name"])
    return out


def _communities(G: nx.DiGraph, seed: int) -> dict[Hashable, str]:
    """``{paper: community label}`` from citegraph's communities, else Louvain."""
    try:
        from citegraph.analysis.communities import communities
    except ImportError:
        communities = None
    if communities is not None:
        frame = communities(G, seed=seed)
        col = "community_label" if "community_label" in frame else "community"
        return {n: str(c) for n, c in zip(frame["id"], frame[col])}
    parts = nx.community.louvain_communities(G.to_undirected(as_view=True), seed=seed)
    return {n: f"community {i + 1}" for i, part in enumerate(parts) for n in part}


def _hex(c: str) -> tuple[int, int, int]:
    return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)


@lru_cache(maxsize=4096)
def _mix(c1: str, c2: str, t: float) -> str:
    """``c1`` moved a fraction ``t`` towards ``c2``."""
    a, b = _hex(c1), _hex(c2)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def _year_color(year: int | None, lo: int, hi: int) -> str:
    if year is None:
        return OTHER_COLOR
    t = 0.0 if hi == lo else (year - lo) / (hi - lo)
    pos = t * (len(_VIRIDIS) - 1)
    i = min(int(pos), len(_VIRIDIS) - 2)
    return _mix(_VIRIDIS[i], _VIRIDIS[i + 1], pos - i)


# ------------------------------------------------------------------ selection


def _select(G: nx.DiGraph, pagerank: dict[Hashable, float], max_nodes: int) -> tuple[list[Hashable], str | None]:
    """The papers to draw: all of them, or listed + lineage papers first, then by PageRank."""
    if len(G) <= max_nodes:
        return list(G), None
    lineage = {n for u, v, d in G.edges(data=True) if "builds_on" in d.get("kinds", (d.get("kind"),)) for n in (u, v)}
    listed = {n for n, d in G.nodes(data=True) if d.get("listed")}
    by_rank = sorted(G, key=lambda n: (-pagerank.get(n, 0.0), str(n)))
    must = [n for n in by_rank if n in listed or n in lineage]
    rest = [n for n in by_rank if n not in listed and n not in lineage]
    keep = (must + rest)[:max_nodes]
    n_listed = sum(1 for n in keep if n in listed)
    n_lineage = sum(1 for n in keep if n in lineage and n not in listed)
    n_rest = len(keep) - n_listed - n_lineage
    parts = [f"{n_listed:,} of {len(listed):,} listed papers"]
    if lineage:
        parts.append(f"{n_lineage:,} more papers in lineage links")
    parts.append(f"the top {n_rest:,} others by PageRank")
    note = (
        f"Showing {len(keep):,} of {len(G):,} papers (more than max_nodes={max_nodes:,}): "
        + ", ".join(parts[:-1]) + " and " + parts[-1] + "."
    )
    return keep, note


# ------------------------------------------------------------------ node data


def _clip(text: Any, limit: int = _MAX_TEXT) -> str | None:
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short_title(title: str | None) -> str:
    """A label from a title: its first words, about 26 characters."""
    title = _clip(title) or "(untitled)"
    if len(title) <= 28:
        return title
    if " " not in title[:28]:  # CJK or one long token
        return title[:16] + "…"
    out = ""
    for word in title.split():
        if out and len(out) + 1 + len(word) > 26:
            break
        out = f"{out} {word}".strip()
    return out + "…"


def _label(d: dict[str, Any]) -> str:
    from citegraph.names import model_name

    name = d.get("name") or model_name(d.get("title"))
    return _clip(name, 40) if name else _short_title(d.get("title"))


def _label_box(label: str, font: int) -> tuple[float, float]:
    """Estimated (width, height) of a label drawn in a ``font`` px sans-serif."""
    if not label:
        return 0.0, 0.0
    wide = sum(2 if ord(c) > 0x2E80 else 1 for c in label)  # CJK glyphs are twice as wide
    return wide * font * 0.58, font * 1.3


def _links(d: dict[str, Any]) -> list[list[str]]:
    """``[[site, https URL], ...]`` built from ids, percent-encoded."""
    links = []
    if d.get("arxiv"):
        links.append(["arXiv", "https://arxiv.org/abs/" + quote(str(d["arxiv"]), safe="./")])
    if d.get("paper_id"):
        links.append(["Semantic Scholar", "https://www.semanticscholar.org/paper/" + quote(str(d["paper_id"]), safe="")])
    if d.get("doi"):
        links.append(["DOI", "https://doi.org/" + quote(str(d["doi"]), safe="/")])
    return links


def _info(d: dict[str, Any], node: Hashable, sections: dict[str, int]) -> dict[str, Any]:
    """What the tooltip and details panel show about one paper (compact keys)."""
    authors = [a for a in (d.get("authors") or []) if a]
    out = {
        "id": str(node),
        "t": _clip(d.get("title")) or "(untitled)",
        "n": _clip(d.get("name"), 60),
        "y": int(d["year"]) if d.get("year") is not None else None,
        "v": _clip(d.get("venue"), 120),
        "a": [_clip(a, 80) for a in authors[:3]],
        "na": len(authors),
        "c": d.get("citation_count"),
        "ic": d.get("influential_citation_count"),
        "l": bool(d.get("listed")),
        "s": [sections[t] for t in (d.get("tags") or []) if t in sections],
        "u": _links(d),
    }
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def _edge_info(d: dict[str, Any]) -> dict[str, Any] | None:
    """What an edge's tooltip shows beyond 'A cites B': evidence, confidence, intents."""
    out: dict[str, Any] = {}
    kinds = d.get("kinds") or [d.get("kind")]
    if len(kinds) > 1:
        out["k"] = kinds
    if d.get("confidence") is not None:
        out["cf"] = round(float(d["confidence"]), 2)
    if d.get("evidence"):
        out["ev"] = [
            [_clip(e.get("kind"), 40) or "", _clip(e.get("detail"), 300) or ""]
            if isinstance(e, dict) else ["", _clip(e, 300) or ""]
            for e in d["evidence"][:8]
        ]
    if d.get("is_influential"):
        out["inf"] = True
    if d.get("intents"):
        out["it"] = [_clip(i, 40) for i in d["intents"]]
    return out or None


# ------------------------------------------------------------------ page data


def explorer_data(
    G: nx.DiGraph,
    *,
    color: str = "family",
    size: str = "pagerank",
    layout: str = "time",
    max_nodes: int = MAX_NODES,
    seed: int = 0,
    links: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Everything the explorer page shows, as JSON-ready data.

    Parameters
    ----------
    G
        A citegraph graph.
    color
        ``"family"`` (model family), ``"community"`` or ``"year"``.
    size
        What sizes the dots: ``"pagerank"``, ``"citations"``, ``"influential"``,
        ``"indegree"`` (citations from inside the graph) or a numeric column of
        ``rank_papers``.
    layout
        ``"time"`` (x from the year, a band per family/community) or ``"force"``.
    max_nodes
        Draw at most this many papers (see the module docstring for which).
    seed
        Seed of the community detection and the force layout.
    links
        ``lineage.successors(G)`` when the caller has it already (families
        are then not worked out again); ignored when the page is filtered.

    Returns
    -------
    dict
        ``nodes``/``edges`` (vis-network items; node ids are indices into
        ``info``, which holds each paper's tooltip data), ``edgeKinds``,
        ``edgeInfo``, ``legend``, ``axis`` (time layout), ``sections``,
        ``years``, ``options`` (vis-network), ``showCites`` (whether citation
        links are drawn at first: not above ``CITES_SHOWN``), ``note`` and counts.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for i in range(5):
    ...     _ = add_paper(G, f"p{i}", title=f"Paper {i}", year=2020 + i)
    >>> for i in range(1, 5):
    ...     add_link(G, f"p{i}", "p0", "cites")
    >>> data = explorer_data(G, max_nodes=3)
    >>> len(data["nodes"]), data["info"][0]["t"]
    (3, 'Paper 0')
    >>> data["note"]
    'Showing 3 of 5 papers (more than max_nodes=3): 0 of 0 listed papers and the top 3 others by PageRank.'
    """
    if color not in COLOR_BY:
        raise UsageError(f"--color must be one of {', '.join(COLOR_BY)}, not {color!r}")
    if layout not in LAYOUTS:
        raise UsageError(f"--layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes must be at least 1, not {max_nodes}")
    pagerank = _pagerank(G)
    measure = _measure(G, size, pagerank)
    keep, note = _select(G, pagerank, max_nodes)
    # A copy, not a view: views filter on every lookup, and H is read many times.
    H = G if note is None else G.subgraph(keep).copy()
    order = sorted(G, key=lambda n: (-pagerank.get(n, 0.0), str(n)))
    rank_of = {n: i + 1 for i, n in enumerate(order)}
    pct = _percentiles({n: measure.get(n, 0.0) for n in keep})
    radius = {n: round(5.0 + 21.0 * pct[n] ** 2, 1) for n in keep}
    # Listed papers, named models and the top tenth carry a label; the rest
    # show theirs on hover, which keeps the crowd of cited papers quiet.
    top_tenth = set(sorted(keep, key=lambda n: -measure.get(n, 0.0))[: max(1, len(keep) // 10)])
    labels = {
        n: _label(G.nodes[n]) if G.nodes[n].get("listed") or G.nodes[n].get("name") or n in top_tenth else ""
        for n in keep
    }

    # Families and communities of the papers drawn: every lineage link is drawn,
    # so families lose nothing, and a 20,000-paper graph costs what 5,000 do.
    family = _families(H, links if H is G else None)
    group_of = _communities(H, seed) if color == "community" else family
    # The colours (and bands) go to the largest groups drawn; the rest share grey.
    groups = _top_groups(H, group_of)
    group_color = {g: PALETTE[i] for i, g in enumerate(groups)}
    years = sorted({int(d["year"]) for _, d in H.nodes(data=True) if d.get("year") is not None})
    lo, hi = (years[0], years[-1]) if years else (0, 0)

    def node_color(n: Hashable) -> str:
        if color == "year":
            y = H.nodes[n].get("year")
            return _year_color(None if y is None else int(y), lo, hi)
        return group_color.get(group_of.get(n), OTHER_COLOR)

    index = {n: i for i, n in enumerate(keep)}
    if layout == "time":
        # A band per coloured group (per family when colouring by year), then the rest.
        band_group = family if color == "year" else group_of
        band_keys = _top_groups(H, family) if color == "year" else groups
        pos, axis = _time_layout(H, band_group, band_keys, color, pagerank, radius, labels)
        for b in axis["bands"]:
            b["color"] = group_color.get(b["key"], "#495057" if b["key"] in band_keys else OTHER_COLOR)
            b.pop("key")
    else:
        pos, axis = _layout.force_layout(H.to_undirected(as_view=True), seed=seed), None

    sections = _section_paths(H)
    section_index = {s: i for i, s in enumerate(sections)}
    nodes, info = [], []
    for n in keep:
        d = H.nodes[n]
        c = node_color(n)
        listed = bool(d.get("listed"))
        item: dict[str, Any] = {
            "id": index[n],
            "label": labels[n],
            "x": pos[n][0],
            "y": pos[n][1],
            "size": radius[n],
            # Listed papers are filled; papers pulled in from outside are rings.
            "color": {"background": c if listed else _mix(c, "#ffffff", 0.82), "border": _mix(c, "#000000", 0.25) if listed else c},
        }
        if not listed:
            item["borderWidth"] = 2
            item["font"] = {"size": 10, "color": "#5f676e"}
        nodes.append(item)
        rec = _info(d, n, section_index)
        rec["rk"] = rank_of[n]
        if group_of.get(n) is not None and color == "community":
            rec["cm"] = _clip(group_of[n], 80)
        if family.get(n) is not None:
            rec["f"] = _clip(family[n], 80)
        rec["m"] = measure.get(n, 0.0)
        info.append(rec)
    edges, kinds, edge_info = _edge_items(H, index)

    if color == "year":
        span = years if len(years) <= 14 else [years[round(i * (len(years) - 1) / 8)] for i in range(9)]
        legend = [{"label": str(y), "color": _year_color(y, lo, hi)} for y in span]
        if any(H.nodes[n].get("year") is None for n in keep):
            legend.append({"label": "year unknown", "color": OTHER_COLOR})
    else:
        members: dict[Any, list[int]] = {g: [] for g in groups}
        others = []
        for n in keep:
            (members[group_of[n]] if group_of.get(n) in group_color else others).append(index[n])
        legend = [{"label": g, "color": group_color[g], "count": len(members[g]), "members": members[g]} for g in groups]
        if others:
            label = "other" if color == "community" else "no family / other"
            legend.append({"label": label, "color": OTHER_COLOR, "count": len(others), "members": others})
    for item in legend:
        item["label"] = _clip(item["label"], 60)
    title = {"year": "Year", "community": "Community", "family": "Model family"}[color]
    size_names = {"pagerank": "PageRank", "citations": "citations", "influential": "influential citations",
                  "indegree": "citations in this graph"}
    return {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeKinds": kinds,
        "edgeInfo": edge_info,
        "legend": {"title": title, "items": legend, "size": size_names.get(size, size)},
        "axis": axis,
        "sections": sections,
        "years": [lo, hi] if years else None,
        "layout": layout,
        "color": color,
        "note": note,
        "total": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()},
        "edgeStyle": EDGE_STYLE,
        "showCites": kinds.count("cites") <= CITES_SHOWN,
        "options": _vis_options(len(edges) > _BIG or len(nodes) > _BIG),
    }


def _top_groups(H: nx.DiGraph, group_of: dict[Hashable, Any]) -> list[Any]:
    """Groups with two or more papers, the largest first, as many as there are colours,
    then put in order of their first year (so bands read oldest first)."""
    counts: dict[Any, int] = {}
    first: dict[Any, int] = {}
    for n, d in H.nodes(data=True):
        g = group_of.get(n)
        if g is not None:
            counts[g] = counts.get(g, 0) + 1
            first[g] = min(first.get(g, 9999), int(d.get("year") or 9999))
    top = [g for g in sorted(counts, key=lambda g: (-counts[g], str(g))) if counts[g] > 1][: len(PALETTE)]
    return sorted(top, key=lambda g: (first[g], -counts[g], str(g)))


def _time_layout(
    H: nx.DiGraph,
    band_group: dict[Hashable, Any],
    band_keys: list[Any],
    color: str,
    pagerank: dict[Hashable, float],
    radius: dict[Hashable, float],
    labels: dict[Hashable, str],
) -> tuple[dict[Hashable, tuple[float, float]], dict[str, Any]]:
    """Time layout positions, with a band per group and two for the other papers."""
    other_listed, other_outside = "\x00listed", "\x00outside"
    keys = set(band_keys)

    def band_of(n: Hashable) -> Any:
        g = band_group.get(n)
        if g in keys:
            return g
        return other_listed if H.nodes[n].get("listed") else other_outside

    rest = "smaller communities" if color == "community" else "no family"
    band_labels = {k: str(k) for k in band_keys}
    band_labels[other_listed] = f"listed papers · {rest}"
    band_labels[other_outside] = f"papers outside the lists · {rest}"
    pos, axis = _layout.time_layout(
        H,
        {n: band_of(n) for n in H},
        list(band_keys) + [other_listed, other_outside],
        pagerank,
        size=radius,
        label={n: _label_box(labels[n], 14 if H.nodes[n].get("listed") else 10) for n in H},
        band_labels=band_labels,
    )
    axis["years"] = {str(y): x for y, x in axis["years"].items()}
    return pos, axis


def _section_paths(H: nx.DiGraph) -> list[str]:
    """Every list section and its parents ("A / B" gives "A" too): choosing "A" shows all of A."""
    tags = {str(t) for _, d in H.nodes(data=True) for t in (d.get("tags") or []) if t}
    return sorted({" / ".join(t.split(" / ")[:k]) for t in tags for k in range(1, t.count(" / ") + 2)})


def _edge_items(H: nx.DiGraph, index: dict[Hashable, int]) -> tuple[list[dict], list[str], dict[str, dict]]:
    """vis-network edges (citations take the default style), their kinds, and tooltip data."""
    edges, kinds, edge_info = [], [], {}
    for u, v, d in H.edges(data=True):
        i = len(edges)
        kind = d.get("kind") or "cites"
        item: dict[str, Any] = {"id": i, "from": index[u], "to": index[v]}
        if kind != "cites":
            style = EDGE_STYLE.get(kind, EDGE_STYLE["cites"])
            item.update(color={"color": style["color"], "opacity": 1.0}, width=style["width"])
            if style["dashes"]:
                item["dashes"] = style["dashes"]
        edges.append(item)
        kinds.append(kind)
        extra = _edge_info(d)
        if extra:
            edge_info[str(i)] = extra
    return edges, kinds, edge_info


def _vis_options(big: bool) -> dict[str, Any]:
    """vis-network options: no physics (positions are given), lighter drawing when big."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "hoverConnectedEdges": not big,
            "selectConnectedEdges": False,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "tooltipDelay": 120,
            "zoomSpeed": 0.7,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {
                "size": 14,
                "face": "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif",
                "color": "#1d2125",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            # A label is drawn only once it would be at least 5 px tall on screen.
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "arrowStrikethrough": False,
            "color": {"color": EDGE_STYLE["cites"]["color"], "highlight": "#343a40", "hover": "#343a40", "opacity": 0.2 if big else 0.3},
            "width": EDGE_STYLE["cites"]["width"],
            "selectionWidth": 1.5,
            "hoverWidth": 0.6,
            "smooth": False if big else {"enabled": True, "type": "curvedCW", "roundness": 0.12},
        },
    }


# ------------------------------------------------------------------ HTML


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``..., so no string can close the tag
    or open a comment, and U+2028/U+2029 are escaped as older parsers want.

    >>> script_json({"t": "</script><script>alert(1)</script>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _plain(value: Any) -> Any:
    """numpy/pandas scalars and sets as JSON values (NaN as null)."""
    if hasattr(value, "item"):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str)
    raise TypeError(f"cannot put {type(value).__name__} into the page")


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, as shipped inside pyvis."""
    import importlib.util

    # Found, not imported: importing pyvis imports pyvis.network and with it
    # IPython (~0.3 s of every `citegraph report`), for two static files.
    spec = importlib.util.find_spec("pyvis")
    if spec is not None and spec.submodule_search_locations:
        root = Path(list(spec.submodule_search_locations)[0])
    else:
        import pyvis  # not found as a package: the import says why (ModuleNotFoundError)

        root = Path(pyvis.__file__).parent
    lib = root / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> str:
    """Check that trusted asset text cannot end its ``<script>``/``<style>`` early."""
    if f"</{tag}" in text.lower():
        raise RuntimeError(f"an inlined asset contains '</{tag}'")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_html(data: dict[str, Any], *, title: str = "citegraph") -> str:
    """The page for ``data`` (from :func:`explorer_data`) as one HTML string.

    The vis-network items and options of ``data`` go into the page as they
    are, with vis-network's own script and stylesheet (shipped inside pyvis);
    the page is citegraph's own template (pyvis's pulls Bootstrap from a CDN
    and renders tooltips as HTML).  pyvis's ``Network`` is not used: handed
    the items whole (its ``add_nodes`` is quadratic) it only gave them back,
    and importing it imports IPython.
    """
    payload = data

    vis_js, vis_css = _vis_assets()
    page_js = (_ASSETS / "explorer.js").read_text(encoding="utf-8")
    page_css = (_ASSETS / "explorer.css").read_text(encoding="utf-8")
    vis_js, page_js = _inline(vis_js, "script"), _inline(page_js, "script")
    vis_css, page_css = _inline(vis_css, "style"), _inline(page_css, "style")
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(vis_js)} {_sha256(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    template = string.Template((_ASSETS / "explorer.html").read_text(encoding="utf-8"))
    import html as _html

    return template.substitute(
        csp=_html.escape(csp),
        title=_html.escape(title),
        vis_css=vis_css,
        page_css=page_css,
        data=script_json(payload),
        vis_js=vis_js,
        page_js=page_js,
    )


def write_html(
    G: nx.DiGraph,
    path: str | os.PathLike[str],
    *,
    color: str = "family",
    size: str = "pagerank",
    layout: str = "time",
    max_nodes: int = MAX_NODES,
    title: str | None = None,
    seed: int = 0,
    links: list[dict[str, Any]] | None = None,
) -> HtmlResult:
    """Write the interactive explorer for ``G`` to ``path`` (one offline HTML file).

    Parameters are those of :func:`explorer_data`; ``title`` names the page
    (default: ``citegraph`` and the file name).

    Returns
    -------
    HtmlResult
        Where it was written, how many papers and links it shows out of how
        many, its size, and what was left out when the graph was too large.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(); _ = add_paper(G, "p", title="<b>Chameleon</b>", year=2024)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> result = write_html(G, out)
    >>> result.nodes, "<b>Chameleon" in out.read_text(), "\\\\u003cb\\\\u003eChameleon" in out.read_text()
    (1, False, True)
    """
    path = Path(path)
    data = explorer_data(G, color=color, size=size, layout=layout, max_nodes=max_nodes, seed=seed, links=links)
    page = render_html(data, title=title or f"citegraph · {path.stem}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a page is meant to be opened and shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return HtmlResult(
        path=path,
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        total_nodes=G.number_of_nodes(),
        total_edges=G.number_of_edges(),
        bytes=path.stat().st_size,
        note=data["note"],
    )
