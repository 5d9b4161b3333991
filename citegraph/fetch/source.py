"""The seam between the fetch pipeline and where papers come from.

The pipeline asks a :class:`Source` for records in batches, for title
matches and for pages of reference and citation lists; Semantic Scholar's
API (:class:`citegraph.fetch.s2.S2Client`) is one.  A new source is one module
with such a class plus one line in :data:`SOURCES`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol
from collections.abc import Sequence

from citegraph.errors import UsageError

if TYPE_CHECKING:
    from citegraph.fetch.options import FetchOptions
    from citegraph.fetch.s2 import Page

__all__ = ["Source", "SOURCES", "open_source"]


class Source(Protocol):
    """What the fetch pipeline needs of a data source, in Semantic Scholar's record shapes."""

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
}


def open_source(options: FetchOptions) -> Source:
    """The source ``options.source`` names, opened with ``options``."""
    try:
        module_name, factory = SOURCES[options.source].split(":")
    except KeyError:
        raise UsageError(f"unknown source {options.source!r}: one of {', '.join(SOURCES)}") from None
    result: Source = getattr(importlib.import_module(module_name), factory)(options)
    return result
