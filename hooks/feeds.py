"""Latest news and social posts: fetched (or read from cache and snapshot) once per build."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from hub.feedcollect import Collected, Settings, collect
from hub.feeds import SOCIAL_FILE, load_curated, load_feeds_config
from hub.yamlio import DataErrors

log = logging.getLogger("mkdocs.plugins.hub.feeds")
_collected: Collected | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Validate the feed data, then fetch or fall back; log one line per source."""
    global _collected
    try:
        settings = Settings.from_env()
        feeds = load_feeds_config(settings.config)
        curated = load_curated(SOCIAL_FILE)
    except (DataErrors, ValueError) as exc:
        raise PluginError(str(exc)) from None
    _collected = collect(feeds, settings, curated=curated)
    # INFO, not WARNING: an outage must not fail the strict build; the line still says so.
    log.info("feeds (%s, budget %g s): %d sources", settings.mode, settings.budget, len(feeds.sources))
    for result in _collected.results:
        log.info("feeds: %s", result.log_line())


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `feeds`: home blocks (`feeds.news`, `feeds.social`) and /news/ groups."""
    env.globals["feeds"] = _collected
    return env
