"""Malformed graph files, generated (never committed): every command that reads a
graph answers each with output or one ``Error:`` line, never a traceback.

The named cases are the ones a hostile probe found crashing; hypothesis then
breaks a valid file at random places with random JSON values."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citegraph.cli import main
from citegraph.graph import model as m
from citegraph.graph.arrays import save_arrays

from tests.factories.commands import GRAPH_COMMANDS, argv
from tests.factories.graphs import (
    EDGE_FIELDS, GRAPH_FIELDS, NAMED, NODE_FIELDS, TOP_FIELDS, deep, valid_arrays, valid_graph, with_change,
    write_json, write_npz,
)


def run_all(path: Path, tmp_path: Path) -> dict[str, Any]:
    results = {}
    for name, template in GRAPH_COMMANDS.items():
        result = CliRunner().invoke(main, argv(template, g=path, out=tmp_path / f"out-{name.replace(' ', '')}"))
        results[name] = result
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{name} on {path.name}: {type(result.exception).__name__}: {result.exception}"
        )
        assert "Traceback" not in result.output
        if result.exit_code:
            lines = result.stderr.strip().splitlines()
            assert result.exit_code == 1 and lines[-1].startswith("Error: "), (name, result.output[-500:])
            assert sum(line.startswith("Error: ") for line in lines) == 1
    return results


@pytest.mark.parametrize("case", sorted(NAMED))
def test_named_malformed_graphs_are_one_error_line_naming_the_field(case, tmp_path):
    change, message = NAMED[case]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(change and with_change(change)), encoding="utf-8")
    for name, result in run_all(path, tmp_path).items():
        assert result.exit_code == 1 and message in result.stderr, (name, result.stderr)


def test_json_nested_100k_deep_is_refused_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"directed": true, "graph": {"schema_version": 1}, "nodes": ' + deep(100_000)
                    + ', "edges": []}', encoding="utf-8")
    for result in run_all(path, tmp_path).values():
        assert "nested too deeply" in result.stderr


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # sparse: 1 GB on paper, no disk used
        fh.truncate(2**30)
    for result in run_all(path, tmp_path).values():
        assert "over the 512 MB limit" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_pipe_or_folder_as_graph_is_an_error_not_a_hang(kind, tmp_path):
    path = tmp_path / "g.json"
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    for name in ("rank", "lineage"):  # rank reads .npz too (load_any)
        result = CliRunner().invoke(main, [name, str(path)])
        assert result.exit_code in (1, 2) and "Traceback" not in result.output


def _npz(tmp_path: Path, **change: Any) -> Path:
    arrays = valid_arrays(tmp_path / "bad.npz")
    for name, value in change.items():
        if value is None:
            arrays.pop(name)
        else:
            arrays[name] = value
    return write_npz(tmp_path / "bad.npz", arrays)


@pytest.mark.parametrize("change, message", [
    ({"indices": np.array([0, 99], dtype=np.int32)}, "names a paper outside"),
    ({"indptr": np.array([0, 5, 1, 3])}, "does not index"),
    ({"years": np.array([2024.0, 1e30, 2017.0])}, "not a year"),
    ({"years": np.array([2024.0, np.inf, 2017.0])}, "not a year"),
    ({"years": np.array([-np.inf, np.nan, 2017.0])}, "not a year"),
    ({"citation_count": np.array([10.0, -1.0, np.nan])}, "'citation_count' holds a value that is not a count"),
    ({"influential_citation_count": np.array([np.inf, 0.0, 1.0])}, "not a count from 0 to 2**53"),
    ({"kind_bits": None}, "lacks the array 'kind_bits'"),
    ({"title_offsets": np.array([0, 3, 2, 1])}, "does not index"),
    ({"n": np.int64(-4)}, "not a count"),
    ({"listed": np.array([True])}, "array 'listed' is not a flat array of 3"),
])
def test_malformed_arrays_files_name_the_array(tmp_path, change, message):
    path = _npz(tmp_path, **change)
    result = CliRunner().invoke(main, ["rank", str(path)])
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output


def test_an_arrays_file_given_to_a_json_only_command_says_so(tmp_path):
    G = m.load_graph(write_json(tmp_path / "ok.json", valid_graph()))
    save_arrays(G, tmp_path / "g.npz")
    for args in (["lineage", str(tmp_path / "g.npz")], ["audit", str(tmp_path / "g.npz")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and "a compact arrays file (.npz); only 'citegraph rank' reads" in result.stderr
    (tmp_path / "latin1.json").write_bytes(b'{"title": "caf\xe9"}')
    result = CliRunner().invoke(main, ["lineage", str(tmp_path / "latin1.json")])
    assert result.exit_code == 1 and "not UTF-8 text: byte 0xe9 at offset 14" in result.stderr


def test_a_bare_arrays_marker_is_an_error(tmp_path):
    path = tmp_path / "bare.npz"
    with zipfile.ZipFile(path, "w") as zf, zf.open("format.npy", "w") as fh:
        np.save(fh, np.array("citegraph-arrays/1"))
    result = CliRunner().invoke(main, ["rank", str(path)])
    assert result.exit_code == 1 and "Error: " in result.stderr and "Traceback" not in result.output


def test_an_arrays_file_claiming_a_huge_member_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "bomb.npz"
    with path.open("wb") as fh:  # 64 MB of zeros compress to a file of a few dozen kB
        np.savez_compressed(fh, format=np.array("citegraph-arrays/1"), years=np.zeros(8 * 2**20))
    monkeypatch.setenv("CITEGRAPH_MAX_GRAPH_MB", "1")
    result = CliRunner().invoke(main, ["rank", str(path)])
    assert result.exit_code == 1 and "its arrays unpack to 64 MB, over the 1 MB limit" in result.stderr


# ------------------------------------------------------------------ fuzzing

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def broken_graphs(draw: Any) -> dict[str, Any]:
    data = valid_graph()
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        where = draw(st.sampled_from(["node", "edge", "graph"]))
        value = draw(json_values)
        if where == "node":
            data["nodes"][draw(st.integers(0, 2))][draw(st.sampled_from(NODE_FIELDS))] = value
        elif where == "edge":
            data["edges"][draw(st.integers(0, 1))][draw(st.sampled_from(EDGE_FIELDS))] = value
        else:
            data["graph"][draw(st.sampled_from(GRAPH_FIELDS))] = value
    if draw(st.booleans()):  # last: it may replace the lists changed above
        data[draw(st.sampled_from(TOP_FIELDS))] = draw(json_values)
    return data


@settings(max_examples=int(os.environ.get("CITEGRAPH_FUZZ_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=broken_graphs())
def test_randomly_broken_graphs_never_give_a_traceback(data, tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    run_all(path, tmp_path)
