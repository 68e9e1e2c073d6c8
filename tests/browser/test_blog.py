"""News and blogs in Chromium: axe on each kind of blog page, in light and dark, and a reader's path."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_violations_in_scheme
from tests.browser.keyboard import focus_stays_in_content, skip_to_content
from tests.browser.navigation import follow
from tests.conftest import Build

pytestmark = pytest.mark.browser

MASTERCLASS = "blog/2026/12/05/masterclass-2020-hiring/"
ILLUSTRATIVE = "blog/2026/11/25/case-study-a-regional-builder-names-a-senior-champion/"
BLOG_PAGES = [
    "blog/",
    "blog/2026/12/05/how-the-two-tiers-of-action-work/",
    MASTERCLASS,
    ILLUSTRATIVE,
    "blog/category/masterclasses/",
    "blog/archive/2026/",
    "blog/author/editors/",
    "blog/tags/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_blog_pages(browser, site_url: str, build: Build, scheme: str) -> None:
    assert all(build.page_file(url).exists() for url in BLOG_PAGES), BLOG_PAGES
    violations = axe_violations_in_scheme(browser, site_url, BLOG_PAGES, scheme)
    assert not violations, "\n".join(violations)


def test_reader_goes_from_home_to_a_post_and_its_category(page) -> None:
    page.goto("")
    first = page.locator(".hub-latest-posts h3 a").first
    title = first.inner_text()
    follow(page, first, "**/blog/20**")
    assert page.locator("article h1").inner_text() == title
    follow(page, page.locator(".md-sidebar--post .md-post__meta a").first, "**/blog/category/**")
    assert page.locator(".hub-post-card h2 a", has_text=title).count() == 1
    assert not page.errors


def test_masterclass_box_reads_in_order_at_320_px(page) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(MASTERCLASS)
    box = page.locator(".hub-masterclass")
    assert box.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    labels = box.locator("dt").all_inner_texts()
    assert labels == ["Date", "Public record", "Resources"]
    hiring = box.get_by_role("link", name="Hiring guidance on this site")
    follow(page, hiring, "**/strategy/employee-journey/hiring/")


def test_skip_link_reaches_the_post_content(page) -> None:
    page.goto(MASTERCLASS)
    skip_to_content(page)
    page.keyboard.press("Tab")
    assert focus_stays_in_content(page)


@pytest.mark.parametrize("width", [412, 1000])
def test_a_posts_byline_comes_before_the_post_below_desktop_width(browser, site_url: str, width: int) -> None:
    """In page order: the byline first in the HTML, so it never moves while the post loads."""
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": 823})
    page = context.new_page()
    page.goto(BLOG_PAGES[1])
    byline = page.locator(".md-sidebar--post").bounding_box()
    post = page.locator("article.md-content__inner").bounding_box()
    context.close()
    assert byline and post and byline["y"] + byline["height"] <= post["y"]
