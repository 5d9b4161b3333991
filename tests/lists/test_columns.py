"""Columns a byte a value while they fit, and where consecutive pieces start (``lists/columns.py``)."""

from __future__ import annotations

import random
from array import array
from itertools import accumulate

import pytest

from citegraph.lists.columns import Offsets, appended, assigned, narrowest


def test_a_column_is_copied_wider_only_when_a_value_does_not_fit() -> None:
    c = array("B")
    for v in (1, 255):
        c = appended(c, v)
    assert c.typecode == "B"
    c = appended(c, 256)
    assert (c.typecode, list(c)) == ("H", [1, 255, 256])
    c = appended(c, 2**40)  # past "I": straight to 8 bytes
    assert (c.typecode, c[-1]) == ("Q", 2**40)
    s = assigned(array("b", [0, 0]), 1, -(2**20))
    assert (s.typecode, list(s)) == ("i", [0, -(2**20)])
    with pytest.raises(OverflowError):
        appended(array("B"), -1)  # an unsigned column stays unsigned: a negative value is a caller's bug
    assert narrowest(array("I", [])).typecode == "B" and narrowest(array("I", [70_000])).typecode == "I"


def _sizes(seed: int, n: int) -> list[int]:
    rng = random.Random(seed)
    # mostly short pieces, some past one and two bytes, some empty (a file's last line)
    return [rng.choice([0, 3, 11, 60, 200, 255, 256, 4000, 70_000]) for _ in range(n)]


@pytest.mark.parametrize("n", [0, 1, 31, 32, 33, 100, 1000])
def test_offsets_give_each_piece_s_start_and_end_read_in_any_order(n: int) -> None:
    sizes = _sizes(n, n)
    ends = list(accumulate(sizes))
    starts = [0, *ends[:-1]][:n]
    appended_one_by_one = Offsets()
    for s in sizes:
        appended_one_by_one.append(s)
    kinds = [appended_one_by_one]
    if n:
        kinds.append(Offsets.of_starts(array("I", starts), ends[-1]))
    for o in kinds:
        assert len(o) == n
        order = list(range(n)) + random.Random(1).sample(range(n), n) + list(reversed(range(n)))
        assert [(o.start(i), o.end(i), o.size(i)) for i in order] == [(starts[i], ends[i], sizes[i]) for i in order]


def test_offsets_let_their_first_pieces_go_a_mark_at_a_time() -> None:
    sizes = _sizes(7, 200)
    o = Offsets()
    for s in sizes:
        o.append(s)
    cut = o.drop_first(64)
    assert cut == sum(sizes[:64]) and len(o) == 136
    assert [o.start(i) for i in range(136)] == list(accumulate([0, *sizes[64:199]]))
    o.append(5)  # appended after a drop: its start counts from the new front
    assert o.end(136) == sum(sizes[64:]) + 5
    with pytest.raises(AssertionError):
        o.drop_first(10)  # (not on a mark)
    assert o.drop_first(len(o)) == sum(sizes[64:]) + 5 and len(o) == 0
