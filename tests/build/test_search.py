"""The built site's search: Pagefind's index exists, no page references a full index or loads
the search before it is opened, and only content pages are indexed."""

from __future__ import annotations

import json
import re

import pytest

from hub.search.pages import LISTING_URLS
from tests.conftest import Build

# One of each kind of page the index must hold: the group its results are shown in, and the
# kind each result says it is.
INDEXED = {
    "strategy/data/measuring/": ("guidance", "Guidance"),
    "strategy/culture/": ("guidance", "Guidance"),
    "plan/": ("guidance", "Guidance"),
    "blog/2026/12/05/masterclass-2020-hiring/": ("news", "Masterclasses"),
    "organisations/upreach/": ("organisations", "Organisation"),
    "news/": ("news", "Sector news"),
    "glossary/": ("guidance", "Glossary"),
    "about/": ("about", "Page"),
}
# Listings, generated lists and the 404: never in the index.
NOT_INDEXED = [
    *sorted(LISTING_URLS),
    "blog/",
    "blog/category/masterclasses/",
    "blog/archive/2026/",
    "404.html",
]


def html_pages(build: Build) -> list:
    """Every built HTML page, the browser editor's aside."""
    return [file for file in sorted(build.site.rglob("*.html")) if "admin" not in file.parts]


def test_pagefind_index_exists_with_one_entry_per_indexed_page(build: Build) -> None:
    bundle = build.site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list((bundle / "index").glob("*.pf_index"))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [file for file in html_pages(build) if "data-pagefind-body" in file.read_text(encoding="utf-8")]
    assert entry["languages"]["en"]["page_count"] == len(marked)
    assert re.search(r"Search: indexed \d+ pages", build.log)


def test_no_page_references_a_full_search_index(build: Build) -> None:
    assert not (build.site / "search" / "search_index.json").exists()
    for file in html_pages(build):
        text = file.read_text(encoding="utf-8")
        # (Material's __config still names its search worker; with no search form on the
        # page its bundle never starts it: tests/browser/test_search.py records every request.)
        assert "search_index.json" not in text, file


def test_every_page_loads_only_the_search_opener(build: Build) -> None:
    for url in ("", "strategy/data/measuring/", "organisations/upreach/", "blog/"):
        soup = build.html(url)
        scripts = [s.get("src", "") for s in soup.select("script[src]")]
        search = [src for src in scripts if "search" in src or "pagefind" in src]
        assert [src.rsplit("/", 1)[-1] for src in search] == ["main.js"], url
        assert soup.select_one('script[src$="search/main.js"]')["type"] == "module"
        assert not soup.select("link[href*=pagefind]"), url


def test_the_header_search_is_ours_and_materials_stays_idle(build: Build) -> None:
    soup = build.html("strategy/culture/")
    dialog = soup.select_one(".md-header [data-hub-search]")
    assert dialog is not None and dialog["role"] == "dialog" and dialog["aria-label"]
    assert soup.select_one("#hub-search-input")["aria-label"]
    status = soup.select_one("#hub-search-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    # Material's search code mounts on these; without them it never fetches an index.
    assert not soup.select('[data-md-component="search"], form[name="search"]')
    # The opener is a <label> named by its title: a label takes no aria-label (aria-prohibited-attr).
    opener = soup.select_one("label.md-header__button[for=__search]")
    assert opener["title"] and not opener.has_attr("aria-label")


@pytest.mark.parametrize(("url", "filed"), INDEXED.items())
def test_content_pages_have_one_indexed_body(build: Build, url: str, filed: tuple[str, str]) -> None:
    group, kind = filed
    bodies = build.html(url).select("[data-pagefind-body]")
    assert len(bodies) == 1
    assert bodies[0].name == "article"
    assert bodies[0]["data-pagefind-filter"] == f"group:{group}"
    assert bodies[0]["data-pagefind-meta"] == f"kind:{kind}"
    assert bodies[0].find("h1"), "Pagefind takes the result's title from the first <h1>"


def test_sources_and_citations_are_left_out_of_the_index(build: Build) -> None:
    """Every Sources section and every case study's Source box is inside [data-pagefind-ignore]."""
    seen = 0
    for url in build.page_urls():
        body = build.html(url).select_one("[data-pagefind-body]")
        if body is None:
            continue
        titles = body.select(".admonition > .admonition-title")
        citations = body.select("h2#sources") + [t.parent for t in titles if t.get_text() == "Source"]
        for citation in citations:
            assert citation.find_parent(attrs={"data-pagefind-ignore": True}) or citation.has_attr(
                "data-pagefind-ignore"
            ), (url, citation.get_text()[:60])
        seen += len(citations)
    assert seen >= 12, "every guidance page has a Sources section, every real case study a Source box"


@pytest.mark.parametrize("url", NOT_INDEXED)
def test_listings_are_not_indexed(build: Build, url: str) -> None:
    assert not build.html(url).select("[data-pagefind-body]")


def test_lists_of_other_pages_inside_a_body_are_ignored(build: Build) -> None:
    soup = build.html("strategy/data/")
    ignored = soup.select("[data-pagefind-body] [data-pagefind-ignore]")
    assert any(block.select(".hub-related-posts, .hub-generated") for block in ignored)
    news = build.html("news/").select_one("[data-pagefind-body] [data-pagefind-ignore]")
    assert news is not None and news.select_one("#news")
