"""Geometry of the explorer's drawing: how big a name is, and how lineage links bend.

Positions come from :mod:`citegraph.export.html.layout` (time bands, force)
and :mod:`citegraph.export.forest` (the lineage forest); this module
measures names (:func:`label_box`, :func:`name_box`) and bends a lineage link round the dots
and names its straight line would cross (:func:`bends`).
"""

from __future__ import annotations

import math
from typing import Any
from collections.abc import Hashable

import numpy as np

__all__ = ["STROKE", "label_box", "name_box", "bends", "curve_points", "near_dots"]

# The white outline (px) round each name on the canvas.
STROKE = 4


def label_box(label: str, font: float) -> tuple[float, float]:
    """Estimated (width, height) of a label drawn in a ``font`` px sans-serif with its white outline."""
    if not label:
        return 0.0, 0.0
    return sum(_glyph_em(c) for c in label) * font + STROKE, font * 1.3


def name_box(label: str, font: float) -> tuple[float, float]:
    """(width, height) of a box round a name: the lineage forest's boxes, on the page and in the SVG.

    >>> name_box("Janus", 14)
    (56.28, 25.5)
    """
    return label_box(label, font)[0] + 10.0, font * 1.25 + 8.0


_NARROW = frozenset("ijlI.,:;'|!()[]{}- /")
_WIDE = frozenset("mwMW@%")


def _glyph_em(c: str) -> float:
    """A glyph's width in ems, roughly, in common sans-serif faces (wide ones err large)."""
    if ord(c) > 0x2E80:  # CJK: square glyphs
        return 1.0
    if c in _NARROW:
        return 0.33
    if c in _WIDE:
        return 0.9
    if c.isupper() or c.isdigit():
        return 0.7
    return 0.58


# How far (px) a bent lineage link may stray from the straight line, tried in
# order, each way round: a small bend when it is enough.
_DETOURS = (24.0, 45.0, 75.0, 120.0)
_CLEAR = 12.0  # px a line keeps from a dot it passes: closer, it seems to run into it


def curve_points(p: np.ndarray, q: np.ndarray, shape: tuple[str, float] | None, k: int = 32) -> np.ndarray:
    """Points along the line vis-network draws from ``p`` to ``q`` (its ends left out).

    Curves are quadratic Béziers through the control point vis-network
    computes for ``curvedCW``/``curvedCCW`` with that roundness.
    """
    t = np.linspace(0.0, 1.0, k + 2)[1:-1, None]
    if shape is None:
        return p + (q - p) * t
    kind, r = shape
    dx, dy = q[0] - p[0], p[1] - q[1]
    length = math.hypot(dx, dy)
    angle = (math.atan2(dy, dx) + (0.5 * (r if kind == "curvedCW" else -r) + 0.5) * math.pi) % (2 * math.pi)
    reach = (0.5 * r + 0.5) * length
    via = np.array([p[0] + reach * math.sin(angle), p[1] + reach * math.cos(angle)])
    return (1 - t) ** 2 * p + 2 * (1 - t) * t * via + t**2 * q


# Above this many (lineage links x dots) a k-d tree finds the dots near a
# line faster than slicing them by x, enough to pay for importing scipy.spatial
# (both timed in benchmarks/README.md).
_TREE_ABOVE = 200_000


def near_dots(xy: np.ndarray, reach: float, *, many: bool) -> Any:
    """A function from points to the indices of the dots that may lie within ``reach`` of one of them.

    It may return more (the caller measures), never fewer.
    """
    if many:
        from scipy.spatial import cKDTree

        tree = cKDTree(xy)

        def in_balls(pts: np.ndarray) -> np.ndarray:
            found = tree.query_ball_point(pts, reach)
            return np.fromiter({j for f in found for j in f}, dtype=np.intp)

        return in_balls
    # Dots sorted by x: the points' box (grown by reach) is one slice of them, cut by y.
    order = np.argsort(xy[:, 0], kind="stable")
    xs = xy[order, 0]

    def in_box(pts: np.ndarray) -> np.ndarray:
        (x0, y0), (x1, y1) = pts.min(axis=0) - reach, pts.max(axis=0) + reach
        idx = order[np.searchsorted(xs, x0, "left"):np.searchsorted(xs, x1, "right")]
        return idx[(xy[idx, 1] >= y0) & (xy[idx, 1] <= y1)]

    return in_box


def bends(
    links: list[tuple[Hashable, Hashable]],
    pos: dict[Hashable, tuple[float, float]],
    radius: dict[Hashable, float],
    base: tuple[str, float] | None,
    label_box: dict[Hashable, tuple[float, float]] | None = None,
) -> dict[tuple[Hashable, Hashable], tuple[str, float] | None]:
    """The lineage links' own shapes: ``{(u, v): (curve type, roundness)}``, or ``None`` for straight.

    ``base`` is the shape every link has by default (``None``: straight).  A
    link is straight when that touches no other dot and crosses no name, else
    keeps ``base`` when that touches and crosses none, else takes the first of
    the curves straying :data:`_DETOURS` px from the straight line that
    touches and crosses none (or the one that touches and crosses fewest, if
    fewer).  Links that keep ``base`` are left out.

    ``label_box`` gives the (width, height) of the names drawn under the dots
    (vis-network puts a label's top 3 px below its dot); a name counts as an
    obstacle even when it is one of the link's own papers': a line leaving a
    dot straight down through its name hides the name as much as any other.

    Examples
    --------
    A paper c just above the line from b to a, its name hanging across it:

    >>> pos, radius = {"a": (0.0, 0.0), "b": (400.0, 0.0), "c": (200.0, -25.0)}, {"a": 8.0, "b": 8.0, "c": 5.0}
    >>> bends([("b", "a")], pos, radius, None)
    {}
    >>> bends([("b", "a")], pos, radius, None, {"c": (120.0, 18.0)})
    {('b', 'a'): ('curvedCW', 0.154)}
    """
    if not links:
        return {}
    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    rad = np.array([radius.get(n, 10.0) for n in nodes]) + _CLEAR
    at = {n: i for i, n in enumerate(nodes)}
    many = len(links) * len(nodes) > _TREE_ABOVE
    near = near_dots(xy, float(rad.max()), many=many)
    # Names as boxes [x0, x1] x [y0, y1], their tops 3 px below their dots.
    named = [n for n in nodes if label_box and label_box.get(n) and label_box[n][0] > 0]
    if named:
        w, h = np.asarray([label_box[n] for n in named], dtype=np.float64).T  # type: ignore[index]
        lx = np.array([pos[n][0] for n in named])
        ly0 = np.array([pos[n][1] + radius.get(n, 10.0) + 3.0 for n in named])
        lx0, lx1, ly1 = lx - w / 2, lx + w / 2, ly0 + h

    def hits(u: Hashable, v: Hashable, shape: tuple[str, float] | None) -> int:
        p, q = xy[at[u]], xy[at[v]]
        pts = curve_points(p, q, shape)
        n = 0
        idx = near(pts)
        idx = idx[(idx != at[u]) & (idx != at[v])]
        if idx.size:
            d2 = ((pts[:, None, :] - xy[idx][None, :, :]) ** 2).sum(axis=2).min(axis=0)
            n += int((d2 < rad[idx] ** 2).sum())
        if named:
            # The names in the curve's box (grown a little: the curve bulges
            # between the points), then points about 6 px apart, not to step
            # over a name.  A dot's own circle is no part of its name.
            (x0, y0), (x1, y1) = pts.min(axis=0) - 8.0, pts.max(axis=0) + 8.0
            cand = np.flatnonzero((lx1 > x0) & (lx0 < x1) & (ly1 > y0) & (ly0 < y1))
            if cand.size:
                steps = int(min(240.0, max(32.0, float(np.linalg.norm(q - p)) / 6)))
                dense = curve_points(p, q, shape, steps)
                px, py = dense[:, None, 0], dense[:, None, 1]
                inside = (px > lx0[cand]) & (px < lx1[cand]) & (py > ly0[cand]) & (py < ly1[cand])
                n += int(inside.any(axis=0).sum())
        return n

    out: dict[tuple[Hashable, Hashable], tuple[str, float] | None] = {}
    for u, v in links:
        if u == v:
            continue
        # A straight line where nothing is in the way: a family's line reads
        # best straight, and the page's gentle curve strays far on a long link.
        straight = hits(u, v, None)
        if straight == 0:
            if base is not None:
                out[(u, v)] = None
            continue
        # the shape to beat is the default one; a curve must touch fewer dots than it
        fewest = hits(u, v, base) if base is not None else straight
        if fewest == 0:
            continue
        # A quadratic curve strays about 0.39 * roundness * length from the chord.
        length = float(np.linalg.norm(xy[at[u]] - xy[at[v]]))
        best = None
        for h in _DETOURS:
            r = round(min(0.8, h / (0.39 * max(length, 1.0))), 3)
            for kind in ("curvedCW", "curvedCCW"):
                n = hits(u, v, (kind, r))
                if n < fewest:
                    best, fewest = (kind, r), n
            if fewest == 0:
                break
        if best is not None:
            out[(u, v)] = best
    return out
