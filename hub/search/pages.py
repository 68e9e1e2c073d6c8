"""Which built pages the search indexes, and what a result calls them.

Pagefind indexes only the elements marked `data-pagefind-body` once any page has one, so a
page left unmarked (a listing, the home page's cards, the 404) never appears in results.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Listings: each repeats the titles and summaries of the pages it links to, so indexing it
# would put the list above the page a visitor wants (blog category and archive pages are
# rendered by overrides/blog.html, which has no indexed body at all).
LISTING_URLS = frozenset({"", "organisations/", "blog/tags/"})

# What a result says it is, by the start of its URL (the first that matches).
KINDS: tuple[tuple[str, str], ...] = (
    ("blog/", "Blog post"),
    ("organisations/", "Organisation"),
    ("news/", "Sector news"),
    ("strategy/", "Guidance"),
)


def is_indexed(url: str, meta: Mapping[str, Any]) -> bool:
    """Whether the page at `url` (site-relative, `a/b/`) goes into the search index.

    Front matter can keep a page out with Material's own convention, `search: {exclude: true}`.
    """
    search = meta.get("search")
    if isinstance(search, Mapping) and search.get("exclude"):
        return False
    return url not in LISTING_URLS


def kind_of(url: str) -> str:
    """The label a search result shows beside the title: guidance, a post, an organisation…"""
    return next((label for prefix, label in KINDS if url.startswith(prefix)), "Page")
