"""Papers a list is missing: unlisted papers ranked by the evidence that they belong.

Evidence, for an unlisted paper ``c`` of the graph: a lineage link with a
listed paper (successor or predecessor, with its quote), listed papers that
cite ``c`` (local citations), listed papers ``c`` cites, listed papers co-cited
with ``c`` and listed papers coupled with it (shared references).  Each
suggestion says why in words, which sections of the list it fits (the
``tags`` of the listed papers it is tied to, weighted by the tie) and how sure
it is.  ``by="local_citations"`` and ``by="cocitation"`` rank by one signal
alone, as Local Citation Network and co-citation tools do (for comparison).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from citegraph.graph.matrix import citation_matrix
from citegraph.text.wording import plural

__all__ = ["SUGGEST_COLUMNS", "SUGGEST_BY", "WEIGHTS", "suggest_papers"]

SUGGEST_COLUMNS = [
    "rank", "id", "arxiv", "doi", "title", "name", "year", "score", "confidence", "section", "sections",
    "lineage", "cited_by_listed", "cites_listed", "cocited_listed", "coupled_listed", "reasons", "tied_to",
]
SUGGEST_BY = ("evidence", "local_citations", "cocitation")

# How much one unit of each signal counts in ``score`` (tuned on the seed
# hold-out of benchmarks/bench_suggest.py, so its figures are in-sample).
WEIGHTS = {
    "lineage": 3.0,          # per unit of lineage confidence with a listed paper
    "cited_by_listed": 1.0,  # per listed paper citing it
    "cites_listed": 1.0,     # per listed paper it cites
    # per tie both ways, min(cited by, cites): a paper that builds on the
    # listed ones and that they build on sits inside the field, where a
    # background classic is only cited
    "both_ways": 1.0,
    "cocited_listed": 0.25,  # per listed paper co-cited with it at least twice
    "coupled_listed": 0.1,   # per listed paper sharing at least two references with it
}
# a score of this many units gives confidence 1 - 1/e
CONFIDENCE_SCALE = 3.0
SECTIONS_SHOWN = 3


def _label(G: nx.DiGraph[Hashable], n: Hashable) -> str:
    d = G.nodes[n]
    return str(d.get("name") or d.get("title") or n)


def _lineage_ties(G: nx.DiGraph[Hashable], links: Sequence[dict[str, Any]], listed: set[Hashable]
                  ) -> dict[Hashable, list[tuple[Hashable, str, float, str | None]]]:
    """candidate -> [(listed paper, "successor"/"predecessor", confidence, quote)]."""
    ties: dict[Hashable, list[tuple[Hashable, str, float, str | None]]] = defaultdict(list)
    for link in links:
        parent, child = link["parent"]["id"], link["child"]["id"]
        quote = next((e["detail"] for e in link.get("evidence", []) if e.get("kind") == "text"), None)
        conf = float(link.get("confidence") or 0.0)
        if child in listed and parent not in listed and parent in G:
            ties[parent].append((child, "predecessor", conf, quote))
        elif parent in listed and child not in listed and child in G:
            ties[child].append((parent, "successor", conf, quote))
    return ties


def _with_listed(A: sp.csr_array, AT: sp.csr_array, listed_idx: np.ndarray) -> tuple[sp.csr_array, sp.csr_array]:
    """Co-citation and coupling of every paper with the listed ones only (``n × listed`` arrays).

    ``C[c, l]``: papers citing both ``c`` and listed ``l``; ``B[c, l]``: references
    they share.  Only the listed columns of ``AᵀA`` and ``AAᵀ`` are computed,
    which stays small where the full products would not.

    >>> A = sp.csr_array(np.array([[0, 0, 0], [0, 0, 0], [1, 1, 0]]))
    >>> [x.toarray().tolist() for x in _with_listed(A, sp.csr_array(A.T), np.array([0]))]
    [[[1], [1], [0]], [[0], [0], [0]]]
    """
    C = sp.csr_array(AT @ A[:, listed_idx])
    B = sp.csr_array(A @ A[listed_idx].T)
    C.sort_indices()
    B.sort_indices()
    return C, B


def _counts(S: sp.csr_array, at_least: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``S``: entries >= ``at_least``, and the row sum."""
    rows = np.repeat(np.arange(S.shape[0]), np.diff(S.indptr))
    strong = np.bincount(rows[S.data >= at_least], minlength=S.shape[0])
    total = np.bincount(rows, weights=S.data, minlength=S.shape[0])
    return strong, total


def suggest_papers(
    G: nx.DiGraph[Hashable],
    *,
    links: Sequence[dict[str, Any]] | None = None,
    top: int | None = 50,
    by: str = "evidence",
    exclude: Sequence[Hashable] = (),
) -> pd.DataFrame:
    """Unlisted papers of ``G`` ranked by the evidence that the lists miss them.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph whose listed papers have ``listed=True`` and their
        list sections in ``tags``.
    links : list of dict, optional
        :func:`~citegraph.analysis.lineage.successors` of ``G`` when
        already computed.
    top : int or None
        How many suggestions to keep (``None``: all with any evidence).
    by : str
        ``evidence`` (every signal, weighted by :data:`WEIGHTS`),
        ``local_citations`` (listed citers alone) or ``cocitation`` (summed
        co-citation with listed papers alone).  Ties go to the paper with more
        citations overall, then to the graph's order.
    exclude : sequence of node ids
        Papers never to suggest (already rejected, say).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SUGGEST_COLUMNS`, best first: ``score`` the weighted
        evidence, ``confidence`` ``1 - exp(-score / 3)``, ``section`` the list
        section it fits best and ``sections`` up to three, ``lineage`` its
        lineage links with listed papers, the counts of listed papers tied to
        it each way, ``reasons`` in words and ``tied_to`` the listed papers.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for k in "abc":
    ...     _ = add_paper(G, k, title=f"Listed {k}", listed=True, tags=["Vision"])
    >>> _ = add_paper(G, "x", title="Missing one", year=2023)
    >>> _ = add_paper(G, "y", title="Cited once")
    >>> for u in "abc":
    ...     add_link(G, u, "x", "cites")
    >>> add_link(G, "a", "y", "cites")
    >>> df = suggest_papers(G)
    >>> df[["id", "cited_by_listed", "section"]].values.tolist()
    [['x', 3, 'Vision'], ['y', 1, 'Vision']]
    >>> df["reasons"][0]
    ['cited by 3 listed papers: Listed a, Listed b, Listed c']
    """
    if by not in SUGGEST_BY:
        from citegraph.errors import UsageError

        raise UsageError(f"--by must be one of {', '.join(SUGGEST_BY)}, not {by!r}")
    if links is None:
        from citegraph.analysis.lineage import successors

        links = successors(G)
    listed = {n for n, d in G.nodes(data=True) if d.get("listed")}
    M = citation_matrix(G, kinds=["cites"])
    nodes = M.ids.tolist()
    index = M.index
    mask = np.zeros(M.n, dtype=bool)
    mask[[index[n] for n in listed if n in index]] = True
    A = M.A.tocsr()
    cited_by = np.asarray(A[mask].sum(axis=0)).ravel() if mask.any() else np.zeros(M.n)
    cites = np.asarray(A[:, mask].sum(axis=1)).ravel() if mask.any() else np.zeros(M.n)
    listed_idx = np.flatnonzero(mask)
    C, B = _with_listed(A, M.AT, listed_idx)
    cocited, cocited_sum = _counts(C, 2)
    coupled, _ = _counts(B, 2)
    ties = _lineage_ties(G, links, listed)
    skip = set(exclude) | listed

    rows = []
    for i, n in enumerate(nodes):
        if n in skip:
            continue
        lin = ties.get(n, [])
        lineage_conf = min(2.0, sum(t[2] for t in lin))
        signals = {
            "lineage": lineage_conf, "cited_by_listed": float(cited_by[i]), "cites_listed": float(cites[i]),
            "cocited_listed": float(cocited[i]), "coupled_listed": float(coupled[i]),
            "both_ways": float(min(cited_by[i], cites[i])),
        }
        if by == "evidence":
            score = sum(WEIGHTS[k] * v for k, v in signals.items())
        elif by == "local_citations":
            score = signals["cited_by_listed"]
        else:
            score = float(cocited_sum[i])
        if score <= 0:
            continue
        rows.append((n, i, score, signals, lin))
    glob = {n: G.nodes[n].get("citation_count") or 0 for n, *_ in rows}
    rows.sort(key=lambda r: (-r[2], -glob[r[0]], r[1]))
    if top is not None:
        rows = rows[:top]
    AT = M.AT  # row j: the papers citing j
    out = [_row(G, A, AT, C, B, mask, listed_idx, nodes, r, rank) for rank, r in enumerate(rows, 1)]
    return pd.DataFrame(out, columns=SUGGEST_COLUMNS)


def _row(G: nx.DiGraph[Hashable], A: Any, AT: Any, C: Any, B: Any, mask: np.ndarray, listed_idx: np.ndarray,
         nodes: list[Hashable], r: tuple[Any, ...], rank: int) -> dict[str, Any]:
    n, i, score, signals, lin = r
    d = G.nodes[n]
    weight: dict[Hashable, float] = defaultdict(float)
    reasons = []
    for other, role, conf, quote in sorted(lin, key=lambda t: -t[2]):
        weight[other] += WEIGHTS["lineage"] * conf
        said = f": “{quote}”" if quote else ""
        reasons.append(f"{role} of listed {_label(G, other)} (lineage, confidence {conf:.2f}){said}")
    citers = [nodes[j] for j in sorted(AT.indices[AT.indptr[i]:AT.indptr[i + 1]]) if mask[j]]
    cited = [nodes[j] for j in sorted(A.indices[A.indptr[i]:A.indptr[i + 1]]) if mask[j]]
    for group, w, text in ((citers, WEIGHTS["cited_by_listed"], "cited by"), (cited, WEIGHTS["cites_listed"], "cites")):
        for other in group:
            weight[other] += w
        if group:
            names = ", ".join(_label(G, o) for o in group[:5]) + (" …" if len(group) > 5 else "")
            reasons.append(f"{text} {plural(len(group), 'listed paper')}: {names}")
    for S, w, text in ((C, WEIGHTS["cocited_listed"], "co-cited"), (B, WEIGHTS["coupled_listed"], "shares references")):
        lo, hi = S.indptr[i], S.indptr[i + 1]
        strong = [(nodes[listed_idx[j]], v) for j, v in zip(S.indices[lo:hi], S.data[lo:hi]) if v >= 2]
        for other, _ in strong:
            weight[other] += w
        if strong:
            strong.sort(key=lambda t: -t[1])
            names = ", ".join(_label(G, o) for o, _ in strong[:3]) + (" …" if len(strong) > 3 else "")
            verb = "co-cited with" if text == "co-cited" else "shares references with"
            reasons.append(f"{verb} {plural(len(strong), 'listed paper')} (twice or more): {names}")
    by_section: dict[str, float] = defaultdict(float)
    for other, w in weight.items():
        tags = G.nodes[other].get("tags") or []
        for tag in tags:
            by_section[tag] += w / len(tags)
    sections = [s for s, _ in sorted(by_section.items(), key=lambda t: (-t[1], t[0]))][:SECTIONS_SHOWN]
    tied = sorted(weight, key=lambda o: -weight[o])
    return {
        "rank": rank, "id": n, "arxiv": d.get("arxiv"), "doi": d.get("doi"), "title": d.get("title"),
        "name": d.get("name"), "year": d.get("year"), "score": round(score, 3),
        "confidence": round(1.0 - math.exp(-score / CONFIDENCE_SCALE), 3) if score > 0 else 0.0,
        "section": sections[0] if sections else None, "sections": sections,
        "lineage": [f"{role} of {_label(G, o)}" for o, role, _, _ in lin],
        "cited_by_listed": len(citers), "cites_listed": len(cited),
        "cocited_listed": int(signals["cocited_listed"]), "coupled_listed": int(signals["coupled_listed"]),
        "reasons": reasons, "tied_to": [str(o) for o in tied],
    }
