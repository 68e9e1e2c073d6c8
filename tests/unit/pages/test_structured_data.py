"""Both JSON-LD kinds (hub.pages.structured_data) are built the same way: plain dicts."""

from __future__ import annotations

import datetime as dt
import json

from hub.pages.structured_data import SCHEMA_ORG, article, organization


def test_an_article_names_its_dates_authors_and_page() -> None:
    data = article(
        headline="Choosing a benchmark",
        description="Which figures to compare with.",
        published=dt.datetime(2026, 11, 17),
        modified=None,
        authors=["The hub editors"],
        publisher="The employer hub",
        page_url="https://hub.invalid/blog/2026/11/17/choosing-a-benchmark/",
        image="https://hub.invalid/assets/share.png",
    )
    assert (data["@context"], data["@type"]) == (SCHEMA_ORG, "Article")
    assert data["datePublished"] == data["dateModified"] == "2026-11-17T00:00:00"
    assert data["author"] == [{"@type": "Organization", "name": "The hub editors"}]
    assert article(**{**_article_args(), "modified": dt.date(2026, 12, 1)})["dateModified"] == "2026-12-01"


def _article_args() -> dict[str, object]:
    return {
        "headline": "h",
        "description": "d",
        "published": dt.date(2026, 11, 17),
        "modified": None,
        "authors": [],
        "publisher": "p",
        "page_url": "u",
        "image": "i",
    }


def test_an_organization_lists_areas_and_topics_as_given() -> None:
    data = organization(
        name="<b>Trust</b> & Co",
        description="s",
        website="https://www.example.org.uk",
        page_url="https://hub.invalid/organisations/x/",
        areas=("UK-wide",),
        topics=("Mentoring", "Outreach"),
    )
    assert (data["@context"], data["@type"]) == (SCHEMA_ORG, "Organization")
    assert data["name"] == "<b>Trust</b> & Co"  # data, not HTML: tojson escapes it in the page
    assert data["areaServed"] == ["UK-wide"] and data["knowsAbout"] == ["Mentoring", "Outreach"]
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
