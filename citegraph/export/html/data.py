"""What the explorer draws: which papers, their names, sizes, colours and links.

:func:`explorer_data` turns a graph, plus the values the caller has already
computed (rankings, lineage links, families, communities), into JSON-ready
data: vis-network items with positions (from :mod:`.layout` and
:mod:`citegraph.export.forest`), each paper's tooltip record, the legend
and the views.  Above ``max_nodes`` papers it keeps both ends of every lineage link, the
listed papers by PageRank, then the others by PageRank, and says so.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from collections.abc import Hashable, Iterable, Mapping
from urllib.parse import quote

import networkx as nx
import pandas as pd

from citegraph.analysis.communities import communities as find_communities
from citegraph.analysis.lineage import families as find_families
from citegraph.analysis.lineage import successors
from citegraph.analysis.rank import rank_papers
from citegraph.analysis.scores import pagerank_scores
from citegraph.errors import UsageError
from citegraph.export.forest import forest_layout
from citegraph.export.html import geometry
from citegraph.export.html import layout as _layout
from citegraph.export.palette import OTHER_COLOR, PALETTE
from citegraph.graph.matrix import citation_matrix
from citegraph.graph.model import has_kind
from citegraph.text.names import paper_name
from citegraph.text.wording import one_line, plural

__all__ = [
    "COLOR_BY",
    "LAYOUTS",
    "SIZE_BY",
    "MAX_NODES",
    "CITES_SHOWN",
    "EDGE_STYLE",
    "FONT_FACE",
    "explorer_data",
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
# The gentle curve of every link on small pages (big ones draw straight lines).
_SMOOTH = ("curvedCW", 0.12)

# viridis, sampled; years are coloured by interpolating it.
_VIRIDIS = ("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725")
EDGE_STYLE = {
    "cites": {"color": "#8a939c", "width": 0.8, "dashes": False},
    # Lighter than lineage: the list's text names many papers, and a full-strength
    # dashed web hides the lineage links.
    "mentions": {"color": "#5c7cfa", "width": 1.3, "dashes": [5, 5], "opacity": 0.55},
    "builds_on": {"color": "#212529", "width": 3.2, "dashes": False},
}
_MAX_TEXT = 400
# Label sizes: listed papers from _FONT_MIN (the least important) to _FONT_MAX px,
# papers from outside the lists _FONT_OUTSIDE; the white outline round each label.
_FONT_MIN, _FONT_MAX, _FONT_OUTSIDE = 11, 18, 10
# Canvas labels and the page (explorer.css) share this stack: its CJK fallbacks
# draw Chinese and Japanese section names and titles instead of empty boxes.
FONT_FACE = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", Arial, sans-serif'
)


# ------------------------------------------------------------------ measures


def _pagerank(G: nx.DiGraph, rankings: Any | None) -> dict[Hashable, float]:
    """PageRank (credit flowing from citing to cited paper): the ``rankings`` frame's, else computed."""
    if rankings is not None and "pagerank" in rankings:
        return {n: float(v) for n, v in zip(rankings["id"], rankings["pagerank"].astype(float))}
    if G.number_of_edges() == 0:
        return {n: 1.0 / max(1, len(G)) for n in G}
    M = citation_matrix(G)
    return dict(zip(M.ids.tolist(), pagerank_scores(M).tolist()))


# Numeric rank_papers columns that are labels, not sizes.
_NOT_SIZES = {"id", "pagerank", "year", "community", "corpus_id"}


def _measure(G: nx.DiGraph, size: str, pagerank: dict[Hashable, float], rankings: Any | None) -> dict[Hashable, float]:
    """The values that size the dots."""
    if size == "pagerank":
        return pagerank
    if size in ("citations", "influential"):
        attr = "citation_count" if size == "citations" else "influential_citation_count"
        return {n: float(d.get(attr) or 0) for n, d in G.nodes(data=True)}
    if size == "indegree":
        return {n: float(k) for n, k in G.in_degree()}
    # Any other numeric column of rank_papers (citerank, hits_authority, ...).
    frame = rankings if rankings is not None else rank_papers(G)
    extra = [c for c in frame.columns if c not in _NOT_SIZES and frame[c].dtype.kind in "iuf"]
    extra += [c for c in frame.columns if c not in _NOT_SIZES and c not in extra
              and str(frame[c].dtype) in ("Int64", "Float64")]
    if size in extra:
        return {n: float(v) for n, v in zip(frame["id"], frame[size].astype("Float64").fillna(0))}
    raise UsageError(f"--size must be one of {', '.join(SIZE_BY + tuple(extra))}, not {size!r}")


def _percentiles(values: dict[Hashable, float]) -> dict[Hashable, float]:
    """Rank of each value in 0..1 (ties share their mean rank); robust to heavy tails."""
    if not values:
        return {}
    series = pd.Series(values, dtype=float)
    if series.nunique() <= 1:
        return dict.fromkeys(values, 0.5)
    pct = (series.rank(method="average") - 1) / (len(series) - 1)
    return pct.to_dict()


# ------------------------------------------------------------------ groups


def _family_of(H: nx.DiGraph, family_members: Mapping[str, Iterable[Hashable]]) -> dict[Hashable, str]:
    """``{paper: family name}`` for the papers of ``H``."""
    return {n: fam for fam, members in family_members.items() for n in members if n in H}


def _community_of(H: nx.DiGraph, seed: int) -> dict[Hashable, str]:
    """``{paper: community label}`` of the papers drawn."""
    frame = find_communities(H, seed=seed)
    col = "community_label" if "community_label" in frame else "community"
    return {n: str(c) for n, c in zip(frame["id"], frame[col])}


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


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _select(G: nx.DiGraph, rank: dict[Hashable, int], max_nodes: int) -> tuple[list[Hashable], str | None]:
    """The papers to draw: all of them, or (in this order) both ends of every lineage
    link, the listed papers by PageRank, then the others by PageRank.

    When the lineage papers alone are more than ``max_nodes``, the links are
    taken most confident first, a link only when both its ends fit.  ``rank``
    is each paper's place by PageRank (1 for the highest).
    """
    if len(G) <= max_nodes:
        return list(G), None
    links = [(u, v, float(d.get("confidence") or 0.0)) for u, v, d in G.edges(data=True)
             if has_kind(d, "builds_on") and u != v]
    lineage = {n for u, v, _ in links for n in (u, v)}
    keep: dict[Hashable, None] = {}  # ordered set
    links_kept = 0
    if len(lineage) <= max_nodes:
        keep.update(dict.fromkeys(sorted(lineage, key=rank.__getitem__)))
        links_kept = len(links)
    else:
        for u, v, _ in sorted(links, key=lambda e: (-e[2], min(rank[e[0]], rank[e[1]]))):
            new = [n for n in (u, v) if n not in keep]
            if len(keep) + len(new) <= max_nodes:
                keep.update(dict.fromkeys(new))
                links_kept += 1
    listed = [n for n, d in G.nodes(data=True) if d.get("listed") and n not in lineage]
    others = [n for n in G if n not in lineage and not G.nodes[n].get("listed")]
    n_listed = min(len(listed), max_nodes - len(keep))
    keep.update(dict.fromkeys(sorted(listed, key=rank.__getitem__)[:n_listed]))
    n_others = min(len(others), max_nodes - len(keep))
    keep.update(dict.fromkeys(sorted(others, key=rank.__getitem__)[:n_others]))

    parts, left_out = [], []
    if links_kept == len(links) and links:
        parts.append(f"the {plural(len(lineage), 'paper')} in lineage links")
    elif links:
        n_lin = sum(1 for n in keep if n in lineage)
        parts.append(f"the {plural(n_lin, 'paper')} of the {links_kept:,} most confident of "
                     f"{plural(len(links), 'lineage link')}")
        left_out.append(plural(len(links) - links_kept, "lineage link"))
    if n_listed:
        kind = "other listed paper" if lineage else "listed paper"
        if n_listed == len(listed):
            parts.append(f"all {plural(n_listed, kind)}" if n_listed > 1 else f"the {kind}")
        else:
            parts.append(f"the top {n_listed:,} of the {plural(len(listed), kind)} by PageRank")
    if n_listed < len(listed):
        left_out.append(plural(len(listed) - n_listed, "listed paper"))
    if n_others:
        parts.append(f"the top {plural(n_others, 'other paper' if parts else 'paper')} by PageRank")
    note = f"Showing {len(keep):,} of {len(G):,} papers (more than max_nodes={max_nodes:,}): " + _and(parts) + "."
    if left_out:
        note += f" Left out: {_and(left_out)}."
    return list(keep), note


# ------------------------------------------------------------------ node data


def _clip(text: Any, limit: int = _MAX_TEXT) -> str | None:
    return None if text is None else one_line(str(text), limit)


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
    name = paper_name(d)
    return (_clip(name, 40) or "") if name else _short_title(d.get("title"))


def _links(d: dict[str, Any]) -> list[list[str]]:
    """``[[site, https URL], ...]`` built from ids, percent-encoded."""
    links = []
    if d.get("arxiv"):
        links.append(["arXiv", "https://arxiv.org/abs/" + quote(str(d["arxiv"]), safe="./")])
    if d.get("paper_id"):
        url = "https://www.semanticscholar.org/paper/" + quote(str(d["paper_id"]), safe="")
        links.append(["Semantic Scholar", url])
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
    if d.get("lineage_kind"):
        out["lk"] = _clip(d["lineage_kind"], 40)
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
    rankings: Any | None = None,
    families: Mapping[str, Iterable[Hashable]] | None = None,
    communities: Mapping[Hashable, Any] | None = None,
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
    links, rankings, families, communities
        What the caller has computed already, drawn as given (each is worked
        out here when absent): ``lineage.successors(G)``, the
        ``rank_papers(G)`` frame (its ``pagerank`` column sizes and picks the
        papers), ``lineage.families(G)`` (``{family: [paper ids]}``) and
        ``{paper id: community label}``.

    Returns
    -------
    dict
        ``nodes``/``edges`` (vis-network items; node ids are indices into
        ``info``, which holds each paper's tooltip data), ``edgeKinds``,
        ``edgeInfo``, ``legend``, ``axis`` (time layout), ``sections``,
        ``years``, ``options`` (vis-network), ``showCites`` (whether citation
        links are drawn at first: not above ``CITES_SHOWN``), ``view`` (the box
        ``[x0, y0, x1, y1]`` of the listed papers the first view frames, or
        ``None``), ``note`` and counts.  ``legend`` holds the colour groups and
        the kinds of paper (``papers``: ``listed``/``outside``) and link
        (``links``) present, which are all the legend shows.

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
    'Showing 3 of 5 papers (more than max_nodes=3): the top 3 papers by PageRank.'
    """
    if color not in COLOR_BY:
        raise UsageError(f"--color must be one of {', '.join(COLOR_BY)}, not {color!r}")
    if layout not in LAYOUTS:
        raise UsageError(f"--layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes must be at least 1, not {max_nodes}")
    pagerank = _pagerank(G, rankings)
    measure = _measure(G, size, pagerank, rankings)
    order = sorted(G, key=lambda n: (-pagerank.get(n, 0.0), str(n)))
    rank_of = {n: i + 1 for i, n in enumerate(order)}
    keep, note = _select(G, rank_of, max_nodes)
    # A copy, not a view: views filter on every lookup, and H is read many times.
    H = G if note is None else G.subgraph(keep).copy()
    pct = _percentiles({n: measure.get(n, 0.0) for n in keep})
    radius = {n: round(5.0 + 21.0 * pct[n] ** 2, 1) for n in keep}
    # Listed papers, named models and the top tenth carry a label; the rest
    # show theirs on hover, which keeps the crowd of cited papers quiet.
    top_tenth = set(sorted(keep, key=lambda n: -measure.get(n, 0.0))[: max(1, len(keep) // 10)])
    labels = {
        n: _label(G.nodes[n]) if G.nodes[n].get("listed") or G.nodes[n].get("name") or n in top_tenth else ""
        for n in keep
    }
    # Among listed papers the more important get larger names: in a view of
    # hundreds of papers theirs are the ones big enough to read (vis draws a
    # label once it is 6 px tall), the rest appear as one zooms in.
    # Papers in lineage links, whose names the lineage reads by, get 14 px at least.
    listed_pct = _percentiles({n: measure.get(n, 0.0) for n in keep if G.nodes[n].get("listed")})
    in_lineage = {n for u, v, d in H.edges(data=True) if has_kind(d, "builds_on") for n in (u, v)}
    font = {n: round(_FONT_MIN + (_FONT_MAX - _FONT_MIN) * listed_pct[n] ** 2) if n in listed_pct else _FONT_OUTSIDE
            for n in keep}
    font.update({n: max(font[n], 14) for n in in_lineage if n in listed_pct})
    # Each name's (width, height) on the canvas, (0, 0) without one: the layout
    # makes room for names, and lineage links bend round them.
    boxes = {n: geometry.label_box(labels[n], font[n]) for n in keep}

    # Families and communities of the papers drawn: every lineage link is drawn,
    # so families lose nothing, and a 20,000-paper graph costs what 5,000 do.
    if links is None:
        links = successors(H)
    if families is None:
        families = find_families(H, links=links)
    family = _family_of(H, families)
    if color == "community":
        group_of = ({n: str(communities[n]) for n in H if n in communities} if communities is not None
                    else _community_of(H, seed))
    else:
        group_of = family
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
        pos, axis = _time_layout(H, band_group, band_keys, color, pagerank, radius, boxes)
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
            "x": pos[n][0],
            "y": pos[n][1],
            "size": radius[n],
            # Listed papers are filled; papers pulled in from outside are rings.
            "color": {"background": c if listed else _mix(c, "#ffffff", 0.82),
                      "border": _mix(c, "#000000", 0.25) if listed else c},
        }
        if labels[n]:
            item["label"] = labels[n]
            if listed and font[n] != 14:
                item["font"] = {"size": font[n]}
        if not listed:
            # Ring width and a smaller grey label come from the group (options.groups):
            # said once instead of on thousands of papers.
            item["group"] = "outside"
        nodes.append(item)
        rec = _info(d, n, section_index)
        rec["rk"] = rank_of[n]
        if group_of.get(n) is not None and color == "community":
            rec["cm"] = _clip(group_of[n], 80)
        if family.get(n) is not None:
            rec["f"] = _clip(family[n], 80)
        rec["m"] = measure.get(n, 0.0)
        info.append(rec)
    big = H.number_of_edges() > _BIG or len(keep) > _BIG
    edges, kinds, edge_info = _edge_items(H, index, pos, radius, None if big else _SMOOTH, boxes)

    if color == "year":
        span = years if len(years) <= 14 else [years[round(i * (len(years) - 1) / 8)] for i in range(9)]
        legend: list[dict[str, Any]] = [{"label": str(y), "color": _year_color(y, lo, hi)} for y in span]
        if any(H.nodes[n].get("year") is None for n in keep):
            legend.append({"label": "year unknown", "color": OTHER_COLOR})
    else:
        members: dict[Any, list[int]] = {g: [] for g in groups}
        others: list[int] = []
        for n in keep:
            (members[group_of[n]] if group_of.get(n) in group_color else others).append(index[n])
        legend = [{"label": g, "color": group_color[g], "count": len(members[g]), "members": members[g]}
                  for g in groups]
        if others:
            label = "other" if color == "community" else "no family / other"
            legend.append({"label": label, "color": OTHER_COLOR, "count": len(others), "members": others})
    for item in legend:
        item["label"] = _clip(item["label"], 60)
    title = {"year": "Year", "community": "Community", "family": "Model family"}[color]
    size_names = {"pagerank": "PageRank", "citations": "citations", "influential": "influential citations",
                  "indegree": "citations in this graph"}
    present = set(kinds)
    return {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeKinds": kinds,
        "edgeInfo": edge_info,
        "legend": {
            "title": title,
            "items": legend,
            "size": size_names.get(size, size),
            # Only the kinds of paper and link drawn here.
            "papers": [k for k, on in (("listed", any(i.get("l") for i in info)),
                                        ("outside", not all(i.get("l") for i in info))) if on],
            "links": [k for k in ("cites", "builds_on", "mentions") if k in present]
            + sorted(present - {"cites", "builds_on", "mentions"}),
        },
        "axis": axis,
        "view": axis.pop("view") if axis else None,
        "sections": sections,
        "years": [lo, hi] if years else None,
        "layout": layout,
        "color": color,
        "note": note,
        "total": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()},
        "edgeStyle": EDGE_STYLE,
        "fontFace": FONT_FACE,
        "showCites": kinds.count("cites") <= CITES_SHOWN,
        "options": _vis_options(big),
        "views": _views(H, keep, index, rank_of, labels),
    }


# The forest views' names: on screen at least 12 px at the first fit (the page
# fits their box no smaller than that), boxes as wide as the name.
FOREST_FONT = 14
_FOREST_LABEL = 26
_FIRST_EXTRA, _FIRST_MIN = 8, 30


def _forest(H: nx.DiGraph, ids: list[Hashable], index: dict[Hashable, int], singles: list[Hashable],
            labels: dict[Hashable, str], lineage: list[tuple[Hashable, Hashable]]) -> dict[str, Any]:
    """One forest view: the papers' indices, box centres, names and the time axis.

    ``lineage`` is the graph's lineage links as ``(parent, child)``.
    """
    names = {n: _clip(H.nodes[n].get("name"), _FOREST_LABEL) or _short_title(H.nodes[n].get("title"))
             if not labels.get(n) or len(labels[n]) > _FOREST_LABEL else labels[n] for n in ids}
    year = {n: (int(H.nodes[n]["year"]) if H.nodes[n].get("year") is not None else None) for n in ids}
    order = {n: _layout.year_fraction(H.nodes[n]) or 0.0 for n in ids}
    f = forest_layout(year, lineage, lambda n: geometry.name_box(names[n], FOREST_FONT), order=order,
                      singles=singles, font=FOREST_FONT)
    return {
        "ids": [index[n] for n in ids],
        "x": [f.pos[n][0] for n in ids],
        "y": [f.pos[n][1] for n in ids],
        "label": [names[n] for n in ids],
        "years": f.years,
        "breaks": f.breaks,
        "font": FOREST_FONT,
        "box": [0.0, 0.0, f.width, f.height],
    }


def _views(H: nx.DiGraph, keep: list[Hashable], index: dict[Hashable, int], rank: dict[Hashable, int],
           labels: dict[Hashable, str]) -> dict[str, Any]:
    """The lineage view (the lineage forest) and the first view (it plus the most influential listed papers)."""
    pairs = [(v, u) for u, v, d in H.edges(data=True) if has_kind(d, "builds_on") and u != v]
    ends = {n for pair in pairs for n in pair}
    by_rank = sorted(keep, key=rank.__getitem__)
    lineage = [n for n in by_rank if n in ends]
    listed = [n for n in by_rank if n not in ends and H.nodes[n].get("listed")] or [n for n in by_rank if n not in ends]
    extra = listed[: max(_FIRST_EXTRA, _FIRST_MIN - len(lineage))]
    return {
        "lineage": _forest(H, lineage, index, [], labels, pairs) if lineage else None,
        "first": _forest(H, lineage + extra, index, extra, labels, pairs) if lineage or extra else None,
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
    boxes: dict[Hashable, tuple[float, float]],
) -> tuple[dict[Hashable, tuple[float, float]], dict[str, Any]]:
    """Time layout positions, with a band per group and two for the other papers (``boxes``: the names' sizes)."""
    other_listed, other_outside = "\x00listed", "\x00outside"
    keys = set(band_keys)

    def band_of(n: Hashable) -> Any:
        g = band_group.get(n)
        if g in keys:
            return g
        return other_listed if H.nodes[n].get("listed") else other_outside

    band_labels = {k: str(k) for k in band_keys}
    # Short: band names take the page's left gutter.
    band_labels[other_listed] = "listed · smaller communities" if color == "community" else "listed · no family"
    band_labels[other_outside] = "outside · smaller communities" if color == "community" else "outside the lists"
    pos, axis = _layout.time_layout(
        H,
        {n: band_of(n) for n in H},
        list(band_keys) + [other_listed, other_outside],
        pagerank,
        size=radius,
        label=boxes,
        band_labels=band_labels,
        # Years are grouped into columns by their papers, a listed paper
        # counting as four: the years of the lists keep a column each.
        weight={n: 4.0 if d.get("listed") else 1.0 for n, d in H.nodes(data=True)},
        # The first view shows the lists' papers of the latest years.
        focus=[n for n, d in H.nodes(data=True) if d.get("listed")],
    )
    axis["years"] = {str(y): x for y, x in axis["years"].items()}
    return pos, axis


def _section_paths(H: nx.DiGraph) -> list[str]:
    """Every list section and its parents ("A / B" gives "A" too): choosing "A" shows all of A."""
    tags = {str(t) for _, d in H.nodes(data=True) for t in (d.get("tags") or []) if t}
    return sorted({" / ".join(t.split(" / ")[:k]) for t in tags for k in range(1, t.count(" / ") + 2)})


def _edge_items(
    H: nx.DiGraph,
    index: dict[Hashable, int],
    pos: dict[Hashable, tuple[float, float]],
    radius: dict[Hashable, float],
    base: tuple[str, float] | None,
    label_box: dict[Hashable, tuple[float, float]],
) -> tuple[list[dict], list[str], dict[str, dict]]:
    """vis-network edges (citations take the default style), their kinds, and tooltip data.

    A lineage link whose line would run through other dots (and so read as
    a chain through them) or through a paper's name (``label_box``: each
    label's width and height) is bent round them (see :func:`~citegraph.export.html.geometry.bends`).
    """
    edges: list[dict[str, Any]] = []
    kinds: list[str] = []
    edge_info: dict[str, dict[str, Any]] = {}
    lineage = [(u, v) for u, v, d in H.edges(data=True) if (d.get("kind") or "cites") == "builds_on"]
    bends = geometry.bends(lineage, pos, radius, base, label_box)
    for u, v, d in H.edges(data=True):
        i = len(edges)
        kind = d.get("kind") or "cites"
        item: dict[str, Any] = {"id": i, "from": index[u], "to": index[v]}
        if kind != "cites":
            style = EDGE_STYLE.get(kind, EDGE_STYLE["cites"])
            item.update(color={"color": style["color"], "opacity": style.get("opacity", 1.0)}, width=style["width"])
            if style["dashes"]:
                item["dashes"] = style["dashes"]
            if kind == "builds_on":
                # The edge runs child → parent; the arrow reads parent → child, as lineage.md does.
                item["arrows"] = {"to": {"enabled": False}, "from": {"enabled": True, "scaleFactor": 0.6}}
        if (u, v) in bends:
            shape = bends[(u, v)]
            item["smooth"] = ({"enabled": False} if shape is None
                              else {"enabled": True, "type": shape[0], "roundness": shape[1]})
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
                "face": FONT_FACE,
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
            "color": {"color": EDGE_STYLE["cites"]["color"], "highlight": "#343a40", "hover": "#343a40",
                      "opacity": 0.2 if big else 0.3},
            "width": EDGE_STYLE["cites"]["width"],
            "selectionWidth": 1.5,
            "hoverWidth": 0.6,
            "smooth": False if big else {"enabled": True, "type": _SMOOTH[0], "roundness": _SMOOTH[1]},
        },
        "groups": {"useDefaultGroups": False, "outside": {"borderWidth": 2, "font": {"size": 10, "color": "#5f676e"}}},
    }
