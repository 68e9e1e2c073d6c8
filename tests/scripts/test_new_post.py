"""scripts/new_post.py: scaffolds a post that passes the check, and refuses bad choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.posts import allowed_values, check_post, read_front_matter
from scripts import new_post

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
    assert check_post(post, allowed_values(AUTHORS)) == []
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
