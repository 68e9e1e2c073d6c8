"""A visitor's first view under the production headers: what goes over the wire, counted at
the server (tests/build checks which scripts a page references; this checks what is fetched)."""

from __future__ import annotations

from collections import Counter

import pytest

from hub.dev.preview import base_url, serve_like_host
from tests.project import PROJECT

pytestmark = pytest.mark.browser

# A page of each kind that loads Material's instant navigation with the two feed links.
PAGES = ["", "strategy/data/", "organisations/", "blog/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_first_view_fetches_each_file_once(browser, build, url: str) -> None:
    with serve_like_host(build.site, PROJECT.netlify_toml) as server:
        context = browser.new_context(base_url=base_url(server))
        page = context.new_page()
        server.sent.clear()
        page.goto(url, wait_until="networkidle")
        context.close()
        fetched = Counter(path for path, _, _ in server.sent)
    assert fetched["/sitemap.xml"] == 1  # Material asks three times at once (hub/deploy/csp.py)
    assert [path for path, count in fetched.items() if count > 1] == []
