"""Search and sharing metadata in the built pages: descriptions, cards, JSON-LD, sitemap."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import Build

SITE_URL = "https://employer-hub.netlify.app/"


def json_ld(build: Build, url: str) -> list[dict]:
    soup = build.html(url)
    return [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]


def pages(build: Build) -> list[str]:
    return [url for url in build.page_urls() if not url.endswith(".html")]


def test_every_page_has_description_canonical_and_sharing_tags(build: Build) -> None:
    missing = []
    for url in pages(build):
        head = build.html(url).head
        description = head.select_one('meta[name="description"]')
        if not description or len(description["content"]) < 20:
            missing.append(f"/{url}: description")
        canonical = head.select_one('link[rel="canonical"]')
        if not canonical or canonical["href"] != SITE_URL + url:
            missing.append(f"/{url}: canonical")
        for prop in ("og:title", "og:description", "og:url", "og:image"):
            if not head.select_one(f'meta[property="{prop}"]'):
                missing.append(f"/{url}: {prop}")
        if head.select_one('meta[name="twitter:card"]')["content"] != "summary_large_image":
            missing.append(f"/{url}: twitter:card")
    assert not missing, "\n".join(missing)


def test_share_image_exists_and_is_absolute(build: Build) -> None:
    image = build.html("").head.select_one('meta[property="og:image"]')["content"]
    assert image == SITE_URL + "assets/share.png"
    assert (build.site / "assets" / "share.png").stat().st_size > 1000


def test_listing_pages_get_their_own_description(build: Build) -> None:
    # Category, archive and author pages have no prose of their own to take one from.
    soup = build.html("blog/category/case-studies/")
    assert soup.head.select_one('meta[name="description"]')["content"] == (
        "News and blog posts from the employer hub: Case studies."
    )


def test_names_with_ampersands_are_escaped_once(build: Build) -> None:
    raw = build.page_file("organisations/leadership-through-sport-and-business/").read_text(encoding="utf-8")
    assert "<title>Leadership Through Sport &amp; Business - The employer hub</title>" in raw
    assert 'content="Leadership Through Sport &amp; Business"' in raw
    assert "&amp;amp;" not in raw


def test_blog_posts_carry_article_json_ld(build: Build) -> None:
    url = next(u for u in pages(build) if u.startswith("blog/2026/12/05/"))
    (article,) = json_ld(build, url)
    assert article["@type"] == "Article"
    assert article["datePublished"].startswith("2026-12-05")
    assert article["mainEntityOfPage"] == SITE_URL + url
    assert article["author"] and all(a["name"] for a in article["author"])


def test_organisation_pages_carry_organization_json_ld(build: Build) -> None:
    (org,) = json_ld(build, "organisations/upreach/")
    assert org["@type"] == "Organization"
    assert org["name"] == "upReach"
    assert org["url"].startswith("https://")
    assert org["mainEntityOfPage"] == SITE_URL + "organisations/upreach/"


@pytest.mark.parametrize("url", ["", "strategy/", "organisations/"])
def test_other_pages_have_no_json_ld(build: Build, url: str) -> None:
    assert json_ld(build, url) == []


def test_sitemap_lists_guidance_posts_and_organisations(build: Build) -> None:
    tree = ET.parse(build.site / "sitemap.xml")
    locs = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for url in ("", "strategy/data/measuring/", "organisations/upreach/", "blog/"):
        assert SITE_URL + url in locs


def test_robots_txt_points_to_the_sitemap(build: Build) -> None:
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (build.site / "robots.txt").read_text()
