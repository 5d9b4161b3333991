"""Paper lists kept as JSON: CSL-JSON arrays (Zotero, citation tools) and JSON lines."""

from __future__ import annotations

from citegraph.lists.reader import read_list_text

CSL = """[
  {"id": "lee2024", "type": "paper-conference", "title": "Widget Tokens for Gadget Diffusion",
   "author": [{"family": "Lee", "given": "Ann"}, {"family": "Kim", "given": "Bo"}],
   "issued": {"date-parts": [[2024, 6]]}, "container-title": "CVPR", "URL": "https://arxiv.org/abs/2308.02345"},
  {"id": "wu2023", "title": "Gadget Nets", "DOI": "10.1000/xyz123", "issued": {"date-parts": [[2023]]}},
  {"id": "none", "type": "book"}
]
"""


def test_a_csl_json_array_gives_each_records_paper_at_the_line_it_starts_on() -> None:
    r = read_list_text(CSL, "refs.json")
    assert [(e.arxiv, e.doi, e.title, e.authors, e.year, e.venue, e.sources) for e in r.entries] == [
        ("2308.02345", None, "Widget Tokens for Gadget Diffusion", ["Ann Lee", "Bo Kim"], 2024, "CVPR", ["refs.json:2"]),
        (None, "10.1000/xyz123", "Gadget Nets", [], 2023, None, ["refs.json:5"]),
    ]
    assert [str(w) for w in r.warnings] == ["refs.json:6: record names no paper: no id and no title"]


def test_json_lines_and_a_broken_line() -> None:
    text = (
        '{"title": "Widget Tokens for Gadgets", "url": "https://arxiv.org/abs/2308.02345", "year": 2024}\n'
        '{"title": "Broken", "url": \n'
        '{"arxiv": "2308.02346", "authors": ["Ann Lee", "Bo Kim"]}\n'
    )
    r = read_list_text(text, "papers.jsonl")
    assert [(e.arxiv, e.title, e.year, e.authors) for e in r.entries] == [
        ("2308.02345", "Widget Tokens for Gadgets", 2024, []), ("2308.02346", None, 2023, ["Ann Lee", "Bo Kim"])]
    assert [w.source for w in r.warnings] == ["papers.jsonl:2"]


def test_json_that_stops_parsing_keeps_the_records_before_it() -> None:
    text = '[{"title": "Widget Tokens", "URL": "https://arxiv.org/abs/2308.02345"},\n {"title": oops}]\n'
    r = read_list_text(text, "refs.json")
    assert [e.arxiv for e in r.entries] == ["2308.02345"]
    assert [w.source for w in r.warnings] == ["refs.json:2"]


def test_a_markdown_list_opening_with_a_link_is_no_json() -> None:
    r = read_list_text("[Widget Tokens for Gadgets](https://arxiv.org/abs/2308.02345)\n", "list.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [("2308.02345", "Widget Tokens for Gadgets")]
