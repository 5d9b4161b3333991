"""The package's layers import one way: text → graph → lists → fetch → analysis → export → reporting → cli.

Every import is counted, at the top of a module or inside a function, so a lazy
import cannot hide a dependency on a layer above.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "citegraph"

# errors.py and the package root (``__version__``) sit below every layer.
LAYERS = ("errors", "text", "graph", "lists", "fetch", "analysis", "export", "reporting", "cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:  # citegraph itself: __version__ and the lazy export table
        return -1
    name = parts[1]
    if name == "__main__":
        return len(LAYERS)
    return LAYERS.index(name)


def citegraph_imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, imported module, at module top) for every import of citegraph in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("citegraph"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                target = candidate if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").exists() \
                    or (PACKAGE.parent / candidate.replace(".", "/")).is_dir() else node.module
                found.append((node.lineno, target, id(node) in top))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("citegraph"):
                    found.append((node.lineno, alias.name, id(node) in top))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    unknown = [module_name(p) for p in MODULES if module_name(p) != "citegraph"
               and module_name(p).split(".")[1] not in (*LAYERS, "__main__")]
    assert unknown == [], f"modules outside the layers {LAYERS}: {unknown}"


def test_no_module_imports_a_layer_above_it() -> None:
    upward = []
    for path in MODULES:
        me = module_name(path)
        if me == "citegraph":
            continue  # the root's lazy table names every layer on purpose
        for line, target, _ in citegraph_imports(path):
            if layer(target) > layer(me):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} {me} imports {target}")
    assert upward == [], "imports against the layer order:\n" + "\n".join(upward)


def test_no_import_cycles_between_modules() -> None:
    graph = nx.DiGraph()
    for path in MODULES:
        me = module_name(path)
        for _, target, _ in citegraph_imports(path):
            if target != me and not me.startswith(target + "."):  # a package's own __init__ is not a cycle
                graph.add_edge(me, target)
    cycles = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert cycles == [], f"import cycles: {cycles}"


def test_the_layer_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The rule is live: a text module importing analysis is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from citegraph.analysis.rank import rank_papers\n", encoding="utf-8")
    (_, target, at_top), = citegraph_imports(bad)
    assert target == "citegraph.analysis.rank" and not at_top
    assert layer(target) > layer("citegraph.text.names")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


HEAVY = {"pandas", "scipy", "networkx", "pyvis", "igraph", "networkit", "semanticscholar", "httpx", "IPython",
         "matplotlib", "duckdb", "pyarrow"}


def test_import_citegraph_loads_nothing_heavy() -> None:
    loaded = _loaded_after("import citegraph")
    assert {m.split(".")[0] for m in loaded} & HEAVY == set()
    assert sorted(m for m in loaded if m.startswith("citegraph")) == ["citegraph"]


def test_cli_help_loads_no_analysis_engine() -> None:
    """``citegraph --help`` needs click and the command table, not the engines behind the commands."""
    loaded = _loaded_after(
        "import sys\nfrom click.testing import CliRunner\nfrom citegraph.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\nassert r.exit_code == 0, r.output"
    )
    assert {m.split(".")[0] for m in loaded} & HEAVY == set()


@pytest.mark.parametrize("command", ["papers", "build", "rank", "lineage", "html", "report", "export"])
def test_command_help_loads_no_analysis_engine(command: str) -> None:
    loaded = _loaded_after(
        "from click.testing import CliRunner\nfrom citegraph.cli import main\n"
        f"r = CliRunner().invoke(main, [{command!r}, '--help'])\nassert r.exit_code == 0, r.output"
    )
    assert {m.split(".")[0] for m in loaded} & HEAVY == set()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_papers_as_rows_loads_no_graph_or_frame_library(tmp_path: Path, fmt: str) -> None:
    """``citegraph papers --format json|csv`` reads a list and writes rows: no networkx, pandas or numpy.

    Those imports alone took ~100 MB and most of a second before any paper was read.
    """
    listing = tmp_path / "list.md"
    listing.write_text("- [Chameleon](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
    loaded = _loaded_after(
        "from click.testing import CliRunner\nfrom citegraph.cli import main\n"
        f"r = CliRunner().invoke(main, ['papers', {str(listing)!r}, '--format', {fmt!r}])\n"
        "assert r.exit_code == 0 and '2405.09818' in r.output, r.output"
    )
    assert {m.split(".")[0] for m in loaded} & (HEAVY | {"numpy"}) == set()
