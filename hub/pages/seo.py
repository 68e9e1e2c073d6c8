"""Search and sharing: a page's description when its front matter gives none."""

from __future__ import annotations

import html
import re

_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def first_paragraph(page_html: str, limit: int = 160) -> str:
    """The text of the first non-empty paragraph, cut at a word boundary within `limit`."""
    for match in _PARAGRAPH.finditer(page_html):
        text = " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())
        if text:
            return text if len(text) <= limit else _shorten(text, limit)
    return ""


def _shorten(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters, ending on a whole word and an ellipsis."""
    cut = text[: limit - 1]
    if text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def listing_description(title: str, url: str, site_description: str) -> str:
    """A description for a page with no prose of its own (blog archive, category, author)."""
    if url.startswith("blog/") and title:
        return f"News and blog posts from the employer hub: {title}."
    return site_description
