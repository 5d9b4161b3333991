"""Every graph writer goes through one registry; each file opens in its format's reference reader."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.errors import UsageError
from citegraph.export.registry import WRITER_MODULES, export_graph, format_for_path, writer
from citegraph.graph.model import add_link, add_paper, load_graph, new_graph, save_graph


@pytest.fixture
def graph() -> nx.DiGraph:
    G = new_graph()
    add_paper(G, "c", title="Chameleon: Mixed-Modal Early-Fusion", name="Chameleon", year=2024,
              tags=["Unified", "Early fusion"], authors=["A. One", "B. Two"], listed=True)
    add_paper(G, "a", title="Anole & <friends>", name="Anole", year=2024, listed=True)
    add_paper(G, "v", title="VQGAN", year=2021)
    add_link(G, "a", "c", "builds_on", confidence=0.9, evidence=[{"kind": "text", "detail": "initialized from Chameleon"}])
    add_link(G, "a", "c", "cites", is_influential=True, intents=["methodology"])
    add_link(G, "c", "v", "cites")
    return G


def test_each_registered_format_has_a_writer_module() -> None:
    for name in WRITER_MODULES:
        w = writer(name)
        assert w.suffix.startswith(".") and w.description and callable(w.write)
        assert format_for_path(f"g{w.suffix}") == name


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match="gexf"):
        writer("dot")
    with pytest.raises(UsageError, match="suffix"):
        format_for_path("graph.dot")


def test_gexf_opens_in_networkx_reader(graph: nx.DiGraph, tmp_path: Path) -> None:
    out = export_graph(graph, tmp_path / "g.gexf")
    back = nx.read_gexf(out)
    assert back.is_directed()
    assert set(back.edges()) == set(graph.edges())
    assert back.nodes["c"]["tags"] == "Unified; Early fusion"
    assert back.nodes["a"]["title"] == "Anole & <friends>"
    assert back.edges["a", "c"]["kind"] == "builds_on"


def test_graphml_opens_in_networkx_reader(graph: nx.DiGraph, tmp_path: Path) -> None:
    back = nx.read_graphml(export_graph(graph, tmp_path / "g.graphml"))
    assert set(back.edges()) == set(graph.edges())
    assert back.nodes["c"]["year"] == 2024


def _check_cytoscape_schema(doc: dict) -> None:
    """The Cytoscape.js JSON shape: elements.nodes / elements.edges of {"data": {...}}.

    Ids are unique strings, every edge's source and target is a node id
    (what cytoscape.js's ``cy.add`` requires), and every value is JSON data.
    """
    assert set(doc["elements"]) == {"nodes", "edges"}
    ids = set()
    for node in doc["elements"]["nodes"]:
        assert set(node) == {"data"} and isinstance(node["data"]["id"], str)
        assert node["data"]["id"] not in ids
        ids.add(node["data"]["id"])
    edge_ids = set()
    for edge in doc["elements"]["edges"]:
        data = edge["data"]
        assert isinstance(data["id"], str) and data["id"] not in ids | edge_ids
        edge_ids.add(data["id"])
        assert data["source"] in ids and data["target"] in ids


def test_cytoscape_json_follows_the_cytoscapejs_schema(graph: nx.DiGraph, tmp_path: Path) -> None:
    out = export_graph(graph, tmp_path / "g.cyjs")
    doc = json.loads(out.read_text(encoding="utf-8"))
    _check_cytoscape_schema(doc)
    nodes = {n["data"]["id"]: n["data"] for n in doc["elements"]["nodes"]}
    assert nodes["c"]["tags"] == ["Unified", "Early fusion"]
    edges = {(e["data"]["source"], e["data"]["target"]): e["data"] for e in doc["elements"]["edges"]}
    assert edges[("a", "c")]["evidence"][0]["detail"] == "initialized from Chameleon"
    assert len(edges) == graph.number_of_edges()


def test_json_export_reads_back_as_the_same_graph(graph: nx.DiGraph, tmp_path: Path) -> None:
    back = load_graph(export_graph(graph, tmp_path / "g.json"))
    assert nx.utils.graphs_equal(back, graph)


@pytest.mark.parametrize("fmt,suffix", [("gexf", ".gexf"), ("cytoscape", ".cyjs"), ("graphml", ".graphml"), ("json", ".json")])
def test_export_command_writes_each_format(graph: nx.DiGraph, tmp_path: Path, fmt: str, suffix: str) -> None:
    src = tmp_path / "graph.json"
    save_graph(graph, src)
    out = tmp_path / f"out{suffix}.data"  # the suffix does not decide when --format is given
    res = CliRunner().invoke(main, ["export", str(src), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 0 and "3 papers, 2 links" in res.output
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_command_refuses_an_unknown_suffix(graph: nx.DiGraph, tmp_path: Path) -> None:
    src = tmp_path / "graph.json"
    save_graph(graph, src)
    res = CliRunner().invoke(main, ["export", str(src), "-o", str(tmp_path / "g.dot")])
    assert res.exit_code == 1 and res.output.startswith("Error: ") and "--format" in res.output
