"""What a reader sees in the lineage view, the first view and a paper's focus view,
measured in real Chromium at three window sizes, on the demo and on the seed
lists' report built against the fake Semantic Scholar (~730 papers).
Screenshots go to pytest's tmp folder and to /tmp/citegraph-shots."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

import citegraph
from citegraph.graph.model import has_kind, load_graph
from citegraph.lists.reader import read_lists
from tests.export.html.pages import CROSSINGS, SHOTS, Opened, read
from tests.fakes.s2 import FakeS2, World

pytestmark = pytest.mark.browser

SIZES = [(1600, 1000), (1280, 720), (390, 844)]
IDS = ["1600x1000", "1280x720", "390x844"]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    citegraph.demo(out)
    return out


@pytest.fixture(scope="module")
def seeds_report(seed_files, tmp_path_factory) -> Path:
    entries = read_lists(seed_files).entries
    world = World.from_entries(entries, seed=0, pool_size=230)
    out = tmp_path_factory.mktemp("seeds")
    with FakeS2(world).start() as server:
        citegraph.report(seed_files, out, api_url=server.url, cache=out / "cache.sqlite", min_interval=0, quiet=True)
    return out


@pytest.fixture(params=["demo", "seeds"])
def report_dir(request) -> Path:
    return request.getfixturevalue(f"{request.param}_report")


def _lineage_papers(out: Path) -> set[str]:
    G = load_graph(out / "graph.json")
    return {str(n) for u, v, d in G.edges(data=True) if has_kind(d, "builds_on") for n in (u, v)}


def _open(browser, out: Path, size, view: str, shot: str, tmp_path: Path) -> tuple[Opened, dict]:
    page = Opened(browser, out / "graph.html", viewport=size, view=view)
    page.page.wait_for_timeout(100)
    seen = read(page)
    name = f"{out.name}-{shot}-{size[0]}x{size[1]}.png"
    page.page.screenshot(path=str(tmp_path / name))
    try:
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(tmp_path / name, SHOTS / name)
    except OSError:
        pass  # the copy is only for a person to look at
    assert page.errors == [] and page.requests == [page.page.url.split("#")[0]] and page.blocked == []
    return page, seen


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_lineage_view_names_every_lineage_paper_readably(browser, report_dir, size, tmp_path):
    page, seen = _open(browser, report_dir, size, "view=lineage", "lineage", tmp_path)
    try:
        lineage = _lineage_papers(report_dir)
        drawn = set(page.js("citegraph.nodesView.getIds()"))
        assert seen["mode"] == "lineage" and drawn == lineage  # node ids are the graph's
        assert seen["overlaps"] == 0 and seen["under"] == 0
        assert page.js(CROSSINGS) == 0  # no lineage link runs through another paper's box
        if size[0] >= 1280:
            assert seen["named_in_window"] == len(lineage) and seen["outside"] == 0
            assert seen["minPx"] >= 12
        else:  # a phone: the oldest part first, names to read, the rest a pan away
            assert seen["minPx"] >= 11 and seen["named_in_window"] >= 5
    finally:
        page.close()


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_first_view_reads_at_a_glance(browser, report_dir, size, tmp_path):
    page, seen = _open(browser, report_dir, size, "", "first", tmp_path)
    try:
        assert seen["mode"] == "first" and seen["overlaps"] == 0 and seen["under"] == 0
        assert page.js(CROSSINGS) == 0
        assert seen["minPx"] >= 11
        if size[0] >= 1280:
            assert seen["readable11"] >= 25 and seen["outside"] == 0
            # every year of the papers shown is on the axis
            years = page.js("""() => { const ys = new Set(citegraph.nodesView.getIds().map((id) =>
                                 citegraph.data.info[citegraph.index(id)].y).filter((y) => y));
                               const drawn = new Set(citegraph.mode.years.map((y) => Number(y.label)));
                               return [...ys].every((y) => drawn.has(y)); }""")
            assert years
        assert page.js("document.getElementById('cg-bar').getBoundingClientRect().height") < (60 if size[0] >= 1280 else 400)
    finally:
        page.close()


def _hub(out: Path) -> str:
    """The lineage paper with the most lineage links."""
    G = load_graph(out / "graph.json")
    count: dict[str, int] = {}
    for u, v, d in G.edges(data=True):
        if has_kind(d, "builds_on"):
            for n in (u, v):
                count[str(n)] = count.get(str(n), 0) + 1
    return max(sorted(count), key=count.__getitem__)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_focus_view_arranges_a_paper_and_names_its_lineage(browser, report_dir, size, tmp_path):
    hub = _hub(report_dir)
    page, seen = _open(browser, report_dir, size, f"paper={hub}", "focus", tmp_path)
    try:
        assert seen["mode"] == "paper" and seen["shown"] <= 41 and seen["overlaps"] == 0 and seen["under"] == 0
        assert seen["minPx"] >= (12 if size[0] >= 1280 else 11)
        G = load_graph(report_dir / "graph.json")
        near = {str(v) for _, v, d in G.out_edges(hub, data=True) if has_kind(d, "builds_on")}
        near |= {str(u) for u, _, d in G.in_edges(hub, data=True) if has_kind(d, "builds_on")}
        links = page.js("[...document.querySelectorAll('#cg-details a[href^=\"#paper=\"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(7)))")
        assert near and near <= set(links)
        # the paper itself is in the window, beside the panel
        box = page.js("""(id) => { const net = citegraph.network, p = net.canvasToDOM(net.getPositions([id])[id]);
                                    const c = document.getElementById('mynetwork').getBoundingClientRect();
                                    return [p.x, p.y, c.width, c.height]; }""", hub)
        assert 0 <= box[0] <= box[2] and 0 <= box[1] <= box[3]
    finally:
        page.close()


def test_a_link_in_the_panel_focuses_that_paper_and_back_returns(browser, demo_report, tmp_path):
    page, _ = _open(browser, demo_report, (1600, 1000), "view=lineage", "back", tmp_path)
    try:
        hub = _hub(demo_report)
        page.js("(id) => citegraph.network.emit('click', {nodes: [id], edges: [], pointer: {DOM: {x: 0, y: 0}}})", hub)
        page.wait_for("citegraph.mode.name === 'paper'")
        assert unquote(page.page.url.split("#", 1)[1]) == "paper=" + hub
        first = page.page.locator("#cg-details a[href^='#paper=']").first
        target = unquote(first.get_attribute("href")[len("#paper="):])
        first.click()
        page.wait_for("(id) => citegraph.mode.paper === citegraph.index(id)", arg=target)
        page.page.go_back()
        page.wait_for("(id) => citegraph.mode.paper === citegraph.index(id)", arg=hub)
        page.page.go_back()
        page.wait_for("citegraph.mode.name === 'lineage'")
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_the_demo_has_no_ticked_and_disabled_citations_box(browser, demo_report, tmp_path):
    page, _ = _open(browser, demo_report, (1280, 720), "", "citations", tmp_path)
    try:
        box = page.js("""() => { const b = document.getElementById('cg-cites');
                                 return {visible: b.offsetParent !== null, checked: b.checked, disabled: b.disabled}; }""")
        assert not (box["visible"] and box["checked"] and box["disabled"])
        assert not box["disabled"] or not box["visible"]
    finally:
        page.close()


def test_hostile_names_and_ids_run_nothing_in_the_views(browser, tmp_path):
    """Markup in names, evidence and the graph's own node ids stays text in every view and in the panel's links."""
    import networkx as nx

    from citegraph.export.html.page import write_html
    from tests.export.html.factories import HOSTILE, hostile_graph

    G = nx.relabel_nodes(hostile_graph(), {f"p{i}": f"{bad} {i}" for i, bad in enumerate(HOSTILE)})
    path = tmp_path / "hostile.html"
    write_html(G, path)
    target = f"{HOSTILE[2]} 2"
    for view in ("", "view=lineage", "paper=" + quote(target, safe="")):
        page = Opened(browser, path, view=view)
        try:
            assert page.js("citegraph.mode.name") == {"": "first", "view=lineage": "lineage"}.get(view, "paper")
            assert set(page.js("citegraph.nodesView.getIds()")) <= set(G)
            if view.startswith("paper="):
                assert page.js("citegraph.mode.paper") == page.js("(id) => citegraph.index(id)", target)
                hrefs = page.js("[...document.querySelectorAll('#cg-details a')].map((a) => a.getAttribute('href'))")
                panel = [h for h in hrefs if h.startswith("#")]
                assert panel and all(h.startswith("#paper=") for h in panel)
                assert all(h.startswith("#paper=") or h.startswith("https://") for h in hrefs)
                text = page.js("document.getElementById('cg-details').textContent")
                assert HOSTILE[1][:40] in text and HOSTILE[3] in text  # the neighbours' names, as text
                page.page.locator("#cg-details a[href^='#paper=']").first.click()
                page.wait_for("citegraph.mode.name === 'paper'")
            assert page.js("typeof window.__pwned") == "undefined" and page.js("document.scripts.length") == 4
            assert page.dialogs == [] and page.errors == [] and page.blocked == []
            assert page.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
        finally:
            page.close()


def test_a_search_from_the_overview_opens_the_papers_focus_view(browser, demo_report, tmp_path):
    page, _ = _open(browser, demo_report, (1280, 720), "", "search", tmp_path)
    try:
        page.page.fill("#cg-search", "Janus-Pro")
        page.page.press("#cg-search", "Enter")
        page.wait_for("citegraph.mode.name === 'paper'")
        name = page.js("citegraph.data.info[citegraph.mode.paper].n")
        assert name == "Janus-Pro"
        assert "Janus" in page.js("[...document.querySelectorAll('#cg-details a[href^=\"#paper=\"]')].map((a) => a.textContent)")
        page.page.go_back()
        page.wait_for("citegraph.mode.name === 'first'")
    finally:
        page.close()
