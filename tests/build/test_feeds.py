"""Latest news and social posts in the built site: blocks, /news/, log, no network, no markup."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

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


# --- the normal (offline) build: the committed snapshot holds no outside item ---------------


def test_home_leaves_out_feed_sections_with_nothing_to_show(build: Build) -> None:
    """No heading over an empty list, and never the hub's own posts in their place."""
    home = build.html("")
    assert home.select_one(".hub-latest-posts .hub-post-list__item")  # the hub's own list is there
    assert not home.select(".hub-news, .hub-social")


def test_news_page_says_once_per_section_that_there_is_nothing_yet(build: Build) -> None:
    page = build.html("news/")
    sentences = page.select(".hub-feed-none")
    assert [s.find_previous("h2")["id"] for s in sentences] == ["news", "social"]
    assert (
        sentences[0].get_text(" ", strip=True).startswith("We have no items from these sources to show yet")
    )
    assert not page.select(".hub-feed-source, .hub-feed__item")
    config = load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB)
    linked = [a["href"] for a in sentences[0].select("a")]
    assert linked == [s.site for s in config.sources if s.section == "news" and s.site]


def test_build_log_has_one_line_per_source(build: Build) -> None:
    lines = feeds_lines(build.log)
    ids = [s.id for s in load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB).sources]
    assert [LOG_LINE.match(line)["id"] for line in lines] == ids, lines
    assert all(LOG_LINE.match(line)["outcome"] in ("cache", "snapshot", "failed") for line in lines)


def test_committed_snapshot_holds_only_other_peoples_items() -> None:
    snapshot = read_snapshot(PROJECT.snapshot_file, now=dt.datetime.now(dt.UTC))
    items = [i for kept in snapshot.values() for i in kept.items]
    assert not [i.link for i in items if i.link.startswith(SITE)]


def test_no_feed_source_is_the_hubs_own() -> None:
    config = load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB)
    assert not [s.id for s in config.sources if s.url.startswith(SITE) or s.site.startswith(SITE)]


# --- a build with items in the cache: outside news, a social post, and the hub's own posts ----


def cached(folder: Path, source_id: str, *items: dict[str, str], days_old: int = 1) -> None:
    """Put `items` in the feeds cache under `folder` as if `source_id` was fetched `days_old` ago."""
    (source,) = [
        s for s in load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB).sources if s.id == source_id
    ]
    fetched = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days_old)).isoformat(timespec="seconds")
    (folder / "feeds").mkdir(parents=True, exist_ok=True)
    stored = [{"date": fetched, "source": source_id, "platform": source.platform, **i} for i in items]
    data = {"url": source.url, "fetched": fetched, "items": stored}
    (folder / "feeds" / f"{source_id}.json").write_text(json.dumps(data), encoding="utf-8")


def newest_post_url(build: Build) -> str:
    """The address of the first post under "Latest news and blogs"."""
    return build.html("").select_one(".hub-latest-posts h3 a")["href"]


@pytest.fixture(scope="module")
def fed(build: Build, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Offline, from a cache holding outside news, a social post, and (as a feed might carry
    them) two of the hub's own pages: its newest post and a guidance page."""
    folder = tmp_path_factory.mktemp("fed")
    own_post = SITE + newest_post_url(build).removeprefix("./")
    cached(
        folder / "cache",
        "smc",
        {"title": "Outside story one", "link": "https://www.gov.uk/government/news/one"},
        {"title": "Our own newest post", "link": own_post},
        {"title": "Outside story two", "link": "https://www.gov.uk/government/news/two"},
    )
    cached(folder / "cache", "dfe", {"title": "Our guidance", "link": SITE + "strategy/"})
    cached(
        folder / "cache",
        "sutton-trust-bluesky",
        {"title": "A post on Bluesky", "link": "https://bsky.app/profile/suttontrust.bsky.social/post/1"},
    )
    return build_site(folder / "site", {"HUB_CACHE_DIR": str(folder / "cache")})


def test_home_shows_outside_news_and_social_posts_only(fed: Build) -> None:
    home = fed.html("")
    news, social = home.select_one(".hub-news"), home.select_one(".hub-social")
    assert news.h2.get_text(strip=True) == "Latest sector news"
    assert social.h2.get_text(strip=True) == "Latest on social media"
    titles = [a.get_text(strip=True) for a in news.select(".hub-feed__title")]
    assert sorted(titles) == ["Outside story one", "Outside story two"]
    assert [a.get_text(strip=True) for a in social.select(".hub-feed__title")] == ["A post on Bluesky"]
    # data/social.yml's posts on the hub's own platform are announcements, not social media posts
    curated = load_curated(PROJECT.social_file, PROJECT.schemas, VOCAB)
    hub_posts = {i.title for i in curated if i.platform == "hub"}
    assert not hub_posts & set(titles + [a.get_text(strip=True) for a in social.select("a")])


@pytest.mark.parametrize("which", ["build", "fed"])
def test_no_url_is_both_a_latest_post_and_sector_news(which: str, request: pytest.FixtureRequest) -> None:
    built: Build = request.getfixturevalue(which)
    home = built.html("")
    posts = {urljoin(SITE, a["href"]) for a in home.select(".hub-latest-posts a[href]")}
    news = {
        urljoin(SITE, a["href"])
        for a in home.select(".hub-news .hub-feed a[href], .hub-social .hub-feed a[href]")
    }
    assert posts and not posts & news
    on_news_page = {
        urljoin(SITE + "news/", a["href"]) for a in built.html("news/").select(".hub-feed a[href]")
    }
    assert not posts & on_news_page
    assert not [url for url in news | on_news_page if url.startswith(SITE)]


def test_items_have_platform_label_decorative_icon_and_time(fed: Build) -> None:
    items = fed.html("").select(".hub-feed__item")
    assert items
    for item in items:
        label = item.select_one(".hub-platform")
        assert label.get_text(strip=True), "platform label must be text"
        for icon in label.select(".hub-platform__icon"):
            assert icon["aria-hidden"] == "true"
        stamp = item.select_one("time")
        assert dt.datetime.fromisoformat(stamp["datetime"].replace("Z", "+00:00"))
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", stamp.get_text(strip=True))


def test_outside_links_carry_rel(fed: Build) -> None:
    links = [
        link
        for page in ("", "news/")
        for block in feed_blocks(fed.html(page))
        for link in block.select("a[href^=http]")
    ]
    assert links
    for link in links:
        assert link["href"].startswith("https://") and not link["href"].startswith(SITE), link
        assert {"noopener", "nofollow", "ugc"} <= set(link.get("rel") or []), link


def test_news_page_groups_every_source_with_its_update_date(fed: Build) -> None:
    page = fed.html("news/")
    assert page.select_one("article h1").get_text(strip=True).removesuffix("¶") == "Sector news"
    config = load_feed_sources(PROJECT.feeds_file, PROJECT.schemas, VOCAB)
    headings = [h.get_text(strip=True) for h in page.select(".hub-feed-source h3")]
    assert headings == [s.title for s in config.sources]
    for source in config.sources:
        section = page.select_one(f"section[aria-labelledby='feed-{source.id}']")
        if source.id in ("smc", "sutton-trust-bluesky"):
            assert section.select_one(".hub-feed-source__updated time")["datetime"]
            assert section.select(".hub-feed__item")
        else:  # never fetched, or only the hub's own items: said plainly, with a link to the source
            assert not section.select(".hub-feed__item")
            notice = section.select_one(".hub-feed-source__stale")
            if source.id != "dfe":
                assert notice["role"] == "status" and "not been able to fetch" in notice.get_text()
    assert not page.select(".hub-feed-none")


def test_news_page_is_in_the_nav_after_news_and_blogs(build: Build) -> None:
    nav = [a.get_text(strip=True) for a in build.html("news/").select(".md-tabs__link")]
    assert "Sector news" in nav and "News and blogs" in nav, nav
    assert nav.index("Sector news") == nav.index("News and blogs") + 1


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
    cached(tmp_path / "c", "smc", {"title": "Kept story", "link": "https://www.gov.uk/government/news/kept"})
    built = build_site(
        tmp_path / "site", {**env, "HUB_FEEDS": "offline", "HUB_CACHE_DIR": str(tmp_path / "c")}
    )
    assert loaded.is_file() and "loaded in" in loaded.read_text()  # the guard was in the build
    assert not record.exists(), record.read_text()
    assert BeautifulSoup(built.page_file("").read_text(), "html.parser").select(".hub-news .hub-feed__item")


def test_live_build_with_the_network_gone_keeps_its_blocks(guard, tmp_path) -> None:
    # The same guard, live: it must see (and refuse) the attempts, which proves it works,
    # and the blocks must still be filled from the cache.
    env, record, _ = guard
    cached(tmp_path / "c", "smc", {"title": "Kept story", "link": "https://www.gov.uk/government/news/kept"})
    built = build_site(
        tmp_path / "site",
        {**env, "HUB_FEEDS": "live", "HUB_CACHE_DIR": str(tmp_path / "c"), "HUB_FEEDS_TIMEOUT": "3"},
    )
    assert "www.gov.uk" in record.read_text()
    outcomes = {LOG_LINE.match(line)["id"]: line for line in feeds_lines(built.log)}
    assert "cache (fetch failed:" in outcomes["smc"]
    home = BeautifulSoup(built.page_file("").read_text(), "html.parser")
    assert [a.get_text(strip=True) for a in home.select(".hub-news .hub-feed__title")] == ["Kept story"]


def test_stale_cache_shows_a_polite_notice(tmp_path) -> None:
    item = {"title": "Cached story", "link": "https://www.gov.uk/government/news/cached"}
    cached(tmp_path / "cache", "smc", item, days_old=9)
    built = build_site(tmp_path / "site", {"HUB_CACHE_DIR": str(tmp_path / "cache")})
    section = BeautifulSoup(built.page_file("news/").read_text(), "html.parser").select_one(
        "section[aria-labelledby='feed-smc']"
    )
    notice = section.select_one(".hub-feed-source__stale")
    assert notice is not None and notice["role"] == "status"
    assert "more than 7 days" in notice.get_text()
    assert [a.get_text(strip=True) for a in section.select(".hub-feed__title")] == ["Cached story"]


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
