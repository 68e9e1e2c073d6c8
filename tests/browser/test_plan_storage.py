"""What the plan keeps in the browser, read as untrusted input: damaged and hostile stored
values, ticks of merged actions, a storage that is full or turned off. Each gives a clear
message and leaves the page working; the page always shows what is really saved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Build

pytestmark = pytest.mark.browser

KEY = "employer-hub:plan"
ENABLED = "input[data-hub-action]:not([disabled])"
UNREADABLE = "The progress saved in this browser could not be read"
NOT_SAVED = "This browser did not save your last change"
# Storage that fills up on demand: setItem throws the browser's own quota error once
# window.__full is set (as a real full store does), and reads keep working.
FULL_STORAGE = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return setItem.call(this, key, value);
};
"""


@pytest.fixture(scope="module")
def data(build: Build) -> dict:
    return json.loads((build.site / "plan" / "actions.json").read_text(encoding="utf-8"))


def box(page, action_id: str):
    return page.locator(f"input[data-hub-action='{action_id}']")


def open_tool(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(ENABLED, state="attached")
    page.wait_for_load_state("networkidle")


def stored(page) -> object:
    text = page.evaluate(f"() => localStorage.getItem('{KEY}')")
    return None if text is None else json.loads(text)


def put(page, text: str) -> None:
    page.evaluate("([k, t]) => localStorage.setItem(k, t)", [KEY, text])


FIRST = "action-data-agree-owner"  # the first action of Analysis of data
SECOND = "action-data-add-main-question"
STORED = [
    ("null", UNREADABLE, []),
    ("{oops", UNREADABLE, []),
    ("[]", UNREADABLE, []),
    ('"a string"', UNREADABLE, []),
    ('{"version": "1", "done": {"action-data-agree-owner": true}}', UNREADABLE, []),
    ('{"version": 2, "done": {"action-data-agree-owner": true}}', UNREADABLE, []),
    ('{"version": 1, "done": ["action-data-agree-owner"]}', "1 saved entry could not be read", []),
    ('{"version": 1, "done": {"action-data-agree-owner": "yes"}}', "1 saved entry could not be read", []),
    (
        '{"version": 1, "done": {"action-data-agree-owner": true,'
        ' "<img src=x onerror=window.__xss=1>": true}}',
        "1 saved entry could not be read",
        [FIRST],
    ),
    (
        '{"version": 1, "done": {"action-data-agree-owner": true},'
        ' "notes": {"action-data-add-main-question": {"owner": "Sam", "due": "2027-02-31"}}}',
        "1 saved entry could not be read",
        [FIRST],
    ),
    (
        '{"version": 1, "done": {"action-data-agree-owner": true},'
        ' "notes": {"action-data-add-main-question": null, "action-data-explain-why": {"owner": 7}}}',
        "2 saved entries could not be read",
        [FIRST],
    ),
    (
        json.dumps({"version": 1, "notes": {SECOND: {"owner": "x" * 5000}}}),
        "1 saved entry could not be read",
        [],
    ),
]


@pytest.mark.parametrize(("text", "message", "ticked"), STORED, ids=[row[0][:40] for row in STORED])
def test_damaged_stored_progress_is_reported_and_the_page_keeps_working(
    page, text: str, message: str, ticked: list[str]
) -> None:
    page.goto("strategy/data/")
    put(page, text)
    open_tool(page, "strategy/data/")
    stale = page.locator("[data-hub-stale]")
    stale.wait_for()
    assert stale.inner_text().startswith(message)
    assert page.evaluate("() => window.__xss") is None
    for action_id in (FIRST, SECOND):
        assert box(page, action_id).is_checked() == (action_id in ticked), action_id
    # The page works: a tick is saved over the damaged value and the message goes.
    box(page, SECOND).check()
    assert stored(page)["done"] == {**{i: True for i in ticked}, SECOND: True}
    assert stale.is_hidden()
    open_tool(page, "plan/")  # the plan reads the same store without an error
    assert box(page, SECOND).is_checked()
    assert page.errors == []


def test_ticks_and_notes_of_merged_actions_carry_over_to_the_action_that_stayed(page, data: dict) -> None:
    merged = data["merged"]
    old_tick, old_note = "action-measuring-brief-managers", "action-hiring-structured-interviews"
    assert (merged[old_tick], merged[old_note]) == (
        "action-data-brief-managers",
        "action-journey-structured-interviews",
    )
    page.goto("strategy/data/")
    saved = {"version": 1, "done": {old_tick: True}, "notes": {old_note: {"owner": "Ann Lee", "due": ""}}}
    put(page, json.dumps(saved))
    open_tool(page, "strategy/data/")
    assert box(page, "action-data-brief-managers").is_checked()
    assert page.locator("[data-hub-stale]").is_hidden()  # carried over, not "no longer matches"
    assert stored(page) == {
        "version": 1,
        "done": {"action-data-brief-managers": True},
        "notes": {"action-journey-structured-interviews": {"owner": "Ann Lee", "due": ""}},
    }
    # The old anchor still lands on the sub-page, where the item links to the action that stayed.
    page.goto("strategy/data/measuring/#" + old_tick)
    link = page.locator(f"#{old_tick} a[href$='#action-data-brief-managers']")
    assert link.is_visible()


def test_progress_kept_under_the_plan_s_first_key_is_shown_and_moved_to_the_current_one(page) -> None:
    """Visitors who ticked before the plan joined the other tools' key pattern keep their ticks."""
    page.goto("strategy/data/")
    old = {"version": 1, "done": {FIRST: True}, "notes": {SECOND: {"owner": "Ann Lee", "due": "2027-03-31"}}}
    page.evaluate("(t) => localStorage.setItem('employer-hub:plan:v1', t)", json.dumps(old))
    open_tool(page, "plan/")
    assert box(page, FIRST).is_checked()
    assert page.locator(f"[data-hub-item='{SECOND}'] [data-hub-note='owner']").input_value() == "Ann Lee"
    assert stored(page) == old
    assert page.evaluate("() => localStorage.getItem('employer-hub:plan:v1')") is None
    assert page.errors == []


def test_a_progress_file_from_before_the_merge_loads_onto_the_action_that_stayed(
    page, tmp_path: Path
) -> None:
    old = tmp_path / "progress.json"
    old.write_text(
        json.dumps(
            {
                "format": "employer-hub-action-plan",
                "version": 1,
                "saved": "2026-11-25T10:00:00.000Z",
                "done": {"action-measuring-two-thirds-reply": True},
                "notes": {},
            }
        ),
        encoding="utf-8",
    )
    open_tool(page, "plan/")
    page.get_by_label("Load progress from a JSON file").set_input_files(old)
    replace = page.get_by_role("button", name="Replace my progress")
    replace.wait_for()  # the file is read asynchronously
    assert "saved on 25 November 2026" in page.locator("[data-hub-confirm-text]").inner_text()
    replace.click()
    assert box(page, "action-data-two-thirds-goal").is_checked()
    assert stored(page)["done"] == {"action-data-two-thirds-goal": True}


def test_a_save_the_browser_refuses_is_reported_and_the_page_shows_what_is_saved(
    browser, site_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(base_url=site_url)
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    open_tool(page, "strategy/data/")
    box(page, FIRST).check()
    page.evaluate("() => { window.__full = true; }")
    box(page, SECOND).click()
    stale = page.locator("[data-hub-stale]")
    stale.wait_for()
    assert stale.inner_text().startswith(NOT_SAVED)
    assert not box(page, SECOND).is_checked()  # back to what is saved
    assert box(page, FIRST).is_checked()
    assert stored(page)["done"] == {FIRST: True}

    # A file loaded while the storage is full: reported, and nothing changes.
    progress = tmp_path / "progress.json"
    progress.write_text(
        json.dumps({"format": "employer-hub-action-plan", "version": 1, "done": {SECOND: True}}),
        encoding="utf-8",
    )
    open_tool(page, "plan/")
    page.evaluate("() => { window.__full = true; }")  # a new page: still full
    page.get_by_label("Load progress from a JSON file").set_input_files(progress)
    page.get_by_role("button", name="Replace my progress").click()
    status = page.locator("[data-hub-message]")
    assert "did not save the file's progress" in status.inner_text()
    assert not box(page, SECOND).is_checked() and box(page, FIRST).is_checked()
    assert page.locator("[data-hub-stale]").inner_text().startswith(NOT_SAVED)

    # Room again: the next tick is saved and the message goes.
    page.evaluate("() => { window.__full = false; }")
    page.get_by_role("radio", name="All").check()
    box(page, SECOND).check()
    assert stored(page)["done"] == {FIRST: True, SECOND: True}
    assert page.locator("[data-hub-stale]").is_hidden()
    context.close()


def test_with_storage_turned_off_ticks_last_the_visit_and_the_page_says_so(browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_tool(page, "strategy/data/")
    stale = page.locator("[data-hub-stale]")
    stale.wait_for()
    assert stale.inner_text().startswith("This browser does not let the page save anything")
    box(page, FIRST).check()
    assert box(page, FIRST).is_checked()
    assert page.locator("[data-hub-standing-text]").inner_text().startswith("1 of ")
    assert errors == []
    context.close()
