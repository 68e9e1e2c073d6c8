"""Checklists (`- [ ] action`) get accessible names for their checkboxes."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.checklists import label_checklists


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Label each checklist box with its item's text (axe: label)."""
    return label_checklists(html) if "task-list-item" in html else html
