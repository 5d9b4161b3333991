"""The Spark engine: the same store layout and the same neighbourhood as DuckDB on the same shards."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytest.importorskip("duckdb", reason="the datasets extra (duckdb, pyarrow) is not installed")
pytest.importorskip("pyspark", reason="the spark extra (pyspark) is not installed: pip install -e '.[spark]'")
if shutil.which("java") is None or subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
    pytest.skip("no JVM (java -version fails): Spark cannot start", allow_module_level=True)

from tests.fakes.bulk import write_shards
from tests.fakes.s2 import World, sample_entries

from citegraph.fetch import bulk
from citegraph.fetch.datasets import DatasetsSource
from citegraph.fetch.spark import import_shards_spark, neighbourhood_ids_spark, session


@pytest.fixture(scope="module")
def spark():
    s = session("citegraph-tests")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    entries = sample_entries(8, titles_only=1, seed=5)
    world = World.from_entries(entries, seed=5, long_length=30)
    return world, write_shards(world, tmp_path_factory.mktemp("shards"))


def test_spark_and_duckdb_give_the_same_neighbourhood_on_the_same_shards(spark, shards, tmp_path):
    world, paths = shards
    bulk.import_shards(paths, tmp_path / "duck")
    first = import_shards_spark(paths, tmp_path / "spark", spark=spark)
    assert import_shards_spark(paths, tmp_path / "spark", spark=spark)["skipped"] == first["imported"] == len(paths)
    seeds = [world.papers[p]["corpusId"] for p in list(world.papers)[:3]]
    for hops in (1, 2):
        ids_duck, edges_duck = bulk.neighbourhood_ids(tmp_path / "duck", seeds, hops)
        ids_spark, edges_spark = neighbourhood_ids_spark(tmp_path / "spark", seeds, hops, spark=spark)
        assert ids_spark == ids_duck and len(ids_duck) > len(seeds)
        as_rows = lambda e: sorted(  # noqa: E731
            (int(r.citing), int(r.cited), bool(r.isinfluential), tuple(r.contexts), tuple(r.intents))
            for r in e.itertuples())
        assert as_rows(edges_spark) == as_rows(edges_duck)


def test_a_store_spark_imported_is_read_by_the_duckdb_source(spark, shards, tmp_path):
    world, paths = shards
    import_shards_spark(paths, tmp_path / "spark", spark=spark)
    source = DatasetsSource(tmp_path / "spark")
    title = next(r["title"] for r in world.papers.values() if r.get("title"))
    found = source.match_title(title, ["paperId", "title", "abstract"])
    assert found is not None and found["title"] == title
    pid = next(iter(world.references))
    page = source.list_page(pid, "references", offset=0)
    assert len(page.items) == len(world.references[pid])
