"""hub.posts.history: nothing dated before the hub began, unless it is an archived real item."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.posts.history import history_errors, post_history_errors, social_history_errors
from tests.project import ROOT

LAUNCH = dt.date(2026, 11, 24)
FIXTURES = ROOT / "tests" / "fixtures" / "posts" / "history"
SHOWN = "tests/fixtures/posts/history"
FIX = "the https address of its public record"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "backdated-post.md",
            [
                f"{SHOWN}/backdated-post.md:4: date: 2025-05-20 is before the hub began (2026-11-24): "
                "date it on or after the day it appeared here, or, for a real item that happened "
                f"earlier, give `archived_source:` with {FIX}"
            ],
        ),
        (
            "backdated-event.md",
            [
                f"{SHOWN}/backdated-event.md:10: masterclass.event_date: 2026-03-12 is before the hub "
                "began (2026-11-24): date it on or after the day it appeared here, or, for a real item "
                f"that happened earlier, give `masterclass.record:` with {FIX}"
            ],
        ),
        ("archived-post.md", []),
        ("recorded-event.md", []),
    ],
)
def test_a_post_dated_before_the_launch_needs_its_record(name: str, expected: list[str]) -> None:
    assert [str(e) for e in post_history_errors(FIXTURES / name, LAUNCH)] == expected


def test_a_social_item_dated_before_the_launch_is_refused_at_its_line() -> None:
    errors = [str(e) for e in social_history_errors(FIXTURES / "social-backdated.yml", LAUNCH)]
    assert errors == [
        f"{SHOWN}/social-backdated.yml:8: posts.1.date: 2024-12-02 is before the hub began (2026-11-24): "
        "date it on or after the day it appeared here, or, for a real item that happened earlier, "
        f"give `archived_source:` with {FIX}"
    ]


def test_the_launch_date_is_the_boundary() -> None:
    # The same post passes when the hub is said to have begun on its date.
    assert post_history_errors(FIXTURES / "backdated-post.md", dt.date(2025, 5, 20)) == []


def test_the_real_posts_and_social_items_keep_to_the_real_history() -> None:
    assert history_errors(ROOT / "docs" / "blog" / "posts", ROOT / "data" / "social.yml", LAUNCH) == []
