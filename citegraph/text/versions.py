"""Versions and variants of a model: ``Qwen2`` / ``Qwen2.5``, ``Janus`` / ``Janus-Pro``.

:func:`version_difference` tells two nearly equal titles apart when they name
different versions: other numbers, other variant words
(:data:`citegraph.text.names.VARIANT_WORDS`) or another leading model name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from citegraph.text.names import VARIANT_WORDS, model_name, name_key

__all__ = ["VARIANT_WORDS", "version_difference"]

# Version-like parts of a title: numbers ("2.5", "V3", "1,000" as 1000) and variant words.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_VARIANT = re.compile(rf"(?<![^\W_])({'|'.join(VARIANT_WORDS)})(?![^\W_])")


def _version_parts(title: str) -> tuple[list[str], list[str]]:
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", title).casefold())
    return sorted(_NUMBER.findall(text)), sorted(_VARIANT.findall(text))


def version_difference(listed: str, found: str) -> str | None:
    """Why ``found`` is another version of the paper ``listed`` names, or ``None``.

    Titles alike to a few letters can still name different papers: another
    version number (``DeepSeek-V3`` / ``DeepSeek-V2``, ``Qwen2`` / ``Qwen2.5``),
    a variant (``Janus`` / ``Janus-Pro``) or another leading model name.  Case,
    punctuation and spacing do not count.

    Parameters
    ----------
    listed, found : str
        The title a list gives and the title a search found.

    Returns
    -------
    str or None
        The difference in words, ``None`` when both name the same version.

    Examples
    --------
    >>> version_difference("Qwen2 Technical Report", "Qwen2.5 Technical Report")
    'the versions differ (2 vs 2.5)'
    >>> version_difference("Janus-Pro: Unified Models", "Janus: Unified Models")
    'the versions differ (pro vs none)'
    >>> version_difference("GPT-4 technical report", "GPT 4 Technical Report.") is None
    True
    >>> title = "Chameleon: Mixed-Modal Early-Fusion Models"
    >>> version_difference("Chamelon: Mixed-Modal Early-Fusion Models", title) is None
    True
    >>> version_difference("Kosmos: a world model", "Cosmos: a world model")
    'the model names differ (Kosmos vs Cosmos)'
    """
    (numbers_a, variants_a), (numbers_b, variants_b) = _version_parts(listed), _version_parts(found)
    if numbers_a != numbers_b:
        return f"the versions differ ({' '.join(numbers_a) or 'none'} vs {' '.join(numbers_b) or 'none'})"
    if variants_a != variants_b:
        return f"the versions differ ({' '.join(variants_a) or 'none'} vs {' '.join(variants_b) or 'none'})"
    name_a, name_b = model_name(listed), model_name(found)
    if name_a and name_b:
        key_a, key_b = name_key(name_a), name_key(name_b)
        # one slip of the pen in a long name (Chamelon) is the same model;
        # Kosmos / Cosmos or Show-o / Show-a are not
        if key_a != key_b and not (
            min(len(key_a), len(key_b)) >= 6 and difflib.SequenceMatcher(None, key_a, key_b).ratio() >= 0.9
        ):
            return f"the model names differ ({name_a} vs {name_b})"
    return None
