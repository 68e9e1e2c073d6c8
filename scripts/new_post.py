"""Start a new blog post with valid front matter: `make post TITLE="..."`.

    python scripts/new_post.py "Our second masterclass" --category Masterclasses --author events

Writes docs/blog/posts/<today>-<slug>.md with the front matter its category needs (a
`masterclass:` block for Masterclasses), written through python-frontmatter
(hub/core/frontmatter.py) and marked `draft: true` so it shows in deploy previews but not on
the live site until the line is deleted. Never overwrites a post. `--date` in the future
schedules it: once `draft: true` is gone, it goes live on that day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from hub.core.paths import Project, display_path
from hub.core.vocab import load_vocabularies
from hub.core.yamlio import DataErrors
from hub.posts.load import allowed_values, check_post, new_post_path, scaffold

PROJECT = Project(Path(__file__).resolve().parent.parent)


def main(argv: list[str] | None = None) -> int:
    """Write the new post; print where it is; exit 1 on a bad category, author or title."""
    args = _parser().parse_args(argv)
    try:
        vocab = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
        allowed = allowed_values(args.authors, vocab, PROJECT.schemas)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    problem = _bad_choice(args.category, allowed.categories, "category") or _bad_choice(
        args.author, tuple(allowed.authors), "author"
    )
    if problem:
        print(problem, file=sys.stderr)
        return 1
    today = args.date or dt.date.today()
    path = new_post_path(args.posts_dir, args.title, today)
    if path.exists():
        print(f"{display_path(path)} already exists: choose another title", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(args.title, args.category, args.author, today), encoding="utf-8")
    errors = check_post(path, allowed)
    if errors:  # a title the check refuses (too long, or with < or >): say why, leave no file
        path.unlink()
        for error in errors:
            print(error, file=sys.stderr)
        print("No post created: change the title and run the command again.", file=sys.stderr)
        return 1
    print(f"Created {display_path(path)}: write the post, then delete `draft: true` to publish.")
    return 0


def _bad_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """An editor-friendly message if `value` is not one of `allowed`, else an empty string."""
    if value in allowed:
        return ""
    return f"unknown {what} {value!r}: use one of {', '.join(allowed)}"


def _date(text: str) -> dt.date:
    """`--date`: a real date written YYYY-MM-DD, or argparse's one-line error."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2026-11-24"
    )


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description="Start a new blog post with valid front matter.")
    parser.add_argument("title", help="the post's title, in quotes")
    parser.add_argument("--category", default="News", help="News, Masterclasses, Case studies or …")
    parser.add_argument("--author", default="editors", help="an author id from docs/blog/.authors.yml")
    parser.add_argument("--date", type=_date, help="the post's date as YYYY-MM-DD (default: today)")
    parser.add_argument("--posts-dir", type=Path, default=PROJECT.posts, help=argparse.SUPPRESS)
    parser.add_argument("--authors", type=Path, default=PROJECT.authors_file, help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
