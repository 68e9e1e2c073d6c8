"""The directory's HTML: its pages of organisations (a hundred a page), each organisation's own
page, their metadata and JSON-LD, from the templates beside this module (autoescaped)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import nh3
from jinja2 import Environment
from markupsafe import Markup

from hub.core.templates import package_env
from hub.directory.model import URL_PREFIX, Organisation, Vocab, labels_of
from hub.directory.regions import region_choices
from hub.pages.structured_data import organization


def template_env() -> Environment:
    """The directory's own templates (hub/directory/templates/), autoescaped."""
    return package_env("hub.directory")


def description_html(org: Organisation, markdown: Callable[[str], str]) -> Markup:
    """Render the Markdown description with the site's Markdown, then sanitise it with nh3."""
    if not org.description:
        return Markup("")
    cleaned = nh3.clean(
        markdown(org.description),
        tags={"p", "a", "ul", "ol", "li", "strong", "em", "code", "br", "blockquote", "h3", "h4"},
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)  # sanitised by nh3 just above


# The directory's pages hold this many organisations each: page 1 at organisations/, the rest at
# organisations/page/<n>/, linked by number, so visitors without JavaScript reach every one while
# each page's HTML stays the same size however many organisations there are.
PAGE_SIZE = 100


@dataclass(frozen=True)
class DirectoryPage:
    """One page of the directory: its number, the organisations on it, and where it lives."""

    number: int
    count: int
    organisations: Sequence[Organisation]
    first: int
    total: int

    @property
    def src_uri(self) -> str:
        """The generated Markdown file's path: organisations/index.md, organisations/page/<n>.md."""
        return f"{URL_PREFIX}index.md" if self.number == 1 else f"{URL_PREFIX}page/{self.number}.md"

    @property
    def base(self) -> str:
        """The relative path from this page back to organisations/."""
        return "" if self.number == 1 else "../../"

    def href(self, number: int) -> str:
        """The relative link from this page to page `number`."""
        return self.base + ("" if number == 1 else f"page/{number}/")


def directory_pages(organisations: Sequence[Organisation], size: int = PAGE_SIZE) -> list[DirectoryPage]:
    """The organisations cut into pages of `size` (one page, perhaps empty, at the least)."""
    chunks = [organisations[start : start + size] for start in range(0, len(organisations), size)] or [[]]
    return [
        DirectoryPage(n, len(chunks), chunk, (n - 1) * size + 1, len(organisations))
        for n, chunk in enumerate(chunks, start=1)
    ]


def status_text(page: DirectoryPage) -> str:
    """What the status line says about a page as built (the script says the same when unfiltered)."""
    if page.count == 1:
        return f"Showing all {page.total} organisations."
    last = page.first + len(page.organisations) - 1
    return f"Showing {page.first} to {last} of {page.total} organisations."


def render_directory(page: DirectoryPage, vocab: Vocab, env: Environment) -> str:
    """One directory page's HTML: the filters (page 1), its organisations, links to every page."""
    return env.get_template("org-directory.html").render(
        page=page,
        organisations=page.organisations,
        status=status_text(page),
        vocab=vocab,
        labels=labels_of(vocab),
        region_choices=region_choices(vocab["regions"]),
    )


def render_organisation(
    org: Organisation,
    markdown: Callable[[str], str],
    vocab: Vocab,
    env: Environment,
) -> str:
    """One organisation's page HTML (its H1 included)."""
    return env.get_template("org-page.html").render(
        org=org,
        description=description_html(org, markdown),
        vocab=vocab,
        labels=labels_of(vocab),
        choosable={term.id for _, terms in region_choices(vocab["regions"]) for term in terms},
    )


def page_meta(title: str, description: str) -> dict[str, object]:
    """The metadata of a generated page, for `page.meta` (set by the hook: no front matter).

    Material prints `page.meta.title` into the header unescaped, as HTML, so title and
    description are escaped here, once, as `Markup`: templates that print them as text with
    `| e` leave `Markup` as it is and escape any plain front matter text.
    """
    return {"title": Markup.escape(title), "description": Markup.escape(description), "hide": ["toc"]}


def structured_data(
    org: Organisation, site_url: str, labels: Mapping[str, Mapping[str, str]]
) -> dict[str, object]:
    """Schema.org Organization data for the organisation's page (JSON-LD).

    `labels` is `labels_of(vocab)`: a build passes it in, made once for every page.
    """
    return organization(
        name=org.name,
        description=org.summary,
        website=org.website,
        page_url=site_url + org.url,
        areas=[*(labels["regions"][r] for r in org.where), *org.places],
        topics=[labels["support"][s] for s in org.support],
    )
