"""How the site writes dates: in words for readers, ISO 8601 for files."""

from __future__ import annotations

import datetime as dt


def long_date(value: dt.date | dt.datetime | None) -> str:
    """A date as readers here write it, e.g. "6 October 2026" (any platform; "" for none)."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def iso(when: dt.datetime | None) -> str:
    """A moment as ISO 8601 text in UTC for files and `datetime=` attributes, e.g.
    "2026-11-20T09:00:00Z" ("" for none)."""
    if when is None:
        return ""
    return when.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime | None:
    """Read an ISO 8601 date or datetime as UTC; None when there is none or it is out of range.

    Out of range includes a date that is valid where it was written but not in UTC, e.g.
    0001-01-01T00:00:00+14:00 (OverflowError), so no file or feed can stop a build with a date.
    """
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None
