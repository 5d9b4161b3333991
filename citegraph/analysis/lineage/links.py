"""Successor links: deciding, weighing and recording them."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx

from citegraph.analysis.lineage.evidence import (
    _cites,
    _evidence,
    _fmt_date,
    _later,
    _not_earlier,
    _Paper,
    _papers,
    _sort_date,
    _source_lines,
    _support,
    _text_statements,
)
from citegraph.analysis.lineage.families import (
    _family_parent,
    _FamilyIndex,
    _FamilyNames,
    _settle_homonyms,
)
from citegraph.analysis.lineage.contexts import context_statements
from citegraph.analysis.lineage.scoring import WEIGHTS, _confidence, lineage_kind
from citegraph.text.names import GENERIC_PREFIXES, well_known_names

__all__ = ["WEIGHTS", "successors", "annotate_lineage"]

# Family members that are no model: a benchmark or data set named after the family (SEED-Bench)
_NOT_A_MODEL_VARIANT = re.compile(r"(?:bench(?:mark)?|dataset|data|eval|arena|test)$")



def successors(G: nx.DiGraph[Any], *, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Successor links ``parent → child`` with evidence and confidence.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph (list text, authors, repos, citations with intents).
    min_confidence : float
        Drop links below this confidence.

    Returns
    -------
    list of dict
        ``{"parent": {...}, "child": {...}, "confidence", "evidence", "family", "kind"}``
        where a paper is ``{"id", "arxiv", "title", "name", "year"}``,
        ``evidence`` a list of ``{"kind", "detail"}`` (items quoting words
        also ``"source"``: ``list``, ``abstract``, ``tldr`` or ``context``)
        with ``kind`` one of :data:`EVIDENCE_KINDS` (below), ``family`` the
        family stem's display name when the link is within a family, and
        ``kind`` ``version`` (the same team's next model) or ``derived``
        (another team's model trained from the parent's; see
        :func:`~citegraph.analysis.lineage.scoring.lineage_kind`).  Sorted by
        parent date, then child date.

    Notes
    -----
    A *successor link* ``parent → child`` says the child's model is built from the
    parent's (a new version, a fine-tune, an extension).  Each link carries the
    evidence found for it, a list of ``{"kind", "detail"}`` items, and a
    confidence in 0..1.  These are all the kinds (:data:`~citegraph.analysis.lineage.evidence.EVIDENCE_KINDS`), with
    their weight and what ``detail`` says:

    ``text`` (0.70)
        The child's own text says it builds on the parent: "built on X",
        "initialized from X", "advanced version of X", 基于X构建, 在X的基础上,
        X的升级版, 其前身X, "X as its tokenizer or backbone" ...  Detail: the
        child's words around the mention, at most about 100 characters, cut at
        a word and marked ``…`` where cut; ``source`` says which words: the
        list's notes (``list``), the API's ``abstract`` or ``tldr``.
    ``context`` (0.75)
        A citation context of the child → parent citation (the child's
        sentence citing the parent) says the child descends from it:
        "initialized from X [4]", "fine-tune a pretrained Stable Diffusion
        [52] checkpoint", "our accelerated X [7] model", "follows X".  It
        binds the words to that one cited paper, so no homonym doubts it.
        Contexts that *use* the parent instead (a frozen encoder, a judge or
        reward, a baseline, data it generated, its abilities distilled) are
        no evidence.  Detail: the context quoted; ``source`` is ``context``.
    ``citation`` (0.20)
        The child cites the parent, or only the parent's revised preprint cites
        the child.  Detail: which of the two, and whether the citation was a
        cycle (the two cite each other) broken by date.
    ``intent`` (0.25)
        The API marks that citation *methodology*.
    ``influential`` (0.20)
        The API marks that citation influential.
    ``authors`` (0.25 for one, 0.35 for two or more, 0.45 for half the smaller author list or more)
        Shared authors.  Detail: ``"2 shared: Ada Lovelace, Alan Turing"`` (the
        first three, then ``+N``).
    ``name`` (0.40)
        Same family: the child's name is the parent's stem with a version or
        variant (Foo → Foo-2, FooFlow).  Detail: ``"Foo-2 is in the Foo family"``.
    ``repo`` (0.35 same repository, 0.15 same organisation)
        The list links the same GitHub repository or organisation for both.
        Detail: ``"same repository github.com/org/repo"`` or ``"same
        organisation github.com/org"``.
    ``mention`` (0.15)
        The child's text names the parent, with no builds-on phrase around it
        (only for papers of one family).  Detail: ``"the child's text names Foo"``.
    ``list`` (0.20)
        The list names both in one item: the same notes, or, for papers without
        notes, the same line or lines at most 3 apart in one file with no other
        paper's line between.  Papers with different notes are different items
        (neighbours in a bullet list), however close.  Detail: ``"the list gives
        both the same notes"`` or ``"listed together in FILE: the parent at line
        20, the child at line 21"``.
    ``date`` (0.05)
        The child is later (or of the same year, one of the two dated by year
        alone).  Detail: ``"2024-05 → 2024-07"`` (arXiv month, else
        year; parent first).

    Confidence is the noisy-OR of the weights, ``1 - prod(1 - w)``: each item is
    independent support, more support never lowers it, and one weak item alone
    stays low (text alone 0.72 < text + citation + intent 0.84 < ... ).

    A link needs the child to be later than the parent (by arXiv id month when
    both have one, else by year; in the same year with a month missing, neither
    is earlier, and the names or the statement give the order) and either a
    ``text`` statement, or ``name`` plus some support
    (``citation``, ``authors``, ``repo``, ``list`` or ``mention``), or an influential
    methodology citation between papers sharing authors.  Sharing a name alone
    is never enough: homonyms (two unrelated "CoDi" papers) stay apart.  Nor is a
    statement about the parent's outputs or a benchmark built on them ("we build
    a benchmark on X outputs", "X-generated data", 基于X构建了一个基准), and
    comparisons ("outperforms X", "unlike X", 与X相比) are no statements at all, nor
    are denials ("does not build on X", "rather than fine-tuning X", 不是基于X,
    没有在X的基础上) and statements about another paper ("prior work that builds
    on X", "Foo, which builds on X").  A bare comma joins a name to a cue only
    through other known names ("built on Foo, X"), not through other words
    ("Based on our experiments, X is slow").  When a statement names several
    earlier papers of one name, only citation, authors or repository evidence
    picks one of them; without it, none is linked.
    Within a family a child gets one family parent: the closest lower version of
    its own variant, else the latest earlier base model (``Janus-Pro`` descends
    from ``Janus``, not from its sibling ``JanusFlow``).  Of its eight closest
    elders, the closest with citation, authors or repository evidence wins, else
    the closest with ``list`` or ``mention`` support; elders sharing one name
    (homonyms) need citation, authors or repository evidence, the most confident
    of them winning.  So a family of n papers needs at most 8n support checks,
    not n².  Two preprints citing each
    other get one link, in date order, and its ``citation`` item says the cycle
    was broken; :func:`lineage_report` with ``main_path`` reports the citations
    left out of the citation network's main path (running back in time, or
    closing a cycle).

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> _ = add_paper(G, "j", title="Janus: Decoupling Visual Encoding", arxiv="2410.13848",
    ...               authors=["Chengyue Wu", "Xiaokang Chen"])
    >>> _ = add_paper(G, "p", title="Janus-Pro: Unified Multimodal Understanding", arxiv="2501.17811",
    ...               authors=["Xiaokang Chen", "Zhiyu Wu"])
    >>> _ = add_paper(G, "f", title="JanusFlow: Harmonizing Autoregression", arxiv="2411.07975",
    ...               authors=["Yiyang Ma", "Chengyue Wu"])
    >>> add_link(G, "p", "j", "cites", intents=["methodology"], is_influential=True)
    >>> [(l["parent"]["name"], l["child"]["name"], l["confidence"]) for l in successors(G)]
    [('Janus', 'JanusFlow', 0.573), ('Janus', 'Janus-Pro', 0.795)]
    """
    papers, aliases = _papers(G)
    statements, named = _text_statements(papers, aliases)
    # a context binds a name to the cited paper, so there even the names its title does not give count
    forms_of = {
        p.id: list(dict.fromkeys(([p.name] if p.name else []) + sorted(aliases.get(p.id, ()))
                                 + list(well_known_names(G.nodes[p.id].get("title")))))
        for p in papers.values()
    }
    told, used = context_statements(G, forms_of)
    by_stem: dict[str, list[_Paper]] = defaultdict(list)
    for p in papers.values():
        if p.parsed:
            by_stem[p.parsed.stem].append(p)
    display = _FamilyNames(by_stem)
    lines = _source_lines(G)

    candidates: dict[tuple[Any, Any], list[dict[str, str]]] = {}
    family_of: dict[tuple[Any, Any], str | None] = {}

    def date_item(child: _Paper, parent: _Paper) -> dict[str, str]:
        return _evidence("date", f"{_fmt_date(parent.date)} → {_fmt_date(child.date)}")

    for pid, cid in dict.fromkeys([*statements, *told]):
        parent, child = papers[pid], papers[cid]
        if not _not_earlier(child, parent):
            continue
        if not _later(child, parent) and ((cid, pid) in statements or (cid, pid) in told):
            continue  # each says it builds on the other, and the dates cannot tell which came first
        items = []
        if (pid, cid) in statements:
            quote, source = statements[(pid, cid)]
            items.append(_evidence("text", quote, source))
        if (pid, cid) in told:
            items.append(_evidence("context", told[(pid, cid)], "context"))
        items += _support(G, child, parent, lines)
        stem = child.parsed.stem if parent.parsed and child.parsed and parent.parsed.stem == child.parsed.stem else None
        if stem is not None:
            items.append(_evidence("name", f"{child.name} is in the {display[stem]} family"))
        candidates[(pid, cid)] = items + [date_item(child, parent)]
        family_of[(pid, cid)] = display[stem] if stem is not None else None
    _settle_homonyms(G, papers, candidates, family_of, bound=frozenset(told))

    stated = {cid for (pid, cid), fam in family_of.items() if fam}
    for stem, members in by_stem.items():
        if len(members) < 2 or stem in GENERIC_PREFIXES:
            continue
        index = _FamilyIndex(members)
        for child in members:
            if child.id in stated or _NOT_A_MODEL_VARIANT.search(child.parsed.variant if child.parsed else ""):
                continue  # the text already names its family parent, or SEED-Bench is a benchmark, not a SEED
            found = _family_parent(G, child, index, aliases, named, lines)
            if found and (found[0].id, child.id) not in used:  # a context says it only uses the parent
                parent, support = found
                items = [_evidence("name", f"{child.name} is in the {display[stem]} family")]
                candidates[(parent.id, child.id)] = items + support + [date_item(child, parent)]
                family_of[(parent.id, child.id)] = display[stem]

    # strong API evidence alone: an influential methodology citation among co-authors
    for u, v, d in G.edges(data=True):
        if (v, u) in candidates or (v, u) in used or "cites" not in d.get("kinds", [d.get("kind")]):
            continue
        if not (d.get("is_influential") and "methodology" in (d.get("intents") or [])):
            continue
        if d.get("contexts") and (v, u) not in told:
            continue  # the child's own sentences citing the parent are there, and state no descent
        child, parent = papers[u], papers[v]
        # undated order (same year, a month missing): the citation gives it, unless it runs both ways
        in_order = _later(child, parent) or (
            _not_earlier(child, parent) and not _cites(G, v, u) and (u, v) not in candidates
        )
        support = _support(G, child, parent, lines)
        if in_order and any(i["kind"] == "authors" for i in support):
            candidates[(v, u)] = support + [date_item(child, parent)]
            family_of[(v, u)] = None

    links: list[dict[str, Any]] = []
    for (pid, cid), items in candidates.items():
        conf = _confidence(items, G, cid, pid)
        if conf < min_confidence:
            continue
        links.append(
            {
                "parent": _paper_dict(G, papers[pid]),
                "child": _paper_dict(G, papers[cid]),
                "confidence": conf,
                "evidence": items,
                "family": family_of[(pid, cid)],
                "kind": lineage_kind(items, family_of[(pid, cid)] is not None, G.nodes[pid], G.nodes[cid]),
            }
        )
    links.sort(key=lambda link: (
        _sort_date(papers[link["parent"]["id"]]), _sort_date(papers[link["child"]["id"]]), str(link["child"]["id"])
    ))
    return links


def _paper_dict(G: nx.DiGraph[Any], p: _Paper) -> dict[str, Any]:
    d = G.nodes[p.id]
    year = d.get("year") or (p.date[0] if p.date else None)
    return {"id": p.id, "arxiv": d.get("arxiv"), "title": d.get("title"), "name": p.name, "year": year}


def annotate_lineage(G: nx.DiGraph[Any], links: list[dict[str, Any]] | None = None) -> int:
    """Record successor links in ``G`` as ``builds_on`` edges child → parent; return how many.

    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818")
    >>> _ = add_paper(G, "b", title="Anole: An Open Model", arxiv="2407.06135",
    ...               text="We build Anole on top of Chameleon.")
    >>> annotate_lineage(G), G.edges["b", "a"]["kind"], G.edges["b", "a"]["confidence"]
    (1, 'builds_on', 0.715)
    """
    from citegraph.graph.model import add_link

    if links is None:
        links = successors(G)
    for l in links:
        add_link(
            G,
            l["child"]["id"],
            l["parent"]["id"],
            "builds_on",
            evidence=[dict(e) for e in l["evidence"]],
            confidence=l["confidence"],
            lineage_kind=l.get("kind") or "derived",
        )
    return len(links)


