"""What ``citegraph datasets`` does: import shards, the most cited papers, a list's neighbourhood.

Each takes ``engine="duckdb"`` (one machine, out of core under a memory
limit) or ``"spark"`` (the same SQL on a Spark cluster, :mod:`citegraph.fetch.spark`).
The neighbourhood graph has the node and edge attributes of ``citegraph build``:
the list's papers resolved as ``--source datasets:DIR`` resolves them, then
every paper within ``hops`` citations of them and the citations among them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Sequence

from citegraph.errors import UsageError
from citegraph.fetch import bulk
from citegraph.fetch.cache import Cache
from citegraph.fetch.datasets import DatasetsSource
from citegraph.fetch.pipeline import BuildResult, build_from_entries, show_progress
from citegraph.fetch.records import paper_attrs
from citegraph.graph.model import add_link, add_paper
from citegraph.lists.reader import parse_documents, read_documents

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ENGINES", "import_datasets", "datasets_top_cited", "datasets_neighbourhood"]

ENGINES = ("duckdb", "spark")


def _as_list(value: Any) -> list[str]:
    """A list cell of a query's frame (a list or an array; missing: NA or None) as a list.

    >>> _as_list(["a"]), _as_list(None)
    (['a'], [])
    """
    return [str(v) for v in value] if isinstance(value, (list, tuple)) or hasattr(value, "tolist") else []


def _engine(engine: str) -> str:
    if engine not in ENGINES:
        raise UsageError(f"--engine {engine!r}: one of {', '.join(ENGINES)}")
    return engine


def import_datasets(
    shards: Sequence[str | os.PathLike[str]],
    store: str | os.PathLike[str],
    *,
    diff: str | os.PathLike[str] | None = None,
    engine: str = "duckdb",
    memory_limit: str | None = None,
    threads: int | None = None,
    quiet: bool = False,
) -> dict[str, Any]:
    """Import bulk shards into the store (each once), then apply the ``diff`` answer if given.

    A progress bar is drawn on a terminal unless ``quiet``.

    Examples
    --------
    >>> import tempfile
    >>> import_datasets([], tempfile.mkdtemp())["imported"]
    0
    """
    if _engine(engine) == "spark":
        if diff is not None:
            raise UsageError("--diff runs on the duckdb engine (a diff is small); import with spark, diff with duckdb")
        from citegraph.fetch.spark import import_shards_spark

        return import_shards_spark(shards, store)
    progress = show_progress(quiet)
    result = bulk.import_shards(shards, store, memory_limit=memory_limit, threads=threads, progress=progress)
    if diff is not None:
        result["diff"] = bulk.apply_diff(diff, store, memory_limit=memory_limit, threads=threads, progress=progress)
    return result


def datasets_top_cited(
    store: str | os.PathLike[str], top: int = 20, *, memory_limit: str | None = None
) -> pd.DataFrame:
    """The most cited papers of the whole store (:func:`citegraph.fetch.bulk.top_cited`)."""
    if top < 1:
        raise UsageError(f"--top must be at least 1, not {top}")
    return bulk.top_cited(store, top, memory_limit=memory_limit)


def datasets_neighbourhood(
    lists: Sequence[str | os.PathLike[str]],
    store: str | os.PathLike[str],
    *,
    hops: int = 1,
    engine: str = "duckdb",
    memory_limit: str | None = None,
) -> BuildResult:
    """The graph of every paper within ``hops`` citations (either way) of the lists' papers.

    The lists' entries resolve through the store as with ``--source
    datasets:DIR`` (unresolved ones are in ``result.unresolved``); the graph
    attribute ``neighbourhood`` records ``hops``, ``seeds``, ``engine``.
    """
    _engine(engine)
    if hops < 0:
        raise UsageError(f"--hops must be 0 or more, not {hops}")
    read = parse_documents(read_documents([Path(p) for p in lists]), consume=True)
    source = DatasetsSource(store, memory_limit=memory_limit)
    try:
        with tempfile.TemporaryDirectory() as tmp, Cache(Path(tmp) / "resolve.sqlite") as cache:
            result = build_from_entries(read.entries, client=source, cache=cache, depth=0)
        G = result.graph
        seeds = sorted({int(d["corpus_id"]) for _, d in G.nodes(data=True) if d.get("listed") and d.get("corpus_id")})
        if engine == "spark":
            from citegraph.fetch.spark import neighbourhood_ids_spark

            ids, edges = neighbourhood_ids_spark(store, seeds, hops)
        else:
            ids, edges = bulk.neighbourhood_ids(store, seeds, hops, memory_limit=memory_limit)
        records = source.records_by_corpus(sorted(ids))
    finally:
        source.close()
    node_of = {corpus: rec["paperId"] for corpus, rec in records.items()}
    for rec in records.values():
        add_paper(G, rec["paperId"], **paper_attrs(rec), listed=False)
    fresh = []
    columns = [edges[c].tolist() for c in ("citing", "cited", "isinfluential", "intents", "contexts")]
    for citing_id, cited_id, influential, intents, contexts in zip(*columns):
        citing, cited = node_of.get(int(citing_id)), node_of.get(int(cited_id))
        if not citing or not cited or citing == cited:
            continue
        attrs = {"is_influential": bool(influential), "intents": _as_list(intents), "contexts": _as_list(contexts)}
        if G.has_edge(citing, cited):
            add_link(G, citing, cited, "cites", **attrs)
        else:  # the common case, added in one call (add_link one by one is the slow part here)
            fresh.append((citing, cited, {"kind": "cites", "kinds": ["cites"], **attrs}))
    G.add_edges_from(fresh)
    G.graph["neighbourhood"] = {"hops": hops, "seeds": len(seeds), "engine": engine, "store": str(store)}
    result.stats.update(papers=G.number_of_nodes(), edges=G.number_of_edges())
    G.graph["fetch"] = dict(result.stats)
    result.warnings = list(read.warnings)
    return result
