"""Site-wide template data: the vocabularies (strategy elements and so on) for every template."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hub.site import long_date
from hub.vocab import vocabularies

log = logging.getLogger("mkdocs.plugins.hub.site")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `vocab.elements`, `vocab.regions`, … and the `long_date` filter."""
    env.globals["vocab"] = vocabularies()
    env.filters["long_date"] = long_date
    return env
