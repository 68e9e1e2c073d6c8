"""The pages the directory adds to the site: what each says about itself (title, description,
the page tool it loads) and the body rendered from its template, kept for the build's later events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment

from hub.directory.model import MarkdownRenderer, Organisation, Vocab
from hub.directory.render import DirectoryPage, page_meta, render_directory, render_organisation

# The first page of the directory, the one in the navigation.
DIRECTORY_PAGE = "organisations/index.md"
# The page tool (overrides/partials/tools.html) the directory's pages load: the filters.
TOOL = "directory"
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
    org: Organisation | None = None


@dataclass
class DirectoryBuild:
    """What this build loaded and rendered, for the later events of the same build."""

    organisations: list[Organisation]
    labels: dict[str, dict[str, str]]
    pages: dict[str, GeneratedPage] = field(default_factory=dict)


def listing_page(listing: DirectoryPage, vocab: Vocab, env: Environment) -> GeneratedPage:
    """One page of the directory; the first also loads the filters' script and styles."""
    body = render_directory(listing, vocab, env)
    title = DIRECTORY_TITLE if listing.number == 1 else f"{DIRECTORY_TITLE}, page {listing.number}"
    meta = page_meta(title, DIRECTORY_DESCRIPTION)
    if listing.number == 1:
        meta["tools"] = [TOOL]
    return GeneratedPage(meta, body)


def organisation_page(
    org: Organisation, markdown: MarkdownRenderer, vocab: Vocab, env: Environment
) -> GeneratedPage:
    """An organisation's own page; its tool's "All organisations" brings back the filters."""
    body = render_organisation(org, markdown, vocab, env)
    meta = {**page_meta(org.name, org.summary), "tools": [TOOL]}
    return GeneratedPage(meta, body, org)
