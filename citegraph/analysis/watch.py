"""What is new around a list since the last look: new citers, new family members, new versions.

:func:`watch_state` is what one ``citegraph watch`` run saw (kept in the cache):
the unlisted papers citing each listed one, the papers a name search found in
each listed model family, and each listed paper's record (title, venue, year,
DOI).  :func:`watch_changes` compares two states: papers seen now and never
before are ``new_citer`` or ``new_family_member`` rows, with the reasons,
sections and confidence of :func:`~citegraph.analysis.suggest.suggest_papers`;
a listed preprint whose record gained a venue or DOI, or changed its title, is
a ``new_version`` row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from collections.abc import Hashable, Iterable, Mapping, Sequence

import networkx as nx
import pandas as pd

from citegraph.text.names import family_stem
from citegraph.analysis.suggest import SUGGEST_COLUMNS, suggest_papers
from citegraph.graph.model import has_kind
from citegraph.text.names import model_name

__all__ = ["WATCH_COLUMNS", "CHANGES", "family_names", "family_members", "watch_state", "watch_changes"]

WATCH_COLUMNS = ["change", *SUGGEST_COLUMNS]
CHANGES = ("new_family_member", "new_citer", "new_version")
_RECORD_KEYS = ("title", "venue", "year", "doi", "arxiv")


def family_names(G: nx.DiGraph[Hashable]) -> list[str]:
    """One search name per model family of the listed papers, biggest family first.

    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> for k, n in [("a", "Janus"), ("b", "Janus-Pro"), ("c", "Emu3"), ("d", None)]:
    ...     _ = add_paper(G, k, title=k, name=n, listed=True)
    >>> family_names(G)
    ['Janus', 'Emu3']
    """
    by_stem: dict[str, list[str]] = defaultdict(list)
    for _, d in G.nodes(data=True):
        if d.get("listed") and d.get("name"):
            by_stem[family_stem(d["name"])].append(str(d["name"]))
    ranked = sorted(by_stem.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [min(names, key=lambda n: (len(n), n)) for stem, names in ranked if stem]


def family_members(name: str, records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The records whose title names a model of ``name``'s family.

    >>> family_members("Janus", [{"paperId": "x", "title": "JanusFlow: Harmonizing Autoregression"},
    ...                          {"paperId": "y", "title": "Janus-Pro: Unified Multimodal"},
    ...                          {"paperId": "z", "title": "Two-faced Janus in myth"}])[0]["paperId"]
    'y'
    """
    stem = family_stem(name)
    out = []
    for rec in records:
        found = model_name(rec.get("title"))
        if found and family_stem(found) == stem:
            out.append(dict(rec))
    return out


def watch_state(G: nx.DiGraph[Hashable], family: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """What a watch run saw: ``citers`` and ``records`` per listed paper, ``family`` per name searched."""
    citers: dict[str, list[str]] = {}
    records: dict[str, dict[str, Any]] = {}
    for n, d in G.nodes(data=True):
        if not d.get("listed"):
            continue
        citers[str(n)] = sorted(str(u) for u in G.predecessors(n)
                                if has_kind(G.edges[u, n], "cites") and not G.nodes[u].get("listed"))
        records[str(n)] = {k: d.get(k) for k in _RECORD_KEYS}
    return {"citers": citers, "family": {k: sorted(map(str, v)) for k, v in family.items()}, "records": records}


def _seen(state: Mapping[str, Any]) -> set[str]:
    return {p for ids in state.get("citers", {}).values() for p in ids} | {
        p for ids in state.get("family", {}).values() for p in ids}


def _new_version(before: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    said = []
    if now.get("doi") and not before.get("doi"):
        said.append(f"now has a DOI: {now['doi']}")
    venue, old = now.get("venue"), before.get("venue")
    if venue and venue != old and "arxiv" not in str(venue).lower():
        said.append(f"now published in {venue}" + (f" (was {old})" if old else ""))
    if now.get("title") and before.get("title") and now["title"] != before["title"]:
        said.append(f"title now “{now['title']}” (was “{before['title']}”)")
    return said


def watch_changes(
    G: nx.DiGraph[Hashable],
    before: Mapping[str, Any] | None,
    now: Mapping[str, Any],
    *,
    links: Sequence[dict[str, Any]] | None = None,
    since_year: int | None = None,
) -> pd.DataFrame:
    """What ``now`` holds that ``before`` did not, as rows of :data:`WATCH_COLUMNS`.

    Parameters
    ----------
    before
        The state of an earlier run (``None``: no run before; then only papers
        of ``since_year`` or later count as new, and with no year nothing does).
    since_year
        With no earlier run, the first year counted as new.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Listed", listed=True, tags=["Vision"])
    >>> _ = add_paper(G, "old", title="Old citer"); _ = add_paper(G, "new", title="New citer")
    >>> add_link(G, "old", "a", "cites"); before = watch_state(G, {})
    >>> add_link(G, "new", "a", "cites")
    >>> watch_changes(G, before, watch_state(G, {}))[["change", "id", "section"]].values.tolist()
    [['new_citer', 'new', 'Vision']]
    """
    if before is None and since_year is None:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    seen = _seen(before or {})
    listed = {str(n) for n, d in G.nodes(data=True) if d.get("listed")}
    family_of: dict[str, str] = {}
    for name, ids in now.get("family", {}).items():
        for p in ids:
            family_of.setdefault(p, name)
    searched = set(family_of)
    citing = {p for ids in now.get("citers", {}).values() for p in ids}
    fresh = sorted((citing | set(family_of)) - seen - listed)
    stems = {family_stem(str(d["name"])): str(d["name"]) for _, d in G.nodes(data=True)
             if d.get("listed") and d.get("name")}
    for p in fresh:  # a new citer whose title names a listed model's family is a member too
        found = model_name(G.nodes[p].get("title")) if p in G and p not in family_of else None
        if found and family_stem(found) in stems:
            family_of[p] = stems[family_stem(found)]
    if before is None:
        fresh = [p for p in fresh if p in G and (G.nodes[p].get("year") or 0) >= (since_year or 0)]
    frame = suggest_papers(G, links=links, top=None)
    by_id = {str(r["id"]): r for r in frame.to_dict("records")}
    rows = []
    for p in fresh:
        row = dict(by_id.get(p) or _bare_row(G, p))
        if p in family_of:
            row["change"] = "new_family_member"
            how = "found by name search" if p in searched else "found among the citers"
            row["reasons"] = [f"its name is of the listed {family_of[p]} family ({how})", *row["reasons"]]
            if not row["section"]:
                row["sections"] = _family_sections(G, family_of[p])
                row["section"] = row["sections"][0] if row["sections"] else None
        else:
            row["change"] = "new_citer"
        rows.append(row)
    for p, rec in sorted(now.get("records", {}).items()):
        old = (before or {}).get("records", {}).get(p)
        said = _new_version(old, rec) if old else []
        if said and p in G:
            row = _bare_row(G, p)
            row.update(change="new_version", reasons=said, sections=list(G.nodes[p].get("tags") or [])[:3])
            row["section"] = row["sections"][0] if row["sections"] else None
            rows.append(row)
    order = {c: i for i, c in enumerate(CHANGES)}
    rows.sort(key=lambda r: (order[r["change"]], -(r["score"] or 0), str(r["id"])))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return pd.DataFrame(rows, columns=WATCH_COLUMNS)


def _family_sections(G: nx.DiGraph[Hashable], name: str) -> list[str]:
    stem = family_stem(name)
    count: dict[str, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        if d.get("listed") and d.get("name") and family_stem(d["name"]) == stem:
            for tag in d.get("tags") or []:
                count[tag] += 1
    return [t for t, _ in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))][:3]


def _bare_row(G: nx.DiGraph[Hashable], p: Hashable) -> dict[str, Any]:
    d = G.nodes[p] if p in G else {}
    return {"rank": 0, "id": p, "arxiv": d.get("arxiv"), "doi": d.get("doi"), "title": d.get("title"),
            "name": d.get("name"), "year": d.get("year"), "score": 0.0, "confidence": 0.0, "section": None,
            "sections": [], "lineage": [], "cited_by_listed": 0, "cites_listed": 0, "cocited_listed": 0,
            "coupled_listed": 0, "reasons": [], "tied_to": []}
