"""Running ``citegraph`` in the test process, as the command-line tests do."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from citegraph.cli import main


def run(*args: object) -> Any:
    """``citegraph ARGS`` in this process (click's ``CliRunner``), each argument as text."""
    return CliRunner().invoke(main, [str(a) for a in args])
