"""The browser editor at /admin/ in Chromium: it loads under its own policy, and an editor
creates a post and an organisation through the form against Decap's local backend
(decap-server) on a copy of this repository; what it writes passes the checks and the build.

decap-server runs in its file-system mode, which has no editorial workflow: "Publish now"
writes the file straight into the copy (on the live site the same button is "Save", which
opens a pull request instead).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hub.dev.preview import serve_static
from scripts import check_content, check_data
from tests.browser.csp import watch
from tests.conftest import Build, build_site
from tests.project import PROJECT, ROOT

pytestmark = pytest.mark.browser

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


@dataclass(frozen=True)
class Checkout:
    """A copy of the repository that the editor writes to, and its site served under `_headers`."""

    root: Path
    url: str


def free_port() -> int:
    """A port nothing listens on now (decap-server is told to take it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_repository(dest: Path) -> Path:
    """The files git would check out (tracked or new), without .git, .venv or node_modules."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def start_decap_server(repo: Path, port: int) -> subprocess.Popen[str]:
    """decap-server on 127.0.0.1:`port` over `repo`; returns once it says it is listening."""
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)}
    server = subprocess.Popen(
        ["node", str(SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    said = []
    for line in server.stdout:  # blocks until the next line, or '' when the server exits
        said.append(line)
        if "listening on" in line:
            return server
    server.wait()
    pytest.fail("decap-server did not start:\n" + "".join(said), pytrace=False)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checkout]:
    """A copy of the repository, decap-server over it, and its `make cms` build served with headers."""
    repo = copy_repository(tmp_path_factory.mktemp("repo"))
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    built = build_site(
        tmp_path_factory.mktemp("cms-site") / "site",
        {"HUB_CMS_LOCAL_BACKEND": origin, "HUB_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))},
        config=repo / "mkdocs.yml",
    )
    server = start_decap_server(repo, port)
    try:
        with serve_static(built.site, netlify_toml=PROJECT.netlify_toml) as url:
            yield Checkout(repo, url)
    finally:
        server.terminate()
        server.wait()
        server.stdout.close()


@pytest.fixture
def editor(browser, checkout: Checkout) -> Iterator[object]:
    """A signed-in editor on the copy's /admin/, with CSP violations and console errors collected."""
    context = browser.new_context(base_url=checkout.url)
    page = watch(context.new_page())
    page.set_default_timeout(30_000)
    page.goto("admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="News and blogs").first.wait_for()
    yield page
    context.close()


def field(page, name: str) -> object:
    """The input of the field `name` (Decap gives each an id `<name>-field-<n>`)."""
    return page.locator(f"[id^='{name}-field-']").first


def choose(page, name: str, *labels: str) -> None:
    """Pick options in a select field by their labels, as a person types and presses Enter."""
    for label in labels:
        field(page, name).click()
        page.keyboard.type(label)
        page.keyboard.press("Enter")


def publish(page) -> None:
    """Publish now (the local backend's save)."""
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now", exact=True).click()


def wait_until_saved(page, collection: str) -> None:
    """Decap moves from `…/new` to the saved entry's address once the backend has written it."""
    page.wait_for_function(f"() => location.hash.includes('/collections/{collection}/entries/')")


def problems(page) -> list[str]:
    """CSP violations and console errors seen so far."""
    return page.evaluate("() => window.__cspViolations") + page.errors


def test_editor_loads_its_generated_config_under_the_production_headers(strict_page) -> None:
    page = strict_page
    response = page.goto("admin/")
    assert "'unsafe-eval'" in response.headers["content-security-policy"]
    # The GitHub backend's sign-in button appears only once the config has loaded and passed.
    page.get_by_role("button", name="Login with GitHub").wait_for(timeout=30_000)
    assert page.get_by_text("Error loading the CMS configuration").count() == 0
    assert problems(page) == []


def test_an_editor_publishes_a_post_that_passes_the_checks_and_the_build(
    editor, checkout: Checkout, tmp_path: Path
) -> None:
    editor.goto("admin/#/collections/posts/new")
    field(editor, "title").fill("Written in the browser")
    field(editor, "description").fill(
        "A post made through the editor, to prove what it saves passes the build."
    )
    field(editor, "date").fill("2026-12-01")
    choose(editor, "authors", "The hub editors")
    choose(editor, "categories", "News")
    body = editor.locator("[data-slate-editor='true']").first
    body.click()
    editor.keyboard.type("The opening paragraph, typed by an editor.")
    publish(editor)
    wait_until_saved(editor, "posts")

    post = checkout.root / "docs/blog/posts/2026-12-01-written-in-the-browser.md"
    text = post.read_text(encoding="utf-8")
    assert "date: 2026-12-01\n" in text and "The opening paragraph, typed by an editor." in text
    assert check_content.main([str(post), "--authors", str(checkout.root / "docs/blog/.authors.yml")]) == 0

    editor.goto("admin/#/collections/organisations/new")
    field(editor, "name").fill("Browser Trust")
    field(editor, "summary").fill(
        "Helps employers test that the editor writes organisations the build accepts."
    )
    field(editor, "website").fill("https://www.example.org.uk/")
    choose(editor, "where", "London", "Wales")
    choose(editor, "stages", "Outreach")
    choose(editor, "support", "Mentoring")
    choose(editor, "elements", "The employee journey")
    choose(editor, "type", "Charity")
    field(editor, "last_reviewed").fill("2026-11-25")
    publish(editor)
    wait_until_saved(editor, "organisations")

    organisation = checkout.root / "data/organisations/browser-trust.yml"
    assert "website: https://www.example.org.uk/" in organisation.read_text(encoding="utf-8")
    assert check_data.main(["--folder", str(checkout.root / "data/organisations")]) == 0
    assert problems(editor) == []

    site = build_site(
        tmp_path / "site", {"HUB_CACHE_DIR": str(tmp_path)}, config=checkout.root / "mkdocs.yml"
    )
    assert_page(site, "blog/2026/12/01/written-in-the-browser/", "Written in the browser")
    assert_page(site, "organisations/browser-trust/", "Browser Trust")


def assert_page(site: Build, url: str, title: str) -> None:
    """The strict build made a page at `url` whose heading is `title`."""
    assert site.page_file(url).is_file(), url
    assert site.html(url).find("h1").get_text(strip=True).startswith(title)


def test_a_post_with_a_required_field_empty_is_refused_and_nothing_is_written(
    editor, checkout: Checkout
) -> None:
    before = sorted(p.name for p in (checkout.root / "docs/blog/posts").iterdir())
    editor.goto("admin/#/collections/posts/new")
    field(editor, "title").fill("No description")
    field(editor, "date").fill("2026-12-02")
    choose(editor, "authors", "The hub editors")
    choose(editor, "categories", "News")
    publish(editor)
    editor.get_by_text("Oops, you've missed a required field.", exact=False).wait_for()
    assert editor.get_by_text("Description is required.").count() == 1
    assert sorted(p.name for p in (checkout.root / "docs/blog/posts").iterdir()) == before
    assert "collections/posts/new" in editor.url
