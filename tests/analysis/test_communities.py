"""Communities: known groups recovered, reproducible from a seed, labelled readably."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import citegraph.analysis.communities as com
from citegraph.analysis.communities import communities, community_labels, similarity_matrix
from citegraph.graph.matrix import CitationMatrix, citation_matrix
from citegraph.graph.model import add_link, add_paper, new_graph


@pytest.fixture(params=["igraph", "networkit"])
def engine(request, monkeypatch):
    """Run a test with each Louvain engine (small graphs use igraph, large ones networkit)."""
    if request.param == "networkit":
        monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)
    return request.param


def _planted(groups: int = 4, size: int = 30, p_in: float = 0.3, p_out: float = 0.005, seed: int = 1):
    """Edges citing older papers: dense inside each group, rare across."""
    rng = np.random.default_rng(seed)
    n = groups * size
    group = np.repeat(np.arange(groups), size)
    rng.shuffle(group)
    src, dst = [], []
    for v in range(n):
        for u in range(v):
            if rng.random() < (p_in if group[u] == group[v] else p_out):
                src.append(v)
                dst.append(u)
    return CitationMatrix.from_edges(src, dst, n), group


def test_planted_groups_are_recovered(engine):
    M, truth = _planted()
    labels = community_labels(M)
    for g in np.unique(truth):
        found = labels[truth == g]
        assert np.bincount(found).max() == found.size  # each group in one community
    assert len(np.unique(labels)) == len(np.unique(truth))


def test_same_seed_same_communities(engine):
    # A graph without clear structure, where Louvain's random order matters.
    rng = np.random.default_rng(3)
    src = rng.integers(1, 400, 3000)
    dst = (rng.random(3000) * src).astype(int)
    M = CitationMatrix.from_edges(src, dst, 400)
    first = community_labels(M, seed=11)
    for _ in range(3):
        np.testing.assert_array_equal(community_labels(M, seed=11), first)
    assert len(np.unique(first)) > 1
    # ... and the seed is live: other seeds reach other local optima here.
    assert any((community_labels(M, seed=s) != first).any() for s in range(3))


def test_numbering_largest_first_and_isolated_papers_alone(engine):
    # A triangle, a pair, and an isolated paper.
    M = CitationMatrix.from_edges([3, 4, 4, 1], [2, 2, 3, 0], 6)
    labels = community_labels(M)
    assert labels.tolist() == [1, 1, 0, 0, 0, 2]


def test_similarity_matrix_by_hand():
    # 2 and 3 cite 0 and 1; 3 cites 2.
    M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    S = similarity_matrix(M, similarity="full").toarray().astype(int)
    # 0-1: co-cited by 2 and 3.  0-2: 2 cites 0 (1) + co-cited by 3 (1).
    # 2-3: 3 cites 2 (1) + share 0 and 1 (2).  0-3: 3 cites 0.
    assert S.tolist() == [[0, 2, 2, 1], [2, 0, 2, 1], [2, 2, 0, 3], [1, 1, 3, 0]]
    assert similarity_matrix(M, similarity="citation").toarray().astype(int).tolist() == [
        [0, 0, 1, 1],
        [0, 0, 1, 1],
        [1, 1, 0, 1],
        [1, 1, 1, 0],
    ]


def test_auto_similarity_falls_back_to_citations_past_the_budget(monkeypatch):
    M = CitationMatrix.from_edges([2, 2, 3, 3, 3], [0, 1, 0, 1, 2], 4)
    assert (similarity_matrix(M) != similarity_matrix(M, similarity="full")).nnz == 0
    monkeypatch.setattr(com, "SIMILARITY_PAIR_BUDGET", 5)
    assert (similarity_matrix(M) != similarity_matrix(M, similarity="citation")).nnz == 0
    with pytest.raises(ValueError):
        similarity_matrix(M, similarity="semantic")


def test_communities_frame_with_labels():
    G = new_graph()
    titles = {
        "v1": ("Visual Tokenizer Basics", "VT"),
        "v2": ("Scaling the Visual Tokenizer", None),
        "v3": ("Visual Tokenizer for Video", None),
        "s1": ("Speech Codec Design", "SC"),
        "s2": ("Streaming Speech Codec", None),
        "s3": ("Speech Codec Distillation", None),
    }
    for key, (title, name) in titles.items():
        add_paper(G, key, title=title, name=name)
    for u, v in [("v2", "v1"), ("v3", "v1"), ("v3", "v2"), ("s2", "s1"), ("s3", "s1"), ("s3", "s2")]:
        add_link(G, u, v, "cites")
    frame = communities(G)
    assert list(frame.columns) == ["id", "community", "community_label"]
    by_id = frame.set_index("id")
    assert by_id.loc["v1", "community"] == by_id.loc["v3", "community"] != by_id.loc["s1", "community"]
    label = by_id.loc["s2", "community_label"]
    central, words = label.split(" | ")
    assert central.split("; ")[0] == "SC"  # most cited inside the community, by model name
    assert words.split(", ")[:2] == ["codec", "speech"]  # in all three titles: ties alphabetical
    # The CitationMatrix form gives the bare labels, same numbering.
    np.testing.assert_array_equal(communities(citation_matrix(G)), frame["community"].to_numpy())


def test_empty_graph(engine):
    assert community_labels(CitationMatrix.from_edges([], [], 0)).size == 0
    assert community_labels(CitationMatrix.from_edges([], [], 3)).tolist() == [0, 1, 2]


def test_engine_follows_size(monkeypatch):
    M, _ = _planted()
    calls = []
    real = com._louvain_igraph
    monkeypatch.setattr(com, "_louvain_igraph", lambda *a, **k: calls.append(1) or real(*a, **k))
    community_labels(M)
    assert calls == [1]
    monkeypatch.setattr(com, "SMALL_GRAPH_LINKS", 10)  # now "large": networkit
    community_labels(M)
    assert calls == [1]


def test_small_graphs_do_not_import_networkit():
    # Its import alone costs seconds; a fresh process shows what was imported.
    code = (
        "import sys\n"
        "from citegraph.analysis.communities import community_labels\n"
        "from citegraph.graph.matrix import CitationMatrix\n"
        "M = CitationMatrix.from_edges([1, 2, 2, 4, 5, 5, 3], [0, 0, 1, 3, 3, 4, 2], 6)\n"
        "print(community_labels(M).tolist(), 'networkit' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[0,", "0,", "0,", "1,", "1,", "1]", "False"]


def test_both_engines_find_equally_good_communities(monkeypatch):
    # Weighted (full similarity) modularity of each engine's result, by hand.
    M, _ = _planted(groups=5, size=40, p_in=0.2, p_out=0.02, seed=4)
    S = similarity_matrix(M, similarity="full")

    def modularity(labels):
        coo = S.tocoo()
        degree = S.sum(axis=1)
        total = degree.sum()
        inside = coo.data[labels[coo.row] == labels[coo.col]].sum()
        return inside / total - (np.bincount(labels, weights=degree) ** 2).sum() / total**2

    small = modularity(community_labels(M))
    monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)
    large = modularity(community_labels(M))
    assert small > 0.3 and large > 0.3
    assert abs(small - large) < 0.02


def test_mutual_citations_are_one_link():
    # 0 and 1 cite each other; 2 cites 0.
    M = CitationMatrix.from_edges([0, 1, 2], [1, 0, 0], 3)
    rows, cols = com._citation_pairs(M)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(0, 1), (2, 0)]


def test_large_graphs_take_fewer_moves(monkeypatch):
    import networkit as nk

    M, _ = _planted(groups=6, size=40, p_in=0.15, p_out=0.03, seed=2)
    monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)  # networkit, where max_moves applies
    seen = []
    real = nk.community.PLM
    monkeypatch.setattr(nk.community, "PLM", lambda *a, **k: seen.append(k["maxIter"]) or real(*a, **k))
    community_labels(M)
    monkeypatch.setattr(com, "FEWER_MOVES_LINKS", 10)
    community_labels(M)
    community_labels(M, max_moves=5)
    assert seen == [32, 8, 5]


def _random_citations(n: int, m: int, seed: int) -> CitationMatrix:
    rng = np.random.default_rng(seed)
    src = rng.integers(1, n, m)
    return CitationMatrix.from_edges(src, (rng.random(m) * src).astype(int), n)


@pytest.mark.parametrize("weighted", [False, True])
def test_igraph_core_gives_igraph_packages_result(weighted):
    # The small-graph engine calls igraph's compiled core directly (no drawing
    # modules, no matplotlib); it must give exactly what igraph's public
    # Graph.community_multilevel gives for the same seeded generator.
    import random

    import igraph
    import scipy.sparse as sp

    for trial in range(4):
        M = _random_citations(300 + 200 * trial, 3000, seed=trial)
        S = sp.triu(similarity_matrix(M, similarity="full"), k=1).tocoo()
        weights = S.data if weighted else None
        for seed, resolution in [(0, 1.0), (5, 0.6)]:
            ours = com._louvain_igraph(S.row, S.col, weights, M.n, seed=seed, resolution=resolution)
            g = igraph.Graph(n=M.n, edges=list(zip(S.row.tolist(), S.col.tolist())))
            igraph.set_random_number_generator(random.Random(seed))
            try:
                theirs = g.community_multilevel(weights=None if weights is None else weights.tolist(),
                                                resolution=resolution).membership
            finally:
                igraph.set_random_number_generator(random)
            assert ours.tolist() == theirs


def test_small_graphs_do_not_import_matplotlib_and_igraph_still_imports():
    # igraph's package imports matplotlib.pyplot (its drawing backends): ~1 s.
    # Afterwards the package must still import and work in the same process.
    code = (
        "import sys\n"
        "from citegraph.analysis.communities import community_labels\n"
        "from citegraph.graph.matrix import CitationMatrix\n"
        "M = CitationMatrix.from_edges([1, 2, 2, 4, 5, 5, 3], [0, 0, 1, 3, 3, 4, 2], 6)\n"
        "print(community_labels(M).tolist(), 'matplotlib' in sys.modules, 'igraph' in sys.modules)\n"
        "import igraph\n"
        "g = igraph.Graph(n=6, edges=[(1, 0), (2, 0), (2, 1), (4, 3), (5, 3), (5, 4), (3, 2)])\n"
        "print(g.community_multilevel().membership == [0, 0, 0, 1, 1, 1], igraph.GraphBase is sys.modules['igraph._igraph'].GraphBase)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[0,", "0,", "0,", "1,", "1,", "1]", "False", "False", "True", "True"]


def test_labels_found_once_per_matrix(monkeypatch):
    M, _ = _planted()
    calls = []
    real = com._louvain
    monkeypatch.setattr(com, "_louvain", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = community_labels(M, seed=3)
    first[:] = -1  # the caller's copy: the stored labels are not touched
    again = community_labels(M, seed=3)
    assert calls == [1] and again.min() >= 0
    # Other arguments, another matrix with the same edges, other limits: computed again.
    community_labels(M, seed=4)
    fresh = CitationMatrix.from_edges(M.A.tocoo().row, M.A.tocoo().col, M.n)
    np.testing.assert_array_equal(community_labels(fresh, seed=3), again)
    monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)
    community_labels(M, seed=3)
    assert len(calls) == 4


def test_communities_of_a_graph_twice_reuse_its_labels(monkeypatch):
    G = new_graph()
    for key in "abcdef":
        add_paper(G, key, title=f"Paper {key}")
    for u, v in [("b", "a"), ("c", "a"), ("c", "b"), ("e", "d"), ("f", "d"), ("f", "e")]:
        add_link(G, u, v, "cites")
    calls = []
    real = com._louvain
    monkeypatch.setattr(com, "_louvain", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert communities(G).equals(communities(G))
    assert calls == [1]
    add_link(G, "d", "c", "cites")  # the graph changed: its matrix and labels are new
    communities(G)
    assert calls == [1, 1]


@pytest.mark.parametrize("weighted", [False, True])
def test_networkit_graph_has_each_link_once_with_its_weight(monkeypatch, weighted):
    import networkit as nk

    M, _ = _planted(groups=3, size=30, seed=5)
    rows, cols = com._citation_pairs(M)
    weights = np.arange(1, rows.size + 1, dtype=float) if weighted else None
    seen = []
    real = nk.graph.GraphFromCsr
    monkeypatch.setattr(nk.graph, "GraphFromCsr", lambda *a, **k: seen.append(real(*a, **k)) or seen[-1])
    monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)
    labels = com._louvain(rows, cols, weights, M.n, seed=0, resolution=1.0, max_moves=None)
    (graph,) = seen
    assert graph.numberOfNodes() == M.n and graph.numberOfEdges() == rows.size
    assert graph.isWeighted() == weighted
    assert graph.totalEdgeWeight() == (weights.sum() if weighted else rows.size)
    assert labels.shape == (M.n,)


def test_networkit_engine_at_least_as_good_as_its_default_plm(monkeypatch):
    # PLM with refinement on the seeded, sorted graph against networkit's own
    # default PLM on the same links, scored with one modularity function.
    import networkit as nk

    rng = np.random.default_rng(8)
    src = rng.integers(1, 3000, 30000)
    M = CitationMatrix.from_edges(src, (rng.random(30000) * src).astype(int), 3000)
    rows, cols = com._citation_pairs(M)

    def modularity(labels):
        degree = np.bincount(np.r_[rows, cols], minlength=M.n).astype(float)
        m = rows.size
        inside = (labels[rows] == labels[cols]).sum()
        return inside / m - (np.bincount(labels, weights=degree) ** 2).sum() / (2 * m) ** 2

    monkeypatch.setattr(com, "SMALL_GRAPH_PAPERS", 0)
    ours = [modularity(com._louvain(rows, cols, None, M.n, seed=s, resolution=1.0, max_moves=None)) for s in range(3)]
    nk.engineering.setNumberOfThreads(1)
    g = nk.graph.GraphFromCoo((rows.astype(np.uint64), cols.astype(np.uint64)), n=M.n, directed=False)
    plm = nk.community.PLM(g, refine=False)
    plm.run()
    theirs = modularity(np.asarray(plm.getPartition().getVector(), dtype=np.int64))
    assert np.median(ours) >= theirs - 0.002


def test_an_empty_graph_has_no_community_and_ranks_to_an_empty_table():
    from citegraph.analysis.rank import rank_papers
    from citegraph.graph.model import new_graph

    G = new_graph()
    assert communities(G).empty
    assert rank_papers(G).empty


def test_groups_of_one_or_two_are_gathered_as_unclustered():
    G = new_graph()
    for key in ["a1", "a2", "a3", "b1", "b2", "c1"]:
        add_paper(G, key, title=f"Paper {key}")
    for u, v in [("a2", "a1"), ("a3", "a1"), ("a3", "a2"), ("b2", "b1")]:
        add_link(G, u, v, "cites")
    frame = communities(G).set_index("id")
    assert frame.loc["a1", "community"] == 0 and frame.loc["a1", "community_label"] != "unclustered"
    assert set(frame.loc[["b1", "b2", "c1"], "community"]) == {1}
    assert set(frame.loc[["b1", "b2", "c1"], "community_label"]) == {"unclustered"}
    # the bare numbers agree, and min_size=1 keeps every group
    np.testing.assert_array_equal(communities(citation_matrix(G)), frame["community"].to_numpy())
    assert len(set(communities(G, min_size=1)["community"])) == 3


def test_labels_name_what_sets_a_group_apart_not_what_every_group_says():
    from citegraph.analysis.communities import community_words

    titles = ["Unified Multimodal Generation with Diffusion", "Diffusion Generation at Scale",
              "Multimodal Diffusion Transformers", "Unified Multimodal Generation of Speech",
              "Speech Generation Codec", "Streaming Speech Generation"]
    words = community_words(np.array([0, 0, 0, 1, 1, 1]), titles)
    # "generation" is in five of the six titles: the commonest word of both groups, the first of neither
    assert words[0].split(", ")[0] == "diffusion" and words[1].split(", ")[0] == "speech"
    assert "generation" not in words[0]
