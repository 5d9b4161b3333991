"""A fake Semantic Scholar graph API on 127.0.0.1, for tests and benchmarks.

It serves the endpoints citegraph uses with the real API's response shapes:

* ``POST /paper/batch?fields=...`` with ``{"ids": [...]}``: records in input
  order, ``null`` for unknown ids; nested ``references`` (papers, not edges)
  truncated to ``World.nested_cap`` items;
* ``GET /paper/search/match?query=...``: ``{"data": [record + matchScore]}`` or
  404 ``{"error": "Title match not found"}``;
* ``GET /paper/{id}/references|citations?fields&offset&limit``: ``{"offset",
  "next", "data"}`` pages of edges (``citedPaper``/``citingPaper``), ``next``
  absent on the last page, ``limit`` at most 1000 and ``offset + limit`` below
  10,000 (else 400, like the real API);
* ``GET /paper/{id}``;
* ``GET /paper/search?query&fields&offset&limit``: ``{"total", "offset",
  "next", "data"}``, papers whose title holds every query word.

:meth:`World.add_citer` changes the world between two runs (new papers).

Unknown or unsupported ``fields`` get the real 400 body.  Recorded real answers
(vcrpy cassettes in ``../shared/s2-recorded``) can be mounted with
:meth:`FakeS2.add_recorded`; they are read at test time, never copied.

Faults: :meth:`FakeS2.inject` queues, per endpoint, answers such as 429 with
``Retry-After``, 500/502/503, an empty body, ``{}``, truncated JSON, a delay
past the client's timeout, or a dropped connection; ``rps`` makes the server
refuse (429 + ``Retry-After``) requests that come faster than the limit.
Every request is logged with its headers (:attr:`FakeS2.log`).

Usable without pytest (benchmarks)::

    from tests.fakes.s2 import FakeS2, World
    with FakeS2(World.from_entries(entries), rps=1.0) as server:
        build(lists, api_url=server.url, ...)
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import parse_qsl, unquote, urlsplit

try:  # benchmarks import this module without pytest installed
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

from citegraph.lists.entry import Entry
from citegraph.graph.model import normalize_title

__all__ = ["World", "FakeS2", "Fault", "LoggedRequest", "Recorded", "load_cassette", "sample_entries"]

BASE = "/graph/v1"

PAPER_FIELDS = {
    "paperId", "corpusId", "externalIds", "url", "title", "abstract", "venue", "publicationVenue",
    "year", "referenceCount", "citationCount", "influentialCitationCount", "isOpenAccess",
    "openAccessPdf", "fieldsOfStudy", "s2FieldsOfStudy", "publicationTypes", "publicationDate",
    "journal", "citationStyles", "authors", "citations", "references", "embedding", "tldr",
}
EDGE_FIELDS = {"contexts", "intents", "contextsWithIntent", "isInfluential"}
NESTED = {"authors", "citations", "references", "embedding"}
TOO_MANY_BODY = (
    '{"message": "Too Many Requests. Please wait and try again or apply for a key for higher '
    'rate limits. https://www.semanticscholar.org/product/api#api-key-form", "code": "429"}'
)


# ------------------------------------------------------------------ the world


def _pid(*parts: Any) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


@dataclass
class World:
    """The papers a :class:`FakeS2` knows, their references, and how the batch endpoint behaves.

    ``papers`` maps paperId to a full camelCase record (without nested lists);
    ``references`` maps paperId to its reference list in order, each item
    ``{"paperId": id or None, "title": ..., "isInfluential", "intents", "contexts"}``
    (``paperId`` None: a reference Semantic Scholar could not resolve).
    ``nested_cap`` is how many references the batch endpoint nests per paper;
    ``nested_includes_unresolved`` whether those include the null ones.
    """

    papers: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    nested_cap: int = 1000
    nested_includes_unresolved: bool = True
    aliases: dict[str, str] = field(default_factory=dict)
    entry_keys: dict[str, str] = field(default_factory=dict)  # paperId -> the list entry's key
    _citations: dict[str, list[dict[str, Any]]] | None = None

    # -- building

    def add_paper(self, record: Mapping[str, Any]) -> str:
        rec = dict(record)
        pid = rec["paperId"]
        rec.setdefault("corpusId", int(pid[:8], 16))
        ext = dict(rec.get("externalIds") or {})
        ext.setdefault("CorpusId", rec["corpusId"])
        rec["externalIds"] = ext
        rec.setdefault("url", f"https://www.semanticscholar.org/paper/{pid}")
        for key in ("abstract", "venue", "year"):
            rec.setdefault(key, None)
        rec.setdefault("authors", [])
        rec.setdefault("influentialCitationCount", 0)
        self.papers[pid] = rec
        self.references.setdefault(pid, [])
        self.aliases[pid.lower()] = pid
        self.aliases[f"corpusid:{rec['corpusId']}"] = pid
        if ext.get("ArXiv"):
            self.aliases[f"arxiv:{ext['ArXiv'].lower()}"] = pid
        if ext.get("DOI"):
            self.aliases[f"doi:{ext['DOI'].lower()}"] = pid
        self._citations = None
        return pid

    def add_reference(
        self,
        citing: str,
        cited: str | None,
        *,
        title: str | None = None,
        influential: bool = False,
        intents: Sequence[str] = (),
        contexts: Sequence[str] = (),
    ) -> None:
        """Append a reference of ``citing`` to ``cited`` (``None``: unresolved, with ``title``)."""
        self.references[citing].append(
            {
                "paperId": cited,
                "title": title if cited is None else None,
                "isInfluential": influential,
                "intents": list(intents),
                "contexts": list(contexts),
            }
        )
        self._citations = None

    def add_citers(self, cited: str, n: int, *, seed: int = 0) -> list[str]:
        """Create ``n`` new papers that each cite ``cited`` (for long citation lists)."""
        ids = []
        for i in range(n):
            pid = _pid("citer", seed, cited, i)
            self.add_paper({"paperId": pid, "title": f"Citing paper {i} of {cited[:8]}", "year": 2024})
            self.add_reference(pid, cited, intents=["background"], contexts=[f"as shown in [{i % 40}]"])
            ids.append(pid)
        return ids

    def _cite_by_section(self, entries: list[Entry], listed: list[str], pool: list[str], rng: random.Random,
                         n_listed: int, same_section: float, refs: int, seed: int) -> None:
        tags = {e.key: tuple(e.tags) for e in entries}
        by_section: dict[tuple[str, ...], list[str]] = {}
        for p in listed:
            by_section.setdefault(tags.get(self.entry_keys[p], ()), []).append(p)
        for pid in listed:
            own = [p for p in by_section.get(tags.get(self.entry_keys[pid], ()), []) if p != pid]
            others = [p for p in listed if p != pid]
            chosen: list[str] = []
            for _ in range(n_listed):
                group = own if own and rng.random() < same_section else others
                group = [p for p in group if p not in chosen]
                if group:
                    chosen.append(rng.choice(group))
            chosen += rng.sample(pool, min(max(0, refs - len(chosen)), len(pool)))
            for j, cited in enumerate(chosen):
                self.add_reference(pid, cited, intents=["background"], contexts=[f"Context {j} [{j + 1}]."])

    def add_citer(self, title: str, cites: Sequence[str], *, year: int = 2026, arxiv: str | None = None) -> str:
        """A new paper citing ``cites`` (paperIds): the world after a week of new papers."""
        pid = _pid("new", title)
        self.add_paper({"paperId": pid, "title": title, "year": year,
                        "externalIds": {"ArXiv": arxiv} if arxiv else {}})
        for cited in cites:
            self.add_reference(pid, cited, intents=["methodology"])
        self.finish()
        return pid

    def search(self, query: str) -> list[str]:
        """Papers whose title holds every word of ``query`` (the relevance search, simplified)."""
        words = normalize_title(query).split()
        return [pid for pid, rec in self.papers.items()
                if words and all(w in normalize_title(rec.get("title") or "").split() for w in words)]

    def finish(self) -> World:
        """Fill ``referenceCount``/``citationCount`` from the lists (call after building)."""
        cites = self.citations_index()
        for pid, rec in self.papers.items():
            rec["referenceCount"] = len(self.references.get(pid, []))
            rec["citationCount"] = len(cites.get(pid, []))
            rec["influentialCitationCount"] = sum(1 for e in cites.get(pid, []) if e["isInfluential"])
        return self

    # -- lookups

    def resolve(self, query_id: str) -> str | None:
        """The paperId an API id (``ARXIV:...``, ``DOI:...``, ``CorpusId:...``, sha) names."""
        q = query_id.strip()
        prefix, _, rest = q.partition(":")
        if rest and prefix.lower() in {"arxiv", "doi", "corpusid"}:
            return self.aliases.get(f"{prefix.lower()}:{rest.lower()}")
        if rest and prefix.lower() == "url":
            m = re.search(r"arxiv\.org/(?:abs|pdf)/([\w.\-/]+?)(?:v\d+)?(?:\.pdf)?$", rest)
            return self.aliases.get(f"arxiv:{m.group(1).lower()}") if m else None
        return self.aliases.get(q.lower())

    def match(self, query: str) -> str | None:
        key = normalize_title(query)
        for pid, rec in self.papers.items():
            if rec.get("title") and normalize_title(rec["title"]) == key:
                return pid
        return None

    def citations_index(self) -> dict[str, list[dict[str, Any]]]:
        if self._citations is None:
            index: dict[str, list[dict[str, Any]]] = {}
            for citing, refs in self.references.items():
                for ref in refs:
                    if ref["paperId"] is not None:
                        index.setdefault(ref["paperId"], []).append({**ref, "paperId": citing})
            self._citations = index
        return self._citations

    # -- generation

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[Entry],
        *,
        refs_per_paper: int = 8,
        pool_size: int | None = None,
        pool_refs: int = 3,
        seed: int = 0,
        missing_ids: Iterable[str] = (),
        missing_fraction: float = 0.0,
        unmatched_titles: Iterable[str] = (),
        long_fraction: float = 0.1,
        long_length: int = 60,
        null_fraction: float = 0.1,
        nested_cap: int = 40,
        listed_refs: int | None = None,
        same_section: float = 0.0,
        extra_references: Iterable[tuple[str, str]] = (),
    ) -> World:
        """A world where the listed papers exist (except the missing ones) and cite each other and a pool.

        Parameters
        ----------
        entries
            Papers as lists name them; each gets a record with its arXiv id, DOI
            or CorpusId and its title (title-only entries are found by title match).
        refs_per_paper, long_fraction, long_length
            Reference list lengths: most papers cite ``refs_per_paper``, a
            ``long_fraction`` of them ``long_length`` (longer than ``nested_cap``,
            so the batch's nested list is cut and paging is needed).
        pool_size, pool_refs
            Unlisted papers that listed papers cite (default 3 per entry), each
            citing ``pool_refs`` others of the pool (for ``--depth 2``).
        missing_ids, missing_fraction, unmatched_titles
            Query ids (``ARXIV:...``) the API does not know (batch answers
            ``null``), a random fraction more, and titles with no match.
        null_fraction
            Share of references with ``paperId`` null.
        listed_refs, same_section
            ``None``: each listed paper cites papers drawn from listed and pool
            alike.  A number: each cites that many listed papers (from its own
            list section with probability ``same_section``) and the rest of its
            ``refs_per_paper`` from the pool, as papers of a curated field do.
        extra_references
            ``(citing entry key, cited entry key)`` pairs added as references
            (a list's own "builds on" links, say).
        """
        rng = random.Random(seed)
        world = cls(nested_cap=nested_cap)
        entries = list(entries)
        missing = {m.lower() for m in missing_ids}
        unmatched = {normalize_title(t) for t in unmatched_titles}
        listed: list[str] = []
        for i, entry in enumerate(entries):
            qid = entry.s2_query_id
            if qid and (qid.lower() in missing or rng.random() < missing_fraction):
                continue
            if not qid and entry.title and normalize_title(entry.title) in unmatched:
                continue
            s2 = entry.s2_id or ""
            pid = s2 if re.fullmatch(r"[0-9a-f]{40}", s2) else _pid("listed", seed, entry.key)
            ext: dict[str, Any] = {}
            if entry.arxiv:
                ext["ArXiv"] = entry.arxiv
            if entry.doi:
                ext["DOI"] = entry.doi
            record: dict[str, Any] = {
                "paperId": pid,
                "externalIds": ext,
                "title": entry.title or f"Paper {entry.arxiv or entry.doi or i}",
                "year": entry.year or 2019 + rng.randrange(7),
                "venue": entry.venue or rng.choice(["arXiv.org", "CVPR", "NeurIPS", ""]),
                "authors": [
                    {"authorId": str(1000 + rng.randrange(10**6)), "name": name}
                    for name in (entry.authors or [f"Author {rng.randrange(500)}" for _ in range(3)])
                ],
                "abstract": f"Abstract of {entry.title or entry.key}.",
            }
            if s2.lower().startswith("corpusid:"):
                record["corpusId"] = int(s2.split(":", 1)[1])
            world.add_paper(record)
            world.entry_keys[pid] = entry.key
            listed.append(pid)
        pool_n = pool_size if pool_size is not None else 3 * max(1, len(entries))
        pool = [
            world.add_paper(
                {
                    "paperId": _pid("pool", seed, k),
                    "externalIds": {"ArXiv": f"1{k // 10000:03d}.{k % 10000:05d}"} if k % 3 else {},
                    "title": f"Pool paper {k}: a study of things",
                    "year": 2000 + k % 24,
                    "venue": "Journal of Things",
                    "authors": [{"authorId": str(k), "name": f"Pool Author {k % 97}"}],
                }
            )
            for k in range(pool_n)
        ]
        candidates = listed + pool

        def cite(citing: str, n: int) -> None:
            others = [c for c in candidates if c != citing]
            for j, cited in enumerate(rng.sample(others, min(n, len(others)))):
                if rng.random() < null_fraction:
                    world.add_reference(citing, None, title=f"Unresolved reference {j} of {citing[:8]}")
                    continue
                world.add_reference(
                    citing,
                    cited,
                    influential=rng.random() < 0.2,
                    intents=rng.sample(["background", "methodology", "result"], rng.randrange(3)),
                    contexts=[f"Context sentence {j} citing [{j + 1}]."] if rng.random() < 0.7 else [],
                )

        if listed_refs is None:
            for pid in listed:
                cite(pid, long_length if rng.random() < long_fraction else refs_per_paper)
        else:
            world._cite_by_section(entries, listed, pool, rng, listed_refs, same_section, refs_per_paper, seed)
        key_to_pid = {world.entry_keys[p]: p for p in listed}
        for citing_key, cited_key in extra_references:
            a, b = key_to_pid.get(citing_key), key_to_pid.get(cited_key)
            if a and b and all(r["paperId"] != b for r in world.references[a]):
                world.add_reference(a, b, intents=["methodology"])
        for pid in pool:
            if pool_refs:
                others = [c for c in pool if c != pid]
                for cited in rng.sample(others, min(pool_refs, len(others))):
                    world.add_reference(pid, cited, intents=["background"])
        return world.finish()


def sample_entries(n: int, *, titles_only: int = 0, seed: int = 0) -> list[Entry]:
    """``n`` list entries with arXiv ids (the last ``titles_only`` with a title only).

    >>> [e.key for e in sample_entries(2, titles_only=1)]
    ['arxiv:2401.00000', 'title:model 1 a method for things']
    """
    out = []
    for i in range(n):
        title = f"Model {i}: A method for things"
        if i >= n - titles_only:
            out.append(Entry(title=title, tags=["Fake"], sources=[f"list.md:{i + 1}"]))
        else:
            out.append(Entry(arxiv=f"2401.{i:05d}", title=title, tags=["Fake"], sources=[f"list.md:{i + 1}"]))
    return out


# --------------------------------------------------------------- recordings


@dataclass(frozen=True)
class Recorded:
    """One recorded real interaction: request method/path/query, response status/body."""

    method: str
    path: str
    query: dict[str, str]
    request_body: str
    status: int
    body: str


def load_cassette(path: str | Path) -> list[Recorded]:
    """The interactions of a vcrpy cassette, paths relative to ``/graph/v1``."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = []
    for item in data["interactions"]:
        req, resp = item["request"], item["response"]
        parts = urlsplit(req["uri"])
        body = resp["content"] if "content" in resp else resp["body"]["string"]
        status = resp["status_code"] if "status_code" in resp else resp["status"]["code"]
        path = unquote(parts.path)
        if path.startswith(BASE):
            path = path[len(BASE):]
        out.append(
            Recorded(
                method=req["method"],
                path=path,
                query=dict(parse_qsl(parts.query)),
                request_body=req.get("body") or "",
                status=int(status),
                body=body,
            )
        )
    return out


# ------------------------------------------------------------------- faults


@dataclass(frozen=True)
class Fault:
    """One bad answer.  ``kind``: ``status`` (with ``status``, optional
    ``retry_after``), ``empty`` (200, no body), ``empty_json`` (200, ``{}``),
    ``truncated`` (200, the real answer cut in half), ``delay`` (the real answer
    after ``seconds``), ``drop`` (connection closed without an answer),
    ``pass`` (the normal answer: lets a request through before the next fault)."""

    kind: str
    status: int = 500
    retry_after: str | None = None
    seconds: float = 0.0

    @classmethod
    def http(cls, status: int, retry_after: float | str | None = None) -> Fault:
        return cls("status", status=status, retry_after=None if retry_after is None else str(retry_after))


@dataclass
class LoggedRequest:
    method: str
    endpoint: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int = 0
    at: float = 0.0


_STATUS_BODY = {
    500: '{"message": "Internal Server Error"}',
    502: '{"message": "Bad Gateway"}',
    503: '{"message": "Service Unavailable"}',
    504: '{"message": "Endpoint request timed out"}',
}


# ------------------------------------------------------------------- server


def _fields(raw: str | None, default: Iterable[str] = ("title",)) -> list[str]:
    return [f for f in (raw or "").split(",") if f] or list(default)


def _bad_fields(fields: Iterable[str], allowed: set[str]) -> list[str]:
    bad = []
    for f in fields:
        head, dot, sub = f.partition(".")
        if head not in allowed or (dot and head not in NESTED) or dot and head in ("citations", "references") and (sub not in PAPER_FIELDS or sub in {"citations", "references", "embedding"}):
            bad.append(f)
    return bad


class _Refused(Exception):
    def __init__(self, status: int, body: str):
        self.status, self.body = status, body


def _error(status: int, message: str) -> _Refused:
    return _Refused(status, json.dumps({"error": message}))


class FakeS2:
    """The fake API server; a context manager (``with FakeS2(world) as s: s.url``).

    Parameters
    ----------
    world
        The papers served (default: an empty world).
    rps
        Requests per second accepted; faster requests get 429 and ``Retry-After``.
    fractional_retry_after
        Send ``Retry-After`` with a fraction of a second (fast tests) rather
        than whole seconds as real servers do.
    max_response_bytes
        Refuse batch answers larger than this with the API's "too large" 400.
    next_at_window_end
        ``False``: a page that reaches the 9,999 paging window's end has no
        ``next`` even when the list goes on (the list then looks complete, and
        only the paper's count says it was cut).
    """

    def __init__(
        self,
        world: World | None = None,
        *,
        rps: float | None = None,
        fractional_retry_after: bool = False,
        max_response_bytes: int | None = None,
        latency: float = 0.0,
        next_at_window_end: bool = True,
    ):
        self.world = world or World()
        self.rps = rps
        self.fractional_retry_after = fractional_retry_after
        self.max_response_bytes = max_response_bytes
        self.latency = latency
        self.next_at_window_end = next_at_window_end
        self.log: list[LoggedRequest] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._recorded: list[tuple[Recorded, tuple[str, ...]]] = []
        self._lock = threading.Lock()
        self._last_ok: float | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> FakeS2:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's
            # algorithm and delayed ACKs add ~40 ms to every keep-alive answer.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeS2:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE}"

    # -- test controls

    def inject(self, endpoint: str, *faults: Fault, after: int = 0) -> None:
        """Queue ``faults`` for the next requests to ``endpoint`` (``batch``,
        ``match``, ``references``, ``citations``, ``paper`` or ``*`` for any),
        after letting ``after`` requests to it through."""
        with self._lock:
            self._faults.setdefault(endpoint, deque()).extend([Fault("pass")] * after + list(faults))

    def pending_faults(self) -> int:
        with self._lock:
            return sum(len(q) for q in self._faults.values())

    def add_recorded(self, recorded: Recorded, match: Sequence[str] = ("offset",)) -> None:
        """Answer requests with the same method, path and ``match`` query values with a recording."""
        self._recorded.append((recorded, tuple(match)))

    def count(self, endpoint: str | None = None, status: int | None = None) -> int:
        with self._lock:
            return sum(
                1
                for r in self.log
                if (endpoint is None or r.endpoint == endpoint) and (status is None or r.status == status)
            )

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- request handling

    @staticmethod
    def _endpoint(method: str, path: str) -> str:
        if method == "POST" and path == "/paper/batch":
            return "batch"
        if path == "/paper/search/match":
            return "match"
        if path == "/paper/search":
            return "search"
        m = re.fullmatch(r"/paper/(.+)/(references|citations)", path)
        if m:
            return m.group(2)
        if path.startswith("/paper/"):
            return "paper"
        return "other"

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        path = unquote(parts.path)
        if path.startswith(BASE):
            path = path[len(BASE):]
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        endpoint = self._endpoint(h.command, path)
        entry = LoggedRequest(
            h.command, endpoint, path, query, {k.lower(): v for k, v in h.headers.items()}, body, at=time.time()
        )
        with self._lock:
            self.log.append(entry)
            fault = None
            for key in (endpoint, "*"):
                if self._faults.get(key):
                    fault = self._faults[key].popleft()
                    break
            if fault is not None and fault.kind == "pass":
                fault = None
            limited = None
            if fault is None and self.rps:
                now = time.monotonic()
                gap = 1.0 / self.rps
                if self._last_ok is not None and now - self._last_ok < gap:
                    wait = gap - (now - self._last_ok)
                    limited = f"{wait:.3f}" if self.fractional_retry_after else str(max(1, math.ceil(wait)))
                else:
                    self._last_ok = now
        if self.latency:
            time.sleep(self.latency)
        if limited is not None:
            return self._send(h, entry, 429, TOO_MANY_BODY, {"Retry-After": limited})
        if fault is not None and fault.kind == "drop":
            entry.status = -1
            h.close_connection = True
            return
        if fault is not None and fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            text = TOO_MANY_BODY if fault.status == 429 else _STATUS_BODY.get(fault.status, "")
            return self._send(h, entry, fault.status, text, headers)
        if fault is not None and fault.kind == "empty":
            return self._send(h, entry, 200, "")
        if fault is not None and fault.kind == "empty_json":
            return self._send(h, entry, 200, "{}")
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
        try:
            status, text = self._answer(h.command, endpoint, path, query, body)
        except _Refused as refused:
            status, text = refused.status, refused.body
        if fault is not None and fault.kind == "truncated":
            text = text[: len(text) // 2]
        self._send(h, entry, status, text)

    def _send(
        self, h: BaseHTTPRequestHandler, entry: LoggedRequest, status: int, text: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        entry.status = status
        data = text.encode("utf-8")
        try:
            h.send_response(status)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            pass

    def _answer(self, method: str, endpoint: str, path: str, query: dict[str, str], body: Any) -> tuple[int, str]:
        for rec, match in self._recorded:
            if rec.method == method and rec.path == path and all(query.get(k) == rec.query.get(k) for k in match):
                return rec.status, rec.body
        w = self.world
        if endpoint == "batch":
            return 200, self._batch(query, body)
        if endpoint == "match":
            fields = _fields(query.get("fields"))
            self._check_fields(fields, PAPER_FIELDS)
            pid = w.match(query.get("query", ""))
            if pid is None:
                raise _error(404, "Title match not found")
            rec = self._project(pid, fields)
            rec["matchScore"] = 200.0
            return 200, json.dumps({"data": [rec]})
        if endpoint == "search":
            fields = _fields(query.get("fields"))
            self._check_fields(fields, PAPER_FIELDS)
            found = w.search(query.get("query", ""))
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
            page: dict[str, Any] = {"total": len(found), "offset": offset}
            if offset + limit < len(found):
                page["next"] = offset + limit
            page["data"] = [self._project(pid, fields) for pid in found[offset:offset + limit]]
            return 200, json.dumps(page)
        if endpoint in ("references", "citations"):
            m = re.fullmatch(r"/paper/(.+)/(references|citations)", path)
            assert m
            return 200, self._page(m.group(1), endpoint, query)
        if endpoint == "paper":
            pid = w.resolve(path[len("/paper/"):])
            fields = _fields(query.get("fields"))
            self._check_fields(fields, PAPER_FIELDS)
            if pid is None:
                raise _error(404, f"Paper with id {path[len('/paper/'):]} not found")
            return 200, json.dumps(self._project(pid, fields))
        raise _error(404, f"Endpoint not found: {path}")

    @staticmethod
    def _check_fields(fields: Iterable[str], allowed: set[str]) -> None:
        bad = _bad_fields(fields, allowed)
        if bad:
            raise _error(400, f"Unrecognized or unsupported fields: [{', '.join(bad)}]")

    def _project(self, pid: str, fields: Iterable[str]) -> dict[str, Any]:
        """The record of ``pid`` with ``fields`` (dotted subfields for nested lists)."""
        rec = self.world.papers[pid]
        out: dict[str, Any] = {"paperId": pid}
        nested: dict[str, list[str]] = {}
        for f in fields:
            head, dot, sub = f.partition(".")
            if head in ("references", "citations"):
                nested.setdefault(head, [])
                if dot:
                    nested[head].append(sub)
            elif head == "authors":
                out["authors"] = [{"authorId": a["authorId"], "name": a["name"]} for a in rec["authors"]]
            else:
                out[head] = rec.get(head)
        for head, subs in nested.items():
            subs = subs or ["title"]
            if head == "references":
                items = self.world.references.get(pid, [])
                if not self.world.nested_includes_unresolved:
                    items = [i for i in items if i["paperId"] is not None]
            else:
                items = self.world.citations_index().get(pid, [])
            out[head] = [
                self._project(i["paperId"], subs) if i["paperId"] else {"paperId": None, **{s: (i["title"] if s == "title" else None) for s in subs if s != "paperId"}}
                for i in items[: self.world.nested_cap]
            ]
        return out

    def _batch(self, query: dict[str, str], body: Any) -> str:
        if not isinstance(body, dict) or not isinstance(body.get("ids"), list):
            raise _error(400, "Unacceptable request body: expected {\"ids\": [...]}")
        ids = body["ids"]
        if len(ids) > 500:
            raise _error(400, "Cannot process more than 500 paper ids at a time")
        fields = _fields(query.get("fields"))
        self._check_fields(fields, PAPER_FIELDS)
        answer = []
        for qid in ids:
            pid = self.world.resolve(str(qid))
            answer.append(None if pid is None else self._project(pid, fields))
        text = json.dumps(answer)
        if self.max_response_bytes is not None and len(text) > self.max_response_bytes:
            raise _error(400, f"Response would exceed maximum size of {self.max_response_bytes} bytes")
        return text

    def _page(self, paper: str, kind: str, query: dict[str, str]) -> str:
        pid = self.world.resolve(paper)
        if pid is None:
            raise _error(404, f"Paper with id {paper} not found")
        try:
            offset = int(query.get("offset", 0))
            limit = int(query.get("limit", 100))
        except ValueError:
            raise _error(400, "offset and limit must be integers") from None
        if limit > 1000:
            raise _error(400, "The limit parameter must be <= 1000")
        if offset + limit >= 10000:
            raise _error(400, "offset + limit must be < 10000")
        fields = _fields(query.get("fields"))
        self._check_fields(fields, PAPER_FIELDS | EDGE_FIELDS)
        items = (
            self.world.references.get(pid, []) if kind == "references" else self.world.citations_index().get(pid, [])
        )
        side = "citedPaper" if kind == "references" else "citingPaper"
        paper_fields = [f for f in fields if f not in EDGE_FIELDS] or ["title"]
        data = []
        for item in items[offset : offset + limit]:
            edge: dict[str, Any] = {}
            for f in fields:
                if f in EDGE_FIELDS:
                    edge[f] = (
                        [{"context": c, "intents": item["intents"]} for c in item["contexts"]]
                        if f == "contextsWithIntent"
                        else item[f]
                    )
            if item["paperId"] is None:
                edge[side] = {"paperId": None, **{f: (item["title"] if f == "title" else None) for f in paper_fields if f != "paperId"}}
            else:
                edge[side] = self._project(item["paperId"], paper_fields)
            data.append(edge)
        page: dict[str, Any] = {"offset": offset}
        if offset + limit < len(items) and (self.next_at_window_end or offset + limit < 9999):
            page["next"] = offset + limit
        page["data"] = data
        return json.dumps(page)


# ------------------------------------------------------------------ fixtures

if pytest is not None:

    @pytest.fixture
    def make_fake_s2() -> Iterator[Any]:
        """Start fake servers: ``make_fake_s2(world, rps=...)``; all stopped after the test."""
        servers: list[FakeS2] = []

        def make(world: World | None = None, **kwargs: Any) -> FakeS2:
            server = FakeS2(world, **kwargs).start()
            servers.append(server)
            return server

        yield make
        for server in servers:
            server.stop()

    @pytest.fixture
    def fake_s2(make_fake_s2: Any) -> FakeS2:
        """A fake API with a small world: 12 listed papers (2 by title only), long lists, nulls."""
        return make_fake_s2(World.from_entries(sample_entries(12, titles_only=2), seed=1))
