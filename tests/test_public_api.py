"""The public surface: every exported name resolves, every CLI command is
helped, documented in the README, and turns user errors into one line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import citegraph
from citegraph.cli import main
from tests.conftest import ROOT

CONTRACT = ["papers", "build", "rank", "related", "path", "audit", "lineage", "html", "report", "demo"]


@pytest.mark.parametrize("name", citegraph.__all__)
def test_exports_resolve(name):
    assert getattr(citegraph, name) is not None


def test_cli_has_the_contracted_commands():
    assert sorted(main.commands) == sorted(CONTRACT)


@pytest.mark.parametrize("name", CONTRACT)
def test_every_command_has_help_and_is_in_the_readme(name):
    command = main.commands[name]
    assert command.help and command.help.strip(), f"{name} has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"citegraph {name}\b", readme), f"README does not document 'citegraph {name}'"


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

    source = inspect.getsource(main.commands[name].callback)
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
