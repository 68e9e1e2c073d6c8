"""Self-assessment end to end in Chromium: tick, see where you stand, plan, print, move, privacy.

Expectations come from the actions file the build wrote (itself checked against the
Markdown in tests/build/test_actions.py), never from hard-coded ids or counts.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from tests.browser.axe import axe_violations
from tests.browser.csp import violations
from tests.browser.navigation import follow
from tests.conftest import Build

pytestmark = pytest.mark.browser

ENABLED = "input[data-hub-action]:not([disabled])"


@pytest.fixture(scope="module")
def data(build: Build) -> dict:
    """The actions file as the page scripts read it."""
    return json.loads((build.site / "plan" / "actions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def element_page(data: dict) -> dict:
    """The first element page with actions: its URL and its actions by tier."""
    url = data["actions"][0]["url"]
    own = [a for a in data["actions"] if a["url"] == url]
    return {
        "url": url,
        "element": own[0]["element"],
        "starting": [a for a in own if a["tier"] == "starting"],
        "best": [a for a in own if a["tier"] == "best"],
    }


def open_tool(page, url: str) -> None:
    """Go to `url` and wait until the page script has enabled the boxes and settled (on a
    phone the plan's groups start closed, so its boxes are there but not shown)."""
    page.goto(url)
    page.wait_for_selector(ENABLED, state="attached")
    page.wait_for_load_state("networkidle")


def box(page, action: dict):
    """An action's checkbox, found as a person (or a screen reader) finds it: by its name
    (also when a filter or a closed group hides it, to read its state; ticking it then fails)."""
    return page.get_by_role("checkbox", name=action["text"], exact=True, include_hidden=True)


def standing(page) -> str:
    """The element page's "where you stand" sentence, once shown."""
    text = page.locator("[data-hub-standing-text]")
    text.wait_for()
    return text.inner_text()


def expected(done_starting: int, starting: int, done_best: int, best: int) -> str:
    """The summary sentence the page should show."""
    return f"{done_starting} of {starting} starting-out actions done; {done_best} of {best} among the best"


def record_requests(page) -> list[str]:
    """Every request the page makes from now on, except blob: downloads (they never leave)."""
    seen: list[str] = []
    page.on("request", lambda request: None if request.url.startswith("blob:") else seen.append(request.url))
    return seen


def test_ticks_survive_a_reload_and_the_summary_counts_them(page, element_page: dict) -> None:
    open_tool(page, element_page["url"])
    starting, best = element_page["starting"], element_page["best"]
    assert standing(page).startswith(expected(0, len(starting), 0, len(best)))
    box(page, starting[0]).check()
    box(page, best[-1]).check()
    assert standing(page).startswith(expected(1, len(starting), 1, len(best)))
    open_tool(page, element_page["url"])
    assert box(page, starting[0]).is_checked()
    assert box(page, best[-1]).is_checked()
    assert not box(page, starting[1]).is_checked()
    assert "Stage: Starting out." in standing(page)
    assert page.errors == []


def test_strategy_page_and_plan_show_the_same_counts(page, data: dict, element_page: dict) -> None:
    open_tool(page, element_page["url"])
    for action in element_page["starting"]:
        box(page, action).check()
    element = next(e for e in data["elements"] if e["id"] == element_page["element"])
    own = [a for a in data["actions"] if a["element"] == element["id"]]
    total = {tier: sum(a["tier"] == tier for a in own) for tier in ("starting", "best")}
    done = len(element_page["starting"])
    line = expected(done, total["starting"], 0, total["best"])
    page.goto("strategy/")
    row = page.locator("[data-hub-standing-list] > li", has_text=element["label"]).first
    row.wait_for()
    assert line in row.inner_text()
    page.get_by_role("link", name="Your action plan").first.click()
    page.wait_for_url("**/plan/")
    count = page.locator(f"[data-hub-count='{element['id']}']")
    count.wait_for()
    assert count.inner_text().startswith(line)
    assert page.errors == []


def test_a_tick_on_the_plan_shows_on_the_element_page(page, element_page: dict) -> None:
    action = element_page["best"][0]
    open_tool(page, "plan/")
    box(page, action).check()
    # Instant navigation: wait for the element page itself, as the plan page's own boxes
    # would answer ENABLED until it arrives.
    follow(page, page.get_by_role("link", name=action["page"]).first, f"**/{element_page['url']}*")
    page.wait_for_selector(ENABLED, state="attached")
    assert box(page, action).is_checked()
    assert standing(page).startswith(expected(0, len(element_page["starting"]), 1, len(element_page["best"])))


def test_remaining_actions_come_first_with_owner_and_date_that_survive_a_reload(page, data: dict) -> None:
    first, second = data["actions"][0], data["actions"][1]
    open_tool(page, "plan/")
    box(page, first).check()
    open_tool(page, "plan/")
    items = page.locator(f"[data-hub-item='{first['id']}']").locator("xpath=..").locator("[data-hub-item]")
    ids = items.evaluate_all("els => els.map(e => e.dataset.hubItem)")
    assert ids[-1] == first["id"] and ids[0] == second["id"]
    item = page.locator(f"[data-hub-item='{second['id']}']")
    item.get_by_label("Owner").fill("Head of people, Priya")
    item.get_by_label("Target date").fill("2027-03-31")
    assert page.locator(f"[data-hub-item='{first['id']}'] [data-hub-fields]").is_hidden()
    open_tool(page, "plan/")
    item = page.locator(f"[data-hub-item='{second['id']}']")
    assert item.get_by_label("Owner").input_value() == "Head of people, Priya"
    assert item.get_by_label("Target date").input_value() == "2027-03-31"


def download(page, name: str) -> Path:
    """Click a download button; return the saved file."""
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    return Path(info.value.path())


def test_download_clear_and_load_restores_everything_and_nothing_leaves_the_page(
    page, data: dict, tmp_path: Path
) -> None:
    first, second = data["actions"][0], data["actions"][-1]
    open_tool(page, "plan/")
    requests = record_requests(page)
    box(page, first).check()
    box(page, second).check()
    third = page.locator(f"[data-hub-item='{data['actions'][1]['id']}']")
    third.get_by_label("Owner").fill('=Sam, "ops"')
    third.get_by_label("Target date").fill("2027-01-15")
    saved = download(page, "Download progress (JSON)")
    csv = download(page, "Download for spreadsheets (CSV)").read_text(encoding="utf-8")
    assert '\'=Sam, ""ops""' in csv and len(csv.strip().splitlines()) == len(data["actions"]) + 1

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    assert not box(page, first).is_checked() and third.get_by_label("Owner").input_value() == ""

    page.get_by_label("Load progress from a JSON file").set_input_files(saved)
    confirm = page.get_by_role("button", name="Replace my progress")
    confirm.wait_for()
    assert not box(page, first).is_checked()  # nothing changes until the visitor confirms
    confirm.click()
    assert box(page, first).is_checked() and box(page, second).is_checked()
    assert third.get_by_label("Owner").input_value() == '=Sam, "ops"'
    assert third.get_by_label("Target date").input_value() == "2027-01-15"
    # The only requests: the shared CSV writer and download helper, fetched (once, as plain
    # files) when the first file was asked for. Nothing typed or ticked goes with them.
    assert sorted(urlsplit(url).path for url in requests) == [
        "/javascripts/shared/csv.js",
        "/javascripts/shared/download.js",
    ]
    assert all(urlsplit(url).query == "" for url in requests)
    open_tool(page, "plan/")
    assert box(page, second).is_checked()
    assert page.errors == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ this is not json", "could not be read"),
        ('{"format": "something-else", "version": 1}', "is not a progress file"),
        ('{"format": "employer-hub-action-plan", "version": "1"}', 'gives its version as "1"'),
        ('{"format": "employer-hub-action-plan", "version": 1, "done": null}', "is damaged"),
        (
            '{"format": "employer-hub-action-plan", "version": 1, "done": {},'
            ' "notes": {"action-data-agree-owner": {"owner": "Sam", "due": "2027-02-31"}}}',
            "is damaged",
        ),
        ("Element,Page,Checklist,Action,Done,Owner,Target date,Id\r\n", "This is the spreadsheet (CSV) file"),
    ],
)
def test_a_corrupt_or_foreign_file_gives_a_message_and_changes_nothing(
    page, data: dict, tmp_path: Path, content: str, message: str
) -> None:
    first = data["actions"][0]
    open_tool(page, "plan/")
    box(page, first).check()
    before = page.evaluate("() => localStorage.getItem('employer-hub:plan')")
    requests = record_requests(page)
    bad = tmp_path / "progress.json"
    bad.write_text(content, encoding="utf-8")
    page.get_by_label("Load progress from a JSON file").set_input_files(bad)
    status = page.get_by_role("status").filter(has_text=message)
    status.wait_for()
    assert "has not changed" in status.inner_text()
    assert page.get_by_role("button", name="Replace my progress").is_hidden()
    assert page.evaluate("() => localStorage.getItem('employer-hub:plan')") == before
    assert box(page, first).is_checked()
    assert requests == []


def test_saved_ticks_that_match_no_action_are_reported(page, element_page: dict) -> None:
    open_tool(page, element_page["url"])
    page.evaluate(
        "() => localStorage.setItem('employer-hub:plan', JSON.stringify("
        "{version: 1, done: {'action-gone-one': true, 'action-gone-two': true}, notes: {}}))"
    )
    open_tool(page, element_page["url"])
    stale = page.locator("[data-hub-stale]")
    stale.wait_for()
    assert stale.inner_text().startswith("2 saved ticks no longer match an action")


def test_keyboard_alone_ticks_an_action_and_fills_its_owner(page, element_page: dict, data: dict) -> None:
    open_tool(page, element_page["url"])
    target = box(page, element_page["starting"][0])
    for _ in range(200):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first action's checkbox")
    page.keyboard.press("Space")
    assert target.is_checked()
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement.nextElementSibling, '::before').outlineStyle"
    )
    assert outline == "solid"  # focus shows on the drawn box

    open_tool(page, "plan/")
    owner = page.locator(f"[data-hub-item='{data['actions'][1]['id']}']").get_by_label("Owner")
    for _ in range(400):
        page.keyboard.press("Tab")
        if owner.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached an owner field")
    page.keyboard.type("Sam")
    assert owner.input_value() == "Sam"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_an_element_page_and_the_plan(
    browser, site_url: str, element_page: dict, data: dict, scheme: str
) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    found = []
    open_tool(page, element_page["url"])
    box(page, element_page["starting"][0]).check()
    found += axe_violations(page)
    open_tool(page, "plan/")
    found += axe_violations(page)  # empty apart from one tick
    page.get_by_role("radio", name="All").check()
    for action in data["actions"][::3]:
        box(page, action).check()
    item = page.locator(f"[data-hub-item='{data['actions'][1]['id']}']")
    item.get_by_label("Owner").fill("Priya")
    item.get_by_label("Target date").fill("2027-02-01")
    page.get_by_role("button", name=re.compile("^Attention to culture")).click()  # closed
    found += axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    open_tool(page, "plan/")  # on a phone: groups closed
    found += axe_violations(page)
    context.close()
    assert found == []


def squash(text: str) -> str:
    """Text without spaces or hyphens, to compare words across a PDF's line breaks."""
    return re.sub(r"[\s\-]", "", text)


def pdf_text(page) -> tuple[int, str]:
    """Print the page to A4 as the browser would; its page count and its text, spaces squashed."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), squash(" ".join(p.extract_text() for p in reader.pages))


LONG_OWNER = "Priya Shah, HR Director (people and culture), with the chief operating officer's team"


def test_a_half_done_plan_prints_on_a_few_pages_with_owners_in_full(page, data: dict) -> None:
    actions = data["actions"]
    done, open_ = actions[::2], actions[1::2]
    notes = {a["id"]: {"owner": f"{LONG_OWNER} {n}", "due": "2027-03-31"} for n, a in enumerate(open_[:12])}
    saved = {"version": 1, "done": {a["id"]: True for a in done}, "notes": notes}
    page.goto("plan/")
    page.evaluate("(s) => localStorage.setItem('employer-hub:plan', JSON.stringify(s))", saved)
    open_tool(page, "plan/")
    page.get_by_role("radio", name="Done").check()  # the printout ignores the screen's filters
    page.get_by_role("button", name=re.compile("^The employee journey")).click()  # and closed groups
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "[data-hub-tools]", "[data-hub-filters]"):
        assert page.locator(hidden).is_hidden(), hidden
    assert page.locator("input[data-hub-note]").first.is_hidden()  # no form fields on paper

    pages, text = pdf_text(page)
    assert pages <= 6, f"{pages} A4 pages for a half-done plan"
    for action in open_:
        assert squash(action["text"]) in text, action["id"]
    for n in range(12):
        assert squash(f"{LONG_OWNER} {n}") in text  # never clipped
    assert squash("31 March 2027") in text and "dd/mm/yyyy" not in text
    for element in data["elements"]:
        assert squash(element["label"]) in text
    assert re.search(r"Printedon\d{1,2}\w+\d{4}", text)
    assert squash("Your plan at a glance") in text and squash("Done already") in text
    assert squash(done[3]["text"]) in text  # listed briefly
    assert squash("Every action from the") not in text  # the page's introduction
    assert "Skipto" not in text and "Search" not in text and "Findanorganisation" not in text

    page.emulate_media(media="screen")
    page.get_by_role("radio", name="Left out").check()
    page.emulate_media(media="print")
    fewer, text = pdf_text(page)
    assert squash(done[3]["text"]) not in text and squash("Done already") not in text
    assert fewer <= pages
    assert page.errors == []


def test_without_javascript_the_lists_still_read_and_the_plan_lists_every_action(
    browser, site_url: str, data: dict, element_page: dict
) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(element_page["url"])
    assert page.locator("li.task-list-item").count() >= len(element_page["starting"]) + len(
        element_page["best"]
    )
    assert page.locator("[data-hub-standing]").is_hidden()
    page.goto("plan/")
    assert page.locator("[data-hub-nojs]").is_visible()
    assert "need JavaScript" in page.locator("[data-hub-nojs]").inner_text()
    assert page.locator("[data-hub-item]").count() == len(data["actions"])
    assert page.locator("[data-hub-tools]").is_hidden()
    context.close()


def test_no_csp_violation_while_the_tool_is_used(
    strict_page, element_page: dict, data: dict, tmp_path: Path
) -> None:
    response = strict_page.goto(element_page["url"])
    assert "script-src 'self'" in response.headers["content-security-policy"]
    strict_page.wait_for_selector(ENABLED)
    box(strict_page, element_page["starting"][0]).check()
    assert violations(strict_page) == []
    open_tool(strict_page, "plan/")
    box(strict_page, data["actions"][1]).check()
    strict_page.locator(f"[data-hub-item='{data['actions'][2]['id']}']").get_by_label("Owner").fill("Sam")
    saved = download(strict_page, "Download progress (JSON)")
    download(strict_page, "Download for spreadsheets (CSV)")
    strict_page.get_by_label("Load progress from a JSON file").set_input_files(saved)
    strict_page.get_by_role("button", name="Replace my progress").click()
    assert violations(strict_page) == []


# The contrast of an action's drawn box against the page, as WCAG 1.4.11 measures it: the
# unticked ring's colour and the ticked disc's, each laid over the page's background.
BOX_CONTRAST = """(id) => {
  const rgba = (c) => { const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number); return {r, g, b, a}; };
  const over = (fg, bg) => ['r', 'g', 'b'].map((k) => fg.a * fg[k] + (1 - fg.a) * bg[k]);
  const linear = (v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const weights = [0.2126, 0.7152, 0.0722];
  const lum = (rgb) => rgb.map((v) => linear(v / 255)).reduce((s, v, i) => s + v * weights[i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const pageRgb = over(page, {r: 255, g: 255, b: 255});
  const drawn = getComputedStyle(document.querySelector(`#${id} .task-list-indicator`), '::before');
  const box = document.querySelector(`#${id} input`);
  const ring = parseFloat(drawn.borderTopWidth) > 0;  // Material's own box is a faint fill
  const colour = box.checked || !ring ? drawn.backgroundColor : drawn.borderTopColor;
  return ratio(over(rgba(colour), {r: pageRgb[0], g: pageRgb[1], b: pageRgb[2]}), pageRgb);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ticked_and_unticked_boxes_stand_out_from_the_page(
    browser, site_url: str, element_page: dict, scheme: str
) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    page = context.new_page()
    open_tool(page, element_page["url"])
    ticked, unticked = element_page["starting"][0], element_page["starting"][1]
    box(page, ticked).check()
    assert page.evaluate(BOX_CONTRAST, ticked["id"]) >= 3
    assert page.evaluate(BOX_CONTRAST, unticked["id"]) >= 3
    context.close()
