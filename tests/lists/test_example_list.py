"""The example list shipped for ``citegraph demo`` reads cleanly with the list reader.

The file is the project's own (``citegraph/examples/unified-multimodal.md``); these
tests hold it to the shape the issue asks for: 40-60 distinct arXiv papers, each
with a title and a section, read without a single warning.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from tests.paths import ROOT
EXAMPLE = Path(str(files("citegraph").joinpath("examples", "unified-multimodal.md")))

# One bullet per paper: - **Title** ([arXiv:ID](https://arxiv.org/abs/ID)), YEAR. Note
BULLET = re.compile(
    r"^- \*\*(?P<title>.+?)\*\* \(\[arXiv:(?P<shown>[^\]]+)\]\(https://arxiv\.org/abs/(?P<linked>[^)]+)\)\), "
    r"(?P<year>\d{4})\. (?P<note>\S.*)$",
    re.M,
)
HEADING = re.compile(r"^#{2,4} (.+?)\s*$", re.M)
NEW_ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}$")


@pytest.fixture(scope="module")
def source() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def read():
    lists = pytest.importorskip("citegraph.lists.reader", reason="citegraph.lists.reader is not written yet")
    return lists.read_lists([EXAMPLE])


def test_every_bullet_is_well_formed(source: str) -> None:
    bullets = [line for line in source.splitlines() if line.startswith("- ")]
    matched = BULLET.findall(source)
    assert len(matched) == len(bullets), "a bullet does not follow the entry format"
    for title, shown, linked, year, note in matched:
        assert shown == linked, f"{title}: shown id {shown} differs from link {linked}"
        assert NEW_ARXIV_ID.match(shown), shown
        # Years are those of the first arXiv version, which the new-style id encodes.
        assert int(year) == 2000 + int(shown[:2]), f"{title}: year {year} vs id {shown}"
        assert len(note) > 40, f"{title}: note too short"


def test_between_40_and_60_distinct_papers(read, source: str) -> None:
    ids = [e.arxiv for e in read.entries]
    assert 40 <= len(read.entries) <= 60
    assert len(set(ids)) == len(ids), "an arXiv id is listed twice"
    assert set(ids) == {m.group("shown") for m in BULLET.finditer(source)}


def test_every_entry_has_arxiv_id_title_and_section(read, source: str) -> None:
    headings = HEADING.findall(source)
    for e in read.entries:
        assert e.arxiv and NEW_ARXIV_ID.match(e.arxiv), e
        assert e.title and e.title.strip(), e
        assert e.tags, f"{e.arxiv} has no section tag"
        assert any(h in tag for tag in e.tags for h in headings), f"{e.arxiv}: tags {e.tags} name no section"


def test_reads_without_warnings(read) -> None:
    assert list(read.warnings) == []


def test_each_entry_keeps_its_own_note_and_only_its_own(read, source: str) -> None:
    # Lineage is mined from an entry's text: a neighbour's "builds on X" must not leak in.
    notes = {m.group("shown"): m.group("note") for m in BULLET.finditer(source)}
    for e in read.entries:
        assert notes[e.arxiv][:60] in e.text, f"{e.arxiv}: its note is missing from the entry text"
        leaked = [other for other, note in notes.items() if other != e.arxiv and note[:60] in e.text]
        assert not leaked, f"{e.arxiv}: text also holds the notes of {leaked}"


def test_lineage_statements_stay_with_their_paper(read) -> None:
    by_id = {e.arxiv: e for e in read.entries}
    anole = by_id["2407.06135"]
    assert anole.title.startswith("ANOLE")
    assert "fine-tuned from Chameleon" in anole.text
    assert any("Early fusion" in tag for tag in anole.tags)
    assert "extends Janus" in by_id["2411.07975"].text
    assert "extends Janus" not in by_id["2501.17811"].text


def test_top_level_examples_points_at_the_package_copy() -> None:
    link = ROOT / "examples"
    if not link.exists():
        pytest.skip("no top-level examples/ in this checkout")
    assert (link / "unified-multimodal.md").resolve() == EXAMPLE.resolve()
