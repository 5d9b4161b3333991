"""Reader fixes found in QA: whole DOIs, malformed links' placeholders, LaTeX
in BibTeX titles, venue emphasis after awesome-list titles.

Every expected value was read off the input by hand.
"""

from __future__ import annotations


import pytest

from citegraph.lists.reader import read_list_text, read_lists
from citegraph.text.ids import paper_ids_in_url, parse_any_id, parse_doi
from citegraph.graph.model import normalize_title

from tests.paths import FIXTURES
LORENZ = "10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2"
ASCE = "10.1061/(ASCE)0733-9445(2000)126:1(1)"
SICI = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"


def rows(result) -> list[tuple]:
    return [(e.arxiv, e.doi, e.title, e.name, e.sources) for e in result.entries]


# --- 1. DOIs with brackets, "<", ">" and ";" -----------------------------------


@pytest.mark.parametrize("doi", [LORENZ, ASCE, SICI, "10.1000/xyz(1)"])
def test_an_id_file_line_is_the_whole_doi(doi: str) -> None:
    r = read_list_text(f"{doi}\n2405.09818\n", "ids.txt")
    assert r.warnings == []
    assert [(e.doi, e.sources) for e in r.entries] == [(doi.lower(), ["ids.txt:1"]), (None, ["ids.txt:2"])]


def test_an_id_file_line_is_the_doi_up_to_white_space_and_trailing_punctuation() -> None:
    assert parse_any_id("10.1000/xyz(1)garbage)") == {"doi": "10.1000/xyz(1)garbage"}
    assert parse_any_id(f"{LORENZ}.") == {"doi": LORENZ.lower()}  # the sentence's full stop is not the DOI's
    assert parse_any_id("10.1000/abc<br>") == {}  # an HTML tag after it: the value is not only a DOI


def test_a_bibtex_doi_field_is_the_whole_doi() -> None:
    bib = (
        "@article{lorenz, title={Deterministic Nonperiodic Flow}, doi={" + LORENZ + "}, year={1963}}\n"
        "@article{asce, title={Steel Beams}, doi={" + ASCE + "}}\n"
    )
    r = read_list_text(bib, "refs.bib")
    assert r.warnings == []
    assert [e.doi for e in r.entries] == [LORENZ.lower(), ASCE.lower()]


def test_a_doi_label_in_markdown_keeps_the_whole_doi_and_its_own_notes() -> None:
    text = (
        "# C\n"
        f"- Lorenz, Deterministic Nonperiodic Flow. DOI: {LORENZ}\n"
        "- [Some paper](https://arxiv.org/abs/2410.13848)\n"
        f"- Steel paper DOI: {ASCE}.\n"
    )
    r = read_list_text(text, "c.md")
    assert r.warnings == []
    assert [(e.arxiv, e.doi, e.title, e.sources, e.text) for e in r.entries] == [
        (None, LORENZ.lower(), "Lorenz, Deterministic Nonperiodic Flow", ["c.md:2"], ""),
        ("2410.13848", None, "Some paper", ["c.md:3"], ""),
        (None, ASCE.lower(), None, ["c.md:4"], ""),
    ]


def test_doi_links_keep_balanced_brackets_and_are_percent_decoded() -> None:
    encoded_sici = SICI.replace("<", "%3C").replace(">", "%3E")
    text = (
        f"- [Lorenz](https://doi.org/{LORENZ})\n"
        f"- [Other paper](https://doi.org/{encoded_sici})\n"
        "- [Some paper](https://doi.org/10.1000/xyz(1))\n"
        f"- the steel one is at https://doi.org/{ASCE} for reference\n"
        "- [Wrapped](<https://doi.org/10.1000/x1>)\n"
    )
    r = read_list_text(text, "l.md")
    assert r.warnings == []
    assert [(e.doi, e.sources) for e in r.entries] == [
        (LORENZ.lower(), ["l.md:1"]),
        (SICI.lower(), ["l.md:2"]),
        ("10.1000/xyz(1)", ["l.md:3"]),
        (ASCE.lower(), ["l.md:4"]),
        ("10.1000/x1", ["l.md:5"]),
    ]


def test_a_doi_in_running_text_ends_conservatively_but_not_inside_brackets() -> None:
    assert parse_doi(f"(see {ASCE}).") == ASCE.lower()
    assert parse_doi("(see 10.1000/xyz)") == "10.1000/xyz"  # the bracket around it is the sentence's
    assert parse_doi(f"as in {LORENZ}") == "10.1175/1520-0469(1963)020"  # "<" ends a DOI in prose
    assert parse_doi(LORENZ, whole=True) == LORENZ.lower()
    assert paper_ids_in_url(f"https://doi.org/{ASCE})") == {"doi": ASCE.lower()}  # an odd ")" after it is not its


# --- 2. a malformed link's placeholder takes no later link --------------------


def test_a_malformed_links_name_and_place_stay_with_it() -> None:
    text = "# T\n- [Show-o](https://arxiv.org/abs/2408.1252)\n- Paper: https://arxiv.org/abs/2501.17811\n"
    r = read_list_text(text, "c.md")
    assert [str(w) for w in r.warnings] == ["c.md:2: malformed arXiv link https://arxiv.org/abs/2408.1252"]
    assert rows(r) == [("2501.17811", None, None, None, ["c.md:3"])]


def test_a_malformed_titled_link_takes_no_later_link_either() -> None:
    text = (
        "- [Show-o: One Single Transformer to Unify Understanding](https://arxiv.org/abs/2408.1252)\n"
        "- [arXiv](https://arxiv.org/abs/2501.17811)\n"
    )
    r = read_list_text(text, "c.md")
    assert rows(r) == [
        (None, None, "Show-o: One Single Transformer to Unify Understanding", "Show-o", ["c.md:1"]),
        ("2501.17811", None, None, None, ["c.md:2"]),
    ]


def test_a_title_only_paper_still_takes_its_link() -> None:
    text = "- **Chameleon: Mixed-Modal Early-Fusion Foundation Models**\n  [paper](https://arxiv.org/abs/2405.09818)\n"
    r = read_list_text(text, "c.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [
        ("2405.09818", "Chameleon: Mixed-Modal Early-Fusion Foundation Models")
    ]


# --- 3. LaTeX in BibTeX titles ---------------------------------------------------


def test_bibtex_titles_are_latex_decoded() -> None:
    r = read_lists([FIXTURES / "fix_latex.bib"])
    assert r.warnings == []
    assert [(e.title, e.authors) for e in r.entries] == [
        ("Über die Größe neuronaler Netze", ["Jörg Müller"]),
        ("Fast Étude of Naïve Bayes with α-divergence", []),
        ("50% Fewer Parameters & Q&A", []),
        ('Quoted "Words" in a Field', []),
    ]
    assert normalize_title(r.entries[0].title) == normalize_title("Über die Größe neuronaler Netze")


def test_the_latex_macro_table_is_built_once_not_per_field(monkeypatch: pytest.MonkeyPatch) -> None:
    # pylatexenc builds its table of macros for every text it is not given one for
    import pylatexenc.latexwalker as latexwalker

    from citegraph.lists import formats

    built = []
    real = latexwalker.get_default_latex_context_db
    monkeypatch.setattr(latexwalker, "get_default_latex_context_db", lambda: built.append(1) or real())
    formats._latex_macros.cache_clear()
    try:
        r = read_lists([FIXTURES / "fix_latex.bib"])
        assert r.entries[0].title == "Über die Größe neuronaler Netze" and r.entries[0].authors == ["Jörg Müller"]
        assert len(built) == 1
    finally:
        formats._latex_macros.cache_clear()  # the next reader builds it from the real function


# --- 4. venue emphasis after an awesome-list title -------------------------------


def test_venue_and_year_in_emphasis_are_not_the_title() -> None:
    text = (
        "- Show-o: One Single Transformer to Unify Multimodal Understanding and Generation, *arXiv 2024*. "
        "[Paper](https://arxiv.org/pdf/2408.12528.pdf)\n"
        "- **Janus: Decoupling Visual Encoding**, _CVPR 2025_. [[Paper](https://arxiv.org/abs/2410.13848)]\n"
        "- Towards *Robust* Models [paper](https://arxiv.org/abs/2401.00001)\n"
    )
    r = read_list_text(text, "aw.md")
    assert [e.title for e in r.entries] == [
        "Show-o: One Single Transformer to Unify Multimodal Understanding and Generation",
        "Janus: Decoupling Visual Encoding",
        "Towards *Robust* Models",  # emphasis without a year is the title's own
    ]


# --- authors as lists write them ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("*Álvaro Barbero Jiménez*", ["Álvaro Barbero Jiménez"]),  # one person, a capital past ASCII
        ("*Paleti Nikhil Chowdary, Gorantla V N S L Vishnu Vardhan, Aswathy P*",
         ["Paleti Nikhil Chowdary", "Gorantla V N S L Vishnu Vardhan", "Aswathy P"]),  # initials are no words
    ],
)
def test_a_block_takes_the_authors_line_under_its_title(line: str, authors: list[str]) -> None:
    text = f"**Mixture of Diffusers for Scene Composition** \\\n{line} \\\narXiv 2023. [[Paper](https://arxiv.org/abs/2302.02412)]\n"
    (e,) = read_list_text(text, "d.md").entries
    assert (e.title, e.authors, e.venue, e.year) == ("Mixture of Diffusers for Scene Composition", authors, "arXiv", 2023)


def test_an_emphasised_clause_is_still_no_author_list() -> None:
    text = "**A Title of Some Length Here** \\\n*we propose a new method that samples images quickly from noise* \\\n" \
           "arXiv 2023. [[Paper](https://arxiv.org/abs/2302.02412)]\n"
    assert read_list_text(text, "d.md").entries[0].authors == []


def test_an_html_card_author_loses_a_bracketed_nickname_without_a_double_space() -> None:
    card = (
        '<div class="paper-row" data-id="cheng2024">\n  <div class="paper-card">\n    <div class="paper-content">\n'
        '      <h2 class="paper-title">Sparse Gaussians for Scenes <span class="paper-year">(2024)</span></h2>\n'
        '      <p class="paper-authors">Jiahuan (Joanna) Cheng, Luc Van Gool</p>\n'
        '      <div class="paper-links"><a href="https://arxiv.org/pdf/2412.01807" class="paper-link">Paper</a>\n'
        '    </div>\n  </div>\n</div>\n'
    )
    (e,) = read_list_text(card, "c.html").entries
    assert (e.authors, e.year) == (["Jiahuan Cheng", "Luc Van Gool"], 2024)
