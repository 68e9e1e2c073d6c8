"""Site-wide template data: the vocabularies (strategy elements and so on) for every template."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hub.vocab import vocabularies

log = logging.getLogger("mkdocs.plugins.hub.site")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `vocab.elements`, `vocab.regions`, … from data/vocabularies.yml."""
    env.globals["vocab"] = vocabularies()
    return env
