"""News and social feeds: sources, curated posts, parsing and sanitising into plain-text items.

Nothing from a feed is ever markup here: titles and summaries become plain text (nh3 strips
every tag, then entities are decoded so the template escapes them once), and a link survives
only when it is an absolute http or https URL. feedparser's own sanitiser is not relied on:
it returns RSS titles and entry links raw.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import xml.sax
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import feedparser
import nh3

from hub.paths import DATA
from hub.schema import schema_errors, validator_for
from hub.site import long_date
from hub.yamlio import DataError, DataErrors, Loaded, load_yaml

FEEDS_FILE = DATA / "feeds.yml"
SOCIAL_FILE = DATA / "social.yml"
SECTIONS = ("news", "social")
MAX_TITLE = 200
MAX_SUMMARY = 280
# A date further ahead than this is treated as unknown, so a feed cannot pin an item on top.
FUTURE_SLACK = dt.timedelta(days=1)

# Platform id -> (label for readers, Material icon). The schemas list the same ids.
PLATFORMS: dict[str, tuple[str, str]] = {
    "govuk": ("GOV.UK", "material/crown"),
    "blog": ("Blog", "material/post-outline"),
    "news": ("News", "material/newspaper-variant-outline"),
    "linkedin": ("LinkedIn", "fontawesome/brands/linkedin"),
    "x": ("X", "fontawesome/brands/x-twitter"),
    "mastodon": ("Mastodon", "fontawesome/brands/mastodon"),
    "bluesky": ("Bluesky", "fontawesome/brands/bluesky"),
    "hub": ("The employer hub", "material/handshake-outline"),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class FeedError(Exception):
    """A body that is not a usable feed; the message says why, for the build log."""


@dataclass(frozen=True)
class Source:
    """One feed from data/feeds.yml."""

    id: str
    title: str
    url: str
    section: str
    platform: str
    show: int = 5
    site: str = ""


@dataclass(frozen=True)
class Item:
    """One news item or post, already plain text with a checked link (or none)."""

    title: str
    link: str
    date: str  # ISO 8601 in UTC, or "" when the feed gave no usable date
    summary: str
    source: str
    platform: str

    @property
    def date_label(self) -> str:
        """The date as readers see it, e.g. 3 March 2026."""
        return long_date(parse_iso(self.date))

    @property
    def platform_label(self) -> str:
        """The platform's name for readers."""
        return PLATFORMS.get(self.platform, ("", ""))[0]

    @property
    def icon(self) -> str:
        """The Material icon path (decorative) for the platform."""
        return PLATFORMS.get(self.platform, ("", ""))[1]

    def to_dict(self) -> dict[str, str]:
        """The item as JSON-ready data for the cache and the snapshot."""
        return asdict(self)


@dataclass(frozen=True)
class FeedsConfig:
    """Everything data/feeds.yml says."""

    sources: tuple[Source, ...]
    home_items: int = 5
    stale_after_days: int = 7


# --- text and links ------------------------------------------------------------------------


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


def parse_iso(value: str) -> dt.datetime | None:
    """Read an ISO 8601 date or datetime as UTC; None when there is none or it is out of range.

    Out of range includes a date that is valid where it was written but not in UTC, e.g.
    0001-01-01T00:00:00+14:00 (OverflowError), so a feed, cache or snapshot cannot stop a build.
    """
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None


def _iso_or_blank(when: dt.datetime | None, now: dt.datetime) -> str:
    """ISO text for a date that is not implausibly far in the future."""
    if when is None or when > now + FUTURE_SLACK:
        return ""
    return when.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


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
        clean_title, safe_link(link), _iso_or_blank(date, now), clean_summary, source.id, source.platform
    )


def item_from_dict(data: dict[str, Any], now: dt.datetime) -> Item | None:
    """Read an item back from the cache or snapshot, sanitising it again (files can be edited)."""
    source = Source(str(data.get("source", "")), "", "", "news", str(data.get("platform", "")))
    return make_item(
        source,
        title=data.get("title"),
        link=data.get("link"),
        date=parse_iso(str(data.get("date") or "")),
        summary=data.get("summary"),
        now=now,
    )


# --- parsing -------------------------------------------------------------------------------


def parse_feed(body: bytes, source: Source, content_type: str = "", *, now: dt.datetime) -> list[Item]:
    """Parse RSS, Atom or JSON Feed bytes into items; FeedError when the body is not a feed."""
    if _looks_like_json(body, content_type):
        return parse_json_feed(body, source, now=now)
    headers = {"content-location": source.url}
    if "xml" in content_type.lower():  # a charset on a non-XML type is not trustworthy
        headers["content-type"] = content_type
    # Bytes in a stream: given a str, feedparser would fetch a URL (no timeout) or open a path.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXException):
        raise FeedError(f"not well-formed XML ({_first_line(problem)})")
    if not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    items = [_entry_to_item(entry, source, now) for entry in parsed.entries]
    return _require([i for i in items if i])


def parse_json_feed(body: bytes, source: Source, *, now: dt.datetime) -> list[Item]:
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
    return _require([i for i in items if i])


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


def _require(items: list[Item]) -> list[Item]:
    """A feed with no usable entries is a failure, so it never replaces good items."""
    if not items:
        raise FeedError("no entries")
    return items


def _first_line(exc: Exception) -> str:
    """The first line of an exception's message, for one-line logs."""
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120]


# --- ordering ------------------------------------------------------------------------------


def newest_first(items: list[Item]) -> list[Item]:
    """De-duplicate by link (or title when unlinked) and sort newest first; undated items last."""
    seen: set[str] = set()
    unique = []
    for item in items:
        key = _dedup_key(item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return sorted(unique, key=lambda i: (i.date != "", parse_iso(i.date) or _EPOCH), reverse=True)


def _dedup_key(item: Item) -> str:
    """The same story at a slightly different URL (case, trailing slash, fragment) is one story."""
    if not item.link:
        return "title:" + item.title.casefold()
    parts = urlsplit(item.link)
    return f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}?{parts.query}"


# --- data files ----------------------------------------------------------------------------


def load_feeds_config(path: Path = FEEDS_FILE) -> FeedsConfig:
    """Read and validate data/feeds.yml; DataErrors lists every problem."""
    loaded = _validated(path, "feeds")
    errors: list[DataError] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(loaded.data["sources"]):
        line = loaded.line_of(("sources", index, "id"))
        if raw["id"] in seen:
            errors.append(
                DataError(
                    loaded.path,
                    line,
                    f"sources.{index}.id",
                    f"is used twice (first on line {seen[raw['id']]})",
                )
            )
        seen.setdefault(raw["id"], line)
    if errors:
        raise DataErrors(errors)
    # `source` (where the feed's address is published) is for editors and reviewers only.
    fields = [{k: v for k, v in raw.items() if k != "source"} for raw in loaded.data["sources"]]
    sources = tuple(Source(**kept) for kept in fields)
    extras = {k: loaded.data[k] for k in ("home_items", "stale_after_days") if k in loaded.data}
    return FeedsConfig(sources, **extras)


def load_curated(path: Path = SOCIAL_FILE, *, now: dt.datetime | None = None) -> list[Item]:
    """Read and validate data/social.yml: posts editors add by pull request."""
    now = now or dt.datetime.now(dt.UTC)
    loaded = _validated(path, "social")
    items = []
    for post in loaded.data.get("posts") or []:
        source = Source("curated", "", "", "social", post["platform"])
        day = dt.date.fromisoformat(str(post["date"])[:10])  # quoted or not, YAML gives a date
        when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        item = make_item(source, title=post["text"], link=post["url"], date=when, summary="", now=now)
        if item:
            items.append(item)
    return items


def _validated(path: Path, schema: str) -> Loaded:
    """Load a YAML file and check it against its schema, raising every error together."""
    loaded = load_yaml(path)
    errors = schema_errors(loaded, validator_for(schema))
    if errors:
        raise DataErrors(errors)
    return loaded
