"""Keyboard helpers for browser tests: what a person reaches by pressing Tab."""

from __future__ import annotations

from typing import Any


def tab_reaches(page: Any, selector: str, *, presses: int = 120) -> tuple[set[str], set[str]]:
    """Press Tab until every link matching `selector` has had focus (or `presses` run out).

    Returns (the links' addresses, the addresses that had focus).
    """
    targets = set(page.eval_on_selector_all(selector, "els => els.map(e => e.href)"))
    reached: set[str] = set()
    for _ in range(presses):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.href || ''"))
        if targets <= reached:
            break
    return targets, reached
