"""After the build: write Netlify's `_headers` with a strict per-page Content-Security-Policy."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hub.core.context import context_of
from hub.deploy.csp import header_rules
from hub.deploy.netlify import write_headers

log = logging.getLogger("mkdocs.plugins.hub.deploy")


def on_post_build(*, config: MkDocsConfig) -> None:
    """Hash every page's inline scripts and write the headers for this deploy context."""
    settings = context_of(config).settings
    site = Path(config.site_dir)
    # Under `make cms` the editor also talks to decap-server on this machine.
    rules = header_rules(site, preview=settings.is_preview, local_backend=settings.cms_local_backend)
    (site / "_headers").write_text(write_headers(rules), encoding="utf-8")
    log.info("Wrote _headers: %d rules for context %s", len(rules), settings.context)
