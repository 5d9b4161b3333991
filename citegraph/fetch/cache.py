"""The SQLite cache of everything fetched from Semantic Scholar: one file, safe to kill.

What the file holds and how writes are kept whole: :class:`Cache`.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from collections.abc import Callable, Iterator, Mapping, Sequence

from citegraph.errors import CacheError

__all__ = [
    "SCHEMA_VERSION",
    "LIST_KINDS",
    "Cache",
    "AliasRow",
    "PaperRow",
    "ListState",
    "default_cache_path",
    "resolve_cache_path",
]

SCHEMA_VERSION = 1
LIST_KINDS = ("references", "citations")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS papers (
    paper_id   TEXT PRIMARY KEY,
    record     TEXT NOT NULL,
    full       INTEGER NOT NULL,
    fetched_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
    alias      TEXT PRIMARY KEY,
    paper_id   TEXT,
    reason     TEXT,
    fetched_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS lists (
    paper_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    next_offset INTEGER,
    total       INTEGER,
    source      TEXT NOT NULL,
    fetched_at  REAL NOT NULL,
    PRIMARY KEY (paper_id, kind)
);
CREATE TABLE IF NOT EXISTS list_items (
    paper_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    position INTEGER NOT NULL,
    other_id TEXT,
    edge     TEXT NOT NULL,
    PRIMARY KEY (paper_id, kind, position)
);
CREATE TABLE IF NOT EXISTS parsed_lists (
    key       TEXT PRIMARY KEY,
    result    TEXT NOT NULL,
    stored_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS searches (
    query      TEXT PRIMARY KEY,
    results    TEXT NOT NULL,
    fetched_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_runs (
    run        INTEGER PRIMARY KEY AUTOINCREMENT,
    lists      TEXT NOT NULL,
    run_at     REAL NOT NULL,
    state      TEXT NOT NULL
);
"""


_F = TypeVar("_F", bound=Callable[..., Any])


def _cache_error(path: Path, exc: sqlite3.Error) -> CacheError | None:
    """The :class:`CacheError` for a fault of the file itself, or ``None`` for a misuse (a bug).

    A damaged file surfaces wherever SQLite first reads the bad page, which may
    be any query deep into a run, not only at opening.
    """
    name = getattr(exc, "sqlite_errorname", "")
    if type(exc) is sqlite3.DatabaseError or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return CacheError(f"{path}: the cache is corrupt ({exc}); delete it or pass another --cache")
    if isinstance(exc, (sqlite3.OperationalError, sqlite3.DataError, sqlite3.InternalError)):
        hint = "; is another citegraph run using it?" if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) else ""
        return CacheError(f"{path}: cannot read or write the cache ({exc}){hint}")
    return None  # ProgrammingError, IntegrityError, InterfaceError: citegraph's own mistake


def _sqlite_errors(method: _F) -> _F:
    """Decorate a :class:`Cache` method: a damaged or unusable file raises :class:`CacheError`."""

    @functools.wraps(method)
    def wrapper(self: Cache, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            error = _cache_error(self.path, exc)
            if error is None:
                raise
            raise error from None

    return wrapper  # type: ignore[return-value]


def default_cache_path() -> Path:
    """The cache file in the user's cache directory (platformdirs), e.g. ``~/.cache/citegraph/s2cache.sqlite``."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("citegraph")) / "s2cache.sqlite"


def resolve_cache_path(path: str | os.PathLike[str] | None = None) -> Path:
    """``path`` if given, else ``$CITEGRAPH_CACHE`` if set, else :func:`default_cache_path`.

    >>> str(resolve_cache_path("/tmp/x.sqlite"))
    '/tmp/x.sqlite'
    """
    if path:
        return Path(path).expanduser()
    env = os.environ.get("CITEGRAPH_CACHE")
    if env:
        return Path(env).expanduser()
    return default_cache_path()


@dataclass(frozen=True)
class AliasRow:
    """What an id or title resolved to: ``paper_id``, or ``None`` and the ``reason``."""

    alias: str
    paper_id: str | None
    reason: str | None
    fetched_at: float


@dataclass(frozen=True)
class PaperRow:
    """One cached API record (camelCase, as the API gave it)."""

    paper_id: str
    record: dict[str, Any]
    full: bool
    fetched_at: float


@dataclass(frozen=True)
class ListState:
    """How much of one paper's reference or citation list is cached.

    ``status`` is ``complete`` (the API said there is no next page) or
    ``partial`` (paging resumes at ``next_offset``).  ``fetched`` counts the
    cached items, ``total`` is the count the API reported for the paper
    (``referenceCount``/``citationCount``) when the list was started.
    ``source`` is ``nested`` (from the batch endpoint) or ``paged``.
    """

    paper_id: str
    kind: str
    status: str
    next_offset: int | None
    total: int | None
    source: str
    fetched: int
    fetched_at: float

    @property
    def complete(self) -> bool:
        return self.status == "complete"


class Cache:
    """The SQLite cache file: its tables, written one transaction at a time (Notes).

    Parameters
    ----------
    path
        The database file; created (with its directory) when missing.
    clock
        Returns the current time in Unix seconds; stamped on every row.
    readonly
        Open without writing anything (no schema, no journal mode, not even
        SQLite's shared-memory file when the folder is read-only): for
        ``--offline`` on a cache the user may not write.  Writes then raise
        :class:`CacheError`.

    Raises
    ------
    CacheError
        When the file cannot be opened or created, is not SQLite, or is a
        cache of another schema version; from any read or write, when the
        file turns out damaged (``the cache is corrupt``) or cannot be used
        (disk full, read-only, locked).

    Notes
    -----
    One database file (``default_cache_path()``, ``CITEGRAPH_CACHE`` or an explicit
    path) holds

    * ``papers``: API records by ``paperId``, as the API gave them (camelCase JSON),
      ``full`` when fetched with every field citegraph asks for (abstract, ...) and
      not only the lean fields a reference list carries;
    * ``aliases``: what an id or title resolved to (``ARXIV:2405.09818`` →
      ``paperId``) or why it did not (``paper_id`` NULL, ``reason`` set);
    * ``lists`` and ``list_items``: reference and citation lists per paper, item by
      item at their position in the API's list, with a state saying whether the list
      is ``complete`` or ``partial`` (then ``next_offset`` is where paging resumes);
    * ``parsed_lists``: what the list reader made of a set of lists, keyed by their
      names, contents and the reader's own code, so that a warm run does not parse
      the same text again (:func:`citegraph.lists.reader.parse_documents`);
    * ``searches`` (a search query's records) and ``watch_runs`` (what each
      ``citegraph watch`` run saw of a set of lists, to tell what is new next time).

    Every write is one transaction and the journal is WAL, so a run killed at any
    point leaves the last committed answer in place and nothing half-written; the
    next run reads the file as it is.  Rows keep their ``fetched_at`` time (Unix
    seconds), and reads take a ``since`` bound so that ``--refresh`` ignores rows
    older than the run.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "s2.sqlite")
    >>> with Cache(path) as cache:
    ...     with cache.transaction():
    ...         cache.put_alias("ARXIV:2405.09818", "abc")
    ...         cache.put_paper({"paperId": "abc", "title": "Chameleon"}, full=True)
    ...     cache.get_alias("ARXIV:2405.09818").paper_id, cache.get_paper("abc").record["title"]
    ('abc', 'Chameleon')
    """

    def __init__(self, path: str | os.PathLike[str], *, clock: Any = time.time, readonly: bool = False):
        self.path = Path(path)
        self._clock = clock
        self._depth = 0
        self.readonly = readonly
        if readonly:
            self._open_readonly()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            with self.transaction():
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self._db.execute(statement)
                row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
                if row is None:
                    self._db.execute(
                        "INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                    )
                elif row[0] != str(SCHEMA_VERSION):
                    raise self._other_version(row[0])
        except CacheError:
            self._close_quietly()
            raise
        except (sqlite3.Error, OSError) as exc:
            self._close_quietly()
            raise CacheError(f"{self.path}: cannot open the cache ({exc})") from None

    def _open_readonly(self) -> None:
        uri = self.path.resolve().as_uri()
        try:
            # mode=ro alone still creates the -wal and -shm files of a WAL database
            # beside it; immutable=1 reads the file as it is, taking no lock (a
            # file the user cannot write is not expected to change under the run).
            self._db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, timeout=30)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.Error as exc:
            self._close_quietly()
            raise CacheError(f"{self.path}: cannot open the cache read-only ({exc})") from None
        if row is None or row[0] != str(SCHEMA_VERSION):
            self._close_quietly()
            raise self._other_version(row[0] if row else None)

    def _other_version(self, found: str | None) -> CacheError:
        return CacheError(
            f"{self.path}: cache schema version {found}, this citegraph uses "
            f"version {SCHEMA_VERSION}; delete the file or pass another --cache"
        )

    # ------------------------------------------------------------ lifecycle

    def _close_quietly(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass

    def close(self) -> None:
        """Close the database (committed data is already on disk)."""
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: all of it is committed, or (error, Ctrl-C, kill) none of it.

        Nested uses join the outer transaction.
        """
        if self.readonly:
            raise CacheError(f"{self.path}: the cache is open read-only (--offline on a file you cannot write)")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._execute_alone("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error being raised says more; SQLite drops the transaction anyway
            raise
        self._depth = 0
        self._execute_alone("COMMIT")

    @_sqlite_errors
    def _execute_alone(self, sql: str) -> None:
        self._db.execute(sql)

    def _write(self, sql: str, args: Sequence[Any]) -> None:
        if not self._depth:
            raise RuntimeError("cache writes must happen inside Cache.transaction()")
        self._db.execute(sql, args)

    # --------------------------------------------------------------- aliases

    @_sqlite_errors
    def get_alias(self, alias: str, *, since: float = 0.0) -> AliasRow | None:
        """The cached resolution of ``alias`` fetched at or after ``since``, else ``None``."""
        row = self._db.execute(
            "SELECT alias, paper_id, reason, fetched_at FROM aliases WHERE alias=? AND fetched_at>=?",
            (alias, since),
        ).fetchone()
        return AliasRow(*row) if row else None

    @_sqlite_errors
    def put_alias(self, alias: str, paper_id: str | None, reason: str | None = None) -> None:
        """Record that ``alias`` is ``paper_id`` (or, with ``paper_id=None``, why it is not found)."""
        self._write(
            "INSERT OR REPLACE INTO aliases(alias, paper_id, reason, fetched_at) VALUES (?,?,?,?)",
            (alias, paper_id, reason, self._clock()),
        )

    # ---------------------------------------------------------------- papers

    @_sqlite_errors
    def get_paper(self, paper_id: str, *, since: float = 0.0) -> PaperRow | None:
        """The cached record of ``paper_id`` fetched at or after ``since``, else ``None``."""
        row = self._db.execute(
            "SELECT paper_id, record, full, fetched_at FROM papers WHERE paper_id=? AND fetched_at>=?",
            (paper_id, since),
        ).fetchone()
        if row is None:
            return None
        return PaperRow(row[0], json.loads(row[1]), bool(row[2]), row[3])

    @_sqlite_errors
    def get_papers(self, paper_ids: Sequence[str]) -> dict[str, PaperRow]:
        """Cached records of every id in ``paper_ids`` that has one."""
        out: dict[str, PaperRow] = {}
        ids = list(dict.fromkeys(paper_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT paper_id, record, full, fetched_at FROM papers WHERE paper_id IN ({marks})", chunk
            ):
                out[row[0]] = PaperRow(row[0], json.loads(row[1]), bool(row[2]), row[3])
        return out

    @_sqlite_errors
    def put_paper(self, record: Mapping[str, Any], *, full: bool) -> None:
        """Store an API record; a lean record never replaces a full one."""
        paper_id = record.get("paperId")
        if not paper_id:
            raise ValueError("a cached paper record needs a paperId")
        blob = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        if full:
            self._write(
                "INSERT OR REPLACE INTO papers(paper_id, record, full, fetched_at) VALUES (?,?,1,?)",
                (paper_id, blob, self._clock()),
            )
        else:
            self._write(
                "INSERT INTO papers(paper_id, record, full, fetched_at) VALUES (?,?,0,?) "
                "ON CONFLICT(paper_id) DO UPDATE SET record=excluded.record, fetched_at=excluded.fetched_at "
                "WHERE papers.full=0",
                (paper_id, blob, self._clock()),
            )

    # ----------------------------------------------------------------- lists

    @_sqlite_errors
    def get_list(self, paper_id: str, kind: str, *, since: float = 0.0) -> ListState | None:
        """How much of ``paper_id``'s ``kind`` list is cached (fetched at or after ``since``)."""
        _check_kind(kind)
        row = self._db.execute(
            "SELECT paper_id, kind, status, next_offset, total, source, fetched_at FROM lists "
            "WHERE paper_id=? AND kind=? AND fetched_at>=?",
            (paper_id, kind, since),
        ).fetchone()
        if row is None:
            return None
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM list_items WHERE paper_id=? AND kind=?", (paper_id, kind)
        ).fetchone()
        return ListState(row[0], row[1], row[2], row[3], row[4], row[5], count, row[6])

    @_sqlite_errors
    def list_items(self, paper_id: str, kind: str) -> list[dict[str, Any]]:
        """The cached items of a list in API order: ``{"paperId", ...edge fields}``."""
        _check_kind(kind)
        return [
            json.loads(edge)
            for (edge,) in self._db.execute(
                "SELECT edge FROM list_items WHERE paper_id=? AND kind=? ORDER BY position", (paper_id, kind)
            )
        ]

    @_sqlite_errors
    def put_list_page(
        self,
        paper_id: str,
        kind: str,
        offset: int,
        items: Sequence[Mapping[str, Any]],
        *,
        next_offset: int | None,
        total: int | None,
        source: str,
    ) -> None:
        """Store one page of a list at ``offset`` and where paging goes on.

        Items are keyed by their position, so storing a page twice (a resumed
        run) never duplicates anything; a page at offset 0 starts the list anew.
        ``next_offset=None`` marks the list complete.
        """
        _check_kind(kind)
        if offset == 0:
            self._write("DELETE FROM list_items WHERE paper_id=? AND kind=?", (paper_id, kind))
        if not self._depth:
            raise RuntimeError("cache writes must happen inside Cache.transaction()")
        self._db.executemany(
            "INSERT OR REPLACE INTO list_items(paper_id, kind, position, other_id, edge) VALUES (?,?,?,?,?)",
            [
                (
                    paper_id,
                    kind,
                    offset + i,
                    item.get("paperId"),
                    json.dumps(item, ensure_ascii=False, separators=(",", ":")),
                )
                for i, item in enumerate(items)
            ],
        )
        self._write(
            "INSERT OR REPLACE INTO lists(paper_id, kind, status, next_offset, total, source, fetched_at) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                paper_id,
                kind,
                "complete" if next_offset is None else "partial",
                next_offset,
                total,
                source,
                self._clock(),
            ),
        )

    # ------------------------------------------------------------ parsed lists

    @_sqlite_errors
    def get_parsed(self, key: str) -> str | None:
        """The stored reading of the lists ``key`` names (JSON text), if any."""
        row = self._db.execute("SELECT result FROM parsed_lists WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def put_parsed(self, key: str, result: str) -> None:
        """Store a reading of lists under ``key`` (see :func:`citegraph.lists.reader.parse_documents`).

        Its own transaction (joining an open one); a file that cannot be written raises :class:`CacheError`.
        """
        try:
            with self.transaction():
                self._write(
                    "INSERT OR REPLACE INTO parsed_lists(key, result, stored_at) VALUES (?,?,?)",
                    (key, result, self._clock()),
                )
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot store the reading of the lists ({exc})") from None

    # ------------------------------------------------------ searches, watch runs

    @_sqlite_errors
    def get_search(self, query: str, *, since: float = 0.0) -> list[dict[str, Any]] | None:
        """The records a search for ``query`` found (fetched at or after ``since``), if cached."""
        row = self._db.execute("SELECT results FROM searches WHERE query=? AND fetched_at>=?",
                               (query, since)).fetchone()
        return None if row is None else list(json.loads(row[0]))

    def put_search(self, query: str, results: Sequence[Mapping[str, Any]]) -> None:
        """Store what a search for ``query`` found (its own transaction)."""
        with self.transaction():
            self._write("INSERT OR REPLACE INTO searches(query, results, fetched_at) VALUES (?,?,?)",
                        (query, json.dumps(list(results), ensure_ascii=False), self._clock()))

    @_sqlite_errors
    def last_watch(self, lists: str, *, before: float | None = None) -> tuple[float, dict[str, Any]] | None:
        """``(run_at, state)`` of the latest watch run of ``lists`` (at or before ``before``)."""
        row = self._db.execute(
            "SELECT run_at, state FROM watch_runs WHERE lists=? AND run_at<=? ORDER BY run_at DESC, run DESC LIMIT 1",
            (lists, float("inf") if before is None else before)).fetchone()
        return None if row is None else (row[0], json.loads(row[1]))

    def put_watch(self, lists: str, state: Mapping[str, Any]) -> float:
        """Record a watch run of ``lists`` with what it saw; returns its time."""
        at = self._clock()
        with self.transaction():
            self._write("INSERT INTO watch_runs(lists, run_at, state) VALUES (?,?,?)",
                        (lists, at, json.dumps(state, ensure_ascii=False, sort_keys=True)))
        return float(at)

    # ----------------------------------------------------------------- stats

    @_sqlite_errors
    def counts(self) -> dict[str, int]:
        """Rows per table, e.g. ``{"papers": 120, "aliases": 40, ...}``."""
        return {
            table: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("papers", "aliases", "lists", "list_items")
        }


def _check_kind(kind: str) -> None:
    if kind not in LIST_KINDS:
        raise ValueError(f"list kind must be one of {LIST_KINDS}, not {kind!r}")
