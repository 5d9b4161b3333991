"""The SQLite cache: one file, WAL, atomic writes, resumable lists, fetch times."""

from __future__ import annotations

import sqlite3

import pytest

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
