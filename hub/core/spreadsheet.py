"""Cells for CSV downloads that a spreadsheet opens as text, never as a formula."""

from __future__ import annotations

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Prefix a cell that starts like a formula with an apostrophe, so it stays text."""
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell
