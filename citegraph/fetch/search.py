"""Name searches for ``citegraph watch``: the papers the API's relevance search finds for a
model family's name, through the cache (one request per name not cached since ``since``)."""

from __future__ import annotations

from typing import Any
from collections.abc import Sequence

from citegraph.fetch.cache import Cache
from citegraph.fetch.options import FetchOptions
from citegraph.fetch.source import open_source

__all__ = ["SEARCH_FIELDS", "search_names"]

SEARCH_FIELDS = ("paperId", "externalIds", "title", "year", "publicationDate", "venue", "authors", "citationCount")


def search_names(names: Sequence[str], options: FetchOptions, *, since: float = 0.0,
                 limit: int = 100) -> tuple[dict[str, list[dict[str, Any]]], int, list[str]]:
    """``({name: records}, requests sent, names neither cached nor fetched)`` for ``names``.

    A name searched at or after ``since`` comes from the cache; offline, the
    cache alone answers and what it lacks is returned third.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    missing: list[str] = []
    with Cache(options.cache_path()) as cache:
        todo = []
        for name in names:
            cached = cache.get_search(name, since=since)
            if cached is not None:
                found[name] = cached
            elif options.offline:
                stale = cache.get_search(name)
                found[name] = stale or []
                if stale is None:
                    missing.append(name)
            else:
                todo.append(name)
        if not todo:
            return found, 0, missing
        client = open_source(options)
        try:
            before = client.requests
            for name in todo:
                found[name] = client.search(name, SEARCH_FIELDS, limit=limit)
                cache.put_search(name, found[name])
            return found, client.requests - before, missing
        finally:
            client.close()
