"""A list held as its bytes: lines as an editor numbers them, errors naming the byte, memory near the file's size.

Memory is counted with ``tracemalloc`` (Python's own allocations, the same
on every machine for the same code), not timed.
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from citegraph.errors import InputError
from citegraph.lists.document import ListText, decode_list
from citegraph.lists.formats import read_bibtex
from citegraph.lists.entry import Entry
from citegraph.lists.markdown import _Reader, read_markdown
from citegraph.lists.rows import EntryRows
from citegraph.lists.reader import merge_entries, parse_documents, read_documents, read_list_text, read_lists


def test_lines_end_at_newlines_only_as_an_editor_numbers_them() -> None:
    doc = ListText(b"a\r\nb\xe2\x80\xa8still b\x0cand b\rc\n")
    assert list(doc) == ["a", "b\u2028still b\x0cand b", "c", ""]
    assert doc[-1] == "" and doc[0:2] == ["a", "b\u2028still b\x0cand b"]
    assert doc.text() == "a\nb\u2028still b\x0cand b\nc\n"
    assert list(ListText(b"\r\n\r\nx\n\ry\r")) == ["", "", "x", "", "y", ""]  # "\n\r" is two breaks


def test_a_text_with_lone_surrogates_or_a_byte_order_mark_round_trips() -> None:
    text = "\ufeff- [A](https://arxiv.org/abs/2405.09818) \udcff\n"
    doc = ListText.from_str(text)
    assert doc[0] == text[1:-1]  # the mark is no text; a lone surrogate stays as it was
    assert [e.arxiv for e in read_list_text(text, "s.md").entries] == ["2405.09818"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "paper list f.md is empty"),
        (b" \n\t\r\n", "paper list f.md is empty"),
        ("\u3000\n".encode(), "paper list f.md is empty"),  # a Unicode space only
        (b"\xef\xbb\xbf\n", "paper list f.md is empty"),
        (b"ok\0", "paper list f.md is binary (it contains NUL bytes), not text"),
        (b"# Papers\n" + b"x" * 70_000 + b"\xff\n", "paper list f.md is not UTF-8 text (byte 0xff at offset 70009)"),
        (b"\xff\xfe\x00\xd8", "paper list f.md is not valid UTF-16 text (unexpected end of data)"),
    ],
)
def test_a_file_that_is_no_text_is_an_error_naming_it_and_the_byte(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode_list(data, "f.md")
    assert str(err.value) == message


def test_a_character_split_across_the_decoders_chunks_is_read() -> None:
    data = b"x" * ((1 << 16) - 1) + "论文".encode() + b"\n"  # straddles 64 KiB, a multiple of the chunk size
    assert decode_list(data, "c.md")[0].endswith("论文")


def test_utf16_and_crlf_files_read_as_utf8_ones(tmp_path) -> None:
    text = "# 论文\r\n- [Chameleon](https://arxiv.org/abs/2405.09818)\r\n"
    (tmp_path / "u16.md").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (tmp_path / "u8.md").write_bytes(text.replace("\r\n", "\n").encode())
    a, b = read_lists([tmp_path / "u16.md"]), read_lists([tmp_path / "u8.md"])
    assert [(e.arxiv, e.tags, e.sources[0].rsplit(":", 1)[1]) for e in a.entries] == [("2405.09818", ["论文"], "2")]
    assert [(e.arxiv, e.tags) for e in a.entries] == [(e.arxiv, e.tags) for e in b.entries]


def test_documents_and_plain_texts_give_the_same_reading() -> None:
    text = "## Unified\n- **Janus: Decoupling Visual Encoding** \\\n[[Paper](http://arxiv.org/pdf/2410.13848v1)]\n"
    assert parse_documents([("l.md", text)]) == parse_documents([("l.md", ListText.from_str(text))])


def test_documents_given_away_are_let_go_once_read_and_read_the_same() -> None:
    texts = [("a.md", "- [Janus: Decoupling Visual Encoding](https://arxiv.org/abs/2410.13848)\n"),
             ("b.md", "- [Janus: Decoupling Visual Encoding](https://arxiv.org/abs/2410.13848) again\n")]
    docs = [(name, ListText.from_str(text)) for name, text in texts]
    kept = parse_documents(list(docs))
    given = parse_documents(docs, consume=True)
    assert given == kept and given.files == 2
    assert docs == []  # the caller's list no longer holds the texts while papers merge


def _peak(fn) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_list_is_held_at_about_its_own_size_whatever_its_characters(tmp_path) -> None:
    # One emoji makes a decoded str take 4 bytes a character, and a list of lines
    # adds ~57 bytes a line: neither is held, only the bytes and an offset a line.
    path = tmp_path / "wide.md"
    line = "- [A paper title of ordinary length](https://arxiv.org/abs/2405.09818) 🙂 notes\n"
    path.write_text(line * 20_000, encoding="utf-8")
    size = path.stat().st_size
    docs: list = []
    peak = _peak(lambda: docs.extend(read_documents([path])))
    assert peak < 1.5 * size, peak / size
    assert len(docs[0][1]) == 20_001


def test_a_long_url_costs_the_regex_engine_no_memory_per_character() -> None:
    # A greedy repeat of an alternation keeps a backtracking point per character:
    # the bare-URL and image patterns took about 80 times this line; the line is
    # still copied a few times as it is read (masked, lower-cased, plain).
    url = "https://example.org/" + "a" * 4000
    text = f"- [Paper](https://arxiv.org/abs/2405.09818) see {url} and ![fig]({url})\n"
    read_markdown(text, "warm.md")
    entries: list = []
    peak = _peak(lambda: entries.extend(read_markdown(text, "u.md")[0]))
    assert [e.arxiv for e in entries] == ["2405.09818"]
    assert peak < 20 * len(text), peak / len(text)


def test_a_long_section_of_one_paper_items_is_read_at_a_small_multiple_of_its_size() -> None:
    # One section, a paper an item (awesome-deepbio's layout): the items read so far
    # are kept until the section ends, for its prose. An object and a list an item,
    # a year object a paper and a list a group for the prose made this 6.0x; now 3.1x.
    text = "# Papers\n" + "".join(
        f"- **2016-{i % 12 + 1:02d}** | Paper number {i} about models | *A. Author, B. Author* "
        f"| [Journal](https://doi.org/10.1000/j.{i})\n"
        for i in range(3000)
    )
    read_markdown(text, "warm.md")
    entries: list = []
    peak = _peak(lambda: entries.extend(read_markdown(text, "s.md")[0]))
    assert len(entries) == 3000 and (entries[5].year, entries[5].venue) == (2016, "Journal")
    assert entries[5].authors == ["A. Author", "B. Author"] and entries[5].doi == "10.1000/j.5"
    assert peak < 4 * len(text.encode()), peak / len(text.encode())


@pytest.mark.parametrize("link", ["[Scaling study {i}](https://arxiv.org/abs/2401.{n:05d})", "https://arxiv.org/abs/2401.{n:05d}"])
def test_a_line_of_thousands_of_links_reads_as_the_same_links_a_line_each_in_as_much_memory(link: str) -> None:
    # Read whole, every link's paper was made before the line was judged (a
    # sentence citing them, or a list of them): 9.2x the line (titled links),
    # 10.7x (bare URLs), against 4.4x and 6.0x for the same links a line each.
    # Now the line is read a piece of 64 links at a time (ListText.pieces).
    links = [link.format(i=i, n=i + 1) for i in range(5000)]
    one_line = "# Papers\n" + " ".join(links) + "\n"
    a_line_each = "# Papers\n" + "".join(f"{x}\n" for x in links)
    read_markdown(one_line, "warm.md")
    entries: list = []
    peak = _peak(lambda: entries.extend(read_markdown(one_line, "l.md")[0]))
    each: list = []
    peak_each = _peak(lambda: each.extend(read_markdown(a_line_each, "e.md")[0]))
    assert [(e.arxiv, e.title) for e in entries] == [(e.arxiv, e.title) for e in each]
    assert len(entries) == 5000 and {e.sources[0] for e in entries} == {"l.md:2"}
    if "[" in link:
        assert (entries[2499].arxiv, entries[2499].title) == ("2401.02500", "Scaling study 2499")
    assert peak < 1.1 * peak_each * len(one_line) / len(a_line_each), (peak / len(one_line), peak_each / len(a_line_each))


@pytest.mark.parametrize(
    ("link", "sep"),
    [
        ("[Scaling study {i}](https://arxiv.org/abs/2401.{n:05d})", " "),  # one line
        ("- [Scaling study {i}](https://arxiv.org/abs/2401.{n:05d})", "\n"),
        ("https://arxiv.org/abs/2401.{n:05d}", " "),  # one line of bare URLs
    ],
)
def test_a_dense_list_is_read_within_three_times_its_size(tmp_path, link: str, sep: str) -> None:
    # At 20,000 papers these were 9.2x, 4.4x and 10.7x (an Entry a mention, the
    # line's links all analysed at once); benchmarks/bench_longline.py measures them.
    path = tmp_path / "dense.md"
    path.write_text("# Papers\n" + sep.join(link.format(i=i, n=i + 1) for i in range(5000)) + "\n")
    read_lists([path])
    results: list = []
    peak = _peak(lambda: results.append(read_lists([path])))
    assert len(results[0].entries) == 5000 and results[0].entries[4999].arxiv == "2401.05000"
    assert peak <= 3 * path.stat().st_size, peak / path.stat().st_size


def test_a_file_of_ids_is_read_within_three_times_its_size(tmp_path) -> None:
    # 11 bytes a paper: a row is its id and 5 bytes of numbers (23 with 4-byte
    # numbers: 5.96x), a line's start about a byte (4: the reading then held its
    # lines' starts at a third of the file), and the merge lets its rows go as it
    # makes the papers (it held both at once) with a table of first mentions of
    # 7.5 bytes a mention (20). 20,000 ids: a few KB of the reader's own objects
    # are nothing beside them (5,000 ids read at 3.25x).
    path = tmp_path / "ids.txt"
    path.write_text("".join(f"2401.{i + 1:05d}\n" for i in range(20_000)))
    read_lists([path])
    results: list = []
    peak = _peak(lambda: results.append(read_lists([path])))
    assert len(results[0].entries) == 20_000 and not results[0].warnings
    assert results[0].entries[19_999].sources == [f"{path}:20000"]
    assert peak <= 3 * path.stat().st_size, peak / path.stat().st_size


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        # cut at a blank before the next link, the blanks left out
        ("- [A b](u://1) [C](u://2), x://3 [D](u://4)", ["- [A b](u://1)", "[C](u://2), x://3", "[D](u://4)"]),
        # never inside a code span or emphasis, nor before what is no link
        ("https://a/1 `c https://a/2` **b https://a/3** https://a/4 *d https://a/5* https://a/6",
         ["https://a/1 `c https://a/2` **b https://a/3**", "https://a/4 *d https://a/5*", "https://a/6"]),
        # nor inside a link's text
        ("[A https://a/1 [B https://a/2 [C https://a/3", ["[A https://a/1 [B https://a/2 [C https://a/3"]),
        # nor inside an HTML link, nor before words that are no link
        ('<a href="https://a/1">A b</a> <a href="https://a/2">C</a> then https://a/3 and',
         ['<a href="https://a/1">A b</a>', '<a href="https://a/2">C</a> then', "https://a/3 and"]),
        ("few links https://a/1", ["few links https://a/1"]),
    ],
)
def test_a_line_of_many_links_is_cut_between_links_only(line: str, pieces: list[str]) -> None:
    doc = ListText(f"# x\n{line}".encode())
    assert list(doc.pieces(1, links=1)) == pieces
    assert list(doc.pieces(1)) == [line]  # (64 links a piece by default: a line of fewer is whole)
    assert doc.many_links(1, links=1) is (len(pieces) > 1 or line.count("://") > 1)


def test_a_sentence_citing_hundreds_of_papers_keeps_each_with_its_title_and_words() -> None:
    links = ", ".join(f"[Widget Model {i}](https://arxiv.org/abs/2401.{i + 1:05d})" for i in range(150))
    entries = read_list_text(f"# Notes\nWe compare with {links}, and ours wins.\n", "s.md").entries
    assert [(e.arxiv, e.title) for e in entries] == [(f"2401.{i + 1:05d}", f"Widget Model {i}") for i in range(150)]
    # read 64 links at a time: each paper's note is its piece of the sentence
    assert entries[0].text.startswith("We compare with Widget Model 0,") and "Widget Model 64" not in entries[0].text
    assert entries[149].text.endswith("and ours wins.") and all(e.sources == ["s.md:2"] for e in entries)


def test_a_line_of_many_links_in_a_table_heading_quote_or_code_block_is_read_whole() -> None:
    links = " ".join(f"[Study {i}](https://arxiv.org/abs/2401.{i + 1:05d})" for i in range(200))
    for text in (f"# Papers\n> {links}\n", f"# Papers\n```\n{links}\n```\n", f"## {links}\n"):
        reader = _Reader(ListText.from_str(text), "q.md")
        entries = reader.read()[0]
        assert len(entries) == 200 and not reader.lines.pieces, text[:30]
    pieced = _Reader(ListText.from_str(f"# Papers\n- {links}\n"), "p.md")
    assert list(pieced.lines.pieces) == [2]


def _mentions_of_2000_papers() -> list[Entry]:
    text = "# Papers\n" + "".join(
        f"- [Paper number {i} about models](https://arxiv.org/abs/2401.{i % 2000 + 1:05d}) *A. Author, B. Author*\n"
        for i in range(4000)
    )
    return read_markdown(text, "m.md")[0]


def test_merging_keeps_little_per_mention_and_holds_the_papers_as_rows() -> None:
    # A second copy of every paper, an ids dict and a tuple key per mention
    # made the merge the reading's peak (about 850 bytes a mention here, then
    # 390 with a list for every title and every paper, 300 making each paper
    # of its first mention; 271 with the papers made into rows, 266 letting the
    # spent rows go as the papers are made (its mentions are long), most of it the
    # lists of the papers and titles named twice).
    merge_entries(_mentions_of_2000_papers(), reuse=True)  # the name caches filled: they are not the merge's
    mentions = EntryRows(_mentions_of_2000_papers())
    count = len(mentions)  # (the merge lets its spent rows go)
    merged: list = []
    peak = _peak(lambda: merged.append(merge_entries(mentions, reuse=True)))
    (papers,) = merged
    assert isinstance(papers, EntryRows) and len(papers) == 2000
    assert papers[0].sources == ["m.md:2", "m.md:2002"] and papers[0].title == "Paper number 0 about models"
    assert [e.arxiv for e in papers] == [f"2401.{i + 1:05d}" for i in range(2000)]
    assert len(mentions) < count and peak / count < 300, peak / count


def test_merging_without_reuse_leaves_the_mentions_as_they_were() -> None:
    a = Entry(arxiv="2410.13848", tags=["A"], sources=["a.md:1"])
    b = Entry(arxiv="2410.13848", tags=["B"], sources=["b.md:2"])
    (merged,) = merge_entries([a, b])
    assert merged is not a and merged.sources == ["a.md:1", "b.md:2"]
    assert (a.sources, b.sources, a.tags) == (["a.md:1"], ["b.md:2"], ["A"])


def _bib_entry(i: int, journal: str = "{Journal}") -> str:
    return (
        f"@article{{e{i},\n  title = {{Paper {i}: On Reading Long Files}},\n"
        f"  journal = {journal},\n  eprint = {{2401.{i + 1:05d}}},\n  abstract = {{a line\n@misc inside a field}}\n}}\n"
    )


def test_a_long_bibtex_file_is_parsed_in_pieces_with_its_macros_and_line_numbers() -> None:
    # 600 entries (~90 KB): several pieces; a macro defined at the top is used at
    # the end, a malformed entry far down is named by its own line.
    text = "@string{cv = {Computer Vision}}\n" + "".join(_bib_entry(i, "cv" if i % 2 else "{J}") for i in range(600))
    text += "@article{broken, title = {Unclosed\n"
    result = read_list_text(text, "big.bib")
    assert len(result.entries) == 600
    lines = text.split("\n")
    for e in (result.entries[0], result.entries[599]):
        no = int(e.sources[0].rsplit(":", 1)[1])
        assert lines[no - 1].startswith("@article{e") and e.arxiv == f"2401.{int(lines[no - 1][10:-1]) + 1:05d}"
    assert {e.venue for e in result.entries} == {"Computer Vision", "J"}
    assert [str(w) for w in result.warnings] == [f"big.bib:{len(lines) - 1}: malformed BibTeX entry '@article{{broken, title = {{Unclosed'"]


def test_a_long_bibtex_file_is_not_held_whole_by_the_parser() -> None:
    text = "".join(_bib_entry(i) for i in range(600))
    doc = ListText.from_str(text)
    read_bibtex(doc, "warm.bib")
    peak = _peak(lambda: read_bibtex(doc, "b.bib"))
    # parsing the whole file at once took about 11 times it for the parser alone;
    # now the papers read (about 4 times these short entries) and one piece's parse
    assert peak < 9 * len(doc.data), peak / len(doc.data)
