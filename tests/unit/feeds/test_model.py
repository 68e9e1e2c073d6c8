"""hub.feeds.model: an item's date is a datetime (or None) however the item was made; it is
text only in the files and the HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from hub.feeds.model import FeedSources, Parsed, Source
from hub.feeds.sources import load_curated
from hub.feeds.store import Kept, read_cache, write_cache
from tests.feedserver import FeedServer
from tests.project import PROJECT, VOCAB
from tests.unit.feeds.support import NOW, item, run, source


def dates_from_a_feed(server: FeedServer, tmp_path: Path) -> list[dt.datetime | None]:
    """Items parsed from a JSON Feed, one date in range and two out of it."""
    return [i.date for i in run(tmp_path, source(server, "f/out-of-range-dates.json")).results[0].items]


def dates_from_the_cache(server: FeedServer, tmp_path: Path) -> list[dt.datetime | None]:
    """Items written to a cache file and read back."""
    write_cache(tmp_path, "s", Kept((item("dated"), item("undated", date=None)), NOW))
    return [i.date for i in read_cache(tmp_path, "s", now=NOW).items]


def dates_from_curated_posts(server: FeedServer, tmp_path: Path) -> list[dt.datetime | None]:
    """The curated posts of data/social.yml."""
    return [i.date for i in load_curated(PROJECT.social_file, PROJECT.schemas, VOCAB, now=NOW)]


@pytest.mark.parametrize("made", [dates_from_a_feed, dates_from_the_cache, dates_from_curated_posts])
def test_an_item_date_is_a_utc_datetime_or_none(server, tmp_path, made) -> None:
    dates = made(server, tmp_path)
    assert any(d is not None for d in dates)
    for when in dates:
        assert when is None or (isinstance(when, dt.datetime) and when.utcoffset() == dt.timedelta(0))


def test_models_are_frozen_with_the_defaults_the_feeds_file_leaves_out() -> None:
    feed = Source("s", "S", "https://example.org/feed", "news", "news")
    assert (feed.show, feed.site) == (5, "")
    assert (FeedSources((feed,)).home_items, FeedSources(()).stale_after_days) == (5, 7)
    assert Parsed(()).warning == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        feed.show = 6  # type: ignore[misc]
