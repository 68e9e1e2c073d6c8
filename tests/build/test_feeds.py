"""Latest news and social posts in the built site: blocks, /news/, log, no network, no markup."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub.feeds.sources import load_curated, load_feed_sources
from hub.feeds.store import read_snapshot
from tests.conftest import Build, build_site
from tests.feedserver import hostile_build_env, serving
from tests.project import PROJECT, SITE_URL, VOCAB

SITE = SITE_URL
LOG_LINE = re.compile(
    r"feeds: (?P<id>[a-z0-9-]+): (?P<outcome>fresh|not-modified|cache|snapshot|failed)\b"
    r".*, \d+ items, \d+ ms$"
)

# Injected into a build subprocess through PYTHONPATH: every outbound connection (and every
# name lookup) is recorded and refused, so a test can prove the build tried none. It also
# leaves a "loaded" marker, so a test can prove it ran at all (else "no attempt" proves nothing).
GUARD = """
import os, socket

_record = os.environ["HUB_GUARD_LOG"]
with open(os.environ["HUB_GUARD_LOADED"], "a") as _marker:
    _marker.write(f"loaded in {os.getpid()}\\n")

def _refuse(what):
    with open(_record, "a") as out:
        out.write(f"{what}\\n")
    raise OSError(f"network guard: {what} refused")

def _connect(self, address, *args):
    _refuse(f"connect {address!r}")

def _getaddrinfo(host, *args, **kwargs):
    _refuse(f"getaddrinfo {host!r}")

socket.socket.connect = _connect
socket.socket.connect_ex = _connect
socket.getaddrinfo = _getaddrinfo
socket.create_connection = lambda address, *a, **k: _refuse(f"create_connection {address!r}")
"""


def feed_blocks(soup: BeautifulSoup) -> list:
    """Every element that holds feed content on a page."""
    return soup.select(".hub-news, .hub-social, .hub-feed-source")


def feeds_lines(log: str) -> list[str]:
    """The per-source lines of the build log."""
    return [line.split("-  ", 1)[-1] for line in log.splitlines() if "feeds: " in line and " items, " in line]


# --- the normal (offline) build ------------------------------------------------------------


def test_home_shows_latest_news_and_social_blocks(build: Build) -> None:
    home = build.html("")
    for block, heading in ((".hub-news", "Latest news"), (".hub-social", "Latest on social media")):
        section = home.select_one(block)
        assert section is not None and section.h2.get_text(strip=True) == heading
        assert 1 <= len(section.select("li.hub-feed__item")) <= 5


def test_social_block_merges_curated_posts_newest_first(build: Build) -> None:
    social = build.html("").select_one(".hub-social")
    curated = load_curated(PROJECT.social_file, PROJECT.schemas, VOCAB)
    shown = [a.get_text(strip=True) for a in social.select(".hub-feed__title")]
    assert shown[: len(curated)] == [i.title for i in sorted(curated, key=lambda i: i.date, reverse=True)][:5]
    dates = [t["datetime"] for t in social.select("time")]
    assert dates == sorted(dates, reverse=True)


def test_items_have_platform_label_decorative_icon_and_time(build: Build) -> None:
    for item in build.html("").select(".hub-feed__item"):
        label = item.select_one(".hub-platform")
        assert label.get_text(strip=True), "platform label must be text"
        for icon in label.select(".hub-platform__icon"):
            assert icon["aria-hidden"] == "true"
        stamp = item.select_one("time")
        assert dt.datetime.fromisoformat(stamp["datetime"].replace("Z", "+00:00"))
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", stamp.get_text(strip=True))


def test_outside_links_carry_rel_and_own_links_do_not(build: Build) -> None:
    for page in ("", "news/"):
        for block in feed_blocks(build.html(page)):
            for link in block.select("a[href^='http']"):
                rel = set(link.get("rel") or [])
                if link["href"].startswith(SITE):
                    assert not rel, link
                else:
                    assert {"noopener", "nofollow", "ugc"} <= rel, link


def test_news_page_groups_every_source_with_its_update_date(build: Build) -> None:
    page = build.html("news/")
    assert page.select_one("article h1").get_text(strip=True).removesuffix("¶") == "Sector news"
    config = load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB)
    headings = [h.get_text(strip=True) for h in page.select(".hub-feed-source h3")]
    assert headings[: len(config.sources)] == [s.title for s in config.sources]
    snapshot = read_snapshot(PROJECT.snapshot_file, now=dt.datetime.now(dt.UTC))
    for source in config.sources:
        section = page.select_one(f"section[aria-labelledby='feed-{source.id}']")
        if source.id in snapshot:
            assert section.select_one(".hub-feed-source__updated time")["datetime"]
            assert section.select(".hub-feed__item")
        else:  # never fetched: said plainly, with a link to the source itself
            notice = section.select_one(".hub-feed-source__stale")
            assert notice["role"] == "status" and "not been able to fetch" in notice.get_text()


def test_news_page_is_in_the_nav_after_news_and_blogs(build: Build) -> None:
    nav = [a.get_text(strip=True) for a in build.html("news/").select(".md-tabs__link")]
    assert "Sector news" in nav and "News and blogs" in nav, nav
    assert nav.index("Sector news") == nav.index("News and blogs") + 1


def test_build_log_has_one_line_per_source(build: Build) -> None:
    lines = feeds_lines(build.log)
    ids = [s.id for s in load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB).sources]
    assert [LOG_LINE.match(line)["id"] for line in lines] == ids, lines
    assert all(LOG_LINE.match(line)["outcome"] in ("cache", "snapshot", "failed") for line in lines)


def test_committed_snapshot_holds_only_the_hubs_own_posts() -> None:
    snapshot = read_snapshot(PROJECT.snapshot_file, now=dt.datetime.now(dt.UTC))
    items = [i for kept in snapshot.values() for i in kept.items]
    assert items, "a fresh clone must build with content"
    assert all(i.link.startswith(SITE) for i in items)


# --- builds with other settings ------------------------------------------------------------


@pytest.fixture
def guard(tmp_path: Path) -> Iterator[tuple[dict[str, str], Path, Path]]:
    """Environment that loads the network guard into a build; its record; its loaded marker."""
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    record, loaded = folder / "attempts.log", folder / "loaded.log"
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    yield {"PYTHONPATH": path, "HUB_GUARD_LOG": str(record), "HUB_GUARD_LOADED": str(loaded)}, record, loaded


def test_offline_build_makes_no_connection_at_all(guard, tmp_path) -> None:
    env, record, loaded = guard
    built = build_site(
        tmp_path / "site", {**env, "HUB_FEEDS": "offline", "HUB_CACHE_DIR": str(tmp_path / "c")}
    )
    assert loaded.is_file() and "loaded in" in loaded.read_text()  # the guard was in the build
    assert not record.exists(), record.read_text()
    assert BeautifulSoup(built.page_file("").read_text(), "html.parser").select(".hub-news .hub-feed__item")


def test_live_build_with_the_network_gone_keeps_its_blocks(guard, tmp_path) -> None:
    # The same guard, live: it must see (and refuse) the attempts, which proves it works,
    # and every block must still be filled from the snapshot and the curated posts.
    env, record, _ = guard
    built = build_site(
        tmp_path / "site",
        {**env, "HUB_FEEDS": "live", "HUB_CACHE_DIR": str(tmp_path / "c"), "HUB_FEEDS_TIMEOUT": "3"},
    )
    assert "www.gov.uk" in record.read_text()
    outcomes = {LOG_LINE.match(line)["id"]: line for line in feeds_lines(built.log)}
    assert "snapshot (fetch failed:" in outcomes["hub-blog"]
    home = BeautifulSoup(built.page_file("").read_text(), "html.parser")
    assert home.select(".hub-news .hub-feed__item") and home.select(".hub-social .hub-feed__item")


def test_stale_cache_shows_a_polite_notice(tmp_path) -> None:
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=9)).isoformat(timespec="seconds")
    item = {"title": "Cached post", "link": SITE + "strategy/", "date": old, "source": "hub-blog"}
    (hub_blog,) = [
        s for s in load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB).sources if s.id == "hub-blog"
    ]
    cache = tmp_path / "cache" / "feeds"
    cache.mkdir(parents=True)
    (cache / "hub-blog.json").write_text(json.dumps({"url": hub_blog.url, "fetched": old, "items": [item]}))
    built = build_site(tmp_path / "site", {"HUB_CACHE_DIR": str(tmp_path / "cache")})
    section = BeautifulSoup(built.page_file("news/").read_text(), "html.parser").select_one(
        "section[aria-labelledby='feed-hub-blog']"
    )
    notice = section.select_one(".hub-feed-source__stale")
    assert notice is not None and notice["role"] == "status"
    assert "more than 7 days" in notice.get_text()
    assert [a.get_text(strip=True) for a in section.select(".hub-feed__title")] == ["Cached post"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A live build whose feeds are the XSS fixtures and a feed with HTML named entities, served
    on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("hostile")
    with serving() as server:
        return build_site(folder / "site", hostile_build_env(server, folder))


def test_hostile_feeds_were_fetched_fresh(hostile: Build) -> None:
    outcomes = {
        LOG_LINE.match(line)["id"]: LOG_LINE.match(line)["outcome"] for line in feeds_lines(hostile.log)
    }
    assert outcomes == {"hostile-news": "fresh", "hostile-social": "fresh", "entities-news": "fresh"}


def test_a_feed_read_despite_bad_xml_is_shown_with_a_warning_that_passes_strict(hostile: Build) -> None:
    # The build ran with --strict (build_site fails otherwise), so the warning is an INFO line.
    (line,) = [line for line in feeds_lines(hostile.log) if line.startswith("feeds: entities-news:")]
    assert line.startswith(
        "feeds: entities-news: fresh (warning: not well-formed XML (<unknown>:4:14: undefined entity);"
    ), line
    assert re.search(r"^INFO +- +feeds: entities-news: ", hostile.log, re.MULTILINE), hostile.log
    section = hostile.html("news/").select_one("section[aria-labelledby='feed-entities-news']")
    assert [a.get_text(strip=True) for a in section.select(".hub-feed__title")] == ["Café opens today"]


@pytest.mark.parametrize("page", ["", "news/"])
def test_hostile_feeds_leave_no_executable_markup(hostile: Build, page: str) -> None:
    soup = hostile.html(page)
    blocks = feed_blocks(soup)
    assert blocks and any(b.select(".hub-feed__item") for b in blocks)
    for block in blocks:
        assert not block.select("script, iframe, img, object, embed, style, form, animate")
        for tag in block.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
            if tag.name == "svg":
                assert tag.find_parent(class_="hub-platform__icon"), tag
        for link in block.select(".hub-feed a[href]"):
            assert link["href"].startswith(("http://", "https://")), link
    text = " ".join(b.get_text(" ") for b in blocks)
    assert "Script title" in text and "JSON image title" in text  # the text itself survives
    for tag in soup.find_all(True):
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = re.sub(r"\s", "", str(tag.get(name, ""))).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), tag
