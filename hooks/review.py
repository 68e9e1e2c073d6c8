"""Review dates: check `reviewed:` on every guidance page, show it, warn about what is due,
and add the maintainers' list of it at /maintainers/review/ (not in the navigation, the
search, or the sitemap; noindex). Listed after hooks/directory.py, whose organisations it reads."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hub.cms.config import BRANCH
from hub.core.context import context_of
from hub.core.errors import problems_message
from hub.core.frontmatter import read_front_matter_file
from hub.core.yamlio import DataError, DataErrors
from hub.directory.model import Organisation
from hub.review.dates import EditLinks, Review, guidance_review, is_guidance, project_file, render_review_page

log = logging.getLogger("mkdocs.plugins.hub.review")
# What is due is a warning for editors, not a broken build: `mkdocs build --strict` fails on
# any warning logged under "mkdocs", so these go to a logger of their own, printed the same way.
due_log = logging.getLogger("hub.review")
if not due_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  Review due: %(message)s"))
    due_log.addHandler(_handler)
    due_log.propagate = False

FEATURE = "review"
REVIEW_PAGE = "maintainers/review.md"
REVIEW_META = {
    "title": "Due for review",
    "description": "For the hub's maintainers: guidance pages and organisations by review date.",
    "robots": "noindex",
    "sitemap": False,
    "search": {"exclude": True},
    # A wide table: the whole width for it.
    "hide": ["navigation", "toc"],
}


@dataclass
class ReviewBuild:
    """This build's review dates, and the maintainers' page made from them."""

    reviews: list[Review] = field(default_factory=list)
    body: str = ""


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Read every review date (or stop the build with every bad one), warn about what is due,
    and add the maintainers' page."""
    context = context_of(config)
    today = context.settings.today
    reviews = _guidance_reviews(files, context.project.root)
    reviews += [_organisation_review(org) for org in context.features["directory"].organisations]
    due = [review for review in reviews if review.is_due(today)]
    for review in sorted(due, key=lambda r: (r.file, r.line)):
        due_log.warning(review.warning())
    page = File.generated(config, REVIEW_PAGE, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(page)
    links = EditLinks(context.settings.cms_repo, BRANCH)
    body = render_review_page(reviews, today, links, page.url)
    context.features[FEATURE] = ReviewBuild(reviews, body)
    log.info("Review dates: %d files, %d due (list at /%s)", len(reviews), len(due), page.url)
    return files


def on_page_markdown(text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the maintainers' page its title and its place outside search, sitemap and indexes."""
    if page.file.src_uri == REVIEW_PAGE:
        page.meta.update(REVIEW_META)
    return text


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The maintainers' page body, rendered in on_files."""
    if page.file.src_uri == REVIEW_PAGE:
        return context_of(config).features[FEATURE].body
    return html


def _guidance_reviews(files: Files, root: Path) -> list[Review]:
    """The review date of every guidance page; PluginError lists every page without a good one."""
    reviews: list[Review] = []
    errors: list[DataError] = []
    for file in files.documentation_pages():
        if not is_guidance(file.src_uri):
            continue
        try:
            matter = read_front_matter_file(Path(file.abs_src_path))
        except DataErrors as exc:
            errors += exc.errors
            continue
        title = str((matter.data.get("title") if isinstance(matter.data, dict) else None) or file.name)
        shown = project_file(Path(file.abs_src_path), root)
        found = guidance_review(matter, file=shown, url=file.url, title=title)
        if isinstance(found, Review):
            reviews.append(found)
        else:
            errors += found
    if errors:
        # DataErrors sorts them by file and line.
        raise PluginError(problems_message("the review dates", DataErrors(errors).errors))
    return reviews


def _organisation_review(org: Organisation) -> Review:
    """An organisation's yearly review, from its `last_reviewed:`."""
    return Review(
        title=org.name,
        url=org.url,
        file=org.file,
        line=org.reviewed_line,
        field="last_reviewed",
        reviewed=org.last_reviewed,
        cms_entry=f"collections/organisations/entries/{org.slug}",
    )
