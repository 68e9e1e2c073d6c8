"""Site-wide template data: the vocabularies (strategy elements and so on) for every template."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hub import schema, site, vocab
from hub.site import long_date
from hub.yamlio import DataErrors

log = logging.getLogger("mkdocs.plugins.hub.site")


@event_priority(200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read data afresh on every build (`mkdocs serve` rebuilds in one process) and check it."""
    vocab.vocabularies.cache_clear()
    schema.validator_for.cache_clear()
    site.site_url.cache_clear()
    try:
        vocab.vocabularies()
    except DataErrors as exc:
        raise PluginError(f"{len(exc.errors)} problem(s) in the vocabularies:\n{exc}") from None
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `vocab.elements`, `vocab.regions`, … and the `long_date` filter."""
    env.globals["vocab"] = vocab.vocabularies()
    env.filters["long_date"] = long_date
    return env
