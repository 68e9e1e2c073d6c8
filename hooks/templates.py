"""Templates employers take away (data/templates/): each published as a Word document and as
plain text beside its page, and shown on the page as text with a copy button."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hub.core.context import context_of
from hub.core.templates import package_env
from hub.measurement.render import MissingInclude, fill_includes
from hub.templates import TEMPLATES
from hub.templates.document import Block, TemplateError, read_blocks, to_docx, to_text

log = logging.getLogger("mkdocs.plugins.hub.templates")

FEATURE = "templates"
PAGES = "strategy/templates/{id}.md"
DOWNLOAD = "strategy/templates/{id}.{kind}"


@dataclass(frozen=True)
class TemplatesBuild:
    """Each template's blocks, read once, and the feature's own Jinja environment."""

    blocks: dict[str, list[Block]]
    env: Environment


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Read every template (or stop the build) and add its Word and plain-text downloads."""
    context = context_of(config)
    folder = context.project.data / "templates"
    try:
        blocks = {tid: read_blocks(folder / f"{tid}.md") for tid in TEMPLATES}
    except (OSError, TemplateError) as exc:
        raise PluginError(f"data/templates/{exc}") from None
    context.features[FEATURE] = TemplatesBuild(blocks, package_env("hub.templates"))
    for tid, title in TEMPLATES.items():
        word, text = to_docx(title, blocks[tid]), to_text(title, blocks[tid])
        files.append(File.generated(config, DOWNLOAD.format(id=tid, kind="docx"), content=word))
        files.append(File.generated(config, DOWNLOAD.format(id=tid, kind="txt"), content=text))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put a template's downloads and copyable text in place of its page's markers."""
    tid = page.file.src_uri.removeprefix("strategy/templates/").removesuffix(".md")
    if page.file.src_uri != PAGES.format(id=tid) or tid not in TEMPLATES:
        return html
    state: TemplatesBuild = context_of(config).features[FEATURE]
    title = TEMPLATES[tid]
    links = {kind: get_relative_url(DOWNLOAD.format(id=tid, kind=kind), page.url) for kind in ("docx", "txt")}
    text = to_text(title, state.blocks[tid])
    blocks = {
        "template-downloads": state.env.get_template("template-downloads.html").render(title=title, **links),
        "template-text": state.env.get_template("template-text.html").render(text=text),
    }
    try:
        return fill_includes(html, blocks, page.file.src_uri)
    except MissingInclude as exc:
        raise PluginError(str(exc)) from None
