"""The editor in the real build: its files, its generated config and its own headers."""

from __future__ import annotations

import re

import pytest
import yaml

from hub.deploy.headers import ADMIN, admin_policy, inline_script_hashes, policy, url_path
from hub.deploy.netlify import headers_for, parse_headers
from tests.conftest import Build


@pytest.fixture(scope="module")
def rules(build: Build):
    return parse_headers((build.site / "_headers").read_text(encoding="utf-8"))


def directives(text: str) -> dict[str, set[str]]:
    """A policy as directive -> sources."""
    parts = [part.split() for part in text.split(";") if part.strip()]
    return {name: set(sources) for name, *sources in parts}


def test_the_editor_is_served_from_the_site_with_no_script_from_elsewhere(build: Build) -> None:
    admin = build.site / "admin"
    page = build.html("admin/")
    scripts = [tag.get("src") for tag in page.find_all("script")]
    assert scripts == ["decap-cms.js"]
    assert inline_script_hashes((admin / "index.html").read_text(encoding="utf-8")) == []
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_production_config_opens_pull_requests_and_has_no_local_backend(build: Build) -> None:
    config = yaml.safe_load((build.site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow"
    assert (
        config["backend"]["name"] == "github" and config["backend"]["base_url"] == "https://api.netlify.com"
    )
    assert "local_backend" not in config
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", config["backend"]["repo"])


def test_the_editor_has_its_own_policy_noindex_and_an_uncached_config(rules) -> None:
    served = dict(headers_for("/admin/", [r for r in rules if r.pattern != "/*"]))
    assert served["Content-Security-Policy"] == admin_policy()
    assert served["X-Robots-Tag"] == "noindex"
    assert served["Cross-Origin-Opener-Policy"] == "same-origin-allow-popups"
    config = dict(headers_for("/admin/config.yml", [r for r in rules if r.pattern != "/*"]))
    assert config["Cache-Control"].endswith("no-store")
    own = directives(admin_policy())
    assert own["script-src"] == {"'self'", "'unsafe-eval'"}
    assert own["connect-src"] == {"'self'", "https://api.github.com"}
    assert own["default-src"] == {"'none'"} and own["frame-ancestors"] == {"'none'"}


def test_no_other_page_policy_changed(build: Build, rules) -> None:
    """Every other page's own rule is exactly the policy of its inline scripts, as before."""
    checked = 0
    for file in build.site.rglob("*.html"):
        path = url_path(build.site, file)
        if path.startswith(ADMIN):
            continue
        own = dict(headers_for(path, [r for r in rules if r.pattern not in ("/*", f"{ADMIN}*")]))
        assert own["Content-Security-Policy"] == policy(
            inline_script_hashes(file.read_text(encoding="utf-8"))
        )
        checked += 1
    assert checked >= 14


def test_the_editors_policy_reaches_no_page_and_no_page_policy_reaches_the_editor(rules) -> None:
    """The site-wide rule sets no policy, so nothing the editor needs loosens a page."""
    assert "Content-Security-Policy" not in dict(rules[0].headers)
    assert [r.pattern for r in rules if ("Content-Security-Policy", admin_policy()) in r.headers] == [
        f"{ADMIN}*"
    ]
    served = [v for n, v in headers_for("/admin/", rules) if n == "Content-Security-Policy"]
    assert served == [admin_policy()]
