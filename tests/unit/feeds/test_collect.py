"""hub.feeds.collect: per source a fresh fetch, then the cache, then the snapshot; ordering,
staleness, and what the templates are given."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.feeds.collect import newest_first, social_posts
from hub.feeds.model import Item
from hub.feeds.store import Kept, read_cache, write_cache
from tests.unit.feeds.support import NOW, cache, item, only, run, source


def day(n: int) -> dt.datetime:
    """Midnight UTC on the nth of November 2026."""
    return dt.datetime(2026, 11, n, tzinfo=dt.UTC)


def test_show_limits_the_items_per_source(server, tmp_path) -> None:
    _, _, titles = only(run(tmp_path, source(server, "f/rss2.xml", show=2)))
    assert titles == ["Newest story", "Second story & more"]


def test_live_failure_falls_back_to_cache_before_snapshot(server, tmp_path) -> None:
    fetched = NOW - dt.timedelta(days=2)
    feed = source(server, "status/500")
    cache(tmp_path, feed, item("cached"), fetched=fetched)
    collected = run(tmp_path, feed, snapshot={"s": Kept((item("snap"),), NOW)})
    (result,) = collected.results
    assert (result.outcome, result.reason, [i.title for i in result.items]) == (
        "cache",
        "HTTP 500",
        ["cached"],
    )
    assert result.last_good == fetched and not result.stale
    assert result.log_line() == "s: cache (fetch failed: HTTP 500), 1 items, " + f"{result.ms} ms"


def test_live_failure_with_no_cache_falls_back_to_snapshot(server, tmp_path) -> None:
    collected = run(tmp_path, source(server, "status/404"), snapshot={"s": Kept((item("snap"),), NOW)})
    assert only(collected) == ("snapshot", "HTTP 404", ["snap"])


def test_a_failure_never_overwrites_the_last_good_items(server, tmp_path) -> None:
    feed = source(server, "switch")  # one URL, so the cache stays this source's
    server.log.switch = "/f/atom.xml"
    assert only(run(tmp_path, feed))[0] == "fresh"
    before = (tmp_path / "cache" / "feeds" / "s.json").read_text()
    for path in ("/status/500", "/f/empty.xml", "/f/page.html", "/f/no-usable-items.xml", "/hang"):
        server.log.switch = path
        assert only(run(tmp_path, feed))[0] == "cache", path
    assert (tmp_path / "cache" / "feeds" / "s.json").read_text() == before


def test_a_fresh_fetch_replaces_the_cache(server, tmp_path) -> None:
    feed = source(server, "f/atom.xml")
    cache(tmp_path, feed, item("old"), fetched=NOW - dt.timedelta(days=30))
    assert only(run(tmp_path, feed))[0] == "fresh"
    assert [i.title for i in read_cache(tmp_path / "cache", "s", now=NOW).items] == ["Atom entry"]


def test_offline_makes_no_request_and_uses_cache_then_snapshot(server, tmp_path) -> None:
    cache(tmp_path, source(server, "f/rss2.xml", "a"), item("cached", "a"))
    snap = {"a": Kept((item("snap-a", "a"),), NOW), "b": Kept((item("snap-b", "b"),), NOW)}
    collected = run(
        tmp_path,
        source(server, "f/rss2.xml", "a"),
        source(server, "f/rss2.xml", "b"),
        source(server, "f/rss2.xml", "c"),
        mode="offline",
        snapshot=snap,
    )
    assert server.log.requests == []
    summary = [(r.outcome, [i.title for i in r.items]) for r in collected.results]
    assert summary == [("cache", ["cached"]), ("snapshot", ["snap-b"]), ("failed", [])]


def test_stale_after_seven_days_without_a_good_fetch(server, tmp_path) -> None:
    old, recent = source(server, "x", "old"), source(server, "x", "recent")
    cache(tmp_path, old, item("a", "old"), fetched=NOW - dt.timedelta(days=8))
    cache(tmp_path, recent, item("b", "recent"), fetched=NOW - dt.timedelta(days=6))
    collected = run(tmp_path, old, recent, mode="offline")
    assert [(r.source.id, r.stale) for r in collected.results] == [("old", True), ("recent", False)]


@pytest.mark.parametrize(("mode", "reason"), [("live", "HTTP 500"), ("offline", "")])
def test_a_cache_kept_for_another_url_is_ignored(server, tmp_path, mode, reason) -> None:
    # The source moved in data/feeds.yml: what the old address gave is not this feed's news.
    feed = source(server, "status/500")
    write_cache(
        tmp_path / "cache", "s", Kept((item("old address"),), NOW, '"v1"', url=server.url("f/atom.xml"))
    )
    collected = run(tmp_path, feed, mode=mode, snapshot={"s": Kept((item("snap"),), NOW)})
    assert only(collected) == ("snapshot", reason, ["snap"])
    for _, headers in server.log.requests:
        assert "if-none-match" not in headers  # no validators from the old address either


def test_newest_first_dedupes_by_link_and_puts_undated_last() -> None:
    a = Item("A", "https://x.org/a", day(1), "", "s", "news")
    a_again = Item("A again", "HTTPS://X.ORG/a/#top", day(1), "", "t", "news")
    b = Item("B", "https://x.org/b", day(2), "", "s", "news")
    undated = Item("U", "https://x.org/u", None, "", "s", "news")
    assert [i.title for i in newest_first([undated, a, b, a_again])] == ["B", "A", "U"]


def test_each_item_names_its_platform_from_the_vocabulary(server, tmp_path) -> None:
    collected = run(tmp_path, source(server, "f/atom.xml"))
    (entry,) = collected.results[0].items
    platform = collected.platform(entry)
    assert (platform.id, platform.label, platform.icon) == (
        "news",
        "News",
        "material/newspaper-variant-outline",
    )
    stray = Item("From an edited cache", "", None, "", "s", "myspace")
    assert (collected.platform(stray).label, collected.platform(stray).icon) == ("", "")


OWN_AND_OTHER = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Mixed</title>
<item><title>Our own post</title><link>https://example.org/blog/2026/11/01/ours/</link>
<pubDate>Sun, 01 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Their story</title><link>https://other.example.org/story</link>
<pubDate>Sat, 31 Oct 2026 09:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_an_item_linking_to_the_hub_is_never_sector_news(server, tmp_path) -> None:
    """The hub's own posts have "Latest news and blogs": a feed that carries them (the hub's
    own, or a partner's that links back) never puts them under sector news."""
    server.log.bodies["mixed"] = (OWN_AND_OTHER, {"Content-Type": "application/rss+xml"})
    collected = run(tmp_path, source(server, "body/mixed"))
    assert only(collected) == ("fresh", "", ["Their story"])
    assert [i.title for i in collected.news] == ["Their story"]


def test_the_snapshot_hubs_own_items_are_left_out_too(server, tmp_path) -> None:
    ours = Item("Ours", "https://example.org/blog/x/", day(2), "", "s", "blog")
    theirs = Item("Theirs", "https://other.example.org/y", day(1), "", "s", "news")
    collected = run(tmp_path, source(server, "status/404"), snapshot={"s": Kept((ours, theirs), NOW)})
    assert only(collected) == ("snapshot", "HTTP 404", ["Theirs"])


@pytest.mark.parametrize(
    ("platform", "link", "shown"),
    [
        ("linkedin", "https://www.linkedin.com/posts/someone-1", True),
        ("bluesky", "https://bsky.app/profile/someone/post/1", True),
        ("hub", "https://www.linkedin.com/posts/someone-2", False),  # not a social platform
        ("blog", "https://other.example.org/post", False),
        ("linkedin", "https://example.org/strategy/", False),  # a link to the hub itself
    ],
)
def test_only_posts_on_social_platforms_are_social_posts(platform: str, link: str, shown: bool) -> None:
    post = Item("A post", link, day(3), "", "curated", platform)
    kept = social_posts([post], ("linkedin", "x", "mastodon", "bluesky"), "https://example.org/")
    assert kept == ([post] if shown else [])
