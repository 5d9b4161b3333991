"""Titles as comparison keys."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_title"]


def normalize_title(title: str) -> str:
    """Fold a title to a comparison key: NFKC, lower case, words joined by one space.

    >>> normalize_title("  ANOLE: An Open,  Autoregressive  Model! ")
    'anole an open autoregressive model'
    >>> normalize_title("Janus‑Pro") == normalize_title("janus pro")
    True
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    # \w keeps CJK characters, so Chinese titles still get distinct keys.
    return " ".join(re.findall(r"\w+", text))
