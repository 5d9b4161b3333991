"""``citegraph build`` keeps the model lineage it finds as ``builds_on`` edges
(``citegraph.reporting.build``: fetch, then lineage), unless ``--no-lineage``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from tests.fakes.s2 import World

import citegraph
from citegraph.cli import main
from citegraph.lists.reader import read_lists
from citegraph.graph.model import has_kind, load_graph

LIST = """# Image models

## Base

- **Alpha: A Base Model for Pictures** ([arXiv:2401.00101](https://arxiv.org/abs/2401.00101)), 2024. A transformer that draws pictures from text prompts.
- **Gamma: Drawing with Diffusion** ([arXiv:2402.00303](https://arxiv.org/abs/2402.00303)), 2024. A diffusion model trained on web pictures.

## Follow-ups

- **Beta: Sharper Pictures at Scale** ([arXiv:2405.00202](https://arxiv.org/abs/2405.00202)), 2024. Beta is built on Alpha and adds a sharper decoder.
"""


@pytest.fixture
def stated(tmp_path, make_fake_s2):
    """A list whose notes state one lineage link (Alpha → Beta), and a fake API knowing its papers."""
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    server = make_fake_s2(World.from_entries(read_lists([path]).entries, seed=4))
    return path, server


def builds_on(G):
    """``(parent name, child name)`` of every builds_on edge (edges run child → parent)."""
    return {(G.nodes[v].get("name"), G.nodes[u].get("name")) for u, v, d in G.edges(data=True) if has_kind(d, "builds_on")}


def cites(G):
    return {(u, v) for u, v, d in G.edges(data=True) if has_kind(d, "cites")}


def run_build(path, server, out, *extra):
    args = ["build", str(path), "-o", str(out), "--api-url", server.url, "--cache", str(out.with_suffix(".sqlite")),
            "--min-interval", "0", "--quiet", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return load_graph(out)


def test_build_writes_the_stated_link_as_builds_on_and_no_lineage_leaves_it_out(stated, tmp_path):
    path, server = stated
    G = run_build(path, server, tmp_path / "with.json")
    assert builds_on(G) == {("Alpha", "Beta")}
    [(u, v, d)] = [e for e in G.edges(data=True) if has_kind(e[2], "builds_on")]
    assert {"kind": "text", "detail": "Beta is built on Alpha and adds a sharper decoder.", "source": "list"} in d["evidence"]
    assert 0 < d["confidence"] <= 1

    bare = run_build(path, server, tmp_path / "without.json", "--no-lineage")
    assert builds_on(bare) == set()
    assert not any("evidence" in d for _, _, d in bare.edges(data=True))
    # the lineage only adds: the citations are the same either way
    assert cites(bare) == cites(G) and cites(G)


def test_library_build_mirrors_the_cli(stated, tmp_path):
    path, server = stated
    options = dict(cache=tmp_path / "c.sqlite", api_url=server.url, min_interval=0, quiet=True)
    result = citegraph.build([path], **options)
    assert builds_on(result.graph) == {("Alpha", "Beta")}
    assert result.stats["lineage_links"] == 1
    plain = citegraph.build([path], lineage=False, **options)
    assert builds_on(plain.graph) == set() and "lineage_links" not in plain.stats
    # the same links the lineage command derives from the written graph
    written = tmp_path / "g.json"
    citegraph.save_graph(result.graph, written)
    out = CliRunner().invoke(main, ["lineage", str(written), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [(link["parent"]["name"], link["child"]["name"]) for link in json.loads(out.output)] == [("Alpha", "Beta")]


def test_fetch_layer_does_not_import_analysis():
    import ast
    import inspect

    import citegraph.fetch.pipeline as pipeline

    tree = ast.parse(inspect.getsource(pipeline))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m.startswith(("citegraph.analysis", "citegraph.reporting"))}
