"""``file:line`` places, as lists name them, shown relative to the folder a command ran in."""

from __future__ import annotations

import os
from collections.abc import Iterable

__all__ = ["relative_places"]


def relative_places(places: Iterable[str], start: str | None = None) -> list[str]:
    """``file:line`` places with each absolute file made relative to ``start`` (the current folder).

    Places that are not ``file:line`` with an absolute file stay as they are.

    >>> relative_places([os.path.join(os.getcwd(), "notes", "a.md") + ":3", "b.md:1", "stdin"])
    ['notes/a.md:3', 'b.md:1', 'stdin']
    """
    out = []
    for place in places:
        path, sep, line = str(place).rpartition(":")
        if sep and line.isdigit() and os.path.isabs(path):
            try:
                place = f"{os.path.relpath(path, start)}:{line}"
            except ValueError:  # another drive (Windows): keep it whole
                pass
        out.append(place)
    return out
