"""Refresh the committed feed snapshot (data/feeds/snapshot.json): `make feeds`.

Fetches every source in data/feeds.yml (live, within the budget) and writes the items of each
good fetch into the snapshot. A source that fails keeps its previous snapshot entry, so a bad
day never empties the snapshot. The hub's own feed can be read from a local build with
--own-feed, so the snapshot can be made with no network at all (--offline).

    python scripts/refresh_feeds.py                       # live
    python scripts/refresh_feeds.py --offline --own-feed site/feed_json_created.json
    python scripts/refresh_feeds.py --check               # exit 1 if the snapshot is unusable
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from hub.feedcache import SNAPSHOT_FILE, Kept, read_snapshot, write_snapshot
from hub.feedcollect import Settings, collect
from hub.feeds import FEEDS_FILE, FeedsConfig, load_feeds_config
from hub.site import site_url
from hub.yamlio import DataErrors


def main(argv: list[str] | None = None) -> int:
    """Refresh or check the snapshot; print one line per source."""
    args = _parser().parse_args(argv)
    try:
        config = load_feeds_config(args.config)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.check:
        return check(config, args.snapshot)
    try:
        own = own_feeds(config, args.own_feed)
    except OSError as exc:
        print(
            f"{args.own_feed}: cannot read the own feed ({exc.strerror or exc}): build the site first",
            file=sys.stderr,
        )
        return 1
    now = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory() as cache:  # a full fetch, not a conditional one
        mode = "offline" if args.offline else "live"
        settings = Settings(mode, args.config, Path(cache), args.timeout, args.snapshot)
        collected = collect(config, settings, now=now, own_feeds=own)
    kept = read_snapshot(args.snapshot, now=now)
    for result in collected.results:
        print(result.log_line())
        if result.outcome == "fresh":
            kept[result.source.id] = Kept(result.items, result.last_good)
    known = {s.id for s in config.sources}
    write_snapshot({k: v for k, v in kept.items() if k in known}, args.snapshot)
    print(f"wrote {args.snapshot}")
    return 0


def own_feeds(config: FeedsConfig, own_feed: Path | None) -> dict[str, bytes]:
    """Bodies for the sources that are the site's own feed, read from a local build."""
    if own_feed is None:
        return {}
    name = own_feed.name
    return {s.id: own_feed.read_bytes() for s in config.sources if s.url == site_url() + name}


def check(config: FeedsConfig, snapshot: Path) -> int:
    """Exit 1 when the snapshot has no items at all or names a source data/feeds.yml lacks."""
    kept = read_snapshot(snapshot, now=dt.datetime.now(dt.UTC))
    unknown = sorted(set(kept) - {s.id for s in config.sources})
    problems = [f"{snapshot}: source {u!r} is not in {FEEDS_FILE.name}" for u in unknown]
    if not any(k.items for k in kept.values()):
        problems.append(f"{snapshot}: holds no items: run `make feeds`")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=FEEDS_FILE, help="feeds file (default data/feeds.yml)")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT_FILE, help="snapshot to write")
    parser.add_argument(
        "--own-feed", type=Path, help="the site's own built feed, e.g. site/feed_json_created.json"
    )
    parser.add_argument("--offline", action="store_true", help="fetch nothing; use --own-feed only")
    parser.add_argument("--timeout", type=float, default=10.0, help="overall budget in seconds (default 10)")
    parser.add_argument("--check", action="store_true", help="only check the snapshot; exit 1 if unusable")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
