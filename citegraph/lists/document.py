"""One list's text held as its UTF-8 bytes, its lines decoded only when read.

A decoded ``str`` of a whole list takes 1, 2 or 4 bytes a character (one emoji
makes every character 4), and a list of every line adds ~57 bytes a line: a
document kept as bytes plus where each line starts (a byte or two a line, see
:class:`~citegraph.lists.columns.Offsets`) is about the size of the file,
which is what keeps the reader's memory a small multiple of its input.
Lines end at ``\\n``, ``\\r\\n`` and ``\\r`` only, as an editor numbers them.
"""

from __future__ import annotations

import codecs
import re
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

from citegraph.errors import InputError
from citegraph.lists.columns import Offsets
from citegraph.text.matching import matches

__all__ = ["ListText", "as_list_text", "decode_list", "LINKS_A_PIECE"]

_LINE_END = re.compile(rb"\r\n|\r|\n")
_NOT_BLANK = re.compile(rb"\S")
_ASCII_TEXT = re.compile(rb"[^\s\x80-\xff]")
# decoded and dropped a chunk at a time: a whole decoded copy would be up to 4× the file
# (4 KB, not more: on a 60 KB list a 64 KB chunk was the read's whole peak, at 6× the file)
_CHUNK = 1 << 12
# A line naming more links than this is read in pieces of about as many (ListText.pieces): one
# line of 20,000 links, analysed whole, held each link's paper, id and place at once (9 to 11 times
# the file); no real list has a line of more than 8.
LINKS_A_PIECE = 64
_LINK_MARK = b"://"
# where a piece may start: a link (markdown, bare, or HTML)
_LINK_START = re.compile(rb"\[|!\[|https?://|www\.|<a\s", re.I)
_BLANK = re.compile(rb"[ \t]+")
# lone surrogates (a fuzzer's str, a broken stdin) survive the round trip instead of failing
_ERRORS = "surrogatepass"


class ListText(Sequence[str]):
    """A document's lines (``doc[0]`` is line 1), decoded from UTF-8 when read.

    >>> doc = ListText.from_str("a\\r\\nb\\u2028still b\\rc")
    >>> len(doc), doc[1], list(doc)[-1], doc.text()
    (3, 'b\\u2028still b', 'c', 'a\\nb\\u2028still b\\nc')
    """

    __slots__ = ("data", "_lines", "_count", "_last")

    def __init__(self, data: bytes) -> None:
        self.data = data
        # where each line starts, its break included in its size (4 bytes a line while they are found,
        # then about 1: a file of ids, 11 bytes a line, held its lines' starts at a third of its size)
        starts = array("I" if len(data) < 2**32 else "q", [0])
        starts.extend(m.end() for m in matches(_LINE_END, data))
        self._lines = Offsets.of_starts(starts, len(data))
        self._count = len(self._lines)  # (asked for often: an attribute, not a call)
        self._last: tuple[int, str] = (-1, "")

    @classmethod
    def from_str(cls, text: str) -> ListText:
        """A document from text already decoded (standard input, a test's string)."""
        return cls(text.removeprefix("\ufeff").encode("utf-8", _ERRORS))

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if self._last[0] == index:  # the reader asks for the line it is on many times
            return self._last[1]
        start, end = self._span(index)
        data = self.data
        # a long line decoded in place, not copied first; a short one's copy is faster
        line = (data[start:end].decode("utf-8", _ERRORS) if end - start < 4096
                else str(memoryview(data)[start:end], "utf-8", _ERRORS))
        self._last = (index, line)
        return line

    def _span(self, index: int) -> tuple[int, int]:
        """Where line ``index`` (not negative) starts and ends in the bytes, its break left out."""
        data = self.data
        start, end = self._lines.span(index)
        if index + 1 < self._count:
            end -= 1  # the "\n" or "\r" that ended it
            if data[end] == 0x0A and end > start and data[end - 1] == 0x0D:
                end -= 1  # "\r\n" is one break
        else:
            end = len(data)
        return start, end

    def many_links(self, index: int, links: int = LINKS_A_PIECE) -> bool:
        """Whether line ``index`` names more than ``links`` links (``://``), read without decoding it.

        >>> ListText(b"a https://x.org\\n" + b" https://x.org" * 3).many_links(1, 2)
        True
        """
        start, end = self._span(index)
        return end - start > 3 * links and self.data.count(_LINK_MARK, start, end) > links

    def lines_of_many_links(self, links: int = LINKS_A_PIECE) -> Iterator[int]:
        """The lines (0-based) naming more than ``links`` links (:meth:`many_links`); a line
        too short to hold them is not searched.

        >>> list(ListText(b"a https://x.org\\n" + b" https://x.org" * 3).lines_of_many_links(2))
        [1]
        """
        if self.data.count(_LINK_MARK) <= links:
            return  # (most lists: no line can)
        lines, shortest = self._lines, 3 * links
        for i in range(len(lines)):
            if lines.size(i) <= shortest:
                continue  # (most lines: the loop stays cheap)
            if self.many_links(i, links):
                yield i

    def pieces(self, index: int, links: int = LINKS_A_PIECE) -> Iterator[str]:
        """Line ``index`` in pieces of ``links`` links or a few more, decoded one at a time.

        A piece ends at a blank after its last link where the next link
        starts, outside any bracket, tag, code span or emphasis, so that no
        link, its text or its markup is cut in two; the blanks between pieces
        are left out.  A line of fewer links, or one with no such blank, is
        one piece, the line.  (A line of thousands of links, read whole, held
        each one's paper, id and place at once.)

        >>> list(ListText(b"- [A b](u://1) [C](u://2), x://3 [D](u://4)").pieces(0, 1))
        ['- [A b](u://1)', '[C](u://2), x://3', '[D](u://4)']
        """
        start, end = self._span(index)
        data, cut = self.data, start
        if not self.many_links(index, links):
            yield self[index]
            return
        while True:
            at = cut
            for _ in range(links):  # past the piece's links
                at = data.find(_LINK_MARK, at, end)
                if at < 0:
                    break
                at += len(_LINK_MARK)
            blank = None if at < 0 else self._cut_after(cut, at, end)
            if blank is None:
                break
            yield str(memoryview(data)[cut:blank.start()], "utf-8", _ERRORS)
            cut = blank.end()
        yield str(memoryview(data)[cut:end], "utf-8", _ERRORS)

    def _cut_after(self, cut: int, at: int, end: int) -> re.Match[bytes] | None:
        """The first blank at or after ``at`` where a piece started at ``cut`` can end (see :meth:`pieces`)."""
        data = self.data
        # over data[cut:scanned]: [ minus ], ( minus ), < minus >, code marks, "**" and single "*" emphasis marks
        scanned, balance = cut, [0, 0, 0, 0, 0, 0]
        for blank in matches(_BLANK, data, at, end):
            stop = blank.start()
            for i, (o, c) in enumerate(_PAIRS):
                balance[i] += data.count(o, scanned, stop) - (data.count(c, scanned, stop) if c else 0)
            balance[5] += data.count(b"*", scanned, stop) - 2 * data.count(b"**", scanned, stop)
            scanned = stop
            closed = not any(balance[:3]) and not any(n % 2 for n in balance[3:])
            if closed and _LINK_START.match(data, blank.end()):
                return blank
        return None

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self[i]

    def text(self) -> str:
        """The whole text with ``\\n`` line ends (no reader needs it: BibTeX too is parsed from its lines)."""
        return "\n".join(self)


# what opens and closes around a piece's cut (code and bold marks pair with themselves)
_PAIRS = ((b"[", b"]"), (b"(", b")"), (b"<", b">"), (b"`", b""), (b"**", b""))


def as_list_text(doc: ListText | str) -> ListText:
    """``doc`` as a :class:`ListText` (text already decoded is encoded once).

    >>> as_list_text("a\\nb")[1], isinstance(as_list_text(ListText(b"a")), ListText)
    ('b', True)
    """
    return doc if isinstance(doc, ListText) else ListText.from_str(doc)


def _check_utf8(data: bytes, name: str) -> None:
    """Fail like ``bytes.decode`` would, naming the offset, without holding the whole decoded text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)  # chunks without copies of the bytes
    for at in range(0, len(data), _CHUNK):
        try:
            decoder.decode(view[at:at + _CHUNK], final=at + _CHUNK >= len(data))
        except UnicodeDecodeError as exc:
            where = at + exc.start
            raise InputError(
                f"paper list {name} is not UTF-8 text (byte 0x{data[where]:02x} at offset {where})"
            ) from None


def decode_list(data: bytes, name: str) -> ListText:
    """A list file's bytes as a document: UTF-8 (a byte-order mark dropped) or UTF-16 with its mark.

    Raises :class:`~citegraph.errors.InputError` naming ``name`` for an empty,
    binary (NUL bytes) or undecodable file.

    >>> decode_list(b"\\xef\\xbb\\xbf# Papers\\n- 2405.09818\\n", "a.md")[1]
    '- 2405.09818'
    >>> decode_list(b"\\xff", "b.md")
    Traceback (most recent call last):
    citegraph.errors.InputError: paper list b.md is not UTF-8 text (byte 0xff at offset 0)
    """
    if not _NOT_BLANK.search(data):  # (bytes.strip() would copy the whole file)
        raise InputError(f"paper list {name} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return ListText.from_str(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise InputError(f"paper list {name} is not valid UTF-16 text ({exc.reason})") from None
    if b"\0" in data:
        raise InputError(f"paper list {name} is binary (it contains NUL bytes), not text")
    _check_utf8(data, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    doc = ListText(data)
    # ASCII blanks are not all: a file of Unicode spaces (U+3000) is empty too
    if not (_ASCII_TEXT.search(data) or any(line.strip() for line in doc)):
        raise InputError(f"paper list {name} is empty")
    return doc
