"""Module docstrings stay short: what the module is for, at most 15 lines.

Long explanations belong in the docstrings of the functions they explain, or in
README.md; measured figures in benchmarks/README.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "citegraph"
MAX_LINES = 15

NOT_YET: set[str] = set()  # modules still to shorten: none

MODULES = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))


def docstring_lines(path: Path) -> int:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)
    return len(doc.splitlines()) if doc else 0


@pytest.mark.parametrize("module", [m for m in MODULES if m not in NOT_YET])
def test_module_docstring_is_at_most_15_lines(module: str) -> None:
    lines = docstring_lines(PACKAGE / module)
    assert lines <= MAX_LINES, f"citegraph/{module}: module docstring of {lines} lines (at most {MAX_LINES})"


def test_every_exempt_module_still_exists() -> None:
    # an entry left behind after a split or rename would exempt nothing, silently
    assert set(MODULES) >= NOT_YET
