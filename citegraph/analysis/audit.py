"""Coverage audit: what a graph cannot be trusted on, and merging duplicate papers.

:func:`audit` lists, one table per problem:

``not_fetched``
    one row when nothing was fetched from Semantic Scholar (a graph built
    from the lists' text alone, as ``citegraph demo`` makes): resolution,
    references and citation caps cannot be judged, so the three sections
    about them stay empty instead of listing every paper;
``unresolved``
    list entries Semantic Scholar could not match (graph attribute
    ``unresolved``) and listed papers still without a ``paper_id``;
``no_references``
    papers whose references were fetched but none came back, and resolved
    listed papers whose references were never fetched: rankings see them cite
    nothing;
``capped_citations``
    papers whose citation list the API (or ``--citation-cap``) cut;
``unresolved_references``
    papers some of whose references Semantic Scholar left without a
    ``paperId`` (counted, not linked);
``duplicates``
    the same work twice (:func:`duplicate_candidates`), with a merge
    suggestion that :func:`merge_duplicates` applies;
``sources``
    in a graph fetched from several sources (``--source s2,openalex``), what
    each contributed: one row per source, its papers and citations (the
    ``origin`` attribute).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any
from collections.abc import Hashable, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from citegraph.errors import PaperLookupError
from citegraph.graph.model import EDGE_KINDS
from citegraph.text.titles import normalize_title

__all__ = [
    "AUDIT_COLUMNS",
    "AUDIT_SECTIONS",
    "audit",
    "audit_frame",
    "audit_overview",
    "audit_summary",
    "duplicate_candidates",
    "merge_duplicates",
    "source_counts",
    "was_fetched",
]

AUDIT_SECTIONS: tuple[str, ...] = (
    "not_fetched",
    "unresolved",
    "no_references",
    "capped_citations",
    "unresolved_references",
    "duplicates",
    "sources",
)
AUDIT_COLUMNS = ("problem", "id", "title", "detail")
DUPLICATE_COLUMNS = ("keep", "drop", "reason", "similarity", "keep_title", "drop_title")

# Near-identical titles: rapidfuzz fuzz.ratio / 100 at or above this, i.e.
# characters inserted or deleted at most a tenth of the two titles' length:
# typo, plural and punctuation edits, not "X" vs "X for Y".
TITLE_SIMILARITY = 0.9
# Titles this short ("Introduction", "Attention") say too little to match on.
_MIN_TITLE_CHARS = 12
# Preprint and published version: usually the same or next year.
_MAX_YEAR_GAP = 2
# Title blocking (see _title_blocks): each two of a title's five rarest word
# prefixes.  A pair of titles of four or more words is missed only when one has
# four words the other lacks, all rarer than the second rarest word they share;
# five characters fold plurals and -ing/-ed endings together.
_KEY_WORDS = 5
_KEY_CHARS = 5
# Titles this short in distinct words may share only one with their twin.
_SHORT_WORDS = 3
# Blocks up to this size are scored as one batch of pairs (rapidfuzz cpdist);
# above it a block x block matrix (cdist) is cheaper than listing pairs, and is
# computed a few rows (and at most so many cells) at a time, so that each run
# of rows, sorted by length, meets only the titles long enough to match.
_PAIRWISE_BLOCK = 8
_MATRIX_CELLS = 4_000_000
_MATRIX_ROWS = 256

_COUNT_ATTRS = (
    "citation_count",
    "influential_citation_count",
    "reference_count",
    "references_fetched",
    "references_unresolved",
    "citations_fetched",
)
_UNION_ATTRS = ("tags", "sources", "repos")


def _title(G: nx.DiGraph[Hashable], node: Hashable) -> str | None:
    title: str | None = G.nodes[node].get("title")
    return title


def _entry_text(entry: Any) -> str:
    if isinstance(entry, Mapping):
        for key in ("title", "arxiv", "doi", "entry", "key"):
            if entry.get(key):
                return str(entry[key])
        return str(dict(entry))
    return str(entry)


def was_fetched(G: nx.DiGraph[Hashable]) -> bool:
    """Whether anything in ``G`` came from Semantic Scholar.

    The fetch pipeline records its run in the graph attribute ``fetch``, and
    a graph made from the lists' text alone (``report --no-fetch``, ``demo``)
    records ``fetch={"fetched": False}``: a Semantic Scholar id copied from a
    list is not a fetched paper.  A graph with neither (by hand, or by an
    older citegraph) counts as fetched when a paper has a ``paper_id`` or a
    ``cites`` link exists, since only the API supplies those.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True)
    >>> was_fetched(G)
    False
    >>> _ = add_paper(G, "c0ffee", paper_id="c0ffee", title="Chameleon")
    >>> was_fetched(G), was_fetched(new_graph(fetch={"requests": 0})), was_fetched(new_graph(fetch={"fetched": False}))
    (True, True, False)
    """
    fetch = G.graph.get("fetch")
    if isinstance(fetch, Mapping) and "fetched" in fetch:
        return bool(fetch["fetched"])
    if fetch is not None or any(pid for _, pid in G.nodes(data="paper_id")):
        return True
    return any("cites" in (d.get("kinds") or [d.get("kind")]) for _, _, d in G.edges(data=True))


_FETCH_HINT = (
    "To fetch: citegraph build LIST... -o GRAPH (or citegraph report LIST... --out DIR), with S2_API_KEY set"
)


def source_counts(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    """Papers and citations per source (``origin``), when the graph records any; else no rows.

    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", origin="s2"); _ = add_paper(G, "W1", origin="openalex")
    >>> add_link(G, "W1", "a", "cites", origin="openalex")
    >>> source_counts(G).to_dict("records")
    [{'source': 'openalex', 'papers': 1, 'citations': 1}, {'source': 's2', 'papers': 1, 'citations': 0}]
    """
    papers: dict[str, int] = defaultdict(int)
    links: dict[str, int] = defaultdict(int)
    for _, node in G.nodes(data=True):
        if node.get("origin"):
            papers[node["origin"]] += 1
    for _, _, data in G.edges(data=True):
        if data.get("origin") and "cites" in data.get("kinds", (data.get("kind"),)):
            links[data["origin"]] += 1
    rows = [{"source": s, "papers": papers[s], "citations": links[s]} for s in sorted(set(papers) | set(links))]
    return pd.DataFrame(rows, columns=["source", "papers", "citations"])


def _not_fetched(G: nx.DiGraph[Hashable], fetched: bool) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    if not fetched:
        listed = sum(1 for _, is_listed in G.nodes(data="listed") if is_listed)
        rows.append(
            {
                "listed": listed,
                "detail": (
                    "nothing fetched from Semantic Scholar (graph built from the lists' text): whether the "
                    f"{listed} listed papers resolve, their references and capped citation lists cannot be "
                    f"judged. {_FETCH_HINT}"
                ),
            }
        )
    return pd.DataFrame(rows, columns=["listed", "detail"])


def _unresolved(G: nx.DiGraph[Hashable], fetched: bool = True) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    seen = set()
    for item in G.graph.get("unresolved") or []:
        item = item if isinstance(item, Mapping) else {"entry": item}
        entry = item.get("entry")
        key = entry if isinstance(entry, str) else None
        seen.add(key)
        rows.append(
            {
                "id": key if key in G else None,
                "title": item.get("title") or (_title(G, key) if key in G else None) or _entry_text(entry),
                "source": item.get("source"),
                "reason": item.get("reason") or "not matched",
            }
        )
    for node, d in G.nodes(data=True) if fetched else ():
        if d.get("listed") and not d.get("paper_id") and node not in seen:
            sources = d.get("sources") or []
            rows.append(
                {
                    "id": node,
                    "title": d.get("title"),
                    "source": "; ".join(sources) or None,
                    "reason": "listed but not resolved to a Semantic Scholar paper",
                }
            )
    return pd.DataFrame(rows, columns=["id", "title", "source", "reason"])


def _no_references(G: nx.DiGraph[Hashable], fetched: bool = True) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    # nothing fetched: the one not_fetched row says it; no paper is judged
    for node, d in G.nodes(data=True) if fetched else ():
        got = d.get("references_fetched")
        if got == 0:
            known = d.get("reference_count")
            unresolved = d.get("references_unresolved") or 0
            if unresolved:
                reason = f"all {unresolved} references unresolved by Semantic Scholar"
            elif known:
                reason = f"0 of {known} references fetched"
            else:
                reason = "Semantic Scholar lists no references"
        elif got is None and d.get("listed") and d.get("paper_id") and G.out_degree(node) == 0:
            reason = "references never fetched"
        else:
            continue
        rows.append(
            {
                "id": node,
                "title": d.get("title"),
                "year": d.get("year"),
                "reference_count": d.get("reference_count"),
                "reason": reason,
            }
        )
    frame = pd.DataFrame(rows, columns=["id", "title", "year", "reference_count", "reason"])
    return frame.astype({"year": "Int64", "reference_count": "Int64"})


def _capped(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    rows = [
        {
            "id": node,
            "title": d.get("title"),
            "citation_count": d.get("citation_count"),
            "citations_fetched": d.get("citations_fetched"),
        }
        for node, d in G.nodes(data=True)
        if d.get("citations_capped")
    ]
    frame = pd.DataFrame(rows, columns=["id", "title", "citation_count", "citations_fetched"])
    return frame.astype({"citation_count": "Int64", "citations_fetched": "Int64"})


def _unresolved_references(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    rows = [
        {
            "id": node,
            "title": d.get("title"),
            "references_unresolved": d.get("references_unresolved"),
            "references_fetched": d.get("references_fetched"),
            "reference_count": d.get("reference_count"),
        }
        for node, d in G.nodes(data=True)
        if (d.get("references_unresolved") or 0) > 0
    ]
    cols = ["id", "title", "references_unresolved", "references_fetched", "reference_count"]
    frame = pd.DataFrame(rows, columns=cols)
    frame = frame.astype(dict.fromkeys(cols[2:], "Int64"))
    return frame.sort_values("references_unresolved", ascending=False, kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- duplicates


def _year_gap_ok(a: Any, b: Any) -> bool:
    try:
        return abs(int(a) - int(b)) <= _MAX_YEAR_GAP
    except (TypeError, ValueError):
        return True


def _keeper_rank(G: nx.DiGraph[Hashable], node: Hashable) -> tuple[bool, bool, int, int, str]:
    """Sort key: the node to keep comes first (resolved, listed, best connected, most known)."""
    d = G.nodes[node]
    known = sum(v is not None for v in d.values())
    return (not d.get("paper_id"), not d.get("listed"), -G.degree(node), -known, str(node))


def _digits(key: str) -> set[str]:
    """Tokens with a digit: versions and numbers that tell sequels apart (Qwen2 vs Qwen2 5)."""
    return {w for w in key.split() if any(c.isdigit() for c in w)}


def _title_blocks(titles: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Block every title: ``(title index, block id)`` rows, one per block a title is in.

    A title's block keys are its numbers (the set of tokens holding a digit,
    hashed) with each two of its :data:`_KEY_WORDS` rarest words, a word being
    its first :data:`_KEY_CHARS` characters (so "model" and "models" meet);
    a title of at most :data:`_SHORT_WORDS` distinct words also has each word
    alone as a key.  Near-identical titles differ in a word or two, so they
    share two of their rarer words; a pair of rare words is rarer still, so
    blocks stay small even when every title is made of common words.
    """
    n = len(titles)
    tokens = pd.Series(list(titles), dtype=object).str.split().explode().dropna()
    title_of = tokens.index.to_numpy(dtype=np.int64)
    words = tokens.to_numpy(dtype=object)
    has_digit = tokens.str.contains(r"\d", regex=True).to_numpy(dtype=bool)
    # the set of numbers as one 64-bit sum of random values per distinct token;
    # a collision only costs a comparison (candidates are re-checked exactly)
    number = pd.DataFrame({"t": title_of[has_digit], "w": pd.factorize(words[has_digit])[0]}).drop_duplicates()
    token_hash = np.random.default_rng(0).integers(1, 2**63, size=len(number) and int(number["w"].max()) + 1,
                                                   dtype=np.uint64)
    signature = np.zeros(n, dtype=np.uint64)
    np.add.at(signature, number["t"].to_numpy(), token_hash[number["w"].to_numpy()])

    prefix = pd.Series(words[~has_digit], dtype=object).str[:_KEY_CHARS].to_numpy(dtype=object)
    keys = pd.DataFrame({"t": title_of[~has_digit], "w": pd.factorize(prefix)[0]}).drop_duplicates()
    keys["df"] = np.bincount(keys["w"].to_numpy())[keys["w"].to_numpy()]
    keys = keys.sort_values(["t", "df", "w"], kind="mergesort").groupby("t", sort=False).head(_KEY_WORDS)
    # rarest words as an n x _KEY_WORDS table, -1 where a title has fewer words
    rarest = np.full((n, _KEY_WORDS), -1, dtype=np.int64)
    rarest[keys["t"].to_numpy(), keys.groupby("t", sort=False).cumcount().to_numpy()] = keys["w"].to_numpy()
    # each two of them; a title of few words also keys on each alone (and one
    # with no word but numbers on nothing), as its near-duplicate may share one
    short = rarest[:, _SHORT_WORDS] < 0
    wordless = np.flatnonzero(rarest[:, 0] < 0)
    member, first = [wordless], [np.full(len(wordless), -1)]
    for a in range(_SHORT_WORDS):
        rows = np.flatnonzero(short & (rarest[:, a] >= 0))
        member.append(rows)
        first.append(rarest[rows, a])
    second = [np.full(len(rows), -1) for rows in member]
    for a, b in combinations(range(_KEY_WORDS), 2):
        rows = np.flatnonzero(rarest[:, b] >= 0)
        member.append(rows)
        first.append(rarest[rows, a])
        second.append(rarest[rows, b])
    rows_of, lo, hi = np.concatenate(member), np.concatenate(first), np.concatenate(second)
    frame = pd.DataFrame({"s": signature[rows_of], "a": np.minimum(lo, hi), "b": np.maximum(lo, hi)})
    return rows_of, frame.groupby(["s", "a", "b"], sort=False).ngroup().to_numpy()


def _near_identical(titles: Sequence[str], cutoff: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``i < j`` of distinct ``titles`` scoring at least ``cutoff`` (0–100) on ``fuzz.ratio``.

    Only titles in a common block (:func:`_title_blocks`) are compared, in C
    (rapidfuzz): small blocks as one batch of pairs, larger ones as a block ×
    block matrix, so the cost is the sum of the squared block sizes.
    """
    empty = np.empty(0, dtype=np.int64)
    if len(titles) < 2:
        return empty, empty, np.empty(0)
    text = np.array(titles, dtype=object)
    lengths = np.fromiter((len(t) for t in titles), dtype=np.int64, count=len(titles))
    member, block = _title_blocks(titles)
    order = np.argsort(block, kind="stable")
    member, block = member[order], block[order]
    sizes = np.bincount(block)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    found_i, found_j, found_s = [], [], []

    small_i, small_j = [], []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= _PAIRWISE_BLOCK)]):
        first = starts[sizes == size][:, None]
        a, b = np.triu_indices(size, 1)
        small_i.append(member[first + a].ravel())
        small_j.append(member[first + b].ravel())
    if small_i:
        i, j = np.concatenate(small_i), np.concatenate(small_j)
        i, j = np.minimum(i, j), np.maximum(i, j)
        # a ratio of at least c needs the shorter title to be c/(2-c) of the longer
        short, long_ = np.minimum(lengths[i], lengths[j]), np.maximum(lengths[i], lengths[j])
        keep = (i != j) & (200 * short >= cutoff * (short + long_))
        codes = np.unique(i[keep] * len(titles) + j[keep])
        i, j = codes // len(titles), codes % len(titles)
        scores = np.empty(0, dtype=np.float32)
        if len(codes):
            scores = process.cpdist(text[i], text[j], scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float32)
        hit = scores >= cutoff
        found_i.append(i[hit])
        found_j.append(j[hit])
        found_s.append(scores[hit])
    for start, size in zip(starts[sizes > _PAIRWISE_BLOCK], sizes[sizes > _PAIRWISE_BLOCK]):
        # shortest first: a run of rows only meets titles at most (200-c)/c times its longest
        idx = member[start : start + size]
        idx = idx[np.argsort(lengths[idx], kind="stable")]
        reach = np.searchsorted(lengths[idx], lengths[idx] * (200 - cutoff) / cutoff + 1e-9, side="right")
        rows = max(1, min(_MATRIX_ROWS, _MATRIX_CELLS // size))
        for lo in range(0, size, rows):
            hi = min(size, lo + rows)
            scores = process.cdist(
                text[idx[lo:hi]], text[idx[lo : reach[hi - 1]]], scorer=fuzz.ratio, score_cutoff=cutoff,
                dtype=np.float32, workers=-1 if (hi - lo) * (reach[hi - 1] - lo) >= 100_000 else 1,
            )
            r, c = np.nonzero(np.triu(scores >= cutoff, 1))
            found_i.append(idx[lo + r])
            found_j.append(idx[lo + c])
            found_s.append(scores[r, c])
    if not found_i:
        return empty, empty, np.empty(0)
    i, j, s = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s)
    i, j = np.minimum(i, j), np.maximum(i, j)
    _, first = np.unique(i * len(titles) + j, return_index=True)
    return i[first], j[first], s[first].astype(float)


def duplicate_candidates(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    """Pairs of nodes that are probably the same work, with which one to keep.

    Two papers are flagged when they share an identifier (arXiv id, DOI,
    Semantic Scholar id or CorpusId), or when their titles are identical or
    near-identical (rapidfuzz ``fuzz.ratio``, the normalised Indel
    similarity, ≥ :data:`TITLE_SIMILARITY`) with the same numbers in them,
    years at most two apart and no citation between them (a paper citing its
    near-namesake is a sequel, not a copy).  A group of duplicates keeps one
    node: resolved before unresolved, listed before not, then the better
    connected.

    Titles are compared (in C, by rapidfuzz) only within blocks of titles
    that have the same numbers and share two of their five rarest words (one
    for titles of up to three words), so the search stays near-linear: a few
    seconds for 100,000 papers.  A pair is missed only when one title has
    four words the other lacks, all rarer than the second rarest they share,
    which a tenth of their characters can hardly change.

    Returns
    -------
    pandas.DataFrame
        ``keep, drop, reason, similarity, keep_title, drop_title``.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True)
    >>> _ = add_paper(G, "c0ffee", paper_id="c0ffee", arxiv="2405.09818",
    ...               title="Chameleon: Mixed-Modal Early-Fusion Foundation Models")
    >>> _ = add_paper(G, "p1", paper_id="p1", title="Visual Instruction Tuning", year=2023)
    >>> _ = add_paper(G, "p2", paper_id="p2", title="Visual instruction-tuning.", year=2024)
    >>> _ = add_paper(G, "q2", paper_id="q2", title="Qwen2 Technical Report")
    >>> _ = add_paper(G, "q25", paper_id="q25", title="Qwen2.5 Technical Report")
    >>> duplicate_candidates(G)[["keep", "drop", "reason"]]
         keep              drop                   reason
    0  c0ffee  arxiv:2405.09818  same arXiv id 2405.09818
    1      p1                p2               same title
    """
    pairs: dict[frozenset[Hashable], tuple[str, float]] = {}
    first_pair: dict[Hashable, frozenset[Hashable]] = {}

    def flag(u: Hashable, v: Hashable, reason: str, similarity: float) -> None:
        key = frozenset((u, v))
        if u != v and key not in pairs:
            pairs[key] = (reason, similarity)
            first_pair.setdefault(u, key)
            first_pair.setdefault(v, key)

    id_attrs = (("arxiv", "arXiv id"), ("doi", "DOI"), ("paper_id", "Semantic Scholar id"), ("corpus_id", "CorpusId"))
    for attr, label in id_attrs:
        groups: dict[str, list[Hashable]] = defaultdict(list)
        value: Any
        for node, value in G.nodes(data=attr):
            if value not in (None, ""):
                groups[str(value).lower()].append(node)
        for value, members in groups.items():
            for other in members[1:]:
                flag(members[0], other, f"same {label} {value}", 1.0)

    by_title: dict[str, list[Hashable]] = defaultdict(list)
    title: Any
    for node, title in G.nodes(data="title"):
        key = normalize_title(title or "")
        if len(key) >= _MIN_TITLE_CHARS:
            by_title[key].append(node)
    for members in by_title.values():
        for other in members[1:]:
            if _plausible(G, members[0], other):
                flag(members[0], other, "same title", 1.0)
    titles = list(by_title)
    first_i, first_j, scores = _near_identical(titles, 100 * TITLE_SIMILARITY)
    for i, j, score in zip(first_i.tolist(), first_j.tolist(), scores.tolist()):
        u, v = by_title[titles[i]][0], by_title[titles[j]][0]
        if _digits(titles[i]) != _digits(titles[j]) or frozenset((u, v)) in pairs:
            continue
        if _plausible(G, u, v):
            flag(u, v, "near-identical title", round(score / 100, 3))

    # One keeper per group of duplicates (union-find over the flagged pairs).
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        while parent.get(x, x) != x:
            parent[x] = x = parent.get(parent[x], parent[x])  # path halving
        return x

    for pair in pairs:
        u, v = tuple(pair)
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[rv] = ru
    groups_of: dict[Hashable, list[Hashable]] = defaultdict(list)
    for node in first_pair:
        groups_of[root(node)].append(node)
    rows: list[dict[str, Any]] = []
    for members in groups_of.values():
        members.sort(key=lambda x: _keeper_rank(G, x))
        keep = members[0]
        for drop in members[1:]:
            reason, similarity = pairs.get(frozenset((keep, drop))) or pairs[first_pair[drop]]
            rows.append(
                {
                    "keep": keep,
                    "drop": drop,
                    "reason": reason,
                    "similarity": similarity,
                    "keep_title": _title(G, keep),
                    "drop_title": _title(G, drop),
                }
            )
    frame = pd.DataFrame(rows, columns=list(DUPLICATE_COLUMNS))
    order = frame.assign(_k=frame["keep"].astype(str), _d=frame["drop"].astype(str))
    return frame.loc[order.sort_values(["_k", "_d"]).index].reset_index(drop=True)


def _plausible(G: nx.DiGraph[Hashable], u: Hashable, v: Hashable) -> bool:
    du, dv = G.nodes[u], G.nodes[v]
    return _year_gap_ok(du.get("year"), dv.get("year")) and not (G.has_edge(u, v) or G.has_edge(v, u))


# ------------------------------------------------------------------- merging


def _merge_node_attrs(keep: dict[str, Any], drop: Mapping[str, Any]) -> None:
    """Fold ``drop``'s attributes into ``keep``'s; ``keep``'s known values win."""
    for name, value in drop.items():
        if value is None:
            continue
        old = keep.get(name)
        if name in _UNION_ATTRS:
            merged = list(old or [])
            keep[name] = merged + [x for x in value if x not in merged]
        elif name in ("listed", "citations_capped"):
            keep[name] = bool(old) or bool(value)
        elif name in _COUNT_ATTRS:
            keep[name] = value if old is None else max(old, value)
        elif name == "text" and old and value not in old:
            keep[name] = f"{old}\n\n{value}"
        elif old is None:
            keep[name] = value


def _merge_edge(G: nx.DiGraph[Hashable], u: Hashable, v: Hashable, data: Mapping[str, Any]) -> None:
    if u == v:
        return
    if not G.has_edge(u, v):
        G.add_edge(u, v, **data)
        return
    edge = G.edges[u, v]
    kinds = set(edge.get("kinds") or [edge.get("kind")]) | set(data.get("kinds") or [data.get("kind")])
    kinds.discard(None)
    edge["kinds"] = sorted(kinds)
    edge["kind"] = max(kinds, key=EDGE_KINDS.index)
    if data.get("is_influential"):
        edge["is_influential"] = True
    for name in ("intents", "contexts", "evidence"):
        if data.get(name):
            merged = list(edge.get(name) or [])
            edge[name] = merged + [x for x in data[name] if x not in merged]
    if data.get("confidence") is not None:
        edge["confidence"] = max(edge.get("confidence") or 0.0, data["confidence"])


def merge_duplicates(
    G: nx.DiGraph[Hashable],
    pairs: Iterable[tuple[Hashable, Hashable]] | pd.DataFrame,
    *,
    reason: str | None = None,
) -> nx.DiGraph[Hashable]:
    """Merge each ``drop`` node into its ``keep`` node, in place; return ``G``.

    Edges of ``drop`` move to ``keep`` (relations united, a citation between
    the two disappears), attributes are united (``keep``'s known values win,
    lists are merged, counts take the larger), and each merge is recorded in
    ``G.graph["merged"]`` as ``{"keep", "drop", "reason", "title"}``.  Chains
    (a into b, then b into c) are followed.

    Parameters
    ----------
    pairs
        ``(keep, drop)`` tuples, or a frame with ``keep`` and ``drop`` columns
        (and optionally ``reason``) such as :func:`duplicate_candidates` gives.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "pid", paper_id="pid", title="Chameleon", tags=["A"])
    >>> _ = add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True, tags=["B"])
    >>> _ = add_paper(G, "x", title="X")
    >>> add_link(G, "x", "arxiv:2405.09818", "mentions")
    >>> G = merge_duplicates(G, [("pid", "arxiv:2405.09818")])
    >>> sorted(G.nodes), G.nodes["pid"]["tags"], G.nodes["pid"]["listed"], list(G.edges)
    (['pid', 'x'], ['A', 'B'], True, [('x', 'pid')])
    >>> G.graph["merged"]
    [{'keep': 'pid', 'drop': 'arxiv:2405.09818', 'reason': 'merged by request', 'title': 'Chameleon'}]
    """
    if isinstance(pairs, pd.DataFrame):
        reasons = pairs["reason"].tolist() if "reason" in pairs else [reason] * len(pairs)
        items = list(zip(pairs["keep"].tolist(), pairs["drop"].tolist(), reasons))
    else:
        items = [(k, d, reason) for k, d in pairs]
    for keep, drop, _ in items:
        for node in (keep, drop):
            if node not in G:
                raise PaperLookupError(f"cannot merge: {node!r} is not in the graph")
    moved: dict[Hashable, Hashable] = {}

    def current(x: Hashable) -> Hashable:
        while x in moved:
            x = moved[x]
        return x

    record = G.graph.setdefault("merged", [])
    for keep, drop, why in items:
        keep, drop = current(keep), current(drop)
        if keep == drop:
            continue
        data = dict(G.nodes[drop])
        _merge_node_attrs(G.nodes[keep], data)
        for u, _, d in list(G.in_edges(drop, data=True)):
            _merge_edge(G, u, keep, d)
        for _, v, d in list(G.out_edges(drop, data=True)):
            _merge_edge(G, keep, v, d)
        G.remove_node(drop)
        moved[drop] = keep
        record.append({"keep": keep, "drop": drop, "reason": why or "merged by request", "title": data.get("title")})
    return G


# -------------------------------------------------------------------- report


def audit(G: nx.DiGraph[Hashable]) -> dict[str, pd.DataFrame]:
    """Everything about ``G``'s coverage that a reader should know, one frame per problem.

    A graph where nothing was fetched (:func:`was_fetched`) gets one
    ``not_fetched`` row instead of every listed paper as unresolved; its
    duplicates are still searched.

    Returns
    -------
    dict
        :data:`AUDIT_SECTIONS` → DataFrame (see the module docstring), in
        that order; an empty frame means no such problem.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(unresolved=[{"entry": "title:foo", "title": "Foo", "source": "list.md:3", "reason": "no match"}])
    >>> _ = add_paper(G, "p", paper_id="p", title="P", listed=True, references_fetched=0, reference_count=12)
    >>> _ = add_paper(G, "q", paper_id="q", title="Q", citations_capped=True, citation_count=12000,
    ...               citations_fetched=9999)
    >>> report = audit(G)
    >>> {name: len(frame) for name, frame in report.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'not_fetched': 0, 'unresolved': 1, 'no_references': 1, 'capped_citations': 1, 'unresolved_references': 0,
     'duplicates': 0, 'sources': 0}
    >>> report["no_references"]["reason"].tolist()
    ['0 of 12 references fetched']
    """
    fetched = was_fetched(G)
    return {
        "not_fetched": _not_fetched(G, fetched),
        "unresolved": _unresolved(G, fetched),
        "no_references": _no_references(G, fetched),
        "capped_citations": _capped(G),
        "unresolved_references": _unresolved_references(G),
        "duplicates": duplicate_candidates(G),
        "sources": source_counts(G),
    }


def audit_frame(report: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per problem found by :func:`audit`: what ``citegraph audit`` prints.

    The columns are :data:`AUDIT_COLUMNS`, the same in every format (a JSON
    row is an object with these four keys):

    ``problem``
        the section, one of :data:`AUDIT_SECTIONS`;
    ``id``
        the graph node concerned (for ``duplicates`` the one to merge away),
        empty/``null`` for a list entry that never became a node and for the
        ``not_fetched`` row;
    ``title``
        that paper's title (empty for ``not_fetched``);
    ``detail``
        one sentence: why, with counts, sources or the merge target.

    Rows come section by section in :data:`AUDIT_SECTIONS` order; inside a
    section in graph order, except ``unresolved_references`` (most unresolved
    first) and ``duplicates`` (by the kept, then the merged node), so one
    graph file always gives the same output.

    Examples
    --------
    >>> import pandas as pd
    >>> capped = [{"id": "q", "title": "Q", "citation_count": 12000, "citations_fetched": 9999}]
    >>> report = {"capped_citations": pd.DataFrame(capped)}
    >>> audit_frame(report).to_dict("records")
    [{'problem': 'capped_citations', 'id': 'q', 'title': 'Q', 'detail': '9999 of 12000 citations fetched'}]
    """
    rows: list[dict[str, Any]] = []
    for problem, frame in report.items():
        for rec in frame.to_dict("records"):
            rows.append({"problem": problem, **_detail(problem, rec)})
    return pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))


def audit_summary(report: Mapping[str, pd.DataFrame]) -> str:
    """One line of counts for the end of ``citegraph audit``.

    Examples
    --------
    >>> import pandas as pd
    >>> none, one = pd.DataFrame(), pd.DataFrame([{"id": "a"}])
    >>> audit_summary({"not_fetched": none, "unresolved": one, "duplicates": none})
    'audit: 1 unresolved paper, 0 likely duplicates'
    >>> print(audit_summary({"not_fetched": one, "unresolved": none, "duplicates": none}))
    audit: 0 likely duplicates; nothing fetched from Semantic Scholar (graph built from the lists' text), so
    unresolved papers, references and citation caps are not judged.
    To fetch: citegraph build LIST... -o GRAPH (or citegraph report LIST... --out DIR), with S2_API_KEY set
    """
    parts = [
        _count(len(frame), *_COUNT_WORDS.get(name, (name.replace("_", " "),) * 2))
        for name, frame in report.items()
        if name != "not_fetched" and (name == "duplicates" or len(frame) or not len(report.get("not_fetched", ())))
        and (name != "sources" or len(frame))  # said only of a graph from several sources
    ]
    line = "audit: " + ", ".join(parts)
    if len(report.get("not_fetched", ())):
        line += (
            "; nothing fetched from Semantic Scholar (graph built from the lists' text), so unresolved papers, "
            f"references and citation caps are not judged.\n{_FETCH_HINT}"
        )
    return line


# what to do about each kind of problem, for audit_overview (each line fits 80 columns)
_ADVICE = {
    "not_fetched": "citegraph build LIST... -o GRAPH fetches the citations",
    "unresolved": "fix the id or title at the file:line shown",
    "no_references": "re-fetch later (--refresh), or give an arXiv id",
    "capped_citations": "the API stops at 9,999 citers: counts are lower bounds",
    "unresolved_references": "left out; usually nothing to do",
    "duplicates": "citegraph audit GRAPH --merge joins them",
}


def audit_overview(report: Mapping[str, pd.DataFrame]) -> str:
    """The lines that open ``citegraph audit``: counts by problem, each with what to do about it.

    A count line, one line per kind of problem found (six kinds at most),
    and how to list one kind: at most eight lines, each within 80 columns.

    Examples
    --------
    >>> import pandas as pd
    >>> none, two = pd.DataFrame(), pd.DataFrame([{"id": "a"}, {"id": "b"}])
    >>> print(audit_overview({"unresolved": two, "duplicates": none}))
    audit: 2 problems of 1 kind
      2 unresolved papers: fix the id or title at the file:line shown
    To list them: --problem unresolved [--top N]
    """
    found = {name: len(frame) for name, frame in report.items() if len(frame)}
    total = sum(found.values())
    if not total:
        return "audit: no problems found"
    lines = [f"audit: {_count(total, 'problem', 'problems')} of {_count(len(found), 'kind', 'kinds')}"]
    for name, n in found.items():
        what = "nothing fetched" if name == "not_fetched" else _count(n, *_COUNT_WORDS.get(name, (name,) * 2))
        lines.append(f"  {what}: {_ADVICE.get(name, name.replace('_', ' '))}")
    kinds = "KIND" if len(found) > 2 else "|".join(found)
    lines.append(f"To list {'them' if len(found) == 1 else 'one kind'}: --problem {kinds} [--top N]")
    return "\n".join(lines)


# what a section's rows are, singular and plural, for the summary line
_COUNT_WORDS = {
    "unresolved": ("unresolved paper", "unresolved papers"),
    "no_references": ("paper with no references", "papers with no references"),
    "capped_citations": ("capped citation list", "capped citation lists"),
    "unresolved_references": ("paper with unresolved references", "papers with unresolved references"),
    "duplicates": ("likely duplicate", "likely duplicates"),
    "sources": ("source", "sources"),
}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _na(value: Any) -> Any:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _detail(problem: str, rec: Mapping[Hashable, Any]) -> dict[str, Any]:
    rec = {k: _na(v) for k, v in rec.items()}
    if problem == "not_fetched":
        return {"id": None, "title": None, "detail": rec.get("detail")}
    if problem == "unresolved":
        where = f" ({rec['source']})" if rec.get("source") else ""
        return {"id": rec.get("id"), "title": rec.get("title"), "detail": f"{rec.get('reason')}{where}"}
    if problem == "no_references":
        return {"id": rec["id"], "title": rec.get("title"), "detail": rec.get("reason")}
    if problem == "capped_citations":
        total = rec.get("citation_count")
        got = rec.get("citations_fetched")
        detail = f"{got if got is not None else '?'} of {total if total is not None else '?'} citations fetched"
        return {"id": rec["id"], "title": rec.get("title"), "detail": detail}
    if problem == "unresolved_references":
        count = rec.get("reference_count")
        n = rec["references_unresolved"]
        if count is not None:
            detail = f"{n} of {count} references unresolved"
        else:
            detail = _count(n, "reference", "references") + " unresolved"
        return {"id": rec["id"], "title": rec.get("title"), "detail": detail}
    if problem == "sources":
        papers = _count(rec["papers"], "paper", "papers")
        detail = f"{rec['source']}: {papers}, {_count(rec['citations'], 'citation', 'citations')}"
        return {"id": None, "title": None, "detail": detail}
    if problem == "duplicates":
        return {
            "id": rec["drop"],
            "title": rec.get("drop_title"),
            "detail": f"{rec['reason']}: merge into {rec['keep']} ({rec.get('keep_title')})",
        }
    return {"id": rec.get("id"), "title": rec.get("title"), "detail": None}
