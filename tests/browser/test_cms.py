"""The browser editor at /admin/ in Chromium: it loads under its own policy, and an editor
creates a post and an organisation through the form against Decap's local backend
(decap-server) on a copy of this repository; what it writes passes the checks and the build.

decap-server runs in its file-system mode, which has no editorial workflow: "Publish now"
writes the file straight into the copy (on the live site the same button is "Save", which
opens a pull request instead).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hub.core.frontmatter import dump_front_matter, parse_front_matter, read_front_matter_file
from hub.dev.preview import free_port, serve_static
from scripts import check_content, check_data
from tests.browser.axe import axe_results, axe_violations
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
    """A signed-in editor on the copy's /admin/, with CSP violations and console errors collected.

    What the editor writes into the copy is removed afterwards, so each test (and each repeat
    of it, `make flaky`) starts from the same files.
    """
    before = written_files(checkout.root)
    context = browser.new_context(base_url=checkout.url)
    page = watch(context.new_page())
    page.set_default_timeout(30_000)
    page.goto("admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="News and blogs").first.wait_for()
    yield page
    context.close()
    for path in written_files(checkout.root) - before:
        path.unlink()


# Where the editor's collections create files (hub/cms/config.py; images go under the posts).
WRITTEN = ("docs/blog/posts", "data/organisations")


def written_files(root: Path) -> set[Path]:
    """The files now in the folders the editor writes to."""
    return {path for folder in WRITTEN for path in (root / folder).rglob("*") if path.is_file()}


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


@pytest.fixture
def saved(checkout: Checkout) -> Iterator[list[Path]]:
    """Files a test saves through the editor, removed after it: the copy is shared by the module,
    and a second run (make flaky) would otherwise find them there and save `…-1` files beside."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        path.unlink(missing_ok=True)


def test_an_editor_publishes_a_post_that_passes_the_checks_and_the_build(
    editor, checkout: Checkout, saved: list[Path], tmp_path: Path
) -> None:
    post = checkout.root / "docs/blog/posts/2026-12-01-written-in-the-browser.md"
    organisation = checkout.root / "data/organisations/browser-trust.yml"
    saved += [post, organisation]
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

    text = post.read_text(encoding="utf-8")
    assert "date: 2026-12-01\n" in text and "The opening paragraph, typed by an editor." in text
    assert check_content.main([str(post), "--authors", str(checkout.root / "docs/blog/.authors.yml")]) == 0
    # What Decap wrote reads through python-frontmatter (the hub's handler) as the editor typed
    # it, and writes back to the same fields and body.
    matter = read_front_matter_file(post)
    assert matter.data["title"] == "Written in the browser" and matter.data["date"] == dt.date(2026, 12, 1)
    assert matter.data["authors"] == ["editors"] and matter.data["categories"] == ["News"]
    again = parse_front_matter(dump_front_matter(matter.data, matter.body), post)
    assert (again.data, again.body.strip()) == (matter.data, matter.body.strip())

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


# axe findings in Decap's own markup that no stylesheet of ours can mend (contrast is mended by
# docs/admin/cms.css): (rule, what it is found on) -> the upstream issue. All are open under
# Decap's accessibility issue; the markdown toggle's was filed alone and closed into it.
A11Y = "https://github.com/decaporg/decap-cms/issues/1333"
UPSTREAM = {
    # The rich-text body (Slate) is a textbox with no accessible name.
    ("aria-input-field-name", "markdown body"): A11Y,
    # The Rich text / Markdown toggle: a switch with no name and no aria-checked.
    ("aria-required-attr", "markdown toggle"): "https://github.com/decaporg/decap-cms/issues/4216",
    ("button-name", "markdown toggle"): "https://github.com/decaporg/decap-cms/issues/4216",
    # The toolbar's Headings and Add-component menus: a role=button holding buttons.
    ("nested-interactive", "toolbar menu"): A11Y,
    # The preview pane is an <iframe> with no title.
    ("frame-title", "preview pane"): A11Y,
}
# How each finding's target is recognised (Decap's emotion class names carry no stable name
# for these, so by the element axe reports).
WHERE = {
    "markdown body": "[data-slate-editor='true']",
    "markdown toggle": "[class*='ToolbarToggle'] [role='switch'], [class*='ToolbarToggle'] button",
    "toolbar menu": "[class*='ToolbarDropdownWrapper'] [role='button'][aria-haspopup='true']",
    "preview pane": "#preview-pane",
}


def test_the_login_screen_passes_axe(strict_page) -> None:
    strict_page.goto("admin/")
    strict_page.get_by_role("button", name="Login with GitHub").wait_for(timeout=30_000)
    found = axe_violations(strict_page)
    assert found == [], "\n".join(found)


SCREENS = {
    # The list, once its entries (summaries start with their date) are drawn.
    "collections/posts": lambda page: page.get_by_role(
        "heading", level=2, name=re.compile(r"^\d{4}-\d\d-\d\d: ")
    ),
    "collections/posts/new": lambda page: page.get_by_role("button", name="Publish"),
    "collections/organisations/new": lambda page: page.get_by_role("button", name="Publish"),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_the_editing_screens_pass_axe_but_for_named_upstream_problems(editor, screen: str) -> None:
    editor.goto(f"admin/#/{screen}")
    SCREENS[screen](editor).first.wait_for()
    found = findings(editor)
    ours = [finding for finding in found if upstream_issue(editor, finding) is None]
    assert ours == [], "\n".join(map(str, ours))
    assert problems(editor) == []
    if screen.endswith("/new"):
        # Each named problem is still there: when Decap mends one, its entry goes.
        seen = {(rule, where) for rule, target, _ in found for (known, where) in UPSTREAM if known == rule}
        assert seen == set(UPSTREAM)


def findings(page) -> list[tuple[str, str, str]]:
    """(rule, target selector, failure summary) of every node axe finds failing."""
    return [
        (violation["id"], node["target"][0], node.get("failureSummary", "").splitlines()[-1])
        for violation in axe_results(page)
        for node in violation["nodes"]
    ]


def upstream_issue(page, finding: tuple[str, str, str]) -> str | None:
    """The upstream issue a finding is, when it is one of UPSTREAM's, else None."""
    rule, target, _ = finding
    for (known_rule, where), issue in UPSTREAM.items():
        found = page.evaluate(
            "([t, css]) => document.querySelector(t)?.matches(css) ?? false", [target, WHERE[where]]
        )
        if rule == known_rule and found:
            return issue
    return None
