"""Coverage audit: what a graph cannot be trusted on, and merging duplicate papers.

:func:`audit` lists, one table per problem:

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
    suggestion that :func:`merge_duplicates` applies.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import Any, Hashable, Iterable, Mapping

import networkx as nx
import pandas as pd

from citegraph.errors import PaperLookupError
from citegraph.graph.model import EDGE_KINDS, normalize_title

__all__ = ["AUDIT_SECTIONS", "audit", "audit_frame", "duplicate_candidates", "merge_duplicates"]

AUDIT_SECTIONS: tuple[str, ...] = (
    "unresolved",
    "no_references",
    "capped_citations",
    "unresolved_references",
    "duplicates",
)
DUPLICATE_COLUMNS = ("keep", "drop", "reason", "similarity", "keep_title", "drop_title")

# Near-identical titles: difflib ratio at or above this.  0.9 separates
# "X: a study" vs "X: A Study of Y" (kept apart below) from typo-level edits.
TITLE_SIMILARITY = 0.9
# Titles this short ("Introduction", "Attention") say too little to match on.
_MIN_TITLE_CHARS = 12
# Preprint and published version: usually the same or next year.
_MAX_YEAR_GAP = 2
# Blocks of titles sharing leading/trailing words bigger than this are
# generic ("a survey of ..."): comparing all their pairs costs quadratic time.
_MAX_BLOCK = 200

_COUNT_ATTRS = (
    "citation_count",
    "influential_citation_count",
    "reference_count",
    "references_fetched",
    "references_unresolved",
    "citations_fetched",
)
_UNION_ATTRS = ("tags", "sources", "repos")


def _title(G: nx.DiGraph, node: Hashable) -> str | None:
    return G.nodes[node].get("title")


def _entry_text(entry: Any) -> str:
    if isinstance(entry, Mapping):
        for key in ("title", "arxiv", "doi", "entry", "key"):
            if entry.get(key):
                return str(entry[key])
        return str(dict(entry))
    return str(entry)


def _unresolved(G: nx.DiGraph) -> pd.DataFrame:
    rows = []
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
    for node, d in G.nodes(data=True):
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


def _no_references(G: nx.DiGraph) -> pd.DataFrame:
    rows = []
    for node, d in G.nodes(data=True):
        fetched = d.get("references_fetched")
        if fetched == 0:
            known = d.get("reference_count")
            unresolved = d.get("references_unresolved") or 0
            if unresolved:
                reason = f"all {unresolved} references unresolved by Semantic Scholar"
            elif known:
                reason = f"0 of {known} references fetched"
            else:
                reason = "Semantic Scholar lists no references"
        elif fetched is None and d.get("listed") and d.get("paper_id") and G.out_degree(node) == 0:
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


def _capped(G: nx.DiGraph) -> pd.DataFrame:
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


def _unresolved_references(G: nx.DiGraph) -> pd.DataFrame:
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
    frame = frame.astype({c: "Int64" for c in cols[2:]})
    return frame.sort_values("references_unresolved", ascending=False, kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- duplicates


def _digits(key: str) -> set[str]:
    """Tokens with a digit: versions and numbers that tell sequels apart (Qwen2 vs Qwen2 5)."""
    return {w for w in key.split() if any(c.isdigit() for c in w)}


def _year_gap_ok(a: Any, b: Any) -> bool:
    try:
        return abs(int(a) - int(b)) <= _MAX_YEAR_GAP
    except (TypeError, ValueError):
        return True


def _keeper_rank(G: nx.DiGraph, node: Hashable) -> tuple:
    """Sort key: the node to keep comes first (resolved, listed, best connected, most known)."""
    d = G.nodes[node]
    known = sum(v is not None for v in d.values())
    return (not d.get("paper_id"), not d.get("listed"), -G.degree(node), -known, str(node))


def duplicate_candidates(G: nx.DiGraph) -> pd.DataFrame:
    """Pairs of nodes that are probably the same work, with which one to keep.

    Two papers are flagged when they share an identifier (arXiv id, DOI,
    Semantic Scholar id or CorpusId), or when their titles are identical or
    near-identical (difflib ratio ≥ :data:`TITLE_SIMILARITY`) with the same
    numbers in them, years at most two apart and no citation between them (a
    paper citing its near-namesake is a sequel, not a copy).  A group of
    duplicates keeps one node: resolved before unresolved, listed before not,
    then the better connected.

    Returns
    -------
    pandas.DataFrame
        ``keep, drop, reason, similarity, keep_title, drop_title``.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True)
    >>> _ = add_paper(G, "c0ffee", paper_id="c0ffee", arxiv="2405.09818", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models")
    >>> _ = add_paper(G, "p1", paper_id="p1", title="Visual Instruction Tuning", year=2023)
    >>> _ = add_paper(G, "p2", paper_id="p2", title="Visual instruction-tuning.", year=2024)
    >>> _ = add_paper(G, "q2", paper_id="q2", title="Qwen2 Technical Report")
    >>> _ = add_paper(G, "q25", paper_id="q25", title="Qwen2.5 Technical Report")
    >>> duplicate_candidates(G)[["keep", "drop", "reason"]]
         keep              drop                   reason
    0  c0ffee  arxiv:2405.09818  same arXiv id 2405.09818
    1      p1                p2               same title
    """
    pairs: dict[frozenset, tuple[str, float]] = {}

    def flag(u: Hashable, v: Hashable, reason: str, similarity: float) -> None:
        key = frozenset((u, v))
        if u != v and key not in pairs:
            pairs[key] = (reason, similarity)

    for attr, label in (("arxiv", "arXiv id"), ("doi", "DOI"), ("paper_id", "Semantic Scholar id"), ("corpus_id", "CorpusId")):
        groups: dict[str, list[Hashable]] = defaultdict(list)
        for node, d in G.nodes(data=True):
            value = d.get(attr)
            if value not in (None, ""):
                groups[str(value).lower()].append(node)
        for value, members in groups.items():
            for other in members[1:]:
                flag(members[0], other, f"same {label} {value}", 1.0)

    keys = {}
    for node, d in G.nodes(data=True):
        key = normalize_title(d.get("title") or "")
        if len(key) >= _MIN_TITLE_CHARS:
            keys[node] = key
    by_title: dict[str, list[Hashable]] = defaultdict(list)
    for node, key in keys.items():
        by_title[key].append(node)
    blocks: dict[tuple, list[Hashable]] = defaultdict(list)
    for key, members in by_title.items():
        words = key.split()
        blocks[("head", *words[:3])].append(members[0])
        blocks[("tail", *words[-3:])].append(members[0])
        for other in members[1:]:
            if _plausible(G, members[0], other):
                flag(members[0], other, "same title", 1.0)
    for members in blocks.values():
        if not 1 < len(members) <= _MAX_BLOCK:
            continue
        for i, u in enumerate(members):
            for v in members[i + 1 :]:
                if frozenset((u, v)) in pairs or _digits(keys[u]) != _digits(keys[v]):
                    continue
                ratio = difflib.SequenceMatcher(None, keys[u], keys[v]).ratio()
                if ratio >= TITLE_SIMILARITY and _plausible(G, u, v):
                    flag(u, v, "near-identical title", round(ratio, 3))

    # One keeper per group of duplicates (union-find over the flagged pairs).
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        u, v = tuple(pair)
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[rv] = ru
    groups_of: dict[Hashable, list[Hashable]] = defaultdict(list)
    for node in {x for pair in pairs for x in pair}:
        groups_of[root(node)].append(node)
    rows = []
    for members in groups_of.values():
        members.sort(key=lambda x: _keeper_rank(G, x))
        keep = members[0]
        for drop in members[1:]:
            reason, similarity = pairs.get(frozenset((keep, drop))) or next(
                pairs[p] for p in pairs if drop in p
            )
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


def _plausible(G: nx.DiGraph, u: Hashable, v: Hashable) -> bool:
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


def _merge_edge(G: nx.DiGraph, u: Hashable, v: Hashable, data: Mapping[str, Any]) -> None:
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
    G: nx.DiGraph,
    pairs: Iterable[tuple[Hashable, Hashable]] | pd.DataFrame,
    *,
    reason: str | None = None,
) -> nx.DiGraph:
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


def audit(G: nx.DiGraph) -> dict[str, pd.DataFrame]:
    """Everything about ``G``'s coverage that a reader should know, one frame per problem.

    Returns
    -------
    dict
        :data:`AUDIT_SECTIONS` → DataFrame (see the module docstring); an
        empty frame means no such problem.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(unresolved=[{"entry": "title:foo", "title": "Foo", "source": "list.md:3", "reason": "no match"}])
    >>> _ = add_paper(G, "p", paper_id="p", title="P", listed=True, references_fetched=0, reference_count=12)
    >>> _ = add_paper(G, "q", paper_id="q", title="Q", citations_capped=True, citation_count=12000, citations_fetched=9999)
    >>> report = audit(G)
    >>> {name: len(frame) for name, frame in report.items()}
    {'unresolved': 1, 'no_references': 1, 'capped_citations': 1, 'unresolved_references': 0, 'duplicates': 0}
    >>> report["no_references"]["reason"].tolist()
    ['0 of 12 references fetched']
    """
    return {
        "unresolved": _unresolved(G),
        "no_references": _no_references(G),
        "capped_citations": _capped(G),
        "unresolved_references": _unresolved_references(G),
        "duplicates": duplicate_candidates(G),
    }


def audit_frame(report: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per problem found by :func:`audit`: ``problem, id, title, detail``.

    >>> import pandas as pd
    >>> report = {"capped_citations": pd.DataFrame([{"id": "q", "title": "Q", "citation_count": 12000, "citations_fetched": 9999}])}
    >>> audit_frame(report).to_dict("records")
    [{'problem': 'capped_citations', 'id': 'q', 'title': 'Q', 'detail': '9999 of 12000 citations fetched'}]
    """
    rows = []
    for problem, frame in report.items():
        for rec in frame.to_dict("records"):
            rows.append({"problem": problem, **_detail(problem, rec)})
    return pd.DataFrame(rows, columns=["problem", "id", "title", "detail"])


def _na(value: Any) -> Any:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _detail(problem: str, rec: Mapping[str, Any]) -> dict[str, Any]:
    rec = {k: _na(v) for k, v in rec.items()}
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
        detail = f"{rec['references_unresolved']} references unresolved" + (f" of {count}" if count is not None else "")
        return {"id": rec["id"], "title": rec.get("title"), "detail": detail}
    if problem == "duplicates":
        return {
            "id": rec["drop"],
            "title": rec.get("drop_title"),
            "detail": f"{rec['reason']}: merge into {rec['keep']} ({rec.get('keep_title')})",
        }
    return {"id": rec.get("id"), "title": rec.get("title"), "detail": None}
