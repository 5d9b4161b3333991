"""The lineage forest layout shared by the explorer's views and the SVG."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from citegraph.export.forest import forest_layout
from citegraph.export.html.data import explorer_data
from tests.export.html.factories import sample_graph


def _apart(a, b) -> bool:
    (ax, ay), (aw, ah), (bx, by), (bw, bh) = a[0], a[1], b[0], b[1]
    return abs(ax - bx) >= (aw + bw) / 2 or abs(ay - by) >= (ah + bh) / 2


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.integers(0, 10_000))
def test_boxes_never_overlap_and_parents_sit_left_of_children(n, seed):
    rng = random.Random(seed)
    year = {f"p{i}": rng.choice([2018, 2019, 2021, 2024, 2025, None]) for i in range(n)}
    links = []
    for i in range(1, n):
        j = rng.randrange(i)
        a, b = f"p{j}", f"p{i}"
        if (year[a] or 9999) <= (year[b] or 9999) and rng.random() < 0.7:
            links.append((a, b))
    width = {p: rng.uniform(30, 160) for p in year}
    f = forest_layout(year, links, lambda p: (width[p], 26.0), singles=[p for p in year if rng.random() < 0.3])
    placed = list(f.pos)
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert _apart((f.pos[a], f.box[a]), (f.pos[b], f.box[b])), (a, b)
    for a, b in links:
        assert f.pos[a][0] < f.pos[b][0]
    labels = [y["label"] for y in f.years]
    assert labels == sorted(labels)


def test_skipped_years_are_drawn_as_breaks():
    f = forest_layout({"a": 2017, "b": 2020, "c": 2021}, [("a", "b"), ("b", "c")], lambda p: (50.0, 26.0))
    assert [y["label"] for y in f.years] == ["2017", "2020", "2021"]
    assert len(f.breaks) == 1 and f.years[0]["x1"] < f.breaks[0] < f.years[1]["x0"]


def test_a_family_chain_stays_on_one_row():
    year = {"Emu": 2023, "Emu2": 2023, "Emu3": 2024, "other": 2024}
    f = forest_layout(year, [("Emu", "Emu2"), ("Emu2", "Emu3")], lambda p: (60.0, 26.0), singles=["other"])
    assert f.pos["Emu"][1] == f.pos["Emu2"][1] == f.pos["Emu3"][1]
    assert f.pos["Emu"][0] < f.pos["Emu2"][0] < f.pos["Emu3"][0]


def test_the_page_carries_the_lineage_and_first_views():
    G = sample_graph()
    data = explorer_data(G)
    ids = [i["id"] for i in data["info"]]
    ends = {n for u, v, d in G.edges(data=True) if d["kind"] == "builds_on" for n in (u, v)}
    lineage, first = data["views"]["lineage"], data["views"]["first"]
    assert {ids[i] for i in lineage["ids"]} == ends
    assert set(lineage["ids"]) < set(first["ids"]) and len(first["ids"]) >= 30
    extra = [ids[i] for i in first["ids"] if ids[i] not in ends]
    assert extra and all(G.nodes[n].get("listed") for n in extra)


def test_a_lineage_links_kind_reaches_the_page_when_the_graph_records_it():
    from citegraph.graph.model import add_link, add_paper, new_graph

    G = new_graph()
    for key, name, year in (("a", "Janus", 2024), ("b", "Janus-Pro", 2025), ("c", "JanusFlow", 2024)):
        add_paper(G, key, title=f"{name}: a model", name=name, year=year, listed=True)
    add_link(G, "b", "a", "builds_on", confidence=0.9)
    G.edges["b", "a"]["lineage_kind"] = "version"  # as the lineage analysis records it
    add_link(G, "c", "a", "builds_on", confidence=0.8)  # older graphs: no kind
    data = explorer_data(G)
    ids = [i["id"] for i in data["info"]]
    kind = {(ids[e["from"]], ids[e["to"]]): data["edgeInfo"].get(str(e["id"]), {}).get("lk") for e in data["edges"]}
    assert kind == {("b", "a"): "version", ("c", "a"): None}
    # drawn parent → child: the arrow at the child's end of the child → parent edge
    assert all(e["arrows"]["from"]["enabled"] and not e["arrows"]["to"]["enabled"] for e in data["edges"])
