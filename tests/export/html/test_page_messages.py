"""The explorer's page data and writer: plurals, unwritable paths, lineage links kept off paper names."""

from __future__ import annotations

import numpy as np
import pytest

from citegraph.errors import CitegraphError, UsageError
from citegraph.export.html.geometry import bends, curve_points
from citegraph.export.html.page import write_html
from citegraph.graph.model import add_paper, new_graph


def _one_paper():
    G = new_graph()
    add_paper(G, "a", title="Only paper", year=2024, listed=True)
    return G


def test_summary_says_one_paper_not_one_papers(tmp_path):
    line = write_html(_one_paper(), tmp_path / "one.html").summary()
    assert ": 1 paper, 0 links, " in line and "1 papers" not in line


@pytest.mark.parametrize("where", ["under_a_file", "onto_a_folder"])
def test_an_unwritable_path_is_a_citegraph_error_naming_it(tmp_path, where):
    (tmp_path / "graph.json").write_text("{}", encoding="utf-8")
    (tmp_path / "folder.html").mkdir()
    target = tmp_path / "graph.json" / "x.html" if where == "under_a_file" else tmp_path / "folder.html"
    with pytest.raises(UsageError) as caught:
        write_html(_one_paper(), target)
    assert isinstance(caught.value, CitegraphError) and str(target) in str(caught.value)
    # nothing half-written is left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.html", "graph.json"]


def _in_box(pts: np.ndarray, pos, radius, label_box, n) -> bool:
    w, h = label_box[n]
    x, y = pos[n]
    top = y + radius[n] + 3
    return bool(((np.abs(pts[:, 0] - x) < w / 2) & (pts[:, 1] > top) & (pts[:, 1] < top + h)).any())


def test_a_lineage_link_bends_round_another_papers_name():
    # c's dot is clear of the line from b to a, but its name hangs across it.
    pos = {"a": (0.0, 0.0), "b": (400.0, 0.0), "c": (200.0, -25.0)}
    radius = {"a": 8.0, "b": 8.0, "c": 5.0}
    names = {"c": (120.0, 18.0)}
    assert _in_box(curve_points(np.array(pos["b"]), np.array(pos["a"]), None, 200), pos, radius, names, "c")
    assert bends([("b", "a")], pos, radius, None) == {}  # only dots as obstacles: straight
    shape = bends([("b", "a")], pos, radius, None, names)[("b", "a")]
    assert shape is not None
    assert not _in_box(curve_points(np.array(pos["b"]), np.array(pos["a"]), shape, 200), pos, radius, names, "c")


def test_a_lineage_link_leaves_its_own_papers_name_alone_when_it_can():
    # A long name under a; the line to b, a little lower and far right, starts through it.
    pos = {"a": (0.0, 0.0), "b": (300.0, 40.0)}
    radius = {"a": 8.0, "b": 8.0}
    names = {"a": (220.0, 18.0)}
    straight = curve_points(np.array(pos["b"]), np.array(pos["a"]), None, 200)
    assert _in_box(straight, pos, radius, names, "a")
    shape = bends([("b", "a")], pos, radius, None, names)[("b", "a")]
    assert shape is not None
    assert not _in_box(curve_points(np.array(pos["b"]), np.array(pos["a"]), shape, 200), pos, radius, names, "a")


def test_a_curve_through_more_names_than_the_straight_line_is_not_taken():
    # Names on both sides of the line, none across it: straight it stays.
    pos = {"a": (0.0, 0.0), "b": (600.0, 0.0)}
    names = {}
    for i, x in enumerate(range(60, 560, 40)):
        for side, y in (("u", -60.0), ("d", 30.0), ("u2", -100.0), ("d2", 70.0)):
            pos[f"{side}{i}"] = (float(x), y)
            names[f"{side}{i}"] = (36.0, 14.0)
    radius = dict.fromkeys(pos, 5.0)
    assert bends([("b", "a")], pos, radius, None, names) == {}
