"""Check the front matter of every blog post, as the build does: `make check-content`.

Prints every problem at once, one a line, as `path:line: field: what is wrong`, and exits 1 if
there is any. The build (hooks/posts.py) runs the same check, from the same code in hub/posts/.

    python scripts/check_content.py                   # docs/blog/posts/ and docs/blog/.authors.yml
    python scripts/check_content.py path/to/post.md   # only these posts
    python scripts/check_content.py --format github   # as annotations on a pull request
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from hub.core.annotations import FORMATS, render
from hub.core.paths import Project, display_path
from hub.core.vocab import load_vocabularies
from hub.core.yamlio import DataError, DataErrors
from hub.posts.load import allowed_values, check_post, check_posts

PROJECT = Project(Path(__file__).resolve().parent.parent)


def main(argv: list[str] | None = None) -> int:
    """Check the posts named (or all of them); print each problem; exit 1 if any."""
    args = _parser().parse_args(argv)
    missing = _missing(args.posts, args.posts_dir, args.authors)
    if missing:
        print(missing, file=sys.stderr)
        return 1
    try:
        errors = _check(args.posts, args.posts_dir, args.authors)
    except DataErrors as exc:  # the vocabularies themselves are broken
        errors = list(exc.errors)
    for line in render(errors, args.format):
        print(line, file=_stream(args.format))
    if errors:
        print(f"{len(errors)} problem(s) found: fix them and run the check again.", file=sys.stderr)
        return 1
    print("All posts are fine.")
    return 0


def _missing(posts: list[Path], posts_dir: Path, authors: Path) -> str:
    """A one-line message naming the first file or folder that is not there, else ""."""
    wanted = [(path, path.is_file(), "file") for path in posts]
    if not posts:
        wanted.append((posts_dir, posts_dir.is_dir(), "folder"))
    wanted.append((authors, authors.is_file(), "file"))
    for path, found, kind in wanted:
        if not found:
            return f"{display_path(path)}: no such {kind}"
    return ""


def _check(posts: list[Path], posts_dir: Path, authors: Path) -> list[DataError]:
    """Every problem in the named posts, or in the whole posts folder when none are named."""
    vocab = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
    try:
        allowed = allowed_values(authors, vocab, PROJECT.schemas)
    except DataErrors as exc:
        return list(exc.errors)
    if not posts:
        return check_posts(posts_dir, allowed)
    return [error for post in posts for error in check_post(post, allowed)]


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description="Check the front matter of blog posts.")
    parser.add_argument("posts", nargs="*", type=Path, help="posts to check (default: every post)")
    parser.add_argument("--posts-dir", type=Path, default=PROJECT.posts, help="folder of posts")
    parser.add_argument("--authors", type=Path, default=PROJECT.authors_file, help="the authors file")
    parser.add_argument("--format", choices=FORMATS, default="text", help="github: as workflow annotations")
    return parser


def _stream(output_format: str) -> TextIO:
    """Annotations go to standard output, where GitHub Actions reads workflow commands."""
    return sys.stdout if output_format == "github" else sys.stderr


if __name__ == "__main__":
    raise SystemExit(main())
