"""A module binds each of its top-level names once: a second ``_PATTERN = ...`` further down
silently replaces the first for every function above it that uses it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "citegraph"


def _overload(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    """A ``typing.overload`` signature: its name is bound again by the implementation, as it must be."""
    return any((d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else "") == "overload"
               for d in node.decorator_list)


def names_bound_twice(source: str) -> list[str]:
    counts: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not _overload(node):
            counts[node.name] += 1
        counts.update(t.id for t in targets if isinstance(t, ast.Name) and t.id != "__all__")
    return sorted(n for n, c in counts.items() if c > 1)


def test_the_check_finds_a_name_bound_twice() -> None:
    source = 'import re\n_P = re.compile("a")\ndef f():\n    return _P\n_P = re.compile("b")\n_Q: int = 1\n'
    assert names_bound_twice(source) == ["_P"]
    overloaded = "@overload\ndef g(x: int) -> int: ...\n@overload\ndef g(x: str) -> str: ...\ndef g(x): return x\n"
    assert names_bound_twice(overloaded) == []


def test_no_module_of_the_package_binds_a_top_level_name_twice() -> None:
    found = {str(p.relative_to(PACKAGE)): names
             for p in sorted(PACKAGE.rglob("*.py")) if (names := names_bound_twice(p.read_text(encoding="utf-8")))}
    assert found == {}
