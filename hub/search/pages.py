"""Which built pages the search indexes, which group their results are shown in, and what a
result calls them.

Pagefind indexes only the elements marked `data-pagefind-body` once any page has one, so a
page left unmarked (a listing, the home page's cards, the 404) never appears in results.
Inside an indexed body, a page's sources and citations are marked `data-pagefind-ignore`:
they are evidence, not what the page says, and a raw web address makes a poor excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Listings: each repeats the titles and summaries of the pages it links to, so indexing it
# would put the list above the page a visitor wants (blog category and archive pages are
# rendered by overrides/blog.html, which has no indexed body at all).
LISTING_URLS = frozenset({"", "organisations/", "blog/tags/"})
# The directory's further pages (organisations/page/2/, … from 101 organisations on) list too.
_LISTING_PAGE = re.compile(r"organisations/page/\d+/")

# The groups results are shown in, in this order: guidance first, then news and case studies,
# then organisations, then the pages about the hub. docs/javascripts/search/logic.js gives
# each id its heading (GROUPS); a browser test checks that both name the same ids in order.
GROUPS: tuple[str, ...] = ("guidance", "news", "organisations", "about")
# The group of a page, by the start of its URL (the first that matches; "about" otherwise).
GROUP_BY_URL: tuple[tuple[str, str], ...] = (
    ("strategy/", "guidance"),
    ("plan/", "guidance"),
    ("why-it-matters/", "guidance"),
    ("glossary/", "guidance"),
    ("blog/", "news"),
    ("news/", "news"),
    ("organisations/", "organisations"),
)

# What a result says it is, by the start of its URL (the first that matches). A post says its
# category instead ("Case studies", "Masterclasses", …).
KINDS: tuple[tuple[str, str], ...] = (
    ("blog/", "Blog post"),
    ("organisations/", "Organisation"),
    ("news/", "Sector news"),
    ("strategy/", "Guidance"),
    ("plan/", "Guidance"),
    ("why-it-matters/", "Guidance"),
)

# A section headed "Sources" or "References" runs to the next <h2> (or the end of the page).
_SOURCES_HEADING = re.compile(r'<h2 id="(?:sources|references)(?:-\d+)?"', re.IGNORECASE)
_NEXT_H2 = re.compile(r"<h2[\s>]")
# An admonition titled "Source" or "Sources" (a case study's citation box).
_SOURCE_BOX = re.compile(r'<div class="admonition( [^"]*)?">(\s*<p class="admonition-title">Sources?</p>)')


def is_indexed(url: str, meta: Mapping[str, Any]) -> bool:
    """Whether the page at `url` (site-relative, `a/b/`) goes into the search index.

    Front matter can keep a page out with Material's own convention, `search: {exclude: true}`.
    """
    search = meta.get("search")
    if isinstance(search, Mapping) and search.get("exclude"):
        return False
    return url not in LISTING_URLS and not _LISTING_PAGE.fullmatch(url)


def group_of(url: str) -> str:
    """The group a page's results are shown in (one of GROUPS)."""
    return next((group for prefix, group in GROUP_BY_URL if url.startswith(prefix)), "about")


def kind_of(url: str, meta: Mapping[str, Any] | None = None) -> str:
    """The label a search result shows beside the title: guidance, a post's category…"""
    categories = (meta or {}).get("categories")
    if url.startswith("blog/") and isinstance(categories, list) and categories:
        return str(categories[0])
    return next((label for prefix, label in KINDS if url.startswith(prefix)), "Page")


def ignore_citations(html: str) -> str:
    """The page's content with its Sources sections and Source boxes marked for Pagefind to skip."""
    html = _SOURCE_BOX.sub(lambda m: f'<div class="admonition{m[1] or ""}" data-pagefind-ignore>{m[2]}', html)
    start = _SOURCES_HEADING.search(html)
    if not start:
        return html
    following = _NEXT_H2.search(html, start.end())
    end = following.start() if following else len(html)
    section = html[start.start() : end]
    return f"{html[: start.start()]}<div data-pagefind-ignore>{section}</div>{ignore_citations(html[end:])}"
