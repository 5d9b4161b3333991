"""Research communities: groups of papers that cite, are cited with, or share references.

The similarity between two papers is the sum of

* a direct citation between them (1, either direction),
* their co-citation count (papers citing both), and
* their bibliographic coupling (references they share),

and communities are modularity communities (Louvain) of that weighted,
undirected graph.  On very large graphs the co-citation and coupling products
would have billions of pairs, so ``similarity="auto"`` drops them past
:data:`SIMILARITY_PAIR_BUDGET` and clusters the citation graph alone.

Engines, chosen by size (both Louvain, both seeded and reproducible):

* up to :data:`SMALL_GRAPH_PAPERS` papers and :data:`SMALL_GRAPH_LINKS` links,
  igraph's ``community_multilevel``, its random vertex order drawn from a
  ``random.Random(seed)``.  Importing networkit costs ~2.2 s (it pulls in
  matplotlib and IPython); igraph's compiled core, loaded without the
  package's drawing modules (see :func:`_igraph_core`), a few milliseconds.
  On a 2,000-paper graph with 92k similarity links igraph runs in 0.3 s,
  networkx's ``louvain_communities`` in 1.9 s.
* above that, networkit's PLM (parallel Louvain, run on one thread, which
  makes it deterministic; the seed picks the order nodes are visited in).
  Measured on a Price-model citation DAG of 100k papers / 2M edges on a
  loaded 2-core box: networkit PLM 3.4 s, igraph ``community_multilevel``
  22 s, ``leidenalg`` 150 s; networkx's ``louvain_communities`` is far slower
  still.  igraph's time grows quickly with sparse graphs (4.9 s vs PLM's
  0.19 s on 20k papers / 100k links), hence the small limits.  The graph is
  handed over as an upper-triangular CSR matrix (sorted adjacency lists) and
  PLM runs with refinement: ``benchmarks/bench_communities.py`` (Price
  graphs, one thread, seeds 0-2, medians) measured 1.96 s and modularity
  0.1376 at 100k papers, 17.2 s and 0.1365 at 1M, against 2.79 s / 0.1373
  and 30.2 s / 0.1342 for ``GraphFromCoo`` without refinement.

The two engines reach different (equally good: modularity within ~1%) local
optima, so a graph's labels depend on which side of the limits it falls; for
a given graph, seed and resolution they never change.
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import re
import sys
import warnings
import weakref
from types import ModuleType
from typing import Any, overload
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from citegraph.analysis.scores import pagerank_scores
from citegraph.graph.matrix import CitationMatrix, citation_matrix

__all__ = [
    "SIMILARITY_PAIR_BUDGET",
    "SMALL_GRAPH_PAPERS",
    "SMALL_GRAPH_LINKS",
    "FEWER_MOVES_LINKS",
    "similarity_matrix",
    "community_labels",
    "communities",
    "community_words",
    "MIN_COMMUNITY",
    "UNCLUSTERED",
    "gather_small",
]

# Groups smaller than this are not research communities: their papers are
# gathered into one last group, labelled UNCLUSTERED.
MIN_COMMUNITY = 3
UNCLUSTERED = "unclustered"

# Co-citation and coupling products above this many candidate pairs are
# skipped by similarity="auto" (memory ~ 12 bytes/pair, seconds of CPU).
SIMILARITY_PAIR_BUDGET = 10_000_000

# Graphs up to this many papers and Louvain links are clustered with igraph,
# larger ones with networkit (see the module docstring for the measurements).
SMALL_GRAPH_PAPERS = 5_000
SMALL_GRAPH_LINKS = 250_000

# Past this many Louvain links PLM's node-moving rounds per level drop from 32
# to 8: on the 1M-paper / 20M-citation Price graph 17 s instead of 46 s for
# modularity 0.1355 instead of 0.1374 (at 100k papers: 0.78 s vs 2.4 s, 0.1381
# vs 0.1391).  networkit's label propagation (PLP), 6 s there, finds a single
# community (modularity 0); its ParallelLeiden is slower than PLM.
FEWER_MOVES_LINKS = 5_000_000

# Words that say nothing about a topic, in titles of this field.
_STOP_WORDS = frozenset(
    """a an and are as at be by for from in into is it its of on or the to via with without
    towards toward using use based through over under we our than that this these their can
    all any new not more one two how what when where which who why do does your you
    model models approach method methods learning network networks paper study analysis
    large scale efficient improved improving beyond via vs versus""".split()
)


def similarity_matrix(M: CitationMatrix, *, similarity: str = "auto") -> sp.csr_array:
    """Symmetric paper-paper similarity: direct citation + co-citation + coupling.

    Parameters
    ----------
    M : CitationMatrix
    similarity : {"auto", "full", "citation"}
        ``full`` adds both products, ``citation`` uses direct citations only,
        ``auto`` is ``full`` unless the products would exceed
        :data:`SIMILARITY_PAIR_BUDGET` candidate pairs.

    Examples
    --------
    Papers 2 and 3 both cite 0 and 1 (so 0–1 are co-cited twice, 2–3 coupled
    twice, and each citing pair is a direct link).

    >>> M = CitationMatrix.from_edges([2, 2, 3, 3], [0, 1, 0, 1], 4)
    >>> similarity_matrix(M, similarity="full").toarray().astype(int).tolist()
    [[0, 2, 1, 1], [2, 0, 1, 1], [1, 1, 0, 2], [1, 1, 2, 0]]
    """
    A = M.A
    S = ((A + M.AT) > 0).astype(np.float64)
    if _with_products(M, similarity):
        S = S + (M.AT @ A) + (A @ M.AT)
        S.setdiag(0)
    S = sp.csr_array(S)
    S.eliminate_zeros()
    return S


def _with_products(M: CitationMatrix, similarity: str) -> bool:
    """Whether ``similarity`` means adding co-citation and coupling for ``M``."""
    if similarity not in ("auto", "full", "citation"):
        raise ValueError(f"similarity must be auto, full or citation, not {similarity!r}")
    if similarity != "auto":
        return similarity == "full"
    # Candidate pairs the two products enumerate before merging.
    out, inc = M.out_degree.astype(np.float64), M.in_degree.astype(np.float64)
    return float((out**2).sum() + (inc**2).sum()) <= SIMILARITY_PAIR_BUDGET


def _citation_pairs(M: CitationMatrix) -> tuple[np.ndarray, np.ndarray]:
    """Each cited/citing pair once (a mutual citation is one undirected link)."""
    A = M.A
    mutual = A.multiply(M.AT)
    if mutual.nnz:
        A = sp.csr_array(A - sp.tril(mutual, k=-1))
        A.eliminate_zeros()
    coo = A.tocoo()
    return coo.row, coo.col


def community_labels(
    M: CitationMatrix,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    similarity: str = "auto",
    max_moves: int | None = None,
) -> np.ndarray:
    """Community number of every paper (0 = largest community).

    Louvain modularity communities of :func:`similarity_matrix` (igraph on
    small graphs, networkit PLM on one thread above the
    :data:`SMALL_GRAPH_PAPERS` / :data:`SMALL_GRAPH_LINKS` limits; both seeded).
    The same ``M``, ``seed`` and ``resolution`` always give the same labels, so they are found once per matrix and
    arguments (later calls return a copy).  Communities are numbered by size, largest
    first, ties by their first paper; a paper with no similarity to any other
    is a community of its own.

    ``max_moves`` caps PLM's node-moving rounds per level (networkit's
    ``maxIter``): 8 instead of 32 runs ~3× faster on a 100k-paper Price graph
    for 1% less modularity.  By default 32, or 8 past
    :data:`FEWER_MOVES_LINKS` links.  igraph (small graphs) ignores it.

    Examples
    --------
    Two triangles of mutual citation joined by one citation:

    >>> M = CitationMatrix.from_edges([1, 2, 2, 4, 5, 5, 3], [0, 0, 1, 3, 3, 4, 2], 6)
    >>> community_labels(M).tolist()
    [0, 0, 0, 1, 1, 1]
    """
    n = M.n
    if n == 0:
        return np.empty(0, dtype=np.int64)
    # The module's limits are part of the key: they pick the engine and its moves.
    limits = (SIMILARITY_PAIR_BUDGET, SMALL_GRAPH_PAPERS, SMALL_GRAPH_LINKS, FEWER_MOVES_LINKS)
    key = (int(seed), float(resolution), similarity, max_moves, limits)
    known = _LABELS.setdefault(M, {})
    if key not in known:
        known[key] = _labels(M, seed=seed, resolution=resolution, similarity=similarity, max_moves=max_moves)
        known[key].flags.writeable = False
    return known[key].copy()


# Labels already found for a matrix (immutable, and cached per graph by
# citation_matrix), by arguments and limits: a report asks for the same
# communities for its rankings and for its communities table.
_LABELS: weakref.WeakKeyDictionary[CitationMatrix, dict[tuple[Any, ...], np.ndarray]] = weakref.WeakKeyDictionary()


def _labels(M: CitationMatrix, *, seed: int, resolution: float, similarity: str, max_moves: int | None) -> np.ndarray:
    n = M.n
    if _with_products(M, similarity):
        S = sp.triu(similarity_matrix(M, similarity="full"), k=1).tocoo()
        raw = _louvain(S.row, S.col, S.data, n, seed=seed, resolution=resolution, max_moves=max_moves)
    else:
        # Unweighted: networkit's PLM runs about twice as fast without weights.
        rows, cols = _citation_pairs(M)
        raw = _louvain(rows, cols, None, n, seed=seed, resolution=resolution, max_moves=max_moves)
    return _renumber(raw)


def _louvain(
    rows: np.ndarray,
    cols: np.ndarray,
    weights: np.ndarray | None,
    n: int,
    *,
    seed: int,
    resolution: float,
    max_moves: int | None,
) -> np.ndarray:
    if rows.size == 0:
        return np.arange(n)
    if max_moves is None:
        max_moves = 8 if rows.size > FEWER_MOVES_LINKS else 32
    if n <= SMALL_GRAPH_PAPERS and rows.size <= SMALL_GRAPH_LINKS:
        return _louvain_igraph(rows, cols, weights, n, seed=seed, resolution=resolution)
    with warnings.catch_warnings():
        # networkit's profiling module imports IPython names deprecated since 7.14.
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit as nk

    # PLM visits nodes in id order: a seeded relabelling is what makes the
    # seed choose among Louvain's local optima (networkit's own seed does not
    # change a single-threaded PLM run).
    relabel = np.random.default_rng(seed).permutation(n)
    a, b = relabel[rows], relabel[cols]
    # Each link once, as (lower, higher) in an upper-triangular CSR matrix:
    # GraphFromCsr builds the graph from the arrays in one go (GraphFromCoo
    # took ~1 s for 2M links, ~13 s for 20M) with every adjacency list sorted.
    upper = sp.csr_matrix(
        (np.ones(a.size) if weights is None else weights.astype(np.float64), (np.minimum(a, b), np.maximum(a, b))),
        shape=(n, n),
    )
    upper.sort_indices()
    graph = nk.graph.GraphFromCsr(upper, directed=False, weighted=weights is not None)
    threads = nk.engineering.getMaxNumberOfThreads()
    # One thread: PLM's parallel moves depend on thread timing, so only a
    # single-threaded run is reproducible from its seed.
    nk.engineering.setNumberOfThreads(1)
    try:
        nk.engineering.setSeed(int(seed), False)
        # refine: a second pass after each coarsening; with the sorted lists
        # it found higher modularity in less time than without on the Price
        # graphs measured (module docstring).
        plm = nk.community.PLM(graph, refine=True, gamma=float(resolution), maxIter=int(max_moves))
        plm.run()
        return np.asarray(plm.getPartition().getVector(), dtype=np.int64)[relabel]
    finally:
        nk.engineering.setNumberOfThreads(threads)


def _louvain_igraph(
    rows: np.ndarray, cols: np.ndarray, weights: np.ndarray | None, n: int, *, seed: int, resolution: float
) -> np.ndarray:
    import random

    core = _igraph_core()
    graph = core.GraphBase(n=n, edges=list(zip(rows.tolist(), cols.tolist())))
    # igraph shuffles the vertex order with its one global generator: seed it
    # for this call, then put the default back.
    core.set_random_number_generator(random.Random(seed))
    try:
        # What igraph.Graph.community_multilevel calls, minus its result wrapper.
        membership = core.GraphBase.community_multilevel(
            graph, None if weights is None else weights.astype(np.float64).tolist(), False, float(resolution)
        )
    finally:
        core.set_random_number_generator(random)
    return np.asarray(membership, dtype=np.int64)


@functools.lru_cache(maxsize=1)
def _igraph_core() -> ModuleType:
    """igraph's compiled core (``igraph._igraph``: ``GraphBase``, the RNG hook).

    ``import igraph`` also imports its drawing backends, and with them
    matplotlib.pyplot when it is installed: ~0.9 s of a 3 s warm ``citegraph
    report``, for a Louvain run of ~0.1 s.  The core alone loads in a few ms and
    is the very module the package re-exports, so a later ``import igraph`` in
    the same process reuses it.  If this igraph is laid out differently, the
    package is imported as usual.
    """
    loaded = sys.modules.get("igraph._igraph") or sys.modules.get("igraph")
    if loaded is None:
        try:
            package = importlib.util.find_spec("igraph")
            spec = importlib.machinery.PathFinder.find_spec(
                "igraph._igraph", list(package.submodule_search_locations or [])
            ) if package is not None else None
            if spec is not None and spec.loader is not None:
                loaded = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(loaded)
                sys.modules.setdefault("igraph._igraph", loaded)
        except ImportError:
            loaded = None
    if loaded is None or not all(hasattr(loaded, a) for a in ("GraphBase", "set_random_number_generator")):
        return importlib.import_module("igraph")
    return loaded


def _renumber(raw: np.ndarray) -> np.ndarray:
    """Relabel so community 0 is the largest, ties broken by lowest member row."""
    _, first, inverse, counts = np.unique(raw, return_index=True, return_inverse=True, return_counts=True)
    order = np.lexsort((first, -counts))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return rank[inverse.ravel()].astype(np.int64)


def gather_small(labels: np.ndarray, min_size: int = MIN_COMMUNITY) -> tuple[np.ndarray, int | None]:
    """Put the papers of groups smaller than ``min_size`` in one group, numbered after the others.

    ``labels`` are numbered largest first (:func:`community_labels`), so the
    groups kept keep their numbers.  Returns the new labels and the gathered
    group's number (``None`` when no group was that small).

    >>> labels, gathered = gather_small(np.array([0, 0, 0, 1, 1, 2]))
    >>> labels.tolist(), gathered
    ([0, 0, 0, 1, 1, 1], 1)
    >>> gather_small(np.array([0, 0, 0]))[1] is None
    True
    """
    if not labels.size or min_size <= 1:
        return labels, None
    sizes = np.bincount(labels)
    small = sizes[labels] < min_size
    if not small.any():
        return labels, None
    kept = int((sizes >= min_size).sum())
    return np.where(small, kept, labels).astype(np.int64), kept


@overload
def communities(
    G: nx.DiGraph[Hashable],
    *,
    seed: int = ...,
    resolution: float = ...,
    kinds: Iterable[str] | None = ...,
    similarity: str = ...,
    min_size: int = ...,
) -> pd.DataFrame: ...
@overload
def communities(
    G: CitationMatrix,
    *,
    seed: int = ...,
    resolution: float = ...,
    kinds: Iterable[str] | None = ...,
    similarity: str = ...,
    min_size: int = ...,
) -> np.ndarray: ...


def communities(
    G: nx.DiGraph[Hashable] | CitationMatrix,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    kinds: Iterable[str] | None = None,
    similarity: str = "auto",
    min_size: int = MIN_COMMUNITY,
) -> pd.DataFrame | np.ndarray:
    """Research communities of a citegraph graph, each with a readable label.

    Parameters
    ----------
    G : networkx.DiGraph or CitationMatrix
        A citegraph graph; given a :class:`CitationMatrix` (no titles), the
        bare numbers are returned instead.
    seed : int
        Seed of the Louvain run: the same seed gives the same communities.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    kinds : iterable of str, optional
        Edge kinds to use (every edge by default).
    similarity : str
        See :func:`similarity_matrix`.
    min_size : int
        Groups of fewer papers (a paper with no link, two papers citing only
        each other) are gathered into one last group, labelled
        :data:`UNCLUSTERED` (see :func:`gather_small`).

    Returns
    -------
    pandas.DataFrame
        ``id, community, community_label`` in ``G``'s node order.  The label
        names the community's three most central papers (PageRank within it;
        model name or title) and its three most distinctive title words
        (:func:`community_words`); the gathered group's label is ``unclustered``.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key, title in [("v1", "Vision Tokenizer"), ("v2", "Vision Tokenizer Pro"),
    ...                    ("v3", "Scaling Vision Tokenizers"), ("s1", "Speech Codec"),
    ...                    ("s2", "Speech Codec Streaming"), ("s3", "Streaming Speech Dialogue"),
    ...                    ("x", "A Lone Survey")]:
    ...     _ = add_paper(G, key, title=title)
    >>> for u, v in [("v2", "v1"), ("v3", "v1"), ("v3", "v2"), ("s2", "s1"), ("s3", "s1"), ("s3", "s2")]:
    ...     add_link(G, u, v, "cites")
    >>> communities(G)[["id", "community"]].to_dict("list")
    {'id': ['v1', 'v2', 'v3', 's1', 's2', 's3', 'x'], 'community': [0, 0, 0, 1, 1, 1, 2]}
    >>> for label in communities(G)["community_label"].tolist()[::3]:
    ...     print(label)
    Vision Tokenizer; Vision Tokenizer Pro; Scaling Vision Tokenizers | vision, tokenizer
    Speech Codec; Speech Codec Streaming; Streaming Speech Dialogue | speech, codec, streaming
    unclustered
    """
    if isinstance(G, CitationMatrix):
        return gather_small(community_labels(G, seed=seed, resolution=resolution, similarity=similarity), min_size)[0]

    M = citation_matrix(G, kinds=kinds)
    labels, gathered = gather_small(
        community_labels(M, seed=seed, resolution=resolution, similarity=similarity), min_size
    )
    pagerank = pagerank_scores(M)
    nodes = list(G.nodes.items())  # G.nodes(data=True) alike; its stubs type the pairs as nodes
    names = [d.get("name") or d.get("title") or str(v) for v, d in nodes]
    titles = [d.get("title") or "" for _, d in nodes]
    text = _community_texts(labels, pagerank, names, titles, gathered)
    return pd.DataFrame({"id": M.ids, "community": labels, "community_label": [text[c] for c in labels]})


def _community_texts(
    labels: np.ndarray, pagerank: np.ndarray, names: list[str], titles: list[str], unclustered: int | None = None
) -> dict[int, str]:
    """``"top paper; second; third | word, word, word"`` for each community (``unclustered`` for the gathered one)."""
    if not labels.size:
        return {}  # an empty graph has no community (np.r_ below would invent one)
    # Most central first, ties by row, so labels are as reproducible as the communities.
    order = np.lexsort((np.arange(labels.size), -pagerank, labels))
    starts = np.flatnonzero(np.r_[True, labels[order][1:] != labels[order][:-1]])
    words = community_words(labels, titles, unclustered=unclustered)
    out: dict[int, str] = {}
    for begin, end in zip(starts, np.r_[starts[1:], order.size]):
        members = order[begin:end]
        number = int(labels[members[0]])
        if number == unclustered:
            out[number] = UNCLUSTERED
            continue
        central = "; ".join(_short(names[i]) for i in members[:3])
        out[number] = f"{central} | {words[number]}" if words[number] else central
    return out


# Pseudo-counts of the log-odds prior (Monroe, Colaresi & Quinn 2008, "Fightin'
# Words"): the prior is this many words, spread like the whole graph's titles,
# so a word seen once in a small group does not outrank the group's real theme.
_PRIOR_WORDS = 50.0


def community_words(
    labels: np.ndarray, titles: list[str], *, top: int = 3, unclustered: int | None = None
) -> dict[int, str]:
    """The ``top`` title words most distinctive of each community, ``"word, word"``.

    A word is distinctive when the community's titles use it more than the
    rest of the graph's do: the z-score of the log-odds ratio, community
    against the rest, with an informative Dirichlet prior (Monroe et al.
    2008).  Words of three letters or more, not numbers nor
    :data:`_STOP_WORDS`, each counted once per title; a word must be in two
    of the community's titles (one, in a community of one or two papers);
    ties in alphabetical order.  With one community only (nothing to set it
    against) the most frequent words.  The ``unclustered`` group gets
    ``"unclustered"``.

    Parameters
    ----------
    labels : numpy.ndarray
        Community number of each paper (:func:`community_labels`).
    titles : list of str
        Each paper's title, in the same order.
    top : int
        How many words to keep.
    unclustered : int, optional
        The number of the gathered group (:func:`gather_small`), if any.

    Examples
    --------
    "diffusion" is in a speech title too, so "editing", in two titles of the
    first group and nowhere else, says more about it:

    >>> titles = ["Diffusion Image Editing", "Video Diffusion Editing", "Diffusion Transformers",
    ...           "Speech Diffusion", "Speech Tokens", "Streaming Speech"]
    >>> community_words(np.array([0, 0, 0, 1, 1, 1]), titles)
    {0: 'editing, diffusion', 1: 'speech'}
    """
    out: dict[int, str] = {}
    if not labels.size:
        return out
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, title in enumerate(titles):
        for word in _title_words(title):
            rows.append(i)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    words = np.array(sorted(vocabulary, key=vocabulary.__getitem__), dtype=object)
    n_groups = int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=n_groups)
    # titles of each community using each word (communities x words)
    counts = sp.csr_array(
        (np.ones(len(rows)), (labels[np.asarray(rows, dtype=np.int64)], np.asarray(cols, dtype=np.int64))),
        shape=(n_groups, len(vocabulary)),
    )
    counts.sum_duplicates()
    totals: np.ndarray = np.asarray(counts.sum(axis=0)).ravel()  # every title using each word
    group_words: np.ndarray = np.asarray(counts.sum(axis=1)).ravel()
    coo = counts.tocoo()
    g, w, y = coo.row, coo.col, coo.data
    if n_groups == 1 or (unclustered == 1 and n_groups == 2):
        score = y  # nothing to set the group against: plain frequency
    else:
        prior = _PRIOR_WORDS * totals / max(totals.sum(), 1.0)
        a = prior[w]
        rest = totals[w] - y
        n_in, n_out = group_words[g], totals.sum() - group_words[g]
        delta = np.log((y + a) / (n_in + _PRIOR_WORDS - y - a)) - np.log((rest + a) / (n_out + _PRIOR_WORDS - rest - a))
        score = delta / np.sqrt(1.0 / (y + a) + 1.0 / (rest + a))
    keep = (y >= np.where(sizes[g] >= 3, 2, 1)) & (score > 0)
    order = np.lexsort((words[w].astype(str), -score, g))
    chosen: dict[int, list[str]] = {}
    for i in order[keep[order]]:
        picked = chosen.setdefault(int(g[i]), [])
        if len(picked) < top:
            picked.append(str(words[w[i]]))
    for number in range(n_groups):
        if sizes[number]:
            out[number] = UNCLUSTERED if number == unclustered else ", ".join(chosen.get(number, []))
    return out


def _title_words(title: str) -> set[str]:
    words = re.findall(r"\w+", title.casefold())
    return {w for w in words if len(w) > 2 and not w.isdigit() and w not in _STOP_WORDS}


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
