"""The one slug rule (hub.core.slugs), used for organisation and post file names."""

from __future__ import annotations

import pytest

from hub.core.slugs import SLUG, slugify
from tests.project import PROJECT


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Reaching talent: a write-up", "reaching-talent-a-write-up"),
        ("The King's Trust", "the-kings-trust"),
        ("The King\u2019s Trust", "the-kings-trust"),
        ("Good Two & Partners", "good-two-and-partners"),
        ("Café  & co.", "cafe-and-co"),
        ("  --Hello,   world--  ", "hello-world"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["A & B", "Ünïcödé — dash", "x__y", "2026: a year", "\u00a0nbsp\u00a0"])
def test_a_slug_is_always_a_valid_file_name(text: str) -> None:
    assert SLUG.match(slugify(text))


def test_every_organisation_file_name_is_a_slug_of_itself() -> None:
    # The rule changed hands (hub.directory -> hub.core): today's file names still pass it.
    stems = [path.stem for path in PROJECT.organisations.glob("*.yml")]
    assert stems and [stem for stem in stems if slugify(stem) != stem] == []


def test_every_post_file_name_is_a_slug_of_itself() -> None:
    stems = [path.stem for path in PROJECT.posts.glob("*.md")]
    assert stems and [stem for stem in stems if slugify(stem) != stem] == []
