"""This checkout as the tests see it: its folders and its vocabularies, read once."""

from __future__ import annotations

import shutil
from pathlib import Path

from hub.core.context import load_context
from hub.core.paths import Project
from hub.core.vocab import load_vocabularies

ROOT = Path(__file__).resolve().parent.parent
PROJECT = Project(ROOT)
VOCAB = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
# The site's address as mkdocs.yml gives it, read the way a build reads it.
SITE_URL = load_context(PROJECT.config_file).settings.site_url


def copy_project(dest: Path) -> Path:
    """A copy of this checkout's site sources in `dest` (Node modules linked, not copied), as a
    maintainer gets by copying the folder; return its mkdocs.yml."""
    for name in ("docs", "overrides", "hooks", "data", "includes"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest / "mkdocs.yml"
