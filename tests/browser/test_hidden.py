"""`hidden` means hidden: on every page of the built site, with JavaScript on, no element that
has the `hidden` attribute has a rendered box, at a phone's width and a desktop's.

A stylesheet that gives such an element a display (Material's admonitions are
`display: flow-root`) once showed the plan's "JavaScript is off" notice to every visitor.
"""

from __future__ import annotations

import pytest

from tests.browser.navigation import walk
from tests.conftest import Build

pytestmark = pytest.mark.browser

# Every [hidden] element with a box; `until-found` is hidden by other means, by design.
SHOWN_BUT_HIDDEN = """() => [...document.querySelectorAll('[hidden]:not([hidden=until-found])')]
  .filter((e) => e.getClientRects().length > 0)
  .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 60)}"`)"""

# The page scripts have run: Material's document$ has fired and the plan's, the directory's
# and the calculator's first fetches have answered.
SETTLED = "networkidle"


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_no_hidden_element_has_a_box_on_any_page(
    browser, site_url: str, build: Build, viewport: dict
) -> None:
    context = browser.new_context(base_url=site_url, viewport=viewport)
    # The plan's script shows its tools and summaries once it has read the saved progress:
    # with some saved, every part of it that can be shown is.
    context.add_init_script(
        "localStorage.setItem('employer-hub:plan', JSON.stringify({version: 1, "
        "done: {'action-data-agree-owner': true, 'action-gone-away-now': true}, notes: {}}))"
    )
    found = []
    checked = 0
    urls = build.page_urls()
    assert "plan/" in urls and len(urls) > 20
    for url, page in walk(context, urls, wait_until=SETTLED):
        found += [f"{url}: {element}" for element in page.evaluate(SHOWN_BUT_HIDDEN)]
        checked += page.locator("[hidden]").count()
    context.close()
    assert found == []
    assert checked > len(urls)  # the walk met hidden elements to check (Material hides several a page)


def test_the_plan_hides_its_no_javascript_notice_and_shows_its_tools(page) -> None:
    page.goto("plan/", wait_until=SETTLED)
    page.wait_for_selector("[data-hub-tools]:not([hidden])")
    assert page.locator("[data-hub-nojs]").is_hidden()
    assert page.get_by_text("which is off or blocked in this browser").is_hidden()
    assert page.locator("[data-hub-nojs]").evaluate("e => e.getClientRects().length") == 0
