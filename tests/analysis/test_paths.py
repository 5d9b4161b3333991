"""Paper lookup by what a user types; shortest and strongest citation paths."""

from __future__ import annotations

import math

import pytest

from citegraph.analysis.paths import LINK_STRENGTH, citation_paths, find_paper, format_paths
from citegraph.errors import AmbiguousPaperError, PaperLookupError
from citegraph.graph.model import add_link, add_paper, new_graph


@pytest.fixture()
def G():
    G = new_graph()
    add_paper(G, "s2chameleon", paper_id="s2chameleon", arxiv="2405.09818", doi="10.48550/arxiv.2405.09818",
              title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", name="Chameleon", year=2024)
    add_paper(G, "arxiv:2407.06135", arxiv="2407.06135",
              title="ANOLE: An Open, Autoregressive, Native Large Multimodal Models for Interleaved Image-Text Generation",
              name="ANOLE", year=2024)
    add_paper(G, "janus", title="Janus: Decoupling Visual Encoding for Unified Multimodal Understanding and Generation",
              name="Janus", year=2024)
    add_paper(G, "januspro", title="Janus-Pro: Unified Multimodal Understanding and Generation with Data and Model Scaling",
              name="Janus-Pro", year=2025)
    add_paper(G, "dup1", title="Emu", name="Emu", year=2023)
    add_paper(G, "dup2", title="Emu: Enhancing Image Generation Models", name="emu", year=2023)
    return G


@pytest.mark.parametrize(
    "query,node",
    [
        ("s2chameleon", "s2chameleon"),
        ("2405.09818", "s2chameleon"),
        ("arXiv:2405.09818v3", "s2chameleon"),
        ("https://arxiv.org/pdf/2407.06135v1.pdf", "arxiv:2407.06135"),
        ("https://doi.org/10.48550/ARXIV.2405.09818", "s2chameleon"),
        ("doi:10.48550/arxiv.2405.09818", "s2chameleon"),
        ("anole", "arxiv:2407.06135"),
        ("JANUS-PRO", "januspro"),
        ("janus", "janus"),  # an exact name beats the title fragment both share
        ("Janus: decoupling visual encoding for unified multimodal understanding and generation", "janus"),
        ("early fusion", "s2chameleon"),
        ("Mixed-Modal", "s2chameleon"),
    ],
)
def test_find_paper(G, query, node):
    assert find_paper(G, query) == node


def test_ambiguous_query_lists_candidates(G):
    with pytest.raises(AmbiguousPaperError) as info:
        find_paper(G, "unified multimodal")
    assert info.value.candidates == ["janus", "januspro"]
    message = str(info.value)
    assert "matches 2 papers by title fragment" in message
    assert "Janus-Pro — Janus-Pro: Unified Multimodal Understanding" in message and "(2025)  [januspro]" in message


def test_ambiguous_model_name(G):
    with pytest.raises(AmbiguousPaperError, match="by model name") as info:
        find_paper(G, "EMU")
    assert info.value.candidates == ["dup1", "dup2"]


def test_candidates_are_one_line_each_whatever_their_strings_hold():
    G = new_graph()
    add_paper(G, "odd1", title="Zed\n\nSecond line\r\nthird", name="Zed", year=2023)
    add_paper(G, "odd2\nx", title="\n \n", name="ZED", year=2023)
    with pytest.raises(AmbiguousPaperError) as info:
        find_paper(G, "zed")
    lines = str(info.value).splitlines()
    assert len(lines) == 1 + len(info.value.candidates) == 3
    assert "  Zed — Zed Second line third (2023)  [odd1]" in lines
    assert "  ZED — (no title) (2023)  [odd2 x]" in lines


def test_unknown_paper(G):
    with pytest.raises(PaperLookupError, match="no paper in the graph matches 'Transfusion'"):
        find_paper(G, "Transfusion")
    with pytest.raises(PaperLookupError, match="empty"):
        find_paper(G, "  ")
    # An arXiv id not in the graph is not silently matched to something else.
    with pytest.raises(PaperLookupError):
        find_paper(G, "2501.00001")


@pytest.fixture()
def routes():
    """Several routes from new (2025) down to root (2019).

    new -cites-> root                          (1 link, 0.5)
    new -cites-> mid1 -cites-> root            (2 links, 0.25)
    new -builds_on-> b1 -builds_on-> b2 -builds_on-> root  (3 links, 0.729)
    """
    G = new_graph()
    for key, year in [("root", 2019), ("mid1", 2021), ("b1", 2023), ("b2", 2021), ("new", 2025), ("lonely", 2020)]:
        add_paper(G, key, title=f"Paper {key}", year=year)
    add_link(G, "new", "root", "cites")
    add_link(G, "new", "mid1", "cites")
    add_link(G, "mid1", "root", "cites")
    add_link(G, "new", "b1", "builds_on")
    add_link(G, "b1", "b2", "builds_on")
    add_link(G, "b2", "root", "builds_on")
    return G


def _ids(found):
    return [p["id"] for p in found["path"]]


def test_shortest_and_strongest_differ(routes):
    result = citation_paths(routes, "root", "new")
    assert result["a"]["id"] == "root" and result["b"]["id"] == "new"
    assert _ids(result["shortest"]) == ["new", "root"]
    assert result["shortest"]["direction"] == "b_to_a" and result["shortest"]["links"] == 1
    assert result["shortest"]["strength"] == pytest.approx(LINK_STRENGTH["cites"])
    assert _ids(result["strongest"]) == ["new", "b1", "b2", "root"]
    assert result["strongest"]["strength"] == pytest.approx(LINK_STRENGTH["builds_on"] ** 3)
    assert result["strongest"]["path"][0] == {"id": "new", "title": "Paper new", "year": 2025, "name": None}


def test_either_direction(routes):
    result = citation_paths(routes, "new", "root")
    assert result["shortest"]["direction"] == "a_to_b"
    assert _ids(result["shortest"]) == ["new", "root"]


def test_influential_citation_is_stronger(routes):
    # Only the route through mid1 is left; its links are an influential
    # citation and a methodology citation.
    routes.remove_edge("new", "root")
    routes.remove_node("b1")
    add_link(routes, "new", "mid1", "cites", is_influential=True)
    add_link(routes, "mid1", "root", "cites", intents=["methodology"])
    result = citation_paths(routes, "new", "root")
    assert _ids(result["strongest"]) == ["new", "mid1", "root"]
    assert result["strongest"]["strength"] == pytest.approx(LINK_STRENGTH["cites_influential"] ** 2)


def test_kinds_restrict_the_paths(routes):
    result = citation_paths(routes, "root", "new", kinds=["builds_on"])
    assert _ids(result["shortest"]) == ["new", "b1", "b2", "root"]


def test_no_path(routes):
    result = citation_paths(routes, "lonely", "new")
    assert result["shortest"] is None and result["strongest"] is None
    text = format_paths(result)
    assert "no chain of citations joins" in text


def test_cycle_picks_the_better_direction():
    G = new_graph()
    for key in "abc":
        add_paper(G, key, title=key, year=2024)
    add_link(G, "a", "b", "cites")  # a → b directly
    add_link(G, "b", "c", "builds_on")
    add_link(G, "c", "a", "builds_on")  # b → c → a
    result = citation_paths(G, "a", "b")
    assert result["shortest"]["direction"] == "a_to_b"
    assert result["strongest"]["direction"] == "b_to_a"
    assert result["strongest"]["strength"] == pytest.approx(0.81)


def test_format_paths_reads_oldest_first(routes):
    text = format_paths(citation_paths(routes, "root", "new"))
    lines = text.splitlines()
    assert lines[0] == "Shortest path (1 link, strength 0.5): Paper root leads to Paper new"
    assert lines[1].strip() == "Paper root (2019)  [root]"
    assert lines[2].strip() == "↓ cited by"
    strongest = text.split("\n\n")[1].splitlines()
    assert strongest[0].startswith("Strongest path (3 links, strength 0.729)")
    assert [line.split("[")[1].rstrip("]") for line in strongest[1:] if "[" in line] == ["root", "b2", "b1", "new"]
    assert math.isclose(0.729, LINK_STRENGTH["builds_on"] ** 3)


def _steps(text: str) -> list[str]:
    return [line.strip().removeprefix("↓ ") for line in text.splitlines() if line.strip().startswith("↓")]


def test_each_step_says_what_the_link_is(routes):
    """The builds_on route reads "built on by", not "cited by"; the direct citation "cited by"."""
    result = citation_paths(routes, "root", "new")
    assert result["strongest"]["link_kinds"] == [["builds_on"]] * 3
    assert result["shortest"]["link_kinds"] == [["cites"]]
    shortest, strongest = format_paths(result).split("\n\n")
    assert _steps(shortest) == ["cited by"]
    assert _steps(strongest) == ["built on by"] * 3


def test_steps_read_downward_in_either_direction_and_name_every_kind():
    # old <-mentions- mid <-builds_on+cites- new: each step names its own edge's kinds,
    # from the older paper (above) to the newer one (below), whichever order a and b come in
    G = new_graph()
    for key, year in [("old", 2019), ("mid", 2021), ("new", 2023)]:
        add_paper(G, key, title=f"Paper {key}", year=year)
    add_link(G, "mid", "old", "mentions")
    add_link(G, "new", "mid", "builds_on")
    add_link(G, "new", "mid", "cites")
    for a, b in (("old", "new"), ("new", "old")):
        result = citation_paths(G, a, b, kinds=["mentions", "builds_on"])
        assert result["shortest"]["link_kinds"] == [["builds_on", "cites"], ["mentions"]]  # citing-first
        text = format_paths(result).split("\n\n")[0]
        assert _steps(text) == ["mentioned by", "built on and cited by"]
        assert text.splitlines()[0].endswith("Paper old leads to Paper new")
        papers = [line.split("[")[1].rstrip("]") for line in text.splitlines()[1:] if "[" in line]
        assert papers == ["old", "mid", "new"]


def test_path_command_says_what_the_links_are(tmp_path):
    from click.testing import CliRunner

    from citegraph.cli import main
    from citegraph.graph.model import save_graph

    G = new_graph()
    add_paper(G, "cham", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", name="Chameleon", year=2024)
    add_paper(G, "anole", title="ANOLE: An Open Model", name="Anole", year=2024)
    add_link(G, "anole", "cham", "builds_on")
    save_graph(G, tmp_path / "g.json")
    result = CliRunner().invoke(main, ["path", str(tmp_path / "g.json"), "Chameleon", "Anole"])
    assert result.exit_code == 0, result.output
    assert _steps(result.output) == ["built on by", "built on by"] and "cited by" not in result.output


def test_shortest_path_strength_is_its_own_in_either_order():
    # a → b directly (cites, 0.5); b → c → a (builds_on, 0.81).  Each path's
    # strength is the product of its own links, whichever paper comes first.
    G = new_graph()
    for key in "abc":
        add_paper(G, key, title=key, year=2024)
    add_link(G, "a", "b", "cites")
    add_link(G, "b", "c", "builds_on")
    add_link(G, "c", "a", "builds_on")
    for first, second in (("a", "b"), ("b", "a")):
        result = citation_paths(G, first, second)
        assert _ids(result["shortest"]) == ["a", "b"]
        assert result["shortest"]["strength"] == pytest.approx(0.5)
        assert _ids(result["strongest"]) == ["b", "c", "a"]
        assert result["strongest"]["strength"] == pytest.approx(0.81)


def _random_attributed_graph(seed: int):
    """Edges with every shape of attributes link_strength reads, hand-built and via add_link."""
    import random

    rng = random.Random(seed)
    G = new_graph()
    for i in range(40):
        add_paper(G, f"p{i}", title=f"P{i}", year=2000 + i)
    shapes = [
        {"kind": "cites", "kinds": ["cites"]},
        {"kind": "builds_on", "kinds": ["builds_on", "cites"]},
        {"kind": "mentions", "kinds": ["mentions"]},
        {"kind": "cites", "kinds": ["cites", "mentions"], "is_influential": True},
        {"kind": "cites", "kinds": ["cites"], "is_influential": False, "intents": ["background"]},
        {"kind": "cites", "kinds": ["cites"], "intents": ["methodology", "result"]},
        {"kind": "cites", "kinds": ["mentions", "cites"], "intents": None},
        {"kind": "builds_on"},  # no kinds list
        {"kinds": [], "kind": "cites", "intents": []},  # empty kinds: the one kind counts
        {},  # a plain networkx edge
        {"kinds": ("cites",), "is_influential": 1},
        {"kind": "mentions", "kinds": ["mentions"], "is_influential": True},  # influence only counts on citations
    ]
    for _ in range(300):
        u, v = rng.sample(range(40), 2)
        G.add_edge(f"p{u}", f"p{v}", **dict(rng.choice(shapes)))
    return G


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kinds", [None, ["cites"], ["builds_on", "mentions"]])
def test_strength_costs_equal_link_strength_edge_by_edge(seed, kinds):
    # The vectorised costs against the per-edge definition (link_strength),
    # entry by entry in CSR order, on the full and on kind-filtered matrices.
    import numpy as np

    from citegraph.graph.matrix import citation_matrix
    from citegraph.analysis.paths import _strength_costs, link_strength

    G = _random_attributed_graph(seed)
    M = citation_matrix(G, kinds=kinds)
    cost = _strength_costs(G, M)
    assert np.array_equal(cost.indptr, M.A.indptr) and np.array_equal(cost.indices, M.A.indices)
    coo = M.A.tocoo()
    expected = [-math.log(link_strength(G.edges[M.ids[i], M.ids[j]])) for i, j in zip(coo.row, coo.col)]
    # numpy's vectorised log may differ from math.log in the last bit
    assert cost.data.tolist() == pytest.approx(expected, rel=1e-15)
    # a mask keeps exactly the masked entries, with the same costs
    keep = np.arange(M.A.nnz) % 3 == 0
    part = _strength_costs(G, M, keep=keep).tocoo()
    assert list(zip(part.row, part.col)) == [(i, j) for i, j, k in zip(coo.row, coo.col, keep) if k]
    assert part.data.tolist() == cost.data[keep].tolist()


def test_strength_reads_attributes_edited_in_place(routes):
    first = citation_paths(routes, "new", "root")
    assert _ids(first["strongest"]) == ["new", "b1", "b2", "root"]
    # After the first call, the direct citation becomes influential (0.7) and
    # one builds_on link is edited in place into a mention (0.9 * 0.3 * 0.9):
    # the direct link now wins, so nothing stale was reused.
    add_link(routes, "new", "root", "cites", is_influential=True)
    routes.edges["b1", "b2"]["kinds"] = ["mentions"]
    routes.edges["b1", "b2"]["kind"] = "mentions"
    result = citation_paths(routes, "new", "root")
    assert _ids(result["strongest"]) == ["new", "root"]
    assert result["strongest"]["strength"] == pytest.approx(LINK_STRENGTH["cites_influential"])


def test_path_search_only_reads_edges_between_the_two_papers(routes, monkeypatch):
    # Edges that cannot be on a path from one paper to the other are never classified.
    import citegraph.analysis.paths as paths_mod

    seen = []
    real = paths_mod._strength_codes
    monkeypatch.setattr(paths_mod, "_strength_codes", lambda edges: seen.append(len(edges)) or real(edges))
    add_paper(routes, "side", title="Side", year=2022)
    add_link(routes, "side", "root", "cites")  # reaches root, but new does not reach it
    add_link(routes, "new", "lonely", "cites")  # new reaches it, but it does not reach root
    result = citation_paths(routes, "root", "new")
    assert _ids(result["strongest"]) == ["new", "b1", "b2", "root"]
    assert seen == [6]  # the 6 edges from new down to root; not side's, not lonely's


def test_ambiguous_candidates_come_best_match_first():
    G = new_graph()
    add_paper(G, "z-long", title="Diffusion models for everything under the sun", year=2024)
    add_paper(G, "a-tight", title="Diffusion Models", name="DM", year=2021, listed=True)
    with pytest.raises(AmbiguousPaperError) as info:
        find_paper(G, "diffusion model")
    assert info.value.candidates == ["a-tight", "z-long"]
    assert str(info.value).splitlines()[1].strip() == "DM — Diffusion Models (2021)  [a-tight]"


def test_a_semantic_scholar_id_is_found_by_its_first_characters():
    G = new_graph()
    add_paper(G, "0123abcd" + "0" * 32, title="One")
    add_paper(G, "0123ffff" + "0" * 32, title="Two")
    assert find_paper(G, "0123abcd") == "0123abcd" + "0" * 32
    assert find_paper(G, "0123ff") == "0123ffff" + "0" * 32
    add_paper(G, "0123abce" + "0" * 32, title="Three")
    with pytest.raises(AmbiguousPaperError):
        find_paper(G, "0123abc")
