"""The local store of Semantic Scholar's bulk datasets: import with DuckDB, whole-graph queries.

``import_shards`` reads downloaded shards (gzipped JSON lines of the
``papers``, ``citations`` and ``abstracts`` datasets) into Parquet, one file per
shard, under a DuckDB memory limit; a shard already imported is skipped, so
an interrupted import resumes.  ``apply_diff`` applies the Datasets API's
incremental diffs (``update_files`` upserted, ``delete_files`` removed).  The
layout, which Spark reads too (:mod:`citegraph.fetch.spark`)::

    DIR/store.json                  shards imported, diffs applied
    DIR/papers/<shard>.parquet      corpusid, paper_id, arxiv, doi, externalids, title, title_key, ...
    DIR/citations/<shard>.parquet   citationid, citing, cited (null: unresolved), isinfluential, contexts, intents
    DIR/abstracts/<shard>.parquet   corpusid, abstract
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Sequence

import pandas as pd

from citegraph.errors import InputError, UsageError
from citegraph.graph.files import atomic_path

__all__ = [
    "DATASETS",
    "KEYS",
    "Store",
    "apply_diff",
    "detect_dataset",
    "import_shards",
    "neighbourhood_ids",
    "title_key",
    "top_cited",
]

DATASETS = ("papers", "citations", "abstracts")
# The columns that identify a row, for diffs (citations: the pair, or citationid when given).
KEYS = {"papers": ("corpusid",), "abstracts": ("corpusid",), "citations": ("citing", "cited")}
# The same columns as a delete file's records name them.
SELECT_KEYS = {
    "papers": "corpusid",
    "abstracts": "corpusid",
    "citations": "citingcorpusid AS citing, citedcorpusid AS cited",
}
MANIFEST = "store.json"
DEFAULT_MEMORY_LIMIT = "1GB"

# The shards' own field names and types (missing fields read as NULL).
_JSON_COLUMNS = {
    "papers": {
        "corpusid": "BIGINT",
        "externalids": "STRUCT(ACL VARCHAR, DBLP VARCHAR, ArXiv VARCHAR, MAG VARCHAR, CorpusId VARCHAR, "
        "PubMed VARCHAR, DOI VARCHAR, PubMedCentral VARCHAR)",
        "url": "VARCHAR",
        "title": "VARCHAR",
        "authors": "STRUCT(authorId VARCHAR, name VARCHAR)[]",
        "venue": "VARCHAR",
        "year": "INTEGER",
        "referencecount": "INTEGER",
        "citationcount": "INTEGER",
        "influentialcitationcount": "INTEGER",
        "publicationdate": "VARCHAR",
    },
    "citations": {
        "citationid": "BIGINT",
        "citingcorpusid": "BIGINT",
        "citedcorpusid": "BIGINT",
        "isinfluential": "BOOLEAN",
        "contexts": "VARCHAR[]",
        "intents": "JSON",
    },
    "abstracts": {"corpusid": "BIGINT", "abstract": "VARCHAR"},
}

# Title keys: lower case, runs of letters and digits joined by one space.  The
# same rule in SQL (DuckDB's and Spark's regexes both know \p{L} and \p{N}) and
# in :func:`title_key`, so a listed title finds its row by equality.
TITLE_KEY_SQL = "trim(regexp_replace(lower({col}), '[^\\p{{L}}\\p{{N}}]+', ' ', 'g'))"
_WORD = re.compile(r"[^\W_]+")

# What each dataset keeps, as SELECT expressions over the shard's own fields.
SELECT = {
    "papers": (
        "corpusid, nullif(regexp_extract(url, '([0-9a-f]{40})', 1), '') AS paper_id, "
        "externalids.ArXiv AS arxiv, lower(externalids.DOI) AS doi, externalids, title, "
        + TITLE_KEY_SQL.format(col="title")
        + " AS title_key, year, nullif(venue, '') AS venue, authors, citationcount, influentialcitationcount, "
        "referencecount, publicationdate"
    ),
    # intents are a list of labels, or one list per context: flattened either way
    "citations": (
        "citationid, citingcorpusid AS citing, citedcorpusid AS cited, isinfluential, contexts, "
        "CASE WHEN json_type(intents, '$[0]') = 'ARRAY' THEN list_sort(list_distinct("
        "json_extract_string(intents, '$[*][*]'))) "
        "ELSE json_extract_string(intents, '$[*]') END AS intents"
    ),
    "abstracts": "corpusid, abstract",
}


def title_key(title: str) -> str:
    """The store's comparison key of a title (the rule of ``TITLE_KEY_SQL``).

    >>> title_key("  Janus-Pro: Unified  Multimodal!")
    'janus pro unified multimodal'
    """
    return " ".join(_WORD.findall(title.lower()))


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError:
        raise UsageError(
            "the bulk datasets need DuckDB and pyarrow: pip install 'citegraph[datasets]'"
        ) from None
    return duckdb


def _sql_str(value: str | os.PathLike[str]) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def connect(store: Path | None = None, *, memory_limit: str | None = None, threads: int | None = None) -> Any:
    """A DuckDB connection under ``memory_limit``, spilling to ``store/.spill``."""
    duckdb = _duckdb()
    con = duckdb.connect()
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", memory_limit or DEFAULT_MEMORY_LIMIT, re.I):
        raise UsageError(f"--memory-limit {memory_limit!r}: give a size such as 512MB or 4GB")
    con.execute(f"SET memory_limit = {_sql_str(memory_limit or DEFAULT_MEMORY_LIMIT)}")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    if store is not None:
        con.execute(f"SET temp_directory = {_sql_str(store / '.spill')}")
    con.execute("SET preserve_insertion_order = false")  # lets big COPYs stream
    return con


def detect_dataset(path: str | os.PathLike[str]) -> str:
    """Which dataset a shard belongs to, from the fields of its first record.

    Raises
    ------
    InputError
        The file is not gzipped JSON lines of one of :data:`DATASETS`.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            line = fh.readline()
        record = json.loads(line) if line.strip() else {}
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a gzipped JSON-lines shard ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{path}:1: a shard's lines are JSON objects")
    if "citingcorpusid" in record:
        return "citations"
    if "corpusid" in record and "abstract" in record and "title" not in record:
        return "abstracts"
    if "corpusid" in record and "title" in record:
        return "papers"
    raise InputError(
        f"{path}:1: not a papers, citations or abstracts record (fields: {', '.join(sorted(record)[:8])})"
    )


def _read_json_sql(files: Sequence[Path], dataset: str) -> str:
    columns = ", ".join(f"{name}: {_sql_str(kind)}" for name, kind in _JSON_COLUMNS[dataset].items())
    listing = "[" + ", ".join(_sql_str(f) for f in files) + "]"
    return (
        f"read_json({listing}, format = 'newline_delimited', compression = 'gzip', "
        f"columns = {{{columns}}})"
    )


class Store:
    """A store folder: its manifest and the Parquet globs of each dataset."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def manifest(self) -> dict[str, Any]:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"format": 1, "shards": {}, "diffs": []}
        except (OSError, ValueError) as exc:
            raise InputError(f"{self.manifest_path}: unreadable store manifest ({exc})") from None
        return data

    def save_manifest(self, data: dict[str, Any]) -> None:
        with atomic_path(self.manifest_path) as tmp:
            tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")

    def files(self, dataset: str) -> list[Path]:
        """The dataset's Parquet files (DuckDB's own and Spark's part files)."""
        folder = self.path / dataset
        return sorted(p for p in folder.rglob("*.parquet") if p.is_file()) if folder.exists() else []

    def scan(self, dataset: str) -> str:
        """A FROM clause over the dataset (an empty relation of the right shape when none)."""
        files = self.files(dataset)
        if files:
            return "read_parquet([" + ", ".join(_sql_str(f) for f in files) + "], union_by_name = true)"
        if dataset == "abstracts":
            return "(SELECT NULL::BIGINT AS corpusid, NULL::VARCHAR AS abstract WHERE false)"
        raise UsageError(f"{self.path}: no {dataset} imported; run citegraph datasets import first")

    def shard_target(self, shard: Path) -> tuple[str, str, Path]:
        """A shard's dataset, its key in the manifest and the Parquet path it is imported to."""
        dataset = detect_dataset(shard)
        name = _shard_name(shard)
        return dataset, f"{dataset}/{name}", self.path / dataset / f"{name}.parquet"

    def imported(self, manifest: dict[str, Any], key: str, shard: Path, out: Path) -> bool:
        """Whether ``manifest`` names the shard at ``key`` with its present size, and its Parquet exists."""
        done = manifest["shards"].get(key)
        return bool(done and done.get("bytes") == shard.stat().st_size and out.exists())

    def check(self) -> None:
        if not self.path.is_dir() or not self.manifest_path.exists():
            raise UsageError(
                f"{self.path}: not a datasets store (no {MANIFEST}); make one with "
                "citegraph datasets import SHARDS... --store DIR"
            )


def _shard_name(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return re.sub(r"[^\w.\-]+", "_", name) or "shard"


def _bar(total: int, enabled: bool, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="B", unit_scale=True, file=sys.stderr, disable=not enabled)


def import_shards(
    shards: Iterable[str | os.PathLike[str]],
    store: str | os.PathLike[str],
    *,
    memory_limit: str | None = None,
    threads: int | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Import bulk-dataset shards into the Parquet store at ``store``, each shard once.

    A shard is done when its Parquet file is written (to a temporary name,
    then renamed) and the manifest names it with its size; a re-run skips it.

    Returns
    -------
    dict
        ``imported`` and ``skipped`` (shard counts), ``rows`` per dataset imported
        this run, ``store``.

    Examples
    --------
    >>> import tempfile
    >>> import_shards([], tempfile.mkdtemp())["imported"]
    0
    """
    st = Store(store)
    st.path.mkdir(parents=True, exist_ok=True)
    paths = [Path(s) for s in shards]
    for p in paths:
        if not p.is_file():
            raise InputError(f"{p}: no such shard file")
    manifest = st.manifest()
    todo: list[tuple[Path, str, str, Path]] = []
    skipped = 0
    for p in paths:
        dataset, key, out = st.shard_target(p)
        if st.imported(manifest, key, p, out):
            skipped += 1
            continue
        todo.append((p, dataset, key, out))
    rows: dict[str, int] = {}
    if todo:
        con = connect(st.path, memory_limit=memory_limit, threads=threads)
        try:
            with _bar(sum(p.stat().st_size for p, _, _, _ in todo), progress, "import") as bar:
                for p, dataset, key, out in todo:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    n = _convert(con, [p], dataset, out)
                    manifest["shards"][key] = {"bytes": p.stat().st_size, "rows": n, "file": str(p.name)}
                    st.save_manifest(manifest)
                    rows[dataset] = rows.get(dataset, 0) + n
                    bar.update(p.stat().st_size)
        finally:
            con.close()
    elif not st.manifest_path.exists():
        st.save_manifest(manifest)
    return {"imported": len(todo), "skipped": skipped, "rows": rows, "store": str(st.path)}


def _convert(con: Any, files: Sequence[Path], dataset: str, out: Path) -> int:
    """One COPY from shards to a Parquet file, written under a temporary name first."""
    tmp = out.with_name(out.name + ".tmp")
    order = " ORDER BY cited" if dataset == "citations" else ""  # row groups then prune "who cites X"
    try:
        con.execute(
            f"COPY (SELECT {SELECT[dataset]} FROM {_read_json_sql(files, dataset)}{order}) "
            f"TO {_sql_str(tmp)} (FORMAT PARQUET, COMPRESSION ZSTD)"
        )
    except Exception as exc:  # duckdb's errors have no common public base across versions
        tmp.unlink(missing_ok=True)
        names = ", ".join(str(f) for f in files)
        raise InputError(f"{names}: cannot read as the {dataset} dataset ({str(exc).splitlines()[0]})") from None
    os.replace(tmp, out)
    n: int = con.execute(f"SELECT count(*) FROM read_parquet({_sql_str(out)})").fetchone()[0]
    return n


def _local_file(url: str, folder: Path) -> Path:
    """A diff file named by URL (the Datasets API's answer) or path, found beside the diff manifest."""
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    for candidate in (Path(url), folder / url, folder / name):
        if candidate.is_file():
            return candidate
    raise InputError(f"diff file {name} not found beside the diff manifest (in {folder}); download it first")


def apply_diff(
    diff: str | os.PathLike[str],
    store: str | os.PathLike[str],
    *,
    memory_limit: str | None = None,
    threads: int | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Apply a Datasets API diff answer (``{"dataset", "diffs": [{"from_release", "to_release",
    "update_files", "delete_files"}]}``) to the store; diffs already applied are skipped.

    The files are looked up beside the answer's JSON file, by the last part of
    their URL.  Updated rows replace the rows of the same key; deleted keys go.
    """
    path = Path(diff)
    try:
        answer = json.loads(path.read_text(encoding="utf-8"))
        dataset = answer["dataset"]
        steps = list(answer["diffs"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a Datasets API diff answer ({exc})") from None
    if dataset not in DATASETS:
        raise InputError(f"{path}: dataset {dataset!r} is not one of {', '.join(DATASETS)}")
    st = Store(store)
    st.check()
    manifest = st.manifest()
    applied = {(d["dataset"], d["to_release"]) for d in manifest["diffs"]}
    done = skipped = 0
    con = connect(st.path, memory_limit=memory_limit, threads=threads)
    try:
        with _bar(len(steps), progress, f"{dataset} diffs") as bar:
            for step in steps:
                if (dataset, step["to_release"]) in applied:
                    skipped += 1
                    continue
                updates = [_local_file(u, path.parent) for u in step.get("update_files") or []]
                deletes = [_local_file(u, path.parent) for u in step.get("delete_files") or []]
                _apply_one(con, st, dataset, str(step["to_release"]), updates, deletes)
                manifest["diffs"].append({"dataset": dataset, "from_release": step.get("from_release"),
                                          "to_release": step["to_release"]})
                st.save_manifest(manifest)
                done += 1
                bar.update(1)
    finally:
        con.close()
    return {"applied": done, "skipped": skipped, "dataset": dataset, "store": str(st.path)}


def _apply_one(con: Any, st: Store, dataset: str, release: str, updates: list[Path], deletes: list[Path]) -> None:
    staged = st.path / dataset / f"diff-{_shard_name(Path(release))}.parquet"
    staged.parent.mkdir(parents=True, exist_ok=True)
    scratch = staged.with_name(staged.name + ".new")
    keys = KEYS[dataset]
    con.execute(f"CREATE OR REPLACE TEMP TABLE gone ({', '.join(k + ' BIGINT' for k in keys)})")
    if updates:
        _convert(con, updates, dataset, scratch)
        con.execute(f"INSERT INTO gone SELECT {', '.join(keys)} FROM read_parquet({_sql_str(scratch)})")
    if deletes:
        con.execute(f"INSERT INTO gone SELECT {SELECT_KEYS[dataset]} FROM {_read_json_sql(deletes, dataset)}")
    match = " AND ".join(f"g.{k} IS NOT DISTINCT FROM f.{k}" for k in keys)
    for f in st.files(dataset):
        if f == staged:  # the scratch file ends in .new, so it is not among the files
            continue
        hits = con.execute(
            f"SELECT count(*) FROM read_parquet({_sql_str(f)}) f WHERE EXISTS (SELECT 1 FROM gone g WHERE {match})"
        ).fetchone()[0]
        if not hits:
            continue
        tmp = f.with_name(f.name + ".tmp")
        con.execute(
            f"COPY (SELECT * FROM read_parquet({_sql_str(f)}) f WHERE NOT EXISTS "
            f"(SELECT 1 FROM gone g WHERE {match})) TO {_sql_str(tmp)} (FORMAT PARQUET, COMPRESSION ZSTD)"
        )
        os.replace(tmp, f)
    if updates:
        os.replace(scratch, staged)


def top_cited(
    store: str | os.PathLike[str], top: int = 20, *, memory_limit: str | None = None, threads: int | None = None
) -> pd.DataFrame:
    """The ``top`` most cited papers of the store, counted over every citation in it.

    Columns: ``paper_id, corpus_id, title, year, citations`` (citations in the
    store) and ``citation_count`` (the dataset's own count).
    """
    st = Store(store)
    st.check()
    con = connect(st.path, memory_limit=memory_limit, threads=threads)
    try:
        return con.execute(
            f"""SELECT p.paper_id, c.cited AS corpus_id, p.title, p.year, c.n AS citations,
                       p.citationcount AS citation_count
                FROM (SELECT cited, count(*) AS n FROM {st.scan('citations')} WHERE cited IS NOT NULL
                      GROUP BY cited ORDER BY n DESC, cited LIMIT {int(top)}) c
                LEFT JOIN {st.scan('papers')} p ON p.corpusid = c.cited
                ORDER BY c.n DESC, c.cited"""
        ).df()
    finally:
        con.close()


def neighbourhood_ids(
    store: str | os.PathLike[str],
    seeds: Sequence[int],
    hops: int,
    *,
    memory_limit: str | None = None,
    threads: int | None = None,
) -> tuple[set[int], pd.DataFrame]:
    """The corpus ids within ``hops`` citations of ``seeds`` (either direction), and the
    citations among them (``citing, cited, isinfluential, contexts, intents``)."""
    st = Store(store)
    st.check()
    if hops < 0:
        raise UsageError(f"--hops must be 0 or more, not {hops}")
    con = connect(st.path, memory_limit=memory_limit, threads=threads)
    try:
        cites = st.scan("citations")
        con.register("seed_frame", pd.DataFrame({"id": pd.Series(list(seeds), dtype="int64")}))
        con.execute("CREATE TEMP TABLE nodes AS SELECT DISTINCT id FROM seed_frame")
        con.execute("CREATE TEMP TABLE frontier AS SELECT id FROM nodes")
        for _ in range(hops):
            con.execute(
                f"""CREATE OR REPLACE TEMP TABLE frontier AS
                    SELECT DISTINCT id FROM (
                        SELECT cited AS id FROM {cites} WHERE cited IS NOT NULL AND citing IN (SELECT id FROM frontier)
                        UNION ALL
                        SELECT citing AS id FROM {cites} WHERE cited IN (SELECT id FROM frontier))
                    WHERE id NOT IN (SELECT id FROM nodes)"""
            )
            con.execute("INSERT INTO nodes SELECT id FROM frontier")
        ids = {int(i) for i in con.execute("SELECT id FROM nodes").fetchnumpy()["id"]}
        edges = con.execute(
            f"""SELECT citing, cited, isinfluential, contexts, intents FROM {cites}
                WHERE cited IN (SELECT id FROM nodes) AND citing IN (SELECT id FROM nodes)
                ORDER BY citing, cited"""
        ).df()
    finally:
        con.close()
    return ids, edges
