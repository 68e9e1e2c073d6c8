"""Sanitising: whatever a feed, cache or data file says becomes plain text and a checked link.

Nothing from a feed is ever markup here: titles and summaries become plain text (nh3 strips
every tag, then entities are decoded so the template escapes them once), and a link survives
only when it is an absolute http or https URL. feedparser's own sanitiser is not relied on:
it returns RSS titles and entry links raw.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

import nh3

from hub.feeds.model import Item, Source

MAX_TITLE = 200
MAX_SUMMARY = 280
# A date further ahead than this is treated as unknown, so a feed cannot pin an item on top.
FUTURE_SLACK = dt.timedelta(days=1)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def clean_text(value: Any, limit: int) -> str:
    """Turn feed text or HTML into one line of plain text, at most `limit` characters."""
    if not isinstance(value, str) or not value:
        return ""
    stripped = nh3.clean(value, tags=set(), attributes={}, strip_comments=True)
    text = _CONTROL.sub("", html.unescape(stripped))
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
    return text


def safe_link(value: Any) -> str:
    """Return `value` as an absolute http(s) URL, or "" for anything else (javascript:, data:, …)."""
    if not isinstance(value, str):
        return ""
    link = value
    for _ in range(3):  # entity-encoded schemes: &#106;avascript:, &amp;#x6A;…
        decoded = html.unescape(link)
        if decoded == link:
            break
        link = decoded
    # Browsers drop tabs, newlines and controls inside URLs ("java\tscript:"), so do the same first.
    link = _CONTROL.sub("", re.sub(r"[\t\r\n]", "", link)).strip()
    try:
        parts = urlsplit(link)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return quote(link, safe=":/?#[]@!$&'()*+,;=%~-._")


def plausible_date(when: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
    """A date in UTC, or None when there is none or it is implausibly far in the future."""
    if when is None or when > now + FUTURE_SLACK:
        return None
    return when.astimezone(dt.UTC)


def make_item(
    source: Source, *, title: Any, link: Any, date: dt.datetime | None, summary: Any, now: dt.datetime
) -> Item | None:
    """Normalise one entry; None when it has no text at all."""
    clean_summary = clean_text(summary, MAX_SUMMARY)
    clean_title = clean_text(title, MAX_TITLE) or clean_text(summary, 100)
    if not clean_title:
        return None
    if clean_summary == clean_title:
        clean_summary = ""
    return Item(
        clean_title,
        safe_link(link),
        plausible_date(date, now),
        clean_summary,
        source.id,
        source.platform,
    )
