"""Families: a child's parent among the papers sharing its name stem.

Within a family a child gets one family parent, found among its closest
elders by :class:`_FamilyIndex`; homonyms (papers of one name by other
teams) need tying evidence (citation, authors, repository) to be linked.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from typing import Any
from collections.abc import Iterable

import networkx as nx

from citegraph.analysis.lineage.evidence import (
    _evidence,
    _mentioned,
    _not_earlier,
    _Paper,
    _sort_date,
    _support,
)
from citegraph.analysis.lineage.scoring import _confidence
from citegraph.text.names import name_key

# A child whose closest elders in its family show no tie to it is not linked
# to a more distant one: this bounds the work of a family of n papers by
# n * _FAMILY_TRIES support checks instead of n².
_FAMILY_TRIES = 8


class _FamilyIndex:
    """A family's members by variant, ordered by (version, date): parents are found by bisection.

    Ranking members one by one for every child made a family of n papers
    cost n² (a list of 5,000 "Paper N: ..." titles took minutes).
    """

    def __init__(self, members: list[_Paper]) -> None:
        groups: dict[str, list[tuple[tuple[float, tuple[int, int, int], int], _Paper]]] = defaultdict(list)
        for i, p in enumerate(members):
            if p.parsed is not None and p.date is not None:
                # -i: among equal versions and dates, the member listed first ranks first
                groups[p.parsed.variant].append(((p.parsed.version or 0.0, p.date, -i), p))
        self.groups = {v: sorted(g, key=lambda t: t[0]) for v, g in groups.items()}
        self.versions = {v: [t[0][0] for t in g] for v, g in self.groups.items()}

    def parents(self, child: _Paper) -> Iterable[_Paper]:
        """Eligible family parents of ``child``, best first (see the module docstring).

        The closest lower version of its own variant first, then (for a
        variant) the base models, highest version and latest first; all
        earlier than the child.
        """
        c = child.parsed
        if c is None or child.date is None:
            return
        cv = c.version or 0.0
        # same variant, lower version: "the same model again" or a homonym otherwise
        group = self.groups.get(c.variant, [])
        below = bisect.bisect_left(self.versions.get(c.variant, []), cv)
        for k in range(below - 1, -1, -1):
            p = group[k][1]
            if p.id != child.id and _not_earlier(child, p):
                yield p
        if c.variant:
            for _, p in reversed(self.groups.get("", [])):
                if p.id != child.id and _not_earlier(child, p):
                    yield p


# Evidence that ties two particular papers, not just two names: what picks one
# paper among several of the same name ("list" and "mention" fit every homonym alike).
_TYING_KINDS = frozenset({"citation", "authors", "repo"})


def _ties(items: list[dict[str, str]]) -> bool:
    return any(i["kind"] in _TYING_KINDS for i in items)


def _family_parent(
    G: nx.DiGraph[Any],
    child: _Paper,
    index: _FamilyIndex,
    aliases: dict[Any, set[str]],
    named: dict[Any, dict[str, list[tuple[int, int]]]],
    lines: dict[str, list[int]],
) -> tuple[_Paper, list[dict[str, str]]] | None:
    """The best supported of the child's closest elders in its family, and its support.

    Up to :data:`_FAMILY_TRIES` elders are scored, closest first.  The first
    with tying evidence (citation, authors, repository) wins; elders that
    share one name (two "CoDi" papers) are weighed together, the most
    confident of them with tying evidence winning, as only such evidence
    says which of them the child follows.  Without tying evidence, the
    closest elder of a name of its own with weaker support (``list``,
    ``mention``) is the parent.
    """
    elders = list(itertools.islice(index.parents(child), _FAMILY_TRIES))
    by_name: dict[str, list[_Paper]] = defaultdict(list)
    for p in elders:
        by_name[name_key(p.name or "")].append(p)
    weak: tuple[_Paper, list[dict[str, str]]] | None = None
    for group in by_name.values():  # in the order of each name's closest elder
        scored = []
        for parent in group:
            support = _support(G, child, parent, lines)
            if _mentioned(child, parent, aliases, named):
                support.append(_evidence("mention", f"the child's text names {parent.name}"))
            scored.append((parent, support))
        tied = [(p, sup) for p, sup in scored if _ties(sup)]
        if tied:  # max keeps the first (closest) of equals
            return max(tied, key=lambda t: _confidence(t[1], G, child.id, t[0].id))
        if len(group) == 1 and scored[0][1] and weak is None:
            weak = scored[0]
    return weak


def _settle_homonyms(
    G: nx.DiGraph[Any],
    papers: dict[Any, _Paper],
    candidates: dict[tuple[Any, Any], list[dict[str, str]]],
    family_of: dict[tuple[Any, Any], str | None],
    bound: frozenset[tuple[Any, Any]] = frozenset(),
) -> None:
    """Where a child's statement names several earlier papers of one name, keep one or none.

    "CoDi-2 extends CoDi" fits both CoDi papers; only citation, authors or a
    repository can say which.  The best supported of those with such evidence
    stays (the most confident, then the latest); without any, none does.
    ``bound``: pairs a citation context ties, which win over the rest.
    """
    groups: dict[tuple[Any, str], list[tuple[Any, Any]]] = defaultdict(list)
    for pid, cid in candidates:
        if papers[pid].name:
            groups[(cid, name_key(papers[pid].name))].append((pid, cid))
    for keys in groups.values():
        if len(keys) < 2:
            continue
        if any(k in bound for k in keys):  # a citation context names exactly one of them
            tied = [k for k in keys if k in bound]
        else:
            tied = [k for k in keys if _ties(candidates[k])]
        keep = max(
            tied,
            key=lambda k: (_confidence(candidates[k], G, k[1], k[0]), _sort_date(papers[k[0]])),
            default=None,
        )
        for k in keys:
            if k != keep:
                del candidates[k], family_of[k]


class _FamilyNames(dict[str, str]):
    """``stem -> display name``, worked out for the families that links use only."""

    def __init__(self, by_stem: dict[str, list[_Paper]]) -> None:
        super().__init__()
        self.by_stem = by_stem

    def __missing__(self, stem: str) -> str:
        name = self[stem] = _family_display(self.by_stem[stem])
        return name


def _family_display(members: list[_Paper]) -> str:
    """The family's name as people write it: the stem part of its earliest member's name."""
    first = min(members, key=_sort_date)
    name = first.name or ""
    stem = first.parsed.stem if first.parsed else name_key(name)
    # take the shortest prefix of the name whose key equals the stem
    for i in range(1, len(name) + 1):
        if name_key(name[:i]) == stem:
            return name[:i].rstrip("-_ ")
    return name


