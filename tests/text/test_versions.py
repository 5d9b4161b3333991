"""citegraph.text.versions: versions and variants of a model name."""

from __future__ import annotations

from citegraph.text.versions import VARIANT_WORDS, version_difference


def test_version_difference_ignores_form_and_reads_versions():
    assert version_difference("GPT-4 Technical Report", "GPT 4 technical report.") is None
    assert version_difference("Scaling to 1,000 Layers", "Scaling to 1000 layers") is None
    assert version_difference("Emu3: Next-Token Prediction", "Emu2: Next-Token Prediction") == (
        "the versions differ (3 vs 2)"
    )
    assert version_difference("Programming with Models", "Programing with Models") is None  # "pro" inside a word


def test_every_variant_word_makes_another_version():
    for word in VARIANT_WORDS:
        assert version_difference(f"Janus {word.title()}: Unified Models", "Janus: Unified Models") == (
            f"the versions differ ({word} vs none)"
        )


def test_a_variant_word_inside_another_word_is_no_variant():
    assert version_difference("Workflow Models", "Work flow Models") == "the versions differ (none vs flow)"
    assert version_difference("Maximal Models", "Maximal models.") is None
