"""Blog posts: front matter checks (a table of broken posts), scaffolds and lists of posts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hub.core.yamlio import DataErrors
from hub.posts.load import (
    PostSummary,
    allowed_values,
    by_tag,
    check_post,
    check_posts,
    load_authors,
    new_post_path,
    read_front_matter,
    scaffold,
    summary_from_meta,
)
from tests.project import PROJECT, ROOT, VOCAB

FIXTURES = ROOT / "tests" / "fixtures" / "posts"
AUTHORS = FIXTURES / ".authors.yml"
BAD = "tests/fixtures/posts/bad/"
CATEGORIES = "News, Masterclasses, Case studies, Guidance updates"

# One row per broken post: every message the check gives for it, in line order.
BAD_POSTS = [
    ("missing-date.md", ["2: date: is required"]),
    ("unknown-author.md", ["7: authors.1: 'nobody' is not allowed: use one of editors"]),
    ("unknown-category.md", [f"7: categories.0: 'Opinion' is not allowed: use one of {CATEGORIES}"]),
    (
        "yaml-syntax.md",
        [
            "7: YAML syntax: found unexpected end of stream "
            "(while scanning a quoted scalar, which starts on line 3)"
        ],
    ),
    (
        "wrong-types.md",
        [
            "2: title: must be text, not the number 42",
            "5: authors: must be a list, not 'editors'",
            "7: tags: must be a list, not 'Analysis of data'",
            "8: draft: must be true or false, not 'maybe'",
        ],
    ),
    ("description-too-long.md", ["3: description: is 162 characters long; the most is 160"]),
    (
        "broken-masterclass.md",
        [
            "8: masterclass.event_date: must be a date written as YYYY-MM-DD, for example 2026-03-12",
            "9: masterclass.format: 'hybrid' is not allowed: use one of online, in person",
            "11: masterclass.speakers.0.role: is required",
            "15: masterclass.resources.0.url: must be a page on this site ending in /, such as "
            "strategy/employee-journey/outreach/, or a full https:// address",
        ],
    ),
    ("masterclass-block-missing.md", ["2: masterclass: is required"]),
    (
        "no-front-matter.md",
        ["1: front matter: missing: the file must start with a line of three dashes (---)"],
    ),
    ("unclosed.md", ["1: front matter: is not closed: add a line of three dashes (---) after it"]),
    (
        "front-matter-list.md",
        ["2: (document): front matter must be fields such as `title: ...`, one per line"],
    ),
    ("duplicate-key.md", ["7: date: duplicate key (first given on line 4)"]),
    ("impossible-date.md", ["4: date: '2026-13-01' is not a valid date: month must be in 1..12"]),
    ("quoted-date.md", ["4: date: write the date without quotes, for example 2026-05-12"]),
    (
        "quoted-event-date.md",
        ["8: masterclass.event_date: write the date without quotes, for example 2026-03-12"],
    ),
    (
        "markup-in-text.md",
        ["2: title: must not contain < or >", "3: description: must not contain < or >"],
    ),
    (
        "many-problems.md",
        [
            "2: description: is required",
            "3: descripton: is not a known field: check its spelling",
            "5: authors.0: 'someone' is not allowed: use one of editors",
            f"6: categories.0: 'Blog' is not allowed: use one of {CATEGORIES}",
            "9: body: the title goes in front matter (title:); start headings in the text at ## level",
        ],
    ),
]


@pytest.fixture(scope="module")
def allowed():
    return allowed_values(AUTHORS, VOCAB, PROJECT.schemas)


@pytest.mark.parametrize(("name", "expected"), BAD_POSTS, ids=[row[0] for row in BAD_POSTS])
def test_each_broken_post_is_reported_with_file_line_and_field(
    allowed, name: str, expected: list[str]
) -> None:
    found = [str(error) for error in check_post(FIXTURES / "bad" / name, allowed)]
    assert found == [BAD + name + ":" + line for line in expected]


def test_the_table_covers_every_bad_fixture() -> None:
    assert {p.name for p in (FIXTURES / "bad").glob("*.md")} == {name for name, _ in BAD_POSTS}


def test_a_complete_post_passes(allowed) -> None:
    assert check_post(FIXTURES / "good" / "a-masterclass.md", allowed) == []


def test_every_post_of_the_site_passes() -> None:
    allowed = allowed_values(PROJECT.authors_file, VOCAB, PROJECT.schemas)
    assert [str(e) for e in check_posts(PROJECT.posts, allowed)] == []


def test_check_posts_reports_every_file_together(allowed) -> None:
    found = check_posts(FIXTURES / "bad", allowed)
    assert {e.path.rsplit("/", 1)[-1] for e in found} == {name for name, _ in BAD_POSTS}
    assert len(found) == sum(len(lines) for _, lines in BAD_POSTS)


def test_a_masterclass_block_needs_the_masterclass_category(tmp_path: Path, allowed) -> None:
    text = (FIXTURES / "good" / "a-masterclass.md").read_text().replace("[Masterclasses]", "[News]")
    post = tmp_path / "p.md"
    post.write_text(text)
    found = [str(e).split(":", 1)[1] for e in check_post(post, allowed)]
    assert found == ["6: categories: a post with a masterclass block must be in the Masterclasses category"]


def test_a_broken_authors_file_is_reported(tmp_path: Path) -> None:
    authors = tmp_path / "authors.yml"
    authors.write_text("authors:\n  editors:\n    name: Editors\n")
    with pytest.raises(DataErrors) as caught:
        allowed_values(authors, VOCAB, PROJECT.schemas)
    found = [str(e).split(":", 1)[1] for e in caught.value.errors]
    assert found == ["2: authors.editors.avatar: is required", "2: authors.editors.description: is required"]


GOOD_AUTHOR = {
    "name": "The editors",
    "description": "Write the guidance",
    "avatar": "assets/authors/editors.svg",
    "url": "https://example.org/editors",
}
AVATAR = (
    "must be an image in this site's docs folder, such as assets/authors/editors.svg (svg, png, jpg or webp)"
)

# One row per broken author field: the value written, and the message for it.
BAD_AUTHORS = [
    ("name", "The <i>editors</i>", "must not contain < or >"),
    ("description", "Write <script>x</script>", "must not contain < or >"),
    ("url", "javascript:alert(1)", "must be a full web address starting with https://"),
    ("url", "http://example.org/", "must be a full web address starting with https://"),
    ("url", 'https://example.org/"onmouseover="x', "must be a full web address starting with https://"),
    ("avatar", "javascript:alert(1)", AVATAR),
    ("avatar", "https://example.org/me.png", AVATAR),
    ("avatar", "/assets/me.png", AVATAR),
    ("avatar", "assets/../../secret.svg", AVATAR),
    ("avatar", 'me.png" onerror="x', AVATAR),
    ("avatar", "assets/authors/notes.txt", AVATAR),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_AUTHORS)
def test_each_broken_author_field_is_reported(tmp_path: Path, field: str, value: str, message: str) -> None:
    lines = ["authors:", "  editors:"]
    lines += [
        f"    {key}: {json.dumps(value if key == field else good)}" for key, good in GOOD_AUTHOR.items()
    ]
    authors = tmp_path / "authors.yml"
    authors.write_text("\n".join(lines) + "\n")
    line = 3 + list(GOOD_AUTHOR).index(field)
    with pytest.raises(DataErrors) as caught:
        load_authors(authors, PROJECT.schemas)
    assert str(caught.value) == f"{authors}:{line}: authors.editors.{field}: {message}"


def test_a_good_author_with_a_web_address_passes(tmp_path: Path) -> None:
    authors = tmp_path / "authors.yml"
    authors.write_text("authors:\n  editors:\n" + "".join(f"    {k}: {v}\n" for k, v in GOOD_AUTHOR.items()))
    assert load_authors(authors, PROJECT.schemas)["editors"]["url"] == "https://example.org/editors"


def test_a_missing_authors_file_is_one_message(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        load_authors(tmp_path / "none.yml", PROJECT.schemas)
    assert str(caught.value) == f"{tmp_path}/none.yml:1: no such file: posts name their authors from it"


def test_a_missing_post_is_one_message(tmp_path: Path, allowed) -> None:
    found = [str(e) for e in check_post(tmp_path / "gone.md", allowed)]
    assert found == [f"{tmp_path}/gone.md:1: cannot be read: No such file or directory"]


def test_allowed_values_come_from_the_vocabularies_and_authors_file() -> None:
    allowed = allowed_values(PROJECT.authors_file, VOCAB, PROJECT.schemas)
    assert allowed.categories == ("News", "Masterclasses", "Case studies", "Guidance updates")
    assert set(allowed.authors) == {"editors"}  # no invented team
    assert {term.tag for term in VOCAB["elements"]} <= set(allowed.tags)


def test_front_matter_lines_are_file_lines() -> None:
    loaded, body_line = read_front_matter(FIXTURES / "good" / "a-masterclass.md")
    assert loaded.line_of(["title"]) == 2
    assert loaded.line_of(["masterclass", "speakers", 0]) == 14
    assert body_line == 19


def test_a_scaffold_passes_the_check_for_every_category(tmp_path: Path, allowed) -> None:
    for category in allowed.categories:
        post = new_post_path(tmp_path, f"A {category} post", dt.date(2026, 11, 24))
        post.write_text(scaffold(f'A "{category}" post: #1', category, "editors", dt.date(2026, 11, 24)))
        assert check_post(post, allowed) == [], category
        meta = read_front_matter(post)[0].data
        assert meta["draft"] is True and meta["date"] == dt.date(2026, 11, 24)
        assert meta["title"] == f'A "{category}" post: #1'
        assert ("masterclass" in meta) == (category == "Masterclasses")


def test_new_post_path_is_dated_and_slugged() -> None:
    assert (
        new_post_path(PROJECT.posts, "Hello, world", dt.date(2026, 1, 2)).name == "2026-01-02-hello-world.md"
    )
    assert new_post_path(PROJECT.posts, "!!!", dt.date(2026, 1, 2)).name == "2026-01-02-post.md"


def _post(title: str, day: int, tags: tuple[str, ...] = (), draft: bool = False) -> PostSummary:
    return PostSummary(title, f"blog/{title}/", dt.date(2026, 1, day), "News", "d", tags, draft)


def test_newest_skips_drafts_and_sorts_newest_first() -> None:
    from hub.posts.load import newest

    posts = [_post("a", 1), _post("b", 5), _post("c", 9, draft=True), _post("d", 3), _post("e", 4)]
    assert [p.title for p in newest(posts)] == ["b", "e", "d"]


def test_by_tag_groups_published_posts_newest_first() -> None:
    posts = [_post("a", 1, ("X",)), _post("b", 5, ("X", "Y")), _post("c", 9, ("X",), draft=True)]
    grouped = by_tag(posts)
    assert [p.title for p in grouped["X"]] == ["b", "a"] and [p.title for p in grouped["Y"]] == ["b"]


def test_summary_from_meta_accepts_dates_and_datetimes() -> None:
    meta = {"title": "T", "date": dt.datetime(2026, 2, 3, 10, 0), "categories": ["News"], "description": "D"}
    summary = summary_from_meta(meta, "blog/t/")
    assert summary.date == dt.date(2026, 2, 3) and summary.category == "News" and summary.tags == ()


def test_empty_front_matter_is_an_error(tmp_path: Path) -> None:
    post = tmp_path / "empty.md"
    post.write_text("---\n---\nBody\n")
    with pytest.raises(DataErrors, match="front matter: is empty"):
        read_front_matter(post)
