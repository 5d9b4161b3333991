"""Fuzzed lists and malformed graph files through every command that reads one:
output (exit 0) or one ``Error:`` line (exit 1), never a traceback.

A CI-sized slice of ``benchmarks/bench_fuzz_commands.py`` (which runs 2,000
lists and 100 graph files and times them): the same seeded corpora, the same
commands, the fake API on 127.0.0.1 for the commands that fetch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.lists.reader import read_lists

from tests.factories.commands import GRAPH_COMMANDS, LIST_COMMANDS, argv, outcome
from tests.factories.graphs import malformed_graph_files
from tests.factories.lists import KINDS, LIST_FIXTURES, fuzzed_lists
from tests.fakes.s2 import FakeS2, World

N_LISTS = 30
N_GRAPHS = 40  # the 27 fixed cases and 13 random ones: a few milliseconds each
N_ODD = 5  # valid graphs with awkward values


@pytest.fixture(scope="module")
def api_url():
    entries = read_lists(sorted(p for p in LIST_FIXTURES.iterdir() if p.is_file())).entries
    with FakeS2(World.from_entries(entries, seed=1)) as server:
        yield server.url


def _judge(result, what: str) -> str:
    how = outcome(result)
    assert how in ("ok", "error"), f"{what}: {how}, exit {result.exit_code}\n{result.output[-1500:]}"
    return how


def test_the_corpora_hold_every_kind(tmp_path: Path) -> None:
    assert {item.kind for item in fuzzed_lists(N_LISTS)} == set(KINDS)
    assert fuzzed_lists(5, seed=3) == fuzzed_lists(40, seed=3)[:5]  # seeded, and a prefix of a larger corpus
    kinds = {kind.split(":")[0] for kind, _ in malformed_graph_files(tmp_path, N_GRAPHS, odd=N_ODD)}
    assert kinds == {"named", "structural", "broken arrays", "random break", "valid, odd values"}
    small = {kind.split(":")[0] for kind, _ in malformed_graph_files(tmp_path / "small", 8)}
    assert small == {"named", "structural", "broken arrays"}


@pytest.mark.parametrize("command", sorted(LIST_COMMANDS))
def test_fuzzed_lists_give_output_or_one_error_line(command: str, api_url: str, tmp_path: Path) -> None:
    outcomes = []
    for item in fuzzed_lists(N_LISTS, seed=7):
        path = tmp_path / item.name
        path.write_bytes(item.data)
        args = argv(LIST_COMMANDS[command], list=path, out=tmp_path / "out", api=api_url, cache=tmp_path / "c.sqlite")
        result = CliRunner().invoke(main, args, env={"S2_API_KEY": "fuzz-key"})
        outcomes.append(_judge(result, f"{command} on {item.kind} {item.name}"))
    assert "ok" in outcomes  # the mutated fixtures still name papers


@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_malformed_graph_files_give_output_or_one_error_line(command: str, tmp_path: Path) -> None:
    for kind, path in malformed_graph_files(tmp_path / "graphs", N_GRAPHS, seed=7, odd=N_ODD):
        result = CliRunner().invoke(main, argv(GRAPH_COMMANDS[command], g=path, out=tmp_path / "out"))
        how = _judge(result, f"{command} on {kind} {path.name}")
        # a random break or a changed array may leave a file that is still valid
        assert how == "error" or kind in ("random break", "broken arrays", "valid, odd values"), (kind, result.output)
