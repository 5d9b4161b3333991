"""Co-citation, bibliographic coupling and related papers: counts by hand and by brute force."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pytest

from citegraph.analysis.matrix import CitationMatrix, citation_matrix
from citegraph.analysis.related import (
    cocitation,
    coupling,
    related_papers,
    relatedness_rows,
    top_k_related,
)
from citegraph.errors import AmbiguousPaperError
from citegraph.graph.model import add_link, add_paper, new_graph


@pytest.fixture()
def hand():
    """p1..p3 are cited; q1 cites p1 p2 p3, q2 cites p1 p2, q3 cites p2 p3 and q1."""
    G = nx.DiGraph()
    G.add_nodes_from(["p1", "p2", "p3", "q1", "q2", "q3"])
    G.add_edges_from(
        [("q1", "p1"), ("q1", "p2"), ("q1", "p3"), ("q2", "p1"), ("q2", "p2"), ("q3", "p2"), ("q3", "p3"), ("q3", "q1")]
    )
    return G


def _pairs(S, ids):
    S = S.tocoo()
    return {(ids[i], ids[j]): int(v) for i, j, v in zip(S.row, S.col, S.data)}


def test_cocitation_by_hand(hand):
    M = citation_matrix(hand)
    got = _pairs(cocitation(M), list(M.ids))
    # p1-p2: q1, q2.  p1-p3: q1.  p2-p3: q1, q3.  q1-p2 and q1-p3: q3.
    expected = {("p1", "p2"): 2, ("p1", "p3"): 1, ("p2", "p3"): 2, ("q1", "p2"): 1, ("q1", "p3"): 1}
    expected.update({(b, a): v for (a, b), v in expected.items()})
    assert got == expected


def test_coupling_by_hand(hand):
    M = citation_matrix(hand)
    got = _pairs(coupling(M), list(M.ids))
    # q1-q2 share p1 p2; q1-q3 share p2 p3; q2-q3 share p2.
    expected = {("q1", "q2"): 2, ("q1", "q3"): 2, ("q2", "q3"): 1}
    expected.update({(b, a): v for (a, b), v in expected.items()})
    assert got == expected


def _brute(G):
    cited_by = {v: set(G.predecessors(v)) for v in G}
    refs = {v: set(G.successors(v)) for v in G}
    co = {(u, v): len(cited_by[u] & cited_by[v]) for u, v in combinations(G, 2)}
    cp = {(u, v): len(refs[u] & refs[v]) for u, v in combinations(G, 2)}
    return co, cp


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_products_match_brute_force(seed):
    G = nx.gnp_random_graph(40, 0.12, seed=seed, directed=True)
    M = citation_matrix(G)
    co, cp = cocitation(M).toarray(), coupling(M).toarray()
    bco, bcp = _brute(G)
    for (u, v), count in bco.items():
        assert co[M.index[u], M.index[v]] == co[M.index[v], M.index[u]] == count
    for (u, v), count in bcp.items():
        assert cp[M.index[u], M.index[v]] == count
    assert not co.diagonal().any() and not cp.diagonal().any()


@pytest.mark.parametrize("seed", [0, 1])
def test_relatedness_rows_are_rows_of_the_full_products(seed):
    G = nx.gnp_random_graph(50, 0.1, seed=seed, directed=True)
    M = citation_matrix(G)
    rows = np.array([3, 0, 17, 3])
    co, cp, direct = relatedness_rows(M, rows)
    np.testing.assert_array_equal(co.toarray(), cocitation(M).toarray()[rows])
    np.testing.assert_array_equal(cp.toarray(), coupling(M).toarray()[rows])
    A = M.A.toarray()
    linked = ((A + A.T) > 0).astype(float)
    np.fill_diagonal(linked, 0)
    np.testing.assert_array_equal(direct.toarray(), linked[rows])


@pytest.mark.parametrize("measure", ["cocitation", "coupling", "combined"])
def test_top_k_matches_a_full_sort(measure):
    G = nx.gnp_random_graph(60, 0.1, seed=5, directed=True)
    M = citation_matrix(G)
    A = M.A.toarray()
    full = {
        "cocitation": cocitation(M).toarray(),
        "coupling": coupling(M).toarray(),
        "combined": cocitation(M).toarray() + coupling(M).toarray() + ((A + A.T) > 0),
    }[measure]
    np.fill_diagonal(full, 0)
    rows = np.arange(0, 60, 7)
    neighbours, scores = top_k_related(M, rows, 5, measure=measure)
    for r, row in enumerate(rows):
        ranked = sorted((-full[row, j], j) for j in range(60) if full[row, j] > 0)[:5]
        want = [j for _, j in ranked]
        assert neighbours[r, : len(want)].tolist() == want
        assert scores[r, : len(want)].tolist() == [-s for s, _ in ranked]
        assert (neighbours[r, len(want):] == -1).all() and (scores[r, len(want):] == 0).all()


def test_top_k_pads_and_rejects_unknown_measure():
    M = CitationMatrix.from_edges([1], [0], 3)
    neighbours, scores = top_k_related(M, [0, 2], 2)
    assert neighbours.tolist() == [[1, -1], [-1, -1]]
    assert scores.tolist() == [[1.0, 0.0], [0.0, 0.0]]
    with pytest.raises(ValueError, match="measure"):
        top_k_related(M, [0], 1, measure="vibes")


@pytest.fixture()
def papers():
    G = new_graph()
    for key, title, year, name in [
        ("base", "Base Tokenizer", 2020, "BaseTok"),
        ("other", "Other Encoder", 2021, None),
        ("focus", "Focus Model for Tokens", 2022, "Focus"),
        ("sibling", "Sibling Model", 2022, None),
        ("later", "Later Work", 2024, None),
    ]:
        add_paper(G, key, title=title, year=year, name=name)
    add_link(G, "focus", "base", "cites")
    add_link(G, "focus", "other", "cites")
    add_link(G, "sibling", "base", "cites")
    add_link(G, "sibling", "other", "cites")
    add_link(G, "later", "focus", "builds_on")
    add_link(G, "later", "sibling", "cites")
    return G


def test_related_papers_relations_and_scores(papers):
    frame = related_papers(papers, "Focus")
    rows = {r["id"]: r for r in frame.to_dict("records")}
    assert set(rows) == {"base", "other", "sibling", "later"}
    assert rows["base"]["relation"] == "prior" and rows["later"]["relation"] == "derivative"
    assert rows["sibling"]["relation"] == "similar"
    # sibling shares both references (coupling 2) and is cited with focus by later (co-citation 1)
    assert (rows["sibling"]["coupling"], rows["sibling"]["cocitation"], rows["sibling"]["score"]) == (2, 1, 3)
    # base: cited by focus (direct 1), co-cited with it by nobody
    assert (rows["base"]["cocitation"], rows["base"]["coupling"], rows["base"]["score"]) == (0, 0, 1)
    assert frame["id"].iloc[0] == "sibling"
    assert frame["score"].is_monotonic_decreasing
    assert list(frame.columns) == ["id", "title", "year", "relation", "cocitation", "coupling", "score"]


def test_related_papers_top_and_lookup(papers):
    assert len(related_papers(papers, "focus", top=2)) == 2
    with pytest.raises(AmbiguousPaperError):
        related_papers(papers, "model")


def test_unconnected_paper_has_no_related_papers(papers):
    add_paper(papers, "alone", title="Alone")
    frame = related_papers(papers, "alone")
    assert frame.empty and list(frame.columns) == ["id", "title", "year", "relation", "cocitation", "coupling", "score"]
