"""scripts/new_post.py: scaffolds a post that passes the check, and refuses bad choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.posts.load import allowed_values, check_post, read_front_matter
from scripts import new_post
from tests.project import PROJECT, VOCAB

AUTHORS = Path(__file__).resolve().parent.parent / "fixtures" / "posts" / ".authors.yml"


def run(tmp_path: Path, *args: str) -> int:
    return new_post.main(
        [*args, "--date", "2026-11-24", "--posts-dir", str(tmp_path), "--authors", str(AUTHORS)]
    )


@pytest.mark.parametrize("category", ["News", "Masterclasses", "Case studies", "Guidance updates"])
def test_new_post_passes_the_check(tmp_path: Path, category: str, capsys) -> None:
    assert (
        run(tmp_path, "Our outreach masterclass: a write-up", "--category", category, "--author", "editors")
        == 0
    )
    post = tmp_path / "2026-11-24-our-outreach-masterclass-a-write-up.md"
    assert check_post(post, allowed_values(AUTHORS, VOCAB, PROJECT.schemas)) == []
    meta = read_front_matter(post)[0].data
    assert meta["categories"] == [category] and meta["authors"] == ["editors"] and meta["draft"] is True
    assert capsys.readouterr().err == ""


def test_never_overwrites(tmp_path: Path, capsys) -> None:
    assert run(tmp_path, "Same title") == 0
    assert run(tmp_path, "Same title") == 1
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--category", "Opinion"], "unknown category 'Opinion': use one of News, Masterclasses,"),
        (["--author", "nobody"], "unknown author 'nobody': use one of editors"),
    ],
)
def test_refuses_unknown_choices(tmp_path: Path, args: list[str], message: str, capsys) -> None:
    assert run(tmp_path, "A title", *args) == 1
    assert capsys.readouterr().err.startswith(message)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Hiring <b>better</b>", "title: must not contain < or >"),
        ("x" * 121, "title: is 121 characters long; the most is 120"),
    ],
)
def test_a_scaffold_that_fails_the_check_exits_1_and_leaves_no_file(
    tmp_path: Path, title: str, message: str, capsys
) -> None:
    assert run(tmp_path, title) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(f".md:2: {message}")
    assert err[-1] == "No post created: change the title and run the command again."
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("value", ["24/11/2026", "2026-13-01", "2026-W48-1", "tomorrow"])
def test_a_bad_date_is_one_line_not_a_traceback(tmp_path: Path, value: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        new_post.main(["A title", "--date", value, "--posts-dir", str(tmp_path), "--authors", str(AUTHORS)])
    assert caught.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].endswith(
        f"error: argument --date: {value!r} is not a date: write it as YYYY-MM-DD, for example 2026-11-24"
    )
    assert "Traceback" not in "\n".join(err) and not list(tmp_path.iterdir())
