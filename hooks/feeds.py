"""Latest news and social posts: fetched (or read from cache and snapshot) once per build."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from hub.core.context import context_of
from hub.core.dates import iso
from hub.core.errors import data_errors_stop
from hub.feeds.collect import collect
from hub.feeds.sources import load_curated, load_feed_sources

log = logging.getLogger("mkdocs.plugins.hub.feeds")
FEATURE = "feeds"


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Validate the feed data, then fetch or fall back; log one line per source."""
    context = context_of(config)
    settings, project, vocab = context.settings, context.project, context.vocab
    with data_errors_stop("the feed data", PluginError):
        sources = load_feed_sources(settings.feed_sources, project.schemas, vocab)
        curated = load_curated(project.social_file, project.schemas, vocab)
    collected = collect(
        sources, settings, project.snapshot_file, curated=curated, platforms=vocab["platforms"]
    )
    context.features[FEATURE] = collected
    # INFO, not WARNING: an outage or a feed read despite bad XML must not fail the strict
    # build; the line still says so.
    log.info(
        "feeds (%s, budget %g s): %d sources",
        settings.feeds_mode,
        settings.feeds_timeout,
        len(sources.sources),
    )
    for result in collected.results:
        log.info("feeds: %s", result.log_line())


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `feeds` (home blocks `feeds.news`, `feeds.social`, and /news/ groups) and
    the `iso` filter for an item's `datetime=` attribute."""
    env.globals["feeds"] = context_of(config).features[FEATURE]
    env.filters["iso"] = iso
    return env
