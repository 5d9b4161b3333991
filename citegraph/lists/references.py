"""Markdown reference links: ``[Title][1]`` with ``[1]: https://arxiv.org/abs/...`` further down.

CommonMark's full (``[text][label]``), collapsed (``[text][]``) and shortcut
(``[label]``) references are read as the inline links they stand for, so that a
paper's title and its link stay on its item's line; the definitions they use are
no lines of their own.  A definition nothing refers to is left as it is: a list
of bare ``[n]: url`` lines still names its papers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DEFINITION = re.compile(
    r"^ {0,3}\[([^\[\]\n]{1,200})\]:[ \t]*<?([^\s<>]+)>?"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$"
)
# [text][label] and [text][] (a text may hold one level of brackets: [M[3]IT][m3])
_FULL = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\]){1,300})\]\[([^\[\]\n]{0,200})\]")
# [label] alone: not a link's text ("](" or "]["), nor a definition ("]:")
_SHORTCUT = re.compile(r"(?<![\]!])\[([^\[\]\n]{1,200})\](?![(\[:])")
# a line defining a reference holds "]:"; a line using one holds "]" (cheap tests first)
_DEFINES = re.compile(rb"(?m)^ {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S")


def _label(text: str) -> str:
    """A label as CommonMark matches it: case and runs of spaces do not count."""
    return " ".join(text.split()).casefold()


def has_definitions(data: bytes) -> bool:
    """Whether a document's bytes define any reference (most lists define none)."""
    return _DEFINES.search(data) is not None


def definitions(lines: Sequence[str]) -> dict[str, tuple[str, int]]:
    """Each label's url and the (1-based) line defining it; the first definition wins."""
    found: dict[str, tuple[str, int]] = {}
    for no, line in enumerate(lines, 1):
        if "]:" in line:
            m = _DEFINITION.match(line)
            if m:
                found.setdefault(_label(m.group(1)), (m.group(2), no))
    return found


def resolve(line: str, defs: dict[str, tuple[str, int]], used: set[str] | None = None) -> str:
    """``line`` with its references written as inline links (labels met go into ``used``).

    >>> defs = {"wd": ("https://arxiv.org/abs/2301.00001", 9), "gadget priors": ("https://x.org/g", 10)}
    >>> resolve("- [Widget Diffusion][WD] and [Gadget Priors] [x]", defs)
    '- [Widget Diffusion](https://arxiv.org/abs/2301.00001) and [Gadget Priors](https://x.org/g) [x]'
    """
    if "[" not in line or _DEFINITION.match(line):
        return line

    def link(m: re.Match[str]) -> str:
        # [text][label], [text][] (the text is the label) and [label]
        label = _label(m.group(2) if m.lastindex == 2 and m.group(2) else m.group(1))
        if label not in defs:
            return m.group(0)
        if used is not None:
            used.add(label)
        return f"[{m.group(1)}]({defs[label][0]})"

    if "][" in line:
        line = _FULL.sub(link, line)
    return _SHORTCUT.sub(link, line)


def used_definition_lines(lines: Sequence[str], defs: dict[str, tuple[str, int]]) -> set[int]:
    """The lines of the definitions some line refers to (they are read where they are used)."""
    used: set[str] = set()
    for line in lines:
        if "[" in line:
            resolve(line, defs, used)
    return {defs[label][1] for label in used}
