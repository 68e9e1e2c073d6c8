"""Find an organisation in Chromium: filters, text search, the URL, Back, no JavaScript, axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.deploy.csp import HTML_CACHE
from hub.deploy.netlify import headers_for, parse_headers
from hub.dev.preview import serve_static
from hub.dev.synthetic import directory_with_extra
from hub.directory.organisations import Organisation, covered_regions, load_organisations
from tests.browser.axe import axe_violations
from tests.conftest import build_site
from tests.project import PROJECT, VOCAB

pytestmark = pytest.mark.browser

ORGS = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
SHOWN = "() => [...document.querySelectorAll('li.hub-org')].map(li => li.querySelector('h2').id)"
MOBILE = {"width": 412, "height": 823}  # Lighthouse's phone


def expected(q: str = "", **filters: str) -> list[str]:
    """Ids of the list items a visitor should see for this filter state."""

    def matches(org: Organisation) -> bool:
        values = {
            "region": covered_regions(org, VOCAB["regions"]),
            "support": org.support,
            "element": org.elements,
            "type": [org.kind],
        }
        text = " ".join([org.name, org.summary, *org.sectors]).lower()
        return all(v in values[k] for k, v in filters.items()) and all(w in text for w in q.lower().split())

    return [f"org-{org.slug}" for org in ORGS if matches(org)]


def status_says(page, count: int) -> None:
    """Wait until the live region announces `count` results."""
    total = len(ORGS)
    text = (
        f"Showing all {total} organisations."
        if count == total
        else "No organisations match these filters."
        if count == 0
        else f"Showing {count} of {total} organisations."
    )
    page.wait_for_function("t => document.getElementById('hub-directory-status').textContent === t", arg=text)


def value_is(page, control: str, value: str) -> None:
    """Wait until the form control with id `control` holds `value`."""
    page.wait_for_function("([id, v]) => document.getElementById(id).value === v", arg=[control, value])


def open_directory(page, query: str = "") -> None:
    page.goto(f"organisations/{query}")
    page.wait_for_selector("#hub-filters[data-hub-live]")


def test_filter_by_region_includes_uk_wide_and_england(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-region", "north-west")
    want = expected(region="north-west")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want
    assert "org-upreach" in want and "org-making-the-leap" not in want  # UK-wide yes, London no
    assert page.url.endswith("organisations/?region=north-west")
    assert not page.errors


def test_filter_by_support(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-support", "apprenticeships")
    want = expected(support="apprenticeships")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want and 0 < len(want) < len(ORGS)


def test_filter_by_text(page) -> None:
    open_directory(page)
    page.fill("#hub-filter-search", "Accountancy")
    want = expected("accountancy")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want and 0 < len(want) < len(ORGS)
    assert page.url.endswith("?search=Accountancy")


def test_filters_combine(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-region", "scotland")
    page.select_option("#hub-filter-support", "apprenticeships")
    page.fill("#hub-filter-search", "scotland")
    want = expected("scotland", region="scotland", support="apprenticeships")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want == ["org-skills-development-scotland"]


def test_no_results_state_and_clear_all(page) -> None:
    open_directory(page)
    page.fill("#hub-filter-search", "zzzz no such organisation")
    status_says(page, 0)
    assert page.is_visible("#hub-directory-empty")
    page.click("#hub-directory-empty [data-hub-clear]")
    status_says(page, len(ORGS))
    assert page.evaluate("() => document.activeElement.id") == "hub-filter-search"
    assert page.input_value("#hub-filter-search") == ""
    assert page.url.endswith("/organisations/")


def test_a_shared_link_reproduces_the_view_and_back_restores_the_last(page) -> None:
    open_directory(page, "?support=mentoring&search=young")
    want = expected("young", support="mentoring")
    status_says(page, len(want))
    assert page.input_value("#hub-filter-support") == "mentoring"
    assert page.input_value("#hub-filter-search") == "young"
    assert page.evaluate(SHOWN) == want
    narrower = expected("young", support="mentoring", element="data")
    assert len(narrower) != len(want)  # else waiting on the status below would prove nothing
    page.select_option("#hub-filter-element", "data")
    status_says(page, len(narrower))
    page.go_back()
    # Back restores the view from the URL (a popstate): wait for it, then read.
    value_is(page, "hub-filter-element", "")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want
    assert page.url.endswith("?support=mentoring&search=young")
    page.go_forward()
    value_is(page, "hub-filter-element", "data")
    status_says(page, len(narrower))
    assert page.evaluate(SHOWN) == narrower


def test_unknown_values_in_the_link_are_ignored(page) -> None:
    open_directory(page, "?region=atlantis")
    status_says(page, len(ORGS))
    assert page.input_value("#hub-filter-region") == ""


def test_keyboard_alone_can_filter(page) -> None:
    open_directory(page)
    want = expected("mentoring")
    assert 0 < len(want) < len(ORGS)
    page.focus("#hub-filter-search")
    page.keyboard.type("mentoring")
    status_says(page, len(want))  # the count is announced 400 ms after the last key
    assert page.evaluate(SHOWN) == want
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "hub-filter-region"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-hub-clear')")
    page.keyboard.press("Enter")
    status_says(page, len(ORGS))
    assert page.input_value("#hub-filter-search") == ""
    assert page.evaluate(SHOWN) == expected()


def test_works_after_instant_navigation(page) -> None:
    page.goto("")
    page.click(".hub-home-directory a[href$='?support=outreach']")
    page.wait_for_selector("#hub-filters[data-hub-live]")
    want = expected(support="outreach")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want
    assert not page.errors


def test_without_javascript_the_list_shows_and_the_form_does_not(browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("organisations/?region=scotland")
    shown = page.locator("li.hub-org:visible").count()
    form_hidden = page.locator("#hub-filters").is_hidden()
    context.close()
    assert shown == len(ORGS)
    assert form_hidden


NEXT_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
# Record layout shifts as Lighthouse counts them (CLS): those not caused by recent input.
SHIFTS = """
window.__hubShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__hubShifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("viewport", [MOBILE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
@pytest.mark.parametrize("query", ["", "?region=london&support=mentoring"], ids=["all", "filtered"])
def test_nothing_moves_while_the_script_starts_or_filters(
    browser, site_url: str, viewport, query: str
) -> None:
    context = browser.new_context(base_url=site_url, viewport=viewport)
    context.add_init_script(SHIFTS)
    page = context.new_page()
    open_directory(page, query)
    filters = dict(p.split("=") for p in query.lstrip("?").split("&")) if query else {}
    status_says(page, len(expected(**filters)))
    loaded = page.evaluate("() => window.__hubShifts.slice()")
    # The first filter, typed as a visitor types it (real key presses, as input).
    page.focus("#hub-filter-search")
    page.keyboard.type("young")
    status_says(page, len(expected("young", **filters)))
    # A frame after the change, so any shift it caused has been reported.
    page.evaluate(NEXT_FRAMES)
    shifts = page.evaluate("() => window.__hubShifts.slice()")
    # Entries off screen are laid out as they come into view: scrolling down the list moves
    # nothing either (a scroll is not input that excuses a shift).
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight / 2)")
    page.evaluate(NEXT_FRAMES)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate(NEXT_FRAMES)
    scrolled = page.evaluate("() => window.__hubShifts")
    context.close()
    assert loaded == []
    assert shifts == []
    assert scrolled == []


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", len(ORGS)),
        ("?region=london&support=mentoring", len(expected(region="london", support="mentoring"))),
        ("?search=zzzz", 0),
    ],
    ids=["all", "filtered", "none"],
)
def test_axe_on_the_directory(page, query: str, count: int) -> None:
    open_directory(page, query)
    status_says(page, count)  # the view the link asks for, not the list as built
    assert not axe_violations(page)


def test_axe_on_an_organisation_page(page) -> None:
    page.goto(ORGS[0].url)
    assert not axe_violations(page)


BIG = 5000  # synthetic organisations added to the real ones


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    """One build with 5,000 synthetic organisations added to the real ones (about a minute)."""
    folder = tmp_path_factory.mktemp("orgs") / "organisations"
    directory_with_extra(folder, PROJECT.organisations, BIG, VOCAB)
    return build_site(tmp_path_factory.mktemp("big") / "site", {"HUB_ORGANISATIONS_DIR": str(folder)}).site


@pytest.fixture(scope="module")
def big_directory_url(big_site) -> Iterator[str]:
    """The 5,000-organisation build, served locally."""
    with serve_static(big_site) as url:
        yield url


def test_without_javascript_page_links_reach_every_organisation(
    browser, big_site, big_directory_url: str
) -> None:
    context = browser.new_context(base_url=big_directory_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("organisations/")
    reached: list[str] = []
    pages = 0
    while True:
        pages += 1
        reached += page.eval_on_selector_all("li.hub-org h2 a", "links => links.map(a => a.href)")
        following = page.locator("nav.hub-directory__pages a[rel=next]")
        if not following.count():
            break
        following.click()
    context.close()
    total = len(list((big_site / "organisations").glob("*/index.html")))  # page/<n>/ is deeper
    assert pages == -(-(BIG + len(ORGS)) // 100)
    assert len(reached) == len(set(reached)) == BIG + len(ORGS) == total
    assert all(url.startswith(big_directory_url + "organisations/") for url in reached)


def test_headers_do_not_grow_with_the_organisations(build, big_site) -> None:
    """Pages at every depth (organisation pages, the directory's page/<n>/) share one policy,
    so `_headers` has as many rules at 5,000 organisations as at the real 39."""
    real = parse_headers((build.site / "_headers").read_text(encoding="utf-8"))
    big = parse_headers((big_site / "_headers").read_text(encoding="utf-8"))
    assert [rule.pattern for rule in big] == [rule.pattern for rule in real]
    for path in ("/organisations/", "/organisations/page/2/", "/organisations/synthetic-00001/"):
        assert (big_site / path.strip("/") / "index.html").is_file(), path
        own = dict(headers_for(path, big[1:]))  # one page rule matches: nothing is joined
        assert own["Cache-Control"] == HTML_CACHE and "," not in own["Content-Security-Policy"], path


def test_filtering_5000_organisations_shows_a_page_at_a_time(browser, big_directory_url: str) -> None:
    context = browser.new_context(base_url=big_directory_url)
    page = context.new_page()
    open_directory(page)
    total = BIG + len(ORGS)
    shown = "() => document.querySelectorAll('li.hub-org').length"
    status = "() => document.getElementById('hub-directory-status').textContent"
    assert page.evaluate(status) == f"Showing 1 to 100 of {total} organisations."
    assert page.evaluate(shown) == 100 and page.is_visible("nav.hub-directory__pages")
    page.fill("#hub-filter-search", "synthetic organisation")
    page.wait_for_function(f"() => ({status})() === '{BIG} of {total} match; showing the first 100.'")
    assert page.evaluate(shown) == 100 and not page.is_visible("nav.hub-directory__pages")
    more = page.get_by_role("button", name="Show more organisations")
    more.click()
    page.wait_for_function(f"() => ({shown})() === 200")
    # Focus moves to the first entry the button added, so keyboard users carry on from there.
    index = (
        "() => [...document.querySelectorAll('li.hub-org')]"
        ".indexOf(document.activeElement.closest('li.hub-org'))"
    )
    assert page.evaluate(index) == 100
    # A narrower filter starts again from the first page of its own matches.
    page.fill("#hub-filter-search", "number-0000")  # synthetic organisations 0 to 9
    page.wait_for_function(f"() => ({status})() === 'Showing 10 of {total} organisations.'")
    assert page.evaluate(shown) == 10 and not more.is_visible()
    names = page.eval_on_selector_all("li.hub-org h2 a", "links => links.map(a => a.textContent)")
    assert names == [f"Synthetic organisation number-{n:05d}" for n in range(10)]
    # Clearing every filter puts the page as built back, page links and all.
    page.fill("#hub-filter-search", "")
    page.wait_for_function(f"() => ({status})() === 'Showing 1 to 100 of {total} organisations.'")
    assert page.evaluate(shown) == 100 and page.is_visible("nav.hub-directory__pages")
    context.close()
