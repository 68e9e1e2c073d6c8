"""Where good feed items are kept between builds: the per-source cache and the committed snapshot.

The cache (`HUB_CACHE_DIR`, default `.cache/`) holds, per source, the last good items, the
ETag and Last-Modified for a conditional GET, and when the last good fetch was. The snapshot
(`data/feeds/snapshot.json`) is the same for every source in one committed file, so a fresh
clone builds with content and no network. Dates are ISO 8601 text in these files only:
they are read back into datetimes here, and every item is sanitised again (files can be edited).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.core.dates import iso, parse_iso
from hub.feeds.clean import make_item
from hub.feeds.model import Item, Source


@dataclass(frozen=True)
class Kept:
    """The last good state of one source."""

    items: tuple[Item, ...] = ()
    fetched: dt.datetime | None = None
    etag: str = ""
    last_modified: str = ""
    url: str = ""


def cache_file(cache_dir: Path, source_id: str) -> Path:
    """The cache file of one source."""
    return cache_dir / "feeds" / f"{source_id}.json"


def read_cache(cache_dir: Path, source_id: str, *, now: dt.datetime) -> Kept:
    """The cached state of a source; empty when missing or unreadable (a cache is disposable)."""
    try:
        data = json.loads(cache_file(cache_dir, source_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Kept()
    return _kept_from(data, now) if isinstance(data, dict) else Kept()


def write_cache(cache_dir: Path, source_id: str, kept: Kept) -> None:
    """Store a source's good state, atomically so a killed build leaves no half-written file."""
    _write_json(cache_file(cache_dir, source_id), _kept_to(kept))


def read_snapshot(path: Path, *, now: dt.datetime) -> dict[str, Kept]:
    """Every source's state in the committed snapshot; empty when the file is missing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    sources = data.get("sources", {}) if isinstance(data, dict) else {}
    return {str(k): _kept_from(v, now) for k, v in sources.items() if isinstance(v, dict)}


def write_snapshot(kept: dict[str, Kept], path: Path) -> None:
    """Write the snapshot: stable key order and indentation, so diffs stay readable."""
    sources = {
        source_id: {"fetched": iso(state.fetched), "items": [_item_to(i) for i in state.items]}
        for source_id, state in sorted(kept.items())
        if state.items
    }
    _write_json(path, {"sources": sources})


def _kept_from(data: dict[str, Any], now: dt.datetime) -> Kept:
    """Read one stored state, re-sanitising its items."""
    raw_items = data.get("items") if isinstance(data.get("items"), list) else []
    items = tuple(i for i in (_item_from(r, now) for r in raw_items if isinstance(r, dict)) if i)
    return Kept(
        items=items,
        fetched=parse_iso(str(data.get("fetched") or "")),
        etag=str(data.get("etag") or ""),
        last_modified=str(data.get("last_modified") or ""),
        url=str(data.get("url") or ""),
    )


def _kept_to(kept: Kept) -> dict[str, Any]:
    """One state as JSON-ready data."""
    return {
        "url": kept.url,
        "fetched": iso(kept.fetched),
        "etag": kept.etag,
        "last_modified": kept.last_modified,
        "items": [_item_to(i) for i in kept.items],
    }


def _item_to(item: Item) -> dict[str, str]:
    """One item as JSON-ready data."""
    return {
        "title": item.title,
        "link": item.link,
        "date": iso(item.date),
        "summary": item.summary,
        "source": item.source,
        "platform": item.platform,
    }


def _item_from(data: dict[str, Any], now: dt.datetime) -> Item | None:
    """Read one stored item back, sanitising it again."""
    source = Source(str(data.get("source", "")), "", "", "news", str(data.get("platform", "")))
    return make_item(
        source,
        title=data.get("title"),
        link=data.get("link"),
        date=parse_iso(str(data.get("date") or "")),
        summary=data.get("summary"),
        now=now,
    )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)
