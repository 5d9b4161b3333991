"""The Semantic Scholar client: the only module of citegraph that touches the network.

:class:`S2Client` wraps the ``semanticscholar`` client and routes every request through
one method with pacing and retries; the notes of :class:`S2Client` say why.

The API key is sent as ``x-api-key`` and never logged, cached, or put in an
error message.
"""

from __future__ import annotations

import email.utils
import functools
import math
import re
import ssl
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Sequence
from urllib.parse import parse_qsl, quote

import httpx
import tenacity
from semanticscholar import SemanticScholar
from semanticscholar.ApiRequester import ApiRequester
from semanticscholar.SemanticScholarException import ObjectNotFoundException

from citegraph import __version__
from citegraph.errors import FetchError, RetriesExhaustedError
from citegraph.fetch.pacing import PACE_MARGIN, Pacer
from citegraph.text.wording import one_line, plural

__all__ = [
    "DEFAULT_API_URL",
    "PAPER_FIELDS",
    "LEAN_FIELDS",
    "EDGE_FIELDS",
    "BATCH_MAX",
    "PAGE_MAX",
    "OFFSET_LIMIT",
    "PACE_MARGIN",
    "S2Client",
    "Page",
    "S2NotFound",
    "S2BadRequest",
]

if TYPE_CHECKING:
    from citegraph.fetch.options import FetchOptions

DEFAULT_API_URL = "https://api.semanticscholar.org/graph/v1"

# Fields of a listed (or expanded) paper's own record.
PAPER_FIELDS: tuple[str, ...] = (
    "paperId",
    "externalIds",
    "corpusId",
    "title",
    "year",
    "venue",
    "authors",
    "citationCount",
    "influentialCitationCount",
    "referenceCount",
    "abstract",
    "tldr",  # lineage reads the child's own words: abstract and TLDR
)
# Fields of the papers inside reference and citation lists: no abstract, to keep
# a 500-paper batch with nested references under the API's 10 MB answer limit.
LEAN_FIELDS: tuple[str, ...] = tuple(f for f in PAPER_FIELDS if f not in ("corpusId", "abstract"))
# Citation-edge fields; only the /references and /citations endpoints have them
# (the batch endpoint's nested ``references`` are papers, not edges).
EDGE_FIELDS: tuple[str, ...] = ("isInfluential", "intents", "contexts")

BATCH_MAX = 500  # ids per POST /paper/batch
PAGE_MAX = 1000  # items per /references or /citations page
OFFSET_LIMIT = 9999  # offset + limit must stay below 10,000 on paged endpoints
# Before the API has answered once this run, a request gives up after this many
# seconds in all (attempts and waits): a wrong URL or a dead network is said in
# one line well before the retry budget of a flaky but reachable API runs out.
UNREACHABLE_BUDGET = 20.0
# While waiting for the first answer, say so after FIRST_HEARTBEAT seconds, then every HEARTBEAT.
FIRST_HEARTBEAT = 2.0
HEARTBEAT = 5.0
# 429s one request may meet (each waited out as Retry-After says) before giving up;
# other faults count against ``max_retries``.
MAX_REFUSALS = 30


class S2NotFound(FetchError):
    """The API answered 404 with its own "not found" body (an unknown paper id, no title match).

    Any other 404 (a mistyped ``--api-url``, a proxy's error page) is a plain
    :class:`~citegraph.errors.FetchError` naming the URL: it says nothing about
    the paper, so nothing may be cached from it.
    """


class S2BadRequest(FetchError):
    """The API answered 400: citegraph asked for something the API does not serve."""


class _Retryable(Exception):
    """One attempt failed in a way worth retrying; ``retry_after`` is the server's wish,
    ``refused`` says the server answered 429 (it is pacing us: not a fault)."""

    def __init__(self, detail: str, retry_after: float | None = None, *, refused: bool = False):
        super().__init__(detail)
        self.retry_after = retry_after
        self.refused = refused


@dataclass(frozen=True)
class Page:
    """One page of a paper's references or citations, as the API gave it.

    ``items`` are the raw edge objects (``{"citedPaper": {...}, "isInfluential": ...}``);
    ``next`` is the offset of the next page, ``None`` after the last one.
    """

    offset: int
    items: list[dict[str, Any]]
    next: int | None


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes a noticeable fraction of a second; one per process.
    return httpx.create_ssl_context()


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - now
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def _raise_if_retryable(response: httpx.Response) -> None:
    """Raise :class:`_Retryable` for an answer worth another try: 408, 429 or 5xx, with its ``Retry-After``."""
    status = response.status_code
    if status == 429 or status == 408 or status >= 500:
        wait = _retry_after(response.headers.get("retry-after"), time.time())
        raise _Retryable(f"HTTP {status}", retry_after=wait, refused=status == 429)


def _json(response: httpx.Response) -> Any:
    """The answer's JSON; a truncated or malformed body is worth another try."""
    try:
        return response.json()
    except ValueError:
        raise _Retryable("a truncated or malformed JSON answer") from None


# The API's own 404 bodies for "this does not exist" (see the recorded answers
# and tests/fakes/s2.py): {"error": "Title match not found"} from the title
# match, {"error": "Paper with id X not found"} from the paper endpoints.
_TITLE_NOT_FOUND = re.compile(r"^Title match not found\b", re.I)
_PAPER_NOT_FOUND = re.compile(r"^Paper with id .+ not found\b", re.I)


def _error_text(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:200]
    if isinstance(body, dict):
        for key in ("error", "message"):
            if isinstance(body.get(key), str):
                return body[key]
    return response.text.strip()[:200]


class _Wait(tenacity.wait.wait_base):
    """``Retry-After`` when the server gave one (capped), else exponential backoff with jitter."""

    def __init__(self, max_wait: float):
        self.max_wait = max_wait
        self.backoff = tenacity.wait_exponential_jitter(initial=1, max=min(60.0, max_wait), jitter=1)

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return min(retry_after, self.max_wait)
        return self.backoff(retry_state)


class _Requester(ApiRequester):
    """The ``semanticscholar`` client's request layer, routed through :meth:`S2Client._call`.

    The client passes its own headers, which lack the key on paginated
    endpoints; they are ignored: the ``httpx.Client`` of :class:`S2Client`
    carries the key on every request.
    """

    def __init__(self, owner: S2Client):
        super().__init__(owner.timeout, retry=False)
        self._owner = owner

    async def get_data_async(
        self, url: str, parameters: str, headers: dict, payload: dict | None = None
    ) -> Any:
        method = "POST" if payload else "GET"
        if url.endswith("/paper/search/match"):
            # Name the title in errors: the query parameter is the (percent-encoded) title.
            title = dict(parse_qsl(parameters.lstrip("&"))).get("query", "")
            return self._owner._call(
                method, url, params=parameters.lstrip("&"), payload=payload,
                what=f'the title match for "{one_line(title, 80)}"', validate=_valid_match,
                not_found=_TITLE_NOT_FOUND,
            )
        return self._owner._call(
            method, url, params=parameters.lstrip("&"), payload=payload,
            what=f"{method} {url}", validate=_valid_nonempty, not_found=_PAPER_NOT_FOUND,
        )


def _valid_nonempty(data: Any) -> bool:
    return isinstance(data, (dict, list)) and bool(data) and not (
        isinstance(data, dict) and set(data) == {"error"}
    )


def _valid_match(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("data"), list)
        and bool(data["data"])
        and all(isinstance(p, dict) and isinstance(p.get("paperId"), str) for p in data["data"])
    )


def _valid_record(item: Any) -> bool:
    return item is None or (isinstance(item, dict) and isinstance(item.get("paperId"), str))


class S2Client:
    """Semantic Scholar Academic Graph API with retries, pacing and the key on every request.

    Parameters
    ----------
    api_url
        Base URL of the graph API (default the public one); a mirror or a local
        server works the same.
    api_key
        Sent as ``x-api-key`` on every request; never logged or stored.
    timeout
        Seconds to wait for an answer before the attempt counts as failed.
    max_retries
        Retries per request after the first attempt; then
        :class:`~citegraph.errors.RetriesExhaustedError`.
    min_interval
        Seconds between the starts of two requests (default 1 s, the API's
        introductory per-key rate); requests are spaced ``PACE_MARGIN`` (5%)
        wider still.  A 429 doubles the interval, and answers bring it back
        toward ``min_interval`` (:class:`citegraph.fetch.pacing.Pacer`).
    max_wait
        The longest single wait, whatever ``Retry-After`` says.
    transport
        An ``httpx`` transport (tests: ``httpx.MockTransport``).
    sleep, clock
        Injectable ``time.sleep`` and ``time.monotonic`` (tests of backoff
        and pacing need not really wait).
    notify
        Called with one line for each failed attempt that will be retried
        (what failed, the next try in N s) and while the first answer is
        awaited; default: printed on stderr.
    unreachable_budget
        Seconds a request may spend in all before the API has answered once
        this run; then one :class:`~citegraph.errors.FetchError` says the API
        cannot be reached.

    Attributes
    ----------
    offset_limit
        The paging window of ``/references`` and ``/citations`` (:data:`OFFSET_LIMIT`).
    requests
        HTTP requests sent so far, retries included.
    retries
        Attempts that failed and were retried.

    Notes
    -----
    :class:`S2Client` wraps the ``semanticscholar`` client (0.12.0) and fixes what
    makes it unusable for building a graph that must be complete or say why not:

    * it sends the API key on the batch and single-paper calls but not on its
      paginated endpoints (``PaginatedResults`` is created without headers);
    * it returns ``{}`` silently on 502/503 (and on any status it does not know),
      which reads as "no references";
    * it retries only 429, with fixed exponential waits of up to minutes and
      without reading ``Retry-After``;
    * its paginated iteration stops at 9,999 items without saying so, and cannot
      start at an offset (so a run cannot resume a half-paged list).

    Every HTTP request therefore goes through one function, :meth:`S2Client._call`:
    one ``httpx.Client`` whose default headers carry the key (so no endpoint can
    forget it), self-pacing (a minimum interval between requests), and tenacity
    retries that honour ``Retry-After`` on 429/503, back off exponentially with
    jitter on other 5xx, timeouts and connection errors, and treat an empty,
    truncated or malformed body as a failure to retry.  The ``semanticscholar``
    client is constructed with ``retry=False`` and its ``ApiRequester`` replaced by
    one that calls ``_call``, so the client's own methods (title match, single
    paper) get the same behaviour.  The batch and the paged list requests are
    issued through ``_call`` directly, for the reasons given at each method.
    """

    def __init__(
        self,
        api_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 6,
        min_interval: float = 1.0,
        max_wait: float = 120.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        notify: Callable[[str], None] | None = None,
        unreachable_budget: float = UNREACHABLE_BUDGET,
    ):
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.offset_limit: int | None = OFFSET_LIMIT
        self.timeout = timeout
        self.max_retries = max_retries
        self.min_interval = min_interval
        self.pacer = Pacer(min_interval, ceiling=max(10.0, min_interval), clock=clock, sleep=sleep)
        self.requests = 0
        self.retries = 0
        self._key = api_key or None
        self._sleep = sleep
        self._clock = clock
        self._notify = notify or _to_stderr
        self.unreachable_budget = unreachable_budget
        self.answered = False  # any HTTP answer from the server this run
        self._deadline = float("inf")
        self._wait = _Wait(max_wait)
        headers = {"User-Agent": f"citegraph/{__version__}"}
        if self._key:
            headers["x-api-key"] = self._key
        self._http = httpx.Client(headers=headers, timeout=timeout, transport=transport, verify=_ssl_context())
        self._sch = SemanticScholar(timeout=timeout, api_key=self._key, api_url=self.api_url, retry=False)
        inner = self._sch._AsyncSemanticScholar
        # The client appends "/graph/v1" to its root URL; citegraph's api_url is the
        # graph base itself (what a mirror or local server serves), so use it as is.
        inner.api_url = self.api_url
        inner.BASE_PATH_GRAPH = ""
        inner._requester = _Requester(self)

    def __repr__(self) -> str:
        return f"S2Client({self.api_url!r}, key={'set' if self._key else 'none'})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> S2Client:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------- requests

    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    @property
    def interval(self) -> float:
        """The current pacing interval: ``min_interval``, or wider after 429s."""
        return self.pacer.interval

    def _send(self, method: str, url: str, params: Any, payload: Any, timeout: float) -> httpx.Response:
        """One HTTP exchange; before the first answer, a line every ``HEARTBEAT`` s while it waits."""
        if self.answered or timeout <= FIRST_HEARTBEAT:
            return self._http.request(method, url, params=params, json=payload, timeout=timeout)
        done = threading.Event()

        def heartbeat() -> None:
            waited, step = 0.0, FIRST_HEARTBEAT
            while not done.wait(step):
                waited += step
                step = HEARTBEAT
                self._notify(
                    f"Semantic Scholar: no answer yet from {self.api_url} after {waited:.0f} s; "
                    f"giving up at {timeout:.0f} s"
                )

        thread = threading.Thread(target=heartbeat, daemon=True)
        thread.start()
        try:
            return self._http.request(method, url, params=params, json=payload, timeout=timeout)
        finally:
            done.set()

    def _attempt(
        self,
        method: str,
        url: str,
        params: Any,
        payload: Any,
        what: str,
        validate: Callable[[Any], bool],
        not_found: re.Pattern[str] | None,
    ) -> Any:
        self.pacer.wait()
        self.requests += 1
        timeout = self.timeout
        if not self.answered:
            timeout = max(0.1, min(timeout, self._deadline - self._clock()))
        try:
            response = self._send(method, url, params, payload, timeout)
        except httpx.TimeoutException:
            raise _Retryable(f"no answer within {timeout:.3g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({_transport_reason(exc)})") from None
        self.answered = True
        status = response.status_code
        self.pacer.heard(status)
        _raise_if_retryable(response)
        if status == 404:
            text = _error_text(response)
            if not_found is not None and not_found.search(text):
                raise S2NotFound(self._scrub(f"{what}: {text}"))
            # Not the API saying "no such paper": most likely a wrong base URL.
            raise FetchError(self._scrub(
                f"{method} {url} answered HTTP 404 ({one_line(text, 120) or 'no message'}) to {what}, "
                f"not a Semantic Scholar \"not found\": check the API URL "
                f"(--api-url or CITEGRAPH_S2_URL, now {self.api_url})"
            ))
        if status in (400, 413):
            raise S2BadRequest(self._scrub(f"Semantic Scholar rejected {what}: {_error_text(response)}"))
        if status in (401, 403):
            raise FetchError(
                f"Semantic Scholar refused {what} (HTTP {status}): check the API key "
                "(S2_API_KEY or --api-key)"
            )
        if status != 200:
            raise FetchError(self._scrub(f"Semantic Scholar answered HTTP {status} to {what}: {_error_text(response)}"))
        data = _json(response)
        if not validate(data):
            raise _Retryable("an empty or malformed answer")
        return data

    def _call(
        self,
        method: str,
        url: str,
        *,
        params: Any = None,
        payload: Any = None,
        what: str,
        validate: Callable[[Any], bool] = _valid_nonempty,
        not_found: re.Pattern[str] | None = None,
    ) -> Any:
        """One API request with pacing and retries; returns the parsed, validated JSON.

        A 404 whose message matches ``not_found`` raises :class:`S2NotFound`;
        any other 404 raises :class:`~citegraph.errors.FetchError` naming the URL.
        """

        started = self._clock()
        self._deadline = started + self.unreachable_budget
        attempts = self.max_retries + 1
        failed = {"faults": 0, "refusals": 0}

        def exhausted(state: tenacity.RetryCallState) -> bool:
            # A 429 is the server pacing us, not a fault: it has its own, larger budget.
            exc = state.outcome.exception() if state.outcome else None
            key = "refusals" if getattr(exc, "refused", False) else "faults"
            failed[key] += 1
            if failed["faults"] >= attempts or failed["refusals"] > MAX_REFUSALS:
                return True
            # Before any answer, stop once the next wait would overrun the budget.
            return not self.answered and self._clock() + self._wait(state) >= self._deadline

        def say_retry(state: tenacity.RetryCallState) -> None:
            self.retries += 1
            exc = state.outcome.exception() if state.outcome else None
            wait = state.next_action.sleep if state.next_action else 0.0
            refused = getattr(exc, "refused", False)
            # Short waits after a 429 are the pacing at work, not news.
            if refused and wait < 2:
                return
            budget = f"refusal {failed['refusals']} of {MAX_REFUSALS}" if refused \
                else f"attempt {failed['faults'] + 1} of {attempts}"
            self._notify(self._scrub(f"Semantic Scholar: {exc} for {what}; next try in {wait:.0f} s ({budget})"))

        retrying = tenacity.Retrying(
            stop=exhausted,
            wait=self._wait,
            retry=tenacity.retry_if_exception_type(_Retryable),
            sleep=self._sleep,
            before_sleep=say_retry,
            reraise=True,
        )
        try:
            return retrying(self._attempt, method, url, params, payload, what, validate, not_found)
        except _Retryable as exc:
            if not self.answered:
                raise FetchError(self._scrub(
                    f"cannot reach Semantic Scholar at {self.api_url}: {exc} "
                    f"({plural(self.requests, 'try', 'tries')} over {self._clock() - started:.0f} s). "
                    "Check the network connection and the API URL (--api-url or CITEGRAPH_S2_URL)."
                )) from None
            raise RetriesExhaustedError(
                self._scrub(
                    f"Semantic Scholar kept failing for {what}: {exc} after {sum(failed.values())} attempts"
                    + (f" ({failed['refusals']} refused with 429)" if failed["refusals"] else "")
                    + ". Everything fetched before is in the "
                    "cache: run the same command again to resume."
                )
            ) from None

    # ------------------------------------------------------------ endpoints

    def paper_batch(
        self, ids: Sequence[str], fields: Sequence[str], *, what: str | None = None
    ) -> list[dict[str, Any] | None]:
        """Records for up to 500 ids, in input order; ``None`` where the API knows no such paper.

        ``what`` names the batch in error messages (default: its size, first
        and last id).

        Sent through :meth:`_call` rather than the client's ``get_papers``, which
        drops the ``null`` answers and then guesses which ids were not found by
        matching ``externalIds`` (missing ids the API normalises, such as DOIs in
        another case); the position of each ``null`` is what says which id failed.
        An answer of another length is malformed and retried.

        When the API refuses the answer's size (its 10 MB limit), the batch is
        split in halves.
        """
        ids = list(ids)
        if not 1 <= len(ids) <= BATCH_MAX:
            raise ValueError(f"a batch takes 1 to {BATCH_MAX} ids, not {len(ids)}")
        if isinstance(fields, str):
            raise TypeError("fields must be a list of names, not a string")
        try:
            return self._call(
                "POST",
                f"{self.api_url}/paper/batch",
                params={"fields": ",".join(fields)},
                payload={"ids": ids},
                what=what or f"the batch of {len(ids)} papers {ids[0]} … {ids[-1]}",
                validate=lambda data: isinstance(data, list)
                and len(data) == len(ids)
                and all(_valid_record(item) for item in data),
            )
        except S2BadRequest as exc:
            # Assumption: the API's "answer too large" refusal is a 400 (or 413)
            # whose message talks about size; anything else is a real error.
            if len(ids) > 1 and re.search(r"size|large|exceed|\bMB\b", str(exc), re.I):
                half = len(ids) // 2
                return self.paper_batch(ids[:half], fields) + self.paper_batch(ids[half:], fields)
            raise

    def match_title(self, title: str, fields: Sequence[str]) -> dict[str, Any] | None:
        """The API's closest title match for ``title`` (its record), or ``None`` on "no match".

        Through the client's ``search_paper(match_title=True)``.  The client puts
        the query into the URL unescaped, so it is percent-encoded here (a title
        with ``&`` or ``+`` would otherwise be cut or changed).

        Only the API's own "Title match not found" answer means no match; any
        other 404 (say, a mistyped ``--api-url``) raises
        :class:`~citegraph.errors.FetchError`, so that no "no match" is cached.
        """
        try:
            paper = self._sch.search_paper(quote(title, safe=""), fields=list(fields), match_title=True)
        except (ObjectNotFoundException, S2NotFound):
            return None
        return dict(paper.raw_data)

    def search(self, query: str, fields: Sequence[str], *, limit: int = 100) -> list[dict[str, Any]]:
        """The first ``limit`` papers the relevance search ``GET /paper/search`` finds for ``query``.

        One request (one page); ``citegraph watch`` looks for new members of
        model families by name with it.
        """
        data = self._call(
            "GET",
            f"{self.api_url}/paper/search",
            params={"query": query, "fields": ",".join(fields), "offset": 0, "limit": min(limit, 100)},
            what=f"the search for {query!r}",
            validate=lambda d: isinstance(d, dict) and isinstance(d.get("data", []), list),
        )
        return [dict(item) for item in data.get("data") or [] if isinstance(item, dict) and item.get("paperId")]

    def paper(self, paper_id: str, fields: Sequence[str]) -> dict[str, Any] | None:
        """One paper's record through the client's ``get_paper``; ``None`` when unknown."""
        try:
            return dict(self._sch.get_paper(paper_id, fields=list(fields)).raw_data)
        except (ObjectNotFoundException, S2NotFound):
            return None

    def list_page(
        self,
        paper_id: str,
        kind: str,
        *,
        offset: int,
        limit: int = PAGE_MAX,
        fields: Sequence[str] = EDGE_FIELDS + LEAN_FIELDS,
        label: str | None = None,
    ) -> Page:
        """One page of ``paper_id``'s ``references`` or ``citations``, starting at ``offset``.

        ``label`` names the paper in error messages (default its id; the
        pipeline passes its short title and id).

        Sent through :meth:`_call` rather than the client's
        ``get_paper_references``/``get_paper_citations``: those omit the API key,
        always start at offset 0 (no resume) and stop silently at 9,999 items.
        ``limit`` is lowered so that ``offset + limit`` stays within the API's
        paging window.

        Raises
        ------
        S2NotFound
            The API does not know ``paper_id`` (its "Paper with id ... not found").
        FetchError
            Any other 404 (a wrong API URL), after retries, or a refusal.
        ValueError
            ``offset`` is at or past the window (nothing more can be paged).
        """
        if kind not in ("references", "citations"):
            raise ValueError(f"kind must be 'references' or 'citations', not {kind!r}")
        window = self.offset_limit or OFFSET_LIMIT
        limit = min(limit, PAGE_MAX, window - offset)
        if limit < 1:
            raise ValueError(f"offset {offset} is past the API's paging window of {window}")
        side = "citedPaper" if kind == "references" else "citingPaper"

        def valid(data: Any) -> bool:
            return (
                isinstance(data, dict)
                and isinstance(data.get("data"), list)
                and all(isinstance(item, dict) and isinstance(item.get(side), dict) for item in data["data"])
                and (data.get("next") is None or (isinstance(data["next"], int) and data["next"] > offset))
            )

        data = self._call(
            "GET",
            f"{self.api_url}/paper/{quote(paper_id, safe=':/')}/{kind}",
            params={"fields": ",".join(fields), "offset": offset, "limit": limit},
            what=f"the {kind} of {label or paper_id} from offset {offset}",
            validate=valid,
            not_found=_PAPER_NOT_FOUND,
        )
        return Page(offset=offset, items=list(data["data"]), next=data.get("next"))


def _transport_reason(exc: httpx.TransportError) -> str:
    """The exception's class, with the OS's words when it has them (``Connection refused``)."""
    detail = str(exc).strip()
    match = re.search(r"\] ([^\]]+)$", detail)  # "[Errno 111] Connection refused"
    return f"{type(exc).__name__}: {match.group(1)}" if match else type(exc).__name__


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def from_options(options: FetchOptions) -> S2Client:
    """The client ``citegraph.fetch.source.open_source`` makes for ``source="s2"``."""
    interval = 1.0 if options.min_interval is None else options.min_interval
    return S2Client(options.api_url, options.api_key, min_interval=interval)
