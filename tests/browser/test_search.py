"""The site search in Chromium, against the built site: what it finds (the query table, group by
group, guidance first), that it costs nothing until it is opened, and that a keyboard alone
opens, moves, chooses, shows more and closes, with no axe violation."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator

import pytest

from hub.search.pages import GROUPS
from tests.browser.axe import axe_violations
from tests.browser.navigation import MARK_CONTAINER, NEW_CONTAINER
from tests.browser.search_table import EXCERPTS, QUERIES, SHOWN_GROUPS, check_row
from tests.conftest import collecting_page
from tests.project import ROOT

pytestmark = pytest.mark.browser

# Requests that belong to the search itself; only the opener (main.js) may load with a page.
SEARCH_ASSET = re.compile(r"/pagefind/|/javascripts/search/(?!main\.js$)|search_index\.json|workers/search")
OPENED = "() => document.getElementById('__search').checked"
FOCUSED_ID = "() => document.activeElement && document.activeElement.id"


def answered(page, query: str) -> list[str]:
    """Wait until the result list answers `query`; the results' paths, in order."""
    page.wait_for_function(
        "(q) => document.getElementById('hub-search-results').dataset.query === q", arg=query
    )
    return page.eval_on_selector_all(
        "#hub-search-results a.md-search-result__link", "links => links.map(a => new URL(a.href).pathname)"
    )


def ready(page, url: str) -> None:
    """Open `url` and wait until Material's bundle is running."""
    page.goto(url)
    page.wait_for_function("() => typeof document$ !== 'undefined'")


def search(page, query: str) -> list[str]:
    """Open the search with "/", type `query` a key at a time, and return the results' paths."""
    page.keyboard.press("/")
    page.wait_for_function(OPENED)
    page.keyboard.type(query)
    return answered(page, query)


URL = re.compile(r"https?://|www\.")


def test_the_page_shows_the_groups_the_build_files_pages_under_in_the_same_order() -> None:
    """logic.js's GROUPS (the order the page shows) are hub/search/pages.py's, id for id; the rest
    of logic.js is tested under Node (tests/js/search/logic.test.mjs)."""
    script = (
        "const m = await import('./docs/javascripts/search/logic.js');"
        "console.log(JSON.stringify(m.GROUPS.map(g => g.id)));"
    )
    proc = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert tuple(json.loads(proc.stdout)) == GROUPS


@pytest.fixture(scope="module")
def searching(browser, site_url: str) -> Iterator[object]:
    """One visitor with the search open, trying the table's queries one after another (the first
    row pays for Pagefind's start-up, as a visitor's first query does); errors on `errors`."""
    context = browser.new_context(base_url=site_url)
    page = collecting_page(context)
    ready(page, "about/")
    page.keyboard.press("/")
    page.wait_for_function(OPENED)
    yield page
    context.close()


@pytest.mark.parametrize(("query", "group", "expected"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_the_page_in_the_first_five_of_its_group(
    searching, query: str, group: str, expected: str
) -> None:
    page, errors_before = searching, len(searching.errors)
    page.fill("#hub-search-input", "")  # the last row's query goes; the box keeps the focus
    page.keyboard.type(query)
    answered(page, query)
    shown = page.evaluate(SHOWN_GROUPS)
    order = [name for name, _ in shown]
    assert order == [name for name in GROUPS if name in order]  # guidance first, and so on
    assert check_row(shown, query, group, expected) == ""
    assert not [text for text in page.evaluate(EXCERPTS) if URL.search(text)]  # never a source's address
    assert page.errors[errors_before:] == []


def test_groups_show_their_best_five_and_more_on_request(page) -> None:
    ready(page, "about/")
    search(page, "employers")
    groups = page.locator("#hub-search-results section.hub-search-group")
    guidance = groups.first
    assert guidance.locator("h2").inner_text().startswith("Guidance (")
    total = int(re.search(r"\((\d+) results\)", guidance.locator("h2").inner_text())[1])
    assert total > 5, "the real site has more than five guidance pages about employers"
    assert guidance.locator("a.md-search-result__link").count() == 5
    more = guidance.locator("button.hub-search-more")
    assert more.inner_text() == f"Show {min(10, total - 5)} more in Guidance ({total - 5} not shown)"
    # By keyboard: the arrow keys reach the button after the group's five results; Enter presses it.
    for _ in range(6):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.classList.contains('hub-search-more')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(n) => document.querySelectorAll('#hub-search-results section')[0]"
        ".querySelectorAll('a.md-search-result__link').length === n",
        arg=min(15, total),
    )
    # Focus moves to the first result the button added, so a keyboard user carries on from there.
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('#hub-search-results section')[0].querySelectorAll('a')]"
            ".indexOf(document.activeElement)"
        )
        == 5
    )
    if total <= 15:
        assert more.count() == 0  # all shown: the button has gone
    status = page.text_content("#hub-search-status").strip()
    assert re.fullmatch(r"[\d,]+ results: \d+ in Guidance(, [\d,]+ in [A-Za-z ]+)*", status), status
    assert page.errors == []


def test_matched_words_are_highlighted_not_styled_as_links(page) -> None:
    ready(page, "about/")
    search(page, "pay gap")
    mark = page.locator("#hub-search-results mark").first
    style = mark.evaluate(
        "m => { const s = getComputedStyle(m);"
        " const link = getComputedStyle(document.querySelector('.md-content a'));"
        " return [s.textDecorationLine, s.backgroundColor, s.color !== link.color]; }"
    )
    assert style[0] == "none" and style[1] not in ("rgba(0, 0, 0, 0)", "transparent") and style[2], style


def test_nothing_of_the_search_loads_until_it_is_opened(page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    ready(page, "strategy/data/measuring/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if SEARCH_ASSET.search(url)] == []
    assert any(url.endswith("/javascripts/search/main.js") for url in requests)
    opened_at = len(requests)

    found = search(page, "mentoring")
    assert found and page.locator("#hub-search-results mark").count() > 0
    after = requests[opened_at:]
    assert any("/pagefind/pagefind.js" in url for url in after)
    assert not [url for url in after if "search_index.json" in url or "workers/search" in url]
    status = page.text_content("#hub-search-status").strip()
    assert re.fullmatch(r"[\d,]+ results?: .+", status), status

    page.keyboard.press("Enter")  # in the box: the first result
    page.wait_for_url(f"**{found[0]}")
    assert not page.evaluate(OPENED)
    assert page.errors == []


def test_keyboard_alone_opens_moves_chooses_and_closes(page) -> None:
    ready(page, "strategy/culture/")
    found = search(page, "mentoring")
    assert len(found) >= 3
    assert page.evaluate(FOCUSED_ID) == "hub-search-input"

    def focused_result() -> str:
        return page.evaluate("() => new URL(document.activeElement.href || location.origin).pathname")

    page.keyboard.press("ArrowDown")
    assert focused_result() == found[0]
    page.keyboard.press("ArrowDown")
    assert focused_result() == found[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED_ID) == "hub-search-input"
    page.keyboard.press("ArrowUp")  # from the box, round to the last result or "Show more" button
    assert page.evaluate(
        "() => document.activeElement === [...document.querySelectorAll("
        "'#hub-search-results a.md-search-result__link, #hub-search-results button.hub-search-more')].pop()"
    )

    page.keyboard.press("Escape")
    assert not page.evaluate(OPENED)
    assert page.evaluate("() => !document.activeElement.closest('[data-hub-search]')")

    # "s" opens it again, with the same query and results; a result is chosen with Enter.
    page.keyboard.press("s")
    page.wait_for_function(OPENED)
    assert page.evaluate(FOCUSED_ID) == "hub-search-input"
    assert page.input_value("#hub-search-input") == "mentoring"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.evaluate(MARK_CONTAINER)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{found[1]}")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    # The address changes at the click; the page arrives later, and its arrival closes the
    # search (dialog.js), so a search opened before then would be closed under the test.
    page.wait_for_function(NEW_CONTAINER)

    # After Material's instant navigation the search still works, on the new page.
    assert search(page, "board agenda")[0] == "/strategy/culture/"
    assert page.errors == []


def test_escape_returns_focus_to_where_it_was(page) -> None:
    ready(page, "strategy/culture/")
    page.focus(".md-content a[href]")
    page.evaluate("() => { window.__hubBefore = document.activeElement; }")
    page.keyboard.press("/")
    page.wait_for_function(OPENED)
    page.keyboard.press("Escape")
    assert not page.evaluate(OPENED)
    assert page.evaluate("() => document.activeElement === window.__hubBefore")


def test_typing_in_a_form_field_does_not_open_the_search(page) -> None:
    ready(page, "organisations/")
    page.focus("#hub-filter-search")
    page.keyboard.type("s/")
    assert not page.evaluate(OPENED)
    assert page.input_value("#hub-filter-search") == "s/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_the_search_open_and_with_results(page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # the palette follows the system's on a first visit
    ready(page, "strategy/data/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == (
        "slate" if scheme == "dark" else "default"
    )
    page.keyboard.press("/")
    page.wait_for_function(OPENED)
    answered(page, "")
    assert axe_violations(page) == []
    page.keyboard.type("pay gap")
    assert answered(page, "pay gap")
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    assert axe_violations(page) == []
    page.fill("#hub-search-input", "zzzzqqqq")
    assert answered(page, "zzzzqqqq") == []
    assert page.text_content("#hub-search-status").strip() == "No matching documents"
    assert axe_violations(page) == []


MARKS = "() => [...document.querySelectorAll('article mark.pagefind-highlight')].map(m => m.textContent)"


EMPTY_SITEMAP = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'


@pytest.mark.parametrize("arrival", ["instant navigation", "full load"])
def test_the_chosen_page_marks_the_query_words_in_its_content(page, arrival: str) -> None:
    """As Material's search did: the words searched for are marked on the page a result opens,
    in its content only, and only when it was opened from a result. The words never go over
    the network: the address carries no query, and no request names them."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    if arrival == "full load":  # a sitemap listing no page: Material's instant navigation stands aside
        page.route(
            "**/sitemap.xml", lambda route: route.fulfill(content_type="application/xml", body=EMPTY_SITEMAP)
        )
    ready(page, "about/")
    page.evaluate("() => { window.__hubSameDocument = true; }")
    assert search(page, "board agenda")[0] == "/strategy/culture/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/strategy/culture/")
    page.wait_for_function(f"() => ({MARKS})().length > 0")
    same_document = page.evaluate("() => window.__hubSameDocument === true")
    assert same_document == (arrival == "instant navigation")
    assert {word.lower() for word in page.evaluate(MARKS)} == {"board", "agenda"}
    assert page.locator("mark.pagefind-highlight").count() == len(page.evaluate(MARKS))  # none outside
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('article mark.pagefind-highlight')).backgroundColor"
    ) not in ("rgba(0, 0, 0, 0)", "transparent")
    assert any(url.endswith("/pagefind/pagefind-highlight.js") for url in requests)
    assert not [url for url in requests if "board" in url.lower() or "agenda" in url.lower()]
    assert not axe_violations(page)  # the marks' colours included
    # Once: the page opened again is not marked.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(MARKS) == []
    assert page.errors == []


def test_a_page_opened_without_a_search_marks_nothing_and_loads_no_highlighter(page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    ready(page, "strategy/culture/")
    page.wait_for_load_state("networkidle")
    assert page.locator("mark.pagefind-highlight").count() == 0
    assert not [url for url in requests if "highlight" in url]
