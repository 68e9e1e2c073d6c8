"""The engine fallback: ProperDocs (a maintained fork of MkDocs 1.6, installed with
mkdocs-rss-plugin) builds the same site from the same mkdocs.yml, and fails the same way.

README.md ("If MkDocs or Material break") says how to switch; these tests keep it true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hub.dev.sitebuild import BuildResult, build_site
from tests.conftest import Build
from tests.project import ROOT

CONFIG = ROOT / "mkdocs.yml"
# The one line each page carries that names the engine that built it.
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def fallback(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site built strictly with ProperDocs, with its own feed cache."""
    folder = tmp_path_factory.mktemp("properdocs")
    built = build_site(CONFIG, folder / "site", {"HUB_CACHE_DIR": str(folder / "cache")}, engine="properdocs")
    if not built.ok:
        pytest.fail(f"properdocs build failed ({built.returncode}):\n{built.log}", pytrace=False)
    return built


# Pagefind names each chunk by a hash of its content, and writes the search's filter chunk
# (the group of every page: hub/search/pages.py) with its values in no fixed order, so that
# chunk's name, and that of the metadata file naming it, differ between any two builds, by
# either engine. Those two are compared by where they are, not by their hash.
_FILTER_CHUNK = re.compile(r"^(pagefind/(?:filter/|pagefind\.)[a-z]+)_[0-9a-f]+(\.pf_(?:filter|meta))$")


def _files(site: Path, pattern: str = "*") -> list[str]:
    """Every file under `site` matching `pattern`, as sorted paths relative to it."""
    paths = (p.relative_to(site).as_posix() for p in site.rglob(pattern) if p.is_file())
    return sorted(_FILTER_CHUNK.sub(r"\1_<hash>\2", path) for path in paths)


def test_properdocs_builds_the_same_pages(build: Build, fallback: BuildResult) -> None:
    pages = _files(build.site, "index.html")
    assert len(pages) > 50 and "organisations/index.html" in pages
    assert _files(fallback.site, "index.html") == pages
    assert _files(fallback.site) == _files(build.site)


def test_properdocs_writes_the_same_headers(build: Build, fallback: BuildResult) -> None:
    # The same inline scripts in the same pages: the CSP hashes and every rule agree.
    ours = (build.site / "_headers").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in ours
    assert (fallback.site / "_headers").read_text(encoding="utf-8") == ours


def test_properdocs_pages_differ_only_in_the_generator_line(build: Build, fallback: BuildResult) -> None:
    different = []
    for page in _files(build.site, "*.html"):
        ours, theirs = ((site / page).read_text(encoding="utf-8") for site in (build.site, fallback.site))
        if GENERATOR.sub("", ours) != GENERATOR.sub("", theirs):
            different.append(page)
    assert not different
    assert 'content="mkdocs-ProperDocs' in (fallback.site / "index.html").read_text(encoding="utf-8")


def test_properdocs_stops_on_bad_data_with_the_same_message(tmp_path: Path) -> None:
    bad = {"HUB_ORGANISATIONS_DIR": str(ROOT / "tests" / "fixtures" / "organisations" / "bad")}
    engines = ("mkdocs", "properdocs")
    results = [build_site(CONFIG, tmp_path / engine, bad, engine=engine) for engine in engines]
    for result in results:
        assert result.returncode == 1 and "Traceback" not in result.log
        assert not (result.site / "index.html").exists()
    line = "tests/fixtures/organisations/bad/missing-field.yml:1: website: is required"
    assert all(line in result.log for result in results)
    problems = [re.search(r"\d+ problem\(s\) in the organisation data:", r.log) for r in results]
    assert problems[0] and problems[1] and problems[0].group() == problems[1].group()
