"""Property-based tests: whatever text a list holds, the reader returns papers and warnings.

Random text and real-looking list text (the fixtures) mutated by deleting,
duplicating and inserting characters, random unicode and markdown/HTML
fragments.  Besides never raising, every result must keep the reader's
invariants: each paper has an id or a title, ids are well-formed, every
``file:line`` points into the document, and papers are distinct.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citegraph.lists.reader import read_list_text
from citegraph.text.ids import parse_arxiv_id, parse_doi
from citegraph.graph.model import normalize_title

from tests.factories.lists import DOCS, FRAGMENTS

# Words a list uses as labels: never a paper's model name.
NOT_NAMES = {"paper", "papers", "arxiv", "pdf", "code", "link", "here", "论文", "项目", "链接"}


def check(text: str, source: str = "doc.md") -> None:
    result = read_list_text(text, source)
    n_lines = max(1, len(re.split(r"\r\n|\r|\n", text)))  # as an editor numbers them
    keys = []
    for e in result.entries:
        assert e.arxiv or e.doi or e.s2_id or (e.title and e.title.strip()), e
        if e.arxiv:
            assert parse_arxiv_id(e.arxiv) == e.arxiv, e.arxiv
        if e.doi:
            # a stored DOI is one whole value: read as such it is itself (an id file's
            # token may hold "](" that running text would end the DOI at)
            assert e.doi == e.doi.lower() and parse_doi(e.doi, whole=True) == e.doi, e.doi
        assert e.sources, e
        for s in e.sources:
            name, line = s.rsplit(":", 1)
            assert name == source and 1 <= int(line) <= n_lines, s
        assert isinstance(e.text, str) and all(isinstance(t, str) and t for t in e.tags)
        assert e.name is None or (e.name.strip() and e.name.lower() not in NOT_NAMES), e.name
        keys.append(e.key if (e.arxiv or e.doi or e.title or not e.s2_id.startswith("CorpusId")) else e.s2_id)
    assert len(keys) == len(set(keys)), keys
    titled_without_ids = [normalize_title(e.title) for e in result.entries if e.title and not (e.arxiv or e.doi or e.s2_id)]
    assert len(titled_without_ids) == len(set(titled_without_ids))
    lines = []
    for w in result.warnings:
        name, line = w.source.rsplit(":", 1)
        assert name == source and 0 <= int(line) <= n_lines, w
        lines.append(int(line))
    assert lines == sorted(lines), result.warnings  # in file order


@st.composite
def mutated(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(DOCS)))
    text = DOCS[name]
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        op = draw(st.sampled_from(["delete", "duplicate", "fragment", "unicode"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "fragment":
            text = text[:i] + draw(st.sampled_from(FRAGMENTS)) + text[i:]
        else:
            text = text[:i] + draw(st.text(max_size=8)) + text[i:]
    return name, text


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    check(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=40).map("".join))
def test_random_markup_soup_never_crashes(text: str) -> None:
    check(text)


@SETTINGS
@given(mutated())
def test_mutated_real_lists_never_crash(case: tuple[str, str]) -> None:
    name, text = case
    # keep the fixture's extension: a .bib stays BibTeX, ids.txt stays a file of ids
    check(text, source=f"mutated-{name}")


# The reader skips its link patterns on lines whose substring tests say they
# cannot match: those tests must agree with the patterns themselves, case
# folds included (long s, dotless and dotted i, Kelvin sign match under re.I).
_HINT_TEXT = st.lists(
    st.sampled_from(FRAGMENTS + ["HTTP", "ArXiv", "DOI", "Corpus", "WWW.", "HREF", "GitHub", "\u017f", "\u0131",
                                 "\u0130", "\u212a", " ", "\t", "\u3000", ":", "x"]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_HINT_TEXT, st.text(max_size=40)))
def test_substring_prefilters_agree_with_the_patterns(text):
    import re

    from citegraph.lists import line as lm

    assert lm._link_hint(text, text.lower()) == bool(lm._LINK_HINT.search(text))
    low = text.lower()
    for word in ("arxiv", "doi"):
        assert lm._colon_after(low, word) == bool(re.search(word + r"\s*[:：]", low))
