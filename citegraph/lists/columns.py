"""Columns of small numbers, a byte each while they fit, and where the pieces of a buffer start.

A file of bare ids writes 11 bytes a paper; the reader keeps a few numbers for
each paper and each line (where it starts, its line, its year...).  In arrays
of 4 or 8 bytes those numbers alone were the file's size again, so a column
here starts at one byte a value and is copied to a wider type code only when a
value does not fit (:func:`appended`), and the starts of consecutive pieces are
kept as their sizes with the start of every 32nd (:class:`Offsets`).
"""

from __future__ import annotations

from array import array
from operator import sub
from typing import Any

__all__ = ["MARK_EVERY", "Offsets", "appended", "assigned", "narrowest"]

# a column's next type code when a value does not fit
_WIDER: dict[str, Any] = {"B": "H", "H": "I", "I": "Q", "b": "h", "h": "i", "i": "q"}
_MARK_BITS = 5  # the start of every 32nd piece is kept; the others' is summed from the sizes
MARK_EVERY = 1 << _MARK_BITS  # (pieces are let go this many at a time: Offsets.drop_first)


def _widened(column: array[int], value: int) -> array[int]:
    """``column`` copied with the narrowest wider type code that holds ``value``."""
    code: Any = column.typecode  # (array's stubs want a literal type code)
    while True:
        code = _WIDER.get(code)
        if code is None:  # (past 8 bytes, or a negative number in an unsigned column: a caller's bug)
            raise OverflowError(f"{value} does not fit a column of type {column.typecode!r} or any wider")
        try:
            array(code, [value])
        except OverflowError:
            continue
        return array(code, column)


def appended(column: array[int], value: int) -> array[int]:
    """``column`` with ``value`` appended: itself, or a wider copy when the value does not fit.

    >>> c = appended(array("B", [1]), 300); c.typecode, list(c)
    ('H', [1, 300])
    """
    try:
        column.append(value)
    except OverflowError:
        column = _widened(column, value)
        column.append(value)
    return column


def assigned(column: array[int], i: int, value: int) -> array[int]:
    """``column`` with ``value`` at ``i`` (see :func:`appended`).

    >>> c = assigned(array("b", [1, 2]), 0, -200); c.typecode, list(c)
    ('h', [-200, 2])
    """
    try:
        column[i] = value
    except OverflowError:
        column = _widened(column, value)
        column[i] = value
    return column


def narrowest(column: array[int]) -> array[int]:
    """``column`` (unsigned) in the narrowest type code that holds its values (itself when none is narrower).

    >>> narrowest(array("I", [1, 255])).typecode, narrowest(array("I", [1, 256])).typecode
    ('B', 'H')
    """
    top = max(column, default=0)
    for code in ("B", "H", "I"):
        if code == column.typecode:
            break
        if top < 1 << (8 * array(code).itemsize):
            return array(code, column)
    return column


class Offsets:
    """Where each of consecutive pieces of a buffer starts and ends (rows of records, lines of a
    file): each piece's size in a column of its own (one byte a piece while they are under 256),
    and the start of every 32nd piece.  A piece's start is its mark's plus the sizes between; the
    piece after the last one asked for starts where that one ends (pieces are read in order).

    >>> o = Offsets.of_starts(array("I", [0, 4, 9]), 12)
    >>> len(o), o.start(1), o.end(1), o.end(2)
    (3, 4, 9, 12)
    >>> o.append(5); o.end(3)
    17
    """

    __slots__ = ("_sizes", "_marks", "_base", "_end", "_last", "_last_start")

    def __init__(self) -> None:
        self._sizes = array("B")
        self._marks = array("q")  # the start of pieces 0, 32, 64 ..., counting the bytes let go (_base)
        self._base = 0  # the bytes let go before the first piece (drop_first)
        self._end = 0  # where the last piece ends, counting the bytes let go
        self._last, self._last_start = -1, 0  # the last piece whose start was found, and its start

    @classmethod
    def of_starts(cls, starts: array[int], total: int) -> Offsets:
        """The pieces starting at ``starts`` (ascending, the first 0), the last ending at ``total``."""
        o = cls()
        sizes = array("Q" if total >= 2**32 else "I", map(sub, starts[1:], starts))
        sizes.append(total - starts[-1])
        o._sizes = narrowest(sizes)
        o._marks = array("q", starts[::MARK_EVERY])
        o._end = total
        return o

    def __len__(self) -> int:
        return len(self._sizes)

    def append(self, size: int) -> None:
        """A new last piece of ``size`` bytes, starting where the one before ends."""
        sizes = self._sizes
        if not len(sizes) % MARK_EVERY:
            self._marks.append(self._end)
        try:
            sizes.append(size)
        except OverflowError:
            self._sizes = appended(sizes, size)
        self._end += size

    def span(self, i: int) -> tuple[int, int]:
        """Where piece ``i`` starts and ends (where the next one starts), ``0 <= i < len(self)``."""
        sizes, last = self._sizes, self._last
        if last == i:
            start = self._last_start
        elif last == i - 1 and last >= 0:
            start = self._last_start + sizes[last]
        else:
            first = i >> _MARK_BITS << _MARK_BITS
            start = self._marks[i >> _MARK_BITS] - self._base + sum(sizes[first:i])
        self._last, self._last_start = i, start
        return start, start + sizes[i]

    def start(self, i: int) -> int:
        """Where piece ``i`` starts."""
        return self.span(i)[0]

    def end(self, i: int) -> int:
        """Where piece ``i`` ends."""
        return self.span(i)[1]

    def size(self, i: int) -> int:
        return self._sizes[i]

    def drop_first(self, count: int) -> int:
        """Let the first ``count`` pieces go (a multiple of 32, or all; the rest are numbered from 0
        again): the bytes they spanned, to be let go from the buffer's front."""
        assert not count % MARK_EVERY or count == len(self), "pieces are let go a mark at a time"
        if count <= 0:
            return 0
        cut = self.end(count - 1)
        del self._marks[:(count + MARK_EVERY - 1) // MARK_EVERY]
        del self._sizes[:count]
        self._base += cut
        self._last = -1
        return cut
