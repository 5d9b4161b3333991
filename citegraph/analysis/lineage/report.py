"""Lineage reports: families, trees in text and Markdown, JSON, and the main path."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import networkx as nx

from citegraph.analysis.lineage.evidence import _date_key, _node_names, _own_text
from citegraph.analysis.lineage.links import successors
from citegraph.analysis.lineage.statements import shorten
from citegraph.analysis.mainpath import main_path
from citegraph.text.names import family_stem, name_key
from citegraph.text.wording import paper_label, plural

__all__ = ["families", "lineage_report"]

def families(G: nx.DiGraph[Any], *, links: list[dict[str, Any]] | None = None) -> dict[str, list[Any]]:
    """Model families: papers sharing a name stem *and* tied by a successor link.

    Homonyms share a stem but no evidence, so they are not put together.

    Returns
    -------
    dict
        ``{family name: [paper ids, oldest first]}``; a stem split into
        unrelated groups gets ``"Name (2)"`` for the second group.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="CoDi: Any-to-Any Generation", arxiv="2305.11846", authors=["Zineng Tang"])
    >>> _ = add_paper(G, "b", title="CoDi: Subject-Consistent Generation", arxiv="2507.08396", authors=["Zhan Gao"])
    >>> families(G)
    {}
    """
    if links is None:
        links = successors(G)
    H: nx.Graph[Any] = nx.Graph()
    labels: dict[Any, str] = {}
    for l in links:
        if l["family"]:
            H.add_edge(l["parent"]["id"], l["child"]["id"])
            labels[l["child"]["id"]] = labels[l["parent"]["id"] ] = l["family"]
    papers = {n: _date_key(G.nodes[n]) or (9999, 0, 0) for n in H}
    out: dict[str, list[Any]] = {}
    for comp in sorted(nx.connected_components(H), key=lambda c: min(papers[n] for n in c)):
        members = sorted(comp, key=lambda n: (papers[n], str(n)))
        label = labels[members[0]]
        key, i = label, 2
        while key in out:
            key, i = f"{label} ({i})", i + 1
        out[key] = members
    return out




def _brief(link: dict[str, Any]) -> str:
    parts = []
    for e in link["evidence"]:
        if e["kind"] in ("text", "context"):
            where = e.get("source") if e.get("source") not in (None, "list") else e["kind"]
            parts.append(f'{where} "{shorten(e["detail"], 70)}"')
        elif e["kind"] == "authors":
            n = int(e["detail"].split()[0])
            parts.append(f"{n} shared author{'s' if n != 1 else ''}")
        elif e["kind"] in ("repo",) or e["kind"] == "date":
            parts.append(e["detail"])
        else:
            parts.append(e["kind"])
    kind = f"{link['kind']} " if link.get("kind") else ""
    return f"{kind}{link['confidence']:.2f}: " + "; ".join(parts)


def _label(p: dict[str, Any]) -> str:
    name = paper_label(p)
    ident = f"arXiv:{p['arxiv']}" if p.get("arxiv") else str(p["id"])
    year = f" ({p['year']})" if p.get("year") else ""
    return f"{name}{year} {ident}"


# Markdown's ASCII punctuation that can start markup inside a list item;
# names and quotes come from the lists and must stay text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
_MD_LEADING = re.compile(r"^(\d{0,9})([-+=.)])(?=\s|$)")  # would start a list, rule or heading underline


def _md_text(text: str) -> str:
    """``text`` escaped so Markdown shows it as written.

    >>> print(_md_text("x_1 *[a](b)* <i>"))
    x\\_1 \\*\\[a\\](b)\\* \\<i\\>
    >>> print(_md_text("2024. Model"), _md_text("- x"))
    2024\\. Model \\- x
    """
    return _MD_LEADING.sub(lambda m: m[1] + "\\" + m[2], _MD_SPECIAL.sub(lambda m: "\\" + m[1], text))


def _trees(links: list[dict[str, Any]], fmt: str) -> list[str]:
    """The links as trees, roots oldest first: box-drawing in text, nested lists in Markdown.

    Each level is indented by the same width, and in text a ``│`` runs down
    from every node whose younger siblings are still to come.  A paper with
    several parents is drawn in full once and marked ``(see above)`` after.
    """
    children: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    info: dict[Any, dict[str, Any]] = {}
    has_parent = set()
    for l in links:
        children[l["parent"]["id"]].append(l)
        info[l["parent"]["id"]] = l["parent"]
        info[l["child"]["id"]] = l["child"]
        has_parent.add(l["child"]["id"])
    roots = [n for n in info if n not in has_parent]
    lines: list[str] = []
    shown: set[Any] = set()

    def walk(node: Any, prefix: str, via: dict[str, Any] | None, last: bool) -> None:
        again = node in shown
        label, brief = _label(info[node]) + (" (see above)" if again else ""), _brief(via) if via else ""
        if fmt == "md":
            label, brief = _md_text(label), _md_text(brief)
        text = label + (f"  [{brief}]" if via else "")
        if fmt == "md":
            lines.append(f"{prefix}- {text}")
            below = prefix + "  "
        elif via is None:
            lines.append(text)
            below = ""
        else:
            lines.append(f"{prefix}{'└─ ' if last else '├─ '}{text}")
            below = prefix + ("   " if last else "│  ")
        if again:
            return
        shown.add(node)
        kids = sorted(children.get(node, []), key=lambda l: (str(l["child"].get("year")), str(l["child"]["id"])))
        for i, l in enumerate(kids):
            walk(l["child"]["id"], below, l, i == len(kids) - 1)

    for root in sorted(roots, key=lambda n: (str(info[n].get("year")), str(n))):
        walk(root, "", None, True)
    return lines


def lineage_report(
    G: nx.DiGraph[Any],
    *,
    fmt: str = "text",
    family: str | None = None,
    min_confidence: float = 0.3,
    main_path: bool = False,
    links: list[dict[str, Any]] | None = None,
) -> str:
    """Lineage as indented trees (``text``/``md``) or JSON (``json``).

    Trees group the successor links into connected lineages, each headed by
    its roots and the families it contains; every child shows its year, id,
    confidence and evidence in brief.  ``family`` keeps the lineages
    containing that family (by name or stem).  ``links`` is
    :func:`successors` of ``G`` when the caller already has it (any
    ``min_confidence`` lower than this one's); it is not recomputed.

    ``main_path`` adds the global main path (SPC) of the citation network,
    with the steps that go back in time marked, and the citations left out
    of it: those citing a paper more than a year newer (``time_reversed``)
    and those dropped to break cycles (``broken_cycles``).  With ``family``,
    only the left-out citations touching that family's papers.  Text and
    Markdown give their number and the first ten; JSON gives them all, as
    ``{"links": [...], "main_path": [papers], "time_reversed": [[citing,
    cited], ...], "broken_cycles": [[citing, cited], ...]}`` instead of the
    bare list of links.

    Raises
    ------
    citegraph.errors.UsageError
        For an unknown ``fmt`` or a ``family`` that names no family.

    Examples
    --------
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph()
    >>> _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Models", arxiv="2405.09818", year=2024)
    >>> _ = add_paper(G, "b", title="Anole: An Open Model", arxiv="2407.06135", year=2024,
    ...               text="We build Anole on top of Chameleon.")
    >>> print(lineage_report(G))
    Lineage 1: Chameleon lineage
    Chameleon (2024) arXiv:2405.09818
    └─ Anole (2024) arXiv:2407.06135  [derived 0.71: text "We build Anole on top of Chameleon."; 2024-05 → 2024-07]
    """
    from citegraph.errors import UsageError

    if fmt not in ("text", "md", "json"):
        raise UsageError(f"format must be text, md or json, not {fmt!r}")
    if links is None:
        links = successors(G, min_confidence=min_confidence)
    else:
        links = [l for l in links if l["confidence"] >= min_confidence]
    members: set[Any] | None = None
    if family:
        links, members = _filter_family(links, family)
    field = _field_lineage(G, links, members) if main_path else None
    if fmt == "json":
        payload: Any = links if field is None else {"links": links, **field}
        return json.dumps(payload, ensure_ascii=False, indent=1, default=str)
    lines: list[str] = []
    H: nx.Graph[Any] = nx.Graph()
    for l in links:
        H.add_edge(l["parent"]["id"], l["child"]["id"])
    if fmt == "md":
        lines.append("# Model lineage\n")
    comps = sorted(nx.connected_components(H), key=lambda c: min(str(x) for x in c))
    comp_of = {n: i for i, comp in enumerate(comps) for n in comp}
    parts: list[list[dict[str, Any]]] = [[] for _ in comps]
    for l in links:
        parts[comp_of[l["child"]["id"]]].append(l)
    for i, part in enumerate(parts, start=1):
        fams = sorted({l["family"] for l in part if l["family"]})
        roots = {l["parent"]["id"] for l in part} - {l["child"]["id"] for l in part}
        parent_of: dict[Any, dict[str, Any]] = {}
        for l in part:
            parent_of.setdefault(l["parent"]["id"], l["parent"])
        names = [parent_of[r].get("name") or str(r) for r in sorted(roots, key=str)]
        # Name a tree by its roots; a family only heads it when the roots belong to it, else
        # "Janus family" would head a tree that starts at VQ-VAE.
        rooted = [f for f in fams if any(name_key(n).startswith(name_key(f)) for n in names)]
        if fams and len(rooted) == len(fams):
            head = ", ".join(f"{f} family" for f in fams)
        else:
            others = [f for f in fams if f not in rooted]
            head = f"{', '.join(names)} lineage"
            if others:
                head += f" (with the {', '.join(others)} {plural(len(others), 'family', 'families', count=False)})"
        lines.append(f"## {_md_text(head)}" if fmt == "md" else f"Lineage {i}: {head}")
        lines.extend(_trees(part, fmt))
        if fmt == "md":
            lines.append("")
    if not links:
        lines.append("No successor links found" + (f" for family {family!r}" if family else "") + ".")
    if field is not None:
        if fmt == "md" and lines[-1]:
            lines.append("")
        lines.extend(_field_lines(G, links, field, fmt, family))
    return "\n".join(lines).rstrip() + "\n" if fmt == "md" else "\n".join(lines)


# Text and Markdown show this many of the citations left out of the main path;
# JSON has them all.  A fetched field has hundreds, which drowned the lineage.
_SHOWN_DROPPED = 10


def _field_lineage(G: nx.DiGraph[Any], links: list[dict[str, Any]], members: set[Any] | None) -> dict[str, Any]:
    """The main path as papers, and the citations left out of it (touching ``members`` if given)."""
    result = main_path(G)  # the imported function: only inside lineage_report does its flag shadow it
    named = _link_names(links)
    mp = [
        {"id": n, "arxiv": G.nodes[n].get("arxiv"), "title": G.nodes[n].get("title"),
         "name": named.get(n) or G.nodes[n].get("name"), "year": G.nodes[n].get("year")}
        for n in result["path"]
    ]

    def touching(pairs: list[list[Any]]) -> list[list[Any]]:
        if members is None:
            return [list(e) for e in pairs]
        return [list(e) for e in pairs if e[0] in members or e[1] in members]

    return {"main_path": mp, "time_reversed": touching(result["time_reversed"]),
            "broken_cycles": touching(result["broken_cycles"])}


def _link_names(links: list[dict[str, Any]]) -> dict[Any, str]:
    """The name each linked paper goes by in ``links``."""
    return {l[side]["id"]: l[side]["name"] for l in links for side in ("parent", "child")}


def _back_in_time(G: nx.DiGraph[Any], earlier: Any, later: Any) -> bool:
    """True when ``later`` (next on the path) is dated before ``earlier``: by month when both
    have an arXiv month, else by year."""
    a, b = _date_key(G.nodes[earlier]), _date_key(G.nodes[later])
    if a is None or b is None:
        return False
    if a[1] and b[1]:
        return b[:2] < a[:2]
    return b[0] < a[0]


def _field_lines(
    G: nx.DiGraph[Any], links: list[dict[str, Any]], field: dict[str, Any], fmt: str, family: str | None
) -> list[str]:
    """The main path and the citations left out of it, as text or Markdown lines."""
    md = fmt == "md"
    lines = ["## Main path"] if md else ["Main path:"]
    mp = field["main_path"]
    back = 0
    for j, p in enumerate(mp, start=1):
        mark = j > 1 and _back_in_time(G, mp[j - 2]["id"], p["id"])
        back += mark
        label = _label(p) + ("  ↩ earlier than the paper before" if mark else "")
        lines.append(f"{j}. {_md_text(label)}" if md else f"  {j}. {label}")
    if not mp:
        lines.append("  (no citations to follow)")
    if back:
        note = (
            f"{plural(back, 'step')} of the main path {'goes' if back == 1 else 'go'} back in time (↩): "
            "a paper cites one up to a year newer, through a preprint revised after the other appeared. "
            "Citations of a paper more than a year newer are left out of the path."
        )
        lines.append(("\n" + note) if md else f"  Note: {note}")
    touching = f" touching the {family} family's papers" if family else ""
    named = _link_names(links)
    for key, title, why in (
        ("time_reversed", "Citations running back in time",
         "left out of the main path, each of a paper more than a year newer than the citing one"),
        ("broken_cycles", "Citation cycles broken by date",
         "dropped, each closing a cycle and running back in time"),
    ):
        pairs = field[key]
        if not pairs:
            continue
        lines.extend(["", f"## {title}"] if md else [f"{title}:"])
        head = f"{plural(len(pairs), 'citation')}{touching} {why}" + (
            f". The first {_SHOWN_DROPPED}, citing → cited:" if len(pairs) > _SHOWN_DROPPED else ", citing → cited:")
        lines.append(_md_text(head) + "\n" if md else f"  {head}")
        shown = pairs[:_SHOWN_DROPPED]
        ids = {n for e in shown for n in e} - set(named)
        names = {**named, **_node_names(G.subgraph(ids), {n: _own_text(G.nodes[n]) for n in ids})}
        for citing, cited in shown:
            text = f"{_short(G, citing, names)} → {_short(G, cited, names)}"
            lines.append(f"- {_md_text(text)}" if md else f"  - {text}")
        if len(pairs) > _SHOWN_DROPPED:
            more = f"… {len(pairs) - _SHOWN_DROPPED} more (all in --format json)"
            lines.append(f"- {_md_text(more)}" if md else f"  {more}")
    return lines


def _short(G: nx.DiGraph[Any], n: Any, names: dict[Any, str]) -> str:
    d = G.nodes[n]
    return f"{names.get(n) or d.get('name') or shorten(str(d.get('title') or n), 80)} [{n}]"


def _filter_family(links: list[dict[str, Any]], family: str) -> tuple[list[dict[str, Any]], set[Any]]:
    """The links of the lineages containing ``family``, and the family's own papers."""
    from citegraph.errors import UsageError

    want = {name_key(family), family_stem(family)}
    H: nx.Graph[Any] = nx.Graph()
    hit = set()
    for l in links:
        H.add_edge(l["parent"]["id"], l["child"]["id"])
        for side in ("parent", "child"):
            name = l[side].get("name") or ""
            in_family = bool(l["family"]) and name_key(l["family"]) in want
            if in_family or name and (name_key(name) in want or family_stem(name) in want):
                hit.add(l[side]["id"])
    if not hit:
        raise UsageError(f"no lineage for family {family!r}")
    keep = set().union(*(nx.node_connected_component(H, n) for n in hit))
    return [l for l in links if l["child"]["id"] in keep], hit

