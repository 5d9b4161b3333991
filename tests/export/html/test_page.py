"""The HTML explorer's data and page structure (the browser tests are in test_browser*.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.errors import UsageError
from citegraph.analysis.lineage import families
from citegraph.export.html import data as D
from citegraph.export.html import page as H
from citegraph.export.html.geometry import label_box
from citegraph.export.html.layout import MAX_COLUMNS, force_layout, time_layout, year_columns
from citegraph.graph.model import add_link, add_paper, new_graph, save_graph

from tests.export.html.factories import (
    HOSTILE, chain_graph, hostile_graph, sample_graph, spread_graph, synthetic_graph,
)

# ---------------------------------------------------------------- page parsing


class _Page(HTMLParser):
    """Collects tags, attributes and script bodies of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.title = ""
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in, self._buf = tag, []

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == self._in == "script":
            self.scripts.append((self.tags[-1][1] if self.tags[-1][0] == "script" else {}, "".join(self._buf)))
        if tag == self._in == "title":
            self.title = "".join(self._buf)
        if tag == self._in:
            self._in = None


def parse_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def pyvis_items(text: str) -> tuple[list, list, dict]:
    """The nodes, edges and options pyvis wrote into its network script."""
    page = parse_page(text)
    (code,) = [body for attrs, body in page.scripts if "drawGraph" in body]
    dec = json.JSONDecoder()
    nodes_at = code.index("nodes = new vis.DataSet(") + len("nodes = new vis.DataSet(")
    edges_at = code.index("edges = new vis.DataSet(") + len("edges = new vis.DataSet(")
    options_at = code.index("var options = ") + len("var options = ")
    return dec.raw_decode(code, nodes_at)[0], dec.raw_decode(code, edges_at)[0], dec.raw_decode(code, options_at)[0]


def page_data(text: str) -> dict:
    page = parse_page(text)
    (blob,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    return json.loads(blob)


@pytest.fixture(scope="module")
def sample_page(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "sample.html"
    result = H.write_html(sample, path)
    return result, path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- explorer data


def test_every_paper_and_link_is_drawn_once(sample):
    data = H.explorer_data(sample)
    assert len(data["nodes"]) == len(data["info"]) == sample.number_of_nodes()
    assert len(data["edges"]) == len(data["edgeKinds"]) == sample.number_of_edges()
    assert {i["id"] for i in data["info"]} == set(sample)
    assert [n["id"] for n in data["nodes"]] == list(range(len(data["nodes"])))
    back = {(data["info"][e["from"]]["id"], data["info"][e["to"]]["id"]) for e in data["edges"]}
    assert back == set(sample.edges())
    assert data["note"] is None


def test_labels_are_model_names_or_short_titles(sample):
    data = H.explorer_data(sample)
    by_id = {i["id"]: (n, i) for n, i in zip(data["nodes"], data["info"])}
    for node, d in sample.nodes(data=True):
        item, info = by_id[node]
        if d.get("name"):
            assert item["label"] == d["name"]
        else:
            # Unnamed papers outside the top tenth carry no label (shown on hover).
            label = item.get("label", "")
            assert len(label) <= 30 and d["title"].startswith(label.rstrip("…"))
        assert info["t"] == d["title"]


def test_listed_papers_are_filled_and_outside_papers_are_rings(sample):
    data = H.explorer_data(sample)
    for item, info in zip(data["nodes"], data["info"]):
        c = item["color"]
        if info.get("l"):
            assert c["background"] != "#ffffff" and "group" not in item
        else:
            # A pale fill inside a ring of the full colour, and (from the group) a smaller grey label.
            assert c["background"] != c["border"] and item["group"] == "outside"
            assert sum(int(c["background"][k:k + 2], 16) for k in (1, 3, 5)) > 600
    outside = data["options"]["groups"]["outside"]
    assert outside["font"]["size"] < data["options"]["nodes"]["font"]["size"] and outside["borderWidth"] == 2


def test_size_follows_pagerank_by_default(sample):
    data = H.explorer_data(sample)
    pr = nx.pagerank(sample)
    sizes = {i["id"]: n["size"] for n, i in zip(data["nodes"], data["info"])}
    top = max(pr, key=pr.get)
    bottom = min(pr, key=pr.get)
    assert sizes[top] == max(sizes.values()) and sizes[bottom] == min(sizes.values())
    ranked = sorted(sample, key=pr.get)
    assert [sizes[n] for n in ranked] == sorted(sizes[n] for n in ranked)


def test_size_by_citations(sample):
    data = H.explorer_data(sample, size="citations")
    sizes = {i["id"]: n["size"] for n, i in zip(data["nodes"], data["info"])}
    most = max(sample, key=lambda n: sample.nodes[n].get("citation_count") or 0)
    assert sizes[most] == max(sizes.values())
    assert data["legend"]["size"] == "citations"


def test_family_colours_and_legend(sample):
    data = H.explorer_data(sample)
    fill = {i["id"]: n["color"]["background"] for n, i in zip(data["nodes"], data["info"]) if i.get("l")}
    family = {n: fam for fam, members in families(sample).items() for n in members}
    groups: dict[str, set] = {}
    for node, fam in family.items():
        if node in fill:
            groups.setdefault(fam, set()).add(fill[node])
    # Every family of listed papers has one colour of its own.
    assert len(groups) >= 5 and all(len(c) == 1 for c in groups.values())
    assert len({next(iter(c)) for c in groups.values()}) == len(groups)
    by_name = {d.get("name"): n for n, d in sample.nodes(data=True)}
    assert fill[by_name["Janus"]] == fill[by_name["Janus-Pro"]] != fill[by_name["Emu3"]]
    legend = data["legend"]
    assert legend["title"] == "Model family" and legend["size"] == "PageRank"
    labels = [i["label"] for i in legend["items"]]
    assert set(groups) <= set(labels) and labels[-1] == "no family / other"
    assert sum(i["count"] for i in legend["items"]) == sample.number_of_nodes()
    for item in legend["items"][:-1]:
        assert {fill[data["info"][k]["id"]] for k in item["members"] if data["info"][k].get("l")} == {item["color"]}


def test_colour_by_year_runs_dark_to_light(sample):
    data = H.explorer_data(sample, color="year")
    years = {}
    for n, i in zip(data["nodes"], data["info"]):
        if i.get("l"):
            years[i["y"]] = n["color"]["background"]
    lum = {y: sum(int(c[k:k + 2], 16) for k in (1, 3, 5)) for y, c in years.items()}
    assert lum[min(lum)] < lum[max(lum)]
    assert data["legend"]["title"] == "Year"


def test_colour_by_community(sample):
    data = H.explorer_data(sample, color="community")
    assert data["legend"]["title"] == "Community"
    assert all("cm" in i for i in data["info"])
    assert len(data["legend"]["items"]) >= 2


def test_lineage_and_mentions_links_stand_out(sample):
    data = H.explorer_data(sample)
    style = {}
    for e, kind in zip(data["edges"], data["edgeKinds"]):
        style.setdefault(kind, set()).add((e.get("width"), str(e.get("dashes")), str(e.get("color"))))
    assert set(style) == {"cites", "builds_on", "mentions"}
    (lineage,) = style["builds_on"]
    (mention,) = style["mentions"]
    assert lineage[0] > data["options"]["edges"]["width"] * 3
    assert mention[1] != "None" and lineage[1] == "None"
    for e, kind in zip(data["edges"], data["edgeKinds"]):
        if kind == "builds_on":
            ev = data["edgeInfo"][str(e["id"])]
            assert ev["cf"] == 0.84 and ev["ev"][0][0] == "text"


def test_tooltip_data_has_everything_the_issue_lists(sample):
    data = H.explorer_data(sample)
    by_id = {i["id"]: i for i in data["info"]}
    node = next(n for n, d in sample.nodes(data=True) if d.get("name") == "Janus-Pro")
    d = sample.nodes[node]
    info = by_id[node]
    assert info["t"] == d["title"] and info["y"] == d["year"] and info["v"] == d["venue"]
    assert info["a"] == d["authors"][:3] and info["na"] == len(d["authors"])
    assert info["c"] == d["citation_count"] and info["ic"] == d["influential_citation_count"]
    assert info["f"] and info["l"] is True
    assert [data["sections"][k] for k in info["s"]] == d["tags"]
    pr = nx.pagerank(sample)
    assert info["rk"] == sorted(sample, key=lambda n: -pr[n]).index(node) + 1
    assert dict(info["u"]) == {
        "arXiv": f"https://arxiv.org/abs/{d['arxiv']}",
        "Semantic Scholar": f"https://www.semanticscholar.org/paper/{d['paper_id']}",
    }


def test_links_are_percent_encoded():
    G = new_graph()
    _ = add_paper(G, "p", title="T", arxiv='2401.1"><b>', doi="10.1/a b<c>", paper_id="x/../y")
    links = dict(H.explorer_data(G)["info"][0]["u"])
    assert links["arXiv"] == "https://arxiv.org/abs/2401.1%22%3E%3Cb%3E"
    assert links["DOI"] == "https://doi.org/10.1/a%20b%3Cc%3E"
    assert links["Semantic Scholar"] == "https://www.semanticscholar.org/paper/x%2F..%2Fy"


# ---------------------------------------------------------------- layouts


def test_time_layout_reads_left_to_right_with_a_band_per_family(sample):
    data = H.explorer_data(sample)
    pos = {i["id"]: (n["x"], n["y"]) for n, i in zip(data["nodes"], data["info"])}
    year = {n: d.get("year") for n, d in sample.nodes(data=True)}
    for u in sample:
        for v in sample:
            if year[u] < year[v]:
                assert pos[u][0] < pos[v][0]
    bands = data["axis"]["bands"]
    tops = [b["top"] for b in bands]
    assert tops == sorted(tops)
    assert all(b["bottom"] < nb["top"] for b, nb in zip(bands, bands[1:]))
    by_name = {d.get("name"): n for n, d in sample.nodes(data=True)}
    janus_band = next(b for b in bands if b["label"].casefold().startswith("janus"))
    for name in ("Janus", "JanusFlow", "Janus-Pro"):
        assert janus_band["top"] <= pos[by_name[name]][1] <= janus_band["bottom"]
    assert bands[-1]["label"].startswith("outside the lists")


def test_time_layout_keeps_dots_apart(sample):
    data = H.explorer_data(sample)
    items = data["nodes"]
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            p, q = items[a], items[b]
            gap = ((p["x"] - q["x"]) ** 2 + (p["y"] - q["y"]) ** 2) ** 0.5
            assert gap >= p["size"] + q["size"], (p["label"], q["label"])


def test_time_layout_puts_unknown_years_in_their_own_column():
    G = nx.DiGraph()
    G.add_node("a", year=2020)
    G.add_node("b")
    pos, axis = time_layout(G, {"a": 0, "b": 0}, [0], {})
    assert axis["unknown_year_x"] == pos["b"][0] < pos["a"][0] == axis["years"][2020]


def test_force_layout_is_deterministic_and_spreads_nodes(sample):
    data = H.explorer_data(sample, layout="force")
    again = H.explorer_data(sample, layout="force")
    assert [(n["x"], n["y"]) for n in data["nodes"]] == [(n["x"], n["y"]) for n in again["nodes"]]
    assert data["axis"] is None
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    pos = force_layout(nx.path_graph(5), seed=3, spacing=100)
    step = ((pos[0][0] - pos[1][0]) ** 2 + (pos[0][1] - pos[1][1]) ** 2) ** 0.5
    assert 50 < step < 200


def test_physics_is_off_and_big_pages_draw_lighter(sample):
    small = H.explorer_data(sample)["options"]
    big = H.explorer_data(synthetic_graph(1500))["options"]
    assert small["physics"]["enabled"] is False and big["physics"]["enabled"] is False
    assert small["edges"]["smooth"] and big["edges"]["smooth"] is False
    assert big["interaction"]["hideEdgesOnDrag"] and not small["interaction"]["hideEdgesOnDrag"]


def test_year_columns_group_early_sparse_years():
    assert year_columns({2020: 1, 2021: 1, 2022: 5}) == [(2020, 2020), (2021, 2021), (2022, 2022)]
    weight = dict.fromkeys(range(1960, 2023), 2.0) | {2023: 90.0, 2024: 300.0, 2025: 250.0}
    cols = year_columns(weight, max_columns=12)
    assert len(cols) <= 13
    # Consecutive, covering every year once, oldest first.
    assert cols[0][0] == 1960 and cols[-1][1] == 2025
    assert all(b[0] == a[1] + 1 for a, b in zip(cols, cols[1:])) and all(a <= b for a, b in cols)
    # The heavy recent years keep a column each; the sparse early ones share.
    assert cols[-3:] == [(2023, 2023), (2024, 2024), (2025, 2025)]
    assert cols[0][1] - cols[0][0] >= 5


def test_time_layout_compresses_early_years_and_frames_the_lists():
    G = spread_graph()
    data = H.explorer_data(G)
    axis = data["axis"]
    cols = axis["columns"]
    assert len(cols) <= MAX_COLUMNS + 1 < 2023 - 1990
    assert [c["label"] for c in cols[-2:]] == ["2024", "2025"]
    assert cols[0]["from"] == 1990 and cols[0]["to"] > 1990 and "\u2013" in cols[0]["label"]
    xs = [c["x"] for c in cols]
    assert xs == sorted(xs)
    # Every paper lies in its year's column: columns never overlap.
    col_of = {y: k for k, c in enumerate(cols) for y in range(c["from"], c["to"] + 1)}
    spans: dict[int, list[float]] = {}
    for node, info in zip(data["nodes"], data["info"]):
        spans.setdefault(col_of[info["y"]], []).append(node["x"])
    for k in range(len(cols) - 1):
        assert max(spans[k]) < min(spans[k + 1])
        assert cols[k]["x"] + cols[k]["width"] / 2 <= cols[k + 1]["x"] - cols[k + 1]["width"] / 2 + 1e-6
    # The first view frames the listed papers, not the decades of citations before them.
    x0, y0, x1, y1 = data["view"]
    for node, info in zip(data["nodes"], data["info"]):
        inside = x0 <= node["x"] <= x1 and y0 <= node["y"] <= y1
        if info.get("l"):
            assert inside, info["t"]
        elif info["y"] < 2015:
            assert node["x"] < x0
    # A graph whose years all fit keeps a column per year, and no narrower view.
    small = H.explorer_data(sample_graph())
    assert [c["label"] for c in small["axis"]["columns"]] == [str(y) for y in (2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025)]


def test_legend_lists_only_the_kinds_present(sample):
    legend = H.explorer_data(sample)["legend"]
    assert legend["papers"] == ["listed", "outside"] and legend["links"] == ["cites", "builds_on", "mentions"]
    # Listed papers only, lineage only: no ring and no citation or mention line in the legend.
    G = new_graph()
    for i in range(3):
        add_paper(G, f"p{i}", title=f"Model {i}", name=f"Orca-{i}", year=2020 + i, listed=True)
    add_link(G, "p1", "p0", "builds_on", confidence=0.9)
    add_link(G, "p2", "p1", "builds_on", confidence=0.9)
    legend = H.explorer_data(G)["legend"]
    assert legend["papers"] == ["listed"] and legend["links"] == ["builds_on"]
    lone = new_graph()
    add_paper(lone, "x", title="Fetched only")
    legend = H.explorer_data(lone)["legend"]
    assert legend["papers"] == ["outside"] and legend["links"] == []


def test_the_page_is_pyvis_in_line_with_items_added_in_bulk(sample, tmp_path, monkeypatch):
    import pyvis.network

    made = []

    class Spy(pyvis.network.Network):
        def __init__(self, *args, **kwargs):
            made.append(kwargs)
            super().__init__(*args, **kwargs)

        def _quadratic(self, *args, **kwargs):
            raise AssertionError("pyvis's one-by-one adders check ids against a list: quadratic")

        add_node = add_nodes = add_edge = add_edges = from_nx = _quadratic

    monkeypatch.setattr(pyvis.network, "Network", Spy)
    H.write_html(sample, tmp_path / "g.html")
    assert len(made) == 1 and made[0]["cdn_resources"] == "in_line" and made[0]["directed"] is True
    nodes, edges, _ = pyvis_items((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(nodes) == sample.number_of_nodes() and len(edges) == sample.number_of_edges()


# ---------------------------------------------------------------- too large


def test_large_graphs_keep_lineage_and_listed_papers_then_top_pagerank():
    G = synthetic_graph(400)
    add_link(G, "s397", "s399", "builds_on")  # two unlisted, low-ranked papers
    data = H.explorer_data(G, max_nodes=100)
    kept = {i["id"] for i in data["info"]}
    listed = {n for n, d in G.nodes(data=True) if d.get("listed")}
    assert len(kept) == 100 and listed <= kept and {"s397", "s399"} <= kept
    pr = nx.pagerank(G)
    others = [n for n in G if n not in listed and n not in {"s397", "s399"}]
    cut = sorted(others, key=lambda n: (-round(pr[n], 10), n))[: 100 - len(listed) - 2]  # ties go by id
    assert kept == listed | {"s397", "s399"} | set(cut)
    assert data["note"] == (
        "Showing 100 of 400 papers (more than max_nodes=100): the 2 papers in lineage links, "
        "all 40 other listed papers and the top 58 other papers by PageRank."
    )
    assert len(data["edges"]) == G.subgraph(kept).number_of_edges()


def _lineage_heavy(n_links: int = 15) -> nx.DiGraph:
    """synthetic_graph(400) (40 listed papers) plus lineage links between low-ranked unlisted papers."""
    G = synthetic_graph(400)
    unlisted = [f"s{i}" for i in range(399, 0, -1) if i % 10]
    for k in range(n_links):
        add_link(G, unlisted[2 * k], unlisted[2 * k + 1], "builds_on", confidence=round(0.5 + k / 100, 2))
    return G


def test_a_tight_cap_keeps_every_lineage_paper_before_listed_ones():
    G = _lineage_heavy()
    lineage = {n for u, v, d in G.edges(data=True) if d["kind"] == "builds_on" for n in (u, v)}
    listed = {n for n, d in G.nodes(data=True) if d.get("listed")}
    data = H.explorer_data(G, max_nodes=50)
    kept = {i["id"] for i in data["info"]}
    assert lineage <= kept and len(kept) == 50
    pr = nx.pagerank(G)
    top_listed = sorted(listed, key=lambda n: (-round(pr[n], 10), n))[:20]  # ties go by id
    assert kept == lineage | set(top_listed)
    assert data["note"] == (
        "Showing 50 of 400 papers (more than max_nodes=50): the 30 papers in lineage links "
        "and the top 20 of the 40 other listed papers by PageRank. Left out: 20 listed papers."
    )
    # Every lineage link is drawn.
    assert data["edgeKinds"].count("builds_on") == 15


def test_lineage_beyond_the_cap_keeps_the_most_confident_links_and_says_so():
    G = _lineage_heavy()
    data = H.explorer_data(G, max_nodes=9)
    kept = {i["id"] for i in data["info"]}
    # Confidence rises with k: the four most confident links (k = 11..14) fit whole, then one listed paper.
    best = {n for u, v, d in G.edges(data=True) if d.get("confidence", 0) >= 0.61 for n in (u, v)}
    assert best <= kept and len(kept) == 9
    assert len(kept - best) == 1 and G.nodes[(kept - best).pop()].get("listed")
    assert data["edgeKinds"].count("builds_on") == 4
    assert data["note"] == (
        "Showing 9 of 400 papers (more than max_nodes=9): the 8 papers of the 4 most confident of "
        "15 lineage links and the top 1 of the 40 other listed papers by PageRank. "
        "Left out: 11 lineage links and 39 listed papers."
    )


def test_the_note_leaves_out_empty_parts_and_counts_in_the_singular():
    G = synthetic_graph(50)
    for n in G:
        G.nodes[n]["listed"] = False
    G.nodes["s0"]["listed"] = True
    note = H.explorer_data(G, max_nodes=2)["note"]
    assert note == "Showing 2 of 50 papers (more than max_nodes=2): the listed paper and the top 1 other paper by PageRank."
    assert " 0 " not in H.explorer_data(G, max_nodes=1)["note"]


def test_write_html_reports_what_it_filtered(tmp_path):
    G = synthetic_graph(300)
    result = H.write_html(G, tmp_path / "g.html", max_nodes=50)
    assert (result.nodes, result.total_nodes, result.total_edges) == (50, 300, G.number_of_edges())
    assert result.filtered and result.note.startswith("Showing 50 of 300 papers")
    assert result.bytes == (tmp_path / "g.html").stat().st_size
    assert result.note in result.summary()
    assert page_data((tmp_path / "g.html").read_text(encoding="utf-8"))["note"] == result.note


# ---------------------------------------------------------------- the HTML file


def test_page_is_self_contained(sample_page):
    _, text = sample_page
    page = parse_page(text)
    # Nothing is fetched: no external script, style, image or frame of any kind.
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed", "base"), tag
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    # The data block, vis-network, pyvis's script that builds the network, the explorer's.
    assert len(page.scripts) == 4
    assert "@import" not in text and not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    # vis-network itself is inlined; pyvis's Bootstrap (from a CDN) and headings are gone.
    vis = [body for attrs, body in page.scripts if "vis.Network" not in body and "DataSet" in body]
    assert vis and len(vis[0]) > 400_000
    assert not re.search(r"cdn\.jsdelivr|cdnjs|bootstrap(\.bundle)?\.min", text)
    assert "<center>" not in text and "<h1>" not in text
    assert text.startswith("<!DOCTYPE html>")


def test_content_security_policy_allows_only_the_pages_own_scripts(sample_page):
    _, text = sample_page
    page = parse_page(text)
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    code = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    hashes = re.findall(r"'sha256-([^']+)'", csp)
    expected = [base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in code]
    assert sorted(hashes) == sorted(expected)


def test_page_data_round_trips(sample, sample_page):
    _, text = sample_page
    data = page_data(text)
    expected = json.loads(json.dumps(H.explorer_data(sample)))
    assert data["info"] == expected["info"] and data["legend"] == expected["legend"]
    nodes, edges, options = pyvis_items(text)
    # The page's node ids are the graph's; the data's items count them by index.
    ids = [i["id"] for i in data["info"]]
    assert nodes == [{**n, "id": ids[n["id"]]} for n in expected["nodes"]]
    # Edges go without their ids (their index): the page numbers them again.
    assert edges == [{**{k: v for k, v in e.items() if k != "id"}, "from": ids[e["from"]], "to": ids[e["to"]]}
                     for e in expected["edges"]]
    assert options == expected["options"] and options["physics"]["enabled"] is False


def test_big_pages_build_the_network_with_the_links_drawn_at_first(tmp_path):
    """Above CITES_SHOWN citations pyvis's network starts with lineage and mention
    links; the citations (drawn once "Citations" is ticked) come as a flat list."""
    G = synthetic_graph(1800)
    add_link(G, "s1790", "s1780", "builds_on", confidence=0.7)
    add_link(G, "s1795", "s1700", "mentions")
    path = tmp_path / "big.html"
    H.write_html(G, path)
    text = path.read_text(encoding="utf-8")
    data = page_data(text)
    nodes, edges, _ = pyvis_items(text)
    kinds = data["edgeKinds"]
    assert data["showCites"] is False and kinds.count("cites") > D.CITES_SHOWN
    assert len(nodes) == G.number_of_nodes()
    assert sorted(kinds[e["id"]] for e in edges) == ["builds_on", "mentions"]
    ids = [i["id"] for i in data["info"]]
    flat = data["hiddenEdges"]
    assert len(flat) == 2 * kinds.count("cites")
    cites = {(ids[a], ids[b]) for a, b in zip(flat[::2], flat[1::2])}
    assert cites == {(u, v) for u, v, d in G.edges(data=True) if d["kind"] == "cites"}
    # the page's node ids are the graph's
    assert [n["id"] for n in nodes] == ids
    assert {(e["from"], e["to"]) for e in edges} == {("s1790", "s1780"), ("s1795", "s1700")}


def _vis_network_js() -> str:
    """vis-network's script as shipped inside pyvis (what its in-line page embeds), found without importing pyvis."""
    import importlib.util

    root = Path(list(importlib.util.find_spec("pyvis").submodule_search_locations)[0])
    return (root / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


def test_hostile_strings_stay_data(tmp_path):
    G = hostile_graph()
    path = tmp_path / "hostile.html"
    H.write_html(G, path, title="<i>title</i>")
    text = path.read_text(encoding="utf-8")
    ours = text.replace(_vis_network_js(), "")  # vis-network's own code mentions <b>, <svg>
    found = [bad for bad in HOSTILE + ["<img", "<svg", "<b>"] if bad in ours]
    assert found == []
    assert ours.lower().count("<script") == 4  # the data block, vis-network, pyvis's network, the page's own
    page = parse_page(text)
    assert page.title == "<i>title</i>"  # shown as text (escaped in the file)
    assert len(page.scripts) == 4  # no script tag was smuggled in
    data = page_data(text)
    # Titles arrive whole (whitespace folded, U+2028 included).
    assert {i["t"] for i in data["info"]} == {" ".join(b.split()) for b in HOSTILE}
    assert HOSTILE[1] in {i.get("v") for i in data["info"]}
    for info in data["info"]:
        assert all(url.startswith("https://") and not re.search(r"[\s\"'<>]", url) for _, url in info["u"])


def test_script_json_escapes_what_could_end_the_script():
    text = H.script_json({"a": "</script><!--", "b": "x\u2028y\u2029", "c": "&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!--", "b": "x\u2028y\u2029", "c": "&"}


# ---------------------------------------------------------------- fallbacks and errors


def test_works_without_the_analysis_modules(sample, monkeypatch):
    for mod in ("citegraph.analysis.rank", "citegraph.analysis.lineage", "citegraph.analysis.communities"):
        monkeypatch.setitem(sys.modules, mod, None)  # import raises ImportError
    data = H.explorer_data(sample)
    by_id = {i["id"]: i for i in data["info"]}
    by_name = {d.get("name"): n for n, d in sample.nodes(data=True)}
    # Families fall back to name stems: Qwen-VL, Qwen2-VL and Qwen2.5-VL are one family.
    assert by_id[by_name["Qwen-VL"]]["f"] == by_id[by_name["Qwen2.5-VL"]]["f"] == "Qwen"
    assert "f" not in by_id[by_name["Transfusion"]]
    pr = nx.pagerank(sample)
    assert by_id[max(pr, key=pr.get)]["rk"] == 1
    assert H.explorer_data(sample, color="community")["legend"]["title"] == "Community"


def test_graph_without_edges_or_years():
    G = new_graph()
    add_paper(G, "a", title="Only paper")
    data = H.explorer_data(G)
    assert len(data["nodes"]) == 1 and data["years"] is None and data["edges"] == []


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"color": "rainbow"}, "--color must be one of family, community, year, not 'rainbow'"),
        ({"layout": "circle"}, "--layout must be one of time, force, not 'circle'"),
        ({"size": "height"}, "--size must be one of pagerank, citations, influential, indegree"),
        ({"max_nodes": 0}, "--max-nodes must be at least 1, not 0"),
    ],
)
def test_bad_options_are_usage_errors(sample, kwargs, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        H.explorer_data(sample, **kwargs)


def test_pyvis_is_imported_only_by_the_html_writer():
    from tests.conftest import ROOT

    users = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "citegraph").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+pyvis", p.read_text(encoding="utf-8"), re.M)
    )
    assert users == ["citegraph/export/html/page.py"]


def test_pyvis_is_imported_only_when_a_page_is_written():
    """Importing pyvis.network imports IPython (1-2 s): commands that write no page do not pay it."""
    import subprocess

    code = "import sys, citegraph, citegraph.export.html.page, citegraph.cli; print('pyvis.network' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_writing_a_page_does_not_import_ipython_and_leaves_it_importable(tmp_path):
    """pyvis's IPython import is deferred: the page is still pyvis's, and IPython stays the real package."""
    import subprocess

    code = (
        "import sys\n"
        "from citegraph.export.html.page import write_html\n"
        "from citegraph.graph.model import new_graph, add_paper\n"
        "G = new_graph(); add_paper(G, 'a', title='A', year=2024, listed=True)\n"
        f"write_html(G, {str(tmp_path / 'p.html')!r})\n"
        "print('IPython' in sys.modules, 'pyvis.network' in sys.modules)\n"
        "import pyvis.network, IPython.display\n"
        "frame = pyvis.network.IFrame('x.html', width=10, height=20)\n"
        "print(type(frame) is IPython.display.IFrame, hasattr(IPython, 'get_ipython'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "True", "True"]
    assert "citegraph with pyvis" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_pyvis_gets_the_real_ipython_when_it_is_loaded(tmp_path):
    import subprocess

    code = (
        "import IPython.display\n"
        "from citegraph.export.html.page import _pyvis_network_class\n"
        "Network = _pyvis_network_class()\n"
        "import pyvis.network\n"
        "print(pyvis.network.IFrame is IPython.display.IFrame, Network is pyvis.network.Network)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True"]


# ---------------------------------------------------------------- CLI


def test_cli_writes_the_page(sample, tmp_path):
    graph = tmp_path / "g.json"
    save_graph(sample, graph)
    out = tmp_path / "out" / "graph.html"
    result = CliRunner().invoke(main, ["html", str(graph), "-o", str(out), "--color", "year", "--layout", "force"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: {sample.number_of_nodes()} papers, {sample.number_of_edges()} links")
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["color"] == "year" and data["layout"] == "force"


def test_cli_says_what_it_filtered(tmp_path):
    graph = tmp_path / "g.json"
    save_graph(synthetic_graph(120), graph)
    result = CliRunner().invoke(main, ["html", str(graph), "-o", str(tmp_path / "g.html"), "--max-nodes", "30"])
    assert result.exit_code == 0, result.output
    assert "Showing 30 of 120 papers" in result.output


def test_cli_bad_size_is_one_error_line(sample, tmp_path):
    graph = tmp_path / "g.json"
    save_graph(sample, graph)
    result = CliRunner().invoke(main, ["html", str(graph), "-o", str(tmp_path / "g.html"), "--size", "height"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: --size must be one of pagerank")


# ---------------------------------------------------------------- lineage links' shapes


def _vis_curve(p, q, smooth, k=60):
    """Points of the line vis-network draws from p to q for an edge's ``smooth`` option.

    Written from vis-network 9.1.2's Edge code: curvedCW/curvedCCW are quadratic
    curves through a control point turned off the chord by the roundness.
    """
    import math

    ts = [(i + 1) / (k + 1) for i in range(k)]
    if not smooth or not smooth.get("enabled", True):
        return [(p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t) for t in ts]
    r = smooth["roundness"]
    dx, dy = q[0] - p[0], p[1] - q[1]
    length = math.hypot(dx, dy)
    turn = 0.5 * r + 0.5 if smooth["type"] == "curvedCW" else 0.5 * -r + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    via = (p[0] + (0.5 * r + 0.5) * length * math.sin(angle), p[1] + (0.5 * r + 0.5) * length * math.cos(angle))
    return [((1 - t) ** 2 * p[0] + 2 * (1 - t) * t * via[0] + t * t * q[0],
             (1 - t) ** 2 * p[1] + 2 * (1 - t) * t * via[1] + t * t * q[1]) for t in ts]


def _touched(data, edge, smooth):
    """Names of the papers (other than its ends) whose dots the edge's line passes within 10 px of."""
    nodes = data["nodes"]
    p, q = nodes[edge["from"]], nodes[edge["to"]]
    pts = _vis_curve((p["x"], p["y"]), (q["x"], q["y"]), smooth)
    hit = set()
    for n in nodes:
        if n["id"] in (edge["from"], edge["to"]):
            continue
        if any((x - n["x"]) ** 2 + (y - n["y"]) ** 2 < (n["size"] + 10) ** 2 for x, y in pts):
            hit.add(data["info"][n["id"]]["n"])
    return hit


@pytest.mark.parametrize("big", [False, True], ids=["curved-page", "straight-page"])
def test_a_lineage_link_is_bent_round_the_papers_in_its_way(monkeypatch, big):
    if big:  # a big page draws straight lines: the bend must come from the link itself
        monkeypatch.setattr(D, "_BIG", 1)
    data = H.explorer_data(chain_graph())
    default = data["options"]["edges"]["smooth"]
    assert (default is False) == big
    names = [i["n"] for i in data["info"]]
    link = next(e for e, k in zip(data["edges"], data["edgeKinds"])
                if k == "builds_on" and names[e["from"]] == "T2I-R1")
    # Drawn the default way it would read as a chain through the 2025 papers between.
    assert _touched(data, link, default) & {"Lumina-mGPT 2.0", "VITA-1.5", "VARGPT-v1.1"}
    assert link["smooth"]["type"] in ("curvedCW", "curvedCCW") and 0 < link["smooth"]["roundness"] <= 0.8
    # As drawn, no lineage link runs through a paper.
    for e, k in zip(data["edges"], data["edgeKinds"]):
        if k == "builds_on":
            assert _touched(data, e, e.get("smooth", default)) == set(), (names[e["from"]], names[e["to"]])
    # Links with nothing in their way are straight: a family reads as a line.
    lineage = [e for e, k in zip(data["edges"], data["edgeKinds"]) if k == "builds_on"]
    straight = [e for e in lineage if e.get("smooth", default) in (False, {"enabled": False})]
    assert straight and all(_touched(data, e, False) == set() for e in straight)


# ---------------------------------------------------------------- labels and fonts


def test_labels_in_a_row_do_not_overlap(sample):
    """Labels are drawn centred under their dots: neighbours in a row leave room for both."""
    data = H.explorer_data(sample)
    boxes = []
    for n in data["nodes"]:
        if not n.get("label"):
            continue
        size = n.get("font", {}).get("size", 10 if n.get("group") == "outside" else 14)
        w, h = label_box(n["label"], size)
        top = n["y"] + n["size"]
        boxes.append((n["x"] - w / 2, top, n["x"] + w / 2, top + h, n["label"]))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a[4], b[4])
    # The estimate errs wide: capitals and digits count more than narrow letters.
    assert label_box("CM3Leon", 14)[0] > label_box("illi.il", 14)[0] + 20


def test_important_listed_papers_get_larger_names(sample):
    data = H.explorer_data(sample)
    listed = [(d["m"], n.get("font", {}).get("size", 14)) for n, d in zip(data["nodes"], data["info"]) if d.get("l")]
    listed.sort()
    sizes = [s for _, s in listed]
    assert sizes[-1] > sizes[0] and max(sizes) <= 18 and min(sizes) >= 11
    # Papers of lineage links keep names of 14 px at least.
    ends = {i for e, k in zip(data["edges"], data["edgeKinds"]) if k == "builds_on" for i in (e["from"], e["to"])}
    assert all(data["nodes"][i].get("font", {}).get("size", 14) >= 14 for i in ends if data["info"][i].get("l"))


def test_labels_and_panel_fall_back_to_cjk_fonts(sample, sample_page):
    sample_page = sample_page[1]
    face = H.explorer_data(sample)["options"]["nodes"]["font"]["face"]
    for family in ('"Noto Sans CJK SC"', '"Source Han Sans SC"', '"PingFang SC"', '"Microsoft YaHei"'):
        assert family in face
    assert face.rstrip().endswith("sans-serif")
    css = next(s for s in re.findall(r"<style>(.*?)</style>", sample_page, re.S) if "#cg-details" in s)
    body = re.search(r"body \{[^}]*font:([^;]*);", css, re.S).group(1)
    assert all(family in body for family in ('"Noto Sans CJK SC"', '"Microsoft YaHei"'))


# ---------------------------------------------------------------- the seed lists


def test_seed_graph_capped_keeps_every_lineage_paper(seed_files, make_fake_s2, tmp_path):
    """The reviewer's run: `citegraph html seeds/graph.json --max-nodes 300` lost 9 of the 39 lineage papers."""
    from tests.fakes.s2 import World

    from citegraph.lists.reader import read_lists
    from citegraph.graph.model import load_graph

    world = World.from_entries(read_lists(seed_files).entries, seed=0)
    server = make_fake_s2(world)
    graph, page = tmp_path / "graph.json", tmp_path / "g.html"
    built = CliRunner().invoke(main, ["build", *map(str, seed_files), "-o", str(graph), "--api-url", server.url,
                                      "--cache", str(tmp_path / "c.sqlite"), "--min-interval", "0", "--quiet"],
                               env={"S2_API_KEY": "k"})
    assert built.exit_code == 0, built.output
    G = load_graph(graph)
    lineage = {(u, v) for u, v, d in G.edges(data=True) if "builds_on" in d.get("kinds", (d.get("kind"),))}
    papers = {n for e in lineage for n in e}
    assert 300 > len(papers) > 10
    result = CliRunner().invoke(main, ["html", str(graph), "-o", str(page), "--max-nodes", "300"])
    assert result.exit_code == 0, result.output
    data = page_data(page.read_text(encoding="utf-8"))
    ids = [i["id"] for i in data["info"]]
    assert len(ids) == 300 and papers <= set(ids)
    _, edges, _ = pyvis_items(page.read_text(encoding="utf-8"))
    drawn = {(e["from"], e["to"]) for e, k in zip(edges, data["edgeKinds"]) if k == "builds_on"}
    assert len(edges) == len(data["edgeKinds"]) and drawn == lineage
    assert f"the {len(papers)} papers in lineage links" in result.output
    assert "the top 0" not in result.output and " 0 " not in result.output


def test_a_link_stays_straight_when_every_curve_touches_more_dots():
    from citegraph.export.html.geometry import bends

    # One dot on the chord; a field of dots on both sides where every detour would run.
    pos = {"u": (0.0, 0.0), "v": (1000.0, 0.0), "block": (500.0, 0.0)}
    for i, x in enumerate(range(100, 901, 25)):
        for j, y in enumerate(range(30, 161, 25)):
            pos[f"a{i}_{j}"], pos[f"b{i}_{j}"] = (float(x), float(y)), (float(x), -float(y))
    radius = dict.fromkeys(pos, 5.0)
    assert bends([("u", "v")], pos, radius, None) == {}  # straight: 1 dot touched, any curve more
    # with the field gone, a curve around the one dot is taken
    clear = {k: pos[k] for k in ("u", "v", "block")}
    assert bends([("u", "v")], clear, radius, None)[("u", "v")] is not None


def test_both_ways_of_finding_dots_near_a_line_agree_with_measuring_every_dot():
    """The x-sorted slice (small pages) and the k-d tree (large ones) never miss a dot within reach."""
    import numpy as np

    from citegraph.export.html.geometry import curve_points, near_dots

    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 2000, size=(1500, 2))
    xy[:40, 0] = 700.0  # a column of dots at one x, as in the time layout
    reach = 22.0
    by_slice, by_tree = near_dots(xy, reach, many=False), near_dots(xy, reach, many=True)
    for k in range(200):
        p, q = xy[rng.integers(len(xy))], xy[rng.integers(len(xy))]
        shape = None if k % 3 == 0 else (("curvedCW", "curvedCCW")[k % 2], float(rng.uniform(0.05, 0.8)))
        pts = curve_points(p, q, shape)
        within = set(np.flatnonzero((np.linalg.norm(xy[:, None, :] - pts[None, :, :], axis=2) <= reach).any(axis=1)))
        assert within <= set(by_slice(pts).tolist()) and within <= set(by_tree(pts).tolist())
        assert within == set(by_tree(pts).tolist())
