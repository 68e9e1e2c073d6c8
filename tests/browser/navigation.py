"""Moving between pages in tests: following links under Material's instant navigation (wait
for the new page, not the URL), and walking every page of the site a few tabs at a time."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
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


# Tabs loading side by side in a walk: a page waits mostly on timers and the network (the
# half-second of quiet "networkidle" asks for), so the next pages load meanwhile.
TABS = 4


def walk(
    context: Any, urls: Iterable[str], *, wait_until: str = "load", tabs: int = TABS
) -> Iterator[tuple[str, Any]]:
    """Open each of `urls` in a new tab of `context`, up to `tabs` loading at once; yield
    (url, page) in the order given, each once it has reached `wait_until`, and close it after."""
    queue = iter(urls)
    loading: deque[tuple[str, Any]] = deque()

    def open_next(count: int) -> None:
        for url in islice(queue, count):
            page = context.new_page()
            page.goto(url, wait_until="commit")
            loading.append((url, page))

    open_next(tabs)
    while loading:
        url, page = loading.popleft()
        page.wait_for_load_state(wait_until)
        yield url, page
        page.close()
        open_next(1)
