"""The main job in one call: lists → fetch → graph → rankings → lineage → HTML.

:func:`build` is the fetch pipeline plus lineage: the graph it returns keeps
successor links as ``builds_on`` edges.  :func:`report` writes every output of
a study into one folder; :func:`demo` runs it on the example list shipped with
citegraph, with no network.  This module sits on top of both
:mod:`citegraph.fetch` and :mod:`citegraph.analysis`, so the fetch layer never
imports analysis.
"""

from __future__ import annotations

import gc
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Hashable, Iterator, Sequence

import networkx as nx

from citegraph.export.papers import write_papers
from citegraph.text.places import relative_places
from citegraph.text.wording import edge_details_note, paper_label, plural

if TYPE_CHECKING:
    from citegraph.fetch.pipeline import BuildResult

__all__ = [
    "ReportResult",
    "report_html",
    "build",
    "report",
    "demo",
    "example_list_path",
    "write_papers",
    "count_sentence",
    "communities_frame",
    "OUTPUT_FILES",
    "COMMUNITY_COLUMNS",
    "SuggestResult",
    "suggest",
    "WatchResult",
    "watch",
]

# Every file report() writes, in the order a reader would open them.
OUTPUT_FILES = (
    "graph.html",
    "rankings.csv",
    "lineage.md",
    "lineage.json",
    "lineage.svg",
    "communities.csv",
    "papers.csv",
    "edges.csv",
    "unresolved.csv",
    "graph.json",
    "graph.graphml",
)

# communities.csv: one row per community, largest first.
COMMUNITY_COLUMNS = ["community", "size", "words", "central_papers", "central_ids"]


@dataclass
class ReportResult:
    """What :func:`report` produced: the graph, the folder and the summary figures."""

    graph: nx.DiGraph[Hashable]
    out_dir: Path
    files: dict[str, Path]
    stats: dict[str, Any]
    rankings: Any  # pandas.DataFrame
    links: list[dict[str, Any]]
    families: dict[str, list[str]]
    notes: list[str] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
    # what --offline lacked, for stderr (None when nothing was missing)
    offline_note: str | None = None

    def summary(self, *, top: int = 10) -> str:
        """A short human summary: counts, requests, top papers, families and chains."""
        G = self.graph
        s = self.stats
        lines = [count_sentence(G)]
        if "requests" in s:
            lines.append(
                f"resolved {s.get('resolved', 0)}/{s.get('listed', 0)}, {s.get('requests', 0)} requests, "
                f"{s.get('cache_hits', 0)} from cache, {s.get('unresolved', 0)} unresolved"
                + (f" (see {self.files['unresolved.csv'].name})" if s.get("unresolved") else "")
                + (f"; {edge_details_note(s['edge_details'])}" if s.get("edge_details", {}).get("requests") else "")
            )
        lines.extend(self.notes)
        if len(self.rankings):
            import pandas as pd

            basis = ("citations" if self.rankings.attrs.get("kinds") == ["cites"]
                     else "mentions and lineage links, because no citations were fetched")
            lines.append(f"Top {min(top, len(self.rankings))} by influence (PageRank on {basis}):")
            for i, row in enumerate(self.rankings.head(top).itertuples(index=False), 1):
                # a missing name or title is NaN in the frame
                name, title = (v if isinstance(v, str) and v else None for v in (row.name, row.title))
                label = paper_label({"name": name, "title": title, "id": row.id})
                year = "" if pd.isna(row.year) else f" ({int(row.year)})"  # title-only entries have none
                lines.append(f"  {i:>2}. {label}{year}")
        fams = {k: v for k, v in self.families.items() if len(v) > 1}
        lines.append(f"{plural(len(fams), 'model family', 'model families')} with more than one paper"
                     + (": " + ", ".join(sorted(fams)) if fams else ""))
        chains = [
            f"{paper_label(link['parent'])} → {paper_label(link['child'])}"
            for link in self.links
        ]
        shown = "; ".join(chains[:12]) + (" …" if len(chains) > 12 else "")
        lines.append(f"{plural(len(chains), 'lineage link')} parent → child" + (f": {shown}" if chains else ""))
        lines.append(f"Wrote {len(self.files)} files to {self.out_dir}/ — open {self.files['graph.html']}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        # the dataclass default would print the whole rankings frame and every link
        return (f"ReportResult(out_dir={str(self.out_dir)!r}, papers={self.graph.number_of_nodes()}, "
                f"links={self.graph.number_of_edges()}, lineage_links={len(self.links)})")

    def _repr_html_(self) -> str:
        """What a notebook shows for a report: counts, the top papers, families and the lineage picture."""
        return report_html(self)


def report_html(result: ReportResult, *, top: int = 10, picture: bool = True) -> str:
    """An HTML summary of a report for notebooks (``ReportResult._repr_html_``).

    Every string from the lists or the API is escaped: it is shown, never run.
    The lineage picture (:func:`~citegraph.export.pictures.lineage_figure`)
    is embedded as a PNG when matplotlib is installed and ``picture`` is true.

    Examples
    --------
    >>> import tempfile
    >>> html = report_html(demo(tempfile.mkdtemp()), picture=False)
    >>> "Top 10 by influence" in html and "<table" in html and "Janus" in html
    True
    """
    import base64
    from html import escape

    G, rankings = result.graph, result.rankings
    parts = [f"<div class='citegraph-report'><h3>citegraph report: {escape(str(result.out_dir))}</h3>",
             f"<p>{escape(count_sentence(G))}</p>"]
    parts += [f"<p>{escape(note)}</p>" for note in result.notes]
    if len(rankings):
        basis = ("citations" if rankings.attrs.get("kinds") == ["cites"]
                 else "mentions and lineage links, because no citations were fetched")
        shown = [c for c in ("name", "title", "year", "pagerank", "local_citations", "mentioned_by", "community")
                 if c in rankings.columns]
        table = rankings.head(top)[shown].to_html(index=False, escape=True, na_rep="",
                                                  float_format=lambda x: f"{x:.4g}")
        parts.append(f"<h4>Top {min(top, len(rankings))} by influence (PageRank on {escape(basis)})</h4>{table}")
    fams = {k: v for k, v in result.families.items() if len(v) > 1}
    if fams:
        items = "".join(
            f"<li><b>{escape(name)}</b>: "
            + escape(", ".join(paper_label(G.nodes[n], n) for n in members))
            + "</li>"
            for name, members in sorted(fams.items())
        )
        parts.append(f"<h4>{escape(plural(len(fams), 'model family', 'model families'))}</h4><ul>{items}</ul>")
    parts.append(f"<h4>{escape(plural(len(result.links), 'lineage link'))} parent → child</h4>")
    image = None
    if picture and result.links:
        try:
            from citegraph.export.pictures import figure_png, lineage_figure

            image = figure_png(lineage_figure(G, result.links))
        except ImportError:  # matplotlib is optional
            image = None
    if image:
        parts.append(f"<img alt='lineage picture' style='max-width:100%' "
                     f"src='data:image/png;base64,{base64.b64encode(image).decode()}'/>")
    else:
        chains = [f"{link['parent'].get('name') or link['parent'].get('title')} → "
                  f"{link['child'].get('name') or link['child'].get('title')}" for link in result.links[:12]]
        parts.append(f"<p>{escape('; '.join(chains))}</p>")
    parts.append(f"<p>Files in {escape(str(result.out_dir))}: "
                 + escape(", ".join(result.files)) + "</p></div>")
    return "".join(parts)


def count_sentence(G: nx.DiGraph[Hashable]) -> str:
    """One sentence with the graph's paper and link counts, links by kind.

    Each kind counts the links that carry it, so the kinds can add up to more
    than the links; the sentence then says so.

    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key in "abc":
    ...     _ = add_paper(G, key, title=key, listed=key != "c")
    >>> add_link(G, "b", "a", "cites"); add_link(G, "b", "a", "builds_on"); add_link(G, "c", "a", "cites")
    >>> count_sentence(G)
    'The graph has 3 papers (2 from the lists) and 2 links: 2 citations, 1 lineage link (builds_on)
    and 0 mentions; a link can be of more than one kind.'
    """
    from citegraph.graph.model import has_kind

    counts = dict.fromkeys(("cites", "builds_on", "mentions"), 0)
    for _, _, d in G.edges(data=True):
        for kind in counts:
            counts[kind] += has_kind(d, kind)
    listed = sum(1 for _, d in G.nodes(data=True) if d.get("listed"))
    parts = [
        plural(counts["cites"], "citation"),
        plural(counts["builds_on"], "lineage link", "lineage links") + " (builds_on)",
        plural(counts["mentions"], "mention"),
    ]
    m = G.number_of_edges()
    sentence = (
        f"The graph has {plural(G.number_of_nodes(), 'paper')} ({listed} from the lists) and "
        f"{plural(m, 'link')}: {parts[0]}, {parts[1]} and {parts[2]}"
    )
    if sum(counts.values()) > m:
        sentence += "; a link can be of more than one kind"
    return sentence + "."


def communities_frame(G: nx.DiGraph[Hashable], rankings: Any, *, central: int = 3, found: Any = None) -> Any:
    """One row per community of ``G``, largest first: what ``communities.csv`` holds.

    Parameters
    ----------
    G : networkx.DiGraph
        A citegraph graph.
    rankings : pandas.DataFrame
        :func:`~citegraph.analysis.rank.rank_papers`' frame for ``G``: its
        ``pagerank`` orders the papers, and its ``community`` column has the
        numbers used here (both come from
        :func:`~citegraph.analysis.communities.communities` with seed 0, on
        the edge kinds in its ``attrs["kinds"]``).
    central : int
        How many central papers to name.
    found : pandas.DataFrame, optional
        ``communities(G)`` when already computed (seed 0, every edge kind).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COMMUNITY_COLUMNS`: ``community`` (its number),
        ``size``, ``words`` (its most distinctive title words, as
        :func:`~citegraph.analysis.communities.communities` labels it;
        ``unclustered`` for the last row, the papers in groups of one or
        two, whatever its size),
        ``central_papers`` (model name, else title, of its papers of highest
        PageRank, most central first) and ``central_ids`` (their node ids),
        lists joined with ``"; "``.

    Examples
    --------
    >>> from citegraph.analysis.rank import rank_papers
    >>> from citegraph.graph.model import new_graph, add_paper, add_link
    >>> G = new_graph()
    >>> for key, title in [("v1", "Vision Tokenizer"), ("v2", "Vision Tokenizer Pro"),
    ...                    ("s1", "Speech Codec"), ("s2", "Speech Codec Streaming"), ("s3", "Speech Dialogue")]:
    ...     _ = add_paper(G, key, title=title)
    >>> for u, v in [("v2", "v1"), ("s2", "s1"), ("s3", "s1"), ("s3", "s2")]:
    ...     add_link(G, u, v, "cites")
    >>> communities_frame(G, rank_papers(G))[["community", "size", "words", "central_ids"]].to_dict("records")
    [{'community': 0, 'size': 3, 'words': 'speech, codec', 'central_ids': 's1; s2; s3'},
     {'community': 1, 'size': 2, 'words': 'unclustered', 'central_ids': 'v1; v2'}]
    """
    import pandas as pd

    from citegraph.analysis.communities import UNCLUSTERED, communities, community_words

    if found is None:  # id, community, community_label, in G's node order
        found = communities(G, kinds=rankings.attrs.get("kinds"))
    pagerank = rankings.set_index("id")["pagerank"].reindex(found["id"]).to_numpy()
    names = [paper_label(d, v) for v, d in G.nodes.items()]
    gathered = found.loc[found["community_label"] == UNCLUSTERED, "community"]
    unclustered = int(gathered.iloc[0]) if len(gathered) else None
    words = community_words(found["community"].to_numpy(), [d.get("title") or "" for _, d in G.nodes(data=True)],
                            unclustered=unclustered)
    found = found.assign(pagerank=pagerank, name=names, row=range(len(found)))
    rows = []
    # the real communities largest first, then the papers in groups of one or two
    groups = sorted(found.groupby("community", sort=True), key=lambda kv: (kv[0] == unclustered, -len(kv[1]), kv[0]))
    for number, members in groups:
        top = members.sort_values(["pagerank", "row"], ascending=[False, True]).head(central)
        rows.append({
            "community": int(number),
            "size": len(members),
            "words": words[int(number)],
            "central_papers": "; ".join(top["name"]),
            "central_ids": "; ".join(map(str, top["id"])),
        })
    return pd.DataFrame(rows, columns=COMMUNITY_COLUMNS)


def _write_outputs(G: nx.DiGraph[Hashable], out: Path, rankings: Any, community_table: Any, links: list[dict[str, Any]],
                   lineage_md: str, unresolved: Any, families: dict[str, list[Any]]) -> dict[str, Path]:
    from citegraph.export.html.page import write_html
    from citegraph.export.lineage_chart import lineage_chart
    from citegraph.export.registry import export_graph
    from citegraph.graph.files import atomic_path
    from citegraph.graph.model import edges_frame, nodes_frame, save_graph
    from citegraph.export.tables import write_csv

    files = {name: out / name for name in OUTPUT_FILES}
    save_graph(G, files["graph.json"])
    export_graph(G, files["graph.graphml"], format="graphml")
    papers = nodes_frame(G)
    papers["sources"] = papers["sources"].map(lambda places: relative_places(places) if isinstance(places, list)
                                              else places)
    for name, frame in (
        ("papers.csv", papers),
        ("edges.csv", edges_frame(G)),
        ("rankings.csv", rankings),
        ("communities.csv", community_table),
        ("unresolved.csv", unresolved),
    ):
        write_csv(frame, files[name])
    for name, text in (("lineage.json", json.dumps(links, ensure_ascii=False, indent=1) + "\n"),
                       ("lineage.md", lineage_md),
                       ("lineage.svg", lineage_chart(links, "svg") + "\n")):
        with atomic_path(files[name]) as tmp:
            tmp.write_text(text, encoding="utf-8")
    write_html(G, files["graph.html"], links=links, rankings=rankings, families=families)
    return files


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run CPython's cyclic garbage collector less often for the duration."""
    # A report allocates hundreds of thousands of objects that live to its end
    # (list entries, graph attributes, frames).  At the default threshold of
    # 700 allocations the collector scans them again and again, over the older
    # generations and the whole heap too, a noticeable share of a warm run
    # (benchmarks/README.md, warm run); cycles are rare here, so collecting
    # less often costs no memory.
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def build(
    lists: Sequence[str | os.PathLike[str]],
    *,
    lineage: bool = True,
    **fetch_options: Any,
) -> BuildResult:
    """Build the citation graph of ``lists`` and record its model lineage in it.

    :func:`citegraph.fetch.pipeline.build` resolves and fetches the papers;
    then :func:`~citegraph.analysis.lineage.annotate_lineage` adds every
    successor link it finds as a ``builds_on`` edge child → parent, with its
    ``confidence`` and ``evidence`` (what ``citegraph build`` writes).

    Parameters
    ----------
    lists
        Paper list files (markdown, notes, HTML fragments, BibTeX, id files).
    lineage
        ``False`` leaves the graph as fetched: citations and mentions only.
    **fetch_options
        Passed to :func:`citegraph.fetch.pipeline.build`: ``cache``,
        ``api_url``, ``api_key``, ``offline``, ``refresh``, ``citations``,
        ``citation_cap``, ``depth``, ``max_papers``, ``edge_details``
        (``None``, the default: only the reference lists of papers with a
        lineage candidate, :func:`~citegraph.analysis.lineage.candidates.lineage_candidates`),
        ``min_interval``, ``quiet``, ``progress``.

    Returns
    -------
    citegraph.fetch.pipeline.BuildResult
        With ``stats["lineage_links"]``, the number of successor links added
        (absent when ``lineage`` is false).

    Examples
    --------
    With ``S2_API_KEY`` set (the network is needed, so this is not run as a doctest)::

        result = citegraph.build(["my-list.md"], cache="s2.sqlite")
        print(result.summary_line(), result.stats["lineage_links"], "lineage links")
    """
    from citegraph.analysis.lineage.candidates import lineage_candidates
    from citegraph.fetch.pipeline import build as fetch_graph

    # edge details (citation contexts) only where lineage may use them, unless
    # --edge-details asks for all or --no-edge-details for none
    result = fetch_graph(lists, detail_candidates=lineage_candidates, **fetch_options)
    if lineage:
        from citegraph.analysis.lineage import annotate_lineage

        result.stats["lineage_links"] = annotate_lineage(result.graph)
    return result


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
        ``False`` skips Semantic Scholar entirely (no request, no cache) and
        builds the graph from the lists' own text, as :func:`demo` does; the
        summary then says that citations were not fetched.
    **build_options
        Passed to :func:`build` (then :func:`citegraph.fetch.pipeline.build`):
        ``cache``, ``api_url``, ``api_key``, ``offline``, ``refresh``,
        ``citations``, ``citation_cap``, ``depth``, ``max_papers``,
        ``edge_details``, ``min_interval``, ``quiet``.  With ``fetch=False``
        only ``quiet`` is accepted.

    Raises
    ------
    citegraph.errors.UsageError
        A fetch option given with ``fetch=False``.
    """
    if not fetch:
        ignored = sorted(set(build_options) - {"quiet"})
        if ignored:
            from citegraph.errors import UsageError

            raise UsageError(f"fetch=False fetches nothing, so these options mean nothing: {', '.join(ignored)}")
    with _fewer_collections():
        return _report(lists, out_dir, fetch=fetch, **build_options)


def _report(
    lists: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    fetch: bool,
    **build_options: Any,
) -> ReportResult:
    from citegraph.analysis.communities import communities
    from citegraph.analysis.lineage import annotate_lineage, families, lineage_report, successors
    from citegraph.analysis.rank import rank_papers

    from citegraph.export.paths import check_outputs

    out = Path(out_dir)
    # before any work: no output file may be a list, the cache or a folder
    check_outputs({f"--out {name}": out / name for name in OUTPUT_FILES}, {"LIST": list(lists)},
                  fetch=build_options if fetch else None)
    notes: list[str] = []
    warnings: list[Any] = []
    if fetch:
        # lineage below, so that one successors() run serves every output
        built = build(lists, lineage=False, **build_options)
        G, stats, warnings = built.graph, dict(built.stats), list(built.warnings)
        # the same rows and note as citegraph build: unresolved entries, then what --offline lacked
        unresolved, offline_note = built.unresolved_frame(), built.offline_note(out / "unresolved.csv")
    else:
        from citegraph.lists.reader import read_lists
        from citegraph.lists.assemble import graph_from_entries

        read = read_lists(lists)
        G = graph_from_entries(read.entries)
        G.graph["fetch"] = {"fetched": False}  # ids copied from a list are not fetched papers (audit)
        stats, warnings = {"listed": len(read.entries)}, list(read.warnings)
        import pandas as pd

        from citegraph.fetch.pipeline import UNRESOLVED_COLUMNS

        unresolved, offline_note = pd.DataFrame(columns=list(UNRESOLVED_COLUMNS)), None  # nothing was looked up
        notes.append(
            "Citations were not fetched: links come from the list's own text "
            "(mentions, 'builds on' statements), model names and years. To fetch them: "
            "citegraph report LIST... --out DIR (with S2_API_KEY set)."
        )
    if not G.number_of_nodes():
        from citegraph.errors import InputError

        names = ", ".join(str(f) for f in lists)
        raise InputError(f"{names}: no papers found (no arXiv/DOI/Semantic Scholar id, link or paper title)")
    links = successors(G)
    annotate_lineage(G, links)
    # One Louvain run serves rankings.csv's column and communities.csv:
    # community_labels keeps what it found for the graph's (cached) matrix.
    rankings = rank_papers(G)  # by citations when there are any (influence_kinds)
    found = communities(G, kinds=rankings.attrs["kinds"])
    # one successors() run serves the annotation, the report, the page and the families
    lineage_md = lineage_report(G, fmt="md", main_path=True, links=links)
    fams = families(G, links=links)
    files = _write_outputs(G, out, rankings, communities_frame(G, rankings, found=found), links, lineage_md,
                           unresolved, fams)
    return ReportResult(
        graph=G, out_dir=out, files=files, stats=stats, rankings=rankings,
        links=links, families=fams, notes=notes, warnings=warnings,
        offline_note=offline_note,
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


# ------------------------------------------------------------------ suggest

# Every file suggest() writes besides the edited lists (edited/<list file>).
SUGGEST_FILES = ("suggestions.csv", "suggestions.json", "suggest.patch")


@dataclass
class SuggestResult:
    """What :func:`suggest` found: the graph, the suggestions, the list patch and the files."""

    graph: nx.DiGraph[Hashable]
    suggestions: Any  # pandas.DataFrame, SUGGEST_COLUMNS
    patch: Any  # citegraph.export.listpatch.ListPatch
    files: dict[str, Path]
    stats: dict[str, Any]
    warnings: list[Any] = field(default_factory=list)
    offline_note: str | None = None  # what --offline lacked, for stderr

    def summary(self) -> str:
        """Counts, requests, where the patch went and what found no section."""
        s = self.stats
        lines = [f"{plural(len(self.suggestions), 'suggestion')} from {plural(s.get('listed', 0), 'listed paper')}"
                 f" ({s.get('requests', 0)} requests, {s.get('cache_hits', 0)} from cache)"]
        added = sum(len(f.added) for f in self.patch.files)
        if "patch" in self.files:
            lines.append(f"The patch adds {plural(added, 'entry', 'entries')} to "
                         f"{plural(len(self.patch.files), 'list')}: {self.files['patch']} "
                         f"(apply in {self.patch.apply_from}: git apply or patch -p1); "
                         f"edited copies in {self.files['patch'].parent / 'edited'}")
        if self.patch.skipped:
            lines.append(f"{plural(len(self.patch.skipped), 'suggestion')} with no markdown section to go in"
                         " (not in the patch)")
        return "\n".join(lines)


def _check_folder_outputs(out_dir: str | os.PathLike[str], names: Sequence[str],
                          lists: Sequence[str | os.PathLike[str]], fetch_options: dict[str, Any]) -> None:
    """Before any work: no file ``suggest``/``watch`` writes into ``out_dir`` is a list or the cache."""
    from citegraph.export.paths import check_outputs

    out = Path(out_dir)
    outputs: dict[str, Path] = {f"--out {name}": out / name for name in names}
    outputs.update({f"--out edited/{Path(p).name}": out / "edited" / Path(p).name for p in lists})
    check_outputs(outputs, {"LIST": [str(p) for p in lists]}, fetch=fetch_options)


def _write_table_files(frame: Any, out: Path, names: Sequence[str], patch: Any) -> dict[str, Path]:
    """``frame`` as CSV and JSON, then the list ``patch``, into ``out`` under ``names`` (csv, json, patch)."""
    from citegraph.export.listpatch import write_list_patch
    from citegraph.export.tables import write_csv, write_frame
    from citegraph.graph.files import atomic_path

    csv_name, json_name, patch_name = names
    out.mkdir(parents=True, exist_ok=True)
    files = {csv_name: out / csv_name, json_name: out / json_name}
    write_csv(frame, files[csv_name])
    with atomic_path(files[json_name]) as tmp, tmp.open("w", encoding="utf-8") as fh:
        write_frame(frame, "json", fh)
    files.update(write_list_patch(patch, out, name=patch_name))
    return files


def suggest(
    lists: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    top: int | None = 50,
    by: str = "evidence",
    exclude: Sequence[str] = (),
    root: str | os.PathLike[str] | None = None,
    **fetch_options: Any,
) -> SuggestResult:
    """Papers the lists miss, best first, with why, their section, and a patch for the lists.

    Fetches the lists' graph (with the papers citing the listed ones, unless
    ``citations=False``), ranks its unlisted papers with
    :func:`~citegraph.analysis.suggest.suggest_papers`, and writes
    ``suggestions.csv``, ``suggestions.json``, ``suggest.patch`` (a unified diff
    adding each suggestion to its section, in the section's entry format; paths
    relative to ``root``, default the current folder) and ``edited/<list>``
    into ``out_dir`` (nothing written when ``None``).

    Parameters
    ----------
    lists
        Paper list files.
    top, by
        How many suggestions, ranked how (``evidence``, ``local_citations``,
        ``cocitation``); see :func:`~citegraph.analysis.suggest.suggest_papers`.
    exclude
        Keys of list entries to treat as unlisted (a hold-out check: does
        ``suggest`` find them again?).
    **fetch_options
        As :func:`build`; ``citations`` defaults to True here.

    Examples
    --------
    With ``S2_API_KEY`` set (the network is needed, so this is not run as a doctest)::

        result = citegraph.suggest(["my-list.md"], "suggest-out/")
        print(result.suggestions[["title", "section", "confidence"]].head())
    """
    from citegraph.analysis.lineage import successors
    from citegraph.analysis.suggest import suggest_papers
    from citegraph.export.listpatch import list_patch
    from citegraph.export.tables import frame_records
    from citegraph.fetch.pipeline import build as fetch_graph
    from citegraph.lists.reader import read_lists

    fetch_options.setdefault("citations", True)
    if out_dir is not None:
        _check_folder_outputs(out_dir, SUGGEST_FILES, lists, fetch_options)
    built = fetch_graph(lists, exclude=exclude, **fetch_options)
    G = built.graph
    frame = suggest_papers(G, links=successors(G), top=top, by=by)
    dropped = set(exclude)
    entries = [e for e in read_lists([str(p) for p in lists]).entries if e.key not in dropped]
    patch = list_patch(frame_records(frame), entries, root=root)
    files = _write_table_files(frame, Path(out_dir), SUGGEST_FILES, patch) if out_dir is not None else {}
    return SuggestResult(graph=G, suggestions=frame, patch=patch, files=files, stats=dict(built.stats),
                         warnings=list(built.warnings), offline_note=built.offline_note())


# ------------------------------------------------------------------ watch

WATCH_FILES = ("watch.csv", "watch.json", "watch.patch")
WATCH_PATCH_MIN_SCORE = 2.0  # a new citer goes into watch.patch from this suggest score on


@dataclass
class WatchResult:
    """What :func:`watch` found new since the earlier run it compared with."""

    graph: nx.DiGraph[Hashable]
    changes: Any  # pandas.DataFrame, WATCH_COLUMNS
    patch: Any  # citegraph.export.listpatch.ListPatch
    files: dict[str, Path]
    stats: dict[str, Any]
    baseline: float | None  # when the run compared with took place (Unix seconds), None: none
    warnings: list[Any] = field(default_factory=list)
    offline_note: str | None = None  # what --offline lacked, for stderr

    def summary(self) -> str:
        """What changed by kind, against which run, and the requests spent."""
        import datetime as dt

        from citegraph.analysis.watch import CHANGES

        s = self.stats
        families = plural(s.get("searched", 0), "family", "families")
        spent = (f"{s.get('requests', 0)} requests ({s.get('fetch_requests', 0)} for records and citers, "
                 f"{s.get('search_requests', 0)} name searches of {families})")
        if self.baseline is None and not s.get("since_year"):
            return (f"First watch of these lists: what they have now is recorded; the next run says what is new. "
                    f"{spent}.")
        counts = self.changes["change"].value_counts().to_dict() if len(self.changes) else {}
        when = ("since " + dt.datetime.fromtimestamp(self.baseline, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
                if self.baseline is not None else f"from {s.get('since_year')} on")
        parts = ", ".join(plural(counts.get(c, 0), c.replace("_", " ")) for c in CHANGES)
        lines = [f"New {when}: {parts}. {spent}."]
        if s.get("offline_searches"):
            lines.append(f"offline: {plural(len(s['offline_searches']), 'family name')} never searched "
                         "(run without --offline)")
        if "patch" in self.files:
            lines.append(f"The patch adds {plural(sum(len(f.added) for f in self.patch.files), 'entry', 'entries')}: "
                         f"{self.files['patch']} (apply in {self.patch.apply_from}: git apply or patch -p1)")
        return "\n".join(lines)


def _since_time(since: str) -> tuple[float | None, int | None]:
    """``last`` → (None, None); ``YYYY-MM-DD`` → (that midnight UTC, its year)."""
    import datetime as dt

    if since == "last":
        return None, None
    try:
        day = dt.date.fromisoformat(since)
    except ValueError:
        from citegraph.errors import UsageError

        raise UsageError(f"--since takes 'last' or a date YYYY-MM-DD, not {since!r}") from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp(), day.year


def watch(
    lists: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    since: str = "last",
    max_searches: int = 50,
    root: str | os.PathLike[str] | None = None,
    **fetch_options: Any,
) -> WatchResult:
    """What is new around ``lists`` since the last run (or a date), with reasons, sections and a patch.

    Fetches the listed papers' records and citers anew (one batch request per
    500 papers, one page per 1,000 citers), searches the names of the listed
    model families (one request each, at most ``max_searches``), and compares
    with the state the cache kept from the earlier run: new citers, new family
    members and new versions of listed preprints (:mod:`citegraph.analysis.watch`).
    Then records this run's state.  Offline, the cache alone answers.

    Parameters
    ----------
    since
        ``last`` (the latest earlier run) or a date ``YYYY-MM-DD`` (the latest
        run before it; with none, papers from that year on count as new).
    out_dir
        Where ``watch.csv``, ``watch.json``, ``watch.patch`` and ``edited/`` go
        (nothing written when ``None``).
    **fetch_options
        As :func:`build`; ``citations`` is always on.

    Examples
    --------
    With ``S2_API_KEY`` set (the network is needed, so this is not run as a doctest)::

        result = citegraph.watch(["my-list.md"], "watch-out/")
        print(result.summary())
    """
    import time

    from citegraph.analysis.lineage import successors
    from citegraph.analysis.watch import family_members, family_names, watch_changes, watch_state
    from citegraph.export.listpatch import list_patch
    from citegraph.export.tables import frame_records
    from citegraph.fetch.cache import Cache
    from citegraph.fetch.options import FetchOptions
    from citegraph.fetch.pipeline import build as fetch_graph
    from citegraph.fetch.records import paper_attrs
    from citegraph.fetch.search import search_names
    from citegraph.graph.model import add_paper
    from citegraph.lists.reader import read_lists
    from citegraph.text.names import model_name

    before_time, since_year = _since_time(since)
    options = FetchOptions.from_env(**{**fetch_options, "citations": True})
    key = json.dumps(sorted(str(Path(p).resolve()) for p in lists))
    started = time.time()
    if out_dir is not None:
        _check_folder_outputs(out_dir, WATCH_FILES, lists, {"cache": options.cache})
    built = fetch_graph(lists, options, renew=() if options.offline else ("records", "citations"))
    G = built.graph
    with Cache(options.cache_path()) as cache:
        earlier = cache.last_watch(key, before=before_time)
    names = family_names(G)[:max_searches]
    hits, search_requests, offline_missing = search_names(names, options, since=started)
    family: dict[str, list[str]] = {}
    for name, records in hits.items():
        members = family_members(name, records)
        for rec in members:
            attrs = paper_attrs(rec)
            add_paper(G, rec["paperId"], **attrs, name=model_name(attrs.get("title")))
        family[name] = [rec["paperId"] for rec in members]
    links = successors(G)
    state = watch_state(G, family)
    changes = watch_changes(G, earlier[1] if earlier else None, state, links=links,
                            since_year=since_year if earlier is None else None)
    with Cache(options.cache_path()) as cache:
        cache.put_watch(key, state)
    entries = read_lists([str(p) for p in lists]).entries
    # new family members, and new citers tied to the list by more than one citation (a paper
    # citing one listed paper is news, not yet a list entry): the rest is in the table only
    patch = list_patch([r for r in frame_records(changes) if r["change"] == "new_family_member"
                        or (r["change"] == "new_citer" and r["score"] >= WATCH_PATCH_MIN_SCORE)], entries, root=root)
    files = _write_table_files(changes, Path(out_dir), WATCH_FILES, patch) if out_dir is not None else {}
    stats = dict(built.stats)
    stats.update(fetch_requests=built.stats.get("requests", 0), search_requests=search_requests,
                 requests=built.stats.get("requests", 0) + search_requests, searched=len(names),
                 offline_searches=offline_missing, since_year=since_year if earlier is None else None)
    return WatchResult(graph=G, changes=changes, patch=patch, files=files, stats=stats,
                       baseline=earlier[0] if earlier else None, warnings=list(built.warnings),
                       offline_note=built.offline_note())
