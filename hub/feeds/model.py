"""News and social feeds: what a source, an item and the feeds file are, and how a feed fails.

An item is already plain text with a checked link (hub.feeds.clean makes it so) and its date
is a datetime: it becomes text only at the edges, in the cache and snapshot files
(hub.feeds.store) and in HTML (the `long_date` and `iso` filters).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SECTIONS = ("news", "social")


class FeedError(Exception):
    """A body that is not a usable feed; the message says why, for the build log."""


@dataclass(frozen=True)
class Source:
    """One feed from data/feeds.yml; `platform` is an id from data/vocabularies.yml `platforms`."""

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
    date: dt.datetime | None  # in UTC; None when the feed gave no usable date
    summary: str
    source: str
    platform: str


@dataclass(frozen=True)
class Parsed:
    """The usable items of one feed body, and the problem feedparser recovered from (or "")."""

    items: tuple[Item, ...]
    warning: str = ""


@dataclass(frozen=True)
class FeedSources:
    """Everything data/feeds.yml says."""

    sources: tuple[Source, ...]
    home_items: int = 5
    stale_after_days: int = 7
    # The platforms whose posts are social media: a curated post on any other platform (the
    # hub's own announcements, a blog) is never shown as one.
    social_platforms: tuple[str, ...] = ()


def is_own(item: Item, site_url: str) -> bool:
    """Whether an item links to the hub itself: never shown as sector news or as a social post."""
    return bool(item.link) and item.link.startswith(site_url)
