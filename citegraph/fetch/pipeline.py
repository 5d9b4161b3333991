"""From paper lists to the citation graph: resolve, fetch (through the cache), assemble.

The steps, with the fewest requests the API allows, are in :func:`build_from_entries`.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterable, Mapping, Sequence

import networkx as nx

from citegraph.errors import OfflineError, UsageError
from citegraph.fetch.cache import Cache
from citegraph.fetch.options import FetchOptions
from citegraph.fetch.source import Source, open_source
from citegraph.lists.reader import parse_documents, read_documents
from citegraph.lists.entry import Entry
from citegraph.fetch.records import add_fetched
from citegraph.text.wording import edge_details_note
from citegraph.lists.assemble import graph_from_entries
from citegraph.text.titles import normalize_title
from citegraph.text.versions import version_difference
from citegraph.text.wording import one_line

if TYPE_CHECKING:  # pandas is imported where the frame is made
    import pandas as pd

__all__ = [
    "BuildResult",
    "build",
    "build_from_entries",
    "entry_alias",
    "format_capped",
    "short_title",
    "show_progress",
    "TITLE_MATCH_MIN",
    "UNRESOLVED_COLUMNS",
]

# Columns of the unresolved CSV (citegraph build's, and report's unresolved.csv).
UNRESOLVED_COLUMNS = ("entry", "title", "source", "reason")

# How alike (difflib ratio of normalised titles) a title match must be to be kept.
TITLE_MATCH_MIN = 0.9
# Fewer papers than this in a step: no progress bar.
_BAR_MIN = 5
# Offline: the stderr note names this many missing items, the CSV all of them.
NOTE_MAX = 10
_WINDOW_REASON = "the API pages at most 9,999 items"


def _cap_reason(cap: int, cached: int) -> str:
    """Why a list was cut at ``cap``; says so when the cache held more than was used.

    >>> _cap_reason(50, 50), _cap_reason(500, 2000)
    ('--citation-cap 50', '--citation-cap 500; 2000 cached, the first 500 used')
    """
    if cached > cap:
        return f"--citation-cap {cap}; {cached} cached, the first {cap} used"
    return f"--citation-cap {cap}"


def short_title(title: str | None, width: int = 60) -> str | None:
    """``title`` on one line, cut to ``width`` characters for messages.

    >>> short_title("Chameleon:   Mixed-Modal  Early-Fusion Foundation Models", 30)
    'Chameleon: Mixed-Modal Early-…'
    >>> short_title(None) is None
    True
    """
    return one_line(title, width) if title else None


def _paper_label(paper_id: str | None, title: str | None, fallback: str | None = None) -> str:
    """``"Short title" (id)`` for messages; either part may be missing."""
    short = short_title(title)
    ref = paper_id or fallback
    if short and ref:
        return f'"{short}" ({ref})'
    return f'"{short}"' if short else str(ref)


def format_capped(cap: dict[str, Any]) -> str:
    """One line about a cut list (an item of ``stats["capped"]``).

    >>> format_capped({"paper": "ab12", "title": "A Paper", "list": "citations",
    ...                "fetched": 9999, "total": 12000, "reason": "the API pages at most 9,999 items"})
    'citations of "A Paper" (ab12): 9999 of 12000 fetched (the API pages at most 9,999 items)'
    """
    total = cap.get("total")
    return (
        f"{cap['list']} of {_paper_label(cap['paper'], cap.get('title'))}: {cap['fetched']} of "
        f"{total if total is not None else '?'} fetched ({cap['reason']})"
    )


def _missing_reason(item: dict[str, Any]) -> str:
    reason = f"{item['what']} not in the cache (offline)"
    return f"{reason}: {item['detail']}" if item.get("detail") else reason


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def show_progress(quiet: bool, stream: Any = None) -> bool:
    """Whether to draw progress bars: ``stream`` (default stderr) is a terminal and not ``quiet``.

    >>> import io
    >>> show_progress(False, io.StringIO())  # a file or a pipe: no bar
    False
    """
    return not quiet and _isatty(sys.stderr if stream is None else stream)


@dataclass
class BuildResult:
    """What :func:`build` made.

    Attributes
    ----------
    graph
        The citegraph graph (see :mod:`citegraph.graph.model`).
    stats
        ``listed``, ``resolved``, ``unresolved``, ``requests``, ``retries``,
        ``cache_hits`` (listed entries resolved from the cache), ``papers``,
        ``edges``, ``references_unresolved``, ``capped`` (cut lists: ``paper``,
        ``title``, ``list``, ``fetched``, ``total``, ``reason``),
        ``expansion_capped``, ``offline_missing``, ``cache``.
        ``offline_missing`` has one dict per thing ``--offline`` lacked:
        ``what`` (``title match``, ``record``, ``references``, ``citations``),
        ``id`` (the query id or paperId, ``None`` for a title), ``title``,
        ``entry`` (the list entry's key, ``None`` for unlisted papers),
        ``source`` and ``detail`` (how much of a list is cached).
    unresolved
        One dict per list entry that could not be resolved: ``entry`` (its
        key), ``title``, ``source`` (``file:line``), ``reason``.
    warnings
        Problems the list reader reported.
    """

    graph: nx.DiGraph
    stats: dict[str, Any]
    unresolved: list[dict[str, Any]]
    warnings: list[Any] = field(default_factory=list)

    def summary_line(self, unresolved_csv: str | os.PathLike[str] | None = None) -> str:
        """``resolved 458/465, 2 requests, 0 from cache, 12 unresolved (see unresolved.csv)``."""
        s = self.stats
        line = (
            f"resolved {s['resolved']}/{s['listed']}, {s['requests']} requests, "
            f"{s['cache_hits']} from cache, {s['unresolved']} unresolved"
        )
        if unresolved_csv and s["unresolved"]:
            line += f" (see {unresolved_csv})"
        if s["capped"]:
            line += f", {len(s['capped'])} lists capped"
        if s["expansion_capped"]:
            line += f", depth cut at {s['max_papers']} papers"
        if s.get("edge_details", {}).get("requests"):
            line += f"; {edge_details_note(s['edge_details'])}"
        if s["offline_missing"]:
            line += f"; offline: {len(s['offline_missing'])} items missing from the cache"
            if unresolved_csv and not s["unresolved"]:
                line += f" (see {unresolved_csv})"
        return line

    def unresolved_frame(self) -> pd.DataFrame:
        """:meth:`csv_rows` as a DataFrame with the columns :data:`UNRESOLVED_COLUMNS`."""
        import pandas as pd

        return pd.DataFrame(self.csv_rows(), columns=list(UNRESOLVED_COLUMNS))

    def csv_rows(self) -> list[dict[str, Any]]:
        """Rows of the unresolved CSV: the unresolved entries, then what ``--offline`` lacked
        for resolved or unlisted papers (records, reference and citation lists).

        Entries the cache could not resolve are already rows of ``unresolved``
        (reason ``not in the cache (offline)``); they are not repeated.
        """
        listed_rows = {u["entry"] for u in self.unresolved}
        rows = list(self.unresolved)
        for item in self.stats.get("offline_missing") or []:
            if item.get("entry") is not None and item["entry"] in listed_rows:
                continue
            rows.append({
                "entry": item.get("entry") or item.get("id"),
                "title": item.get("title"),
                "source": item.get("source") or "",
                "reason": _missing_reason(item),
            })
        return rows

    def offline_note(self, unresolved_csv: str | os.PathLike[str] | None = None, limit: int = NOTE_MAX) -> str | None:
        """What ``--offline`` lacked, for stderr: the first ``limit`` items by title and id.

        ``None`` when nothing was missing.  The full list is in the CSV (:meth:`csv_rows`).
        """
        missing = self.stats.get("offline_missing") or []
        if not missing:
            return None
        where = f"; all listed in {unresolved_csv}" if unresolved_csv else ""
        lines = [f"offline: {len(missing)} items not in the cache (run without --offline to fetch them{where}):"]
        for item in missing[:limit]:
            text = f"  {item['what']} of {_paper_label(item.get('id'), item.get('title'), item.get('source'))}"
            lines.append(f"{text}: {item['detail']}" if item.get("detail") else text)
        if len(missing) > limit:
            lines.append(f"  … and {len(missing) - limit} more")
        return "\n".join(lines)


def entry_alias(entry: Entry) -> str | None:
    """The cache key an entry resolves through: its API id, else ``TITLE:`` + normalised title.

    >>> entry_alias(Entry(arxiv="2405.09818")), entry_alias(Entry(doi="10.1/ABC"))
    ('ARXIV:2405.09818', 'DOI:10.1/abc')
    >>> entry_alias(Entry(title="Chameleon: Mixed-Modal Early-Fusion"))
    'TITLE:chameleon mixed modal early fusion'
    """
    query = entry.s2_query_id
    if query:
        return _norm_query(query)
    if entry.title and normalize_title(entry.title):
        return _title_alias(entry.title)
    return None


def _norm_query(query: str) -> str:
    prefix, sep, rest = query.partition(":")
    if not sep:
        return query.lower()
    upper = prefix.upper()
    if upper == "DOI":
        return f"DOI:{rest.lower()}"
    if upper == "CORPUSID":
        return f"CorpusId:{rest}"
    return f"{upper}:{rest}"


def _title_alias(title: str) -> str:
    return "TITLE:" + normalize_title(title)


def _bar(iterable: Iterable[Any] | None, *, enabled: bool, total: int, desc: str, unit: str) -> Any:
    from tqdm import tqdm

    return tqdm(
        iterable, total=total, desc=desc, unit=unit, file=sys.stderr, leave=False,
        disable=not enabled or total < _BAR_MIN,
    )


class _Run:
    """The state of one build run (see :func:`build_from_entries` for the steps)."""

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        client: Source | None,
        cache: Cache,
        refresh: bool,
        citations: bool,
        citation_cap: int,
        depth: int,
        max_papers: int,
        edge_details: bool | None,
        progress: bool,
        now: float,
        renew: Iterable[str] = (),
    ):
        self.entries = list(entries)
        self.client = client
        self.cache = cache
        self.since = now if refresh else 0.0
        # what a watch run fetches anew whatever the cache holds: "records", "citations"
        self.renew_since = dict.fromkeys(renew, now) if client is not None else {}
        self.citations = citations
        self.citation_cap = citation_cap
        self.depth = depth
        self.max_papers = max_papers
        self.edge_details = edge_details
        self.detail_pids: set[str] = set()  # papers whose lists are paged for edge details (targeted)
        self.progress = progress
        self.requests_before = client.requests if client else 0
        self.retries_before = client.retries if client else 0
        self.resolved: dict[str, str] = {}  # entry key -> paperId
        self.reasons: dict[str, str] = {}  # entry key -> why unresolved
        self.cache_hits = 0
        self.offline_missing: list[dict[str, Any]] = []
        self.capped: list[dict[str, Any]] = []
        self.expansion_capped: dict[str, Any] | None = None
        self.expanded: list[str] = []
        self._lean_stored: set[str] = set()
        self._by_pid: dict[str, list[Entry]] = {}  # see _entries_of
        self._index_size = -1

    def _store_lean(self, record: dict[str, Any]) -> None:
        # The same cited papers recur in many lists; within one run their lean
        # records are the same, so each is written once.
        if record["paperId"] not in self._lean_stored:
            self.cache.put_paper(record, full=False)
            self._lean_stored.add(record["paperId"])

    @property
    def offline(self) -> bool:
        return self.client is None

    def _entries_of(self, pid: str) -> list[Entry]:
        """The list entries resolved to ``pid`` (indexed again whenever more entries resolve)."""
        if self._index_size != len(self.resolved):
            self._by_pid = {}
            for entry in self.entries:
                if entry.key in self.resolved:
                    self._by_pid.setdefault(self.resolved[entry.key], []).append(entry)
            self._index_size = len(self.resolved)
        return self._by_pid.get(pid, [])

    def _title_of(self, pid: str) -> str | None:
        """The paper's title for messages: its cached record's, else its list entry's."""
        row = self.cache.get_paper(pid)
        if row is not None and row.record.get("title"):
            return row.record["title"]
        return next((e.title for e in self._entries_of(pid) if e.title), None)

    def _label(self, pid: str) -> str:
        return _paper_label(pid, self._title_of(pid))

    def _missing(
        self, what: str, ident: str | None, entries: Sequence[Entry] = (), *,
        title: str | None = None, detail: str | None = None,
    ) -> None:
        """Note something ``--offline`` needed and the cache lacks (see ``BuildResult.stats``)."""
        self.offline_missing.append({
            "what": what,
            "id": ident,
            "title": title or next((e.title for e in entries if e.title), None),
            "entry": entries[0].key if entries else None,
            "source": "; ".join(dict.fromkeys(s for e in entries for s in e.sources)),
            "detail": detail,
        })

    # ------------------------------------------------------------- resolve

    def _cached_alias(self, alias: str) -> tuple[bool, str | None, str | None]:
        row = self.cache.get_alias(alias, since=self.since)
        if row is None:
            return False, None, None
        return True, row.paper_id, row.reason

    def _match(self, title: str) -> tuple[str | None, str | None]:
        """Title match through the API, cached either way; (paperId, reason)."""
        assert self.client is not None
        alias = _title_alias(title)
        record = self.client.match_title(title, ["paperId", "title"])
        if record is None:
            pid, reason = None, "no title match on Semantic Scholar"
        else:
            found = record.get("title") or ""
            ratio = difflib.SequenceMatcher(None, normalize_title(title), normalize_title(found)).ratio()
            differ = version_difference(title, found) if ratio >= TITLE_MATCH_MIN else None
            if ratio >= TITLE_MATCH_MIN and differ is None:
                pid, reason = record["paperId"], None
            elif differ is not None:
                pid, reason = None, f"no confident title match (closest: {found!r}): {differ}"
            else:
                pid, reason = None, f"no confident title match (closest: {found!r})"
        with self.cache.transaction():
            self.cache.put_alias(alias, pid, reason)
        return pid, reason

    def _resolve_titles(self, entries: Sequence[Entry]) -> None:
        """Resolve entries by title; an earlier reason (id not found) is kept in front of a new one."""

        def why(entry: Entry, reason: str) -> str:
            earlier = self.reasons.get(entry.key)
            return f"{earlier}; {reason}" if earlier else reason

        todo = []
        for entry in entries:
            hit, pid, reason = self._cached_alias(_title_alias(entry.title or ""))
            if hit:
                pid, reason = self._recheck(entry.title or "", pid, reason)
                self._settle(entry, pid, why(entry, reason or ""), from_cache=True)
            elif self.offline:
                self._settle(entry, None, why(entry, _missing_reason({"what": "title match"})))
                self._missing("title match", None, [entry])
            else:
                todo.append(entry)
        for entry in _bar(todo, enabled=self.progress, total=len(todo), desc="title matches", unit="title"):
            hit, pid, reason = self._cached_alias(_title_alias(entry.title or ""))  # an earlier twin's answer
            if not hit:
                pid, reason = self._match(entry.title or "")
            else:
                pid, reason = self._recheck(entry.title or "", pid, reason)
            self._settle(entry, pid, why(entry, reason or ""))

    def _recheck(self, title: str, pid: str | None, reason: str | None) -> tuple[str | None, str | None]:
        """A cached title match, checked again for another version (an older citegraph kept those)."""
        row = self.cache.get_paper(pid) if pid else None
        found = row.record.get("title") if row is not None else None
        differ = version_difference(title, found) if found else None
        if differ is not None:
            return None, f"no confident title match (closest: {found!r}): {differ}"
        return pid, reason

    def _settle(self, entry: Entry, pid: str | None, reason: str | None, *, from_cache: bool = False) -> None:
        if pid:
            self.resolved[entry.key] = pid
            self.reasons.pop(entry.key, None)
            self.cache_hits += from_cache
        else:
            self.reasons[entry.key] = reason or "not found"

    def resolve(self) -> None:
        by_title: list[Entry] = []
        by_id: dict[str, list[Entry]] = {}
        for entry in self.entries:
            alias = entry_alias(entry)
            if alias is None:
                self.reasons[entry.key] = "the entry has neither an id nor a title"
            elif alias.startswith("TITLE:"):
                by_title.append(entry)
            else:
                by_id.setdefault(alias, []).append(entry)
        self._resolve_titles(by_title)

        pending: list[str] = []
        for alias, group in by_id.items():
            hit, pid, reason = self._cached_alias(alias)
            if hit:
                for entry in group:
                    self._settle(entry, pid, reason, from_cache=True)
            elif self.offline:
                for entry in group:
                    self._settle(entry, None, _missing_reason({"what": "record"}))
                self._missing("record", alias, group)
            else:
                pending.append(alias)
        self.fetch_records(pending + [pid for pid in dict.fromkeys(self.resolved.values()) if self._needs_record(pid)])
        for alias in pending:
            hit, pid, reason = self._cached_alias(alias)
            for entry in by_id[alias]:
                self._settle(entry, pid, reason)
        self._resolve_other_ids(by_id)

        # A second chance for ids the API does not know (not merely uncached offline): the title.
        retry = [
            e for alias, group in by_id.items() for e in group
            if e.key not in self.resolved and e.title and normalize_title(e.title)
            and self._cached_alias(alias)[0]
        ]
        if retry:
            self._resolve_titles(retry)
            fresh = [self.resolved[e.key] for e in retry if e.key in self.resolved]
            self.fetch_records([pid for pid in dict.fromkeys(fresh) if self._needs_record(pid)])

    def _resolve_other_ids(self, by_id: dict[str, list[Entry]]) -> None:
        """Entries whose first id the API does not know: their other ids (a DOI beside an
        unknown eprint), all of them in one more batch, in the entry's order of preference."""
        tries: list[tuple[Entry, list[str]]] = []
        pending: list[str] = []
        cached_pids: list[str] = []
        for alias, group in by_id.items():
            hit, pid, _ = self._cached_alias(alias)
            if not hit or pid:
                continue  # found, or unknown offline: nothing to learn from the other ids
            for entry in group:
                others = [a for a in dict.fromkeys(_norm_query(q) for q in entry.s2_query_ids) if a != alias]
                if not others:
                    continue
                tries.append((entry, others))
                for other in others:
                    hit, pid, _ = self._cached_alias(other)
                    if hit and pid:
                        cached_pids.append(pid)
                        break  # an earlier id the cache resolves: the later ones are not needed
                    if not hit and not self.offline:
                        pending.append(other)
        if not tries:
            return
        self.fetch_records(pending + [pid for pid in dict.fromkeys(cached_pids) if self._needs_record(pid)])
        asked = set(pending)
        for entry, others in tries:
            reasons = [self.reasons.get(entry.key, "")]
            for other in others:
                hit, pid, reason = self._cached_alias(other)
                if hit and pid:
                    self._settle(entry, pid, None, from_cache=other not in asked)
                    break
                if hit:
                    reasons.append(reason or f"{other} not found on Semantic Scholar")
                else:  # offline
                    reasons.append(_missing_reason({"what": "record"}))
                    if not (entry.title and normalize_title(entry.title)):
                        # (an entry with a title goes on to its title, which reports what it lacks)
                        self._missing("record", other, [entry])
            else:
                self._settle(entry, None, "; ".join(r for r in reasons if r))

    # --------------------------------------------------------------- fetch

    def _needs_record(self, pid: str) -> bool:
        row = self.cache.get_paper(pid, since=max(self.since, self.renew_since.get("records", 0.0)))
        if row is None or not row.full:
            return True
        return self.depth >= 1 and self.cache.get_list(pid, "references", since=self.since) is None

    def fetch_records(self, queries: Sequence[str]) -> None:
        """Batch-fetch records (and nested references) for ids or paperIds; cache everything."""
        queries = list(dict.fromkeys(queries))
        if not queries:
            return
        if self.offline:
            # Offline, the queries are paperIds; a missing list is reported by complete_list.
            for pid in queries:
                row = self.cache.get_paper(pid)
                if row is None or not row.full:
                    self._missing("record", pid, self._entries_of(pid), title=row.record.get("title") if row else None)
            return
        assert self.client is not None
        from citegraph.fetch.s2 import BATCH_MAX, LEAN_FIELDS, PAPER_FIELDS

        fields = list(PAPER_FIELDS)
        if self.depth >= 1:
            fields += [f"references.{f}" for f in LEAN_FIELDS]
        batches = math.ceil(len(queries) / BATCH_MAX)
        bar = _bar(None, enabled=self.progress, total=len(queries), desc="papers", unit="paper")
        with bar:
            for number, start in enumerate(range(0, len(queries), BATCH_MAX), 1):
                chunk = queries[start : start + BATCH_MAX]
                what = f"batch {number} of {batches} ({len(chunk)} papers: {chunk[0]} … {chunk[-1]})"
                answer = self.client.paper_batch(chunk, fields, what=what)
                with self.cache.transaction():
                    for query, record in zip(chunk, answer):
                        self._store_record(query, record)
                bar.update(len(chunk))

    def _store_record(self, query: str, record: dict[str, Any] | None) -> None:
        if record is None:
            self.cache.put_alias(query, None, f"{query} not found on Semantic Scholar")
            return
        record = dict(record)
        pid = record["paperId"]
        nested = record.pop("references", None)
        self.cache.put_alias(query, pid)
        self.cache.put_paper(record, full=True)
        if nested is None or self.depth < 1:
            return
        kept = self.cache.get_list(pid, "references", since=self.since)
        if kept is not None and kept.source == "paged":
            return  # a paged list carries the edge details a nested one lacks: never replace it
        items: list[dict[str, Any]] = []
        origin = {"origin": record["origin"]} if "origin" in record else {}  # a fallback source's mark
        for ref in nested:
            if ref.get("paperId"):
                self._store_lean(ref)
                items.append({"paperId": ref["paperId"], **origin})
            else:
                items.append({"paperId": None, "title": ref.get("title")})
        total = record.get("referenceCount") or 0
        # Complete whether or not this run wants edge details: complete_list pages a
        # nested list anew for them, and a later plain run must not page it again.
        complete = len(items) >= total
        self.cache.put_list_page(
            pid, "references", 0, items, next_offset=None if complete else 0, total=total, source="nested"
        )

    def complete_list(self, pid: str, kind: str, cap: int | None = None) -> None:
        """Page ``pid``'s ``kind`` list from where the cache stops, up to ``cap`` items."""
        since = max(self.since, self.renew_since.get(kind, 0.0))
        state = self.cache.get_list(pid, kind, since=since)
        record = self.cache.get_paper(pid)
        total = (record.record.get("referenceCount" if kind == "references" else "citationCount")
                 if record else None)
        # A nested list lacks isInfluential/intents/contexts: with edge details it is paged anew.
        lacks_details = (
            state is not None and kind == "references" and state.source == "nested"
            and (self.edge_details is True or pid in self.detail_pids)
        )
        if state is not None and state.complete and not lacks_details:
            if cap is not None and state.fetched > cap:
                self._note_cap(pid, kind, cap, total, _cap_reason(cap, state.fetched), force=True)
                return
            self._note_window_cut(pid, kind, state.fetched, total if total is not None else state.total)
            return
        from citegraph.fetch.s2 import EDGE_FIELDS, LEAN_FIELDS, OFFSET_LIMIT, PAGE_MAX, S2NotFound

        offset, fetched = 0, 0
        if state is not None and state.next_offset is not None and not lacks_details:  # resume
            offset = state.next_offset
            fetched = state.fetched if offset else 0
        label = None  # the paper named in request errors, looked up once per list
        # the source's paging window (the API's 9,999; None: a local store or a fallback pages on)
        window = getattr(self.client, "offset_limit", OFFSET_LIMIT)
        while True:
            if cap is not None and fetched >= cap:
                self._note_cap(pid, kind, cap, total, _cap_reason(cap, fetched), force=fetched > cap)
                return
            if window is not None and offset >= window:
                self._note_cap(pid, kind, fetched, total, _WINDOW_REASON)
                return
            if self.offline:
                known = total if total is not None else "?"
                if state is None:
                    detail = "none cached"
                else:
                    detail = f"{state.fetched} of {known} cached"
                    if lacks_details:
                        detail += ", without edge details"
                self._missing(kind, pid, self._entries_of(pid), title=self._title_of(pid), detail=detail)
                return
            assert self.client is not None
            limit = PAGE_MAX if cap is None else min(PAGE_MAX, cap - fetched)
            label = label or self._label(pid)
            try:
                page = self.client.list_page(
                    pid, kind, offset=offset, limit=limit, fields=EDGE_FIELDS + LEAN_FIELDS, label=label
                )
            except S2NotFound:
                with self.cache.transaction():
                    self.cache.put_list_page(pid, kind, 0, [], next_offset=None, total=total, source="missing")
                return
            side = "citedPaper" if kind == "references" else "citingPaper"
            items = []
            with self.cache.transaction():
                for raw in page.items:
                    paper = raw.get(side) or {}
                    item: dict[str, Any] = {"paperId": paper.get("paperId")}
                    for name in (*EDGE_FIELDS, "origin"):
                        if name in raw:
                            item[name] = raw[name]
                    if item["paperId"]:
                        self._store_lean(paper)
                    else:
                        item["title"] = paper.get("title")
                    items.append(item)
                self.cache.put_list_page(pid, kind, offset, items, next_offset=page.next, total=total, source="paged")
            fetched = offset + len(items)
            if page.next is None:
                self._note_window_cut(pid, kind, fetched, total)
                return
            offset = page.next

    def _note_cap(
        self, pid: str, kind: str, fetched: int, total: int | None, reason: str, *, force: bool = False
    ) -> None:
        """Note a cut list; ``force``: even when ``fetched`` reaches ``total`` (cached items were left out)."""
        if total is not None and fetched >= total and not force:
            return
        self.capped.append({
            "paper": pid, "title": self._title_of(pid), "list": kind, "fetched": fetched, "total": total,
            "reason": reason,
        })

    def _note_window_cut(self, pid: str, kind: str, fetched: int, total: int | None) -> None:
        """A list that ended without ``next`` yet is cut by the API's 9,999 window.

        Near the window's end the API may simply stop giving ``next``; the list
        is cut when the paper's count is more than the window can page and more
        than was fetched, and paging got within one page of the window's end.
        """
        if total is None or total <= fetched:
            return  # the common case, decided without loading the API client
        from citegraph.fetch.s2 import OFFSET_LIMIT, PAGE_MAX

        window = getattr(self.client, "offset_limit", OFFSET_LIMIT)
        if window is not None and total > window and fetched >= window - PAGE_MAX:
            self._note_cap(pid, kind, fetched, total, _WINDOW_REASON)

    def fetch_lists(self, pids: Sequence[str], kind: str, cap: int | None = None) -> None:
        for pid in _bar(pids, enabled=self.progress, total=len(pids), desc=f"{kind} lists", unit="paper"):
            self.complete_list(pid, kind, cap)

    def expand(self) -> None:
        listed = list(dict.fromkeys(self.resolved[e.key] for e in self.entries if e.key in self.resolved))
        if self.depth < 1:
            return
        if len(listed) > self.max_papers:
            self.expansion_capped = {"hop": 1, "expanded": self.max_papers, "candidates": len(listed)}
            listed = listed[: self.max_papers]
        self.fetch_lists(listed, "references")
        self.expanded = list(listed)
        previous = listed
        for hop in range(2, self.depth + 1):
            done = set(self.expanded)
            counts: Counter[str] = Counter()
            for pid in previous:
                for item in self.cache.list_items(pid, "references"):
                    if item.get("paperId") and item["paperId"] not in done:
                        counts[item["paperId"]] += 1
            candidates = sorted(counts, key=lambda p: (-counts[p], p))
            room = max(0, self.max_papers - len(self.expanded))
            if len(candidates) > room:
                self.expansion_capped = {"hop": hop, "expanded": room, "candidates": len(candidates)}
                candidates = candidates[:room]
            if not candidates:
                break
            self.fetch_records([p for p in candidates if self._needs_record(p)])
            self.fetch_lists(candidates, "references")
            self.expanded += candidates
            previous = candidates

    # ------------------------------------------------------------ assemble

    def assemble(self, listed_citations: Sequence[str]) -> tuple[nx.DiGraph, list[dict[str, Any]], dict[str, Any]]:
        references = {pid: self.cache.list_items(pid, "references") for pid in self.expanded}
        # The cache may hold more citations than this run's cap (an earlier, larger cap): use the first cap.
        citations = {
            pid: self.cache.list_items(pid, "citations")[: self.citation_cap] for pid in listed_citations
        }
        wanted = set(self.resolved.values()) | set(self.expanded)
        for items in (*references.values(), *citations.values()):
            wanted.update(i["paperId"] for i in items if i.get("paperId"))
        records = {pid: row.record for pid, row in self.cache.get_papers(sorted(wanted)).items()}
        by_key = {e.key: e for e in self.entries}
        unresolved = [
            {
                "entry": key,
                "title": by_key[key].title,
                "source": "; ".join(by_key[key].sources),
                "reason": reason,
            }
            for key, reason in self.reasons.items()
        ]
        capped_citations = {c["paper"] for c in self.capped if c["list"] == "citations"}
        stats = {
            "listed": len(self.entries),
            "resolved": len(self.resolved),
            "unresolved": len(unresolved),
            "requests": (self.client.requests - self.requests_before) if self.client else 0,
            "retries": (self.client.retries - self.retries_before) if self.client else 0,
            "cache_hits": self.cache_hits,
            "references_unresolved": sum(1 for items in references.values() for i in items if not i.get("paperId")),
            "capped": list(self.capped),
            "expansion_capped": self.expansion_capped,
            "max_papers": self.max_papers,
            "depth": self.depth,
            "citations": bool(listed_citations),
            "offline_missing": list(self.offline_missing),
            "cache": str(self.cache.path),
        }
        G = graph_from_entries(self.entries, mentions=False)
        add_fetched(
            G,
            resolved=self.resolved,
            records=records,
            references=references,
            citations=citations,
            citations_capped=capped_citations,
            unresolved=unresolved,
            stats=stats,
        )
        stats["papers"] = G.number_of_nodes()
        stats["edges"] = G.number_of_edges()
        G.graph["fetch"] = dict(stats)
        return G, unresolved, stats


def build_from_entries(
    entries: Sequence[Entry],
    *,
    client: Source | None,
    cache: Cache,
    refresh: bool = False,
    citations: bool = False,
    citation_cap: int = 1000,
    depth: int = 1,
    max_papers: int = 5000,
    edge_details: bool | None = False,
    progress: bool = False,
    clock: Any = time.time,
    renew: Iterable[str] = (),
    detail_candidates: Callable[[nx.DiGraph], Mapping[str, str]] | None = None,
) -> BuildResult:
    """Build the graph of ``entries`` with ``client`` (``None``: offline, cache only).

    The steps are below (Notes); :func:`build` is the same from list
    files, with the client and the cache made from options.

    ``edge_details``: ``True`` pages every reference list for its edge details
    (``intents``, ``contexts``), ``False`` none; ``None`` (targeted) pages only
    the lists of the papers ``detail_candidates(graph)`` names (``{paperId:
    why}``, e.g. the papers with a lineage candidate), one request each, after
    the graph is first assembled; ``stats["edge_details"]`` says how many
    requests that cost and why.

    Raises
    ------
    OfflineError
        Offline, and the cache holds none of the listed papers.
    RetriesExhaustedError
        The API kept failing; everything fetched so far is cached and the same
        call resumes.

    Notes
    -----
    The run, with the fewest requests the API allows:

    1. every entry's id or title becomes an *alias* (``ARXIV:2405.09818``,
       ``DOI:...``, ``TITLE:normalized title``); aliases the cache knows cost nothing;
    2. title-only entries are matched one request each (``/paper/search/match``),
       and a match is kept only when its title really is the listed one: alike to
       :data:`TITLE_MATCH_MIN`, with the same version numbers, variants (``Pro``)
       and leading model name (:func:`~citegraph.text.versions.version_difference`);
    3. ids and matched paperIds go to ``POST /paper/batch`` 500 at a time, asking
       for the papers' records *and* their nested ``references`` — one call gives
       both for up to 500 papers.  Assumption about the real API, checked by the
       completeness check of each list rather than trusted: a nested list may be cut (the
       batch answer is limited to 10 MB, and the nested list may leave out
       references whose ``paperId`` is null), so it counts as complete only when it
       has at least ``referenceCount`` items (``referenceCount`` counts unresolved
       references too: 67 = 44 resolved + 23 null in the recorded answers);
       otherwise the list is paged through ``/paper/{id}/references``.  Nested
       references are papers, not edges, so they carry no ``isInfluential``/
       ``intents``/``contexts``: ``edge_details=True`` pages every list to get them
       (a cached nested list too), and a paged list is never replaced by a nested one;
    4. ids the batch does not know: the entry's other ids (a DOI beside an unknown
       eprint) go to one more batch, all such entries together; then, when the
       entry also has a title, a title match is the last chance;
    5. with ``citations=True`` the listed papers' citations are paged up to the cap
       (the API cannot page past 9,999; a cut list is reported); a cache holding
       more than the cap (an earlier, larger cap) gives the graph its first ``cap``;
    6. ``depth`` > 1 expands the papers cited most by the previous hop, at most
       ``max_papers`` expanded papers in all;
    7. the graph is assembled from the cache, so an interrupted run that is
       resumed gives exactly the graph an undisturbed run gives.

    Every answer is written to the cache in its own transaction as it arrives.
    """
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    if citation_cap < 1:
        raise UsageError(f"--citation-cap must be at least 1, not {citation_cap}")
    if max_papers < 1:
        raise UsageError(f"--max-papers must be at least 1, not {max_papers}")
    run = _Run(
        entries,
        client=client,
        cache=cache,
        refresh=refresh,
        citations=citations,
        citation_cap=citation_cap,
        depth=depth,
        max_papers=max_papers,
        edge_details=edge_details,
        progress=progress,
        now=clock(),
        renew=renew,
    )
    run.resolve()
    if client is None and entries and not run.resolved:
        raise OfflineError(
            f"--offline: the cache {cache.path} holds none of the {len(run.entries)} listed papers; "
            "run once without --offline"
        )
    run.expand()
    listed = list(dict.fromkeys(run.resolved[e.key] for e in run.entries if e.key in run.resolved))
    if citations:
        run.fetch_lists(listed, "citations", cap=citation_cap)
    G, unresolved, stats = run.assemble(listed if citations else [])
    if edge_details is None and detail_candidates is not None and client is not None and depth >= 1:
        G, unresolved, stats = _targeted_details(run, G, detail_candidates, listed if citations else [])
    return BuildResult(graph=G, stats=stats, unresolved=unresolved)


def _targeted_details(
    run: _Run, G: nx.DiGraph, candidates: Callable[[nx.DiGraph], Mapping[str, str]], listed_citations: list[str]
) -> tuple[nx.DiGraph, list[dict[str, Any]], dict[str, Any]]:
    """Page the reference lists of the papers ``candidates`` names, then assemble again."""
    assert run.client is not None
    expanded = set(run.expanded)
    wanted = {pid: why for pid, why in candidates(G).items() if pid in expanded}
    before = run.client.requests
    run.detail_pids = set(wanted)
    run.fetch_lists(sorted(wanted), "references")
    spent = run.client.requests - before
    G, unresolved, stats = run.assemble(listed_citations)
    stats["edge_details"] = {
        "papers": len(wanted),
        "requests": spent,
        "why": dict(Counter(wanted.values()).most_common()),
    }
    G.graph["fetch"] = dict(stats)
    return G, unresolved, stats


def build(
    lists: Sequence[str | os.PathLike[str]],
    options: FetchOptions | None = None,
    *,
    exclude: Iterable[str] = (),
    renew: Iterable[str] = (),
    detail_candidates: Callable[[nx.DiGraph], Mapping[str, str]] | None = None,
    **fields: Any,
) -> BuildResult:
    """Read paper lists and build their citation graph through the chosen source (Semantic Scholar).

    Parameters
    ----------
    lists
        Paper list files (markdown, notes, HTML fragments, ...).
    options
        A :class:`~citegraph.fetch.options.FetchOptions`; or give its fields as
        keywords (``cache=``, ``offline=``, ``citations=``, ...), the
        environment filling those not given.
    exclude
        Keys of list entries to leave out, as if the lists did not name them
        (``citegraph suggest``'s hold-out check).
    renew
        What to fetch anew even when cached (``"records"``, ``"citations"``):
        ``citegraph watch`` asks for the listed papers' records and citers again.
    detail_candidates
        With ``edge_details=None``: which papers' reference lists to page for
        edge details (see :func:`build_from_entries`).

    Raises
    ------
    OfflineError
        Offline, and the cache file does not exist (nothing is created) or
        holds none of the listed papers.

    Examples
    --------
    With ``S2_API_KEY`` set (the network is needed, so this is not run as a doctest)::

        result = build(["my-list.md"], cache="s2.sqlite")
        save_graph(result.graph, "graph.json")
        print(result.summary_line())  # resolved 458/465, 2 requests, 0 from cache, 12 unresolved
    """
    if options is None:
        options = FetchOptions.from_env(**fields)
    elif fields:
        options = dataclasses.replace(options, **fields)
    docs = read_documents([Path(p) for p in lists])  # a bad list is reported before the cache is opened
    progress = show_progress(options.quiet) if options.progress is None else options.progress
    cache_path = options.cache_path()
    if options.offline and not cache_path.exists():
        # Opening the cache would create it (and its folder) empty: a mistyped path is said as such.
        raise OfflineError(
            f"--offline: the cache file {cache_path} does not exist; run once without --offline "
            "or pass the --cache file an earlier run wrote"
        )
    # Offline on a cache the user cannot write (a shared or archived file): read it as it is.
    readonly = options.offline and not (os.access(cache_path, os.W_OK) and os.access(cache_path.parent, os.W_OK))
    with Cache(cache_path, readonly=readonly) as store:
        read = parse_documents(docs, cache=store, consume=True)
        if exclude:
            dropped = set(exclude)
            read = dataclasses.replace(read, entries=[e for e in read.entries if e.key not in dropped])
        client = None if options.offline else open_source(options)
        try:
            result = build_from_entries(
                read.entries,
                client=client,
                cache=store,
                refresh=options.refresh,
                citations=options.citations,
                citation_cap=options.citation_cap,
                depth=options.depth,
                max_papers=options.max_papers,
                edge_details=options.edge_details,
                progress=progress,
                renew=renew,
                detail_candidates=detail_candidates,
            )
        finally:
            if client is not None:
                client.close()
    result.warnings = list(read.warnings)
    return result
