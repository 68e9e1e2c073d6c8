"""Find an organisation in Chromium: filters, text search, the URL, Back, no JavaScript, axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hub.dev.preview import serve_static
from hub.dev.synthetic import directory_with_extra
from hub.directory.organisations import Organisation, covered_regions, load_organisations
from tests.browser.axe import axe_violations
from tests.conftest import build_site
from tests.project import PROJECT, VOCAB

pytestmark = pytest.mark.browser

ORGS = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
SHOWN = (
    "() => [...document.querySelectorAll('li.hub-org')]"
    ".filter(li => !li.hidden).map(li => li.querySelector('h2').id)"
)


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
    page.wait_for_selector("#hub-filters:not([hidden])")


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
    # `search`, not `q`: Material opens its site search dialog for a `q` in the URL.
    assert not page.evaluate("() => document.querySelector('[data-md-toggle=search]').checked")
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
    page.wait_for_selector("#hub-filters:not([hidden])")
    want = expected(support="outreach")
    status_says(page, len(want))
    assert page.evaluate(SHOWN) == want
    assert not page.errors


def test_without_javascript_the_full_list_shows(browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("organisations/?region=scotland")
    shown = page.locator("li.hub-org:visible").count()
    form_hidden = page.locator("#hub-filters").is_hidden()
    context.close()
    assert shown == len(ORGS)
    assert form_hidden


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


@pytest.fixture(scope="module")
def big_directory_url(browser, tmp_path_factory) -> Iterator[str]:
    """A build with 250 organisations (the real ones plus synthetic ones), served locally."""
    folder = tmp_path_factory.mktemp("orgs") / "organisations"
    directory_with_extra(folder, PROJECT.organisations, 250 - len(ORGS), VOCAB)
    built = build_site(tmp_path_factory.mktemp("big") / "site", {"HUB_ORGANISATIONS_DIR": str(folder)})
    with serve_static(built.site) as url:
        yield url


def test_long_results_show_a_page_at_a_time(browser, big_directory_url: str) -> None:
    context = browser.new_context(base_url=big_directory_url)
    page = context.new_page()
    open_directory(page)
    shown = "() => [...document.querySelectorAll('li.hub-org')].filter(li => !li.hidden).length"
    status = "() => document.getElementById('hub-directory-status').textContent"
    page.wait_for_function(
        "() => document.getElementById('hub-directory-status').textContent.includes('first')"
    )
    assert page.evaluate(shown) == 100
    assert page.evaluate(status) == "250 of 250 organisations match; showing the first 100."
    more = page.get_by_role("button", name="Show more organisations")
    more.click()
    page.wait_for_function(f"() => ({shown})() === 200")
    # Focus moves to the first entry the button added, so keyboard users carry on from there.
    focused = page.evaluate("() => document.activeElement.closest('li.hub-org')")
    assert focused is not None
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('li.hub-org')].filter(li => !li.hidden)"
            ".indexOf(document.activeElement.closest('li.hub-org'))"
        )
        == 100
    )
    more.click()
    page.wait_for_function(f"() => ({shown})() === 250")
    assert not more.is_visible()
    # A narrower filter starts again from the first page of its own matches.
    page.fill("#hub-filter-search", "number-0000")  # synthetic organisations 0 to 9
    page.wait_for_function(f"() => ({shown})() === 10")
    page.wait_for_function(f"() => ({status})() === 'Showing 10 of 250 organisations.'")
    context.close()
