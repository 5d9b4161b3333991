"""Lineage pictures: the SVG parses and names every lineage paper as text; the
Mermaid flowchart passes a strict grammar check of the subset it emits, with
hostile names kept as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.export.lineage_chart import lineage_chart
from citegraph.graph.model import add_link, add_paper, new_graph, save_graph
from citegraph.text.wording import one_line

SVG = "{http://www.w3.org/2000/svg}"


def _link(parent: tuple[str, str, int], child: tuple[str, str, int], family: str | None = None, **extra) -> dict:
    def paper(p: tuple[str, str, int]) -> dict:
        return {"id": p[0], "name": p[1], "year": p[2], "title": p[1] + ": a model", "arxiv": None}

    return {"parent": paper(parent), "child": paper(child), "confidence": 0.9, "evidence": [], "family": family, **extra}


LINKS = [
    _link(("a", "Janus", 2024), ("b", "JanusFlow", 2024), "Janus", lineage_kind="derived"),
    _link(("a", "Janus", 2024), ("c", "Janus-Pro", 2025), "Janus", lineage_kind="version"),
    _link(("d", "Emu", 2023), ("e", "Emu2", 2023), "Emu"),
    _link(("f", "CLIP", 2021), ("g", 'A "quoted" <b>name</b> & #1', 2024)),
    _link(("h", "VQ-VAE", 2017), ("i", "VQGAN", 2021)),
]

# The subset of Mermaid's flowchart grammar the writer emits, line by line.
_LABEL = r'"[^"<>&`]*"'
_GRAMMAR = [
    re.compile(r"flowchart LR"),
    re.compile(rf"  subgraph f\d+\[{_LABEL}\]"),
    re.compile(rf" {{2,4}}p\d+\[{_LABEL}\]"),
    re.compile(r"  end"),
    re.compile(r"  p\d+ -->(\|(version|derived)\|)? p\d+"),
]


def check_mermaid(text: str) -> None:
    """Every line is one of the grammar's forms, subgraphs are closed, every node used is declared once."""
    depth, declared, used = 0, [], set()
    for n, line in enumerate(text.splitlines(), 1):
        assert any(g.fullmatch(line) for g in _GRAMMAR), f"line {n} is not in the grammar: {line!r}"
        assert (n == 1) == (line == "flowchart LR")
        depth += line.startswith("  subgraph") - (line == "  end")
        assert depth in (0, 1), f"line {n}: subgraphs unbalanced"
        declared += re.findall(r"(p\d+)\[", line)
        if "-->" in line:
            used.update(re.findall(r"p\d+", line))
    assert depth == 0 and len(declared) == len(set(declared)) and used <= set(declared)


def test_mermaid_passes_the_grammar_and_keeps_names_as_text():
    text = lineage_chart(LINKS, "mermaid")
    check_mermaid(text)
    assert "p0 -->" in text or "-->" in text
    assert "-->|derived|" in text and "-->|version|" in text
    assert "#34;quoted#34; #60;b#62;name#60;/b#62; #38; #35;1" in text  # markup and quotes as entity codes
    assert text.count("subgraph") == 2  # Janus, Emu


def test_mermaid_draws_parent_to_child_in_time_order():
    text = lineage_chart(LINKS, "mermaid")
    key = {m.group(2).split(" (")[0]: m.group(1) for m in re.finditer(r'(p\d+)\["([^"]*)"\]', text)}
    assert f"{key['Janus']} -->|version| {key['Janus-Pro']}" in text
    assert f"{key['VQ-VAE']} --> {key['VQGAN']}" in text


def test_svg_parses_and_names_every_lineage_paper_as_text():
    text = lineage_chart(LINKS, "svg")
    root = ET.fromstring(text.split("?>", 1)[1])
    texts = [one_line("".join(t.itertext()), 100) for t in root.iter(SVG + "text")]
    names = {p["name"] for link in LINKS for p in (link["parent"], link["child"])}
    assert names <= set(texts)
    assert {"2017", "2021", "2023", "2024", "2025"} <= set(texts)  # the time axis
    assert "<b>" not in text  # the hostile name is escaped text


def test_svg_boxes_do_not_overlap_and_read_left_to_right():
    root = ET.fromstring(lineage_chart(LINKS, "svg").split("?>", 1)[1])
    boxes = [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
             for r in root.iter(SVG + "rect") if r.get("rx")]
    assert len(boxes) == 9
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
    at = {"".join(t.itertext()): float(t.get("x")) for t in root.iter(SVG + "text")}
    assert at["Janus"] < at["JanusFlow"] < at["Janus-Pro"] and at["Emu"] < at["Emu2"]


def test_lineage_command_writes_mermaid_and_svg(tmp_path):
    G = new_graph()
    _ = add_paper(G, "a", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", arxiv="2405.09818", year=2024, listed=True)
    _ = add_paper(G, "b", title="Anole: An Open, Autoregressive, Native Multimodal Model", arxiv="2407.06135", year=2024,
                  listed=True, text="We build Anole on top of Chameleon.")
    add_link(G, "b", "a", "cites")
    graph = tmp_path / "g.json"
    save_graph(G, graph)
    out = CliRunner().invoke(main, ["lineage", str(graph), "--format", "mermaid"])
    assert out.exit_code == 0, out.output
    check_mermaid(out.output.strip())
    assert "Chameleon (2024)" in out.output and "Anole (2024)" in out.output
    svg = tmp_path / "pics" / "lineage.svg"
    out = CliRunner().invoke(main, ["lineage", str(graph), "--format", "svg", "-o", str(svg)])
    assert out.exit_code == 0, out.output
    root = ET.fromstring(svg.read_text(encoding="utf-8").split("?>", 1)[1])
    assert {"Chameleon", "Anole"} <= {"".join(t.itertext()) for t in root.iter(SVG + "text")}


def test_an_unknown_format_is_a_usage_error():
    from citegraph.errors import UsageError

    with pytest.raises(UsageError, match="mermaid, svg"):
        lineage_chart(LINKS, "png")
