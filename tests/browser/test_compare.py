"""Compare your workforce in Chromium, as people use it: the analyst's counts typed at phone and
desktop sizes, a CSV of levels, the typos people make (each named at its field, no share shown,
nothing lost), reload, the two views, the results CSV (read with Python's csv module and loaded
back), damaged stored state, a browser that will not save, keyboard only, print; every request
recorded; axe in both views and both colour schemes, errors showing. The arithmetic itself is
tested in tests/js/compare/ (Node); these tests use option ids, never option texts."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.browser.csp import violations
from tests.project import PROJECT

pytestmark = pytest.mark.browser

PAGE = "strategy/data/compare/"
STORE = "employer-hub:compare"
SAMPLE = PROJECT.docs / "strategy" / "data" / "compare" / "sample-levels.csv"
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
# The analyst's counts (issue 19): 265 classified of 305 answers, 400 asked.
ANALYST = {
    "professional": "120",
    "clerical": "40",
    "small-business": "15",
    "technical": "25",
    "routine": "60",
    "unemployed": "5",
    "other": "20",
    "prefer-not-to-say": "20",
    "headcount": "400",
}
# Background, people, share, benchmark, difference: 120/265, 55/265, 90/265.
ANALYST_TABLE = [
    ["Professional background", "120", "45%", "37%", "+8 points"],
    ["Intermediate background", "55", "21%", "24%", "-3 points"],
    ["Lower socio-economic background", "90", "34%", "39%", "-5 points"],
]
# Three levels; the senior one has 8 people from a lower background of 45 classified.
LEVELS_CSV = (
    "level,answer,count\n"
    "Entry,professional,60\nEntry,technical,40\nEntry,prefer-not-to-say,9\n"
    "Middle,professional,45\nMiddle,routine,20\n"
    'Senior,professional,37\nSenior,routine,8\n"Senior",other,"1,234"\n'
)
# Level, people classified, from that background, share, ratio, note.
LEVELS_ANALYSIS = [
    ["Entry", "100", "40", "40%", "1.00", ""],
    ["Middle", "65", "20", "31%", "0.77", "Falls below Entry"],
    ["Senior", "45", "8", "18%", "0.44", "Falls below Entry"],
]
# For publication: 8 is under 10; across the levels the next smallest (20) goes with it.
LEVELS_PUBLICATION = [
    ["Entry", "100", "40", "40%", "1.00", ""],
    ["Middle", "65", "withheld", "withheld", "\N{EN DASH}", "Hidden for publication"],
    ["Senior", "45", "fewer than 10", "withheld", "\N{EN DASH}", "Hidden for publication"],
]
BAD_COUNTS = [
    ("6O", '"6O" has the letter O in it: did you mean 60?'),
    ("-5", '"-5" is negative: give a count of 0 or more.'),
    ("abc", '"abc" is not a whole number: use the digits 0 to 9, for example 42.'),
    ("12.5", '"12.5" is not a whole number: count whole people.'),
    ("12345678901234567890", '"12345678901234567890" is more than 10,000,000: check for extra digits.'),
]
ROWS = (
    "(sel) => [...document.querySelectorAll(sel + ' tbody tr')]"
    ".map(r => [...r.cells].map(c => c.textContent))"
)


def open_page(page) -> None:
    page.goto(PAGE)
    page.wait_for_selector("#hub-compare[data-ready]")


def fill(page, counts: dict[str, str]) -> None:
    for name, value in counts.items():
        page.fill(f"#hub-count-{name}", value)


def rows(page, selector: str) -> list[list[str]]:
    return page.evaluate(ROWS, selector)


def record_requests(page) -> list[Any]:
    """Every request the page makes from now on (blob: downloads never leave the browser)."""
    seen: list[Any] = []
    page.on("request", lambda r: seen.append(r) if not r.url.startswith("blob:") else None)
    return seen


def assert_nothing_typed_left(requests: list[Any], site_url: str, typed: list[str]) -> None:
    """Only plain GETs for the site's own files, none carrying a query or anything typed."""
    for request in requests:
        parts = urlsplit(request.url)
        assert request.method == "GET", request.url
        assert request.url.startswith(site_url), request.url
        assert parts.query == "" and request.post_data is None, request.url
        assert not any(value in request.url for value in typed if len(value) > 2), request.url


def levels_file(tmp_path: Path, text: str = LEVELS_CSV, name: str = "levels.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser, site_url: str):
    """A fresh page at a phone's or a desktop's size, collecting errors on `page.errors`."""
    width, height = SIZES[request.param]
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": height})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.size = request.param
    page.set_default_timeout(15_000)
    yield page
    context.close()


def assert_no_results(page) -> None:
    """No share anywhere: not in the results, not at a glance, and nothing to download."""
    assert page.locator(".hub-compare-table, .hub-compare-levels, .hub-chart").count() == 0
    for box in ("#hub-compare-results", "#hub-compare-live"):
        assert "%" not in page.locator(box).inner_text()
    assert page.locator("#hub-compare-download").is_disabled()


def test_the_analysts_journey(sized_page, site_url: str, tmp_path: Path) -> None:
    page = sized_page
    open_page(page)
    page.wait_for_load_state("networkidle")
    requests = record_requests(page)
    fill(page, ANALYST)
    # The figures are where the eyes are while typing the last count.
    live = page.locator("#hub-compare-live")
    if page.size == "desktop":
        expect(live).to_be_in_viewport()
    else:
        headcount = page.locator("#hub-count-headcount").bounding_box()
        levels = page.locator("#hub-levels-file").bounding_box()
        assert headcount["y"] < live.bounding_box()["y"] < levels["y"]
    assert live.locator("li").all_inner_texts() == [
        "Professional background\n45% (+8 points)",
        "Intermediate background\n21% (-3 points)",
        "Lower socio-economic background\n34% (-5 points)",
        "Response rate\n76%",
    ]
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    expect(page.locator(".hub-compare-rate")).to_contain_text("Response rate: 76%")
    # The three-level CSV, with a quoted thousands separator in one cell.
    page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(page.locator("#hub-compare-messages")).to_have_text("Loaded 3 levels from levels.csv.")
    assert rows(page, ".hub-compare-levels") == LEVELS_ANALYSIS
    # The typos, one at a time: each named at its field and in the summary; no share shown.
    label = page.locator("label[for=hub-count-technical]").inner_text()
    for typed, message in BAD_COUNTS:
        page.fill("#hub-count-technical", typed)
        field = page.locator("#hub-count-technical")
        expect(field).to_have_attribute("aria-invalid", "true")
        error = page.locator(f"#{field.get_attribute('aria-describedby')}")
        expect(error).to_have_text(f"Error: {message}")
        expect(page.locator("#hub-compare-errors a")).to_have_text(f"{label}: {message}")
        assert_no_results(page)
        assert page.input_value("#hub-count-professional") == "120"
    page.fill("#hub-count-technical", "25")
    expect(page.locator("#hub-compare-errors")).to_be_hidden()
    assert page.get_attribute("#hub-count-technical", "aria-invalid") is None
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    assert rows(page, ".hub-compare-levels") == LEVELS_ANALYSIS
    # Nothing is kept until the analyst chooses to keep it; then a reload loses nothing.
    assert page.evaluate(f"() => localStorage.getItem('{STORE}')") is None
    page.check("#hub-compare-keep")
    expect(page.locator("#hub-compare-messages")).to_have_text("Your numbers are kept in this browser.")
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert {name: page.input_value(f"#hub-count-{name}") for name in ANALYST} == ANALYST
    assert rows(page, ".hub-compare-levels") == LEVELS_ANALYSIS
    # Away to the measuring page and Back: still there.
    page.get_by_role("link", name="measuring socio-economic background").first.click()
    page.wait_for_url(re.compile(r"/strategy/data/measuring/#main-question$"))
    page.go_back()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-routine") == "60"
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, list(ANALYST.values()))


def test_a_summary_link_takes_the_keyboard_to_the_field(page) -> None:
    open_page(page)
    fill(page, {"professional": "12", "routine": "l2"})
    link = page.locator("#hub-compare-errors a")
    expect(link).to_contain_text('"l2" has the letter l in it: did you mean 12?')
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "hub-count-routine"


def test_counts_pasted_from_a_spreadsheet_read_as_numbers(page) -> None:
    open_page(page)
    fill(page, {"professional": "1,200", "clerical": " 1 200 ", "technical": "2,400", "headcount": "6,000"})
    assert rows(page, ".hub-compare-table")[0][:3] == ["Professional background", "1,200", "25%"]
    expect(page.locator(".hub-compare-rate")).to_contain_text("Response rate: 80%")


def test_a_headcount_under_the_answers_is_named_at_the_headcount_once_left(page) -> None:
    open_page(page)
    fill(page, ANALYST)
    page.fill("#hub-count-headcount", "")
    page.type("#hub-count-headcount", "40")  # on the way to 400: no error while typing
    expect(page.locator("#hub-compare-live")).to_contain_text("45%")
    expect(page.locator("#hub-count-headcount-error")).to_be_hidden()
    expect(page.locator("#hub-compare-results")).to_contain_text(
        "The headcount (40) is fewer than the 305 answers."
    )
    page.fill("#hub-count-headcount", "100")
    page.keyboard.press("Tab")
    expect(page.locator("#hub-count-headcount-error")).to_have_text(
        "Error: 100 is fewer than the 305 answers above: the headcount is everyone asked, answering or not."
    )
    assert page.get_attribute("#hub-count-headcount", "aria-describedby") == (
        "hub-headcount-hint hub-count-headcount-error"
    )
    assert_no_results(page)


def download(page, tmp_path: Path) -> tuple[str, list[dict[str, str]]]:
    with page.expect_download() as info:
        page.click("#hub-compare-download")
    name = info.value.suggested_filename
    path = tmp_path / name
    info.value.save_as(path)
    with path.open(newline="", encoding="utf-8") as handle:
        return name, list(csv.DictReader(handle))


COLUMNS = ["measure", "group", "level", "count", "share", "benchmark", "difference", "ratio", "view"]


def test_two_views_and_their_downloads(page, tmp_path: Path) -> None:
    open_page(page)
    fill(page, ANALYST)
    page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    page.check("#hub-view-publication")
    assert rows(page, ".hub-compare-levels") == LEVELS_PUBLICATION
    expect(page.locator(".hub-compare-withheld")).to_be_visible()
    rule = page.locator("#hub-compare-rule").inner_text()
    assert 'a count under 10 (0 included) shows as "fewer than 10"' in rule
    expect(page.locator("#hub-compare-download")).to_have_text("Download the results for publication (CSV)")
    name, published = download(page, tmp_path)
    assert name == "compare-your-workforce-publication.csv"
    assert list(published[0]) == COLUMNS
    assert {row["view"] for row in published} == {"publication"}
    assert not [row for row in published if row["measure"] == "answer"]
    senior = next(r for r in published if r["measure"] == "level share" and r["level"] == "Senior")
    assert (senior["count"], senior["share"], senior["ratio"]) == ("fewer than 10", "withheld", "withheld")
    # Kept, the choice survives a reload, and the analysis view shows every number again.
    page.check("#hub-compare-keep")
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.is_checked("#hub-view-publication")
    page.check("#hub-view-analysis")
    assert rows(page, ".hub-compare-levels") == LEVELS_ANALYSIS


def test_the_results_csv_reads_in_python_and_loads_back(page, tmp_path: Path) -> None:
    open_page(page)
    fill(page, ANALYST)
    page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    name, rows_ = download(page, tmp_path)
    assert name == "compare-your-workforce-analysis.csv"
    assert list(rows_[0]) == COLUMNS and all(None not in row for row in rows_)
    figures = {(r["measure"], r["group"], r["level"]): r for r in rows_}
    assert figures[("background", "professional", "")] == {
        "measure": "background",
        "group": "professional",
        "level": "",
        "count": "120",
        "share": "45",
        "benchmark": "37",
        "difference": "8",
        "ratio": "",
        "view": "analysis",
    }
    assert figures[("background", "intermediate", "")]["difference"] == "-3"
    assert figures[("background", "lower", "")]["difference"] == "-5"
    assert (figures[("response rate", "", "")]["count"], figures[("response rate", "", "")]["share"]) == (
        "305",
        "76",
    )
    assert figures[("headcount", "", "")]["count"] == "400"
    assert figures[("level share", "lower", "Senior")]["ratio"] == "0.44"
    assert figures[("answer", "other", "Senior")]["count"] == "1234"
    # Cleared, then the same file loaded: every number back.
    page.click("#hub-compare-clear")
    assert page.input_value("#hub-count-professional") == ""
    page.set_input_files("#hub-levels-file", tmp_path / name)
    expect(page.locator("#hub-compare-messages")).to_have_text(
        f"Loaded your counts and 3 levels from {name}."
    )
    assert page.input_value("#hub-count-professional") == "120"
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    assert rows(page, ".hub-compare-levels") == LEVELS_ANALYSIS


FILES = [
    (
        "unknown-answer.csv",
        "level,answer,count\nEntry,professional,12\nEntry,Plumber,3\n",
        'Row 3: "Plumber" is not one of the answer options',
    ),
    ("formula.csv", "level,answer,count\n=1+1,professional,3\n", '"=1+1" looks like a spreadsheet formula'),
    ("progress.json", '{"version": 1, "done": {}}', 'the column "level" is missing'),
    (
        "published.csv",
        ",".join(COLUMNS) + "\nbackground,lower,,90,34,39,-5,,publication\n",
        "This is the results file for publication",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_wrong_file_says_why_and_changes_nothing(
    page, tmp_path: Path, name: str, text: str, message: str
) -> None:
    open_page(page)
    fill(page, ANALYST)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    before = rows(page, ".hub-compare-levels")
    page.set_input_files("#hub-levels-file", levels_file(tmp_path, text, name))
    messages = page.locator("#hub-compare-messages")
    expect(messages).to_contain_text(f"{name} was not loaded (nothing you entered has changed):")
    expect(messages).to_contain_text(message)
    assert rows(page, ".hub-compare-levels") == before
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE


LEVEL_STATE = {"name": "Entry", "counts": {"professional": 60, "technical": 40}}
STORED = [
    ("null", STORE, "null", "damaged (it is not a saved state)"),
    ("not-json", STORE, "{oops", "damaged (it is not readable)"),
    ("string-version", STORE, json.dumps({"version": "2"}), 'is version "2", and this page reads version 2'),
    (
        "levels-a-string",
        STORE,
        json.dumps({"version": 2, "levels": "Entry"}),
        "damaged (the levels are not a list)",
    ),
    (
        "fields-null",
        STORE,
        json.dumps({"version": 2, "fields": None}),
        "damaged (the counts are not a list of fields)",
    ),
    (
        "level-without-counts",
        STORE,
        json.dumps({"version": 2, "levels": [{"name": "Entry"}]}),
        "damaged (a level has no name or no counts)",
    ),
    (
        "old-key-null-levels",
        "hub-compare",
        json.dumps({"levels": None}),
        "damaged (the levels are not a list)",
    ),
]


@pytest.mark.parametrize(("key", "value", "message"), [s[1:] for s in STORED], ids=[s[0] for s in STORED])
def test_damaged_storage_is_reported_once_and_the_page_works(
    page, key: str, value: str, message: str
) -> None:
    open_page(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    expect(page.locator("#hub-compare-messages")).to_contain_text(message)
    expect(page.locator("#hub-compare-messages")).to_contain_text(
        '"Clear all numbers" removes what was kept.'
    )
    fill(page, ANALYST)
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    page.click("#hub-compare-clear")
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    expect(page.locator("#hub-compare-messages")).to_be_empty()
    assert page.errors == []


def test_numbers_kept_under_the_old_key_come_back_and_move_to_the_new_one(page) -> None:
    open_page(page)
    old = {
        "fields": {"professional": "120", "headcount": "400"},
        "levels": [LEVEL_STATE],
        "levelsFile": "x.csv",
    }
    page.evaluate("(v) => localStorage.setItem('hub-compare', v)", json.dumps(old))
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == "120"
    assert rows(page, ".hub-compare-levels")[0][:4] == ["Entry", "100", "40", "40%"]
    expect(page.locator("#hub-compare-messages")).to_be_empty()
    expect(page.locator("#hub-compare-keep")).to_be_checked()  # kept before the page asked: still kept
    stored = page.evaluate(
        "() => [localStorage.getItem('hub-compare'), localStorage.getItem('employer-hub:compare')]"
    )
    assert stored[0] is None and json.loads(stored[1])["version"] == 2


def test_stored_counts_kept_as_text_are_read_as_numbers(page) -> None:
    open_page(page)
    state = {
        "version": 2,
        "fields": {"professional": 120},
        "levels": [
            {"name": "Entry", "counts": {"professional": "012", "technical": "1,200"}},
        ],
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(state)])
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == "120"
    # 1,200 of 1,212, not "0" + "12" joined as text.
    assert rows(page, ".hub-compare-levels")[0][:4] == ["Entry", "1,212", "1,200", "99%"]


def test_numbers_are_kept_only_while_the_visitor_ticks_keep(page) -> None:
    open_page(page)
    keep = page.locator("#hub-compare-keep")
    expect(keep).not_to_be_checked()
    expect(
        page.get_by_label("Keep these numbers in this browser (for the board report and your next visit)")
    ).to_be_visible()
    fill(page, {"professional": "120", "clerical": "40"})
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator("#hub-compare-messages")).to_have_text("Loaded 3 levels from sample-levels.csv.")
    assert page.evaluate("() => Object.keys(localStorage)") == []
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == ""  # not kept: gone, as the page said
    # Ticked: what is on the page is kept at once and after each change, and comes back.
    fill(page, {"professional": "120"})
    keep.check()
    fill(page, {"clerical": "40"})
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    expect(keep).to_be_checked()
    assert (page.input_value("#hub-count-professional"), page.input_value("#hub-count-clerical")) == (
        "120",
        "40",
    )
    # Unticked: removed from the browser, still on the page until the visitor leaves it.
    keep.uncheck()
    expect(page.locator("#hub-compare-messages")).to_have_text(
        "Nothing is kept in this browser now. The numbers stay on this page until you leave it."
    )
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert page.input_value("#hub-count-professional") == "120"
    # Clear empties the page and unticks the box.
    keep.check()
    page.click("#hub-compare-clear")
    expect(keep).not_to_be_checked()
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert page.errors == []


REFUSE_SAVES = """
Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


def test_a_save_the_browser_refuses_is_reported(page) -> None:
    page.add_init_script(REFUSE_SAVES)
    open_page(page)
    page.check("#hub-compare-keep")
    expect(page.locator("#hub-compare-messages")).to_have_text(
        "This browser's storage for the site is full, so this was not saved: it will be gone after a reload."
    )
    fill(page, {"professional": "120"})
    expect(page.locator("#hub-compare-messages")).to_have_text(
        "This browser's storage for the site is full, so this was not saved: it will be gone after a reload."
    )
    fill(page, {"clerical": "40"})
    assert rows(page, ".hub-compare-table")[0][:3] == ["Professional background", "120", "75%"]
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator("#hub-compare-messages")).to_have_text(
        "Loaded 3 levels from sample-levels.csv. This browser's storage for the site is full,"
        " so this was not saved: it will be gone after a reload."
    )
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == ""  # what is really saved: nothing


def test_keyboard_only(page) -> None:
    open_page(page)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "hub-count-professional":
            break
    fields = page.eval_on_selector_all(".hub-compare__counts input", "els => els.map(e => e.name)")
    for name in fields:
        assert page.evaluate("() => document.activeElement.name") == name
        page.keyboard.type(ANALYST.get(name, "0"))
        page.keyboard.press("Tab")
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE
    reached = []
    for _ in range(4):
        reached.append(page.evaluate("() => document.activeElement.id || document.activeElement.textContent"))
        page.keyboard.press("Tab")
    assert reached == ["Full results", "sample file (CSV)", "hub-levels-file", "hub-compare-keep"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")  # tick "Keep"
    expect(page.locator("#hub-compare-keep")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "hub-compare-clear"
    page.keyboard.press("Enter")
    assert page.input_value("#hub-count-professional") == ""
    expect(page.locator("#hub-compare-keep")).not_to_be_checked()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_either_view_with_errors_showing(
    browser, site_url: str, tmp_path: Path, scheme: str
) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    open_page(page)
    assert axe_violations(page) == []
    fill(page, ANALYST)
    page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    for view in ("analysis", "publication"):
        page.check(f"#hub-view-{view}")
        assert axe_violations(page) == [], view
        page.fill("#hub-count-routine", "6O")
        expect(page.locator("#hub-compare-errors")).to_be_visible()
        assert axe_violations(page) == [], f"{view} with an error"
        page.fill("#hub-count-routine", "60")
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_chart_words_are_12px_or_more_and_tables_say_when_they_scroll(
    browser, site_url: str, size: str
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": height})
    page = context.new_page()
    open_page(page)
    fill(page, ANALYST)
    sizes = page.eval_on_selector_all(
        ".hub-chart p, .hub-chart span", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 12
    hint = page.locator(".hub-compare-table").locator("xpath=preceding-sibling::p")
    overflows = page.eval_on_selector(".hub-compare-table", "e => e.scrollWidth > e.clientWidth")
    assert hint.is_visible() == overflows
    assert overflows == (size == "phone")
    context.close()


def test_print_is_a_one_page_summary_with_the_sources(page, tmp_path: Path) -> None:
    open_page(page)
    fill(page, ANALYST)
    page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    page.emulate_media(media="print")
    assert not page.locator("#hub-compare").is_visible()
    assert page.locator(".hub-compare-table").is_visible()
    assert page.locator(".hub-compare-levels").is_visible()
    sources = page.locator(".hub-compare-summary ul").last
    assert "Understanding a workforce's socio-economic background for change" in sources.inner_text()
    printed = sources.locator("a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.gov.uk/government/publications/" in printed
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_instant_navigation_starts_the_calculator(page) -> None:
    page.goto("strategy/data/measuring/")
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.get_by_role("link", name="compare your workforce").first.click()
    page.wait_for_url(f"**/{PAGE}")
    page.wait_for_selector("#hub-compare[data-ready]")
    fill(page, ANALYST)
    assert rows(page, ".hub-compare-table")[:3] == ANALYST_TABLE


def test_no_csp_violation_while_typing_loading_and_switching(strict_page, tmp_path: Path) -> None:
    response = strict_page.goto(PAGE)
    assert "content-security-policy" in response.headers
    strict_page.wait_for_selector("#hub-compare[data-ready]")
    fill(strict_page, ANALYST)
    strict_page.set_input_files("#hub-levels-file", levels_file(tmp_path))
    expect(strict_page.locator(".hub-compare-levels")).to_be_visible()
    strict_page.check("#hub-view-publication")
    strict_page.fill("#hub-count-routine", "6O")
    expect(strict_page.locator("#hub-compare-errors")).to_be_visible()
    assert violations(strict_page) == []
