"""One table of graph writers: a new output format is one module here plus one line below.

A writer module has ``SUFFIX`` (the usual file ending), ``DESCRIPTION`` and
``write(G, path)``.  Modules are imported on use, so listing the formats
(``citegraph export --help``) loads none of them.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Callable, Hashable

from citegraph.errors import UsageError

if TYPE_CHECKING:  # the registry is read by `citegraph export --help`, which loads no engine
    import networkx as nx

__all__ = ["WRITER_MODULES", "Writer", "writer", "export_graph", "format_for_path"]

# format name -> the module that writes it
WRITER_MODULES: dict[str, str] = {
    "json": "citegraph.export.nodelink",
    "graphml": "citegraph.export.graphml",
    "gexf": "citegraph.export.gexf",
    "cytoscape": "citegraph.export.cytoscape",
}


@dataclass(frozen=True)
class Writer:
    name: str
    suffix: str
    description: str
    write: Callable[[nx.DiGraph[Hashable], str | os.PathLike[str]], None]


def writer(name: str) -> Writer:
    """The writer registered as ``name``; a :class:`UsageError` lists the known ones."""
    try:
        module = importlib.import_module(WRITER_MODULES[name])
    except KeyError:
        raise UsageError(f"unknown export format {name!r}: one of {', '.join(WRITER_MODULES)}") from None
    return Writer(name, module.SUFFIX, module.DESCRIPTION, module.write)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format whose usual suffix ``path`` has (``g.gexf`` → ``gexf``)."""
    suffix = Path(path).suffix.lower()
    for name in WRITER_MODULES:
        if writer(name).suffix == suffix:
            return name
    raise UsageError(f"{path}: cannot tell the format from the suffix {suffix!r}; give --format")


def export_graph(G: nx.DiGraph[Hashable], path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``G`` to ``path`` in ``format`` (default: from the suffix), atomically.

    The file appears whole or not at all: the writer fills a temporary file
    beside it, which then replaces ``path``.

    >>> import tempfile, networkx as nx
    >>> G = nx.DiGraph([("b", "a")])
    >>> out = export_graph(G, Path(tempfile.mkdtemp()) / "g.gexf")
    >>> sorted(nx.read_gexf(out).edges())
    [('b', 'a')]
    """
    # here, not at the top: `citegraph --help` reads this module and must not load networkx
    from citegraph.graph.files import atomic_path

    chosen = writer(format or format_for_path(path))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as tmp:
        chosen.write(G, tmp)
    return target
