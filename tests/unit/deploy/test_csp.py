from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from hub.deploy.csp import group_policies, header_rules, inline_script_hashes, policy
from hub.deploy.netlify import HeaderRule, headers_for


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
    assert sha("one()") in site_wide["Content-Security-Policy"]
    assert sha("two()") in site_wide["Content-Security-Policy"]
    assert site_wide["X-Robots-Tag"] == "noindex"
    assert "preload" in site_wide["Strict-Transport-Security"]
    by_pattern = {r.pattern: dict(r.headers) for r in rules}
    assert sha("two()") not in by_pattern["/"]["Content-Security-Policy"]
    assert by_pattern["/main.0123abcd.min.css"]["Cache-Control"].endswith("immutable")
    # Search index chunks are named by their content; the folder with none gets no rule.
    assert by_pattern["/pagefind/fragment/*"]["Cache-Control"].endswith("immutable")
    assert "/pagefind/index/*" not in by_pattern
    # Fresh for a few minutes, so Material's fetches of each at once make one request.
    assert by_pattern["/sitemap.xml"] == {"Cache-Control": "public, max-age=300"}
    assert by_pattern["/feeds/sitemap.xml"] == {"Cache-Control": "public, max-age=300"}
    assert "X-Robots-Tag" not in dict(header_rules(tmp_path, preview=False)[0].headers)


def test_union_policy_allows_what_either_allows_and_drops_a_none_beside_a_source() -> None:
    from hub.deploy.csp import union_policy

    merged = union_policy(
        "default-src 'none'; script-src 'self' 'sha256-a'",
        "default-src 'none'; script-src 'self' 'unsafe-eval'; img-src 'none'",
    )
    assert merged == "default-src 'none'; script-src 'self' 'sha256-a' 'unsafe-eval'; img-src 'none'"
    assert union_policy("img-src 'none'", "img-src blob:") == "img-src blob:"


def test_the_editor_policy_reaches_the_local_backend_only_when_asked() -> None:
    from hub.deploy.csp import admin_policy

    assert "127.0.0.1" not in admin_policy()
    assert "connect-src 'self' https://api.github.com http://127.0.0.1:8081;" in admin_policy(
        "http://127.0.0.1:8081"
    )
