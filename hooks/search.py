"""Site search: mark which pages Pagefind indexes, then index the finished site."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.search.index import SearchIndexError, build_index
from hub.search.pages import group_of, ignore_citations, is_indexed, kind_of

log = logging.getLogger("mkdocs.plugins.hub.search")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep a page's sources and citations out of the index and of its excerpts."""
    return ignore_citations(html)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Tell the templates whether this page's body is indexed, its group, and what its results are called."""
    page.meta["search_indexed"] = is_indexed(page.url, page.meta)
    page.meta["search_group"] = group_of(page.url)
    page.meta["search_kind"] = kind_of(page.url, page.meta)
    return context


# Before hooks/deploy.py writes `_headers` (it reads the HTML only, which Pagefind leaves as it
# is; the order keeps the bundle in place for anything after that lists the site's files).
@event_priority(50)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Build the Pagefind index into site/pagefind/ over the pages just written."""
    try:
        result = build_index(Path(config.site_dir))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    log.info("Search: indexed %d pages, %d words", result.pages, result.words)
