"""``suggest`` finds listed papers taken out of the seed lists (and of a real list with
24 sections) again (the hold-out of ``benchmarks/bench_suggest.py``), in their own section,
better than either signal alone; the command writes its table, files and patch."""

from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from tests.fakes.s2 import World, sample_entries
from tests.paths import ROOT, SHARED


def _bench():
    spec = importlib.util.spec_from_file_location("bench_suggest", ROOT / "benchmarks" / "bench_suggest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check_holdout(result) -> None:
    held = result["held_out"]
    for by in ("evidence", "local_citations", "cocitation"):
        print(f"hold-out {by}: {result[by]['recalled']}/{held} in the top 50, "
              f"{result[by]['right_section']} with the right section")
    big = result["largest_section"]
    print(f"hold-out base rate: the largest of {big['sections']} sections is right for {big['right']}/{held}")
    best = result["evidence"]
    assert held >= 10
    assert best["recalled"] >= held / 2
    assert best["right_section"] > best["recalled"] / 2
    assert best["recalled"] > max(result["local_citations"]["recalled"], result["cocitation"]["recalled"])


def test_held_out_seed_papers_come_back_in_the_top_50_with_their_section(seed_files, tmp_path):
    _check_holdout(_bench().holdout(seed_files, seed=0, cache_dir=tmp_path))


def test_held_out_papers_of_a_list_with_many_sections_come_back_in_their_own(tmp_path):
    # 24 sections, the largest holding 44 of 263 papers: here a right section is not the base rate
    gnn = SHARED / "reallists" / "thunlp__GNNPapers__README.md"
    if not gnn.is_file():
        pytest.skip(f"{gnn} is absent: no real list to hold papers out of")
    result = _bench().holdout([gnn], seed=0, cache_dir=tmp_path)
    _check_holdout(result)
    assert result["evidence"]["right_section"] > 2 * result["largest_section"]["right"]


def test_suggest_command_writes_the_table_files_and_a_patch(make_fake_s2, tmp_path, monkeypatch):
    entries = sample_entries(12)
    lst = tmp_path / "list.md"
    lst.write_text("# Fake\n\n" + "".join(f"- [{e.title}](https://arxiv.org/abs/{e.arxiv})\n" for e in entries[:10]),
                   encoding="utf-8")
    world = World.from_entries(entries, seed=3, listed_refs=3, same_section=1.0)
    server = make_fake_s2(world)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["suggest", str(lst), "--out", str(out), "--api-url", server.url,
                                    "--cache", str(tmp_path / "c.sqlite"), "--min-interval", "0", "--quiet",
                                    "--format", "json", "--top", "5"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 5 and [r["rank"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["score"] >= rows[-1]["score"] and rows[0]["reasons"] and rows[0]["section"] == "Fake"
    assert {p.name for p in out.iterdir()} >= {"suggestions.csv", "suggestions.json", "suggest.patch", "edited"}
    assert "+- [" in (out / "suggest.patch").read_text(encoding="utf-8")
    assert "requests" in res.stderr
    assert list(rows[0]) == _readme_columns("citegraph suggest --format csv|json")
    header = (out / "suggestions.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == _readme_columns("citegraph suggest --format csv|json")

    # offline, the cache alone answers the same, and nothing is asked
    server.reset_log()
    again = CliRunner().invoke(main, ["suggest", str(lst), "--out", str(tmp_path / "out2"), "--offline",
                                      "--cache", str(tmp_path / "c.sqlite"), "--quiet", "--format", "json",
                                      "--top", "5"])
    assert again.exit_code == 0, again.output
    assert server.count() == 0 and json.loads(again.stdout) == rows


def _readme_columns(row: str) -> list[str]:
    """The columns README's machine-readable table documents for ``row`` (its first backticked list)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith(f"| `{row.replace('|', chr(92) + '|')}`"))
    return line.split("|")[3].split("`")[1].split(", ") if "`change`" not in line else []


def test_watch_columns_are_change_then_the_suggest_columns():
    from citegraph.analysis.suggest import SUGGEST_COLUMNS
    from citegraph.analysis.watch import WATCH_COLUMNS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `citegraph watch --format csv\\|json` | `change`, then the columns of `suggest`" in readme
    assert ["change", *SUGGEST_COLUMNS] == WATCH_COLUMNS
    assert _readme_columns("citegraph suggest --format csv|json") == SUGGEST_COLUMNS
