"""The list patch applies cleanly (patch -p1, git apply) to the original list, changes nothing
else byte for byte, and each added entry reads back in the section it was meant for."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from citegraph.export.listpatch import list_patch, write_list_patch
from citegraph.lists.reader import read_lists
from tests.paths import SHARED

REAL = SHARED / "reallists"
# two real formats: table rows (Awesome-LLM), numbered **Title.** items with indented authors (GNNPapers)
REAL_LISTS = ["Hannibal046__Awesome-LLM__README.md", "thunlp__GNNPapers__README.md"]


def _lists() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    real = [REAL / name for name in REAL_LISTS if (REAL / name).is_file()]
    return seeds + real


def _suggestions(entries, n_sections: int = 3) -> list[dict]:
    sections = []
    for e in entries:
        if len(e.tags) == 1 and e.tags[0] not in sections:
            sections.append(e.tags[0])
    rows = []
    for i, section in enumerate(sections[:n_sections]):
        for j in range(2):  # two in one section: both land, in order
            rows.append({"id": f"s{i}{j}", "title": f"Zeta [{i}{j}] model | with *stars* <b>", "name": None,
                         "arxiv": f"2509.{10000 + 10 * i + j}", "doi": None, "year": 2025,
                         "section": section, "sections": [section]})
    return rows


@pytest.mark.parametrize("name", [p.name for p in _lists()] or ["(no shared lists)"])
def test_patch_applies_to_the_original_list_and_only_adds_lines(name, tmp_path):
    source = next((p for p in _lists() if p.name == name), None)
    if source is None:
        pytest.skip(f"{SHARED} is absent: no seed or real lists to patch")
    work = tmp_path / "repo"
    work.mkdir()
    copy = work / name  # a scratch copy in the test's own folder, so patch has something to edit
    shutil.copyfile(source, copy)
    entries = read_lists([copy]).entries
    rows = _suggestions(entries)
    patch = list_patch(rows, entries, root=work)
    assert patch.files, patch.skipped
    written = write_list_patch(patch, tmp_path / "out")
    diff = written["patch"].read_text(encoding="utf-8")
    # only insertions: every changed line is an added one (the last line may gain its newline)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert all(line.startswith("+") for line in changed) or name.endswith(".txt")

    subprocess.run(["git", "apply", "--check", str(written["patch"])], cwd=work, check=True)
    subprocess.run(["patch", "-p1", "--dry-run", "-i", str(written["patch"])], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["patch", "-p1", "-s", "-i", str(written["patch"])], cwd=work, check=True)
    after = copy.read_bytes()
    assert after == written[f"edited/{name}"].read_bytes()
    original = source.read_bytes()
    # removing the added lines gives the original back, byte for byte
    new_lines = set()
    for line in diff.splitlines(keepends=True):
        if line.startswith("+") and not line.startswith("+++"):
            new_lines.add(line[1:].rstrip("\r\n"))
    kept = [line for line in after.decode("utf-8").splitlines(keepends=True)
            if line.rstrip("\r\n") not in new_lines or not line.strip()]
    assert len(after) > len(original)
    assert _without_blank_runs("".join(kept)) == _without_blank_runs(original.decode("utf-8"))

    # each new entry reads back from the patched list, in the section it was meant for
    reread = {e.arxiv: e for e in read_lists([copy]).entries}
    placed = [r for r in rows if any(a["id"] == r["id"] for f in patch.files for a in f.added)]
    assert placed
    for row in placed:
        entry = reread.get(row["arxiv"])
        assert entry is not None, (row["section"], name)
        assert row["section"] in entry.tags, (entry.tags, row["section"])
        # markdown characters escaped: the title reads back as written (a list that puts the
        # year after the bold title reads it as part of the title, its own entries too)
        assert entry.title.startswith(row["title"])


def _without_blank_runs(text: str) -> str:
    """Text with blank lines dropped (an added entry may bring its blank separator line)."""
    return "".join(line for line in text.splitlines(keepends=True) if line.strip())


def test_a_suggestion_without_a_markdown_section_is_skipped_with_why(tmp_path):
    lst = tmp_path / "refs.bib"
    lst.write_text("@article{a, title={A Paper}, eprint={2401.00001}, archivePrefix={arXiv}}\n", encoding="utf-8")
    entries = read_lists([lst]).entries
    patch = list_patch([{"id": "x", "title": "New", "arxiv": "2501.00001", "section": "Nowhere", "sections": []}],
                       entries, root=tmp_path)
    assert patch.files == [] and patch.skipped[0]["reason"].startswith("no markdown section")


def test_a_spreadsheets_tags_are_no_markdown_section_to_patch(tmp_path):
    lst = tmp_path / "library.csv"
    lst.write_text("Title,Url,Manual Tags\nA Widget Paper,https://arxiv.org/abs/2401.00001,Widgets\n", encoding="utf-8")
    entries = read_lists([lst]).entries
    assert entries[0].tags == ["Widgets"]
    patch = list_patch([{"id": "x", "title": "New", "arxiv": "2501.00001", "section": "Widgets", "sections": []}],
                       entries, root=tmp_path)
    assert patch.files == [] and patch.skipped[0]["reason"].startswith("no markdown section")
    assert lst.read_text(encoding="utf-8").count("\n") == 2


def test_an_org_outlines_headings_are_no_markdown_section_to_patch(tmp_path):
    lst = tmp_path / "reading.org"
    text = "* Widgets\n** Widget Priors for Gadgets\n   :PROPERTIES:\n   :URL: https://arxiv.org/abs/2401.00001\n   :END:\n"
    lst.write_text(text, encoding="utf-8")
    entries = read_lists([lst]).entries
    assert entries[0].tags == ["Widgets / Widget Priors for Gadgets"]
    patch = list_patch([{"id": "x", "title": "New", "arxiv": "2501.00001", "section": "Widgets", "sections": []}],
                       entries, root=tmp_path)
    assert patch.files == [] and patch.skipped[0]["reason"].startswith("no markdown section")
    assert lst.read_text(encoding="utf-8") == text


def test_a_file_without_final_newline_keeps_it_missing_and_the_patch_applies(tmp_path):
    lst = tmp_path / "list.md"
    original = "# Vision\n\n- [Alpha: a model](https://arxiv.org/abs/2401.00001)"
    lst.write_bytes(original.encode())
    entries = read_lists([lst]).entries
    patch = list_patch([{"id": "x", "title": "Beta: another", "arxiv": "2501.00002", "year": 2025,
                         "section": "Vision", "sections": ["Vision"]}], entries, root=tmp_path)
    edited = patch.files[0].edited
    assert edited == original + "\n- [Beta: another](https://arxiv.org/abs/2501.00002)"
    written = write_list_patch(patch, tmp_path / "out")
    subprocess.run(["patch", "-p1", "-s", "-i", str(written["patch"])], cwd=tmp_path, check=True)
    assert lst.read_text(encoding="utf-8") == edited


def test_numbered_items_go_on_from_the_last_number_of_the_section(tmp_path):
    lst = tmp_path / "list.md"
    lst.write_text("# Models\n\n1. [Alpha: one](https://arxiv.org/abs/2401.00001)\n"
                   "2. [Beta: two](https://arxiv.org/abs/2401.00002)\n3. A blog post, not a paper\n\n# Other\n",
                   encoding="utf-8")
    rows = [{"id": f"n{i}", "title": f"New {i}: model", "arxiv": f"2501.0000{i}", "year": 2025,
             "section": "Models", "sections": ["Models"]} for i in (1, 2)]
    patch = list_patch(rows, read_lists([lst]).entries, root=tmp_path)
    assert patch.files[0].edited.splitlines()[5:7] == [
        "4. [New 1: model](https://arxiv.org/abs/2501.00001)", "5. [New 2: model](https://arxiv.org/abs/2501.00002)"]


def test_a_list_no_longer_utf8_is_skipped_with_why(tmp_path):
    lst = tmp_path / "list.md"
    text = "# Modèles\n\n- [Alpha: un](https://arxiv.org/abs/2401.00001)\n"
    lst.write_text(text, encoding="utf-8")
    entries = read_lists([lst]).entries
    lst.write_bytes(text.encode("latin-1"))  # re-saved in another encoding since it was read
    section = entries[0].tags[0]
    patch = list_patch([{"id": "x", "title": "New", "arxiv": "2501.00001", "section": section,
                         "sections": [section]}], entries, root=tmp_path)
    assert patch.files == [] and patch.skipped[0]["reason"].startswith(f"cannot edit {lst}")


def test_rows_from_a_frame_with_missing_ids_link_the_semantic_scholar_page(tmp_path):
    import pandas as pd

    lst = tmp_path / "list.md"
    lst.write_text("# Models\n\n- [Alpha: one](https://arxiv.org/abs/2401.00001)\n", encoding="utf-8")
    frame = pd.DataFrame([{"id": "a" * 40, "title": "Gamma: three", "arxiv": None, "doi": None, "year": None,
                           "section": "Models", "sections": ["Models"]},
                          {"id": "b" * 40, "title": "Delta: four", "arxiv": "2502.00001", "doi": None, "year": 2025,
                           "section": "Models", "sections": ["Models"]}])
    patch = list_patch(frame.to_dict("records"), read_lists([lst]).entries, root=tmp_path)
    assert patch.files[0].edited.splitlines()[3:] == [
        f"- [Gamma: three](https://www.semanticscholar.org/paper/{'a' * 40})",
        "- [Delta: four](https://arxiv.org/abs/2502.00001)"]


def test_a_list_outside_root_gets_paths_from_the_file_system_root(tmp_path):
    lst = tmp_path / "lists" / "list.md"
    lst.parent.mkdir()
    lst.write_text("# Models\n\n- [Alpha: one](https://arxiv.org/abs/2401.00001)\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rows = [{"id": "x", "title": "Beta: two", "arxiv": "2501.00001", "section": "Models", "sections": ["Models"]}]
    patch = list_patch(rows, read_lists([lst]).entries, root=elsewhere)
    assert patch.apply_from == Path("/")
    assert f"+++ b/{lst.resolve().as_posix().lstrip('/')}" in patch.diff
    subprocess.run(["git", "apply", "--check", "-"], input=patch.diff.encode(), cwd="/", check=True)
