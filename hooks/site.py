"""The build context: settings, paths and vocabularies, made once per build for every hook."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hub.core.context import attach, context_of, make_context
from hub.core.dates import long_date
from hub.core.errors import data_errors_stop
from hub.core.settings import SettingsError

log = logging.getLogger("mkdocs.plugins.hub.site")


@event_priority(200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Make this build's context (`mkdocs serve` loads the config afresh for every rebuild)."""
    try:
        with data_errors_stop("the vocabularies", PluginError):
            attach(config, make_context(config))
    except SettingsError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `vocab.elements`, `vocab.regions`, … and the `long_date` filter."""
    env.globals["vocab"] = context_of(config).vocab
    env.filters["long_date"] = long_date
    return env
