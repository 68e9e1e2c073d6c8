"""Latest news and social posts: fetched (or read from cache and snapshot) once per build."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from hub.core.context import context_of
from hub.core.yamlio import DataErrors
from hub.feeds.collect import collect
from hub.feeds.model import load_curated, load_feed_sources

log = logging.getLogger("mkdocs.plugins.hub.feeds")
FEATURE = "feeds"


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Validate the feed data, then fetch or fall back; log one line per source."""
    context = context_of(config)
    settings, project = context.settings, context.project
    try:
        sources = load_feed_sources(settings.feed_sources, project.schemas)
        curated = load_curated(project.social_file, project.schemas)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    collected = collect(sources, settings, project.snapshot_file, curated=curated)
    context.features[FEATURE] = collected
    # INFO, not WARNING: an outage must not fail the strict build; the line still says so.
    log.info(
        "feeds (%s, budget %g s): %d sources",
        settings.feeds_mode,
        settings.feeds_timeout,
        len(sources.sources),
    )
    for result in collected.results:
        log.info("feeds: %s", result.log_line())


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `feeds`: home blocks (`feeds.news`, `feeds.social`) and /news/ groups."""
    env.globals["feeds"] = context_of(config).features[FEATURE]
    return env
