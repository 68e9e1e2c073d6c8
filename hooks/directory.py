"""The organisation directory: generated pages, JSON and CSV from data/organisations/*.yml.

The folder is `extra.hub.organisations` in mkdocs.yml (HUB_ORGANISATIONS_DIR; tests use it to
prove that one bad file stops the build).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.core.vocab import Vocabularies
from hub.core.yamlio import DataErrors
from hub.directory import organisations as directory

log = logging.getLogger("mkdocs.plugins.hub.directory")

FEATURE = "directory"
# The page tool (overrides/partials/tools.html) the first directory page loads: the filters.
TOOL = "directory"
DIRECTORY_PAGE = "organisations/index.md"
# The Porter stemmer the filters' search uses for word forms (npm `stemmer`, pinned in
# package.json), served beside the filters' script from node_modules, as Decap is.
STEMMER_SOURCE = "node_modules/stemmer/index.js"
STEMMER_URI = "javascripts/directory/stemmer.js"
DIRECTORY_TITLE = "Find an organisation"
DIRECTORY_DESCRIPTION = (
    "Find UK organisations that help employers with outreach, fair recruitment, apprenticeships, "
    "mentoring, progression and measuring socio-economic background."
)


@dataclass(frozen=True)
class GeneratedPage:
    """One page this feature adds: its metadata and the body rendered from its template."""

    meta: dict[str, object]
    body: str
    org: directory.Organisation | None = None


@dataclass
class DirectoryBuild:
    """What this build loaded and rendered, for the later events of the same build."""

    organisations: list[directory.Organisation]
    labels: dict[str, dict[str, str]]
    pages: dict[str, GeneratedPage] = field(default_factory=dict)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Load every organisation (or stop the build with every error) and add the pages."""
    context = context_of(config)
    organisations = _load(context.settings.organisations, context.vocab, context.project.schemas)
    state = DirectoryBuild(organisations, directory.labels_of(context.vocab))
    context.features[FEATURE] = state
    env = directory.template_env()
    to_html = _site_markdown(config)
    for listing in directory.directory_pages(organisations):
        _add(
            files,
            config,
            state,
            listing.src_uri,
            _directory_page(listing, context.vocab, env),
            _inclusion(listing),
        )
    for org in organisations:
        body = directory.render_organisation(org, to_html, context.vocab, env)
        # The tool on an organisation's page: "All organisations" brings back the filters.
        meta = {**directory.page_meta(org.name, org.summary), "tools": [TOOL]}
        page = GeneratedPage(meta, body, org)
        _add(files, config, state, f"organisations/{org.slug}.md", page, InclusionLevel.NOT_IN_NAV)
    files.append(
        File.generated(
            config, "organisations/index.json", content=directory.to_json(organisations, context.vocab)
        )
    )
    files.append(
        File.generated(
            config, "organisations/organisations.csv", content=directory.to_csv(organisations, context.vocab)
        )
    )
    files.append(
        File.generated(
            config,
            "organisations/filter.json",
            content=directory.to_filter_index(organisations, context.vocab),
        )
    )
    files.append(File.generated(config, STEMMER_URI, content=_stemmer(context.project.root)))
    log.info("directory: %d organisations", len(organisations))
    return files


def on_page_markdown(text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each generated page its title, description and options (it has no front matter)."""
    generated = context_of(config).features[FEATURE].pages.get(page.file.src_uri)
    if generated is not None:
        page.meta.update(generated.meta)
    return text


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each generated page the body rendered from its template (and its JSON-LD)."""
    state: DirectoryBuild = context_of(config).features[FEATURE]
    generated = state.pages.get(page.file.src_uri)
    if generated is None:
        return html
    if generated.org is not None:
        page.meta["structured_data"] = directory.structured_data(
            generated.org, config.site_url or "/", state.labels
        )
    return generated.body


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme partials the organisations (element pages, the home page teaser)."""
    organisations = context_of(config).features[FEATURE].organisations
    env.globals["hub_organisations"] = list(organisations)
    env.globals["hub_organisations_by_element"] = directory.by_element(organisations)
    return env


def _directory_page(listing: directory.DirectoryPage, vocab: Vocabularies, env: Environment) -> GeneratedPage:
    """One page of the directory; the first also loads the filters' script and styles."""
    body = directory.render_directory(listing, vocab, env)
    title = DIRECTORY_TITLE if listing.number == 1 else f"{DIRECTORY_TITLE}, page {listing.number}"
    meta = directory.page_meta(title, DIRECTORY_DESCRIPTION)
    if listing.number == 1:
        meta["tools"] = [TOOL]
    return GeneratedPage(meta, body)


def _stemmer(root: Path) -> str:
    """The stemmer's ES module from node_modules, or a build error saying how to install it."""
    source = root / STEMMER_SOURCE
    if not source.is_file():
        raise PluginError(f"{source} is not installed: run `make` (or `npm ci`) first")
    return source.read_text(encoding="utf-8")


def _inclusion(listing: directory.DirectoryPage) -> InclusionLevel:
    """The first page is in the nav; the numbered pages after it are reached from its links."""
    return InclusionLevel.INCLUDED if listing.number == 1 else InclusionLevel.NOT_IN_NAV


def _load(folder: Path, vocab: Vocabularies, schemas: Path) -> list[directory.Organisation]:
    """Load the organisations; turn data errors into a build error listing all of them."""
    try:
        return directory.load_organisations(folder, vocab, schemas)
    except DataErrors as exc:
        raise PluginError(f"{len(exc.errors)} problem(s) in the organisation data:\n{exc}") from None


def _site_markdown(config: MkDocsConfig) -> directory.MarkdownRenderer:
    """Markdown rendering with the site's own extensions, for organisation descriptions."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: md.reset().convert(text)


def _add(
    files: Files,
    config: MkDocsConfig,
    state: DirectoryBuild,
    src_uri: str,
    page: GeneratedPage,
    inclusion: InclusionLevel = InclusionLevel.INCLUDED,
) -> None:
    """Add one generated page: empty Markdown, its metadata and body set by the events above."""
    files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    state.pages[src_uri] = page
