"""No regex call in the package that CPython 3.11's type cache keeps a string of (see citegraph/text/matching.py)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "citegraph"


def _template_with_backslash(node: ast.Call) -> bool:
    """``x.sub(r"\\1", ...)`` / ``re.sub(p, r"\\1", ...)``: a str replacement with a backslash is a template."""
    if not (isinstance(node.func, ast.Attribute) and node.func.attr in ("sub", "subn")):
        return False
    owner = node.func.value
    index = 1 if isinstance(owner, ast.Name) and owner.id == "re" else 0
    args = list(node.args) + [k.value for k in node.keywords if k.arg == "repl"]
    repl = args[index] if len(args) > index else None
    return isinstance(repl, ast.Constant) and isinstance(repl.value, str) and "\\" in repl.value


def offending_calls(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "finditer":
                found.append((node.lineno, "finditer: use citegraph.text.matching.matches"))
            elif _template_with_backslash(node):
                found.append((node.lineno, "a replacement template: use a function (matching.first_group)"))
    return found


def test_the_package_uses_neither_finditer_nor_replacement_templates() -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {why}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, why in offending_calls(path.read_text(encoding="utf-8"))
    ]
    assert bad == []


def test_the_checker_finds_each_kind_of_call() -> None:
    source = (
        "import re\n"
        "P = re.compile('a')\n"
        "a = [m for m in P.finditer('aa')]\n"
        "b = re.sub(r'(a)', r'\\1\\1', 'a')\n"
        "c = P.sub(r'<\\g<0>>', 'a')\n"
        "d = P.sub(repl='\\\\1', string='a')\n"
        "e = re.sub('a', 'b', 'a') + P.sub(lambda m: m[0], 'a')\n"  # plain text and functions are fine
    )
    assert sorted(line for line, _ in offending_calls(source)) == [3, 4, 5, 6]
