"""Every page: one skip link (Material's own is left out of the written page)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from hub.pages.skip_link import SkipLinkError, drop_theme_skip_link


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Leave out Material's skip link, keeping the hub's (overrides/main.html)."""
    try:
        return drop_theme_skip_link(output)
    except SkipLinkError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
