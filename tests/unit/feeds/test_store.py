"""hub.feeds.store: the per-source cache and the committed snapshot, where dates are ISO text
and items are sanitised again on the way back in."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hub.core.dates import iso, parse_iso
from hub.feeds.model import Item
from hub.feeds.store import Kept, read_cache, read_snapshot, write_cache, write_snapshot
from tests.unit.feeds.support import NOW, item, run, source


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2026-11-20T09:00:00+01:00", dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)),
        ("2026-11-20", dt.datetime(2026, 11, 20, tzinfo=dt.UTC)),
        ("0001-01-01T00:00:00+14:00", None),
        ("9999-12-31T23:59:59-14:00", None),
        ("2026-13-01", None),
        ("", None),
    ],
)
def test_parse_iso(text, when) -> None:
    assert parse_iso(text) == when


def test_iso_writes_utc_with_a_z_and_reads_back() -> None:
    when = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert iso(when) == "2026-11-20T09:30:00Z"
    assert parse_iso(iso(when)) == when
    assert iso(None) == ""


def test_items_go_to_the_files_as_iso_text_and_come_back_as_datetimes(tmp_path) -> None:
    dated, undated = item("dated"), item("undated", date=None)
    write_cache(tmp_path, "s", Kept((dated, undated), NOW, '"v1"', "Tue, 24 Nov 2026", "https://x.org/f"))
    stored = json.loads((tmp_path / "feeds" / "s.json").read_text())
    assert [i["date"] for i in stored["items"]] == ["2026-11-01T00:00:00Z", ""]
    assert stored["fetched"] == "2026-11-25T12:00:00Z"
    back = read_cache(tmp_path, "s", now=NOW)
    assert back == Kept((dated, undated), NOW, '"v1"', "Tue, 24 Nov 2026", "https://x.org/f")
    write_snapshot({"s": back, "empty": Kept()}, tmp_path / "snapshot.json")
    assert read_snapshot(tmp_path / "snapshot.json", now=NOW) == {"s": Kept((dated, undated), NOW)}


def test_a_cache_and_snapshot_with_dates_out_of_range_still_read(server, tmp_path) -> None:
    bad = {"fetched": "0001-01-01T00:00:00+14:00"}
    entry = {"title": "Kept", "link": "https://kept.example.org/k", "date": "9999-12-31T23:59:59-14:00"}
    feed = source(server, "status/500")
    (tmp_path / "cache" / "feeds").mkdir(parents=True)
    (tmp_path / "cache" / "feeds" / "s.json").write_text(
        json.dumps({**bad, "url": feed.url, "items": [entry]})
    )
    (tmp_path / "snapshot.json").write_text(json.dumps({"sources": {"t": {**bad, "items": [entry]}}}))
    collected = run(tmp_path, feed, source(server, "status/404", "t"))
    assert [(r.outcome, r.last_good, [(i.title, i.date) for i in r.items]) for r in collected.results] == [
        ("cache", None, [("Kept", None)]),
        ("snapshot", None, [("Kept", None)]),
    ]


def test_cached_items_are_sanitised_again_when_read(tmp_path) -> None:
    hostile = {"items": [{"title": "<script>x</script>Hi", "link": "javascript:x", "source": "s"}]}
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "s.json").write_text(json.dumps(hostile))
    (kept,) = read_cache(tmp_path, "s", now=NOW).items
    assert kept == Item("Hi", "", None, "", "s", "")
