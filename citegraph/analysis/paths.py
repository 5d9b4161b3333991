"""Finding papers by what a user types, and the citation paths between two papers.

A *citation path* is a chain of papers each of which cites (builds on,
mentions) the next.  "How A leads to B" is answered by the paths from B down
to A, or from A down to B when A is the later work; both directions are
searched.

* the **shortest** path has the fewest links;
* the **strongest** path has the largest product of link strengths
  (:data:`LINK_STRENGTH`): a chain of ``builds_on`` links outweighs a single
  passing citation.  It is a shortest path under cost ``-log(strength)``.
"""

from __future__ import annotations

import math
import re
from itertools import compress, repeat
from operator import contains
from typing import Any
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz
from scipy.sparse import csgraph

from citegraph.graph.matrix import citation_matrix
from citegraph.errors import AmbiguousPaperError, PaperLookupError
from citegraph.text.titles import normalize_title
from citegraph.text.wording import paper_label

__all__ = ["LINK_STRENGTH", "find_paper", "link_strength", "citation_paths", "format_paths"]

# How much a link says that the citing paper builds on the cited one.  All
# below 1 so that, between equally strong chains, the shorter one wins.
LINK_STRENGTH: dict[str, float] = {
    "builds_on": 0.9,
    "cites_influential": 0.7,  # isInfluential, or a "methodology" intent
    "cites": 0.5,
    "mentions": 0.3,
}

_ARXIV = re.compile(
    r"(?:arxiv[:/]\s*|abs/|pdf/)?(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?$", re.I
)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_MAX_CANDIDATES = 10
_S2_ID = re.compile(r"[0-9a-f]{40}")
_ID_PREFIX = re.compile(r"[0-9a-f]{6,39}")


def _describe(G: nx.DiGraph[Hashable], node: Hashable) -> str:
    """One line naming a candidate paper: model name, title, year, then the id to type.

    >>> G = nx.DiGraph(); G.add_node("p1", title="Emu: Generative Pretraining", name="Emu", year=2023)
    >>> _describe(G, "p1")
    'Emu — Emu: Generative Pretraining (2023)  [p1]'
    """
    d = G.nodes[node]
    year = f" ({d['year']})" if d.get("year") else ""
    # one line whatever the strings hold: a line break in a title would split the candidate list
    name_text, title = (" ".join(str(d.get(f) or "").split()) for f in ("name", "title"))
    name = f"{name_text} — " if name_text else ""
    shown = " ".join(str(node).split())
    shown = shown[:8] if _S2_ID.fullmatch(shown) else shown  # find_paper takes the prefix
    return f"{name}{title or '(no title)'}{year}  [{shown}]"


def _best_first(G: nx.DiGraph[Hashable], query: str, matches: list[Hashable]) -> list[Hashable]:
    """``matches`` best first: closest name or title to ``query``, then listed, most cited, id.

    >>> G = nx.DiGraph()
    >>> G.add_node("a", title="Scaling Janus for everything"); G.add_node("b", title="Janus", name="Janus")
    >>> _best_first(G, "janus", ["a", "b"])
    ['b', 'a']
    """
    folded = query.casefold()

    def key(v: Hashable) -> tuple[float, bool, int, str]:
        d = G.nodes[v]
        closeness = max(fuzz.ratio(folded, (d.get(f) or "").casefold()) for f in ("name", "title"))
        return (-closeness, not d.get("listed"), -(d.get("citation_count") or 0), str(v))

    return sorted(matches, key=key)


def _one(G: nx.DiGraph[Hashable], query: str, matches: list[Hashable], how: str) -> Hashable | None:
    """The single match, ``None`` for none; several raise :class:`AmbiguousPaperError`, best match first.

    >>> G = nx.DiGraph(); G.add_nodes_from(["a", "b"])
    >>> _one(G, "x", [], "title"), _one(G, "x", ["a"], "title")
    (None, 'a')
    >>> _one(G, "x", ["b", "a"], "title")
    Traceback (most recent call last):
    ...
    citegraph.errors.AmbiguousPaperError: 'x' matches 2 papers by title; be more specific, or give the id in brackets:
      (no title)  [a]
      (no title)  [b]
    """
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    matches = _best_first(G, query, matches)
    shown = [_describe(G, v) for v in matches[:_MAX_CANDIDATES]]
    more = f"\n  ... and {len(matches) - _MAX_CANDIDATES} more" if len(matches) > _MAX_CANDIDATES else ""
    raise AmbiguousPaperError(
        f"{query!r} matches {len(matches)} papers by {how}; be more specific, or give the id in brackets:\n  "
        + "\n  ".join(shown)
        + more,
        candidates=[str(v) for v in matches],
    )


def find_paper(G: nx.DiGraph[Hashable], query: Hashable) -> Hashable:
    """The node of ``G`` a user means by ``query``.

    Tried in order, the first kind that matches wins: node id; the start
    (6 hex digits or more) of a Semantic Scholar id, as tables show them; arXiv id (any
    version, ``arXiv:`` prefix or abs/pdf URL); DOI; model name (exact, any
    case); title (exact after normalising); title fragment (normalised
    substring).

    Raises
    ------
    AmbiguousPaperError
        Several papers match at the first kind that matches; the message lists
        them by name, title and year, best match first (closest name or
        title, then listed, then most cited), ``candidates`` has their ids.
    PaperLookupError
        Nothing matches.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", name="Chameleon", year=2024,
    ...               title="Chameleon: Mixed-Modal Early-Fusion Foundation Models")
    >>> _ = add_paper(G, "arxiv:2407.06135", arxiv="2407.06135", name="ANOLE", year=2024,
    ...               title="ANOLE: An Open, Autoregressive, Native Large Multimodal Models for "
    ...                     "Interleaved Image-Text Generation")
    >>> find_paper(G, "https://arxiv.org/abs/2405.09818v2"), find_paper(G, "anole"), find_paper(G, "early-fusion")
    ('arxiv:2405.09818', 'arxiv:2407.06135', 'arxiv:2405.09818')
    >>> find_paper(G, "models")
    Traceback (most recent call last):
    ...
    citegraph.errors.AmbiguousPaperError: 'models' matches 2 papers by title fragment; be more specific, or give
    the id in brackets:
      Chameleon — Chameleon: Mixed-Modal Early-Fusion Foundation Models (2024)  [arxiv:2405.09818]
      ANOLE — ANOLE: An Open, Autoregressive, Native Large Multimodal Models for Interleaved Image-Text
      Generation (2024)  [arxiv:2407.06135]
    """
    if query in G:
        return query
    text = str(query).strip()
    if not text:
        raise PaperLookupError("an empty paper name matches nothing")
    nodes = G.nodes(data=True)
    if _ID_PREFIX.fullmatch(text):
        found = _one(G, text, [v for v in G if _S2_ID.fullmatch(str(v)) and str(v).startswith(text)], "id prefix")
        if found is not None:
            return found
    m = _ARXIV.search(text)
    if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
        arxiv = m.group(1).lower()
        found = _one(G, text, [v for v, d in nodes if (d.get("arxiv") or "").lower() == arxiv], "arXiv id")
        if found is not None:
            return found
    m = _DOI.match(text)
    if m:
        doi = m.group(1).lower()
        found = _one(G, text, [v for v, d in nodes if (d.get("doi") or "").lower() == doi], "DOI")
        if found is not None:
            return found
    folded = text.casefold()
    found = _one(G, text, [v for v, d in nodes if (d.get("name") or "").casefold() == folded], "model name")
    if found is not None:
        return found
    key = normalize_title(text)
    if key:
        titles = [(v, normalize_title(d.get("title") or "")) for v, d in nodes]
        found = _one(G, text, [v for v, t in titles if t == key], "title")
        if found is not None:
            return found
        found = _one(G, text, [v for v, t in titles if key in t], "title fragment")
        if found is not None:
            return found
    raise PaperLookupError(
        f"no paper in the graph matches {text!r} (tried node id, arXiv id, DOI, model name and title)"
    )


def link_strength(data: dict[str, Any]) -> float:
    """Strength of one edge from its attributes (see :data:`LINK_STRENGTH`).

    >>> link_strength({"kind": "cites", "kinds": ["cites"], "intents": ["methodology"]})
    0.7
    >>> link_strength({"kind": "builds_on", "kinds": ["builds_on", "cites"]})
    0.9
    """
    kinds = data.get("kinds") or [data.get("kind")]
    if "builds_on" in kinds:
        return LINK_STRENGTH["builds_on"]
    if "cites" in kinds:
        if data.get("is_influential") or "methodology" in (data.get("intents") or ()):
            return LINK_STRENGTH["cites_influential"]
        return LINK_STRENGTH["cites"]
    return LINK_STRENGTH["mentions"]


def _node_info(G: nx.DiGraph[Hashable], node: Hashable) -> dict[str, Any]:
    """``{id, title, year, name}`` of a paper, as the path results list it.

    >>> G = nx.DiGraph(); G.add_node("p", title="T", year=2020)
    >>> _node_info(G, "p")
    {'id': 'p', 'title': 'T', 'year': 2020, 'name': None}
    """
    d = G.nodes[node]
    return {"id": node, "title": d.get("title"), "year": d.get("year"), "name": d.get("name")}


def _walk_back(pred: np.ndarray, start: int, end: int) -> list[int] | None:
    """The path ``start … end`` from a predecessor array (``-9999``: unreached).

    >>> _walk_back(np.array([-9999, 0, 1, -9999]), 0, 2), _walk_back(np.array([-9999, 0, 1, -9999]), 0, 3)
    ([0, 1, 2], None)
    """
    if start == end:
        return [start]
    if pred[end] < 0:
        return None
    path = [end]
    while path[-1] != start:
        path.append(int(pred[path[-1]]))
    return path[::-1]


def citation_paths(
    G: nx.DiGraph[Hashable], a: Hashable, b: Hashable, *, kinds: Iterable[str] | None = None
) -> dict[str, Any]:
    """The shortest and the strongest citation paths between papers ``a`` and ``b``.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph.
    a, b : str
        Papers, as anything :func:`find_paper` understands.
    kinds : iterable of str, optional
        Edge kinds to follow (every edge by default).

    Returns
    -------
    dict
        ``a`` and ``b`` (each ``{id, title, year, name}``), and ``shortest`` and
        ``strongest``: ``None`` when no chain of citations joins them, else
        ``{"direction", "path", "links", "strength", "link_kinds"}`` where
        ``path`` lists the papers (``{id, title, year, name}``) each citing
        (building on, mentioning) the next, ``link_kinds[i]`` the kinds of
        the edge from ``path[i]`` to ``path[i + 1]`` (every kind the pair
        has, even those ``kinds`` did not ask to follow),
        ``direction`` is ``"b_to_a"`` (``b`` cites down to ``a``: ``a`` led to
        ``b``) or ``"a_to_b"``, ``links`` the number of edges and
        ``strength`` the product of the links' strengths.  When both
        directions have paths (a citation cycle) the better one is shown.

    Only the edges that lie on some path between the two papers (found by
    two breadth-first searches on the citation matrix) have their strengths
    read from the graph, so a query on a large graph touches a small part
    of it.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key, year in [("base", 2020), ("mid", 2022), ("new", 2024)]:
    ...     _ = add_paper(G, key, title=key.title(), year=year)
    >>> add_link(G, "new", "base", "cites")
    >>> add_link(G, "new", "mid", "builds_on"); add_link(G, "mid", "base", "builds_on")
    >>> p = citation_paths(G, "base", "new")
    >>> p["shortest"]["direction"], [x["id"] for x in p["shortest"]["path"]]
    ('b_to_a', ['new', 'base'])
    >>> [x["id"] for x in p["strongest"]["path"]], round(p["strongest"]["strength"], 2)
    (['new', 'mid', 'base'], 0.81)
    >>> p["strongest"]["link_kinds"]
    [['builds_on'], ['builds_on']]
    """
    na, nb = find_paper(G, a), find_paper(G, b)
    M = citation_matrix(G, kinds=kinds)
    ia, ib = M.index[na], M.index[nb]
    # per kind of path, its candidates: (sort key, tie-break, direction, hops, strength)
    found: dict[str, list[tuple[float, int, str, list[int], float]]] = {"shortest": [], "strongest": []}
    for direction, start, end in (("b_to_a", ib, ia), ("a_to_b", ia, ib)):
        on_path = _between(M, start, end) if start != end else np.zeros(M.A.nnz, dtype=bool)
        if on_path is None:
            continue
        # Link strengths are read only for edges that can be on a path from
        # start to end: on a large graph, usually a small part of it.
        cost = _strength_costs(G, M, keep=on_path)
        _, pred = csgraph.shortest_path(M.A, unweighted=True, indices=start, return_predecessors=True)
        hops = _walk_back(pred, start, end)
        if hops is not None:
            found["shortest"].append((len(hops), 0, direction, hops, _strength(cost, hops)))
        # scipy takes one int as `indices`; scipy-stubs type it as an array only
        _, pred = csgraph.dijkstra(cost, indices=start, return_predecessors=True)  # type: ignore[call-overload]
        hops = _walk_back(pred, start, end)
        if hops is not None:
            strength = _strength(cost, hops)
            found["strongest"].append((-strength, len(hops), direction, hops, strength))
    result: dict[str, Any] = {"a": _node_info(G, na), "b": _node_info(G, nb)}
    for name, options in found.items():
        if not options:
            result[name] = None
            continue
        _, _, direction, hops, strength = min(options, key=lambda o: o[:2])
        result[name] = {
            "direction": direction,
            "path": [_node_info(G, M.ids[i]) for i in hops],
            "links": len(hops) - 1,
            "strength": strength,
            "link_kinds": [_kinds(G.edges[M.ids[u], M.ids[v]]) for u, v in zip(hops, hops[1:])],
        }
    return result


def _kinds(data: dict[str, Any]) -> list[str]:
    """Every kind an edge carries, sorted.

    >>> _kinds({"kind": "builds_on", "kinds": ["cites", "builds_on"]}), _kinds({"kind": "mentions"})
    (['builds_on', 'cites'], ['mentions'])
    """
    return sorted(data.get("kinds") or [data.get("kind")])


# Rows of the strength table, by precedence (see link_strength).
_STRENGTH_ORDER = ("builds_on", "cites_influential", "cites", "mentions")


def _has(values: list[Any], item: str) -> np.ndarray:
    """``item in v`` for each ``v`` of ``values`` (containers), looped in C.

    >>> _has([["cites"], ("mentions", "cites"), []], "cites").tolist()
    [True, True, False]
    """
    return np.fromiter(map(contains, values, repeat(item)), dtype=bool, count=len(values))


def _strength_codes(edges: list[dict[str, Any]]) -> np.ndarray:
    """Row of :data:`_STRENGTH_ORDER` for each edge attribute dict: what
    :func:`link_strength` decides, for many edges at once.

    Every step is a ``map`` of a built-in over the dicts (``dict.get``,
    ``operator.contains``, ``bool``), so no Python bytecode runs per edge;
    only edges without a ``kinds`` list (hand-built graphs) are patched one
    by one.

    >>> _strength_codes([{"kinds": ["cites"], "intents": ["methodology"]}, {"kind": "mentions"},
    ...                 {"kinds": ["builds_on", "cites"]}, {"kinds": ["cites"], "is_influential": False}])
    array([1, 3, 0, 2], dtype=int8)
    """
    m = len(edges)
    kinds = list(map(dict.get, edges, repeat("kinds")))
    for i in np.flatnonzero(~np.fromiter(map(bool, kinds), dtype=bool, count=m)).tolist():
        kinds[i] = [edges[i].get("kind")]  # as link_strength: no kinds list, the one kind
    builds_on, cites = _has(kinds, "builds_on"), _has(kinds, "cites")
    strong = np.fromiter(map(bool, map(dict.get, edges, repeat("is_influential"))), dtype=bool, count=m)
    intents = list(map(dict.get, edges, repeat("intents")))
    listed = np.fromiter(map(bool, intents), dtype=bool, count=m)
    if listed.any():
        strong[listed] |= _has(list(compress(intents, listed)), "methodology")
    code = np.full(m, _STRENGTH_ORDER.index("mentions"), dtype=np.int8)
    code[cites] = np.where(strong[cites], _STRENGTH_ORDER.index("cites_influential"), _STRENGTH_ORDER.index("cites"))
    code[builds_on] = _STRENGTH_ORDER.index("builds_on")
    return code


def _strength_costs(G: nx.DiGraph[Hashable], M: Any, keep: np.ndarray | None = None) -> sp.csr_array:
    """``-log(strength)`` of every edge of ``M.A`` (same sparsity pattern), or
    of the edges where the mask ``keep`` (over ``M.A``'s entries) is True.

    The edge attribute dicts are fetched in CSR order by C-level ``map``
    calls and classified by :func:`_strength_codes`; a cost is then one table
    look-up per edge in numpy.  Read fresh on every call, so attributes
    edited in place (``add_link`` adding ``is_influential`` to an existing
    edge) always count.

    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key in "abc":
    ...     _ = add_paper(G, key, title=key)
    >>> add_link(G, "b", "a", "builds_on"); add_link(G, "c", "a", "mentions")
    >>> from citegraph.graph.matrix import citation_matrix
    >>> np.exp(-_strength_costs(G, citation_matrix(G)).toarray()).round(2).tolist()
    [[1.0, 1.0, 1.0], [0.9, 1.0, 1.0], [0.3, 1.0, 1.0]]
    """
    A = M.A
    rows, cols = np.repeat(np.arange(M.n), np.diff(A.indptr)), A.indices
    if keep is not None:
        rows, cols = rows[keep], cols[keep]
    # networkx's documented inner dict-of-dicts (not in its stubs): plain dicts, where
    # G.succ would wrap each row in a view
    adjacency = G._succ  # type: ignore[attr-defined]
    citing, cited = M.ids[rows].tolist(), M.ids[cols].tolist()
    edges = list(map(dict.__getitem__, map(adjacency.__getitem__, citing), cited))
    table = -np.log([LINK_STRENGTH[name] for name in _STRENGTH_ORDER])
    # rows stay sorted and columns sorted within rows: canonical CSR as it is
    # index arrays in M.A's own dtype: older scipy (1.12) runs csgraph on int32 indices only
    indptr = np.zeros(M.n + 1, dtype=cols.dtype)
    np.cumsum(np.bincount(rows, minlength=M.n), out=indptr[1:])
    return sp.csr_array((table[_strength_codes(edges)], cols, indptr), shape=A.shape)


def _between(M: Any, start: int, end: int) -> np.ndarray | None:
    """Mask of the edges of ``M.A`` (CSR order) that lie on some path from
    ``start`` to ``end``; ``None`` when there is no such path.

    An edge ``u → v`` is on one exactly when ``start`` reaches ``u`` and
    ``v`` reaches ``end``: two breadth-first searches, in C.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([2, 2, 1, 3], [1, 0, 0, 2], 4)
    >>> _between(M, 2, 0).tolist(), _between(M, 0, 2)
    ([True, True, True, False], None)
    """
    reached = np.zeros(M.n, dtype=bool)
    reached[csgraph.breadth_first_order(M.A, start, directed=True, return_predecessors=False)] = True
    if not reached[end]:
        return None
    reaches = np.zeros(M.n, dtype=bool)
    reaches[csgraph.breadth_first_order(M.AT, end, directed=True, return_predecessors=False)] = True
    on_path: np.ndarray = reached[np.repeat(np.arange(M.n), np.diff(M.A.indptr))] & reaches[M.A.indices]
    return on_path


def _strength(cost: sp.csr_array, hops: list[int]) -> float:
    """Product of the link strengths along ``hops``, from their costs.

    >>> cost = sp.csr_array(np.array([[0.0, -math.log(0.5)], [0.0, 0.0]]))  # 0 → 1, strength 0.5
    >>> round(_strength(cost, [0, 1]), 6), _strength(cost, [1])
    (0.5, 1.0)
    """
    total = sum(float(cost[u, v]) for u, v in zip(hops, hops[1:]))
    return math.exp(-total)


def _label(paper: dict[str, Any]) -> str:
    """How a paper is shown in a path: name (unless in the title), title, year, id.

    >>> _label({"id": "p2", "title": "New", "year": 2024, "name": "NewNet"})
    'NewNet: New (2024)  [p2]'
    """
    title = paper.get("title") or paper.get("name") or str(paper["id"])
    name = paper.get("name")
    named = f"{name}: " if name and name.casefold() not in title.casefold() else ""
    year = f" ({paper['year']})" if paper.get("year") else ""
    return f"{named}{title}{year}  [{paper['id']}]"


# How each kind of link reads from the older paper down to the newer one.
_LINK_VERBS = {"builds_on": "built on", "cites": "cited", "mentions": "mentioned"}


def _link_words(kinds: list[str] | None) -> str:
    """``"built on and cited by"`` for an edge of those kinds, read from the cited paper.

    >>> _link_words(["mentions"]), _link_words(["cites", "builds_on"]), _link_words(["builds_on", "cites", "mentions"])
    ('mentioned by', 'built on and cited by', 'built on, cited and mentioned by')
    """
    if not kinds:
        return "leads to"  # a result without link kinds: say nothing it does not know
    verbs = [v for k, v in _LINK_VERBS.items() if k in kinds] or [str(k) for k in kinds]
    words = verbs[0] if len(verbs) == 1 else ", ".join(verbs[:-1]) + " and " + verbs[-1]
    return words + " by"


def format_paths(result: dict[str, Any]) -> str:
    """Readable text for a :func:`citation_paths` result, oldest paper first.

    Each step says what the link is, read downward: the paper above is
    ``cited by``, ``built on by`` or ``mentioned by`` the one below.

    Examples
    --------
    >>> base = {"id": "p1", "title": "Base", "year": 2020, "name": None}
    >>> new = {"id": "p2", "title": "New", "year": 2024, "name": "NewNet"}
    >>> hop = {"direction": "b_to_a", "path": [new, base], "links": 1, "strength": 0.9,
    ...        "link_kinds": [["builds_on", "cites"]]}
    >>> print(format_paths({"a": base, "b": new, "shortest": hop, "strongest": hop}))
    Shortest path (1 link, strength 0.9): Base leads to NewNet
      Base (2020)  [p1]
        ↓ built on and cited by
      NewNet: New (2024)  [p2]
    <BLANKLINE>
    Strongest path (1 link, strength 0.9): Base leads to NewNet
      Base (2020)  [p1]
        ↓ built on and cited by
      NewNet: New (2024)  [p2]
    """
    a, b = result["a"], result["b"]
    short = {"a": paper_label(a), "b": paper_label(b)}
    blocks = []
    for name in ("shortest", "strongest"):
        found = result.get(name)
        if found is None:
            blocks.append(f"{name.title()} path: none; no chain of citations joins {short['a']} and {short['b']}")
            continue
        # Stored citing-first; shown oldest-first, the way ideas travel.
        papers = found["path"][::-1]
        kinds = list(found.get("link_kinds") or [None] * found["links"])[::-1]
        first, last = (short["a"], short["b"]) if found["direction"] == "b_to_a" else (short["b"], short["a"])
        links = found["links"]
        count = f"{links} link{'s' if links != 1 else ''}"
        lines = [f"{name.title()} path ({count}, strength {found['strength']:.3g}): {first} leads to {last}"]
        for i, paper in enumerate(papers):
            if i:
                lines.append(f"    ↓ {_link_words(kinds[i - 1])}")
            lines.append(f"  {_label(paper)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
