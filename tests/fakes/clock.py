"""An injectable clock for pacing and backoff tests."""

from __future__ import annotations


class FakeTime:
    """An injectable clock and sleep: sleeping advances the clock, nothing waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
