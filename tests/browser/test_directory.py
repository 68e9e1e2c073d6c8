"""Find an organisation in Chromium: filters, text search, the URL, Back, no JavaScript, axe."""

from __future__ import annotations

import pytest

from hub.deploy.headers import HTML_CACHE
from hub.deploy.netlify import headers_for, parse_headers
from hub.dev.scratch import LARGE_ORGANISATIONS
from hub.directory.load import load_organisations
from hub.directory.model import Organisation
from hub.directory.regions import areas_around, works_across, works_in
from tests.browser.axe import axe_violations
from tests.project import PROJECT, VOCAB

pytestmark = pytest.mark.browser

ORGS = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
REGIONS = VOCAB["regions"]
SLUGS = "() => [...document.querySelectorAll('{}')].map(li => li.querySelector('h3').id.slice(4))"
NEAR = SLUGS.format("#hub-orgs li.hub-org")
WIDER = SLUGS.format("#hub-orgs-wider li.hub-org")
SHOWN = SLUGS.format("li.hub-org")
MOBILE = {"width": 412, "height": 823}  # Lighthouse's phone
FILTERS = ("region", "stage", "support", "element", "type")


def filtered(**filters: str) -> tuple[list[str], list[str]]:
    """Slugs a visitor should see for these filters (no words): those that work in the chosen
    region, then those that work there as part of wider work, each in the directory's order."""

    def keeps(org: Organisation) -> bool:
        values = {"stage": org.stages, "support": org.support, "element": org.elements, "type": [org.kind]}
        return all(v in values[k] for k, v in filters.items() if k != "region")

    region = filters.get("region")
    kept = [org for org in ORGS if keeps(org)]
    if not region:
        return [org.slug for org in kept], []
    near = [org.slug for org in kept if region in works_in(org, REGIONS)]
    wider = [org.slug for org in kept if region in works_across(org, REGIONS)]
    return near, wider


def status_text(near: int, wider: int = 0, region: str = "") -> str:
    """What the status line says of these counts, as docs/javascripts/directory/logic.js words it."""
    total, count = len(ORGS), near + wider
    if count == 0:
        return "No organisations match these filters."
    if not region:
        return (
            f"Showing all {total} organisations."
            if count == total
            else f"Showing {count} of {total} organisations."
        )
    place = next(term for term in REGIONS if term.id == region).in_words
    around = " or ".join(
        next(t for t in REGIONS if t.id == a).in_words for a in areas_around(region, REGIONS)
    )
    split = f"{near} in {place}, {wider} across {around}" if near else f"all across {around}"
    return f"Showing {count} of {total} organisations: {split}."


def status_says(page, text: str) -> None:
    """Wait until the live region says `text`."""
    page.wait_for_function("t => document.getElementById('hub-directory-status').textContent === t", arg=text)


def shows(page, **filters: str) -> tuple[list[str], list[str]]:
    """Wait for the view these filters (no words) ask for; return what the two lists show."""
    near, wider = filtered(**filters)
    status_says(page, status_text(len(near), len(wider), filters.get("region", "")))
    return page.evaluate(NEAR), page.evaluate(WIDER)


def shown_again(page, lists: tuple[list[str], list[str]], **filters: str) -> None:
    """Wait until one document's status and both lists show `lists`, the view these filters
    ask for (after Back or Forward, when the page may be swapped for a new copy)."""
    near, wider = filtered(**filters)
    assert (near, wider) == lists
    status = status_text(len(near), len(wider), filters.get("region", ""))
    page.wait_for_function(
        f"([t, near, wider]) => document.getElementById('hub-directory-status').textContent === t"
        f" && JSON.stringify(({NEAR})()) === JSON.stringify(near)"
        f" && JSON.stringify(({WIDER})()) === JSON.stringify(wider)",
        arg=[status, near, wider],
    )


def value_is(page, control: str, value: str) -> None:
    """Wait until the form control with id `control` holds `value`."""
    page.wait_for_function("([id, v]) => document.getElementById(id).value === v", arg=[control, value])


def open_directory(page, query: str = "") -> None:
    page.goto(f"organisations/{query}")
    page.wait_for_selector("#hub-filters[data-hub-live]")


def visible_text(page, selector: str) -> str:
    """The text of `selector` if it is shown, else ""."""
    locator = page.locator(selector)
    return locator.inner_text() if locator.is_visible() else ""


def test_the_partnerships_lead_finds_mentoring_in_the_north_east_local_first(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-region", "north-east")
    page.select_option("#hub-filter-support", "mentoring")
    near, wider = shows(page, region="north-east", support="mentoring")
    assert (near, wider) == filtered(region="north-east", support="mentoring")
    assert near == ["groundwork-north-east-and-cumbria"] and "upreach" in wider
    assert visible_text(page, "#hub-directory-here") == "Working in the North East"
    assert visible_text(page, "#hub-directory-wider") == "Working across England or the whole UK"
    assert visible_text(page, "#hub-directory-none-here") == ""
    # Each national one says it works across England or the UK, never a region far away.
    facts = page.eval_on_selector_all("#hub-orgs-wider .hub-org__facts", "ps => ps.map(p => p.textContent)")
    assert facts and all(f.endswith(("UK-wide", "England (all regions)")) for f in facts)
    assert page.url.endswith("organisations/?region=north-east&support=mentoring")
    assert not page.errors


def test_with_none_there_the_page_says_so_plainly_then_lists_the_national_ones(page) -> None:
    open_directory(page, "?region=wales&support=mentoring")
    near, wider = shows(page, region="wales", support="mentoring")
    assert near == [] and wider
    assert visible_text(page, "#hub-directory-here") == ""
    assert visible_text(page, "#hub-directory-none-here") == (
        "None of the organisations that match your other filters works specifically in Wales. "
        "The ones below work across the whole UK, which includes Wales."
    )
    assert visible_text(page, "#hub-directory-wider") == "Working across the whole UK"


def test_the_hiring_stage_in_the_north_east(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-stage", "hiring")
    page.select_option("#hub-filter-region", "north-east")
    near, wider = shows(page, region="north-east", stage="hiring")
    assert near == ["groundwork-north-east-and-cumbria", "newcastle-united-foundation"]
    assert "apprenticeships-gov-uk" in wider and "ablaze" not in wider + near
    assert page.url.endswith("?region=north-east&stage=hiring")


def test_a_stage_alone_filters_and_goes_in_the_link(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-stage", "progression")
    near, wider = shows(page, stage="progression")
    assert near == filtered(stage="progression")[0] and wider == [] and 0 < len(near) < len(ORGS)
    assert page.url.endswith("organisations/?stage=progression")
    assert visible_text(page, "#hub-directory-here") == "Matching organisations"


# The search cases: words and filters -> the organisations that work there, then those that
# work there as part of wider work. Word forms, case, accents, tags (types of support),
# regions and places all count.
MENTORING = [
    "ablaze",
    "ahead-partnership",
    "brightside",
    "career-ready",
    "cxk",
    "ey-foundation",
    "generating-genius",
    "groundwork-north-east-and-cumbria",
    "intouniversity",
    "leadership-through-sport-and-business",
    "making-the-leap",
    "mcr-pathways",
    "seo-london",
    "social-mobility-business-partnership",
    "social-mobility-foundation",
    "the-access-project",
    "the-brokerage",
    "upreach",
    "zero-gravity",
]
RECRUITMENT = [
    "apprenticeships-gov-uk",
    "aspiring-solicitors",
    "careers-wales",
    "greater-manchester-good-employment-charter",
    "groundwork-north-east-and-cumbria",
    "institute-of-student-employers",
    "leadership-through-sport-and-business",
    "movement-to-work",
    "rare-recruitment",
    "seo-london",
    "skills-development-scotland",
    "bridge-group",
    "the-brokerage",
    "kings-trust",
    "twenty-twenty",
    "upreach",
    "youth-employment-uk",
    "zero-gravity",
]
SEARCHES = [
    ("mentor", {}, MENTORING, []),
    ("mentoring", {}, MENTORING, []),
    ("Mentors", {}, MENTORING, []),
    ("recruit", {}, RECRUITMENT, []),
    ("recruitment", {}, RECRUITMENT, []),  # SEO London, upReach, Zero Gravity: by their tag
    ("north east", {}, ["groundwork-north-east-and-cumbria", "newcastle-united-foundation"], []),
    ("Newcastle", {}, ["groundwork-north-east-and-cumbria", "newcastle-united-foundation"], []),
    ("greater manchester", {}, ["greater-manchester-good-employment-charter"], []),
    ("leeds", {}, ["ahead-partnership"], []),
    ("care experienced", {}, ["mcr-pathways"], []),
    ("KINGS TRUST", {}, ["kings-trust"], []),
    (
        "legal",
        {},
        [
            "aspiring-solicitors",
            "prime",
            "rare-recruitment",
            "seo-london",
            "social-mobility-business-partnership",
        ],
        [],
    ),
    ("apprenticeships", {"region": "scotland"}, ["skills-development-scotland"], []),
    (
        "apprentice",
        {"region": "east-midlands"},
        ["derby-promise"],
        ["amazing-apprenticeships", "apprenticeships-gov-uk"],
    ),
    (
        "mentoring",
        {"region": "south-west"},
        ["ablaze"],
        filtered(region="south-west", support="mentoring")[1],
    ),
    (
        "mentoring",
        {"region": "north-east", "stage": "hiring"},
        ["groundwork-north-east-and-cumbria"],
        ["seo-london", "upreach", "zero-gravity"],
    ),
]


@pytest.mark.parametrize(
    ("words", "filters", "near", "wider"), SEARCHES, ids=[f"{w!r} {f}" for w, f, _, _ in SEARCHES]
)
def test_search_cases(page, words: str, filters: dict[str, str], near: list[str], wider: list[str]) -> None:
    query = "&".join(f"{name}={value}" for name, value in filters.items())
    open_directory(page, f"?{query}" if query else "")
    page.fill("#hub-filter-search", words)
    status_says(page, status_text(len(near), len(wider), filters.get("region", "")))
    assert (page.evaluate(NEAR), page.evaluate(WIDER)) == (near, wider)


def test_accents_and_case_do_not_matter(page) -> None:
    open_directory(page)
    page.fill("#hub-filter-search", "MCR PÁTHWAYS")
    status_says(page, status_text(1))
    assert page.evaluate(SHOWN) == ["mcr-pathways"]


def test_one_no_results_message_with_one_way_out(page) -> None:
    open_directory(page, "?region=north-east")
    page.fill("#hub-filter-search", "zzzz no such organisation")
    status_says(page, "No organisations match these filters.")
    body = page.locator("article").inner_text()
    assert body.count("No organisations match") == 1
    buttons = page.get_by_role("button", name="Clear all filters")
    assert buttons.count() == 1  # the form's own is hidden while the message offers its own
    for heading in ("#hub-directory-here", "#hub-directory-wider", "#hub-directory-none-here"):
        assert not page.locator(heading).is_visible()
    buttons.click()
    status_says(page, status_text(len(ORGS)))
    assert page.evaluate("() => document.activeElement.id") == "hub-filter-search"
    assert page.input_value("#hub-filter-region") == ""
    assert page.url.endswith("/organisations/")
    assert page.get_by_role("button", name="Clear all filters").count() == 1  # the form's, back


def test_filters_survive_the_round_trip_through_an_organisation_page(page) -> None:
    open_directory(page)
    page.select_option("#hub-filter-region", "north-east")
    page.fill("#hub-filter-search", "mentoring")
    status_says(page, status_text(1, 11, "north-east"))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.click("#org-groundwork-north-east-and-cumbria a")
    page.wait_for_selector("h1#groundwork-north-east-and-cumbria")
    page.get_by_role("link", name="All organisations").click()
    page.wait_for_selector("#hub-filters[data-hub-live]")
    status_says(page, status_text(1, 11, "north-east"))
    assert page.input_value("#hub-filter-search") == "mentoring"
    assert page.input_value("#hub-filter-region") == "north-east"
    assert page.url.endswith("organisations/?search=mentoring&region=north-east")
    # What the visitor typed went to no server on the way.
    assert not [url for url in requests if "search=" in url or "region=" in url or "mentoring" in url]
    # The directory reached another way starts afresh.
    page.goto("")
    page.goto("organisations/")
    page.wait_for_selector("#hub-filters[data-hub-live]")
    status_says(page, status_text(len(ORGS)))
    assert page.input_value("#hub-filter-search") == ""


def test_organisation_pages_show_cost_sectors_where_and_stages(page) -> None:
    page.goto("organisations/groundwork-north-east-and-cumbria/")
    facts = page.locator(".hub-org-page__facts").inner_text()
    for term in (
        "Where it works",
        "Places: Newcastle upon Tyne",
        "Stages of the employee journey",
        "Sectors",
        "Cost to employers",
    ):
        assert term in facts


def test_a_shared_link_reproduces_the_view_and_back_restores_the_last(page) -> None:
    open_directory(page, "?support=mentoring&region=london")
    near, wider = shows(page, support="mentoring", region="london")
    assert page.input_value("#hub-filter-support") == "mentoring"
    assert page.input_value("#hub-filter-region") == "london"
    narrower = filtered(support="mentoring", region="london", stage="hiring")
    assert narrower != (near, wider)  # else waiting on the status below would prove nothing
    page.select_option("#hub-filter-stage", "hiring")
    shows(page, support="mentoring", region="london", stage="hiring")
    page.go_back()
    # Back restores the view from the URL (a popstate). Material's instant navigation also
    # fetches the page again and swaps it in, so the status and the lists are read together,
    # from one document, until they show that view.
    value_is(page, "hub-filter-stage", "")
    shown_again(page, (near, wider), support="mentoring", region="london")
    assert page.url.endswith("?support=mentoring&region=london")
    page.go_forward()
    value_is(page, "hub-filter-stage", "hiring")
    shown_again(page, narrower, support="mentoring", region="london", stage="hiring")


def test_unknown_values_in_the_link_are_ignored(page) -> None:
    open_directory(page, "?region=atlantis&stage=lunch")
    status_says(page, status_text(len(ORGS)))
    assert page.input_value("#hub-filter-region") == "" and page.input_value("#hub-filter-stage") == ""


def test_keyboard_alone_can_filter(page) -> None:
    open_directory(page)
    page.focus("#hub-filter-search")
    page.keyboard.type("mentoring")
    status_says(page, status_text(len(MENTORING)))  # the count is announced 400 ms after the last key
    assert page.evaluate(SHOWN) == MENTORING
    for control in (
        "hub-filter-region",
        "hub-filter-stage",
        "hub-filter-support",
        "hub-filter-element",
        "hub-filter-type",
    ):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == control
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-hub-clear')")
    page.keyboard.press("Enter")
    status_says(page, status_text(len(ORGS)))
    assert page.input_value("#hub-filter-search") == ""
    assert page.evaluate(SHOWN) == [org.slug for org in ORGS]


def test_works_after_instant_navigation(page) -> None:
    page.goto("")
    page.click(".hub-home-directory a[href$='?support=outreach']")
    page.wait_for_selector("#hub-filters[data-hub-live]")
    assert shows(page, support="outreach") == filtered(support="outreach")
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
    shows(page, **filters)
    loaded = page.evaluate("() => window.__hubShifts.slice()")
    # The first filter, typed as a visitor types it (real key presses, as input).
    page.focus("#hub-filter-search")
    page.keyboard.type("mentoring")
    if filters:  # every one offering mentoring is tagged with it
        shows(page, **filters)
    else:
        status_says(page, status_text(len(MENTORING)))
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", status_text(len(ORGS))),
        ("?region=north-east&support=mentoring", status_text(1, 11, "north-east")),
        (
            "?region=wales&support=mentoring",
            status_text(0, len(filtered(region="wales", support="mentoring")[1]), "wales"),
        ),
        ("?search=zzzz", status_text(0)),
    ],
    ids=["all", "filtered", "none-here", "empty"],
)
def test_axe_on_the_directory(browser, site_url: str, scheme: str, query: str, status: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    open_directory(page, query)
    status_says(page, status)  # the view the link asks for, not the list as built
    violations = axe_violations(page)
    context.close()
    assert not violations


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_an_organisation_page(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    page.goto("organisations/groundwork-north-east-and-cumbria/")
    violations = axe_violations(page)
    context.close()
    assert not violations


# The large site (tests/conftest.py, shared with the search's tests): synthetic organisations
# (and posts) added to the real ones.
BIG = LARGE_ORGANISATIONS


def test_without_javascript_page_links_reach_every_organisation(browser, large_site, large_url: str) -> None:
    context = browser.new_context(base_url=large_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("organisations/")
    reached: list[str] = []
    pages = 0
    while True:
        pages += 1
        reached += page.eval_on_selector_all("li.hub-org h3 a", "links => links.map(a => a.href)")
        following = page.locator("nav.hub-directory__pages a[rel=next]")
        if not following.count():
            break
        # The next page's list is read once it has loaded, never half parsed (a race under load).
        with page.expect_navigation(wait_until="load"):
            following.click()
    context.close()
    total = len(list((large_site / "organisations").glob("*/index.html")))  # page/<n>/ is deeper
    assert pages == -(-(BIG + len(ORGS)) // 100)
    assert len(reached) == len(set(reached)) == BIG + len(ORGS) == total
    assert all(url.startswith(large_url + "organisations/") for url in reached)


def test_headers_do_not_grow_with_the_organisations(build, large_site) -> None:
    """Pages at every depth (organisation pages, the directory's page/<n>/) share one policy,
    so `_headers` has as many rules at 5,000 organisations as at the real 39."""
    real = parse_headers((build.site / "_headers").read_text(encoding="utf-8"))
    big = parse_headers((large_site / "_headers").read_text(encoding="utf-8"))
    assert [rule.pattern for rule in big] == [rule.pattern for rule in real]
    for path in ("/organisations/", "/organisations/page/2/", "/organisations/synthetic-00001/"):
        assert (large_site / path.strip("/") / "index.html").is_file(), path
        own = dict(headers_for(path, big[1:]))  # one page rule matches: nothing is joined
        assert own["Cache-Control"] == HTML_CACHE and "," not in own["Content-Security-Policy"], path


def test_filtering_5000_organisations_shows_a_page_at_a_time(browser, large_url: str) -> None:
    context = browser.new_context(base_url=large_url)
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
    names = page.eval_on_selector_all("li.hub-org h3 a", "links => links.map(a => a.textContent)")
    assert names == [f"Synthetic organisation number-{n:05d}" for n in range(10)]
    # Clearing every filter puts the page as built back, page links and all.
    page.fill("#hub-filter-search", "")
    page.wait_for_function(f"() => ({status})() === 'Showing 1 to 100 of {total} organisations.'")
    assert page.evaluate(shown) == 100 and page.is_visible("nav.hub-directory__pages")
    context.close()
