"""The seam between the fetch pipeline and where papers come from.

The pipeline asks a :class:`Source` for records in batches, for title
matches and for pages of reference and citation lists; Semantic Scholar's
API (:class:`citegraph.fetch.s2.S2Client`) is one.  A new source is one module
with such a class plus one line in :data:`SOURCES`.  ``NAME:ARG`` passes an
argument (``datasets:DIR``); ``A,B`` asks B for what A lacks (``s2,openalex``,
:class:`citegraph.fetch.fallback.Fallback`).
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING, Any, Protocol, cast
from collections.abc import Sequence

from citegraph.errors import UsageError

if TYPE_CHECKING:
    from citegraph.fetch.options import FetchOptions
    from citegraph.fetch.s2 import Page

__all__ = ["Source", "SOURCES", "open_source"]


class Source(Protocol):
    """What the fetch pipeline needs of a data source, in Semantic Scholar's record shapes.

    A source may also set ``offset_limit``, the offset its lists stop paging at
    (``None``: none); without it the pipeline assumes the API's 9,999.
    """

    requests: int  # requests sent so far, retries included
    retries: int

    def paper_batch(
        self, ids: Sequence[str], fields: Sequence[str], *, what: str | None = None
    ) -> list[dict[str, Any] | None]: ...

    def match_title(self, title: str, fields: Sequence[str]) -> dict[str, Any] | None: ...

    def search(self, query: str, fields: Sequence[str], *, limit: int = ...) -> list[dict[str, Any]]: ...

    def list_page(
        self, paper_id: str, kind: str, *, offset: int, limit: int = ..., fields: Sequence[str] = ...,
        label: str | None = None,
    ) -> Page: ...

    def close(self) -> None: ...


# source name -> "module:factory"; the factory takes FetchOptions
SOURCES: dict[str, str] = {
    "s2": "citegraph.fetch.s2:from_options",
    "datasets": "citegraph.fetch.datasets:from_options",
    "openalex": "citegraph.fetch.openalex:from_options",
}


def _open_one(name: str, options: FetchOptions) -> Source:
    try:
        module_name, factory = SOURCES[name.partition(":")[0]].split(":")
    except KeyError:
        raise UsageError(f"unknown source {name!r}: one of {', '.join(SOURCES)}") from None
    result: Source = getattr(importlib.import_module(module_name), factory)(dataclasses.replace(options, source=name))
    return result


def open_source(options: FetchOptions) -> Source:
    """The source ``options.source`` names, opened with ``options``.

    ``"s2,openalex"``: the first, with the others filling its gaps (in that order).
    """
    names = [part.strip() for part in options.source.split(",") if part.strip()]
    if not names:
        raise UsageError(f"no source named in {options.source!r}: one of {', '.join(SOURCES)}")
    sources = [_open_one(name, options) for name in names]
    if len(sources) == 1:
        return sources[0]
    from citegraph.fetch.fallback import Fallback

    return cast(Source, Fallback(sources[0], sources[1:]))  # its counters are read-only sums
