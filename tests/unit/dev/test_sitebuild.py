"""The one build helper: which engines it runs, and the environment a build gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.dev import sitebuild


def test_only_the_two_known_engines_run(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="engine 'zensical': use one of mkdocs, properdocs"):
        sitebuild.build_site(tmp_path / "mkdocs.yml", tmp_path / "site", engine="zensical")


def test_builds_are_offline_and_print_materials_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("HUB_FEEDS", "live")
    env = sitebuild.build_env({"HUB_CACHE_DIR": "/tmp/x"})
    assert env["HUB_FEEDS"] == "offline" and env["NO_COLOR"] == "1" and env["HUB_CACHE_DIR"] == "/tmp/x"
    assert "NO_MKDOCS_2_WARNING" not in env
    assert sitebuild.build_env({"HUB_FEEDS": "live"})["HUB_FEEDS"] == "live"


def test_a_failed_build_raises_with_its_log(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: broken\nnav: [missing.md]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    with pytest.raises(sitebuild.BuildFailed, match=r"mkdocs build failed \(1\):\n(?s:.*)missing\.md"):
        sitebuild.build_or_raise(config, tmp_path / "site")


def _tiny_project(folder: Path) -> Path:
    """A one-page MkDocs project in `folder`; its mkdocs.yml."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text("site_name: tiny\n", encoding="utf-8")
    return config


def test_builds_started_together_each_end_with_their_own_site_and_log(tmp_path: Path) -> None:
    first = sitebuild.start_build(_tiny_project(tmp_path / "a"), tmp_path / "a-site")
    second = sitebuild.start_build(_tiny_project(tmp_path / "b"), tmp_path / "b-site")
    for running, name in ((second, "b-site"), (first, "a-site")):
        result = running.result()
        assert result.ok, result.log
        assert result.site == tmp_path / name and (result.site / "index.html").is_file()
        assert f"Building documentation to directory: {tmp_path / name}" in result.log
        running.stop()  # a finished build: nothing to end
        assert running.proc.returncode == 0
