"""Model and method names that papers introduce (``Janus: Decoupling ...`` → ``Janus``).

Pure text functions, shared by the list reader (to show names early) and by
lineage analysis.  No name is better than a wrong one.
"""

from __future__ import annotations

import re

__all__ = ["model_name"]

# A leading "Name:" in a title, where Name is one short token-ish phrase.
_TITLE_NAME = re.compile(r"^\s*([A-Za-z][\w.+\-]*(?:[ \-][\w.+]+){0,2})\s*[:：]\s+\S")


def model_name(title: str | None, text: str | None = None) -> str | None:
    """The name a paper introduces, from its title (``Name: ...``), else ``None``.

    >>> model_name("Janus: Decoupling Visual Encoding for Unified Multimodal Understanding")
    'Janus'
    >>> model_name("Making LLaMA SEE and Draw with SEED Tokenizer") is None
    True
    """
    if title:
        m = _TITLE_NAME.match(title)
        if m and len(m.group(1)) <= 30:
            return m.group(1)
    return None
