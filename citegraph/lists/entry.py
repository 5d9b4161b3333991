"""One paper as a reading list names it, before Semantic Scholar is asked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from citegraph.text.ids import paper_key

__all__ = [
    "Entry", "ListWarning", "FIELDS", "ID_FIELDS", "Packed", "RECORD_PLACES", "RECORD_SEP", "add_new", "pack",
    "with_new",
]

# the fields of an Entry that identify its paper
ID_FIELDS = ("arxiv", "doi", "s2_id")
# every field of an Entry, in the order it is made and shown with
FIELDS = ("arxiv", "doi", "s2_id", "title", "name", "authors", "venue", "year", "tags", "sources", "repos", "text")


class Packed(Sequence[str]):
    """Strings packed in one: a paper's authors, tags, sources and repos, read-only.

    A list of n strings costs the list and n string objects (49 bytes each
    before their text); a list of thousands of papers names tens of
    thousands of people, more memory than the file's own size.  Packed, each
    paper holds one string (a single item is kept as it is, so a tag every
    paper of a section has stays one object).  It compares equal to a list or
    tuple of the same strings, and shows as one.  Empty strings are dropped,
    and a string cannot hold the packing character (the ASCII unit
    separator, never text): it becomes a space.

    >>> names = Packed(["Chunting Zhou", "Lili Yu"])
    >>> names, len(names), names[1], names == ["Chunting Zhou", "Lili Yu"]
    (['Chunting Zhou', 'Lili Yu'], 2, 'Lili Yu', True)
    >>> Packed([]) == [], bool(Packed([])), "Lili Yu" in names
    (True, False, True)
    """

    __slots__ = ("_packed",)

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._packed: str = pack(items)

    @classmethod
    def of_packed(cls, packed: str) -> Packed:
        """The sequence a string made by :func:`pack` holds (no copy)."""
        view = cls.__new__(cls)
        view._packed = packed
        return view

    def __len__(self) -> int:
        return self._packed.count(_SEP) + 1 if self._packed else 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed.split(_SEP) if self._packed else ())

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return list(self)[index]

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and item in list(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Packed):
            return self._packed == other._packed
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._packed)

    def __repr__(self) -> str:
        return repr(list(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Packed, (list(self),))


_SEP = "\x1f"  # between the items of a packed field (ASCII unit separator)
_RS = "\x1e"  # between the fields of an entry's record (ASCII record separator)
_CONTROL = str.maketrans({_SEP: " ", _RS: " "})


def pack(items: Iterable[str]) -> str:
    """``items`` as the one string a :class:`Packed` holds (a single item is returned as it is).

    >>> pack(["A", "", "B"]).split("\\x1f"), pack(()) == ""
    (['A', 'B'], True)
    """
    if isinstance(items, Packed):
        return items._packed
    if isinstance(items, str):  # its characters would be packed one by one
        raise TypeError(f"a sequence of strings is needed, not the string {items[:40]!r}")
    return _SEP.join([_plain(s) for s in items if s])


def _plain(value: str) -> str:
    """``value`` without the two separators (never text: a space each)."""
    return value if _SEP not in value and _RS not in value else value.translate(_CONTROL)


# An entry's record: these fields, in this order, joined by _RS; the ids and
# short ones first, so that reading one splits the record only up to it.
# (Tags are apart: a section's path is one string its papers share, and a
# Chinese one would make every character of a record take 2 bytes.)
_RECORD = ("arxiv", "doi", "s2_id", "name", "venue", "title", "authors", "repos", "sources")
_EMPTY_RECORD = _RS * (len(_RECORD) - 1)
# where each field sits in a record, and what parts them: for reading a record without
# making its entry (lists/rows.py)
RECORD_PLACES = {name: i for i, name in enumerate(_RECORD)}
RECORD_SEP = _RS
# One object for each file name the sources of many entries begin with (a
# handful a process: the lists it reads).
_FILES: dict[str, str] = {}


class _RecordField:
    """An optional text field of :class:`Entry`, held in its record (``None`` when empty)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.index = _RECORD.index(name)

    @overload
    def __get__(self, entry: None, owner: type) -> _RecordField: ...

    @overload
    def __get__(self, entry: Entry, owner: type) -> str | None: ...

    def __get__(self, entry: Entry | None, owner: type) -> str | None | _RecordField:
        if entry is None:
            return self
        return self._part(entry) or None

    def _part(self, entry: Entry) -> str:
        """The field's part of the record (split only up to it)."""
        return entry._record.split(_RS, self.index + 1)[self.index]

    def __set__(self, entry: Entry, value: str | None) -> None:
        entry._set(self.index, _plain(value) if value else "")


class _PackedField(_RecordField):
    """A field of several strings, held in the record as one (:func:`pack`), read as a :class:`Packed`."""

    @overload  # type: ignore[override]
    def __get__(self, entry: None, owner: type) -> _PackedField: ...

    @overload
    def __get__(self, entry: Entry, owner: type) -> Packed: ...

    def __get__(self, entry: Entry | None, owner: type) -> Packed | _PackedField:
        if entry is None:
            return self
        return Packed.of_packed(self._packed(entry))

    def _packed(self, entry: Entry) -> str:
        """The field's items as one packed string (:func:`pack`)."""
        return self._part(entry)

    def __set__(self, entry: Entry, items: Iterable[str]) -> None:  # type: ignore[override]
        entry._set(self.index, pack(items))


class _TagsField:
    """The tags: packed (:func:`pack`) in a slot of their own, read as a :class:`Packed`."""

    @overload
    def __get__(self, entry: None, owner: type) -> _TagsField: ...

    @overload
    def __get__(self, entry: Entry, owner: type) -> Packed: ...

    def __get__(self, entry: Entry | None, owner: type) -> Packed | _TagsField:
        if entry is None:
            return self
        return Packed.of_packed(entry._tags)

    def __set__(self, entry: Entry, items: Iterable[str]) -> None:
        entry._tags = pack(items)


class _SourcesField(_PackedField):
    """``file:line`` places, the file of the first held once for every entry that names it.

    A place in that file is kept as ``:line``: the path a user typed, repeated
    in every paper of a long list, was the longest part of each paper.
    """

    def _packed(self, entry: Entry) -> str:
        packed = self._part(entry)
        if entry._file and packed.startswith(":"):
            packed = _SEP.join(entry._file + p if p.startswith(":") else p for p in packed.split(_SEP))
        return packed

    def __set__(self, entry: Entry, items: Iterable[str]) -> None:  # type: ignore[override]
        places = pack(items)
        file = places.split(_SEP, 1)[0].rpartition(":")[0]
        if file:
            file = _FILES.setdefault(file, file)
            places = _SEP.join(p[len(file):] if p.startswith(file + ":") else p for p in places.split(_SEP))
        entry._file = file
        entry._set(self.index, places)


class Entry:
    """A distinct paper found in one or more lists.

    Identifiers are normalised: ``arxiv`` without version (``2503.08686``,
    ``cs/0309023``), ``doi`` lower-cased without a URL prefix, ``s2_id`` a
    Semantic Scholar paperId (40 hex) or ``CorpusId:NNN``.

    ``authors``, ``tags``, ``sources`` and ``repos`` are given as any
    sequences of strings and read as :class:`Packed` ones.  They are
    replaced, never changed in place (see :func:`with_new`).  An empty
    ``title``, ``name``, ``venue`` or id reads as ``None``.

    Every field but ``year``, ``tags`` and ``text`` (which the papers of one
    section or item share) is a part of one string, the entry's record: a paper is two
    objects, not a string object (49 bytes before its text) for each id,
    title, name and place in a list.  Held one by one, the papers of a list
    took 2.5 to 5 times the file's size.

    >>> e = Entry(arxiv="2405.09818", authors=["Chameleon Team"], tags=["Unified"])
    >>> e
    Entry(arxiv='2405.09818', doi=None, s2_id=None, title=None, name=None, authors=['Chameleon Team'],
          venue=None, year=None, tags=['Unified'], sources=[], repos=[], text='')
    >>> e.tags = with_new(e.tags, ["Seminar"]); e.tags
    ['Unified', 'Seminar']
    """

    # (A class of its own, not a dataclass: its fields are parts of one string,
    # the record, so that a paper is two objects, not a dozen.)
    __slots__ = ("_record", "_file", "_tags", "year", "text")

    arxiv = _RecordField()
    doi = _RecordField()
    s2_id = _RecordField()
    title = _RecordField()
    name = _RecordField()
    venue = _RecordField()
    authors = _PackedField()
    tags = _TagsField()
    repos = _PackedField()
    sources = _SourcesField()

    def __init__(
        self,
        arxiv: str | None = None,
        doi: str | None = None,
        s2_id: str | None = None,
        title: str | None = None,
        name: str | None = None,
        authors: Iterable[str] = (),
        venue: str | None = None,
        year: int | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[str] = (),
        repos: Iterable[str] = (),
        text: str = "",
    ) -> None:
        self._record, self._file, self._tags = _EMPTY_RECORD, "", pack(tags)
        self.year, self.text = year, text
        self.sources = sources  # first: its check of the items is the packed fields' own
        parts = self._record.split(_RS)
        for i, value in enumerate((arxiv, doi, s2_id, name, venue, title)):
            parts[i] = _plain(value) if value else ""
        parts[6], parts[7] = pack(authors), pack(repos)
        self._record = _RS.join(parts)

    def _set(self, index: int, part: str) -> None:
        parts = self._record.split(_RS)
        parts[index] = part
        self._record = _RS.join(parts)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Entry:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # changed in place while a list is read: no hash

    def __repr__(self) -> str:
        return "Entry(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in FIELDS) + ")"

    def __getstate__(self) -> dict[str, Any]:
        return self.as_dict()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def copy(self) -> Entry:
        """A new entry with the same fields (strings: shared, not copied)."""
        new = Entry.__new__(Entry)
        new._record, new._file, new._tags = self._record, self._file, self._tags
        new.year, new.text = self.year, self.text
        return new

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, the packed ones as lists: ``Entry(**e.as_dict()) == e``.

        >>> Entry(arxiv="2405.09818", tags=["Unified"]).as_dict()["tags"]
        ['Unified']
        """
        return {f: list(v) if isinstance(v, Packed) else v for f in FIELDS for v in (getattr(self, f),)}

    @property
    def ids(self) -> dict[str, str]:
        """The ids it has, by field (see :data:`ID_FIELDS`).

        >>> Entry(arxiv="2405.09818", title="Chameleon").ids
        {'arxiv': '2405.09818'}
        """
        return {k: v for k in ID_FIELDS if (v := getattr(self, k))}

    @property
    def key(self) -> str:
        """The graph node id this entry gets before it is resolved (see ``paper_key``)."""
        s2, corpus = self.s2_id, None
        if s2 and s2.lower().startswith("corpusid:"):
            corpus, s2 = s2.split(":", 1)[1], None
        return paper_key(paper_id=s2, arxiv=self.arxiv, doi=self.doi, corpus_id=corpus, title=self.title)

    @property
    def s2_query_id(self) -> str | None:
        """The id to send to the batch endpoint (``ARXIV:...``, ``DOI:...``, ...), if any."""
        ids = self.s2_query_ids
        return ids[0] if ids else None

    @property
    def s2_query_ids(self) -> list[str]:
        """Every id the batch endpoint can take for this entry, most stable first.

        The first is :attr:`s2_query_id`; the others are tried when the API
        does not know it.

        >>> Entry(arxiv="2403.99999", doi="10.1/x").s2_query_ids
        ['ARXIV:2403.99999', 'DOI:10.1/x']
        >>> Entry(title="Only a title").s2_query_ids
        []
        """
        ids = []
        if self.s2_id:
            s2 = self.s2_id
            ids.append(s2 if not s2.lower().startswith("corpusid:") else "CorpusId:" + s2.split(":", 1)[1])
        if self.arxiv:
            ids.append(f"ARXIV:{self.arxiv}")
        if self.doi:
            ids.append(f"DOI:{self.doi}")
        return ids


@dataclass(frozen=True)
class ListWarning:
    """A malformed entry skipped or repaired while reading; ``source`` is ``file:line``."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def add_new(target: list[str], items: Iterable[str]) -> None:
    """Append the items ``target`` lacks, in order (an entry's tags, sources, repos); empty ones never.

    >>> tags = ["A"]
    >>> add_new(tags, ["B", "A", "", "B"])
    >>> tags
    ['A', 'B']
    """
    for item in items:
        if item and item not in target:
            target.append(item)


def with_new(current: Sequence[str], items: Iterable[str]) -> list[str]:
    """``current`` followed by the ``items`` it lacks, as :func:`add_new` (for an entry's packed fields).

    >>> with_new(Packed(["A"]), ["B", "A"])
    ['A', 'B']
    """
    out = list(current)
    add_new(out, items)
    return out
