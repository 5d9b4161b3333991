"""The notebooks: saved with their outputs, public API only, and re-run offline (a failing cell fails the suite)."""

from __future__ import annotations

import ast
import shutil

import nbformat
import pytest

import citegraph
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# what each notebook is for, which must reach the reader: a kind of output it shows
SHOWS = {
    "01-quickstart.ipynb": {"text/html", "image/png"},
    "02-lineage.ipynb": {"image/png"},
    "03-your-own-list.ipynb": {"text/html"},
}


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def shown(nb):
    return {mime for c in code_cells(nb) for o in c.outputs for mime in o.get("data", {})}


def test_the_three_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == sorted(SHOWS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_saved_executed_with_its_outputs(path):
    # GitHub and nbviewer show the saved outputs: every code cell ran, in order, without error
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not executed top to bottom"
    assert not [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert SHOWS[path.name] <= shown(nb)
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= len(counts) // 2, "prose explains the outputs"


def _citegraph_names(source: str) -> set[str]:
    """Every ``citegraph.X`` used and every name imported from a citegraph module, as ``module:name``."""
    tree = ast.parse("\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))))
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "citegraph":
            used.add(f"citegraph:{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "citegraph":
            used |= {f"{node.module}:{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            used |= {f"import:{a.name}" for a in node.names if a.name.startswith("citegraph.")}
    return used


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_uses_only_the_public_api_and_no_asserts(path):
    nb = nbformat.read(path, as_version=4)
    for cell in code_cells(nb):
        for used in _citegraph_names(cell.source):
            module, name = used.split(":")
            assert module == "citegraph" and name in citegraph.__all__, (
                f"{path.name}: {used.replace(':', '.')} is not in citegraph.__all__")
        tree = ast.parse("\n".join(l for l in cell.source.splitlines() if not l.lstrip().startswith(("%", "!"))))
        assert not any(isinstance(n, ast.Assert) for n in ast.walk(tree)), f"{path.name}: an assert cell"


def test_the_public_api_scan_catches_private_imports():
    assert _citegraph_names("from citegraph.lists.assemble import graph_from_entries") == {
        "citegraph.lists.assemble:graph_from_entries"}
    assert _citegraph_names("import citegraph\ncitegraph.rank_papers(G)") == {"citegraph:rank_papers"}


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    from nbclient import NotebookClient

    copy = tmp_path / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    for cell in code_cells(nb):
        cell.outputs, cell.execution_count = [], None
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    assert not [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert SHOWS[path.name] <= shown(nb), f"{path.name} no longer shows {SHOWS[path.name] - shown(nb)}"
