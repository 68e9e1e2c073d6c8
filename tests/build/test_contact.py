"""Who runs the hub: named with a way to reach them in every footer, on /about/ and /accessibility/."""

from __future__ import annotations

import pytest

from hub.core.context import load_context
from tests.conftest import Build, build_site
from tests.project import PROJECT

SETTINGS = load_context(PROJECT.config_file).settings


def test_settings_default_to_the_editors_and_the_repositorys_issues() -> None:
    assert SETTINGS.run_by == "The hub editors" and SETTINGS.contact_email == ""
    assert SETTINGS.new_issue_url == f"https://github.com/{SETTINGS.cms_repo}/issues/new"


def test_every_footer_names_who_runs_the_hub_and_links_feedback(build: Build) -> None:
    for url in build.page_urls():
        footer = build.html(url).select_one("footer .hub-run-by")
        assert footer is not None, url
        assert footer.get_text(" ", strip=True).startswith("Run by The hub editors."), url
        assert [a["href"] for a in footer.select("a")] == [SETTINGS.new_issue_url], url


@pytest.mark.parametrize("url", ["about/", "accessibility/"])
def test_about_and_accessibility_say_who_runs_the_hub_and_how_to_reach_them(build: Build, url: str) -> None:
    article = build.html(url).select_one("article")
    assert "data-hub-include" not in str(article)
    text = article.get_text(" ", strip=True)
    assert "The hub is run by The hub editors ." in text
    hrefs = [a["href"] for a in article.select("a[href^='https://github.com/']")]
    assert SETTINGS.new_issue_url in hrefs and SETTINGS.issues_url in hrefs
    assert not article.select("a[href^='mailto:']")  # no address unless one is set


def test_accessibility_sends_people_to_the_contact_route_not_back_to_about(build: Build) -> None:
    article = build.html("accessibility/").select_one("article")
    assert not article.select("a[href*='about/#feedback']")


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A build for a named organisation with an email address (and markup in its name)."""
    folder = tmp_path_factory.mktemp("named")
    env = {
        "HUB_RUN_BY": "Example <b>Trust</b>",
        "HUB_CONTACT_EMAIL": "hub@example.org",
        "HUB_CACHE_DIR": str(folder / "cache"),
    }
    return build_site(folder / "site", env)


@pytest.mark.parametrize("url", ["", "about/", "accessibility/"])
def test_a_named_organisation_and_its_address_are_shown_as_text(named: Build, url: str) -> None:
    soup = named.html(url)
    blocks = [soup.select_one("footer .hub-run-by")]
    if url:
        blocks.append(soup.select_one("article"))
    for block in blocks:
        assert "Example <b>Trust</b>" in block.get_text(), url
        assert not block.select("b"), url
        assert [a["href"] for a in block.select("a[href^='mailto:']")] == ["mailto:hub@example.org"], url
