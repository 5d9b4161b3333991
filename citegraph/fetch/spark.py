"""The bulk-datasets store past one machine: the same import and neighbourhood as Spark SQL.

Writes and reads the layout of :mod:`citegraph.fetch.bulk` (a shard's Parquet
is a folder of part files here), so a store imported by either engine is read
by both.  Spark runs where ``CITEGRAPH_SPARK_MASTER`` points (``local[*]`` by
default; under ``spark-submit`` the cluster it was given); store paths may then
be any URI Spark reads (``hdfs://``, ``s3a://``), with the manifest kept locally.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Sequence

from citegraph.errors import InputError, UsageError
from citegraph.fetch.bulk import SELECT, Store

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["session", "import_shards_spark", "neighbourhood_ids_spark"]

# Spark's JSON schemas of the shards (DDL).  Ids are read as text and cast (the shards
# write some as strings, which Spark's reader would turn into nulls); intents stay JSON text.
_SCHEMAS = {
    "papers": "corpusid STRING, externalids STRUCT<ACL: STRING, DBLP: STRING, ArXiv: STRING, MAG: STRING, "
    "CorpusId: STRING, PubMed: STRING, DOI: STRING, PubMedCentral: STRING>, url STRING, title STRING, "
    "authors ARRAY<STRUCT<authorId: STRING, name: STRING>>, venue STRING, year INT, referencecount INT, "
    "citationcount INT, influentialcitationcount INT, publicationdate STRING",
    "citations": "citationid STRING, citingcorpusid STRING, citedcorpusid STRING, isinfluential BOOLEAN, "
    "contexts ARRAY<STRING>, intents STRING",
    "abstracts": "corpusid STRING, abstract STRING",
}
_ID = "CAST(corpusid AS BIGINT) AS corpusid"
_SPARK_SELECT = {
    "abstracts": f"{_ID}, abstract",
    # Spark's regexp_replace is always global, and its string literals take backslash escapes
    "papers": _ID + SELECT["papers"].removeprefix("corpusid").replace(", 'g')", ")").replace("\\p", "\\\\p"),
    "citations": (
        "CAST(citationid AS BIGINT) AS citationid, CAST(citingcorpusid AS BIGINT) AS citing, "
        "CAST(citedcorpusid AS BIGINT) AS cited, isinfluential, contexts, "
        "CASE WHEN intents LIKE '[[%' "
        "THEN array_sort(array_distinct(flatten(from_json(intents, 'ARRAY<ARRAY<STRING>>')))) "
        "ELSE from_json(intents, 'ARRAY<STRING>') END AS intents"
    ),
}


def session(app: str = "citegraph") -> Any:
    """A SparkSession: ``$CITEGRAPH_SPARK_MASTER``, the master ``spark-submit`` gave, or ``local[*]``."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("--engine spark needs pyspark and a JVM: pip install 'citegraph[spark]'") from None
    builder = SparkSession.builder.appName(app)
    master = os.environ.get("CITEGRAPH_SPARK_MASTER")
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[*]")
    return (
        builder.config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", os.environ.get("CITEGRAPH_SPARK_PARTITIONS", "8"))
        .getOrCreate()
    )


def import_shards_spark(
    shards: Sequence[str | os.PathLike[str]], store: str | os.PathLike[str], *, spark: Any = None
) -> dict[str, Any]:
    """:func:`citegraph.fetch.bulk.import_shards` with Spark: each shard once, into the same layout."""
    st = Store(store)
    st.path.mkdir(parents=True, exist_ok=True)
    manifest = st.manifest()
    spark = spark or session()
    imported = skipped = 0
    rows: dict[str, int] = {}
    for shard in map(Path, shards):
        if not shard.is_file():
            raise InputError(f"{shard}: no such shard file")
        dataset, key, out = st.shard_target(shard)
        if st.imported(manifest, key, shard, out):
            skipped += 1
            continue
        raw = spark.read.schema(_SCHEMAS[dataset]).json(str(shard))
        raw.createOrReplaceTempView("raw")
        frame = spark.sql(f"SELECT {_SPARK_SELECT[dataset]} FROM raw")
        if dataset == "citations":
            frame = frame.sortWithinPartitions("cited")
        frame.write.mode("overwrite").parquet(str(out))
        n = spark.read.parquet(str(out)).count()
        manifest["shards"][key] = {"bytes": shard.stat().st_size, "rows": n, "file": shard.name}
        st.save_manifest(manifest)
        rows[dataset] = rows.get(dataset, 0) + n
        imported += 1
    if not st.manifest_path.exists():
        st.save_manifest(manifest)
    return {"imported": imported, "skipped": skipped, "rows": rows, "store": str(st.path)}


def neighbourhood_ids_spark(
    store: str | os.PathLike[str], seeds: Sequence[int], hops: int, *, spark: Any = None
) -> tuple[set[int], pd.DataFrame]:
    """:func:`citegraph.fetch.bulk.neighbourhood_ids` as Spark SQL over the same store."""
    st = Store(store)
    st.check()
    if hops < 0:
        raise UsageError(f"--hops must be 0 or more, not {hops}")
    spark = spark or session()
    spark.read.option("recursiveFileLookup", "true").parquet(str(st.path / "citations")).createOrReplaceTempView(
        "citations"
    )
    nodes = spark.createDataFrame([(int(s),) for s in dict.fromkeys(seeds)], "id BIGINT")
    nodes.createOrReplaceTempView("nodes")
    frontier = nodes
    for _ in range(hops):
        frontier.createOrReplaceTempView("frontier")
        frontier = spark.sql(
            """SELECT DISTINCT id FROM (
                   SELECT c.cited AS id FROM citations c JOIN frontier f ON c.citing = f.id WHERE c.cited IS NOT NULL
                   UNION ALL
                   SELECT c.citing AS id FROM citations c JOIN frontier f ON c.cited = f.id) n
               LEFT ANTI JOIN nodes USING (id)"""
        ).localCheckpoint()
        nodes = nodes.unionByName(frontier).localCheckpoint()
        nodes.createOrReplaceTempView("nodes")
    ids = {int(r.id) for r in nodes.collect()}
    edges = spark.sql(
        """SELECT citing, cited, isinfluential, contexts, intents FROM citations
           WHERE citing IN (SELECT id FROM nodes) AND cited IN (SELECT id FROM nodes)
           ORDER BY citing, cited"""
    ).toPandas()
    return ids, edges
