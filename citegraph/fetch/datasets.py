"""The bulk-datasets store as a :class:`~citegraph.fetch.source.Source` (``--source datasets:DIR``).

Answers the pipeline's questions from the local Parquet store
(:mod:`citegraph.fetch.bulk`) in Semantic Scholar's API record shapes: ids
through ``externalids`` (``ARXIV:``, ``DOI:``, ``CorpusId:``, paperIds), titles
through the store's title keys, reference and citation lists with
``isInfluential``, ``intents`` and ``contexts``.  No request is sent and no
paging window applies.  Batches return no nested references, so the pipeline
pages every list here and every edge carries its details, as the API gives
them with ``--edge-details``.  Lists are read for many papers in one query
(every paper the source has returned and whose list was not yet asked).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from collections.abc import Sequence

from citegraph.errors import UsageError
from citegraph.fetch.bulk import DATASETS, DEFAULT_MEMORY_LIMIT, Store, connect, title_key

if TYPE_CHECKING:
    from citegraph.fetch.options import FetchOptions
    from citegraph.fetch.s2 import Page

__all__ = ["DatasetsSource", "from_options"]

# Papers whose lists are read in one query.
_PREFETCH = 500
_RECORD_SQL = """p.paper_id, p.corpusid, p.externalids, p.title, p.year, p.venue, p.authors,
                 p.citationcount, p.influentialcitationcount, p.referencecount"""
# Fields of the papers inside lists (those of the API's LEAN_FIELDS a store row has),
# and of the neighbourhood's papers, with their corpusId.
_LIST_FIELDS = ("paperId", "externalIds", "title", "year", "venue", "authors", "citationCount",
                "influentialCitationCount", "referenceCount")
_CORPUS_FIELDS = ("paperId", "externalIds", "corpusId", *_LIST_FIELDS[2:])


def _record(row: dict[str, Any], fields: Sequence[str], abstract: str | None = None) -> dict[str, Any]:
    """An API-shaped paper record (camelCase) from a store row, with the requested fields."""
    ext = {k: v for k, v in (row.get("externalids") or {}).items() if v is not None}
    if row.get("corpusid") is not None:
        ext["CorpusId"] = int(row["corpusid"])
    full = {
        "paperId": row["paper_id"],
        "externalIds": ext,
        "corpusId": int(row["corpusid"]) if row.get("corpusid") is not None else None,
        "title": row.get("title"),
        "year": row.get("year"),
        "venue": row.get("venue") or "",
        "authors": [{"authorId": a.get("authorId"), "name": a.get("name")} for a in row.get("authors") or []],
        "citationCount": row.get("citationcount"),
        "influentialCitationCount": row.get("influentialcitationcount"),
        "referenceCount": row.get("referencecount"),
        "abstract": abstract,
    }
    wanted = [f for f in fields if "." not in f] or ["paperId", "title"]
    out = {k: full[k] for k in wanted if k in full}
    out["paperId"] = full["paperId"]
    return out


def _query_column(query: str) -> tuple[str, Any] | None:
    """The store column and value an API id names, or ``None`` for an id kind the store lacks.

    >>> _query_column("ARXIV:2405.09818"), _query_column("DOI:10.1/AB"), _query_column("CorpusId:7")
    (('arxiv', '2405.09818'), ('doi', '10.1/ab'), ('corpusid', 7))
    >>> _query_column("649def34f8be52c8b66281af98ae884c09aef38b")
    ('paper_id', '649def34f8be52c8b66281af98ae884c09aef38b')
    """
    prefix, sep, rest = query.partition(":")
    if not sep:
        return ("paper_id", query.lower())
    kind = prefix.upper()
    if kind == "ARXIV":
        return ("arxiv", rest)
    if kind == "DOI":
        return ("doi", rest.lower())
    if kind == "CORPUSID" and rest.strip().isdigit():
        return ("corpusid", int(rest))
    return None


class DatasetsSource:
    """The local store of the bulk datasets, answering as the API would.

    Parameters
    ----------
    store
        The folder ``citegraph datasets import`` filled.
    memory_limit
        DuckDB's memory limit (default 1GB).

    Attributes
    ----------
    requests, retries
        Always 0: nothing is sent anywhere.
    offset_limit
        ``None``: lists page to their end (the API stops at 9,999).
    """

    offset_limit: int | None = None

    def __init__(self, store: str | os.PathLike[str], *, memory_limit: str | None = None):
        self.store = Store(store)
        self.store.check()
        self.requests = 0
        self.retries = 0
        self._con = connect(self.store.path, memory_limit=memory_limit or DEFAULT_MEMORY_LIMIT)
        for dataset in DATASETS:
            self._con.execute(f"CREATE VIEW {dataset} AS SELECT * FROM {self.store.scan(dataset)}")
        self._seen: dict[str, int] = {}  # paperId -> corpusid, of every paper returned
        self._lists: dict[str, dict[str, list[dict[str, Any]]]] = {"references": {}, "citations": {}}

    def __repr__(self) -> str:
        return f"DatasetsSource({str(self.store.path)!r})"

    def close(self) -> None:
        self._con.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _records(self, rows: list[dict[str, Any]], fields: Sequence[str]) -> dict[str, dict[str, Any]]:
        abstracts: dict[int, str] = {}
        if "abstract" in fields and rows:
            ids = sorted({int(r["corpusid"]) for r in rows})
            abstracts = {
                r["corpusid"]: r["abstract"]
                for r in self._rows("SELECT corpusid, abstract FROM abstracts WHERE corpusid IN "
                                    "(SELECT unnest(?::BIGINT[]))", [ids])
            }
        out = {}
        for r in rows:
            self._seen[r["paper_id"]] = int(r["corpusid"])
            out[r["paper_id"]] = _record(r, fields, abstracts.get(r["corpusid"]))
        return out

    def paper_batch(
        self, ids: Sequence[str], fields: Sequence[str], *, what: str | None = None
    ) -> list[dict[str, Any] | None]:
        """Records for ``ids`` in input order, ``None`` for ids the store does not know."""
        wanted = [_query_column(q) for q in ids]
        found: dict[tuple[str, Any], str] = {}
        rows: list[dict[str, Any]] = []
        for column in ("paper_id", "arxiv", "doi", "corpusid"):
            values = sorted({v for c, v in (w for w in wanted if w) if c == column})
            if not values:
                continue
            kind = "BIGINT" if column == "corpusid" else "VARCHAR"
            for r in self._rows(
                f"SELECT {_RECORD_SQL}, p.arxiv, p.doi FROM papers p WHERE p.{column} IN "
                f"(SELECT unnest(?::{kind}[])) AND p.paper_id IS NOT NULL ORDER BY p.citationcount DESC NULLS LAST",
                [values],
            ):
                key = (column, r[column])
                if key not in found:  # two rows for one DOI: the most cited is the one the API keeps
                    found[key] = r["paper_id"]
                    rows.append(r)
        records = self._records(rows, fields)
        return [records[found[w]] if w and w in found else None for w in wanted]

    def match_title(self, title: str, fields: Sequence[str]) -> dict[str, Any] | None:
        """The store's paper of exactly this title key (the most cited of several), or ``None``."""
        key = title_key(title)
        if not key:
            return None
        rows = self._rows(
            f"SELECT {_RECORD_SQL} FROM papers p WHERE p.title_key = ? AND p.paper_id IS NOT NULL "
            "ORDER BY p.citationcount DESC NULLS LAST, p.corpusid LIMIT 1",
            [key],
        )
        if not rows:
            return None
        return next(iter(self._records(rows, fields).values()))

    def search(self, query: str, fields: Sequence[str], *, limit: int = 100) -> list[dict[str, Any]]:
        """Papers whose title has every word of ``query``, most cited first (the API's search, locally)."""
        words = title_key(query).split()
        if not words:
            return []
        rows = self._rows(
            f"SELECT {_RECORD_SQL} FROM papers p WHERE list_has_all(string_split(p.title_key, ' '), ?) "
            f"AND p.paper_id IS NOT NULL ORDER BY p.citationcount DESC NULLS LAST, p.corpusid LIMIT {int(limit)}",
            [words],
        )
        return list(self._records(rows, fields).values())

    def records_by_corpus(self, corpus_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Lean API-shaped records of the store's papers with these corpus ids (no abstracts)."""
        rows = self._rows(
            f"SELECT {_RECORD_SQL} FROM papers p WHERE p.corpusid IN (SELECT unnest(?::BIGINT[])) "
            "AND p.paper_id IS NOT NULL",
            [[int(i) for i in corpus_ids]],
        )
        return {int(r["corpusid"]): _record(r, _CORPUS_FIELDS) for r in rows}

    def _corpus_id(self, paper_id: str) -> int | None:
        if paper_id not in self._seen:
            rows = self._rows("SELECT paper_id, corpusid FROM papers WHERE paper_id = ? LIMIT 1", [paper_id])
            if not rows:
                return None
            self._seen[paper_id] = int(rows[0]["corpusid"])
        return self._seen[paper_id]

    def _load_lists(self, kind: str, paper_id: str) -> None:
        """Read ``kind`` for ``paper_id`` and the other papers returned so far whose lists were not read."""
        lists = self._lists[kind]
        batch = [paper_id] + [p for p in self._seen if p not in lists and p != paper_id][: _PREFETCH - 1]
        by_corpus = {self._seen[p]: p for p in batch}
        for pid in batch:
            lists[pid] = []
        here, there = ("citing", "cited") if kind == "references" else ("cited", "citing")
        rows = self._rows(
            f"""SELECT c.{here} AS here, c.isinfluential, c.intents, c.contexts, {_RECORD_SQL}
                FROM citations c LEFT JOIN papers p ON p.corpusid = c.{there}
                WHERE c.{here} IN (SELECT unnest(?::BIGINT[]))
                ORDER BY c.{here}, p.corpusid NULLS LAST, c.citationid""",
            [sorted(by_corpus)],
        )
        side = "citedPaper" if kind == "references" else "citingPaper"
        for r in rows:
            if r["paper_id"] is None:
                if kind == "citations":
                    continue  # a citer the store has no record of: nothing to link
                paper: dict[str, Any] = {"paperId": None, "title": None}
            else:
                paper = _record(r, _LIST_FIELDS)
            lists[by_corpus[r["here"]]].append({
                side: paper,
                "isInfluential": bool(r["isinfluential"]),
                "intents": list(r["intents"] or []),
                "contexts": list(r["contexts"] or []),
            })

    def list_page(
        self,
        paper_id: str,
        kind: str,
        *,
        offset: int,
        limit: int = 1000,
        fields: Sequence[str] = (),
        label: str | None = None,
    ) -> Page:
        """One page of ``paper_id``'s references or citations from the store (no 9,999 window)."""
        from citegraph.fetch.s2 import Page, S2NotFound

        if kind not in self._lists:
            raise ValueError(f"kind must be 'references' or 'citations', not {kind!r}")
        if self._corpus_id(paper_id) is None:
            raise S2NotFound(f"{label or paper_id}: not in the datasets store {self.store.path}")
        if paper_id not in self._lists[kind]:
            self._load_lists(kind, paper_id)
        items = self._lists[kind][paper_id]
        end = offset + max(1, limit)
        return Page(offset=offset, items=items[offset:end], next=end if end < len(items) else None)


def from_options(options: FetchOptions) -> DatasetsSource:
    """The source ``open_source`` makes for ``--source datasets:DIR``."""
    name, _, store = options.source.partition(":")
    if not store:
        raise UsageError("--source datasets:DIR needs the store folder, e.g. --source datasets:s2-store")
    return DatasetsSource(store)
