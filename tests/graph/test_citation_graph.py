"""Graphs show themselves in a notebook: counts, the most cited papers, the lineages, all escaped."""

from __future__ import annotations

import networkx as nx

from citegraph.graph.citation_graph import CitationGraph
from citegraph.graph.model import add_link, add_paper, load_graph, new_graph, save_graph


def small():
    G = new_graph()
    add_paper(G, "vq", title="Neural Discrete Representation Learning", name="VQ-VAE", year=2017)
    add_paper(G, "gan", title="Taming Transformers", name="VQGAN", year=2020, listed=True)
    add_paper(G, "x", title="<img src=x onerror=alert(1)>", year=2024, listed=True)
    add_link(G, "gan", "vq", "cites")
    add_link(G, "gan", "vq", "builds_on")
    add_link(G, "x", "vq", "cites")
    add_link(G, "x", "gan", "mentions")
    add_link(G, "gan", "x", "cites")  # so that the paper with markup in its title is listed
    return G


def test_new_and_loaded_graphs_are_citation_graphs_and_still_digraphs(tmp_path):
    G = small()
    save_graph(G, tmp_path / "g.json")
    loaded = load_graph(tmp_path / "g.json")
    for graph in (G, loaded, loaded.subgraph(["vq", "gan"]), loaded.copy()):
        assert isinstance(graph, CitationGraph) and isinstance(graph, nx.DiGraph)
    assert repr(loaded) == "CitationGraph with 3 papers and 4 links"


def test_the_html_shows_counts_most_cited_and_lineages_escaped():
    html = small()._repr_html_()
    assert "3 papers</b> (2 from the lists), 4 links: 3 citations, 1 lineage link (builds_on), 1 mention." in html
    assert "VQ-VAE (2017): cited 2 times here" in html and "(2024): cited 1 time here" in html
    assert "VQ-VAE (2017) → VQGAN (2020)" in html
    assert "<img" not in html and "&lt;img src=x" in html
