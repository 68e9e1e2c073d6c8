"""News and blogs in the built site: posts, views, feeds, drafts, the home and element blocks."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import feedparser
import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

from hub.core.dates import long_date
from hub.core.settings import DEFAULT_LAUNCH_DATE
from hub.deploy import netlify
from hub.dev import sitebuild
from hub.posts.load import read_front_matter
from tests.conftest import ROOT, Build, build_site
from tests.project import PROJECT, VOCAB, copy_project

SITE_URL = "https://employer-hub.netlify.app/"
BASE = "https://hub.invalid/"


@dataclass(frozen=True)
class Post:
    """A post as its front matter gives it."""

    file: str
    title: str
    description: str
    date: dt.date
    category: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    draft: bool


def _posts() -> list[Post]:
    posts = []
    for path in sorted(PROJECT.posts.glob("*.md")):
        meta = read_front_matter(path)[0].data
        posts.append(
            Post(
                path.name,
                meta["title"],
                meta["description"],
                meta["date"],
                meta["categories"][0],
                tuple(meta["authors"]),
                tuple(meta.get("tags", ())),
                meta.get("draft", False),
            )
        )
    return posts


POSTS = _posts()
PUBLISHED = sorted((p for p in POSTS if not p.draft), key=lambda p: p.date, reverse=True)
DRAFTS = [p for p in POSTS if p.draft]
# The hub's own lists (home, element pages) break a tie of dates by title (hub.posts.load.newest).
HUB_ORDER = sorted(PUBLISHED, key=lambda p: (p.date, p.title), reverse=True)


def post_urls(build: Build, view: str = "blog/") -> list[str]:
    """The post links of a blog list page, in order, as site URLs."""
    soup = build.html(view)
    return [urljoin(BASE + view, a["href"]).removeprefix(BASE) for a in soup.select(".hub-post-card h2 a")]


def titles(build: Build, view: str = "blog/") -> list[str]:
    return [a.get_text(strip=True) for a in build.html(view).select(".hub-post-card h2 a")]


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A deploy-preview build (drafts on) with 3 posts a page, so pagination shows."""
    env = {
        "CONTEXT": "deploy-preview",
        "HUB_BLOG_PER_PAGE": "3",
        "HUB_CACHE_DIR": str(tmp_path_factory.mktemp("c")),
    }
    return build_site(tmp_path_factory.mktemp("preview") / "site", env)


def test_content_meets_the_brief() -> None:
    assert len(PUBLISHED) >= 8 and DRAFTS
    assert {p.category for p in PUBLISHED} == {"News", "Masterclasses", "Case studies", "Guidance updates"}
    # Nothing dated before the hub began (hub/posts/history.py), nothing dated in the future.
    assert min(p.date for p in POSTS) >= DEFAULT_LAUNCH_DATE
    assert max(p.date for p in POSTS) <= dt.date.today()
    for element in VOCAB["elements"]:
        assert any(element.tag in p.tags for p in PUBLISHED), element.tag


def test_blog_index_lists_every_published_post_newest_first(build: Build) -> None:
    assert build.html("blog/").select_one("h1").get_text(strip=True).removesuffix("¶") == "News and blogs"
    assert titles(build) == [p.title for p in PUBLISHED]


def test_each_post_page_has_its_title_description_and_category(build: Build) -> None:
    for post, url in zip(PUBLISHED, post_urls(build), strict=True):
        soup = build.html(url)
        assert url.startswith(f"blog/{post.date:%Y/%m/%d}/")
        assert soup.select_one("article h1").get_text(strip=True) == post.title
        assert soup.select_one('meta[name="description"]')["content"] == post.description
        sidebar = soup.select_one(".md-sidebar--post")
        assert post.category in sidebar.get_text(" ")
        assert "min read" in sidebar.get_text(" ")
        assert len(soup.select("article h1")) == 1


def test_post_cards_show_description_date_and_category(build: Build) -> None:
    card = build.html("blog/").select_one(".hub-post-card")
    newest = PUBLISHED[0]
    assert card.select_one("time")["datetime"].startswith(newest.date.isoformat())
    assert newest.description in card.get_text(" ")
    assert newest.category in card.get_text(" ")


@pytest.mark.parametrize("category", ["News", "Masterclasses", "Case studies", "Guidance updates"])
def test_category_pages_list_their_posts(build: Build, category: str) -> None:
    slug = category.lower().replace(" ", "-")
    assert titles(build, f"blog/category/{slug}/") == [p.title for p in PUBLISHED if p.category == category]


def test_archive_has_a_page_for_each_year(build: Build) -> None:
    for year in sorted({p.date.year for p in PUBLISHED}):
        assert titles(build, f"blog/archive/{year}/") == [p.title for p in PUBLISHED if p.date.year == year]


def test_author_pages_list_their_posts(build: Build) -> None:
    for author in ("editors",):
        assert titles(build, f"blog/author/{author}/") == [p.title for p in PUBLISHED if author in p.authors]


def test_tags_page_groups_posts_under_each_element_tag(build: Build) -> None:
    text = build.html("blog/tags/").select_one("article").get_text(" ")
    for element in VOCAB["elements"]:
        assert element.tag in text


def test_masterclass_post_has_its_summary_box_with_its_public_record(build: Build) -> None:
    url = next(u for p, u in zip(PUBLISHED, post_urls(build), strict=True) if p.category == "Masterclasses")
    soup = build.html(url)
    box = soup.select_one("article .hub-masterclass")
    assert box is not None and soup.select_one("article h1").find_next_sibling() is box
    text = " ".join(box.get_text(" ").split())
    assert "25 August 2020" in text and "(illustrative)" not in text and "Illustrative" not in text
    links = [urljoin(BASE + url, a["href"]).removeprefix(BASE) for a in box.select("a")]
    assert "https://socialmobilityworks.org/blog/hiring-the-best-talent/" in links
    assert "strategy/employee-journey/hiring/" in links


def test_posts_stay_out_of_the_navigation(build: Build) -> None:
    nav = build.html("why-it-matters/").select_one("nav.md-nav--primary")
    hrefs = [urljoin(BASE + "why-it-matters/", a["href"]).removeprefix(BASE) for a in nav.select("a[href]")]
    assert "blog/" in hrefs
    assert not [h for h in hrefs if h.startswith("blog/20")]


def test_production_build_leaves_drafts_out(build: Build) -> None:
    for draft in DRAFTS:
        assert draft.title not in titles(build)
        # No page on the draft's day is the draft (other posts may share its date).
        day = build.site.glob(f"blog/{draft.date:%Y/%m/%d}/*/")
        days = [str(p.relative_to(build.site)) + "/" for p in day]
        headings = [build.html(day).select_one("article h1").get_text(strip=True) for day in days]
        assert draft.title not in [h.rstrip("¶") for h in headings]
        assert draft.title not in (build.site / "feed_rss_created.xml").read_text(encoding="utf-8")


def test_deploy_preview_shows_drafts_marked_as_drafts(preview: Build) -> None:
    all_titles = [t for page in _view_pages(preview) for t in titles(preview, page)]
    for draft in DRAFTS:
        assert draft.title in all_titles
        assert list(preview.site.glob(f"blog/{draft.date:%Y/%m/%d}/*/index.html"))
    # Newer posts can push a draft past the first page: look on every page of the list.
    assert any(preview.html(page).select(".md-draft") for page in _view_pages(preview))


def _view_pages(build: Build) -> list[str]:
    pages = ["blog/"] + [f"blog/page/{n}/" for n in range(2, 10) if (build.site / f"blog/page/{n}").exists()]
    return pages


def test_pagination_splits_the_list_and_links_the_pages(preview: Build, build: Build) -> None:
    pages = _view_pages(preview)
    assert len(pages) == -(-len(POSTS) // 3)
    assert [len(titles(preview, page)) for page in pages][:-1] == [3] * (len(pages) - 1)
    pager = preview.html("blog/").select_one(".md-pagination")
    assert pager is not None and pager.find("a", href=True)
    # At 20 a page, the live site's posts fit on one page.
    assert _view_pages(build) == ["blog/"]


def test_rss_feed_has_every_published_post_with_absolute_links(build: Build) -> None:
    feed = feedparser.parse((build.site / "feed_rss_created.xml").read_bytes())
    assert feed.version == "rss20" and not feed.bozo
    assert [e.title for e in feed.entries] == [p.title for p in PUBLISHED]
    for entry, post in zip(feed.entries, PUBLISHED, strict=True):
        assert entry.link.startswith(SITE_URL + f"blog/{post.date:%Y/%m/%d}/")
        assert entry.summary == post.description
        assert dt.date(*entry.published_parsed[:3]) == post.date


def test_json_feed_has_every_published_post(build: Build) -> None:
    feed = json.loads((build.site / "feed_json_created.json").read_text(encoding="utf-8"))
    assert feed["version"].startswith("https://jsonfeed.org/version/1")
    assert feed["feed_url"] == SITE_URL + "feed_json_created.json"
    assert [item["title"] for item in feed["items"]] == [p.title for p in PUBLISHED]
    for item, post in zip(feed["items"], PUBLISHED, strict=True):
        assert item["url"].startswith(SITE_URL + "blog/") and item["content_html"] == post.description
        assert item["date_published"].startswith(post.date.isoformat())


# Pages about news and blogs link both feeds in the head for autodiscovery, at addresses under
# /feeds/ that netlify.toml sends on to the feeds. No other page does: Material fetches the
# sitemap beside every <link rel="alternate"> (overrides/partials/site-meta.html).
FEED_LINKS = (
    ("application/rss+xml", "feeds/rss.xml", "feed_rss_created.xml"),
    ("application/feed+json", "feeds/feed.json", "feed_json_created.json"),
)


def test_home_blog_and_news_pages_link_both_feeds_for_autodiscovery_and_no_other_page(build: Build) -> None:
    linked = set()
    for file in build.page_files():
        html = file.read_text(encoding="utf-8")
        head = html[: html.find("</head>")]
        found = [f'type="{kind}"' in head and f'{link}"' in head for kind, link, _ in FEED_LINKS]
        assert all(found) or not any(found), file
        if all(found):
            linked.add(file.relative_to(build.site).as_posix().removesuffix("index.html"))
        assert ('rel="alternate"' in head) == all(found), file
    assert {"", "blog/", "news/", "blog/category/news/", *post_urls(build)} <= linked
    assert all(url in ("", "news/") or url.startswith("blog/") for url in linked), linked


def test_a_feed_link_leads_to_its_feed_and_its_sitemap_lists_nothing(build: Build) -> None:
    # What a feed reader and Material each do with a feed link in the head of the home page.
    redirects = {r.source: r for r in netlify.redirects(netlify.load_netlify_toml(PROJECT.netlify_toml))}
    head = build.html("").head
    for kind, link, feed in FEED_LINKS:
        href = head.select_one(f'link[rel=alternate][type="{kind}"]')["href"]
        address = urljoin(SITE_URL, href)
        assert address == SITE_URL + link
        redirect = redirects["/" + link]
        assert (redirect.target, redirect.status) == ("/" + feed, 301)
        assert (build.site / feed).is_file()
        sitemap = build.site / urljoin(address, "sitemap.xml").removeprefix(SITE_URL)
        assert sitemap.parent.name == "feeds"
        text = sitemap.read_text(encoding="utf-8")
        assert "<urlset" in text and "<url>" not in text


def test_home_shows_the_three_newest_published_posts(build: Build) -> None:
    block = build.html("").select_one(".hub-latest-posts")
    items = block.select(".hub-post-list__item")
    assert [li.select_one("h3").get_text(strip=True) for li in items] == [p.title for p in HUB_ORDER[:3]]
    for li, post in zip(items, HUB_ORDER[:3], strict=True):
        text = " ".join(li.get_text(" ").split())
        assert post.description in text and post.category in text
        assert li.select_one("time")["datetime"] == post.date.isoformat()


@pytest.mark.parametrize("element", VOCAB["elements"], ids=lambda e: e.id)
def test_element_pages_list_posts_with_their_tag(build: Build, element) -> None:
    block = build.html(element.url).select_one(".hub-related-posts")
    expected = [p.title for p in HUB_ORDER if element.tag in p.tags]
    assert [a.get_text(strip=True) for a in block.select("a")] == expected


def test_templates_escape_front_matter_text() -> None:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    env.filters["url"] = lambda url: url
    env.filters["long_date"] = long_date
    hostile = "<script>alert(1)</script>"
    masterclass = {
        "event_date": dt.date(2026, 3, 12),
        "format": "online",
        "speakers": [{"name": hostile, "role": hostile, "organisation": hostile, "illustrative": True}],
        "resources": [{"title": hostile, "url": "strategy/", "kind": "page"}],
    }
    page = type("P", (), {"meta": {"masterclass": masterclass}})()
    html = env.get_template("partials/post-masterclass.html").render(page=page)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_post_page_escapes_author_and_category_data() -> None:
    # The schema refuses these values; the template escapes them anyway (defence in depth).
    stubs = {
        "main.html": "{% block container %}{% endblock %}",
        "partials/nav-item.html": "{% macro render(item, path, level) %}{% endmacro %}",
        "partials/actions.html": "",
        "partials/source-file.html": "",
        "partials/tags.html": "",
    }
    material = Path(importlib.util.find_spec("material").origin).parent / "templates"
    env = Environment(
        loader=ChoiceLoader([DictLoader(stubs), FileSystemLoader([ROOT / "overrides", material])])
    )
    env.filters["url"] = lambda url: url
    env.filters["date"] = str
    hostile = '"><script>alert(1)</script>'
    author = SimpleNamespace(avatar=hostile, url=hostile, name=hostile, description=hostile)
    page = SimpleNamespace(
        parent=SimpleNamespace(url="blog/"),
        authors=[author],
        categories=[SimpleNamespace(url="blog/category/news/", title=hostile)],
        config=SimpleNamespace(
            date=SimpleNamespace(created="2026-01-01", updated=None), readtime=2, links=[]
        ),
        meta={},
        content="<p>Body</p>",
        title="T",
    )
    lang = SimpleNamespace(t=lambda key: key)
    html = env.get_template("blog-post.html").render(page=page, lang=lang, features=[])
    assert "<script>" not in html and html.count("&#34;&gt;&lt;script&gt;") == 5


@pytest.mark.parametrize(
    "template",
    [
        "partials/home/latest-posts.html",
        "partials/element/related-posts.html",
        "partials/post-masterclass.html",
    ],
)
def test_templates_write_dates_with_long_date(template: str) -> None:
    # strftime("%-d") works only with glibc; hub.core.dates.long_date is the one way to write a date.
    text = (ROOT / "overrides" / template).read_text(encoding="utf-8")
    assert "strftime" not in text and "| long_date" in text


def test_masterclass_box_writes_the_date_without_a_leading_zero() -> None:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    env.filters["url"] = lambda url: url
    env.filters["long_date"] = long_date
    masterclass = {"event_date": dt.date(2026, 3, 5), "format": "online", "speakers": []}
    page = SimpleNamespace(meta={"masterclass": masterclass})
    html = env.get_template("partials/post-masterclass.html").render(page=page)
    assert '<time datetime="2026-03-05">5 March 2026</time>' in html


def _build_a_copy(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Build a copy of the site with `files` (paths under the copy -> text) written into it."""
    copy_project(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    built = sitebuild.build_site(tmp_path / "mkdocs.yml", tmp_path / "s")
    return subprocess.CompletedProcess(["mkdocs", "build"], built.returncode, stdout=built.log, stderr="")


def test_a_broken_post_stops_the_build_with_file_line_and_field(tmp_path: Path) -> None:
    bad = ROOT / "tests" / "fixtures" / "posts" / "bad" / "many-problems.md"
    proc = _build_a_copy(tmp_path, {"docs/blog/posts/bad.md": bad.read_text(encoding="utf-8")})
    assert proc.returncode != 0
    shown = "docs/blog/posts/bad.md"  # paths are shown from the copy's root
    for line in (
        f"{shown}:3: descripton: is not a known field: check its spelling",
        f"{shown}:5: authors.0: 'someone' is not allowed: use one of editors",
        f"{shown}:9: body: the title goes in front matter (title:); start headings in the text at ## level",
    ):
        assert line in proc.stdout + proc.stderr


def test_a_broken_authors_file_stops_the_build_before_the_blog_plugin_reads_it(tmp_path: Path) -> None:
    # Material's blog plugin reads this file in its own on_config and would stop the build with
    # its own wording (and only the first problem); hooks/posts.py checks it first.
    authors = (ROOT / "docs/blog/.authors.yml").read_text(encoding="utf-8")
    broken = authors.replace("    name: The hub editors\n", "").replace(
        "assets/authors/editors.svg", "javascript:alert(1)"
    )
    assert broken.count("\n") == authors.count("\n") - 1
    proc = _build_a_copy(tmp_path, {"docs/blog/.authors.yml": broken})
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    shown = "docs/blog/.authors.yml"
    assert f"{shown}:4: authors.editors.name: is required" in log
    assert f"{shown}:6: authors.editors.avatar: must be an image in this site's docs folder" in log
    assert "Error reading authors file" not in log


ILLUSTRATIVE = [p for p in PUBLISHED if read_front_matter(PROJECT.posts / p.file)[0].data.get("illustrative")]


def test_invented_posts_are_labelled_at_the_top_in_lists_and_in_both_feeds(build: Build) -> None:
    assert ILLUSTRATIVE  # the two invented case studies
    urls = dict(zip((p.title for p in PUBLISHED), post_urls(build), strict=True))
    cards = {
        c.select_one("h2 a").get_text(strip=True): c for c in build.html("blog/").select(".hub-post-card")
    }
    rss = {e.title: e for e in feedparser.parse(build.site / "feed_rss_created.xml").entries}
    items = json.loads((build.site / "feed_json_created.json").read_text(encoding="utf-8"))["items"]
    summaries = {i["title"]: i["content_html"] for i in items}
    for post in PUBLISHED:
        invented = post in ILLUSTRATIVE
        first = build.html(urls[post.title]).select_one("article h1").find_next_sibling()
        top = (
            first.select_one(".admonition-title").get_text()
            if first and first.select_one(".admonition-title")
            else ""
        )
        assert top.startswith("Illustrative") == invented, post.file
        card = cards[post.title]
        # The card shows the description, which for an invented post starts with the label.
        assert card.select_one("p").get_text().startswith("Illustrative:") == invented, post.file
        assert rss[post.title].summary.startswith("Illustrative:") == invented, post.file
        assert summaries[post.title].startswith("Illustrative:") == invented, post.file


def test_the_masterclass_box_labels_an_invented_event() -> None:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    env.filters["url"] = lambda url: url
    env.filters["long_date"] = long_date
    masterclass = {"event_date": dt.date(2026, 12, 1), "format": "online"}
    invented = SimpleNamespace(meta={"masterclass": masterclass, "illustrative": True})
    real = SimpleNamespace(meta={"masterclass": masterclass})
    template = env.get_template("partials/post-masterclass.html")
    assert "this event is invented" in template.render(page=invented)
    assert "invented" not in template.render(page=real)


def test_a_backdated_post_or_social_item_stops_the_build_at_its_line(tmp_path: Path) -> None:
    history = ROOT / "tests" / "fixtures" / "posts" / "history"
    files = {
        "docs/blog/posts/backdated.md": (history / "backdated-post.md").read_text(encoding="utf-8"),
        "data/social.yml": (history / "social-backdated.yml").read_text(encoding="utf-8"),
    }
    proc = _build_a_copy(tmp_path, files)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "docs/blog/posts/backdated.md:4: date: 2025-05-20 is before the hub began (2026-11-24)" in log
    assert "data/social.yml:8: posts.1.date: 2024-12-02 is before the hub began (2026-11-24)" in log
