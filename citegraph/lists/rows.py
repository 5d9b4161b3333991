"""Papers held as rows of one buffer, not as an object each: what a list's reading keeps.

An :class:`~citegraph.lists.entry.Entry` is already two objects (itself and
its record), about 120 bytes before its text; a list of bare links or ids
writes 11 to 60 bytes a paper, so a reading that kept an object per paper
held 3 to 14 times the file.  Here a paper is its record's UTF-8 bytes in one
``bytearray`` and a few numbers, a byte each while they fit (a bare id's row is
its 10 characters and 5 bytes); an :class:`Entry` is made each time one is
asked for.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from citegraph.lists.columns import MARK_EVERY, Offsets, appended, assigned
from citegraph.lists.entry import RECORD_PLACES, RECORD_SEP, Entry

__all__ = ["EntryRows", "MentionRows", "state"]

_ERRORS = "surrogatepass"  # (a fuzzer's lone surrogates stay as they were)
_NO_YEAR = 0
_YEAR_BASE = 1799  # a year 1800-2054 is kept as one byte, 1-255; another is kept apart
_PLACES = RECORD_PLACES["sources"]  # (the last field: a record's place in its own file is cut off)
assert max(RECORD_PLACES.values()) == _PLACES, "the places are the record's last field"
_OWN_LINE = re.compile(r":[1-9][0-9]{0,8}")  # a place in the row's own file: ":N"


def _packed_record(record: str) -> tuple[bytes, int]:
    """``record`` as a row keeps it, and its line: a record whose one place is line N of its own
    file keeps N apart (a number, not up to 10 characters) and drops the separators of the empty
    fields at its end (a paper read from a bare id is its id, not 18 characters)."""
    head, _, places = record.rpartition(RECORD_SEP)
    if _OWN_LINE.fullmatch(places):
        return head.rstrip(RECORD_SEP).encode("utf-8", _ERRORS), int(places[1:])
    return record.encode("utf-8", _ERRORS), 0


def _whole_record(kept: str, line: int) -> str:
    """The record a row keeps as ``kept`` and ``line`` (see :func:`_packed_record`)."""
    if not line:
        return kept
    return kept + RECORD_SEP * (_PLACES - kept.count(RECORD_SEP)) + ":" + str(line)


class EntryRows(Sequence[Entry]):
    """Entries held as rows; each one asked for is a new :class:`Entry` with the row's fields.

    The entries are values: change one and store it back (``rows[i] = e``).
    A row keeps its record's bytes (its line in its own file apart, see
    :func:`_packed_record`), their size, the index of its tags and file (a
    section's papers share them), of its text (an item's papers share it) and
    its year, each in a column of one byte a row until a value needs more.  It
    compares equal to a list of the same entries and shows as one.
    :meth:`drop_first` lets the first rows go (a merge that has made its papers of them).

    >>> rows = EntryRows([Entry(arxiv="2405.09818", tags=["Unified"], sources=["a.md:3"]), Entry(title="Janus")])
    >>> len(rows), rows[0].arxiv, rows[0].sources, rows[1].title
    (2, '2405.09818', ['a.md:3'], 'Janus')
    >>> e = rows[1]; e.year = 2024; rows[1] = e
    >>> rows[1].year, rows == [rows[0], e]
    (2024, True)
    """

    __slots__ = ("_data", "_spans", "_dropped", "_line", "_moved", "_context", "_contexts", "_context_of",
                 "_text", "_texts", "_year", "_odd_years")

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._data = bytearray()
        self._spans = Offsets()  # where each row's record is in _data (rows follow one another)
        self._dropped = 0  # the rows let go from the front
        # each row's line in its own file when its record's one place is it (else 0), less its number
        # (counting the rows let go): a list read a paper a line keeps about the same small number
        self._line = array("b")
        self._moved: dict[int, bytes] = {}  # a row stored back with a record of another size
        self._context = array("B")  # each row's (tags, file) in _contexts
        self._contexts: list[tuple[str, str]] = []
        self._context_of: dict[tuple[str, str], int] = {}
        self._text = array("B")  # each row's text in _texts (0: none)
        self._texts: list[str] = [""]
        self._year = array("B")  # each row's year less _YEAR_BASE (0: none; another year in _odd_years)
        self._odd_years: dict[int, int] = {}
        for e in entries:
            self.append(e)

    # -- storing -------------------------------------------------------
    def append(self, e: Entry) -> None:
        """Store ``e`` as a new last row (the entry itself is not kept)."""
        i = len(self._year)
        record, line = _packed_record(e._record)
        contexts = self._contexts
        context = contexts[-1] if contexts else None
        if context is not None and context[0] is e._tags and context[1] is e._file:
            c = len(contexts) - 1  # (a section's papers, one after another)
        else:
            c = self._context_index(e)
        texts, text = self._texts, e.text
        if not text:
            t = 0
        elif text is texts[-1]:  # an item's papers share their text: one object, one index
            t = len(texts) - 1
        else:
            texts.append(text)
            t = len(texts) - 1
        self._data += record
        self._spans.append(len(record))
        line -= i + self._dropped
        try:
            self._line.append(line)
            self._context.append(c)
            self._text.append(t)
        except OverflowError:  # (a column widened, rarely: the fast path above calls no function)
            self._line, self._context, self._text = (
                appended(column, v) if len(column) == i else column
                for column, v in ((self._line, line), (self._context, c), (self._text, t))
            )
        self._year.append(self._year_code(i, e.year))

    def extend(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            self.append(e)

    def __setitem__(self, index: int, e: Entry) -> None:
        self.store(self._index(index), e)

    def store(self, i: int, e: Entry, was: tuple[Any, ...] | None = None) -> None:
        """Entry ``e`` as row ``i``; given the entry's parts as it was taken from the row
        (:func:`state`), only the parts replaced since are stored (a paper given its prose is
        not re-encoded)."""
        if was is None or e._record is not was[0]:
            record, line = _packed_record(e._record)
            self._line = assigned(self._line, i, line - i - self._dropped)
            start, end = self._spans.span(i)
            if i not in self._moved and len(record) == end - start:
                self._data[start:end] = record
            else:
                self._moved[i] = record
        if was is None or e._tags is not was[1] or e._file is not was[2]:
            self._context = assigned(self._context, i, self._context_index(e))
        if e.text != self.text_of(i):
            self._texts.append(e.text)
            self._text = assigned(self._text, i, len(self._texts) - 1)
        if was is None or e.year != was[4]:
            self._odd_years.pop(i, None)
            self._year[i] = self._year_code(i, e.year)

    def drop_first(self, count: int) -> int:
        """Let the first rows go, ``count`` of them rounded down to a multiple of 32 (the rows kept
        are numbered from 0 again), their memory given back as it can be: the number let go.

        >>> rows = EntryRows(Entry(arxiv=f"2401.{i:05d}", sources=[f"ids.txt:{i}"]) for i in range(1, 101))
        >>> rows.drop_first(40), len(rows), rows[0].arxiv, rows[0].sources
        (32, 68, '2401.00033', ['ids.txt:33'])
        """
        count = min(count, len(self)) // MARK_EVERY * MARK_EVERY  # (see Offsets.drop_first)
        if count <= 0:
            return 0
        # (a bytearray lets its front go without a copy, and gives the memory back once under half)
        del self._data[:self._spans.drop_first(count)]
        for column in (self._line, self._context, self._text, self._year):
            del column[:count]
        self._dropped += count
        self._moved = {i - count: v for i, v in self._moved.items() if i >= count}
        self._odd_years = {i - count: v for i, v in self._odd_years.items() if i >= count}
        return count

    def _context_index(self, e: Entry) -> int:
        key = (e._tags, e._file)
        got = self._context_of.get(key)
        if got is None:
            got = self._context_of[key] = len(self._contexts)
            self._contexts.append(key)
        return got

    def _year_code(self, i: int, year: int | None) -> int:
        if year is None:
            return _NO_YEAR
        if 0 < year - _YEAR_BASE < 256:
            return year - _YEAR_BASE
        self._odd_years[i] = year
        return _NO_YEAR

    # -- reading -------------------------------------------------------
    def __len__(self) -> int:
        return len(self._year)  # (a column's length: no call of Offsets.__len__)

    def _index(self, index: int) -> int:
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError("EntryRows index out of range")
        return i

    def record(self, i: int) -> str:
        """Row ``i``'s record (see :class:`Entry`), without making the entry."""
        moved = self._moved.get(i)
        if moved is not None:
            kept = moved.decode("utf-8", _ERRORS)
        else:
            start, end = self._spans.span(i)
            kept = self._data[start:end].decode("utf-8", _ERRORS)
        return _whole_record(kept, self._line_of(i))

    def _line_of(self, i: int) -> int:
        return self._line[i] + i + self._dropped

    def field(self, i: int, name: str) -> str | None:
        """Row ``i``'s id, title, name or venue (a field of the record), without making the entry.

        >>> EntryRows([Entry(arxiv="2405.09818", title="Chameleon")]).field(0, "title")
        'Chameleon'
        """
        index = RECORD_PLACES[name]
        return self.record(i).split(RECORD_SEP, index + 1)[index] or None

    def fields(self, i: int, names: Sequence[str]) -> list[str | None]:
        """Row ``i``'s fields of the record named (see :meth:`field`), the record read once."""
        parts = self.record(i).split(RECORD_SEP)
        return [parts[RECORD_PLACES[name]] or None for name in names]

    def text_of(self, i: int) -> str:
        """Row ``i``'s text, without making the entry."""
        return self._texts[self._text[i]]

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = self._index(index)
        e = Entry.__new__(Entry)
        e._record = self.record(i)
        e._tags, e._file = self._contexts[self._context[i]]
        e.text = self._texts[self._text[i]]
        year = self._year[i]
        e.year = year + _YEAR_BASE if year != _NO_YEAR else self._odd_years.get(i)
        return e

    def __iter__(self) -> Iterator[Entry]:
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (EntryRows, list, tuple)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # (changed in place, as a list)

    def __repr__(self) -> str:
        return repr(list(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (EntryRows, (list(self),))


def state(e: Entry) -> tuple[Any, ...]:
    """What a row holds of ``e`` (its parts are replaced, never changed: a change is a new object)."""
    return e._record, e._tags, e._file, e.text, e.year


class MentionRows:
    """A document's mentions while it is read: rows, and the entries the reader has made or asked
    for since the line it is on began, live (:meth:`settle` stores them back between lines).

    The reader holds the index of an item's papers, never the entry, from one line to the next,
    so that a section of 20,000 papers is 20,000 rows, not 20,000 objects.

    >>> m = MentionRows()
    >>> i = m.append(Entry(arxiv="2405.09818")); m[i].title = "Chameleon"; m.settle()
    >>> len(m), m.rows[0].title, m.index(m[0])
    (1, 'Chameleon', 0)
    """

    __slots__ = ("rows", "_live", "_index", "_seen", "_count", "_borrowed")

    def __init__(self) -> None:
        self.rows = EntryRows()
        self._live: dict[int, Entry] = {}
        self._index: dict[int, int] = {}  # id() of a live entry → its index
        self._seen: dict[int, tuple[Any, ...]] = {}  # a live stored entry's state as it was taken from its row
        self._count = 0
        self._borrowed: dict[int, tuple[Entry, tuple[Any, ...]]] = {}

    def __len__(self) -> int:
        return self._count

    def append(self, e: Entry) -> int:
        """A new mention (live until the line is done): its index."""
        i = self._count
        self._count += 1
        self._live[i] = e
        self._index[id(e)] = i
        return i

    def __getitem__(self, index: int) -> Entry:
        i = index + self._count if index < 0 else index
        e = self._live.get(i)
        if e is None:
            e = self.rows[i]
            self._live[i], self._index[id(e)], self._seen[i] = e, i, state(e)
        return e

    def index(self, e: Entry) -> int:
        """The index of a live entry."""
        return self._index[id(e)]

    def settle(self, keep: int | None = None) -> None:
        """Store the live entries in their rows (the new ones appended, in order) and let them go,
        but for entry ``keep`` (the item being read: its next lines may add to it) and, while it is
        new, the ones after it (rows are appended in order): a row stored back longer is a copy."""
        rows, seen, live = self.rows, self._seen, self._live
        if len(live) <= 1 and (not live or keep in live):
            return  # (most lines: nothing made, or only the item being read)
        for i in sorted(live):
            if i == keep or (keep is not None and i > keep >= len(rows)):
                continue
            e = live.pop(i)
            del self._index[id(e)]
            if i >= len(rows):
                rows.append(e)
            elif state(e) != (was := seen.pop(i)):
                rows.store(i, e, was)

    def borrow(self, i: int) -> Entry:
        """Entry ``i`` for a change made at once (a section's prose shared out), stored back by
        :meth:`give_back`, unlike the live ones (the entry itself when it is live)."""
        e = self._live.get(i)
        if e is None:
            e = self.rows[i]
            self._borrowed[i] = (e, state(e))
        return e

    def give_back(self) -> None:
        """Store the borrowed entries that changed, and let them go."""
        for i, (e, was) in self._borrowed.items():
            if state(e) != was:
                self.rows.store(i, e, was)
        self._borrowed.clear()
