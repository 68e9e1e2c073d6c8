"""The HR director's task end to end, on a phone and on a desktop: tick actions on two element
pages, open the plan, give open actions an owner and a date, filter, print (the PDF read back),
reload. Every request is recorded: none carries what was typed or ticked.

Expectations come from the actions file the build wrote, never from hard-coded ids or counts.
"""

from __future__ import annotations

import io
import json
import re
from urllib.parse import unquote

import pytest
from pypdf import PdfReader

from tests.browser.navigation import follow
from tests.conftest import Build

pytestmark = pytest.mark.browser

ENABLED = "input[data-hub-action]:not([disabled])"
OWNER = "Priya Shah, HR Director"
OTHER_OWNER = "Sam Okafor (finance), with the board's audit committee"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def data(build: Build) -> dict:
    return json.loads((build.site / "plan" / "actions.json").read_text(encoding="utf-8"))


def box(page, action: dict):
    """An action's checkbox, by its name (a hidden one too, to read its state)."""
    return page.get_by_role("checkbox", name=action["text"], exact=True, include_hidden=True)


def settled(page) -> None:
    page.wait_for_selector(ENABLED, state="attached")
    page.wait_for_load_state("networkidle")


def squash(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


@pytest.mark.parametrize("size", SIZES)
def test_tick_on_two_pages_then_plan_owners_filter_print_and_reload(
    browser, site_url: str, data: dict, size: str
) -> None:
    context = browser.new_context(base_url=site_url, viewport=SIZES[size])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requests: list[tuple[str, str, str]] = []

    def record(request) -> None:
        if not request.url.startswith("blob:"):  # downloads never leave the browser
            requests.append((request.method, request.url, request.post_data or ""))

    page.on("request", record)
    by_page = {}
    for action in data["actions"]:
        by_page.setdefault(action["url"], []).append(action)
    data_page, culture_page = "strategy/data/", "strategy/culture/"
    ticked = [by_page[data_page][0], by_page[data_page][-1], by_page[culture_page][0]]
    assert [a["tier"] for a in ticked] == ["starting", "best", "starting"]

    # 1. Tick on two element pages, reached by the site's own navigation.
    page.goto(data_page)
    settled(page)
    box(page, ticked[0]).click()
    box(page, ticked[1]).click()
    assert page.locator("[data-hub-standing-text]").inner_text().startswith("1 of ")
    page.goto(culture_page)
    settled(page)
    box(page, ticked[2]).click()

    # 2. The plan, by the link in "Where you stand".
    link = page.locator("[data-hub-standing]").get_by_role("link", name="Your action plan")
    follow(page, link, "**/plan/")
    settled(page)
    glance = page.locator("[data-hub-glance-rows]")
    assert "1 of" in glance.locator("tr", has_text="Attention to culture").inner_text()
    start = page.locator("[data-hub-start-list] a")
    first_open = next(a for a in data["actions"] if a["tier"] == "starting" and a not in ticked)
    assert start.first.inner_text() == first_open["text"]

    # 3. Owners and dates. On a phone the groups start closed: where to start opens one.
    if size == "phone":
        assert box(page, first_open).is_hidden()
    start.first.click()
    target = box(page, first_open)
    assert target.is_visible()
    assert target.evaluate("e => e === document.activeElement")
    item = page.locator(f"[data-hub-item='{first_open['id']}']")
    item.get_by_label("Owner").fill(OWNER)
    item.get_by_label("Target date").fill("2027-03-31")
    culture = page.get_by_role("button", name=re.compile("^Attention to culture"))
    if culture.get_attribute("aria-expanded") == "false":
        culture.click()
    second_open = next(a for a in by_page[culture_page] if a not in ticked)
    other = page.locator(f"[data-hub-item='{second_open['id']}']")
    other.get_by_label("Owner").fill(OTHER_OWNER)
    done_fields = page.locator(f"[data-hub-item='{ticked[2]['id']}'] [data-hub-fields]")
    assert done_fields.is_hidden()  # a done action has no owner or date

    # 4. Filter: what is done, then one checklist.
    page.get_by_role("radio", name="Done").check()
    assert box(page, ticked[2]).is_visible() and box(page, second_open).is_hidden()
    assert page.locator("[data-hub-showing]").inner_text().startswith("Showing 3 of ")
    page.get_by_role("radio", name="Among the best").check()
    assert box(page, ticked[1]).is_visible()  # done, and among the best
    assert box(page, ticked[2]).is_hidden()  # a starting-out action
    page.get_by_role("radio", name="Still to do").check()
    page.get_by_role("radio", name="Both").check()

    # 5. Print: the PDF holds the owners in full, the date in words, not the done actions'
    # fields; done actions listed briefly at the end (the default).
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert squash(OWNER) in text and squash(OTHER_OWNER) in text
    assert squash("31 March 2027") in text
    assert squash("Done already") in text and squash(ticked[2]["text"]) in text
    assert len(reader.pages) <= 12
    page.emulate_media(media="screen")

    # 6. Reload: everything is still there.
    page.reload()
    settled(page)
    for action in ticked:
        assert box(page, action).is_checked(), action["id"]
    item = page.locator(f"[data-hub-item='{first_open['id']}']")
    assert item.get_by_label("Owner").input_value() == OWNER
    assert item.get_by_label("Target date").input_value() == "2027-03-31"

    # Nothing typed or ticked left the browser: only GETs to the site itself, none carrying
    # an owner, a date or a ticked action's id.
    assert requests and errors == []
    secrets = [OWNER, OTHER_OWNER, "Priya", "Okafor", "2027-03-31", *(a["id"] for a in ticked)]
    for method, url, body in requests:
        assert method == "GET" and url.startswith(site_url), url
        said = unquote(url + body).replace("+", " ")
        assert not [s for s in secrets if s in said], url
    context.close()
