"""The action plan's pure functions (docs/javascripts/plan/logic.js), run in Chromium.

Each test imports the module into a page of the served site and calls it directly, so the
code under test is the file the site ships, in the browser that runs it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

DATA = {
    "elements": [
        {"id": "data", "label": "Analysis of data", "url": "strategy/data/"},
        {"id": "culture", "label": "Attention to culture", "url": "strategy/culture/"},
    ],
    "tiers": [{"id": "starting", "label": "Starting out"}, {"id": "best", "label": "Among the best"}],
    "actions": [
        {
            "id": "a1",
            "element": "data",
            "tier": "starting",
            "text": "One",
            "url": "strategy/data/",
            "page": "Data",
        },
        {
            "id": "a2",
            "element": "data",
            "tier": "starting",
            "text": "Two",
            "url": "strategy/data/",
            "page": "Data",
        },
        {
            "id": "a3",
            "element": "data",
            "tier": "best",
            "text": "Three",
            "url": "strategy/data/m/",
            "page": "Measuring",
        },
        {
            "id": "c1",
            "element": "culture",
            "tier": "starting",
            "text": "Four",
            "url": "strategy/culture/",
            "page": "C",
        },
    ],
}


@pytest.fixture(scope="module")
def logic(browser, site_url: str):
    """Call `logic.js` functions: `logic("(m, arg) => m.describe(arg)", arg)`."""
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    page.goto("plan/")
    page.evaluate("async () => { window.planLogic = await import('/javascripts/plan/logic.js'); }")

    def call(body: str, arg: Any = None) -> Any:
        return page.evaluate(f"([arg]) => ({body})(window.planLogic, arg)", [arg])

    yield call
    context.close()


def state(done: list[str], notes: dict | None = None) -> dict:
    """A saved state with these ticks and notes."""
    return {"version": 1, "done": {i: True for i in done}, "notes": notes or {}}


@pytest.mark.parametrize(
    ("done", "text", "stage"),
    [
        ([], "0 of 2 starting-out actions done; 0 of 1 among the best", "Not started"),
        (["a3"], "0 of 2 starting-out actions done; 1 of 1 among the best", "Not started"),
        (["a1"], "1 of 2 starting-out actions done; 0 of 1 among the best", "Starting out"),
        (
            ["a1", "a2"],
            "2 of 2 starting-out actions done; 0 of 1 among the best",
            "Working towards among the best",
        ),
        (["a1", "a2", "a3"], "2 of 2 starting-out actions done; 1 of 1 among the best", "Among the best"),
    ],
)
def test_summary_and_stage_follow_the_one_rule(logic, done: list[str], text: str, stage: str) -> None:
    args = {"actions": DATA["actions"][:3], "state": state(done)}
    assert logic("(m, a) => m.describe(m.counts(a.actions, a.state))", args) == text
    assert logic("(m, a) => m.stage(m.counts(a.actions, a.state))", args) == stage


def test_summary_rows_give_each_element_then_its_other_pages(logic) -> None:
    rows = logic("(m, a) => m.summaryRows(a.data, a.state)", {"data": DATA, "state": state(["a1", "c1"])})
    assert [(r["label"], r["level"], r["stage"]) for r in rows] == [
        ("Analysis of data", 0, "Starting out"),
        ("Measuring", 1, "Not started"),
        ("Attention to culture", 0, "Among the best"),  # it has no among-the-best action
    ]


def test_saved_ticks_that_match_no_action_are_counted_and_reported(logic) -> None:
    args = {"actions": DATA["actions"], "state": state(["a1", "gone-1", "gone-2"])}
    assert logic("(m, a) => m.unknownTicks(a.actions, a.state)", args) == ["gone-1", "gone-2"]
    assert logic("(m) => m.staleMessage(2)").startswith("2 saved ticks no longer match an action")
    assert logic("(m) => m.staleMessage(1)").startswith("1 saved tick no longer matches an action")
    assert logic("(m) => m.staleMessage(0)") == ""


def test_ticks_and_notes_change_a_copy(logic) -> None:
    result = logic(
        "(m) => { const s = m.emptyState();"
        " const t = m.setNote(m.setDone(s, 'a1', true), 'a2', 'owner', 'Sam');"
        " return [s, t, m.setDone(t, 'a1', false), m.setNote(t, 'a2', 'owner', '')]; }"
    )
    empty, ticked, unticked, cleared = result
    assert empty == {"version": 1, "done": {}, "notes": {}}
    assert ticked == {"version": 1, "done": {"a1": True}, "notes": {"a2": {"owner": "Sam", "due": ""}}}
    assert unticked["done"] == {}
    assert cleared["notes"] == {}


def test_remaining_actions_come_first_in_their_own_order(logic) -> None:
    args = {"ids": ["a1", "a2", "a3", "c1"], "state": state(["a1", "a3"])}
    assert logic("(m, a) => m.remainingFirst(a.ids, a.state)", args) == ["a2", "c1", "a1", "a3"]


def test_a_downloaded_file_loads_back_as_the_same_state(logic) -> None:
    saved = state(["a1", "gone"], {"a2": {"owner": "Sam", "due": "2027-03-31"}})
    text = logic("(m, s) => m.toJSON(s, new Date('2026-11-25T10:00:00Z'))", saved)
    data = json.loads(text)
    assert (data["format"], data["version"], data["saved"]) == (
        "employer-hub-action-plan",
        1,
        "2026-11-25T10:00:00.000Z",
    )
    assert logic("(m, t) => m.parseProgress(t)", text) == {
        "ok": True,
        "state": saved,
        "saved": "2026-11-25T10:00:00.000Z",
    }


GOOD = {"format": "employer-hub-action-plan", "version": 1, "done": {"a1": True}, "notes": {}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{not json",
            "This file could not be read: it is damaged or it is not a progress file from this site.",
        ),
        ("", "This file could not be read: it is damaged or it is not a progress file from this site."),
        ('{"name": "a directory export"}', "This file is not a progress file from this site's action plan."),
        ("[1, 2]", "This file is not a progress file from this site's action plan."),
        (
            json.dumps({**GOOD, "version": 0}),
            "This progress file is version 0, and this site reads version 1. Nothing was loaded.",
        ),
        (
            json.dumps({**GOOD, "version": 2}),
            "This progress file is version 2, and this site reads version 1. Nothing was loaded.",
        ),
        (
            json.dumps({**GOOD, "done": ["a1"]}),
            "This progress file is damaged: its ticks or notes cannot be read.",
        ),
        (
            json.dumps({**GOOD, "done": {"a1": "yes"}}),
            "This progress file is damaged: its ticks or notes cannot be read.",
        ),
        (
            json.dumps({**GOOD, "notes": {"a1": {"owner": "Sam", "due": "next week"}}}),
            "This progress file is damaged: its ticks or notes cannot be read.",
        ),
    ],
)
def test_corrupt_old_and_foreign_files_are_refused_with_a_message(logic, text: str, message: str) -> None:
    assert logic("(m, t) => m.parseProgress(t)", text) == {"ok": False, "error": message}


def test_storage_that_cannot_be_read_is_reported_not_silently_replaced(logic) -> None:
    assert logic("(m) => m.readStored(null)") == {"version": 1, "done": {}, "notes": {}}
    assert logic("(m) => m.readStored('{oops')")["unreadable"] is True
    good = json.dumps(state(["a1"]))
    assert logic("(m, t) => m.readStored(t)", good) == state(["a1"])


def test_csv_quotes_commas_and_quotes_and_defuses_formulas(logic) -> None:
    data = json.loads(json.dumps(DATA))
    data["actions"][0]["text"] = 'Say "why", then act'
    notes = {
        "a1": {"owner": '=HYPERLINK("http://x")', "due": "2027-01-31"},
        "a2": {"owner": "+44 20", "due": ""},
        "a3": {"owner": "@sam", "due": ""},
        "c1": {"owner": "-1", "due": ""},
    }
    csv = logic("(m, a) => m.toCSV(a.data, a.state)", {"data": data, "state": state(["a1"], notes)})
    lines = csv.split("\r\n")
    assert lines[0] == "Element,Page,Checklist,Action,Done,Owner,Target date,Id"
    assert lines[1] == (
        'Analysis of data,Data,Starting out,"Say ""why"", then act",yes,"\'=HYPERLINK(""http://x"")",2027-01-31,a1'
    )
    assert lines[2].split(",")[5] == "'+44 20"
    assert lines[3].split(",")[5] == "'@sam"
    assert lines[4].split(",")[5] == "'-1"
    assert lines[-1] == ""


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
    ],
)
def test_defuse_matches_the_directory_csv(logic, cell: str, expected: str) -> None:
    from hub.core.spreadsheet import defuse as _defuse

    assert logic("(m, c) => m.defuse(c)", cell) == expected == _defuse(cell)
