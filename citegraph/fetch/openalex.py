"""OpenAlex as a :class:`~citegraph.fetch.source.Source`, in Semantic Scholar's record shapes.

Works become API-shaped records whose ``paperId`` is the OpenAlex short id
(``W2741809807``), marked ``"origin": "openalex"``; ``ARXIV:`` ids are looked
up as arXiv's DOIs (``10.48550/arXiv.ID``), ``DOI:`` ids as DOIs, titles
through ``title.search``.  Reference lists are the works' ``referenced_works``;
citation lists the ``cites:`` filter, paged by page number up to OpenAlex's
10,000 and by cursor past it.  Requests go through one ``httpx`` client with
the retry, ``Retry-After`` and pacing rules of :mod:`citegraph.fetch.s2`;
``OPENALEX_MAILTO`` puts them in the polite pool (``mailto=``), and
``OPENALEX_API_KEY``, when set, is sent as ``api_key=``.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any
from collections.abc import Callable, Sequence

import httpx
import tenacity

from citegraph import __version__
from citegraph.errors import FetchError, RetriesExhaustedError
from citegraph.fetch.options import ENVIRONMENT, FetchOptions
from citegraph.fetch.pacing import Pacer
from citegraph.fetch.s2 import Page, S2NotFound, _json, _raise_if_retryable, _Retryable, _ssl_context, _Wait

__all__ = ["DEFAULT_OPENALEX_URL", "OpenAlexSource", "from_options", "work_record", "is_openalex_id"]

DEFAULT_OPENALEX_URL = "https://api.openalex.org"
PER_PAGE = 100  # the API's largest page
OR_MAX = 50  # values joined by "|" in one filter
BASIC_WINDOW = 10_000  # page * per_page past this needs a cursor
_SELECT = ("id,doi,title,display_name,publication_year,primary_location,authorships,cited_by_count,"
           "referenced_works,abstract_inverted_index")
_W = re.compile(r"^W\d+$")


def is_openalex_id(paper_id: str) -> bool:
    """Whether ``paper_id`` is an OpenAlex work id (``W`` and digits), not a Semantic Scholar one.

    >>> is_openalex_id("W2741809807"), is_openalex_id("649def34f8be52c8b66281af98ae884c09aef38b")
    (True, False)
    """
    return bool(_W.match(paper_id))


def _short(url: str | None) -> str | None:
    return url.rsplit("/", 1)[-1] if url else None


def _bare_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    return re.sub(r"^https?://(dx\.)?doi\.org/", "", doi, flags=re.I).lower()


def _abstract(index: dict[str, list[int]] | None) -> str | None:
    if not index:
        return None
    words = sorted((pos, word) for word, places in index.items() for pos in places)
    return " ".join(word for _, word in words)


def work_record(work: dict[str, Any]) -> dict[str, Any]:
    """A Semantic Scholar-shaped record of an OpenAlex work, marked ``origin: openalex``.

    >>> r = work_record({"id": "https://openalex.org/W1", "doi": "https://doi.org/10.48550/ARXIV.2405.09818",
    ...                  "title": "Chameleon", "publication_year": 2024, "cited_by_count": 3,
    ...                  "referenced_works": ["https://openalex.org/W2"],
    ...                  "abstract_inverted_index": {"mixed": [1], "Early": [0]}})
    >>> r["paperId"], r["externalIds"], r["referenceCount"], r["abstract"], r["origin"]
    ('W1', {'OpenAlex': 'W1', 'DOI': '10.48550/arxiv.2405.09818', 'ArXiv': '2405.09818'}, 1, 'Early mixed', 'openalex')
    """
    wid = _short(work.get("id")) or ""
    doi = _bare_doi(work.get("doi"))
    ext: dict[str, Any] = {"OpenAlex": wid}
    if doi:
        ext["DOI"] = doi
        m = re.match(r"10\.48550/arxiv\.(.+)$", doi)
        if m:
            ext["ArXiv"] = m.group(1)
    source = ((work.get("primary_location") or {}).get("source") or {})
    return {
        "paperId": wid,
        "externalIds": ext,
        "title": work.get("title") or work.get("display_name"),
        "year": work.get("publication_year"),
        "venue": source.get("display_name") or "",
        "authors": [
            {"authorId": _short((a.get("author") or {}).get("id")), "name": (a.get("author") or {}).get("display_name")}
            for a in work.get("authorships") or []
        ],
        "citationCount": work.get("cited_by_count"),
        "referenceCount": len(work.get("referenced_works") or []),
        "abstract": _abstract(work.get("abstract_inverted_index")),
        "origin": "openalex",
    }


class OpenAlexSource:
    """OpenAlex's works API with retries and pacing, answering in Semantic Scholar's shapes.

    Parameters
    ----------
    api_url
        Base URL (default the public API; tests: a local fake).
    mailto
        An e-mail address for the polite pool (``$OPENALEX_MAILTO``).
    api_key
        ``$OPENALEX_API_KEY``, sent as ``api_key`` when given.
    min_interval, max_retries, timeout, transport, sleep
        As :class:`citegraph.fetch.s2.S2Client`.
    """

    offset_limit: int | None = None

    def __init__(
        self,
        api_url: str | None = None,
        *,
        mailto: str | None = None,
        api_key: str | None = None,
        min_interval: float = 0.1,
        max_retries: int = 6,
        timeout: float = 30.0,
        max_wait: float = 120.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.api_url = (api_url or DEFAULT_OPENALEX_URL).rstrip("/")
        self.requests = 0
        self.retries = 0
        self.min_interval = min_interval
        # the S2 client's pacing: 429s widen the interval, answers bring it back to min_interval
        self.pacer = Pacer(min_interval, ceiling=max(10.0, min_interval), sleep=sleep)
        self.max_retries = max_retries
        self.timeout = timeout
        self._params = {k: v for k, v in (("mailto", mailto), ("api_key", api_key)) if v}
        self._key = api_key
        self._sleep = sleep
        self._wait = _Wait(max_wait)
        self._http = httpx.Client(
            headers={"User-Agent": f"citegraph/{__version__}" + (f" (mailto:{mailto})" if mailto else "")},
            timeout=timeout, transport=transport, verify=_ssl_context(),
        )
        self._references: dict[str, list[str]] = {}  # work id -> its referenced work ids
        self._cursors: dict[tuple[str, int], str] = {}  # (work id, offset) -> cursor of that page

    def __repr__(self) -> str:
        return f"OpenAlexSource({self.api_url!r})"

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------ requests

    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    def _attempt(self, path: str, params: dict[str, Any], what: str) -> Any:
        self.pacer.wait()
        self.requests += 1
        try:
            response = self._http.get(f"{self.api_url}{path}", params={**params, **self._params})
        except httpx.TimeoutException:
            raise _Retryable(f"no answer within {self.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__})") from None
        status = response.status_code
        self.pacer.heard(status)
        _raise_if_retryable(response)
        if status == 404:
            raise S2NotFound(f"OpenAlex found nothing for {what}")
        if status != 200:
            raise FetchError(self._scrub(f"OpenAlex answered HTTP {status} to {what}: {response.text.strip()[:200]}"))
        data = _json(response)
        if not isinstance(data, dict) or ("results" not in data and "id" not in data):
            raise _Retryable("an empty or malformed answer")
        return data

    def _get(self, path: str, params: dict[str, Any], what: str) -> Any:
        def count_retry(_: tenacity.RetryCallState) -> None:
            self.retries += 1

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.max_retries + 1), wait=self._wait,
            retry=tenacity.retry_if_exception_type(_Retryable), sleep=self._sleep, before_sleep=count_retry,
            reraise=True,
        )
        try:
            return retrying(self._attempt, path, params, what)
        except _Retryable as exc:
            raise RetriesExhaustedError(self._scrub(
                f"OpenAlex kept failing for {what}: {exc} after {self.max_retries + 1} attempts. Everything "
                "fetched before is in the cache: run the same command again to resume."
            )) from None

    def _works(self, field: str, values: Sequence[str]) -> list[dict[str, Any]]:
        """Works whose ``field`` is one of ``values``, ``OR_MAX`` values a request."""
        out: list[dict[str, Any]] = []
        values = list(dict.fromkeys(values))
        for start in range(0, len(values), OR_MAX):
            chunk = values[start:start + OR_MAX]
            data = self._get("/works", {"filter": f"{field}:{'|'.join(chunk)}", "per_page": PER_PAGE,
                                        "select": _SELECT}, f"works by {field} ({len(chunk)}: {chunk[0]} …)")
            out += data.get("results") or []
        return out

    def _kept(self, work: dict[str, Any]) -> dict[str, Any]:
        """``work``'s record, its reference ids kept for :meth:`list_page`."""
        rec = work_record(work)
        self._references[rec["paperId"]] = [_short(w) or "" for w in work.get("referenced_works") or []]
        return rec

    # ------------------------------------------------------------- source

    def paper_batch(
        self, ids: Sequence[str], fields: Sequence[str] = (), *, what: str | None = None
    ) -> list[dict[str, Any] | None]:
        """Records for Semantic Scholar-style ids (``ARXIV:``, ``DOI:``) and OpenAlex ids, in order."""
        by_doi: dict[str, str] = {}
        wids: list[str] = []
        for q in ids:
            prefix, _, rest = q.partition(":")
            if prefix.upper() == "DOI" and rest:
                by_doi[q] = rest.lower()
            elif prefix.upper() == "ARXIV" and rest:
                by_doi[q] = f"10.48550/arxiv.{rest.lower()}"
            elif is_openalex_id(q):
                wids.append(q)
        found: dict[str, dict[str, Any]] = {}
        for work in self._works("doi", sorted(set(by_doi.values()))) if by_doi else []:
            rec = self._kept(work)
            found[f"doi:{rec['externalIds'].get('DOI')}"] = rec
        for work in self._works("openalex", wids) if wids else []:
            rec = self._kept(work)
            found[rec["paperId"]] = rec
        return [found.get(f"doi:{by_doi[q]}") if q in by_doi else found.get(q) for q in ids]

    def match_title(self, title: str, fields: Sequence[str] = ()) -> dict[str, Any] | None:
        """The first work of OpenAlex's title search, or ``None``."""
        query = re.sub(r"[,:|]+", " ", title).strip()
        if not query:
            return None
        data = self._get("/works", {"filter": f"title.search:{query}", "per_page": 1, "select": _SELECT},
                         f'the title search for "{title[:80]}"')
        results = data.get("results") or []
        return self._kept(results[0]) if results else None

    def search(self, query: str, fields: Sequence[str] = (), *, limit: int = 100) -> list[dict[str, Any]]:
        """The first ``limit`` works (at most one page) of OpenAlex's relevance search."""
        data = self._get("/works", {"search": query, "per_page": max(1, min(limit, PER_PAGE)), "select": _SELECT},
                         f"the search for {query!r}")
        return [work_record(w) for w in data.get("results") or []]

    def list_page(
        self, paper_id: str, kind: str, *, offset: int, limit: int = PER_PAGE, fields: Sequence[str] = (),
        label: str | None = None,
    ) -> Page:
        """A page of an OpenAlex work's references (its ``referenced_works``) or citers (``cites:``)."""
        if not is_openalex_id(paper_id):
            raise S2NotFound(f"{label or paper_id} is not an OpenAlex work id")
        if kind == "references":
            if paper_id not in self._references and self.paper_batch([paper_id])[0] is None:
                raise S2NotFound(f"OpenAlex has no work {paper_id}")
            refs = [w for w in self._references[paper_id] if w]
            chunk = refs[offset:offset + max(1, min(limit, PER_PAGE))]
            works = {r["paperId"]: r for r in map(work_record, self._works("openalex", chunk))} if chunk else {}
            items = [{"citedPaper": works.get(w, {"paperId": None, "title": None}), "origin": "openalex"}
                     for w in chunk]
            end = offset + len(chunk)
            return Page(offset=offset, items=items, next=end if end < len(refs) else None)
        if kind != "citations":
            raise ValueError(f"kind must be 'references' or 'citations', not {kind!r}")
        params: dict[str, Any] = {"filter": f"cites:{paper_id}", "per_page": PER_PAGE, "select": _SELECT,
                                  "sort": "publication_year:desc"}
        if offset + PER_PAGE <= BASIC_WINDOW and offset % PER_PAGE == 0:
            params["page"] = offset // PER_PAGE + 1
        else:
            params["cursor"] = self._cursor(paper_id, offset)
        data = self._get("/works", params, f"the citations of {label or paper_id} from {offset}")
        results = data.get("results") or []
        meta = data.get("meta") or {}
        if meta.get("next_cursor"):
            self._cursors[(paper_id, offset + len(results))] = meta["next_cursor"]
        items = [{"citingPaper": work_record(w), "origin": "openalex"} for w in results]
        end = offset + len(results)
        more = bool(results) and end < int(meta.get("count") or 0)
        return Page(offset=offset, items=items, next=end if more else None)

    def _cursor(self, paper_id: str, offset: int) -> str:
        """The cursor of the page at ``offset``, walking from the start when it is not known."""
        if offset == 0:
            return "*"
        if (paper_id, offset) not in self._cursors:
            at, cursor = 0, "*"
            while at < offset:
                data = self._get("/works", {"filter": f"cites:{paper_id}", "per_page": PER_PAGE, "select": "id",
                                            "sort": "publication_year:desc", "cursor": cursor},
                                 f"the citations of {paper_id} (walking to {offset})")
                cursor = (data.get("meta") or {}).get("next_cursor") or ""
                at += len(data.get("results") or [])
                if not cursor:
                    break
                self._cursors[(paper_id, at)] = cursor
        return self._cursors.get((paper_id, offset), "*")


def from_options(options: FetchOptions) -> OpenAlexSource:
    """The source ``open_source`` makes for ``openalex`` (alone or after ``s2,``)."""
    return OpenAlexSource(
        options.openalex_url or os.environ.get(ENVIRONMENT["openalex_url"]),
        mailto=options.openalex_mailto or os.environ.get(ENVIRONMENT["openalex_mailto"]),
        api_key=os.environ.get("OPENALEX_API_KEY"),
        min_interval=0.1 if options.min_interval is None else min(options.min_interval, 0.1),
    )
