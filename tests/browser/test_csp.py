"""Every page type under the production headers, in Chromium: no CSP violation, no error."""

from __future__ import annotations

import pytest

from tests.browser.csp import violations

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "guidance": "strategy/data/measuring/",
    "strategy": "strategy/",
    "blog index": "blog/",
    "post": "blog/2026/12/05/masterclass-2020-hiring/",
    "category": "blog/category/masterclasses/",
    "directory filtered": "organisations/?region=north-west&support=mentoring",
    "organisation": "organisations/upreach/",
    "news": "news/",
    "about": "about/",
    "404": "no-such-page/",
}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_loads_with_no_csp_violation_or_console_error(strict_page, name: str) -> None:
    response = strict_page.goto(PAGE_TYPES[name])
    if name == "404":
        # No header rule reaches an unknown address: the 404 page brings its policy in a <meta>.
        assert "content-security-policy" not in response.headers
        assert strict_page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    else:
        assert "content-security-policy" in response.headers
    # Material's inline scripts ran (they define __md_scope) and so did its bundle (document$).
    strict_page.wait_for_function(
        "() => typeof __md_scope !== 'undefined' && typeof document$ !== 'undefined'"
    )
    found = violations(strict_page)
    if name == "404":
        assert response.status == 404
        # The browser logs the document's own 404 status; nothing else may appear.
        found.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert found == []
    # The policy holds, wherever it came from: a script the page did not ship does not run.
    strict_page.evaluate(
        "() => document.head.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__injected = true'}))"
    )
    assert strict_page.evaluate("() => window.__injected") is None
    assert strict_page.evaluate("() => window.__cspViolations") == ["script-src-elem blocked inline"]


# Search on every kind of page: Pagefind's WebAssembly ('wasm-unsafe-eval'), its worker, the
# index chunks it fetches and the results it draws must all pass each page's own policy.
SEARCH_PAGES = ["home", "guidance", "post", "category", "organisation", "news", "404"]


@pytest.mark.parametrize("name", SEARCH_PAGES)
def test_site_search_works_under_the_policy(strict_page, name: str) -> None:
    response = strict_page.goto(PAGE_TYPES[name])
    # One policy, the page's own (in a <meta> at an unknown address): Pagefind's WebAssembly
    # needs 'wasm-unsafe-eval', and nothing has 'unsafe-eval'.
    value = response.headers.get("content-security-policy") or strict_page.get_attribute(
        "meta[http-equiv='Content-Security-Policy']", "content"
    )
    assert "," not in value and "'wasm-unsafe-eval'" in value.split() and "'unsafe-eval'" not in value
    strict_page.wait_for_function("() => typeof document$ !== 'undefined'")
    strict_page.keyboard.press("/")
    strict_page.keyboard.type("mentoring")
    strict_page.wait_for_function(
        "() => document.getElementById('hub-search-results').dataset.query === 'mentoring'"
    )
    assert strict_page.locator("#hub-search-results .md-search-result__item").count() > 0
    found = violations(strict_page)
    if name == "404":
        found.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert found == []


def test_a_chosen_result_keeps_the_policy(strict_page) -> None:
    strict_page.goto(PAGE_TYPES["guidance"])
    strict_page.wait_for_function("() => typeof document$ !== 'undefined'")
    strict_page.keyboard.press("/")
    strict_page.keyboard.type("upReach")
    strict_page.wait_for_function(
        "() => document.getElementById('hub-search-results').dataset.query === 'upReach'"
    )
    strict_page.keyboard.press("Enter")
    strict_page.wait_for_url("**/organisations/upreach/")
    # The chosen page marks the word it was found by, under the same policy.
    strict_page.wait_for_function("() => document.querySelector('article mark.pagefind-highlight') !== null")
    assert violations(strict_page) == []


def test_instant_navigation_keeps_the_policy(strict_page) -> None:
    strict_page.goto("")
    strict_page.evaluate("() => { window.__hubSameDocument = true; }")
    strict_page.locator(".hub-elements a").first.click()
    strict_page.wait_for_url("**/strategy/data/")
    strict_page.wait_for_function("() => document.querySelector('h1').textContent.includes('data')")
    # Instant navigation did take the click, as on the host (the preview's sitemap lists
    # pages on its own origin): the document, and the flag set on it, are still there.
    assert strict_page.evaluate("() => window.__hubSameDocument === true")
    assert violations(strict_page) == []


def test_directory_filter_works_under_the_policy(strict_page) -> None:
    strict_page.goto("organisations/")
    strict_page.wait_for_selector("#hub-filters[data-hub-live]")  # the script has started
    total = strict_page.locator("li.hub-org").count()
    strict_page.select_option("#hub-filter-support", "apprenticeships")
    strict_page.wait_for_url("**/organisations/?support=apprenticeships")
    # The URL changes at once; the list changes once the filter data has come (fetched on use).
    strict_page.wait_for_function(
        "(total) => { const n = document.querySelectorAll('li.hub-org:not([hidden])').length;"
        " return 0 < n && n < total; }",
        arg=total,
    )
    assert violations(strict_page) == []


def test_structured_data_causes_no_report(strict_page) -> None:
    response = strict_page.goto("organisations/upreach/")
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in response.headers["content-security-policy"]
    assert strict_page.locator('script[type="application/ld+json"]').count() == 1
    strict_page.wait_for_function("() => typeof document$ !== 'undefined'")
    assert violations(strict_page) == []
