"""netlify.toml and the generated _headers, checked against the real build."""

from __future__ import annotations

import re
import urllib.request

import pytest

from hub.deploy.headers import (
    ADMIN,
    ASSET_CACHE,
    admin_policy,
    inline_script_hashes,
    meta_policy,
    published_paths,
    url_path,
)
from hub.deploy.headers import policy as csp_policy
from hub.deploy.netlify import headers_for, load_netlify_toml, parse_headers, pattern_regex, redirects
from tests.conftest import Build
from tests.project import PROJECT, ROOT

SECURITY = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Set with the policy, by the rule that sets it (the editor needs its own of each).
WITH_THE_POLICY = ("Content-Security-Policy", "Cross-Origin-Opener-Policy")
UNKNOWN = "/no-such-page/"


def makefile_variable(name: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(rf"^{name} := (.+)$", text, re.MULTILINE).group(1).strip()


def test_netlify_builds_exactly_like_make_build() -> None:
    # The pinned Node install (Decap CMS for /admin/) first, then the strict build.
    config = load_netlify_toml(PROJECT.netlify_toml)
    expected = f"{makefile_variable('NODE_INSTALL')} && {makefile_variable('BUILD_CMD')}"
    assert config["build"]["command"] == expected
    assert config["build"]["publish"] == "site"
    assert config["build"]["environment"]["PYTHON_VERSION"]


def test_netlify_contexts_and_feed_mode() -> None:
    config = load_netlify_toml(PROJECT.netlify_toml)
    assert config["context"]["production"]["environment"]["HUB_FEEDS"] == "live"
    for context in ("deploy-preview", "branch-deploy"):
        assert context in config["context"]


def test_headers_are_defined_once_in_the_generated_file() -> None:
    # Netlify cannot scope netlify.toml headers to a context: they would apply everywhere.
    assert "headers" not in load_netlify_toml(PROJECT.netlify_toml)


def test_netlify_toml_ends_with_the_404_rule() -> None:
    last = load_netlify_toml(PROJECT.netlify_toml)["redirects"][-1]
    assert (last["from"], last["to"], last["status"]) == ("/*", "/404.html", 404)


@pytest.fixture(scope="module")
def rules(build: Build):
    return parse_headers((build.site / "_headers").read_text(encoding="utf-8"))


def test_every_page_policy_lists_exactly_its_own_inline_scripts(build: Build, rules) -> None:
    checked = 0
    for file in build.site.rglob("*.html"):
        path = url_path(build.site, file)
        if path.startswith(ADMIN):  # the editor has its own policy (tests/build/test_cms.py)
            continue
        (policy,) = [v for n, v in headers_for(path, rules) if n == "Content-Security-Policy"]
        assert "," not in policy, f"{path} matches more than one rule that sets a policy"
        listed = set(re.findall(r"'sha256-[^']+'", policy))
        assert listed == set(inline_script_hashes(file.read_text(encoding="utf-8"))), path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        checked += 1
    assert checked >= 14


def set_by(path: str, rules) -> dict[str, list[str]]:
    """Header name -> the value each rule matching `path` gives it (Netlify applies them all)."""
    found: dict[str, list[str]] = {}
    for rule in rules:
        if pattern_regex(rule.pattern).match(path):
            for name, value in rule.headers:
                found.setdefault(name, []).append(value)
    return found


def test_every_published_path_gets_exactly_one_policy_and_each_security_header_once(
    build: Build, rules
) -> None:
    paths = published_paths(build.site)
    assert len(paths) > 100 and "/tags.json" in paths and "/pagefind/pagefind.js" in paths
    for path in paths:
        headers = set_by(path, rules)
        for name in [*SECURITY, *WITH_THE_POLICY]:
            assert len(headers.get(name, [])) == 1, f"{path}: {name} {headers.get(name)}"
        (value,) = headers["Content-Security-Policy"]
        if path.startswith(ADMIN):
            assert value == admin_policy(), path
        else:
            assert value.startswith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'"), path
            assert "unsafe-inline" not in value and "'unsafe-eval'" not in value, path


def test_every_address_a_redirect_sends_on_gets_one_policy(rules) -> None:
    # netlify.toml's redirects answer before any file: their responses get a rule of their own.
    sources = [r.source for r in redirects(load_netlify_toml(PROJECT.netlify_toml)) if r.source != "/*"]
    assert len(sources) >= 10
    for source in sources:
        path = source.replace("*", "old-page/")
        assert len(set_by(path, rules).get("Content-Security-Policy", [])) == 1, source


def test_an_unknown_address_gets_the_404_pages_own_policy_and_no_other(build: Build, rules) -> None:
    # No header rule sets a policy at an unknown top-level address (Netlify matches rules by
    # the address asked for); the 404 page served there carries its own in a <meta>.
    headers = set_by(UNKNOWN, rules)
    assert "Content-Security-Policy" not in headers
    assert all(len(headers[name]) == 1 for name in SECURITY)
    text = (build.site / "404.html").read_text(encoding="utf-8")
    metas = build.html("404.html").find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert [meta["content"] for meta in metas] == [meta_policy(csp_policy(inline_script_hashes(text)))]
    assert text.index("Content-Security-Policy") < text.index("<script")
    # Under a folder of pages the folder's rule applies too: it must let the 404 page run.
    (folder_policy,) = set_by("/strategy/no-such-page/", rules)["Content-Security-Policy"]
    assert set(inline_script_hashes(text)) <= set(re.findall(r"'sha256-[^']+'", folder_policy))


def test_site_wide_rule_carries_the_security_headers_and_no_policy(rules) -> None:
    site_wide = dict(rules[0].headers)
    assert rules[0].pattern == "/*"
    for name, value in SECURITY.items():
        assert site_wide[name] == value
    for name in WITH_THE_POLICY:
        assert name not in site_wide
    assert "X-Robots-Tag" not in site_wide  # the session build is a production build
    assert "camera=()" in site_wide["Permissions-Policy"]


def test_fingerprinted_assets_are_immutable_and_pages_revalidate(build: Build, rules) -> None:
    # Exactly the year-long rule: no page rule may match an asset and join its own caching.
    bundle = next(build.site.glob("assets/javascripts/bundle.*.min.js"))
    assert set_by(url_path(build.site, bundle), rules)["Cache-Control"] == [ASSET_CACHE]
    assert "must-revalidate" in dict(headers_for("/strategy/", rules))["Cache-Control"]
    chunk = next(build.site.glob("pagefind/index/*.pf_index"))
    assert set_by(url_path(build.site, chunk), rules)["Cache-Control"] == [ASSET_CACHE]
    entry = dict(headers_for("/pagefind/pagefind-entry.json", rules))
    assert "immutable" not in entry.get("Cache-Control", "")


def test_deploy_preview_build_is_never_indexed(tmp_path) -> None:
    from tests.conftest import build_site

    preview = build_site(tmp_path / "site", {"CONTEXT": "deploy-preview", "HUB_CACHE_DIR": str(tmp_path)})
    site_wide = dict(parse_headers((preview.site / "_headers").read_text(encoding="utf-8"))[0].headers)
    assert site_wide["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    ("path", "status", "location"),
    [
        ("/guidance/culture/", 301, "/strategy/culture/"),
        ("/directory/", 301, "/organisations/"),
        ("/strategy/hiring/", 301, "/strategy/employee-journey/hiring/"),
        ("/strategy", 301, "/strategy/"),
        ("/no-such-page/", 404, None),
        ("/strategy/culture/", 200, None),
    ],
)
def test_preview_server_answers_redirects_and_404_as_configured(
    preview_url: str, path: str, status: int, location: str | None
) -> None:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(preview_url.rstrip("/") + path)
        code, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        code, headers, body = error.code, error.headers, error.read()
    assert code == status
    if location:
        assert headers["Location"] == location
    if status == 404:
        assert b"Page not found" in body
    if path == "/no-such-page/":  # the 404 page's <meta> policy, nothing from a header rule
        assert headers["Content-Security-Policy"] is None and b'http-equiv="Content-Security-Policy"' in body
    elif path != "/strategy":  # the host's own slash redirect, empty (README, "Headers")
        assert len(headers.get_all("Content-Security-Policy")) == 1


# What the preview server adds of its own, beside the `_headers` rules.
SERVER_HEADERS = {"Server", "Date", "Content-Type", "Content-Length", "ETag", "Location"}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/strategy/culture/",
        "/organisations/",
        "/tags.json",
        "/admin/",
        "/no-such-page/",
        "/guidance/culture/",
    ],
)
def test_the_preview_sends_exactly_what_the_headers_file_gives_the_address(
    preview_url: str, rules, path: str
) -> None:
    """One source: the preview reads the built `_headers` and netlify.toml's redirects, and
    answers each address (a page, a file, the editor, a 404, a redirect) with every matching
    rule's headers, a header two rules set joined into one value."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        response = urllib.request.build_opener(NoRedirect).open(preview_url.rstrip("/") + path)
        headers = response.headers
    except urllib.error.HTTPError as error:
        headers = error.headers
    sent = [(name, value) for name, value in headers.items() if name not in SERVER_HEADERS]
    assert sorted(sent) == sorted(headers_for(path, rules))
