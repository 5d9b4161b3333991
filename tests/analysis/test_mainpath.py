"""Main path analysis: SPC/SPLC/SPNP against hand counts and a brute-force reference."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pytest
from scipy import sparse

from citegraph.analysis.mainpath import METHODS, main_path, spc_weights

# The small example: knowledge flows A→C, B→C, C→D, C→E, D→F, E→F, E→G (arrows
# from cited to citing; the graph stores citations, so C cites A, and so on).
FLOW = [("A", "C"), ("B", "C"), ("C", "D"), ("C", "E"), ("D", "F"), ("E", "F"), ("E", "G")]
# Counted by hand.  SPC: sources A, B; sinks F, G; six source→sink paths.
#   N-: A=1 B=1 C=2 D=2 E=2     N+ (to sinks): C=3 D=1 E=2 F=1 G=1
# SPLC: N- counts every paper as a start: A=1 B=1 C=3 D=4 E=4.
# SPNP: also every paper as an end: N+: C=6 D=2 E=3 F=1 G=1.
HAND = {
    "spc": {("A", "C"): 3, ("B", "C"): 3, ("C", "D"): 2, ("C", "E"): 4, ("D", "F"): 2, ("E", "F"): 2, ("E", "G"): 2},
    "splc": {("A", "C"): 3, ("B", "C"): 3, ("C", "D"): 3, ("C", "E"): 6, ("D", "F"): 4, ("E", "F"): 4, ("E", "G"): 4},
    "spnp": {("A", "C"): 6, ("B", "C"): 6, ("C", "D"): 6, ("C", "E"): 9, ("D", "F"): 4, ("E", "F"): 4, ("E", "G"): 4},
}


def citation_graph(flow):
    return nx.DiGraph([(v, u) for u, v in flow])  # v cites u


def brute_force(flow, method):
    """Edge counts over explicitly enumerated paths (plain Python, no networkx)."""
    succ: dict[str, list[str]] = {}
    nodes = set()
    for u, v in flow:
        succ.setdefault(u, []).append(v)
        nodes |= {u, v}
    has_pred = {v for _, v in flow}
    sources = [n for n in nodes if n not in has_pred]
    sinks = {n for n in nodes if n not in succ}

    def paths_from(n):
        yield [n]
        for m in succ.get(n, []):
            for rest in paths_from(m):
                yield [n] + rest

    starts = sources if method == "spc" else sorted(nodes)
    counts = dict.fromkeys(flow, 0)
    for s in starts:
        for p in paths_from(s):
            if method != "spnp" and p[-1] not in sinks:
                continue
            for e in zip(p[:-1], p[1:]):
                counts[e] += 1
    return counts


@pytest.mark.parametrize("method", METHODS)
def test_counts_match_the_hand_computed_example(method):
    assert spc_weights(citation_graph(FLOW), method) == {e: float(w) for e, w in HAND[method].items()}


@pytest.mark.parametrize("method", METHODS)
def test_hand_counts_agree_with_the_brute_force_reference(method):
    assert brute_force(FLOW, method) == HAND[method]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("method", METHODS)
def test_random_dags_match_the_brute_force_reference(seed, method):
    rng = random.Random(seed)
    flow = sorted({(f"p{i}", f"p{j}") for i, j in itertools.combinations(range(14), 2) if rng.random() < 0.25})
    assert spc_weights(citation_graph(flow), method) == {e: float(w) for e, w in brute_force(flow, method).items()}


def test_global_main_path_is_the_heaviest_source_to_sink_path():
    result = main_path(citation_graph(FLOW))
    # A-C-E-F and A-C-E-G (and the same from B) weigh 3+4+2 = 9; A-C-D-F only 7
    assert result["path"][1:3] == ["C", "E"] and result["path"][0] in "AB" and result["path"][3] in "FG"
    assert [e["weight"] for e in result["edges"]] == [3.0, 4.0, 2.0]
    assert result["broken_cycles"] == []


def test_key_route_paths_extend_the_heaviest_edges_both_ways():
    result = main_path(citation_graph(FLOW), kind="key-route", key_routes=1)
    # the heaviest edge C→E, extended back to a source and on to a sink
    assert len(result["path"]) == 4 and result["path"][1:3] == ["C", "E"]
    everything = main_path(citation_graph(FLOW), kind="key-route", key_routes=7)
    assert set(everything["path"]) == set("ABCDEFG")


def test_two_preprints_citing_each_other_are_broken_by_date_and_reported():
    G = nx.DiGraph()
    G.add_node("old", arxiv="2401.00001")
    G.add_node("new", arxiv="2403.00001")
    G.add_node("base", arxiv="2301.00001")
    G.add_edges_from([("new", "old"), ("old", "new"), ("old", "base")])  # old and new cite each other
    result = main_path(G)
    assert result["broken_cycles"] == [["old", "new"]]  # the older one citing the newer goes
    assert result["path"] == ["base", "old", "new"]


def test_edges_of_other_kinds_are_left_out():
    G = citation_graph(FLOW)
    nx.set_edge_attributes(G, "cites", "kind")
    G.add_edge("A", "G", kind="mentions", kinds=["mentions"])
    assert ("G", "A") not in spc_weights(G)


def test_a_citation_matrix_gives_the_same_weights():
    ids = sorted({n for e in FLOW for n in e})
    index = {n: i for i, n in enumerate(ids)}
    rows = [index[v] for _, v in FLOW]
    cols = [index[u] for u, _ in FLOW]
    A = sparse.csr_array((np.ones(len(FLOW)), (rows, cols)), shape=(len(ids), len(ids)))
    matrix = SimpleNamespace(ids=ids, A=A, years=np.full(len(ids), 2020))
    assert spc_weights(matrix) == {e: float(w) for e, w in HAND["spc"].items()}


def test_deep_networks_do_not_overflow():
    # 40 layers of 40 fully connected papers: 40**40 paths, far beyond 1e200 in products
    layers = [[f"l{i}n{j}" for j in range(40)] for i in range(40)]
    flow = [(u, v) for a, b in zip(layers, layers[1:]) for u in a for v in b]
    weights = spc_weights(citation_graph(flow))
    values = np.array(list(weights.values()))
    assert np.isfinite(values).all() and values.max() > 0
    assert np.allclose(values, values[0])  # every edge carries the same share by symmetry


def test_an_empty_graph_has_an_empty_main_path():
    assert main_path(nx.DiGraph())["path"] == []


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("kind", ["global", "key-route"])
def test_citation_matrix_fast_path_matches_the_graph(seed, kind):
    # CitationMatrix input reuses its cached transpose and generations; the
    # answer, ties included, must be the one the networkx input gives.
    from citegraph.graph.matrix import citation_matrix

    rng = random.Random(seed)
    G = nx.DiGraph()
    G.add_nodes_from(f"p{i}" for i in range(30))
    for i in range(30):
        for j in range(i):
            if rng.random() < 0.15:
                G.add_edge(f"p{i}", f"p{j}")  # newer cites older
    if seed % 2:  # and a cycle, which the fast path must hand to cycle breaking
        G.add_edge("p3", "p20")
        for n in G:
            G.nodes[n]["year"] = 2000 + int(n[1:])
    M = citation_matrix(G)
    from_graph = main_path(G, kind=kind, key_routes=5, kinds=None)
    from_matrix = main_path(M, kind=kind, key_routes=5)
    assert from_matrix["path"] == from_graph["path"] or kind == "key-route"
    assert set(from_matrix["path"]) == set(from_graph["path"])
    assert from_matrix["edges"] == from_graph["edges"] or kind == "key-route"
    assert sorted(map(tuple, from_matrix["broken_cycles"])) == sorted(map(tuple, from_graph["broken_cycles"]))
    assert spc_weights(M) == spc_weights(G, kinds=None)


def test_citations_more_than_a_year_back_in_time_are_dropped_and_reported():
    # MUAN (2019) citing MUMU (2024) sent the main path back five years
    G = nx.DiGraph()
    dates = {"base": "2101.00001", "mid": "2301.00001", "late": "2405.00001", "rev": "1903.00001",
             "near": "2403.00001", "undated": None}
    for n, arxiv in dates.items():
        G.add_node(n, arxiv=arxiv)
    G.add_edges_from([("mid", "base"), ("late", "mid"), ("rev", "late"),  # rev: 2019 citing 2024
                      ("near", "late"),  # two months back: a revision, kept
                      ("undated", "late")])  # no date, nothing to judge by
    result = main_path(G)
    assert result["time_reversed"] == [["rev", "late"]] and result["broken_cycles"] == []
    assert ("late", "rev") not in spc_weights(G) and ("late", "near") in spc_weights(G)
    kept = main_path(G, max_back_years=None)
    assert kept["time_reversed"] == [] and ("late", "rev") in spc_weights(G, max_back_years=None)


def test_a_year_apart_is_judged_by_month_when_both_have_one_else_by_year():
    G = nx.DiGraph()
    G.add_node("a", arxiv="2301.00001")   # 2023-01
    G.add_node("b", arxiv="2402.00001")   # 2024-02: 13 months after a
    G.add_node("c", year=2024)
    G.add_node("d", year=2025)
    G.add_edges_from([("a", "b"), ("c", "d"), ("a", "c")])
    assert sorted(map(tuple, main_path(G)["time_reversed"])) == [("a", "b")]


def test_a_citation_matrix_drops_the_same_time_reversed_citations():
    from citegraph.graph.matrix import citation_matrix

    G = nx.DiGraph([("p1", "p0"), ("p2", "p1"), ("p0", "p2"), ("p3", "p2")])
    nx.set_node_attributes(G, {"p0": 2010, "p1": 2015, "p2": 2020, "p3": 2021}, "year")
    from_graph, from_matrix = main_path(G, kinds=None), main_path(citation_matrix(G))
    assert from_graph["time_reversed"] == from_matrix["time_reversed"] == [["p0", "p2"]]
    assert from_graph["path"] == from_matrix["path"] == ["p0", "p1", "p2", "p3"]


def reference_time_reversed(G, max_back_years):
    """Plain-Python statement of the filter: (citing, cited) pairs whose cited paper is more
    than ``max_back_years`` newer, in months when both have an arXiv month, else in years."""

    def date(n):
        arxiv, year = G.nodes[n].get("arxiv"), G.nodes[n].get("year")
        if arxiv:
            return 2000 + int(arxiv[:2]), int(arxiv[2:4])
        return (int(year), None) if year else None

    dropped = set()
    for citing, cited in G.edges:
        a, b = date(citing), date(cited)
        if a is None or b is None:
            continue
        if a[1] and b[1]:
            gap = ((b[0] * 12 + b[1]) - (a[0] * 12 + a[1])) / 12
        else:
            gap = b[0] - a[0]
        if gap > max_back_years:
            dropped.add((citing, cited))
    return dropped


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("max_back_years", [0.0, 0.5, 1.0, 2.5])
def test_time_reversed_citations_match_a_plain_python_reference(seed, max_back_years):
    from citegraph.graph.matrix import citation_matrix

    rng = random.Random(seed)
    G = nx.DiGraph()
    for i in range(60):
        r, year = rng.random(), rng.randint(2015, 2024)
        if r < 0.4:  # arXiv month, sometimes with a year, sometimes without
            attrs = {"arxiv": f"{year - 2000:02d}{rng.randint(1, 12):02d}.{rng.randint(0, 99999):05d}"}
            if rng.random() < 0.5:
                attrs["year"] = year
        elif r < 0.85:
            attrs = {"year": year}
        else:
            attrs = {}  # undated: never judged
        G.add_node(f"p{i}", **attrs)
    for _ in range(300):
        a, b = rng.sample(range(60), 2)
        G.add_edge(f"p{a}", f"p{b}")
    expected = reference_time_reversed(G, max_back_years)
    assert expected  # the random graph exercises the filter
    result = main_path(G, kinds=None, max_back_years=max_back_years)
    got = [tuple(e) for e in result["time_reversed"]]
    assert len(got) == len(set(got)) and set(got) == expected
    # what is neither time-reversed nor cycle-breaking is weighted, in flow direction
    broken = {tuple(e) for e in result["broken_cycles"]}
    assert not broken & expected
    kept = {(cited, citing) for citing, cited in set(G.edges) - expected - broken}
    assert set(spc_weights(G, kinds=None, max_back_years=max_back_years)) == kept
    # a CitationMatrix (years only) drops what the reference drops on years only
    for n in G:
        G.nodes[n].pop("arxiv", None)
    by_year = reference_time_reversed(G, max_back_years)
    from_matrix = main_path(citation_matrix(G), max_back_years=max_back_years)
    assert {tuple(e) for e in from_matrix["time_reversed"]} == by_year
