"""A bad entry or a bad file never stops ``papers``, ``build`` or ``report``: a warning names it, the rest is read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from citegraph.cli import main
from citegraph.lists.reader import read_lists
from tests.fakes.s2 import World

BIB = (
    "@article{bad,\n  title = {???},\n  year = {2020}\n}\n"
    "@article{emoji,\n  title = {{🙂🚀}},\n  year = {2021}\n}\n"
    "@article{good,\n  title = {Widget Networks for Gadgets},\n  eprint = {2405.09818},\n  archivePrefix = {arXiv}\n}\n"
)


def _lists(tmp_path: Path) -> list[str]:
    bib = tmp_path / "survey.bib"
    bib.write_text(BIB, encoding="utf-8")
    png = tmp_path / "figure.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return [str(bib), str(png)]


def test_papers_warns_and_reads_the_rest(tmp_path: Path) -> None:
    bib, png = _lists(tmp_path)
    res = CliRunner().invoke(main, ["papers", bib, png, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].startswith("arxiv:2405.09818,2405.09818")
    assert f"Warning: {bib}:1: entry with no id and the title '???'" in res.stderr
    assert f"Warning: {bib}:5: entry with no id" in res.stderr
    assert f"Warning: {png}:1: paper list {png} is binary" in res.stderr


def test_report_without_fetching_warns_and_reads_the_rest(tmp_path: Path) -> None:
    bib, png = _lists(tmp_path)
    res = CliRunner().invoke(main, ["report", bib, png, "--out", str(tmp_path / "out"), "--no-fetch", "--quiet"])
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output and (tmp_path / "out" / "papers.csv").exists()
    assert "2405.09818" in (tmp_path / "out" / "papers.csv").read_text(encoding="utf-8")


def test_build_reads_the_good_entries(tmp_path: Path, make_fake_s2) -> None:
    bib, png = _lists(tmp_path)
    server = make_fake_s2(World.from_entries(read_lists([bib]).entries, seed=3))
    res = CliRunner().invoke(main, ["build", bib, png, "-o", str(tmp_path / "g.json"), "--cache",
                                    str(tmp_path / "c.sqlite"), "--api-url", server.url, "--min-interval", "0",
                                    "--quiet"], env={"S2_API_KEY": "k"})
    assert res.exit_code == 0, res.output
    assert f"{bib}:1: entry with no id" in res.output and f"paper list {png} is binary" in res.output
    assert (tmp_path / "g.json").exists()
