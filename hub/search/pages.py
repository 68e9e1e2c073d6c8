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
    ("glossary/", "Glossary"),
)

# A section headed "Sources" or "References" runs to the next <h2> (or the end of the page).
_SOURCES_HEADING = re.compile(r'<h2 id="(?:sources|references)(?:-\d+)?"', re.IGNORECASE)
_NEXT_H2 = re.compile(r"<h2[\s>]")
# "Source: …" or "Sources: …" in running text, at the start of a text run.
_INLINE_SOURCE = re.compile(r"(?:^|(?<=[\s>]))Sources?: ")
# The pieces of HTML a citation sentence is walked through: a tag, or text up to the next tag.
_TOKENS = re.compile(r"<[^>]*>|[^<]+")
# Where a citation ends in its last text run: a full stop before a space or the run's end.
_SENTENCE_END = re.compile(r"\.(?=\s|$)")
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
    """The page's content with its citations marked for Pagefind to skip: Sources sections,
    Source boxes, and the "Source: …" sentences that end a paragraph's claim."""
    html = _SOURCE_BOX.sub(lambda m: f'<div class="admonition{m[1] or ""}" data-pagefind-ignore>{m[2]}', html)
    html = _ignore_inline_sources(html)
    start = _SOURCES_HEADING.search(html)
    if not start:
        return html
    following = _NEXT_H2.search(html, start.end())
    end = following.start() if following else len(html)
    section = html[start.start() : end]
    return f"{html[: start.start()]}<div data-pagefind-ignore>{section}</div>{ignore_citations(html[end:])}"


def _ignore_inline_sources(html: str) -> str:
    """Wrap each "Source: …" sentence in a span Pagefind skips, up to its full stop (or to the end
    of its paragraph or list item), never splitting a tag opened inside it."""
    out, position = [], 0
    for found in _INLINE_SOURCE.finditer(html):
        if found.start() < position or _inside_tag(html, found.start()):
            continue
        end = _citation_end(html, found.start())
        out += [
            html[position : found.start()],
            f"<span data-pagefind-ignore>{html[found.start() : end]}</span>",
        ]
        position = end
    return "".join(out) + html[position:]


def _inside_tag(html: str, index: int) -> bool:
    """Whether `index` falls inside a tag's markup (an attribute value) rather than in text."""
    return html.rfind("<", 0, index) > html.rfind(">", 0, index)


def _citation_end(html: str, start: int) -> int:
    """Where the citation starting at `start` ends: after its full stop in text at the depth it
    started, or before the first tag that closes the element around it."""
    depth = 0
    for token in _TOKENS.finditer(html, start):
        text = token.group()
        if text.startswith("</"):
            if depth == 0:
                return token.start()
            depth -= 1
        elif text.startswith("<"):
            depth += 0 if text.endswith("/>") or text[1:4].lower() in ("br>", "br ", "img", "wbr") else 1
        elif depth == 0 and (stop := _SENTENCE_END.search(text, 8 if token.start() == start else 0)):
            return token.start() + stop.end()
    return len(html)
