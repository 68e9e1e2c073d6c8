"""The templates employers take away, in Chromium as an HR lead uses them: from the measuring
page to a template, copy it with the button, download it as Word; axe in light and dark; the
copy button works under the production CSP."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from hub.templates import TEMPLATES
from tests.browser.axe import axe_violations_in_scheme
from tests.browser.csp import violations, watch
from tests.browser.navigation import follow
from tests.conftest import Build

pytestmark = pytest.mark.browser

NEW_PAGES = [
    "strategy/templates/",
    *(f"strategy/templates/{tid}/" for tid in TEMPLATES),
    "strategy/small-employers/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_new_pages(browser, site_url: str, build: Build, scheme: str) -> None:
    assert all(build.page_file(url).exists() for url in NEW_PAGES)
    found = axe_violations_in_scheme(browser, site_url, NEW_PAGES, scheme)
    assert not found, "\n".join(found)


def test_hr_lead_finds_the_privacy_wording_copies_it_and_downloads_it(
    browser, preview_url: str, build: Build, tmp_path: Path
) -> None:
    # At phone width, under the production headers, with the clipboard allowed as a person allows it.
    context = browser.new_context(base_url=preview_url, viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = watch(context.new_page())
    page.goto("strategy/data/measuring/")
    follow(
        page,
        page.get_by_role("link", name="privacy notice template"),
        "**/strategy/templates/privacy-notice/",
    )
    button = page.locator(".hub-template__text .md-code__button")
    button.scroll_into_view_if_needed()
    button.click()
    expected = (build.site / "strategy/templates/privacy-notice.txt").read_text(encoding="utf-8")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == expected.strip()
    with page.expect_download() as info:
        page.get_by_role("link", name="Privacy notice wording (Word, .docx)").click()
    download = info.value
    assert download.suggested_filename == "privacy-notice.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    headings = [p.text for p in Document(str(saved)).paragraphs if p.style.name.startswith("Heading")]
    assert 'Is this "special category" data?' in headings
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert violations(page) == []
    context.close()
