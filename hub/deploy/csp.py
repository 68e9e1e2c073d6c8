"""A strict Content-Security-Policy per page, computed from the built HTML, and the
security headers every response carries. Written to Netlify's `_headers` by hooks/csp.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from hub.deploy.netlify import HeaderRule

# Inline scripts are matched on the raw text: the browser hashes exactly the characters
# between the tags, so a parser that normalises anything would produce the wrong hash.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Script types a browser executes. Data blocks (JSON, JSON-LD) are not scripts to CSP:
# they never run, so they need no hash and cause no violation.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")

ONE_YEAR = 31_536_000
TWO_YEARS = 63_072_000

# Directives every page shares. Styles: Material's stylesheets are files and the built
# pages carry no style attributes or <style> elements, so 'unsafe-inline' is not needed;
# its scripts change styles through the CSSOM, which CSP does not restrict.
BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'self'"),
    ("frame-ancestors", "'none'"),
    ("object-src", "'none'"),
)

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
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
)

HTML_CACHE = "public, max-age=0, must-revalidate"
ASSET_CACHE = f"public, max-age={ONE_YEAR}, immutable"


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


def policy(hashes: Iterable[str], *, upgrade: bool = True) -> str:
    """The Content-Security-Policy for a page whose inline scripts have these hashes."""
    script_src = " ".join(["'self'", *sorted(set(hashes))])
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
    """URL path -> policy for every HTML page in the built `site`."""
    return {
        url_path(site, file): policy(inline_script_hashes(file.read_text(encoding="utf-8")))
        for file in sorted(site.rglob("*.html"))
    }


def group_policies(policies: dict[str, str]) -> list[tuple[str, str]]:
    """(pattern, policy) rules: a folder whose pages all share one policy becomes `/folder/*`.

    These rules never overlap one another. Netlify also applies the site-wide `/*` rule,
    whose policy allows every hash of the site; a browser enforces both policies, so what a
    page may run is exactly its own list.
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
        if len(children) > 1 and len(child_policies) == 1 and len(next(iter(child_policies))) == 1:
            # Every sub-folder shares one policy (say, thousands of organisation pages):
            # one placeholder rule covers them all and still matches no page of this folder.
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


def header_rules(site: Path, *, preview: bool) -> list[HeaderRule]:
    """Every `_headers` rule for the built `site`; previews are kept out of search engines."""
    policies = page_policies(site)
    all_hashes = sorted({h for value in policies.values() for h in re.findall(r"'sha256-[^']+'", value)})
    site_wide = [("Content-Security-Policy", policy(all_hashes)), *SECURITY_HEADERS]
    if preview:
        site_wide.append(("X-Robots-Tag", "noindex"))
    rules = [HeaderRule("/*", site_wide)]
    for pattern, value in group_policies(policies):
        rules.append(HeaderRule(pattern, [("Content-Security-Policy", value), ("Cache-Control", HTML_CACHE)]))
    for file in sorted(site.rglob("*")):
        if file.is_file() and _FINGERPRINTED.search(file.name):
            rules.append(HeaderRule(url_path(site, file), [("Cache-Control", ASSET_CACHE)]))
    return rules
