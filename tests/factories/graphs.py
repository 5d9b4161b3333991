"""Malformed graph files: a small valid graph (Chameleon, Anole, one cited
paper) broken in named ways (the cases a hostile probe found crashing) or at
random places with random JSON values, plus broken ``.npz`` arrays files.

``tests/graph/test_malformed_files.py`` runs the named cases and a hypothesis
fuzzer over the same fields; :func:`malformed_graph_files` writes a seeded
corpus for ``tests/cli/test_fuzzed_commands.py`` and
``benchmarks/bench_fuzz_commands.py``.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from citegraph.graph import model as m
from citegraph.graph.arrays import save_arrays

NODE_FIELDS = ["id", *m.NODE_ATTRS, "extra"]
EDGE_FIELDS = ["source", "target", *m.EDGE_ATTRS, "extra"]
GRAPH_FIELDS = ["schema_version", "unresolved", "fetch", "merged", "extra"]
TOP_FIELDS = ["directed", "multigraph", "graph", "nodes", "edges"]


def valid_graph() -> dict[str, Any]:
    """Node-link data of a small valid graph: 3 papers, a citation, a builds_on link with evidence."""
    G = m.new_graph(unresolved=[{"entry": "x", "title": "X", "source": "l.md:3", "reason": "not matched"}],
                    fetch={"requests": 3})
    m.add_paper(G, "c" * 40, paper_id="c" * 40, title="Chameleon: Mixed-Modal Early-Fusion Foundation Models",
                name="Chameleon", year=2024, authors=["A. Author"], tags=["Unified"], listed=True,
                sources=["l.md:1"], repos=["github.com/facebookresearch/chameleon"], citation_count=10)
    m.add_paper(G, "a" * 40, paper_id="a" * 40, title="ANOLE: An Open Autoregressive Model", name="Anole",
                year=2024, authors=["B. Author"], listed=True, sources=["l.md:2"], corpus_id=5)
    m.add_paper(G, "b" * 40, paper_id="b" * 40, title="Attention is all you need", year=2017)
    m.add_link(G, "a" * 40, "c" * 40, "cites", is_influential=True, intents=["methodology"], contexts=["we use"])
    m.add_link(G, "a" * 40, "c" * 40, "builds_on", confidence=0.9,
               evidence=[{"kind": "text", "detail": "fine-tuned from Chameleon"}])
    m.add_link(G, "c" * 40, "b" * 40, "cites")
    return nx.node_link_data(G, edges="edges")


def deep(depth: int) -> str:
    """JSON text of ``depth`` nested lists."""
    return "[" * depth + "]" * depth


def with_change(change: dict[str, Any]) -> dict[str, Any]:
    """The valid graph with fields replaced: ``{"top.directed": False, "nodes.0.year": 10**30, ...}``."""
    data = valid_graph()
    for where, value in change.items():
        part, _, rest = where.partition(".")
        if part == "top":
            data[rest] = value
        elif part == "graph":
            data["graph"][rest] = value
        else:
            index, _, name = rest.partition(".")
            data[part][int(index)][name] = value
    return data


# name: (change, what the one Error: line says)
NAMED: dict[str, tuple[dict[str, Any], str]] = {
    "undirected": ({"top.directed": False}, "an undirected graph"),
    "multigraph": ({"top.multigraph": True}, "a multigraph"),
    "authors of numbers": ({"nodes.0.authors": [1]}, "authors must be a list of text"),
    "repos of objects": ({"nodes.0.repos": [{"url": "x"}]}, "repos must be a list of text"),
    "tags of objects": ({"nodes.0.tags": [{"a": 1}]}, "tags must be a list of text"),
    "a null among authors": ({"nodes.0.authors": ["A. Lee", None]}, "authors must be a list of text, not hold None"),
    "intents a number": ({"edges.0.intents": 5}, "intents must be a list of text"),
    "year 10**30": ({"nodes.0.year": 10**30}, "year 1e+30 is not a year"),
    "negative count": ({"nodes.0.citation_count": -3}, "citation_count -3 is not a count"),
    "unresolved a number": ({"graph.unresolved": 5}, "graph attribute unresolved must be a list"),
    "graph attrs a list": ({"top.graph": [1]}, "schema version None"),
    "evidence a string": ({"edges.1.evidence": "text"}, "evidence must be a list"),
    "confidence NaN": ({"edges.1.confidence": float("nan")}, "confidence nan is not a number in 0..1"),
    "is_influential text": ({"edges.0.is_influential": "yes"}, "is_influential 'yes' is not true/false"),
    "self link": ({"edges.0.target": "c" * 40}, "a paper linked to itself"),
    "deep extra field": ({"nodes.1.extra": json.loads(deep(50))}, "extra nests deeper than"),
}


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value: null, booleans, huge integers, floats (NaN too), short text, small lists and objects."""
    roll = rng.random()
    if depth < 3 and roll < 0.25:
        if rng.random() < 0.5:
            return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        return {_short_text(rng, 6): random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return rng.choice([
        None, True, False, rng.randint(-(10**40), 10**40), rng.randint(-5, 3000), rng.uniform(-1e6, 1e6),
        float("nan"), rng.choice([0.0, -0.0, 1e308, 5e-324]), _short_text(rng, 8), "", "c" * 40,
    ])


def _short_text(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF), 0x0, 0x1F600]))
                   for _ in range(rng.randint(0, n)))


def random_broken_graph(rng: random.Random) -> dict[str, Any]:
    """The valid graph with 1-4 random fields (node, edge, graph or top level) set to random JSON."""
    data = valid_graph()
    for _ in range(rng.randint(1, 3)):
        where = rng.choice(["node", "edge", "graph"])
        if where == "node":
            data["nodes"][rng.randrange(len(data["nodes"]))][rng.choice(NODE_FIELDS)] = random_json(rng)
        elif where == "edge":
            data["edges"][rng.randrange(len(data["edges"]))][rng.choice(EDGE_FIELDS)] = random_json(rng)
        else:
            data["graph"][rng.choice(GRAPH_FIELDS)] = random_json(rng)
    if rng.random() < 0.3:  # last: it may replace the lists changed above
        data[rng.choice(TOP_FIELDS)] = random_json(rng)
    return data


_ODD_TEXT = ["", " ", "Chameleon", "Anole", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "<script>alert(1)</script>",
             "</title><b>", "{{x}}", "${x}", "a\u202eb", "\u0000", "🙂" * 50, "x" * 5000, "名前", "Janus-Pro 7B",
             "Chameleon: Mixed-Modal Early-Fusion Foundation Models", "[Anole](javascript:alert(1))", "\\", "\n\n"]


def odd_graph(rng: random.Random) -> dict[str, Any]:
    """A valid graph of 2-40 papers with awkward values: duplicate, empty, huge or markup names and
    titles, years 1 and 9999, counts 0 and 2**53, builds_on cycles, papers with no links."""
    G = m.new_graph(unresolved=[{"entry": rng.choice(_ODD_TEXT), "title": rng.choice(_ODD_TEXT),
                                 "source": "l.md:1", "reason": "not matched"}] * rng.randint(0, 2))
    n = rng.randint(2, 40)
    ids = [rng.choice(["", "c" * 40, "名", "x" * 300, "ARXIV:2405.09818"]) + str(i) for i in range(n)]
    for pid in ids:
        attrs: dict[str, Any] = {
            "title": rng.choice(_ODD_TEXT + [None]),
            "name": rng.choice(_ODD_TEXT + [None, None]),
            "year": rng.choice([1, 9999, 2024, 2024, None]),
            "authors": rng.choice([[], [""], ["A. Author"] * 3, [rng.choice(_ODD_TEXT)] * rng.randint(1, 300)]),
            "listed": rng.random() < 0.5,
            "citation_count": rng.choice([0, 2**53, 5, None]),
            "tags": rng.choice([[], ["Unified"], [rng.choice(_ODD_TEXT)]]),
            "sources": rng.choice([[], ["l.md:1"], ["l.md:0", "l.md:99999999"]]),
        }
        m.add_paper(G, pid, paper_id=pid, **{k: v for k, v in attrs.items() if v is not None})
    for _ in range(rng.randint(0, 3 * n)):
        a, b = rng.sample(ids, 2)
        kind = rng.choice(["cites", "cites", "builds_on", "mentions"])
        extra: dict[str, Any] = {}
        if kind == "builds_on":
            extra = {"confidence": rng.choice([0.0, 1.0, 0.5]),
                     "evidence": [{"kind": rng.choice(["text", "", "name"]), "detail": rng.choice(_ODD_TEXT)}]}
        else:
            extra = {"contexts": [rng.choice(_ODD_TEXT)], "intents": rng.choice([[], ["methodology"], [""]])}
        m.add_link(G, a, b, kind, **extra)
    return nx.node_link_data(G, edges="edges")


def valid_arrays(path: Path) -> dict[str, np.ndarray]:
    """The arrays of the valid graph's compact file, to change (made beside ``path``, then removed)."""
    G = m.load_graph(write_json(path.with_suffix(".ok.json"), valid_graph()))
    good = path.with_suffix(".good.npz")
    save_arrays(G, good)
    arrays = dict(np.load(good))
    good.unlink()
    path.with_suffix(".ok.json").unlink()
    return arrays


def write_npz(path: Path, arrays: dict[str, Any]) -> Path:
    with path.open("wb") as fh:
        np.savez(fh, **arrays)
    return path


def broken_npz(path: Path, rng: random.Random) -> Path:
    """A compact arrays file of the valid graph with one array dropped, resized or filled with junk."""
    arrays = valid_arrays(path)
    name = rng.choice(sorted(arrays))
    how = rng.choice(["drop", "junk", "shorter", "huge values", "infinities", "wrong type"])
    if how == "drop":
        arrays.pop(name)
    elif how == "junk":
        arrays[name] = np.array([rng.randint(-(10**9), 10**9) for _ in range(rng.randint(0, 6))])
    elif how == "shorter":
        arrays[name] = np.atleast_1d(arrays[name])[:-1]
    elif how in ("huge values", "infinities"):
        arrays[name] = np.full(max(1, np.atleast_1d(arrays[name]).size), 1e30 if how == "huge values" else -np.inf)
    else:
        arrays[name] = np.array(_short_text(rng, 8))
    return write_npz(path, arrays)


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def malformed_graph_files(folder: Path, n: int, seed: int = 0, odd: int = 0) -> list[tuple[str, Path]]:
    """``n`` malformed graph files written in ``folder``, as ``(kind, path)``: the named cases,
    structural ones (deep nesting, truncated or empty JSON, a bare arrays marker, broken
    arrays files), then randomly broken graphs up to ``n`` (fewer than the fixed cases:
    ``n`` of them, spread); the same for the same ``seed``.  Then ``odd`` valid graphs
    with awkward values (:func:`odd_graph`), for the analyses to chew on."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    out: list[tuple[str, Path]] = []
    for name in sorted(NAMED):
        out.append((f"named: {name}", write_json(folder / f"named-{len(out):03d}.json", with_change(NAMED[name][0]))))
    text = json.dumps(valid_graph())
    structural = {
        "100k-deep nesting": '{"directed": true, "graph": {"schema_version": 1}, "nodes": ' + deep(100_000)
        + ', "edges": []}',
        "truncated JSON": text[: len(text) // 2],
        "empty file": "",
        "not JSON": "# a markdown list saved as .json\n- [Chameleon](https://arxiv.org/abs/2405.09818)\n",
        "JSON null": "null",
        "JSON list": "[1, 2, 3]",
    }
    for name, body in structural.items():
        path = folder / f"struct-{len(out):03d}.json"
        path.write_text(body, encoding="utf-8")
        out.append((f"structural: {name}", path))
    bare = folder / f"struct-{len(out):03d}.npz"
    with zipfile.ZipFile(bare, "w") as zf, zf.open("format.npy", "w") as fh:
        np.save(fh, np.array("citegraph-arrays/1"))
    out.append(("structural: bare arrays marker", bare))
    for _ in range(5):
        out.append(("broken arrays", broken_npz(folder / f"npz-{len(out):03d}.npz", rng)))
    if n < len(out):  # a small corpus: kinds spread over the fixed cases
        out = [out[i * len(out) // n] for i in range(n)]
    while len(out) < n:
        out.append(("random break", write_json(folder / f"random-{len(out):03d}.json", random_broken_graph(rng))))
    odd_rng = random.Random(f"odd:{seed}")
    for i in range(odd):
        out.append(("valid, odd values", write_json(folder / f"odd-{i:03d}.json", odd_graph(odd_rng))))
    return out
