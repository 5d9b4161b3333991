"""The public surface: every exported name resolves, every CLI command is
helped, documented in the README, and turns user errors into one line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import citegraph
from citegraph.cli import main
from tests.conftest import ROOT

CONTRACT = ["papers", "build", "rank", "related", "path", "audit", "lineage", "html", "report", "demo", "export",
            "suggest", "watch", "datasets"]


def commands_of(name):
    """The command ``citegraph NAME``, or each subcommand of a group (``citegraph datasets import``)."""
    import click

    command = main.commands[name]
    return list(command.commands.values()) if isinstance(command, click.Group) else [command]


@pytest.mark.parametrize("name", citegraph.__all__)
def test_exports_resolve(name):
    assert getattr(citegraph, name) is not None


def test_cli_has_the_contracted_commands():
    assert sorted(main.commands) == sorted(CONTRACT)


def readme_part(start: str, end: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert start in readme, f"README has no {start!r}"
    part = readme[readme.index(start):]
    return part[: part.index(end)] if end in part else part


def command_row(name: str) -> str:
    """The row of README's command table that documents ``citegraph NAME``."""
    table = readme_part("| command | what it does |", "\n\n")
    rows = [r for r in table.splitlines() if re.match(rf"\| `citegraph {name}\b", r)]
    assert len(rows) == 1, f"README's command table has {len(rows)} rows for 'citegraph {name}'"
    return rows[0]


@pytest.mark.parametrize("name", CONTRACT)
def test_every_command_has_help_and_is_in_the_readme(name):
    command = main.commands[name]
    assert command.help and command.help.strip(), f"{name} has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"citegraph {name}\b", readme), f"README does not document 'citegraph {name}'"


@pytest.mark.parametrize("name", CONTRACT)
def test_every_option_and_choice_is_in_the_readme(name):
    import click

    row = command_row(name)
    # the shared fetch options have their own table, which the row points to
    fetch_table = readme_part("### Fetch options", "How fetching works") if "fetch options" in row else ""
    for param in [p for command in commands_of(name) for p in command.params]:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        where = row + fetch_table
        spelled = param.opts + param.secondary_opts
        assert any(re.search(rf"`[^`]*{re.escape(o)}\b", where) for o in spelled), (
            f"README does not document {'/'.join(spelled)} of 'citegraph {name}'"
        )
        if isinstance(param.type, click.Choice):
            missing = [c for c in param.type.choices if not re.search(rf"\b{re.escape(c)}\b", where)]
            assert not missing, f"README does not name {missing} of 'citegraph {name} {spelled[0]}'"


@pytest.mark.parametrize("name", ["rank", "lineage", "html", "audit"])
def test_missing_graph_file_is_one_error_line(name, tmp_path):
    missing = tmp_path / "nope.json"
    args = [name, str(missing)] + (["-o", str(tmp_path / "x.html")] if name == "html" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == f"Error: {missing}: no such graph file"
    assert "Traceback" not in result.output


def _library_calls(name: str) -> list[tuple[str, str]]:
    """``(module, name)`` of every citegraph import inside a command's body."""
    import inspect

    source = "".join(inspect.getsource(command.callback) for command in commands_of(name))
    calls = []
    for module, names in re.findall(r"from (citegraph(?:\.\w+)+) import ([\w, ]+)", source):
        calls += [(module, n.strip()) for n in names.split(",") if n.strip()]
    return calls


@pytest.mark.parametrize("name", CONTRACT)
def test_every_command_calls_only_exported_library_functions(name):
    import importlib

    calls = _library_calls(name)
    assert calls, f"{name} calls no citegraph library function"
    for module, attr in calls:
        assert attr in citegraph.__all__, f"citegraph {name} uses {module}.{attr}, which citegraph does not export"
        assert getattr(citegraph, attr) is getattr(importlib.import_module(module), attr)


# --- the stable machine formats README documents, against the real output


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    from citegraph.reporting import demo

    out = tmp_path_factory.mktemp("demo")
    demo(out)
    return out


def machine_rows() -> dict[str, str]:
    """README's machine-format rows: first cell (without backticks) → second cell."""
    part = readme_part("## Machine-readable output", "### The graph file")
    rows = {}
    for line in part.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 2 and cells[0].startswith("`"):
            rows[cells[0].strip("`").replace("\\|", "|")] = cells[1]
    return rows


def documented_columns(cell: str) -> list[str]:
    return cell.split("`")[1].split(", ")


def documented_keys(cell: str) -> set[str]:
    return set(re.findall(r'"(\w+)"', cell))


def json_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in json_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in json_keys(v)}
    return set()


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


TABLE_COMMANDS = {"papers": "LIST", "rank": "GRAPH", "related": "GRAPH Chameleon", "audit": "GRAPH"}


@pytest.mark.parametrize("name", TABLE_COMMANDS)
def test_csv_and_json_columns_are_the_documented_ones(name, demo_out):
    import csv
    import io
    import json

    from citegraph.reporting import example_list_path

    rows = machine_rows()
    cell = rows[f"citegraph {name} --format csv|json"]
    columns = documented_columns(cell)
    args = [{"LIST": example_list_path(), "GRAPH": demo_out / "graph.json"}.get(a, a)
            for a in TABLE_COMMANDS[name].split()]
    header = next(csv.reader(io.StringIO(run(name, *args, "--format", "csv"))))
    assert header == columns
    records = json.loads(run(name, *args, "--format", "json"))
    assert records and all(list(r) == columns for r in records)


@pytest.mark.parametrize("row", ["citegraph lineage --format json", "citegraph lineage --format json --main-path",
                                 "citegraph path --format json"])
def test_json_keys_are_the_documented_ones(row, demo_out):
    import json

    rows = machine_rows()
    graph = demo_out / "graph.json"
    expected = documented_keys(rows[row])
    if row.startswith("citegraph lineage"):
        args = ["lineage", graph, "--format", "json", *(["--main-path"] if "main-path" in row else [])]
        expected |= documented_keys(rows["citegraph lineage --format json"])  # the links inside
    else:
        args = ["path", graph, "Chameleon", "Anole", "--format", "json"]
    found = json.loads(run(*args))
    assert found
    assert json_keys(found) == expected


@pytest.mark.parametrize("name", ["rankings.csv", "communities.csv", "papers.csv", "edges.csv", "unresolved.csv"])
def test_report_files_have_the_documented_columns(name, demo_out):
    rows = machine_rows()
    header = (demo_out / name).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == documented_columns(rows[name])
