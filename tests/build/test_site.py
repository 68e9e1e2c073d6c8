"""The built site: pages, navigation, links and anchors, content rules, a clean build log."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from hub.deploy import netlify
from tests.conftest import Build
from tests.pages import ELEMENT_PAGES, NAV_PAGES
from tests.project import PROJECT

PLACEHOLDER = re.compile(r"\blorem\b|\bTODO\b|\bTBD\b|\bFIXME\b|coming soon", re.IGNORECASE)
BASE = "https://hub.invalid/"


def all_pages(build: Build) -> list[Path]:
    """Every HTML page of the built site."""
    return build.page_files()


def url_of(build: Build, file: Path) -> str:
    """The site URL (under BASE) that serves `file`."""
    rel = file.relative_to(build.site).as_posix()
    return BASE + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def test_build_log_has_no_warnings(build: Build) -> None:
    assert not [line for line in build.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


@pytest.mark.parametrize(("url", "h1"), NAV_PAGES)
def test_page_exists_with_its_h1(build: Build, url: str, h1: str) -> None:
    heading = build.html(url).select_one("article h1")
    assert heading is not None, f"/{url} has no H1"
    assert heading.get_text(" ", strip=True).removesuffix("¶").strip() == h1


def test_navigation_lists_the_pages_in_order(build: Build) -> None:
    nav = build.html("why-it-matters/").select_one("nav.md-nav--primary")
    hrefs = [urljoin(BASE + "why-it-matters/", a["href"]) for a in nav.select("a.md-nav__link[href]")]
    in_nav = [h.removeprefix(BASE) for h in hrefs if not urlparse(h).fragment]
    expected = [url for url, _ in NAV_PAGES]
    positions = [in_nav.index(url) for url in expected]
    assert positions == sorted(positions), f"navigation order is {in_nav}"


def test_every_internal_link_and_anchor_resolves(build: Build) -> None:
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for file in all_pages(build):
        page_url = url_of(build, file)
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        ids[page_url] = {tag["id"] for tag in soup.select("[id]")} | {
            a["name"] for a in soup.select("a[name]")
        }
        for tag in soup.select("a[href], link[href]"):
            if tag.name == "link" and tag.get("rel") not in (["stylesheet"], ["icon"], ["alternate"]):
                continue
            target = urljoin(page_url, tag["href"])
            if target.startswith(BASE):
                links.append((page_url, target))
    # An address netlify.toml sends on (301, like the feed links under /feeds/) resolves where
    # it is sent.
    moved = {
        r.source.lstrip("/"): r.target.lstrip("/")
        for r in netlify.redirects(netlify.load_netlify_toml(PROJECT.netlify_toml))
        if r.status == 301 and "*" not in r.source and ":" not in r.source
    }
    broken = []
    for source, target in links:
        parsed = urlparse(target)
        path = unquote(parsed.path).removeprefix(urlparse(BASE).path)
        path = moved.get(path, path)
        file = build.site / path
        if path.endswith("/") or path == "":
            file = file / "index.html"
        if not file.exists():
            broken.append(f"{source} -> {target} (no such page)")
        # A fragment starting with / is a route inside an app (the browser editor's
        # #/collections/...), not an anchor.
        elif parsed.fragment and not parsed.fragment.startswith("/") and file.suffix == ".html":
            target_url = url_of(build, file)
            if unquote(parsed.fragment) not in ids.get(target_url, set()):
                broken.append(f"{source} -> {target} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_no_page_contains_placeholder_text(build: Build) -> None:
    found = []
    for file in all_pages(build):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article") or soup
        for match in PLACEHOLDER.finditer(article.get_text(" ")):
            found.append(f"{file.relative_to(build.site)}: {match.group(0)!r}")
    assert not found, "\n".join(found)


def _checklist_after(soup: BeautifulSoup, heading_id: str) -> list[str]:
    """The task-list items between the heading `heading_id` and the next H2, with the items
    that link to an action written on another page (one action, one place: issue 19)."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no #{heading_id} heading"
    items: list[str] = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        items += [li.get_text(" ", strip=True) for li in sibling.select("li.task-list-item")]
        if "task-list" in (sibling.get("class") or []):
            items += [li.get_text(" ", strip=True) for li in sibling.find_all("li", recursive=False)]
        shared = sibling.select("li[id^=action-]:not(.task-list-item)")
        items += [li.get_text(" ", strip=True) for li in shared]
    return items


@pytest.mark.parametrize("url", ELEMENT_PAGES)
def test_element_page_has_both_checklists(build: Build, url: str) -> None:
    soup = build.html(url)
    for section in ("starting-out", "among-the-best"):
        items = _checklist_after(soup, section)
        assert len(set(items)) >= 5, f"/{url}#{section} has {len(set(items))} checklist items"


@pytest.mark.parametrize("url", ELEMENT_PAGES)
def test_element_page_has_at_least_600_words(build: Build, url: str) -> None:
    article = build.html(url).select_one("article")
    for generated in article.select(".hub-generated, .headerlink"):
        generated.decompose()
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", article.get_text(" "))
    assert len(words) >= 600, f"/{url} has {len(words)} words"


@pytest.mark.parametrize("section", ["why-it-matters", "measuring-progress", "common-pitfalls", "related"])
@pytest.mark.parametrize("url", ELEMENT_PAGES)
def test_element_page_has_its_sections(build: Build, url: str, section: str) -> None:
    assert build.html(url).find(id=section) is not None


def test_home_links_each_element_and_both_paths(build: Build) -> None:
    soup = build.html("")
    cards = [urljoin(BASE, a["href"]).removeprefix(BASE) for a in soup.select(".hub-elements a")]
    assert cards == [
        "strategy/data/",
        "strategy/culture/",
        "strategy/employee-journey/",
        "strategy/advocacy/",
    ]
    assert soup.find(id="hub-start-out") and soup.find(id="hub-start-best")


def test_pages_use_system_fonts_only(build: Build) -> None:
    for file in all_pages(build):
        text = file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


def test_useful_404_page(build: Build) -> None:
    soup = BeautifulSoup((build.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True) == "Page not found"
    assert len(soup.select("article a[href]")) >= 3


def test_every_page_follows_the_device_scheme_without_a_toggle(build: Build) -> None:
    # One scheme script, the same on every page (one CSP hash), and no palette component:
    # Material's toggle restyled the whole page three times as it started (mkdocs.yml).
    scripts = set()
    for file in all_pages(build):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("[data-md-component=palette]"), file
        assert soup.select_one("meta[name=color-scheme]")["content"] == "light dark", file
        scripts |= {
            s.string for s in soup.select("body script:not([src])") if "matchMedia" in (s.string or "")
        }
    assert len(scripts) == 1
    script = scripts.pop()
    assert '["(prefers-color-scheme: dark)", "slate", "indigo", "light-blue"]' in script


def test_theme_colour_is_the_header_colour_of_materials_palette(build: Build) -> None:
    # The header is the primary colour in both schemes; the meta must say the same.
    primary = build.html("").body["data-md-color-primary"]
    css = next((build.site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    colour = re.search(rf"\[data-md-color-primary={primary}\]\{{--md-primary-fg-color:(#[0-9a-f]+);", css)
    assert colour, primary
    assert build.html("").select_one("meta[name=theme-color]")["content"] == colour[1]
