"""Every response header the site sends, computed from the built site and written to Netlify's
`_headers` by hooks/deploy.py: a strict Content-Security-Policy per page (from the page's own
inline scripts), the security headers every response carries (HSTS among them), the editor's
own policy at /admin/, and caching for pages, fingerprinted assets, the search index and the
sitemaps.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path, PurePosixPath

from hub.deploy.netlify import HeaderRule, pattern_regex

# Inline scripts are matched on the raw text: the browser hashes exactly the characters
# between the tags, so a parser that normalises anything would produce the wrong hash.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Script types a browser executes. Data blocks (JSON, JSON-LD) are not scripts to CSP:
# they never run, so they need no hash and cause no violation.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
# The search index's chunks (hooks/search.py): Pagefind names each by a hash of its content, so
# a new build writes new names. Its entry file and loader keep their names and revalidate.
CONTENT_NAMED_FOLDERS = ("pagefind/index", "pagefind/fragment")

ONE_YEAR = 31_536_000
TWO_YEARS = 63_072_000

# What neither the pages nor the editor may do beyond their own origin (or at all).
_LOCKED: tuple[tuple[str, str], ...] = (
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'self'"),
    ("frame-ancestors", "'none'"),
    ("object-src", "'none'"),
)

# Directives every page shares. Styles: Material's stylesheets are files and the built
# pages carry no style attributes or <style> elements, so 'unsafe-inline' is not needed;
# its scripts change styles through the CSSOM, which CSP does not restrict.
BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    *_LOCKED,
)

# The headers every response carries, on the site-wide `/*` rule. Not the policy, nor the opener
# policy: the editor needs its own of each, and Netlify has no way to exempt a path from `/*`
# (it applies every matching rule and joins the values of a header set twice, which for a
# policy is an invalid header to the Observatory). Those two go on rules that never overlap:
# one for each page or folder of pages, one for each other file or folder the site publishes,
# and the editor's own (header_rules).
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Strict-Transport-Security", f"max-age={TWO_YEARS}; includeSubDomains; preload"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
        "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), "
        "browsing-topics=()",
    ),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
)

# The browser editor (Decap CMS, hooks/cms.py) at /admin/: one bundle that is not ours, so it
# has its own policy, found by loading it in Chromium under these headers (tests/browser/
# test_cms.py) and from what its GitHub backend must reach. Each source beyond BASE_POLICY:
ADMIN = "/admin/"
ADMIN_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    # 'unsafe-eval': Decap validates its config with ajv, which compiles each JSON Schema into
    # a function with `new Function`; without it the editor stops at "Error loading the CMS
    # configuration". The scripts themselves are Decap's own files, copied into /admin/.
    ("script-src", "'self' 'unsafe-eval'"),
    # 'unsafe-inline': Decap styles its interface with emotion, which writes <style> elements
    # at run time (their text changes as components mount, so no hash could list them).
    ("style-src", "'self' 'unsafe-inline'"),
    # blob: the GitHub backend reads draft images through the API and shows them as blob URLs;
    # avatars.githubusercontent.com: the signed-in editor's avatar in the header.
    ("img-src", "'self' data: blob: https://avatars.githubusercontent.com"),
    ("font-src", "'self'"),
    # api.github.com: every read and write of the GitHub backend (REST and GraphQL); the
    # sign-in itself is a pop-up window on api.netlify.com, which CSP does not govern.
    ("connect-src", "'self' https://api.github.com"),
    *_LOCKED,
)
ADMIN_HEADERS: tuple[tuple[str, str], ...] = (("Cache-Control", "public, max-age=0, must-revalidate"),)
# Sign-in: Netlify's OAuth pop-up posts the token back to window.opener, which the site's
# `same-origin` would cut off for a pop-up on another origin.
OPENER = "same-origin"
ADMIN_OPENER = "same-origin-allow-popups"
NOINDEX = ("X-Robots-Tag", "noindex")

HTML_CACHE = "public, max-age=0, must-revalidate"
ASSET_CACHE = f"public, max-age={ONE_YEAR}, immutable"
# Material fetches sitemap.xml for instant navigation, and the sitemap.xml beside each
# `<link rel="alternate">` in the head (it takes them for language versions): ours are the two
# feed links on home, blog and news pages, under /feeds/, whose sitemap lists nothing
# (docs/feeds/sitemap.xml; beside the feeds at the root it was the whole site's, fetched and
# parsed once more per link). The fetches go out at the same moment of a first view; a few
# minutes' freshness lets the browser answer the later ones from the first (Chromium holds
# them until it is cached): one request for each file. A sitemap a few minutes stale after a
# deploy only means a brand-new page opens with a full load.
SITEMAP = "/sitemap.xml"
FEEDS_SITEMAP = "/feeds/sitemap.xml"
SITEMAP_CACHE = "public, max-age=300"


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source (`'sha256-…'`) of each executable inline script, in page order."""
    hashes = []
    for attrs, body in _SCRIPT.findall(html):
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE:
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


# The site search (Pagefind, hooks/search.py) compiles its WebAssembly module in the browser,
# which CSP allows only with 'wasm-unsafe-eval'. That keyword permits WebAssembly compilation
# and nothing else: eval(), new Function and string timers stay blocked (no 'unsafe-eval').
# The Mozilla HTTP Observatory penalises only the exact keyword 'unsafe-eval', so the score
# is unchanged (see README, "Search").
WASM = "'wasm-unsafe-eval'"


def policy(hashes: Iterable[str], *, upgrade: bool = True) -> str:
    """The Content-Security-Policy for a page whose inline scripts have these hashes."""
    script_src = " ".join(["'self'", WASM, *sorted(set(hashes))])
    directives = [*BASE_POLICY[:1], ("script-src", script_src), *BASE_POLICY[1:]]
    text = "; ".join(f"{name} {value}" for name, value in directives)
    return f"{text}; upgrade-insecure-requests" if upgrade else text


def url_path(site: Path, file: Path) -> str:
    """The URL path Netlify serves `file` at (`/a/b/` for `a/b/index.html`)."""
    rel = PurePosixPath(file.relative_to(site).as_posix())
    if rel.name == "index.html":
        parent = rel.parent.as_posix()
        return "/" if parent == "." else f"/{parent}/"
    return f"/{rel.as_posix()}"


def page_policies(site: Path) -> dict[str, str]:
    """URL path -> policy for every HTML page in the built `site` (the editor has its own)."""
    policies = {
        url_path(site, file): policy(inline_script_hashes(file.read_text(encoding="utf-8")))
        for file in sorted(site.rglob("*.html"))
    }
    return {path: value for path, value in policies.items() if not path.startswith(ADMIN)}


def admin_policy(local_backend: str = "") -> str:
    """The editor's Content-Security-Policy; `make cms` adds its local backend's origin."""
    directives = [
        (name, f"{value} {local_backend}" if name == "connect-src" and local_backend else value)
        for name, value in ADMIN_POLICY
    ]
    text = "; ".join(f"{name} {value}" for name, value in directives)
    return f"{text}; upgrade-insecure-requests"


def has_admin(site: Path) -> bool:
    """Whether this build has the editor at /admin/."""
    return (site / ADMIN.strip("/") / "index.html").is_file()


def policy_headers(value: str, opener: str = OPENER) -> list[tuple[str, str]]:
    """A policy and the opener policy that goes with it: a rule that sets one sets both."""
    return [("Content-Security-Policy", value), ("Cross-Origin-Opener-Policy", opener)]


def admin_rules(site: Path, local_backend: str = "", *, noindex: bool = True) -> list[HeaderRule]:
    """The editor's own rules, when the build has one: its policy, noindex, a config never cached.

    `noindex` is False where the site-wide rule already says it (previews): once per response.
    """
    if not has_admin(site):
        return []
    headers = [*policy_headers(admin_policy(local_backend), ADMIN_OPENER), *ADMIN_HEADERS]
    return [
        HeaderRule(f"{ADMIN}*", [*headers, NOINDEX] if noindex else headers),
        # A new config (a new author, category or field) must reach editors at once.
        HeaderRule(f"{ADMIN}config.yml", [("Cache-Control", "no-store")]),
    ]


def group_policies(policies: dict[str, str]) -> list[tuple[str, str]]:
    """(pattern, policy) rules: a folder whose pages all share one policy becomes `/folder/*`.

    These rules never overlap one another, and the site-wide `/*` rule sets no policy: each
    page is served with exactly one, its own list.
    """
    rules: list[tuple[str, str]] = []

    def visit(prefix: str) -> None:
        beneath = _beneath(policies, prefix)
        if prefix != "/" and len(set(beneath.values())) == 1:
            rules.append((f"{prefix}*", next(iter(beneath.values()))))
            return
        children = sorted(
            {prefix + p[len(prefix) :].split("/", 1)[0] + "/" for p in beneath if _is_deeper(p, prefix)}
        )
        for path, value in sorted(beneath.items()):
            if not _is_deeper(path, prefix):
                rules.append((path, value))
                if path == prefix:
                    rules.append((f"{prefix}index.html", value))
        child_policies = {frozenset(_beneath(policies, child).values()) for child in children}
        shared = len(children) > 1 and len(child_policies) == 1 and len(next(iter(child_policies))) == 1
        if shared and prefix != "/":
            # Every sub-folder shares one policy (say, thousands of organisation pages):
            # one placeholder rule covers them all and still matches no page of this folder.
            # Never at the root, where `/:page/*` would also match /admin/ and /assets/, whose
            # own rules (the editor's policy, other files' policy) it would then be joined with.
            rules.append((f"{prefix}:page/*", _beneath(policies, children[0]).popitem()[1]))
            return
        for child in children:
            visit(child)

    visit("/")
    return rules


def _beneath(policies: dict[str, str], prefix: str) -> dict[str, str]:
    """The policies of the pages at or below the folder `prefix`."""
    return {p: v for p, v in policies.items() if p.startswith(prefix)}


def _is_deeper(path: str, prefix: str) -> bool:
    """Whether `path` lies in a sub-folder of `prefix`."""
    return "/" in path[len(prefix) :].rstrip("/") or (path != prefix and path.endswith("/"))


# The 404 page is served at any address that does not exist (netlify.toml's last redirect).
# Netlify picks header rules by the address asked for, and nothing shows it applies
# /404.html's rule there: at an unknown top-level address no rule sets a policy. So the page
# carries its own policy in a <meta> too (directives a <meta> may not set left out: the
# browser ignores them there and says so in the console; X-Frame-Options covers framing).
NOT_IN_META = ("frame-ancestors", "report-uri", "sandbox")
NOT_FOUND = "404.html"
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def meta_policy(value: str) -> str:
    """`value` without the directives a <meta> policy may not set."""
    kept = [
        part.strip() for part in value.split(";") if part.split()[:1] and part.split()[0] not in NOT_IN_META
    ]
    return "; ".join(kept)


def with_meta_policy(html: str, value: str) -> str:
    """`html` with `value` as a <meta> policy first in its head (before any script it governs)."""
    found = _HEAD.search(html)
    if found is None:
        raise ValueError("no <head> to put the policy in")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{escape(meta_policy(value))}">'
    return html[: found.end()] + meta + html[found.end() :]


# Files the host reads and never serves.
UNSERVED = frozenset({"_headers", "_redirects"})


def published_paths(site: Path) -> list[str]:
    """The URL path of every file the built `site` publishes (a page also at `…/index.html`)."""
    paths = []
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.relative_to(site).parts[0] not in UNSERVED:
            path = url_path(site, file)
            paths += [path, f"{path}index.html"] if path.endswith("/") else [path]
    return paths


def uncovered_patterns(site: Path, patterns: Iterable[str]) -> list[str]:
    """Patterns that reach every published path outside the editor that no rule in `patterns`
    reaches, overlapping none of them: a whole top-level folder where none reaches into it,
    else each path on its own."""
    regexes = [pattern_regex(pattern) for pattern in patterns]
    published = published_paths(site)
    found: list[str] = []
    for entry in sorted(site.iterdir()):
        if entry.name in UNSERVED or f"/{entry.name}/" == ADMIN:
            continue
        inside = [p for p in published if p == f"/{entry.name}" or p.startswith(f"/{entry.name}/")]
        missing = [p for p in inside if not any(regex.match(p) for regex in regexes)]
        if entry.is_dir() and missing == inside:
            found.append(f"/{entry.name}/*")
        else:
            found += missing
    return found


def redirect_patterns(sources: Iterable[str], patterns: Iterable[str]) -> list[str]:
    """The redirect sources (netlify.toml's `from`) that no rule in `patterns` reaches and that
    overlap none of them, so a redirect's response gets a policy too. Never the catch-all."""
    known = list(patterns)
    found = []
    for source in sources:
        probe = _probe(source)
        if source == "/*" or source in found:
            continue
        if not any(pattern_regex(p).match(probe) or pattern_regex(source).match(_probe(p)) for p in known):
            found.append(source)
    return found


def _probe(pattern: str) -> str:
    """A path that `pattern` matches (its splat and placeholders filled in)."""
    return re.sub(r":[A-Za-z_]\w*", "x", pattern).replace("*", "x")


def header_rules(
    site: Path, *, preview: bool, local_backend: str = "", redirects: Iterable[str] = ()
) -> list[HeaderRule]:
    """Every `_headers` rule for the built `site`; previews are kept out of search engines.

    Every response matches exactly one rule that sets a policy: its page's (or its folder of
    pages'), the site's strict policy for any other file (every hash of the site, so the 404
    page also runs where it is served under a folder's rule) and for the addresses `redirects`
    (netlify.toml's sources) send on, or the editor's own.
    """
    policies = page_policies(site)
    all_hashes = sorted({h for value in policies.values() for h in re.findall(r"'sha256-[^']+'", value)})
    site_wide = list(SECURITY_HEADERS)
    if preview:
        site_wide.append(NOINDEX)
    rules = [HeaderRule("/*", site_wide)]
    pages = group_policies(policies)
    for pattern, value in pages:
        rules.append(HeaderRule(pattern, [*policy_headers(value), ("Cache-Control", HTML_CACHE)]))
    covered = [pattern for pattern, _ in pages]
    covered += uncovered_patterns(site, covered)
    covered += redirect_patterns(redirects, [*covered, f"{ADMIN}*"])
    for pattern in covered[len(pages) :]:
        rules.append(HeaderRule(pattern, policy_headers(policy(all_hashes))))
    rules += admin_rules(site, local_backend, noindex=not preview)
    for file in sorted(site.rglob("*")):
        if file.is_file() and _FINGERPRINTED.search(file.name):
            rules.append(HeaderRule(url_path(site, file), [("Cache-Control", ASSET_CACHE)]))
    for sitemap in (SITEMAP, FEEDS_SITEMAP):
        if (site / sitemap.lstrip("/")).is_file():
            rules.append(HeaderRule(sitemap, [("Cache-Control", SITEMAP_CACHE)]))
    for folder in CONTENT_NAMED_FOLDERS:
        if (site / folder).is_dir():
            rules.append(HeaderRule(f"/{folder}/*", [("Cache-Control", ASSET_CACHE)]))
    return rules
