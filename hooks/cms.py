"""After the build: give /admin/ (Decap CMS) its generated config.yml and Decap's own bundle."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from hub.cms.config import cms_config
from hub.cms.sources import bundle_files, read_sources
from hub.core.context import context_of

log = logging.getLogger("mkdocs.plugins.hub.cms")
# The feature whose state holds the authors file, read once (hooks/posts.py).
POSTS = "posts"


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write site/admin/config.yml from the schemas and copy Decap's bundle from node_modules."""
    context = context_of(config)
    admin = Path(config.site_dir) / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    sources = read_sources(context.project, context.vocab, context.features[POSTS].allowed)
    settings = context.settings
    data = cms_config(
        sources, repo=settings.cms_repo, site_url=settings.site_url, local_backend=settings.cms_local_backend
    )
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    (admin / "config.yml").write_text(text, encoding="utf-8")
    _copy_bundle(context.project.root / "node_modules", admin)
    log.info(
        "Wrote admin/config.yml for %s (local backend: %s)", settings.cms_repo, settings.cms_local_backend
    )


def _copy_bundle(node_modules: Path, admin: Path) -> None:
    """Copy Decap's scripts into admin/; fail with the command that installs them."""
    files = bundle_files(node_modules)
    if not files:
        raise PluginError(f"{node_modules}/decap-cms is not installed: run `make` (or `npm ci`) first")
    for file in files:
        shutil.copyfile(file, admin / file.name)
