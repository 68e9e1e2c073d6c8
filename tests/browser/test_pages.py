"""The foundation in a real headless Chromium: accessibility, reflow, navigation, keyboard."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations
from tests.browser.keyboard import focus_stays_in_content, skip_to_content, tab_reaches
from tests.browser.navigation import follow
from tests.conftest import Build
from tests.pages import NAV_PAGES

pytestmark = pytest.mark.browser


def h1_text(page) -> str:
    """The page's H1 without Material's permalink mark."""
    return page.evaluate(
        "() => { const h = document.querySelector('article h1').cloneNode(true);"
        " h.querySelectorAll('.headerlink').forEach(a => a.remove()); return h.textContent.trim(); }"
    )


def every_page_url(build: Build) -> list[str]:
    """Every page the build made, as a site-relative URL (404 included)."""
    return build.page_urls()


# Every page, in shards: one test per shard keeps each test short on a busy machine, and
# a failure names the shard's pages.
SHARDS = 8


@pytest.mark.parametrize("shard", range(SHARDS))
def test_axe_finds_no_violations_on_any_page(page, build: Build, shard: int) -> None:
    violations: list[str] = []
    for url in every_page_url(build)[shard::SHARDS]:
        page.goto(url)
        violations += axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("url", ["", "strategy/", "strategy/data/measuring/", "maintainers/review/"])
def test_axe_finds_no_violations_in_dark_mode(browser, site_url: str, url: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme="dark")
    page = context.new_page()
    page.goto(url)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_page_scrolls_sideways_at_320_px(page, build: Build, shard: int) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = []
    for url in every_page_url(build)[shard::SHARDS]:
        page.goto(url)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            too_wide.append(f"/{url}: content {widths[0]} px wide in a {widths[1]} px window")
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("index", range(4))
def test_home_card_leads_to_element_page(page, index: int) -> None:
    page.goto("")
    link = page.locator(".hub-elements a").nth(index)
    title = link.inner_text().split(". ", 1)[1]
    follow(page, link, "**/strategy/**")
    assert h1_text(page) == title
    assert not page.errors


def test_navigation_tabs_reach_every_top_level_section(page) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("")
    tabs = page.locator(".md-tabs__link")
    assert tabs.count() >= 3
    follow(page, tabs.filter(has_text="Strategy"), "**/strategy/")
    assert h1_text(page) == dict(NAV_PAGES)["strategy/"]


def test_skip_link_is_first_and_moves_focus_to_content(page) -> None:
    page.goto("strategy/culture/")
    skip_to_content(page)
    page.keyboard.press("Tab")
    assert focus_stays_in_content(page)


def test_keyboard_focus_is_visible_on_links(page) -> None:
    page.goto("")
    skip_to_content(page)
    focus = (
        "() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return [e.tagName, e.className, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    # Chromium also stops on scrollable containers; every stop must show focus, and the
    # first link of the content must come within a few presses.
    stops = []
    for _ in range(6):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(focus))
        if stops[-1][0] == "A":
            break
    assert stops[-1][0] == "A", stops
    assert focus_stays_in_content(page)
    for tag, cls, style, width in stops:
        assert style != "none" and width >= 2, f"{tag}.{cls} has no visible focus"


def test_keyboard_reaches_every_element_card(page) -> None:
    page.goto("")
    targets, reached = tab_reaches(page, ".hub-elements a")
    assert len(targets) == 4
    assert targets <= reached


def test_the_scheme_follows_the_device_setting_as_it_changes(browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme="light")
    page = context.new_page()
    page.goto("strategy/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    assert page.locator("[data-md-component=palette], [name=__palette]").count() == 0  # no toggle
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("() => document.body.dataset.mdColorAccent") == "light-blue"
    # The next page, under instant navigation, keeps the scheme the device asks for.
    follow(page, page.locator("article a[href$='data/']").first, "**/strategy/data/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    context.close()
