"""Paper lists kept as RIS records (Zotero's, Mendeley's, EndNote's export)."""

from __future__ import annotations

from pathlib import Path

from citegraph.lists.reader import read_list_text, read_lists

RIS = """TY  - CONF
TI  - Widget Tokens for Gadget
  Diffusion
AU  - Lee, Ann
AU  - Kim, Bo
PY  - 2024/06/17
T2  - CVPR
KW  - diffusion
KW  - widgets
UR  - https://arxiv.org/abs/2308.02345
ER  -

TY  - JOUR
T1  - Gadget Nets
A1  - Wu, Cy
Y1  - 2023
JO  - Journal of Gadgets
DO  - 10.1000/xyz123
ER  -

TY  - BOOK
PB  - Widget Press
ER  -
"""


def test_each_ris_record_is_a_paper_at_the_line_it_starts_on() -> None:
    r = read_list_text(RIS, "refs.ris")
    assert [(e.arxiv, e.doi, e.title, e.authors, e.year, e.venue, e.sources) for e in r.entries] == [
        ("2308.02345", None, "Widget Tokens for Gadget Diffusion", ["Ann Lee", "Bo Kim"], 2024, "CVPR", ["refs.ris:1"]),
        (None, "10.1000/xyz123", "Gadget Nets", ["Cy Wu"], 2023, "Journal of Gadgets", ["refs.ris:13"]),
    ]
    assert r.entries[0].tags == ["diffusion", "widgets"]
    assert [str(w) for w in r.warnings] == ["refs.ris:21: RIS record names no paper: no id and no title"]


def test_a_tag_outside_a_record_and_a_last_record_without_its_end_line() -> None:
    text = "TY  - GEN\nTI  - Widget Tokens\nUR  - https://arxiv.org/abs/2308.02345\nER  - \nAU  - Lost, Author\n" \
           "TY  - GEN\nTI  - Gadget Nets\n"
    r = read_list_text(text, "refs.ris")
    assert [(e.arxiv, e.title) for e in r.entries] == [("2308.02345", "Widget Tokens"), (None, "Gadget Nets")]
    assert [str(w) for w in r.warnings] == ["refs.ris:5: RIS tag AU outside a record (no TY line above)"]


def test_ris_is_known_by_its_content_whatever_the_files_name(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("\ufeffTY  - CONF\nTI  - Widget Tokens\nUR  - https://arxiv.org/abs/2308.02345\nER  -\n")
    assert [(e.arxiv, e.title) for e in read_lists([path]).entries] == [("2308.02345", "Widget Tokens")]


def test_markdown_that_mentions_a_ty_tag_later_is_still_markdown() -> None:
    r = read_list_text("# Notes\nTY  - JOUR\n- [Widget Tokens](https://arxiv.org/abs/2308.02345)\n", "notes.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [("2308.02345", "Widget Tokens")]
