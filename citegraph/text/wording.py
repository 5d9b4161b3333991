"""Small wording helpers shared by messages, summaries and reports."""

from __future__ import annotations

from typing import Any
from collections.abc import Mapping

__all__ = ["one_line", "plural", "edge_details_note"]


def plural(n: int, word: str, plural: str | None = None, *, count: bool = True) -> str:
    """``"1 paper"``, ``"1,910 papers"``; ``count=False`` gives the word alone.

    >>> plural(1, "step"), plural(1910, "paper"), plural(3, "family", "families"), plural(2, "link", count=False)
    ('1 step', '1,910 papers', '3 families', 'links')
    """
    form = word if n == 1 else (plural or word + "s")
    return f"{n:,} {form}" if count else form


def one_line(text: str, width: int) -> str:
    """``text`` on one line (runs of white space made one space), cut to ``width`` characters with "…".

    >>> one_line("Chameleon:   Mixed-Modal\\n Early-Fusion Foundation Models", 30)
    'Chameleon: Mixed-Modal Early-…'
    >>> one_line("", 10)
    ''
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def edge_details_note(details: Mapping[str, Any]) -> str:
    """What the targeted edge details cost and why.

    >>> edge_details_note({"papers": 3, "requests": 3, "why": {"name relation": 2, "mention": 1}})
    'edge details: 3 requests for 3 papers with a lineage candidate (name relation 2, mention 1)'
    """
    why = ", ".join(f"{k} {v}" for k, v in details.get("why", {}).items())
    return (
        f"edge details: {plural(details['requests'], 'request')} for "
        f"{plural(details['papers'], 'paper')} with a lineage candidate" + (f" ({why})" if why else "")
    )
