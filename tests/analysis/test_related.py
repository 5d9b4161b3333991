"""Co-citation, bibliographic coupling and related papers: counts by hand and by brute force."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pytest

from citegraph.graph.matrix import CitationMatrix, citation_matrix
from citegraph.analysis.related import (
    RELATED_COLUMNS,
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
    # sibling cites base and other (pool papers), and later (a pool paper) cites it
    assert (rows["sibling"]["cites_related"], rows["sibling"]["cited_by_related"]) == (2, 1)
    # base: cited by focus and by sibling, both in the pool; co-cited with focus by nobody
    assert (rows["base"]["cocitation"], rows["base"]["coupling"], rows["base"]["cited_by_related"]) == (0, 0, 2)
    assert rows["base"]["score"] == 2 and rows["base"]["name"] == "BaseTok"
    # later cites focus and sibling
    assert (rows["later"]["cites_related"], rows["later"]["score"]) == (2, 2)
    # later builds on focus: lineage first; then score, ties by similarity, then id
    assert frame["id"].tolist() == ["later", "sibling", "base", "other"]
    assert frame["score"][1:].is_monotonic_decreasing
    assert list(frame.columns) == list(RELATED_COLUMNS)
    assert list(RELATED_COLUMNS[:7]) == ["id", "title", "year", "relation", "cocitation", "coupling", "score"]


def test_related_papers_top_and_lookup(papers):
    assert len(related_papers(papers, "focus", top=2)) == 2
    with pytest.raises(AmbiguousPaperError):
        related_papers(papers, "model")


def test_unconnected_paper_has_no_related_papers(papers):
    add_paper(papers, "alone", title="Alone")
    frame = related_papers(papers, "alone")
    assert frame.empty and list(frame.columns) == list(RELATED_COLUMNS)


@pytest.fixture()
def lineage():
    """focus and three siblings share the reference shared_ref; siblings s1, s2
    build on an old classic focus never cites; f1 cites two siblings (not focus);
    f2 cites one sibling; d cites focus."""
    G = new_graph()
    for key, year in [("classic", 2015), ("shared_ref", 2018), ("focus", 2021), ("s1", 2021), ("s2", 2022),
                      ("s3", 2022), ("f1", 2024), ("f2", 2024), ("d", 2024)]:
        add_paper(G, key, title=f"Paper {key}", year=year)
    for s in ("focus", "s1", "s2", "s3"):
        add_link(G, s, "shared_ref", "cites")
    add_link(G, "s1", "classic", "cites")
    add_link(G, "s2", "classic", "builds_on")
    add_link(G, "f1", "s1", "cites")
    add_link(G, "f1", "s2", "cites")
    add_link(G, "f2", "s3", "cites")
    add_link(G, "d", "focus", "cites")
    return G


def test_two_hop_ancestors_and_descendants_come_through_similar_works(lineage):
    rows = {r["id"]: r for r in related_papers(lineage, "focus", top=None).to_dict("records")}
    # classic: never cited by focus, but by two of its similar works (coupled through shared_ref)
    assert rows["classic"]["relation"] == "prior"
    assert (rows["classic"]["cited_by_related"], rows["classic"]["score"]) == (2, 2)
    assert (rows["classic"]["cocitation"], rows["classic"]["coupling"]) == (0, 0)
    # f1 cites two similar works (not focus): a derivative with score 2; f2 cites one
    assert rows["f1"]["relation"] == "derivative"
    assert (rows["f1"]["cites_related"], rows["f1"]["score"]) == (2, 2)
    assert (rows["f2"]["relation"], rows["f2"]["score"]) == ("derivative", 1)
    # the siblings stay similar works: coupled once with focus, and that evidence
    # is not outweighed by their own links to pool papers
    for s in ("s1", "s2", "s3"):
        assert rows[s]["relation"] == "similar" and rows[s]["coupling"] == 1
    # shared_ref: cited by focus and all three siblings
    assert (rows["shared_ref"]["relation"], rows["shared_ref"]["cited_by_related"]) == ("prior", 4)
    assert rows["d"]["relation"] == "derivative"
    # without a pool only the paper itself votes: the 2-hop works disappear
    alone = related_papers(lineage, "focus", top=None, pool=0)
    assert set(alone["id"]) == {"shared_ref", "s1", "s2", "s3", "d"}


def _brute_related(G, focus, pool):
    """related_papers by its definition, with Python sets, for comparison."""
    refs = {v: set(G.successors(v)) for v in G}
    citers = {v: set(G.predecessors(v)) for v in G}
    order = {v: i for i, v in enumerate(G)}
    sim = {}
    for v in G:
        if v == focus:
            continue
        co, cp = len(citers[v] & citers[focus]), len(refs[v] & refs[focus])
        direct = int(v in refs[focus] or v in citers[focus])
        sim[v] = (co, cp, co + cp + direct)
    near = sorted((v for v in sim if sim[v][2] > 0), key=lambda v: (-sim[v][2], order[v]))[:pool]
    members = [focus, *near]
    out = {}
    for v, (co, cp, total) in sim.items():
        cb = sum(v in refs[m] for m in members)
        ct = sum(m in refs[v] for m in members)
        if total == 0 and cb == 0 and ct == 0:
            continue
        if v in refs[focus]:
            relation = "prior"
        elif v in citers[focus]:
            relation = "derivative"
        elif cb > co + cp and cb >= ct:
            relation = "prior"
        elif ct > co + cp and ct > cb:
            relation = "derivative"
        else:
            relation = "similar"
        out[v] = (relation, co, cp, max(total, cb, ct), cb, ct)
    return out


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("pool", [0, 3, 20])
def test_related_papers_match_their_definition(seed, pool):
    G = nx.gnp_random_graph(45, 0.07, seed=seed, directed=True)
    for v in G:
        G.nodes[v]["title"] = f"T{v}"
    focus = max(G, key=G.degree)
    frame = related_papers(G, focus, top=None, pool=pool)
    got = {
        r["id"]: (r["relation"], r["cocitation"], r["coupling"], r["score"], r["cited_by_related"], r["cites_related"])
        for r in frame.to_dict("records")
    }
    assert got == _brute_related(G, focus, pool)
    assert frame["score"].is_monotonic_decreasing


def test_a_stated_lineage_link_leads_whatever_the_counts():
    # x shares three references with f; anole only builds on f (and cites it).
    G = new_graph()
    for key in ["f", "x", "anole", "r1", "r2", "r3"]:
        add_paper(G, key, title=f"Paper {key}")
    for r in ["r1", "r2", "r3"]:
        add_link(G, "f", r, "cites")
        add_link(G, "x", r, "cites")
    add_link(G, "anole", "f", "cites")
    before = related_papers(G, "f")
    assert before["id"].iloc[0] == "x"
    add_link(G, "anole", "f", "builds_on")
    after = related_papers(G, "f")
    assert list(after["id"][:2]) == ["anole", "x"]
    assert after.set_index("id").loc["anole", "relation"] == "derivative"
    # the other way round: f's own parent leads f's row too
    assert related_papers(G, "anole")["id"].iloc[0] == "f"
