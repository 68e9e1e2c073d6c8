"""One skip link on every page, to the content area, first in the tab order."""

from __future__ import annotations

from tests.conftest import Build


def test_every_page_has_one_skip_link_first(build: Build) -> None:
    for url in build.page_urls():
        soup = build.html(url)
        skips = [
            a for a in soup.body.select("a[href^='#']") if a.get_text(strip=True).lower().startswith("skip")
        ]
        assert [(a["href"], a.get_text(strip=True)) for a in skips] == [
            ("#main-content", "Skip to main content")
        ], url
        assert soup.body.select_one("a[href]") is skips[0], url  # the first link a Tab reaches
        assert soup.select_one("#main-content")["tabindex"] == "-1", url
