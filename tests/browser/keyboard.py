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


# Material's `location$` emits on every navigation it handles; recorded from before the skip
# link is pressed, with the content area that was on the page then.
WATCH_CONTENT = """() => {
  window.__hubContent = document.getElementById('main-content');
  window.__hubLocations = [];
  location$.subscribe(url => window.__hubLocations.push(String(url)));
}"""


def skip_to_content(page: Any) -> None:
    """Tab to the skip link, press Enter, and wait until the content area has focus."""
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert "hub-skip" in focused[0] and "Skip to main content" in focused[1], focused
    page.evaluate(WATCH_CONTENT)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main-content'")
    # With the bug this guards against, Material heard of a navigation (a popstate, at once)
    # and would replace the content area that has just taken focus.
    assert page.evaluate("() => window.__hubLocations") == []
    assert page.evaluate("() => document.activeElement === window.__hubContent")


def focus_stays_in_content(page: Any) -> bool:
    """True when the content area that took focus is still the page's own, holding focus."""
    return page.evaluate(
        "() => document.contains(window.__hubContent) && window.__hubContent.contains(document.activeElement)"
    )
