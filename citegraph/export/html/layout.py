"""Node positions for the HTML explorer, computed in Python, so the page never runs physics.

vis-network's physics does not settle past a few hundred nodes (README: the
explorer); precomputed positions open thousands of papers at once.

* :func:`time_layout`: years left to right, a horizontal band per group (family,
  community); sparse early years share a column (:func:`year_columns`).
* :func:`force_layout`: igraph's Fruchterman-Reingold (compiled), scaled to pixels.
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from typing import Any
from collections.abc import Collection, Hashable, Mapping, Sequence

import networkx as nx
import numpy as np

__all__ = ["MAX_COLUMNS", "YEAR_WIDTH", "time_layout", "year_columns", "force_layout"]

YEAR_WIDTH = 150.0
# Space around a dot and its label, and between two bands.
_PAD = 14.0
_BAND_GAP = 32.0  # band names sit in the page's left gutter, so a gap only separates
_COL_GAP = 40.0
# Typical height of a row of dots, and the width:height a full cell aims at.
_ROW = 40.0
_ASPECT = 3.0
# Width : height of the part of a 1600x1000 window the graph gets (beside band
# labels and legend, under the bars).
_SCREEN = 1.4
# More year columns than this make the page a long thin strip: early sparse
# years are grouped (see year_columns).
MAX_COLUMNS = 16


def year_fraction(d: Mapping[str, Any]) -> float | None:
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


def _span_label(a: int, b: int) -> str:
    """``2024``, ``2017–19`` (same century), ``1998–2003``."""
    if a == b:
        return str(a)
    return f"{a}\u2013{b % 100:02d}" if a // 100 == b // 100 else f"{a}\u2013{b}"


def year_columns(weight: Mapping[int, float], max_columns: int = MAX_COLUMNS) -> list[tuple[int, int]]:
    """Group the years present into at most about ``max_columns`` columns of consecutive years.

    Going back from the latest year, a column closes once it holds a
    ``1 / max_columns`` share of the total ``weight``: heavy (recent, listed)
    years keep a column each, early sparse years share one.  With few years
    every year is its own column.

    >>> year_columns({2023: 5, 2024: 9})
    [(2023, 2023), (2024, 2024)]
    >>> w = {y: 1 for y in range(1950, 2020)} | {2020: 40, 2021: 50}
    >>> cols = year_columns(w, max_columns=6)
    >>> cols[-2:], cols[0][0], len(cols) <= 7
    ([(2020, 2020), (2021, 2021)], 1950, True)
    """
    years = sorted(weight)
    if len(years) <= max_columns:
        return [(y, y) for y in years]
    target = sum(weight.values()) / max_columns
    cols: list[tuple[int, int]] = []
    newest, acc = None, 0.0
    for y in reversed(years):
        newest = y if newest is None else newest
        acc += weight[y]
        if acc >= target:
            cols.append((y, newest))
            newest, acc = None, 0.0
    if newest is not None:
        cols.append((years[0], newest))
    return cols[::-1]


def time_layout(
    G: nx.DiGraph,
    band: Mapping[Hashable, Hashable],
    band_order: Sequence[Hashable],
    score: Mapping[Hashable, float],
    *,
    size: Mapping[Hashable, float] | None = None,
    label: Mapping[Hashable, tuple[float, float]] | None = None,
    band_labels: Mapping[Hashable, str] | None = None,
    weight: Mapping[Hashable, float] | None = None,
    max_columns: int = MAX_COLUMNS,
    focus: Collection[Hashable] = (),
    share: float = 0.8,
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
    weight
        How much each node counts when years are grouped into columns
        (default 1; the explorer counts listed papers more).
    max_columns
        About how many year columns at most (see :func:`year_columns`).
    focus
        The papers a reader comes for (the explorer passes the listed ones).
        When those of the latest columns holding ``share`` of them lie in at
        most half the columns, that part is the first view (``axis["view"]``)
        and the columns are shaped so that it, rather than the whole
        picture, is about as wide as a screen for its height.

    Returns
    -------
    positions, axis
        ``{node: (x, y)}`` and ``{"years": {year: x}, "columns": [{"label",
        "x", "width", "from", "to"}], "unknown_year_x": x or None,
        "unknown_width": w, "year_width": w, "bands": [{"key", "label", "top",
        "bottom"}], "view": [x0, y0, x1, y1] or None}``, what the page needs
        to draw year columns and band labels, and the box the first view
        frames.  Each column is as wide as its papers need (years without
        papers take no room, sparse years are grouped); papers without a year
        go to a column left of the first.

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
    size = size or {}
    label = label or {}
    weight = weight or {}
    year_of = {n: (None if d.get("year") is None else int(d["year"])) for n, d in G.nodes(data=True)}
    per_year: dict[int, float] = defaultdict(float)
    for n, y in year_of.items():
        if y is not None:
            per_year[y] += float(weight.get(n, 1.0))
    spans = year_columns(per_year, max_columns)
    column_of_year = {y: k for k, (a, b) in enumerate(spans) for y in range(a, b + 1)}
    # Inside a cell papers are in date order, across the years of a grouped column too.
    when = {}
    for n, d in G.nodes(data=True):
        m = year_fraction(d)
        y = year_of[n]
        when[n] = (0.0 if y is None else float(y)) + (0.5 if m is None else m)
    cells: dict[tuple[Hashable, int | None], list[Hashable]] = defaultdict(list)
    for n in G:
        y = year_of[n]
        cells[(band[n], None if y is None else column_of_year[y])].append(n)

    def extent(n: Hashable) -> float:
        return max(2 * float(size.get(n, 10.0)), label.get(n, (0.0, 0.0))[0]) + _PAD

    area = {key: (len(m) * _ROW * sum(extent(n) for n in m) / len(m), max(extent(n) for n in m))
            for key, m in cells.items()}
    order = {key: i for i, key in enumerate(band_order)}

    def lay(aspect: float) -> tuple[dict[int | None, float], dict]:
        # Each column is wide enough for its widest paper and for its largest
        # cell to be ``aspect`` times as wide as it is tall.
        width: dict[int | None, float] = defaultdict(lambda: YEAR_WIDTH - _COL_GAP)
        for (_, col), (a, widest) in area.items():
            width[col] = max(width[col], widest, math.sqrt(a * aspect))
        return width, {key: _cell(members, score, size, label, when, width[key[1]]) for key, members in cells.items()}

    # The focus papers of the latest columns: the first view, when they are a
    # small part of the years (else the whole picture is the first view).
    core_cols: set[int] = set()
    focus_col = {n: column_of_year[y] for n in focus if (y := year_of.get(n)) is not None}
    focus = list(focus_col)
    for k in range(len(spans) - 1, -1, -1):
        if not focus or sum(1 for n in focus if focus_col[n] >= k) >= share * len(focus):
            core_cols = set(range(k, len(spans))) if focus else set()
            break
    if len(core_cols) > len(spans) / 2:
        core_cols = set()
    core_bands = {order[b] for (b, col) in cells if col in core_cols}

    def ratio(width: Mapping[int | None, float], laid: Mapping) -> float:
        """Width : height of the first view (the core part, else everything)."""
        heights: dict[int, float] = defaultdict(float)
        for (b, _), (_, h) in laid.items():
            heights[order[b]] = max(heights[order[b]], h)
        if core_cols:
            w = sum(width[k] + _COL_GAP for k in core_cols)
            h = sum(heights[i] + _BAND_GAP for i in range(min(core_bands), max(core_bands) + 1) if i in heights)
        else:
            w = sum(v + _COL_GAP for v in width.values())
            h = sum(v + _BAND_GAP for v in heights.values())
        return w / h if h > 0 else _SCREEN

    # Wide cells suit few bands, tall ones many: the cells' aspect is searched
    # (bisection on its logarithm; the view widens as the cells do) so that
    # the first view is about as wide as a screen for its height.
    lo, hi = math.log(0.5), math.log(12.0)
    width, laid = lay(_ASPECT)
    if cells and abs(math.log(ratio(width, laid) / _SCREEN)) > 0.1:
        for _ in range(7):
            mid = (lo + hi) / 2
            width, laid = lay(math.exp(mid))
            r = ratio(width, laid)
            if abs(math.log(r / _SCREEN)) <= 0.05:
                break
            lo, hi = (mid, hi) if r < _SCREEN else (lo, mid)
    col_x: dict[int, float] = {}
    x = 0.0
    for k in range(len(spans)):
        if k:
            x += (width[k - 1] + width[k]) / 2 + _COL_GAP
        col_x[k] = x
    has_unknown = any(y is None for y in year_of.values())
    unknown_x = None
    if has_unknown:
        unknown_x = -((width[0] if spans else 0.0) + width[None]) / 2 - _COL_GAP if spans else 0.0

    positions: dict[Hashable, tuple[float, float]] = {}
    bands = []
    top = 0.0
    for key in band_order:
        keys = [k for k in laid if k[0] == key]
        if not keys:
            continue
        height = max(laid[k][1] for k in keys)
        for k in keys:
            x0 = unknown_x if k[1] is None else col_x[k[1]]
            for n, (dx, dy) in laid[k][0].items():
                positions[n] = (round(x0 + dx, 1), round(top + dy, 1))
        text = (band_labels or {}).get(key, str(key))
        bands.append({"key": key, "label": text, "top": top, "bottom": top + height})
        top += height + _BAND_GAP
    columns = [
        {"label": _span_label(a, b), "x": col_x[k], "width": width[k] + _COL_GAP, "from": a, "to": b}
        for k, (a, b) in enumerate(spans)
    ]
    axis = {
        "years": {y: col_x[k] for y, k in column_of_year.items() if y in per_year},
        "columns": columns,
        "unknown_year_x": unknown_x,
        "unknown_width": width[None] + _COL_GAP if has_unknown else None,
        "year_width": max([float(c["width"]) for c in columns] or [YEAR_WIDTH]),  # type: ignore[arg-type]
        "bands": bands,
        "view": _view_box([n for n in focus if focus_col[n] in core_cols], positions, size, label),
    }
    return positions, axis


def _view_box(
    core: Sequence[Hashable],
    positions: Mapping[Hashable, tuple[float, float]],
    size: Mapping[Hashable, float],
    label: Mapping[Hashable, tuple[float, float]],
) -> list[float] | None:
    """``[x0, y0, x1, y1]`` around the dots and labels of ``core`` (``None`` when empty)."""
    if not core:
        return None
    r = {n: float(size.get(n, 10.0)) for n in core}
    half = {n: max(r[n], label.get(n, (0.0, 0.0))[0] / 2) for n in core}
    return [
        round(min(positions[n][0] - half[n] for n in core), 1),
        round(min(positions[n][1] - r[n] for n in core), 1),
        round(max(positions[n][0] + half[n] for n in core), 1),
        round(max(positions[n][1] + r[n] + label.get(n, (0.0, 0.0))[1] for n in core), 1),
    ]


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
    # each pair once, in order: a view's edges come from sets, whose order varies run to run
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    g = igraph.Graph(n=len(nodes), edges=sorted(pairs))
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
        typical = float(np.median(np.asarray(dist)[:, 1]))
    else:
        typical = 0.0
    scale = spacing / typical if typical > 0 else spacing
    coords = (coords - coords.mean(axis=0)) * scale
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, coords)}
