"""Parsing: RSS, Atom (through feedparser) and JSON Feed bytes into plain-text items.

feedparser reads a feed that is not well-formed XML with its loose parser. Real feeds often
are not (HTML named entities such as `&eacute;` are the commonest case), so what it recovers is
kept, with the XML problem as a warning. Refused are a body that yields no usable item, and one
that declares its own entities: feedparser leaves those unexpanded, so their text would be
entity references, and declaring them is how an entity-expansion bomb starts.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.sax
from typing import Any

import feedparser

from hub.core.dates import parse_iso
from hub.feeds.clean import make_item
from hub.feeds.model import FeedError, Item, Parsed, Source

_DECLARES_ENTITIES = re.compile(rb"<!ENTITY\s", re.IGNORECASE)


def parse_feed(body: bytes, source: Source, content_type: str = "", *, now: dt.datetime) -> Parsed:
    """Parse RSS, Atom or JSON Feed bytes into items; FeedError when the body is not a usable feed."""
    if _looks_like_json(body, content_type):
        return Parsed(parse_json_feed(body, source, now=now))
    headers = {"content-location": source.url}
    if "xml" in content_type.lower():  # a charset on a non-XML type is not trustworthy
        headers["content-type"] = content_type
    # Bytes in a stream: given a str, feedparser would fetch a URL (no timeout) or open a path.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
    problem = parsed.get("bozo_exception")
    xml_problem = (
        f"not well-formed XML ({_first_line(problem)})" if isinstance(problem, xml.sax.SAXException) else ""
    )
    if xml_problem and _DECLARES_ENTITIES.search(body):
        raise FeedError(xml_problem)
    if not parsed.get("version"):
        raise FeedError(xml_problem or "not an RSS or Atom feed")
    items = [i for i in (_entry_to_item(entry, source, now) for entry in parsed.entries) if i]
    if not items:
        raise FeedError(xml_problem or "no entries")
    return Parsed(tuple(items), xml_problem)


def parse_json_feed(body: bytes, source: Source, *, now: dt.datetime) -> tuple[Item, ...]:
    """Map a JSON Feed 1.x document into items (feedparser does not read JSON Feed)."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FeedError(f"not valid JSON ({type(exc).__name__})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/1"
    ):
        raise FeedError("not a JSON Feed (no jsonfeed.org version)")
    entries = doc.get("items")
    if not isinstance(entries, list):
        raise FeedError("JSON Feed has no items list")
    items = [_json_entry_to_item(entry, source, now) for entry in entries if isinstance(entry, dict)]
    usable = tuple(i for i in items if i)
    if not usable:  # a feed with no usable entries is a failure, so it never replaces good items
        raise FeedError("no entries")
    return usable


def _entry_to_item(entry: Any, source: Source, now: dt.datetime) -> Item | None:
    """One feedparser entry as an item."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        # feedparser converts to UTC, so 0001-01-01T00:00:00+01:00 arrives as year 0.
        when = dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None
    except (ValueError, OverflowError, TypeError):
        when = None
    return make_item(
        source,
        title=entry.get("title"),
        link=entry.get("link"),
        date=when,
        summary=entry.get("summary"),
        now=now,
    )


def _json_entry_to_item(entry: dict[str, Any], source: Source, now: dt.datetime) -> Item | None:
    """One JSON Feed item as an item."""
    date_text = entry.get("date_published") or entry.get("date_modified")
    summary = entry.get("summary") or entry.get("content_text") or entry.get("content_html")
    return make_item(
        source,
        title=entry.get("title"),
        link=entry.get("url") or entry.get("external_url"),
        date=parse_iso(date_text) if isinstance(date_text, str) else None,
        summary=summary,
        now=now,
    )


def _looks_like_json(body: bytes, content_type: str) -> bool:
    """JSON Feed by its media type or by its first character."""
    return "json" in content_type.lower() or body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _first_line(exc: Exception) -> str:
    """The first line of an exception's message, for one-line logs."""
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120]
