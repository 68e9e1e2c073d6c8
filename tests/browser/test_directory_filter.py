"""The directory's pure functions (docs/javascripts/directory/filter.js), run in Chromium.

Each test imports the module the site ships into a page of the served site and calls it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from hub.directory.organisations import covered_regions, load_organisations, to_filter_index
from tests.project import PROJECT, VOCAB

pytestmark = pytest.mark.browser

ORGS = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
DATA = json.loads(to_filter_index(ORGS, VOCAB))


@pytest.fixture(scope="module")
def logic(browser, site_url: str):
    """Call `filter.js` functions: `logic("(m, arg) => m.readQuery(arg)", arg)`."""
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    page.goto("organisations/")
    page.evaluate("async () => { window.dirLogic = await import('/javascripts/directory/filter.js'); }")

    def call(body: str, arg: Any = None) -> Any:
        return page.evaluate(f"([arg]) => ({body})(window.dirLogic, arg)", [arg])

    yield call
    context.close()


def test_the_query_string_round_trips_and_drops_empty_values(logic) -> None:
    state = logic("(m) => m.readQuery('?search=%20young%20people%20&region=london&q=ignored')")
    assert state == {"q": "young people", "region": "london", "support": "", "element": "", "type": ""}
    assert logic("(m, s) => m.queryString(s)", state) == "?search=young+people&region=london"
    assert logic("(m) => m.queryString(m.readQuery(''))") == ""
    assert logic("(m) => m.isUnfiltered(m.readQuery('?search=%20'))") is True


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("", {"region": "north-west"}),
        ("accountancy", {}),
        ("YOUNG   people", {"support": "mentoring"}),
        ("scotland", {"region": "scotland", "support": "apprenticeships"}),
        ("", {"element": "data", "type": "charity"}),
        ("zzzz", {}),
    ],
)
def test_matches_agree_with_the_data(logic, query: str, filters: dict[str, str]) -> None:
    state = {"q": query, **{name: filters.get(name, "") for name in ("region", "support", "element", "type")}}
    found = logic(
        "(m, a) => m.matches(m.prepare(a.data), a.state).map(o => o.slug)", {"data": DATA, "state": state}
    )
    want = [
        org.slug
        for org in ORGS
        if all(
            value
            in {
                "region": covered_regions(org, VOCAB["regions"]),
                "support": org.support,
                "element": org.elements,
                "type": [org.kind],
            }[name]
            for name, value in filters.items()
        )
        and all(
            word in " ".join([org.name, org.summary, *org.sectors]).lower() for word in query.lower().split()
        )
    ]
    assert found == want


def test_prepared_items_carry_the_facts_line_of_the_built_list(logic) -> None:
    item = logic("(m, d) => m.prepare(d)[0]", DATA)
    org = ORGS[0]
    labels = DATA["labels"]
    assert item["facts"] == " · ".join(
        [
            labels["organisation_types"][org.kind],
            ", ".join(labels["support"][s] for s in org.support),
            ", ".join(labels["regions"][r] for r in org.regions),
        ]
    )
    assert item["text"] == " ".join([org.name, org.summary, *org.sectors]).lower()


@pytest.mark.parametrize(
    ("count", "total", "limit", "text"),
    [
        (39, 39, 100, "Showing all 39 organisations."),
        (0, 39, 100, "No organisations match these filters."),
        (7, 39, 100, "Showing 7 of 39 organisations."),
        (250, 5039, 100, "250 of 5039 match; showing the first 100."),
        (250, 5039, 300, "Showing 250 of 5039 organisations."),
    ],
)
def test_the_status_line(logic, count: int, total: int, limit: int, text: str) -> None:
    assert logic("(m, a) => m.statusText(...a)", [count, total, limit]) == text
