"""Invented means labelled where it shows: a post about invented people, organisations or
events says so at the top of its body and at the start of its description, which the blog
lists, the home page, the element pages and the feeds all show.

Called from hooks/posts.py; every problem is a `path:line: field: message`.
"""

from __future__ import annotations

import re
from pathlib import Path

from hub.core.yamlio import DataError, DataErrors
from hub.posts.load import read_front_matter

LABEL = "Illustrative"
# The body's first block: an admonition whose title starts with the label.
_TOP_NOTE = re.compile(rf'^!!! [a-z]+ "{LABEL}\b')


def label_errors(posts: Path) -> list[DataError]:
    """Every illustrative post not labelled where it shows, in every post under `posts`."""
    errors: list[DataError] = []
    for path in sorted(posts.rglob("*.md")):
        errors += post_label_errors(path)
    return errors


def post_label_errors(path: Path) -> list[DataError]:
    """An illustrative post's description and first block carry the label; an invented speaker
    is only allowed in a post marked illustrative."""
    try:
        loaded, body_line = read_front_matter(path)
    except DataErrors:
        return []  # the front matter check reports a broken file
    meta = loaded.data if isinstance(loaded.data, dict) else {}
    errors = []
    if meta.get("illustrative") is True:
        if not str(meta.get("description", "")).startswith(f"{LABEL}:"):
            line = loaded.line_of(("description",))
            errors.append(
                DataError(
                    loaded.path, line, "description", f'must start with "{LABEL}:" (lists and feeds show it)'
                )
            )
        first, at = _first_block(path, body_line)
        if not _TOP_NOTE.match(first):
            message = f'the post must open with a note titled "{LABEL}: …" saying what is invented'
            errors.append(DataError(loaded.path, at, "body", message))
    masterclass = meta.get("masterclass") if isinstance(meta.get("masterclass"), dict) else {}
    for i, speaker in enumerate(masterclass.get("speakers") or []):
        if isinstance(speaker, dict) and speaker.get("illustrative") and meta.get("illustrative") is not True:
            where = ("masterclass", "speakers", i, "illustrative")
            message = "an invented speaker needs the whole post marked `illustrative: true`"
            errors.append(DataError(loaded.path, loaded.line_of(where), f"masterclass.speakers.{i}", message))
    return errors


def _first_block(path: Path, body_line: int) -> tuple[str, int]:
    """The body's first non-blank line and its line number."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for number, line in enumerate(lines[body_line - 1 :], start=body_line):
        if line.strip():
            return line, number
    return "", body_line
