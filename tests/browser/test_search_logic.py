"""The search's pure functions (docs/javascripts/search/logic.js), run in Chromium.

Each test imports the module into a page of the served site and calls it directly, so the
code under test is the file the site ships, in the browser that runs it.
"""

from __future__ import annotations

from typing import Any

import pytest

from hub.search.pages import GROUPS

pytestmark = pytest.mark.browser


def call(page: Any, name: str, *args: Any) -> Any:
    """Call logic.js's exported `name` with `args` (JSON values) in the page."""
    script = "async ([name, args]) => (await import('/javascripts/search/logic.js'))[name](...args)"
    return page.evaluate(script, [name, list(args)])


@pytest.fixture
def logic_page(page: Any) -> Any:
    page.goto("about/")
    return page


@pytest.mark.parametrize(
    ("excerpt", "runs"),
    [
        ("plain text", [{"text": "plain text", "marked": False}]),
        (
            "the <mark>pay</mark> <mark>gap</mark>.",
            [
                {"text": "the ", "marked": False},
                {"text": "pay", "marked": True},
                {"text": " ", "marked": False},
                {"text": "gap", "marked": True},
                {"text": ".", "marked": False},
            ],
        ),
        # Escaped text stays text: the page builds text nodes, never HTML, from these runs.
        (
            "&lt;script&gt;x&lt;/script&gt; &amp; <mark>&quot;tea&quot;</mark>",
            [{"text": "<script>x</script> & ", "marked": False}, {"text": '"tea"', "marked": True}],
        ),
        ("", []),
    ],
)
def test_excerpt_runs(logic_page: Any, excerpt: str, runs: list) -> None:
    assert call(logic_page, "excerptRuns", excerpt) == runs


G, N, ORGS = "Guidance", "News and case studies", "Organisations"


@pytest.mark.parametrize(
    ("groups", "text"),
    [
        ([{"label": G, "total": 0}, {"label": N, "total": 0}], "No matching documents"),
        ([{"label": G, "total": 1}, {"label": N, "total": 0}], "1 result: 1 in Guidance"),
        (
            [{"label": G, "total": 3}, {"label": N, "total": 0}, {"label": ORGS, "total": 4512}],
            "4,515 results: 3 in Guidance, 4,512 in Organisations",
        ),
    ],
)
def test_count_text(logic_page: Any, groups: list, text: str) -> None:
    assert call(logic_page, "countText", groups) == text


@pytest.mark.parametrize(
    ("shown", "total", "text"),
    [
        (5, 5, ""),  # all shown: no button
        (5, 7, "Show 2 more in Guidance (2 not shown)"),
        (5, 42, "Show 10 more in Guidance (37 not shown)"),
        (15, 42, "Show 10 more in Guidance (27 not shown)"),
    ],
)
def test_more_text(logic_page: Any, shown: int, total: int, text: str) -> None:
    assert call(logic_page, "moreText", G, shown, total) == text


def test_group_heading(logic_page: Any) -> None:
    assert call(logic_page, "groupHeading", N, 1) == "News and case studies (1 result)"
    assert call(logic_page, "groupHeading", ORGS, 1200) == "Organisations (1,200 results)"


def test_groups_are_the_ones_the_build_files_pages_under_in_the_same_order(logic_page: Any) -> None:
    ids = logic_page.evaluate(
        "async () => (await import('/javascripts/search/logic.js')).GROUPS.map(g => g.id)"
    )
    assert tuple(ids) == GROUPS


@pytest.mark.parametrize(
    ("current", "length", "step", "next_"),
    [
        (-1, 3, 1, 0),  # from the box to the first result
        (0, 3, 1, 1),
        (2, 3, 1, -1),  # past the last: back to the box
        (-1, 3, -1, 2),  # up from the box: the last result
        (0, 3, -1, -1),
        (-1, 0, 1, -1),  # no results: focus stays in the box
    ],
)
def test_next_position(logic_page: Any, current: int, length: int, step: int, next_: int) -> None:
    assert call(logic_page, "nextPosition", current, length, step) == next_


def test_normalise_and_bundle_urls(logic_page: Any) -> None:
    assert call(logic_page, "normalise", "  pay   gap \n") == "pay gap"
    urls = logic_page.evaluate(
        "async () => { const m = await import('/javascripts/search/logic.js');"
        " const u = m.bundleUrls(new URL('/javascripts/search/dialog.js', location.href));"
        " return [u.root.pathname, u.pagefind.pathname, u.highlight.pathname]; }"
    )
    assert urls == ["/", "/pagefind/pagefind.js", "/pagefind/pagefind-highlight.js"]
