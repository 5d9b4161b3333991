"""Fetch options live in one dataclass; the CLI's flags and the environment map onto it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.errors import UsageError
from citegraph.fetch.options import ENVIRONMENT, FetchOptions
from citegraph.fetch.source import SOURCES, open_source


def test_cli_fetch_flags_are_exactly_the_options_fields() -> None:
    flags = {p.name for p in main.commands["build"].params} - {"lists", "output", "graphml", "unresolved_csv",
                                                                 "lineage"}
    assert flags == set(FetchOptions.names()) - {"progress"}


def test_environment_fills_what_is_not_given() -> None:
    env = {"S2_API_KEY": "key", "CITEGRAPH_S2_URL": "http://127.0.0.1:9/graph/v1",
           "CITEGRAPH_S2_MIN_INTERVAL": "0.25", "CITEGRAPH_CACHE": "/tmp/c.sqlite"}
    options = FetchOptions.from_env(env)
    assert (options.api_key, options.api_url, options.min_interval, options.cache) == (
        "key", "http://127.0.0.1:9/graph/v1", 0.25, "/tmp/c.sqlite")
    given = FetchOptions.from_env(env, api_key="mine", min_interval=2.0)
    assert (given.api_key, given.min_interval) == ("mine", 2.0)
    assert set(ENVIRONMENT) <= set(FetchOptions.names())


def test_the_key_never_shows_in_the_repr() -> None:
    assert "secret" not in repr(FetchOptions(api_key="secret"))


@pytest.mark.parametrize("given,match", [
    ({"depht": 2}, "unknown fetch option 'depht'"),
    ({"offline": True, "refresh": True}, "contradict"),
])
def test_bad_options_are_usage_errors(given: dict, match: str) -> None:
    with pytest.raises(UsageError, match=match):
        FetchOptions.from_env({}, **given)


def test_a_bad_interval_in_the_environment_names_the_variable() -> None:
    with pytest.raises(UsageError, match="CITEGRAPH_S2_MIN_INTERVAL"):
        FetchOptions.from_env({"CITEGRAPH_S2_MIN_INTERVAL": "fast"})


def test_sources_are_opened_by_name() -> None:
    client = open_source(FetchOptions(api_url="http://127.0.0.1:9/graph/v1", min_interval=0.5))
    try:
        assert client.min_interval == 0.5 and client.requests == 0  # type: ignore[attr-defined]
    finally:
        client.close()
    assert "s2" in SOURCES
    with pytest.raises(UsageError, match="unknown source"):
        open_source(FetchOptions(source="nowhere"))


def test_library_build_honours_the_interval_from_the_environment(monkeypatch, tmp_path) -> None:
    """`citegraph.build()` reads CITEGRAPH_S2_MIN_INTERVAL as the CLI does."""
    seen = {}
    import citegraph.fetch.s2 as s2

    real = s2.S2Client

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(s2, "S2Client", spy)
    monkeypatch.setenv("CITEGRAPH_S2_MIN_INTERVAL", "0.125")
    listing = tmp_path / "l.md"
    listing.write_text("- no ids here, nothing to fetch\n", encoding="utf-8")
    import citegraph

    try:
        citegraph.build([listing], cache=tmp_path / "c.sqlite", api_url="http://127.0.0.1:9/graph/v1", lineage=False)
    except Exception:
        pass  # only the client's construction matters here
    assert seen.get("min_interval") == 0.125


@pytest.mark.parametrize("given,match", [
    ({"api_url": "api.semanticscholar.org/graph/v1"}, "no http:// or https:// scheme: write it as https://"),
    ({"api_url": "http://[::1"}, "malformed"),
    ({"api_url": "ftp://mirror/graph/v1"}, "not http:// or https://"),
    ({"api_url": "http:///graph/v1"}, "names no host"),
    ({"api_key": "k3y\n"}, "ends with a newline or space: remove it"),
    ({"api_key": "k3y\u00e9"}, "non-ASCII character at position 4"),
    ({"min_interval": float("nan")}, "not a number of seconds"),
])
def test_options_that_can_never_work_fail_before_any_request(given: dict, match: str) -> None:
    with pytest.raises(UsageError, match=match) as info:
        FetchOptions.from_env({}, **given)
    assert "k3y" not in str(info.value)  # the key is never echoed


def test_a_bad_key_in_the_environment_stops_the_command_at_once(tmp_path) -> None:
    lst = tmp_path / "l.md"
    lst.write_text("- [Chameleon](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
    result = CliRunner(env={"S2_API_KEY": "abc\n"}).invoke(
        main, ["build", str(lst), "-o", str(tmp_path / "g.json"), "--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: the API key ends with a newline")
    assert not (tmp_path / "c.sqlite").exists()  # refused before the cache was opened
