"""Review dates: read and check `reviewed:` / `review_every:` on guidance pages, work out what is
due against the build's day, and render the maintainers' list of it.

Guidance pages say when they were last checked (`reviewed:`, a date) and, if not yearly, how
often to check them (`review_every:`, months). Organisations have `last_reviewed:` and are
checked yearly. Nothing here knows MkDocs: hooks/review.py hands it files and dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from hub.core.frontmatter import FrontMatter
from hub.core.templates import package_env
from hub.core.yamlio import DataError

# The pages that give guidance, as paths under docs/ (fnmatch patterns): each must say when it
# was last reviewed. Tools, listings, news and About pages are not guidance.
GUIDANCE = ("why-it-matters.md", "glossary.md", "strategy/*.md", "strategy/*/*.md")
DEFAULT_MONTHS = 12
MAX_MONTHS = 60
EXAMPLE = "2026-11-25"


@dataclass(frozen=True)
class Review:
    """One file that is reviewed now and then: where it is, and when it was last checked."""

    title: str
    url: str  # the page's site URL, e.g. strategy/legal/
    file: str  # the file, from the project's root, e.g. docs/strategy/legal.md
    line: int  # the line of its review date
    field: str  # reviewed or last_reviewed
    reviewed: dt.date
    months: int = DEFAULT_MONTHS
    cms_entry: str = ""  # its address in the browser editor, under admin/, if it has one

    @property
    def due(self) -> dt.date:
        """The day the next review is due."""
        return add_months(self.reviewed, self.months)

    def is_due(self, today: dt.date) -> bool:
        """Whether the review is due on `today` or was due before it."""
        return self.due <= today

    def warning(self) -> str:
        """The build's warning for a review that is due, `path:line: field: message`."""
        return (
            f"{self.file}:{self.line}: {self.field}: due for review since {self.due.isoformat()} "
            f"(last reviewed {self.reviewed.isoformat()}, every {self.months} months)"
        )


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved on by whole months (31 January + 1 month is the last day of February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def is_guidance(src_uri: str) -> bool:
    """Whether the page at `src_uri` (its path under docs/) is a guidance page."""
    return any(fnmatch.fnmatchcase(src_uri, pattern) for pattern in GUIDANCE)


def guidance_review(matter: FrontMatter, *, file: str, url: str, title: str) -> Review | list[DataError]:
    """A guidance page's Review from its front matter, or every problem with its fields."""
    data: Mapping[str, Any] = matter.data if isinstance(matter.data, Mapping) else {}
    loaded = matter.loaded
    errors: list[DataError] = []
    reviewed = data.get("reviewed")
    if "reviewed" not in data:
        message = (
            f"is required on guidance pages: the day the page was last checked, e.g. reviewed: {EXAMPLE}"
        )
        errors.append(DataError(loaded.path, loaded.first_line, "reviewed", message))
    elif not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        message = f"must be a date written as YYYY-MM-DD without quotes, for example {EXAMPLE}"
        errors.append(DataError(loaded.path, loaded.line_of(["reviewed"]), "reviewed", message))
    months = data.get("review_every", DEFAULT_MONTHS)
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        message = f"must be a whole number of months from 1 to {MAX_MONTHS}, for example 6 (default 12)"
        errors.append(DataError(loaded.path, loaded.line_of(["review_every"]), "review_every", message))
    if errors:
        return errors
    line = loaded.line_of(["reviewed"])
    return Review(title, url, file, line, "reviewed", reviewed, months)


def due_first(reviews: Iterable[Review]) -> list[Review]:
    """Every review, the one due soonest (or longest overdue) first; then by file."""
    return sorted(reviews, key=lambda review: (review.due, review.file))


@dataclass(frozen=True)
class EditLinks:
    """Where maintainers edit files: the repository on GitHub, and the browser editor."""

    repo: str  # owner/name
    branch: str
    admin: str = "admin/"  # the browser editor's site URL

    def github(self, review: Review) -> str:
        """GitHub's web editor for the file."""
        return f"https://github.com/{self.repo}/edit/{self.branch}/{review.file}"

    def editor(self, review: Review) -> str:
        """The file's entry in the browser editor, as a site URL ("" when it has no form for it)."""
        return f"{self.admin}#/{review.cms_entry}" if review.cms_entry else ""


def render_review_page(
    reviews: Iterable[Review], today: dt.date, links: EditLinks, page_url: str, env: Environment | None = None
) -> str:
    """The maintainers' page: what is past due, then what comes next, soonest first."""
    ordered = due_first(reviews)
    env = env or package_env("hub.review")
    return env.get_template("review-page.html").render(
        past_due=[review for review in ordered if review.is_due(today)],
        coming=[review for review in ordered if not review.is_due(today)],
        today=today,
        links=links,
        href=lambda url: relative_link(url, page_url),
    )


def relative_link(url: str, page_url: str) -> str:
    """A link from the page at `page_url` to the site URL `url` (both like a/b/)."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth + url


def project_file(path: Path, root: Path) -> str:
    """A file's path from the project's root, as GitHub and messages name it."""
    return path.resolve().relative_to(root.resolve()).as_posix()
