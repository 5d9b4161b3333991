"""The list reader on small hand-written lists, one per form, and the ``papers`` command.

Fixtures live in tests/fixtures/lists/; every expected value below was read off
the fixture by hand.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.errors import InputError
from citegraph.lists.entry import Entry
from citegraph.lists.reader import PAPER_COLUMNS, merge_entries, papers_frame, read_list_text, read_lists

from tests.paths import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "lists"


def read(name: str):
    return read_lists([FIXTURES / name])


def by_arxiv(result) -> dict[str, Entry]:
    return {e.arxiv: e for e in result.entries if e.arxiv}


def lines_of(entry: Entry) -> list[int]:
    return [int(s.rsplit(":", 1)[1]) for s in entry.sources]


# --- identifiers -------------------------------------------------------------


def test_every_arxiv_doi_and_s2_form_is_one_paper() -> None:
    r = read("arxiv_forms.md")
    assert r.warnings == []
    got = [(e.arxiv, e.doi, e.s2_id) for e in r.entries]
    assert got == [
        ("2405.09818", None, None),  # abs link with v2
        ("2503.08686", None, None),  # pdf link with v1
        ("2410.13848", None, None),  # html view
        ("cs/0309023", None, None),  # old-style id
        ("2407.06135", None, None),  # huggingface.co/papers/<id> (the model card next to it is no paper)
        ("2411.07975", None, None),  # arXiv:ID
        ("2103.00020", None, None),  # **arXiv ID:** ID
        ("2412.18619", None, None),  # percent-encoded inside a zhihu redirect
        (None, "10.1145/3292500.3330701", None),
        (None, "10.18653/v1/2023.acl-long.1", None),  # DOI: label, lower-cased
        (None, None, "204e3073870fae3d05bcbc2f6a8e263d9b72e776"),
        (None, None, "CorpusId:14514057"),
        ("2501.17811", None, None),  # arXiv's own 10.48550 DOI
    ]


def test_link_text_is_the_title_unless_generic() -> None:
    r = by_arxiv(read("arxiv_forms.md"))
    assert r["2405.09818"].title == "Chameleon: Mixed-Modal Early-Fusion Foundation Models"
    assert r["2405.09818"].name == "Chameleon"
    assert r["2503.08686"].title is None  # a bare URL after a label
    assert r["2407.06135"].title.startswith("ANOLE: An Open")


def test_year_from_new_and_old_arxiv_ids() -> None:
    r = by_arxiv(read("arxiv_forms.md"))
    assert r["2405.09818"].year == 2024
    assert r["cs/0309023"].year == 2003
    assert r["2103.00020"].year == 2021


def test_sections_are_heading_paths() -> None:
    r = by_arxiv(read("arxiv_forms.md"))
    assert r["2405.09818"].tags == ["Identifiers / Links"]
    assert r["2412.18619"].tags == ["Identifiers / Text"]


# --- titles ------------------------------------------------------------------


def test_chinese_title_labels_and_their_links() -> None:
    r = read("titles_zh.md")
    assert r.warnings == []
    got = [(e.arxiv, e.title) for e in r.entries]
    assert got == [
        ("2506.05191", "MokA: Multimodal Low-Rank Adaptation for MLLMs"),
        ("2502.01776", None),  # cited inside a sentence: a paper of its own
        # the title on the line after a bare 论文标题：, the link after a bare "arXiv 地址："
        ("2505.14708", "DraftAttention: Fast Video Diffusion via Low-Resolution Attention Guidance"),
        (None, "Towards Semantic Equivalence of Tokenization in Multimodal LLM"),  # 论文：Title, kept without id
        ("2505.22944", "ATI: Any Trajectory Instruction for Controllable Video Generation"),  # Title： + Paper：
    ]


def test_notes_text_is_the_items_own_prose() -> None:
    r = read("titles_zh.md")
    moka, sparse, draft, setok, ati = r.entries
    assert moka.text == "2025-06-30 16:13:39 Monday ｜ 充分激发模态协作，MokA量身打造MLLM微调新范式\nMokA 基于 LoRA 构建，保持高效的优点。"
    # the news item "2." starts DraftAttention's prose, the inline citation included
    assert "现有方法，如 Sparse VideoGen" in draft.text and "MokA" not in draft.text
    assert sparse.text == "现有方法，如 Sparse VideoGen（ ）多采用稀疏注意力机制。"
    assert setok.text == "本文提出动态语义等效视觉分词器（SeTok）。"
    assert draft.repos == ["github.com/shawnricecake/draft-attention"]
    assert moka.repos == []  # a github.io project page is not a repository


def test_details_blocks_give_title_authors_venue_and_abstract() -> None:
    r = read("details.html")
    clip, describe = r.entries
    assert (clip.arxiv, clip.title) == ("2103.00020", "CLIP: Learning Transferable Visual Models From Natural Language Supervision")
    assert clip.authors == ["Alec Radford", "Jong Wook Kim", "Chris Hallacy"]
    assert (clip.venue, clip.year) == ("ICML 2021", 2021)
    assert clip.repos == ["github.com/openai/CLIP"]
    assert clip.text == "基于4亿图文对进行对比学习。代码见此https URL"
    assert clip.tags == ["Unified models"]  # the intro prose above the block is nobody's
    # HTML entities are decoded in titles, authors and text; markup is stripped, not kept
    assert describe.title == "Describe, Don't Dictate: Semantic Image Editing with Natural Language Intent"
    assert describe.authors == ["Sean O'Brien", "Ana Lopez"]
    assert (describe.venue, describe.year) == ("arxiv", 2025)
    assert describe.text == "Editing & generation <together>."


def test_list_items_link_their_notes_section_by_anchor() -> None:
    r = read("list_notes.md")
    janus, xgen = r.entries
    assert (janus.arxiv, janus.year) == ("2410.13848", 2024)  # [24/10] agrees with the id
    assert "prior work such as Chameleon uses a" in janus.text
    assert janus.repos == ["github.com/deepseek-ai/Janus"]
    # the reference under its own notes is the same paper: one more place, no new section
    assert lines_of(janus) == [2, 14] and janus.tags == ["Paper List of unify.md"]
    assert xgen.title == "xGen-MM (BLIP-3): A Family of Open Large Multimodal Models"
    assert "built on BLIP-2" in xgen.text  # an anchor with parentheses in it


# --- what is not a paper, duplicates, bad entries --------------------------------


def test_news_code_images_and_subheadings_are_not_papers() -> None:
    r = read("not_papers.md")
    assert r.entries == []
    assert [str(w) for w in r.warnings] == [f"{FIXTURES / 'not_papers.md'}:1: no papers found"]


def test_the_same_paper_is_one_row_with_all_its_sections() -> None:
    r = read("duplicates.md")
    assert [(e.arxiv, e.title) for e in r.entries] == [
        ("2405.09818", "Chameleon: Mixed-Modal Early-Fusion Foundation Models"),
        ("2410.13848", None),  # [Janus](url): a one-word link text is a name, not a title
        ("2411.07975", "JanusFlow: Harmonizing Autoregression and Rectified Flow"),
    ]
    chameleon, _, janusflow = r.entries
    assert chameleon.tags == ["Unified / Early fusion", "Unified / Autoregressive", "Seminar"]
    assert lines_of(chameleon) == [4, 8, 12]  # two ids with versions and a title-only mention
    assert lines_of(janusflow) == [14, 16]  # title-only first, then the titled link


def test_malformed_entries_warn_and_the_rest_still_come_out() -> None:
    r = read("malformed.md")
    name = FIXTURES / "malformed.md"
    assert [str(w) for w in r.warnings] == [
        f"{name}:6: arXiv ID '2503.2064x' is not an arXiv identifier",
        f"{name}:9: malformed arXiv link https://arxiv.org/abs/2405.0",
        f"{name}:11: malformed Semantic Scholar link https://www.semanticscholar.org/paper/Some-Title/notahexid",
        f"{name}:12: title label with no title after it",
    ]
    assert [(e.arxiv, e.title, e.sources) for e in r.entries] == [
        (None, "A Paper With A Broken Id Field", [f"{name}:4"]),  # kept for title matching
        (None, "Truncated link", [f"{name}:9"]),  # a malformed link's item is a title-only paper of its own
        ("2401.10208", "A good one: Still Read After The Bad Ones", [f"{name}:10"]),
        (None, "Broken S2 link", [f"{name}:11"]),
    ]
    assert [e.text for e in r.entries[1:]] == ["", "", ""]  # no item's text glued onto another


def test_merge_joins_title_only_mentions_but_never_conflicting_ids() -> None:
    a = Entry(arxiv="2401.00001", title="Same Title", sources=["a:1"])
    b = Entry(arxiv="2401.00002", title="Same Title", sources=["a:2"])
    c = Entry(title="same   title!", sources=["a:3"])
    merged = merge_entries([a, b, c])
    assert [(e.arxiv, e.sources) for e in merged] == [("2401.00001", ["a:1", "a:3"]), ("2401.00002", ["a:2"])]


# --- other formats -------------------------------------------------------------


def test_bibtex_fields() -> None:
    r = read("refs.bib")
    name = FIXTURES / "refs.bib"
    assert [(e.arxiv, e.doi, e.title, e.year) for e in r.entries] == [
        ("2405.09818", None, "Chameleon: Mixed-Modal Early-Fusion Foundation Models", 2024),
        (None, "10.1145/3292500.3330701", "KGAT: Knowledge Graph Attention Network for Recommendation", 2019),
        # no year field: the year comes from the arXiv id in the url
        ("2407.06135", None, "ANOLE: An Open, Autoregressive, Native Large Multimodal Models for Interleaved Image-Text Generation", 2024),
    ]
    kgat = r.entries[1]
    # BibTeX's "Last, First" names read first name first, as CSV, RIS and markdown give them
    assert kgat.authors == ["Xiang Wang", "Xiangnan He", "Yixin Cao"] and kgat.venue == "KDD"
    assert [e.sources for e in r.entries] == [[f"{name}:2"], [f"{name}:10"], [f"{name}:18"]]
    assert [str(w) for w in r.warnings] == [
        f"{name}:23: BibTeX entry 'untitled' has no id and no title",
        f"{name}:27: malformed BibTeX entry '@article{{broken,'",
    ]


def test_plain_file_of_ids() -> None:
    r = read("ids.txt")
    name = FIXTURES / "ids.txt"
    assert [(e.arxiv, e.doi, e.s2_id) for e in r.entries] == [
        ("2405.09818", None, None),
        ("2407.06135", None, None),
        ("2410.13848", None, None),
        (None, "10.1145/3292500.3330701", None),
        ("cs/0309023", None, None),
        (None, None, "CorpusId:14514057"),
        (None, None, "204e3073870fae3d05bcbc2f6a8e263d9b72e776"),
    ]
    assert r.entries[0].sources == [f"{name}:2", f"{name}:9"]  # listed twice
    assert [str(w) for w in r.warnings] == [f"{name}:10: 'not-an-id' is not an arXiv id, DOI or Semantic Scholar id"]


def test_several_files_merge_in_first_seen_order() -> None:
    r = read_lists([FIXTURES / "refs.bib", FIXTURES / "duplicates.md"])
    assert [e.arxiv for e in r.entries[:3]] == ["2405.09818", None, "2407.06135"]
    chameleon = r.entries[0]
    assert chameleon.tags == ["Unified / Early fusion", "Unified / Autoregressive", "Seminar"]
    assert len(chameleon.sources) == 4
    assert r.summary() == "5 papers from 2 files (5 with ids, 0 title-only)"


# --- unreadable input ------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "paper list not found: {p}"),
        (b"", "paper list {p} is empty"),
        (b"  \n\t\n", "paper list {p} is empty"),
        (b"# list\x00\x01\x02 binary", "paper list {p} is binary (it contains NUL bytes), not text"),
        (b"# caf\xe9 list\n", "paper list {p} is not UTF-8 text (byte 0xe9 at offset 5)"),
    ],
    ids=["missing", "empty", "blank", "binary", "latin-1"],
)
def test_unreadable_files_raise_input_error_naming_them(tmp_path: Path, content, message: str) -> None:
    p = tmp_path / "list.md"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_lists([p])
    assert str(info.value) == message.format(p=p)


def test_a_directory_is_not_a_list(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_lists([tmp_path])


def test_utf8_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    p = tmp_path / "win.md"
    p.write_bytes("\ufeff# 笔记\r\n论文：Temporal Reasoning Transfer from Text to Video\r\n".encode("utf-8"))
    (entry,) = read_lists([p]).entries
    assert entry.title == "Temporal Reasoning Transfer from Text to Video" and entry.tags == ["笔记"]


def test_stdin_is_dash() -> None:
    r = read_lists(["-"], stdin=io.StringIO("https://arxiv.org/abs/2405.09818\n"))
    assert [(e.arxiv, e.sources) for e in r.entries] == [("2405.09818", ["<stdin>:1"])]
    with pytest.raises(InputError, match="<stdin> is empty"):
        read_lists(["-"], stdin=io.StringIO(""))


def test_read_list_text_never_raises_on_bad_content() -> None:
    r = read_list_text("**arXiv ID:** nonsense\n", "x.md")
    assert r.entries == [] and [str(w) for w in r.warnings] == [
        "x.md:1: arXiv ID 'nonsense' is not an arXiv identifier",
        "x.md:1: no papers found",
    ]


# --- frame and command line ---------------------------------------------------------


def test_papers_frame_columns_and_values() -> None:
    frame = papers_frame(read("duplicates.md").entries)
    assert tuple(frame.columns) == PAPER_COLUMNS
    row = frame.iloc[0]
    assert row["key"] == "arxiv:2405.09818" and row["year"] == 2024 and row["name"] == "Chameleon"
    assert list(frame["key"]) == ["arxiv:2405.09818", "arxiv:2410.13848", "arxiv:2411.07975"]


def test_papers_frame_keys_a_corpus_id_only_paper_by_its_corpus_id() -> None:
    frame = papers_frame([Entry(s2_id="CorpusId:14514057")])
    assert frame["key"].tolist() == ["corpus:14514057"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["papers", *args], input=input)


def test_cli_table() -> None:
    res = CliRunner().invoke(main, ["papers", str(FIXTURES / "duplicates.md")], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    # name and title first, the key last; csv and json keep PAPER_COLUMNS
    assert lines[0].split() == ["name", "title", "year", "tags", "sources", "key"]
    assert len(lines) == 4 and lines[1].startswith("Chameleon ") and lines[1].endswith("arxiv:2405.09818")
    assert res.stderr == "3 papers from 1 file (3 with ids, 0 title-only)\n"


def test_cli_csv_keeps_everything() -> None:
    import csv

    res = run(str(FIXTURES / "titles_zh.md"), "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["arxiv"] for r in rows] == ["2506.05191", "2502.01776", "2505.14708", "", "2505.22944"]
    assert rows[0]["text"].endswith("MokA 基于 LoRA 构建，保持高效的优点。")  # newline kept in csv
    assert rows[0]["tags"] == "多模态笔记 / 理解"


def test_cli_json_and_warnings_on_stderr() -> None:
    res = run(str(FIXTURES / "malformed.md"), "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["title"] for r in rows] == [
        "A Paper With A Broken Id Field", "Truncated link", "A good one: Still Read After The Bad Ones", "Broken S2 link"
    ]
    assert rows[2]["sources"] == [f"{FIXTURES / 'malformed.md'}:10"]
    err = res.stderr.splitlines()
    assert err[0] == f"Warning: {FIXTURES / 'malformed.md'}:6: arXiv ID '2503.2064x' is not an arXiv identifier"
    assert err[-1] == "4 papers from 1 file (1 with ids, 3 title-only)"


def test_cli_json_and_csv_carry_the_authors_and_venue_the_list_writes(tmp_path) -> None:
    import csv

    path = tmp_path / "gnn.md"
    path.write_text(
        "1. **Gated Graph Widgets for Node Sorting.** KDD 2019. [paper](https://arxiv.org/abs/1906.01234)\n\n"
        "    *Ann Lee, Bo Wu.*\n", encoding="utf-8")
    rows = json.loads(run(str(path), "--format", "json").stdout)
    assert list(rows[0]) == list(PAPER_COLUMNS)
    assert (rows[0]["authors"], rows[0]["venue"], rows[0]["year"]) == (["Ann Lee", "Bo Wu"], "KDD", 2019)
    row = next(csv.DictReader(io.StringIO(run(str(path), "--format", "csv").stdout)))
    assert (row["authors"], row["venue"]) == ("Ann Lee; Bo Wu", "KDD")


def test_cli_missing_file_is_one_error_line() -> None:
    res = run("no-such-list.md")
    assert res.exit_code == 1
    assert res.stderr == "Error: paper list not found: no-such-list.md\n"
    assert res.stdout == ""


def test_cli_reads_stdin() -> None:
    res = run("-", "--format", "json", input="论文：Temporal Reasoning Transfer from Text to Video\n")
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.stdout)
    assert row["key"] == "title:temporal reasoning transfer from text to video"
    assert row["sources"] == ["<stdin>:1"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an awesome-list item: the link opens the item, the rest is its note
        ("- [Emu3: Next-Token Prediction is All You Need](https://arxiv.org/abs/2409.18869) - builds on Emu2.\n",
         ("2409.18869", "Emu3: Next-Token Prediction is All You Need", "builds on Emu2.")),
        # bold title, link, year and note on one line
        ("- **Visual Instruction Tuning** ([arXiv:2304.08485](https://arxiv.org/abs/2304.08485)), 2023. LLaVA builds on CLIP.\n",
         ("2304.08485", "Visual Instruction Tuning", "2023. LLaVA builds on CLIP.")),
        # title text before a generic link
        ("Chameleon: Mixed-Modal Early-Fusion Foundation Models [pdf](https://arxiv.org/pdf/2405.09818)\n",
         ("2405.09818", "Chameleon: Mixed-Modal Early-Fusion Foundation Models", "")),
        # a bold line (not a list item) titles the untitled link under it
        ("**Making LLaMA SEE and Draw with SEED Tokenizer**\n[[Paper](http://arxiv.org/pdf/2310.01218v1)]\n",
         ("2310.01218", "Making LLaMA SEE and Draw with SEED Tokenizer", "")),
        # an HTML list item
        ('<li><a href="https://arxiv.org/abs/2405.09818">Chameleon: Mixed-Modal Early-Fusion Foundation Models</a></li>\n',
         ("2405.09818", "Chameleon: Mixed-Modal Early-Fusion Foundation Models", "")),
    ],
    ids=["md-link-item", "bold-item-with-note", "title-then-pdf", "bold-line-then-link", "html-li"],
)
def test_one_line_forms(text: str, expected: tuple[str, str, str]) -> None:
    (e,) = read_list_text(text, "x.md").entries
    assert (e.arxiv, e.title, e.text) == expected


def test_ids_in_running_prose_are_papers_of_their_own() -> None:
    text = "# Notes\nWe compare with Chameleon (arXiv:2405.09818) and https://arxiv.org/abs/2407.06135 here.\n"
    entries = read_list_text(text, "x.md").entries
    assert [(e.arxiv, e.title) for e in entries] == [("2405.09818", None), ("2407.06135", None)]
    assert entries[0].text == "We compare with Chameleon (arXiv:2405.09818) and here."


# ------------------------------------------------------------ stored readings


def test_a_reading_is_stored_and_reused_until_a_list_changes(tmp_path, monkeypatch):
    import citegraph.lists.reader as lists_mod
    from citegraph.fetch.cache import Cache

    docs = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.iterdir()) if p.suffix == ".md"][:3]
    fresh = lists_mod.parse_documents(docs)
    with Cache(tmp_path / "c.sqlite") as cache:
        first = lists_mod.parse_documents(docs, cache=cache)
        calls = []
        real = lists_mod._mentions
        monkeypatch.setattr(lists_mod, "_mentions", lambda text, source: calls.append(source) or real(text, source))
        again = lists_mod.parse_documents(docs, cache=cache)
        assert calls == []  # nothing parsed: the stored reading came back
        assert first == again == fresh and len(again.entries) > 10
        # another name, or one changed character, is another reading
        renamed = [("other.md", docs[0][1]), *docs[1:]]
        assert lists_mod.parse_documents(renamed, cache=cache).entries[0].sources != fresh.entries[0].sources
        edited = [(docs[0][0], docs[0][1] + "\n- https://arxiv.org/abs/2501.00001\n"), *docs[1:]]
        more = lists_mod.parse_documents(edited, cache=cache)
        assert "2501.00001" in {e.arxiv for e in more.entries} - {e.arxiv for e in fresh.entries}
        assert calls[:1] == ["other.md"] and docs[0][0] in calls


def test_a_stored_reading_that_does_not_load_is_read_again(tmp_path):
    import citegraph.lists.reader as lists_mod
    from citegraph.fetch.cache import Cache

    docs = [("a.md", "- [Chameleon](https://arxiv.org/abs/2405.09818)\n")]
    with Cache(tmp_path / "c.sqlite") as cache:
        with cache.transaction():
            cache.put_parsed(lists_mod._documents_key(docs), '{"entries": [{"no_such_field": 1}]}')
        result = lists_mod.parse_documents(docs, cache=cache)
    assert [e.arxiv for e in result.entries] == ["2405.09818"]


def test_a_stored_reading_is_keyed_on_every_module_the_reader_runs():
    """A module the reader imports but the key leaves out would let an old reading outlive a code change."""
    import subprocess
    import sys

    code = (
        "import sys, pathlib, citegraph, citegraph.lists.reader as L\n"
        "root = pathlib.Path(L.__file__).resolve().parent\n"
        "keyed = {(root / f).resolve() for f in L._READER_FILES}\n"
        "loaded = {pathlib.Path(m.__file__).resolve() for n, m in list(sys.modules.items())\n"
        "          if n.startswith('citegraph') and not m.__file__.endswith('__init__.py')}\n"
        "print(sorted(str(p.relative_to(root.parent)) for p in loaded - keyed))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


# ------------------------------------------------------------ names the list gives


def test_names_the_list_gives_and_words_that_are_none() -> None:
    r = read("names.md")
    assert r.warnings == []
    assert [(e.arxiv, e.name) for e in r.entries] == [
        ("2405.09818", "Chameleon"),  # [Chameleon](url)
        ("2407.06135", None),  # [Paper](url)
        ("2411.07975", None),  # [arXiv](url)
        ("2412.00127", "Orthus"),  # [论文](url) names nothing; "**Orthus**:" over the link below does
        ("2410.03160", "FVDM"),  # FVDM 论文：url
        ("2408.12528", "Show-o"),  # - **Show-o**: [paper](url)
        ("2410.13848", "Janus"),  # - Janus ([paper](url)) - note
        ("2409.18869", None),  # Code: url
        (None, "MokA"),  # MokA 论文：Title, kept for title matching
        ("2502.01776", "Sparse VideoGen"),  # 如 Sparse VideoGen（url）
        ("2502.21079", "AdaSpa"),
        ("2301.00001", None),  # by Wang (url): a person
        ("2301.00002", None),  # CVPR 2024 ([paper](url)): a venue
        ("2112.10752", None),  # Stable Diffusion (url): ordinary words, no name is better than a guess
        ("2501.17811", "Janus-Pro"),  # the title's name wins over [JanusPro]
    ]


def test_a_named_item_is_its_own_paper_with_its_own_notes() -> None:
    entries = {e.name: e for e in read("names.md").entries if e.name}
    moka, orthus, janus = entries["MokA"], entries["Orthus"], entries["Janus"]
    assert moka.title == "Multimodal Low-Rank Adaptation for MLLMs" and moka.text == ""
    # the link under "**Orthus**: notes" does not join the title-only MokA above it
    assert lines_of(orthus) == [7, 18]
    assert orthus.text == "Orthus: interleaved image-text generation with modality-specific heads."
    assert janus.text == "decouples visual encoding."  # the rest of its list item
    janus_pro = entries["Janus-Pro"]
    assert lines_of(janus_pro) == [27, 28]  # listed again in an item of its own: one more place


def test_table_rows_take_name_and_title_from_their_columns() -> None:
    r = read("tables.md")
    assert r.warnings == []
    assert [(e.arxiv, e.name, e.title, e.text) for e in r.entries] == [
        ("2410.13848", "Janus",
         "Janus: Decoupling Visual Encoding for Unified Multimodal Understanding and Generation", "decoupled encoders"),
        ("2405.09818", "Chameleon", "Mixed-Modal Early-Fusion Foundation Models", "early fusion"),
        (None, None, "A Study Of Tables Without A Real Name", "title only"),  # "Paper" is no name
        ("2409.18869", "Emu3", "Emu3: Next-Token Prediction is All You Need", "the cell names no model"),
        # no name column: a title column and the link; header and separator rows are no papers
        ("2408.12528", "Show-o", "Show-o: One Single Transformer to Unify Multimodal Understanding and Generation", ""),
    ]
    assert r.entries[-1].tags == ["Models in a table / No name column"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Chameleon", "Chameleon"), ("**Show-o**", "Show-o"), ("iVideoGPT", "iVideoGPT"), ("GPT-4V", "GPT-4V"),
        ("Sparse VideoGen", "Sparse VideoGen"), ("Kandinsky 3", "Kandinsky 3"), ("PixArt-α", "PixArt-α"),
        ("Paper", None), ("paper", None), ("arXiv", None), ("PDF", None), ("link", None), ("Code", None),
        ("论文", None), ("项目", None), ("Here", None), ("Survey", None), ("Figure 3", None), ("CVPR 2024", None),
        ("OpenAI", None), ("LLM", None), ("Transformer", None), ("Beyond", None), ("Stable Diffusion", None),
        ("Making LLaMA", None), ("2405.09818", None), ("v2", None), ("alphaXiv", None), ("a long phrase of words", None),
        ("Text-to-Image", None), ("Zero-Shot Text-to-Image Generation", None), ("Kling-Foley", "Kling-Foley"),
        # a generic term in the plural, or an -ing opening, makes a topic; one model's term stays a name
        ("Protein LLMs", None), ("Trustworthy LLMs", None), ("Enhancing RAG", None), ("Evaluating LLMs", None),
        ("Zephyr LLM", "Zephyr LLM"), ("Corrective RAG", "Corrective RAG"), ("MatMul-free LLMs", "MatMul-free LLMs"),
    ],
)
def test_given_name_takes_names_and_refuses_labels(text: str, name: str | None) -> None:
    from citegraph.lists.text import given_name

    assert given_name(text) == name


# ------------------------------------------------------------ reader edge cases


def test_double_percent_encoded_links_and_double_escaped_entities() -> None:
    r = read("reencoded.md")
    assert r.warnings == []
    assert [(e.arxiv, e.title) for e in r.entries] == [
        ("2412.18619", "Next Token Prediction Towards Multimodal Intelligence"),  # %253A%252F%252F in a redirect
        ("2405.09818", None),  # ... and in a google redirect whose &amp;amp; was escaped twice
        ("2501.00001", "Describe, Don't Dictate: Editing & More"),  # &amp;#39; and &amp;amp;amp;
    ]
    assert r.entries[2].text == "<b>not a tag</b>"  # decoded to text, never to markup


def test_bibtex_arxiv_ids_in_journal_eprint_and_corr_volume() -> None:
    r = read("journal_ids.bib")
    name = FIXTURES / "journal_ids.bib"
    assert r.warnings == []
    assert [(e.arxiv, e.venue, e.sources) for e in r.entries] == [
        ("2405.09818", "arXiv", [f"{name}:1"]),  # journal = {arXiv preprint arXiv:2405.09818}
        ("2407.06135", None, [f"{name}:7"]),  # eprint = {arXiv:2407.06135v2}, no archivePrefix
        ("2410.13848", "CoRR", [f"{name}:12"]),  # journal = {CoRR}, volume = {abs/2410.13848}
        (None, "Nature", [f"{name}:19"]),  # no preprint: kept by its title
    ]


def test_warnings_come_in_file_and_line_order(tmp_path: Path) -> None:
    first = tmp_path / "a.md"
    # the bare title label on line 1 is only known to be empty after line 2 is read
    first.write_text("论文标题：\n[Paper](https://arxiv.org/abs/2405.0)\n- [Good: A Paper](https://arxiv.org/abs/2401.10208)\n"
                     "**arXiv ID:** 2503.2064x\n", encoding="utf-8")
    second = tmp_path / "b.md"
    second.write_text("# Notes\nNothing but prose.\n**arXiv ID:** nonsense\n", encoding="utf-8")
    r = read_lists([first, second])
    assert [str(w) for w in r.warnings] == [
        f"{first}:1: title label with no title after it",
        f"{first}:2: malformed arXiv link https://arxiv.org/abs/2405.0",
        f"{first}:4: arXiv ID '2503.2064x' is not an arXiv identifier",
        f"{second}:1: no papers found",
        f"{second}:3: arXiv ID 'nonsense' is not an arXiv identifier",
    ]
    assert [e.arxiv for e in r.entries] == ["2401.10208"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows", "old-mac"])
def test_line_numbers_are_right_with_any_line_ending_and_a_bom(tmp_path: Path, newline: str) -> None:
    md = tmp_path / "win.md"
    lines = ["# 笔记", "", "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)",
             "**arXiv ID:** 2503.2064x", "论文：Temporal Reasoning Transfer from Text to Video"]
    md.write_bytes(("\ufeff" + newline.join(lines) + newline).encode("utf-8"))
    bib = tmp_path / "refs.bib"
    bib.write_bytes(("\ufeff@misc{a,\n  eprint = {2405.09818}\n}\n\n@misc{b,\n  title = {Janus: Decoupling Visual Encoding}\n}\n"
                     .replace("\n", newline)).encode("utf-8"))
    ids = tmp_path / "ids.txt"
    ids.write_bytes(newline.join(["\ufeff# ids", "2410.13848", "not-an-id", "2407.06135"]).encode("utf-8"))
    r = read_lists([md, bib, ids])
    assert [(e.arxiv, e.title, e.tags, e.sources) for e in r.entries] == [
        ("2405.09818", "Chameleon: Mixed-Modal Early-Fusion Foundation Models", ["笔记"], [f"{md}:3", f"{bib}:1"]),
        (None, "Temporal Reasoning Transfer from Text to Video", ["笔记"], [f"{md}:5"]),
        (None, "Janus: Decoupling Visual Encoding", [], [f"{bib}:5"]),
        ("2410.13848", None, [], [f"{ids}:2"]),
        ("2407.06135", None, [], [f"{ids}:4"]),
    ]
    assert [str(w) for w in r.warnings] == [
        f"{md}:4: arXiv ID '2503.2064x' is not an arXiv identifier",
        f"{ids}:3: 'not-an-id' is not an arXiv id, DOI or Semantic Scholar id",
    ]


def test_form_feeds_and_line_separators_inside_a_line_do_not_shift_line_numbers() -> None:
    text = "# A\u2028still the heading\nsome\x0cprose\u0085here\n- [Janus: Decoupling](https://arxiv.org/abs/2410.13848)\n"
    (e,) = read_list_text(text, "x.md").entries
    assert e.sources == ["x.md:3"]


@pytest.mark.parametrize(
    "content", [b"\xef\xbb\xbf", b"\r\n\r\n", b"\xef\xbb\xbf  \r\n\t"], ids=["bom-only", "crlf-only", "bom-and-blanks"]
)
def test_a_file_with_nothing_in_it_is_an_error_naming_it(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty list.md"
    p.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_lists([p])
    assert str(info.value) == f"paper list {p} is empty"
    res = run(str(p))
    assert res.exit_code == 1 and res.stderr == f"Error: paper list {p} is empty\n" and res.stdout == ""


def test_an_unreadable_file_is_an_error_naming_it(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "locked.md"
    p.write_text("- https://arxiv.org/abs/2405.09818\n", encoding="utf-8")
    real = Path.read_bytes

    def denied(self: Path) -> bytes:  # chmod does not stop root, who runs CI containers
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError) as info:
        read_lists([p])
    assert str(info.value) == f"paper list {p} cannot be read: permission denied"


# ------------------------------------------------------------ the same paper in several lists


def test_one_paper_in_several_lists_keeps_every_section_place_and_note(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_text("# Unified\n## Early fusion\n- [Chameleon: Mixed-Modal Early-Fusion Foundation Models]"
                 "(https://arxiv.org/abs/2405.09818v2) - tokens for images and text alike.\n", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("# Seminar\n论文：Chameleon: Mixed-Modal Early-Fusion Foundation Models\n\n"
                 "本文提出了早期融合的混合模态模型。\n", encoding="utf-8")
    c = tmp_path / "c.bib"
    c.write_text("@article{c, title={Chameleon}, eprint={2405.09818}, archivePrefix={arXiv}}\n", encoding="utf-8")
    (e,) = read_lists([a, b, c]).entries
    assert e.arxiv == "2405.09818" and e.name == "Chameleon"
    assert e.title == "Chameleon: Mixed-Modal Early-Fusion Foundation Models"  # the first title seen
    assert e.tags == ["Unified / Early fusion", "Seminar"]
    assert e.sources == [f"{a}:3", f"{b}:2", f"{c}:1"]
    assert e.text == "tokens for images and text alike.\n\n本文提出了早期融合的混合模态模型。"


@pytest.mark.parametrize(
    "line",
    [
        "Title: Temporal Reasoning Transfer from Text to Video",
        "论文题目：Temporal Reasoning Transfer from Text to Video",
        "技术报告：Temporal Reasoning Transfer from Text to Video",
        "* **Paper Title:** Temporal Reasoning Transfer from Text to Video",
    ],
)
def test_title_labels_without_an_id_keep_the_paper_by_title(line: str) -> None:
    r = read_list_text(f"# Seminar\n{line}\n", "x.md")
    assert [(e.arxiv, e.title, e.tags, e.sources) for e in r.entries] == [
        (None, "Temporal Reasoning Transfer from Text to Video", ["Seminar"], ["x.md:2"])
    ]
    assert r.warnings == []


def test_bibtex_arxiv_and_arxivid_fields_and_arxiv_dois() -> None:
    text = ("@misc{a, title={A}, arxiv={2405.09818v3}}\n"
            "@misc{b, title={B}, arxivid={cs/0309023}}\n"
            "@misc{c, title={C}, doi={10.48550/arXiv.2410.13848}}\n"
            "@misc{d, title={D}, eprint={1234.5}, archivePrefix={arXiv}}\n")
    r = read_list_text(text, "refs.bib")
    assert [(e.arxiv, e.doi, e.title) for e in r.entries] == [
        ("2405.09818", None, "A"), ("cs/0309023", None, "B"), ("2410.13848", None, "C"), (None, None, "D"),
    ]
    assert [str(w) for w in r.warnings] == ["refs.bib:4: eprint '1234.5' is not an arXiv identifier"]


# --- a malformed id never glues its item onto a neighbour ----------------------

_CHAMELEON = "Chameleon: Mixed-Modal Early-Fusion Foundation Models"
_ANOLE = "Anole: open autoregressive"
_GOOD = "https://arxiv.org/abs/2405.09818"
_BAD = "https://arxiv.org/abs/2407.0613"  # one digit short
_BAD_DOI = "https://doi.org/10.1145"
_BAD_S2 = "https://www.semanticscholar.org/paper/Anole/zz"
_NOTE_1, _NOTE_2 = "early fusion.", "fine-tuned from Chameleon."


def _two(first: str, second: str) -> str:
    """Chameleon's item (good id) then Anole's (malformed id), each with its note."""
    return (first + "\n" + second + "\n").format(c=_CHAMELEON, a=_ANOLE, good=_GOOD, bad=_BAD, n1=_NOTE_1, n2=_NOTE_2)


@pytest.mark.parametrize(
    "text, warning, anole",
    [
        pytest.param(_two("- [{c}]({good}) {n1}", "- [{a}]({bad}) {n2}"),
                     f"2: malformed arXiv link {_BAD}", _ANOLE, id="markdown-link"),
        pytest.param(_two("1. [{c}]({good}) {n1}", "2. [{a}]({bad}) {n2}"),
                     f"2: malformed arXiv link {_BAD}", _ANOLE, id="numbered"),
        pytest.param(_two("- **{c}** [[Paper]({good})] {n1}", "- **{a}** [[Paper]({bad})] {n2}"),
                     f"2: malformed arXiv link {_BAD}", _ANOLE, id="bold-title-then-link"),
        pytest.param(_two("- [{c}]({good}) {n1}", "- [Anole]({bad}) {n2}"),
                     f"2: malformed arXiv link {_BAD}", None, id="link-text-is-only-a-name"),
        pytest.param(_two("- [{c}]({good})\n  {n1}", "- [Paper]({bad})\n  {n2}"),
                     f"3: malformed arXiv link {_BAD}", None, id="notes-on-the-next-line"),
        pytest.param(_two("- Chameleon {good} {n1}", "- Anole {bad} {n2}"),
                     f"2: malformed arXiv link {_BAD}", None, id="bare-url"),
        pytest.param(_two('<ul>\n<li><a href="{good}">{c}</a> {n1}</li>', '<li><a href="{bad}">{a}</a> {n2}</li>\n</ul>'),
                     f"3: malformed arXiv link {_BAD}", _ANOLE, id="html-list"),
        pytest.param(_two('<p><a href="{good}">{c}</a></p>\n<p>{n1}</p>', '<p><a href="{bad}">{a}</a></p>\n<p>{n2}</p>'),
                     f"3: malformed arXiv link {_BAD}", _ANOLE, id="html-paragraphs"),
        pytest.param(_two("<details>\n<summary><b>{c}</b></summary>\n\n* **arXiv ID:** 2405.09818\n{n1}\n</details>",
                          "<details>\n<summary><b>{a}</b></summary>\n\n* **arXiv ID:** 2407.0613\n{n2}\n</details>"),
                     "10: arXiv ID '2407.0613' is not an arXiv identifier", _ANOLE, id="html-details"),
        pytest.param(_two("| Model | Paper | Note |\n|---|---|---|\n| Chameleon | [{c}]({good}) | {n1} |",
                          "| Anole | [{a}]({bad}) | {n2} |"),
                     f"4: malformed arXiv link {_BAD}", _ANOLE, id="table-row"),
        pytest.param(_two("{c}\narXiv: 2405.09818\n{n1}\n", "{a}\narXiv: 2407.0613\n{n2}"),
                     "6: arXiv ID '2407.0613' is not an arXiv identifier", None, id="plain-text-paragraphs"),
        pytest.param(_two("- {c}, arXiv:2405.09818, {n1}", "- {a}, arXiv:2407.0613, {n2}"),
                     "2: arXiv ID '2407.0613' is not an arXiv identifier", None, id="plain-text-arxiv"),
        pytest.param(_two("- [{c}](https://doi.org/10.1145/3292500.3330701) {n1}", "- [{a}](" + _BAD_DOI + ") {n2}"),
                     f"2: malformed DOI link {_BAD_DOI}", _ANOLE, id="doi-link"),
        pytest.param(_two("- {c}. DOI: 10.1145/3292500.3330701 {n1}", "- {a}. DOI: 10.1145 {n2}"),
                     "2: DOI '10.1145' is not a DOI", None, id="doi-in-text"),
        pytest.param(_two("- **{c}**\n  DOI: 10.1145/3292500.3330701\n  {n1}", "- **{a}**\n  DOI: 10.1145\n  {n2}"),
                     "5: DOI '10.1145' is not a DOI", _ANOLE, id="doi-label-line"),
        pytest.param(_two("- {c}, CorpusId:269791516, {n1}", "- {a}, CorpusId: 2697915l6, {n2}"),
                     "2: CorpusId '2697915l6' is not a Semantic Scholar corpus id", None, id="corpus-id"),
        pytest.param(_two("- [{c}]({good}) {n1}", "- Anole CorpusId:12x {n2}"),
                     "2: CorpusId '12x' is not a Semantic Scholar corpus id", None, id="corpus-id-cut-short"),
        pytest.param(_two("- [{c}]({good}) {n1}", "- [{a}](" + _BAD_S2 + ") {n2}"),
                     f"2: malformed Semantic Scholar link {_BAD_S2}", _ANOLE, id="s2-link"),
    ],
)
def test_a_malformed_id_keeps_its_item_apart(text: str, warning: str, anole: str | None) -> None:
    r = read_list_text(text, "f.md")
    assert [str(w) for w in r.warnings] == [f"f.md:{warning}"]
    first = r.entries[0]
    assert "fine-tuned" not in first.text and "Anole" not in first.text and "early fusion" in first.text
    rest = [(e.title, e.arxiv, e.doi, e.s2_id) for e in r.entries[1:]]
    if anole is None:  # nothing names the paper but its bad id: it is not a paper, and its notes go nowhere
        assert rest == []
    else:  # title-only, to be matched by title later, with its own notes
        assert rest == [(anole, None, None, None)]
        assert "fine-tuned from Chameleon" in r.entries[1].text
        assert r.entries[1].sources[0].startswith("f.md:")


def test_words_after_an_id_label_that_try_no_id_are_no_warning() -> None:
    r = read_list_text(f"- [{_CHAMELEON}]({_GOOD}) Corpus ID: see below. DOI: none yet.\n", "f.md")
    assert r.warnings == [] and [e.arxiv for e in r.entries] == ["2405.09818"]


def test_the_reviewers_chameleon_and_anole_list_keeps_both(tmp_path: Path) -> None:
    md = tmp_path / "b2.md"
    md.write_text(_two("- [{c}]({good}) {n1}", "- [{a}]({bad}) {n2}"), encoding="utf-8")
    res = run(str(md), "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["arxiv"], r["title"], r["text"], r["sources"]) for r in rows] == [
        ("2405.09818", _CHAMELEON, "early fusion.", [f"{md}:1"]),
        (None, "Anole: open autoregressive", "fine-tuned from Chameleon.", [f"{md}:2"]),
    ]
    assert res.stderr.splitlines()[0] == f"Warning: {md}:2: malformed arXiv link {_BAD}"


def test_plain_notes_a_line_over_a_papers_id_is_that_papers_not_the_paragraph_befores() -> None:
    text = (f"{_CHAMELEON}\narXiv: 2405.09818\nearly fusion.\n\n"
            "Anole: open autoregressive\narXiv: 2407.06135\nfine-tuned from Chameleon.\n")
    r = read_list_text(text, "f.md")
    assert [(e.arxiv, e.text) for e in r.entries] == [
        ("2405.09818", f"{_CHAMELEON}\nearly fusion."),
        ("2407.06135", "Anole: open autoregressive\nfine-tuned from Chameleon."),
    ]
    # in a list, notes after a blank line still belong to the item above
    listed = read_list_text(f"- [{_CHAMELEON}]({_GOOD})\n\n  early fusion.\n- [{_ANOLE}](https://arxiv.org/abs/2407.06135)\n",
                            "f.md")
    assert [e.text for e in listed.entries] == ["early fusion.", ""]


def test_summary_counts_agree_with_their_nouns(tmp_path) -> None:
    one = tmp_path / "one.md"
    one.write_text("- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n")
    assert read_lists([one]).summary() == "1 paper from 1 file (1 with ids, 0 title-only)"
