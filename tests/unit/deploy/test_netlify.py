from __future__ import annotations

import pytest

from hub.deploy.netlify import HeaderRule, Redirect, headers_for, match_redirect, parse_headers, write_headers

HEADERS = """# comment
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'none'; script-src 'self' 'sha256-A'

/org/:page/*
  Content-Security-Policy: default-src 'none'; script-src 'self'
"""


def test_headers_file_round_trips() -> None:
    rules = parse_headers(HEADERS)
    assert [r.pattern for r in rules] == ["/*", "/org/:page/*"]
    assert parse_headers(write_headers(rules)) == rules


def test_value_containing_a_colon_is_kept_whole() -> None:
    rules = parse_headers("/a\n  Link: <https://x.example/>; rel=preload\n")
    assert rules[0].headers == [("Link", "<https://x.example/>; rel=preload")]


def test_header_line_outside_a_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="_headers:1"):
        parse_headers("  X-A: b\n")


@pytest.mark.parametrize(
    ("path", "policies"),
    [
        ("/", 1),
        ("/org/", 1),  # the placeholder needs a segment
        ("/org/upreach/", 2),
        ("/org/upreach/index.html", 2),
    ],
)
def test_matching_rules_combine_like_netlify(path: str, policies: int) -> None:
    found = dict(headers_for(path, parse_headers(HEADERS)))
    assert found["X-Content-Type-Options"] == "nosniff"
    assert found["Content-Security-Policy"].count("default-src") == policies


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/guidance/hiring/", "/strategy/hiring/"),
        ("/toolkit", "/strategy/"),
        ("/nothing", None),
    ],
)
def test_redirects_fill_in_the_splat(path: str, target: str | None) -> None:
    rules = [Redirect("/guidance/*", "/strategy/:splat"), Redirect("/toolkit", "/strategy/")]
    found = match_redirect(path, rules)
    assert (found[1] if found else None) == target


def test_write_headers_format() -> None:
    text = write_headers([HeaderRule("/a", [("X-A", "1"), ("X-B", "2")])])
    assert text == "/a\n  X-A: 1\n  X-B: 2\n"
