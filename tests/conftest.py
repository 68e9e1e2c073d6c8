"""Shared fixtures: one real build of the site, a local HTTP server for it, Chromium, and the
large site (the real one with synthetic posts and organisations added), built once a session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub.dev import sitebuild
from hub.dev.browser import chromium, chromium_path
from hub.dev.preview import serve_static
from hub.dev.scratch import (
    LARGE_ORGANISATIONS,
    LARGE_POSTS,
    large_organisations,
    scratch_env,
    write_large_project,
)
from tests.project import PROJECT, ROOT, VOCAB

# Tests that take this fixture run on the large site; they run last (see below).
LARGE_SITE = "large_site"


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--repeat N`: the option behind `make flaky`."""
    parser.addoption(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="run every selected test N times in a row, each run its own test (make flaky)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Refuse a repeat count that would run nothing."""
    if config.getoption("repeat") < 1:
        raise pytest.UsageError("--repeat takes a whole number of runs, 1 or more")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests on the large site run last, in their order: its build, started as the session
    starts (`_large_build`), runs beside every other test instead of before its own."""
    items.sort(key=lambda item: LARGE_SITE in getattr(item, "fixturenames", ()))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Under `--repeat N`, parametrize every test N times: `test_x[run-3-of-20]`, run one after another."""
    runs = metafunc.config.getoption("repeat")
    if runs > 1:
        metafunc.fixturenames.append("repeat_run")
        metafunc.parametrize("repeat_run", range(1, runs + 1), ids=lambda n: f"run-{n}-of-{runs}")


@dataclass(frozen=True)
class Build:
    """A finished build: where the site is, and what the build printed."""

    site: Path
    log: str

    def html(self, url_path: str) -> BeautifulSoup:
        """Parse the built page at a site URL such as `strategy/data/`."""
        return BeautifulSoup(self.page_file(url_path).read_text(encoding="utf-8"), "html.parser")

    def page_files(self) -> list[Path]:
        """Every HTML page of the site (404 included). The editor at admin/ is Decap CMS's own
        application, not a page of the site: tests/build/test_cms.py and test_cms.py cover it."""
        return [f for f in sorted(self.site.rglob("*.html")) if f.relative_to(self.site).parts[0] != "admin"]

    def page_urls(self) -> list[str]:
        """Every page as a site-relative URL, such as `strategy/data/` (404.html as it is)."""
        return [f.relative_to(self.site).as_posix().removesuffix("index.html") for f in self.page_files()]

    def page_file(self, url_path: str) -> Path:
        """Return the HTML file that serves `url_path`."""
        target = self.site / url_path.strip("/")
        return target if target.suffix == ".html" else target / "index.html"


def build_site(dest: Path, env: dict[str, str] | None = None, config: Path = ROOT / "mkdocs.yml") -> Build:
    """Run the real strict build into `dest`; fail with the build's own log if it fails."""
    result = sitebuild.build_site(config, dest, env)
    if not result.ok:
        pytest.fail(f"mkdocs build failed ({result.returncode}):\n{result.log}", pytrace=False)
    return Build(result.site, result.log)


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once for the whole test session (offline feeds)."""
    cache = tmp_path_factory.mktemp("cache")
    return build_site(tmp_path_factory.mktemp("site") / "site", {"HUB_CACHE_DIR": str(cache)})


@pytest.fixture(scope="session")
def site_url(build: Build) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 on a free port; yield its base URL."""
    with serve_static(build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session. Under CI a missing browser is a failure."""
    # Playwright is in requirements-dev.txt, so it is always there under `make test`; a broken
    # install fails loudly (an ImportError) rather than skipping.
    if chromium_path() is None and os.environ.get("CI"):
        pytest.fail("CI must run the browser tests, but no Chromium was found at /usr/bin/chromium")
    with chromium() as launched:
        yield launched


def collecting_page(context: object) -> object:
    """A new page of `context` whose console errors and page errors are collected on `page.errors`."""
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    new_page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    new_page.errors = errors
    new_page.set_default_timeout(15_000)
    return new_page


@pytest.fixture
def page(browser, site_url: str) -> Iterator[object]:
    """A fresh browser page; console errors and page errors are collected on `page.errors`."""
    context = browser.new_context(base_url=site_url)
    yield collecting_page(context)
    context.close()


@pytest.fixture(scope="session")
def preview_url(build: Build) -> Iterator[str]:
    """The built site served as `make preview` serves it: under `_headers` and redirects."""
    with serve_static(build.site, netlify_toml=PROJECT.netlify_toml) as url:
        yield url


@dataclass
class LargeBuild:
    """The large site's build: started in the background, or a finished one kept from before."""

    site: Path
    running: sitebuild.RunningBuild | None

    def finished(self) -> Path:
        """Wait for the build if it runs; fail with its log if it failed; the site."""
        if self.running is not None:
            result = self.running.result()
            self.running = None
            if not result.ok:
                pytest.fail(
                    f"the large site's build failed ({result.returncode}):\n{result.log}", pytrace=False
                )
        return self.site


def start_large_build(folder: Path) -> LargeBuild:
    """Write the large site's project into `folder` and start its strict build in the background;
    a folder that already holds a finished build (HUB_LARGE_SITE) is used as it is."""
    site = folder / "site"
    if (site / "pagefind" / "pagefind.js").is_file():
        return LargeBuild(site, None)
    for written in (folder / "project", large_organisations(folder)):  # a kept folder's unfinished run
        shutil.rmtree(written, ignore_errors=True)
    config = write_large_project(PROJECT, folder, VOCAB, posts=LARGE_POSTS, orgs=LARGE_ORGANISATIONS)
    env = scratch_env(folder / "cache", large_organisations(folder))
    return LargeBuild(site, sitebuild.start_build(config, site, env))


@pytest.fixture(scope="session", autouse=True)
def _large_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LargeBuild | None]:
    """Start the large site's build with the session when a selected test uses it, so that it
    runs beside the other tests. HUB_LARGE_SITE=/some/folder keeps the build between sessions
    (delete the folder after changing the site)."""
    if not any(LARGE_SITE in getattr(item, "fixturenames", ()) for item in request.session.items):
        yield None
        return
    kept = os.environ.get("HUB_LARGE_SITE")
    large = start_large_build(Path(kept) if kept else tmp_path_factory.mktemp("large"))
    yield large
    if large.running is not None:  # the session ended before a test needed the site
        large.running.stop()


@pytest.fixture(scope="session")
def large_site(_large_build: LargeBuild | None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with LARGE_POSTS synthetic posts and LARGE_ORGANISATIONS synthetic
    organisations added, built once a session (strict, offline feeds); the tests of the search
    and of the directory at that size share it."""
    large = _large_build or start_large_build(tmp_path_factory.mktemp("large"))
    site = large.finished()
    assert len(list(site.glob("blog/20*/*/*/synthetic-post-*/index.html"))) == LARGE_POSTS
    assert len(list(site.glob("organisations/synthetic-*/index.html"))) == LARGE_ORGANISATIONS
    return site


@pytest.fixture(scope="session")
def large_url(large_site: Path) -> Iterator[str]:
    """The large site served on 127.0.0.1; its base URL."""
    with serve_static(large_site) as url:
        yield url
