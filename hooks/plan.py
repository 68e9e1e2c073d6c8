"""The action plan: checklist actions as data, real checkboxes, where you stand, and /plan/."""

from __future__ import annotations

import logging
import os

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from hub.core.context import context_of
from hub.core.errors import problems_message
from hub.plan.build import PlanBuild, element_records, plan_groups, read_checklists
from hub.plan.extract import ElementPage, element_page, tier_records
from hub.plan.render import actions_json, insert_after_section, insert_before_heading, mark_checkboxes

log = logging.getLogger("mkdocs.plugins.hub.plan")

FEATURE = "plan"
TOOL = "plan"
ACTIONS_FILE = "plan/actions.json"
PLAN_PAGE = "plan.md"
STRATEGY_PAGE = "strategy/index.md"
# The strategy page's summary follows its overview of the four elements.
STRATEGY_SECTION = "four-elements"
# The plan's tools and actions go before the plan page's own "How we judge" section.
PLAN_SECTION = "how-we-judge"


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Read every element page's checklists (stopping the build on a bad id); write the actions file."""
    context = context_of(config)
    known = set(context.vocab.ids("elements"))
    element_pages: list[tuple[str, ElementPage]] = []
    errors: list[str] = []
    for page in nav.pages:
        found, problem = _element_page(page, config, known)
        errors += [problem] if problem else []
        if found is not None:
            element_pages.append((page.file.src_uri, found))
    state, checklist_errors = read_checklists(
        element_pages, element_records(context.vocab.get("elements", ()))
    )
    errors += checklist_errors
    if errors:
        raise PluginError(problems_message("the checklists", errors))
    content = actions_json(state.actions, state.elements, state.merged)
    files.append(File.generated(config, ACTIONS_FILE, content=content))
    context.features[FEATURE] = state
    log.info("Actions: %d from %d element pages", len(state.actions), len(state.by_page))
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark the checkboxes and add the summaries on element pages, the strategy page and the plan."""
    state: PlanBuild = context_of(config).features[FEATURE]
    src = page.file.src_uri
    env = config.theme.get_env()
    if state.by_page.get(src):
        _use_tool(page)
        html = mark_checkboxes(html, (a.id for a in state.by_page[src]))
        shared = state.shared_by_page.get(src, 0)
        block = _render(env, "partials/plan/standing.html", page, scope="page", shared=shared)
        return insert_before_heading(html, "starting-out", block)
    if src == STRATEGY_PAGE:
        _use_tool(page)
        return insert_after_section(
            html, STRATEGY_SECTION, _render(env, "partials/plan/standing.html", page, scope="all")
        )
    if src == PLAN_PAGE:
        _use_tool(page)
        page.toc = _plan_toc(page.toc, state.elements)
        block = _render(
            env, "partials/plan/plan.html", page, groups=_groups(state, page), tiers=tier_records()
        )
        return insert_before_heading(html, PLAN_SECTION, block)
    return html


def _plan_toc(toc: TableOfContents, elements: list[dict[str, str]]) -> TableOfContents:
    """The plan page's contents: the plan's own sections and each element (partials/plan/plan.html),
    before the page's Markdown sections that follow it."""
    heads = [("plan-at-a-glance", "Your plan at a glance"), ("plan-where-to-start", "Where to start")]
    actions = AnchorLink("Your actions", "plan-actions", 2)
    actions.children = [AnchorLink(e["label"], f"plan-{e['id']}", 3) for e in elements]
    tools = AnchorLink("Print, save, load or clear", "move-your-plan", 2)
    items = [AnchorLink(title, ident, 2) for ident, title in heads] + [actions, tools]
    tops = list(toc)
    if tops and tops[0].level == 1:  # Material lists the page title's children
        tops[0].children = items + tops[0].children
        return TableOfContents(tops)
    return TableOfContents(items + tops)


def _use_tool(page: Page) -> None:
    """Load the plan's script and styles on this page (overrides/partials/tools.html)."""
    tools = list(page.meta.get("tools") or [])
    page.meta["tools"] = tools if TOOL in tools else [*tools, TOOL]


def _element_page(page: Page, config: MkDocsConfig, known: set[str]) -> tuple[ElementPage | None, str | None]:
    """The page as an element page if it is one, and a problem with its `element:`."""
    text = page.file.content_string
    _, meta = get_data(text)
    path = os.path.relpath(
        page.file.abs_src_path or page.file.src_uri, os.path.dirname(config.config_file_path)
    )
    return element_page(text, meta, path=path, url=page.url, title=page.title or "", known=known)


def _groups(state: PlanBuild, page: Page) -> list[dict]:
    """The plan's sections, each action linked from the plan page to where it is written."""
    return plan_groups(state, lambda action: get_relative_url(action.url, page.url) + f"#{action.id}")


def _render(env: Environment, template: str, page: Page, **values: object) -> str:
    """Render one of the plan's partials for `page` (the theme's environment does not autoescape)."""
    plan_href = get_relative_url("plan/", page.url)
    return env.get_template(template).render(page=page, plan_href=plan_href, **values)
