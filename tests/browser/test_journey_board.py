"""Keeping the journey analyses' results (only with consent) and the report for the board, in
Chromium as people use them: tick "Keep", reload and find the results again; untick or clear
and find nothing kept; a damaged kept value gives a message and is not shown; a browser that
refuses to save says so. The report gathers what this browser keeps, in the sections chosen,
for publication first, and prints on A4 (the PDF read back with pypdf). Every request is
recorded; none carries anything kept. The stored shapes are tested in tests/js/journey/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import test_journey, test_plan
from tests.browser.axe import axe_violations
from tests.browser.csp import violations
from tests.browser.test_compare import ANALYST, REFUSE_SAVES, assert_nothing_typed_left, record_requests, rows
from tests.browser.test_journey import (
    CHANGE,
    CHANGE_ROUNDS,
    FUNNEL,
    PAY,
    PAY_ROWS,
    PAY_TABLE,
    load,
    open_page,
    write,
)
from tests.browser.test_plan import (
    ENABLED,
    box,
    pdf_text,
    squash,
)

pytestmark = pytest.mark.browser
# Fixtures shared with the analyses' and the plan's tests.
sized_page = test_journey.sized_page
data = test_plan.data
element_page = test_plan.element_page

REPORT = "strategy/data/board-report/"
KEYS = {FUNNEL: "employer-hub:funnel", PAY: "employer-hub:pay-gap", CHANGE: "employer-hub:change"}
DATA_PAGES = Path(__file__).parents[2] / "docs" / "strategy" / "data"
TEMPLATES = {path: DATA_PAGES / path.split("/")[-2] / "template.csv" for path in (FUNNEL, PAY, CHANGE)}
TABLES = {FUNNEL: ".hub-journey-rates", PAY: ".hub-journey-pay", CHANGE: ".hub-journey-rounds"}
# A stage name long enough to wrap in a printed table cell: every word of it must print.
LONG_STAGE = "assessed at the final assessment centre with partners and senior staff from the hiring team"
NOTHING = "Nothing is kept in this browser for this section."


def kept(page, key: str):
    """What this browser keeps under `key`, parsed (None when nothing is kept)."""
    text = page.evaluate("(key) => localStorage.getItem(key)", key)
    return None if text is None else json.loads(text)


def message(page):
    return page.locator("#hub-journey-messages")


def open_report(page) -> None:
    page.goto(REPORT)
    page.wait_for_selector("#hub-board[data-ready]")


def section(page, name: str):
    return page.locator(f"#hub-board-{name}")


@pytest.mark.parametrize("path", [FUNNEL, PAY, CHANGE], ids=["funnel", "pay", "change"])
def test_kept_only_when_ticked_back_after_a_reload_gone_when_unticked(
    sized_page, site_url: str, path: str
) -> None:
    page = sized_page
    open_page(page, path)
    requests = record_requests(page)
    keep = page.get_by_role(
        "checkbox", name="Keep these results in this browser (for the board report and your next visit)"
    )
    expect(keep).not_to_be_checked()
    load(page, TEMPLATES[path])
    expect(page.locator(TABLES[path])).to_be_visible()
    shown = rows(page, TABLES[path])
    assert kept(page, KEYS[path]) is None  # not ticked: nothing written
    keep.check()
    expect(message(page)).to_have_text("The results are kept in this browser.")
    stored = kept(page, KEYS[path])
    assert (stored["version"], stored["fileName"], stored["view"]) == (1, "template.csv", "analysis")
    if path == PAY:  # the results, never the 48 people's rows
        assert set(stored["data"]) == {"groups", "quartiles", "levels"}
        assert "hourly_pay" not in json.dumps(stored)
    page.check("#hub-view-publication")
    assert kept(page, KEYS[path])["view"] == "publication"

    page.reload()
    page.wait_for_selector("#hub-journey[data-ready]")
    expect(message(page)).to_have_text(
        "The results from template.csv were kept in this browser, as you chose."
    )
    expect(keep).to_be_checked()
    expect(page.locator("#hub-view-publication")).to_be_checked()
    page.check("#hub-view-analysis")
    assert rows(page, TABLES[path]) == shown

    keep.uncheck()
    expect(message(page)).to_have_text(
        "Nothing is kept in this browser now. The results stay on this page until you leave it."
    )
    assert kept(page, KEYS[path]) is None
    assert rows(page, TABLES[path]) == shown
    page.reload()
    page.wait_for_selector("#hub-journey[data-ready]")
    assert page.locator(TABLES[path]).count() == 0
    expect(keep).not_to_be_checked()
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, ["template.csv", "shortlisted", "hourly_pay"])


def test_clear_removes_what_is_kept_and_empties_the_page(page) -> None:
    open_page(page, CHANGE)
    page.check("#hub-journey-keep")
    expect(message(page)).to_have_text("Results you load will be kept in this browser.")
    assert kept(page, KEYS[CHANGE]) is None  # nothing loaded yet, so nothing written
    load(page, TEMPLATES[CHANGE])
    expect(message(page)).to_have_text("Loaded 2 rounds from template.csv.")
    assert [r["name"] for r in kept(page, KEYS[CHANGE])["data"]] == ["2025", "2026"]
    page.click("#hub-journey-clear")
    expect(message(page)).to_have_text("Results cleared, here and in this browser's storage.")
    assert kept(page, KEYS[CHANGE]) is None
    expect(page.locator("#hub-journey-keep")).not_to_be_checked()
    assert page.locator(".hub-journey-rounds").count() == 0
    page.reload()
    page.wait_for_selector("#hub-journey[data-ready]")
    assert page.locator(".hub-journey-rounds").count() == 0


DAMAGED = [
    ("{not json", "What this browser kept for this page is damaged (it is not readable)."),
    (
        json.dumps({"version": 7, "fileName": "a.csv", "view": "analysis", "data": {}}),
        "What this browser kept for this page is version 7, and this page reads version 1.",
    ),
    (
        json.dumps(
            {
                "version": 1,
                "fileName": "a.csv",
                "view": "analysis",
                "data": {"groups": {}, "quartiles": [], "levels": []},
            }
        ),
        "What this browser kept for this page is damaged (the pay by background is not people and pay).",
    ),
]


@pytest.mark.parametrize(("value", "problem"), DAMAGED, ids=["not json", "other version", "not pay"])
def test_a_damaged_kept_value_gives_a_message_and_is_not_shown(page, value: str, problem: str) -> None:
    page.goto(PAY)
    page.evaluate("(v) => localStorage.setItem('employer-hub:pay-gap', v)", value)
    open_page(page, PAY)
    expect(message(page)).to_have_text(f'{problem} Nothing kept is shown; "Clear the results" removes it.')
    assert page.locator(".hub-journey-pay").count() == 0
    expect(page.locator("#hub-journey-keep")).not_to_be_checked()
    open_report(page)
    expect(section(page, "pay")).to_contain_text(
        f"Your class pay gap kept something this report cannot use. {problem} Nothing kept is shown"
    )
    assert section(page, "pay").locator("table").count() == 0
    open_page(page, PAY)
    page.click("#hub-journey-clear")
    assert kept(page, KEYS[PAY]) is None


def keep_everything(page, tmp_path: Path, action: dict) -> None:
    """As the person does: keep and type counts in the calculator, keep and load each analysis,
    tick an action of the plan on its page."""
    page.goto("strategy/data/compare/")
    page.wait_for_selector("#hub-compare[data-ready]")
    page.check("#hub-compare-keep")
    for name, value in ANALYST.items():
        page.fill(f"#hub-count-{name}", value)
    for path, file in (
        (CHANGE, TEMPLATES[CHANGE]),
        (FUNNEL, write(tmp_path, "round.csv", TEMPLATES[FUNNEL].read_text().replace("assessed", LONG_STAGE))),
        (PAY, write(tmp_path, "pay.csv", PAY_ROWS)),
    ):
        open_page(page, path)
        page.check("#hub-journey-keep")
        load(page, file)
        expect(message(page)).to_contain_text(f"from {file.name}.")
    page.goto(action["url"])
    page.wait_for_selector(ENABLED)
    box(page, action).check()


def test_the_board_report_journey(sized_page, site_url: str, tmp_path: Path, element_page: dict) -> None:
    page = sized_page
    page.add_init_script("window.print = () => { window.hubPrinted = (window.hubPrinted || 0) + 1; };")
    page.goto(REPORT)
    requests = record_requests(page)
    action = element_page["starting"][0]
    keep_everything(page, tmp_path, action)

    open_report(page)
    expect(page.locator("#hub-board-date")).to_have_text(re.compile(r"^Made on \d{1,2} \w+ \d{4}, from what"))
    expect(page.get_by_role("radio", name="For publication: small counts hidden")).to_be_checked()
    # The calculator's snapshot: 120/265, 55/265, 90/265 beside 37/24/39; 305 of 400 answered.
    workforce = rows(page, ".hub-board-workforce-table")
    assert workforce[:3] == [
        ["Professional background", "120", "45%", "37%", "+8 points"],
        ["Intermediate background", "55", "21%", "24%", "-3 points"],
        ["Lower socio-economic background", "90", "34%", "39%", "-5 points"],
    ]
    expect(section(page, "workforce")).to_contain_text("Response rate: 76% of a headcount of 400.")
    assert rows(page, "#hub-board-change .hub-journey-rounds") == CHANGE_ROUNDS
    expect(section(page, "funnel")).to_contain_text("From round.csv.")
    expect(section(page, "funnel")).to_contain_text(LONG_STAGE)
    # For publication every background in the pay file has fewer than 10 people.
    assert rows(page, ".hub-journey-pay")[2][:3] == [
        "Lower socio-economic background",
        "fewer than 10",
        "withheld",
    ]
    expect(section(page, "plan")).to_contain_text("Progress by part of the strategy")
    expect(section(page, "plan")).to_contain_text("1 of")
    # Beside each section's figures, how they are worked out, for a reader who never saw the page.
    expect(section(page, "funnel")).to_contain_text('the "four-fifths" rule of thumb')
    expect(section(page, "funnel")).to_contain_text("it is not UK law")
    expect(section(page, "pay")).to_contain_text("regulation 13")
    expect(section(page, "change")).to_contain_text("the usual 5% level")
    expect(section(page, "plan")).to_contain_text("Each action counts once")

    page.get_by_role("radio", name="For your own analysis: every count").check()
    assert rows(page, ".hub-journey-pay") == PAY_TABLE
    # Choose the sections: no change over time, no plan.
    page.get_by_role("checkbox", name="Change over time").uncheck()
    page.get_by_role("checkbox", name="Your action plan").uncheck()
    expect(section(page, "change")).to_be_hidden()
    page.get_by_role("button", name="Print the report").click()
    assert page.evaluate("() => window.hubPrinted") == 1

    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "#hub-board", "#benchmark"):
        assert page.locator(hidden).is_hidden(), hidden
    pages, text = pdf_text(page)
    assert pages <= 6, f"{pages} A4 pages"
    assert re.search(r"Madeon\d{1,2}\w+\d{4}", text)
    for words in (
        "A report for your board",
        "Your workforce",
        "+8 points",
        "Your hiring funnel",
        LONG_STAGE,  # wrapped in its cell, never clipped
        "Under 0.80: worth a closer look",  # the last column of the widest table
        "it is not UK law",  # the funnel's method line prints with its figures
        "regulation 13",
        "Your class pay gap",
        "£19.50",
        "36.7%",
        "upper middle",
    ):
        assert squash(words) in text, words
    for words in (
        "Change over time",
        "76% of 400",
        "Your action plan",
        "Progress by part",
        "Each action counts once",
        "the usual 5% level",
        "Sections to include",
    ):
        assert squash(words) not in text, words
    page.emulate_media(media="screen")

    # Untick and clear on each page: the report is empty.
    for path in (CHANGE, FUNNEL):
        open_page(page, path)
        page.uncheck("#hub-journey-keep")
    open_page(page, PAY)
    page.click("#hub-journey-clear")
    page.goto("strategy/data/compare/")
    page.wait_for_selector("#hub-compare[data-ready]")
    page.click("#hub-compare-clear")
    page.goto(action["url"])
    page.wait_for_selector(ENABLED)
    box(page, action).uncheck()
    open_report(page)
    for name in ("workforce", "change", "funnel", "pay", "plan"):
        expect(section(page, name)).to_contain_text(NOTHING)
        assert section(page, name).locator("table").count() == 0, name
    expect(section(page, "pay").get_by_role("link", name="Your class pay gap")).to_have_attribute(
        "href", "../pay-gap/"
    )
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, [LONG_STAGE, "round.csv", "pay.csv", "hourly_pay", "19.99"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_report_with_content_showing(
    browser, site_url: str, tmp_path: Path, element_page: dict, scheme: str
) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    open_report(page)
    assert axe_violations(page) == [], "nothing kept"
    keep_everything(page, tmp_path, element_page["starting"][0])
    open_report(page)
    expect(page.locator(".hub-journey-pay")).to_be_visible()
    for view in ("For your own analysis: every count", "For publication: small counts hidden"):
        page.get_by_role("radio", name=view).check()
        assert axe_violations(page) == [], view
    context.close()


def test_no_csp_violation_on_the_report(strict_page, tmp_path: Path) -> None:
    strict_page.goto(FUNNEL)
    strict_page.wait_for_selector("#hub-journey[data-ready]")
    strict_page.check("#hub-journey-keep")
    load(strict_page, TEMPLATES[FUNNEL])
    expect(strict_page.locator(".hub-journey-rates")).to_be_visible()
    strict_page.goto(REPORT)
    strict_page.wait_for_selector("#hub-board[data-ready]")
    expect(strict_page.locator("#hub-board-funnel .hub-journey-chart")).to_be_visible()
    strict_page.get_by_role("radio", name="For your own analysis: every count").check()
    assert violations(strict_page) == []


def test_a_damaged_plan_or_calculator_value_is_named_on_the_report_and_not_shown(page) -> None:
    page.goto(REPORT)
    page.evaluate("() => localStorage.setItem('employer-hub:plan', '{x')")
    page.evaluate(
        "() => localStorage.setItem('employer-hub:compare', JSON.stringify({version: 2, fields: []}))"
    )
    open_report(page)
    expect(section(page, "plan")).to_contain_text(
        "Your action plan kept something this report cannot use."
        " The progress saved in this browser could not be read"
    )
    expect(section(page, "workforce")).to_contain_text(
        "Compare your workforce kept something this report cannot use."
        " What this browser kept for this page is damaged (the counts are not a list of fields)."
    )
    assert page.locator("#hub-board-sections table").count() == 0
    assert page.errors == []


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});
"""
READ_BLOCKED = "This browser does not let the page read its storage, so nothing saved here can be shown."
# Storage full (reads work, saves do not) or turned off (nothing works): the page's message on
# opening, after a kept load, and what the report's funnel and plan sections say.
REFUSALS = [
    (
        REFUSE_SAVES,
        "",
        "This browser's storage for the site is full, so this was not saved: it will be gone after a reload.",
        NOTHING,
        NOTHING,
    ),
    (
        BLOCK_STORAGE,
        READ_BLOCKED,
        "This browser does not let the page save, so this was not saved: it will be gone after a reload.",
        READ_BLOCKED,
        "This browser does not let the page save anything",
    ),
]


@pytest.mark.parametrize(
    ("script", "on_open", "on_save", "funnel", "plan"), REFUSALS, ids=["full", "turned off"]
)
def test_a_browser_that_will_not_keep_says_so_in_the_shared_words_and_the_results_stay(
    page, script: str, on_open: str, on_save: str, funnel: str, plan: str
) -> None:
    page.add_init_script(script)
    open_page(page, FUNNEL)
    expect(message(page)).to_have_text(on_open)
    page.check("#hub-journey-keep")
    load(page, TEMPLATES[FUNNEL])
    expect(message(page)).to_have_text(f"Loaded 5 stages from template.csv. {on_save}")
    expect(page.locator(".hub-journey-rates")).to_be_visible()
    open_report(page)
    expect(section(page, "funnel")).to_contain_text(funnel)
    expect(section(page, "plan")).to_contain_text(plan)
    assert page.locator("#hub-board-sections table").count() == 0
    assert page.errors == []
