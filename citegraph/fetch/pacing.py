"""Request pacing that slows down on 429 and recovers: AIMD on the request rate.

The server's real limit is unknown (a shared pool without a key, 1 request/s
with an introductory key, more with a larger one) and changes with load, so
the rate is probed rather than configured: a 429 halves it (multiplicative
decrease; the 429s in a row before the next answer are one event, as TCP
counts one loss per window, since their retries already wait ``Retry-After``)
and each answered request adds a tenth of the ``--min-interval`` rate back
(additive increase), never going faster than that floor.  A token
bucket would need the server's rate and burst known in advance and, set
wrong, either keeps hitting 429 or never uses the capacity; AIMD converges on
whatever the server allows and returns to the floor once 429s stop.  The
server's ``Retry-After`` stays the wait before retrying a refused request
(:mod:`citegraph.fetch.s2`); pacing only spaces the requests that follow.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["PACE_MARGIN", "RECOVERY", "Pacer"]

# Requests start this much further apart than the interval.  The server times a
# request when it arrives, and the first one also sets up the connection, so at
# exactly the interval the second arrived a hair early and was refused (one 429
# per run against a 1 request/s server); 5% is 50 ms at 1 s.
PACE_MARGIN = 1.05
# Rate added back per answered request, as a share of the floor's rate: ten
# answers take the pace from a standstill back to ``--min-interval``.
RECOVERY = 0.1
# With a floor of 0 (no pacing) a 429 still needs some distance to double.
_SMALLEST_STEP = 0.05


class Pacer:
    """Spaces request starts: at least ``floor`` seconds apart, wider after 429s.

    Parameters
    ----------
    floor
        The smallest interval (``--min-interval``); the pace never goes faster.
    ceiling
        The largest interval 429s can push it to.
    clock, sleep
        Injectable ``time.monotonic`` and ``time.sleep``.

    Examples
    --------
    >>> p = Pacer(1.0, clock=lambda: 0.0, sleep=lambda s: None)
    >>> p.refused(); p.refused(); p.interval  # two 429s in a row: one event
    2.0
    >>> p.answered(); p.refused(); p.interval
    3.333...
    >>> for _ in range(20):
    ...     p.answered()
    >>> p.interval
    1.0
    """

    def __init__(
        self,
        floor: float,
        *,
        ceiling: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.floor = max(0.0, floor)
        self.ceiling = max(ceiling, self.floor)
        self.interval = self.floor
        self._refused_last = False  # the last answer was a 429
        self._clock = clock
        self._sleep = sleep
        self._next_at = float("-inf")

    def wait(self) -> None:
        """Sleep until the next request may start, and book the slot after it."""
        now = self._clock()
        if now < self._next_at:
            self._sleep(self._next_at - now)
        self._next_at = self._clock() + self.interval * PACE_MARGIN

    def refused(self) -> None:
        """A 429: halve the rate (double the interval), up to ``ceiling``; once per run of 429s."""
        if not self._refused_last:
            self.interval = min(max(self.interval, self.floor, _SMALLEST_STEP) * 2, self.ceiling)
        self._refused_last = True

    def heard(self, status: int) -> None:
        """An HTTP answer's status: a 429 is :meth:`refused`, any other but a server error :meth:`answered`.

        >>> p = Pacer(1.0, clock=lambda: 0.0, sleep=lambda s: None)
        >>> p.heard(429); p.heard(503); p.interval  # a server error says nothing of the pace
        2.0
        """
        if status == 429:
            self.refused()
        elif status < 500:
            self.answered()

    def answered(self) -> None:
        """An answer that was not a refusal: add ``RECOVERY`` of the floor's rate back."""
        self._refused_last = False
        if self.interval <= self.floor:
            return
        unit = max(self.floor, _SMALLEST_STEP)
        rate = 1.0 / self.interval + RECOVERY / unit
        self.interval = max(self.floor, 1.0 / rate)
        if self.interval < _SMALLEST_STEP and self.floor < _SMALLEST_STEP:
            self.interval = self.floor
