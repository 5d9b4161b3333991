"""The graph model: keys, merging, links, save/load round trips, exports, frames."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from citegraph.errors import GraphFileError
from citegraph.export import gexf, graphml
from citegraph.graph import model as m


@pytest.fixture
def small() -> nx.DiGraph:
    G = m.new_graph()
    m.add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon: Mixed-Modal", name="Chameleon",
                year=2024, authors=["Chameleon Team"], tags=["Unified / AR"], listed=True,
                sources=["list.md:3"], text="基于 早期融合")
    m.add_paper(G, "arxiv:2407.06135", arxiv="2407.06135", title="ANOLE", name="Anole", year=2024,
                tags=["Unified / AR", "Open"], listed=True)
    m.add_paper(G, "abc", paper_id="abc", title="<img src=x onerror=alert(1)>", year=None)
    m.add_link(G, "arxiv:2407.06135", "arxiv:2405.09818", "cites", is_influential=True,
               intents=["methodology"], contexts=["we fine-tune Chameleon"])
    m.add_link(G, "arxiv:2407.06135", "arxiv:2405.09818", "builds_on", confidence=0.9,
               evidence=[{"kind": "text", "detail": "fine-tuned from Chameleon"}])
    m.add_link(G, "arxiv:2405.09818", "abc", "mentions")
    return G


def test_link_kinds_accumulate_and_strongest_wins(small):
    d = small.edges["arxiv:2407.06135", "arxiv:2405.09818"]
    assert d["kinds"] == ["builds_on", "cites"]
    assert d["kind"] == "builds_on"
    assert d["is_influential"] is True
    assert m.has_kind(d, "cites") and not m.has_kind(d, "mentions")
    assert list(m.iter_kind(small, ["mentions"])) == [("arxiv:2405.09818", "abc")]


def test_new_link_attributes_in_a_fixed_order_without_nones():
    # The order of an edge's attributes is the order of its columns in the
    # JSON, GraphML and CSV files: kinds, kind, then the given ones.
    G = m.new_graph()
    m.add_link(G, "a", "b", "mentions", confidence=None, evidence=[{"kind": "text"}], is_influential=False)
    assert list(G.edges["a", "b"].items()) == [
        ("kinds", ["mentions"]), ("kind", "mentions"), ("evidence", [{"kind": "text"}]), ("is_influential", False)
    ]
    m.add_link(G, "a", "b", "cites", kinds=["cites", "mentions"], confidence=0.5)
    assert list(G.edges["a", "b"].items()) == [
        ("kinds", ["cites", "mentions"]), ("kind", "cites"), ("evidence", [{"kind": "text"}]),
        ("is_influential", False), ("confidence", 0.5),
    ]


def test_links_invalidate_cached_matrices():
    from citegraph.graph.matrix import citation_matrix

    G = m.new_graph()
    m.add_link(G, "b", "a", "cites")
    assert citation_matrix(G, kinds=["mentions"]).A.nnz == 0
    m.add_link(G, "c", "a", "mentions")  # a new edge
    assert citation_matrix(G, kinds=["mentions"]).A.nnz == 1
    m.add_link(G, "b", "a", "mentions")  # an existing edge gains a kind
    assert citation_matrix(G, kinds=["mentions"]).A.nnz == 2


def test_self_links_and_bad_kinds_rejected(small):
    m.add_link(small, "abc", "abc", "cites")
    assert not small.has_edge("abc", "abc")
    with pytest.raises(ValueError, match="edge kind"):
        m.add_link(small, "abc", "arxiv:2405.09818", "likes")
    with pytest.raises(ValueError, match="unknown node attributes"):
        m.add_paper(small, "abc", Title="x")


def test_merge_keeps_known_values(small):
    m.add_paper(small, "arxiv:2405.09818", year=None, tags=["Other"], listed=False, text="more notes")
    d = small.nodes["arxiv:2405.09818"]
    assert d["year"] == 2024 and d["listed"] is True
    assert d["tags"] == ["Unified / AR", "Other"]
    assert d["text"] == "基于 早期融合\n\nmore notes"


def test_paper_key_precedence():
    assert m.paper_key(paper_id="p", arxiv="1", doi="d", title="t") == "p"
    assert m.paper_key(doi="10.1/ABC", title="t") == "doi:10.1/abc"
    with pytest.raises(ValueError):
        m.paper_key(title="  :: ")


def test_save_load_round_trip(small, tmp_path):
    path = tmp_path / "g.json"
    m.save_graph(small, path)
    H = m.load_graph(path)
    assert nx.utils.graphs_equal(small, H)
    assert H.graph["schema_version"] == m.SCHEMA_VERSION
    assert json.loads(path.read_text(encoding="utf-8"))["directed"] is True
    assert not list(tmp_path.glob(".*tmp"))  # atomic write leaves no temp file


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such graph file"),
        ("{not json", "invalid JSON"),
        ('{"a": 1}', "no node-link"),
        ('{"directed": true, "graph": {"schema_version": 99}, "nodes": [], "edges": []}', "schema version 99"),
    ],
)
def test_load_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=message) as info:
        m.load_graph(path)
    assert str(path) in str(info.value)


def test_graphml_and_gexf_flatten_lists(small, tmp_path):
    graphml.write_graphml(small, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["arxiv:2407.06135"]["tags"] == "Unified / AR; Open"
    assert back.edges["arxiv:2407.06135", "arxiv:2405.09818"]["kinds"] == "builds_on; cites"
    assert back.nodes["abc"]["title"] == "<img src=x onerror=alert(1)>"
    gexf.write(small, tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert root.tag.endswith("gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 2


def test_frames(small):
    nodes = m.nodes_frame(small)
    assert list(nodes.columns) == ["id", *m.NODE_ATTRS]
    assert len(nodes) == 3
    assert nodes.set_index("id").loc["arxiv:2405.09818", "year"] == 2024
    edges = m.edges_frame(small)
    assert list(edges.columns) == ["source", "target", *m.EDGE_ATTRS]
    assert sorted(edges["kind"]) == ["builds_on", "mentions"]


def test_graphml_is_networkx_output_and_reads_back(small, tmp_path):
    # the streamed writer must produce exactly networkx's GraphML (same keys,
    # types and escaping), whatever the attribute values hold
    G = small.copy()
    G.graph["fetch"] = {"requests": 3, "capped": []}
    m.add_paper(G, 'q"&<x>\t\n', title='a "quoted" & <b>\r\nline\ttab', abstract="", year=2020,
                citation_count=0, listed=False)
    G.nodes['q"&<x>\t\n']["score"] = 0.125
    G.add_node("bare")
    G.add_edge("bare", "abc")
    graphml.write_graphml(G, tmp_path / "fast.graphml")
    nx.write_graphml(graphml.flat_copy(G), tmp_path / "nx.graphml", encoding="utf-8")
    assert (tmp_path / "fast.graphml").read_bytes() == (tmp_path / "nx.graphml").read_bytes()
    back = nx.read_graphml(tmp_path / "fast.graphml")
    odd = back.nodes['q"&<x>\t\n']
    assert odd["title"] == 'a "quoted" & <b>\r\nline\ttab'.replace("\r\n", "\n")  # XML normalises line ends
    assert (odd["year"], odd["citation_count"], odd["score"], odd["listed"]) == (2020, 0, 0.125, False)
    assert back.nodes["arxiv:2405.09818"]["authors"] == "Chameleon Team"
    assert back.nodes["arxiv:2405.09818"]["text"] == "基于 早期融合"
    edge = back.edges["arxiv:2407.06135", "arxiv:2405.09818"]
    assert edge["is_influential"] is True and edge["confidence"] == 0.9
    assert json.loads(edge["evidence"]) == {"kind": "text", "detail": "fine-tuned from Chameleon"}
    assert json.loads(back.graph["fetch"]) == {"requests": 3, "capped": []}
    assert set(back.edges) == set(G.edges) and back.nodes["bare"] == {}


def _node_link(**change):
    data = {
        "directed": True, "multigraph": False, "graph": {"schema_version": m.SCHEMA_VERSION},
        "nodes": [{"id": "a", "year": 2021, "listed": True, "tags": ["X"]}, {"id": "b", "year": 2020}],
        "edges": [{"source": "a", "target": "b", "kind": "cites", "kinds": ["cites"]}],
    }
    for where, value in change.items():
        part, index, name = where.split("__")
        item = data[part][int(index)]
        if value is None:
            item.pop(name)
        else:
            item[name] = value
    return data


@pytest.mark.parametrize(
    "change, message",
    [
        ({"nodes__0__year": "abc"}, "node 'a': year 'abc' is not a year"),
        ({"nodes__0__listed": "yes"}, "node 'a': listed 'yes' is not true/false"),
        ({"nodes__0__tags": "X"}, "node 'a': tags must be a list, not 'X'"),
        ({"nodes__0__title": 42}, "node 'a': title must be text, not 42"),
        ({"nodes__1__name": ["Janus"]}, "node 'b': name must be text, not ['Janus']"),
        ({"edges__0__kind": None}, "edge 'a' → 'b': kind None is not one of mentions, cites, builds_on"),
        ({"edges__0__target": "zz"}, "edge 'a' → 'zz': 'zz' is not a node of the graph"),
        ({"edges__0__confidence": 2}, "edge 'a' → 'b': confidence 2 is not a number in 0..1"),
        ({"edges__0__kinds": ["likes"]}, "edge 'a' → 'b': kinds ['likes'] must be a list of mentions, cites, builds_on"),
    ],
)
def test_load_graph_names_the_paper_or_link_a_hand_edit_broke(tmp_path, change, message):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(_node_link(**change)))
    with pytest.raises(GraphFileError) as err:
        m.load_graph(path)
    assert str(err.value) == f"{path}: {message}"


def test_load_graph_accepts_the_untouched_file(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(_node_link()))
    G = m.load_graph(path)
    assert list(G.edges) == [("a", "b")] and G.nodes["a"]["year"] == 2021


def test_papers_frame_keeps_whole_numbers_whole_where_some_are_missing():
    """papers.csv writes 8, not 8.0, for counts that only some papers have."""
    import pandas as pd

    G = m.new_graph()
    m.add_paper(G, "a", title="A", references_fetched=8, references_unresolved=1, citations_fetched=3)
    m.add_paper(G, "b", title="B")
    frame = m.nodes_frame(G)
    for col in ("references_fetched", "references_unresolved", "citations_fetched", "year", "corpus_id"):
        assert str(frame[col].dtype) == "Int64", col
    assert frame.loc[0, "references_fetched"] == 8 and frame.loc[1, "references_fetched"] is pd.NA
