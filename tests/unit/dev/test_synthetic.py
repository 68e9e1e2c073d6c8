"""Synthetic organisations and posts pass the same checks as real ones, and are repeatable."""

from __future__ import annotations

from pathlib import Path

from hub.dev.synthetic import directory_with_extra, organisation_name, write_organisations, write_posts
from hub.directory.load import load_organisations
from hub.posts.load import allowed_values, check_posts
from tests.project import PROJECT, VOCAB


def test_synthetic_organisations_are_valid_and_searchable_by_number(tmp_path: Path) -> None:
    folder = directory_with_extra(tmp_path / "orgs", PROJECT.organisations, 12, VOCAB)
    real = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
    loaded = load_organisations(folder, VOCAB, PROJECT.schemas)
    assert len(loaded) == len(real) + 12
    names = [org.name for org in loaded if "number-0000" in org.name]
    assert sorted(names) == [organisation_name(n) for n in range(10)]


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first = write_organisations(tmp_path / "a", 5, VOCAB)
    second = write_organisations(tmp_path / "b", 5, VOCAB)
    assert [f.read_text(encoding="utf-8") for f in first] == [f.read_text(encoding="utf-8") for f in second]
    assert len({f.read_text(encoding="utf-8").split("type:")[1] for f in first}) > 1  # not all alike


def test_synthetic_posts_pass_the_content_check(tmp_path: Path) -> None:
    posts = write_posts(tmp_path / "posts", 3)
    assert [p.name for p in posts] == ["synthetic-0000.md", "synthetic-0001.md", "synthetic-0002.md"]
    assert check_posts(tmp_path / "posts", allowed_values(PROJECT.authors_file, VOCAB, PROJECT.schemas)) == []
