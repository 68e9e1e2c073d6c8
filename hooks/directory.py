"""The organisation directory: generated pages, JSON and CSV from data/organisations/*.yml.

The folder is `extra.hub.organisations` in mkdocs.yml (HUB_ORGANISATIONS_DIR; tests use it to
prove that one bad file stops the build). The pages' copy and the build's state are in
hub/directory/pages.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.core.errors import data_errors_stop
from hub.directory.export import export_files
from hub.directory.load import load_organisations
from hub.directory.model import URL_PREFIX, MarkdownRenderer, by_element, labels_of
from hub.directory.pages import DirectoryBuild, GeneratedPage, listing_page, organisation_page
from hub.directory.render import directory_pages, structured_data, template_env

log = logging.getLogger("mkdocs.plugins.hub.directory")

FEATURE = "directory"
# The Porter stemmer the filters' search uses for word forms (npm `stemmer`, pinned in
# package.json), served beside the filters' script from node_modules, as Decap is.
STEMMER_FILE = "node_modules/stemmer/index.js"
STEMMER_URI = "javascripts/directory/stemmer.js"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Load every organisation (or stop the build with every error), add the pages and the files."""
    context = context_of(config)
    with data_errors_stop("the organisation data", PluginError):
        organisations = load_organisations(
            context.settings.organisations, context.vocab, context.project.schemas
        )
    state = DirectoryBuild(organisations, labels_of(context.vocab))
    context.features[FEATURE] = state
    env = template_env()
    for listing in directory_pages(organisations):
        inclusion = InclusionLevel.INCLUDED if listing.number == 1 else InclusionLevel.NOT_IN_NAV
        _add(files, config, state, listing.src_uri, listing_page(listing, context.vocab, env), inclusion)
    to_html = _site_markdown(config)
    for org in organisations:
        page = organisation_page(org, to_html, context.vocab, env)
        _add(files, config, state, f"{URL_PREFIX}{org.slug}.md", page, InclusionLevel.NOT_IN_NAV)
    generated = export_files(organisations, context.vocab)
    generated[STEMMER_URI] = _stemmer(context.project.root)
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
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
        page.meta["structured_data"] = structured_data(generated.org, config.site_url or "/", state.labels)
    return generated.body


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme partials the organisations (element pages, the home page teaser)."""
    organisations = context_of(config).features[FEATURE].organisations
    env.globals["hub_organisations"] = list(organisations)
    env.globals["hub_organisations_by_element"] = by_element(organisations)
    return env


def _stemmer(root: Path) -> str:
    """The stemmer's ES module from node_modules, or a build error saying how to install it."""
    path = root / STEMMER_FILE
    if not path.is_file():
        raise PluginError(f"{path} is not installed: run `make` (or `npm ci`) first")
    return path.read_text(encoding="utf-8")


def _site_markdown(config: MkDocsConfig) -> MarkdownRenderer:
    """Markdown rendering with the site's own extensions, for organisation descriptions."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: md.reset().convert(text)


def _add(
    files: Files,
    config: MkDocsConfig,
    state: DirectoryBuild,
    src_uri: str,
    page: GeneratedPage,
    inclusion: InclusionLevel,
) -> None:
    """Add one generated page: empty Markdown, its metadata and body set by the events above."""
    files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    state.pages[src_uri] = page
