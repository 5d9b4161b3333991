"""A page opened in headless Chromium, with every request blocked and logged, and helpers to drive it."""

from __future__ import annotations

import re
import time
from pathlib import Path

SHOTS = Path("/tmp/citegraph-shots")


class Opened:
    """A page plus everything it asked of the world."""

    def __init__(self, browser, path: Path, viewport=(1600, 1000), view: str = "view=all"):
        """Open ``path`` at ``#view`` (default: the all-papers view, whose dots most tests examine)."""
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route(re.compile(r"^(?!file:).*"), self._block)
        page = self.page = self.context.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.goto(path.as_uri() + (f"#{view}" if view else ""))
        self.wait_for("document.body.dataset.ready === '1'", timeout=60)

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def wait_for(self, code: str, arg=None, timeout: float = 30) -> None:
        """Wait until ``code`` is true in the page, asking from here.

        Not ``wait_for_function``: its polling compiles the predicate inside the
        page, which the page's Content-Security-Policy (no ``unsafe-eval``)
        forbids whenever the answer is not yes at once.
        """
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(code, arg):
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:g} s for {code!r}")
            self.page.wait_for_timeout(50)

    def node_index(self, name: str) -> int:
        return self.js("(n) => citegraph.data.info.findIndex((m) => m.n === n)", name)

    def drawn_nodes(self) -> list[int]:
        return self.js("citegraph.network.body.nodeIndices.map(citegraph.index)")

    def opacities(self) -> list[float]:
        """How opaque each dot is drawn (the per-node value, else the global one)."""
        return self.js(
            """() => { const all = citegraph.network.nodesHandler.options.opacity;
                       return citegraph.data.nodes.map((n, i) => {
                         const own = citegraph.network.body.nodes[citegraph.id(i)].options.opacity;
                         return own === undefined || own === null ? (all === undefined ? 1 : all) : own; }); }"""
        )

    def drawn_edges(self) -> list[int]:
        return self.js("citegraph.network.body.edgeIndices.slice()")

    def _point_at(self, i: int) -> tuple[float, float]:
        """Centre the view on node ``i``; its dot's position in the window."""
        self.js("(i) => citegraph.network.moveTo({position: citegraph.network.getPositions([citegraph.id(i)])[citegraph.id(i)], scale: 1})", i)
        self.page.wait_for_timeout(50)
        return self.js(
            """(i) => { const p = citegraph.network.canvasToDOM(citegraph.network.getPositions([citegraph.id(i)])[citegraph.id(i)]);
                        const r = document.getElementById('mynetwork').getBoundingClientRect();
                        return [r.x + p.x, r.y + p.y]; }""",
            i,
        )

    def click_node(self, i: int) -> None:
        """A real mouse click on the dot of node ``i``."""
        self.page.mouse.click(*self._point_at(i))
        self.page.wait_for_timeout(150)

    def hover_node(self, i: int) -> None:
        """The mouse resting on the dot of node ``i``."""
        self.page.mouse.move(5, 5)
        self.page.mouse.move(*self._point_at(i), steps=3)
        self.page.wait_for_timeout(300)

    def close(self) -> None:
        self.context.close()


# What a reader sees of the papers drawn, measured through vis-network: each
# named paper's label box on screen (its size in px, whether it lies outside
# the canvas or under a panel or the header) and how many labels overlap.
READER = """() => {
  const cg = citegraph, net = cg.network;
  const ids = cg.nodesView.getIds();
  const c = document.getElementById("mynetwork").getBoundingClientRect();
  const s = net.getScale();
  const boxes = [];
  let minPx = Infinity, outside = 0, under = 0;
  const panels = ["cg-details", "cg-legend", "cg-side", "cg-bar"].map((id) => document.getElementById(id)).filter((e) => e && !e.hidden).map((e) => e.getBoundingClientRect());
  for (const id of ids) {
    const body = net.body.nodes[id];
    if (!body || !body.options.label) continue;
    const bb = net.getBoundingBox(id);
    const a = net.canvasToDOM({x: bb.left, y: bb.top}), b = net.canvasToDOM({x: bb.right, y: bb.bottom});
    const r = {x0: a.x + c.left, y0: a.y + c.top, x1: b.x + c.left, y1: b.y + c.top, id};
    const px = body.options.font.size * s;
    // a box holds its name (its size is kept, its place is the node's); a dot's name is its label
    const at = net.getPositions([id])[id], sh = body.shape;
    const lb = body.options.shape === "box" ? {left: at.x - sh.width / 2, top: at.y - sh.height / 2, width: sh.width, height: sh.height}
                                            : body.labelModule.size;
    const tl = net.canvasToDOM({x: lb.left, y: lb.top}), br = net.canvasToDOM({x: lb.left + lb.width, y: lb.top + lb.height});
    const L = {x0: tl.x + c.left, y0: tl.y + c.top, x1: br.x + c.left, y1: br.y + c.top, px};
    if (L.x0 < c.left || L.x1 > c.right || L.y0 < c.top || L.y1 > c.bottom) { outside++; continue; }
    for (const p of panels) if (L.x0 < p.right && L.x1 > p.left && L.y0 < p.bottom && L.y1 > p.top) under++;
    minPx = Math.min(minPx, px);
    boxes.push(L);
  }
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const A = boxes[i], B = boxes[j];
    if (A.x0 < B.x1 - 0.5 && B.x0 < A.x1 - 0.5 && A.y0 < B.y1 - 0.5 && B.y0 < A.y1 - 0.5) overlaps++;
  }
  const readable11 = boxes.filter((b) => b.px >= 11).length;
  const bar = document.getElementById("cg-bar").getBoundingClientRect().height;
  return {mode: cg.mode.name, shown: ids.length, named_in_window: boxes.length, outside, under, overlaps, minPx: Math.round(minPx * 10) / 10, readable11, scale: Math.round(s * 100) / 100, header: bar};
}"""


def read(page: Opened) -> dict:
    """:data:`READER` on ``page``: counts, the smallest name in px, overlaps."""
    return page.js(READER)


# How many drawn links run through a box that is not one of their ends (a
# line through a name reads as a chain through that paper), in the box views.
CROSSINGS = """() => {
  const net = citegraph.network, boxes = [];
  for (const id of citegraph.nodesView.getIds()) {
    const b = net.body.nodes[id], p = net.getPositions([id])[id];
    if (b.options.shape !== "box") continue;
    boxes.push([id, p.x - b.shape.width / 2 + 1, p.y - b.shape.height / 2 + 1, p.x + b.shape.width / 2 - 1, p.y + b.shape.height / 2 - 1]);
  }
  let crossings = 0;
  for (const e of citegraph.edgesView.get()) {
    const edge = net.body.edges[e.id];
    for (const [id, x0, y0, x1, y1] of boxes) {
      if (id === e.from || id === e.to) continue;
      for (let t = 0.02; t < 0.99; t += 0.02) {
        const q = edge.edgeType.getPoint(t);
        if (q.x > x0 && q.x < x1 && q.y > y0 && q.y < y1) { crossings++; break; }
      }
    }
  }
  return crossings;
}"""
