"""Rankings: array measures against hand-computed values and networkx's own
implementations; the rank table; the per-graph matrix cache."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from citegraph.graph.matrix import CitationMatrix, citation_matrix
from citegraph.analysis.rank import (
    METRICS,
    RANK_COLUMNS,
    ALL_KINDS,
    citerank_scores,
    hits_scores,
    pagerank_scores,
    rank_papers,
)
from citegraph.errors import UsageError
from citegraph.graph.model import add_link, add_paper, new_graph


def _random_graphs():
    """(label, DiGraph) cases: cyclic, acyclic, with dangling and isolated nodes."""
    cases = []
    for seed in range(3):
        cases.append((f"gnp-{seed}", nx.gnp_random_graph(60, 0.06, seed=seed, directed=True)))
        dag = nx.DiGraph()
        rng = np.random.default_rng(seed)
        dag.add_nodes_from(range(80))
        for v in range(1, 80):
            for u in rng.choice(v, size=min(v, 4), replace=False):
                dag.add_edge(v, int(u))  # v cites older u
        cases.append((f"dag-{seed}", dag))
    # Mostly acyclic with a few cycles: the "real data" shape.
    mixed = nx.DiGraph(cases[1][1])
    mixed.add_edges_from([(3, 10), (5, 40), (0, 79)])
    mixed.add_nodes_from(["isolated-1", "isolated-2"])
    cases.append(("dag-with-cycles", mixed))
    cases.append(("two-cycle", nx.DiGraph([(0, 1), (1, 0), (2, 0)])))
    return cases


RANDOM = _random_graphs()


def _vector(G: nx.DiGraph, values: dict) -> np.ndarray:
    return np.array([values[v] for v in G], dtype=float)


# ------------------------------------------------------------------ PageRank


@pytest.mark.parametrize("label,G", RANDOM, ids=[c[0] for c in RANDOM])
@pytest.mark.parametrize("alpha", [0.85, 0.5])
def test_pagerank_equals_networkx(label, G, alpha):
    ours = pagerank_scores(citation_matrix(G), alpha=alpha)
    theirs = _vector(G, nx.pagerank(G, alpha=alpha, tol=1e-13, max_iter=10_000))
    assert ours.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.abs(ours - theirs).sum() < 1e-9


def test_pagerank_by_hand():
    # b and c cite a; c cites b.  Unnormalised y = (I - alpha W)^-1 (1/3):
    # nobody cites c, b gets half of c's, a gets all of b's and half of c's.
    a = 0.85
    yc = 1 / 3
    yb = 1 / 3 + a * yc / 2
    ya = 1 / 3 + a * (yb + yc / 2)
    expected = np.array([ya, yb, yc]) / (ya + yb + yc)
    M = CitationMatrix.from_edges([1, 2, 2], [0, 0, 1], 3)
    np.testing.assert_allclose(pagerank_scores(M, alpha=a), expected, rtol=0, atol=1e-14)


def test_pagerank_is_a_fixed_point_on_a_large_graph():
    # The defining equation, checked directly: no reference implementation's
    # stopping rule involved.
    rng = np.random.default_rng(7)
    n = 5000
    src = np.repeat(np.arange(1, n), 5)
    dst = (rng.random(src.size) * src).astype(int)  # cites an older paper
    extra = rng.integers(0, n, size=(200, 2))  # some cycles
    M = CitationMatrix.from_edges(np.r_[src, extra[:, 0]], np.r_[dst, extra[:, 1]], n)
    x = pagerank_scores(M, alpha=0.85)
    out = M.out_degree
    dangling = out == 0
    spread = np.where(dangling, 0.0, x / np.maximum(out, 1))
    again = 0.85 * (M.AT @ spread + x[dangling].sum() / n) + 0.15 / n
    assert np.abs(again - x).sum() < 1e-10


def test_pagerank_edge_cases():
    assert pagerank_scores(CitationMatrix.from_edges([], [], 0)).size == 0
    np.testing.assert_allclose(pagerank_scores(CitationMatrix.from_edges([], [], 4)), 0.25)
    with pytest.raises(ValueError):
        pagerank_scores(CitationMatrix.from_edges([1], [0], 2), alpha=1.0)


# ---------------------------------------------------------------------- HITS


# The two-cycle has a repeated leading singular value: HITS has no unique answer there.
HITS_CASES = [c for c in RANDOM if c[0] != "two-cycle"]


@pytest.mark.parametrize("label,G", HITS_CASES, ids=[c[0] for c in HITS_CASES])
def test_hits_equals_networkx(label, G):
    hubs, auths = hits_scores(citation_matrix(G))
    nx_hubs, nx_auths = nx.hits(G, tol=1e-12, max_iter=10_000)
    np.testing.assert_allclose(auths, _vector(G, nx_auths), atol=1e-8)
    np.testing.assert_allclose(hubs, _vector(G, nx_hubs), atol=1e-8)
    assert hubs.sum() == pytest.approx(1) and auths.sum() == pytest.approx(1)


def test_hits_by_hand():
    # 2 cites 0, 1, 3; 3 cites 0, 1.  With a = (x, x, 0, y): the authority
    # equations reduce to [[4, 1], [2, 1]], leading eigenvalue (5 + sqrt 17)/2,
    # eigenvector y = (lambda - 4) x.
    lam = (5 + math.sqrt(17)) / 2
    r = lam - 4
    auth = np.array([1, 1, 0, r]) / (2 + r)
    hub = np.array([0, 0, 2 + r, 2]) / (4 + r)
    hubs, auths = hits_scores(CitationMatrix.from_edges([2, 2, 2, 3, 3], [0, 1, 3, 0, 1], 4))
    np.testing.assert_allclose(auths, auth, atol=1e-12)
    np.testing.assert_allclose(hubs, hub, atol=1e-12)


def test_hits_lanczos_and_power_iteration_agree(monkeypatch):
    import citegraph.analysis.scores as rank_mod

    rng = np.random.default_rng(5)
    n = 3000
    src = np.repeat(np.arange(1, n), 6)
    dst = (rng.random(src.size) * src).astype(int)
    M = CitationMatrix.from_edges(src, dst, n)
    found = []
    real = rank_mod._leading_authority
    monkeypatch.setattr(rank_mod, "_leading_authority", lambda *a: found.append(real(*a)) or found[-1])
    monkeypatch.setattr(rank_mod, "HITS_POWER_STEPS", 0)  # Lanczos straight away
    lanczos = hits_scores(M)
    assert found and found[0] is not None  # the Lanczos answer was kept, not power iteration's
    monkeypatch.setattr(rank_mod, "HITS_POWER_STEPS", 10**6)
    found.clear()
    power = hits_scores(M)
    assert found == []  # power iteration alone
    for ours, ref in zip(lanczos, power):
        assert np.abs(ours - ref).sum() < 1e-8
    # The defining equations: a ∝ Aᵀh and h ∝ A a.
    for hubs, auths in (lanczos, power):
        again = M.AT @ hubs
        assert np.abs(again / again.sum() - auths).sum() < 1e-8
        again = M.A @ auths
        assert np.abs(again / again.sum() - hubs).sum() < 1e-8


@pytest.mark.parametrize("power_steps", [0, 100])
def test_hits_with_a_repeated_leading_eigenvalue_is_the_start_projection(monkeypatch, power_steps):
    # 40 identical components (paper 3k+2 cites 3k and 3k+1) and one smaller
    # one: every copy shares the leading eigenvalue, and the start vector
    # (in-degrees) weighs the copies alike, so each gets the same share.
    import citegraph.analysis.scores as rank_mod

    monkeypatch.setattr(rank_mod, "HITS_POWER_STEPS", power_steps)
    copies = 40
    src = [3 * k + 2 for k in range(copies) for _ in range(2)] + [3 * copies + 1]
    dst = [3 * k + j for k in range(copies) for j in range(2)] + [3 * copies]
    found = []
    real = rank_mod._leading_authority
    monkeypatch.setattr(rank_mod, "_leading_authority", lambda *a: found.append(real(*a)) or found[-1])
    hubs, auths = hits_scores(CitationMatrix.from_edges(src, dst, 3 * copies + 2))
    assert found == ([None] if power_steps == 0 else [])  # Lanczos' answer is refused here
    expected_auth = np.r_[np.tile([0.5, 0.5, 0.0], copies) / copies, 0.0, 0.0]
    expected_hub = np.r_[np.tile([0.0, 0.0, 1.0], copies) / copies, 0.0, 0.0]
    np.testing.assert_allclose(auths, expected_auth, atol=1e-10)
    np.testing.assert_allclose(hubs, expected_hub, atol=1e-10)
    # the weaker component's true score is 0, and it is reported as exactly 0
    assert auths[-2] == 0.0 and hubs[-1] == 0.0


def test_hits_weaker_blocks_are_exact_zeros():
    # Papers 3, 4, 5 each cite 0, 1, 2 (leading eigenvalue 9); paper 7 cites
    # 6 (eigenvalue 1).  The exact answer is 0 on 6 and 7; power iteration
    # leaves a remainder that shrinks ninefold per step (~5e-11 when it stops).
    M = CitationMatrix.from_edges([3, 3, 3, 4, 4, 4, 5, 5, 5, 7], [0, 1, 2] * 3 + [6], 8)
    hubs, auths = hits_scores(M)
    assert auths.tolist() == pytest.approx([1 / 3] * 3 + [0] * 5, abs=1e-15)
    assert hubs.tolist() == pytest.approx([0] * 3 + [1 / 3] * 3 + [0] * 2, abs=1e-15)
    assert auths[6] == 0.0 and hubs[7] == 0.0
    assert auths.sum() == pytest.approx(1.0, abs=1e-15)


@pytest.mark.parametrize("label,G", HITS_CASES, ids=[c[0] for c in HITS_CASES])
def test_hits_has_no_scores_below_the_noise_floor(label, G):
    from citegraph.analysis.scores import HITS_ZERO

    for x in hits_scores(citation_matrix(G)):
        assert ((x == 0) | (x >= HITS_ZERO)).all()


def test_hits_tiny_remainders_after_many_steps_are_zero():
    # A slowly converging leading block (two near-equal eigenvalues in one
    # component) next to a weak separate block: the old power iteration left
    # the weak block at ~1e-50 after its many steps; the answer is 0 there.
    rng = np.random.default_rng(1)
    src, dst = [], []
    for v in range(1, 30):
        for u in rng.choice(v, size=min(v, int(rng.integers(0, 4))), replace=False):
            src.append(v)
            dst.append(int(u))
    G = nx.DiGraph(list(zip(src, dst)))
    hubs, auths = hits_scores(citation_matrix(G))
    nx_hubs, nx_auths = nx.hits(G, tol=1e-12, max_iter=10_000)
    np.testing.assert_allclose(auths, _vector(G, nx_auths), atol=1e-8)
    np.testing.assert_allclose(hubs, _vector(G, nx_hubs), atol=1e-8)
    assert 0 < (auths == 0).sum() < len(G) and ((auths == 0) | (auths > 1e-8)).all()


def test_hits_without_edges_is_uniform():
    hubs, auths = hits_scores(CitationMatrix.from_edges([], [], 3))
    np.testing.assert_allclose(hubs, 1 / 3)
    np.testing.assert_allclose(auths, 1 / 3)


# ------------------------------------------------------------------ CiteRank


def test_citerank_by_hand_chain():
    # c (2024) cites b (2022) cites a (2020); tau = 2, alpha = 0.5.
    start = np.exp(-np.array([4.0, 2.0, 0.0]) / 2)
    start /= start.sum()
    ta = start[0] + 0.5 * (start[1] + 0.5 * start[2])
    tb = start[1] + 0.5 * start[2]
    tc = start[2]
    M = CitationMatrix.from_edges([2, 1], [1, 0], 3, years=[2020, 2022, 2024])
    np.testing.assert_allclose(citerank_scores(M, tau=2.0, alpha=0.5), [ta, tb, tc], atol=1e-14)


def test_citerank_splits_traffic_between_references_and_favours_recent():
    # 2 (2024) cites 0 (2010) and 1 (2023); nobody cites them otherwise.
    M = CitationMatrix.from_edges([2, 2], [0, 1], 3, years=[2010, 2023, 2024])
    tau, alpha = 2.6, 0.5
    start = np.exp(-np.array([14.0, 1.0, 0.0]) / tau)
    start /= start.sum()
    expected = start + alpha * start[2] / 2 * np.array([1, 1, 0])
    r = citerank_scores(M, tau=tau, alpha=alpha)
    np.testing.assert_allclose(r, expected, atol=1e-14)
    assert r[1] > r[0]  # same local citations, the recent one is ahead
    assert pagerank_scores(M)[0] == pytest.approx(pagerank_scores(M)[1])


def test_citerank_unknown_year_gets_the_median_age():
    M = CitationMatrix.from_edges([], [], 4, years=[2020, 2022, 2024, None])
    r = citerank_scores(M, tau=1.0, alpha=0.5)
    assert r[3] == pytest.approx(r[1])


def test_citerank_with_cycles_solves_the_walk():
    M = CitationMatrix.from_edges([0, 1, 2], [1, 0, 0], 3, years=[2023, 2023, 2024])
    alpha = 0.5
    r = citerank_scores(M, tau=2.0, alpha=alpha)
    start = np.exp(-np.array([1.0, 1.0, 0.0]) / 2)
    start /= start.sum()
    W = np.array([[0, 1, 1], [1, 0, 0], [0, 0, 0]], dtype=float)  # W[j, i]: i cites j, 1 reference each
    np.testing.assert_allclose(r, np.linalg.solve(np.eye(3) - alpha * W, start), atol=1e-9)


# -------------------------------------------------------------- rank table


@pytest.fixture()
def small_graph():
    G = new_graph()
    add_paper(G, "a", title="Base", year=2021, citation_count=90, influential_citation_count=9, arxiv="2101.00001")
    add_paper(G, "b", title="Follow-up", year=2023, listed=True, name="FU")
    add_paper(G, "c", title="Newest", year=2024, listed=True, citation_count=1)
    add_paper(G, "d", title="Unlisted citer", year=2024)
    add_link(G, "b", "a", "cites")
    add_link(G, "c", "a", "cites")
    add_link(G, "c", "b", "builds_on")
    add_link(G, "d", "b", "mentions")
    return G


def test_rank_table_columns_and_values(small_graph):
    table = rank_papers(small_graph, ref_year=2024, kinds=ALL_KINDS).set_index("id")
    assert tuple(rank_papers(small_graph).columns) == RANK_COLUMNS
    assert table["local_citations"].to_dict() == {"a": 2, "b": 2, "c": 0, "d": 0}
    assert table["listed_citers"].to_dict() == {"a": 2, "b": 1, "c": 0, "d": 0}
    assert table.loc["a", "global_citations"] == 90
    assert table.loc["a", "influential_citations"] == 9
    assert table["global_citations"].isna().sum() == 2
    # max(global, local) / years since publication, counting that year
    assert table.loc["a", "citations_per_year"] == pytest.approx(90 / 4)
    assert table.loc["b", "citations_per_year"] == pytest.approx(2 / 2)
    assert table.loc["c", "citations_per_year"] == pytest.approx(1 / 1)
    assert table.loc["a", "arxiv"] == "2101.00001" and table.loc["b", "name"] == "FU"
    assert table.loc["b", "year"] == 2023
    M = citation_matrix(small_graph)
    np.testing.assert_allclose(table.loc[list(M.ids), "pagerank"], pagerank_scores(M))
    np.testing.assert_allclose(table.loc[list(M.ids), "citerank"], citerank_scores(M))


@pytest.mark.parametrize("by", [m for m in METRICS if m != "community"])
def test_rank_sorted_by_each_metric(small_graph, by):
    table = rank_papers(small_graph, by=by)
    values = table[by].astype(float).fillna(-np.inf).tolist()
    assert values == sorted(values, reverse=True)


def test_rank_top_and_listed_only(small_graph):
    assert rank_papers(small_graph, top=2)["id"].tolist() == rank_papers(small_graph)["id"].tolist()[:2]
    listed = rank_papers(small_graph, listed_only=True, kinds=ALL_KINDS)
    assert sorted(listed["id"]) == ["b", "c"]
    # measures still come from the whole graph
    assert listed.set_index("id").loc["b", "local_citations"] == 2


def test_rank_by_citations_by_default_with_mentions_counted_apart(small_graph):
    table = rank_papers(small_graph)
    assert table.attrs["kinds"] == ["cites"] and "citations" in table.attrs["ranking_note"]
    rows = table.set_index("id")
    # b is cited only through a lineage link that is not a citation, and mentioned once
    assert rows["local_citations"].to_dict() == {"a": 2, "b": 0, "c": 0, "d": 0}
    assert rows["mentioned_by"].to_dict() == {"a": 0, "b": 1, "c": 0, "d": 0}
    assert table["id"].iloc[0] == "a"


def test_rank_falls_back_to_every_kind_without_citations_and_says_so():
    G = new_graph()
    for key in "xyz":
        add_paper(G, key, title=key, listed=True)
    add_link(G, "y", "x", "mentions")
    add_link(G, "z", "x", "mentions")
    table = rank_papers(G)
    assert table["id"].iloc[0] == "x"
    assert "no citations were fetched" in table.attrs["ranking_note"]
    assert set(table.attrs["kinds"]) == {"cites", "builds_on", "mentions"}


def test_rank_kinds_filter(small_graph):
    table = rank_papers(small_graph, kinds=["cites"]).set_index("id")
    assert table["local_citations"].to_dict() == {"a": 2, "b": 0, "c": 0, "d": 0}


def test_rank_unknown_metric_is_a_usage_error(small_graph):
    with pytest.raises(UsageError, match="unknown ranking metric 'fame'.*pagerank"):
        rank_papers(small_graph, by="fame")


def test_rank_a_2025_paper_is_not_buried(small_graph):
    add_paper(small_graph, "new", title="Fresh", year=2025)
    add_paper(small_graph, "new2", title="Fresher", year=2025)
    add_link(small_graph, "new2", "new", "cites")
    table = rank_papers(small_graph, by="citerank").set_index("id")
    assert table.loc["new", "citerank"] > table.loc["a", "citerank"]


# --------------------------------------------------------------- the matrix


def test_matrix_from_edges_collapses_duplicates_and_self_citations():
    M = CitationMatrix.from_edges([0, 0, 1, 2], [1, 1, 1, 0], 3)
    assert M.A.toarray().tolist() == [[0, 1, 0], [0, 0, 0], [1, 0, 0]]
    with pytest.raises(ValueError, match="0..2"):
        CitationMatrix.from_edges([0], [3], 3)


def test_topo_levels_put_citing_papers_first():
    G = RANDOM[-2][1]  # DAG with a few cycles
    M = citation_matrix(G)
    order, bounds, cyclic = M.topo_levels
    assert sorted(order.tolist()) == list(range(M.n))
    level = np.empty(M.n, dtype=int)
    for k, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
        level[order[lo:hi]] = k
    coo = M.A.tocoo()
    same = level[coo.row] == level[coo.col]
    assert (level[coo.row] <= level[coo.col]).all()
    assert cyclic[level[coo.row[same]]].all()  # edges within a generation only on cycles
    assert cyclic.any()


def test_matrix_cache_follows_changes(small_graph):
    G = small_graph
    M = citation_matrix(G)
    assert citation_matrix(G) is M
    G.nodes["d"]["year"] = 2019  # in-place attribute edit
    M2 = citation_matrix(G)
    assert M2.years[M2.index["d"]] == 2019 and M2.A is M.A
    add_link(G, "d", "a", "cites")  # new edge
    assert citation_matrix(G).A.nnz == M.A.nnz + 1
    cites = citation_matrix(G, kinds=["cites"]).A.nnz
    add_link(G, "d", "b", "cites")  # an existing mentions edge gains "cites"
    assert citation_matrix(G, kinds=["cites"]).A.nnz == cites + 1
    G.remove_node("c")
    assert citation_matrix(G).n == 3


def test_unknown_edge_kind_is_refused(small_graph):
    with pytest.raises(ValueError, match="edge kinds"):
        citation_matrix(small_graph, kinds=["cite"])


def test_rank_without_communities_skips_detection(small_graph, monkeypatch):
    import citegraph.analysis.communities as communities_mod

    full = rank_papers(small_graph, ref_year=2024)

    def refuse(*args, **kwargs):
        raise AssertionError("community detection ran")

    monkeypatch.setattr(communities_mod, "communities", refuse)
    fast = rank_papers(small_graph, ref_year=2024, communities=False)
    assert tuple(fast.columns) == RANK_COLUMNS
    assert fast["community"].isna().all() and str(fast["community"].dtype) == "Int64"
    assert full["community"].notna().all()
    from pandas.testing import assert_frame_equal

    assert_frame_equal(fast.drop(columns="community"), full.drop(columns="community"))
    with pytest.raises(UsageError, match="community detection"):
        rank_papers(small_graph, by="community", communities=False)
    with pytest.raises(AssertionError, match="community detection ran"):
        rank_papers(small_graph)


def test_rank_without_communities_on_an_arrays_file(small_graph, tmp_path):
    from citegraph.graph.arrays import load_arrays, save_arrays

    save_arrays(small_graph, tmp_path / "g.npz")
    table = rank_papers(load_arrays(tmp_path / "g.npz"), communities=False, ref_year=2024)
    assert table["community"].isna().all()
    expected = rank_papers(small_graph, communities=False, ref_year=2024)
    assert table["id"].tolist() == expected["id"].tolist()
    np.testing.assert_allclose(table["hits_authority"], expected["hits_authority"])


def test_an_arrays_file_ranks_by_citations_with_mentions_apart_as_its_graph_does(small_graph, tmp_path):
    from citegraph.graph.arrays import load_arrays, save_arrays

    save_arrays(small_graph, tmp_path / "g.npz")
    table = rank_papers(load_arrays(tmp_path / "g.npz"), ref_year=2024)
    expected = rank_papers(small_graph, ref_year=2024)
    assert table.attrs == expected.attrs and table.attrs["kinds"] == ["cites"]
    assert table[["id", "local_citations", "mentioned_by"]].equals(expected[["id", "local_citations", "mentioned_by"]])
