"""The journey pages in the real build: the options they get come from data/measurement.yml by
id, the templates use only those ids, the script loads on these pages alone, and the words
read as plainly as the rest of the guidance."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hooks.journey import config_element
from tests.build.test_page_scripts import tools_by_page
from tests.build.test_readability import MIN_READING_EASE, reading_ease
from tests.conftest import Build

PAGES = {
    "strategy/data/funnel/": "funnel",
    "strategy/data/pay-gap/": "pay-gap",
    "strategy/data/change/": "change",
}
REPORT = "strategy/data/board-report/"


def page_config(build: Build, url: str) -> dict:
    return json.loads(build.html(url).select_one("#hub-journey-config")["data-config"])


@pytest.mark.parametrize("url", [*PAGES, REPORT])
def test_each_page_has_the_calculators_options_by_id(build: Build, url: str) -> None:
    config = page_config(build, url)
    compare = json.loads(build.html("strategy/data/compare/").select_one("#hub-compare")["data-config"])
    assert config == compare
    assert {o["group"] for o in config["options"]} == {g["id"] for g in config["groups"]}


@pytest.mark.parametrize(("url", "folder"), list(PAGES.items()))
def test_each_template_uses_only_option_ids(build: Build, url: str, folder: str) -> None:
    ids = {o["id"] for o in page_config(build, url)["options"]}
    text = (build.site / "strategy/data" / folder / "template.csv").read_text(encoding="utf-8")
    answers = {row["answer"] for row in csv.DictReader(io.StringIO(text))}
    # "headcount" gives a round's headcount on the change over time page.
    assert answers and answers - {"headcount"} <= ids


def test_the_journey_script_loads_on_these_pages_alone(build: Build) -> None:
    assert tools_by_page(build)["journey"] == {*PAGES, REPORT}


def test_each_analysis_asks_before_keeping_anything(build: Build) -> None:
    for url in PAGES:
        box = build.html(url).select_one("input#hub-journey-keep")
        assert box["type"] == "checkbox" and not box.has_attr("checked"), url
        label = build.html(url).select_one('label[for="hub-journey-keep"]').get_text()
        assert label == "Keep these results in this browser (for the board report and your next visit)", url


def test_the_report_offers_every_section_and_starts_for_publication(build: Build) -> None:
    html = build.html(REPORT)
    sections = [box["value"] for box in html.select("input[name=hub-board-section]")]
    assert sections == ["workforce", "change", "funnel", "pay", "plan"]
    assert all(box.has_attr("checked") for box in html.select("input[name=hub-board-section]"))
    assert html.select_one("input[name=hub-board-view]:checked")["value"] == "publication"
    assert html.select_one(".md-nav a[href='./']").get_text(strip=True) == "A report for your board"


@pytest.mark.parametrize("url", [*PAGES, REPORT])
def test_each_page_reads_plainly(build: Build, url: str) -> None:
    assert reading_ease(build.html(url)) >= MIN_READING_EASE


def test_the_config_is_escaped_as_an_attribute() -> None:
    element = config_element('{"text":"<b>\\"x\\"</b> & y"}')
    assert element.startswith('<div id="hub-journey-config" data-config="{&#34;text&#34;')
    assert "<b>" not in element and "&amp; y" in element
