"""hooks/search.py in process: which pages it marks for the index, the order it runs in, and a
failed index stopping the build."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from hooks import search


def page_at(config, src: str, meta: dict | None = None) -> Page:
    """A page of the loaded config at `src` (as docs/ holds it), with front matter `meta`."""
    file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    page.meta = dict(meta or {})
    return page


@pytest.mark.parametrize(
    ("src", "meta", "indexed", "kind"),
    [
        ("strategy/culture.md", {}, True, "Guidance"),
        ("index.md", {}, False, "Page"),
        ("organisations/index.md", {}, False, "Organisation"),
        ("about.md", {"search": {"exclude": True}}, False, "Page"),
    ],
)
def test_page_context_marks_what_the_index_holds(configured, src, meta, indexed, kind) -> None:
    config = configured()
    page = page_at(config, src, meta)
    search.on_page_context({}, page=page, config=config, nav=None)
    assert (page.meta["search_indexed"], page.meta["search_kind"]) == (indexed, kind)


def test_the_index_is_built_before_the_headers_are_written(configured) -> None:
    loaded = configured()["hooks"]  # name -> the module MkDocs loaded, in mkdocs.yml's order
    names = list(loaded)
    assert names.index("hooks/search.py") < names.index("hooks/deploy.py")
    priority = getattr(loaded["hooks/search.py"].on_post_build, "mkdocs_priority", 0)
    assert priority > getattr(loaded["hooks/deploy.py"].on_post_build, "mkdocs_priority", 0)


def test_a_failed_index_stops_the_build_with_pagefinds_words(configured, tmp_path) -> None:
    config = configured()
    config["site_dir"] = str(tmp_path)  # an empty site: nothing to index
    with pytest.raises(PluginError, match="pagefind"):
        search.on_post_build(config=config)
