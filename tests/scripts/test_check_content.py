"""scripts/check_content.py: the editors' check prints every problem and exits non-zero."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import check_content

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "posts"
AUTHORS = ["--authors", str(FIXTURES / ".authors.yml")]


def test_site_posts_pass(capsys) -> None:
    assert check_content.main([]) == 0
    assert "All posts are fine." in capsys.readouterr().out


def test_every_problem_in_a_folder_is_printed_and_exit_is_1(capsys) -> None:
    assert check_content.main(["--posts-dir", str(FIXTURES / "bad"), *AUTHORS]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert "tests/fixtures/posts/bad/missing-date.md:2: date: is required" in lines
    assert "tests/fixtures/posts/bad/duplicate-key.md:7: date: duplicate key (first given on line 4)" in lines
    assert lines[-1] == f"{len(lines) - 1} problem(s) found: fix them and run the check again."
    assert len({line.split(":")[0] for line in lines[:-1]}) == len(list((FIXTURES / "bad").glob("*.md")))


def test_named_posts_only(capsys) -> None:
    good = str(FIXTURES / "good" / "a-masterclass.md")
    assert check_content.main([good, *AUTHORS]) == 0
    bad = str(FIXTURES / "bad" / "unknown-author.md")
    assert check_content.main([good, bad, *AUTHORS]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "tests/fixtures/posts/bad/unknown-author.md:7: authors.1: 'nobody' is not allowed: use one of editors"
    )


def test_runs_as_a_command_from_another_directory(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "check_content.py"),
            str(FIXTURES / "bad" / "missing-date.md"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("tests/fixtures/posts/bad/missing-date.md:2: date: is required")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tests/fixtures/posts/good/none.md"], "tests/fixtures/posts/good/none.md: no such file"),
        (["--posts-dir", "tests/fixtures/posts/none"], "tests/fixtures/posts/none: no such folder"),
        (["--authors", "tests/fixtures/posts/none.yml"], "tests/fixtures/posts/none.yml: no such file"),
    ],
)
def test_a_missing_file_is_one_line_and_exit_1(args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stderr, proc.stdout) == (1, message + "\n", "")


def test_github_format_annotates_each_problem_on_its_line(capsys) -> None:
    bad = str(FIXTURES / "bad" / "missing-date.md")
    assert check_content.main([bad, *AUTHORS, "--format", "github"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "::error file=tests/fixtures/posts/bad/missing-date.md,line=2::date: is required"
    ]
    assert out.err.splitlines() == ["1 problem(s) found: fix them and run the check again."]
