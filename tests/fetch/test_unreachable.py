"""An API that cannot be reached is said as it happens and given up on in one line:
a closed port (connection refused) and a server that accepts and never answers."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

import citegraph.fetch.s2 as s2
from citegraph.cli import main
from citegraph.errors import FetchError, RetriesExhaustedError
from citegraph.fetch.s2 import S2Client
from tests.fakes.clock import FakeTime
from tests.fakes.s2 import Fault


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once closed


@pytest.fixture
def stalling_port() -> Iterator[int]:
    """A server that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def test_a_refused_connection_is_reported_at_each_try_then_given_up_within_the_budget(closed_port) -> None:
    ft = FakeTime()
    said: list[str] = []
    client = S2Client(f"http://127.0.0.1:{closed_port}/graph/v1", min_interval=0, sleep=ft.sleep,
                      clock=ft.clock, notify=said.append)
    with pytest.raises(FetchError, match=r"cannot reach Semantic Scholar at http://127\.0\.0\.1.*"
                                         r"Connection refused.*Check the network connection and the API URL") as info:
        client.paper_batch(["ARXIV:2405.09818"], ["title"])
    assert not isinstance(info.value, RetriesExhaustedError)  # "run again" would not help
    assert "run the same command again" not in str(info.value)
    assert ft.now <= s2.UNREACHABLE_BUDGET
    assert len(said) >= 2 and all("connection failed" in m and "next try in" in m for m in said)
    assert said[0].endswith("(attempt 2 of 7)")


def test_a_server_that_never_answers_is_reported_while_waiting(stalling_port, monkeypatch) -> None:
    monkeypatch.setattr(s2, "FIRST_HEARTBEAT", 0.2)
    monkeypatch.setattr(s2, "HEARTBEAT", 0.2)
    said: list[str] = []
    client = S2Client(f"http://127.0.0.1:{stalling_port}/graph/v1", min_interval=0, notify=said.append,
                      unreachable_budget=1.0)
    with pytest.raises(FetchError, match=r"cannot reach Semantic Scholar.*no answer within"):
        client.paper_batch(["ARXIV:2405.09818"], ["title"])
    assert any("no answer yet from" in m for m in said)


def test_once_the_api_has_answered_faults_get_the_full_retry_budget(fake_s2) -> None:
    ft = FakeTime()
    said: list[str] = []
    client = S2Client(fake_s2.url, min_interval=0, sleep=ft.sleep, clock=ft.clock, notify=said.append)
    pid = next(iter(fake_s2.world.papers))
    client.paper(pid, ["title"])
    fake_s2.inject("references", *[Fault("drop")] * 3)
    assert client.list_page(pid, "references", offset=0).items
    assert len(said) == 3 and "next try in" in said[0]


def test_client_errors_other_than_429_are_not_retried(fake_s2) -> None:
    ft = FakeTime()
    client = S2Client(fake_s2.url, min_interval=0, sleep=ft.sleep, clock=ft.clock, notify=lambda m: None)
    for status in (400, 401, 403, 405, 410, 422):
        fake_s2.reset_log()
        fake_s2.inject("batch", Fault.http(status))
        with pytest.raises(FetchError):
            client.paper_batch(["ARXIV:2405.09818"], ["title"])
        assert fake_s2.count() == 1, status


def test_the_command_says_what_fails_and_ends_with_one_error_line(closed_port, tmp_path) -> None:
    lst = tmp_path / "list.md"
    lst.write_text("- [Chameleon](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(lst), "-o", str(tmp_path / "g.json"), "--cache",
                                       str(tmp_path / "c.sqlite"), "--api-url",
                                       f"http://127.0.0.1:{closed_port}/graph/v1", "--quiet"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert [line for line in lines if line.startswith("Error:")] == [lines[-1]]
    assert "cannot reach Semantic Scholar" in lines[-1]
    assert any("next try in" in line for line in lines[:-1])


def test_retry_notes_never_show_the_key(fake_s2) -> None:
    said: list[str] = []
    key = "secret-key-71c2"
    client = S2Client(fake_s2.url, key, min_interval=0, sleep=lambda s: None, notify=said.append)
    fake_s2.inject("batch", Fault.http(503), Fault("drop"), Fault.http(429, retry_after=3))
    client.paper_batch(["ARXIV:2405.09818"], ["title"])
    assert len(said) == 3 and not any(key in m for m in said)
    assert all(r.headers.get("x-api-key") == key for r in fake_s2.log)
