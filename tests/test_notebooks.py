"""The notebooks run top to bottom, offline, on the example list (a failing cell fails the suite)."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_and_they_are_stripped():
    names = [p.name for p in NOTEBOOKS]
    assert "01-quickstart.ipynb" in names and "02-lineage.ipynb" in names
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name}: outputs not stripped"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    from nbclient import NotebookClient

    copy = tmp_path / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # what each notebook is for must reach the reader, not just run
    shown = {mime for c in nb.cells if c.cell_type == "code" for o in c.outputs for mime in o.get("data", {})}
    expected = {"01-quickstart.ipynb": "text/html", "02-lineage.ipynb": "image/png"}[path.name]
    assert expected in shown, f"{path.name} shows no {expected} output"
