"""Compare your workforce in Chromium, as a person uses it: typing, loading a file, reloading,
keyboard only, printing, downloading; no request leaves the page; axe and the CSP are clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.browser.csp import violations
from tests.project import PROJECT

pytestmark = pytest.mark.browser

PAGE = "strategy/data/compare/"
SAMPLE = PROJECT.docs / "strategy" / "data" / "compare" / "sample-levels.csv"
# 60 professional, 20 intermediate, 20 lower of 100 classified; 20 prefer not to say; 150 asked.
COUNTS = {
    "professional": 30,
    "managers": 30,
    "clerical": 15,
    "small-business": 5,
    "technical": 10,
    "routine": 10,
    "prefer-not-to-say": 20,
}
EXPECTED = [
    ["Professional background", "60", "60%", "37%", "+23 points"],
    ["Intermediate background", "20", "20%", "24%", "-4 points"],
    ["Lower socio-economic background", "20", "20%", "39%", "-19 points"],
    ["Not classified (other, don't know, prefer not to say)", "20", "left out", "", ""],
]
SAMPLE_LEVELS = [
    ["Entry level", "80", "44%", "1.00", ""],
    ["Manager", "30", "30%", "0.68", "Falls below Entry level"],
    ["Senior leader", "12", "21%", "0.47", "Falls below Entry level"],
]
ROWS = (
    "(sel) => [...document.querySelectorAll(sel + ' tbody tr')]"
    ".map(r => [...r.cells].map(c => c.textContent))"
)


def fill(page, counts: dict[str, int | str], headcount: int | None = None) -> None:
    for option, count in counts.items():
        page.fill(f"#hub-count-{option}", str(count))
    if headcount is not None:
        page.fill("#hub-count-headcount", str(headcount))


def rows(page, selector: str) -> list[list[str]]:
    return page.evaluate(ROWS, selector)


def open_page(page) -> None:
    page.goto(PAGE)
    page.wait_for_selector("#hub-compare[data-ready]")


def test_typed_counts_give_shares_differences_and_response_rate(page) -> None:
    open_page(page)
    fill(page, COUNTS, 150)
    expect(page.locator(".hub-compare-rate")).to_contain_text("Response rate: 80%")
    assert rows(page, ".hub-compare-table") == EXPECTED
    aims = page.locator(".hub-compare-response li").all_text_contents()
    assert aims == ["First aim: about two-thirds. Met.", "Then: 70% or more. Met."]
    assert page.locator("svg.hub-compare-chart desc").text_content() == (
        "Professional background: your workforce 60%, benchmark 37%. "
        "Intermediate background: your workforce 20%, benchmark 24%. "
        "Lower socio-economic background: your workforce 20%, benchmark 39%."
    )
    source = page.locator("#hub-compare-results a").last
    assert source.get_attribute("href").startswith("https://www.gov.uk/government/publications/")
    assert page.errors == []


def test_a_count_under_10_shows_fewer_than_10_and_withholds_its_share(page) -> None:
    open_page(page)
    fill(page, {"professional": 5, "clerical": 20, "technical": 30}, 60)
    expect(page.locator(".hub-compare-withheld")).to_have_text(
        "Shares based on fewer than 10 people are withheld, "
        "so that nobody can be picked out when results are shared."
    )
    assert rows(page, ".hub-compare-table")[0] == [
        "Professional background",
        "fewer than 10",
        "withheld",
        "37%",
        "\N{EN DASH}",
    ]
    assert (
        page.locator("svg.hub-compare-chart desc")
        .text_content()
        .startswith("Professional background: your workforce withheld")
    )


def test_a_headcount_smaller_than_the_answers_says_so(page) -> None:
    open_page(page)
    fill(page, COUNTS, 100)
    expect(page.locator("#hub-compare-messages")).to_contain_text(
        "The headcount (100) is smaller than the number of answers (120): check both."
    )
    fill(page, {"managers": "lots"})
    expect(page.locator("#hub-compare-messages")).to_contain_text(
        "Senior, middle or junior managers or administrators: must be a whole number, for example 42."
    )
    assert page.get_attribute("#hub-count-managers", "aria-invalid") == "true"


def test_the_sample_file_gives_the_by_level_results(page) -> None:
    open_page(page)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator("#hub-compare-messages")).to_have_text("Loaded 3 levels from sample-levels.csv.")
    assert rows(page, ".hub-compare-levels") == SAMPLE_LEVELS


def test_a_broken_file_names_the_row_and_loses_nothing(page, tmp_path: Path) -> None:
    open_page(page)
    fill(page, COUNTS, 150)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    broken = tmp_path / "broken.csv"
    broken.write_text("level,answer,count\nEntry,professional,12\nEntry,Plumber,3\n", encoding="utf-8")
    page.set_input_files("#hub-levels-file", broken)
    messages = page.locator("#hub-compare-messages")
    expect(messages).to_contain_text("broken.csv was not loaded (nothing you entered has changed):")
    expect(messages).to_contain_text('Row 3: "Plumber" is not one of the answer options')
    assert rows(page, ".hub-compare-levels") == SAMPLE_LEVELS
    assert rows(page, ".hub-compare-table") == EXPECTED


def test_a_reload_keeps_the_numbers_and_clear_removes_them(page) -> None:
    open_page(page)
    fill(page, COUNTS, 150)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == "30"
    assert page.input_value("#hub-count-headcount") == "150"
    assert rows(page, ".hub-compare-table") == EXPECTED
    assert rows(page, ".hub-compare-levels") == SAMPLE_LEVELS
    page.click("#hub-compare-clear")
    page.reload()
    page.wait_for_selector("#hub-compare[data-ready]")
    assert page.input_value("#hub-count-professional") == ""
    assert page.locator(".hub-compare-levels").count() == 0


def test_nothing_typed_or_loaded_leaves_the_browser(page) -> None:
    open_page(page)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    fill(page, COUNTS, 150)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    page.click("#hub-compare-clear")
    fill(page, COUNTS, 150)
    page.wait_for_load_state("networkidle")
    assert requests == []


def test_keyboard_only(page) -> None:
    open_page(page)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "hub-count-professional":
            break
    fields = page.eval_on_selector_all("#hub-compare input[type=text]", "els => els.map(e => e.id)")
    for field in fields:
        assert page.evaluate("() => document.activeElement.id") == field
        value = COUNTS.get(field.removeprefix("hub-count-"), 150 if field.endswith("headcount") else 0)
        page.keyboard.type(str(value))
        page.keyboard.press("Tab")
    assert rows(page, ".hub-compare-table") == EXPECTED
    # Then the sample link, the file field and the buttons, in that order.
    reached = []
    for _ in range(4):
        reached.append(page.evaluate("() => document.activeElement.id || document.activeElement.textContent"))
        page.keyboard.press("Tab")
    assert reached == ["sample file (CSV)", "hub-levels-file", "hub-compare-clear", "hub-compare-download"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.input_value("#hub-count-professional") == ""


def test_axe_finds_nothing_empty_or_filled(page) -> None:
    open_page(page)
    assert axe_violations(page) == []
    fill(page, {**COUNTS, "unemployed": 3}, 150)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    assert axe_violations(page) == []


def test_print_is_a_one_page_summary_with_the_sources(page) -> None:
    open_page(page)
    fill(page, COUNTS, 150)
    page.set_input_files("#hub-levels-file", SAMPLE)
    expect(page.locator(".hub-compare-levels")).to_be_visible()
    page.emulate_media(media="print")
    assert not page.locator("#hub-compare").is_visible()
    assert page.locator(".hub-compare-table").is_visible()
    assert page.locator(".hub-compare-levels").is_visible()
    sources = page.locator(".hub-compare-summary ul").last
    assert sources.is_visible()
    assert "Understanding a workforce's socio-economic background for change" in sources.inner_text()
    # On paper a link is no use: each source's address is printed after its title.
    printed = sources.locator("a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.gov.uk/government/publications/" in printed
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_results_download_as_csv(page, tmp_path: Path) -> None:
    open_page(page)
    fill(page, COUNTS, 150)
    with page.expect_download() as info:
        page.click("#hub-compare-download")
    download = info.value
    assert download.suggested_filename == "compare-your-workforce.csv"
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert lines[1] == "whole workforce,,Professional background,60,60%,37%,+23"
    assert lines[-1].endswith(
        "https://www.gov.uk/government/publications/understanding-a-workforces-socio-economic-background-for-change"
    )


def test_instant_navigation_starts_the_calculator(page) -> None:
    page.goto("strategy/data/measuring/")
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.get_by_role("link", name="compare your workforce").first.click()
    page.wait_for_url(f"**/{PAGE}")
    page.wait_for_selector("#hub-compare[data-ready]")
    fill(page, COUNTS, 150)
    assert rows(page, ".hub-compare-table") == EXPECTED


def test_no_csp_violation_while_typing_and_loading(strict_page) -> None:
    response = strict_page.goto(PAGE)
    assert "content-security-policy" in response.headers
    strict_page.wait_for_selector("#hub-compare[data-ready]")
    fill(strict_page, COUNTS, 150)
    strict_page.set_input_files("#hub-levels-file", SAMPLE)
    expect(strict_page.locator(".hub-compare-levels")).to_be_visible()
    assert violations(strict_page) == []
