from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hooks import directory
from hub.core.context import context_of
from hub.dev.synthetic import directory_with_extra
from hub.directory.pages import DIRECTORY_PAGE, TOOL
from tests.project import PROJECT, VOCAB


def test_the_directory_state_lives_on_this_builds_context(configured) -> None:
    config = configured(HUB_FEEDS="offline")
    files = directory.on_files(Files([]), config=config)
    state = context_of(config).features[directory.FEATURE]
    count = len(list(PROJECT.organisations.glob("*.yml")))
    assert len(state.organisations) == count
    assert len([page for page in state.pages.values() if page.org]) == count
    assert DIRECTORY_PAGE in state.pages
    assert {"organisations/index.json", "organisations/organisations.csv"} <= {f.src_uri for f in files}
    # A second build starts from nothing left over by the first.
    again = configured(HUB_FEEDS="offline")
    assert directory.FEATURE not in context_of(again).features


def test_generated_pages_get_their_meta_from_the_hook_not_front_matter(configured) -> None:
    config = configured(HUB_FEEDS="offline")
    files = directory.on_files(Files([]), config=config)
    file = files.get_file_from_path("organisations/kings-trust.md")
    assert file.content_string == ""  # no YAML to escape into and parse back
    page = Page(None, file, config)
    page.read_source(config)
    assert directory.on_page_markdown("", page=page, config=config, files=files) == ""
    assert page.meta["title"] == Markup("The King&#39;s Trust") and page.title == page.meta["title"]
    assert page.meta["hide"] == ["toc"] and page.meta["description"]
    body = directory.on_page_content("<p>ignored</p>", page=page, config=config, files=files)
    assert '<h1 id="kings-trust">The King&#39;s Trust</h1>' in body
    assert page.meta["structured_data"]["name"] == "The King's Trust"


def test_the_first_directory_page_and_the_organisations_load_the_tool(configured, tmp_path) -> None:
    folder = directory_with_extra(tmp_path / "orgs", PROJECT.organisations, 70, VOCAB)  # 2 pages
    config = configured(HUB_FEEDS="offline", HUB_ORGANISATIONS_DIR=str(folder))
    directory.on_files(Files([]), config=config)
    pages = context_of(config).features[directory.FEATURE].pages
    assert pages[DIRECTORY_PAGE].meta["tools"] == [TOOL]
    assert "tools" not in pages["organisations/page/2.md"].meta
    assert pages["organisations/page/2.md"].meta["title"] == "Find an organisation, page 2"
    # An organisation's page loads it for "All organisations", which brings the filters back.
    assert all(page.meta["tools"] == [TOOL] for page in pages.values() if page.org)
