"""Where the project's files live, resolved from this file, never from the working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = DATA / "schemas"
DOCS = ROOT / "docs"
OVERRIDES = ROOT / "overrides"


def display_path(path: Path) -> str:
    """Return `path` relative to the project root when it lies inside it, for messages."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
