"""citegraph.text.matching: the same matches as ``finditer``, and nothing left in the interpreter's caches."""

from __future__ import annotations

import gc
import random
import re
import sys
import tracemalloc
from collections.abc import Callable

import pytest

from citegraph.text.matching import first_group, matches

PATTERNS = [r"a*", r"\b", r"(?=b)", r"ab|a|", r"[ab]{2}", r"x?", r"(a)(b)?", r"$", r"^", r"(?m)^a*$", r"\w+"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_same_matches_as_finditer_empty_ones_included(pattern: str) -> None:
    rng = random.Random(pattern)
    compiled = re.compile(pattern)
    for _ in range(300):
        text = "".join(rng.choice("ab x\n") for _ in range(rng.randrange(12)))
        pos, endpos = sorted(rng.randrange(len(text) + 2) for _ in range(2))
        expected = [(m.span(), m.groups()) for m in compiled.finditer(text, pos, endpos)]
        assert [(m.span(), m.groups()) for m in matches(compiled, text, pos, endpos)] == expected


def test_bytes_patterns_too() -> None:
    assert [m.end() for m in matches(re.compile(rb"\r\n|\r|\n"), b"a\r\nb\rc\n")] == [3, 5, 7]


def test_first_group_keeps_group_one() -> None:
    assert re.sub(r"\\([&%])", first_group, r"50\% \& more") == "50% & more"


def _left_behind(call: Callable[[int], object], n: int = 2000) -> int:
    """Bytes still held after ``n`` calls on distinct texts, once their results, every cycle and free list are gone.

    Each result is kept with a record of its own until the end, as a reader keeps
    its papers: the strings a call makes land at new addresses, not at the last
    call's freed ones (the cache is keyed by address).
    """
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [(call(i), f"paper {i}") for i in range(n)]
        del kept
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def test_matches_and_first_group_leave_nothing_behind() -> None:
    assert _left_behind(lambda i: list(matches(LINK, f"see [paper {i}](https://arxiv.org/abs/{i})"))) < 2_000
    assert _left_behind(lambda i: LINK.sub(first_group, f"see [paper {i}](https://arxiv.org/abs/{i})")) < 2_000


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the type cache keeps these names on CPython 3.11 only")
def test_what_they_replace_does_leave_strings_behind_on_3_11() -> None:
    """Why the helpers exist: ~55 bytes a call of ``finditer`` and of a template ``sub``, on 3.11."""
    assert _left_behind(lambda i: list(LINK.finditer(f"see [paper {i}](https://arxiv.org/abs/{i})"))) > 10_000
    assert _left_behind(lambda i: LINK.sub(r"\1", f"see [paper {i}](https://arxiv.org/abs/{i})")) > 10_000
