"""Read what the editor's config is made from, through the same loaders the build uses."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hub.cms.config import Choice, Sources
from hub.core.paths import Project
from hub.core.schema import read_schema
from hub.core.vocab import Vocabularies
from hub.posts.load import Allowed


def read_sources(project: Project, vocab: Vocabularies, allowed: Allowed) -> Sources:
    """The schemas, with each list of choices from its one home (vocabularies; the authors file,
    as the posts feature read it into `allowed`)."""
    organisation = read_schema("organisation", project.schemas)
    social = read_schema("social", project.schemas)
    return Sources(
        post_schema=read_schema("post", project.schemas),
        organisation_schema=organisation,
        social_schema=social,
        post_choices={
            "categories": [Choice(label, label) for label in allowed.categories],
            "authors": [Choice(key, str(profile["name"])) for key, profile in allowed.authors.items()],
            "tags": [Choice(tag, tag) for tag in allowed.tags],
        },
        organisation_choices=vocabulary_choices(organisation, vocab),
        social_choices=vocabulary_choices(social, vocab),
    )


def vocabulary_choices(schema: Mapping[str, Any], vocab: Vocabularies) -> dict[str, list[Choice]]:
    """field -> choices for each property (or list of items) marked `x-vocabulary`, at any depth."""
    found = {}
    for name, prop in schema.get("properties", {}).items():
        items = prop.get("items", {})
        source = prop.get("x-vocabulary") or items.get("x-vocabulary")
        if source:
            found[name] = [Choice(term.id, term.label) for term in vocab[source]]
        for nested in (prop, items):
            if nested.get("type") == "object":
                found |= vocabulary_choices(nested, vocab)
    return found


def bundle_files(node_modules: Path) -> list[Path]:
    """Decap's browser bundle: the entry script, and the chunks and WebAssembly it loads from
    beside itself (the `cms.js` files are the same build for bundlers, not needed here)."""
    dist = node_modules / "decap-cms" / "dist"
    return sorted([*dist.glob("*decap-cms.js"), *dist.glob("*.wasm")])
