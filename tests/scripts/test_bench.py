"""`make bench` keeps working: a tiny run of each site benchmark prints its figures, and the
stock-Material scratch project really is stock Material on the same pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from hub.dev.scratch import GENERATED_NAV_PAGE, write_scratch_project
from hub.dev.synthetic import directory_with_extra
from tests.project import PROJECT, ROOT, VOCAB

SMALL_RUN = ["--only", "site-build", "--only", "page-weight"]


@pytest.mark.browser
def test_bench_runs_small_and_prints_figures(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/bench.py", "--orgs", "5", "--posts", "5", *SMALL_RUN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"real site: ours [\d.]+ s, stock Material [\d.]+ s, ratio [\d.]+", out)
    assert re.search(r"5 posts \+ 5 organisations: ours [\d.]+ s", out)
    assert re.search(r"home: ours \d+ requests, \d+ KB \[largest: .*\]; stock Material \d+ requests", out)
    assert re.search(r"directory: ours \d+ requests, \d+ KB .*; stock Material no such page", out)
    # The guidance page loads what home does, less the sitemap beside home's feed links
    # (feeds/sitemap.xml), plus its own tool (the plan: a stylesheet, two modules and its
    # data); a request lost to a closing context would show here.
    home = re.search(r"home: ours (\d+) requests", out)
    guidance = re.search(r"guidance: ours (\d+) requests", out)
    assert home and guidance and int(guidance[1]) >= int(home[1]) - 1 + 4


def _nav_pages(nav: list) -> list[str]:
    """Every page path named in a loaded nav, at any depth."""
    pages = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(target) if isinstance(target, list) else [target]
    return pages


def test_stock_project_inherits_everything_but_hooks_templates_and_the_generated_page(
    tmp_path: Path,
) -> None:
    orgs = directory_with_extra(tmp_path / "orgs", PROJECT.organisations, 2, VOCAB)
    project = write_scratch_project(PROJECT, tmp_path / "stock", hooks=False, posts=2, orgs=orgs)
    real = load_config(str(ROOT / "mkdocs.yml"))
    stock = load_config(str(project / "mkdocs.yml"))
    assert "INHERIT" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert not stock["hooks"] and real["hooks"]
    assert stock["theme"].custom_dir == str(project / "stock-overrides")
    assert not any((project / "stock-overrides").iterdir())
    assert GENERATED_NAV_PAGE in _nav_pages(real["nav"])
    assert _nav_pages(stock["nav"]) == [p for p in _nav_pages(real["nav"]) if p != GENERATED_NAV_PAGE]
    assert stock["docs_dir"] == str(project / "docs")
    for key in ("site_name", "site_url", "markdown_extensions", "extra"):
        assert stock[key] == real[key], key
    # Stock Material searches with its own plugin; the hub's search is a hook (Pagefind).
    assert "search" not in real["plugins"] and "material/search" not in real["plugins"]
    own_plugins = [name for name in real["plugins"] if name not in real["hooks"]]
    assert list(stock["plugins"]) == ["material/search", *own_plugins]
    assert (project / "docs" / "organisations" / "synthetic-00001.md").is_file()
    assert len(list((project / "docs" / "blog" / "posts").glob("synthetic-*.md"))) == 2


def test_our_scratch_project_keeps_the_hooks_and_reads_its_own_folder(tmp_path: Path) -> None:
    project = write_scratch_project(PROJECT, tmp_path / "ours", hooks=True, posts=0, orgs=None)
    ours = load_config(str(project / "mkdocs.yml"))
    assert len(ours["hooks"]) == len(load_config(str(ROOT / "mkdocs.yml"))["hooks"])
    assert ours["theme"].custom_dir == str(project / "overrides")
    assert ours["config_file_path"] == str(project / "mkdocs.yml")
    # The build reads the host's redirects from netlify.toml (they become `_headers` rules).
    assert (project / "netlify.toml").resolve() == PROJECT.netlify_toml.resolve()
