"""hub.measurement: loading and checking the question set, rendering it and its downloads."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from hub.core.yamlio import DataErrors
from hub.measurement import render
from hub.measurement.questions import load_question_set
from tests.project import PROJECT, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "measurement"
BAD = "tests/fixtures/measurement/bad"
ENV = render.template_env()
GOOD = load_question_set(FIXTURES / "good.yml", PROJECT.schemas)
REAL = load_question_set(PROJECT.data / "measurement.yml", PROJECT.schemas)
URL = "must be the source page's full web address, starting with https://"

# One row per broken file: the exact message an editor sees.
BAD_FILES = [
    ("empty.yml", f"{BAD}/empty.yml:1: the file is empty: give the fields"),
    (
        "unknown-group.yml",
        f"{BAD}/unknown-group.yml:13: key_question.options.1.group: "
        "'lowr' is not a group: use one of professional, lower, not-classified",
    ),
    (
        "missing-group.yml",
        f"{BAD}/missing-group.yml:11: key_question.options.1.group: "
        "is required: say which background it counts in",
    ),
    (
        "duplicate-option.yml",
        f"{BAD}/duplicate-option.yml:14: key_question.options.2.id: 'high' is used twice",
    ),
    (
        "shares-sum.yml",
        f"{BAD}/shares-sum.yml:40: benchmarks.0.shares: add up to 90, not 100 (give or take 1)",
    ),
    (
        "shares-unknown-group.yml",
        f"{BAD}/shares-unknown-group.yml:43: benchmarks.0.shares.middle: "
        "'middle' is not a group: use one of professional, lower",
    ),
    (
        "shares-missing-group.yml",
        f"{BAD}/shares-missing-group.yml:40: benchmarks.0.shares: has no share for lower",
    ),
    ("missing-source.yml", f"{BAD}/missing-source.yml:38: benchmarks.0.source: is required"),
    ("http-source.yml", f"{BAD}/http-source.yml:47: benchmarks.0.source.url: {URL}"),
    (
        "bad-date.yml",
        f"{BAD}/bad-date.yml:43: benchmarks.0.date: must be a date written as YYYY-MM-DD, e.g. 2021-05-21",
    ),
]


@pytest.mark.parametrize(("name", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_a_broken_file_is_reported_at_its_line(name: str, message: str) -> None:
    with pytest.raises(DataErrors) as caught:
        load_question_set(FIXTURES / "bad" / name, PROJECT.schemas)
    assert [str(e) for e in caught.value.errors] == [message]


def test_every_bad_fixture_has_a_row() -> None:
    assert sorted(p.name for p in (FIXTURES / "bad").iterdir()) == sorted(row[0] for row in BAD_FILES)


def test_the_real_file_holds_the_may_2021_benchmark_with_its_source() -> None:
    (benchmark,) = REAL.benchmarks
    assert benchmark.shares == {"professional": 37, "intermediate": 24, "lower": 39}
    assert benchmark.date_label == "revised May 2021"
    assert benchmark.source.url.startswith("https://www.gov.uk/government/publications/")
    assert [a.percent for a in REAL.aims] == [67, 70]
    assert REAL.mask_under == 10


def test_the_real_grouping_follows_the_content_facts() -> None:
    by_group: dict[str, list[str]] = {}
    for option in REAL.key_question.options:
        by_group.setdefault(option.group, []).append(option.id)
    assert by_group == {
        "professional": ["professional", "managers"],
        "intermediate": ["clerical", "small-business"],
        "lower": ["technical", "routine", "unemployed"],
        "not-classified": ["other", "prefer-not-to-say"],
    }


def test_rendered_options_are_text_not_markup() -> None:
    downloads = {"csv": "a.csv", "txt": "a.txt", "compare": "compare/"}
    html = render.render(ENV, "key-options", GOOD, downloads=downloads)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    items = [li.get_text(" ", strip=True) for li in soup.select("li[data-option]")]
    assert items[0] == "High <script>alert(1)</script> (counts as: professional)"
    assert items[2].endswith("Wording not yet confirmed against the source: check it there.")


def test_an_options_name_drops_its_examples() -> None:
    names = [o.name for o in REAL.key_question.options]
    assert names[0] == "Modern professional & traditional professional occupations"
    assert names[3] == "Technical and craft occupations"
    assert names[-1] == "I prefer not to say"


def test_unchecked_options_are_the_ones_marked_in_the_data() -> None:
    assert [o.id for o in GOOD.unchecked] == ["skip"]


def test_the_form_has_a_labelled_field_per_option_and_a_headcount() -> None:
    html = render.render(ENV, "compare-form", GOOD, config=render.form_config(GOOD), sample="s.csv")
    soup = BeautifulSoup(html, "html.parser")
    labels = {label["for"]: label.get_text(strip=True) for label in soup.select("form label")}
    assert [labels[i["id"]] for i in soup.select("input[type=text]")] == [
        "High <script>alert(1)</script>",
        "=Low",
        "Prefer not to say",
        "Headcount",
    ]
    config = json.loads(soup.select_one("form")["data-config"])
    assert config["benchmark"]["shares"] == {"professional": 40, "lower": 60}
    assert config["progressGroup"] == "lower"


def test_fill_includes_needs_exactly_one_marker() -> None:
    html = f"<p>a</p>{render.marker('x')}<p>b</p>"
    assert render.fill_includes(html, {"x": "<ol></ol>"}, "p.md") == "<p>a</p><ol></ol><p>b</p>"
    with pytest.raises(render.MissingInclude, match=r"p\.md: needs exactly one"):
        render.fill_includes("<p>a</p>", {"x": "<ol></ol>"}, "p.md")
