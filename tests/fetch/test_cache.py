"""The SQLite cache: one file, WAL, atomic writes, resumable lists, fetch times."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from tests.fakes.s2 import World, sample_entries

from citegraph.errors import CacheError
from citegraph.fetch.cache import Cache, default_cache_path, resolve_cache_path


class Clock:
    def __init__(self, t: float = 1000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_file_is_wal_and_carries_the_schema_version(tmp_path):
    path = tmp_path / "sub" / "c.sqlite"
    Cache(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "1"


def test_other_schema_version_is_a_cache_error(tmp_path):
    path = tmp_path / "c.sqlite"
    Cache(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(CacheError, match="schema version 99"):
        Cache(path)


def test_a_file_that_is_not_sqlite_is_a_cache_error(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_text("not a database, just notes\n" * 100)
    with pytest.raises(CacheError, match="cannot open the cache"):
        Cache(path)


def test_writes_outside_a_transaction_are_refused(tmp_path):
    with Cache(tmp_path / "c.sqlite") as cache, pytest.raises(RuntimeError):
        cache.put_alias("ARXIV:1", "p")


def test_a_failed_transaction_leaves_nothing(tmp_path):
    with Cache(tmp_path / "c.sqlite") as cache:
        with pytest.raises(KeyboardInterrupt), cache.transaction():
            cache.put_alias("ARXIV:1", "p")
            cache.put_paper({"paperId": "p", "title": "T"}, full=True)
            raise KeyboardInterrupt
        assert cache.get_alias("ARXIV:1") is None
        assert cache.get_paper("p") is None


def test_rows_keep_their_fetch_time_and_since_filters_them(tmp_path):
    clock = Clock(1000.0)
    with Cache(tmp_path / "c.sqlite", clock=clock) as cache:
        with cache.transaction():
            cache.put_alias("DOI:10.1/x", None, "not found")
        clock.t = 2000.0
        with cache.transaction():
            cache.put_paper({"paperId": "p"}, full=True)
        row = cache.get_alias("DOI:10.1/x")
        assert (row.paper_id, row.reason, row.fetched_at) == (None, "not found", 1000.0)
        assert cache.get_alias("DOI:10.1/x", since=1500.0) is None
        assert cache.get_paper("p", since=1500.0).fetched_at == 2000.0


def test_a_lean_record_never_replaces_a_full_one(tmp_path):
    with Cache(tmp_path / "c.sqlite") as cache:
        with cache.transaction():
            cache.put_paper({"paperId": "p", "title": "T", "abstract": "A"}, full=True)
            cache.put_paper({"paperId": "p", "title": "T"}, full=False)
            cache.put_paper({"paperId": "q", "citationCount": 1}, full=False)
            cache.put_paper({"paperId": "q", "citationCount": 2}, full=False)
        assert cache.get_paper("p").record["abstract"] == "A" and cache.get_paper("p").full
        assert cache.get_paper("q").record["citationCount"] == 2 and not cache.get_paper("q").full


def test_list_pages_are_keyed_by_position_so_a_resumed_page_never_duplicates(tmp_path):
    with Cache(tmp_path / "c.sqlite") as cache:
        page0 = [{"paperId": f"a{i}"} for i in range(3)]
        page1 = [{"paperId": "b0"}, {"paperId": None, "title": "unresolved"}]
        with cache.transaction():
            cache.put_list_page("p", "references", 0, page0, next_offset=3, total=5, source="paged")
        state = cache.get_list("p", "references")
        assert (state.status, state.next_offset, state.fetched, state.complete) == ("partial", 3, 3, False)
        for _ in range(2):  # the same page stored twice (a resumed run)
            with cache.transaction():
                cache.put_list_page("p", "references", 3, page1, next_offset=None, total=5, source="paged")
        state = cache.get_list("p", "references")
        assert (state.status, state.fetched, state.complete) == ("complete", 5, True)
        assert [i["paperId"] for i in cache.list_items("p", "references")] == ["a0", "a1", "a2", "b0", None]


def test_a_page_at_offset_zero_starts_the_list_anew(tmp_path):
    with Cache(tmp_path / "c.sqlite") as cache:
        with cache.transaction():
            nested = [{"paperId": f"n{i}"} for i in range(4)]
            cache.put_list_page("p", "references", 0, nested, next_offset=0, total=6, source="nested")
        with cache.transaction():
            cache.put_list_page("p", "references", 0, [{"paperId": "x"}], next_offset=None, total=6, source="paged")
        assert [i["paperId"] for i in cache.list_items("p", "references")] == ["x"]
        assert cache.get_list("p", "citations") is None


def test_data_committed_before_a_crash_is_read_by_the_next_process(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = Cache(path)
    with cache.transaction():
        cache.put_alias("ARXIV:2405.09818", "p")
    # no close(): the process dies here
    with Cache(path) as again:
        assert again.get_alias("ARXIV:2405.09818").paper_id == "p"


def test_default_path_is_in_the_user_cache_dir_and_env_overrides(tmp_path, monkeypatch):
    from platformdirs import user_cache_dir

    monkeypatch.delenv("CITEGRAPH_CACHE", raising=False)
    assert default_cache_path().parent == __import__("pathlib").Path(user_cache_dir("citegraph"))
    assert resolve_cache_path() == default_cache_path()
    monkeypatch.setenv("CITEGRAPH_CACHE", str(tmp_path / "env.sqlite"))
    assert resolve_cache_path() == tmp_path / "env.sqlite"
    assert resolve_cache_path(tmp_path / "arg.sqlite") == tmp_path / "arg.sqlite"


def _filled(path) -> None:
    with Cache(path) as cache, cache.transaction():
        cache.put_alias("ARXIV:2405.09818", "abc")
        cache.put_paper({"paperId": "abc", "title": "Chameleon"}, full=True)


def test_a_read_only_opening_writes_nothing(tmp_path):
    path = tmp_path / "c.sqlite"
    _filled(path)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    with Cache(path, readonly=True) as cache:
        assert cache.get_alias("ARXIV:2405.09818").paper_id == "abc"
        assert cache.get_paper("abc").record["title"] == "Chameleon"
        with pytest.raises(CacheError, match="read-only"), cache.transaction():
            cache.put_alias("x", None, "no")
        with pytest.raises(CacheError, match="read-only"):  # the list reader then parses again next time
            cache.put_parsed("k", "{}")
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    assert after == before


def test_a_read_only_opening_of_another_file_is_a_cache_error(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(CacheError, match="cannot open the cache read-only"):
        Cache(path, readonly=True)


def test_two_writers_and_readers_share_one_cache_file(tmp_path, make_fake_s2):
    """Two builds writing one cache while offline builds read it: no 'database is locked', same graph."""
    server = make_fake_s2(World.from_entries(sample_entries(12), seed=2))
    listing = tmp_path / "l.md"
    listing.write_text("".join(f"- [Model {i}: A method for things](https://arxiv.org/abs/2401.{i + 1:05d})\n"
                               for i in range(12)), encoding="utf-8")
    cache = tmp_path / "c.sqlite"
    script = (
        "import json, sys\nfrom citegraph.fetch.pipeline import build\n"
        "r = build([sys.argv[1]], cache=sys.argv[2], api_url=sys.argv[3], min_interval=0, quiet=True,"
        " offline=sys.argv[4] == 'offline', refresh=sys.argv[4] == 'refresh')\n"
        "print(json.dumps(sorted(map(list, r.graph.edges()))))\n"
    )
    first = subprocess.run([sys.executable, "-c", script, str(listing), str(cache), server.url, "online"],
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    runs = [subprocess.Popen([sys.executable, "-c", script, str(listing), str(cache), server.url, mode],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for mode in ["refresh"] * 2 + ["offline"] * 4]  # refresh: both re-fetch and write everything
    outputs = [run.communicate(timeout=180) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err[-500:] for _, err in outputs]
    assert not any("locked" in err for _, err in outputs)
    assert {out for out, _ in outputs} == {first.stdout} and json.loads(first.stdout)
