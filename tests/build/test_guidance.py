"""Guidance content rules on the built site: sources, case studies, facts, glossary, checklist ids."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from tests.build.test_readability import GUIDANCE_PAGES
from tests.conftest import Build

AREAS = "data|measuring|culture|journey|outreach|hiring|progression|advocacy"
ACTION_ID = re.compile(rf"^action-({AREAS})-[a-z0-9]+(-[a-z0-9]+){{1,3}}$")
# A date as sources give it: "15 September 2021", "September 2021" or "2021-09-15".
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(\d{{1,2}} )?({MONTHS}) \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
GLOSSARY_TERMS = [
    "ns-sec",
    "socio-economic-background",
    "contextual-recruitment",
    "progression-gap",
    "class-pay-gap",
    "free-school-meals",
    "first-generation",
    "social-mobility-employer-index",
]


def sources_links(soup: BeautifulSoup) -> list[str]:
    """The external links in the list under the page's Sources heading."""
    heading = soup.find(id="sources")
    assert heading is not None, "no Sources heading"
    links: list[str] = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        links += [a["href"] for a in sibling.select("a[href^='http']")]
    return links


def post_pages(build: Build) -> list[Path]:
    """Every built blog post (blog/YYYY/MM/DD/slug/)."""
    return sorted(p for p in build.site.glob("blog/[0-9][0-9][0-9][0-9]/*/*/*/index.html"))


@pytest.mark.parametrize("url", GUIDANCE_PAGES)
def test_sources_link_to_specific_pages(build: Build, url: str) -> None:
    links = sources_links(build.html(url))
    assert links, f"/{url}: the Sources section links to nothing"
    for href in links:
        assert urlparse(href).path.strip("/"), f"/{url}: {href} is a home page, not the source itself"


def test_each_case_study_names_a_dated_linked_source(build: Build) -> None:
    studies = 0
    for file in post_pages(build):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        if not soup.select_one("a[href$='category/case-studies/']"):
            continue
        article = soup.select_one("article")
        first = article.select_one(".admonition")
        title = first.select_one(".admonition-title").get_text(strip=True) if first else ""
        if "illustrative" in title.lower():
            continue  # an invented example, labelled as such at its top
        studies += 1
        assert title == "Source", f"{file}: a real case study starts with its Source"
        assert first.select("a[href^='https://']"), f"{file}: the source has no link"
        assert DATE.search(first.get_text(" ")), f"{file}: the source has no date"
    assert studies >= 6, f"only {studies} case studies of real employers"


def test_creative_industries_pec_is_named_in_full(build: Build) -> None:
    for file in build.site.rglob("*.html"):
        text = " ".join(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        for match in re.finditer("Policy and Evidence Centre", text):
            context = text[match.start() - 60 : match.end()]
            assert text[: match.start()].endswith("Creative Industries "), f"{file}: {context}"


def test_advocacy_starting_out_asks_to_publish_by_function_and_grade(build: Build) -> None:
    soup = build.html("strategy/advocacy/")
    heading = soup.find(id="starting-out")
    checklist = heading.find_next("ul")
    items = [li.get_text(" ", strip=True) for li in checklist.select("li.task-list-item")]
    assert any("Publish" in item and "function and grade" in item for item in items), items


def test_abbreviations_render_with_a_title(build: Build) -> None:
    abbr = build.html("strategy/data/measuring/").find("abbr", string="NS-SEC")
    assert abbr is not None and abbr["title"] == "National Statistics Socio-economic Classification"


@pytest.mark.parametrize("term", GLOSSARY_TERMS)
def test_glossary_terms_have_anchors(build: Build, term: str) -> None:
    assert build.html("glossary/").select_one(f"article #{term}") is not None


def test_every_checklist_item_has_a_unique_stable_id(build: Build) -> None:
    seen: dict[str, str] = {}
    for url in GUIDANCE_PAGES:
        for item in build.html(url).select("article li.task-list-item"):
            item_id = item.get("id", "")
            words = item.get_text(" ", strip=True)[:60]
            assert ACTION_ID.match(item_id), f"/{url}: {words!r} has id {item_id!r}"
            assert item_id not in seen, f"#{item_id} is on /{url} and /{seen[item_id]}"
            seen[item_id] = url
