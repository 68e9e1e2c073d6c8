"""hub.feeds.sources: data/feeds.yml and data/social.yml, checked against their schemas with
the platforms from data/vocabularies.yml."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import material
import pytest

from hub.core.vocab import Term, Vocabularies
from hub.core.yamlio import DataErrors
from hub.feeds.sources import load_curated, load_feed_sources
from tests.feedserver import FIXTURES
from tests.project import PROJECT, VOCAB
from tests.unit.feeds.support import NOW

DATA = FIXTURES / "data"
SHOWN = "tests/fixtures/feeds/data"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad-url.yml", "4: sources.0.url: must be the feed's full web address, starting with https://"),
        ("bad-section.yml", "5: sources.0.section: 'blogs' is not allowed: use one of news, social"),
        ("bad-id.yml", "2: sources.0.id: use lower-case letters, digits and hyphens, e.g. smc-news"),
        ("duplicate-id.yml", "8: sources.1.id: is used twice (first on line 2)"),
        ("missing-platform.yml", "2: sources.0.platform: is required"),
    ],
)
def test_bad_feeds_file_is_reported_at_its_line(name, message) -> None:
    with pytest.raises(DataErrors) as caught:
        load_feed_sources(DATA / name, PROJECT.schemas, VOCAB)
    assert str(caught.value) == f"{SHOWN}/{name}:{message}"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("social-bad-date.yml", "4: posts.0.date: must be a date written as YYYY-MM-DD, e.g. 2026-11-20"),
        (
            "social-javascript-url.yml",
            "3: posts.0.url: must be the post's full web address, starting with https://",
        ),
        (
            "social-unknown-platform.yml",
            "2: posts.0.platform: 'myspace' is not allowed: use one of "
            "govuk, blog, news, linkedin, x, mastodon, bluesky, hub",
        ),
    ],
)
def test_bad_social_file_is_reported_at_its_line(name, message) -> None:
    with pytest.raises(DataErrors) as caught:
        load_curated(DATA / name, PROJECT.schemas, VOCAB, now=NOW)
    assert str(caught.value) == f"{SHOWN}/{name}:{message}"


def test_the_real_data_files_load() -> None:
    config = load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB)
    assert {s.section for s in config.sources} <= {"news", "social"}
    # Today, not the suite's fixed NOW: the real file gains newer items as the hub goes on.
    curated = load_curated(PROJECT.social_file, PROJECT.schemas, VOCAB, now=dt.datetime.now(dt.UTC))
    assert all(i.link.startswith("https://") for i in curated)
    assert all(i.date is not None and i.date.tzinfo is not None for i in curated)


def test_schemas_take_the_platforms_from_the_vocabulary_alone() -> None:
    for name, items in (("feeds", "sources"), ("social", "posts")):
        schema = json.loads((PROJECT.schemas / f"{name}.schema.json").read_text())
        platform = schema["properties"][items]["items"]["properties"]["platform"]
        assert platform == {"type": "string", "x-vocabulary": "platforms"}  # no second list here


def test_a_platform_added_to_the_vocabulary_is_accepted(tmp_path) -> None:
    posts = tmp_path / "social.yml"
    posts.write_text(
        'posts:\n  - {platform: threads, url: "https://example.org/p", date: "2026-11-20", text: Hi}\n'
    )
    with pytest.raises(DataErrors):
        load_curated(posts, PROJECT.schemas, VOCAB, now=NOW)
    wider = Vocabularies({**VOCAB, "platforms": (*VOCAB["platforms"], Term("threads", "Threads"))})
    (post,) = load_curated(posts, PROJECT.schemas, wider, now=NOW)
    assert post.platform == "threads"


def test_every_platform_icon_is_a_material_icon() -> None:
    icons = Path(material.__file__).parent / "templates" / ".icons"
    for platform in VOCAB["platforms"]:
        assert (icons / f"{platform.icon}.svg").is_file(), platform
