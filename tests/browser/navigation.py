"""Following links under Material's instant navigation: wait for the new page, not the URL."""

from __future__ import annotations

from typing import Any

# Instant navigation pushes the new URL when the link is clicked, then fetches the page and
# swaps the container in: a URL that matches proves nothing about what the page shows.
MARK_CONTAINER = "() => { window.__hubContainer = document.querySelector('[data-md-component=container]'); }"
NEW_CONTAINER = (
    "() => { const c = document.querySelector('[data-md-component=container]');"
    " return c !== null && c !== window.__hubContainer; }"
)


def follow(page: Any, link: Any, url: str) -> None:
    """Click `link` and wait until the page at `url` (a glob) is the one shown."""
    page.evaluate(MARK_CONTAINER)
    link.click()
    page.wait_for_url(url)
    page.wait_for_function(NEW_CONTAINER)
