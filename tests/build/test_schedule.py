"""Scheduled posts in the built site: a post dated after "today" waits for its day.

A copy of the site gets one more post, dated 10 December 2026. With HUB_TODAY the day before,
the live build leaves it out of every list, feed, the sitemap and the search index, and a
deploy preview shows it with its banner; with HUB_TODAY on its date, it is everywhere.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from hub.core.frontmatter import dump_front_matter
from tests.build.test_posts import post_urls, titles
from tests.conftest import Build, build_site
from tests.project import copy_project

DAY = dt.date(2026, 12, 10)
TITLE = "A post that waits for its day"
URL = f"blog/{DAY:%Y/%m/%d}/a-post-that-waits-for-its-day/"
POST = {
    "title": TITLE,
    "description": "Written ahead of an event and published on the day.",
    "date": DAY,
    "authors": ["editors"],
    "categories": ["News"],
    "tags": ["Analysis of data"],
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with the post dated DAY."""
    config = copy_project(tmp_path_factory.mktemp("project"))
    post = config.parent / "docs" / "blog" / "posts" / f"{DAY.isoformat()}-waits.md"
    post.write_text(dump_front_matter(POST, "Opening paragraph.\n\n## More\n\nThe rest."), encoding="utf-8")
    return config


def _build(factory: pytest.TempPathFactory, config: Path, today: dt.date, context: str) -> Build:
    env = {"CONTEXT": context, "HUB_TODAY": today.isoformat(), "HUB_CACHE_DIR": str(factory.mktemp("c"))}
    return build_site(factory.mktemp(context) / "site", env, config)


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory, config: Path) -> Build:
    """The live build on the day before the post's date."""
    return _build(tmp_path_factory, config, DAY - dt.timedelta(days=1), "production")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory, config: Path) -> Build:
    """A deploy preview on the same day."""
    return _build(tmp_path_factory, config, DAY - dt.timedelta(days=1), "deploy-preview")


@pytest.fixture(scope="module")
def on_the_day(tmp_path_factory: pytest.TempPathFactory, config: Path) -> Build:
    """The live build on the post's date."""
    return _build(tmp_path_factory, config, DAY, "production")


def places(build: Build) -> dict[str, str]:
    """Where a published post shows, each as text to look for its title or address in."""
    return {
        "blog index": " ".join(post_urls(build)),
        "category page": " ".join(post_urls(build, "blog/category/news/")),
        "tag page": build.html("blog/tags/").get_text(" "),
        "home": build.html("").get_text(" "),
        "element page": build.html("strategy/data/").get_text(" "),
        "RSS feed": (build.site / "feed_rss_created.xml").read_text(encoding="utf-8"),
        "JSON feed": (build.site / "feed_json_created.json").read_text(encoding="utf-8"),
        "sitemap": (build.site / "sitemap.xml").read_text(encoding="utf-8"),
        "search index": " ".join(_indexed_urls(build.site)),
    }


def _indexed_urls(site: Path) -> list[str]:
    """The address of every page in the Pagefind index (one fragment a page)."""
    urls = []
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.append(json.loads(data)["url"])
    return urls


def _mentions(text: str) -> bool:
    return TITLE in text or URL in text


def test_on_its_day_the_post_is_everywhere(on_the_day: Build) -> None:
    assert [name for name, text in places(on_the_day).items() if not _mentions(text)] == []
    assert not on_the_day.html(URL).select(".hub-scheduled")


def test_the_day_before_the_live_build_leaves_it_out_everywhere(held: Build, on_the_day: Build) -> None:
    assert [name for name, text in places(held).items() if _mentions(text)] == []
    assert not held.page_file(URL).exists()
    assert f"Scheduled for {DAY.isoformat()}, left out until then" in held.log
    # Only the scheduled post is held back: every other post is listed as on its day.
    assert titles(held) == [title for title in titles(on_the_day) if title != TITLE]


def test_a_preview_shows_it_with_its_banner(preview: Build) -> None:
    assert TITLE in titles(preview)
    banner = preview.html(URL).select_one(".hub-scheduled")
    assert banner is not None
    assert banner.select_one("time")["datetime"] == "2026-12-10"
    assert " ".join(banner.get_text(" ").split()).startswith("Scheduled for 10 December 2026")
