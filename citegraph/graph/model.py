"""The citegraph graph model: one ``networkx.DiGraph`` per study.

Nodes are papers keyed by a stable id: the Semantic Scholar ``paperId`` once
known, else ``arxiv:ID``, ``doi:ID`` or ``title:normalized title``
(:func:`paper_key`).  Edges point from the citing (or building, mentioning)
paper to the cited one.  The attributes of nodes, edges and the graph are
listed in :func:`add_paper`, :func:`add_link` and :func:`new_graph`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Hashable, Iterable

import networkx as nx

from citegraph.graph.citation_graph import CitationGraph
from citegraph.errors import GraphFileError
from citegraph.graph.files import atomic_path
from citegraph.graph.schema import INT_ATTRS, TEXT_LIST_ATTRS, check_node_link, check_size
from citegraph.text.ids import paper_key  # a pure string rule; kept importable here
from citegraph.text.titles import normalize_title

if TYPE_CHECKING:  # pandas is imported where frames are made: `import citegraph.graph` stays light
    import pandas as pd

__all__ = [
    "SCHEMA_VERSION",
    "NODE_ATTRS",
    "EDGE_ATTRS",
    "EDGE_KINDS",
    "new_graph",
    "normalize_title",
    "paper_key",
    "add_paper",
    "add_link",
    "has_kind",
    "iter_kind",
    "induced_subgraph",
    "save_graph",
    "load_graph",
    "nodes_frame",
    "edges_frame",
]

SCHEMA_VERSION = 1

NODE_ATTRS: tuple[str, ...] = (
    "paper_id",
    "arxiv",
    "doi",
    "corpus_id",
    "title",
    "name",
    "year",
    "venue",
    "authors",
    "citation_count",
    "influential_citation_count",
    "reference_count",
    "tags",
    "listed",
    "text",
    "sources",
    "repos",
    "abstract",
    "tldr",
    "references_fetched",
    "references_unresolved",
    "citations_fetched",
    "citations_capped",
    "origin",
)
EDGE_ATTRS: tuple[str, ...] = (
    "kind",
    "kinds",
    "is_influential",
    "intents",
    "contexts",
    "evidence",
    "confidence",
    "lineage_kind",
    "origin",
)
# Ordered weakest to strongest: ``kind`` shows the strongest one known.
EDGE_KINDS: tuple[str, ...] = ("mentions", "cites", "builds_on")
# add_paper/add_link run once per paper and link of a build: checked against sets.
_NODE_ATTR_SET = frozenset(NODE_ATTRS)
_EDGE_ATTR_SET = frozenset(EDGE_ATTRS)


def new_graph(**graph_attrs: Any) -> nx.DiGraph[Hashable]:
    """Return an empty citegraph graph carrying the schema version.

    Graph attributes: ``schema_version``; ``unresolved`` (list entries that could
    not be matched: ``{"entry", "source", "reason"}``); ``fetch`` (request and cache
    statistics of the run that built it); ``merged`` (duplicates merged by audit).

    >>> new_graph(name="demo").graph["schema_version"]
    1
    """
    G: nx.DiGraph[Hashable] = CitationGraph()
    G.graph["schema_version"] = SCHEMA_VERSION
    G.graph.update(graph_attrs)
    return G


def add_paper(G: nx.DiGraph[Hashable], key: str, **attrs: Any) -> str:
    """Add paper ``key`` or merge ``attrs`` into it; return ``key``.

    Merging never loses information: list attributes are united (order kept),
    ``listed`` is or-ed, and a ``None`` never overwrites a known value.

    Node attributes (all optional; any but ``title`` may be ``None``):

    ==============================  ==============================================
    ``paper_id``                    Semantic Scholar paperId (40 hex) or ``None``
    ``arxiv``                       arXiv id without version (``2405.09818``)
    ``doi``                         DOI, lower-cased
    ``corpus_id``                   Semantic Scholar CorpusId (int)
    ``title``                       title as the list or the API gives it
    ``name``                        model/method name the paper introduces
    ``year``                        publication year (int)
    ``venue``                       venue name
    ``authors``                     list of author names, in order
    ``citation_count``              the API's ``citationCount``
    ``influential_citation_count``  the API's ``influentialCitationCount``
    ``reference_count``             the API's ``referenceCount``
    ``tags``                        list of list sections (``"A / B"`` heading paths)
    ``listed``                      True for papers named in a user's list
    ``text``                        the list entry's own notes/abstract text
    ``sources``                     list of ``file:line`` where the list names it
    ``repos``                       code repositories the list links (``github.com/org/repo``)
    ``abstract``                    the API's abstract
    ``tldr``                        the API's one-sentence TLDR (``tldr.text``)
    ``references_fetched``          references of this paper fetched into the graph
    ``references_unresolved``       references Semantic Scholar left unresolved (null paperId)
    ``citations_fetched``           citing papers fetched (with ``--citations``)
    ``citations_capped``            True when the API's 9,999 paging limit or the cap cut them
    ``origin``                      the source of a fetched record when sources were mixed
                                    (``--source s2,openalex``): ``s2`` or ``openalex``
    ==============================  ==============================================

    >>> G = new_graph()
    >>> _ = add_paper(G, "p", tags=["A"], year=None, listed=False)
    >>> _ = add_paper(G, "p", tags=["B", "A"], year=2024, listed=True)
    >>> G.nodes["p"]["tags"], G.nodes["p"]["year"], G.nodes["p"]["listed"]
    (['A', 'B'], 2024, True)
    """
    if not _NODE_ATTR_SET.issuperset(attrs):
        raise ValueError(f"unknown node attributes: {sorted(set(attrs) - _NODE_ATTR_SET)}")
    if key not in G:
        G.add_node(key, **{k: v for k, v in attrs.items() if v is not None})
        return key
    data = G.nodes[key]
    for name, value in attrs.items():
        if value is None:
            continue
        if name in TEXT_LIST_ATTRS and name != "authors":
            old = list(data.get(name) or [])
            data[name] = old + [v for v in value if v not in old]
        elif name == "listed":
            data[name] = bool(data.get(name)) or bool(value)
        elif name == "text" and data.get("text") and value not in data["text"]:
            data[name] = data["text"] + "\n\n" + value
        else:
            data[name] = value
    return key


def add_link(
    G: nx.DiGraph[Hashable],
    source: str,
    target: str,
    kind: str,
    **attrs: Any,
) -> None:
    """Record that ``source`` relates to ``target`` as ``kind``.

    A pair keeps one edge; every relation found for it is in ``kinds`` and the
    strongest is ``kind``.  Self-links are ignored (a paper citing itself says
    nothing about lineage and breaks DAG algorithms).

    Edge attributes:

    ==================  ===========================================================
    ``kind``            strongest relation: ``builds_on`` > ``cites`` > ``mentions``
    ``kinds``           every relation known for the pair (sorted list)
    ``is_influential``  the API's ``isInfluential`` (``cites`` edges)
    ``intents``         the API's intents (``background|methodology|result``)
    ``contexts``        citation context sentences from the API
    ``evidence``        for ``builds_on``: list of ``{"kind", "detail"}`` items
    ``confidence``      for ``builds_on``: 0..1
    ``lineage_kind``    for ``builds_on``: ``version`` (same family, same team) or
                        ``derived`` (another team's model trained from the parent's)
    ``origin``          the source of a fetched citation when sources were mixed
                        (``s2`` or ``openalex``)
    ==================  ===========================================================

    Examples
    --------
    >>> G = new_graph()
    >>> add_paper(G, "arxiv:2405.09818", arxiv="2405.09818", title="Chameleon", listed=True)
    'arxiv:2405.09818'
    >>> add_paper(G, "arxiv:2407.06135", arxiv="2407.06135", title="ANOLE", tags=["Unified"])
    'arxiv:2407.06135'
    >>> add_link(G, "arxiv:2407.06135", "arxiv:2405.09818", "cites", is_influential=True)
    >>> add_link(G, "arxiv:2407.06135", "arxiv:2405.09818", "builds_on")
    >>> G.edges["arxiv:2407.06135", "arxiv:2405.09818"]["kinds"]
    ['builds_on', 'cites']
    >>> edges_frame(G)[["source", "target", "kind"]].to_dict("records")
    [{'source': 'arxiv:2407.06135', 'target': 'arxiv:2405.09818', 'kind': 'builds_on'}]
    """
    if kind not in EDGE_KINDS:
        raise ValueError(f"edge kind must be one of {EDGE_KINDS}, not {kind!r}")
    if attrs and not _EDGE_ATTR_SET.issuperset(attrs):
        raise ValueError(f"unknown edge attributes: {sorted(set(attrs) - _EDGE_ATTR_SET)}")
    if source == target:
        return
    data = G.succ[source].get(target) if source in G else None
    if data is not None:
        kinds = set(data.get("kinds", [data.get("kind")])) | {kind}
        if kind not in data.get("kinds", ()):
            # Cached analysis matrices filter edges by kind (citegraph.graph.matrix).
            getattr(G, "__networkx_cache__", {}).clear()
    else:
        G.add_edge(source, target)
        data = G.edges[source, target]
        kinds = {kind}
    data["kinds"] = sorted(kinds)
    data["kind"] = max(kinds, key=EDGE_KINDS.index)
    for name, value in attrs.items():
        if value is not None:
            data[name] = value


def has_kind(data: dict[str, Any], kind: str) -> bool:
    """True when an edge's attribute dict records relation ``kind``."""
    return kind in data.get("kinds", (data.get("kind"),))


# --------------------------------------------------------------------------- I/O


def save_graph(G: nx.DiGraph[Hashable], path: str | os.PathLike[str]) -> None:
    """Write ``G`` as node-link JSON, atomically (a crash never leaves half a file)."""
    data = nx.node_link_data(G, edges="edges")
    data["graph"].setdefault("schema_version", SCHEMA_VERSION)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        # dumps, not dump: json.dump streams through the pure-Python encoder (several x slower).
        fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def load_graph(path: str | os.PathLike[str]) -> nx.DiGraph[Hashable]:
    """Read a graph written by :func:`save_graph`.

    Raises :class:`~citegraph.errors.GraphFileError` naming the file when it is
    missing, over the size limit (checked before reading), not JSON, not
    node-link data, of another schema version, or holds a value the analyses
    cannot use (:mod:`citegraph.graph.schema`; the error names the paper or
    link and the field).
    """
    path = Path(path)
    check_size(path)  # before reading: a huge file, a folder or a pipe is refused unread
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no such graph file") from None
    except UnicodeDecodeError as exc:
        with path.open("rb") as fh:
            zipped = fh.read(4) == b"PK\x03\x04"
        if zipped:  # rank reads those (load_any); here a codec error would say nothing useful
            raise GraphFileError(f"{path}: a compact arrays file (.npz); only 'citegraph rank' reads those: "
                                 "give this command the graph's JSON file") from None
        raise GraphFileError(f"{path}: not a citegraph graph (not UTF-8 text: byte 0x{exc.object[exc.start]:02x} "
                             f"at offset {exc.start})") from None
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot read graph file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise GraphFileError(
            f"{path}:{exc.lineno}: not a citegraph graph (invalid JSON: {exc.msg})"
        ) from None
    except RecursionError:
        raise GraphFileError(f"{path}: not a citegraph graph (JSON nested too deeply to read)") from None
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise GraphFileError(f"{path}: not a citegraph graph (no node-link 'nodes'/'edges')")
    graph = data.get("graph")
    version = graph.get("schema_version") if isinstance(graph, dict) else None
    if version != SCHEMA_VERSION:
        raise GraphFileError(
            f"{path}: graph schema version {version!r}, this citegraph reads "
            f"version {SCHEMA_VERSION}; rebuild it with 'citegraph build'"
        )
    check_node_link(data, path, EDGE_KINDS)
    try:
        G = nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise GraphFileError(f"{path}: malformed node-link data ({exc})") from None
    assert isinstance(G, nx.DiGraph)  # directed=True, multigraph=False
    # node_link_graph builds a plain DiGraph; CitationGraph adds only its notebook
    # display (no state of its own), so the class is switched rather than the graph copied
    G.__class__ = CitationGraph
    return G


# ----------------------------------------------------------------------- frames


def nodes_frame(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    """One row per paper: ``id`` then every documented node attribute.

    >>> G = new_graph(); _ = add_paper(G, "p", title="T", year=2024)
    >>> nodes_frame(G)[["id", "title", "year"]].to_dict("records")
    [{'id': 'p', 'title': 'T', 'year': 2024}]
    """
    import pandas as pd

    rows = [{"id": n, **{a: d.get(a) for a in NODE_ATTRS}} for n, d in G.nodes(data=True)]
    frame = pd.DataFrame(rows, columns=["id", *NODE_ATTRS])
    for col in NODE_ATTRS:
        if col in INT_ATTRS:  # whole numbers stay whole with gaps (not 8.0)
            frame[col] = frame[col].astype("Int64")
    return frame


def edges_frame(G: nx.DiGraph[Hashable]) -> pd.DataFrame:
    """One row per edge: ``source``, ``target`` then every documented edge attribute."""
    import pandas as pd

    rows = [
        {"source": u, "target": v, **{a: d.get(a) for a in EDGE_ATTRS}}
        for u, v, d in G.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=["source", "target", *EDGE_ATTRS])


def induced_subgraph(G: nx.DiGraph[Hashable], nodes: Iterable[Hashable]) -> nx.DiGraph[Hashable]:
    """A copy of ``G`` on ``nodes``, its papers and links in ``G``'s own order.

    Not ``G.subgraph(nodes).copy()``: networkx walks the node set given, whose
    order changes from run to run with Python's string hashing, and so would
    every page and picture drawn from the copy.

    >>> G = nx.DiGraph([("c", "b"), ("b", "a"), ("a", "d")])
    >>> list(induced_subgraph(G, {"a", "b", "c"}).edges())
    [('c', 'b'), ('b', 'a')]
    """
    keep = set(nodes)
    H: nx.DiGraph[Hashable] = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if n in keep)
    H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep)
    return H


def iter_kind(G: nx.DiGraph[Hashable], kinds: Iterable[str] | None) -> Iterable[tuple[Hashable, Hashable]]:
    """Edges of ``G`` that carry any of ``kinds`` (all edges when ``None``)."""
    if kinds is None:
        yield from G.edges()
        return
    wanted = set(kinds)
    for u, v, d in G.edges(data=True):
        if wanted.intersection(d.get("kinds", (d.get("kind"),))):
            yield u, v
