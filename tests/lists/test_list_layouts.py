"""Entries read by their structure, on small made-up lists in the layouts people keep.

Each input imitates one layout (a backslash block, a numbered bold item, a
piped item, a weekly table, bold titles over bullets, an HTML card, ...):
the title, name, authors, venue and year must be the entry's own, and never
the neighbouring paper's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citegraph.errors import InputError
from citegraph.lists.reader import read_list_text, read_lists
from citegraph.text.ids import paper_ids_in_url


def by_arxiv(text: str, name: str = "list.md"):
    r = read_list_text(text, name)
    return {e.arxiv: e for e in r.entries if e.arxiv}, r


def only_paper(text: str):
    """The one paper (2309.01111) a list naming it alone gives, read without a warning."""
    papers, r = by_arxiv(text)
    assert len(r.entries) == 1 and r.warnings == []
    return papers["2309.01111"]


def test_backslash_blocks_give_title_authors_venue_and_year() -> None:
    text = (
        "## Papers\n\n"
        "**Denoising Widgets for Sparse Gadgets** \\\n"
        "*Ada Lovelace, Alan Turing* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2310.11111)] [[Github](https://github.com/a/widgets)] \\\n"
        "26 Oct 2023\n\n"
        "**Score Matching on Toy Manifolds** \\\n"
        "*Grace Hopper* \\\n"
        "NeurIPS 2022. [[Paper](https://arxiv.org/abs/2210.22222)] \\\n"
        "3 Oct 2022\n"
    )
    papers, r = by_arxiv(text)
    a, b = papers["2310.11111"], papers["2210.22222"]
    assert (a.title, a.authors, a.venue, a.year) == (
        "Denoising Widgets for Sparse Gadgets", ["Ada Lovelace", "Alan Turing"], "arXiv", 2023)
    assert (b.title, b.authors, b.venue, b.year) == ("Score Matching on Toy Manifolds", ["Grace Hopper"], "NeurIPS", 2022)
    assert a.repos == ["github.com/a/widgets"] and r.warnings == []


def test_numbered_bold_items_keep_the_venue_out_of_the_title() -> None:
    text = (
        "1. **Gated Graph Widgets for Node Sorting.** KDD 2019. [paper](https://arxiv.org/pdf/1906.01234.pdf)\n\n"
        "    *Jun Wu, Ann Lee.*\n\n"
        "1. **Relational Biases in Toy Networks.** arxiv 2018. [paper](https://arxiv.org/abs/1806.05678)\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["1906.01234"].title == "Gated Graph Widgets for Node Sorting"
    assert (papers["1906.01234"].venue, papers["1906.01234"].year) == ("KDD", 2019)
    assert papers["1806.05678"].title == "Relational Biases in Toy Networks"


def test_a_piped_item_is_read_as_cells() -> None:
    text = (
        "- **2016-03** | Deep Widgets in Bioinformatics | *Ann Min, Bo Lee* | [Arxiv](http://arxiv.org/abs/1603.06430)\n"
        "- **2017-01** | Gadget Folding With Nets | *Cy Park* | [Nature](https://doi.org/10.1038/nature0001)\n"
    )
    r = read_list_text(text, "bio.md")
    a, b = r.entries
    assert (a.arxiv, a.title, a.authors, a.year) == (
        "1603.06430", "Deep Widgets in Bioinformatics", ["Ann Min", "Bo Lee"], 2016)
    assert (b.doi, b.title, b.year) == ("10.1038/nature0001", "Gadget Folding With Nets", 2017)


def test_a_piped_items_journal_link_names_its_venue_even_when_it_reads_like_a_title() -> None:
    text = (
        "- **2014-11** | Pairwise Widget Networks for Gadget Prediction | *Ann Min, Bo Lee, & Cy Park* | "
        "[2014 IEEE International Conference on Widgets and Gadgets (WG)](https://doi.org/10.1109/WG.2014.1)\n"
        "- **2015-01** | Folding Gadgets With Deep Nets | *Di Wu, Ed Ng, and Flo Ma* | "
        "[Nature Widget Reports](https://doi.org/10.1038/nwr.2)\n"
    )
    a, b = read_list_text(text, "bio.md").entries
    assert (a.doi, a.title, a.venue) == (
        "10.1109/wg.2014.1", "Pairwise Widget Networks for Gadget Prediction",
        "2014 IEEE International Conference on Widgets and Gadgets (WG)")
    assert a.authors == ["Ann Min", "Bo Lee", "Cy Park"]  # ", &" and ", and" join the last name
    assert (b.title, b.venue, b.authors) == ("Folding Gadgets With Deep Nets", "Nature Widget Reports", ["Di Wu", "Ed Ng", "Flo Ma"])
    assert a.text == b.text == ""


def test_a_piped_items_venue_is_its_paper_links_text_not_a_code_cells() -> None:
    text = (
        "- **2015-10** | Widget Code Learning | *Ann Min* | [Biorxiv](https://doi.org/10.1101/028399) | "
        "[code](https://github.com/a/widgets)\n"
        "- **2015-08** | GadgetSEA: Predicting Gadgets | *Bo Lee* | [Nature Methods: Short intro]"
        "(https://doi.org/10.1038/nmeth.1) & [Nature Methods](https://doi.org/10.1038/nmeth.2)\n"
    )
    a, intro, paper = read_list_text(text, "bio.md").entries
    assert (a.title, a.venue, a.repos) == ("Widget Code Learning", "Biorxiv", ["github.com/a/widgets"])
    # two links in the row's last cell: the row describes both, each in the venue its text names
    assert [(e.doi, e.title, e.venue, e.authors) for e in (intro, paper)] == [
        ("10.1038/nmeth.1", "GadgetSEA: Predicting Gadgets", "Nature Methods: Short intro", ["Bo Lee"]),
        ("10.1038/nmeth.2", "GadgetSEA: Predicting Gadgets", "Nature Methods", ["Bo Lee"]),
    ]


def test_a_piped_item_without_an_id_is_a_paper_of_its_own_not_a_note_of_the_one_above() -> None:
    text = (
        "- **2014-10** | Widget Annotation With Deep Nets | *Ann Min* | [Bioinformatics](https://doi.org/10.1093/bio/1)\n"
        "- **2014-12** | Deep Gadgets as an Opportunity | *Bo Lee, Cy Park* | "
        "[Proceedings of the Gadget Workshop](http://example.org/gadgets.pdf).\n"
    )
    a, b = read_list_text(text, "bio.md").entries
    assert (a.title, a.text) == ("Widget Annotation With Deep Nets", "")
    assert (b.doi, b.arxiv, b.title, b.year, b.authors, b.venue) == (
        None, None, "Deep Gadgets as an Opportunity", 2014, ["Bo Lee", "Cy Park"], "Proceedings of the Gadget Workshop")
    assert b.sources == ["bio.md:2"]


def test_weekly_table_titles_stop_at_the_bold_or_the_break() -> None:
    text = (
        "| **Paper** | **Links** |\n"
        "| --- | --- |\n"
        "| 1) **WidgetNet** - a network of widgets that sorts gadgets quickly | [Paper](https://arxiv.org/abs/2401.01111), [Tweet](https://x.com/a/status/1) |\n"
        "| 2) Sparse Gadget Search  This paper introduces a search over gadgets. | [Paper](https://arxiv.org/abs/2401.02222) |\n"
        "| 3) A Blog-only Result  Described in a company blog. | [Paper](https://example.com/blog.pdf) |\n"
        "| 4) MEM1  Memory for agents. | [Paper](https://arxiv.org/abs/2401.03333) |\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2401.01111"].title == "WidgetNet"
    assert papers["2401.02222"].title == "Sparse Gadget Search"
    # the row above has no paper id: its title is never given to this row's paper
    assert papers["2401.03333"].title == "MEM1"


def test_a_digest_row_keeps_its_description_as_notes_and_no_link_labels() -> None:
    # The title cell says the title, then the paper's description: that is the
    # paper's note (it was dropped with the title cell, and the links cell's
    # leftover ", Tweet" became the note of 1,168 of the digest's 1,296 papers).
    text = (
        "| **Paper** | **Links** |\n"
        "| --- | --- |\n"
        "| 1) **WidgetNet** - introduces WidgetNet, a network that sorts gadgets | [Paper](https://arxiv.org/abs/2401.01111), [Tweet](https://x.com/a/status/1) |\n"
        "| 2) Gadget Search at Scale  This paper presents GadgetSeek, a search over gadgets. | [Paper](https://arxiv.org/abs/2401.02222), [Tweet](https://x.com/a/status/2) |\n"
        "| 3) Widget Review | [Paper](https://arxiv.org/abs/2401.03333), [Thread](https://x.com/a/status/3) |\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2401.01111"].text == "introduces WidgetNet, a network that sorts gadgets"
    assert (papers["2401.02222"].title, papers["2401.02222"].text) == (
        "Gadget Search at Scale", "This paper presents GadgetSeek, a search over gadgets.")
    assert papers["2401.02222"].name == "GadgetSeek"  # the description names the model
    assert papers["2401.03333"].text == ""


def test_a_generic_term_with_a_plus_is_a_name_of_its_own() -> None:
    # "LoRA" names no model of its own (the term every adapter paper uses);
    # "LoRA+" is one paper's model, in bold or not.
    text = (
        "| **Paper** | **Links** |\n"
        "| --- | --- |\n"
        "| 1) **LoRA+** - sets different learning rates for the adapter matrices | [Paper](https://arxiv.org/abs/2402.12354) |\n"
        "| 2) RAG+  Retrieves application examples beside knowledge. | [Paper](https://arxiv.org/abs/2506.11555) |\n"
        "| 3) **LoRA** - low-rank adapters | [Paper](https://arxiv.org/abs/2106.09685) |\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2402.12354"].title, papers["2402.12354"].name) == ("LoRA+", "LoRA+")
    assert (papers["2506.11555"].title, papers["2506.11555"].name) == ("RAG+", "RAG+")
    assert papers["2106.09685"].name is None  # the generic term itself names nothing


def test_a_weekly_title_without_bold_stops_at_its_dash() -> None:
    text = (
        "| **Paper** | **Links** |\n"
        "| --- | --- |\n"
        "| 1) Widget Memory at Test Time - introduces a long-term memory of widgets; "
        + "it shows gadgets attend to widgets, " * 12 + "| [Paper](https://arxiv.org/abs/2501.00663) |\n"
        "| 2) GadgetRAG - a framework that retrieves gadgets. | [Paper](https://arxiv.org/abs/2501.05874) |\n"
        "| 3) Cosmos of Widgets - a platform of widget twins. | [Paper](https://research.example.com/publication/cosmos) |\n"
    )
    r = read_list_text(text, "weekly.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [
        ("2501.00663", "Widget Memory at Test Time"),  # once empty: the whole cell was too long for a title
        ("2501.05874", "GadgetRAG"),  # once the whole cell
        (None, "Cosmos of Widgets"),  # its page is called the paper: a paper known by its title
    ]


def test_a_weekly_description_run_on_after_one_space_is_no_part_of_the_title() -> None:
    text = (
        "| **Paper** | **Links** |\n"
        "| --- | --- |\n"
        "| 4) Building Gadget Agents with Widget Graphs This paper presents a framework of widget graphs. "
        "| [Paper](https://arxiv.org/abs/2505.23006) |\n"
        "| 5) What This Paper Says About Widgets  Researchers from X study widgets. | [Paper](https://arxiv.org/abs/2505.23007) |\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2505.23006"].title, papers["2505.23006"].text) == (
        "Building Gadget Agents with Widget Graphs", "This paper presents a framework of widget graphs.")
    assert papers["2505.23007"].title == "What This Paper Says About Widgets"  # a title's own words, title case


def test_bold_titles_over_bullets_never_shift_to_the_neighbour() -> None:
    text = (
        "# Backbone\n\n"
        "**Decoupled Widget Filters**\n\n"
        "- Homepage: https://widgets.example.org/\n"
        "- Paper: https://arxiv.org/abs/2104.14107\n"
        "- Code: https://github.com/a/ddf\n\n"
        "**1. Lite Gadget Networks: A Lightweight Design**\n\n"
        "- 作者单位: 某大学\n"
        "- Paper(Oral): ttps://arxiv.org/abs/2104.06403\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2104.14107"].title == "Decoupled Widget Filters"
    assert papers["2104.06403"].title == "Lite Gadget Networks: A Lightweight Design"


def test_html_cards_give_titles_not_sections() -> None:
    card = (
        '<div class="paper-row" data-id="x">\n'
        '  <h2 class="paper-title">{title} <span class="paper-year">({year})</span></h2>\n'
        '  <p class="paper-authors">Ann Lee, Bo Kim</p>\n'
        '  <div class="paper-tags"><span class="paper-tag">Rendering</span></div>\n'
        '  <div class="paper-links"><a href="https://arxiv.org/pdf/{id}.pdf" class="paper-link">📄 Paper</a>\n'
        '<a href="https://github.com/a/b" class="paper-link">💻 Code</a>\n'
        "</div>\n</div>\n"
    )
    text = "<html><body>\n" + card.format(title="Splat Widgets: Fast Gadgets", year=2024, id="2402.00752") + card.format(
        title="Instant Gadget Colouring", year=2025, id="2504.17155") + "</body></html>\n"
    papers, _ = by_arxiv(text, "index.html")
    a = papers["2402.00752"]
    # the card's title is no section; its topic chip is one of the page's own
    assert (a.title, a.year, a.authors, a.tags) == ("Splat Widgets: Fast Gadgets", 2024, ["Ann Lee", "Bo Kim"],
                                                    ["Rendering"])
    assert papers["2504.17155"].title == "Instant Gadget Colouring"

    # a title the page wraps over lines is one title, and the card keeps its authors
    wrapped = card.format(title="On the Error Analysis of Widget Splatting\nand an Optimal Gadget Strategy\n", year=2024,
                          id="2402.00999")
    papers, _ = by_arxiv("<html><body>\n" + wrapped + "</body></html>\n", "index.html")
    w = papers["2402.00999"]
    assert (w.title, w.year, w.authors) == (
        "On the Error Analysis of Widget Splatting and an Optimal Gadget Strategy", 2024, ["Ann Lee", "Bo Kim"])


def test_a_card_titled_none_is_still_a_card_with_its_authors_and_no_title() -> None:
    card = (
        '<div class="paper-row" data-id="x">\n'
        '  <h2 class="paper-title">{title} <span class="paper-year">(2024)</span></h2>\n'
        '  <p class="paper-authors">Ann Lee, Bo Kim</p>\n'
        "{link}</div>\n"
    )
    link = '  <div class="paper-links"><a href="https://arxiv.org/pdf/2403.11447" class="paper-link">📄 Paper</a></div>\n'
    text = ("<html><body>\n" + card.format(title="None", link=link)
            + card.format(title="None", link="") + card.format(title="Splat Gadgets", link=link.replace("447", "448"))
            + "</body></html>\n")
    r = read_list_text(text, "index.html")
    none, named = r.entries  # the card with neither title nor link names no paper
    assert (none.arxiv, none.title, none.authors, none.year, none.sources) == (
        "2403.11447", None, ["Ann Lee", "Bo Kim"], 2024, ["index.html:3"])
    assert (named.arxiv, named.title, named.authors) == ("2403.11448", "Splat Gadgets", ["Ann Lee", "Bo Kim"])


def test_a_cards_topic_chips_are_sections_of_the_page_and_no_notes() -> None:
    card = (
        '<div class="paper-row" data-id="{id}">\n'
        '  <h2 class="paper-title">{title} <span class="paper-year">(2024)</span></h2>\n'
        '  <div class="paper-tags"><span class="paper-tag">Code</span>\n'
        "{chips}</div>\n"
        '  <div class="paper-links"><a href="https://arxiv.org/pdf/{id}" class="paper-link">📄 Paper</a></div>\n'
        '  <div class="paper-abstract">We splat {title}.</div>\n'
        "</div>\n"
    )
    text = (
        "<!DOCTYPE html>\n<html><body>\n<h1>Splatting Papers</h1>\n"
        '<div class="tag-filters">\n<div class="tag-filter" data-tag="Avatar">Avatar</div>\n</div>\n'  # the page's
        + card.format(id="2403.00001", title="Widget Avatars",
                      chips='<span class="paper-tag">Avatar</span>\n<span class="paper-tag">Dynamic</span>\n')
        + card.format(id="2403.00002", title="Gadget Splats", chips='<span class="paper-tag">Project</span>\n')
        + '<div class="tag-filters">\n<div class="tag-filter" data-tag="SLAM">SLAM</div>\n</div>\n</body></html>\n'
    )
    papers, r = by_arxiv(text, "index.html")
    a, b = papers["2403.00001"], papers["2403.00002"]
    assert a.tags == ["Splatting Papers / Avatar", "Splatting Papers / Dynamic"]
    assert a.text == "We splat Widget Avatars."  # the chips were its notes' first lines
    # a card with links for chips only (Code, Project) stays in the page's section; controls tag nothing
    assert (b.tags, b.text) == (["Splatting Papers"], "We splat Gadget Splats.")


def test_a_cards_button_label_is_no_note_of_its_paper() -> None:
    """``📖 Show Abstract`` on every card is the page's control, not the paper's notes: the abstract is."""
    text = (
        "<html><body>\n"
        '<div class="paper-row" data-id="x">\n'
        '  <h2 class="paper-title">Splat Widgets <span class="paper-year">(2024)</span></h2>\n'
        '  <div class="paper-links"><a href="https://arxiv.org/pdf/2402.00752.pdf" class="paper-link">📄 Paper</a>\n'
        '<button class="abstract-toggle" onclick="toggleAbstract(this)">📖 Show Abstract</button>\n'
        '<div class="paper-abstract">We splat widgets fast.\n'
        "</div></div>\n</div>\n</body></html>\n"
    )
    papers, _ = by_arxiv(text, "index.html")
    assert papers["2402.00752"].text == "We splat widgets fast."


# one card of a generated page (the 3DGS list's layout)
PAGE_CARD = (
    '<div class="paper-row" data-id="{id}">\n'
    '  <div class="paper-content">\n'
    '    <h2 class="paper-title">{title} <span class="paper-year">(2024)</span></h2>\n'
    '    <div class="paper-links"><a href="https://arxiv.org/pdf/{id}.pdf" class="paper-link">📄 Paper</a>\n'
    '      <div class="paper-abstract">{abstract}\n'
    "</div></div>\n  </div>\n</div>\n"
)


def test_a_pages_scripts_and_style_sheets_are_no_notes() -> None:
    """Code after the last card (or anywhere) is the page's, not the paper's notes."""
    text = (
        "<html><head>\n<style>\n.paper-tags { color: red; }\n</style>\n</head><body>\n"
        + PAGE_CARD.format(id="2402.00752", title="Splat Widgets", abstract="We splat widgets fast.")
        + '<script src="lazy.js"></script><SCRIPT>\nconst state = { selected: new Set() };\n'
        "function filterPapers() { return state; }\n</script> \n</body></html>\n"
    )
    papers, _ = by_arxiv(text, "index.html")
    assert papers["2402.00752"].text == "We splat widgets fast."
    # in a fenced code block of a markdown list, "<script>" is an example, not the start of code to skip
    fenced = "```\n<script>\n```\n- [Widget Nets](https://arxiv.org/abs/2401.00001) we build widgets\n"
    assert by_arxiv(fenced)[0]["2401.00001"].title == "Widget Nets"


def test_a_pages_controls_are_no_section_and_no_notes_of_the_first_card() -> None:
    """A heading inside a block that has closed (a dialog) scopes nothing after it, and the
    filters above the first card are none of its text; a card's text ends with its card."""
    text = (
        "<!DOCTYPE html>\n<html><body>\n<div class=\"container\">\n"
        "<h1>Splatting Papers</h1>\n"
        '<div class="donate-box">\n<h3>Support This Project</h3>\n<p>Consider a donation to keep it going.</p>\n</div>\n'
        '<div class="share-modal">\n  <h2>Share Selected Papers</h2>\n'
        '  <button class="control-button">\n    <i class="fas fa-copy"></i> Copy Link\n  </button>\n</div>\n'
        '<div class="filters">\n<select>\n<option value="all">All Years</option>\n<option value="2024">2024</option>\n'
        "</select>\n</div>\n"
        '<div class="tag-filters">\n<div class="tag-filter" data-tag="Avatar">Avatar</div>\n</div>\n'
        '<div class="papers-grid">\n'
        + PAGE_CARD.format(id="2402.00752", title="Splat Widgets", abstract="We splat widgets fast.")
        + '<div class="paper-row" data-id="x">\n<p>A card the page gave no title.</p>\n</div>\n'
        + PAGE_CARD.format(id="2504.17155", title="Gadget Colouring", abstract="We colour gadgets.")
        + "</div>\n</div>\n</body></html>\n"
    )
    papers, r = by_arxiv(text, "index.html")
    first, last = papers["2402.00752"], papers["2504.17155"]
    assert first.tags == last.tags == ["Splatting Papers"]
    assert first.text == "We splat widgets fast."  # not the dialog's, the filters' or the next card's text
    assert last.text == "We colour gadgets."
    # a markdown list with HTML blocks in it is no page: its headings and prose read as before
    md = '<div align="center">\n<h1>Widget List</h1>\n</div>\n\nWidgets, collected.\n\n' \
         "- [Widget Nets](https://arxiv.org/abs/2401.00001)\n"
    assert by_arxiv(md)[0]["2401.00001"].tags == ["Widget List"]


def test_a_pages_tag_written_over_lines_is_markup_not_notes() -> None:
    """A title wrapped inside an attribute (``data-title="...``, ``alt="...``) is the tag's, not the card's notes."""
    text = (
        "<!DOCTYPE html>\n<html><body>\n"
        '<div class="paper-row" data-id="w" data-title="On Widget Splatting\nand Gadgets\n" data-year="2024">\n'
        '<img data-src="thumbs/w.jpg" alt="Thumbnail for On Widget Splatting\nand Gadgets\n" class="lazy"/>\n'
        '<h2 class="paper-title">On Widget Splatting and Gadgets <span class="paper-year">(2024)</span></h2>\n'
        '<div class="paper-links"><a href="https://arxiv.org/pdf/2402.00752.pdf" class="paper-link">📄 Paper</a>\n'
        '<div class="paper-abstract">We splat widgets.\n</div></div>\n</div>\n</body></html>\n'
    )
    w = by_arxiv(text, "index.html")[0]["2402.00752"]
    assert (w.title, w.text) == ("On Widget Splatting and Gadgets", "We splat widgets.")


def test_a_highlight_with_an_emoji_and_a_hard_break_is_one_paper() -> None:
    text = (
        "- 🌟 **Widget-Survey: A Survey on Gadget Evaluation**  \n"
        "arXiv 2025, [Paper](https://arxiv.org/pdf/2411.15296.pdf), [Project](https://github.com/a/b)\n\n"
        "- **Widget: A Benchmark for Gadgets**  \n"
        "NeurIPS 2024, [Paper](https://arxiv.org/pdf/2306.13394.pdf)\n"
    )
    papers, r = by_arxiv(text)
    assert len(r.entries) == 2
    assert papers["2411.15296"].title == "Widget-Survey: A Survey on Gadget Evaluation"
    assert papers["2306.13394"].title == "Widget: A Benchmark for Gadgets"


def test_a_details_block_of_several_papers_is_a_section_and_names_come_from_columns() -> None:
    text = (
        "<details>\n<summary> milestone papers </summary>\n\n"
        "| Date | keywords | Institute | Paper |\n|---|---|---|---|\n"
        "| 2019-10 | T5 | Google | [Exploring the Limits of Transfer Learning](https://arxiv.org/abs/1910.10683) |\n"
        "| 2021-12 | Retro | DeepMind | [Improving Language Models by Retrieving](https://arxiv.org/abs/2112.04426) |\n"
        "</details>\n"
    )
    r = read_list_text(text, "llm.md")
    assert [(e.arxiv, e.name) for e in r.entries] == [("1910.10683", "T5"), ("2112.04426", "Retro")]


def test_html_tags_and_emphasis_in_titles_are_text() -> None:
    text = (
        "- [M<sup>3</sup>IT: A Large-Scale Dataset](https://arxiv.org/abs/2306.04387)\n"
        "- [*A Survey on Widget Models*](https://arxiv.org/abs/2306.13549)\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2306.04387"].title == "M3IT: A Large-Scale Dataset"
    assert papers["2306.13549"].title == "A Survey on Widget Models"


@pytest.mark.parametrize(
    "url, ids",
    [
        ("https://browse.arxiv.org/pdf/2309.10020.pdf", {"arxiv": "2309.10020"}),
        ("https://ar5iv.labs.arxiv.org/html/2309.10020", {"arxiv": "2309.10020"}),
        ("https://www.alphaxiv.org/overview/2309.10020", {"arxiv": "2309.10020"}),
        ("https://link.springer.com/article/10.1007/s10994-010-5196-5", {"doi": "10.1007/s10994-010-5196-5"}),
        ("https://link.springer.com/content/pdf/10.1007%2F978-3-540-27868-9_4.pdf", {"doi": "10.1007/978-3-540-27868-9_4"}),
        ("https://www.biorxiv.org/content/10.1101/2024.04.22.590591v1", {"doi": "10.1101/2024.04.22.590591"}),
        ("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0001", {"doi": "10.1371/journal.pone.0001"}),
        ("https://doi.org/10.48550/arXiv.2401.01234", {"arxiv": "2401.01234"}),
        # the host read past a user name, a port, brackets and case; no scheme at all
        ("https://reader:pw@ArXiv.ORG:443/abs/2401.01234v2", {"arxiv": "2401.01234"}),
        ("arxiv.org/abs/2401.01234?context=cs#page", {"arxiv": "2401.01234"}),
        ("http://[2001:db8::1]/abs/2401.01234", {}),
        ("https://link.zhihu.com/?target=https%3A//arxiv.org/abs/2401.01234", {"arxiv": "2401.01234"}),
    ],
)
def test_id_forms_in_links(url: str, ids: dict) -> None:
    assert paper_ids_in_url(url) == ids


def test_id_forms_in_text() -> None:
    text = "- see ttps://arxiv.org/abs/2105.10154 here\n- DOI: 10.48550/arXiv.2401.01234\n"
    r = read_list_text(text, "x.md")
    assert sorted(e.arxiv for e in r.entries) == ["2105.10154", "2401.01234"] and r.warnings == []


def test_bibtex_number_field_and_symbol_titles(tmp_path: Path) -> None:
    bib = (
        "@article{a,\n\ttitle = {An {Entropy} Search Portfolio},\n\tnumber = {arXiv:1406.4625},\n\tyear = {2014}\n}\n"
        "@article{b,\n\ttitle = {???},\n\tyear = {2020}\n}\n"
        "@article{c,\n\ttitle = {{🙂🚀}},\n\tyear = {2021}\n}\n"
    )
    r = read_list_text(bib, "s.bib")
    assert [(e.arxiv, e.title) for e in r.entries] == [("1406.4625", "An Entropy Search Portfolio")]
    assert [w.source for w in r.warnings] == ["s.bib:6", "s.bib:10"]
    assert all("no letters or digits: skipped" in w.message for w in r.warnings)


def test_a_bib_file_holding_markdown_is_read_as_notes(tmp_path: Path) -> None:
    p = tmp_path / "refs.bib"
    p.write_text("# Papers\n- [Widget Networks for Gadgets](https://arxiv.org/abs/2405.09818)\n", encoding="utf-8")
    r = read_lists([p])
    assert [(e.arxiv, e.title) for e in r.entries] == [("2405.09818", "Widget Networks for Gadgets")]


def test_an_id_file_with_odd_lines_keeps_its_ids_and_warns_per_line() -> None:
    r = read_list_text("2405.09818\n2407.06135 # Anole\nsee also\n10.1145/3292500.3330701\n", "ids.txt")
    assert [e.arxiv or e.doi for e in r.entries] == ["2405.09818", "2407.06135", "10.1145/3292500.3330701"]
    assert [w.source for w in r.warnings] == ["ids.txt:3"]


def test_a_bad_file_is_skipped_with_a_warning_and_the_others_read(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("- https://arxiv.org/abs/2405.09818\n", encoding="utf-8")
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    r = read_lists([png, good, empty])
    assert [e.arxiv for e in r.entries] == ["2405.09818"] and r.files == 1
    assert [w.source for w in r.warnings] == [f"{png}:1", f"{empty}:1"]
    assert "binary" in r.warnings[0].message and "skipped" in r.warnings[0].message
    with pytest.raises(InputError, match="is empty"):
        read_lists([empty])


def test_many_entries_of_an_unknown_layout_give_one_warning() -> None:
    lines = [f"~ {i} ~ https://arxiv.org/abs/2401.{i:05d} ~" for i in range(1, 31)]
    r = read_list_text("\n".join(lines) + "\n", "odd.md")
    assert len(r.entries) == 30
    assert [str(w) for w in r.warnings] == [
        "odd.md:1: 30 of 30 entries in odd.md got no title or name: their format was not recognised "
        "(first at line 1); they are kept by their ids"
    ]


@pytest.mark.parametrize("line", [
    "2401.{i:05d}", "arXiv:2401.{i:05d}", "10.1000/widget.{i}", "- https://arxiv.org/abs/2401.{i:05d}",
    "* <https://doi.org/10.1000/widget.{i}>",
])
def test_lines_of_a_bare_id_or_link_each_wrote_no_title_and_give_no_warning(line: str) -> None:
    r = read_list_text("".join(line.format(i=i) + "\n" for i in range(1, 31)), "ids.txt")
    assert len(r.entries) == 30 and r.warnings == []


def test_an_items_bracketed_venue_tag_is_its_venue_and_year_not_its_title() -> None:
    text = (
        "- **[CVPR 2024]** Widget Splatting for Gadgets [[Paper](https://arxiv.org/abs/2312.00006)] "
        "[[Code](https://github.com/a/c)]\n"
        "- [NeurIPS 2023] Widget Fields [paper](https://arxiv.org/abs/2305.00012)\n"
        "- 【ICLR 2024】Gadget Fields Revisited [paper](https://openreview.net/forum?id=abc)\n"
        "- NeurIPS 2023 Spotlight [paper](https://arxiv.org/abs/2305.00013)\n"  # no title: the venue alone
    )
    a, b, c, d = read_list_text(text, "t.md").entries
    assert (a.arxiv, a.title, a.venue, a.year) == ("2312.00006", "Widget Splatting for Gadgets", "CVPR", 2024)
    assert (b.title, b.venue, b.year) == ("Widget Fields", "NeurIPS", 2023)
    assert (c.arxiv, c.title, c.venue, c.year) == (None, "Gadget Fields Revisited", "ICLR", 2024)
    assert (d.arxiv, d.title, d.venue) == ("2305.00013", None, "NeurIPS")


def test_a_citation_written_out_gives_title_authors_venue_and_year() -> None:
    text = (
        "1. Widget Networks for Gadgets. A. Lee, B. Kim. NeurIPS, 2021. [PDF](https://arxiv.org/pdf/2105.00005)\n"
        "2. Gadget Transformers. C. Wu et al. ICML 2022. [PDF](https://proceedings.mlr.press/v162/wu22a/wu22a.pdf)\n"
        "3. Widgets. Fast and Small. CVPR 2021. [PDF](https://arxiv.org/pdf/2105.00007)\n"  # no names: all title
        "- [Widget Diffusion: Fast Gadgets](https://arxiv.org/abs/2301.00001) - Ann Lee, Bo Kim. CVPR 2023. "
        "[[code](https://github.com/a/b)]\n"
        "- [Gadget Priors](https://arxiv.org/abs/2302.00002) - a fast prior. Good for 2023.\n"
        "- **Widget Fields: Fast Gadgets** - Ann Lee, Bo Kim et al. (CVPR 2023) "
        "[[paper](https://arxiv.org/abs/2301.00009)]\n"
    )
    a, b, c, d, e, f = read_list_text(text, "t.md").entries
    assert (a.title, a.authors, a.venue, a.year) == ("Widget Networks for Gadgets", ["A. Lee", "B. Kim"], "NeurIPS", 2021)
    assert (f.title, f.authors, f.venue, f.year) == ("Widget Fields: Fast Gadgets", ["Ann Lee", "Bo Kim"], "CVPR", 2023)
    assert (b.arxiv, b.title, b.authors, b.venue, b.year) == (None, "Gadget Transformers", ["C. Wu"], "ICML", 2022)
    assert (c.title, c.authors) == ("Widgets. Fast and Small. CVPR 2021", [])
    # after a titled link: who wrote it and where, not a note
    assert (d.authors, d.venue, d.year, d.text, d.repos) == (["Ann Lee", "Bo Kim"], "CVPR", 2023, "", ["github.com/a/b"])
    assert (e.authors, e.venue, e.text) == ([], None, "a fast prior. Good for 2023.")


def test_an_apa_citation_gives_title_authors_venue_and_year() -> None:
    text = (
        "- Lee, A., & Kim, B. (2021). Widget networks for gadgets. In NeurIPS. https://doi.org/10.5555/123456\n"
        "- Wu, C. (2022b). Gadget transformers. arXiv preprint arXiv:2203.00003.\n"
        "- Van der Berg, J. A., Smith, K., & Doe, J. (2020, May). Sparse gadgets at scale. Journal of Widgets, "
        "12(3), 45-67. [pdf](https://arxiv.org/abs/2005.00005)\n"
    )
    a, b, c = read_list_text(text, "t.md").entries
    assert (a.doi, a.title, a.authors, a.venue, a.year) == (
        "10.5555/123456", "Widget networks for gadgets", ["A. Lee", "B. Kim"], "NeurIPS", 2021)
    assert (b.arxiv, b.title, b.authors, b.venue, b.year) == ("2203.00003", "Gadget transformers", ["C. Wu"], "arXiv", 2022)
    assert (c.title, c.authors, c.venue, c.year) == (
        "Sparse gadgets at scale", ["J. A. Van der Berg", "K. Smith", "J. Doe"], "Journal of Widgets", 2020)


def test_an_arxiv_id_after_a_space_and_a_venue_after_a_comma() -> None:
    text = (
        "Gadget Priors for Widgets (arXiv 2302.00002)\n"
        "- Sparse Widgets, arXiv 2023. [paper](https://openreview.net/forum?id=x)\n"
        "- Widgets, Gadgets and Things [paper](https://arxiv.org/abs/2302.00003)\n"  # a comma of the title's own
        "- Widget Review, arXiv 2023.\n"  # "arXiv 2023" names no paper
    )
    a, b, c = read_list_text(text, "t.md").entries
    assert (a.arxiv, a.title) == ("2302.00002", "Gadget Priors for Widgets")
    assert (b.title, b.venue, b.year) == ("Sparse Widgets", "arXiv", 2023)
    assert c.title == "Widgets, Gadgets and Things"


@pytest.mark.parametrize("line, venue, authors", [
    ("- [x] {t} [[paper](https://arxiv.org/abs/2301.00001)]", None, []),  # a task list's check box
    ("- {t} → [arXiv](https://arxiv.org/abs/2301.00001)", None, []),
    ("- {t}: https://arxiv.org/abs/2301.00001", None, []),
    ('- "{t}" (CVPR 2023) [paper](https://arxiv.org/abs/2301.00001)', "CVPR", []),
    ("- *{t}*, Ann Lee, Bo Kim. [[arXiv](https://arxiv.org/abs/2301.00001)]", None, ["Ann Lee", "Bo Kim"]),
    ("1. ({t}) [paper](https://arxiv.org/abs/2301.00001)", None, []),
    ("- 2023 | {t} | [paper](https://arxiv.org/abs/2301.00001)", None, []),  # "paper" names no venue
    ("- 【{t}】[论文](https://arxiv.org/abs/2301.00001)", None, []),
    ("> **{t}**\n> [arXiv](https://arxiv.org/abs/2301.00001)", None, []),  # a bold title over its link, quoted
    ("**{t}**<br>\nAnn Lee, Bo Kim<br>\n[[pdf](https://arxiv.org/pdf/2301.00001.pdf)]", None, ["Ann Lee", "Bo Kim"]),
    ("- {t}\n  - Paper: https://arxiv.org/abs/2301.00001\n  - Code: https://github.com/a/b", None, []),  # nested
    ("Paper: {t}\nLink: https://arxiv.org/abs/2301.00001", None, []),
    ("**{t}**\narXiv:2301.00001", None, []),  # a bold line makes notes, not a file of ids
    ("- NeurIPS 2024: {t} [paper](https://arxiv.org/abs/2301.00001)", "NeurIPS", []),
    ("- 📄 **{t}** · [paper](https://arxiv.org/abs/2301.00001) · [code](https://github.com/x/y)", None, []),
    ("- {t} by Ann Lee and Bo Kim ([arXiv](https://arxiv.org/abs/2301.00001))", None, ["Ann Lee", "Bo Kim"]),
    ("- {t} (`arXiv:2301.00001`)", None, []),
])
def test_a_title_set_off_by_its_lists_marks(line: str, venue: str | None, authors: list[str]) -> None:
    t = "Widget Priors for Gadget Synthesis"
    (e,) = read_list_text(line.format(t=t) + "\n", "t.md").entries
    assert (e.arxiv, e.title, e.venue, e.authors) == ("2301.00001", t, venue, authors)


def test_a_heading_over_its_papers_links_titles_that_paper_and_stays_a_section() -> None:
    text = (
        "## Tracking\n"
        "### Robust Gadget Tracking with Widget Memory\n"
        "[[Paper](https://arxiv.org/abs/2406.05678)] [[Code](https://github.com/x/y)]\n"
        "### Video Widgets\n"  # a section's name over its first paper's links: no title
        "[[Paper](https://arxiv.org/abs/2406.05679)]\n"
        "### Widget Tracking Under Heavy Occlusion\n"
        "We track widgets. [arXiv](https://arxiv.org/abs/2406.05680)\n"  # prose with its section's one paper
        "### Widget Tracking in Crowds of Gadgets\n"
        "We track [arXiv](https://arxiv.org/abs/2406.05681) and [arXiv](https://arxiv.org/abs/2406.05682).\n"
    )
    a, b, c, d, e = read_list_text(text, "t.md").entries
    assert (a.title, a.tags) == ("Robust Gadget Tracking with Widget Memory",
                                 ["Tracking / Robust Gadget Tracking with Widget Memory"])
    assert (b.title, b.tags) == (None, ["Tracking / Video Widgets"])
    assert (c.title, c.text) == ("Widget Tracking Under Heavy Occlusion", "We track widgets.")
    assert (d.title, e.title) == (None, None)  # two papers: the heading is a section's


def test_a_sentence_before_a_link_is_no_title() -> None:
    text = (
        "We track gadgets with widgets. [arXiv](https://arxiv.org/abs/2406.05680)\n\n"
        "- This Looks Like That: Deep Widget Prototypes [pdf](https://arxiv.org/abs/2406.05681)\n"
    )
    a, b = read_list_text(text, "t.md").entries
    assert (a.title, a.text) == (None, "We track gadgets with widgets.")
    assert b.title == "This Looks Like That: Deep Widget Prototypes"


def test_a_note_over_a_nested_link_is_no_title() -> None:
    (e,) = read_list_text("- we compare two widgets\n  - [Paper](https://arxiv.org/abs/2301.00001)\n", "t.md").entries
    assert (e.title, e.text) == (None, "we compare two widgets")
    # the link on the list's own level is an item of its own, not the one above's
    r = read_list_text("- Widget Priors for Gadget Synthesis\n- [Paper](https://arxiv.org/abs/2301.00001)\n", "t.md")
    assert [e.title for e in r.entries if e.arxiv] == [None]


def test_a_name_and_a_label_before_a_colon_are_no_title() -> None:
    (e,) = read_list_text("- FVDM 论文：https://arxiv.org/abs/2410.03160\n", "t.md").entries
    assert (e.title, e.name) == (None, "FVDM")


def test_a_tables_authors_column_gives_authors_and_its_venue_the_year() -> None:
    text = (
        "| Title | Authors | Venue | Links |\n|---|---|---|---|\n"
        "| Widget Diffusion: Fast Gadgets | Ann Lee, Bo Kim | CVPR 2023 | [paper](https://arxiv.org/abs/2301.00001) |\n"
        "| Gadget Priors for Widgets | Cy Wu and Di Xu et al. | ICCV 2022 | [paper](https://openreview.net/forum?id=x) |\n"
    )
    a, b = read_list_text(text, "t.md").entries
    assert (a.authors, a.venue, a.year, a.text) == (["Ann Lee", "Bo Kim"], "CVPR 2023", 2023, "")
    assert (b.title, b.authors, b.year) == ("Gadget Priors for Widgets", ["Cy Wu", "Di Xu"], 2022)  # the venue's year


def test_a_venue_after_a_link_and_an_emoji_before_a_title_are_no_note_and_no_title() -> None:
    text = (
        "* [Widget Diffusion: Fast Gadgets](https://arxiv.org/abs/2301.00001) (CVPR 2023)\n"
        "* [Gadget Priors for Widgets](https://arxiv.org/abs/2302.00002), ICCV 2023\n"
        "- 🔥 ⭐️ **Sparse Widget Fields** [[arXiv](https://arxiv.org/abs/2303.00003)]\n"
        "- [Gadget Nets](https://arxiv.org/abs/2304.00004), 2024. A new gadget.\n"  # a year, then a note
    )
    a, b, c, d = read_list_text(text, "t.md").entries
    assert (a.venue, a.year, a.text) == ("CVPR", 2023, "")
    assert (b.venue, b.year, b.text) == ("ICCV", 2023, "")
    assert c.title == "Sparse Widget Fields"
    assert (d.venue, d.text) == (None, "2024. A new gadget.")


def test_reference_links_are_read_where_they_are_used() -> None:
    text = (
        "## Widgets\n"
        "- [Widget Diffusion: Fast Gadgets][wd] by Ann Lee\n"
        "- [Gadget Priors for Widgets][] with notes\n"  # collapsed: the text is the label
        "- [Sparse Widget Fields] - fast fields\n"  # a shortcut reference
        "\n"
        "[WD]: https://arxiv.org/abs/2301.00001\n"  # labels match whatever their case
        '[gadget priors for widgets]: https://arxiv.org/abs/2302.00002 "Gadget Priors"\n'
        "[Sparse Widget Fields]: <https://arxiv.org/abs/2303.00003>\n"
        "[9]: https://arxiv.org/abs/2309.00009\n"  # used nowhere: a line naming its paper
    )
    r = read_list_text(text, "t.md")
    assert [(e.arxiv, e.title, e.sources) for e in r.entries] == [
        ("2301.00001", "Widget Diffusion: Fast Gadgets", ["t.md:2"]),
        ("2302.00002", "Gadget Priors for Widgets", ["t.md:3"]),
        ("2303.00003", "Sparse Widget Fields", ["t.md:4"]),
        ("2309.00009", None, ["t.md:9"]),
    ]
    assert [e.text for e in r.entries[:3]] == ["", "with notes", "fast fields"]
    assert r.entries[0].authors == ["Ann Lee"]  # "by Ann Lee" after the link is its byline, no note


def test_a_term_that_became_generic_names_the_paper_that_coined_it() -> None:
    text = (
        "| Date | keywords | Paper |\n|---|---|---|\n"
        "| 2018-10 | BERT | [Pre-training of Deep Bidirectional Widgets](https://arxiv.org/abs/1810.04805) |\n"
        "| 2017-06 | Transformers | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) |\n"
        "- [NeRF: Representing Scenes as Neural Radiance Fields](https://arxiv.org/abs/2003.08934)\n"
    )
    papers, _ = by_arxiv(text)
    assert [papers[a].name for a in ("1810.04805", "1706.03762", "2003.08934")] == ["BERT", None, "NeRF"]


@pytest.mark.parametrize("head", ["- Widget Networks for Sparse Gadgets", "Widget Networks for Sparse Gadgets",
                                  "1. Widget Networks for Sparse Gadgets"])
def test_a_hard_break_before_the_link_line_does_not_split_the_paper(head: str) -> None:
    for brk in ("  ", " \\"):
        r = read_list_text(f"{head}{brk}\n   [paper](https://arxiv.org/abs/2401.01234)\n", "a.md")
        assert [(e.arxiv, e.title, e.sources) for e in r.entries] == [
            ("2401.01234", "Widget Networks for Sparse Gadgets", ["a.md:1"])]


# Papers a list cites without an arXiv id or DOI: a proceedings page, a link the
# list calls the paper, an unlinked "Paper: None" -- each is a paper of its own,
# known by the title its entry writes, and its code is never the paper above's.


def test_a_numbered_item_linking_a_proceedings_page_is_a_paper_known_by_its_title() -> None:
    text = (
        "1. **Widget Attention Networks.** ICLR 2018. [paper](https://openreview.net/forum?id=wIdGeT01)\n\n"
        "    *Ada Lovelace, Alan Turing.*\n\n"
        "1. **Gadget Convolutions on Sparse Meshes.** NeurIPS 2017. "
        "[paper](http://papers.nips.cc/paper/9999-gadget-convolutions.pdf)\n\n"
        "1. **Sparse Widget Pooling.** AAAI 2020. [paper](https://github.com/someone/pooling/blob/main/paper.pdf)\n\n"
        "1. **Widget Folding Beyond Gadgets.** ICML 2019. [paper](https://arxiv.org/abs/1905.01234)\n"
    )
    a, b, c, d = read_list_text(text, "gnn.md").entries
    assert (a.title, a.venue, a.year, a.authors, a.sources) == (
        "Widget Attention Networks", "ICLR", 2018, ["Ada Lovelace", "Alan Turing"], ["gnn.md:1"])
    assert (b.title, b.venue, b.year) == ("Gadget Convolutions on Sparse Meshes", "NeurIPS", 2017)
    assert (c.title, c.arxiv, c.doi) == ("Sparse Widget Pooling", None, None)  # a PDF kept in a repository
    assert (d.arxiv, d.title) == ("1905.01234", "Widget Folding Beyond Gadgets")


def test_a_bold_title_whose_full_stop_closes_it_keeps_a_long_venue_apart() -> None:
    text = (
        "1. **Widgets: An Introduction.** Lectures on Gadgets and Widgets, Gizmo & Sons Publishers, 2020. "
        "[book](https://doi.org/10.2200/WIDGET2020)\n"
        "1. **Learning Environments for Widgets.** WSPR/GSPR 2004. [paper](https://doi.org/10.1007/978-3-540-00000-0_4)\n"
    )
    a, b = read_list_text(text, "gnn.md").entries
    assert (a.title, a.venue, a.year) == ("Widgets: An Introduction", "Lectures on Gadgets and Widgets, Gizmo & Sons Publishers", 2020)
    assert (b.title, b.venue, b.year) == ("Learning Environments for Widgets", "WSPR/GSPR", 2004)


def test_bold_titles_over_paper_bullets_without_ids_are_papers_and_keep_their_own_code() -> None:
    text = (
        "# Detection\n\n"
        "**Widget Detection With Sparse Gadgets**\n\n"
        "- Paper: https://arxiv.org/abs/2103.01111\n"
        "- Code: https://github.com/a/widget-det\n\n"
        "**Gadget Detection via Contrastive Widgets**\n\n"
        "- Paper: https://openaccess.thecvf.com/content/CVPR2021/html/Gadget_CVPR_2021_paper.html\n"
        "- Code: https://github.com/b/gadget-det\n\n"
        "**Efficient Widget Transfer Across Gadgets**\n\n"
        "- Paper: http://example.org/~someone/\n\n"
        "**Searching Widget Architectures With Gadgets**\n\n"
        "- Paper(Oral): None\n"
        "- Code: https://github.com/c/widget-nas\n\n"
        "**WGP: Self-supervised Widget Perception**\n\n"
        "- Oral\n\n"
        "- Paper: https://arxiv.org/abs/2103.03333\n"
    )
    a, b, c, d, e = read_list_text(text, "cvpr.md").entries
    assert (a.arxiv, a.title, a.repos) == ("2103.01111", "Widget Detection With Sparse Gadgets", ["github.com/a/widget-det"])
    assert (b.arxiv, b.title, b.repos, b.sources) == (
        None, "Gadget Detection via Contrastive Widgets", ["github.com/b/gadget-det"], ["cvpr.md:8"])
    assert (c.title, c.sources) == ("Efficient Widget Transfer Across Gadgets", ["cvpr.md:13"])
    assert (d.title, d.repos) == ("Searching Widget Architectures With Gadgets", ["github.com/c/widget-nas"])
    assert (e.arxiv, e.title) == ("2103.03333", "WGP: Self-supervised Widget Perception")  # over a tag line
    assert d.text == ""  # "Paper(Oral): None" says there is no paper link: no note


def test_labels_saying_there_is_none_are_no_notes() -> None:
    text = (
        "**Widget Detection With Sparse Gadgets**\n\n"
        "- Paper: https://arxiv.org/abs/2103.01111\n"
        "- Code: None\n"
        "- 作者单位: 某某大学\n\n"
        "**Gadget Detection via Contrastive Widgets**\n\n"
        "- Paper: https://arxiv.org/abs/2103.02222\n"
        "- Code: TBD\n"
    )
    a, b = read_list_text(text, "cvpr.md").entries
    assert (a.text, b.text) == ("作者单位: 某某大学", "")


def test_a_backslash_block_linking_openreview_is_a_paper() -> None:
    text = (
        "**Score Matching for Widget Graphs** \\\n"
        "*Ada Lovelace* \\\n"
        "ICLR 2023. [[Paper](https://openreview.net/forum?id=wIdGeT02)] [[Github](https://github.com/a/score)] \\\n"
        "1 Feb 2023\n\n"
        "**Denoising Gadgets at Scale** \\\n"
        "*Alan Turing* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2302.02222)] \\\n"
        "2 Feb 2023\n"
    )
    a, b = read_list_text(text, "diff.md").entries
    assert (a.title, a.authors, a.venue, a.year, a.repos) == (
        "Score Matching for Widget Graphs", ["Ada Lovelace"], "ICLR", 2023, ["github.com/a/score"])
    assert (b.arxiv, b.title, b.repos) == ("2302.02222", "Denoising Gadgets at Scale", [])


def test_a_proceedings_link_beside_an_arxiv_link_is_the_same_paper() -> None:
    # (the brackets a link leaves behind are no part of the title: once "Title [ ]")
    text = (
        "- **Widget Networks for Gadgets** [[Paper](https://openreview.net/forum?id=wIdGeT03)] "
        "[[arXiv](https://arxiv.org/abs/2201.03333)]\n"
        "- [Gadget Widgets Revisited](https://arxiv.org/abs/2201.04444) [pdf](https://proceedings.mlr.press/v1/g.pdf)\n"
    )
    a, b = read_list_text(text, "x.md").entries
    assert (a.arxiv, a.title) == ("2201.03333", "Widget Networks for Gadgets")
    assert (b.arxiv, b.title) == ("2201.04444", "Gadget Widgets Revisited")


def test_a_table_title_cell_under_a_star_badge_gives_the_title() -> None:
    text = (
        "| Title | Venue | Date | Code |\n"
        "|:---|:---:|:---:|:---:|\n"
        "| ![Star](https://img.shields.io/github/stars/a/w.svg?style=social&label=Star) <br> "
        "[**Widget-VL: Seeing Gadgets**](https://github.com/a/w) <br> | arXiv | 2024-01-01 | [Github](https://github.com/a/w) |\n"
        "| ![Star](https://img.shields.io/github/stars/b/g.svg?style=social&label=Star) <br> "
        "[**Gadget Programming Without Training**](https://openaccess.thecvf.com/content/CVPR2023/papers/G_paper.pdf) <br> "
        "| CVPR | 2022-11-18 | [Github](https://github.com/b/g) |\n"
    )
    a, b = read_list_text(text, "mllm.md").entries
    assert (a.title, a.sources) == ("Widget-VL: Seeing Gadgets", ["mllm.md:3"])
    assert (b.title, b.sources) == ("Gadget Programming Without Training", ["mllm.md:4"])


def test_a_tables_date_and_venue_columns_give_the_year_and_venue_not_notes() -> None:
    text = (
        "| Title | Venue | Date | Code |\n"
        "|:---|:---:|:---:|:---:|\n"
        "| [**Widget-VL: Seeing Gadgets**](https://arxiv.org/pdf/2312.00001) | CVPR 2024 | 2024-03-27 | - |\n"
        "| [**Gadget Notes From a Blog**](https://example.org/blog/gadget.pdf) | Blog | 2023-11-18 | [Github](https://github.com/b/g) |\n"
        "| [**Widgets Without a Date**](https://arxiv.org/abs/2401.00002) | - | soon | - |\n"
        "\n"
        "| 年份 | 名字 | 简介 |\n"
        "| --- | --- | --- |\n"
        "| 2016 | [GadgetNet](https://arxiv.org/abs/1512.00003) | 单阶段检测 |\n"
    )
    a, b, c, d = read_list_text(text, "t.md").entries
    assert (a.year, a.venue, a.text) == (2024, "CVPR 2024", "")  # the table's date, not the arXiv id's 2023
    assert (b.year, b.venue, b.title) == (2023, "Blog", "Gadget Notes From a Blog")
    assert (c.year, c.venue) == (2024, None)  # no date in the cell: the arXiv id's year
    assert (d.name, d.year, d.text) == ("GadgetNet", 2016, "单阶段检测")


def test_a_delimiter_row_of_short_dashes_starts_a_table_as_in_gfm() -> None:
    text = (
        "| Year | Title | Notes |\n"
        "| --: | -- | - |\n"
        "| 2021 | [Widget Networks for Gadgets](https://arxiv.org/abs/2101.00001) | fast |\n"
        "| - | - | - |\n"  # a row of dashes inside the table ("none") is a row, not a new header
        "| 2022 | [Gadget Widgets Revisited](https://arxiv.org/abs/2202.00002) | slow |\n"
    )
    a, b = read_list_text(text, "t.md").entries
    assert (a.title, a.year, a.text) == ("Widget Networks for Gadgets", 2021, "fast")
    assert (b.title, b.year, b.text) == ("Gadget Widgets Revisited", 2022, "slow")


def test_short_dashes_under_a_row_of_other_width_are_no_delimiter() -> None:
    row = "| Widget Networks for Gadgets | fast |\n"
    as_table = read_list_text("| Title | Notes |\n| - | - |\n" + row, "t.md")
    assert [e.title for e in as_table.entries] == ["Widget Networks for Gadgets"]  # a row of a titled table
    # GFM: a delimiter row has as many cells as the header; under a wider one it is text
    not_table = read_list_text("| Title | Notes |\n| - |\n" + row, "t.md")
    assert not_table.entries == [] and [w.message for w in not_table.warnings] == ["no papers found"]


def test_a_table_of_recordings_names_papers_only_by_their_links() -> None:
    # a talk's title and date are the talk's: "Widget 精读" is no paper's title, and a
    # talk without a paper link is nobody's note
    text = (
        "| 日期 | 标题 | 时长 | 视频 |\n"
        "| --: | -- | --: | -- |\n"
        "| 9/04/24 | 如何读论文 | 10:41 | [B站](https://www.bilibili.com/video/BV1) |\n"
        "| 8/28/24 | [WidgetNet](https://arxiv.org/abs/2101.00001) 逐段精读 | 25:04 | [B站](https://www.bilibili.com/video/BV2) |\n"
        "| 8/13/24 | 撑起半边天的 [GadgetNet](https://arxiv.org/abs/1512.00003) | 26:14 | [B站](https://www.bilibili.com/video/BV3) |\n"
        "| 8/05/24 | [Widget Nets论文精读 · 2. 预训练数据](https://arxiv.org/abs/2407.21783) | 23:37 | [B站](https://b.tv/4) |\n"
    )
    a, b, c = read_list_text(text, "talks.md").entries
    assert (a.arxiv, a.name, a.title, a.year) == ("2101.00001", "WidgetNet", None, 2021)
    assert (b.arxiv, b.name, b.title) == ("1512.00003", "GadgetNet", None)
    assert (c.arxiv, c.title) == ("2407.21783", None)  # the link's text is the talk's title, not the paper's
    assert "如何读论文" not in a.text + b.text and "|" not in b.text.split("\n")[0][:2]


def test_an_html_tables_rows_are_items_read_by_their_header() -> None:
    text = (
        "Papers we read.\n"
        "<table>\n"
        "<tr><th>Model</th><th>Paper</th><th>Year</th><th>Notes</th></tr>\n"
        '<tr><td>WidgetNet</td><td><a href="https://arxiv.org/abs/2401.00001">Widget Networks for Gadget Sorting</a></td>'
        "<td>2023</td><td>fast</td></tr>\n"
        "<tr>\n"
        "  <td>GadgetLM</td>\n"
        '  <td><a href="https://arxiv.org/abs/2402.00002">Gadget Language Models<br>at Scale</a></td>\n'
        "  <td>2024</td>\n"
        "  <td>fast | cheap</td>\n"
        "</tr>\n"
        "</table>\n"
    )
    a, b = read_list_text(text, "t.html").entries
    assert (a.arxiv, a.name, a.title, a.year, a.sources) == (
        "2401.00001", "WidgetNet", "Widget Networks for Gadget Sorting", 2023, ["t.html:4"])
    assert "fast" in a.text and "GadgetLM" not in a.text
    # a row over lines is one item: its first line is its place, and no other row's cells are its notes
    assert (b.arxiv, b.name, b.title, b.year, b.sources) == (
        "2402.00002", "GadgetLM", "Gadget Language Models at Scale", 2024, ["t.html:5"])
    assert b.text == "fast | cheap" and "Widget" not in b.text


def test_an_html_table_of_contents_is_no_paper_and_rows_side_by_side_read_as_text() -> None:
    toc = (
        '<table>\n<tr><td><a href="#models">1. Models</a></td></tr>\n'
        '<tr><td><a href="#surveys">2. Surveys</a></td></tr>\n</table>\n\n'
        "## Models\n- [Widget Networks for Gadget Sorting](https://arxiv.org/abs/2401.00001)\n"
    )
    assert [(e.arxiv, e.title) for e in read_list_text(toc, "t.md").entries] == [
        ("2401.00001", "Widget Networks for Gadget Sorting")]
    one_line = (
        '<table><tr><td><a href="https://arxiv.org/abs/2401.00001">Widget Networks</a></td></tr>'
        '<tr><td><a href="https://arxiv.org/abs/2402.00002">Gadget Models</a></td></tr></table>\n'
    )
    assert [e.arxiv for e in read_list_text(one_line, "t.html").entries] == ["2401.00001", "2402.00002"]


def test_a_name_column_row_whose_paper_page_has_no_id_is_named_with_its_citation_badges_id() -> None:
    s2a, s2b = "a" * 40, "b" * 40
    badge = "[![citation](https://img.shields.io/badge/dynamic/json?label=citation)](https://www.semanticscholar.org/paper/Widget/{})"
    text = (
        "| 已录制 | 年份 | 名字 | 简介 | 引用 |\n"
        "| --- | --- | --- | --- | --- |\n"
        f"| ✅ | 2012 | [WidgetNet](https://papers.nips.cc/paper/2012/file/widget-Paper.pdf) | 奠基作 | {badge.format(s2a)} |\n"
        f"| ✅ | 2021 | [GadgetCLIP](https://example.org/blog/gadget/) | 对比学习 | {badge.format(s2b)} |\n"
    )
    a, b = read_list_text(text, "zh.md").entries
    assert (a.s2_id, a.name) == (s2a, "WidgetNet")  # the proceedings page and its badge: one paper
    assert (b.s2_id, b.name) == (s2b, "GadgetCLIP")  # a blog link: the 名字 (name) column names it


def test_a_name_column_names_the_paper_linked_in_it_beside_its_citation_badge() -> None:
    badge = "[![citation](https://img.shields.io/badge/dynamic/json?label=citation)](https://www.semanticscholar.org/paper/W/{})"
    text = (
        "| 已录制 | 年份 | 名字 | 简介 | 引用 |\n"
        "| --- | --- | --- | --- | --- |\n"
        f"| | 2015 | [Fast Widget-CNN](http://arxiv.org/abs/1504.08083v2) | 快 | {badge.format('a' * 40)} |\n"
        f"| | 2016 | **[Zero](https://arxiv.org/abs/1910.02054)** | 分片 | {badge.format('b' * 40)} |\n"
        f"| | 2017 | [GadgetNet](https://arxiv.org/abs/1706.00001) | 网络 | [Widget Nets](https://arxiv.org/abs/1706.00002) |\n"
    )
    papers, _ = by_arxiv(text)
    # the column says it is a name, so one may open with an ordinary word; the badge is the same paper
    assert (papers["1504.08083"].name, papers["1504.08083"].s2_id) == ("Fast Widget-CNN", "a" * 40)
    assert papers["1910.02054"].name is None  # an ordinary word alone would be found in every text
    # two papers in one row: the name is the one linked in the name column's
    assert (papers["1706.00001"].name, papers["1706.00002"].name) == ("GadgetNet", None)


def test_italic_authors_between_a_bold_title_and_its_link_are_authors_not_title() -> None:
    text = (
        "1. **Widget state transitions.** *Ada B. Lovelace.* ICLR 2016. [paper](https://arxiv.org/abs/1611.00001)\n\n"
        "1. **Gadget networks for widget classification** *A. Turing and G. Hopper.* "
        "IEEE Transactions on Widget Networks 1997. [paper](https://www.ncbi.nlm.nih.gov/pubmed/1)\n\n"
        "1. **WidgetGAN: An implicit model for small gadgets.**\n"
        "*Ada Lovelace, Alan Turing.* 2018. [paper](https://arxiv.org/pdf/1805.11111.pdf)\n\n"
        "- Widget Nets Revisited Again *Ada Lovelace, Alan Turing* 2019 [pdf](https://arxiv.org/abs/1905.05555)\n"
    )
    a, b, c, d = read_list_text(text, "gnn.md").entries
    assert (a.arxiv, a.title, a.authors, a.venue, a.year) == (
        "1611.00001", "Widget state transitions", ["Ada B. Lovelace"], "ICLR", 2016)
    assert (b.title, b.authors, b.venue, b.year) == (
        "Gadget networks for widget classification", ["A. Turing", "G. Hopper"],
        "IEEE Transactions on Widget Networks", 1997)
    # the author line under the title is the same entry: one paper, not one titled by its authors
    assert (c.arxiv, c.title, c.authors, c.year, c.sources) == (
        "1805.11111", "WidgetGAN: An implicit model for small gadgets", ["Ada Lovelace", "Alan Turing"], 2018, ["gnn.md:5"])
    assert (d.title, d.authors, d.year) == ("Widget Nets Revisited Again", ["Ada Lovelace", "Alan Turing"], 2019)


def test_a_link_text_citing_authors_and_year_or_a_venue_is_no_title() -> None:
    text = (
        "## Related work\n\n"
        "- [Lovelace et al. (2020)](https://aclanthology.org/2020.emnlp-main.999/): indirect widgets.\n"
        "- [Turing (2024)](https://doi.org/10.1371/journal.pone.0000001): gadget bias.\n"
        "- [Widget Folding at Scale](https://aclanthology.org/2023.acl-long.998/): the method we extend.\n\n"
        "**GadgetText: A Benchmark for Captioning Widgets**  \n"
        "Ada B. Lovelace, Alan Turing, Grace Hopper  \n"
        "[ACL 2023 Outstanding paper](https://aclanthology.org/2023.acl-long.997.pdf) • [Code](https://github.com/a/gt)\n"
    )
    papers = read_list_text(text, "notes.md").entries
    assert [(e.doi, e.title) for e in papers] == [
        ("10.1371/journal.pone.0000001", None),  # an id keeps the paper; a citation is no title
        (None, "Widget Folding at Scale"),
        (None, "GadgetText: A Benchmark for Captioning Widgets"),  # the block's title, not its authors line
    ]
    assert papers[2].repos == ["github.com/a/gt"]


def test_a_venue_with_a_slash_or_without_a_year_is_no_title() -> None:
    text = (
        "**Learning Widget Coding with Gadget Models** \\\n"
        "*Ada Lovelace, Alan Turing* \\\n"
        "WSA/SCC 2023. [[Paper](https://arxiv.org/abs/2302.01111)] \\\n"
        "3 Feb 2023\n\n"
        "1. **Cross-Widget Relation Extraction with Gadget LSTMs.** TACL. [paper](https://arxiv.org/abs/1708.03333)\n"
        "1. **Widget relation extraction using gadget state LSTM.** EMNLP 18. [paper](https://arxiv.org/abs/1808.09999)\n"
    )
    papers, _ = by_arxiv(text)
    a, b, c = papers["2302.01111"], papers["1708.03333"], papers["1808.09999"]
    assert (a.title, a.authors, a.venue, a.year) == (
        "Learning Widget Coding with Gadget Models", ["Ada Lovelace", "Alan Turing"], "WSA/SCC", 2023)
    assert (b.title, b.venue) == ("Cross-Widget Relation Extraction with Gadget LSTMs", "TACL")
    assert (c.title, c.venue) == ("Widget relation extraction using gadget state LSTM", "EMNLP 18")


@pytest.mark.parametrize("url", [
    "https://openreview.net/forum?id=wIdGeT04",
    "https://openaccess.thecvf.com/content/CVPR2023/html/Widget_CVPR_2023_paper.html",
    "https://proceedings.neurips.cc/paper_files/paper/2022/hash/abc-Abstract-Conference.html",
    "https://aclanthology.org/2023.acl-long.999/",
    "https://proceedings.mlr.press/v139/widget21a.html",
    "https://ieeexplore.ieee.org/document/1234567",
    "https://dl.acm.org/citation.cfm?id=3186116",
    "https://pubmed.ncbi.nlm.nih.gov/12345678/",
    "https://www.sciencedirect.com/science/article/pii/S0893608019000001",
])
def test_a_titled_link_to_a_papers_own_page_is_a_paper_without_an_id(url: str) -> None:
    r = read_list_text(f"- [Widget Networks for Gadget Graphs]({url})\n", "x.md")
    assert [(e.arxiv, e.doi, e.title) for e in r.entries] == [(None, None, "Widget Networks for Gadget Graphs")]


@pytest.mark.parametrize("url", [
    "https://github.com/a/widgets", "https://www.youtube.com/watch?v=x", "https://example.org/blog/widgets",
    "https://huggingface.co/a/widget-model", "https://mp.weixin.qq.com/s/abc",
])
def test_a_titled_link_to_code_video_or_a_blog_is_no_paper(url: str) -> None:
    r = read_list_text(f"- [Widget Networks for Gadget Graphs]({url})\n", "x.md")
    assert r.entries == []


def test_a_venue_and_year_as_link_text_or_a_citation_by_surname_date_the_paper() -> None:
    text = (
        "* Widget Fields for Gadget Rendering [[CVPR 2024](https://arxiv.org/abs/2312.07654)]\n"
        "- [Gadget Fields for Widget Rendering](https://arxiv.org/abs/2312.07655) (Lee et al., ICCV 2023)\n"
        "- [Sparse Gadget Priors for Widgets](https://arxiv.org/abs/2312.07656) (a fast model, 2023)\n"
    )
    papers, _ = by_arxiv(text)
    a, b, c = papers["2312.07654"], papers["2312.07655"], papers["2312.07656"]
    assert (a.title, a.venue, a.year) == ("Widget Fields for Gadget Rendering", "CVPR", 2024)
    assert (b.title, b.venue, b.year, b.authors, b.text) == (
        "Gadget Fields for Widget Rendering", "ICCV", 2023, [], "")
    assert (c.venue, c.text) == (None, "(a fast model, 2023)")  # a note that happens to end in a year


def test_who_and_where_after_a_papers_links_are_its_authors_venue_and_year() -> None:
    text = (
        "- Widget Fields for Gadget Rendering [[arXiv](https://arxiv.org/abs/2312.07654)] "
        "[[Code](https://github.com/a/b)] - Ann Lee et al.\n\n"
        "**[Gadget Fields for Widget Rendering](https://arxiv.org/abs/2312.07655)** <br> Ann Lee, Bo Kim <br> CVPR 2024\n\n"
        '<a href="https://arxiv.org/abs/2312.07656">Sparse Gadget Priors for Widgets</a><br>Cy Wu, Di Xu<br>\n\n'
        "## More\n\n**[Dense Gadget Priors for Widgets](https://arxiv.org/abs/2312.07657)** <br> Ann Lee <br> a new benchmark\n"
    )
    papers, _ = by_arxiv(text)
    a, b, c, d = (papers[f"2312.0765{i}"] for i in range(4, 8))
    assert (a.title, a.authors, a.text) == ("Widget Fields for Gadget Rendering", ["Ann Lee"], "")
    assert (b.title, b.authors, b.venue, b.year) == ("Gadget Fields for Widget Rendering", ["Ann Lee", "Bo Kim"],
                                                     "CVPR", 2024)
    assert (c.title, c.authors) == ("Sparse Gadget Priors for Widgets", ["Cy Wu", "Di Xu"])
    assert (d.title, d.authors) == ("Dense Gadget Priors for Widgets", [])  # a line that is no byline: a note
    assert "a new benchmark" in d.text


def test_an_ieee_citation_gives_title_authors_venue_and_year() -> None:
    text = '[1] A. Lee and B. Kim, "Widget Fields for Gadget Rendering," in Proc. CVPR, 2024. arXiv:2312.07654\n'
    e = by_arxiv(text)[0]["2312.07654"]
    assert (e.title, e.authors, e.venue, e.year) == ("Widget Fields for Gadget Rendering", ["A. Lee", "B. Kim"],
                                                     "CVPR", 2024)


def test_a_bold_title_after_its_authors_is_the_title_and_they_its_authors() -> None:
    text = (
        "1. Ann Lee, Bo Kim. **Widget Fields for Gadget Rendering**. CVPR 2024. [[pdf](https://arxiv.org/pdf/2312.07654)]\n"
        "2. Ann Lee, Bo Kim. **Gadget Fields** and a long note on them. [[pdf](https://arxiv.org/pdf/2312.07655)]\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2312.07654"], papers["2312.07655"]
    assert (a.title, a.authors, a.venue, a.year) == ("Widget Fields for Gadget Rendering", ["Ann Lee", "Bo Kim"],
                                                     "CVPR", 2024)
    assert (b.title, b.authors, b.text) == ("Gadget Fields", ["Ann Lee", "Bo Kim"], "and a long note on them")


@pytest.mark.parametrize("line", [
    "* `Widget Fields for Gadget Rendering <https://arxiv.org/abs/2312.07654>`_\n",
    "* `Widget Fields for Gadget Rendering <https://arxiv.org/abs/2312.07654>`__\n",
    "- [[https://arxiv.org/abs/2312.07654][Widget Fields for Gadget Rendering]]\n",
])
def test_restructuredtext_and_org_mode_links_are_links(line: str) -> None:
    assert by_arxiv(line)[0]["2312.07654"].title == "Widget Fields for Gadget Rendering"


def test_an_items_continuation_line_of_italic_names_is_its_authors() -> None:
    text = (
        "- Widget Fields for Gadget Rendering\n  *Ann Lee, Bo Kim*\n  [CVPR 2024](https://arxiv.org/abs/2312.07654)\n"
        "- Gadget Fields for Widget Rendering\n  *a fast renderer, with widgets*\n  [arXiv](https://arxiv.org/abs/2312.07655)\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2312.07654"], papers["2312.07655"]
    assert (a.authors, a.venue, a.year, a.text) == (["Ann Lee", "Bo Kim"], "CVPR", 2024, "")
    assert (b.authors, b.text) == ([], "*a fast renderer, with widgets*")


def test_a_tab_separated_line_gives_title_and_year() -> None:
    e = by_arxiv("Widget Fields for Gadget Rendering\thttps://arxiv.org/abs/2312.07654\t2024\n")[0]["2312.07654"]
    assert (e.title, e.year) == ("Widget Fields for Gadget Rendering", 2024)


def test_authors_after_semicolons_are_authors_not_title() -> None:
    e = by_arxiv("- Widget Fields for Gadgets; Ann Lee; Bo Kim [arXiv](https://arxiv.org/abs/2312.07654)\n")[0]
    assert (e["2312.07654"].title, e["2312.07654"].authors) == ("Widget Fields for Gadgets", ["Ann Lee", "Bo Kim"])
    f = by_arxiv("- Widget Fields; a faster variant [arXiv](https://arxiv.org/abs/2312.07654)\n")[0]
    assert f["2312.07654"].authors == []


def test_a_definition_lists_term_titles_the_paper_linked_in_its_definition() -> None:
    text = "Widget Fields for Gadget Rendering\n: [arXiv](https://arxiv.org/abs/2312.07654), 2024\n"
    e = by_arxiv(text)[0]["2312.07654"]
    assert (e.title, e.year) == ("Widget Fields for Gadget Rendering", 2024)


def test_a_comma_separated_line_keeps_its_arxiv_url_without_what_the_comma_glued_on() -> None:
    papers, r = by_arxiv('"Widget Fields for Gadget Rendering",https://arxiv.org/abs/2312.07654,2024\n')
    assert papers["2312.07654"].title == "Widget Fields for Gadget Rendering"
    assert r.warnings == []  # the url is no malformed one
    bad, r2 = by_arxiv("See https://arxiv.org/abs/2312.0765x,2024\n")
    assert bad == {} and any("malformed arXiv link" in str(w) for w in r2.warnings)


def test_a_title_after_a_link_whose_text_is_the_id_is_the_title() -> None:
    text = (
        "- [arXiv:2312.07654](https://arxiv.org/abs/2312.07654) Widget Fields for Gadget Rendering\n"
        "- [2312.07655](https://arxiv.org/abs/2312.07655) We render gadgets with widget fields\n"
        "- [arXiv:2312.07657](https://arxiv.org/abs/2312.07657) great results on gadgets\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2312.07654"].title == "Widget Fields for Gadget Rendering"
    assert [papers[f"2312.0765{i}"].title for i in (5, 7)] == [None, None]  # a sentence, a note
    assert papers["2312.07657"].text == "great results on gadgets"


def test_a_bold_venue_and_year_before_a_dash_is_the_venue_not_the_title() -> None:
    e = by_arxiv("- **CVPR 2024** - Dense Gadget Memory [[arXiv](https://arxiv.org/abs/2311.08765)]\n")[0]["2311.08765"]
    assert (e.title, e.venue, e.year, e.name) == ("Dense Gadget Memory", "CVPR", 2024, None)


def test_an_id_in_brackets_then_title_and_names_as_arxiv_digests_write_them() -> None:
    text = "- [2311.08765] Dense Gadget Memory for Widgets. Ann Lee, Bo Kim. [PDF](https://arxiv.org/pdf/2311.08765)\n"
    e = by_arxiv(text)[0]["2311.08765"]
    assert (e.title, e.authors) == ("Dense Gadget Memory for Widgets", ["Ann Lee", "Bo Kim"])


def test_names_after_a_br_in_a_tables_title_cell_are_its_authors() -> None:
    text = (
        "| Title | Links |\n|---|---|\n"
        "| **Dense Gadget Memory**<br>Ann Lee, Bo Kim | [arXiv](https://arxiv.org/abs/2311.08765) |\n"
        "| **Sparse Gadget Memory**<br>a faster one | [arXiv](https://arxiv.org/abs/2311.08766) |\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2311.08765"], papers["2311.08766"]
    assert (a.title, a.authors, a.text) == ("Dense Gadget Memory", ["Ann Lee", "Bo Kim"], "")
    assert (b.title, b.authors, b.text) == ("Sparse Gadget Memory", [], "a faster one")


def test_names_and_venue_after_a_link_parted_by_commas() -> None:
    e = by_arxiv("- [Dense Gadget Memory](https://arxiv.org/abs/2311.08765), Ann Lee, Bo Kim, CVPR 2024\n")[0]
    assert (e["2311.08765"].authors, e["2311.08765"].venue, e["2311.08765"].year) == (["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_an_author_year_citation_with_full_names_and_a_quoted_title() -> None:
    text = '1. Ann Lee and Bo Kim (2024). "Dense Gadget Memory". CVPR. [arXiv](https://arxiv.org/abs/2311.08765)\n'
    e = by_arxiv(text)[0]["2311.08765"]
    assert (e.title, e.authors, e.venue, e.year) == ("Dense Gadget Memory", ["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_a_title_before_an_autolink_keeps_no_angle_bracket() -> None:
    assert by_arxiv("- Dense Gadget Memory <https://arxiv.org/abs/2311.08765>\n")[0]["2311.08765"].title == (
        "Dense Gadget Memory")


def test_a_venue_badge_before_a_title_dates_its_paper() -> None:
    text = "- ![](https://img.shields.io/badge/CVPR-2024-blue) Widget Planning with Gadgets [[paper](https://arxiv.org/abs/2310.04567)]\n"
    e = by_arxiv(text)[0]["2310.04567"]
    assert (e.title, e.venue, e.year) == ("Widget Planning with Gadgets", "CVPR", 2024)
    arxiv_badge = "- [![arXiv](https://img.shields.io/badge/arXiv-2310.04568-b31b1b)](https://arxiv.org/abs/2310.04568) Gadget Nets\n"
    assert by_arxiv(arxiv_badge)[0]["2310.04568"].venue is None  # an id on a badge is no venue


def test_a_title_then_a_dash_then_its_byline() -> None:
    text = "- Widget Planning with Gadgets — Ann Lee, Bo Kim (CVPR 2024) [pdf](https://arxiv.org/pdf/2310.04567)\n"
    e = by_arxiv(text)[0]["2310.04567"]
    assert (e.title, e.authors, e.venue, e.year) == ("Widget Planning with Gadgets", ["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_hashtags_after_the_links_are_the_note_and_leave_the_title() -> None:
    e = by_arxiv("- Widget Planning with Gadgets [[arXiv](https://arxiv.org/abs/2310.04567)] #planning #graphs\n")[0]
    assert (e["2310.04567"].title, e["2310.04567"].text) == ("Widget Planning with Gadgets", "#planning #graphs")


def test_a_title_in_book_quotes_then_its_venue() -> None:
    e = by_arxiv("- 《Widget Planning with Gadgets》(CVPR 2024) [论文](https://arxiv.org/abs/2310.04567)\n")[0]
    assert (e["2310.04567"].title, e["2310.04567"].venue, e["2310.04567"].year) == (
        "Widget Planning with Gadgets", "CVPR", 2024)


def test_a_piped_items_venue_cell_and_a_headerless_html_rows_venue_cell() -> None:
    text = (
        "- Widget Planning with Gadgets | CVPR 2024 | [Paper](https://arxiv.org/abs/2310.04567) | [Code](https://github.com/a/b)\n\n"
        '<table>\n<tr><td><a href="https://arxiv.org/abs/2310.04568">Gadget Planning with Widgets</a></td>'
        "<td>ICCV 2023</td></tr>\n</table>\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2310.04567"], papers["2310.04568"]
    assert (a.title, a.venue, a.year) == ("Widget Planning with Gadgets", "CVPR", 2024)
    assert (b.title, b.venue, b.year) == ("Gadget Planning with Widgets", "ICCV", 2023)


def test_a_latex_bibitem_written_names_first() -> None:
    text = "\\bibitem{lee2024} A. Lee and B. Kim. Widget Planning with Gadgets. In CVPR, 2024. arXiv:2310.04567\n"
    e = by_arxiv(text)[0]["2310.04567"]
    assert (e.title, e.authors, e.venue, e.year) == ("Widget Planning with Gadgets", ["A. Lee", "B. Kim"], "CVPR", 2024)


def test_a_notion_tables_name_column_holding_a_whole_title_is_the_title() -> None:
    text = (
        "| Name | Tags | URL |\n|---|---|---|\n"
        "| Widget Planning with Gadget Graphs | planning | https://arxiv.org/abs/2310.04567 |\n"
        "| WidgetNet | planning | https://arxiv.org/abs/2310.04568 |\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2310.04567"].title, papers["2310.04567"].name) == ("Widget Planning with Gadget Graphs", None)
    assert (papers["2310.04568"].title, papers["2310.04568"].name) == (None, "WidgetNet")


def test_an_italic_venue_under_a_bold_title_is_its_venue() -> None:
    e = by_arxiv("**Widget Planning with Gadgets**\n*CVPR 2024*\n[arXiv](https://arxiv.org/abs/2310.04567)\n")[0]
    assert (e["2310.04567"].title, e["2310.04567"].venue, e["2310.04567"].year) == (
        "Widget Planning with Gadgets", "CVPR", 2024)


@pytest.mark.parametrize("line", [
    "- Ann Lee, Bo Kim. Widget Planning with Gadgets. CVPR 2024. [pdf](https://arxiv.org/pdf/2310.04567)\n",
    "- CVPR 2024. Widget Planning with Gadgets. Ann Lee, Bo Kim. [pdf](https://arxiv.org/pdf/2310.04567)\n",
    "- Widget Planning with Gadgets (Ann Lee, Bo Kim) - In Proc. CVPR, 2024 [pdf](https://arxiv.org/pdf/2310.04567)\n",
])
def test_a_title_its_authors_and_venue_in_any_order_are_told_apart(line: str) -> None:
    e = by_arxiv(line)[0]["2310.04567"]
    assert (e.title, e.authors, e.venue, e.year) == ("Widget Planning with Gadgets", ["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_parts_that_are_no_byline_leave_the_title_whole() -> None:
    e = by_arxiv("- Widget Planning - a fast take on gadgets. CVPR 2024 [pdf](https://arxiv.org/pdf/2310.04567)\n")[0]
    assert e["2310.04567"].authors == [] and e["2310.04567"].title.startswith("Widget Planning - a fast take")


@pytest.mark.parametrize(("line", "authors"), [
    ("1. Lee, A., Kim, B.: Widget Alignment for Gadgets. In: CVPR (2024) [arXiv](https://arxiv.org/abs/2309.03456)\n",
     ["A. Lee", "B. Kim"]),
    ('- Lee, Ann, and Bo Kim. "Widget Alignment for Gadgets." *CVPR* (2024). [arXiv](https://arxiv.org/abs/2309.03456)\n',
     ["Ann Lee", "Bo Kim"]),
])
def test_springer_and_chicago_citations(line: str, authors: list[str]) -> None:
    e = by_arxiv(line)[0]["2309.03456"]
    assert (e.title, e.authors, e.venue, e.year) == ("Widget Alignment for Gadgets", authors, "CVPR", 2024)


def test_a_venue_with_a_two_digit_year_and_a_conf_column() -> None:
    text = (
        "1. Widget Alignment for Gadgets [CVPR'24] [[paper](https://arxiv.org/abs/2309.03456)]\n\n"
        "| Title | Conf. | Year |\n|---|---|---|\n| [Gadget Alignment for Widgets](https://arxiv.org/abs/2309.03457) | ICCV | 2023 |\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2309.03456"], papers["2309.03457"]
    assert (a.title, a.venue, a.year) == ("Widget Alignment for Gadgets", "CVPR", 2024)
    assert (b.title, b.venue, b.year) == ("Gadget Alignment for Widgets", "ICCV", 2023)


def test_a_title_over_a_line_of_names_over_the_link_in_a_heading_or_a_blockquote() -> None:
    text = (
        "#### Widget Alignment for Gadgets (2024)\nAnn Lee, Bo Kim\n[arXiv](https://arxiv.org/abs/2309.03456)\n\n"
        "## Quoted\n\n> Gadget Alignment for Widgets\n> Cy Wu, Di Xu\n> [arXiv](https://arxiv.org/abs/2309.03457)\n"
    )
    papers, _ = by_arxiv(text)
    a, b = papers["2309.03456"], papers["2309.03457"]
    assert (a.title, a.authors, a.year, a.text) == ("Widget Alignment for Gadgets", ["Ann Lee", "Bo Kim"], 2024, "")
    assert (b.title, b.authors, b.text) == ("Gadget Alignment for Widgets", ["Cy Wu", "Di Xu"], "")


def test_an_emoji_shortcode_a_wiki_link_a_bold_title_said_of_and_html_italics() -> None:
    text = (
        "- Widget Tokens for Gadgets [:page_facing_up:](https://arxiv.org/pdf/2308.02345)\n"
        "- [[Gadget Tokens for Widgets]] https://arxiv.org/abs/2308.02346\n"
        "- **Widget Diffusion with Tokens**: A diffusion model over widget tokens. [paper](https://arxiv.org/abs/2308.02347)\n"
        "- **Janus**: Widget Tokens Decoupled [paper](https://arxiv.org/abs/2308.02348)\n\n"
        '<ol><li><i>Sparse Widget Tokens</i>, Ann Lee, Bo Kim. <a href="https://arxiv.org/abs/2308.02349">arXiv</a></li></ol>\n'
    )
    papers, _ = by_arxiv(text)
    assert papers["2308.02345"].title == "Widget Tokens for Gadgets"
    assert papers["2308.02346"].title == "Gadget Tokens for Widgets"
    c = papers["2308.02347"]
    assert (c.title, c.text) == ("Widget Diffusion with Tokens", "A diffusion model over widget tokens.")
    assert papers["2308.02348"].title == "Janus: Widget Tokens Decoupled"  # a bold name, then its title
    assert (papers["2308.02349"].title, papers["2308.02349"].authors) == ("Sparse Widget Tokens", ["Ann Lee", "Bo Kim"])


@pytest.mark.parametrize("text", [
    "**Unified Widget Perception**（CVPR 2024）\n论文链接：https://arxiv.org/abs/2307.01234\n",
    "标题：Unified Widget Perception 链接：https://arxiv.org/abs/2307.01234\n",
    "📖 论文：Unified Widget Perception\n🔗 地址：https://arxiv.org/abs/2307.01234\n",
    "### 1、Unified Widget Perception\n论文：https://arxiv.org/abs/2307.01234\n",
    "Unified Widget Perception with Experts\n\narXiv：https://arxiv.org/abs/2307.01234\n",
    "【论文】Unified Widget Perception【链接】https://arxiv.org/abs/2307.01234\n",
    "Unified Widget Perception with Experts\n论文：arXiv:2307.01234\n",
])
def test_chinese_notes_titles_over_or_beside_labelled_links(text: str) -> None:
    assert by_arxiv(text)[0]["2307.01234"].title.startswith("Unified Widget Perception")


def test_a_line_between_a_title_label_and_its_link_does_not_take_the_link() -> None:
    text = "Title：Widget Perception: Unified\n\nGadget Widget Perception\n\nPaper：https://arxiv.org/pdf/2307.01234\n"
    assert by_arxiv(text)[0]["2307.01234"].title == "Widget Perception: Unified"


def test_chinese_et_al_paren_scholar_preprint_and_comma_parted_entries() -> None:
    text = (
        "- [Unified Widget Perception](https://arxiv.org/abs/2307.01234)（Ann Lee 等，CVPR 2024）\n"
        "- Gadget Perception with Widgets. *arXiv preprint arXiv:2307.01235*, 2023.\n"
        "- Widget Experts for Gadgets, Ann Lee and Bo Kim, ICCV 2023, [arXiv](https://arxiv.org/abs/2307.01236)\n"
        "- Gadget Experts for Widgets (Ann Lee, Bo Kim, CVPR 2024) [paper](https://arxiv.org/abs/2307.01237)\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2307.01234"].venue, papers["2307.01234"].year) == ("CVPR", 2024)
    assert papers["2307.01235"].title == "Gadget Perception with Widgets"
    c, d = papers["2307.01236"], papers["2307.01237"]
    assert (c.title, c.authors, c.venue, c.year) == ("Widget Experts for Gadgets", ["Ann Lee", "Bo Kim"], "ICCV", 2023)
    assert (d.title, d.authors, d.venue, d.year) == ("Gadget Experts for Widgets", ["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_a_paragraphs_last_line_over_a_labelled_link_is_prose_not_a_title() -> None:
    text = "We discuss widgets at length here.\nRead more about it\nPaper: https://arxiv.org/abs/2307.01234\n"
    assert by_arxiv(text)[0]["2307.01234"].title is None


def test_an_item_opening_with_a_bare_arxiv_id_then_its_title() -> None:
    text = "- 2306.07890 - Adaptive Gadget Caching for Widgets\n1. 2306.07891\nVersion 2306.07892 of the notes\n"
    papers, _ = by_arxiv(text)
    assert papers["2306.07890"].title == "Adaptive Gadget Caching for Widgets"
    assert "2306.07891" in papers and "2306.07892" not in papers  # a bare number inside prose is no id


def test_hard_broken_lines_of_title_names_and_venue_over_the_link() -> None:
    text = "Adaptive Gadget Caching  \nAnn Lee, Bo Kim  \nCVPR 2024  \n[arXiv](https://arxiv.org/abs/2306.07890)\n"
    e = by_arxiv(text)[0]["2306.07890"]
    assert (e.title, e.authors, e.venue, e.year, e.text) == ("Adaptive Gadget Caching", ["Ann Lee", "Bo Kim"], "CVPR",
                                                             2024, "")


def test_a_year_before_a_colon_and_a_venue_after_an_emoji() -> None:
    text = (
        "- 2024: Adaptive Gadget Caching [arXiv](https://arxiv.org/abs/2306.07890)\n"
        "- [Widget Caching for Gadgets](https://arxiv.org/abs/2306.07891) 🔥 [CVPR 2024]\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2306.07890"].title, papers["2306.07890"].year) == ("Adaptive Gadget Caching", 2024)
    assert (papers["2306.07891"].venue, papers["2306.07891"].year) == ("CVPR", 2024)


def test_html_cards_parts_and_a_byline_paragraph_under_a_linked_heading() -> None:
    text = (
        '<div class="paper"><div class="title">Sparse Gadget Routing</div><div class="authors">Ann Lee, Bo Kim</div>'
        '<a href="https://arxiv.org/abs/2305.03456">arXiv</a></div>\n\n'
        '<li><strong>Dense Gadget Routing</strong><br/>Cy Wu, Di Xu<br/><a href="https://arxiv.org/abs/2305.03457">paper</a></li>\n\n'
        '<h3><a href="https://arxiv.org/abs/2305.03458">Gadget Routing in Widgets</a></h3>\n<p>Ann Lee, Bo Kim. CVPR 2024.</p>\n'
    )
    papers, _ = by_arxiv(text)
    a, b, c = papers["2305.03456"], papers["2305.03457"], papers["2305.03458"]
    assert (a.title, a.authors) == ("Sparse Gadget Routing", ["Ann Lee", "Bo Kim"])
    assert (b.title, b.authors) == ("Dense Gadget Routing", ["Cy Wu", "Di Xu"])
    assert (c.title, c.authors, c.venue, c.year) == ("Gadget Routing in Widgets", ["Ann Lee", "Bo Kim"], "CVPR", 2024)


def test_a_venue_before_a_titled_link_and_titles_before_labelled_links() -> None:
    text = (
        "- **CVPR 2024** [Sparse Gadget Routing](https://arxiv.org/abs/2305.03456)\n"
        "- [ICCV 2023] [Dense Gadget Routing](https://arxiv.org/abs/2305.03457)\n"
        "- 《Gadget Routing in Widgets》论文地址：https://arxiv.org/abs/2305.03458\n"
        "1. Widget Routing for Gadgets [论文](https://arxiv.org/abs/2305.03459) 提出了一种新方法。\n"
        "2. We build on the method in [paper](https://arxiv.org/abs/2305.03460) for this.\n"
        "(1) Routing Gadgets with Widgets. [paper](https://arxiv.org/abs/2305.03461)\n\n"
        "Widget Gadget Routing Anew\n\n[Paper](https://arxiv.org/abs/2305.03462) | [Code](https://github.com/a/b)\n"
    )
    papers, _ = by_arxiv(text)
    assert (papers["2305.03456"].venue, papers["2305.03456"].year) == ("CVPR", 2024)
    assert (papers["2305.03457"].venue, papers["2305.03457"].year) == ("ICCV", 2023)
    assert papers["2305.03458"].title == "Gadget Routing in Widgets"
    assert (papers["2305.03459"].title, papers["2305.03459"].text) == ("Widget Routing for Gadgets", "提出了一种新方法。")
    assert papers["2305.03460"].title is None  # a sentence before the link ends in "in": no title
    assert papers["2305.03461"].title == "Routing Gadgets with Widgets"
    assert papers["2305.03462"].title == "Widget Gadget Routing Anew"


@pytest.mark.parametrize(("text", "authors", "venue", "year"), [
    ("✨ **Sparse Gadget Fields for Widgets** (ICCV 2023) — [Paper](https://arxiv.org/abs/2309.01111) | "
     "[Project](https://w.github.io)\n", [], "ICCV", 2023),
    ("Title: Sparse Gadget Fields for Widgets | Venue: ICCV 2023 | Link: https://arxiv.org/abs/2309.01111\n",
     [], "ICCV", 2023),
    ("Title: Sparse Gadget Fields for Widgets | Authors: Cy Wu, Di Xu\nLink: https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("<details><summary>Sparse Gadget Fields for Widgets (ICCV 2023)</summary>\n\n"
     "- [pdf](https://arxiv.org/abs/2309.01111)\n</details>\n", [], "ICCV", 2023),
    ("| No. | Title | Venue |\n|---|---|---|\n| 7 | [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)"
     " | ICCV'23 |\n", [], "ICCV", 2023),
    ('2. <a href="https://arxiv.org/abs/2309.01111">Sparse Gadget Fields for Widgets</a> (Cy Wu, Di Xu) ICCV 2023\n',
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("* [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) by Cy Wu and Di Xu\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("- Sparse Gadget Fields for Widgets | Cy Wu, Di Xu | ICCV 2023 | [pdf](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("**Sparse Gadget Fields for Widgets**\n\nCy Wu, Di Xu\n\n[[PDF](https://arxiv.org/abs/2309.01111)]\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("* Sparse Gadget Fields for Widgets\n  > Cy Wu, Di Xu. ICCV 2023.\n  > [pdf](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("### Sparse Gadget Fields for Widgets\nCy Wu, Di Xu. ICCV 2023.\n[pdf](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
])
def test_a_title_with_its_byline_around_marks_pipes_brackets_and_nested_lines(
    text: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue) == ("Sparse Gadget Fields for Widgets", authors, venue)
    assert e.year == (year or 2023)


def test_a_pipe_in_a_labelled_title_stays_when_its_cells_are_not_labels() -> None:
    e = by_arxiv("Title: Widgets | Gadgets of All Sizes | Link: https://arxiv.org/abs/2309.01111\n")[0]["2309.01111"]
    assert e.title == "Widgets | Gadgets of All Sizes"


@pytest.mark.parametrize(("text", "authors", "venue", "year"), [
    ("Sparse Gadget Fields for Widgets（ICCV 2023）\n代码与论文：https://arxiv.org/abs/2309.01111\n", [], "ICCV", 2023),
    ("## 3. Sparse Gadget Fields for Widgets\n\n- 作者：Cy Wu, Di Xu\n- 机构：Gadget Lab\n"
     "- 论文：https://arxiv.org/abs/2309.01111\n", ["Cy Wu", "Di Xu"], None, None),
    ("# 【论文精读】Sparse Gadget Fields for Widgets\n\n原文链接：https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("> 原文：Sparse Gadget Fields for Widgets\n> 地址：https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("1. Sparse Gadget Fields for Widgets，Cy Wu, Di Xu 等，ICCV 2023，[PDF](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("* **Sparse Gadget Fields for Widgets** ([arXiv](https://arxiv.org/abs/2309.01111), "
     "[code](https://github.com/c/d)) - Cy Wu et al., ICCV 2023\n", ["Cy Wu"], "ICCV", 2023),
    ('<tr><td>2023</td><td><a href="https://arxiv.org/abs/2309.01111">Sparse Gadget Fields for Widgets</a></td>'
     "<td>ICCV</td></tr>\n", [], "ICCV", 2023),
    ("- https://arxiv.org/abs/2309.01111[Sparse Gadget Fields for Widgets]\n", [], None, None),
    ("- 2023-10 | ICCV | Sparse Gadget Fields for Widgets | [pdf](https://arxiv.org/abs/2309.01111)\n",
     [], "ICCV", 2023),
])
def test_chinese_notes_html_rows_and_asciidoc_links_give_the_title_and_fields(
    text: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, year or 2023)


def test_html_rows_without_a_table_end_where_the_rows_do() -> None:
    text = (
        '<tr><td><a href="https://arxiv.org/abs/2309.01111">Sparse Gadget Fields</a></td><td>ICCV 2023</td></tr>\n'
        "Widget notes: we liked it.\n"
        "- [Gadget Priors for Widgets](https://arxiv.org/abs/2309.02222)\n"
    )
    papers, _ = by_arxiv(text)
    assert papers["2309.01111"].venue == "ICCV" and papers["2309.02222"].title == "Gadget Priors for Widgets"
    assert "we liked it" in papers["2309.01111"].text + papers["2309.02222"].text


@pytest.mark.parametrize("line", [
    "DOI: 10.https://arxiv.org/abs/widgets\n", "CorpusId:%252Fhttp://arxiv.org/pdf/2405.0981\n",
])
def test_a_malformed_id_glued_to_a_malformed_link_is_named_without_the_link(line: str) -> None:
    r = read_list_text(line, "l.md")
    assert r.warnings and all("\0" not in str(w) for w in r.warnings)
    assert any("'10.'" in str(w) or "'%252F'" in str(w) for w in r.warnings)


@pytest.mark.parametrize(("text", "authors", "venue", "year", "name"), [
    ("5. 某实验室发布 GadgetFields，论文标题：Sparse Gadget Fields for Widgets，项目地址：https://arxiv.org/abs/2309.01111\n",
     [], None, None, None),
    ("- 论文标题：Sparse Gadget Fields for Widgets（ICCV 2023 Oral）\n- 论文链接：https://arxiv.org/abs/2309.01111\n",
     [], "ICCV", 2023, None),
    ("Sparse Gadget Fields for Widgets\n\n作者：Cy Wu, Di Xu\n\n单位：Gadget Lab\n\n论文：https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, None, None),
    ("题目：Sparse Gadget Fields for Widgets\n发表：ICCV 2023\n链接：https://arxiv.org/abs/2309.01111\n",
     [], "ICCV 2023", 2023, None),
    ("## Sparse Gadget Fields for Widgets\n\n> PDF：https://arxiv.org/abs/2309.01111\n> 代码：https://github.com/c/d\n",
     [], None, None, None),
    ("- 🔗 [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) · 🗓️ 2023 · 🏆 ICCV\n",
     [], "ICCV", 2023, None),
    ("Sparse Gadget Fields for Widgets. arXiv:2309.01111 [cs.LG]\n", [], None, None, None),
    ("2. Sparse Gadget Fields for Widgets\n   Cy Wu, Di Xu\n   ICCV 2023\n   https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023, None),
    ("* **GadgetFields**（Sparse Gadget Fields for Widgets）：稀疏场方法 [PDF](https://arxiv.org/abs/2309.01111)\n",
     [], None, None, "GadgetFields"),
])
def test_chinese_labels_in_sentences_and_paragraphs_dashed_fields_and_a_name_before_its_title(
    text: str, authors: list[str], venue: str | None, year: int | None, name: str | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, year or 2023)
    assert e.name == name


def test_a_level_two_heading_over_a_named_link_stays_a_section() -> None:
    papers, _ = by_arxiv("## Unified Multimodal Models\n\n- [Janus](https://arxiv.org/abs/2410.13848)\n")
    e = papers["2410.13848"]
    assert (e.title, e.name, e.tags) == (None, "Janus", ["Unified Multimodal Models"])


@pytest.mark.parametrize(("text", "authors", "venue", "year"), [
    ('<h3>Sparse Gadget Fields for Widgets</h3>\n<p>Cy Wu, Di Xu. <em>ICCV 2023</em>. '
     '<a href="https://arxiv.org/abs/2309.01111">PDF</a></p>\n', ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("* [ ] ~~Sparse Gadget Fields for Widgets~~ https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("标题：Sparse Gadget Fields for Widgets\n论文作者：Cy Wu, Di Xu\n发表会议：ICCV 2023\n地址：https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], "ICCV 2023", 2023),
    ("1. Sparse Gadget Fields for Widgets（Cy Wu 等）[PDF](https://arxiv.org/abs/2309.01111)\n", ["Cy Wu"], None, None),
    ("#### 【ICCV 2023】Sparse Gadget Fields for Widgets\n\n[arXiv](https://arxiv.org/abs/2309.01111)\n", [], "ICCV", 2023),
])
def test_struck_titles_headings_with_a_venue_or_a_byline_line_and_more_chinese_labels(
    text: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, year or 2023)


def test_a_heading_over_a_titled_link_with_a_byline_keeps_the_links_title() -> None:
    text = "### Widget Papers We Read\n[Gadget Priors for Widgets](https://arxiv.org/abs/2309.02222), Cy Wu, ICCV 2023\n"
    e = by_arxiv(text)[0]["2309.02222"]
    assert (e.title, e.tags) == ("Gadget Priors for Widgets", ["Widget Papers We Read"])


@pytest.mark.parametrize(("text", "authors", "venue", "year"), [
    ("Wu, C. and Xu, D. (2023) 'Sparse Gadget Fields for Widgets', ICCV. Available at: https://arxiv.org/abs/2309.01111\n",
     ["C. Wu", "D. Xu"], "ICCV", 2023),
    ("- Sparse Gadget Fields for Widgets [paper:: https://arxiv.org/abs/2309.01111] [venue:: ICCV 2023]\n",
     [], "ICCV", 2023),
    ("**Sparse Gadget Fields for Widgets** · 3 Oct 2023 · Cy Wu, Di Xu · [Paper](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], None, 2023),
    ("Sparse Gadget Fields for Widgets\nC Wu, D Xu - ICCV, 2023 - arxiv.org\n[PDF] https://arxiv.org/abs/2309.01111\n",
     ["C Wu", "D Xu"], "ICCV", 2023),
    ("Sparse Gadget Fields for Widgets (arxiv.org) https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("* 论文：Sparse Gadget Fields for Widgets；作者：Cy Wu, Di Xu；地址：https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("Sparse Gadget Fields for Widgets ➡️ https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("[7] Sparse Gadget Fields for Widgets. arXiv preprint arXiv:2309.01111, 2023.\n", [], None, None),
    ("2023-10-02 | Sparse Gadget Fields for Widgets | https://arxiv.org/abs/2309.01111\n", [], None, None),
])
def test_harvard_scholar_obsidian_and_news_site_habits(
    text: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, year or 2023)


def test_a_titles_own_brackets_and_an_emoji_only_title_stay() -> None:
    papers, _ = by_arxiv("- [Widgets for Node.js (Node.js)](https://arxiv.org/abs/2309.01111)\n")
    assert papers["2309.01111"].title == "Widgets for Node.js (Node.js)"


@pytest.mark.parametrize(("text", "authors", "venue", "year", "name"), [
    ("论文：Sparse Gadget Fields for Widgets（稀疏部件场）\n链接：https://arxiv.org/abs/2309.01111\n", [], None, None, None),
    ("- Sparse Gadget Fields for Widgets（GadgetFields）[论文](https://arxiv.org/abs/2309.01111)\n",
     [], None, None, "GadgetFields"),
    ("+++\ntitle = \"Sparse Gadget Fields for Widgets\"\narxiv = \"2309.01111\"\n+++\n\n读后感：很巧妙。\n",
     [], None, None, None),
    ("**Sparse Gadget Fields for Widgets** 作者：Cy Wu, Di Xu [PDF](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], None, None, None),
    ("2023-10-02 Sparse Gadget Fields for Widgets https://arxiv.org/abs/2309.01111\n", [], None, 2023, None),
    ("5. Sparse Gadget Fields for Widgets：提出稀疏部件场。论文：https://arxiv.org/abs/2309.01111\n",
     [], None, None, None),
    ("【ICCV 2023】Sparse Gadget Fields for Widgets\n作者：Cy Wu, Di Xu\n论文：https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023, None),
    ("Sparse Gadget Fields for Widgets, by Cy Wu and Di Xu (ICCV 2023)\n[PDF](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023, None),
])
def test_glosses_names_and_notes_beside_a_title_toml_front_matter_and_a_dated_line(
    text: str, authors: list[str], venue: str | None, year: int | None, name: str | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, year or 2023, name)


def test_toml_front_matter_naming_no_paper_and_broken_toml() -> None:
    blog = read_list_text("+++\ntitle = '多模态'\ndate = 2025-08-12T00:00:00+08:00\n+++\n\n# 多模态\n", "post.md")
    assert blog.entries == [] and [str(w) for w in blog.warnings] == ["post.md:1: no papers found"]
    broken = read_list_text("+++\ntitle = 'unclosed\n+++\n- [Widget Nets](https://arxiv.org/abs/2309.01111)\n", "n.md")
    assert [e.arxiv for e in broken.entries] == ["2309.01111"]
    assert [str(w)[:34] for w in broken.warnings] == ["n.md:1: front matter is not TOML ("]


@pytest.mark.parametrize(("text", "authors", "venue", "year", "name"), [
    ("[2023] [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\n", [], None, 2023, None),
    ("| Paper | Date |\n|---|---|\n| [Sparse Gadget Fields for Widgets](http://arxiv.org/abs/2309.01111) | 23.10 |\n",
     [], None, 2023, None),
    ("| Title | Authors | Paper |\n|---|---|---|\n| Sparse Gadget Fields for Widgets [@cywu](https://github.com/cywu)"
     " | Cy Wu, Di Xu | [arxiv preprint](https://arxiv.org/pdf/2309.01111) |\n", ["Cy Wu", "Di Xu"], None, None, None),
    ("### Sparse Gadget Fields for Widgets (2023)\n- **Authors**: Cy Wu et al. (Gadget Lab)\n- **Venue**: ICCV 2023\n"
     "- **Impact**: fields of gadgets\n- **Link**: [arXiv:2309.01111](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu"], "ICCV 2023", 2023, None),
    ("- **GadgetFields** – [Sparse Gadget Fields for Widgets (2023)](https://arxiv.org/abs/2309.01111)\n",
     [], None, 2023, "GadgetFields"),
    ("Cy Wu and Di Xu.\n\\newblock Gadgets.\n\\newblock \\url{https://arxiv.org/abs/2309.01111}.\n\n"
     "- [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\n", [], None, None, None),
    ("**[Sparse Gadget Fields for Widgets](./notes/gadget-fields.md)** · [Paper](https://arxiv.org/abs/2309.01111)\n",
     [], None, None, None),
    ("| Title | Author | Publish Date | Journal/Meeting |\n|---|---|---|---|\n| [Sparse Gadget Fields for Widgets]"
     "(https://arxiv.org/abs/2309.01111) | Cy Wu1*, Di Xu2 | 2023 | ICCV 2023 |\n", ["Cy Wu", "Di Xu"], "ICCV 2023", 2023, None),
    ("- [x] Sparse Gadget Fields for Widgets — 已读 ✅ [arXiv](https://arxiv.org/abs/2309.01111)\n", [], None, None, None),
    ("Sparse Gadget Fields for Widgets\n> 作者：Cy Wu, Di Xu | 会议：ICCV 2023 | [论文](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023, None),
    ("| Papers | Stars |\n| --- | --- |\n| [2023] [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)"
     " | :star: |\n", [], None, 2023, None),
])
def test_layouts_of_public_readmes_year_tags_local_notes_label_bullets_and_latex_urls(
    text: str, authors: list[str], venue: str | None, year: int | None, name: str | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, year or 2023, name)


def test_a_local_file_that_is_no_note_and_a_venue_in_a_link_text_stay_as_they_were() -> None:
    text = ("- **Gadget Nets**  \nNeurIPS 2023, [Paper](https://arxiv.org/pdf/2309.02222.pdf), [✒️ Citation](./bib.txt)\n"
            "- [Sparse Gadget Fields for Widgets (ICCV 2023)](https://arxiv.org/abs/2309.01111)\n")
    papers, _ = by_arxiv(text)
    assert (papers["2309.02222"].title, papers["2309.02222"].venue) == ("Gadget Nets", "NeurIPS")
    assert papers["2309.01111"].title == "Sparse Gadget Fields for Widgets (ICCV 2023)"


@pytest.mark.parametrize(("text", "authors", "venue", "year"), [
    ('<dl>\n<dt>Sparse Gadget Fields for Widgets</dt>\n<dd>Cy Wu, Di Xu. ICCV 2023. '
     '<a href="https://arxiv.org/abs/2309.01111">pdf</a></dd>\n</dl>\n', ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("# Sparse Gadget Fields for Widgets\n\nAuthors: Cy Wu, Di Xu\nYear: 2023\nURL: https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, 2023),
    ('<h1>Sparse Gadget Fields for Widgets</h1>\n<p>Cy Wu, Di Xu (2023)</p>\n'
     '<p><a href="https://arxiv.org/abs/2309.01111">arXiv</a></p>\n', ["Cy Wu", "Di Xu"], None, 2023),
    ("Sparse Gadget Fields for Widgets | [arXiv](https://arxiv.org/abs/2309.01111) | ⭐ 512 | 🤗 Demo\n", [], None, None),
    ("【标题】Sparse Gadget Fields for Widgets\n【作者】Cy Wu, Di Xu\n【链接】https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("2️⃣ Sparse Gadget Fields for Widgets\n📄 https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("> **Sparse Gadget Fields for Widgets**\n> Cy Wu, Di Xu · ICCV 2023\n> [arXiv](https://arxiv.org/abs/2309.01111)\n",
     ["Cy Wu", "Di Xu"], "ICCV", 2023),
    ("Sparse Gadget Fields for Widgets\t2023\tICCV\thttps://arxiv.org/abs/2309.01111\n", [], "ICCV", 2023),
])
def test_definition_lists_page_titles_stars_lenticular_labels_dotted_bylines_and_pasted_cells(
    text: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, year or 2023)


def test_a_page_title_over_several_papers_stays_a_section_and_a_venue_in_lenticular_brackets_is_no_label() -> None:
    text = ("# Widget Papers We Read\n\n- [Gadget Priors](https://arxiv.org/abs/2309.02222)\n"
            "- [Sparse Gadget Fields](https://arxiv.org/abs/2309.01111)\n\n【ICCV 2023】Gadget Trees for Widgets\n"
            "论文：https://arxiv.org/abs/2309.03333\n")
    papers, _ = by_arxiv(text)
    assert papers["2309.02222"].tags == ["Widget Papers We Read"] and papers["2309.02222"].title == "Gadget Priors"
    assert (papers["2309.03333"].title, papers["2309.03333"].venue) == ("Gadget Trees for Widgets", "ICCV")


@pytest.mark.parametrize(("text", "authors", "venue", "year", "name"), [
    ("### 2. Sparse Gadget Fields for Widgets (SGF)\n**Authors:** Cy Wu, Di Xu  \n**Conference:** ICCV 2023  \n\n"
     "- **arXiv:** https://arxiv.org/abs/2309.01111\n", ["Cy Wu", "Di Xu"], "ICCV 2023", 2023, "SGF"),
    (" => Sparse Gadget Fields for Widgets  -  https://arxiv.org/abs/2309.01111\n", [], None, None, None),
    ('- Wu, Cy, and Di Xu. ["Sparse Gadget Fields for Widgets."](https://arxiv.org/pdf/2309.01111.pdf), 2023.\n',
     ["Cy Wu", "Di Xu"], None, 2023, None),
    ("<details><summary><b>Sparse Gadget Fields for Widgets</b></summary>\nCy Wu, Di Xu. ICCV 2023.\n"
     '<a href="https://arxiv.org/abs/2309.01111">arXiv</a>\n</details>\n', ["Cy Wu", "Di Xu"], "ICCV", 2023, None),
])
def test_a_headings_name_in_brackets_an_arrow_mark_an_mla_byline_and_a_summarys_byline(
    text: str, authors: list[str], venue: str | None, year: int | None, name: str | None
) -> None:
    e = by_arxiv(text)[0]["2309.01111"]
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, year or 2023, name)


def test_a_heading_ending_in_brackets_that_are_no_name_keeps_them() -> None:
    e = by_arxiv("### Widget Fields (the Long Version)\n[arXiv](https://arxiv.org/abs/2309.01111)\n")[0]["2309.01111"]
    assert (e.title, e.name) == ("Widget Fields (the Long Version)", None)


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ("* Reading\n** Sparse Gadget Fields for Widgets\n   :PROPERTIES:\n   :URL: https://arxiv.org/abs/2309.01111\n"
     "   :AUTHOR: Cy Wu, Di Xu\n   :END:\n", ["Cy Wu", "Di Xu"], None),
    ("\\begin{thebibliography}{9}\n\\bibitem{wu2023}\nCy Wu and Di Xu.\n\\newblock Sparse Gadget Fields for Widgets.\n"
     "\\newblock In ICCV, 2023. \\url{https://arxiv.org/abs/2309.01111}.\n\n\\end{thebibliography}\n",
     ["Cy Wu", "Di Xu"], "ICCV"),
    ('<table>\n<tr>\n<td width="50%">\n\n**[Sparse Gadget Fields for Widgets](./papers/sgf/)** (2023)\n'
     "- 🔥 **MUST READ** - fields of gadgets\n- [Paper](https://arxiv.org/abs/2309.01111)\n\n</td>\n</tr>\n</table>\n",
     [], None),
    ("## Sparse Gadget Fields for Widgets\n\nWe read it twice. [arXiv](https://arxiv.org/abs/2309.01111)\n", [], None),
])
def test_an_org_drawer_a_newblock_bibitem_a_grid_cell_of_markdown_and_a_heading_over_prose_with_its_link(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, 2023)


def test_a_heading_over_prose_with_its_link_keeps_the_prose_as_its_note_and_two_papers_stay_a_section() -> None:
    one = by_arxiv("## Sparse Gadget Fields for Widgets\n\nWe read it twice. [arXiv](https://arxiv.org/abs/2309.01111)"
                   " It holds.\n")[0]["2309.01111"]
    assert one.text == "We read it twice. It holds."
    two, _ = by_arxiv("## Sparse Gadget Fields for Widgets\n\nWe read [arXiv](https://arxiv.org/abs/2309.01111).\n"
                      "And [arXiv](https://arxiv.org/abs/2309.02222).\n")
    assert [two[a].title for a in ("2309.01111", "2309.02222")] == [None, None]


@pytest.mark.parametrize(("text", "authors", "venue", "name"), [
    ("# Sparse Gadget Fields for Widgets\n\n| Property | Value |\n|---|---|\n| Authors | Cy Wu, Di Xu |\n"
     "| Year | 2023 |\n| URL | https://arxiv.org/abs/2309.01111 |\n", ["Cy Wu", "Di Xu"], None, None),
    ("* [https://arxiv.org/abs/2309.01111 Sparse Gadget Fields for Widgets] (ICCV 2023)\n", [], "ICCV", None),
    ("\\item \\href{https://arxiv.org/abs/2309.01111}{Sparse Gadget Fields for Widgets}, Cy Wu and Di Xu, ICCV 2023.\n",
     ["Cy Wu", "Di Xu"], "ICCV", None),
    ("- [@wu2023fields] Sparse Gadget Fields for Widgets. https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("> [!paper]- Sparse Gadget Fields for Widgets\n> Cy Wu, Di Xu · ICCV 2023\n> https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], "ICCV", None),
    ("- Sparse Gadget Fields for Widgets / 稀疏部件场 [[论文]](https://arxiv.org/abs/2309.01111)\n", [], None, None),
    ("- Sparse Gadget Fields for Widgets (**SGF**) — https://arxiv.org/abs/2309.01111\n", [], None, "SGF"),
    ("**Sparse Gadget Fields for Widgets** `ICCV 2023`\n<https://arxiv.org/abs/2309.01111>\n", [], "ICCV", None),
])
def test_a_property_table_wiki_and_latex_links_a_citation_key_a_callout_a_translation_and_a_code_span_venue(
    text: str, authors: list[str], venue: str | None, name: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, 2023, name)


def test_a_two_column_table_of_papers_is_no_property_table() -> None:
    papers, _ = by_arxiv("| Model | Paper |\n|---|---|\n| SGF | [Sparse Gadget Fields](https://arxiv.org/abs/2309.01111) |\n"
                         "| Year | [Gadget Years](https://arxiv.org/abs/2309.02222) |\n")
    assert (papers["2309.01111"].title, papers["2309.01111"].name) == ("Sparse Gadget Fields", "SGF")
    assert papers["2309.02222"].title == "Gadget Years"


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ("今天读了《Sparse Gadget Fields for Widgets》这篇论文（ICCV 2023），地址：https://arxiv.org/abs/2309.01111\n",
     [], "ICCV"),
    ("#论文推荐# Sparse Gadget Fields for Widgets https://arxiv.org/abs/2309.01111 #多模态#\n", [], None),
    ("**Paper:** Sparse Gadget Fields for Widgets | **Authors:** Cy Wu, Di Xu | **Venue:** ICCV 2023 | "
     "**Link:** https://arxiv.org/abs/2309.01111\n", ["Cy Wu", "Di Xu"], "ICCV"),
    ("Sparse Gadget Fields for Widgets\nCy Wu, Di Xu（Widget Lab）\n论文链接：https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None),
    ("🔹 Sparse Gadget Fields for Widgets ｜ [arXiv](https://arxiv.org/abs/2309.01111)\n", [], None),
    ("① Sparse Gadget Fields for Widgets\n论文：https://arxiv.org/abs/2309.01111\n", [], None),
])
def test_a_book_title_in_a_sentence_weibo_topics_a_paper_label_before_cells_an_affiliation_and_circled_numbers(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, 2023)


def test_a_chinese_link_text_before_the_english_title_is_its_translation() -> None:
    e = by_arxiv("- [稀疏部件场](https://arxiv.org/abs/2309.01111)：Sparse Gadget Fields for Widgets\n")[0]["2309.01111"]
    assert (e.title, e.text) == ("Sparse Gadget Fields for Widgets", "稀疏部件场")
    note = by_arxiv("- [稀疏部件场](https://arxiv.org/abs/2309.01111)：一种新的部件场方法\n")[0]["2309.01111"]
    assert (note.title, note.text) == ("稀疏部件场", "一种新的部件场方法")


@pytest.mark.parametrize(("text", "authors", "venue", "name"), [
    ("| 📄 论文 | 🏛️ 会议 | 💻 代码 |\n|:--|:--:|:--:|\n| [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)"
     " | ICCV 2023 | [GitHub](https://github.com/a/b) |\n", [], "ICCV 2023", None),
    ("- Sparse Gadget Fields for Widgets [arXiv v2](https://arxiv.org/abs/2309.01111v2)\n", [], None, None),
    ("Sparse Gadget Fields for Widgets（稀疏部件场） 论文地址：https://arxiv.org/abs/2309.01111\n", [], None, None),
    ("- title: Sparse Gadget Fields for Widgets\n  authors: [Cy Wu, Di Xu]\n  url: https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None, None),
    ("1. 智源研究院发布 **SGF** ：Sparse Gadget Fields for Widgets，论文：https://arxiv.org/abs/2309.01111\n",
     [], None, "SGF"),
])
def test_emoji_in_table_headers_a_versioned_link_text_a_label_after_a_gloss_yaml_lists_and_a_sentence_naming_a_model(
    text: str, authors: list[str], venue: str | None, name: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, 2023, name)


def test_bibtex_names_read_first_name_first_and_a_braced_name_keeps_its_comma(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{wu2023,\n  title = {Sparse Gadget Fields for Widgets},\n"
                   "  author = {Wu, Cy and Xu, Jr., Di and {Widget Lab, Inc.} and others},\n"
                   "  howpublished = {\\url{https://arxiv.org/abs/2309.01111}},\n}\n", encoding="utf-8")
    (e,) = read_lists([bib]).entries
    assert (e.arxiv, e.authors) == ("2309.01111", ["Cy Wu", "Di Xu Jr.", "Widget Lab, Inc."])


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ('{{< paper title="Sparse Gadget Fields for Widgets" url="https://arxiv.org/abs/2309.01111" >}}\n', [], None),
    ("- Wu, C., & Xu, D. (2023). *Sparse Gadget Fields for Widgets*. arXiv. https://doi.org/10.48550/arXiv.2309.01111\n",
     ["C. Wu", "D. Xu"], "arXiv"),
    ("- [[Sparse Gadget Fields for Widgets]]\n  url:: https://arxiv.org/abs/2309.01111\n  authors:: [[Cy Wu]], [[Di Xu]]\n",
     ["Cy Wu", "Di Xu"], None),
    ('📢 New paper: "Sparse Gadget Fields for Widgets" by @cywu & @dixu 👉 https://arxiv.org/abs/2309.01111\n', [], None),
    ("[PDF] Sparse Gadget Fields for Widgets\nC Wu, D Xu - arXiv preprint arXiv:2309.01111, 2023\n",
     ["C Wu", "D Xu"], "arXiv preprint"),
    ("| Paper | Venue |\n|---|---|\n| [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)"
     "<br><sub>Cy Wu, Di Xu</sub> | ICCV 2023 |\n", ["Cy Wu", "Di Xu"], "ICCV 2023"),
    (":title: Sparse Gadget Fields for Widgets\n:authors: Cy Wu, Di Xu\n:url: https://arxiv.org/abs/2309.01111\n",
     ["Cy Wu", "Di Xu"], None),
    ("- Sparse Gadget Fields for Widgets[^1] [arXiv](https://arxiv.org/abs/2309.01111)\n\n[^1]: Read in May.\n", [], None),
    ("- 2023 — *Sparse Gadget Fields for Widgets* — ICCV — [link](https://arxiv.org/abs/2309.01111)\n", [], "ICCV"),
])
def test_shortcodes_italic_apa_titles_logseq_and_rst_fields_announced_titles_scholar_alerts_and_parted_fields(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, 2023)


def test_names_over_an_items_bold_title_are_not_a_title_over_its_byline() -> None:
    text = ("1. **Gadget Fields: A Survey.** arxiv 2018. [paper](https://arxiv.org/pdf/1812.04202.pdf)\n\n"
            "    *Cy Wu, Di Xu, Ed Li.*\n\n"
            "1. **Relational Widgets, Deep Gadgets, and Graph Fields.** arxiv 2018. [paper](https://arxiv.org/pdf/1806.01261.pdf)\n")
    papers, _ = by_arxiv(text)
    assert papers["1812.04202"].authors == ["Cy Wu", "Di Xu", "Ed Li"]
    assert papers["1806.01261"].title == "Relational Widgets, Deep Gadgets, and Graph Fields"


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ("[![Sparse Gadget Fields for Widgets](figs/teaser.png)](https://arxiv.org/abs/2309.01111)\n", [], None),
    ("iv. Sparse Gadget Fields for Widgets [arXiv](https://arxiv.org/abs/2309.01111)\n", [], None),
    ("b) Sparse Gadget Fields for Widgets — https://arxiv.org/abs/2309.01111\n", [], None),
    ("第3篇：Sparse Gadget Fields for Widgets\n论文地址：https://arxiv.org/abs/2309.01111\n", [], None),
    ("| Title | arXiv |\n|---|---|\n| Sparse Gadget Fields for Widgets | 2309.01111 |\n", [], None),
    ("Cy Wu and Di Xu. 2023. Sparse Gadget Fields for Widgets. In *Proceedings of ICCV*. "
     "https://arxiv.org/abs/2309.01111\n", ["Cy Wu", "Di Xu"], "ICCV"),
    ('C. Wu et al., "Sparse Gadget Fields for Widgets," in *Proc. ICCV*, 2023. [Online]. Available: '
     "https://arxiv.org/abs/2309.01111\n", ["C. Wu"], "ICCV"),
    ("Wu C, Xu D. Sparse Gadget Fields for Widgets. arXiv. 2023. https://arxiv.org/abs/2309.01111\n",
     ["C Wu", "D Xu"], None),
    ("**[Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)**\n: Cy Wu, Di Xu — ICCV 2023\n",
     ["Cy Wu", "Di Xu"], "ICCV"),
])
def test_image_alt_titles_roman_and_letter_marks_ordinal_labels_id_columns_acl_ieee_vancouver_and_definitions(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, 2023)


def test_a_badge_image_link_is_no_title_and_initials_are_no_list_marks() -> None:
    badge = by_arxiv("- Sparse Gadget Fields for Widgets [![arXiv](https://img.shields.io/badge/arXiv-2309.01111-red)]"
                     "(https://arxiv.org/abs/2309.01111)\n")[0]["2309.01111"]
    assert badge.title == "Sparse Gadget Fields for Widgets"
    cited = by_arxiv("A. Wu and B. Xu. Sparse Gadget Fields for Widgets. ICCV, 2023. [PDF](https://arxiv.org/abs/2309.01111)\n")
    assert (cited[0]["2309.01111"].title, cited[0]["2309.01111"].authors) == (
        "Sparse Gadget Fields for Widgets", ["A. Wu", "B. Xu"])


@pytest.mark.parametrize(("text", "authors", "venue", "name"), [
    ("- **SGF**（Widget Lab）：Sparse Gadget Fields for Widgets [[论文]](https://arxiv.org/abs/2309.01111)\n",
     [], None, "SGF"),
    ("**SGF** — Sparse Gadget Fields for Widgets — [arXiv](https://arxiv.org/abs/2309.01111)\n", [], None, "SGF"),
    ("2309.01111 - Sparse Gadget Fields for Widgets - Cy Wu, Di Xu\n", ["Cy Wu", "Di Xu"], None, None),
    ('<li><span class="title">Sparse Gadget Fields for Widgets</span> <span class="venue">ICCV 2023</span> '
     '<a href="https://arxiv.org/abs/2309.01111">pdf</a></li>\n', [], "ICCV", None),
    ("| | |\n|---|---|\n| **Title** | Sparse Gadget Fields for Widgets |\n| **Link** | https://arxiv.org/abs/2309.01111 |\n",
     [], None, None),
    ("wu2023fields: Sparse Gadget Fields for Widgets (https://arxiv.org/abs/2309.01111)\n", [], None, None),
    ("> 稀疏部件场\n> Sparse Gadget Fields for Widgets\n> https://arxiv.org/abs/2309.01111\n", [], None, None),
])
def test_a_bold_name_set_off_a_leading_bare_id_span_fields_a_headless_property_table_a_key_and_a_translation_above(
    text: str, authors: list[str], venue: str | None, name: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year, e.name) == (
        "Sparse Gadget Fields for Widgets", authors, venue, 2023, name)


def test_a_bold_name_before_a_colon_keeps_its_title_whole_and_a_two_column_table_of_papers_is_no_property_table() -> None:
    e = by_arxiv("- **SGF**: Sparse Gadget Fields for Widgets [[paper](https://arxiv.org/abs/2309.01111)]\n")[0]["2309.01111"]
    assert (e.title, e.name) == ("SGF: Sparse Gadget Fields for Widgets", "SGF")  # (the paper's own title may say so)
    papers, _ = by_arxiv("| | |\n|---|---|\n| SGF | [Sparse Gadget Fields](https://arxiv.org/abs/2309.01111) |\n")
    assert papers["2309.01111"].title == "Sparse Gadget Fields"


@pytest.mark.parametrize("text", [
    "Gadget Codecs for Sparse Widgets\nhttps://arxiv.org/abs/2402.11111\n\nSparse Gadget Fields for Widgets\n"
    "https://arxiv.org/abs/2309.01111\n",
    "**Gadget Codecs for Sparse Widgets** [paper](https://arxiv.org/abs/2402.11111) **Sparse Gadget Fields for Widgets**"
    " [paper](https://arxiv.org/abs/2309.01111)\n",
    "- Gadget Codecs for Sparse Widgets ([arXiv](https://arxiv.org/abs/2402.11111)), Sparse Gadget Fields for Widgets"
    " ([arXiv](https://arxiv.org/abs/2309.01111))\n",
])
def test_two_papers_each_under_or_after_its_own_title_keep_their_own_titles(text: str) -> None:
    papers, r = by_arxiv(text)
    assert (papers["2402.11111"].title, papers["2309.01111"].title) == (
        "Gadget Codecs for Sparse Widgets", "Sparse Gadget Fields for Widgets")
    assert r.warnings == []


def test_a_file_of_bare_ids_under_titles_stays_a_file_of_ids_and_a_sentence_of_links_titles_none() -> None:
    ids = by_arxiv("Gadget Codecs for Sparse Widgets\n2402.11111\nSparse Gadget Fields for Widgets\n2309.01111\n")[1]
    assert sorted(e.arxiv for e in ids.entries) == ["2309.01111", "2402.11111"]
    papers, _ = by_arxiv("We compare [arXiv](https://arxiv.org/abs/2402.11111) with [arXiv](https://arxiv.org/abs/2309.01111).\n")
    assert (papers["2402.11111"].title, papers["2309.01111"].title) == (None, None)


def test_an_items_indented_notes_between_its_title_and_its_link() -> None:
    papers, r = by_arxiv("- Gadget Codecs for Sparse Widgets\n  A codec for widgets.\n  https://arxiv.org/abs/2402.11111\n"
                         "- Sparse Gadget Fields for Widgets\n  Fields of gadgets.\n  https://arxiv.org/abs/2309.01111\n")
    assert (papers["2402.11111"].title, papers["2309.01111"].title) == (
        "Gadget Codecs for Sparse Widgets", "Sparse Gadget Fields for Widgets")
    assert len(r.entries) == 2 and r.warnings == []
    # an item that is only a link stays its own: the title item above may be a paper without a link
    apart, _ = by_arxiv("- Gadget Codecs for Sparse Widgets\n- https://arxiv.org/abs/2402.11111\n")
    assert apart["2402.11111"].title is None


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ("论文《Sparse Gadget Fields for Widgets》发表于 ICCV 2023，论文链接 https://arxiv.org/abs/2309.01111\n", [], "ICCV"),
    ("- [x] Sparse Gadget Fields for Widgets ｜ 2023.03 ｜ https://arxiv.org/abs/2309.01111\n", [], None),
    ("Sparse Gadget Fields for Widgets 【ICCV 2023】\nhttps://arxiv.org/abs/2309.01111\n", [], "ICCV"),
    ("1）Sparse Gadget Fields for Widgets\n论文：https://arxiv.org/abs/2309.01111\n", [], None),
    ("论文标题:Sparse Gadget Fields for Widgets论文链接:https://arxiv.org/abs/2309.01111\n", [], None),
    ("**01 Sparse Gadget Fields for Widgets**\n论文：https://arxiv.org/abs/2309.01111\n代码：https://github.com/a/b\n",
     [], None),
    ("Sparse Gadget Fields for Widgets —— 用稀疏部件场感知 https://arxiv.org/abs/2309.01111\n", [], None),
    ("**Sparse Gadget Fields for Widgets**（ICCV 2023 Highlight）\n- 作者：Cy Wu、Di Xu\n"
     "- 论文：https://arxiv.org/abs/2309.01111\n", ["Cy Wu", "Di Xu"], "ICCV"),
])
def test_chinese_notes_venues_after_a_book_title_full_width_bars_and_marks_glued_labels_and_summaries(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", authors, venue, 2023)


@pytest.mark.parametrize(("text", "authors"), [
    ("- 09:30 Read [[Sparse Gadget Fields for Widgets]] — https://arxiv.org/abs/2309.01111\n", []),
    ("- [ ] #toread Sparse Gadget Fields for Widgets https://arxiv.org/abs/2309.01111\n", []),
    ("**Sparse Gadget Fields for Widgets** ★★★★☆\nhttps://arxiv.org/abs/2309.01111\n", []),
    ("- Sparse Gadget Fields for Widgets by Wu et al. (2023) [link](https://arxiv.org/abs/2309.01111)\n", ["Wu"]),
    ('- "Sparse Gadget Fields for Widgets" — worth a reread: https://arxiv.org/abs/2309.01111\n', []),
    ("Cy Wu  10:42 AM\nnew paper: Sparse Gadget Fields for Widgets https://arxiv.org/abs/2309.01111\n", []),
    ("### Sparse Gadget Fields for Widgets (read 2024-11-05)\n[arXiv](https://arxiv.org/abs/2309.01111)\n", []),
])
def test_english_reading_notes_times_tags_ratings_et_al_notes_announcements_and_read_dates(
    text: str, authors: list[str]
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors) == ("Sparse Gadget Fields for Widgets", authors)


def test_a_quoted_title_before_a_venue_or_names_is_still_a_citation_and_a_heading_is_no_hashtag() -> None:
    e = by_arxiv('- "Sparse Gadget Fields for Widgets" — ICCV 2023 — https://arxiv.org/abs/2309.01111\n')[0]["2309.01111"]
    assert (e.title, e.venue) == ("Sparse Gadget Fields for Widgets", "ICCV")
    h = by_arxiv("# Sparse Gadget Fields for Widgets\n[arXiv](https://arxiv.org/abs/2309.01111)\n")[0]["2309.01111"]
    assert h.title == "Sparse Gadget Fields for Widgets"


def test_a_sentence_over_a_link_is_no_title() -> None:
    e = by_arxiv("Today I read Sparse Gadget Fields for Widgets, which fields gadgets.\n\nRef: https://arxiv.org/abs/2309.01111\n"
                 )[0]["2309.01111"]
    assert e.title is None


@pytest.mark.parametrize(("text", "authors"), [
    ("- Sparse Gadget Fields for Widgets https://papers.cool/arxiv/2309.01111\n", []),
    ("Sparse Gadget Fields for Widgets https://arxiv-sanity-lite.com/?rank=pid&pid=2309.01111\n", []),
    ("- Sparse Gadget Fields for Widgets（中文翻译：https://hjfy.top/arxiv/2309.01111）\n", []),
    ("Wu, C., & Xu, D. (2023). Sparse Gadget Fields for Widgets. ArXiv, abs/2309.01111.\n", ["C. Wu", "D. Xu"]),
    ("- [Sparse Gadget Fields for Widgets](https://widget.github.io/) ([arXiv](https://arxiv.org/abs/2309.01111))\n", []),
    ('[{"paper": {"title": "Sparse Gadget Fields for Widgets", "url": "https://arxiv.org/abs/2309.01111"}}]\n', []),
])
def test_arxiv_mirrors_semantic_scholars_citation_a_project_page_title_and_a_nested_json_record(
    text: str, authors: list[str]
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.year) == ("Sparse Gadget Fields for Widgets", authors, 2023)


def test_a_project_pages_one_word_link_text_is_no_title() -> None:
    e = by_arxiv("- [Qwen2-0.5B|1.5B|7B](https://qwenlm.github.io/) [arXiv](https://arxiv.org/abs/2309.01111)\n"
                 )[0]["2309.01111"]
    assert e.title is None


@pytest.mark.parametrize("tag", ["[23/09]", "[2023/09]", "[2023-09-05]", "[2023.09]"])
@pytest.mark.parametrize("item", [
    "- {tag} Sparse Gadget Fields for Widgets [[paper](https://arxiv.org/abs/2309.01111)]\n",
    "- {tag} **Sparse Gadget Fields for Widgets** [[paper](https://arxiv.org/abs/2309.01111)]\n",
])
def test_a_date_tag_before_an_item_in_any_of_its_forms_is_no_part_of_the_title(tag: str, item: str) -> None:
    e = only_paper(item.format(tag=tag))
    assert (e.title, e.year) == ("Sparse Gadget Fields for Widgets", 2023)


def test_a_date_tag_is_only_a_date_that_opens_the_item() -> None:
    # a month past 12 is no date; a bracketed number later in the title stays
    assert only_paper("- [2023/13] Sparse Gadget Fields https://arxiv.org/abs/2309.01111\n").title == (
        "[2023/13] Sparse Gadget Fields")


@pytest.mark.parametrize(("text", "venue"), [
    ("- SGF — Sparse Gadget Fields for Widgets: https://arxiv.org/abs/2309.01111\n", None),
    ("- SGF - Sparse Gadget Fields for Widgets [[paper](https://arxiv.org/abs/2309.01111)]\n", None),
    ("1. **SGF** (ICCV 2023) - Sparse Gadget Fields for Widgets [[Paper](https://arxiv.org/abs/2309.01111)]\n", "ICCV"),
])
def test_a_models_name_set_off_by_a_dash_is_its_name_not_part_of_its_title(text: str, venue: str | None) -> None:
    e = only_paper(text)
    assert (e.title, e.name, e.venue) == ("Sparse Gadget Fields for Widgets", "SGF", venue)


def test_an_ordinary_word_before_a_dash_stays_in_the_title() -> None:
    e = only_paper("- Survey - Sparse Gadget Fields for Widgets [[paper](https://arxiv.org/abs/2309.01111)]\n")
    assert e.name is None and e.title is not None and e.title.startswith("Survey")


@pytest.mark.parametrize("byline", ["*Ann Lee, Bo Kim* - ICCV 2023", "Ann Lee, Bo Kim - ICCV 2023"])
@pytest.mark.parametrize("lead", ["", "- "])
def test_names_and_venue_parted_by_dashes_after_a_link(byline: str, lead: str) -> None:
    e = only_paper(f"{lead}[**Sparse Gadget Fields for Widgets**](https://arxiv.org/abs/2309.01111) - {byline}\n")
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", ["Ann Lee", "Bo Kim"], "ICCV", 2023)


@pytest.mark.parametrize("quote", ["", "> "])
def test_a_heading_over_names_a_venue_line_and_its_links(quote: str) -> None:
    e = only_paper(f"## Sparse Gadget Fields for Widgets\n{quote}Ann Lee, Bo Kim\n{quote}ICCV 2023\n"
                   f"{quote}[[Paper](https://arxiv.org/abs/2309.01111)]\n")
    assert (e.title, e.authors, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", ["Ann Lee", "Bo Kim"], "ICCV", 2023)
    assert e.text == ""  # the names and the venue were read, not kept as a note


@pytest.mark.parametrize(("text", "venue", "year"), [
    ("- **SGF**（ICCV 2023）：Sparse Gadget Fields for Widgets [[论文](https://arxiv.org/abs/2309.01111)]\n", "ICCV", 2023),
    ("1. [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) (SGF) - ICCV 2023\n", "ICCV", 2023),
    ("1. [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) (SGF)\n", None, 2023),
    ("- **SGF**<br>Sparse Gadget Fields for Widgets<br>[[arXiv](https://arxiv.org/abs/2309.01111)]\n", None, 2023),
])
def test_a_models_name_in_brackets_or_on_a_line_of_its_own_beside_the_title(
    text: str, venue: str | None, year: int
) -> None:
    e = only_paper(text)
    assert (e.title, e.name, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", "SGF", venue, year)


def test_a_citation_in_brackets_after_a_link_is_no_venue() -> None:
    e = only_paper("- [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) (Lee et al., 2024)\n")
    assert (e.title, e.venue, e.year) == ("Sparse Gadget Fields for Widgets", None, 2024)


@pytest.mark.parametrize("head", ["**SGF** - ", "SGF - ", "SGF — "])
def test_a_name_dash_title_paragraph_over_its_link(head: str) -> None:
    e = only_paper(f"{head}Sparse Gadget Fields for Widgets\nhttps://arxiv.org/abs/2309.01111\n")
    assert (e.title, e.name) == ("Sparse Gadget Fields for Widgets", "SGF")


@pytest.mark.parametrize("text", [
    "**论文标题** Sparse Gadget Fields for Widgets\n**论文链接** https://arxiv.org/abs/2309.01111\n",
    "标题\u3000Sparse Gadget Fields for Widgets\n链接\u3000https://arxiv.org/abs/2309.01111\n",
])
def test_a_field_label_without_its_colon_bold_or_before_a_full_width_space(text: str) -> None:
    assert only_paper(text).title == "Sparse Gadget Fields for Widgets"


def test_a_bold_word_before_text_is_no_label_unless_it_names_a_field() -> None:
    from citegraph.lists.markdown import _colon_for_label

    assert _colon_for_label("- **Widget Lab** Sparse Gadget Fields") is None
    assert _colon_for_label("> **Paper** https://arxiv.org/abs/2309.01111") == "> Paper：https://arxiv.org/abs/2309.01111"


def test_a_blockquote_under_a_line_of_its_own_opens_a_paragraph() -> None:
    e = only_paper("**Widget Lab**\n> Sparse Gadget Fields for Widgets\n> https://arxiv.org/abs/2309.01111\n")
    assert e.title == "Sparse Gadget Fields for Widgets"


@pytest.mark.parametrize(("text", "name", "venue"), [
    ("1. 【SGF】Sparse Gadget Fields for Widgets, ICCV 2023. [论文](https://arxiv.org/abs/2309.01111)\n", "SGF", "ICCV"),
    ("- 【ICCV'23】Sparse Gadget Fields for Widgets [paper](https://arxiv.org/abs/2309.01111)\n", None, "ICCV"),
    ("- [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)（ICCV 2023，Widget Lab）\n", None, "ICCV"),
    ("- Sparse Gadget Fields for Widgets（中文标题：稀疏部件场）[[arXiv](https://arxiv.org/abs/2309.01111)]\n", None, None),
])
def test_lenticular_names_venues_with_their_team_and_labelled_translations(
    text: str, name: str | None, venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.name, e.venue) == ("Sparse Gadget Fields for Widgets", name, venue)


def test_html_paragraphs_of_one_line_read_as_their_text() -> None:
    e = only_paper('<h3 id="x">Sparse Gadget Fields for Widgets</h3>\n<p>作者：Ann Lee, Bo Kim</p>\n'
                   '<p><a href="https://arxiv.org/abs/2309.01111">arXiv</a></p>\n')
    assert (e.title, e.authors) == ("Sparse Gadget Fields for Widgets", ["Ann Lee", "Bo Kim"])


def test_names_and_venue_lines_under_a_titles_link_are_its_byline() -> None:
    e = only_paper("Sparse Gadget Fields for Widgets\nhttps://arxiv.org/abs/2309.01111\n"
                   "Ann Lee, Bo Kim (Widget Lab)\nICCV 2023\n")
    assert (e.title, e.authors, e.venue, e.year, e.text) == (
        "Sparse Gadget Fields for Widgets", ["Ann Lee", "Bo Kim"], "ICCV", 2023, "")


@pytest.mark.parametrize(("text", "authors", "year"), [
    ("* `2023-09` **Sparse Gadget Fields for Widgets** [[paper](https://arxiv.org/abs/2309.01111)]\n", [], 2023),
    ("- [Paper](https://arxiv.org/abs/2309.01111) Sparse Gadget Fields for Widgets\n", [], 2023),
    ("- 📝 Sparse Gadget Fields for Widgets | 👥 Ann Lee, Bo Kim | 📅 2023 | 🔗 [arXiv](https://arxiv.org/abs/2309.01111)\n",
     ["Ann Lee", "Bo Kim"], 2023),
    ("| Title & Authors | Venue | Links |\n|---|---|---|\n"
     "| **Sparse Gadget Fields for Widgets**<br>Ann Lee, Bo Kim | ICCV 2023 | [Paper](https://arxiv.org/abs/2309.01111) |\n",
     ["Ann Lee", "Bo Kim"], 2023),
])
def test_code_span_dates_a_link_before_its_title_marked_cells_and_a_joined_title_column(
    text: str, authors: list[str], year: int
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.year) == ("Sparse Gadget Fields for Widgets", authors, year)


def test_a_note_after_a_paper_link_is_no_title() -> None:
    e = only_paper("- [Paper](https://arxiv.org/abs/2309.01111) We read this one twice.\n")
    assert e.title is None and e.text == "We read this one twice."


def test_masked_author_links_leave_no_brackets_in_the_title() -> None:
    e = only_paper("- Sparse Gadget Fields for Widgets ([Ann Lee](https://annlee.github.io), "
                   "[Bo Kim](https://bokim.me)) [arXiv](https://arxiv.org/abs/2309.01111)\n")
    assert e.title == "Sparse Gadget Fields for Widgets"


@pytest.mark.parametrize(("text", "authors"), [
    ("[1] arXiv:2309.01111 [pdf, html, other]\nTitle: Sparse Gadget Fields for Widgets\nAuthors: Ann Lee, Bo Kim\n"
     "Subjects: Computer Vision and Pattern Recognition (cs.CV)\n", ["Ann Lee", "Bo Kim"]),
    ("Ann Lee, Bo Kim: Sparse Gadget Fields for Widgets. CoRR abs/2309.01111 (2023)\n", ["Ann Lee", "Bo Kim"]),
    ('Lee, Ann, and Bo Kim. "Sparse Gadget Fields for Widgets." arXiv preprint arXiv:2309.01111 (2023).\n',
     ["Ann Lee", "Bo Kim"]),
    ("📢 New paper! Sparse Gadget Fields for Widgets\n\nPaper: https://arxiv.org/abs/2309.01111\n🧵1/5\n", []),
    ("[R] Sparse Gadget Fields for Widgets\nhttps://arxiv.org/abs/2309.01111\n", []),
    ("- Sparse Gadget Fields for Widgets\n    - https://arxiv.org/abs/2309.01111\n    - Ann Lee, Bo Kim\n",
     ["Ann Lee", "Bo Kim"]),
])
def test_arxivs_listing_dblp_mla_posts_and_a_names_sub_item(text: str, authors: list[str]) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.year) == ("Sparse Gadget Fields for Widgets", authors, 2023)


def test_a_bold_title_ending_in_a_full_stop_then_sentences() -> None:
    e = only_paper("**Sparse Gadget Fields for Widgets.** Researchers at Widget Lab propose gadget fields. "
                   "[Paper](https://arxiv.org/abs/2309.01111)\n")
    assert (e.title, e.text) == ("Sparse Gadget Fields for Widgets", "Researchers at Widget Lab propose gadget fields.")


def test_a_title_label_under_a_sentence_citing_another_paper_is_a_paper_of_its_own() -> None:
    r = read_list_text("We build on https://arxiv.org/abs/2309.01111 and more, as they did.\n\n"
                       "Title: Gadget Fields Revisited\n", "t.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [("2309.01111", None), (None, "Gadget Fields Revisited")]


@pytest.mark.parametrize(("heading", "name"), [("### SGFNet", "SGFNet"), ("## Regularization", None)])
def test_a_made_up_name_as_the_heading_over_one_paper_names_it(heading: str, name: str | None) -> None:
    e = only_paper(f"{heading}\n- 论文：[Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\n")
    assert (e.title, e.name) == ("Sparse Gadget Fields for Widgets", name)


@pytest.mark.parametrize(("text", "authors", "venue"), [
    ("论文标题：Sparse Gadget Fields for Widgets（SGFNet）\n论文链接：https://arxiv.org/abs/2309.01111\n", [], None),
    ("> 📝 Sparse Gadget Fields for Widgets\n> 🔗 https://arxiv.org/abs/2309.01111\n> 👥 Ann Lee, Bo Kim\n",
     ["Ann Lee", "Bo Kim"], None),
    ("[Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) - 清华 - ICCV 2023\n", [], "ICCV"),
    ("| 论文题目 | 作者 | 会议 |\n|---|---|---|\n| [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111) "
     "| Ann Lee 等 | ICCV 2023 |\n", ["Ann Lee"], "ICCV 2023"),
])
def test_chinese_lists_names_in_brackets_marked_names_a_team_between_dashes_and_deng(
    text: str, authors: list[str], venue: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue) == ("Sparse Gadget Fields for Widgets", authors, venue)
    assert e.name == ("SGFNet" if "SGFNet" in text else None)


@pytest.mark.parametrize(("text", "authors", "venue", "name"), [
    ("- Ann Lee and Bo Kim. 2023. Sparse Gadget Fields for Widgets. In *ICCV 2023*. [[arXiv](https://arxiv.org/abs/2309.01111)]\n",
     ["Ann Lee", "Bo Kim"], "ICCV", None),
    ("- *Sparse Gadget Fields for Widgets*. Ann Lee, Bo Kim. ICCV 2023. [arXiv](https://arxiv.org/abs/2309.01111)\n",
     ["Ann Lee", "Bo Kim"], "ICCV", None),
    ("#### [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\nAnn Lee, Bo Kim · ICCV 2023\n",
     ["Ann Lee", "Bo Kim"], "ICCV", None),
    ("- [SGFNet] **Sparse Gadget Fields for Widgets** [paper](https://arxiv.org/abs/2309.01111)\n", [], None, "SGFNet"),
    ("Sparse Gadget Fields for Widgets (SGFNet)\n[arXiv](https://arxiv.org/abs/2309.01111) | [Code](https://github.com/a/b)\n",
     [], None, "SGFNet"),
    ("+ Sparse Gadget Fields for Widgets. arXiv abs/2309.01111\n", [], None, None),
])
def test_acl_anthologys_year_twice_emphasis_a_byline_under_a_heading_link_and_bracketed_names(
    text: str, authors: list[str], venue: str | None, name: str | None
) -> None:
    e = only_paper(text)
    assert (e.title, e.authors, e.venue, e.name) == ("Sparse Gadget Fields for Widgets", authors, venue, name)


def test_a_bracketed_word_before_a_title_is_a_name_only_when_it_looks_made_up() -> None:
    e = only_paper("- [Survey] **Sparse Gadget Fields for Widgets** [paper](https://arxiv.org/abs/2309.01111)\n")
    assert e.name is None


def test_a_title_label_with_its_own_link_below_is_not_the_bare_link_aboves_title() -> None:
    r = read_list_text("- https://arxiv.org/abs/2402.11111\n\n论文标题：Sparse Gadget Fields for Widgets\n"
                       "论文链接：https://arxiv.org/abs/2309.01111\n", "t.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [
        ("2402.11111", None), ("2309.01111", "Sparse Gadget Fields for Widgets")]


def test_titles_over_their_links_paper_after_paper_without_blank_lines() -> None:
    r = read_list_text("Learned Gadget Codecs for Sparse Widgets\nhttps://arxiv.org/abs/2402.11111\n"
                       "Sparse Gadget Fields for Widgets\nhttps://arxiv.org/abs/2309.01111\nAnn Lee, Bo Kim\n", "t.md")
    assert [(e.arxiv, e.title, list(e.authors), e.text) for e in r.entries] == [
        ("2402.11111", "Learned Gadget Codecs for Sparse Widgets", [], ""),
        ("2309.01111", "Sparse Gadget Fields for Widgets", ["Ann Lee", "Bo Kim"], "")]


@pytest.mark.parametrize("text", [
    "### GadgetCodec\n- [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\n"
    "### SGFNet\n- [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\n",
    "#### [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\nCy Wu, Di Xu · ICML 2023\n"
    "#### [Sparse Gadget Fields for Widgets](https://arxiv.org/abs/2309.01111)\nAnn Lee, Bo Kim · ICCV 2023\n",
])
def test_this_rounds_rules_give_no_paper_its_neighbours_name_or_byline(text: str) -> None:
    first, second = read_list_text(text, "t.md").entries
    assert first.arxiv == "2402.11111" and second.arxiv == "2309.01111"
    assert first.name != second.name or first.name is None
    assert list(second.authors) in ([], ["Ann Lee", "Bo Kim"]) and "Ann Lee" not in first.authors
