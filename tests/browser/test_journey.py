"""The employee journey's analyses in Chromium, as people use them: the hiring funnel and the
class pay gap at phone and desktop sizes. Download the template, load it, read the results,
switch views, download the results (read with Python's csv module); each bad file gives its
reason by row and changes nothing; every request recorded; axe in both schemes with results
and with errors showing; no CSP violation. The arithmetic is tested in tests/js/journey/ (Node);
these tests use option ids, never option texts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.browser.csp import violations
from tests.browser.test_compare import SIZES, assert_nothing_typed_left, record_requests, rows

pytestmark = pytest.mark.browser

UNKNOWN = (
    '"astronaut" is not one of the answer options: give an option\'s id'
    " (for example professional) or its exact words."
)

FUNNEL = "strategy/data/funnel/"
PAY = "strategy/data/pay-gap/"
CHANGE = "strategy/data/change/"
# The change template: 2025 has 120/55/90 (+40 not classified) of 400 asked; 2026 has
# 130/60/125 (+31) of 420. Shares 45/21/34 then 41/19/40 (130/315 = 41.3, 60/315 = 19.0,
# 125/315 = 39.7); response 305/400 = 76%, 346/420 = 82%. Python's z: -0.97, -0.51, 1.42.
CHANGE_ROUNDS = [
    ["2025", "45% (120)", "21% (55)", "34% (90)", "40", "76% of 400"],
    ["2026", "41% (130)", "19% (60)", "40% (125)", "31", "82% of 420"],
    ["Benchmark", "37%", "24%", "39%", "", ""],
]
SMALL = "(too small to read)"
CHANGE_CHANGES = [["2025 to 2026", f"-4 points {SMALL}", f"-2 points {SMALL}", f"+6 points {SMALL}"]]
# The funnel template, by background (professional, intermediate, lower, not classified):
# applied 180/100/150/70, shortlisted 100/50/55/33, assessed 60/30/33/20, offered 23/11/10/7,
# hired 21/10/9/7. Shares of those classified; hired: 21/40 = 52.5 and 9/40 = 22.5 round up.
FUNNEL_PEOPLE = [
    ["applied", "180 (42%)", "100 (23%)", "150 (35%)", "70", "500"],
    ["shortlisted", "100 (49%)", "50 (24%)", "55 (27%)", "33", "238"],
    ["assessed", "60 (49%)", "30 (24%)", "33 (27%)", "20", "143"],
    ["offered", "23 (52%)", "11 (25%)", "10 (23%)", "7", "51"],
    ["hired", "21 (53%)", "10 (25%)", "9 (23%)", "7", "47"],
]
# Pass rates: 100/180, 50/100, 55/150, 33/70; relative (55/150)/(100/180) = 0.66, and so on.
FLAG = "Under 0.80: worth a closer look"
FUNNEL_RATES = [
    ["shortlisted", "55.6%", "50%", "36.7%", "47.1%", "0.66", FLAG],
    ["assessed", "60%", "60%", "60%", "60.6%", "1.00", ""],
    ["offered", "38.3%", "36.7%", "30.3%", "35%", "0.79", FLAG],
    ["hired", "91.3%", "90.9%", "90%", "100%", "0.99", ""],
]
# For publication: offered 7 is under 10, and the next smallest there (lower, 10) goes with it;
# hired 9 and 7 are under 10. Rates from those (and from offered into hired) are withheld.
FUNNEL_PUBLICATION_RATES = [
    ["shortlisted", "55.6%", "50%", "36.7%", "47.1%", "0.66", FLAG],
    ["assessed", "60%", "60%", "60%", "60.6%", "1.00", ""],
    ["offered", "38.3%", "36.7%", "withheld", "withheld", "withheld", ""],
    ["hired", "91.3%", "90.9%", "withheld", "withheld", "withheld", ""],
]
PAY_ROWS = (
    "answer,hourly_pay\n"
    + "".join(f"professional,{p}\n" for p in (20, 25, 30, 35, 40))
    + "".join(f"clerical,{p}\n" for p in (18, 22, 26))
    + "".join(f"routine,£{p}.00\n" for p in (15, 18, 20, 25))
    + "prefer-not-to-say,19.99\n"
)
# statistics.mean/median: 30/30, 22/22, 19.5/19; gaps (30-22)/30 = 26.7, (30-19.5)/30 = 35.0,
# (30-19)/30 = 36.7.
PAY_TABLE = [
    ["Professional background", "5", "£30.00", "£30.00", "", ""],
    ["Intermediate background", "3", "£22.00", "£22.00", "26.7%", "26.7%"],
    ["Lower socio-economic background", "4", "£19.50", "£19.00", "35.0%", "36.7%"],
    ["Not classified", "1", "£19.99", "£19.99", "", ""],
]
# Ranked: 15L 18I 18L | 20P 20L 22I | 25P 25L 26I | 30P 35P 40P.
PAY_QUARTILES = [
    ["lower", "3", "0.0%", "33.3%", "66.7%"],
    ["lower middle", "3", "33.3%", "33.3%", "33.3%"],
    ["upper middle", "3", "33.3%", "33.3%", "33.3%"],
    ["upper", "3", "100.0%", "0.0%", "0.0%"],
]


def open_page(page, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("#hub-journey[data-ready]")


def save(download, tmp_path: Path) -> Path:
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def download_results(page, tmp_path: Path) -> tuple[str, list[dict[str, str]]]:
    with page.expect_download() as info:
        page.click("#hub-journey-download")
    path = save(info.value, tmp_path)
    with path.open(newline="", encoding="utf-8") as handle:
        return path.name, list(csv.DictReader(handle))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(page, path: Path) -> None:
    page.set_input_files("#hub-journey-file", path)


def row_of(text: str, line: str) -> int:
    """The row (counting from 1, as the page does) on which a file holds `line`."""
    return text.splitlines().index(line) + 1


def start_from_the_template(page, path: str, tmp_path: Path) -> tuple[list, Path]:
    """Open the page, record every request from then on, download its template and load it."""
    open_page(page, path)
    page.wait_for_load_state("networkidle")
    requests = record_requests(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="template (CSV)").click()
    template = save(info.value, tmp_path)
    load(page, template)
    return requests, template


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser, site_url: str):
    """A fresh page at a phone's or a desktop's size, collecting script errors."""
    width, height = SIZES[request.param]
    context = browser.new_context(
        base_url=site_url, viewport={"width": width, "height": height}, accept_downloads=True
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_recruiters_funnel_journey(sized_page, site_url: str, tmp_path: Path) -> None:
    page = sized_page
    requests, template = start_from_the_template(page, FUNNEL, tmp_path)
    expect(page.locator("#hub-journey-messages")).to_have_text(f"Loaded 5 stages from {template.name}.")
    assert rows(page, ".hub-journey-people") == FUNNEL_PEOPLE
    assert rows(page, ".hub-journey-rates") == FUNNEL_RATES
    expect(page.locator(".hub-journey__summary")).to_contain_text(
        "at shortlisted, offered, people from lower"
    )
    expect(page.locator(".hub-journey-chart")).to_contain_text("Lower socio-economic background: 36.7%")
    name, analysis = download_results(page, tmp_path)
    assert name == "hiring-funnel-analysis.csv"
    relative = [r for r in analysis if r["group"] == "lower relative to professional"]
    assert [(r["stage"], r["relative_rate"], r["flag"]) for r in relative] == [
        ("shortlisted", "0.66", "under 0.80"),
        ("assessed", "1", ""),
        ("offered", "0.79", "under 0.80"),
        ("hired", "0.99", ""),
    ]
    # Publication: the small counts go, and what could give them back.
    page.check("#hub-view-publication")
    assert rows(page, ".hub-journey-rates") == FUNNEL_PUBLICATION_RATES
    assert rows(page, ".hub-journey-people")[3][3] == "withheld (share withheld)"
    assert rows(page, ".hub-journey-people")[4][3] == "fewer than 10 (share withheld)"
    name, publication = download_results(page, tmp_path)
    assert name == "hiring-funnel-publication.csv"
    assert {r["view"] for r in publication} == {"publication"}
    assert [r["count"] for r in publication if r["stage"] == "offered"][:4] == [
        "23",
        "11",
        "withheld",
        "fewer than 10",
    ]
    # A mistake in the file: named by row, nothing from it used, the results stay.
    page.check("#hub-view-analysis")
    bad = template.read_text(encoding="utf-8").replace("offered,routine,6", "offered,routine,-6")
    load(page, write(tmp_path, "bad.csv", bad))
    expect(page.locator("#hub-journey-errors li")).to_have_text(
        [f'Row {row_of(bad, "offered,routine,-6")}: the count "-6" is negative: give a count of 0 or more.']
    )
    expect(page.locator("#hub-journey-messages")).to_have_text(
        "bad.csv could not be read. Nothing from it was used: "
        f"the results below are still from {template.name}."
    )
    assert rows(page, ".hub-journey-rates") == FUNNEL_RATES
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, ["shortlisted", "assessed", "hired"])


BAD_FUNNELS = [
    (
        "wrong header",
        "level,answer,count\nx,routine,4\n",
        'Row 1: the column "stage" is missing: the first row must name the columns stage, answer, count.',
    ),
    (
        "unknown answer",
        "stage,answer,count\napplied,astronaut,4\n",
        f"Row 2: {UNKNOWN}",
    ),
    (
        "formula",
        "stage,answer,count\n=HYPERLINK(1),routine,4\n",
        'Row 2: "=HYPERLINK(1)" looks like a spreadsheet formula: give plain text.',
    ),
    ("empty", "", "The file is empty: it needs the columns stage, answer, count."),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD_FUNNELS, ids=[c[0] for c in BAD_FUNNELS])
def test_a_bad_funnel_file_says_why_and_changes_nothing(
    page, tmp_path: Path, case: str, text: str, message: str
) -> None:
    open_page(page, FUNNEL)
    load(page, write(tmp_path, "good.csv", "stage,answer,count\napplied,routine,40\nhired,routine,20\n"))
    expect(page.locator(".hub-journey-rates")).to_be_visible()
    before = rows(page, ".hub-journey-people")
    load(page, write(tmp_path, f"{case}.csv", text))
    expect(page.locator("#hub-journey-errors li")).to_have_text([message])
    expect(page.locator("#hub-journey-errors")).to_be_focused()
    assert rows(page, ".hub-journey-people") == before


TOO_LARGE = [
    (
        FUNNEL,
        "stage,answer,count\n",
        "applied,routine,1\n",
        50_000_000,
        "The file is too large (over 5000 KB): a table of counts is much smaller.",
    ),
    (
        PAY,
        "answer,hourly_pay\n",
        "routine,12.50\n",
        11_000_000,
        "The file is too large (over 10000 KB): the page reads up to 200,000 people, one row each,"
        " with the columns answer, hourly_pay and (if you use it) level.",
    ),
]


@pytest.mark.parametrize(
    ("path", "header", "line", "size", "message"), TOO_LARGE, ids=["funnel-50mb", "pay-11mb"]
)
def test_a_file_too_large_is_refused_with_words_that_fit_its_page(
    page, tmp_path: Path, path: str, header: str, line: str, size: int, message: str
) -> None:
    """Refused before it is read into the results; each page says what its file should hold."""
    open_page(page, path)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as handle:
        handle.write(header)
        handle.write(line * (size // len(line)))
    load(page, big)
    expect(page.locator("#hub-journey-errors li")).to_have_text([message])
    expect(page.locator("#hub-journey-download")).to_be_disabled()


def test_the_pay_analysts_journey(sized_page, site_url: str, tmp_path: Path) -> None:
    page = sized_page
    requests, _ = start_from_the_template(page, PAY, tmp_path)
    expect(page.locator("#hub-journey-messages")).to_have_text("Loaded 48 people from template.csv.")
    expect(page.locator(".hub-journey-level-2")).to_contain_text("Level: Senior")
    load(page, write(tmp_path, "pay.csv", PAY_ROWS))
    expect(page.locator("#hub-journey-messages")).to_have_text("Loaded 13 people from pay.csv.")
    assert rows(page, ".hub-journey-pay") == PAY_TABLE
    assert rows(page, ".hub-journey-quartiles") == PAY_QUARTILES
    expect(page.locator(".hub-journey__summary")).to_have_text(
        "People from lower socio-economic backgrounds are paid 36.7% less than people from"
        " professional backgrounds at the median, and 35.0% less on the mean."
    )
    name, analysis = download_results(page, tmp_path)
    assert name == "class-pay-gap-analysis.csv"
    lower = next(r for r in analysis if r["measure"] == "pay" and r["group"] == "lower")
    assert (lower["people"], lower["mean"], lower["median"], lower["mean_gap"], lower["median_gap"]) == (
        "4",
        "19.5",
        "19",
        "35",
        "36.7",
    )
    # Publication: every background has fewer than 10 people here.
    page.check("#hub-view-publication")
    assert rows(page, ".hub-journey-pay")[2] == [
        "Lower socio-economic background",
        "fewer than 10",
        "withheld",
        "withheld",
        "withheld",
        "withheld",
    ]
    name, publication = download_results(page, tmp_path)
    assert name == "class-pay-gap-publication.csv"
    assert {r["view"] for r in publication} == {"publication"}
    assert "4" not in [r["people"] for r in publication]
    # Bad rows: by line, nothing used, the results stay.
    load(page, write(tmp_path, "bad-pay.csv", "answer,hourly_pay\nroutine,12\nroutine,-4\nastronaut,9\n"))
    expect(page.locator("#hub-journey-errors li")).to_have_text(
        [
            'Row 3: the hourly pay "-4" is negative.',
            f"Row 4: {UNKNOWN}",
        ]
    )
    page.check("#hub-view-analysis")
    assert rows(page, ".hub-journey-pay") == PAY_TABLE
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, ["19.99", "hourly_pay"])


def test_the_survey_owners_change_journey(sized_page, site_url: str, tmp_path: Path) -> None:
    page = sized_page
    requests, template = start_from_the_template(page, CHANGE, tmp_path)
    expect(page.locator("#hub-journey-messages")).to_have_text(f"Loaded 2 rounds from {template.name}.")
    assert rows(page, ".hub-journey-rounds") == CHANGE_ROUNDS
    assert rows(page, ".hub-journey-changes") == CHANGE_CHANGES
    expect(page.locator(".hub-journey__summary")).to_have_text(
        "From 2025 to 2026, the share from lower socio-economic backgrounds changed by +6 points:"
        " too small to read anything into."
    )
    expect(page.locator(".hub-journey-chart")).to_contain_text("Benchmark: 39%")
    name, analysis = download_results(page, tmp_path)
    assert name == "change-over-time-analysis.csv"
    lower = [r for r in analysis if r["round"] == "2026" and r["group"] == "lower"]
    assert [(r["share"], r["benchmark"], r["change"], r["readable"]) for r in lower] == [
        ("40", "39", "6", "too small")
    ]
    # A headcount under the answers: named by row, nothing used, the results stay.
    bad = template.read_text(encoding="utf-8").replace("2026,headcount,420", "2026,headcount,42")
    load(page, write(tmp_path, "bad.csv", bad))
    expect(page.locator("#hub-journey-errors li")).to_have_text(
        [
            f"Row {row_of(bad, '2026,headcount,42')}: "
            'the headcount of "2026" (42) is fewer than its 346 answers: the headcount is everyone asked.'
        ]
    )
    assert rows(page, ".hub-journey-rounds") == CHANGE_ROUNDS
    page.check("#hub-view-publication")
    _, publication = download_results(page, tmp_path)
    assert {r["view"] for r in publication} == {"publication"}
    # Clear empties the results and the download.
    page.click("#hub-journey-clear")
    expect(page.locator("#hub-journey-download")).to_be_disabled()
    assert page.locator(".hub-journey-rounds").count() == 0
    assert page.errors == []
    assert_nothing_typed_left(requests, site_url, ["2025", "2026"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("path", "good", "bad"),
    [
        (
            FUNNEL,
            "stage,answer,count\napplied,routine,40\napplied,professional,30\nhired,routine,20\nhired,professional,5\n",
            "stage,answer\n",
        ),
        (PAY, PAY_ROWS, "answer,hourly_pay\nroutine,abc\n"),
        (
            CHANGE,
            "round,answer,count\n1,routine,40\n1,professional,30\n2,routine,50\n2,professional,20\n",
            "round\n",
        ),
    ],
    ids=["funnel", "pay", "change"],
)
def test_axe_finds_nothing_with_results_and_with_errors(
    browser, site_url: str, tmp_path: Path, scheme: str, path: str, good: str, bad: str
) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    open_page(page, path)
    assert axe_violations(page) == []
    load(page, write(tmp_path, "good.csv", good))
    expect(page.locator(".hub-journey-chart")).to_be_visible()
    for view in ("analysis", "publication"):
        page.check(f"#hub-view-{view}")
        assert axe_violations(page) == [], view
    load(page, write(tmp_path, "bad.csv", bad))
    expect(page.locator("#hub-journey-errors")).to_be_visible()
    assert axe_violations(page) == [], "with errors"
    context.close()


def test_no_csp_violation_while_loading_and_switching(strict_page, tmp_path: Path) -> None:
    for path, text in (
        (FUNNEL, "stage,answer,count\napplied,routine,40\nhired,routine,20\n"),
        (PAY, PAY_ROWS),
        (CHANGE, "round,answer,count\n1,routine,40\n2,routine,50\n"),
    ):
        strict_page.goto(path)
        strict_page.wait_for_selector("#hub-journey[data-ready]")
        load(strict_page, write(tmp_path, "good.csv", text))
        expect(strict_page.locator(".hub-journey-chart")).to_be_visible()
        strict_page.check("#hub-view-publication")
        load(strict_page, write(tmp_path, "bad.csv", "x\n"))
        expect(strict_page.locator("#hub-journey-errors")).to_be_visible()
        assert violations(strict_page) == []


def test_away_and_back_and_a_reload_start_empty_and_work(page, tmp_path: Path) -> None:
    """Nothing is kept: Back (instant navigation) and a reload give an empty page that works."""
    good = write(tmp_path, "good.csv", "stage,answer,count\napplied,routine,40\nhired,routine,20\n")
    page.goto("strategy/data/")
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.get_by_role("link", name="Your hiring funnel").first.click()
    page.wait_for_url(f"**/{FUNNEL}")
    page.wait_for_selector("#hub-journey[data-ready]")
    load(page, good)
    expect(page.locator(".hub-journey-rates")).to_contain_text("50%")
    page.get_by_role("link", name="calculator").first.click()
    page.wait_for_url("**/strategy/data/compare/")
    page.go_back()
    page.wait_for_selector("#hub-journey[data-ready]")
    expect(page.locator("#hub-journey-download")).to_be_disabled()
    load(page, good)
    expect(page.locator(".hub-journey-rates")).to_contain_text("50%")
    page.reload()
    page.wait_for_selector("#hub-journey[data-ready]")
    assert page.locator(".hub-journey-rates").count() == 0
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.includes('journey'))") == []
