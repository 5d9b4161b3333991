"""Hostile list text is read in linear time and never raises.

A corpus of generated adversarial inputs (long runs of brackets, dashes,
pipes, parentheses around an id, thousands of links on one line, deep
nesting) is read at two sizes (32k and 256k characters): the reading must finish and, to catch a
quadratic blow-up without timing the machine, the larger input (8× the
characters) may take at most 24× the time of the smaller (a quadratic
pattern takes 64×).  A pattern that rescans a bounded window (thousands of
characters) from each of a run of openers is linear yet slow, so each input
must also cost at most 8× a real list's text of the same size (such a pattern
cost 25-40×).  A hypothesis fuzzer mixes the same fragments, under a
ceiling per KB so generous that only a blow-up breaks it.
"""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citegraph.lists.reader import read_list_text

from tests.factories.lists import DOCS

ID = "https://arxiv.org/abs/2401.00001"


def links(n: int) -> str:
    return " ".join(f"[P{i}](https://arxiv.org/abs/2401.{i % 99999 + 1:05d})" for i in range(n))


CORPUS = {
    "links on one line": lambda n: links(n // 40),
    # (untitled: each paper's warning check once read the whole line again)
    "bare links on one line": lambda n: " ".join(f"https://arxiv.org/abs/2401.{i % 99999 + 1:05d}" for i in range(n // 33)),
    "dashes before a link": lambda n: "-" * n + " " + ID,
    "parentheses around an id": lambda n: "(" * (n // 2) + "arXiv:2401.00001" + ")" * (n // 2),
    "brackets around a link": lambda n: "[" * (n // 2) + ID + "]" * (n // 2),
    "pipes": lambda n: "|" * n + " " + ID,
    "image openers": lambda n: "![" * (n // 2) + "x](" + ID + ")",
    "nested details": lambda n: "<details>" * (n // 19) + ID + "</details>" * (n // 19),
    "angle brackets": lambda n: "<" * n + "a href='" + ID + "'>",
    "doi of parentheses": lambda n: "doi: 10.1000/" + "(" * n,
    "bold runs": lambda n: "**" * (n // 2) + ID,
    "a table row of many cells": lambda n: "| a | b |\n|---|---|\n" + "| x " * (n // 4) + "| " + ID + " |",
    "label colons": lambda n: "Title:" * (n // 6) + " " + ID,
    "unclosed html links": lambda n: '<a href="' * (n // 9) + ID,
    "image openers never closed": lambda n: "[x](" + ID + ") " + "![" * (n // 2),
    "image openers with an empty url": lambda n: "![](" * (n // 4) + " " + ID,
    "image openers with a url never closed": lambda n: "![x](" * (n // 5) + " [P](" + ID + ")",
    "links to a doi prefix": lambda n: "[x](doi:10.1/" * (n // 13),
    "a link opener before spaces": lambda n: "[x](" + " " * n + ID,
    "a run of table separators": lambda n: "| a | b |\n" + "|---|---|\n" * (n // 10),
    "table separators with hard breaks": lambda n: "  \\\n|---" * (n // 9) + ")",
    "blanks inside a hard-break line": lambda n: ID + " x" + " " * n + "y \\",
    "titled ids then untitled paper pages": lambda n: links(n // 80) + " " + "[paper](https://openreview.net/forum?id=x) " * (n // 80),
    "titled paper pages then untitled ids": lambda n: "[Widget Nets](https://openreview.net/forum?id=x) " * (n // 100)
    + "[arXiv](https://arxiv.org/abs/2401.00001) " * (n // 100),
    "an html table row of cells never closed": lambda n: "<table><tr>" + "<td " * (n // 4) + ID,
    "an html table row of links never closed": lambda n: "<table><tr><td>" + '<a href="' + ID + '">x' * (n // 40),
    "html table rows never closed": lambda n: "<table>\n" + "<tr><td>x\n" * (n // 10) + ID,
    "reference links to one definition": lambda n: "[x][a] " * (n // 7) + "\n[a]: " + ID + "\n",
    "reference openers never closed": lambda n: "[x][" * (n // 4) + "\n[x]: " + ID + "\n",
    "shortcut references of many brackets": lambda n: "[a] " * (n // 4) + "\n[a]: " + ID + "\n",
    "items of full stops before a venue": lambda n: ("1. " + "A. " * 120 + "B. Kim. CVPR 2021. [PDF](" + ID + ")\n")
    * (n // 400),
    # names first, a title, then "In Venue, Year." (LaTeX's plain style): every full stop a place to try
    "items of words and full stops before 'In CVPR, 2024.'": lambda n: ("- " + "Aa. " * 140 + "In CVPR, 2024. [pdf]("
                                                                        + ID + ")\n") * (n // 620),
    "items of a title then names parted by full stops": lambda n: ("- Title. " + "Ann Lee. " * 65 + "[pdf](" + ID
                                                                    + ")\n") * (n // 640),
    "items of parts between bars": lambda n: ("- " + "Ann Lee | " * 55 + "[pdf](" + ID + ")\n") * (n // 600),
    "a json array of records": lambda n: "[" + '{"title": "Widget Nets", "url": "' + ID + '"},\n' * (n // 50) + "]",
    # the markups other tools write (org-mode, LaTeX, MediaWiki, Hugo) and Chinese sentences' titles
    "wiki links never closed": lambda n: "[http://a.org x " * (n // 16) + ID,
    "shortcodes never closed": lambda n: '{{< paper title="x" ' * (n // 20) + ID,
    "latex hrefs never closed": lambda n: "\\href{" * (n // 6) + ID,
    "book titles in a sentence": lambda n: "论文《Widget" * (n // 9) + " " + ID,
    "quotes after colons": lambda n: ': "Widget' * (n // 9) + " " + ID,
    "weibo topics": lambda n: "#话题# " * (n // 5) + ID,
    "bibitem newblocks": lambda n: "\\bibitem{a}\n" + "\\newblock Widget nets.\n" * (n // 24) + ID,
    "org headings and drawers": lambda n: ("** Widget Nets for Gadgets\n:PROPERTIES:\n:URL: " + ID + "\n:END:\n") * (n // 80),
    "a property table": lambda n: "# Widget Nets for Gadgets\n| Property | Value |\n|---|---|\n" + "| Year | 2024 |\n" * (n // 16),
    "labels after commas": lambda n: "发布：Widget，论文：" * (n // 14) + ID,
    "field marks": lambda n: ":a: " * (n // 4) + ID,
    "linked images never closed": lambda n: "[![Widget Nets for Gadgets](a.png)" * (n // 34) + ID,
    "vancouver names": lambda n: "Lee A, " * (n // 7) + "Kim B. Widget Nets. 2024. " + ID,
    "short chinese lines in a row": lambda n: "> 稀疏部件场\n" * (n // 8) + "> Widget Nets for Gadgets\n> " + ID + "\n",
    "bold names set off by dashes": lambda n: ("**GRW** — " + "Widget — " * (n // 60) + "[arXiv](" + ID + ")\n") * 4,
    "spans of a card": lambda n: '<li><span class="t">Widget Nets</span> ' * (n // 40) + '<a href="' + ID + '">pdf</a>',
    "titles and links in turn on one line": lambda n: ("Widget Nets for Gadgets [paper](" + ID + ") ") * (n // 58),
    "glued chinese labels": lambda n: "论文标题:Widget" * (n // 14) + "论文链接:" + ID,
    "book titles published in": lambda n: "《Widget Nets for Gadgets》发表于 " * (n // 30) + ID,
    "wiki links and hashtags": lambda n: "#toread " * (n // 16) + "[[Widget Nets for Gadgets]] " + ID,
    "project page links": lambda n: "[Widget Nets for Gadgets](https://w.github.io/) " * (n // 48) + ID,
    "bare ids in an arxiv column": lambda n: "| Title | arXiv |\n|---|---|\n" + "| Widget Nets | 2401.00001 |\n" * (n // 28),
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        read_list_text(text, "hostile.md")
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_input_is_read_in_linear_time(name: str) -> None:
    make = CORPUS[name]
    small, large = _seconds(make(32_000)), _seconds(make(256_000))
    # (a floor for the small run: on a loaded machine a few milliseconds are noise)
    assert large <= 24 * max(small, 0.02), (name, small, large)


@functools.cache
def _real_list_seconds(n: int) -> float:
    markdown = "\n".join(text for name, text in sorted(DOCS.items()) if name.endswith(".md"))
    return _seconds((markdown * (n // len(markdown) + 1))[:n])


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_input_costs_about_what_a_real_list_does(name: str) -> None:
    reference = _real_list_seconds(32_000)
    # (a floor for the reference: on a loaded machine a few milliseconds are noise)
    assert _seconds(CORPUS[name](32_000)) <= 8 * max(reference, 0.005), (name, reference)


FRAGMENTS = ["(", ")", "[", "]", "](", "![", "|", "-", "*", "**", "<details>", "</details>", "<", ">", ":", " ",
             "\n", ID, "arXiv:2401.00002", "doi: 10.1000/", "  \n", " \\\n", "# ", "1. ", "- ", "<h2 class=\"paper-title\">",
             "<table>", "<tr>", "<td>", "</td>", "</tr>", "<th>", "<a href=\"" + ID + "\">", "][", "]:", "\n[1]: "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 400)), max_size=12))
def test_fuzzed_runs_of_fragments_never_raise(parts: list[tuple[str, int]]) -> None:
    text = "".join(fragment * times for fragment, times in parts)
    t0 = time.perf_counter()
    result = read_list_text(text or "x", "fuzz.md")
    # a ceiling no linear reading comes near on any machine; a quadratic one on ~100 KB does
    assert time.perf_counter() - t0 < 5 + 0.1 * len(text) / 1000
    for e in result.entries:
        assert e.arxiv or e.doi or e.s2_id or e.title
