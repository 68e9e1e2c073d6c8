"""Hooks called in process on a loaded MkDocsConfig, as MkDocs would call them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from hooks import site
from tests.project import PROJECT


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> Callable[..., MkDocsConfig]:
    """Load mkdocs.yml under the given environment and run hooks/site.py's on_config."""

    def load(config_file: str = str(PROJECT.config_file), **env: str) -> MkDocsConfig:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return site.on_config(load_config(config_file))

    return load
