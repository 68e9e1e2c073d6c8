"""The employee journey's analyses (hiring funnel, class pay gap): give each page that loads the
`journey` tool the answer options and groups from data/measurement.yml, by id, in place of its
config marker. The arithmetic runs in the visitor's browser (docs/javascripts/journey/)."""

from __future__ import annotations

import logging

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.measurement import render

log = logging.getLogger("mkdocs.plugins.hub.journey")

TOOL = "journey"
MEASUREMENT = "measurement"
CONFIG_BLOCK = "journey-config"


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the config marker on a page that loads the journey tool (exactly one marker)."""
    if TOOL not in (page.meta.get("tools") or []):
        return html
    questions = context_of(config).features[MEASUREMENT].questions
    try:
        return render.fill_includes(
            html, {CONFIG_BLOCK: config_element(render.form_config(questions))}, page.file.src_uri
        )
    except render.MissingInclude as exc:
        raise PluginError(str(exc)) from None


def config_element(config_json: str) -> str:
    """The hidden element whose data-config the page script reads."""
    return f'<div id="hub-journey-config" data-config="{escape(config_json)}" hidden></div>'
