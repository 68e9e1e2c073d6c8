"""One build context, made once per build in `on_config` and handed to every later event.

It is kept on the loaded config, so a `mkdocs serve` rebuild (which loads the config afresh)
starts from a new context: no module globals, no caches to clear by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hub.core.paths import Project
from hub.core.settings import Settings, read_settings
from hub.core.vocab import Vocabularies, load_vocabularies

if TYPE_CHECKING:  # only for the annotations: this package does not import MkDocs
    from mkdocs.config.defaults import MkDocsConfig

_KEY = "hub_context"


@dataclass
class BuildContext:
    """What every hook of one build shares: where things are, the settings, the vocabularies,
    and what each feature loaded for later events (by feature name)."""

    project: Project
    settings: Settings
    vocab: Vocabularies
    features: dict[str, Any] = field(default_factory=dict)


def make_context(config: MkDocsConfig) -> BuildContext:
    """Read settings and vocabularies for the project whose mkdocs.yml was loaded as `config`."""
    project = Project.from_config_file(config.config_file_path)
    settings = read_settings(config.extra.get("hub") or {}, project=project, site_url=config.site_url or "")
    vocab = load_vocabularies(project.vocabularies, project.schemas)
    return BuildContext(project, settings, vocab)


def attach(config: MkDocsConfig, context: BuildContext) -> None:
    """Keep `context` on this build's config."""
    config[_KEY] = context


def context_of(config: MkDocsConfig) -> BuildContext:
    """This build's context (made by hooks/site.py, which mkdocs.yml lists first)."""
    try:
        return config[_KEY]
    except KeyError:
        raise RuntimeError("mkdocs.yml must list hooks/site.py first: it makes the build context") from None


def load_context(config_file: Path) -> BuildContext:
    """The context a build of `config_file` would make, for scripts (MkDocs reads the file,
    `!ENV` tags and all, so a script sees exactly the settings a build sees)."""
    from mkdocs.config import load_config

    return make_context(load_config(str(config_file)))
