"""The search's query table on the large site: 1,000 posts (each quoting a guidance query's
words) and 5,000 organisations added to the real site. Every row must hold, as it does on the
real site (tests/browser/test_search.py), and the groups come in their order.

The large site (`large_site`, tests/conftest.py) is built once a session, beside the other
tests, and shared with the directory's tests at that size.
"""

from __future__ import annotations

import re

import pytest

from hub.search.pages import GROUPS
from tests.browser.search_table import EXCERPTS, QUERIES, SHOWN_GROUPS, check_row

pytestmark = pytest.mark.browser

URL = re.compile(r"https?://|www\.")


def test_every_row_of_the_query_table_holds_on_the_large_site(browser, large_url: str) -> None:
    context = browser.new_context(base_url=large_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("about/")
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.keyboard.press("/")
    failed, excerpts_with_urls = [], []
    for query, group, expected in QUERIES:
        page.fill("#hub-search-input", query)
        page.wait_for_function(
            "(q) => document.getElementById('hub-search-results').dataset.query === q",
            arg=query,
            timeout=60_000,
        )
        shown = page.evaluate(SHOWN_GROUPS)
        order = [name for name, _ in shown]
        assert order == [name for name in GROUPS if name in order], (query, order)
        if problem := check_row(shown, query, group, expected):
            failed.append(problem)
        # The directory's further pages (organisations/page/2/, …) list organisations: never a result.
        failed += [
            f"{query!r}: a listing, {path}" for _, paths in shown for path in paths if "/page/" in path
        ]
        excerpts_with_urls += [(query, text) for text in page.evaluate(EXCERPTS) if URL.search(text)]
    context.close()
    assert failed == []
    assert excerpts_with_urls == []
    assert errors == []
