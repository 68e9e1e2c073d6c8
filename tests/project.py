"""This checkout as the tests see it: its folders and its vocabularies, read once."""

from __future__ import annotations

from pathlib import Path

from hub.core.context import load_context
from hub.core.paths import Project
from hub.core.vocab import load_vocabularies

ROOT = Path(__file__).resolve().parent.parent
PROJECT = Project(ROOT)
VOCAB = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
# The site's address as mkdocs.yml gives it, read the way a build reads it.
SITE_URL = load_context(PROJECT.config_file).settings.site_url
