"""The HTML explorer in a real headless Chromium (Debian's ``chromium``, driven by playwright).

The browser (the `chromium` and `browser` fixtures in conftest.py) is installed
with ``apt-get install -y chromium`` when it is missing
and we are root; the tests are skipped, saying why, only when it cannot be.
Every request other than the page's own ``file://`` URL is recorded and
aborted, so the tests never touch the network and prove the page needs none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from citegraph.export.html.page import write_html
from citegraph.graph.model import add_link, add_paper, new_graph
from tests.export.html.pages import SHOTS, Opened
from tests.export.html.factories import (
    HOSTILE, chain_graph, hostile_graph, sample_graph, spread_graph, synthetic_graph,
)

pytestmark = pytest.mark.browser

def _save_shot(page: Opened, path: Path, name: str) -> None:
    page.page.screenshot(path=str(path))
    try:
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / name)
    except OSError:
        pass  # the copy is only for a person to look at


def test_page_opens_offline_without_errors_and_draws_every_paper(opened, sample, sample_html, tmp_path):
    assert opened.errors == []
    assert opened.blocked == [] and opened.requests == [sample_html.as_uri()]
    assert len(opened.drawn_nodes()) == sample.number_of_nodes()
    assert len(opened.drawn_edges()) == sample.number_of_edges()
    assert opened.js("document.getElementById('cg-count').textContent") == (
        f"{sample.number_of_nodes()} papers · {sample.number_of_edges()} links"
    )
    legend = opened.js("document.getElementById('cg-legend').innerText")
    assert "MODEL FAMILY" in legend.upper() and "Janus" in legend and "lineage (builds on)" in legend
    kinds = opened.js("[...document.querySelectorAll('#cg-legend li[data-kind]')].map((li) => li.dataset.kind)")
    assert kinds == ["listed", "outside", "cites", "builds_on", "mentions"]
    _save_shot(opened, tmp_path / "explorer-time.png", "explorer-time.png")


def test_search_finds_and_focuses_a_model(opened, sample):
    target = opened.node_index("Janus-Pro")
    opened.page.fill("#cg-search", "janus pro")
    assert opened.js("document.querySelector('#cg-results li .cg-r-name').textContent") == "Janus-Pro"
    opened.page.press("#cg-search", "Enter")
    opened.page.wait_for_timeout(600)
    assert opened.js("citegraph.network.getSelectedNodes().map(citegraph.index)") == [target]
    title = next(d["title"] for _, d in sample.nodes(data=True) if d.get("name") == "Janus-Pro")
    assert title in opened.js("document.getElementById('cg-details').textContent")
    # A title fragment finds its paper too.
    opened.page.fill("#cg-search", "rectified flow")
    opened.page.press("#cg-search", "Enter")
    assert opened.js("citegraph.network.getSelectedNodes().map(citegraph.index)") == [opened.node_index("JanusFlow")]


def test_lineage_only_hides_every_other_link(opened, sample):
    kinds = opened.js("citegraph.data.edgeKinds")
    opened.page.check("#cg-lineage")
    drawn = opened.drawn_edges()
    lineage = [(u, v) for u, v, d in sample.edges(data=True) if d["kind"] == "builds_on"]
    assert drawn and {kinds[i] for i in drawn} == {"builds_on"} and len(drawn) == len(lineage)
    ends = {n for e in lineage for n in e}
    assert len(opened.drawn_nodes()) == len(ends)
    opened.page.uncheck("#cg-lineage")
    assert len(opened.drawn_edges()) == sample.number_of_edges()


def test_click_highlights_lineage_and_direct_citations(opened, sample):
    ids = opened.js("citegraph.data.info.map((m) => m.id)")
    target = opened.node_index("Janus-Pro")
    opened.click_node(target)
    assert opened.js("citegraph.network.getSelectedNodes().map(citegraph.index)") == [target]
    lit = {ids[i] for i, o in enumerate(opened.opacities()) if o == 1}
    root = ids[target]
    lineage = nx.DiGraph([(u, v) for u, v, d in sample.edges(data=True) if d["kind"] == "builds_on"])
    expected = {root} | nx.descendants(lineage, root) | nx.ancestors(lineage, root)
    expected |= set(sample.successors(root)) | set(sample.predecessors(root))
    assert lit == expected
    janus = next(n for n, d in sample.nodes(data=True) if d.get("name") == "Janus")
    assert janus in lit and len(lit) < sample.number_of_nodes() / 3
    drawn = {(e["from"], e["to"]) for e in opened.js("citegraph.edgesView.get()")}  # the graph's ids
    assert all(root in e or e in lineage.edges for e in drawn)
    # A click on empty canvas puts everything back.
    opened.page.keyboard.press("Escape")
    assert len(opened.drawn_edges()) == sample.number_of_edges()
    assert set(opened.opacities()) == {1}


def test_year_and_section_filters(opened, sample):
    ids = opened.js("citegraph.data.info.map((m) => m.id)")
    opened.page.fill("#cg-year-min", "2024")
    opened.page.dispatch_event("#cg-year-min", "change")
    shown = {ids[i] for i in opened.drawn_nodes()}
    assert shown == {n for n, d in sample.nodes(data=True) if d["year"] >= 2024}
    opened.page.click("#cg-reset")
    assert len(opened.drawn_nodes()) == sample.number_of_nodes()
    # A section matches its sub-sections: "Unified" holds "Unified / Hybrid" too.
    sections = opened.js("citegraph.data.sections")
    opened.page.select_option("#cg-section", str(sections.index("Unified")))
    shown = {ids[i] for i in opened.drawn_nodes()}
    assert shown == {n for n, d in sample.nodes(data=True) if any(t.startswith("Unified") for t in d.get("tags", []))}
    opened.page.select_option("#cg-section", str(sections.index("Understanding")))
    shown = {ids[i] for i in opened.drawn_nodes()}
    assert shown == {n for n, d in sample.nodes(data=True) if "Understanding" in d.get("tags", [])}


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_hostile_strings_run_nothing(browser, tmp_path, csp):
    """Markup and script in every field show as text.

    Without the Content-Security-Policy the escaping alone must hold: a title
    that ran would change document.title, open a dialog or set ``__pwned``.
    """
    G = hostile_graph()
    path = tmp_path / "hostile.html"
    write_html(G, path, title="citegraph hostile test")
    if not csp:
        text = path.read_text(encoding="utf-8")
        text, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        assert n == 1
        path.write_text(text, encoding="utf-8")
    page = Opened(browser, path)
    try:
        assert len(page.drawn_nodes()) == G.number_of_nodes()
        titles = page.js("citegraph.data.info.map((m) => m.t)")
        for i, title in enumerate(titles):
            page.click_node(i)
            assert title in page.js("document.getElementById('cg-details').textContent")
            page.hover_node(i)
            assert title in page.js("document.getElementById('cg-tooltip').textContent")
        # A lineage link's card shows its evidence as text.
        page.js("citegraph.network.body.emitter.emit('click', {nodes: [], edges: [0], pointer: {DOM: {x: 1, y: 1}}})")
        card = page.js("document.getElementById('cg-details').textContent")
        assert any(bad in card for bad in HOSTILE)
        page.page.fill("#cg-search", "img src")
        assert page.js("document.querySelector('#cg-results .cg-r-title').textContent") == HOSTILE[0]
        options = page.js("[...document.querySelectorAll('#cg-section option')].map((o) => o.textContent)")
        assert HOSTILE[0] in options
        assert page.js("document.title") == "citegraph hostile test"
        assert page.js("typeof window.__pwned") == "undefined"
        assert page.dialogs == [] and page.errors == [] and page.blocked == []
        assert page.js("document.scripts.length") == 4
        assert page.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
        hrefs = page.js("[...document.querySelectorAll('a')].map((a) => a.href)")
        assert hrefs and all(h.startswith("https://") for h in hrefs)
    finally:
        page.close()


def test_force_layout_page(browser, sample, tmp_path):
    path = tmp_path / "force.html"
    write_html(sample, path, layout="force", color="community")
    page = Opened(browser, path)
    try:
        assert page.errors == [] and page.blocked == []
        assert len(page.drawn_nodes()) == sample.number_of_nodes()
        _save_shot(page, tmp_path / "explorer-force.png", "explorer-force.png")
    finally:
        page.close()


def test_5000_paper_page_opens_offline_draws_everything_and_pans(browser, tmp_path):
    G = synthetic_graph(5000)
    path = tmp_path / "big.html"
    result = write_html(G, path)
    assert result.nodes == 5000 and not result.filtered
    page = Opened(browser, path)
    try:
        assert page.errors == [] and page.blocked == [] and page.requests == [path.as_uri()]
        # Every paper is drawn, and the page says so.
        assert len(page.drawn_nodes()) == G.number_of_nodes() == page.js("citegraph.data.info.length")
        assert page.js("document.getElementById('cg-count').textContent").startswith("5,000 papers")
        assert page.js("citegraph.network.physics.options.enabled") is False
        # Panning and zooming move the view: by the API, by the wheel and by a drag.
        before = page.js("citegraph.network.getViewPosition()")
        scale = page.js("citegraph.network.getScale()")
        page.js("citegraph.network.moveTo({position: {x: 1234, y: 567}, scale: 0.8})")
        assert page.js("citegraph.network.getViewPosition()") == pytest.approx({"x": 1234, "y": 567}, abs=1)
        assert page.js("citegraph.network.getScale()") == pytest.approx(0.8)
        page.js("(v) => citegraph.network.moveTo({position: v.p, scale: v.s})", {"p": before, "s": scale})
        box = page.js("(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();"
                      " return [r.x, r.y, r.width, r.height]; })()")
        cx, cy = box[0] + box[2] * 0.4, box[1] + box[3] * 0.5
        page.page.mouse.move(cx, cy)
        page.page.mouse.wheel(0, -400)
        page.page.wait_for_timeout(200)
        assert page.js("citegraph.network.getScale()") > scale * 1.05
        zoomed = page.js("citegraph.network.getViewPosition()")
        page.page.mouse.move(cx, cy)
        page.page.mouse.down()
        page.page.mouse.move(cx + 200, cy + 120, steps=8)
        page.page.mouse.up()
        page.page.wait_for_timeout(200)
        moved = page.js("citegraph.network.getViewPosition()")
        assert moved["x"] < zoomed["x"] - 50 and moved["y"] < zoomed["y"] - 30
        page.page.fill("#cg-search", "synthetic paper 1234 ")
        page.page.press("#cg-search", "Enter")
        assert page.js("citegraph.network.getSelectedNodes().map(citegraph.index)") == [page.js("citegraph.data.info.findIndex((m) => m.id === 's1234')")]
        # Ticking "Citations" draws every link, those pyvis's network did not start with too.
        page.page.click("#cg-reset")
        assert len(page.drawn_edges()) == 0  # no lineage nor mention link in this graph
        page.page.check("#cg-cites")
        page.wait_for(f"citegraph.network.body.edgeIndices.length === {G.number_of_edges()}", timeout=60)
        drawn = page.js("citegraph.edgesView.get().map((e) => [e.from, e.to])")
        assert {(a, b) for a, b in drawn} == set(G.edges())  # the page's node ids are the graph's
        page.page.uncheck("#cg-cites")
        page.js("citegraph.fitBesideLegend()")
        page.page.wait_for_timeout(100)
        _save_shot(page, tmp_path / "explorer-5000.png", "explorer-5000.png")
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_first_view_frames_the_listed_papers(browser, tmp_path):
    """Decades of fetched citations do not squash the lists' papers into a corner."""
    G = spread_graph()
    path = tmp_path / "spread.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        assert page.errors == []
        on_screen = page.js(
            """() => { const net = citegraph.network, w = document.getElementById('mynetwork').clientWidth;
                       const pos = net.getPositions();
                       return citegraph.data.info.map((m, i) => { const p = net.canvasToDOM(pos[citegraph.id(i)]);
                         return [m.l === true, m.y, p.x >= 0 && p.x <= w]; }); }"""
        )
        assert all(seen for listed, _, seen in on_screen if listed)
        early = [seen for listed, year, seen in on_screen if not listed and year < 2010]
        assert early and not any(early)
        # The listed papers are drawn big enough for their names to show (vis draws a
        # label once it is 6 px tall: 14 px at scale 0.43).
        assert page.js("citegraph.network.getScale()") >= 0.43
        _save_shot(page, tmp_path / "explorer-spread.png", "explorer-spread.png")
    finally:
        page.close()


def test_legend_shows_only_what_the_page_has(browser, tmp_path):
    G = new_graph()
    for i in range(3):
        add_paper(G, f"p{i}", title=f"Model {i}", name=f"Orca-{i}", year=2020 + i, listed=True)
    add_link(G, "p1", "p0", "builds_on", confidence=0.9)
    add_link(G, "p2", "p1", "builds_on", confidence=0.9)
    path = tmp_path / "lineage.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        kinds = page.js("[...document.querySelectorAll('#cg-legend li[data-kind]')].map((li) => li.dataset.kind)")
        assert kinds == ["listed", "builds_on"]
        text = page.js("document.getElementById('cg-legend').innerText")
        assert "lineage (builds on)" in text and "pulled in from outside" not in text and "cites" not in text
    finally:
        page.close()


# ---------------------------------------------------------------- what the first view shows

# Screen boxes of the container, the band-name gutter and the legend, and each
# paper's dot (canvasToDOM of its position, and its radius at the current scale).
_GEOMETRY = """() => {
  const net = citegraph.network, box = document.getElementById('mynetwork');
  const legend = document.getElementById('cg-legend').getBoundingClientRect();
  const at = box.getBoundingClientRect();
  const scale = net.getScale(), shown = new Set(citegraph.nodesView.getIds().map(citegraph.index));
  const gutter = citegraph.drawnBands.length ? Math.max(...citegraph.drawnBands.map((b) => b.x + b.width)) : 0;
  return {
    width: box.clientWidth, height: box.clientHeight, scale: scale, gutter: gutter, bands: citegraph.drawnBands,
    legend: [legend.left - at.left, legend.top - at.top, legend.right - at.left, legend.bottom - at.top],
    view: citegraph.data.view,
    nodes: citegraph.data.nodes.map((n, i) => {
      const p = net.canvasToDOM({x: n.x, y: n.y});  // physics is off: dots stay where the data puts them
      return {i: i, x: p.x, y: p.y, r: n.size * scale, cx: n.x, cy: n.y, shown: shown.has(i)};
    }),
  };
}"""


def _framed(geo):
    """The papers the first view frames: those in data.view, or all of them."""
    v = geo["view"]
    if v is None:
        return geo["nodes"]
    return [n for n in geo["nodes"] if v[0] <= n["cx"] <= v[2] and v[1] <= n["cy"] <= v[3]]


def _assert_in_view(geo, nodes, what):
    """Every dot wholly on screen: right of the band names, below the year strip, clear of the legend."""
    legend = geo["legend"]
    for n in nodes:
        x0, x1, y0, y1 = n["x"] - n["r"], n["x"] + n["r"], n["y"] - n["r"], n["y"] + n["r"]
        assert geo["gutter"] < x0 and x1 < geo["width"] and y0 > 22 and y1 < geo["height"], (what, n)
        under_legend = x1 > legend[0] and x0 < legend[2] and y1 > legend[1] and y0 < legend[3]
        assert not under_legend, (what, n, legend)


def _assert_band_names_whole(geo):
    assert geo["bands"], "no band name drawn"
    for b in geo["bands"]:
        assert b["text"] == b["label"], b  # not clipped
        assert b["x"] >= 0 and b["x"] + b["width"] <= geo["width"] and b["y"] >= 0 and b["y"] + b["height"] <= geo["height"]


@pytest.mark.parametrize("graph", ["sample", "spread", "chain"])
def test_first_view_shows_whole_band_names_and_every_framed_paper(browser, tmp_path, graph):
    G = {"sample": sample_graph, "spread": spread_graph, "chain": chain_graph}[graph]()
    path = tmp_path / f"{graph}.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        assert page.errors == []
        geo = page.js(_GEOMETRY)
        _assert_band_names_whole(geo)
        framed = _framed(geo)
        assert framed
        _assert_in_view(geo, framed, "first view")
        # Every band the framed papers are in has its name drawn.
        bands = page.js("citegraph.data.axis.bands")
        held = {k for k, b in enumerate(bands) for n in framed if b["top"] <= n["cy"] <= b["bottom"]}
        assert {bands[k]["label"] for k in held} <= {b["label"] for b in geo["bands"]}
        # The names of the framed papers fit on screen too (vis measures them as it draws).
        boxes = page.js("""(ids) => ids.map((i) => { const n = citegraph.network.body.nodes[citegraph.id(i)];
                             if (!n.options.label) return null;
                             const s = n.labelModule.size, net = citegraph.network;
                             const a = net.canvasToDOM({x: s.left, y: s.top}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
                             return [a.x, a.y, b.x, b.y]; })""", [n["i"] for n in framed])
        for b in filter(None, boxes):
            assert geo["gutter"] <= b[0] and b[2] <= geo["width"] and b[3] <= geo["height"], b
        # Reset comes back to this view after panning away.
        page.js("citegraph.network.moveTo({position: {x: -5000, y: 4000}, scale: 2})")
        page.page.click("#cg-reset")
        again = page.js(_GEOMETRY)
        assert again["scale"] == pytest.approx(geo["scale"]) and again["nodes"][0]["x"] == pytest.approx(geo["nodes"][0]["x"], abs=1)
        if graph == "spread":
            _save_shot(page, tmp_path / "first-view.png", "explorer-first-view.png")
    finally:
        page.close()


def test_lineage_only_fits_the_view_to_the_lineage(browser, tmp_path):
    G = spread_graph()
    names = [f"l{i}" for i in range(0, 40, 3)]
    for a, b in zip(names, names[1:]):
        add_link(G, b, a, "builds_on", confidence=0.7)
    add_link(G, "l1", "o5", "builds_on", confidence=0.6)  # reaches back to a fetched paper of long ago
    path = tmp_path / "lineage-fit.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        before = page.js(_GEOMETRY)
        lineage = {n for u, v, d in G.edges(data=True) if d.get("kind") == "builds_on" for n in (u, v)}
        ids = page.js("citegraph.data.info.map((m) => m.id)")
        assert any(not (before["gutter"] < n["x"] < before["width"]) for n in before["nodes"] if ids[n["i"]] == "o5")
        page.page.check("#cg-lineage")
        page.page.wait_for_timeout(700)  # the view glides there
        geo = page.js(_GEOMETRY)
        shown = [n for n in geo["nodes"] if n["shown"]]
        assert {ids[n["i"]] for n in shown} == lineage
        _assert_in_view(geo, shown, "lineage only")
        _assert_band_names_whole(geo)
        page.page.uncheck("#cg-lineage")
        page.page.wait_for_timeout(700)
        _assert_in_view(page.js(_GEOMETRY), _framed(before), "lineage off")
    finally:
        page.close()


@pytest.mark.parametrize("size,folded", [((1600, 1000), False), ((800, 560), True)])
def test_legend_folds_and_starts_folded_in_a_small_window(browser, sample_html, size, folded):
    page = Opened(browser, sample_html, viewport=size)
    try:
        state = "document.getElementById('cg-legend').classList.contains('cg-collapsed')"
        body = "document.getElementById('cg-legend-body').offsetHeight"
        assert page.js(state) is folded and (page.js(body) == 0) is folded
        page.page.click(".cg-legend-toggle")
        assert page.js(state) is not folded and (page.js(body) == 0) is not folded
        assert page.js("document.querySelector('.cg-legend-toggle').getAttribute('aria-expanded')") == str(folded).lower()
        # Folded or not, the first view keeps the framed papers on screen.
        page.page.click("#cg-reset")
        geo = page.js(_GEOMETRY)
        _assert_in_view(geo, _framed(geo), f"reset at {size}")
    finally:
        page.close()


def test_panel_and_labels_use_a_font_stack_with_cjk_fallbacks(opened):
    family = opened.js("getComputedStyle(document.getElementById('cg-details')).fontFamily")
    assert "Noto Sans CJK SC" in family and "Microsoft YaHei" in family
    face = opened.js("citegraph.network.body.nodes[citegraph.id(0)].options.font.face")
    assert "Noto Sans CJK SC" in face and "PingFang SC" in face


def _cjk_font_installed() -> bool:
    return bool(shutil.which("fc-list")) and bool(
        subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip()
    )


def test_chinese_names_are_drawn_as_chinese_glyphs(browser, tmp_path):
    """A name from Chinese notes is drawn in a CJK face, not as empty boxes (tofu)."""
    if not _cjk_font_installed():
        pytest.skip("no CJK font on this machine (.ci/run installs Debian's fonts-wqy-microhei)")
    G = new_graph()
    add_paper(G, "a", title="通义千问：大规模视觉语言模型", name="通义千问", year=2023, listed=True)
    add_paper(G, "b", title="悟道·视界：多模态生成", name="悟道·视界", year=2024, listed=True)
    add_link(G, "b", "a", "builds_on", confidence=0.9)
    path = tmp_path / "cjk.html"
    write_html(G, path)
    page = Opened(browser, path, viewport=(900, 600))
    try:
        labels = page.js("citegraph.network.body.nodeIndices.map((i) => citegraph.network.body.nodes[i].options.label)")
        assert sorted(labels) == ["悟道·视界", "通义千问"]
        face = page.js("citegraph.network.body.nodes[citegraph.network.body.nodeIndices[0]].options.font.face")
        # Each character drawn alone in the labels' face: missing glyphs all draw
        # the same box, real ones differ from each other and from that box.
        shapes = page.js(
            """(face) => { const c = document.createElement('canvas'); c.width = c.height = 64;
                           const x = c.getContext('2d');
                           return ['通', '义', '千', '问', '\\uFFFF'].map((ch) => {
                             x.clearRect(0, 0, 64, 64); x.font = '48px ' + face; x.fillText(ch, 4, 52);
                             return Array.from(x.getImageData(0, 0, 64, 64).data).join(','); }); }""",
            face,
        )
        assert len(set(shapes)) == 5
        assert page.errors == [] and page.blocked == []
        _save_shot(page, tmp_path / "cjk.png", "cjk.png")
    finally:
        page.close()
