from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import PluginError

from hub.core.context import context_of
from tests.project import ROOT


def test_settings_come_from_the_environment_through_mkdocs_yml(configured, tmp_path) -> None:
    config = configured(HUB_FEEDS="offline", HUB_FEEDS_TIMEOUT="2.5", HUB_ORGANISATIONS_DIR=str(tmp_path))
    settings = context_of(config).settings
    assert (settings.feeds_mode, settings.feeds_timeout, settings.organisations) == ("offline", 2.5, tmp_path)


def test_a_bad_setting_stops_the_build_with_its_name(configured) -> None:
    with pytest.raises(PluginError, match="HUB_FEEDS='online': use live or offline"):
        configured(HUB_FEEDS="online")


def test_every_config_load_gets_a_fresh_context_with_the_data_as_it_is_now(configured, tmp_path) -> None:
    """`mkdocs serve` loads the config again for each rebuild: an edit to data shows."""
    for name in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    first = context_of(configured(str(tmp_path / "mkdocs.yml")))
    vocab = tmp_path / "data" / "vocabularies.yml"
    vocab.write_text(vocab.read_text().replace("England (all regions)", "All of England"))
    second = context_of(configured(str(tmp_path / "mkdocs.yml")))
    assert first is not second
    assert first.vocab.labels("regions")["england"] == "England (all regions)"
    assert second.vocab.labels("regions")["england"] == "All of England"


def test_paths_come_from_the_loaded_config_file(configured, tmp_path) -> None:
    """A copy of the project reads its own data, wherever the hub package was installed from."""
    for name in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    context = context_of(configured(str(tmp_path / "mkdocs.yml")))
    assert context.project.root == tmp_path
    assert context.settings.organisations == tmp_path / "data" / "organisations"


def test_hooks_load_once_per_process_so_no_state_may_live_in_them(configured) -> None:
    """MkDocs caches loaded hook modules (`mkdocs serve` reuses them for every rebuild), which
    is why hooks keep nothing between builds: each config load gets its own context."""
    first, second = configured(), configured()
    assert first.plugins["hooks/site.py"] is second.plugins["hooks/site.py"]
    assert context_of(first) is not context_of(second)
