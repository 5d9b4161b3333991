"""Spreadsheet lists: CSV and TSV files with a header row, as Zotero, Scopus or a sheet writes them."""

from __future__ import annotations

import io

from citegraph.lists.reader import read_list_text, read_lists

ZOTERO = (
    '"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Url","Abstract Note",'
    '"Extra","Notes","Manual Tags"\n'
    '"AB12","preprint","2024","Lee, Ann; Kim, Bo","Widget Fields for Gadget Rendering, Fast","arXiv",'
    '"10.48550/arXiv.2312.07654","http://arxiv.org/abs/2312.07654","We render\ngadgets.","arXiv:2312.07654 [cs]",'
    '"","Rendering; Fields"\n'
    '"CD34","conferencePaper","2023","Wu, Cy","Gadget Nets","Proceedings of CVPR","10.1109/cvpr.2023.001","","",'
    '"","my note",""\n'
    '"EF56","journalArticle","2022","","","","","","","","",""\n'
    '"GH78","preprint","2024","","Sparse Widgets","arXiv","","","","arXiv: 2401.00002","",""\n'
)


def test_a_zotero_export_gives_ids_titles_authors_years_venues_tags_and_notes() -> None:
    r = read_list_text(ZOTERO, "library.csv")
    got = [(e.arxiv, e.doi, e.title, e.authors, e.year, e.venue, e.tags, e.text, e.sources) for e in r.entries]
    assert got == [
        ("2312.07654", None, "Widget Fields for Gadget Rendering, Fast", ["Ann Lee", "Bo Kim"], 2024, "arXiv",
         ["Rendering", "Fields"], "", ["library.csv:2"]),  # a quoted cell's comma and line break are its own
        (None, "10.1109/cvpr.2023.001", "Gadget Nets", ["Cy Wu"], 2023, "Proceedings of CVPR", [], "my note",
         ["library.csv:4"]),  # the line the row starts on, after a cell of two lines
        ("2401.00002", None, "Sparse Widgets", [], 2024, "arXiv", [], "", ["library.csv:6"]),  # Extra's id
    ]
    assert [str(w) for w in r.warnings] == ["library.csv:5: row names no paper: no id and no title"]


def test_a_tsv_sheet_with_a_paper_column_of_links_and_a_model_column() -> None:
    text = (
        "Model\tPaper\tYear\n"
        "Chameleon\thttps://arxiv.org/abs/2405.09818\t2024\n"
        "Anole\thttps://arxiv.org/abs/2407.0613\t2024\n"
        "Janus\thttps://arxiv.org/abs/2410.13848\n"
    )
    r = read_list_text(text, "sheet.tsv")
    assert [(e.arxiv, e.name, e.year) for e in r.entries] == [("2405.09818", "Chameleon", 2024),
                                                              ("2410.13848", "Janus", 2024)]  # the id's year
    assert [str(w) for w in r.warnings] == [
        "sheet.tsv:3: malformed arXiv link https://arxiv.org/abs/2407.0613",
        "sheet.tsv:3: row names no paper: no id and no title",
        "sheet.tsv:4: row has 2 cells, the header 3: read by position",
    ]


def test_a_csv_is_known_by_its_header_without_its_extension() -> None:
    text = "title,url,year\nWidget Nets for Gadgets,https://arxiv.org/abs/2312.07654,2024\n"
    r = read_lists(["-"], stdin=io.StringIO(text))
    assert [(e.arxiv, e.title, e.year) for e in r.entries] == [("2312.07654", "Widget Nets for Gadgets", 2024)]


def test_notes_whose_first_line_has_commas_are_still_notes() -> None:
    text = (
        "Title, code and notes below\n"
        "- [Widget Nets for Gadgets](https://arxiv.org/abs/2312.07654), a paper\n"
    )
    r = read_list_text(text, "notes.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [("2312.07654", "Widget Nets for Gadgets")]
    md_table = "| Title | Url |\n|---|---|\n| Widget Nets for Gadgets | https://arxiv.org/abs/2312.07654 |\n"
    assert [e.title for e in read_list_text(md_table, "t.csv").entries] == ["Widget Nets for Gadgets"]


def test_a_cell_over_the_csv_modules_limit_ends_the_read_with_a_warning_naming_its_line() -> None:
    text = 'title,url\nA Widget Paper,https://arxiv.org/abs/2312.07655\n"' + "x" * 200_000 + '",https://a.org\n'
    r = read_list_text(text, "big.csv")
    assert [e.arxiv for e in r.entries] == ["2312.07655"]
    assert [str(w) for w in r.warnings] == [
        "big.csv:3: not read past here as CSV: field larger than field limit (131072)"]
