"""Showing a written HTML page inside a notebook, inline.

:func:`inline_page` wraps a page (the explorer's ``graph.html``) in an
``<iframe srcdoc=...>``: the page travels inside the notebook's saved output,
so nbviewer and a re-opened notebook show it without the file beside them.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["InlinePage", "inline_page"]


@dataclass(frozen=True)
class InlinePage:
    """A whole HTML page to show inline; a notebook renders it as a sandboxed iframe."""

    page: str
    height: int = 640
    title: str = "citegraph explorer"

    def _repr_html_(self) -> str:
        # srcdoc holds the page escaped as an attribute value: it cannot close the iframe early
        return (f'<iframe title="{html.escape(self.title)}" srcdoc="{html.escape(self.page, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts allow-popups"></iframe>')

    def __repr__(self) -> str:
        return f"InlinePage({len(self.page):,} characters, height={self.height})"


def inline_page(page: str | os.PathLike[str], *, height: int = 640) -> InlinePage:
    """The HTML page at ``page`` (a path; or the page itself, when it starts with ``<``), to show inline.

    Examples
    --------
    >>> shown = inline_page('<html><body><p title="a&b">Janus</p></body></html>', height=200)
    >>> frame = shown._repr_html_()
    >>> frame.startswith('<iframe') and 'srcdoc="&lt;html&gt;' in frame and "title=&quot;a&amp;b&quot;" in frame
    True
    """
    text = str(page) if isinstance(page, str) and page.lstrip().startswith("<") else \
        Path(page).read_text(encoding="utf-8")
    return InlinePage(text, height=height)
