"""Scheduled posts: a post dated after the build's day (`extra.hub.today`) waits for its date.

The live build leaves it out altogether (no page, list entry, feed item, sitemap entry or search
result); previews, which show drafts, show it with a "Scheduled for <date>" banner. A daily
build (.github/workflows/scheduled-posts.yml) publishes it on its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hub.core.frontmatter import read_front_matter_file


def publish_date(meta: Mapping[str, Any]) -> dt.date:
    """The day a checked post's `date:` (a date or a date and time) falls on."""
    when = meta["date"]
    return when.date() if isinstance(when, dt.datetime) else when


def scheduled_posts(posts: Mapping[str, Path], today: dt.date) -> dict[str, dt.date]:
    """Of the posts given (id -> checked file), those dated after `today`, with their dates."""
    dates = {post_id: publish_date(read_front_matter_file(path).data) for post_id, path in posts.items()}
    return {post_id: day for post_id, day in sorted(dates.items()) if day > today}
