"""Pacing that recovers: 429s widen the interval (AIMD), answers bring it back to
``--min-interval``, and ``Retry-After`` is still the wait before a retry.

Timing is never asserted: an injected clock and sleep record what the client
would wait, and the fake server's rate limit and fault queue make the storms."""

from __future__ import annotations

import pytest
from tests.fakes.clock import FakeTime
from tests.fakes.s2 import Fault, World, sample_entries

from citegraph.fetch.pacing import PACE_MARGIN, Pacer
from citegraph.fetch.s2 import S2Client


def test_repeated_429_events_are_capped_and_the_pace_returns_to_the_floor() -> None:
    ft = FakeTime()
    pacer = Pacer(0.5, ceiling=10.0, clock=ft.clock, sleep=ft.sleep)
    for _ in range(35):  # the 35 429s took the old rule to 10.3 s a request, for good
        pacer.answered()
        pacer.refused()
    assert 0.5 < pacer.interval <= 10.0
    slow = Pacer(4.0, ceiling=10.0, clock=ft.clock, sleep=ft.sleep)
    for _ in range(3):
        slow.answered()
        slow.refused()
    assert slow.interval == 10.0  # the ceiling holds
    answers = 0
    while pacer.interval > pacer.floor:
        pacer.answered()
        answers += 1
    assert pacer.interval == 0.5 and answers <= 10


def test_a_storm_of_429s_in_a_row_is_one_back_off() -> None:
    pacer = Pacer(1.0, clock=lambda: 0.0, sleep=lambda s: None)
    for _ in range(8):  # one request refused 8 times: its retries already wait Retry-After
        pacer.refused()
    assert pacer.interval == 2.0


def test_requests_are_spaced_by_the_current_interval() -> None:
    ft = FakeTime()
    pacer = Pacer(1.0, clock=ft.clock, sleep=ft.sleep)
    pacer.wait()
    pacer.refused()
    pacer.wait()
    pacer.wait()
    assert ft.sleeps == [pytest.approx(1.0 * PACE_MARGIN), pytest.approx(2.0 * PACE_MARGIN)]


def test_a_zero_floor_backs_off_then_returns_to_no_pacing() -> None:
    pacer = Pacer(0.0, clock=lambda: 0.0, sleep=lambda s: None)
    pacer.refused()
    assert pacer.interval > 0
    for _ in range(20):
        pacer.answered()
    assert pacer.interval == 0.0


@pytest.fixture
def limited(make_fake_s2):
    """A fake API allowing 20 requests/s, Retry-After in fractions of a second."""
    return make_fake_s2(World.from_entries(sample_entries(12), seed=4), rps=20, fractional_retry_after=True)


def _ids(server) -> list[str]:
    return [f"ARXIV:{p['externalIds']['ArXiv']}" for p in server.world.papers.values()
            if p["externalIds"].get("ArXiv", "").startswith("2401.")]


def test_after_429_storms_the_client_paces_at_the_floor_again(limited) -> None:
    # real time here: the server's own rate limit must see the client's real pace
    client = S2Client(limited.url, min_interval=0.05, notify=lambda m: None)
    ids = _ids(limited)
    for storm in range(2):
        limited.inject("batch", *[Fault.http(429, retry_after="0.01")] * 4)
        got = [client.paper_batch([i], ["title"])[0] for i in ids]
        assert all(r is not None for r in got)
        # On a loaded machine the server's real limiter may refuse one more request near
        # the end (scheduling jitter); the pace must still come back within a few answers.
        extra = 0
        while client.interval > 0.05 + 1e-9 and extra < 30:
            client.paper_batch([ids[extra % len(ids)]], ["title"])
            extra += 1
        assert client.interval == pytest.approx(0.05), f"storm {storm + 1}: the pace did not come back"
    assert limited.count(status=429) >= 8


def test_retry_after_is_still_the_wait_before_the_retry(limited) -> None:
    ft = FakeTime()
    client = S2Client(limited.url, min_interval=0.0, sleep=ft.sleep, clock=ft.clock, notify=lambda m: None)
    limited.inject("batch", Fault.http(429, retry_after=7))
    client.paper_batch(_ids(limited)[:1], ["title"])
    assert 7.0 in ft.sleeps
