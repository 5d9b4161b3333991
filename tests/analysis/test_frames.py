"""lineage_frame: one row per successor link, flat enough for pandas."""

from __future__ import annotations

from citegraph.analysis.frames import LINEAGE_FRAME_COLUMNS, lineage_frame
from citegraph.analysis.lineage import successors
from citegraph.lists.assemble import graph_from_entries
from citegraph.lists.reader import read_lists
from citegraph.reporting import example_list_path


def test_lineage_frame_has_a_row_per_link_most_certain_first():
    G = graph_from_entries(read_lists([example_list_path()]).entries)
    links = successors(G)
    frame = lineage_frame(G, links)
    assert tuple(frame.columns) == LINEAGE_FRAME_COLUMNS
    assert len(frame) == len(links)
    assert list(frame["confidence"]) == sorted(frame["confidence"], reverse=True)
    pairs = set(zip(frame["parent"], frame["child"]))
    assert {("Chameleon", "Anole"), ("Janus", "JanusFlow")} <= pairs
    row = frame[(frame["parent"] == "Janus") & (frame["child"] == "JanusFlow")].iloc[0]
    assert row["family"] == "Janus" and row["child_year"] == 2024
    assert "text: " in row["evidence"] and "; name" in row["evidence"]  # each piece "kind: detail"
    assert lineage_frame(G).equals(frame)  # links found when not given


def test_lineage_frame_of_a_graph_without_links_is_empty_with_the_columns():
    from citegraph.graph.model import add_paper, new_graph

    G = new_graph()
    add_paper(G, "a", title="Alone")
    frame = lineage_frame(G)
    assert frame.empty and tuple(frame.columns) == LINEAGE_FRAME_COLUMNS
