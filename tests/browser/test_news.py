"""Hostile feeds in Chromium: no script runs, no dialog opens; /news/ reads well and is accessible."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from tests.browser.axe import axe_violations
from tests.browser.keyboard import tab_reaches
from tests.conftest import build_site
from tests.feedserver import hostile_build_env, serving

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live build whose feeds are the XSS fixtures, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("hostile-browser")
    with serving() as feeds:
        built = build_site(folder / "site", hostile_build_env(feeds, folder))
    handler = functools.partial(_Quiet, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("url", ["", "news/"])
def test_hostile_feed_runs_no_script_and_opens_no_dialog(browser, hostile_url: str, url: str) -> None:
    context = browser.new_context(base_url=hostile_url)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    # Every request settled (an injected <img onerror> or a late script would have run by now).
    page.wait_for_load_state("networkidle")
    links = page.locator(".hub-feed a")
    assert links.count() > 0
    # Hover and focus every feed link: an injected onmouseover or onfocus would fire now.
    for index in range(links.count()):
        links.nth(index).hover()
        links.nth(index).focus()
    # The page's task queue drained after the last focus (a frame, then a task): handlers that
    # the hovering queued have run. networkidle again would return at once: it was reached above.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []
    hrefs = page.eval_on_selector_all(".hub-feed a", "els => els.map(a => a.protocol)")
    assert set(hrefs) <= {"http:", "https:"}
    assert "Script title" in page.locator("article").inner_text()  # the text itself survives
    context.close()


def test_the_payload_would_have_been_caught(browser, hostile_url: str) -> None:
    # The trap works: the same payload, put into the page as markup, sets the flag and opens a dialog.
    context = browser.new_context(base_url=hostile_url)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("news/")
    page.evaluate(
        "() => { const d = document.createElement('div');"
        " d.innerHTML = '<img src=x onerror=\"window.__xss=1;alert(1)\">'; document.body.append(d); }"
    )
    page.wait_for_function("() => window.__xss === 1")
    assert dialogs == ["1"]
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "news/"])
def test_home_and_news_have_no_axe_violations_with_nothing_to_show(page, url: str, scheme: str) -> None:
    """The committed snapshot holds no outside item: the home page leaves the feed sections
    out, and /news/ says so once a section."""
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_load_state("networkidle")  # late scripts and console errors are in before reading
    assert page.locator(".hub-feed-none").count() == (2 if url else 0)
    assert not axe_violations(page)
    assert not page.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "news/"])
def test_home_and_news_have_no_axe_violations_with_items(
    browser, hostile_url: str, url: str, scheme: str
) -> None:
    context = browser.new_context(base_url=hostile_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".hub-feed__item").count() >= 2
    assert not axe_violations(page)
    context.close()


def test_home_feed_links_are_reachable_by_keyboard(browser, hostile_url: str) -> None:
    context = browser.new_context(base_url=hostile_url)
    page = context.new_page()
    page.goto("")
    targets, reached = tab_reaches(page, ".hub-news a, .hub-social a")
    assert targets and targets <= reached
    context.close()
