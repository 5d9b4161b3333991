"""CSV cells a spreadsheet would run as formulas are written as text, in every CSV citegraph writes."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from citegraph.export.tables import FORMULA_STARTS, write_frame

HOSTILE = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def _csv_cells(frame: pd.DataFrame) -> list[list[str]]:
    out = io.StringIO()
    write_frame(frame, "csv", out)
    return list(csv.reader(io.StringIO(out.getvalue())))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_starting_like_a_formula_is_written_as_text(text: str) -> None:
    header, row = _csv_cells(pd.DataFrame({"title": [text], "tags": [[text, "B"]]}))
    text = text.replace("\r", "\n")  # a bare carriage return would split the row
    assert row == ["'" + text, "'" + text + "; B"]


def test_numbers_and_ordinary_text_are_unchanged() -> None:
    frame = pd.DataFrame({"score": [-1.5, 2.0], "year": pd.array([-300, 2024], dtype="Int64"),
                          "title": ["Janus", "a - b"]})
    assert _csv_cells(frame)[1:] == [["-1.5", "-300", "Janus"], ["2", "2024", "a - b"]]  # floats as %.6g


def test_json_keeps_the_text_as_given() -> None:
    out = io.StringIO()
    write_frame(pd.DataFrame({"title": HOSTILE}), "json", out)
    assert [r["title"] for r in pd.read_json(io.StringIO(out.getvalue())).to_dict("records")] == HOSTILE


def test_every_csv_of_a_report_escapes_formulas(tmp_path) -> None:
    from citegraph.reporting import report

    listing = tmp_path / "l.md"
    listing.write_text(
        '- [=HYPERLINK("http://evil","x")](https://arxiv.org/abs/2405.09818) =1+1 notes\n'
        "- [@SUM(1+1) Anole](https://arxiv.org/abs/2407.06135) builds on =HYPERLINK\n"
        "- [+cmd|calc](https://arxiv.org/abs/2410.13848)\n", encoding="utf-8")
    result = report([listing], tmp_path / "out", fetch=False)
    checked = 0
    for name, path in result.files.items():
        if name.endswith(".csv"):
            for row in csv.reader(path.open(encoding="utf-8", newline="")):
                for cell in row:
                    checked += 1
                    assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), (name, cell)
    assert checked > 0
    assert "'=HYPERLINK" in (tmp_path / "out" / "papers.csv").read_text(encoding="utf-8")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_a_place_too_wide_for_its_column_keeps_its_file_name_and_line() -> None:
    from citegraph.export.tables import display_width, format_table

    frame = pd.DataFrame({
        "title": ["Widget Networks for Gadget Sorting at Scale"] * 2,
        "sources": ["../../shared/reallists/owner__awesome-widgets__README.md:15",
                    "../../shared/reallists/owner__awesome-widgets__README.md:1203"],
    })
    lines = format_table(frame, width=50).splitlines()
    assert all(display_width(line) <= 50 for line in lines)
    assert lines[1].endswith("README.md:15") and lines[2].endswith("README.md:1203")
    assert "…" in lines[1]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_rows_written_one_at_a_time_read_as_the_frame_of_them(fmt: str) -> None:
    from citegraph.export.tables import write_records

    columns = ["id", "title", "year", "tags", "note"]
    rows = [
        {"id": "a", "title": "=HYPERLINK(\"x\")", "year": 2024, "tags": ["多模态", "x, y"], "note": "line\r\nbreak"},
        {"id": "b", "title": "", "year": None, "tags": [], "note": 'say "hi", then go'},
        {"id": "c", "title": "-1 is a title", "year": 1999, "tags": ["@home"], "note": None},
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    want, got = io.StringIO(), io.StringIO()
    write_frame(frame, fmt, want)
    write_records(iter(rows), fmt, got, columns)
    assert got.getvalue() == want.getvalue()


def test_no_rows_written_one_at_a_time_is_an_empty_list_or_a_header() -> None:
    from citegraph.export.tables import write_records

    out = io.StringIO()
    write_records(iter([]), "json", out, ["id"])
    write_records(iter([]), "csv", out, ["id"])
    assert out.getvalue() == "[]\nid\n"
