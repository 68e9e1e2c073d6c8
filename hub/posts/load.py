"""Blog posts: read and check their front matter, scaffold new ones, and pick posts for lists.

Shared by the build (hooks/posts.py) and the editors' scripts (scripts/check_content.py,
scripts/new_post.py), so a bad post gives the same `path:line: field: message` everywhere.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from hub.core.frontmatter import dump_front_matter, read_front_matter_file
from hub.core.paths import display_path
from hub.core.schema import read_schema, schema_errors, validator, validator_for
from hub.core.slugs import slugify
from hub.core.vocab import Vocabularies
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml

MASTERCLASSES = "Masterclasses"
# Fields that must be real YAML dates: Material's blog plugin and the templates need a date,
# and the schema cannot tell `2026-03-24` from `"2026-03-24"` (both reach it as text).
DATE_FIELDS = (("date",), ("masterclass", "event_date"))
_H1 = re.compile(r"^#(?!#)\s*\S")


@dataclass(frozen=True)
class Allowed:
    """The values a post may choose from, each read from its one home."""

    categories: tuple[str, ...]
    authors: Mapping[str, Mapping[str, str]]  # id -> profile, in the authors file's order
    tags: tuple[str, ...]
    schemas: Path


@dataclass
class PostsBuild:
    """What the posts feature read this build, for later events and the editor's config: the
    allowed values (the authors file read once, in on_config) and the scheduled posts."""

    allowed: Allowed
    scheduled: dict[str, dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class PostSummary:
    """What lists of posts show: the home block, element pages."""

    title: str
    url: str
    date: dt.date
    category: str
    description: str
    tags: tuple[str, ...] = ()
    draft: bool = False


def read_front_matter(path: Path) -> tuple[Loaded, int]:
    """Parse the `---` block at the top of `path`; return it and the file line the body starts on."""
    matter = read_front_matter_file(path)
    return matter.loaded, matter.body_line


def allowed_values(authors_file: Path, vocab: Vocabularies, schemas: Path) -> Allowed:
    """Categories and extra tags from data/vocabularies.yml, authors (read and checked) from the
    authors file; raises DataErrors. A build reads it once (hooks/posts.py) and keeps it."""
    element_tags = [term.tag for term in vocab["elements"] if term.tag]
    return Allowed(
        categories=tuple(vocab.labels("post_categories").values()),
        authors=load_authors(authors_file, schemas),
        tags=tuple(element_tags + list(vocab.labels("post_tags").values())),
        schemas=schemas,
    )


def load_authors(authors_file: Path, schemas: Path) -> dict[str, dict[str, str]]:
    """Read and check docs/blog/.authors.yml; return author id -> profile."""
    if not authors_file.is_file():
        shown = display_path(authors_file)
        raise DataErrors([DataError(shown, 1, "", "no such file: posts name their authors from it")])
    loaded = load_yaml(authors_file)
    errors = schema_errors(loaded, validator_for("authors", schemas))
    if errors:
        raise DataErrors(errors)
    return dict(loaded.data["authors"])


def post_validator(allowed: Allowed) -> Draft202012Validator:
    """The post schema with this site's categories, authors and tags filled in."""
    schema = read_schema("post", allowed.schemas)
    props = copy.deepcopy(schema["properties"])
    props["categories"]["items"]["enum"] = list(allowed.categories)
    props["authors"]["items"]["enum"] = list(allowed.authors)
    props["tags"]["items"]["enum"] = list(allowed.tags)
    schema["properties"] = props
    Draft202012Validator.check_schema(schema)
    return validator(schema)


def check_post(
    path: Path, allowed: Allowed, post_schema: Draft202012Validator | None = None
) -> list[DataError]:
    """Return every problem in one post's front matter (and a stray `# title` in its body)."""
    try:
        loaded, body_line = read_front_matter(path)
    except DataErrors as exc:
        return list(exc.errors)
    errors = schema_errors(loaded, post_schema or post_validator(allowed))
    errors += _quoted_dates(loaded)
    errors += _h1_in_body(path, body_line)
    return sorted(errors, key=lambda e: (e.line, e.field))


def check_posts(folder: Path, allowed: Allowed) -> list[DataError]:
    """Check every post in `folder` against the allowed values; return all problems found."""
    post_schema = post_validator(allowed)
    errors: list[DataError] = []
    for path in sorted(folder.rglob("*.md")):
        errors += check_post(path, allowed, post_schema)
    return sorted(errors, key=lambda e: (e.path, e.line, e.field))


def _quoted_dates(loaded: Loaded) -> list[DataError]:
    """A date in quotes is text to YAML: it passes the schema's date format, then breaks the build."""
    errors = []
    for location in DATE_FIELDS:
        value: Any = loaded.data
        for key in location:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and _is_iso_date(value.strip()):
            field = ".".join(location)
            message = f"write the date without quotes, for example {value.strip()}"
            errors.append(DataError(loaded.path, loaded.line_of(location), field, message))
    return errors


def _is_iso_date(text: str) -> bool:
    """Whether `text` is a real date written YYYY-MM-DD (the schema reports any other text)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _h1_in_body(path: Path, body_line: int) -> list[DataError]:
    """A post's title comes from front matter; a `# heading` in the body would make a second H1."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    in_code = False
    for number, line in enumerate(lines[body_line - 1 :], start=body_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        elif not in_code and _H1.match(line):
            message = "the title goes in front matter (title:); start headings in the text at ## level"
            return [DataError(display_path(path), number, "body", message)]
    return []


def summary_from_meta(meta: Mapping[str, Any], url: str) -> PostSummary:
    """Turn a checked post's front matter (as MkDocs read it) into a summary for lists."""
    date = meta["date"]
    if isinstance(date, dt.datetime):
        date = date.date()
    elif isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return PostSummary(
        title=str(meta["title"]),
        url=url,
        date=date,
        category=str(meta["categories"][0]),
        description=str(meta["description"]),
        tags=tuple(meta.get("tags") or ()),
        draft=bool(meta.get("draft", False)),
    )


def newest(posts: Iterable[PostSummary], count: int = 3) -> list[PostSummary]:
    """The `count` newest published posts, newest first (title breaks ties, for a stable order)."""
    published = [post for post in posts if not post.draft]
    return sorted(published, key=lambda p: (p.date, p.title), reverse=True)[:count]


def by_tag(posts: Iterable[PostSummary]) -> dict[str, list[PostSummary]]:
    """Published posts under each of their tags, newest first."""
    grouped: dict[str, list[PostSummary]] = {}
    for post in newest(posts, count=10_000):
        for tag in post.tags:
            grouped.setdefault(tag, []).append(post)
    return grouped


def scaffold(title: str, category: str, author: str, today: dt.date) -> str:
    """The text of a new post that passes the check: front matter for its category, a draft."""
    meta: dict[str, Any] = {
        "title": title,
        "description": "One or two sentences for cards, feeds and search results (160 characters at most).",
        "date": today,
        "authors": [author],
        "categories": [category],
        "tags": [],
        "draft": True,
    }
    if category == MASTERCLASSES:
        meta["masterclass"] = {
            "event_date": today,
            "format": "online",
            "speakers": [
                {"name": "Speaker's name", "role": "Their role", "organisation": "Their organisation"}
            ],
            "resources": [
                {
                    "title": "Outreach guidance on this site",
                    "kind": "page",
                    "url": "strategy/employee-journey/outreach/",
                }
            ],
        }
    body = (
        "Write the opening paragraph here: it is what readers see first.\n\n"
        "## A first section\n\nWrite the rest of the post here.\n"
    )
    return dump_front_matter(meta, body)


def new_post_path(folder: Path, title: str, today: dt.date) -> Path:
    """Where a new post goes: `<date>-<slug>.md` in the posts folder."""
    return folder / f"{today.isoformat()}-{slugify(title) or 'post'}.md"
