"""The rank / related / path / audit commands, end to end on a graph file."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from citegraph.analysis.rank import RANK_COLUMNS
from citegraph.analysis.related import RELATED_COLUMNS
from citegraph.cli import main
from citegraph.graph.model import add_link, add_paper, load_graph, new_graph, save_graph


@pytest.fixture()
def graph_file(tmp_path):
    G = new_graph(unresolved=[{"entry": "title:lost", "title": "Lost", "source": "l.md:9", "reason": "no match"}])
    add_paper(G, "vq", paper_id="vq", title="Neural Discrete Representation Learning", name="VQ-VAE", year=2017,
              citation_count=5000)
    add_paper(G, "cham", paper_id="cham", arxiv="2405.09818", name="Chameleon", year=2024, listed=True,
              title="Chameleon: Mixed-Modal Early-Fusion Foundation Models", references_fetched=2)
    add_paper(G, "anole", paper_id="anole", arxiv="2407.06135", name="ANOLE", year=2024, listed=True,
              title="ANOLE: An Open, Autoregressive, Native Large Multimodal Models", references_fetched=2)
    add_paper(G, "arxiv:2407.06135", arxiv="2407.06135", title="ANOLE", listed=True)
    add_paper(G, "emu3", paper_id="emu3", name="Emu3", year=2024, title="Emu3: Next-Token Prediction is All You Need",
              references_fetched=0, reference_count=40, listed=True)
    add_link(G, "cham", "vq", "cites", is_influential=True)
    add_link(G, "anole", "cham", "builds_on")
    add_link(G, "anole", "vq", "cites")
    add_link(G, "emu3", "vq", "mentions")
    path = tmp_path / "graph.json"
    save_graph(G, path)
    return path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_rank_json_rows(graph_file):
    result = run("rank", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert list(rows[0]) == list(RANK_COLUMNS)
    # by default citations only (the lineage link anole → cham is not one); the mention apart
    assert rows[0]["id"] == "vq" and rows[0]["local_citations"] == 2 and rows[0]["mentioned_by"] == 1
    assert rows[0]["global_citations"] == 5000
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)


def test_rank_csv_by_metric_top_listed_only(graph_file):
    result = run("rank", graph_file, "--by", "listed_citers", "--top", "2", "--listed-only", "--format", "csv",
                 "--kind", "cites", "--kind", "builds_on", "--kind", "mentions")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 2
    assert rows[0]["id"] == "cham" and rows[0]["listed_citers"] == "1"
    assert all(r["id"] != "vq" for r in rows)


def test_rank_table_and_kind(graph_file):
    result = CliRunner().invoke(main, ["rank", str(graph_file), "--kind", "cites", "--by", "local_citations"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    note, header, first = result.output.splitlines()[:3]
    assert note == "Ranked by cites edges (--kind)."
    # name and title first, then the --by measure, the short id last
    assert header.split() == ["name", "title", "year", "local_citations", "pagerank", "mentioned_by", "id"]
    assert first.startswith("VQ-VAE ")
    assert " 2 " in first  # two "cites" edges reach vq; the mention does not count


def test_rank_table_columns_are_chosen_with_columns(graph_file):
    result = run("rank", graph_file, "--columns", "id,pagerank")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split() == ["id", "pagerank"]
    bad = run("rank", graph_file, "--columns", "id,nope")
    assert bad.exit_code == 1 and "unknown column 'nope'" in bad.output and "mentioned_by" in bad.output


def test_related_with_no_answer_says_why(graph_file):
    G = load_graph(graph_file)
    add_paper(G, "alone", title="A Paper Nobody Cites", name="Lonely", year=2020)
    save_graph(G, graph_file)
    result = run("related", graph_file, "Lonely")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("no related papers: Lonely (2020) has no link to any other paper")
    assert json.loads(run("related", graph_file, "Lonely", "--format", "json").output) == []


def test_rank_without_communities(graph_file):
    result = run("rank", graph_file, "--no-communities", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert list(rows[0]) == list(RANK_COLUMNS)  # same columns; community left empty
    assert all(r["community"] is None for r in rows)
    with_communities = json.loads(run("rank", graph_file, "--format", "json").output)
    assert all(isinstance(r["community"], int) for r in with_communities)
    # every other column is the same
    strip = lambda rs: [{k: v for k, v in r.items() if k != "community"} for r in rs]  # noqa: E731
    assert strip(rows) == strip(with_communities)
    result = run("rank", graph_file, "--no-communities", "--by", "community")
    assert result.exit_code == 1 and "community detection" in result.output


def test_rank_errors(graph_file, tmp_path):
    result = run("rank", graph_file, "--by", "fame")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown ranking metric 'fame'; choose one of: pagerank,")
    result = run("rank", tmp_path / "missing.json")
    assert result.exit_code == 1 and "no such graph file" in result.output


def test_related(graph_file):
    result = run("related", graph_file, "Chameleon", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data[0]) == list(RELATED_COLUMNS)
    rows = {r["id"]: r for r in data}
    assert rows["vq"]["relation"] == "prior" and rows["anole"]["relation"] == "derivative"
    # anole and chameleon both cite vq (coupling 1) and anole builds on chameleon (1)
    assert rows["anole"]["coupling"] == 1 and rows["anole"]["score"] == 2
    assert rows["anole"]["name"] == "ANOLE"
    # vq is cited by chameleon and by its similar works anole and emu3 (coupled through vq)
    assert (rows["vq"]["cited_by_related"], rows["vq"]["score"]) == (3, 3)
    result = run("related", graph_file, "Chameleon", "--format", "json", "--pool", "0")
    assert result.exit_code == 0, result.output
    alone = {r["id"]: r for r in json.loads(result.output)}
    assert alone["vq"]["cited_by_related"] == 1  # only chameleon itself votes
    table = run("related", graph_file, "2405.09818", "--top", "1")
    assert table.exit_code == 0 and len(table.output.splitlines()) == 2


def test_path_text_and_json(graph_file):
    result = run("path", graph_file, "VQ-VAE", "anole")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Shortest path (1 link, strength 0.5): VQ-VAE leads to ANOLE"
    # builds_on (0.9) × influential citation (0.7) beats the direct plain citation (0.5)
    assert "Strongest path (2 links, strength 0.63): VQ-VAE leads to ANOLE" in result.output
    result = run("path", graph_file, "VQ-VAE", "anole", "--format", "json")
    data = json.loads(result.output)
    assert [p["id"] for p in data["strongest"]["path"]] == ["anole", "cham", "vq"]


def test_path_ambiguity_is_an_error(graph_file):
    result = run("path", graph_file, "2407.06135", "vq")
    assert result.exit_code == 1
    assert result.output.startswith("Error: '2407.06135' matches 2 papers by arXiv id")
    assert "ANOLE — ANOLE: An Open" in result.output and "[anole]" in result.output
    assert "ANOLE (" not in result.output and "[arxiv:2407.06135]" in result.output
    # best match first: the fuller record (name and title) before the bare one
    assert result.output.index("[anole]") < result.output.index("[arxiv:2407.06135]")
    result = run("path", graph_file, "Transfusion", "vq")
    assert result.exit_code == 1 and "no paper in the graph matches 'Transfusion'" in result.output


def test_audit_reports_and_merges(graph_file, tmp_path):
    result = run("audit", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    problems = {(r["problem"], r["id"]) for r in rows}
    assert ("no_references", "emu3") in problems
    assert ("duplicates", "arxiv:2407.06135") in problems
    assert ("unresolved", None) in problems and ("unresolved", "arxiv:2407.06135") in problems
    assert "1 likely duplicate\n" in result.stderr

    out = tmp_path / "merged.json"
    result = run("audit", graph_file, "--merge", "-o", out)
    assert result.exit_code == 0, result.output
    merged = load_graph(out)
    assert "arxiv:2407.06135" not in merged and merged.graph["merged"][0]["keep"] == "anole"
    assert "arxiv:2407.06135" in load_graph(graph_file)  # the input is untouched with -o
    assert f"merged 1 duplicate into {out}" in result.stderr


def test_audit_output_needs_merge(graph_file, tmp_path):
    result = run("audit", graph_file, "-o", tmp_path / "x.json")
    assert result.exit_code == 2 and "only used with --merge" in result.output


@pytest.mark.parametrize("command", ["rank", "related", "path", "audit"])
def test_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "GRAPH" in result.output


def test_audit_table_opens_with_a_summary_and_lists_by_problem(graph_file):
    result = CliRunner().invoke(main, ["audit", str(graph_file)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    summary, *sections = result.stdout.split("\n\n")
    lines = summary.splitlines()
    assert lines[0].startswith("audit: ") and any("likely duplicate: citegraph audit GRAPH --merge" in l for l in lines)
    assert lines[-1].startswith("To list one kind: --problem KIND")
    assert [s.splitlines()[0] for s in sections] == ["unresolved: all 2", "no_references: all 1", "duplicates: all 1"]
    only = CliRunner().invoke(main, ["audit", str(graph_file), "--problem", "duplicates", "--format", "json"])
    assert [r["problem"] for r in json.loads(only.stdout)] == ["duplicates"]
    first = CliRunner().invoke(main, ["audit", str(graph_file), "--top", "1", "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(first.stdout)))) == 1


def test_python_dash_m_citegraph_is_the_command_line():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "citegraph", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Usage: citegraph" in result.stdout and "rank" in result.stdout
