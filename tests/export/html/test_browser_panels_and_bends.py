"""The explorer's fixes, in a real headless Chromium (see tests/test_html_browser.py for how it is driven).

The details panel moving its paper out from under it, the link counts by
kind, the panel following the controls, the hidden-citation count under
filters, plurals, band names kept off the help line, a first view with
readable names, and lineage links kept off paper names.
"""

from __future__ import annotations


import pytest

from citegraph.export.html import geometry
from citegraph.export.html.page import write_html
from citegraph.graph.model import add_paper, new_graph
from tests.export.html.pages import Opened
from tests.export.html.factories import spread_graph, synthetic_graph

pytestmark = pytest.mark.browser


# ------------------------------------------------------------------ helpers

def _screen(page: Opened, i: int) -> dict:
    """Node ``i``'s dot on screen (window coordinates), and the details panel's box."""
    return page.js(
        """(i) => { const net = citegraph.network, c = document.getElementById('mynetwork').getBoundingClientRect();
                    const p = net.canvasToDOM(net.getPositions([citegraph.id(i)])[citegraph.id(i)]), r = citegraph.data.nodes[i].size * net.getScale();
                    const d = document.getElementById('cg-details');
                    return {x: c.x + p.x, y: c.y + p.y, r: r, W: c.width, H: c.height, cx: c.x, cy: c.y,
                            panel: d.hidden ? null : d.getBoundingClientRect().toJSON()}; }""",
        i,
    )


def _covered(s: dict) -> bool:
    """Whether any of the dot lies under the panel, or off the graph's area."""
    p = s["panel"]
    under = p is not None and s["x"] + s["r"] > p["left"] and s["x"] - s["r"] < p["right"] and \
        s["y"] + s["r"] > p["top"] and s["y"] - s["r"] < p["bottom"]
    off = s["x"] < s["cx"] or s["x"] > s["cx"] + s["W"] or s["y"] < s["cy"] or s["y"] > s["cy"] + s["H"]
    return under or off


def _arm(page: Opened) -> None:
    """Note when the view's next animation ends."""
    page.js("() => { window.__settled = false; citegraph.network.once('animationFinished', () => { window.__settled = true; }); }")


def _settle(page: Opened, i: int) -> dict:
    """The dot's place once the view's animation (armed by :func:`_arm`) has ended, if it moves at all."""
    # Asked from here: headless Chromium draws the animation's frames while the
    # page is being talked to, and page-side polling (wait_for_function) stalls it.
    for _ in range(100):
        if page.js("window.__settled"):
            break
        page.page.wait_for_timeout(50)
    return _screen(page, i)


def _details(page: Opened) -> str:
    return page.js("document.getElementById('cg-details').innerText")


# ------------------------------------------------------------------ 1. the panel leaves its paper in view

@pytest.mark.parametrize("size", [(1600, 1000), (480, 800)], ids=["wide", "narrow"])
def test_the_details_panel_sits_beside_the_canvas_and_the_searched_paper_in_it(browser, sample_html, size):
    """Beside the graph in a wide window, below it in a narrow one: the panel covers no paper."""
    page = Opened(browser, sample_html, viewport=size)
    try:
        for name in ("Janus-Pro", "InternVL3", "UniTok", "Emu3"):
            i = page.node_index(name)
            assert i >= 0
            page.page.fill("#cg-search", name)
            _arm(page)
            page.page.press("#cg-search", "Enter")
            after = _settle(page, i)
            assert page.js("citegraph.network.getSelectedNodes().map(citegraph.index)") == [i]
            p = after["panel"]
            canvas = page.js("document.getElementById('mynetwork').getBoundingClientRect().toJSON()")
            apart = (p["left"] >= canvas["right"] - 1 or p["top"] >= canvas["bottom"] - 1)
            assert apart, (p, canvas)
            assert canvas["left"] <= after["x"] <= canvas["right"] and canvas["top"] <= after["y"] <= canvas["bottom"]
    finally:
        page.close()


# ------------------------------------------------------------------ 2. counts by kind

def _kinds(d: dict) -> list[str]:
    return d.get("kinds") or [d.get("kind")]


def test_details_count_citations_lineage_and_names_apart(opened, sample):
    janus = next(n for n, d in sample.nodes(data=True) if d.get("name") == "Janus")
    out = [_kinds(d) for _, _, d in sample.out_edges(janus, data=True)]
    inn = [_kinds(d) for _, _, d in sample.in_edges(janus, data=True)]
    count = lambda links, k: sum(k in ks for ks in links)  # noqa: E731
    # the sample's Janus has links of every kind, so the counts differ from the links' totals
    assert count(out, "cites") < len(out) and count(inn, "builds_on") and count(out, "mentions")
    opened.js("(i) => citegraph.focusNode(i)", opened.node_index("Janus"))
    text = _details(opened)
    assert f"cites {count(out, 'cites')} · cited by {count(inn, 'cites')}" in text
    assert f"built on by {count(inn, 'builds_on')}" in text and "builds on" not in text.replace("built on by", "")
    assert f"names {count(out, 'mentions')}" in text and "named by" not in text


@pytest.mark.parametrize("name", ["Emu3", "SigLIP", "UniTok"])
def test_lineage_and_name_rows_show_only_for_papers_with_such_links(opened, sample, name):
    node = next(n for n, d in sample.nodes(data=True) if d.get("name") == name)
    links = [_kinds(d) for _, _, d in sample.in_edges(node, data=True)] + [_kinds(d) for _, _, d in sample.out_edges(node, data=True)]
    opened.js("(i) => citegraph.focusNode(i)", opened.node_index(name))
    text = _details(opened)
    assert "In this graph" in text
    assert ("Lineage" in text) == any("builds_on" in k for k in links)
    assert ("Named in the text" in text) == any("mentions" in k for k in links)


# ------------------------------------------------------------------ 6. the panel follows the controls

def _state(page: Opened) -> dict:
    return page.js(
        """() => ({open: !document.getElementById('cg-details').hidden,
                  selected: citegraph.network.getSelectedNodes().map(citegraph.index),
                  dim: citegraph.network.nodesHandler.options.opacity,
                  drawn: citegraph.network.body.edgeIndices.length})"""
    )


def test_the_clicked_paper_keeps_its_highlight_when_a_control_changes(opened, sample):
    i = opened.node_index("Janus")
    opened.js("(i) => citegraph.focusNode(i)", i)
    before = _state(opened)
    assert before["open"] and before["selected"] == [i] and before["dim"] == 0.15
    lit_before = sum(o == 1 for o in opened.opacities())
    opened.page.click("#cg-cites")  # untick Citations
    s = _state(opened)
    assert s["open"] and s["selected"] == [i] and s["dim"] == 0.15
    assert sum(o == 1 for o in opened.opacities()) == lit_before
    opened.page.click("#cg-lineage")  # Janus is in a lineage: it stays, with its lineage alone
    s = _state(opened)
    assert s["open"] and s["selected"] == [i] and s["dim"] == 0.15
    kinds = opened.js("citegraph.data.edgeKinds")
    assert s["drawn"] and {kinds[e] for e in opened.drawn_edges()} == {"builds_on"}
    assert "Janus" in _details(opened)


def test_the_details_close_when_a_filter_hides_the_clicked_paper(opened, sample):
    i = opened.node_index("Janus")
    year = sample.nodes[opened.js("(i) => citegraph.data.info[i].id", i)]["year"]
    opened.js("(i) => citegraph.focusNode(i)", i)
    opened.page.fill("#cg-year-min", str(year + 1))
    opened.page.dispatch_event("#cg-year-min", "change")
    s = _state(opened)
    assert not s["open"] and s["selected"] == [] and s["dim"] == 1
    own = opened.js("citegraph.network.body.nodeIndices.map((i) => citegraph.network.body.nodes[i].options.opacity)")
    assert own and all(o in (None, 1) for o in own)


# ------------------------------------------------------------------ 8. hidden citations under filters, 4. plurals

def test_the_hidden_citation_count_counts_only_links_between_papers_shown(browser, tmp_path):
    G = synthetic_graph(2000)
    path = tmp_path / "big.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        cites = [(u, v) for u, v, d in G.edges(data=True) if d.get("kind") == "cites"]
        assert not page.js("citegraph.data.showCites")
        assert f"({len(cites):,} citation links hidden)" in page.js("document.getElementById('cg-count').textContent")
        page.page.fill("#cg-year-max", "2015")
        page.page.dispatch_event("#cg-year-max", "change")
        old = lambda n: G.nodes[n].get("year") is not None and G.nodes[n]["year"] <= 2015  # noqa: E731
        among = sum(1 for u, v in cites if old(u) and old(v))
        assert 0 < among < len(cites)
        shown = sum(1 for n in G if old(n))
        assert page.js("document.getElementById('cg-count').textContent") == (
            f"{shown:,} papers · 0 links ({among:,} citation links hidden) "
        ).strip()
    finally:
        page.close()


def test_counts_say_one_paper_not_one_papers(browser, tmp_path):
    G = new_graph()
    add_paper(G, "a", title="Only paper", year=2024, listed=True)
    path = tmp_path / "one.html"
    write_html(G, path)
    page = Opened(browser, path)
    try:
        assert page.js("document.getElementById('cg-count').textContent") == "1 paper · 0 links"
    finally:
        page.close()


# ------------------------------------------------------------------ 7. band names off the help line

def test_no_band_name_is_drawn_over_the_help_line(browser, tmp_path):
    path = tmp_path / "spread.html"
    write_html(spread_graph(), path)
    page = Opened(browser, path)
    try:
        top = page.js("document.getElementById('cg-help').offsetTop")
        drawn = page.js("citegraph.drawnBands.map((d) => [d.label, d.y, d.height])")
        assert drawn
        assert all(y + h <= top for _, y, h in drawn), (drawn, top)
        # Panned so that a band's top sits behind the help line: its name is not drawn there either.
        page.js("""() => { const net = citegraph.network, h = document.getElementById('mynetwork').clientHeight;
                           const b = citegraph.data.axis.bands[citegraph.data.axis.bands.length - 1], s = net.getScale();
                           net.moveTo({position: {x: net.getViewPosition().x, y: b.top - 6 - (h / 2 - 20) / s}, scale: s}); }""")
        page.page.wait_for_timeout(100)
        drawn = page.js("citegraph.drawnBands.map((d) => [d.label, d.y, d.height])")
        assert all(y + h <= top for _, y, h in drawn), (drawn, top)
    finally:
        page.close()


# ------------------------------------------------------------------ 9. a first view with names

READABLE = """() => { const s = citegraph.network.getScale(), d = citegraph.data;
  return d.nodes.filter((n) => n.label && ((n.font && n.font.size) || (n.group === 'outside' ? 10 : 14)) * s >= 6).length; }"""


def test_a_big_page_whose_lists_span_every_year_opens_with_names_to_read(browser, tmp_path):
    path = tmp_path / "spanning.html"
    write_html(synthetic_graph(2000), path)
    page = Opened(browser, path)
    try:
        assert page.js("citegraph.data.view") is None  # no box of the lists' latest papers to frame
        assert page.js(READABLE) > 0
        # the names shown are those of the latest year's listed papers
        latest = page.js("""() => { const d = citegraph.data, net = citegraph.network, c = document.getElementById('mynetwork');
            const ys = d.info.filter((m) => m.l && m.y).map((m) => m.y); const top = Math.max(...ys);
            return d.info.map((m, i) => [m, i]).filter(([m]) => m.l && m.y === top).some(([, i]) => {
              const p = net.canvasToDOM(net.getPositions([citegraph.id(i)])[citegraph.id(i)]); return p.x > 0 && p.x < c.clientWidth && p.y > 0 && p.y < c.clientHeight; }); }""")
        assert latest
    finally:
        page.close()


# ------------------------------------------------------------------ 3. lineage links off paper names

CROSSINGS = """() => { const net = citegraph.network, d = citegraph.data, s = net.getScale(), pos = net.getPositions();
  const ctx = document.createElement('canvas').getContext('2d'); const boxes = {};
  d.nodes.forEach((n, i) => { if (!n.label) return; const fs = (n.font && n.font.size) || (n.group === 'outside' ? 10 : 14);
    ctx.font = fs + 'px ' + d.fontFace; const w = ctx.measureText(n.label).width;
    const p = pos[citegraph.id(i)], r = n.size || 10; boxes[i] = [p.x - w / 2, p.y + r + 3, p.x + w / 2, p.y + r + 3 + fs]; });
  let hits = 0;
  d.edges.forEach((e) => { if (d.edgeKinds[e.id] !== 'builds_on') return; const ed = net.body.edges[e.id];
    for (const b of Object.values(boxes)) { let n = 0;
      for (let t = 0.02; t < 0.98; t += 0.01) { const q = ed.edgeType.getPoint(t); if (q.x > b[0] && q.x < b[2] && q.y > b[1] && q.y < b[3]) n++; }
      if (n >= 2) hits++; } });
  return hits; }"""


# The time layout only: the force layout's places change with the process's
# hash seed, and with them how many names its links could miss.
@pytest.mark.parametrize("layout", ["time"])
def test_lineage_links_cross_fewer_names_than_when_only_dots_are_avoided(browser, tmp_path, sample, layout, monkeypatch):
    aware = tmp_path / "aware.html"
    write_html(sample, aware, layout=layout)
    bends = geometry.bends
    monkeypatch.setattr(geometry, "bends", lambda links, pos, radius, base, label_box=None: bends(links, pos, radius, base))
    blind = tmp_path / "blind.html"
    write_html(sample, blind, layout=layout)
    counts = {}
    for name, path in (("aware", aware), ("blind", blind)):
        page = Opened(browser, path)
        try:
            counts[name] = page.js(CROSSINGS)
            assert page.errors == []
        finally:
            page.close()
    assert counts["blind"] > 0 and counts["aware"] < counts["blind"], counts
