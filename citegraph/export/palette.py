"""Colours the explorer page and the lineage SVG share for families and communities."""

from __future__ import annotations

__all__ = ["PALETTE", "OTHER_COLOR"]

# Distinct, print-safe hues; grey is kept for "other".
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939",
)
OTHER_COLOR = "#9ea4aa"
