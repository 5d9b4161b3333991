"""Every fetch option in one place, with the environment variables that set them."""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Mapping
from urllib.parse import urlsplit

from citegraph.errors import UsageError

__all__ = ["FetchOptions", "ENVIRONMENT", "check_api_url", "check_api_key"]

# option -> the environment variable read when the option is not given
ENVIRONMENT: dict[str, str] = {
    "cache": "CITEGRAPH_CACHE",
    "api_url": "CITEGRAPH_S2_URL",
    "api_key": "S2_API_KEY",
    "min_interval": "CITEGRAPH_S2_MIN_INTERVAL",
    "source": "CITEGRAPH_SOURCE",
    "openalex_url": "CITEGRAPH_OPENALEX_URL",
    "openalex_mailto": "OPENALEX_MAILTO",
}


@dataclass(frozen=True)
class FetchOptions:
    """How ``build`` and ``report`` fetch: the CLI's fetch flags, one field each.

    Attributes
    ----------
    cache
        The SQLite cache file (``$CITEGRAPH_CACHE``, else the user's cache dir).
    api_url, api_key
        The API base URL with ``/graph/v1`` (``$CITEGRAPH_S2_URL``) and key (``$S2_API_KEY``).
    offline, refresh
        Use the cache only / re-fetch everything this run needs.
    citations, citation_cap
        Also fetch each listed paper's citers, at most ``citation_cap`` each.
    depth, max_papers
        Hops of references to follow, and the most papers whose references are fetched.
    edge_details
        Page every reference list for ``isInfluential``/``intents``/``contexts``
        (``True``), none (``False``), or (``None``, the default) only those of
        the papers with a lineage candidate, when the caller says which.
    min_interval
        Seconds between requests (``$CITEGRAPH_S2_MIN_INTERVAL``, else 1).
    quiet, progress
        ``progress=None``: progress bars when stderr is a terminal and not ``quiet``.
    source
        The data source (``citegraph.fetch.source.SOURCES``): ``s2``, ``datasets:DIR``,
        ``s2,openalex`` (``$CITEGRAPH_SOURCE``).
    openalex_url, openalex_mailto
        OpenAlex's base URL (``$CITEGRAPH_OPENALEX_URL``) and the e-mail for its polite
        pool (``$OPENALEX_MAILTO``).

    Examples
    --------
    >>> FetchOptions.from_env({"S2_API_KEY": "k"}, depth=2).api_key, FetchOptions().depth
    ('k', 1)
    """

    cache: str | os.PathLike[str] | None = None
    api_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never shown in logs or reprs
    offline: bool = False
    refresh: bool = False
    citations: bool = False
    citation_cap: int = 1000
    depth: int = 1
    max_papers: int = 5000
    edge_details: bool | None = None
    min_interval: float | None = None
    quiet: bool = False
    progress: bool | None = None
    source: str = "s2"
    openalex_url: str | None = None
    openalex_mailto: str | None = None

    def __post_init__(self) -> None:
        # Checked here, before any list is read or request sent: these can never
        # succeed, and retrying them only delays the one line saying what to fix.
        if self.api_url is not None:
            check_api_url(self.api_url)
        if self.api_key:
            check_api_key(self.api_key)
        if self.min_interval is not None and not (
            isinstance(self.min_interval, (int, float)) and math.isfinite(self.min_interval) and self.min_interval >= 0
        ):
            raise UsageError(f"min_interval {self.min_interval!r} is not a number of seconds >= 0")

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given: Any) -> FetchOptions:
        """Options from keywords, the environment filling what is not given (``None``)."""
        unknown = sorted(set(given) - set(cls.names()))
        if unknown:
            raise UsageError(f"unknown fetch option {unknown[0]!r}: one of {', '.join(cls.names())}")
        env = os.environ if environ is None else environ
        values = {k: v for k, v in given.items() if v is not None}
        for name, var in ENVIRONMENT.items():
            if values.get(name) in (None, "") and env.get(var):
                values[name] = env[var]
        if isinstance(values.get("min_interval"), str):
            try:
                values["min_interval"] = float(values["min_interval"])
            except ValueError:
                raise UsageError(
                    f"{ENVIRONMENT['min_interval']}={values['min_interval']!r} is not a number of seconds"
                ) from None
        options = cls(**values)
        if options.offline and options.refresh:
            raise UsageError("offline and refresh contradict each other")
        return options

    def cache_path(self) -> Path:
        """The cache file: ``cache``, else ``cache.sqlite`` in a ``datasets:DIR`` store, else the default.

        >>> FetchOptions(source="datasets:s2-store").cache_path().as_posix()
        's2-store/cache.sqlite'
        """
        from citegraph.fetch.cache import resolve_cache_path

        name, _, store = self.source.partition(":")
        if self.cache is None and name == "datasets" and store and "," not in self.source:
            return Path(store) / "cache.sqlite"  # the store's answers are kept apart from the API's
        return resolve_cache_path(self.cache)


def check_api_url(url: str) -> None:
    """Raise :class:`UsageError` unless ``url`` is an http(s) URL with a host.

    >>> check_api_url("http://127.0.0.1:8000/graph/v1")
    >>> check_api_url("api.semanticscholar.org/graph/v1")
    Traceback (most recent call last):
    ...
    citegraph.errors.UsageError: the API URL 'api.semanticscholar.org/graph/v1' has no http:// ... scheme: ...
    """
    where = f"(--api-url or {ENVIRONMENT['api_url']})"
    if url != url.strip() or any(ord(c) < 32 or c.isspace() for c in url):
        raise UsageError(f"the API URL {url!r} contains spaces or control characters: remove them {where}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise UsageError(f"the API URL {url!r} is malformed ({exc}): fix it {where}") from None
    if parts.scheme not in ("http", "https"):
        if not parts.scheme or not parts.netloc:
            raise UsageError(
                f"the API URL {url!r} has no http:// or https:// scheme: write it as https://{url} {where}"
            )
        raise UsageError(f"the API URL {url!r} is not http:// or https:// {where}")
    if not parts.hostname:
        raise UsageError(f"the API URL {url!r} names no host {where}")


def check_api_key(key: str) -> None:
    """Raise :class:`UsageError` when ``key`` cannot be sent as an HTTP header.

    The message never contains the key itself.

    >>> check_api_key("abc123")
    >>> check_api_key("abc123\\n")
    Traceback (most recent call last):
    ...
    citegraph.errors.UsageError: the API key ends with a newline or space: remove it (S2_API_KEY or --api-key)
    """
    where = f"({ENVIRONMENT['api_key']} or --api-key)"
    if key != key.strip():
        end = "ends" if key[-1:].isspace() else "starts"
        raise UsageError(f"the API key {end} with a newline or space: remove it {where}")
    bad = next((i for i, c in enumerate(key) if not (c.isascii() and c.isprintable()) or c == " "), None)
    if bad is not None:
        kind = "a non-ASCII" if not key[bad].isascii() else "a control or space"
        raise UsageError(f"the API key has {kind} character at position {bad + 1}: "
                         f"a key is printable ASCII; check it {where}")
