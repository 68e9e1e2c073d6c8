"""Who runs the hub and how to reach them: the footer, /about/ and /accessibility/.

The names and links come from settings (`run_by`, `contact_email`, `cms_repo` in mkdocs.yml),
so a fork that runs its own hub changes them in one place.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.measurement.render import MissingInclude, fill_includes

# The pages that say who runs the hub, in place of their <div data-hub-include="contact"> marker.
PAGES = frozenset({"about.md", "accessibility.md"})
TEMPLATE = "partials/contact.html"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `hub_contact` (the settings: run_by, contact_email, new_issue_url, …)."""
    env.globals["hub_contact"] = context_of(config).settings
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render who runs the hub into the pages that show it."""
    if page.file.src_uri not in PAGES:
        return html
    block = config.theme.get_env().get_template(TEMPLATE).render(hub_contact=context_of(config).settings)
    try:
        return fill_includes(html, {"contact": block}, page.file.src_uri)
    except MissingInclude as exc:
        raise PluginError(str(exc)) from None
