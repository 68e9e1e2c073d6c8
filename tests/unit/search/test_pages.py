"""Which pages the search indexes, and what their results are called."""

from __future__ import annotations

import pytest

from hub.search.pages import is_indexed, kind_of


@pytest.mark.parametrize(
    ("url", "meta", "indexed"),
    [
        ("strategy/data/measuring/", {}, True),
        ("blog/2026/03/24/a-post/", {"title": "A post"}, True),
        ("organisations/upreach/", {}, True),
        ("news/", {}, True),
        # Listings repeat what they link to.
        ("", {}, False),
        ("organisations/", {}, False),
        ("blog/tags/", {}, False),
        # Material's own front matter convention.
        ("about/", {"search": {"exclude": True}}, False),
        ("about/", {"search": {"exclude": False}}, True),
        ("about/", {"search": "yes"}, True),
    ],
)
def test_is_indexed(url: str, meta: dict, indexed: bool) -> None:
    assert is_indexed(url, meta) is indexed


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("strategy/culture/", "Guidance"),
        ("blog/2026/03/24/a-post/", "Blog post"),
        ("organisations/upreach/", "Organisation"),
        ("news/", "Sector news"),
        ("glossary/", "Page"),
    ],
)
def test_kind_of(url: str, kind: str) -> None:
    assert kind_of(url) == kind
