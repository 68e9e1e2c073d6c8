"""After the build: write Netlify's `_headers` with a strict per-page Content-Security-Policy."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hub.csp import header_rules
from hub.netlify import write_headers
from hub.site import is_preview

log = logging.getLogger("mkdocs.plugins.hub.csp")


def on_post_build(*, config: MkDocsConfig) -> None:
    """Hash every page's inline scripts and write the headers for this deploy context."""
    site = Path(config.site_dir)
    context = os.environ.get("CONTEXT", "production")
    rules = header_rules(site, preview=is_preview())
    (site / "_headers").write_text(write_headers(rules), encoding="utf-8")
    log.info("Wrote _headers: %d rules for context %s", len(rules), context)
