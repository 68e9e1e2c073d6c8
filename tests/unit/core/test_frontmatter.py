"""Front matter through python-frontmatter on the hub's YAML loader: round trips and file lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.frontmatter import dump_front_matter, parse_front_matter, read_front_matter_file
from hub.core.yamlio import DataErrors
from tests.project import PROJECT

POSTS = sorted(PROJECT.posts.glob("*.md"))


@pytest.mark.parametrize("post", POSTS, ids=[p.name for p in POSTS])
def test_every_post_round_trips_unchanged(post: Path) -> None:
    first = read_front_matter_file(post)
    written = dump_front_matter(first.data, first.body)
    again = parse_front_matter(written, post)
    assert again.data == first.data
    assert again.body.strip("\n") == first.body.strip("\n")
    assert dump_front_matter(again.data, again.body) == written  # writing is stable


def test_the_site_has_posts_to_round_trip() -> None:
    assert len(POSTS) >= 10


# One row per broken front matter: the text, and the one `line: field: message` it gives.
BROKEN = [
    ("no fence", "title: x\n", "1: front matter: missing: the file must start with a line of three dashes"),
    ("four dashes", "----\ntitle: x\n----\n", "1: front matter: missing: the file must start with a line"),
    ("unclosed", "---\ntitle: x\n", "1: front matter: is not closed: add a line of three dashes (---)"),
    ("empty", "---\n---\nBody\n", "1: front matter: is empty"),
    ("alias", "---\na: &x 1\nb: *x\n---\n", "3: YAML syntax: aliases (*name) are not allowed here"),
    ("duplicate", "---\ntitle: a\n\ntitle: b\n---\n", "4: title: duplicate key (first given on line 2)"),
    ("blank lines first", "---\n\n\ndate: 2026-02-30\n---\n", "4: date: '2026-02-30' is not a valid date"),
    ("tab", "---\ntitle: x\n\tdate: 1\n---\n", "3: YAML syntax: found a tab character"),
    ("python tag", "---\nx: !!python/name:os.system\n---\n", "2: YAML syntax: could not determine"),
]


@pytest.mark.parametrize(("text", "expected"), [row[1:] for row in BROKEN], ids=[row[0] for row in BROKEN])
def test_broken_front_matter_keeps_its_file_line(tmp_path: Path, text: str, expected: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(text)
    with pytest.raises(DataErrors) as caught:
        read_front_matter_file(page)
    assert str(caught.value).startswith(f"{page}:{expected}")


def test_lines_are_file_lines_and_the_body_line_is_after_the_fence() -> None:
    matter = parse_front_matter("---\ntitle: T\n\nreviewed: 2026-11-25\n---\n\nBody\n", "p.md")
    assert matter.loaded.line_of(["reviewed"]) == 4 and matter.body_line == 6
    assert matter.data["reviewed"] == dt.date(2026, 11, 25) and matter.body == "\nBody\n"


def test_a_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    page = tmp_path / "bom.md"
    page.write_bytes("\ufeff---\ntitle: T\n---\nBody\n".encode())
    assert read_front_matter_file(page).data == {"title": "T"}


def test_writing_keeps_field_order_and_never_writes_aliases() -> None:
    day = dt.date(2026, 12, 1)
    text = dump_front_matter({"title": 'A "quoted": #1', "date": day, "event": {"date": day}}, "Body")
    fields = "title: 'A \"quoted\": #1'\ndate: 2026-12-01\nevent:\n  date: 2026-12-01\n"
    assert text == f"---\n{fields}---\n\nBody\n"
    assert parse_front_matter(text, "p.md").data["event"]["date"] == day
