"""Every page: a meta description."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.pages.seo import first_paragraph, listing_description


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in `page.meta.description` where the author gave none."""
    if not page.meta.get("description"):
        page.meta["description"] = first_paragraph(html) or listing_description(
            page.title or "", page.url, config.site_description or ""
        )
    return html
