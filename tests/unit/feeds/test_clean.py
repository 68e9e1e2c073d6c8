"""hub.feeds.clean: feed text becomes one line of plain text, a link survives only as http(s)."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.feeds.clean import clean_text, make_item, plausible_date, safe_link
from hub.feeds.model import Source
from tests.unit.feeds.support import NOW


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<script>alert(1)</script>Hello", "Hello"),
        ("<b>Bold</b> &amp; <i>plain</i>", "Bold & plain"),
        ("&lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>"),  # text, escaped on output
        ("Tab\tand\nnewline\u202econtrol", "Tab and newlinecontrol"),
        (None, ""),
    ],
)
def test_clean_text(raw, text) -> None:
    assert clean_text(raw, 200) == text


def test_clean_text_cuts_long_text_at_a_word() -> None:
    assert clean_text("word " * 100, 23) == "word word word word…"


@pytest.mark.parametrize(
    ("raw", "link"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://Example.org/", "HTTP://Example.org/"),
        ("javascript:alert(1)", ""),
        (" JaVaScRiPt:alert(1)", ""),
        ("&#106;avascript:alert(1)", ""),
        ("&amp;#x6A;avascript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("//example.org/no-scheme", ""),
        ("https:///no-host", ""),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        (42, ""),
    ],
)
def test_safe_link(raw, link) -> None:
    assert safe_link(raw) == link


@pytest.mark.parametrize(
    ("when", "kept"),
    [
        (
            dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC),
        ),
        (NOW + dt.timedelta(hours=23), NOW + dt.timedelta(hours=23)),
        (NOW + dt.timedelta(days=2), None),  # a feed cannot pin an item on top
        (None, None),
    ],
)
def test_plausible_date_is_utc_and_not_far_ahead(when, kept) -> None:
    got = plausible_date(when, NOW)
    assert got == kept and (got is None or got.tzinfo is dt.UTC)


def test_make_item_falls_back_to_the_summary_and_drops_an_entry_with_no_text() -> None:
    feed = Source("s", "S", "https://example.org/feed", "news", "news")
    untitled = make_item(
        feed, title="", link="https://example.org/1", date=None, summary="<p>Only text</p>", now=NOW
    )
    assert (untitled.title, untitled.summary, untitled.date) == ("Only text", "", None)
    assert (
        make_item(feed, title="<b></b>", link="https://example.org/2", date=None, summary="", now=NOW) is None
    )
