"""Helpers shared by the feeds tests: a source at a fixture route, one run of the feeds step,
and items and caches to fall back on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hub.core.paths import Project
from hub.core.settings import read_settings
from hub.feeds.collect import Collected, collect
from hub.feeds.model import FeedSources, Item, Source
from hub.feeds.store import Kept, write_cache, write_snapshot
from tests.feedserver import FeedServer
from tests.project import VOCAB

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
BUDGET = 2.0


def source(server: FeedServer, path: str, source_id: str = "s", show: int = 10) -> Source:
    """A news source at a fixture-server route."""
    return Source(source_id, f"Source {source_id}", server.url(path), "news", "news", show)


def run(
    tmp_path: Path,
    *sources: Source,
    mode: str = "live",
    snapshot: dict[str, Kept] | None = None,
    now: dt.datetime = NOW,
    budget: float = BUDGET,
) -> Collected:
    """Run the feeds step with its own cache folder and snapshot file under tmp_path."""
    snapshot_file = tmp_path / "snapshot.json"
    if snapshot is not None:
        write_snapshot(snapshot, snapshot_file)
    wanted = {"feeds": mode, "feeds_timeout": budget, "cache_dir": tmp_path / "cache"}
    settings = read_settings(wanted, project=Project(tmp_path), site_url="https://example.org/")
    return collect(
        FeedSources(tuple(sources)), settings, snapshot_file, now=now, platforms=VOCAB["platforms"]
    )


def only(collected: Collected) -> tuple[str, str, list[str]]:
    """Outcome, reason and titles of a one-source run."""
    (result,) = collected.results
    return result.outcome, result.reason, [i.title for i in result.items]


def item(
    title: str, source_id: str = "s", date: dt.datetime | None = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
) -> Item:
    """An item for cache and snapshot fixtures."""
    return Item(title, f"https://kept.example.org/{title.replace(' ', '-')}", date, "", source_id, "news")


def cache(tmp_path: Path, feed: Source, *items: Item, fetched: dt.datetime = NOW, url: str = "") -> None:
    """Put items in the cache of `feed`, kept for its own URL unless `url` says another."""
    write_cache(tmp_path / "cache", feed.id, Kept(items, fetched, url=url or feed.url))
