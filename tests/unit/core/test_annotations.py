"""Problems as GitHub Actions annotations."""

from __future__ import annotations

from hub.core.annotations import github_annotation, render
from hub.core.yamlio import DataError


def test_an_annotation_names_the_file_line_field_and_message() -> None:
    error = DataError("data/organisations/a.yml", 7, "website", "must start with https://")
    assert (
        github_annotation(error)
        == "::error file=data/organisations/a.yml,line=7::website: must start with https://"
    )


def test_reserved_characters_are_escaped() -> None:
    error = DataError("odd,name:.md", 3, "", "100% wrong\nsee line 3")
    assert github_annotation(error) == "::error file=odd%2Cname%3A.md,line=3::100%25 wrong%0Asee line 3"


def test_text_format_is_the_usual_line() -> None:
    error = DataError("a.md", 2, "date", "is required")
    assert render([error], "text") == ["a.md:2: date: is required"]
