"""The feeds step of a build: fetch (live) or not (offline), fall back per source, and group items.

Per source the order is: a fresh fetch (or a 304 that confirms the cache), then the last good
cache, then the committed snapshot. A failure never overwrites good items, so a block empties
only when a source has never once been fetched. A cache entry kept for another URL (the source
moved in data/feeds.yml) is ignored: it describes a different feed.

Sector news and social posts are other people's: an item that links to the hub itself is never
shown (the hub's posts have their own list, "Latest news and blogs"), and a curated post counts
as social media only on a platform data/feeds.yml names in `social_platforms`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from hub.core.settings import Settings
from hub.core.vocab import Term
from hub.feeds.fetch import Fetched, Request, fetch_all
from hub.feeds.model import FeedError, FeedSources, Item, Source, is_own
from hub.feeds.parse import parse_feed
from hub.feeds.store import Kept, read_cache, read_snapshot, write_cache


@dataclass(frozen=True)
class SourceResult:
    """What the build shows for one source, and how it got it."""

    source: Source
    items: tuple[Item, ...]
    outcome: str  # fresh, not-modified, cache, snapshot or failed
    reason: str = ""
    ms: int = 0
    last_good: dt.datetime | None = None
    stale: bool = False
    warning: str = ""  # a problem in a feed that was still read, e.g. not well-formed XML

    def log_line(self) -> str:
        """One line for the build log: id, outcome (with any warning), items, milliseconds."""
        outcome = self.outcome
        if self.reason:
            outcome = (
                f"failed: {self.reason}"
                if outcome == "failed"
                else f"{outcome} (fetch failed: {self.reason})"
            )
        elif self.warning:
            outcome = f"{outcome} (warning: {self.warning}; kept the items feedparser recovered)"
        return f"{self.source.id}: {outcome}, {len(self.items)} items, {self.ms} ms"


@dataclass(frozen=True)
class Collected:
    """Everything the templates need: blocks for the home page and groups for /news/."""

    results: tuple[SourceResult, ...]
    curated: tuple[Item, ...]
    home_items: int
    sources: dict[str, Source] = field(default_factory=dict)
    stale_after_days: int = 7
    platforms: dict[str, Term] = field(default_factory=dict)

    @property
    def news(self) -> list[Item]:
        """The newest items across the news sources, for the home page."""
        return self._section("news")[: self.home_items]

    @property
    def social(self) -> list[Item]:
        """The newest social posts, feeds and curated together, for the home page."""
        return self._section("social")[: self.home_items]

    def has_items(self, section: str) -> bool:
        """Whether a section has anything to show (with nothing, it says so once, not per source)."""
        return bool(self._section(section))

    def groups(self, section: str) -> list[SourceResult]:
        """The sources of one section, in the order data/feeds.yml gives."""
        return [r for r in self.results if r.source.section == section]

    def source_title(self, item: Item) -> str:
        """The title of the source an item came from ("" for curated posts)."""
        source = self.sources.get(item.source)
        return source.title if source else ""

    def platform(self, item: Item) -> Term:
        """The platform an item came from, with its label and icon (blank for an unknown id)."""
        return self.platforms.get(item.platform) or Term(item.platform, "")

    def _section(self, section: str) -> list[Item]:
        """Every item of a section, de-duplicated, newest first."""
        items = [i for r in self.groups(section) for i in r.items]
        if section == "social":
            items += self.curated
        return newest_first(items)


def collect(
    config: FeedSources,
    settings: Settings,
    snapshot_file: Path,
    *,
    curated: list[Item] | None = None,
    now: dt.datetime | None = None,
    platforms: Iterable[Term] = (),
) -> Collected:
    """Run the feeds step: every source resolved, the hub's own items left out."""
    now = now or dt.datetime.now(dt.UTC)
    snapshot = read_snapshot(snapshot_file, now=now)
    cached = {s.id: _cached_for(s, settings.cache_dir, now) for s in config.sources}
    fetched: dict[str, Fetched] = {}
    if settings.feeds_mode == "live":
        requests = [_request(s, cached[s.id]) for s in config.sources]
        fetched = fetch_all(requests, budget=settings.feeds_timeout, user_agent=settings.user_agent)
    results = []
    for source in config.sources:
        result = _resolve(source, fetched.get(source.id), cached[source.id], snapshot.get(source.id), now)
        if result.outcome in ("fresh", "not-modified"):
            _store(settings.cache_dir, source, fetched[source.id], result, cached[source.id])
        stale = result.last_good is None or now - result.last_good > dt.timedelta(
            days=config.stale_after_days
        )
        others = [item for item in result.items if not is_own(item, settings.site_url)]
        results.append(_with(result, items=tuple(others[: source.show]), stale=stale))
    sources = {s.id: s for s in config.sources}
    return Collected(
        tuple(results),
        tuple(social_posts(curated or (), config.social_platforms, settings.site_url)),
        config.home_items,
        sources,
        config.stale_after_days,
        {p.id: p for p in platforms},
    )


def social_posts(curated: Iterable[Item], social_platforms: Iterable[str], site_url: str) -> list[Item]:
    """The curated posts that are social media: on a social platform, and not a link to the hub."""
    wanted = set(social_platforms)
    return [item for item in curated if item.platform in wanted and not is_own(item, site_url)]


def _cached_for(source: Source, cache_dir: Path, now: dt.datetime) -> Kept:
    """The cache of a source, or nothing when it was kept for another URL."""
    kept = read_cache(cache_dir, source.id, now=now)
    return kept if kept.url == source.url else Kept()


def _request(source: Source, kept: Kept) -> Request:
    """A request with the cache's validators (kept for this very URL: see _cached_for)."""
    if not kept.items:
        return Request(source.id, source.url)
    return Request(source.id, source.url, kept.etag, kept.last_modified)


def _resolve(
    source: Source, fetched: Fetched | None, cached: Kept, snap: Kept | None, now: dt.datetime
) -> SourceResult:
    """Pick what to show for one source: fresh, not-modified, cache, snapshot, or nothing."""
    reason = ""
    ms = fetched.ms if fetched else 0
    if fetched and fetched.status == "ok":
        try:
            parsed = parse_feed(fetched.body, source, fetched.content_type, now=now)
            items = tuple(newest_first(list(parsed.items)))
            return SourceResult(source, items, "fresh", ms=ms, last_good=now, warning=parsed.warning)
        except FeedError as exc:
            reason = str(exc)
        except Exception as exc:  # whatever a feed does to a parser is its own failure
            reason = f"could not read the feed ({type(exc).__name__}: {' '.join(str(exc).split())[:100]})"
    elif fetched and fetched.status == "not-modified":
        if cached.items:
            return SourceResult(source, cached.items, "not-modified", ms=ms, last_good=now)
        reason = "304 Not Modified, but nothing is cached"
    elif fetched:
        reason = fetched.reason
    if cached.items:
        return SourceResult(source, cached.items, "cache", reason, ms, cached.fetched)
    if snap and snap.items:
        return SourceResult(source, snap.items, "snapshot", reason, ms, snap.fetched)
    return SourceResult(source, (), "failed", reason or "nothing cached and not in the snapshot", ms)


def _store(cache_dir: Path, source: Source, fetched: Fetched, result: SourceResult, cached: Kept) -> None:
    """Keep a good fetch (or a confirmed 304) in the cache for the next build."""
    confirmed = result.outcome == "not-modified"
    etag = fetched.etag or (cached.etag if confirmed else "")
    last_modified = fetched.last_modified or (cached.last_modified if confirmed else "")
    kept = Kept(result.items, result.last_good, etag, last_modified, source.url)
    # A read-only cache folder costs the next build a full fetch, nothing more.
    with contextlib.suppress(OSError):
        write_cache(cache_dir, source.id, kept)


def _with(result: SourceResult, **changes: object) -> SourceResult:
    """A copy of a result with some fields changed."""
    return SourceResult(**{**result.__dict__, **changes})


def newest_first(items: list[Item]) -> list[Item]:
    """De-duplicate by link (or title when unlinked) and sort newest first; undated items last."""
    seen: set[str] = set()
    unique = []
    for item in items:
        key = _dedup_key(item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return sorted(unique, key=lambda i: (i.date is not None, i.date or _EPOCH), reverse=True)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _dedup_key(item: Item) -> str:
    """The same story at a slightly different URL (case, trailing slash, fragment) is one story."""
    if not item.link:
        return "title:" + item.title.casefold()
    parts = urlsplit(item.link)
    return f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}?{parts.query}"
