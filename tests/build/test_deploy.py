"""netlify.toml and the generated _headers, checked against the real build."""

from __future__ import annotations

import re
import urllib.request

import pytest

from hub.deploy.csp import ADMIN, ASSET_CACHE, inline_script_hashes, url_path
from hub.deploy.netlify import headers_for, load_netlify_toml, parse_headers
from tests.conftest import Build
from tests.project import PROJECT, ROOT

SECURITY = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


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
        own = headers_for(path, [r for r in rules if r.pattern != "/*"])
        policy = dict(own)["Content-Security-Policy"]
        assert "," not in policy, f"{path} matches more than one page rule"
        listed = set(re.findall(r"'sha256-[^']+'", policy))
        assert listed == set(inline_script_hashes(file.read_text(encoding="utf-8"))), path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        checked += 1
    assert checked >= 14


def test_site_wide_rule_carries_the_security_headers(rules) -> None:
    site_wide = dict(rules[0].headers)
    assert rules[0].pattern == "/*"
    for name, value in SECURITY.items():
        assert site_wide[name] == value
    assert "X-Robots-Tag" not in site_wide  # the session build is a production build
    assert "camera=()" in site_wide["Permissions-Policy"]


def test_fingerprinted_assets_are_immutable_and_pages_revalidate(build: Build, rules) -> None:
    # Exactly the year-long rule: no page rule may match an asset and join its own caching.
    bundle = next(build.site.glob("assets/javascripts/bundle.*.min.js"))
    assert dict(headers_for(url_path(build.site, bundle), rules[1:])) == {"Cache-Control": ASSET_CACHE}
    assert "must-revalidate" in dict(headers_for("/strategy/", rules))["Cache-Control"]
    chunk = next(build.site.glob("pagefind/index/*.pf_index"))
    assert dict(headers_for(url_path(build.site, chunk), rules[1:])) == {"Cache-Control": ASSET_CACHE}
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
    assert headers["Content-Security-Policy"]
