"""The editor's config, generated from this project's schemas, vocabularies and authors."""

from __future__ import annotations

import re
from typing import Any

import pytest

from hub.cms.config import NEEDED_IN_BLOCK, cms_config, label_of, text_pattern
from hub.cms.sources import read_sources
from hub.core.schema import read_schema
from hub.posts.load import allowed_values, load_authors
from tests.project import PROJECT, VOCAB

ALLOWED = allowed_values(PROJECT.authors_file, VOCAB, PROJECT.schemas)
SOURCES = read_sources(PROJECT, VOCAB, ALLOWED)
CONFIG = cms_config(SOURCES, repo="owner/name", site_url="https://example.org/")
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
ORGANISATION_VOCABULARIES = {
    "where": "regions",
    "stages": "stages",
    "support": "support",
    "elements": "elements",
    "type": "organisation_types",
    "cost": "costs",
}


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def assert_fields_follow(
    schema: dict[str, Any], fields: list[dict[str, Any]], where: str, *, optional_block: bool = False
) -> int:
    """Every property is a field with the schema's required flag, nested objects included (in
    a block the schema leaves optional, a required field says so in its hint instead)."""
    found = by_name(fields)
    required = set(schema.get("required", ()))
    checked = 0
    for name, prop in schema["properties"].items():
        assert name in found, f"{where}.{name} is missing from the editor's config"
        if optional_block and name in required:
            assert found[name]["required"] is False and NEEDED_IN_BLOCK in found[name]["hint"], (
                f"{where}.{name}"
            )
        else:
            assert found[name]["required"] is (name in required), f"{where}.{name}: required flag"
        checked += 1
        items = prop.get("items", {})
        if prop.get("type") == "object":
            nested = found[name]["fields"]
            checked += assert_fields_follow(
                prop, nested, f"{where}.{name}", optional_block=name not in required
            )
        elif items.get("type") == "object":
            checked += assert_fields_follow(items, found[name]["fields"], f"{where}.{name}")
    return checked


def options(field: dict[str, Any]) -> list[str]:
    return [option["value"] for option in field["options"]]


def accepts(field: dict[str, Any], text: str) -> bool:
    """Whether Decap would accept `text`: it tests the pattern as a JavaScript RegExp."""
    return re.search(field["pattern"][0], text) is not None


@pytest.mark.parametrize(
    ("collection", "schema"),
    [("posts", "post"), ("organisations", "organisation")],
)
def test_every_schema_field_and_required_flag_is_in_the_form(collection: str, schema: str) -> None:
    checked = assert_fields_follow(
        read_schema(schema, PROJECT.schemas), COLLECTIONS[collection]["fields"], schema
    )
    assert checked >= 11


def test_social_posts_are_one_file_with_every_field_of_a_post() -> None:
    (social,) = COLLECTIONS["social"]["files"]
    assert social["file"] == "data/social.yml"
    assert assert_fields_follow(read_schema("social", PROJECT.schemas), social["fields"], "social") == 6
    platform = by_name(by_name(social["fields"])["posts"]["fields"])["platform"]
    # The platforms come from the vocabulary the social schema names (x-vocabulary), with labels.
    assert options(platform) == VOCAB.ids("platforms")
    assert [o["label"] for o in platform["options"]] == list(VOCAB.labels("platforms").values())


def test_post_choices_come_from_the_vocabularies_and_the_authors_file() -> None:
    fields = by_name(COLLECTIONS["posts"]["fields"])
    allowed = ALLOWED
    assert options(fields["categories"]) == list(VOCAB.labels("post_categories").values())
    assert options(fields["authors"]) == list(load_authors(PROJECT.authors_file, PROJECT.schemas))
    assert options(fields["tags"]) == list(allowed.tags)
    # One category exactly, at least one author: as the schema's minItems and maxItems say.
    assert (fields["categories"]["min"], fields["categories"]["max"]) == (1, 1)
    assert fields["authors"]["min"] == 1 and fields["authors"]["multiple"] is True
    labels = [option["label"] for option in fields["authors"]["options"]]
    assert "The hub editors" in labels


@pytest.mark.parametrize("field", ORGANISATION_VOCABULARIES)
def test_organisation_selects_offer_every_vocabulary_value(field: str) -> None:
    found = by_name(COLLECTIONS["organisations"]["fields"])[field]
    vocabulary = ORGANISATION_VOCABULARIES[field]
    assert found["widget"] == "select"
    assert options(found) == VOCAB.ids(vocabulary)
    assert [o["label"] for o in found["options"]] == list(VOCAB.labels(vocabulary).values())
    assert found.get("multiple", False) is (field not in ("type", "cost"))


def test_dates_are_written_as_the_build_reads_them() -> None:
    posts = by_name(COLLECTIONS["posts"]["fields"])
    organisations = by_name(COLLECTIONS["organisations"]["fields"])
    for field in (
        posts["date"],
        organisations["last_reviewed"],
        by_name(posts["masterclass"]["fields"])["event_date"],
    ):
        assert (field["widget"], field["format"], field["time_format"]) == ("datetime", "YYYY-MM-DD", False)


@pytest.mark.parametrize(
    ("collection", "field", "good", "bad"),
    [
        ("organisations", "website", "https://www.example.org.uk/about", "http://www.example.org.uk/"),
        ("organisations", "website", "https://example.org", "https://localhost/"),
        ("organisations", "summary", "Twenty characters ok", "Nineteen characters"),
        ("organisations", "summary", "x" * 280, "x" * 281),
        ("organisations", "summary", "Twenty characters ok", " " * 25),
        ("organisations", "name", "upReach", "   "),
        ("posts", "title", "Our masterclass: what we learned", "A <b>bold</b> title"),
        ("posts", "description", "d" * 160, "d" * 161),
        ("posts", "slug", "hiring-masterclass", "Hiring_Masterclass"),
    ],
)
def test_patterns_accept_and_refuse_what_the_schema_does(
    collection: str, field: str, good: str, bad: str
) -> None:
    found = by_name(COLLECTIONS[collection]["fields"])[field]
    assert accepts(found, good)
    assert not accepts(found, bad)
    assert found["pattern"][1]


def test_the_website_pattern_is_the_schemas_own() -> None:
    website = by_name(COLLECTIONS["organisations"]["fields"])["website"]
    schema = read_schema("organisation", PROJECT.schemas)["properties"]["website"]
    assert schema["pattern"] in website["pattern"][0]
    assert "https://" in website["pattern"][1]


def test_a_string_with_no_rules_has_no_pattern() -> None:
    assert text_pattern({"type": "string", "minLength": 1}, {}) is None


def test_posts_are_named_like_make_post_names_them() -> None:
    posts = COLLECTIONS["posts"]
    assert posts["folder"] == "docs/blog/posts"
    assert (posts["extension"], posts["format"]) == ("md", "frontmatter")
    assert posts["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    assert by_name(posts["fields"])["body"]["widget"] == "markdown"
    organisations = COLLECTIONS["organisations"]
    assert (organisations["folder"], organisations["extension"], organisations["slug"]) == (
        "data/organisations",
        "yml",
        "{{slug}}",
    )


def test_github_backend_through_netlify_oauth_with_pull_requests() -> None:
    assert CONFIG["backend"] == {
        "name": "github",
        "repo": "owner/name",
        "branch": "main",
        "base_url": "https://api.netlify.com",
        "auth_endpoint": "auth",
        "squash_merges": True,
    }
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in CONFIG
    # Media go beside the posts and are linked relative to them, as the strict build wants.
    assert (CONFIG["media_folder"], CONFIG["public_folder"]) == ("docs/blog/posts/images", "images")


def test_only_the_local_config_uses_decap_server_and_it_has_no_editorial_workflow() -> None:
    local = cms_config(
        SOURCES, repo="owner/name", site_url="https://example.org/", local_backend="http://127.0.0.1:8081"
    )
    assert local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert "publish_mode" not in local


def test_labels_read_as_words() -> None:
    assert label_of("last_reviewed") == "Last reviewed"
