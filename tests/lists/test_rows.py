"""Papers held as rows (``lists/rows.py``): the same entries back, stored back, and the reader's live ones settled in order."""

from __future__ import annotations

import copy
import pickle

import pytest

from citegraph.lists.entry import Entry
from citegraph.lists.rows import EntryRows, MentionRows


def _entries() -> list[Entry]:
    shared = "Prose both papers of an item share"
    return [
        Entry(arxiv="2405.09818", title="Chameleon: Mixed-Modal Early-Fusion", name="Chameleon", year=2024,
              authors=["Chameleon Team"], tags=["Unified"], sources=["a.md:3", "b.md:9"], repos=["github.com/x/y"],
              text=shared),
        Entry(doi="10.1000/x", title="论文：多模态", venue="CVPR", year=99999, tags=["Unified"], sources=["a.md:4"],
              text=shared),
        Entry(s2_id="CorpusId:123", title="Lone \udcff surrogate", year=-3, sources=["c.md:1"]),
        Entry(title="No year"),
    ]


def test_rows_give_back_the_entries_stored_field_for_field() -> None:
    entries = _entries()
    rows = EntryRows(entries)
    assert len(rows) == 4 and list(rows) == entries and rows == entries and rows == tuple(entries)
    assert [e.as_dict() for e in rows] == [e.as_dict() for e in entries]
    assert rows[-1] == entries[-1] and rows[1:3] == entries[1:3] and rows[0] is not rows[0]
    assert (rows[1].year, rows[2].year, rows[3].year) == (99999, -3, None)  # years past 2 bytes kept apart
    assert rows.field(1, "doi") == "10.1000/x" and rows.field(3, "arxiv") is None
    assert rows.fields(0, ("arxiv", "title")) == ["2405.09818", "Chameleon: Mixed-Modal Early-Fusion"]
    assert rows.text_of(0) is rows.text_of(1)  # an item's text: one object for both papers
    assert repr(rows) == repr(entries) and rows != entries[:3] and rows != [*entries[:3], Entry(title="Other")]
    with pytest.raises(IndexError):
        rows[4]
    assert pickle.loads(pickle.dumps(rows)) == entries and copy.deepcopy(rows) == entries


def test_an_entry_stored_back_replaces_its_row_whatever_its_new_length() -> None:
    entries = _entries()
    rows = EntryRows(entries)
    same_length = rows[0]
    same_length.name = "Nomeleon"  # (as many bytes: written over the old ones)
    rows[0] = same_length
    longer = rows[1]
    longer.title, longer.year, longer.text, longer.tags = "A much longer title than before", 2023, "new", ["T"]
    rows[1] = longer
    assert rows[0].name == "Nomeleon" and rows[1] == longer and rows[1].year == 2023
    assert rows[2] == entries[2] and rows[3] == entries[3]  # the others as they were
    rows[1] = entries[1]  # and back
    assert rows[1] == entries[1] and rows[1].year == 99999


def test_the_reader_s_live_entries_are_stored_in_order_when_settled() -> None:
    m = MentionRows()
    first = m.append(Entry(arxiv="2405.09818", sources=["a.md:1"]))
    item = m.append(Entry(title="An item read over lines", sources=["a.md:2"]))
    assert (first, item, len(m), len(m.rows)) == (0, 1, 2, 0)
    m[item].authors = ["Ann Lee"]
    m.settle(keep=item)  # the item being read stays an object; the one before it is a row
    assert len(m.rows) == 1 and m.index(m[item]) == item
    m[item].venue = "CVPR"
    after = m.append(Entry(arxiv="2407.06135", sources=["a.md:5"]))
    m.settle(keep=after)  # the item is done: stored, in its place before the next
    m.settle()
    assert [e.title or e.arxiv for e in m.rows] == ["2405.09818", "An item read over lines", "2407.06135"]
    assert (m.rows[1].authors, m.rows[1].venue) == (["Ann Lee"], "CVPR")
    # a stored row asked for again is live until the next settle; a borrowed one until it is given back
    m[0].title = "Chameleon"
    borrowed = m.borrow(2)
    borrowed.text = "shared prose"
    m.give_back()
    m.settle()
    assert (m.rows[0].title, m.rows[2].text, m[-1].arxiv) == ("Chameleon", "shared prose", "2407.06135")


@pytest.mark.parametrize(
    "sources",
    [[], ["a.md:1"], ["a.md:0"], ["a.md:007"], ["a.md:1", "a.md:2"], ["b.md:3", "a.md:4"], [":5"], ["x:y:12"],
     ["a.md:4294967296"], ["no place"]],
)
@pytest.mark.parametrize("fields", [{}, {"arxiv": "2405.09818"}, {"title": "T", "repos": ["github.com/a/b"]}])
def test_a_row_keeps_a_place_in_its_own_file_apart_and_gives_the_record_back_whole(sources, fields) -> None:
    # (a row keeps line N of its own file as a number and drops the empty fields' separators
    # before it: a paper read from a bare id is its 10 characters)
    e = Entry(sources=sources, **fields)
    rows = EntryRows([e, e])
    assert rows[0] == e and rows[0]._record == e._record and rows.record(1) == e._record
    assert rows.field(0, "title") == e.title and rows.fields(1, ("arxiv", "sources"))[0] == e.arxiv


def test_a_bare_id_s_row_is_its_id_and_a_few_numbers() -> None:
    rows = EntryRows(Entry(arxiv=f"2401.{i:05d}", sources=[f"ids.txt:{i}"]) for i in range(1, 1001))
    assert len(rows._data) == 10 * 1000 and rows[999].sources == ["ids.txt:1000"]


def test_rows_let_go_from_the_front_keep_the_rest_as_they_were() -> None:
    # rows of every kind: a place kept as a line, none (line 0), a moved record, odd years
    entries = [
        Entry(arxiv=f"2401.{i + 1:05d}", title=("A title " * (i % 5)).strip() or None, year=(99999 if i % 7 == 0 else 2024),
              sources=[f"a.md:{i + 2}"] if i % 3 else [], text="prose" if i % 4 else "", tags=[f"T{i % 300}"])
        for i in range(150)
    ]
    rows = EntryRows(entries)
    longer = rows[100]
    longer.title = "A much longer title than it had"
    rows[100] = longer
    entries[100] = longer
    assert rows.drop_first(70) == 64  # (a mark at a time: 32 rows)
    assert len(rows) == 86 and list(rows) == entries[64:]
    assert rows[36].title == "A much longer title than it had" and rows[0].year == 2024
    e = rows[5]
    e.year = 1066
    rows[5] = e  # stored back after the drop: its own year, the others' as they were
    assert rows[5].year == 1066 and list(rows[6:]) == entries[70:]
    rows.append(Entry(arxiv="2402.00001", sources=["b.md:9"]))
    assert rows[-1].sources == ["b.md:9"] and rows.drop_first(len(rows)) == 64 and len(rows) == 23


def test_a_merge_spending_its_rows_gives_the_papers_of_one_that_does_not() -> None:
    # 10,000 mentions, so that rows are let go several times while papers are made: a paper
    # mentioned again thousands of rows later, by id or by title alone, is still one paper
    mentions = [
        Entry(arxiv=f"2401.{i % 6000 + 1:05d}", title=f"Paper {i % 6000}" if i % 2 else None,
              sources=[f"m.md:{i + 1}"], tags=[f"S{i // 1000}"])
        for i in range(10_000)
    ] + [Entry(title="Paper 4321", sources=["m.md:10001"]), Entry(title="Only a title", sources=["m.md:10002"])]
    from citegraph.lists.reader import merge_entries

    expected = merge_entries(mentions)
    rows = EntryRows(mentions)
    spent = merge_entries(rows, reuse=True)
    assert len(rows) < 10_002 - 4096  # (some let go)
    assert list(spent) == list(expected) and len(spent) == 6001
    assert spent[1].arxiv == "2401.00002" and spent[1].sources == ["m.md:2", "m.md:6002"]
    assert spent[4321].arxiv == "2401.04322" and spent[4321].sources == ["m.md:4322", "m.md:10001"]
