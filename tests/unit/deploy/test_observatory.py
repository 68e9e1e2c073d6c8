"""The Observatory harness on a small site: it reads the headers the preview sends, so it
catches the fault it is there for (two policies joined into one header)."""

from __future__ import annotations

from pathlib import Path

from hub.deploy.headers import policy
from hub.deploy.netlify import HeaderRule, write_headers
from hub.deploy.observatory import BEST_CSP, observe
from hub.dev.preview import base_url, serve_like_host
from tests.project import PROJECT

SECURITY = [
    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]


def site_with(tmp_path: Path, rules: list[HeaderRule]) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title><p>Hello</p>", encoding="utf-8")
    (tmp_path / "_headers").write_text(write_headers(rules), encoding="utf-8")
    return tmp_path


def test_one_strict_policy_gets_the_best_result_and_a_plus(tmp_path: Path) -> None:
    site = site_with(
        tmp_path, [HeaderRule("/*", SECURITY), HeaderRule("/", [("Content-Security-Policy", policy([]))])]
    )
    with serve_like_host(site, PROJECT.netlify_toml) as server:
        (verdict,) = observe([base_url(server)])
    assert verdict.result("content-security-policy") == BEST_CSP
    assert (verdict.grade, verdict.failed()) == ("A+", [])


def test_two_policies_joined_into_one_header_are_invalid(tmp_path: Path) -> None:
    # What `/*` and a page rule that both set a policy give a client (the fault).
    loose = "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'"
    rules = [
        HeaderRule("/*", [*SECURITY, ("Content-Security-Policy", loose)]),
        HeaderRule("/", [("Content-Security-Policy", policy([]))]),
    ]
    with serve_like_host(site_with(tmp_path, rules), PROJECT.netlify_toml) as server:
        (verdict,) = observe([base_url(server)])
    assert verdict.result("content-security-policy") == "csp-header-invalid"
    assert verdict.grade != "A+"


def test_no_policy_at_all_is_reported(tmp_path: Path) -> None:
    with serve_like_host(site_with(tmp_path, [HeaderRule("/*", SECURITY)]), PROJECT.netlify_toml) as server:
        (verdict,) = observe([base_url(server)])
    assert verdict.result("content-security-policy") == "csp-not-implemented"
