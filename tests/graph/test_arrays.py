"""The compact arrays graph file: round trip, edge kinds, and the same rankings as the JSON graph."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from citegraph.graph.matrix import CitationMatrix, citation_matrix
from citegraph.analysis.rank import rank_papers
from citegraph.cli import main
from citegraph.errors import CitegraphError
from citegraph.graph.arrays import GraphArrays, is_arrays_file, load_any, load_arrays, save_arrays
from citegraph.graph.model import add_link, add_paper, new_graph, save_graph


def _graph():
    G = new_graph()
    papers = [
        ("a", dict(title="Base Model", year=2020, citation_count=120, arxiv="2001.00001", name="Base")),
        ("b", dict(title="Follow-up «ünïcode» 模型", year=2022, listed=True, influential_citation_count=3)),
        ("c", dict(title="Newest", year=2024, listed=True)),
        ("d", dict(title=None)),
        ("e", dict(title="Isolated", year=2019)),
    ]
    for key, attrs in papers:
        add_paper(G, key, **{k: v for k, v in attrs.items() if v is not None})
    add_link(G, "b", "a", "cites")
    add_link(G, "c", "a", "cites")
    add_link(G, "c", "b", "builds_on")
    add_link(G, "c", "b", "cites")
    add_link(G, "d", "c", "mentions")
    add_link(G, "a", "d", "mentions")  # a cycle through a mention
    return G


@pytest.fixture
def saved(tmp_path):
    G = _graph()
    path = tmp_path / "g.npz"
    save_arrays(G, path)
    return G, path


def test_round_trip_matrix_and_node_table(saved):
    G, path = saved
    g = load_arrays(path)
    M = citation_matrix(G)
    assert g.matrix.ids.tolist() == M.ids.tolist()
    assert (g.matrix.A != M.A).nnz == 0 and (g.matrix.AT != M.AT).nnz == 0
    np.testing.assert_array_equal(g.matrix.years, M.years)
    np.testing.assert_array_equal(g.matrix.listed, M.listed)
    nodes = g.nodes.set_index("id")
    assert nodes.loc["b", "title"] == "Follow-up «ünïcode» 模型"
    assert pd.isna(nodes.loc["d", "title"]) and pd.isna(nodes.loc["d", "year"])
    assert nodes.loc["a", "arxiv"] == "2001.00001" and nodes.loc["a", "name"] == "Base"
    assert nodes.loc["a", "citation_count"] == 120 and pd.isna(nodes.loc["b", "citation_count"])
    assert nodes.loc["b", "influential_citation_count"] == 3


@pytest.mark.parametrize("kinds", [["cites"], ["mentions"], ["builds_on"], ["cites", "builds_on"]])
def test_edge_kinds_are_kept(saved, kinds):
    G, path = saved
    sub = load_arrays(path).matrix_for(kinds)
    ref = citation_matrix(G, kinds=kinds)
    assert (sub.A != ref.A).nnz == 0
    assert sub.ids.tolist() == ref.ids.tolist()


@pytest.mark.parametrize("kinds", [None, ["cites"]])
def test_rankings_equal_those_of_the_graph(saved, kinds):
    G, path = saved
    ours = rank_papers(load_arrays(path), kinds=kinds, ref_year=2025)
    theirs = rank_papers(G, kinds=kinds, ref_year=2025)
    pd.testing.assert_frame_equal(ours, theirs)


def test_bare_matrix_with_integer_ids(tmp_path):
    M = CitationMatrix.from_edges([1, 2, 2], [0, 0, 1], 3, years=[2000, None, 2002])
    save_arrays(M, tmp_path / "m.npz")
    g = load_arrays(tmp_path / "m.npz")
    assert g.matrix.ids.tolist() == [0, 1, 2]
    assert g.matrix.A.toarray().tolist() == M.A.toarray().tolist()
    assert g.matrix_for(["cites"]).A.nnz == 3 and g.matrix_for(["mentions"]).A.nnz == 0
    assert g.nodes["title"].isna().all()


def test_load_any_and_errors(saved, tmp_path):
    G, path = saved
    json_path = tmp_path / "g.json"
    save_graph(G, json_path)
    assert is_arrays_file(path) and not is_arrays_file(json_path)
    assert isinstance(load_any(path), GraphArrays)
    assert set(load_any(json_path)) == set(G)
    other = tmp_path / "other.npz"
    np.savez(other, x=np.arange(3))
    with pytest.raises(CitegraphError):
        load_arrays(other)
    with pytest.raises(CitegraphError):
        load_arrays(json_path)


def test_cli_rank_reads_the_compact_file(saved, tmp_path):
    G, path = saved
    json_path = tmp_path / "g.json"
    save_graph(G, json_path)
    runner = CliRunner()
    a = runner.invoke(main, ["rank", str(path), "--format", "csv", "--kind", "cites"])
    b = runner.invoke(main, ["rank", str(json_path), "--format", "csv", "--kind", "cites"])
    assert a.exit_code == 0, a.output
    assert a.output == b.output and "Base Model" in a.output
