"""GraphML for Gephi and yEd: list attributes become ``"; "``-joined strings."""

from __future__ import annotations

from collections.abc import Hashable
import json
import os
from typing import Any

import networkx as nx

__all__ = ["SUFFIX", "DESCRIPTION", "write", "write_graphml", "flat_copy", "flat_value"]

SUFFIX = ".graphml"
DESCRIPTION = "GraphML (Gephi, yEd, Cytoscape desktop); list attributes joined with '; '"


def flat_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` as GraphML/GEXF scalars: ``None`` dropped, lists → ``"; "``-joined strings."""
    return {k: flat_value(v) for k, v in attrs.items() if v is not None}


def flat_value(v: Any) -> Any:
    """One attribute value as a GraphML/GEXF scalar (lists ``"; "``-joined, dicts as JSON)."""
    if isinstance(v, (list, tuple, set)):
        return "; ".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def flat_copy(G: nx.DiGraph[Hashable]) -> nx.DiGraph[Hashable]:
    """A copy whose attributes are all GraphML/GEXF scalars (lists → strings)."""
    H: nx.DiGraph[Hashable] = nx.DiGraph()
    H.graph.update(flat_attrs(G.graph))
    H.add_nodes_from((n, flat_attrs(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, flat_attrs(d)) for u, v, d in G.edges(data=True))
    return H


def _xml_text(s: str) -> str:
    # the escaping ElementTree applies to element text
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def _xml_attr(s: str) -> str:
    # the escaping ElementTree applies to attribute values
    s = _xml_text(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    for ch, ref in (("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if ch in s:
            s = s.replace(ch, ref)
    return s


_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)


def write_graphml(G: nx.DiGraph[Hashable], path: str | os.PathLike[str]) -> None:
    """Export GraphML for Gephi/Cytoscape; list attributes become ``"; "``-joined strings.

    The file is byte for byte what ``networkx.write_graphml`` writes for the
    flattened graph (same ``<key>`` ids, names and types), streamed as text.
    """
    # Hand-written because networkx's writer builds an ElementTree of ~50k
    # elements, pretty-prints it and serialises it in Python: ~1 s for a
    # 2k-paper graph, the largest share of a warm `citegraph report`; lxml is
    # not a dependency and its networkx writer is per-element Python too.
    # tests/export/test_graph_files.py checks the output equals networkx's on every kind of
    # attribute and reads back.  Graph-level ids and key defaults (never set by
    # citegraph) go through networkx itself.
    if G.is_multigraph() or not G.is_directed() or any(
        k in G.graph for k in ("id", "node_default", "edge_default")
    ):
        nx.write_graphml(flat_copy(G), path, encoding="utf-8")
        return
    from networkx.readwrite.graphml import GraphML

    types = GraphML()
    types.construct_types()  # networkx's own Python type → GraphML type table
    xml_type = types.xml_type
    keys: dict[tuple[str, str, str], str] = {}  # (name, GraphML type, scope) -> key id
    key_of: dict[tuple[Any, type, str], str] = {}  # the same by Python type, looked up per value

    def data(scope: str, attrs: dict[str, Any], pad: str) -> list[str]:
        lines = []
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, (list, tuple, set, dict)):
                v = flat_value(v)
            t = type(v)
            kid = key_of.get((k, t, scope))
            if kid is None:
                try:
                    key = (str(k), xml_type[t], scope)
                except KeyError:
                    raise TypeError(f"GraphML does not support type {t} as data values.") from None
                kid = keys.get(key)
                if kid is None:
                    kid = keys[key] = f"d{len(keys)}"
                key_of[(k, t, scope)] = kid
            text = v if t is str else str(v)
            if "&" in text or "<" in text or ">" in text:
                text = _xml_text(text)
            lines.append(f'{pad}<data key="{kid}">{text}</data>' if text else f'{pad}<data key="{kid}" />')
        return lines

    graph_data = data("graph", G.graph, "\n    ")  # first keys, but written after the edges
    body = []
    for n, d in G.nodes(data=True):
        tag = f'\n    <node id="{_xml_attr(str(n))}"'
        inner = data("node", d, "\n      ")
        body.append(f"{tag}>{''.join(inner)}\n    </node>" if inner else f"{tag} />")
    for u, v, d in G.edges(data=True):
        tag = f'\n    <edge source="{_xml_attr(str(u))}" target="{_xml_attr(str(v))}"'
        inner = data("edge", d, "\n      ")
        body.append(f"{tag}>{''.join(inner)}\n    </edge>" if inner else f"{tag} />")
    body += graph_data
    # networkx inserts each new key first, so keys appear newest first
    key_lines = [
        f'\n  <key id="{kid}" for="{scope}" attr.name="{_xml_attr(name)}" attr.type="{typ}" />'
        for (name, typ, scope), kid in reversed(keys.items())
    ]
    graph = '\n  <graph edgedefault="directed"' + (f">{''.join(body)}\n  </graph>" if body else " />")
    with open(path, "w", encoding="utf-8", errors="xmlcharrefreplace", newline="") as fh:
        fh.write(_GRAPHML_HEAD + "".join(key_lines) + graph + "\n</graphml>\n")


write = write_graphml
