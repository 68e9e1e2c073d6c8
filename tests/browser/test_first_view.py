"""A visitor's first view under the production headers: what goes over the wire, counted at
the server (tests/build checks which scripts a page references; this checks what is fetched)."""

from __future__ import annotations

from collections import Counter

import pytest

from hub.dev.preview import base_url, serve_like_host
from tests.project import PROJECT

pytestmark = pytest.mark.browser

# A page of each kind; home and the blog have the two feed links in the head.
PAGES = ["", "strategy/data/", "organisations/", "blog/"]
WITH_FEED_LINKS = {"", "blog/"}


@pytest.mark.parametrize("url", PAGES)
def test_a_first_view_fetches_each_file_once(browser, build, url: str) -> None:
    with serve_like_host(build.site, PROJECT.netlify_toml) as server:
        context = browser.new_context(base_url=base_url(server))
        page = context.new_page()
        server.sent.clear()
        page.goto(url, wait_until="networkidle")
        context.close()
        fetched = Counter(path for path, _, _ in server.sent)
    assert fetched["/sitemap.xml"] == 1  # for instant navigation
    # Material asks for the sitemap beside each feed link too, both at once: the one that lists
    # nothing, once (hub/deploy/headers.py).
    assert fetched["/feeds/sitemap.xml"] == (1 if url in WITH_FEED_LINKS else 0)
    assert [path for path, count in fetched.items() if count > 1] == []
