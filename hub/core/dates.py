"""How the site writes dates: in words for readers, ISO 8601 for files."""

from __future__ import annotations

import datetime as dt


def long_date(value: dt.date | dt.datetime | None) -> str:
    """A date as readers here write it, e.g. "6 October 2026" (any platform; "" for none)."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"
