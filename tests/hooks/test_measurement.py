"""hooks/measurement.py in process: its state, the downloads, the pages it fills and its errors."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hooks import measurement
from hub.core.context import context_of
from hub.core.yamlio import DataError, DataErrors
from hub.measurement.render import marker


def page_of(config: MkDocsConfig, src_uri: str) -> Page:
    """A page as MkDocs makes it for `src_uri`."""
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return Page(None, file, config)


@pytest.fixture
def built(configured) -> MkDocsConfig:
    """A loaded config after hooks/measurement.py's on_files."""
    config = configured(HUB_FEEDS="offline")
    config.files = measurement.on_files(Files([]), config=config)
    return config


def test_the_state_lives_on_this_builds_context_and_the_downloads_are_added(built, configured) -> None:
    state = context_of(built).features[measurement.FEATURE]
    assert state.questions.key_question.id == "occupation-at-14"
    assert {f.src_uri for f in built.files} == set(measurement.DOWNLOADS.values())
    assert measurement.FEATURE not in context_of(configured(HUB_FEEDS="offline")).features


def test_the_measuring_page_gets_the_options_in_place_of_its_markers(built) -> None:
    page = page_of(built, measurement.MEASURING_PAGE)
    html = f"<p>before</p>{marker('key-options')}<p>middle</p>{marker('supporting-questions')}"
    soup = BeautifulSoup(
        measurement.on_page_content(html, page=page, config=built, files=built.files), "html.parser"
    )
    assert [li["data-option"] for li in soup.select("li[data-option]")][:2] == ["professional", "managers"]
    assert [li["data-question"] for li in soup.select("li[data-question]")] == [
        "school-type",
        "free-school-meals",
        "parents-qualification",
    ]
    links = {a.get_text(strip=True): a["href"] for a in soup.select("a")}
    assert links["question set (CSV)"] == "../question-set.csv"
    assert links["compare your workforce"] == "../compare/"


def test_other_pages_are_left_alone(built) -> None:
    page = page_of(built, "strategy/culture.md")
    html = f"<p>{marker('key-options')}</p>"
    assert measurement.on_page_content(html, page=page, config=built, files=built.files) == html


def test_a_page_without_its_marker_stops_the_build(built) -> None:
    page = page_of(built, measurement.COMPARE_PAGE)
    with pytest.raises(
        PluginError,
        match=re.escape('strategy/data/compare.md: needs exactly one <div data-hub-include="compare-form">'),
    ):
        measurement.on_page_content("<p>no form</p>", page=page, config=built, files=built.files)


def test_a_data_error_stops_the_build_with_its_line(configured, monkeypatch: pytest.MonkeyPatch) -> None:
    config = configured(HUB_FEEDS="offline")
    problem = DataError(
        "data/measurement.yml", 7, "benchmarks.0.shares", "add up to 90, not 100 (give or take 1)"
    )

    def broken(*args: object) -> None:
        raise DataErrors([problem])

    monkeypatch.setattr(measurement, "load_question_set", broken)
    with pytest.raises(PluginError, match=r"data/measurement.yml:7: benchmarks.0.shares: add up to 90"):
        measurement.on_files(Files([]), config=config)
