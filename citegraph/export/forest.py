"""The lineage forest laid out as named boxes on a time axis, for the page and the SVG.

Time runs left to right in columns: one per year, split into sub-columns when
a paper builds on another of the same year, so every parent sits left of its
children.  Each lineage tree (papers joined by lineage links) is a block of
rows: a parent's first child stays on its row, later children open rows
below.  Blocks are packed like text lines, oldest first, into the lowest rows
free over their columns, so families read as lanes and never share a row
span.  Single papers (the first view's influential ones) fill the gaps.
Columns are as wide as their widest name: no two names overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

__all__ = ["Forest", "forest_layout"]

# Gaps (px at font size 14, scaled with the font): between columns, rows, years.
_NO_YEAR = 10**6  # papers without a year: a last column
_COL_GAP, _ROW_GAP, _YEAR_GAP, _BREAK_GAP = 10.0, 8.0, 12.0, 30.0


@dataclass
class Forest:
    """Box centres, box sizes, and the time axis of a forest layout."""

    pos: dict[Hashable, tuple[float, float]] = field(default_factory=dict)
    box: dict[Hashable, tuple[float, float]] = field(default_factory=dict)
    # [{"label": "2024", "x0", "x1"}] in order; breaks: x of each gap where years are skipped
    years: list[dict[str, object]] = field(default_factory=list)
    breaks: list[float] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


def forest_layout(
    year: Mapping[Hashable, int | None],
    links: Iterable[tuple[Hashable, Hashable]],
    size: Callable[[Hashable], tuple[float, float]],
    *,
    order: Mapping[Hashable, float] | None = None,
    singles: Sequence[Hashable] = (),
    font: float = 14.0,
) -> Forest:
    """Lay out the papers of ``year`` (lineage ends and ``singles``) as boxes.

    ``links`` are ``(parent, child)``; ``size(paper)`` gives its box (width,
    height); ``order`` sorts papers within a year (a date), else their ids.

    >>> f = forest_layout({"a": 2023, "b": 2024, "c": 2024, "d": 2023}, [("a", "b"), ("b", "c")],
    ...                   lambda n: (60.0, 26.0), singles=["d"])
    >>> f.pos["a"][0] < f.pos["b"][0] < f.pos["c"][0], f.pos["a"][1] == f.pos["b"][1]
    (True, True)
    >>> [y["label"] for y in f.years]
    ['2023', '2024']
    """
    k = font / 14.0
    order = order or {}
    papers = list(year)
    yr: dict[Hashable, int] = {}
    for n in papers:
        y = year[n]
        yr[n] = y if y is not None else _NO_YEAR
    key = {n: (yr[n], order.get(n, 0.0), str(n)) for n in papers}
    parents: dict[Hashable, list[Hashable]] = {n: [] for n in papers}
    children: dict[Hashable, list[Hashable]] = {n: [] for n in papers}
    for p, c in links:
        if p in parents and c in parents and p != c and c not in children[p]:
            children[p].append(c)
            parents[c].append(p)
    # Columns: a paper's sub-column is one past its same-year parents' (the
    # longest chain within the year; a cycle stops growing after as many rounds as papers).
    sub: dict[Hashable, int] = dict.fromkeys(papers, 0)
    same_year = [(p, c) for c in papers for p in parents[c] if yr[p] == yr[c]]
    for _ in range(len(papers)):
        changed = False
        for p, c in same_year:
            if sub[c] < sub[p] + 1 <= len(papers):
                sub[c], changed = sub[p] + 1, True
        if not changed:
            break
    years = sorted(set(yr.values()))
    depth = {y: 1 + max(sub[n] for n in papers if yr[n] == y) for y in years}
    first_col, at = {}, 0
    for y in years:
        first_col[y] = at
        at += depth[y]
    col = {n: first_col[yr[n]] + sub[n] for n in papers}
    n_cols = at

    # A block per connected lineage (trees sharing a child stay together, one
    # under the other): rows depth first, a parent's first child on its row.
    placed: dict[Hashable, int] = {}
    blocks: list[tuple[list[Hashable], dict[Hashable, int]]] = []
    lineage = sorted((n for n in papers if parents[n] or children[n]), key=key.__getitem__)
    seen: set[Hashable] = set()
    for start in lineage:
        if start in seen:
            continue
        component, stack = [], [start]
        seen.add(start)
        while stack:
            n = stack.pop()
            component.append(n)
            for m in parents[n] + children[n]:
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        component.sort(key=key.__getitem__)
        block: dict[Hashable, int] = {}
        # roots first, then any paper only reached through a cycle
        for root in [n for n in component if not parents[n]] + component:
            if root not in placed:
                base = 1 + max(block.values(), default=-1)
                block.update({n: base + r for n, r in _tree_rows(root, children, col, key, placed).items()})
        blocks.append((list(block), block))
    for n in [*singles, *sorted(papers, key=key.__getitem__)]:
        if n in year and n not in placed:
            placed[n] = 0
            blocks.append(([n], {n: 0}))

    # Pack blocks, leftmost first (lineages before single papers starting in the
    # same column), into the lowest rows free over their columns.
    blocks.sort(key=lambda b: (min(col[n] for n in b[0]), len(b[0]) == 1))
    ends: list[int] = []  # per global row, the last column used
    row_of: dict[Hashable, int] = {}
    for members, rows in blocks:
        lo, hi = min(col[n] for n in members), max(col[n] for n in members)
        h = 1 + max(rows.values())
        o = 0
        while any(o + i < len(ends) and ends[o + i] >= lo for i in range(h)):
            o += 1
        while len(ends) < o + h:
            ends.append(-1)
        for i in range(h):
            ends[o + i] = max(ends[o + i], hi)
        for n in members:
            row_of[n] = o + rows[n]

    box = {n: size(n) for n in papers}
    widths = [0.0] * n_cols
    for n in papers:
        widths[col[n]] = max(widths[col[n]], box[n][0])
    row_h = max((b[1] for b in box.values()), default=0.0) + _ROW_GAP * k
    out = Forest(box=box)
    xs, x, prev = [], 0.0, years[0] if years else 0
    for y in years:
        if y != years[0]:
            skipped = y - prev > 1 and y != _NO_YEAR
            x += (_BREAK_GAP if skipped else _YEAR_GAP) * k
            if skipped:
                out.breaks.append(x - _BREAK_GAP * k / 2)
        x0 = x
        for c in range(first_col[y], first_col[y] + depth[y]):
            xs.append(x + widths[c] / 2)
            x += widths[c] + (_COL_GAP * k if c < first_col[y] + depth[y] - 1 else 0.0)
        out.years.append({"label": "year ?" if y == _NO_YEAR else str(y), "x0": x0, "x1": x})
        prev = y
    for n in papers:
        out.pos[n] = (round(xs[col[n]], 1), round(row_of[n] * row_h + row_h / 2, 1))
    out.width, out.height = x, len(ends) * row_h
    return out


def _tree_rows(
    root: Hashable,
    children: Mapping[Hashable, list[Hashable]],
    col: Mapping[Hashable, int],
    key: Mapping[Hashable, tuple[object, ...]],
    placed: dict[Hashable, int],
) -> dict[Hashable, int]:
    """Rows of the tree under ``root``, depth first: a parent's first child (the one with most
    descendants) stays on its row, later children open rows below; ``placed`` records every paper."""
    rows: dict[Hashable, int] = {}
    height = 0
    stack: list[tuple[Hashable, int]] = [(root, 0)]
    while stack:
        n, r = stack.pop()
        if n in placed:
            continue
        if r < 0:  # a new row, below everything placed so far
            r = height
        rows[n] = placed[n] = r
        height = max(height, r + 1)
        todo = [c for c in sorted(children[n], key=lambda c: (-_reach(c, children), key[c])) if c not in placed]
        # the first child continues the row; the others are placed after its whole subtree
        for c in reversed(todo[1:]):
            stack.append((c, -1))
        if todo:
            stack.append((todo[0], r if col[todo[0]] > col[n] else -1))
    return rows


def _reach(n: Hashable, children: Mapping[Hashable, list[Hashable]]) -> int:
    """How many papers descend from ``n`` (the longest branch keeps its parent's row)."""
    seen, stack = {n}, [n]
    while stack:
        for c in children[stack.pop()]:
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return len(seen)
