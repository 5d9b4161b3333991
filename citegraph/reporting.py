"""The main job in one call: lists → fetch → graph → rankings → lineage → HTML.

:func:`report` writes every output of a study into one folder; :func:`demo`
runs it on the example list shipped with citegraph, with no network.
"""

from __future__ import annotations

import gc
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

import networkx as nx

__all__ = ["ReportResult", "report", "demo", "example_list_path", "OUTPUT_FILES"]

# Every file report() writes, in the order a reader would open them.
OUTPUT_FILES = (
    "graph.html",
    "rankings.csv",
    "lineage.md",
    "lineage.json",
    "papers.csv",
    "edges.csv",
    "unresolved.csv",
    "graph.json",
    "graph.graphml",
)


@dataclass
class ReportResult:
    """What :func:`report` produced: the graph, the folder and the summary figures."""

    graph: nx.DiGraph
    out_dir: Path
    files: dict[str, Path]
    stats: dict[str, Any]
    rankings: Any  # pandas.DataFrame
    links: list[dict[str, Any]]
    families: dict[str, list[str]]
    notes: list[str] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)

    def summary(self, *, top: int = 10) -> str:
        """A short human summary: counts, requests, top papers, families and chains."""
        G = self.graph
        s = self.stats
        kinds: dict[str, int] = {}
        for _, _, d in G.edges(data=True):
            for k in d.get("kinds", [d.get("kind")]):
                kinds[k] = kinds.get(k, 0) + 1
        lines = [
            f"{G.number_of_nodes()} papers ({s.get('listed', 0)} listed), "
            f"{G.number_of_edges()} links "
            + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())),
        ]
        if "requests" in s:
            lines.append(
                f"resolved {s.get('resolved', 0)}/{s.get('listed', 0)}, {s.get('requests', 0)} requests, "
                f"{s.get('cache_hits', 0)} from cache, {s.get('unresolved', 0)} unresolved "
                f"(see {self.files['unresolved.csv'].name})"
            )
        lines.extend(self.notes)
        if len(self.rankings):
            lines.append(f"Top {min(top, len(self.rankings))} by influence (pagerank):")
            for i, row in enumerate(self.rankings.head(top).itertuples(index=False), 1):
                label = row.name if isinstance(row.name, str) and row.name else (row.title or row.id)
                year = f" ({int(row.year)})" if row.year == row.year and row.year is not None else ""
                lines.append(f"  {i:>2}. {label}{year}")
        fams = {k: v for k, v in self.families.items() if len(v) > 1}
        lines.append(f"Families with more than one paper: {len(fams)}"
                     + (": " + ", ".join(sorted(fams)) if fams else ""))
        chains = [
            f"{link['parent'].get('name') or link['parent'].get('title')} → "
            f"{link['child'].get('name') or link['child'].get('title')}"
            for link in self.links
        ]
        lines.append(f"Lineage links: {len(chains)}" + (" (" + "; ".join(chains[:12]) + (" …" if len(chains) > 12 else "") + ")" if chains else ""))
        lines.append(f"Wrote {len(self.files)} files to {self.out_dir}/ — open {self.files['graph.html']}")
        return "\n".join(lines)


def _write_outputs(G: nx.DiGraph, out: Path, rankings: Any, links: list[dict[str, Any]],
                   lineage_md: str) -> dict[str, Path]:
    import pandas as pd

    from citegraph.graph.html import write_html
    from citegraph.graph.model import edges_frame, nodes_frame, save_graph, write_graphml
    from citegraph.output import write_frame

    files = {name: out / name for name in OUTPUT_FILES}
    save_graph(G, files["graph.json"])
    write_graphml(G, files["graph.graphml"])
    for name, frame in (
        ("papers.csv", nodes_frame(G)),
        ("edges.csv", edges_frame(G)),
        ("rankings.csv", rankings),
        ("unresolved.csv", pd.DataFrame(G.graph.get("unresolved") or [],
                                        columns=["entry", "title", "source", "reason"])),
    ):
        with files[name].open("w", encoding="utf-8", newline="") as fh:
            write_frame(frame, "csv", fh)
    files["lineage.json"].write_text(json.dumps(links, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    files["lineage.md"].write_text(lineage_md, encoding="utf-8")
    write_html(G, files["graph.html"], links=links)
    return files


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run CPython's cyclic garbage collector less often for the duration."""
    # A report allocates hundreds of thousands of objects that live to its end
    # (list entries, graph attributes, frames).  At the default threshold of
    # 700 allocations the collector ran ~760 times, 68 of them over the older
    # generations and 5 over the whole heap (pandas, scipy, ...): 0.6 s of a
    # 4-5 s warm run (measured with gc.callbacks); at 50,000 it runs ~8 times,
    # 0.15 s.  Cycles are rare here: peak memory did not change.
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def report(
    lists: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    fetch: bool = True,
    **build_options: Any,
) -> ReportResult:
    """Build the graph of ``lists`` and write every output into ``out_dir``.

    Parameters
    ----------
    lists
        Paper lists (markdown, HTML, BibTeX, id files; ``"-"`` for stdin).
    out_dir
        Folder for ``graph.html``, ``rankings.csv``, ``lineage.md`` and the rest
        (see ``OUTPUT_FILES``); created when missing.
    fetch
        ``False`` skips Semantic Scholar entirely and builds the graph from the
        lists' own text (what :func:`demo` does).
    **build_options
        Passed to :func:`citegraph.fetch.pipeline.build`: ``cache``, ``api_url``,
        ``api_key``, ``offline``, ``refresh``, ``citations``, ``citation_cap``,
        ``depth``, ``max_papers``, ``quiet``.
    """
    with _fewer_collections():
        return _report(lists, out_dir, fetch=fetch, **build_options)


def _report(
    lists: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    fetch: bool,
    **build_options: Any,
) -> ReportResult:
    from citegraph.analysis.lineage import annotate_lineage, families, lineage_report, successors
    from citegraph.analysis.rank import rank_papers

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    warnings: list[Any] = []
    if fetch:
        from citegraph.fetch.pipeline import build

        built = build(lists, **build_options)
        G, stats, warnings = built.graph, dict(built.stats), list(built.warnings)
    else:
        from citegraph.fetch.lists import read_lists
        from citegraph.graph.assemble import graph_from_entries

        read = read_lists(lists)
        G = graph_from_entries(read.entries)
        stats, warnings = {"listed": len(read.entries)}, list(read.warnings)
        notes.append(
            "Citations were not fetched: links come from the list's own text "
            "(mentions, 'builds on' statements), model names and years. To fetch them: "
            "citegraph report LIST... --out DIR (with S2_API_KEY set)."
        )
    links = successors(G)
    annotate_lineage(G, links)
    rankings = rank_papers(G)
    # one successors() run serves the annotation, the report, the page and the families
    lineage_md = lineage_report(G, fmt="md", main_path=True, links=links)
    files = _write_outputs(G, out, rankings, links, lineage_md)
    return ReportResult(
        graph=G, out_dir=out, files=files, stats=stats, rankings=rankings,
        links=links, families=families(G, links=links), notes=notes, warnings=warnings,
    )


def example_list_path() -> Path:
    """The example list shipped with citegraph (unified multimodal models)."""
    return Path(str(resources.files("citegraph") / "examples" / "unified-multimodal.md"))


def demo(out_dir: str | os.PathLike[str]) -> ReportResult:
    """Run :func:`report` on the shipped example list, offline, with no cache.

    The graph comes from the list's own text: ``mentions`` and ``builds_on``
    links from the notes, model families and years.
    """
    return report([example_list_path()], out_dir, fetch=False)
