"""Decap CMS's `config.yml`, generated from the schemas and vocabularies the build checks.

Nothing here is kept by hand: a field, a required flag, a list of choices or a pattern comes
from `data/schemas/*.schema.json`, `data/vocabularies.yml` or `docs/blog/.authors.yml`, so the
form at /admin/ cannot offer what the build would refuse. Pure functions: no MkDocs, no files
written (hooks/cms.py writes the result).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# The GitHub default branch that pull requests from the editor are opened against.
BRANCH = "main"
# Netlify's OAuth provider signs editors in to GitHub (Netlify Identity and Git Gateway are
# deprecated): Decap opens `<base_url>/<auth_endpoint>` in a pop-up.
OAUTH_BASE_URL = "https://api.netlify.com"
OAUTH_ENDPOINT = "auth"
# Images go beside the posts, where CONTRIBUTING.md tells hand-editors to put them, and are
# linked relative to the post ("images/x.jpg"), which MkDocs' strict link check accepts.
MEDIA_FOLDER = "docs/blog/posts/images"
PUBLIC_FOLDER = "images"
# The hint on a field an optional block needs once it is used (see schema_fields).
NEEDED_IN_BLOCK = "Needed when this block is filled in."
# What a long text is: a multi-line box rather than one line.
_LONG_TEXT = 120
_DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}


@dataclass(frozen=True)
class Choice:
    """One option of a select: what is written to the file, and what the editor reads."""

    value: str
    label: str


@dataclass(frozen=True)
class Sources:
    """Everything the config is made from, already read and checked by the usual loaders."""

    post_schema: Mapping[str, Any]
    organisation_schema: Mapping[str, Any]
    social_schema: Mapping[str, Any]
    # field name -> choices, per collection (`enum`s a schema leaves to the vocabularies)
    post_choices: Mapping[str, Sequence[Choice]]
    organisation_choices: Mapping[str, Sequence[Choice]]
    social_choices: Mapping[str, Sequence[Choice]]


def cms_config(sources: Sources, *, repo: str, site_url: str, local_backend: str = "") -> dict[str, Any]:
    """The whole Decap config: GitHub backend through Netlify's OAuth, editorial workflow.

    With `local_backend`, decap-server's origin (`make cms`), Decap writes straight to the checkout through
    decap-server, whose default file-system mode has no editorial workflow: saving publishes.
    """
    config: dict[str, Any] = {
        "backend": {
            "name": "github",
            "repo": repo,
            "branch": BRANCH,
            "base_url": OAUTH_BASE_URL,
            "auth_endpoint": OAUTH_ENDPOINT,
            "squash_merges": True,
        },
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            posts_collection(sources.post_schema, sources.post_choices),
            organisations_collection(sources.organisation_schema, sources.organisation_choices),
            social_collection(sources.social_schema, sources.social_choices),
        ],
    }
    if local_backend:
        config["local_backend"] = {"url": f"{local_backend}/api/v1"}
    else:
        config["publish_mode"] = "editorial_workflow"
    return config


def posts_collection(schema: Mapping[str, Any], choices: Mapping[str, Sequence[Choice]]) -> dict[str, Any]:
    """News and blogs: Markdown files `<date>-<slug>.md`, as `make post` names them."""
    return {
        "name": "posts",
        "label": "News and blogs",
        "label_singular": "Post",
        "description": "Posts on News and blogs. Saving opens a pull request; merging it publishes the post.",
        "folder": "docs/blog/posts",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "title",
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
        "summary": "{{date}}: {{title}}",
        "sortable_fields": ["date", "title"],
        "fields": [
            *schema_fields(schema, choices),
            {"name": "body", "label": "Body", "widget": "markdown", "hint": "Start headings at ## level."},
        ],
    }


def organisations_collection(
    schema: Mapping[str, Any], choices: Mapping[str, Sequence[Choice]]
) -> dict[str, Any]:
    """The directory: one `data/organisations/<slug>.yml` a organisation, slug from its name."""
    return {
        "name": "organisations",
        "label": "Organisations",
        "label_singular": "Organisation",
        "description": "Find an organisation. The file name (from the name) is the page's address.",
        "folder": "data/organisations",
        "create": True,
        "extension": "yml",
        "format": "yml",
        "identifier_field": "name",
        "slug": "{{slug}}",
        "summary": "{{name}}",
        "sortable_fields": ["name", "last_reviewed"],
        "fields": schema_fields(schema, choices, markdown={"description"}),
    }


def social_collection(schema: Mapping[str, Any], choices: Mapping[str, Sequence[Choice]]) -> dict[str, Any]:
    """Latest on social media: the one file data/social.yml, edited as a list of posts."""
    return {
        "name": "social",
        "label": "Social posts",
        "files": [
            {
                "name": "social",
                "label": "Social posts",
                "file": "data/social.yml",
                "format": "yml",
                "fields": schema_fields(schema, choices),
            }
        ],
    }


def schema_fields(
    schema: Mapping[str, Any],
    choices: Mapping[str, Sequence[Choice]],
    *,
    markdown: frozenset[str] | set[str] = frozenset(),
    optional_block: bool = False,
) -> list[dict[str, Any]]:
    """One Decap field per property of an object schema, in the schema's order.

    In an `optional_block` (an object the schema does not require, such as a post's
    `masterclass`) Decap would demand the block's required fields even when the block is left
    empty, so there they are marked in the hint instead, and the checks enforce them.
    """
    required = set(schema.get("required", ()))
    defs = schema.get("$defs", {})
    fields = []
    for name, prop in schema.get("properties", {}).items():
        needed = name in required
        field = _field(
            name, prop, required=needed and not optional_block, choices=choices, defs=defs, markdown=markdown
        )
        if needed and optional_block:
            field.pop("min", None)
            field["hint"] = " ".join(filter(None, [field.get("hint"), NEEDED_IN_BLOCK]))
        fields.append(field)
    return fields


def _field(
    name: str,
    prop: Mapping[str, Any],
    *,
    required: bool,
    choices: Mapping[str, Sequence[Choice]],
    defs: Mapping[str, Any],
    markdown: frozenset[str] | set[str],
) -> dict[str, Any]:
    """The Decap field for one schema property: widget, required flag, options, pattern."""
    field: dict[str, Any] = {"name": name, "label": label_of(name), "required": required}
    if prop.get("description"):
        field["hint"] = prop["description"]
    items = prop.get("items", {}) if prop.get("type") == "array" else {}
    options = choices.get(name) or _enum_choices(items.get("enum") or prop.get("enum"))
    if options:
        field.update(widget="select", options=[{"label": c.label, "value": c.value} for c in options])
        if prop.get("type") == "array":
            field.update(multiple=True, **_bounds(prop))
    elif prop.get("type") == "array" and items.get("type") == "object":
        nested = schema_fields(items, choices, markdown=markdown)
        field.update(widget="list", fields=nested, **_bounds(prop))
    elif prop.get("type") == "array":
        field.update(widget="list", field={"name": name, "label": label_of(name), "widget": "string"})
    elif prop.get("type") == "object":
        nested = schema_fields(prop, choices, markdown=markdown, optional_block=not required)
        field.update(widget="object", collapsed=not required, fields=nested)
    elif prop.get("type") == "boolean":
        field["widget"] = "boolean"
    elif prop.get("format") == "date":
        field.update(_DATE)
    else:
        long_text = name in markdown or prop.get("maxLength", 0) > _LONG_TEXT
        field["widget"] = "markdown" if name in markdown else ("text" if long_text else "string")
        rule = text_pattern(prop, defs)
        if rule:
            field["pattern"] = list(rule)
    return field


def text_pattern(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> tuple[str, str] | None:
    """One JavaScript regex (and its message) for all of a string's rules: its patterns, and its
    length, since Decap's text widgets check only a pattern. Each JSON Schema pattern (which
    matches anywhere, like JavaScript's `test`) becomes a look-ahead from the start."""
    rules = [prop, *(_resolve(part, defs) for part in prop.get("allOf", ()))]
    looks = [f"(?=[\\s\\S]*?(?:{rule['pattern']}))" for rule in rules if "pattern" in rule]
    messages = [rule["x-message"] for rule in rules if "pattern" in rule and "x-message" in rule]
    low, high = prop.get("minLength"), prop.get("maxLength")
    if (low or 0) > 1 or high is not None:
        looks.append(f"(?=[\\s\\S]{{{low or 0},{'' if high is None else high}}}$)")
        messages.append(_length_words(low or 0, high))
    if not looks:
        return None
    return "^" + "".join(looks), "; ".join(messages) or "is not in the expected form"


def label_of(name: str) -> str:
    """What the form calls a field: `last_reviewed` -> `Last reviewed`."""
    return re.sub(r"_+", " ", name).strip().capitalize()


def _enum_choices(values: Sequence[Any] | None) -> list[Choice]:
    """Choices from a schema's own `enum` (values shown as they are written)."""
    return [Choice(str(v), str(v)) for v in values or ()]


def _bounds(prop: Mapping[str, Any]) -> dict[str, int]:
    """A list's `min` and `max` from the schema's minItems and maxItems."""
    return {k: prop[s] for k, s in (("min", "minItems"), ("max", "maxItems")) if s in prop}


def _resolve(part: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow a local `#/$defs/<name>` reference."""
    ref = part.get("$ref", "")
    return defs[ref.removeprefix("#/$defs/")] if ref.startswith("#/$defs/") else part


def _length_words(low: int, high: int | None) -> str:
    """`between 20 and 280 characters`, for the pattern's message."""
    if high is None:
        return f"at least {low} characters"
    return f"between {low} and {high} characters" if low > 1 else f"at most {high} characters"
