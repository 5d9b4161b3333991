"""An entry's several-string fields are packed (``Packed``) yet read as the lists they were."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from citegraph.lists.entry import Entry, Packed, with_new
from citegraph.lists.reader import read_list_text
from citegraph.lists.rows import EntryRows

PACKED_FIELDS = ("authors", "tags", "sources", "repos")

LIST = (
    "# Diffusion\n"
    "**Denoising Diffusion Probabilistic Models** \\\n"
    "*Jonathan Ho, Ajay Jain, Pieter Abbeel* \\\n"
    "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] [[Github](https://github.com/hojonathanho/diffusion)]\n"
    "\n"
    "**Score-Based Generative Modeling through Stochastic Differential Equations** \\\n"
    "*Yang Song, Jascha Sohl-Dickstein, Diederik P. Kingma* \\\n"
    "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2011.13456)]\n"
    "## Again\n"
    "- [DDPM](https://arxiv.org/abs/2006.11239)\n"
)


def test_a_read_papers_fields_are_packed_and_read_as_lists() -> None:
    entries = read_list_text(LIST, "d.md").entries
    ddpm, sde = entries
    for e in entries:
        assert all(type(getattr(e, f)) is Packed for f in PACKED_FIELDS)
    assert ddpm.authors == ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"]
    assert list(sde.authors) == ["Yang Song", "Jascha Sohl-Dickstein", "Diederik P. Kingma"]
    assert ddpm.tags == ["Diffusion", "Diffusion / Again"] and ddpm.sources == ["d.md:2", "d.md:10"]
    assert ddpm.repos == ["github.com/hojonathanho/diffusion"] and sde.repos == [] and not sde.repos
    assert (ddpm.authors[0], ddpm.authors[-1], len(ddpm.authors), "Ajay Jain" in ddpm.authors) == (
        "Jonathan Ho", "Pieter Abbeel", 3, True)
    assert ddpm.venue == sde.venue == "NeurIPS" and ddpm.year == sde.year == 2020
    # held as rows of one buffer, not an object a paper; each asked for is a new entry
    assert isinstance(entries, EntryRows) and entries[0] == ddpm and entries[0] is not ddpm


def test_packed_strings_compare_show_and_copy_as_lists() -> None:
    p = Packed(["Lili Yu", "", "Chunting Zhou"])  # empty strings are dropped, as a reader drops them
    assert p == ["Lili Yu", "Chunting Zhou"] == p and p == ("Lili Yu", "Chunting Zhou") and p != ["Lili Yu"]
    assert ["Lili Yu", "Chunting Zhou"] == p and Packed(p) == p and hash(Packed(p)) == hash(p)  # noqa: SIM300 (the reflected comparison is the point)
    assert repr(p) == "['Lili Yu', 'Chunting Zhou']" and p[1:] == ["Chunting Zhou"]
    assert pickle.loads(pickle.dumps(p)) == p and copy.deepcopy(p) == p
    assert Packed([]) == [] and len(Packed()) == 0 and list(Packed()) == []
    with pytest.raises(IndexError):
        Packed()[0]
    assert not hasattr(p, "append")
    with pytest.raises(TypeError, match="not the string 'Unified'"):
        Entry(tags="Unified")  # a string is no list of tags: its letters would be  # read-only: an entry's fields are replaced, never changed in place


def test_the_packing_character_in_a_name_becomes_a_space() -> None:
    """Names are data: the unit separator inside one cannot split it into two people."""
    assert list(Packed(["Ann\x1fLee", "Bo Wu"])) == ["Ann Lee", "Bo Wu"]


def test_an_entry_made_with_lists_equals_one_made_with_tuples_and_survives_json_and_pickle() -> None:
    a = Entry(arxiv="2405.09818", authors=["A B"], tags=["T"], sources=["x.md:1"], year=2024)
    b = Entry(arxiv="2405.09818", authors=("A B",), tags=("T",), sources=("x.md:1",), year=2024)
    assert a == b and type(a.tags) is Packed and a.repos == [] and a != Entry(arxiv="2405.09818")
    assert Entry(**json.loads(json.dumps(a.as_dict()))) == a and pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a and a.copy() == a and a.copy() is not a
    with pytest.raises(TypeError):
        hash(a)  # changed in place while a list is read: no hash


def test_a_packed_field_is_replaced_never_changed_in_place() -> None:
    e = Entry(tags=["T"])
    seen = e.tags
    e.tags = with_new(e.tags, ["U", "T", ""])
    assert e.tags == ["T", "U"] and seen == ["T"]
    e.authors = ["Ann Lee"]
    assert e.authors == ["Ann Lee"] and type(e.authors) is Packed


def test_reading_a_list_leaves_no_title_or_link_text_in_the_name_caches() -> None:
    """The names module caches its answers for the analyses; a list's titles and link
    texts, each asked once while it is read, would stay there after the read (on
    Awesome-Multimodal-Large-Language-Models, twice the file's size)."""
    import citegraph.text.names as names

    lines = [
        f"- [Widget{i}: Gadget Nets for Task {i}](https://arxiv.org/abs/2401.{i:05d}) We introduce Widget{i}."
        for i in range(1, 201)
    ]
    caches = (names.clean_name, names.name_key, names.model_name)
    for cache in caches:
        cache.cache_clear()  # a full cache would not grow, and the test could not fail
    before = [c.cache_info().currsize for c in caches]
    entries = read_list_text("\n".join(lines) + "\n", "w.md").entries
    grown = [c.cache_info().currsize - b for c, b in zip(caches, before)]
    assert len(entries) == 200 and entries[7].name == "Widget8"
    assert max(grown) < 20, grown


def test_each_field_reads_back_from_the_record_whatever_it_holds() -> None:
    """Fields are parts of one string: separators inside a value, empty values and places in
    several files (one of them also the prefix of another's name) read back as given."""
    e = Entry(
        arxiv="2405.09818", title="A\x1eB\x1fC", name="", venue=None, authors=["Ann Lee"],
        sources=["lists/a.md:3", "lists/a.md.bak:1", "b.md:7", "lists/a.md:9"], text="notes\x1ekept",
    )
    assert (e.arxiv, e.doi, e.title, e.name, e.venue) == ("2405.09818", None, "A B C", None, None)
    assert e.sources == ["lists/a.md:3", "lists/a.md.bak:1", "b.md:7", "lists/a.md:9"]
    assert e.text == "notes\x1ekept"  # text is held apart, as it is
    e.doi, e.title, e.venue = "10.1/x", "Chameleon", "CVPR"
    e.sources = with_new(e.sources, ["c.md:1"])
    assert (e.doi, e.title, e.venue, e.authors, e.sources[-1]) == ("10.1/x", "Chameleon", "CVPR", ["Ann Lee"], "c.md:1")
    e.sources = []
    assert e.sources == [] and e.arxiv == "2405.09818"
