"""Run axe-core (shipped inside the axe-playwright-python package) in a Playwright page."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source() -> str:
    """The axe-core script, read from the installed package (no network)."""
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[str]:
    """Run the WCAG 2.0/2.1/2.2 A and AA rules; return one line per failing node."""
    return [
        f"{page.url}: {violation['id']}: {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}"
        for violation in axe_results(page)
        for node in violation["nodes"]
    ]


def axe_results(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations (WCAG 2.0/2.1/2.2 A and AA rules) as it reports them."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    # Colours are checked as they end up: a fade still running (Material's back-to-top button
    # after a scroll, the header's shadow) would be measured half-way.
    # (An endless animation, were there one, is not waited for.)
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getComputedTiming().endTime === Infinity)"
    )
    # Every rule still runs on every node; resultTypes only spares axe from describing each
    # node that passed (selectors and all), which its API documents as the way to speed up
    # large pages when only the violations are wanted, as here.
    result = page.evaluate(
        "async (tags) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def axe_violations_in_scheme(browser: Any, base_url: str, urls: list[str], scheme: str) -> list[str]:
    """Open each page in a fresh context with the device set to `scheme` (light or dark) and
    run axe on it; return every failing node."""
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    found: list[str] = []
    for url in urls:
        page.goto(url)
        found += axe_violations(page)
    context.close()
    return found
