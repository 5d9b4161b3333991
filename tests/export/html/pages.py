"""A page opened in headless Chromium, with every request blocked and logged, and helpers to drive it."""

from __future__ import annotations

import re
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
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def node_index(self, name: str) -> int:
        return self.js("(n) => citegraph.data.info.findIndex((m) => m.n === n)", name)

    def drawn_nodes(self) -> list[int]:
        return self.js("citegraph.network.body.nodeIndices.slice()")

    def opacities(self) -> list[float]:
        """How opaque each dot is drawn (the per-node value, else the global one)."""
        return self.js(
            """() => { const all = citegraph.network.nodesHandler.options.opacity;
                       return citegraph.data.nodes.map((n, i) => {
                         const own = citegraph.network.body.nodes[i].options.opacity;
                         return own === undefined || own === null ? (all === undefined ? 1 : all) : own; }); }"""
        )

    def drawn_edges(self) -> list[int]:
        return self.js("citegraph.network.body.edgeIndices.slice()")

    def _point_at(self, i: int) -> tuple[float, float]:
        """Centre the view on node ``i``; its dot's position in the window."""
        self.js("(i) => citegraph.network.moveTo({position: citegraph.network.getPositions([i])[i], scale: 1})", i)
        self.page.wait_for_timeout(50)
        return self.js(
            """(i) => { const p = citegraph.network.canvasToDOM(citegraph.network.getPositions([i])[i]);
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
