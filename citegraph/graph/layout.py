"""Node positions for the HTML explorer, computed in Python.

The page never runs a physics simulation: in headless Chromium vis-network
needed 57 s to stabilise 500 nodes and did not finish 2,000 in five minutes,
while precomputed positions open 10,000 nodes in seconds.  So both layouts
are computed here and the page only draws them.

* :func:`time_layout`: time flows left to right (one column per year) and
  each group (model family, community) gets its own horizontal band, so a
  family's history reads as one row.
* :func:`force_layout`: a Fruchterman-Reingold layout by igraph (C code:
  5,000 nodes in under a second, where networkx's ``spring_layout`` takes
  100 s), scaled to screen pixels.

Examples
--------
>>> import networkx as nx
>>> G = nx.DiGraph([("b", "a"), ("c", "a")])
>>> G.nodes["a"]["year"], G.nodes["b"]["year"], G.nodes["c"]["year"] = 2020, 2021, 2021
>>> pos, axis = time_layout(G, {"a": "F", "b": "F", "c": "F"}, ["F"], {"a": 3, "b": 2, "c": 1})
>>> pos["a"][0] < min(pos["b"][0], pos["c"][0])   # 2020 left of 2021
True
>>> [b["key"] for b in axis["bands"]], sorted(axis["years"])
(['F'], [2020, 2021])
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from typing import Any, Hashable, Mapping, Sequence

import networkx as nx
import numpy as np

__all__ = ["YEAR_WIDTH", "time_layout", "force_layout"]

YEAR_WIDTH = 230.0
# Space around a dot and its label, and between two bands.
_PAD = 10.0
_BAND_GAP = 56.0


def _month(d: Mapping[str, Any]) -> float | None:
    """Fraction of the year a paper appeared in, from a new-style arXiv id (``2405.09818`` → May)."""
    m = re.match(r"(\d{2})(\d{2})\.\d{4,5}", str(d.get("arxiv") or ""))
    if m and 1 <= int(m.group(2)) <= 12:
        return (int(m.group(2)) - 0.5) / 12
    return None


def _cell(
    members: Sequence[Hashable],
    score: Mapping[Hashable, float],
    size: Mapping[Hashable, float],
    label: Mapping[Hashable, tuple[float, float]],
    when: Mapping[Hashable, float | None],
    width: float,
) -> tuple[dict[Hashable, tuple[float, float]], float]:
    """Offsets of the dots of one (band, year) cell and the cell's height.

    The papers flow into rows of at most ``width``, the most important first,
    each taking the room of its dot or its label, whichever is wider, so no
    two labels overlap.  Inside a row they are in date order: time flows left
    to right inside a year too.
    """
    def by_score(n: Hashable) -> tuple[float, str]:
        return (-score.get(n, 0.0), str(n))

    def by_time(n: Hashable) -> tuple[float, float, str]:
        t = when.get(n)
        return (0.5 if t is None else t, -score.get(n, 0.0), str(n))

    radius = {n: float(size.get(n, 10.0)) for n in members}
    room = {n: max(2 * radius[n], label.get(n, (0.0, 0.0))[0]) + _PAD for n in members}
    rows: list[list[Hashable]] = [[]]
    used = 0.0
    for n in sorted(members, key=by_score):
        if rows[-1] and used + room[n] > width:
            rows.append([])
            used = 0.0
        rows[-1].append(n)
        used += room[n]
    offsets: dict[Hashable, tuple[float, float]] = {}
    top = 0.0
    for row in rows:
        r = max(radius[n] for n in row)
        x = -sum(room[n] for n in row) / 2
        for n in sorted(row, key=by_time):
            offsets[n] = (x + room[n] / 2, top + r)
            x += room[n]
        top += 2 * r + max(label.get(n, (0.0, 0.0))[1] for n in row) + _PAD
    return offsets, top


def time_layout(
    G: nx.DiGraph,
    band: Mapping[Hashable, Hashable],
    band_order: Sequence[Hashable],
    score: Mapping[Hashable, float],
    *,
    size: Mapping[Hashable, float] | None = None,
    label: Mapping[Hashable, tuple[float, float]] | None = None,
    band_labels: Mapping[Hashable, str] | None = None,
) -> tuple[dict[Hashable, tuple[float, float]], dict[str, Any]]:
    """Positions with x from the ``year`` attribute and y from the node's band.

    Parameters
    ----------
    G
        The graph whose nodes to place (edges are not used).
    band
        Band key of each node; bands are stacked top to bottom in ``band_order``.
    band_order
        Every band key, in drawing order.
    score
        Importance of each node: in a column the most important come first (top).
    size
        Dot radius of each node (default 10), so large dots get more room.
    label
        ``(width, height)`` of each node's label, drawn under its dot (default: none).
    band_labels
        Text to show for each band (default ``str(key)``).

    Returns
    -------
    positions, axis
        ``{node: (x, y)}`` and ``{"years": {year: x}, "unknown_year_x": x or None,
        "year_width": w, "bands": [{"key", "label", "top", "bottom"}]}``, what the
        page needs to draw year columns and band labels.  Each year present gets
        a column (years without papers take no room); papers without a year go
        to a column left of the first year.
    """
    size = size or {}
    label = label or {}
    years = sorted({int(d["year"]) for _, d in G.nodes(data=True) if d.get("year") is not None})
    has_unknown = any(d.get("year") is None for _, d in G.nodes(data=True))
    when = {n: _month(d) for n, d in G.nodes(data=True)}
    cells: dict[tuple[Hashable, int | None], list[Hashable]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        y = d.get("year")
        cells[(band[n], None if y is None else int(y))].append(n)
    # One width for every year column: wide enough for the largest cell to be
    # about as wide as it is tall, and for the widest single paper.
    def extent(n: Hashable) -> float:
        return max(2 * float(size.get(n, 10.0)), label.get(n, (0.0, 0.0))[0]) + _PAD

    col_w = max(
        [YEAR_WIDTH - 40.0]
        + [extent(n) for n in G]
        + [math.sqrt(len(m) * sum(extent(n) for n in m) / len(m) * 40.0) for m in cells.values()]
    )
    laid = {key: _cell(members, score, size, label, when, col_w) for key, members in cells.items()}
    col_w += 40.0
    year_x = {yr: i * col_w for i, yr in enumerate(years)}
    unknown_x = (-col_w if years else 0.0) if has_unknown else None

    positions: dict[Hashable, tuple[float, float]] = {}
    bands = []
    top = 0.0
    for key in band_order:
        keys = [k for k in laid if k[0] == key]
        if not keys:
            continue
        height = max(laid[k][1] for k in keys)
        for k in keys:
            x0 = unknown_x if k[1] is None else year_x[k[1]]
            for n, (dx, dy) in laid[k][0].items():
                positions[n] = (round(x0 + dx, 1), round(top + dy, 1))
        text = (band_labels or {}).get(key, str(key))
        bands.append({"key": key, "label": text, "top": top, "bottom": top + height})
        top += height + _BAND_GAP
    axis = {"years": year_x, "unknown_year_x": unknown_x, "year_width": col_w, "bands": bands}
    return positions, axis


def force_layout(G: nx.Graph, *, seed: int = 0, spacing: float = 70.0) -> dict[Hashable, tuple[float, float]]:
    """Fruchterman-Reingold positions (igraph), scaled so nearest neighbours are ``spacing`` px apart.

    Deterministic for a given ``seed``: igraph's random numbers are drawn from
    a generator seeded with it.

    >>> pos = force_layout(nx.path_graph(4), seed=1)
    >>> pos == force_layout(nx.path_graph(4), seed=1), len(pos)
    (True, 4)
    """
    import igraph

    nodes = list(G)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v])
    # igraph draws its start positions from one global generator: seed it for
    # this call, then put back the default.  (Start positions passed in make
    # igraph 10x slower on 5,000 nodes.)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = np.asarray(g.layout_fruchterman_reingold(niter=500).coords, dtype=float)
    finally:
        igraph.set_random_number_generator(random)
    # Force layouts pack hubs tightly: scale until the typical nearest
    # neighbour is ``spacing`` away, so dots and labels get room.
    if len(nodes) > 1:
        from scipy.spatial import cKDTree

        dist, _ = cKDTree(coords).query(coords, k=2)
        typical = float(np.median(dist[:, 1]))
    else:
        typical = 0.0
    scale = spacing / typical if typical > 0 else spacing
    coords = (coords - coords.mean(axis=0)) * scale
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, coords)}
