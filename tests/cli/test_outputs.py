"""Outputs never touch inputs: an output that is a list, the cache or another output,
or that is not a regular file, is refused with one Error line before any work;
symlinks are followed (the target is replaced, the link stays); writes are atomic
and errors name the file the user gave."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from tests.factories.cli import run

LIST = "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n"


@pytest.fixture
def listing(tmp_path) -> Path:
    path = tmp_path / "mylist.txt"
    path.write_text(LIST, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error(result, *fragments: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def build(listing, out, server, cache, *more):
    return run("build", listing, "-o", out, "--api-url", server.url, "--cache", cache, "--min-interval", "0",
               "--quiet", *more)


def test_the_cache_as_output_is_refused_before_any_request(listing, server, tmp_path):
    cache = tmp_path / "c.sqlite"
    assert build(listing, tmp_path / "g.json", server, cache).exit_code == 0
    before, requests = digest(cache), server.count()
    one_error(build(listing, cache, server, cache), "is the input --cache", "never writes over its inputs")
    assert digest(cache) == before and server.count() == requests


def test_the_list_as_output_is_refused(listing, server, tmp_path):
    one_error(build(listing, listing, server, tmp_path / "c.sqlite"), f"-o {listing} is the input LIST")
    assert listing.read_text(encoding="utf-8") == LIST and server.count() == 0


def test_a_hard_link_or_a_path_through_dot_dot_is_the_same_file(listing, server, tmp_path):
    linked = tmp_path / "hard.txt"
    os.link(listing, linked)
    one_error(build(listing, linked, server, tmp_path / "c.sqlite"), "is the input LIST")
    dotted = tmp_path / "sub" / ".." / listing.name
    (tmp_path / "sub").mkdir()
    one_error(build(listing, dotted, server, tmp_path / "c.sqlite"), "is the input LIST")
    assert listing.read_text(encoding="utf-8") == LIST


def test_two_outputs_naming_one_file_are_refused(listing, server, tmp_path):
    out = tmp_path / "g.json"
    one_error(build(listing, out, server, tmp_path / "c.sqlite", "--graphml", out),
              f"--graphml {out} and -o {out} are the same file")
    assert not out.exists() and server.count() == 0


def test_a_report_never_writes_over_a_list_in_its_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "lineage.md"
    mine.write_text(LIST, encoding="utf-8")
    one_error(run("report", mine, "--out", out, "--no-fetch"), "--out lineage.md", "is the input LIST")
    assert mine.read_text(encoding="utf-8") == LIST
    assert sorted(p.name for p in out.iterdir()) == ["lineage.md"]


@pytest.mark.parametrize("command", ["html", "export", "lineage"])
def test_a_graph_command_never_writes_over_its_graph(command, tmp_path):
    assert run("demo", "--out", tmp_path / "demo").exit_code == 0
    graph = tmp_path / "demo" / "graph.json"
    before = digest(graph)
    one_error(run(command, graph, "-o", graph), "is the input GRAPH")
    assert digest(graph) == before


def test_a_fifo_is_not_replaced_by_a_file(listing, server, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    one_error(build(listing, fifo, server, tmp_path / "c.sqlite"), "is a FIFO", "writes only regular files")
    assert fifo.is_fifo() and server.count() == 0


def test_a_symlink_output_replaces_its_target_and_stays_a_link(listing, server, tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "graph.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert build(listing, link, server, tmp_path / "c.sqlite").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"nodes"' in target.read_text(encoding="utf-8")
    assert not list(tmp_path.rglob(".cg-*"))  # no temporary file left


def test_a_symlink_to_an_input_is_refused(listing, server, tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(listing)
    one_error(build(listing, link, server, tmp_path / "c.sqlite"), "is the input LIST")
    assert listing.read_text(encoding="utf-8") == LIST


def test_a_legal_245_character_name_is_written(listing, server, tmp_path):
    out = tmp_path / ("g" * 240 + ".json")
    result = build(listing, out, server, tmp_path / "c.sqlite", "--unresolved-csv", tmp_path / "u.csv")
    assert result.exit_code == 0, result.output
    assert out.exists() and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_name_too_long_is_an_error_naming_that_name_not_a_temporary_one(tmp_path):
    assert run("demo", "--out", tmp_path / "demo").exit_code == 0
    out = tmp_path / ("h" * 251 + ".html")  # 256 bytes: over the limit
    line = one_error(run("html", tmp_path / "demo" / "graph.json", "-o", out))
    assert str(out) in line and ".tmp" not in line and ".cg-" not in line


@pytest.mark.parametrize("command", ["suggest", "watch"])
def test_suggest_and_watch_never_write_over_a_list_in_their_folder(command, server, tmp_path):
    out = tmp_path / "out"
    (out / "edited").mkdir(parents=True)
    mine = out / "edited" / "mine.md"
    mine.write_text(LIST, encoding="utf-8")
    result = run(command, mine, "--out", out, "--api-url", server.url, "--cache", tmp_path / "c.sqlite",
                 "--min-interval", "0", "--quiet")
    one_error(result, "--out edited/mine.md", "is the input LIST")
    assert mine.read_text(encoding="utf-8") == LIST and server.count() == 0


def test_a_neighbourhood_never_writes_over_its_list(listing, tmp_path):
    before = digest(listing)
    one_error(run("datasets", "neighbourhood", listing, "--store", tmp_path / "store", "-o", listing),
              "is the input LIST")
    assert digest(listing) == before


def test_a_lineage_file_is_written_whole_in_a_new_folder(tmp_path):
    assert run("demo", "--out", tmp_path / "demo").exit_code == 0
    out, graph = tmp_path / "slides" / "lineage.md", tmp_path / "demo" / "graph.json"
    result = run("lineage", graph, "--format", "md", "-o", out)
    assert result.exit_code == 0, result.output
    shown = run("lineage", graph, "--format", "md").stdout
    assert shown.startswith("# Model lineage") and out.read_text(encoding="utf-8") == shown
    assert [p.name for p in out.parent.iterdir()] == ["lineage.md"]  # no temporary file left
