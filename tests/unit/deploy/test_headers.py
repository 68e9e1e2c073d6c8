from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from hub.deploy.headers import (
    admin_policy,
    group_policies,
    header_rules,
    inline_script_hashes,
    meta_policy,
    page_policies,
    policy,
    published_paths,
    redirect_patterns,
    uncovered_patterns,
    with_meta_policy,
)
from hub.deploy.netlify import HeaderRule, headers_for, pattern_regex


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_exactly() -> None:
    html = (
        "<script>a=1</script>"
        '<script src="x.js"></script>'
        '<script type="application/json">{"a":1}</script>'
        '<script type="application/ld+json">{}</script>'
        '<script type="module">b()\n</script>'
        "<script>a=1</script>"
    )
    assert inline_script_hashes(html) == [sha("a=1"), sha("b()\n")]


def test_policy_is_strict() -> None:
    text = policy([sha("x")])
    directives = dict(part.strip().split(" ", 1) for part in text.split(";") if " " in part.strip())
    assert directives["default-src"] == "'none'"
    # WebAssembly compilation for the site search, and no other eval of any kind.
    assert directives["script-src"] == f"'self' 'wasm-unsafe-eval' {sha('x')}"
    assert "unsafe-inline" not in text and "'unsafe-eval'" not in text
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert text.endswith("upgrade-insecure-requests")


def test_grouped_rules_never_overlap_and_keep_each_page_exact() -> None:
    policies = {
        "/": "P0",
        "/404.html": "P0",
        "/about/": "P1",
        "/orgs/": "P1",
        "/orgs/a/": "P2",
        "/orgs/b/": "P2",
        "/orgs/c/": "P2",
        "/s/": "P1",
        "/s/x/": "P2",
        "/s/y/": "P2",
        "/s/y/z/": "P3",
    }
    rules = group_policies(policies)
    assert ("/orgs/:page/*", "P2") in rules
    header_rules_ = [HeaderRule(p, [("CSP", v)]) for p, v in rules]
    for path, expected in policies.items():
        assert dict(headers_for(path, header_rules_))["CSP"] == expected, path


def test_pages_sharing_one_policy_get_folder_rules_never_a_root_placeholder() -> None:
    """Pages at every depth share one policy (Material's scope is the site root): each top
    folder gets one rule, and no rule matches files outside the pages' folders."""
    policies = {
        "/": "P",
        "/a/": "P",
        "/a/x/": "P",
        "/b/": "P",
        "/b/y/z/": "P",
        "/orgs/": "P",
        "/orgs/n/": "P",
    }
    rules = group_policies(policies)
    assert ("/a/*", "P") in rules and ("/orgs/*", "P") in rules
    header_rules_ = [HeaderRule(p, [("CSP", v)]) for p, v in rules]
    for path in policies:
        assert dict(headers_for(path, header_rules_))["CSP"] == "P", path
    for path in ("/admin/", "/assets/javascripts/bundle.0123abcd.min.js", "/pagefind/index/en_1.pf_index"):
        assert headers_for(path, header_rules_) == [], path


def policies_at(path: str, rules: list[HeaderRule]) -> list[str]:
    """Every policy the rules matching `path` set (a client would get them joined)."""
    return [
        v
        for r in rules
        if pattern_regex(r.pattern).match(path)
        for n, v in r.headers
        if n == "Content-Security-Policy"
    ]


def test_header_rules_for_a_site(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<script>one()</script>")
    (tmp_path / "a" / "index.html").write_text("<script>two()</script>")
    (tmp_path / "main.0123abcd.min.css").write_text("")
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "sitemap.xml").write_text("<urlset/>")
    (tmp_path / "pagefind" / "fragment").mkdir(parents=True)
    (tmp_path / "pagefind" / "fragment" / "en_0123abc.pf_fragment").write_bytes(b"")
    rules = header_rules(tmp_path, preview=True)
    site_wide = dict(rules[0].headers)
    assert rules[0].pattern == "/*"
    assert "Content-Security-Policy" not in site_wide and "Cross-Origin-Opener-Policy" not in site_wide
    assert site_wide["X-Robots-Tag"] == "noindex"
    assert "preload" in site_wide["Strict-Transport-Security"]
    by_pattern = {r.pattern: dict(r.headers) for r in rules}
    assert by_pattern["/"]["Content-Security-Policy"] == policy([sha("one()")])
    assert by_pattern["/a/*"]["Content-Security-Policy"] == policy([sha("two()")])
    assert by_pattern["/a/*"]["Cross-Origin-Opener-Policy"] == "same-origin"
    # Every other file: the site's strict policy, with every hash of the site (a 404 page
    # served there runs), by a rule per top-level file or folder.
    site_policy = policy([sha("one()"), sha("two()")])
    for pattern in ("/feeds/*", "/pagefind/*", "/sitemap.xml", "/main.0123abcd.min.css"):
        assert policies_at(pattern.replace("*", "x"), rules) == [site_policy], pattern
    assert by_pattern["/main.0123abcd.min.css"]["Cache-Control"].endswith("immutable")
    # Search index chunks are named by their content; the folder with none gets no rule.
    assert by_pattern["/pagefind/fragment/*"]["Cache-Control"].endswith("immutable")
    assert "/pagefind/index/*" not in by_pattern
    # Fresh for a few minutes, so Material's fetches of each at once make one request.
    assert dict(headers_for("/feeds/sitemap.xml", rules[1:]))["Cache-Control"] == "public, max-age=300"
    assert "X-Robots-Tag" not in dict(header_rules(tmp_path, preview=False)[0].headers)


def test_no_published_path_matches_two_policies_and_the_editor_has_its_own(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<script>one()</script>")
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("<script src=decap-cms.js></script>")
    (tmp_path / "admin" / "config.yml").write_text("backend: {}")
    (tmp_path / "tags.json").write_text("{}")
    (tmp_path / "_headers").write_text("")
    rules = header_rules(tmp_path, preview=True)
    for path in published_paths(tmp_path):
        expected = [admin_policy()] if path.startswith("/admin/") else [policy([sha("one()")])]
        assert policies_at(path, rules) == expected, path
    assert "/_headers" not in published_paths(tmp_path)
    openers = [
        v
        for r in rules
        if pattern_regex(r.pattern).match("/admin/")
        for n, v in r.headers
        if n == "Cross-Origin-Opener-Policy"
    ]
    assert openers == ["same-origin-allow-popups"]
    # A preview says noindex site-wide; the editor's rule does not say it again.
    assert [v for n, v in headers_for("/admin/", rules) if n == "X-Robots-Tag"] == ["noindex"]
    assert dict(headers_for("/admin/", header_rules(tmp_path, preview=False)))["X-Robots-Tag"] == "noindex"


def test_a_folder_with_pages_of_different_policies_gets_a_rule_per_other_file(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("")
    (tmp_path / "b" / "one").mkdir(parents=True)
    (tmp_path / "b" / "two").mkdir()
    (tmp_path / "b" / "one" / "index.html").write_text("<script>one()</script>")
    (tmp_path / "b" / "two" / "index.html").write_text("<script>two()</script>")
    (tmp_path / "b" / "picture.png").write_bytes(b"")
    pages = [pattern for pattern, _ in group_policies(page_policies(tmp_path))]
    assert uncovered_patterns(tmp_path, pages) == ["/b/picture.png"]


def test_a_meta_policy_leaves_out_what_a_meta_may_not_set_and_comes_first() -> None:
    value = policy([sha("x")])
    assert "frame-ancestors" in value and "frame-ancestors" not in meta_policy(value)
    assert meta_policy(value).startswith("default-src 'none'; script-src 'self'")
    html = '<html><head lang="en"><script>x</script></head></html>'
    out = with_meta_policy(html, value)
    meta = BeautifulSoup(out, "html.parser").find("head").contents[0]
    assert meta["http-equiv"] == "Content-Security-Policy" and meta["content"] == meta_policy(value)
    assert inline_script_hashes(out) == inline_script_hashes(html)


def test_the_editor_policy_reaches_the_local_backend_only_when_asked() -> None:
    from hub.deploy.headers import admin_policy

    assert "127.0.0.1" not in admin_policy()
    assert "connect-src 'self' https://api.github.com http://127.0.0.1:8081;" in admin_policy(
        "http://127.0.0.1:8081"
    )


def test_a_redirect_source_no_rule_reaches_gets_one_and_the_catch_all_never() -> None:
    pages = ["/", "/strategy/*", "/feeds/*", "/admin/*"]
    sources = ["/guidance/*", "/strategy/hiring/*", "/feeds/rss.xml", "/feed.xml", "/guidance/*", "/*"]
    assert redirect_patterns(sources, pages) == ["/guidance/*", "/feed.xml"]
    # A source that would reach into a page rule's paths is left out, not joined to it.
    assert redirect_patterns(["/:year/*"], ["/strategy/*"]) == []
