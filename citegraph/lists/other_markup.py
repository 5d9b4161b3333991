"""Org-mode outlines and LaTeX bibliographies, line by line as the markdown reader reads them.

Org-mode: ``** Title`` is a heading of level 2 (``## Title``), a drawer's
``:PROPERTIES:``/``:END:`` lines are blank and its ``:URL: url`` lines are
labelled ones (``URL: url``), ``#+KEY:`` settings are blank.  LaTeX: a
``\\bibitem`` and the lines after it (``\\newblock`` parts, up to the next item,
a blank line or ``\\end{...}``) are one line, as a one-line ``\\bibitem`` is.
Line numbers stay: a block's later lines read as blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["is_org", "org_line", "bibitem_blocks", "bibitem_line"]

# an org document: a property drawer or a file setting in column one (markdown has neither)
_ORG_MARK = re.compile(rb"^[ \t]*:PROPERTIES:[ \t]*\r?$|^#\+(?:title|author|startup|options):", re.I | re.M)
_ORG_HEADING = re.compile(r"^(\*{1,6})\s+(?=\S)")
_ORG_DRAWER_EDGE = re.compile(r"^\s*:(?:PROPERTIES|END|LOGBOOK):\s*$", re.I)
_ORG_PROPERTY = re.compile(r"^\s*:([A-Za-z][\w-]*):(?=\s)")
_ORG_SETTING = re.compile(r"^\s*#\+\w+")
_BIBITEM = re.compile(r"^\s*\\bibitem\b")
_BLOCK_END = re.compile(r"^\s*(?:\\bibitem\b|\\end\{)")
_NEWBLOCK = re.compile(r"\\newblock\b\s*")


def is_org(data: bytes) -> bool:
    """Whether a document is org-mode (a property drawer, or a ``#+TITLE:``-like setting).

    >>> is_org(b"* Reading\\n** Widget Nets\\n   :PROPERTIES:\\n   :URL: u\\n   :END:\\n"), is_org(b"**Bold** text\\n")
    (True, False)
    """
    return _ORG_MARK.search(data) is not None


def org_line(line: str) -> str:
    """An org-mode line as the markdown reader reads it (see the module's docstring).

    >>> [org_line(s) for s in ["** Widget Nets", "  :PROPERTIES:", "  :URL: https://a.org", "#+TITLE: Notes", "- x"]]
    ['## Widget Nets', '', '  URL: https://a.org', '', '- x']
    """
    if line[:1] == "*" and (m := _ORG_HEADING.match(line)):
        return "#" * len(m.group(1)) + " " + line[m.end():]
    if _ORG_DRAWER_EDGE.match(line) or _ORG_SETTING.match(line):
        return ""
    if m := _ORG_PROPERTY.match(line):
        return line[:m.start(1) - 1] + m.group(1) + ":" + line[m.end():]
    return line


def bibitem_blocks(lines: Sequence[str]) -> dict[int, int]:
    """Each ``\\bibitem`` written over several lines: its first line → its last (1-based).

    >>> bibitem_blocks(["\\\\bibitem{a}", "A. Lee.", "\\\\newblock Title.", "", "\\\\bibitem{b} B. Kim. T2."])
    {1: 3}
    """
    blocks: dict[int, int] = {}
    n = len(lines)
    no = 1
    while no <= n:
        if "bibitem" not in lines[no - 1] or not _BIBITEM.match(lines[no - 1]):
            no += 1
            continue
        last = no
        while last < n and lines[last].strip() and not _BLOCK_END.match(lines[last]):
            last += 1
        if last > no:
            blocks[no] = last
        no = last + 1
    return blocks


def bibitem_line(lines: Sequence[str], first: int, last: int) -> str:
    """A ``\\bibitem`` block's lines as one, its ``\\newblock`` marks dropped.

    >>> bibitem_line(["\\\\bibitem{a}", "A. Lee.", "\\\\newblock Title.", "\\\\newblock In CVPR, 2024."], 1, 4)
    '\\\\bibitem{a} A. Lee. Title. In CVPR, 2024.'
    """
    return " ".join(_NEWBLOCK.sub("", lines[i - 1]).strip() for i in range(first, last + 1)).strip()
