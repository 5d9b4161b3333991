"""Regular-expression helpers that leave nothing behind on CPython 3.11: :func:`matches`, :func:`first_group`.

Used instead of ``Pattern.finditer`` and of replacement templates with
backslashes (``pattern.sub(r"\\1", text)``).  On CPython 3.11 both look a
function up by a name string made anew on each call (``finditer`` its
scanner's ``search``, ``sub`` the ``re`` module's template compiler), and the
interpreter's type cache (4,096 slots, keyed by the name's address until 3.12)
keeps each such string alive: about 55 bytes a call, up to 225 KB a process.
Reading a 30 KB list left 16 KB of them behind, half the list's size.
``tests/architecture/test_regex_use.py`` keeps both out of the package.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import AnyStr

__all__ = ["first_group", "matches"]


def matches(
    pattern: re.Pattern[AnyStr], text: AnyStr, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[AnyStr]]:
    """The non-overlapping matches of ``pattern`` in ``text[pos:endpos]``, as ``pattern.finditer`` gives them.

    ``finditer`` is ``iter(scanner.search, None)`` written in C; here
    ``search`` is looked up by an interned name, which the cache already holds.

    >>> [m.group(0) for m in matches(re.compile(r"\\d+"), "a1 b22 c333", 3)]
    ['22', '333']
    """
    scanner = pattern.scanner(text, pos, endpos)  # type: ignore[attr-defined]  # (typeshed leaves it out)
    return iter(scanner.search, None)


def first_group(m: re.Match[str]) -> str:
    """A replacement that keeps what group 1 matched: ``pattern.sub(first_group, text)`` for ``sub(r"\\1", text)``.

    >>> re.sub(r"\\\\(.)", first_group, r"a\\&b")
    'a&b'
    """
    return m[1]
