"""The exceptions citegraph raises for things a user can fix.

Every error a user can cause or repair is a :class:`CitegraphError`; the CLI
prints it as one ``Error: ...`` line and exits non-zero, without a traceback.
Anything else escaping is a bug in citegraph.

The family of errors is drawn in :class:`CitegraphError`.
"""

from __future__ import annotations

__all__ = [
    "CitegraphError",
    "InputError",
    "GraphFileError",
    "UsageError",
    "PaperLookupError",
    "AmbiguousPaperError",
    "CacheError",
    "FetchError",
    "OfflineError",
    "RetriesExhaustedError",
]


class CitegraphError(Exception):
    """Base of every error a user can act on.

    ::

        CitegraphError
        ├── InputError            a list file is missing, unreadable, binary or empty
        ├── GraphFileError        a graph file cannot be read or has the wrong schema
        ├── UsageError            an option or argument combination that makes no sense
        ├── PaperLookupError      a paper named on the command line is not in the graph
        │   └── AmbiguousPaperError   ... or matches several papers (candidates listed)
        ├── CacheError            the SQLite cache cannot be opened or is corrupt
        └── FetchError            Semantic Scholar could not give what was asked
            ├── OfflineError      --offline and the cache lacks what is needed
            └── RetriesExhaustedError  faults outlasted the retry budget
    """


class InputError(CitegraphError):
    """A paper list cannot be read (missing, unreadable, binary or empty)."""


class GraphFileError(CitegraphError):
    """A graph file is unreadable, not node-link JSON, or of another schema."""


class UsageError(CitegraphError):
    """Options or arguments that contradict each other or name nothing."""


class PaperLookupError(CitegraphError):
    """A paper given by id, title fragment or model name is not in the graph."""


class AmbiguousPaperError(PaperLookupError):
    """A paper query matches several papers; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list[str] | None = None):
        super().__init__(message)
        self.candidates = list(candidates or [])


class CacheError(CitegraphError):
    """The cache file cannot be opened, written, or is not a citegraph cache."""


class FetchError(CitegraphError):
    """Semantic Scholar did not return what was asked for."""


class OfflineError(FetchError):
    """``--offline`` was given and the cache does not hold what is needed."""


class RetriesExhaustedError(FetchError):
    """Rate limits or server faults outlasted the retry budget.

    Everything fetched before the failure is in the cache; re-running the same
    command resumes from there.
    """
