"""A paper note's YAML front matter names its paper (Obsidian, Zotero integrations)."""

from __future__ import annotations

from citegraph.lists.reader import read_list_text

NOTE = (
    "---\n"
    'title: "Widget Tokens for Gadget Diffusion"\n'
    "authors: [Ann Lee, Bo Kim]\n"
    "year: 2024\n"
    "url: https://arxiv.org/abs/2308.02345\n"
    "tags: [diffusion, tokens]\n"
    "---\n"
    "It scales gadget diffusion with widget tokens, as [GadgetNet](https://arxiv.org/abs/2301.00001) did not.\n"
)


def test_a_paper_notes_front_matter_is_its_paper_and_the_note_its_text() -> None:
    r = read_list_text(NOTE, "note.md")
    a, b = r.entries
    assert (a.arxiv, a.title, a.authors, a.year, a.tags, a.sources) == (
        "2308.02345", "Widget Tokens for Gadget Diffusion", ["Ann Lee", "Bo Kim"], 2024, ["diffusion", "tokens"],
        ["note.md:1"])
    assert "scales gadget diffusion" in a.text
    assert (b.arxiv, b.name) == ("2301.00001", "GadgetNet")  # a paper the note cites is one of its own


def test_front_matter_naming_no_paper_is_skipped_and_bad_yaml_is_a_warning() -> None:
    blog = "---\ntitle: My reading list\ndate: 2024-01-01\n---\n- [Widget Nets](https://arxiv.org/abs/2301.00001)\n"
    assert [(e.arxiv, e.title) for e in read_list_text(blog, "post.md").entries] == [("2301.00001", "Widget Nets")]
    bad = "---\ntitle: [unclosed\nurl: https://arxiv.org/abs/2308.02345\n---\n- https://arxiv.org/abs/2301.00001\n"
    r = read_list_text(bad, "bad.md")
    assert [e.arxiv for e in r.entries] == ["2301.00001"]
    assert [w.message.split(" (")[0] for w in r.warnings] == ["front matter is not YAML"]
    assert r.warnings[0].source.startswith("bad.md:")
