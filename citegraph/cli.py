"""The ``citegraph`` command line: a thin click layer over the library.

Each command parses its options, makes one library call and prints the result.
A :class:`~citegraph.errors.CitegraphError` becomes one ``Error: ...`` line and
exit status 1.  Heavy modules are imported inside the commands so that
``citegraph --help`` and small commands start fast.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import click

from citegraph import __version__
from citegraph.errors import CitegraphError
from citegraph.export.registry import WRITER_MODULES

FORMAT_CHOICE = click.Choice(["table", "csv", "json"])


class _Group(click.Group):
    """Turns citegraph's own errors into ``Error: ...`` and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CitegraphError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citegraph")
def main() -> None:
    """Turn paper lists into a citation and lineage graph.

    Typical use: citegraph report my-list.md --out out/   (S2_API_KEY in the environment)
    """


@contextmanager
def _writing(path: str | Path) -> Iterator[None]:
    """Turn an OSError while writing the output ``path`` into one ``Error: ...`` line naming the file."""
    try:
        yield
    except (FileExistsError, NotADirectoryError):
        # mkdir or open met a file where the path needs a folder
        raise CitegraphError(f"{path}: cannot write (a part of the path is a file, not a folder)") from None
    except OSError as exc:
        raise CitegraphError(f"{exc.filename or path}: cannot write ({exc.strerror or exc})") from None


def _make_parent(*paths: str | Path | None, folder: bool = False) -> None:
    """Create the folders the outputs go in, before any slow work, so a bad path fails at once."""
    for path in paths:
        if path:
            with _writing(path):
                (Path(path) if folder else Path(path).parent).mkdir(parents=True, exist_ok=True)


def _echo_frame(frame: Any, fmt: str, columns: str | None = None, default: tuple[str, ...] = (),
                wrap: tuple[str, ...] = (), caption: str | None = None) -> None:
    """``frame`` on stdout; a table shows ``columns`` (``--columns``), else the ``default`` ones it has."""
    from citegraph.export.tables import write_frame

    if fmt == "table" and columns is None and default:
        columns = ",".join(dict.fromkeys(c for c in default if c in frame.columns))
    write_frame(frame, fmt, sys.stdout, columns=columns, wrap=wrap, caption=caption)


def _columns_option(default: tuple[str, ...]) -> Any:
    return click.option("--columns", default=None, metavar="COL,COL...",
                        help=f"Table columns to show, in order, or 'all' [default: {','.join(default)}]; "
                             "csv and json always have every column.")


# The compact tables' default columns: name and title first, then what the command is about.
PAPERS_TABLE = ("name", "title", "year", "tags", "sources", "key")
RANK_TABLE = ("name", "title", "year", "pagerank", "local_citations", "mentioned_by", "id")
RELATED_TABLE = ("name", "title", "year", "relation", "score", "id")
AUDIT_TABLE = ("title", "detail", "id")  # under a heading per problem


# === papers ===
@main.command("papers")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True,
              help="table for reading; csv and json keep every field, notes text included.")
@_columns_option(PAPERS_TABLE)
def papers_command(lists: tuple[str, ...], fmt: str, columns: str | None) -> None:
    """List the distinct papers that paper lists name.

    LIST is markdown/HTML notes, a BibTeX file or a file of ids (one per
    line); '-' reads standard input.  Warnings about malformed entries and a
    one-line summary go to standard error.
    """
    from citegraph import papers_frame, read_lists, write_papers
    from citegraph.text.places import relative_places

    result = read_lists(list(lists), stdin=sys.stdin)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if fmt != "table":  # written a paper at a time: no frame of every paper beside the papers
        write_papers(result.entries, fmt, sys.stdout)
        sys.stdout.flush()
        click.echo(result.summary(), err=True)
        return
    frame = papers_frame(result.entries)
    # one line per paper: the notes clipped to their start, each section by its
    # own name (the part that tells sections apart), not its whole path
    frame["text"] = frame["text"].map(lambda t: " ".join(t.split()))
    frame["tags"] = frame["tags"].map(lambda tags: list(dict.fromkeys(t.split(" / ")[-1] for t in tags)))
    frame["sources"] = frame["sources"].map(relative_places)  # the table's places from where you are
    _echo_frame(frame, fmt, columns, PAPERS_TABLE)
    sys.stdout.flush()  # the table before the summary on a shared terminal
    click.echo(result.summary(), err=True)


# === build ===


# Options shared by every command that fetches (build, report), named as build()'s keywords.
_FETCH_OPTIONS = (
    click.option("--cache", envvar="CITEGRAPH_CACHE", type=click.Path(dir_okay=False),
                 help="SQLite cache file [env CITEGRAPH_CACHE; default: the user's cache dir]."),
    click.option("--api-url", envvar="CITEGRAPH_S2_URL", default=None, metavar="URL",
                 help="Semantic Scholar graph API base (a mirror or local server) [env CITEGRAPH_S2_URL]."),
    click.option("--api-key", envvar="S2_API_KEY", default=None, metavar="KEY",
                 help="Semantic Scholar API key, sent on every request [env S2_API_KEY]."),
    click.option("--offline", is_flag=True, help="Use the cache only; report what it lacks."),
    click.option("--refresh", is_flag=True, help="Re-fetch everything, ignoring the cache."),
    click.option("--citations", is_flag=True, help="Also fetch the papers citing each listed paper."),
    click.option("--citation-cap", default=1000, show_default=True, type=click.IntRange(min=1),
                 help="Most citing papers fetched per listed paper."),
    click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0),
                 help="Hops of references to follow (1: what the listed papers cite)."),
    click.option("--max-papers", default=5000, show_default=True, type=click.IntRange(min=1),
                 help="Most papers whose references are fetched (caps --depth)."),
    click.option("--edge-details/--no-edge-details", default=None,
                 help="Page every reference list for isInfluential/intents/contexts (one request per paper), "
                      "or none [default: only those of papers with a lineage candidate]."),
    click.option("--min-interval", type=click.FloatRange(min=0), default=None,
                 envvar="CITEGRAPH_S2_MIN_INTERVAL",
                 help="Seconds between requests [default 1; env CITEGRAPH_S2_MIN_INTERVAL]."),
    click.option("--quiet", is_flag=True, help="No progress bars (warnings are still printed)."),
    click.option("--source", envvar="CITEGRAPH_SOURCE", default="s2", show_default=True, metavar="SOURCE",
                 help="Where papers come from: s2 (the API), datasets:DIR (a local bulk store), "
                      "s2,openalex (OpenAlex fills Semantic Scholar's gaps) [env CITEGRAPH_SOURCE]."),
    click.option("--openalex-url", envvar="CITEGRAPH_OPENALEX_URL", default=None, metavar="URL",
                 help="OpenAlex API base (a mirror or local server) [env CITEGRAPH_OPENALEX_URL]."),
    click.option("--openalex-mailto", envvar="OPENALEX_MAILTO", default=None, metavar="EMAIL",
                 help="Your e-mail, for OpenAlex's polite pool [env OPENALEX_MAILTO]."),
)


def fetch_options(command: Any) -> Any:
    """Attach the fetch options (see ``_FETCH_OPTIONS``) to a click command."""
    for option in reversed(_FETCH_OPTIONS):
        command = option(command)
    return command


def _check_fetch(fetch: dict[str, Any]) -> None:
    if fetch["offline"] and fetch["refresh"]:
        raise click.UsageError("--offline and --refresh contradict each other")


def _echo_fetch_notes(warnings: Any, capped: Any, offline_note: str | None = None) -> None:
    """List-reading warnings, cut lists (papers named by title and id) and what --offline lacked, on stderr.

    All printed even with --quiet, which only drops progress bars: warnings
    name list lines the user must fix, the rest says the graph is incomplete.
    """
    from citegraph.fetch.pipeline import format_capped

    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
    for cap in capped:
        click.echo(f"capped: {format_capped(cap)}", err=True)
    if offline_note:
        click.echo(offline_note, err=True)


@main.command("build")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="Graph file to write (node-link JSON)."
)
@fetch_options
@click.option("--graphml", type=click.Path(dir_okay=False), help="Also write GraphML (Gephi, Cytoscape).")
@click.option("--unresolved-csv", type=click.Path(dir_okay=False),
              help="Where to list unresolved entries and what --offline lacked; written on every "
                   "run, the header alone when there are none [default: OUTPUT's name + .unresolved.csv].")
@click.option("--no-lineage", "lineage", flag_value=False, default=True,
              help="Write citations only: no builds_on edges for the model lineage links found.")
def build_cmd(
    lists: tuple[str, ...], output: str, graphml: str | None, unresolved_csv: str | None, **fetch: Any
) -> None:
    """Resolve the papers of LIST files on Semantic Scholar and write their citation graph.

    Example: citegraph build notes/*.md -o graph.json   (S2_API_KEY in the environment)
    """
    from citegraph.export.paths import check_outputs  # never over a list, the cache or each other
    from citegraph.export.registry import export_graph
    from citegraph.graph.model import save_graph
    from citegraph.export.tables import write_csv
    from citegraph.reporting import build  # the fetch pipeline, then lineage as builds_on edges

    _check_fetch(fetch)
    out = Path(output)
    # Written on every run, the header alone when nothing is unresolved, so that
    # a file left by an earlier run never lists entries this run resolved.
    csv_path = Path(unresolved_csv) if unresolved_csv else out.with_name(out.stem + ".unresolved.csv")
    check_outputs({"-o": out, "--graphml": graphml, "--unresolved-csv": csv_path}, {"LIST": lists}, fetch=fetch)
    result = build(list(lists), **fetch)
    _echo_fetch_notes(result.warnings, result.stats["capped"], result.offline_note(csv_path))
    with _writing(out):
        save_graph(result.graph, out)
    if graphml:
        with _writing(graphml):
            export_graph(result.graph, graphml, format="graphml")
    with _writing(csv_path):
        write_csv(result.unresolved_frame(), csv_path)  # unresolved entries, then what --offline lacked
    click.echo(result.summary_line(csv_path), err=True)


# === rank ===
@main.command("rank")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--by", "by", default="pagerank", show_default=True, metavar="METRIC",
              help="Sort by: pagerank, hits_authority, hits_hub, local_citations, global_citations, "
                   "influential_citations, citations_per_year, citerank, listed_citers, community.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show the first N papers only.")
@click.option("--listed-only", is_flag=True, help="Only papers named in the lists (scores use the whole graph).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["cites", "builds_on", "mentions"]),
              help="Edge kinds to use (repeatable) [default: cites when the graph has citations, else all].")
@click.option("--seed", default=0, show_default=True, help="Seed of the community detection.")
@click.option("--no-communities", "no_communities", is_flag=True,
              help="Skip community detection (the slowest measure on big graphs); the community column is left empty.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True,
              help="table for reading; csv and json have every column.")
@_columns_option(RANK_TABLE)
def rank_cmd(graph: str, by: str, top: int | None, listed_only: bool, kinds: tuple[str, ...], seed: int,
             no_communities: bool, fmt: str, columns: str | None) -> None:
    """Rank the papers of GRAPH: PageRank, HITS, citation counts, CiteRank, communities.

    One row per paper with every measure, sorted by --by (largest first).
    Influence comes from citations when the graph has any; mentions in the
    lists' notes are counted apart (mentioned_by).  The table starts with a
    line saying what the ranking used.
    Example: citegraph rank graph.json --by citerank --top 20
    """
    from citegraph.analysis.rank import rank_papers
    from citegraph.graph.arrays import load_any  # a JSON graph file or a compact .npz

    frame = rank_papers(load_any(graph), by=by, top=top, listed_only=listed_only,
                        kinds=kinds or None, seed=seed, communities=not no_communities)
    _echo_frame(frame, fmt, columns, (*RANK_TABLE[:3], by, *RANK_TABLE[3:]), caption=frame.attrs["ranking_note"])

# === related ===
@main.command("related")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.argument("paper")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Rows to show.")
@click.option("--pool", type=click.IntRange(min=0), default=20, show_default=True,
              help="Most similar papers that join PAPER to find prior and derivative works.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@_columns_option(RELATED_TABLE)
def related_cmd(graph: str, paper: str, top: int, pool: int, fmt: str, columns: str | None) -> None:
    """Papers most related to PAPER: prior works, derivative works, similar works.

    PAPER is an arXiv id, node id, DOI, model name or title fragment.
    Similar works are cited with PAPER (co-citation) or share its references
    (coupling); prior works are cited by PAPER or by several of its similar
    works; derivative works cite PAPER or several of its similar works.  The
    score is the strongest evidence: co-citation + coupling + 1 for a direct
    citation, or the count of those papers citing it (cited_by_related), or
    cited by it (cites_related).
    """
    from citegraph.analysis.related import related_papers
    from citegraph.graph.model import load_graph

    frame = related_papers(load_graph(graph), paper, top=top, pool=pool)
    if not len(frame) and fmt == "table":
        click.echo(f"no related papers: {frame.attrs.get('empty_reason', 'nothing links to it')}")
        return
    _echo_frame(frame, fmt, columns, RELATED_TABLE)

# === path ===
@main.command("path")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.argument("a")
@click.argument("b")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["cites", "builds_on", "mentions"]),
              help="Edge kinds to follow (repeatable) [default: all].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def path_cmd(graph: str, a: str, b: str, kinds: tuple[str, ...], fmt: str) -> None:
    """How A leads to B: the shortest and the strongest citation paths between them.

    A and B are arXiv ids, node ids, DOIs, model names or title fragments;
    both directions are searched.  Example: citegraph path graph.json Chameleon ANOLE
    """
    import json

    from citegraph.analysis.paths import citation_paths, format_paths
    from citegraph.graph.model import load_graph

    result = citation_paths(load_graph(graph), a, b, kinds=kinds or None)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(format_paths(result))

# === audit ===
@main.command("audit")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--merge", is_flag=True, help="Merge the likely duplicates found and write the graph.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="With --merge: write the merged graph here instead of over GRAPH.")
@click.option("--problem", "problems", multiple=True, type=click.Choice(
    ["not_fetched", "unresolved", "no_references", "capped_citations", "unresolved_references", "duplicates"]),
    help="List only this kind of problem (repeatable).")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="List the first N rows [table default: 10; csv and json: all].")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@_columns_option(AUDIT_TABLE)
def audit_cmd(graph: str, merge: bool, output: str | None, problems: tuple[str, ...], top: int | None,
              fmt: str, columns: str | None) -> None:
    """What GRAPH cannot be trusted on: unresolved papers, missing or capped lists, duplicates.

    The table starts with a summary: how many problems of each kind, and
    what to do about each; then the first --top rows (10) of the kinds
    --problem picks (all by default), under a heading per kind, the detail
    (with its file:line) wrapped, never cut.
    csv and json: one row per problem, columns problem, id, title, detail
    (json: id/title null when no paper applies).  problem is one of not_fetched (a graph built from the
    lists' text: said once), unresolved, no_references, capped_citations,
    unresolved_references, duplicates; rows come in that order.  A count
    line goes to stderr.  With --merge the duplicates are merged (each
    recorded in the graph attribute 'merged') and the graph is written back.
    """
    from citegraph.analysis.audit import audit, audit_frame, audit_overview, audit_summary, merge_duplicates
    from citegraph.export.paths import check_outputs
    from citegraph.graph.model import load_graph, save_graph

    if output and not merge:
        raise click.UsageError("-o/--output is only used with --merge")
    if merge:  # GRAPH itself is the default output: merging rewrites it
        check_outputs({"-o": output or graph})
    G = load_graph(graph)
    report = audit(G)
    frame = audit_frame(report)
    if problems:
        frame = frame[frame["problem"].isin(problems)].reset_index(drop=True)
    if fmt == "table":
        click.echo(audit_overview(report))
        shown = frame.head(top or 10)
        for problem, rows in shown.groupby("problem", sort=False):
            total = int((frame["problem"] == problem).sum())
            how_many = f"all {total}" if len(rows) == total else f"the first {len(rows)} of {total}"
            click.echo(f"\n{problem}: {how_many}")
            _echo_frame(rows, fmt, columns, AUDIT_TABLE, wrap=("detail",))
        if len(shown) < len(frame):
            click.echo(f"\n{len(frame) - len(shown)} more rows: --top N shows more, --problem KIND one kind")
    else:
        _echo_frame(frame if top is None else frame.head(top), fmt)
        sys.stdout.flush()  # the rows before the count line on a shared terminal
        click.echo(audit_summary(report), err=True)
    if merge:
        merge_duplicates(G, report["duplicates"])
        with _writing(output or graph):
            save_graph(G, output or graph)
        n = len(report["duplicates"])
        click.echo(f"merged {n} {'duplicate' if n == 1 else 'duplicates'} into {output or graph}", err=True)

# === lineage ===
@main.command("lineage")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "mermaid", "svg"]), default="text",
              show_default=True, help="Indented family trees (text, md), the successor links as JSON, or a picture: "
              "a Mermaid flowchart (renders on GitHub) or an SVG of the lineage forest on a time axis.")
@click.option("--family", default=None, help="Only the lineages containing this model family (e.g. Janus).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.3, show_default=True,
              help="Drop successor links less certain than this.")
@click.option("--main-path", is_flag=True,
              help="Add the global main path (SPC) of the citation network, and the citations left out of it: "
                   "those running more than a year back in time and those closing a cycle (the first 10; "
                   "all with --format json).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file, not stdout.")
def lineage_cmd(graph: str, fmt: str, family: str | None, min_confidence: float, main_path: bool,
                output: str | None) -> None:
    """Model lineage: which model descends from which, with the evidence.

    Successor links come from the lists' own statements ("built on X",
    基于X构建), model families (Foo → Foo-2, FooFlow) backed by citations,
    shared authors or repositories, and dates.
    """
    from citegraph.analysis.lineage import lineage_report
    from citegraph.export.paths import check_outputs, write_text_output
    from citegraph.graph.model import load_graph

    if output is not None:
        check_outputs({"-o": output}, {"GRAPH": graph})  # never over the graph it reads
    G = load_graph(graph)
    if fmt in ("mermaid", "svg"):
        from citegraph import lineage_chart

        text = lineage_chart(G, fmt, family=family, min_confidence=min_confidence)
    else:
        text = lineage_report(G, fmt=fmt, family=family, min_confidence=min_confidence, main_path=main_path)
    if output is None:
        click.echo(text)
    else:
        with _writing(output):
            write_text_output(output, text + "\n")


# === html ===
@main.command("html")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--color", type=click.Choice(["family", "community", "year"]), default="family", show_default=True,
              help="What the dot colours show.")
@click.option("--size", default="pagerank", show_default=True,
              help="What the dot sizes show: pagerank, citations, influential, indegree (or a rank column).")
@click.option("--layout", type=click.Choice(["time", "force"]), default="time", show_default=True,
              help="time: years left to right, a band per family; force: linked papers close together.")
@click.option("--max-nodes", default=5000, show_default=True, type=click.IntRange(min=1),
              help="Above this, show listed and lineage papers, then the top by PageRank (and say so).")
@click.option("--title", default=None, help="Page title (default: citegraph and the file name).")
def html_cmd(graph: str, output: str, color: str, size: str, layout: str, max_nodes: int, title: str | None) -> None:
    """Write an interactive explorer of GRAPH: one HTML file that works offline.

    It opens on an overview (the lineage forest and the most influential
    listed papers); graph.html#view=lineage shows the lineage alone,
    graph.html#paper=ID one paper's lineage, references and citers, and
    graph.html#view=all every paper, with search, year and section filters.
    """
    from citegraph.export.html.page import write_html
    from citegraph.export.paths import check_outputs
    from citegraph.graph.model import load_graph

    check_outputs({"-o": output}, {"GRAPH": graph})  # before the layout is computed
    G = load_graph(graph)
    with _writing(output):
        result = write_html(G, output, color=color, size=size, layout=layout, max_nodes=max_nodes, title=title)
    click.echo(result.summary())


# === report ===
@main.command("report")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...", type=click.Path(dir_okay=False, path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for graph.html, rankings.csv, lineage.md and the rest.")
@click.option("--no-fetch", is_flag=True,
              help="No Semantic Scholar and no cache: the graph from the lists' own text, as demo does.")
@fetch_options
@click.pass_context
def report_cmd(ctx: click.Context, lists: tuple[str, ...], out_dir: str, no_fetch: bool, **fetch: Any) -> None:
    """The main job: lists → Semantic Scholar → graph → rankings → lineage → HTML.

    Writes graph.html, rankings.csv, lineage.md, lineage.json, lineage.svg,
    communities.csv, papers.csv, edges.csv, unresolved.csv, graph.json and
    graph.graphml into OUT and prints a summary.  Example: citegraph report
    my-list.md --out out/   (S2_API_KEY in the environment).  With --no-fetch
    nothing is fetched: links come from the lists' notes, names and years.
    """
    from click.core import ParameterSource

    from citegraph.reporting import report

    if no_fetch:
        # options from the environment (S2_API_KEY, ...) are fine; typed ones contradict
        typed = [name for name in fetch
                 if name != "quiet" and ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE]
        if typed:
            raise click.UsageError(f"--no-fetch fetches nothing: drop --{typed[0].replace('_', '-')}")
        options: dict[str, Any] = {"fetch": False}
    else:
        _check_fetch(fetch)
        options = fetch
    _make_parent(out_dir, folder=True)  # before fetching: a bad --out fails at once
    with _writing(out_dir):
        result = report(list(lists), out_dir, **options)
    _echo_fetch_notes(result.warnings, result.stats.get("capped", []), result.offline_note)
    click.echo(result.summary())

# === suggest ===
@main.command("suggest")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...", type=click.Path(dir_okay=False, path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for suggestions.csv/.json, suggest.patch and edited/ copies of the lists.")
@click.option("--top", type=click.IntRange(min=1), default=50, show_default=True, help="How many suggestions.")
@click.option("--by", type=click.Choice(["evidence", "local_citations", "cocitation"]), default="evidence",
              show_default=True, help="Rank by every signal, or by listed citers or co-citation alone.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@fetch_options
def suggest_cmd(lists: tuple[str, ...], out_dir: str, top: int, by: str, fmt: str, **fetch: Any) -> None:
    """Papers your lists miss, best first: why, the section they fit, and a patch adding them.

    Fetches the lists' papers, their references and (always, for suggest)
    their citers.  Example: citegraph suggest my-list.md --out suggest-out/
    then review suggest-out/edited/ or run git apply suggest-out/suggest.patch.
    """
    from citegraph.reporting import suggest

    _check_fetch(fetch)
    fetch["citations"] = True
    _make_parent(out_dir, folder=True)
    with _writing(out_dir):
        result = suggest(list(lists), out_dir, top=top, by=by, **fetch)
    _echo_fetch_notes(result.warnings, result.stats.get("capped", []), result.offline_note)
    _echo_frame(result.suggestions, fmt)
    click.echo(result.summary(), err=True)


# === watch ===
@main.command("watch")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...", type=click.Path(dir_okay=False, path_type=str))
@click.option("--since", default="last", show_default=True, metavar="DATE|last",
              help="Compare with the last run, or with the last run before DATE (YYYY-MM-DD).")
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Folder for watch.csv/.json, watch.patch and edited/ copies of the lists.")
@click.option("--max-searches", type=click.IntRange(min=0), default=50, show_default=True,
              help="Most model-family names searched (one request each), biggest families first.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@fetch_options
def watch_cmd(lists: tuple[str, ...], since: str, out_dir: str | None, max_searches: int, fmt: str,
              **fetch: Any) -> None:
    """What is new around your lists since the last run: new citers, new family members, new versions.

    Fetches the listed papers' records and citers anew, searches the listed
    model families' names, compares with the last run's state in the cache and
    records this one.  Example: citegraph watch my-list.md --out watch-out/
    """
    from citegraph.reporting import watch

    _check_fetch(fetch)
    fetch.pop("citations")  # always on for watch
    if out_dir:
        _make_parent(out_dir, folder=True)
    with _writing(out_dir or "."):
        result = watch(list(lists), out_dir, since=since, max_searches=max_searches, **fetch)
    _echo_fetch_notes(result.warnings, result.stats.get("capped", []), result.offline_note)
    _echo_frame(result.changes, fmt)
    click.echo(result.summary(), err=True)


# === export ===
@main.command("export")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITER_MODULES)), default=None,
              help="Output format (default: from the file suffix: .json, .graphml, .gexf, .cyjs).")
def export_cmd(graph: str, output: str, fmt: str | None) -> None:
    """Write GRAPH in another format: GraphML or GEXF (Gephi), Cytoscape.js JSON, node-link JSON."""
    from citegraph.export.paths import check_outputs
    from citegraph.export.registry import export_graph
    from citegraph.graph.model import load_graph

    check_outputs({"-o": output}, {"GRAPH": graph})
    G = load_graph(graph)
    with _writing(output):
        written = export_graph(G, output, format=fmt)
    click.echo(f"{written}: {G.number_of_nodes()} papers, {G.number_of_edges()} links")


# === demo ===
@main.command("demo")
@click.option("--out", "out_dir", default="demo-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the outputs.")
def demo_cmd(out_dir: str) -> None:
    """Run the whole job on the built-in example list, offline (report --no-fetch).

    The example is a list of unified multimodal understanding-and-generation
    models; with no network and no cache, the graph comes from the list's own
    text (mentions, 'builds on' statements, model families, years).
    """
    from citegraph.reporting import demo

    _make_parent(out_dir, folder=True)
    with _writing(out_dir):
        result = demo(out_dir)
    click.echo(result.summary())


# === datasets ===
@main.group("datasets", cls=_Group)
def datasets_group() -> None:
    """Semantic Scholar's bulk datasets in a local Parquet store: import, top-cited, neighbourhood.

    Example: citegraph datasets import papers/*.gz citations/*.gz --store s2-store
    """


_ENGINE_OPTION = click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True,
                              help="DuckDB on this machine, or Spark SQL (local or a cluster).")
_MEMORY_OPTION = click.option("--memory-limit", default="1GB", show_default=True, metavar="SIZE",
                              help="DuckDB's memory limit; past it DuckDB spills to DIR/.spill.")
_STORE_OPTION = click.option("--store", required=True, type=click.Path(file_okay=False), help="The store folder.")


@datasets_group.command("import")
@click.argument("shards", nargs=-1, type=click.Path(dir_okay=False, exists=True))
@_STORE_OPTION
@click.option("--diff", type=click.Path(dir_okay=False, exists=True),
              help="A Datasets API diff answer (JSON) whose update_files/delete_files are downloaded beside it.")
@_MEMORY_OPTION
@click.option("--threads", type=click.IntRange(min=1), default=None, help="DuckDB threads [default: all cores].")
@_ENGINE_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar.")
def datasets_import_cmd(shards: tuple[str, ...], store: str, diff: str | None, memory_limit: str,
                        threads: int | None, engine: str, quiet: bool) -> None:
    """Import downloaded bulk shards (papers, citations, abstracts: gzipped JSON lines) into STORE.

    Each shard once: a re-run skips the shards done, so an interrupted import resumes.
    """
    from citegraph.fetch.local import import_datasets

    if not shards and not diff:
        raise click.UsageError("give SHARDS to import, or --diff")
    result = import_datasets(list(shards), store, diff=diff, engine=engine, memory_limit=memory_limit,
                             threads=threads, quiet=quiet)
    rows = ", ".join(f"{n:,} {name}" for name, n in sorted(result["rows"].items())) or "no rows"
    line = f"{store}: {result['imported']} shards imported ({rows}), {result['skipped']} already done"
    if "diff" in result:
        line += f"; {result['diff']['applied']} diffs applied, {result['diff']['skipped']} already applied"
    click.echo(line, err=True)


@datasets_group.command("top-cited")
@_STORE_OPTION
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1), help="How many papers.")
@_MEMORY_OPTION
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
def datasets_top_cited_cmd(store: str, top: int, memory_limit: str, fmt: str) -> None:
    """The most cited papers of the whole store, counted over every citation in it."""
    from citegraph.fetch.local import datasets_top_cited

    _echo_frame(datasets_top_cited(store, top, memory_limit=memory_limit), fmt)


@datasets_group.command("neighbourhood")
@click.argument("lists", nargs=-1, required=True, metavar="LIST...", type=click.Path(dir_okay=False, path_type=str))
@_STORE_OPTION
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="Citation hops out from the listed papers, either way.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Graph file to write.")
@_MEMORY_OPTION
@_ENGINE_OPTION
def datasets_neighbourhood_cmd(lists: tuple[str, ...], store: str, hops: int, output: str, memory_limit: str,
                               engine: str) -> None:
    """The graph of every paper within --hops citations of the LIST files' papers, from STORE."""
    from citegraph.export.paths import check_outputs
    from citegraph.fetch.local import datasets_neighbourhood
    from citegraph.graph.model import save_graph

    check_outputs({"-o": output}, {"LIST": lists})
    result = datasets_neighbourhood(list(lists), store, hops=hops, engine=engine, memory_limit=memory_limit)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    with _writing(output):
        save_graph(result.graph, output)
    s = result.stats
    click.echo(f"{output}: {s['papers']:,} papers, {s['edges']:,} links; resolved {s['resolved']}/{s['listed']}, "
               f"{s['unresolved']} unresolved", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
