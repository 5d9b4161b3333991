"""Lineage pictures to paste: Mermaid (renders on GitHub) and a static SVG.

Both draw the successor links (``lineage.successors``: parent → child) with
the layout rules of the explorer's lineage view (:mod:`.forest`): time left to
right, one box per paper with its whole name, no two boxes overlapping.  The
SVG is drawn with drawsvg: a small, maintained, pure-Python library that
writes plain SVG ``<text>`` (names stay text: searchable, selectable, sharp
at any zoom) with no browser, Cairo or matplotlib to install.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Hashable, Sequence

import networkx as nx

from citegraph.analysis.lineage import successors
from citegraph.errors import UsageError
from citegraph.export.forest import forest_layout
from citegraph.export.html.geometry import name_box
from citegraph.export.html.layout import year_fraction
from citegraph.export.palette import PALETTE

__all__ = ["CHART_FORMATS", "lineage_chart"]

CHART_FORMATS = ("mermaid", "svg")
_FONT = 14.0


def _name(paper: dict[str, Any]) -> str:
    text = str(paper.get("name") or paper.get("title") or paper.get("id") or "?")
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _papers(links: Sequence[dict[str, Any]]) -> dict[Hashable, dict[str, Any]]:
    papers: dict[Hashable, dict[str, Any]] = {}
    for link in links:
        for end in ("parent", "child"):
            papers.setdefault(link[end]["id"], link[end])
    return papers


def _kind(link: dict[str, Any]) -> str | None:
    kind = link.get("lineage_kind") or link.get("kind")
    return str(kind) if kind in ("version", "derived") else None


def _mermaid_text(text: str) -> str:
    """A label for inside Mermaid's double quotes: quotes, markup and entity starts as entity codes."""
    return "".join(f"#{ord(c)};" if c in '"#<>&`' else c for c in text)


def mermaid(links: Sequence[dict[str, Any]]) -> str:
    """A Mermaid flowchart (left to right) of the links, a subgraph per family.

    >>> print(mermaid([{"parent": {"id": "a", "name": "Janus", "year": 2024},
    ...                 "child": {"id": "b", "name": 'Janus-"Pro"', "year": 2025}, "family": "Janus"}]))
    flowchart LR
      subgraph f0["Janus"]
        p0["Janus (2024)"]
        p1["Janus-#34;Pro#34; (2025)"]
      end
      p0 --> p1
    """
    papers = _papers(links)
    order = sorted(papers, key=lambda n: (papers[n].get("year") or 9999, _name(papers[n]), str(n)))
    key = {n: f"p{i}" for i, n in enumerate(order)}
    family: dict[Hashable, str] = {}
    for link in links:
        if link.get("family"):
            for end in ("parent", "child"):
                family.setdefault(link[end]["id"], str(link["family"]))
    lines = ["flowchart LR"]

    def node(n: Hashable) -> str:
        p = papers[n]
        year = f" ({p['year']})" if p.get("year") else ""
        return f'{key[n]}["{_mermaid_text(_name(p) + year)}"]'

    for i, fam in enumerate(sorted(set(family.values()))):
        lines.append(f'  subgraph f{i}["{_mermaid_text(fam)}"]')
        lines += [f"    {node(n)}" for n in order if family.get(n) == fam]
        lines.append("  end")
    lines += [f"  {node(n)}" for n in order if n not in family]
    for link in links:
        kind = _kind(link)
        arrow = f"-->|{kind}|" if kind else "-->"
        lines.append(f"  {key[link['parent']['id']]} {arrow} {key[link['child']['id']]}")
    return "\n".join(lines)


def svg(links: Sequence[dict[str, Any]]) -> str:
    """An SVG picture of the lineage forest: named boxes on a time axis, arrows parent → child.

    >>> text = svg([{"parent": {"id": "a", "name": "Emu", "year": 2023},
    ...              "child": {"id": "b", "name": "Emu2", "year": 2023}, "family": "Emu"}])
    >>> text.startswith("<?xml") and ">Emu2</text>" in text
    True
    """
    import drawsvg as draw

    papers = _papers(links)
    names = {n: _name(p) for n, p in papers.items()}
    month = {n: year_fraction(p) or 0.0 for n, p in papers.items()}
    year = {n: (int(p["year"]) if p.get("year") is not None else None) for n, p in papers.items()}
    pairs = [(link["parent"]["id"], link["child"]["id"]) for link in links]
    f = forest_layout(year, pairs, lambda n: name_box(names[n], _FONT), order=month, font=_FONT)
    families = sorted({str(link["family"]) for link in links if link.get("family")})
    colour = {fam: PALETTE[i % len(PALETTE)] for i, fam in enumerate(families)}
    fam_of = {link[end]["id"]: str(link["family"])
              for link in links if link.get("family") for end in ("parent", "child")}
    top, pad = 34.0, 12.0
    d = draw.Drawing(f.width + 2 * pad, f.height + top + pad, origin=(-pad, -top), font_family="sans-serif")
    d.append(draw.Rectangle(-pad, -top, f.width + 2 * pad, f.height + top + pad, fill="#ffffff"))
    arrow = draw.Marker(-0.1, -0.5, 1, 0.5, scale=7, orient="auto")
    arrow.append(draw.Lines(-0.1, -0.5, -0.1, 0.5, 0.9, 0, fill="#343a40", close=True))
    for k, span in enumerate(f.years):
        x0, x1 = float(span["x0"]), float(span["x1"])  # type: ignore[arg-type]
        d.append(draw.Rectangle(x0 - 6, -top + 24, x1 - x0 + 12, f.height + top - 24 + pad,
                                fill="#f1f3f5" if k % 2 else "#f8f9fa"))
        d.append(draw.Text(str(span["label"]), 13, (x0 + x1) / 2, -top + 17, text_anchor="middle", font_weight="bold",
                           fill="#495057"))
    for x in f.breaks:
        for dx in (-3, 3):
            d.append(draw.Line(x + dx - 3, -top + 22, x + dx + 3, -top + 8, stroke="#868e96", stroke_width=1.5))
    for p, c in pairs:
        (px, py), (cx, cy) = f.pos[p], f.pos[c]
        x1 = cx - f.box[c][0] / 2 - 6
        path = draw.Path(stroke="#343a40", stroke_width=1.8, fill="none", marker_end=arrow)
        if py == cy:  # along the row: straight
            d.append(path.M(px + f.box[p][0] / 2, py).L(x1, cy))
        else:  # an elbow: down out of the parent (its column is clear below), then along the child's row
            d.append(path.M(px, py + f.box[p][1] / 2).Q(px, cy, x1, cy))
    for n, (x, y) in f.pos.items():
        w, h = f.box[n]
        c = colour.get(fam_of.get(n, ""), "#868e96")
        d.append(draw.Rectangle(x - w / 2, y - h / 2, w, h, rx=4, fill="#ffffff", stroke=c, stroke_width=2))
        d.append(draw.Text(names[n], _FONT, x, y + _FONT * 0.35, text_anchor="middle", fill="#1d2125"))
    return str(d.as_svg())


def lineage_chart(
    graph: nx.DiGraph[Hashable] | Sequence[dict[str, Any]],
    fmt: str = "mermaid",
    *,
    family: str | None = None,
    min_confidence: float = 0.0,
) -> str:
    """The lineage of ``graph`` (or its ``successors`` links) as a ``"mermaid"`` flowchart or an ``"svg"`` document.

    ``family`` keeps the links of that model family (case-insensitive) or
    naming it; ``min_confidence`` drops less certain links.

    >>> lineage_chart([], "mermaid")
    'flowchart LR'
    """
    if fmt not in CHART_FORMATS:
        raise UsageError(f"format must be one of {', '.join(CHART_FORMATS)}, not {fmt!r}")
    links = successors(graph, min_confidence=min_confidence) if isinstance(graph, nx.DiGraph) else list(graph)
    links = [l for l in links if float(l.get("confidence") or 0.0) >= min_confidence]
    if family:
        want = family.casefold()
        links = [l for l in links if str(l.get("family") or "").casefold() == want
                 or any(_name(l[e]).casefold().startswith(want) for e in ("parent", "child"))]
    return mermaid(links) if fmt == "mermaid" else svg(links)
