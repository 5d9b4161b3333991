"""Every table command fits the terminal ($COLUMNS 80 and 120), with Chinese names lined up."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.export.tables import display_width
from citegraph.graph.model import add_link, add_paper, new_graph, save_graph
from tests.paths import FIXTURES

PAPERS = [
    ("通义千问视觉语言模型", "Qwen-VL：一个用于理解、定位、文字识别及其他能力的多功能视觉语言模型", 2023),
    ("Chameleon", "Chameleon: Mixed-Modal Early-Fusion Foundation Models", 2024),
    ("悟道·天鹰", "悟道天鹰：面向中文的双语大语言模型及其在多模态生成任务上的扩展", 2023),
    ("Janus-Pro", "Janus-Pro: Unified Multimodal Understanding and Generation with Data and Model Scaling", 2025),
    ("混元图像生成模型", "混元DiT：一个具有细粒度中文理解能力的强大多分辨率扩散Transformer", 2024),
]


@pytest.fixture()
def cjk_graph(tmp_path):
    unresolved = [{"entry": "title:很长的论文标题", "title": "一个没有在语义学者上找到的很长很长的论文标题",
                   "source": str(tmp_path / "笔记" / "多模态论文阅读笔记与整理.md") + ":123", "reason": "no title match"}]
    G = new_graph(unresolved=unresolved)
    ids = []
    for i, (name, title, year) in enumerate(PAPERS):
        node = f"{i:x}" * 40
        ids.append(node)
        add_paper(G, node, paper_id=node, name=name, title=title, year=year, listed=True, references_fetched=3,
                  reference_count=9, references_unresolved=4)
    for a, b in [(1, 0), (2, 0), (3, 1), (3, 0), (4, 2), (4, 1)]:
        add_link(G, ids[a], ids[b], "cites")
    add_link(G, ids[3], ids[2], "mentions")
    path = tmp_path / "graph.json"
    save_graph(G, path)
    return path


def table_lines(args, columns):
    result = CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def year_columns(lines):
    """Display column at which each line's year (a lone 20xx) starts."""
    found = []
    for line in lines:
        m = re.search(r"(?<=  )20[12]\d(?=  )", line)
        if m:
            found.append(display_width(line[: m.start()]))
    return found


COMMANDS = {
    "papers": lambda graph: ["papers", FIXTURES / "lists" / "titles_zh.md"],
    "rank": lambda graph: ["rank", graph],
    "related": lambda graph: ["related", graph, "Chameleon"],
    "audit": lambda graph: ["audit", graph],
}


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_table_fits_the_terminal_and_lines_up_chinese_names(cjk_graph, command, columns):
    lines = table_lines(COMMANDS[command](cjk_graph), columns)
    assert lines
    too_wide = [line for line in lines if display_width(line) > columns]
    assert not too_wide, f"{command} at {columns} columns: {too_wide[0]!r} is {display_width(too_wide[0])} wide"
    if command != "audit":  # audit's rows have no year; its ids are checked below
        years = year_columns(lines)
        assert len(years) >= 3 and len(set(years)) == 1, years
    assert not any(re.search(r"[0-9a-f]{40}", line) for line in lines), "long ids are shortened"


@pytest.mark.parametrize("columns", [80, 120])
def test_audit_keeps_the_whole_file_and_line_of_an_unresolved_entry(cjk_graph, columns):
    lines = table_lines(["audit", cjk_graph], columns)
    text = "".join(line.strip() for line in lines)
    assert "多模态论文阅读笔记与整理.md:123" in text


def test_a_wider_terminal_shows_more_of_the_titles(cjk_graph):
    narrow = "\n".join(table_lines(["rank", cjk_graph], 80))
    wide = "\n".join(table_lines(["rank", cjk_graph], 120))
    assert "Janus-Pro: Unified Multimodal Under" in wide and "Janus-Pro: Unified Multimodal Under" not in narrow


def test_columns_past_the_width_are_left_out_saying_so(cjk_graph):
    lines = table_lines(["rank", cjk_graph, "--columns", "all"], 80)
    assert all(display_width(line) <= 80 for line in lines)
    note = " ".join(lines[-3:])
    assert "more columns not shown" in note and "mentioned_by" in note and "--columns chooses" in note


@pytest.mark.parametrize("columns", [80, 120])
def test_rank_without_citations_says_so_within_the_width(tmp_path, columns):
    G = new_graph()
    for key, name in [("a", "通义千问"), ("b", "Janus"), ("c", "JanusFlow")]:
        add_paper(G, key, title=f"{name}: a paper", name=name, year=2024, listed=True)
    add_link(G, "b", "a", "mentions")
    add_link(G, "c", "b", "builds_on")
    save_graph(G, tmp_path / "g.json")
    lines = table_lines(["rank", tmp_path / "g.json"], columns)
    assert "no citations were fetched" in " ".join(lines[:3])
    assert all(display_width(line) <= columns for line in lines)


def test_papers_table_shows_places_relative_to_where_it_runs(tmp_path, monkeypatch):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "l.md").write_text(
        "# L\n\n- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = table_lines(["papers", tmp_path / "notes" / "l.md"], 120)
    assert "notes/l.md:3" in lines[1] and str(tmp_path) not in lines[1]
