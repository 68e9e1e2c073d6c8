"""Hooks called in process on a loaded MkDocsConfig, as MkDocs would call them.

The config comes from MkDocs' public API: `load_config`, then every plugin's and hook's
`on_config` through `config.plugins.on_config`, as a build starts. So a hook test sees the build
context (hooks/site.py) and what other features set up in on_config (hooks/posts.py), and
calls the hook under test's later events directly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.project import PROJECT


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> Callable[..., MkDocsConfig]:
    """Load mkdocs.yml under the given environment and run every on_config, as a build does."""

    def load(config_file: str = str(PROJECT.config_file), **env: str) -> MkDocsConfig:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        config = load_config(config_file)
        return config.plugins.on_config(config)

    return load
