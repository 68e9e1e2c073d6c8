"""Refresh the committed feed snapshot (data/feeds/snapshot.json): `make feeds`.

Fetches every source in data/feeds.yml (live, within the budget) and writes the items of each
good fetch into the snapshot. A source that fails keeps its previous snapshot entry, so a bad
day never empties the snapshot. The snapshot holds other people's items only: an item that links
to the hub itself is left out, and a snapshot with no items at all is valid (the site then says
that it has no outside news, rather than showing its own posts as news).

    python scripts/refresh_feeds.py                       # live
    python scripts/refresh_feeds.py --check               # exit 1 if the snapshot is unusable
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from hub.core.context import load_context
from hub.core.paths import Project
from hub.core.settings import read_settings
from hub.core.yamlio import DataErrors
from hub.feeds.collect import collect
from hub.feeds.model import FeedSources, is_own
from hub.feeds.sources import load_feed_sources
from hub.feeds.store import Kept, read_snapshot, write_snapshot

PROJECT = Project(Path(__file__).resolve().parent.parent)


def main(argv: list[str] | None = None) -> int:
    """Refresh or check the snapshot; print one line per source."""
    args = _parser().parse_args(argv)
    context = load_context(PROJECT.config_file)
    site_url = context.settings.site_url
    try:
        config = load_feed_sources(args.config, PROJECT.schemas, context.vocab)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.check:
        return check(config, args.snapshot, site_url)
    now = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory() as cache:  # a full fetch, not a conditional one
        wanted = {"feeds": "live", "feeds_timeout": args.timeout, "cache_dir": cache}
        settings = read_settings(wanted, project=PROJECT, site_url=site_url)
        collected = collect(config, settings, args.snapshot, now=now)
    kept = read_snapshot(args.snapshot, now=now)
    for result in collected.results:
        print(result.log_line())
        if result.outcome == "fresh":
            kept[result.source.id] = Kept(result.items, result.last_good)
    known = {s.id for s in config.sources}
    write_snapshot({k: v for k, v in kept.items() if k in known}, args.snapshot)
    print(f"wrote {args.snapshot}")
    return 0


def check(config: FeedSources, snapshot: Path, site_url: str) -> int:
    """Exit 1 when the snapshot names a source data/feeds.yml lacks or holds the hub's own items."""
    kept = read_snapshot(snapshot, now=dt.datetime.now(dt.UTC))
    unknown = sorted(set(kept) - {s.id for s in config.sources})
    problems = [f"{snapshot}: source {u!r} is not in {PROJECT.feeds_file.name}" for u in unknown]
    for source_id, state in sorted(kept.items()):
        own = [item.link for item in state.items if is_own(item, site_url)]
        if own:
            problems.append(
                f"{snapshot}: source {source_id!r} holds the hub's own {own[0]}: "
                "sector news is other people's"
            )
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config", type=Path, default=PROJECT.feeds_file, help="feeds file (default data/feeds.yml)"
    )
    parser.add_argument("--snapshot", type=Path, default=PROJECT.snapshot_file, help="snapshot to write")
    parser.add_argument("--timeout", type=float, default=10.0, help="overall budget in seconds (default 10)")
    parser.add_argument("--check", action="store_true", help="only check the snapshot; exit 1 if unusable")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
