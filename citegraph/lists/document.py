"""One list's text held as its UTF-8 bytes, its lines decoded only when read.

A decoded ``str`` of a whole list takes 1, 2 or 4 bytes a character (one emoji
makes every character 4), and a list of every line adds ~57 bytes a line: a
document kept as bytes plus one offset a line is about the size of the file,
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
from citegraph.text.matching import matches

__all__ = ["ListText", "as_list_text", "decode_list"]

_LINE_END = re.compile(rb"\r\n|\r|\n")
_NOT_BLANK = re.compile(rb"\S")
_ASCII_TEXT = re.compile(rb"[^\s\x80-\xff]")
# decoded and dropped a chunk at a time: a whole decoded copy would be up to 4× the file
# (4 KB, not more: on a 60 KB list a 64 KB chunk was the read's whole peak, at 6× the file)
_CHUNK = 1 << 12
# lone surrogates (a fuzzer's str, a broken stdin) survive the round trip instead of failing
_ERRORS = "surrogatepass"


class ListText(Sequence[str]):
    """A document's lines (``doc[0]`` is line 1), decoded from UTF-8 when read.

    >>> doc = ListText.from_str("a\\r\\nb\\u2028still b\\rc")
    >>> len(doc), doc[1], list(doc)[-1], doc.text()
    (3, 'b\\u2028still b', 'c', 'a\\nb\\u2028still b\\nc')
    """

    __slots__ = ("data", "_starts", "_last")

    def __init__(self, data: bytes) -> None:
        self.data = data
        # where each line starts (4 bytes a line below 4 GiB); a line ends where the break before the next starts
        starts = array("I" if len(data) < 2**32 else "q", [0])
        starts.extend(m.end() for m in matches(_LINE_END, data))
        self._starts = starts
        self._last: tuple[int, str] = (-1, "")

    @classmethod
    def from_str(cls, text: str) -> ListText:
        """A document from text already decoded (standard input, a test's string)."""
        return cls(text.removeprefix("\ufeff").encode("utf-8", _ERRORS))

    def __len__(self) -> int:
        return len(self._starts)

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
        data, starts = self.data, self._starts
        start = starts[index]
        if index + 1 < len(starts):
            end = starts[index + 1] - 1  # the "\n" or "\r" that ended it
            if data[end] == 0x0A and end > start and data[end - 1] == 0x0D:
                end -= 1  # "\r\n" is one break
        else:
            end = len(data)
        line = data[start:end].decode("utf-8", _ERRORS)
        self._last = (index, line)
        return line

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self[i]

    def text(self) -> str:
        """The whole text with ``\\n`` line ends (no reader needs it: BibTeX too is parsed from its lines)."""
        return "\n".join(self)


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
