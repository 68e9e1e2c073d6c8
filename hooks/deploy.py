"""After the build: write Netlify's `_headers` with a strict per-page Content-Security-Policy."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hub.core.context import context_of
from hub.deploy.headers import NOT_FOUND, header_rules, inline_script_hashes, policy, with_meta_policy
from hub.deploy.netlify import load_netlify_toml, redirects, write_headers

log = logging.getLogger("mkdocs.plugins.hub.deploy")


def on_post_build(*, config: MkDocsConfig) -> None:
    """Hash every page's inline scripts, write the headers for this deploy context, and give
    the 404 page its own policy in a <meta> (it is served where no header rule sets one)."""
    context = context_of(config)
    settings = context.settings
    site = Path(config.site_dir)
    # Under `make cms` the editor also talks to decap-server on this machine.
    toml = context.project.netlify_toml  # a copy of the site's sources alone may have none
    sources = [rule.source for rule in redirects(load_netlify_toml(toml))] if toml.is_file() else []
    rules = header_rules(
        site, preview=settings.is_preview, local_backend=settings.cms_local_backend, redirects=sources
    )
    (site / "_headers").write_text(write_headers(rules), encoding="utf-8")
    not_found = site / NOT_FOUND
    if not_found.is_file():
        html = not_found.read_text(encoding="utf-8")
        not_found.write_text(with_meta_policy(html, policy(inline_script_hashes(html))), encoding="utf-8")
    log.info("Wrote _headers: %d rules for context %s", len(rules), settings.context)
