"""The search's query table on the large site: 1,000 posts (each quoting a guidance query's
words) and 5,000 organisations added to the real site. Every row must hold, as it does on the
real site (tests/browser/test_search.py), and the groups come in their order.

The build takes minutes. Set HUB_LARGE_SITE to a folder to keep it between runs: a folder that
already holds a finished build is used as it is (delete it after changing the site to build
again); otherwise the build goes to a temporary folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.dev.preview import serve_static
from hub.dev.scratch import write_scratch_project
from hub.dev.synthetic import directory_with_extra
from hub.search.pages import GROUPS
from tests.browser.search_table import EXCERPTS, QUERIES, SHOWN_GROUPS, check_row
from tests.conftest import build_site
from tests.project import PROJECT, VOCAB

pytestmark = pytest.mark.browser

POSTS, ORGANISATIONS = 1000, 5000
URL = re.compile(r"https?://|www\.")


def build_large_site(folder: Path) -> Path:
    """Build the large site under `folder` (its project, organisations and site); return the site."""
    site = folder / "site"
    if (site / "pagefind" / "pagefind.js").is_file():
        return site
    orgs = directory_with_extra(folder / "organisations", PROJECT.organisations, ORGANISATIONS, VOCAB)
    project = write_scratch_project(PROJECT, folder / "project", hooks=True, posts=POSTS, orgs=orgs)
    env = {"HUB_ORGANISATIONS_DIR": str(orgs), "HUB_CACHE_DIR": str(folder / "cache")}
    return build_site(site, env, config=project / "mkdocs.yml").site


@pytest.fixture(scope="module")
def large_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The large site, built (or reused from HUB_LARGE_SITE) and served on 127.0.0.1."""
    kept = os.environ.get("HUB_LARGE_SITE")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("large")
    site = build_large_site(folder)
    assert len(list(site.glob("blog/20*/*/*/synthetic-post-*/index.html"))) == POSTS
    assert len(list(site.glob("organisations/synthetic-*/index.html"))) == ORGANISATIONS
    with serve_static(site) as url:
        yield url


def test_every_row_of_the_query_table_holds_on_the_large_site(browser, large_url: str) -> None:
    context = browser.new_context(base_url=large_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("about/")
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.keyboard.press("/")
    failed, excerpts_with_urls = [], []
    for query, group, expected in QUERIES:
        page.fill("#hub-search-input", query)
        page.wait_for_function(
            "(q) => document.getElementById('hub-search-results').dataset.query === q",
            arg=query,
            timeout=60_000,
        )
        shown = page.evaluate(SHOWN_GROUPS)
        order = [name for name, _ in shown]
        assert order == [name for name in GROUPS if name in order], (query, order)
        if problem := check_row(shown, query, group, expected):
            failed.append(problem)
        # The directory's further pages (organisations/page/2/, …) list organisations: never a result.
        failed += [
            f"{query!r}: a listing, {path}" for _, paths in shown for path in paths if "/page/" in path
        ]
        excerpts_with_urls += [(query, text) for text in page.evaluate(EXCERPTS) if URL.search(text)]
    context.close()
    assert failed == []
    assert excerpts_with_urls == []
    assert errors == []
