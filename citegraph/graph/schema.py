"""What a graph file may hold: checked when it is read, so a bad file fails in one line.

A graph file is user-editable JSON, so everything the analyses rely on is
checked before networkx builds the graph: a directed, simple graph; the type
of every node and edge attribute the analyses read (lists of text, whole
numbers, flags); ranges (a year from 1 to 9999, counts that fit in 64 bits,
confidence in 0..1); and how deeply any value nests.  The error names the
file, the paper or link, and the field.  The size limit (``max_bytes``) is
checked before anything is read.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path
from typing import Any

from citegraph.errors import GraphFileError

__all__ = [
    "MAX_BYTES", "MAX_DEPTH", "INT_ATTRS", "TEXT_LIST_ATTRS", "max_bytes", "check_size", "check_node_link",
    "size_words",
]

# The largest graph file read unless CITEGRAPH_MAX_GRAPH_MB says otherwise: a
# JSON graph this big takes minutes and several GB to load (the .npz form is
# the one for big graphs, and has the same limit).
MAX_BYTES = 512 * 2**20
# Deepest nesting of a value (a list in a dict in a list ...) outside the
# known fields; the known ones are checked field by field.
MAX_DEPTH = 16
_MAX_COUNT = 2**53  # exact as a float, far above any real count
# Node attributes holding whole numbers (model.nodes_frame keeps them whole) and
# lists of text (model.add_paper unites them).
INT_ATTRS = frozenset({
    "year", "citation_count", "influential_citation_count", "reference_count",
    "references_fetched", "references_unresolved", "citations_fetched", "corpus_id",
})
_BOOL_ATTRS = frozenset({"listed", "citations_capped"})
_STR_ATTRS = frozenset({"paper_id", "arxiv", "doi", "title", "name", "venue", "text", "abstract", "tldr", "origin"})
TEXT_LIST_ATTRS = frozenset({"authors", "tags", "sources", "repos"})
_EDGE_TEXT_LISTS = frozenset({"intents", "contexts"})
_NODE_KNOWN = INT_ATTRS | _BOOL_ATTRS | _STR_ATTRS | TEXT_LIST_ATTRS | {"id"}
_EDGE_KNOWN = _EDGE_TEXT_LISTS | {"source", "target", "kind", "kinds", "is_influential", "evidence", "confidence"}


def max_bytes() -> int:
    """The size limit: ``$CITEGRAPH_MAX_GRAPH_MB`` megabytes if set, else :data:`MAX_BYTES`.

    >>> max_bytes() == MAX_BYTES or "CITEGRAPH_MAX_GRAPH_MB" in os.environ
    True
    """
    raw = os.environ.get("CITEGRAPH_MAX_GRAPH_MB")
    if not raw:
        return MAX_BYTES
    try:
        return int(float(raw) * 2**20)
    except ValueError:
        raise GraphFileError(f"CITEGRAPH_MAX_GRAPH_MB={raw!r} is not a number of megabytes") from None


def check_size(path: Path) -> None:
    """Refuse, without reading it, a graph file that is not a regular file or is over the limit."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no such graph file") from None
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot read graph file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise GraphFileError(f"{path}: not a graph file (a folder, device or pipe, not a regular file)")
    limit = max_bytes()
    if st.st_size > limit:
        raise GraphFileError(
            f"{path}: {size_words(st.st_size)}, over the {size_words(limit)} limit for a graph file "
            "(set CITEGRAPH_MAX_GRAPH_MB to read it anyway)"
        )


def size_words(n: int) -> str:
    """``"1,024 MB"``, ``"12.5 kB"``, ``"300 bytes"``.

    >>> size_words(2**30), size_words(12_800), size_words(300)
    ('1,024 MB', '12.5 kB', '300 bytes')
    """
    if n >= 2**20:
        return f"{n / 2**20:,.0f} MB"
    return f"{n / 2**10:,.1f} kB" if n >= 2**10 else f"{n:,} bytes"


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            if depth >= limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def _is_int(value: Any) -> bool:
    return type(value) is int


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bool, int, float))


def _check_graph_attrs(graph: Any, path: Path) -> None:
    if not isinstance(graph, dict):
        raise GraphFileError(f"{path}: graph attributes must be an object, not {graph!r:.60}")
    unresolved = graph.get("unresolved")
    if unresolved is not None and (not isinstance(unresolved, list) or not all(
        isinstance(u, dict) and all(_scalar(v) for v in u.values()) for u in unresolved
    )):
        raise GraphFileError(f"{path}: graph attribute unresolved must be a list of objects of text")
    for name, kind in (("fetch", dict), ("merged", list)):
        if graph.get(name) is not None and not isinstance(graph[name], kind):
            raise GraphFileError(f"{path}: graph attribute {name} must be {'an object' if kind is dict else 'a list'}")
    for name, value in graph.items():
        if _too_deep(value):
            raise GraphFileError(f"{path}: graph attribute {name} nests deeper than {MAX_DEPTH} levels")


_ALL_TEXT = object()  # what a list of text holds when nothing in it is not text


def _node_problem(node: dict[str, Any]) -> str | None:
    """The first attribute of ``node`` the model does not allow, said for an error; ``None`` when all are fine."""
    for name in INT_ATTRS.intersection(node):
        value = node[name]
        if value is None:
            continue
        if not _is_int(value):
            what = "a year" if name == "year" else "a whole number"
            return f"{name} {value!r:.60} is not {what}"
        if name == "year" and not 1 <= value <= 9999:
            return f"year {value:.3g} is not a year from 1 to 9999"
        if name != "year" and not 0 <= value <= _MAX_COUNT:
            return f"{name} {value:.3g} is not a count from 0 to 2**53"
    for name in _BOOL_ATTRS.intersection(node):
        if node[name] is not None and not isinstance(node[name], bool):
            return f"{name} {node[name]!r:.60} is not true/false"
    for name in TEXT_LIST_ATTRS.intersection(node):
        value = node[name]
        if value is None:
            continue
        if not isinstance(value, list):
            return f"{name} must be a list, not {value!r:.60}"
        bad = next((v for v in value if not isinstance(v, str)), _ALL_TEXT)  # (the bad item can be None)
        if bad is not _ALL_TEXT:
            return f"{name} must be a list of text, not hold {bad!r:.60}"
    for name in _STR_ATTRS.intersection(node):
        if node[name] is not None and not isinstance(node[name], str):
            return f"{name} must be text, not {node[name]!r:.60}"
    for name in set(node) - _NODE_KNOWN:
        if _too_deep(node[name]):
            return f"{name} nests deeper than {MAX_DEPTH} levels"
    return None


def _ends_problem(src: Any, dst: Any, ids: set[str]) -> str:
    """What is wrong with the ends of a link that is not between two papers of the graph."""
    for end in (src, dst):
        if not isinstance(end, str) or end not in ids:
            return f"{end!r:.60} is not a node of the graph"
    return "a paper linked to itself"


def _edge_problem(edge: dict[str, Any], kinds: tuple[str, ...], known: frozenset[str]) -> str | None:
    """The first attribute of ``edge`` the model does not allow, said for an error; ``None`` when all are fine."""
    if edge.get("kind") not in kinds:
        return f"kind {edge.get('kind')!r:.60} is not one of {', '.join(kinds)}"
    extra = edge.get("kinds")
    if extra is not None and (
        not isinstance(extra, list) or not all(isinstance(k, str) for k in extra) or not known.issuperset(extra)
    ):
        return f"kinds {extra!r:.60} must be a list of {', '.join(kinds)}"
    conf = edge.get("confidence")
    if conf is not None and (
        isinstance(conf, bool) or not isinstance(conf, (int, float)) or not math.isfinite(conf) or not 0 <= conf <= 1
    ):
        return f"confidence {conf!r:.60} is not a number in 0..1"
    origin = edge.get("origin")
    if origin is not None and not isinstance(origin, str):  # audit counts citations by it
        return f"origin must be text, not {origin!r:.60}"
    flag = edge.get("is_influential")
    if flag is not None and not isinstance(flag, bool):
        return f"is_influential {flag!r:.60} is not true/false"
    for name in _EDGE_TEXT_LISTS.intersection(edge):
        value = edge[name]
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            return f"{name} must be a list of text, not {value!r:.60}"
    evidence = edge.get("evidence")
    if evidence is not None and (
        not isinstance(evidence, list)
        or not all(isinstance(e, dict) and isinstance(e.get("kind"), str) and all(_scalar(v) for v in e.values())
                   for e in evidence)
    ):
        return 'evidence must be a list of {"kind", "detail"} objects'
    for name in set(edge) - _EDGE_KNOWN:
        if _too_deep(edge[name]):
            return f"{name} nests deeper than {MAX_DEPTH} levels"
    return None


def check_node_link(data: dict[str, Any], path: Path, kinds: tuple[str, ...]) -> None:
    """Raise :class:`GraphFileError` for anything in node-link ``data`` the model does not allow.

    >>> data = {"directed": True, "graph": {}, "nodes": [{"id": "a", "year": 10**30}], "edges": []}
    >>> check_node_link(data, Path("g.json"), ("cites",))
    Traceback (most recent call last):
    ...
    citegraph.errors.GraphFileError: g.json: node 'a': year 1e+30 is not a year from 1 to 9999
    """
    if data.get("directed", True) is not True:
        raise GraphFileError(f"{path}: an undirected graph (\"directed\": {data.get('directed')!r}); "
                             "citations have a direction: rebuild it with 'citegraph build'")
    if data.get("multigraph", False) is not False:
        raise GraphFileError(f"{path}: a multigraph (\"multigraph\": {data.get('multigraph')!r}); citegraph keeps "
                             "one link per pair of papers: rebuild it with 'citegraph build'")
    nodes, edges = data["nodes"], data["edges"]
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise GraphFileError(f"{path}: not a citegraph graph ('nodes' and 'edges' must be lists)")
    _check_graph_attrs(data.get("graph"), path)
    ids = set()
    for i, node in enumerate(nodes):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            raise GraphFileError(f"{path}: node #{i + 1} has no string 'id'")
        ids.add(node["id"])
        problem = _node_problem(node)
        if problem is not None:
            raise GraphFileError(f"{path}: node {node['id']!r}: {problem}")
    known = frozenset(kinds)
    for i, edge in enumerate(edges):
        if not isinstance(edge, dict):
            raise GraphFileError(f"{path}: edge #{i + 1} is not an object")
        src, dst = edge.get("source"), edge.get("target")
        # the link is named in the error only: not formatted for each of millions of good links
        if isinstance(src, str) and isinstance(dst, str) and src in ids and dst in ids and src != dst:
            problem = _edge_problem(edge, kinds, known)
        else:
            problem = _ends_problem(src, dst, ids)
        if problem is not None:
            raise GraphFileError(f"{path}: edge {src!r:.60} → {dst!r:.60}: {problem}")
