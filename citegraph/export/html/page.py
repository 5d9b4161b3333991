"""The explorer page: pyvis's ``Network`` page, made one offline, safe file.

pyvis generates the page (``Network(cdn_resources="in_line")``: vis-network
inlined, the nodes, edges and options, the script that builds the network);
:func:`render_html` then takes out what pyvis's template fetches from other
hosts (Bootstrap) and adds the explorer's controls, style, data and script
(``assets/``).  A Content-Security-Policy lets the page load nothing from
anywhere and run only its own scripts (by hash).  Every string from a list
or the API travels as JSON data (:func:`script_json`) and reaches the screen
as text, never markup.  This is the only module that imports pyvis, and only
inside :func:`render_html`, without the IPython import pyvis makes.
:func:`write_html` is the whole writer: data (:mod:`.data`), then the page.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import os
import re
import string
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

from citegraph.errors import UsageError
from citegraph.export.html.data import MAX_NODES, explorer_data
from citegraph.graph.files import atomic_path
from citegraph.text.wording import plural
from citegraph.text.matching import matches

__all__ = ["HtmlResult", "explorer_data", "render_html", "script_json", "write_html"]

_ASSETS = Path(__file__).with_name("assets")


@dataclass(frozen=True)
class HtmlResult:
    """What :func:`write_html` wrote.

    ``note`` says what was left out when the graph had more than ``max_nodes``
    papers (``None`` when the page shows everything).
    """

    path: Path
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    bytes: int
    note: str | None = None

    @property
    def filtered(self) -> bool:
        return self.nodes < self.total_nodes

    def summary(self) -> str:
        """One line for people: what was written and how big it is."""
        size = f"{self.bytes / 1e6:.1f} MB" if self.bytes >= 1e5 else f"{self.bytes / 1e3:.0f} kB"
        line = f"wrote {self.path}: {plural(self.nodes, 'paper')}, {plural(self.edges, 'link')}, {size}"
        return line + (f"\n{self.note}" if self.note else "")


# ------------------------------------------------------------------ HTML


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``..., so no string can close the tag
    or open a comment, and U+2028/U+2029 are escaped as older parsers want.

    >>> script_json({"t": "</script><script>alert(1)</script>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _plain(value: Any) -> Any:
    """numpy/pandas scalars and sets as JSON values (NaN as null)."""
    if hasattr(value, "item"):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str)
    raise TypeError(f"cannot put {type(value).__name__} into the page")


def _inline(text: str, tag: str) -> str:
    """Check that trusted asset text cannot end its ``<script>``/``<style>`` early."""
    if f"</{tag}" in text.lower():
        raise RuntimeError(f"an inlined asset contains '</{tag}'")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _DeferredIFrame:
    """Stands in for ``IPython.display.IFrame`` while pyvis is imported; made real on first use."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from IPython.display import IFrame

        return IFrame(*args, **kwargs)


def _pyvis_network_class() -> type:
    """pyvis's ``Network`` class, imported without importing IPython when IPython is not loaded yet.

    pyvis 0.3.2's ``network.py`` runs ``from IPython.display import IFrame`` at
    import, for ``Network.show()`` in a notebook only; importing IPython (its
    terminal, jedi, prompt_toolkit) was a large share of a warm ``citegraph
    report`` (``benchmarks/README.md``).  Outside a notebook, pyvis gets a
    stand-in ``IPython.display`` for the length of its import, whose
    ``IFrame`` imports the real one when called; ``sys.modules`` is put back
    at once, so a later ``import IPython`` gets the real package.
    """
    if "pyvis.network" in sys.modules or "IPython" in sys.modules:
        from pyvis.network import Network

        return Network  # type: ignore[no-any-return]
    package, display = types.ModuleType("IPython"), types.ModuleType("IPython.display")
    display.IFrame = _DeferredIFrame  # type: ignore[attr-defined]
    package.display = display  # type: ignore[attr-defined]
    sys.modules["IPython"], sys.modules["IPython.display"] = package, display
    try:
        from pyvis.network import Network
    finally:
        for name, module in (("IPython", package), ("IPython.display", display)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return Network  # type: ignore[no-any-return]


def _pyvis_page(data: dict[str, Any]) -> str:
    """pyvis's own in-line page for the items and options of ``data``.

    The items are complete vis-network dicts, so they go into the
    :class:`~pyvis.network.Network` lists as they are: ``add_node`` and
    ``add_edge`` check ids against a list (quadratic: timed side by side with
    this in ``benchmarks/bench_html.py``), and ``from_nx`` goes through them.
    """
    Network = _pyvis_network_class()
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    # generate_html reads only these lists (node_ids/node_map serve add_node/add_edge).
    # The page's node ids are the graph's (data's items use their index).
    ids = [rec["id"] for rec in data["info"]]
    net.nodes.extend({**n, "id": ids[n["id"]]} for n in data["nodes"])
    net.edges.extend({**e, "from": ids[e["from"]], "to": ids[e["to"]]} for e in _drawn_edges(data))
    net.options = data["options"]  # a dict: pyvis writes it out as JSON
    return str(net.generate_html(name="graph.html"))


def _drawn_edges(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The links pyvis's network is built with: the ones drawn when the page opens.

    All of them when citations are shown at first; their ids are then their
    index and are left out (40,000 ids are half a megabyte).  Otherwise the
    lineage and mention links only, with their ids: vis-network spends
    seconds setting up 40,000 links, hidden or not, that nobody sees until
    "Citations" is ticked; the page adds those from :func:`_hidden_edges`.
    """
    if data["showCites"]:
        return [{k: v for k, v in e.items() if k != "id"} for e in data["edges"]]
    return [e for e, kind in zip(data["edges"], data["edgeKinds"]) if kind != "cites"]


def _hidden_edges(data: dict[str, Any]) -> list[int] | None:
    """``[from, to, from, to, ...]`` of the citation links not drawn at first, in id order."""
    if data["showCites"]:
        return None
    return [x for e, kind in zip(data["edges"], data["edgeKinds"]) if kind == "cites" for x in (e["from"], e["to"])]


def _cut(page: str, pattern: str, repl: str | Any = "", *, count: int | None = 1, flags: int = re.S) -> str:
    """``re.subn`` that insists on finding what pyvis's template is known to contain."""
    out, n = re.subn(pattern, repl, page, flags=flags)
    if count is not None and n != count:
        raise RuntimeError(f"pyvis's page changed: {pattern!r} found {n} times, expected {count}")
    return out


_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def render_html(data: dict[str, Any], *, title: str = "citegraph") -> str:
    """The page for ``data`` (from :func:`explorer_data`) as one HTML string.

    pyvis generates the page (``Network(cdn_resources="in_line")``: vis-network
    inlined, the items and options as JSON, the script that builds the
    network); it is then made self-contained and safe: Bootstrap (which
    pyvis's template loads from a CDN), its headings and helper script are
    removed, citegraph's controls, style, data block and script are added,
    and a Content-Security-Policy allows only the page's own scripts (by hash)
    and no request to any host.
    """
    page = _pyvis_page(data)
    # Nothing from any host: pyvis's template pulls Bootstrap from jsDelivr.
    page = _cut(page, r"<link\b[^>]*\bhref=[\"']?https?://[^>]*>", count=None)
    page = _cut(page, r"<script\b[^>]*\bsrc=[\"']?https?://[^>]*>\s*</script>", count=None)
    page = _cut(page, r"\s*<center>\s*<h1>.*?</h1>\s*</center>", count=None)
    page = _cut(page, r"\s*<!--\s*<link[^>]*node_modules.*?-->")  # a commented-out local vis.js
    # pyvis's neighbourhood-highlight helpers (utils.js): the explorer has its own.
    page = _cut(page, r"<script>\s*function neighbourhoodHighlight\(.*?</script>")
    # A standards-mode document with a language, a policy and a title.
    page = _cut(page, r"\A\s*<html>", '<!DOCTYPE html>\n<html lang="en">')
    page_css = _inline((_ASSETS / "explorer.css").read_text(encoding="utf-8"), "style")
    page_js = _inline((_ASSETS / "explorer.js").read_text(encoding="utf-8"), "script")
    head = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="citegraph with pyvis">\n'
        f"<title>{_html.escape(title)}</title>\n"
    )
    page = _cut(page, r'<meta charset="utf-8">', lambda m: m.group(0) + "\n@@CSP@@\n" + head)
    page = _cut(page, r"</head>", lambda m: f"<style>{page_css}</style>\n</head>")
    controls = string.Template((_ASSETS / "explorer.html").read_text(encoding="utf-8"))
    page = _cut(
        page, r'<div class="card" style="width: 100%">\s*(<div id="mynetwork" class="card-body"></div>)\s*</div>',
        lambda m: controls.substitute(network=m.group(1)),
    )
    rest = {k: v for k, v in data.items() if k not in ("nodes", "edges", "options")}
    rest["hiddenEdges"] = _hidden_edges(data)
    # The data and the explorer's script go before pyvis's network script: the
    # explorer takes the items when pyvis builds the network (see explorer.js).
    ours = (
        f'<script type="application/json" id="cg-data">{script_json(rest)}</script>\n'
        f"<script>{page_js}</script>\n"
    )
    pyvis_script = r'<script type="text/javascript">\s*// initialize global variables\.'
    page = _cut(page, pyvis_script, lambda m: ours + m.group(0))
    scripts = list(matches(_SCRIPT, page))
    if any(" src=" in m.group("attrs") for m in scripts):
        raise RuntimeError("the page would load a script from elsewhere")
    code = [m.group("body") for m in scripts if "application/json" not in m.group("attrs")]
    csp = (
        "default-src 'none'; "
        f"script-src {' '.join(_sha256(c) for c in code)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    return page.replace("@@CSP@@", f'<meta http-equiv="Content-Security-Policy" content="{_html.escape(csp)}">', 1)


def write_html(
    G: nx.DiGraph[Hashable],
    path: str | os.PathLike[str],
    *,
    color: str = "family",
    size: str = "pagerank",
    layout: str = "time",
    max_nodes: int = MAX_NODES,
    title: str | None = None,
    seed: int = 0,
    links: list[dict[str, Any]] | None = None,
    rankings: Any | None = None,
    families: Mapping[str, Iterable[Hashable]] | None = None,
    communities: Mapping[Hashable, Any] | None = None,
) -> HtmlResult:
    """Write the interactive explorer for ``G`` to ``path`` (one offline HTML file).

    Parameters are those of :func:`~citegraph.export.html.data.explorer_data`
    (pass ``links``, ``rankings``, ``families`` and ``communities`` when they
    are computed already: they are drawn as given); ``title`` names the page
    (default: ``citegraph`` and the file name).

    Returns
    -------
    HtmlResult
        Where it was written, how many papers and links it shows out of how
        many, its size, and what was left out when the graph was too large.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from citegraph.graph.model import new_graph, add_paper
    >>> G = new_graph(); _ = add_paper(G, "p", title="<b>Chameleon</b>", year=2024)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> result = write_html(G, out)
    >>> result.nodes, "<b>Chameleon" in out.read_text(), "\\\\u003cb\\\\u003eChameleon" in out.read_text()
    (1, False, True)
    """
    path = Path(path)
    data = explorer_data(G, color=color, size=size, layout=layout, max_nodes=max_nodes, seed=seed, links=links,
                         rankings=rankings, families=families, communities=communities)
    page = render_html(data, title=title or f"citegraph · {path.stem}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = exc.strerror or exc
        raise UsageError(f"cannot write {path}: its folder {path.parent} cannot be made ({why})") from exc
    try:
        with atomic_path(path) as tmp:
            tmp.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return HtmlResult(
        path=path,
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        total_nodes=G.number_of_nodes(),
        total_edges=G.number_of_edges(),
        bytes=path.stat().st_size,
        note=data["note"],
    )
