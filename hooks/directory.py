"""The organisation directory: generated pages, JSON and CSV from data/organisations/*.yml.

Set HUB_ORGANISATIONS_DIR to build from another folder (tests use it to prove that one bad
file stops the build).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hub import directory
from hub.vocab import vocabularies
from hub.yamlio import DataErrors

log = logging.getLogger("mkdocs.plugins.hub.directory")

ENV_FOLDER = "HUB_ORGANISATIONS_DIR"
DIRECTORY_PAGE = "organisations/index.md"
DIRECTORY_TITLE = "Find an organisation"
DIRECTORY_DESCRIPTION = (
    "Find UK organisations that help employers with outreach, fair recruitment, apprenticeships, "
    "mentoring, progression and measuring socio-economic background."
)

# Page bodies rendered in on_files, swapped in when each generated page is rendered.
_bodies: dict[str, str] = {}
_organisations: list[directory.Organisation] = []
_by_page: dict[str, directory.Organisation] = {}
# id -> label per vocabulary, made once per build for every page's structured data.
_labels: dict[str, dict[str, str]] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Load every organisation (or stop the build with every error) and add the pages."""
    organisations = _load(_folder())
    to_html = _site_markdown(config)
    _bodies.clear()
    _organisations[:] = organisations
    _by_page.clear()
    _by_page.update({f"organisations/{org.slug}.md": org for org in organisations})
    _labels.clear()
    _labels.update(directory.labels_of(vocabularies()))
    _add(
        files,
        config,
        DIRECTORY_PAGE,
        DIRECTORY_TITLE,
        DIRECTORY_DESCRIPTION,
        "main.html",
        directory.render_directory(organisations),
        InclusionLevel.INCLUDED,
    )
    for org in organisations:
        _add(
            files,
            config,
            f"organisations/{org.slug}.md",
            org.name,
            org.summary,
            "organisation.html",
            directory.render_organisation(org, to_html),
            InclusionLevel.NOT_IN_NAV,
        )
    files.append(File.generated(config, "organisations/index.json", content=directory.to_json(organisations)))
    files.append(
        File.generated(config, "organisations/organisations.csv", content=directory.to_csv(organisations))
    )
    log.info("directory: %d organisations", len(organisations))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each generated page the body rendered from its template (and its JSON-LD)."""
    org = _by_page.get(page.file.src_uri)
    if org is not None:
        page.meta["structured_data"] = directory.structured_data(org, config.site_url or "/", _labels)
    return _bodies.get(page.file.src_uri, html)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme partials the organisations (element pages, the home page teaser)."""
    env.globals["hub_organisations"] = list(_organisations)
    env.globals["hub_organisations_by_element"] = directory.by_element(_organisations)
    return env


def _folder() -> Path:
    """The data folder: data/organisations, or HUB_ORGANISATIONS_DIR when set."""
    override = os.environ.get(ENV_FOLDER)
    return Path(override).resolve() if override else directory.ORGANISATIONS


def _load(folder: Path) -> list[directory.Organisation]:
    """Load the organisations; turn data errors into a build error listing all of them."""
    try:
        return directory.load_organisations(folder)
    except DataErrors as exc:
        raise PluginError(f"{len(exc.errors)} problem(s) in the organisation data:\n{exc}") from None


def _site_markdown(config: MkDocsConfig) -> directory.MarkdownRenderer:
    """Markdown rendering with the site's own extensions, for organisation descriptions."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: md.reset().convert(text)


def _add(
    files: Files,
    config: MkDocsConfig,
    src_uri: str,
    title: str,
    description: str,
    template: str,
    body: str,
    inclusion: InclusionLevel,
) -> None:
    """Add one generated page whose body is `body` (front matter only on disk, none in docs/)."""
    content = directory.page_markdown(title, description, template)
    files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    _bodies[src_uri] = body
