"""hub.feeds.parse, fed through the feeds step by a real HTTP server on 127.0.0.1: every format,
what feedparser recovers from bad XML, what is refused, and hostile input."""

from __future__ import annotations

import datetime as dt
import tracemalloc

import pytest

from hub.core.dates import iso
from tests.unit.feeds.support import only, run, source


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        ("f/rss2.xml", ["Newest story", "Second story & more", "First story"]),
        ("f/rss1.xml", ["An RDF item"]),
        ("f/atom.xml", ["Atom entry"]),
        ("f/feed.json", ["A post with no title, only text, as microblogs write them.", "A JSON Feed post"]),
        ("f/latin1.xml", ["Café naïve £100 résumé"]),
        ("wrong-type", ["Newest story", "Second story & more", "First story"]),
        ("redirect", ["Newest story", "Second story & more", "First story"]),
    ],
)
def test_each_format_parses_to_fresh_items_newest_first(server, tmp_path, path, titles) -> None:
    assert only(run(tmp_path, source(server, path))) == ("fresh", "", titles)


def test_items_are_normalised(server, tmp_path) -> None:
    (result,) = run(tmp_path, source(server, "f/atom.xml")).results
    (entry,) = result.items
    assert entry.link == server.url("entries/1")  # relative link resolved against the feed
    assert entry.date == dt.datetime(2026, 11, 12, 10, tzinfo=dt.UTC)  # converted to UTC
    assert entry.summary == "An Atom summary."
    assert (entry.source, entry.platform) == ("s", "news")
    assert result.warning == ""


# --- not well-formed, but readable ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "items", "warning"),
    [
        (
            # HTML named entities, which XML does not define; feedparser decodes them.
            "f/html-entities.xml",
            [
                (
                    "Café opens today",
                    "Open from 9 am \u2013 all welcome …",
                    "https://entities.example.org/cafe",
                )
            ],
            "not well-formed XML (<unknown>:4:14: undefined entity)",
        ),
        (
            # An RSS 1.0 channel whose empty <textinput> is never closed; its item still reads.
            "f/rdf-empty-textinput.xml",
            [("Read despite the empty text input", "", "https://rdf.example.org/1")],
            "not well-formed XML (<unknown>:8:4: mismatched tag)",
        ),
    ],
)
def test_a_feed_feedparser_recovers_keeps_its_items_with_a_warning(
    server, tmp_path, path, items, warning
) -> None:
    (result,) = run(tmp_path, source(server, path)).results
    assert (result.outcome, result.reason, result.warning) == ("fresh", "", warning)
    assert [(i.title, i.summary, i.link) for i in result.items] == items
    assert result.log_line() == (
        f"s: fresh (warning: {warning}; kept the items feedparser recovered), 1 items, {result.ms} ms"
    )


def test_a_recovered_feed_is_cached_like_any_fresh_one(server, tmp_path) -> None:
    feed = source(server, "f/html-entities.xml")
    run(tmp_path, feed)
    feed_later = source(server, "status/500")
    (tmp_path / "cache" / "feeds" / "s.json").write_text(
        (tmp_path / "cache" / "feeds" / "s.json").read_text().replace(feed.url, feed_later.url)
    )
    (result,) = run(tmp_path, feed_later).results
    assert (result.outcome, [i.title for i in result.items]) == ("cache", ["Café opens today"])
    assert iso(result.items[0].date) == "2026-11-24T09:00:00Z"


# --- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("f/malformed.xml", "not well-formed XML (<unknown>:8:6: mismatched tag)"),  # its item has no text
        ("f/page.html", "not well-formed XML (<unknown>:2:0: syntax error)"),
        ("f/empty.xml", "no entries"),
        ("f/bomb.xml", "not well-formed XML (<unknown>:6:13: undefined entity)"),
        # Entities decoded, but the only item has no text and a javascript: link: nothing usable.
        ("f/no-usable-items.xml", "not well-formed XML (<unknown>:4:14: undefined entity)"),
    ],
)
def test_a_body_with_nothing_usable_is_a_failure_with_its_reason(server, tmp_path, path, reason) -> None:
    assert only(run(tmp_path, source(server, path))) == ("failed", reason, [])


def test_html_with_a_text_html_type_is_not_a_feed(server, tmp_path) -> None:
    outcome, reason, _ = only(run(tmp_path, source(server, "f/page.html")))
    assert outcome == "failed" and "XML" in reason


@pytest.mark.parametrize("name", ["bomb.xml", "bomb-oneline.xml"])
def test_an_entity_expansion_bomb_fails_with_bounded_memory(server, tmp_path, name) -> None:
    tracemalloc.start()
    outcome, reason, _ = only(run(tmp_path, source(server, f"f/{name}")))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # Fully expanded, the title alone would be 100 x 20**7 bytes: 128 GB. feedparser's loose
    # parser reads the item with "&h;" as its title, so the bomb is refused for declaring entities.
    assert outcome == "failed" and "XML" in reason
    assert peak < 32_000_000, f"peak Python memory {peak / 1e6:.1f} MB"


# --- hostile and odd content ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["xss.xml", "xss.json"])
def test_hostile_feeds_become_plain_text_with_only_http_links(server, tmp_path, name) -> None:
    (result,) = run(tmp_path, source(server, f"f/{name}")).results
    assert result.outcome == "fresh" and result.items
    for entry in result.items:
        assert entry.link == "" or entry.link.startswith(("http://", "https://")), entry.link
        assert '"' not in entry.link and "<" not in entry.link
        for text in (entry.title, entry.summary):
            assert "<" not in text and "__xss" not in text and "alert" not in text, text


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        (
            "out-of-range-dates.xml",  # 0001-01-01T00:00:00+01:00 is year 0 in UTC
            [
                ("A normal date", dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)),
                ("Before year one in UTC", None),
            ],
        ),
        (
            "out-of-range-dates.json",  # +14:00 and -14:00 at the ends of the calendar
            [
                ("A normal date", dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)),
                ("Year one at plus fourteen hours", None),
                ("The last second at minus fourteen hours", None),
            ],
        ),
    ],
)
def test_a_date_out_of_range_counts_as_no_date(server, tmp_path, name, dates) -> None:
    (result,) = run(tmp_path, source(server, f"f/{name}")).results
    assert result.outcome == "fresh"
    assert [(i.title, i.date) for i in result.items] == dates


def test_a_date_far_in_the_future_counts_as_no_date(server, tmp_path) -> None:
    (result,) = run(tmp_path, source(server, "f/xss.json")).results
    assert [(i.title, i.date) for i in result.items] == [
        ("JSON image title", dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)),
        ("JSON data link", None),
    ]
