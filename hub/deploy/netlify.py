"""Netlify's `_headers` file and `netlify.toml` redirects: parse, write and match rules.

The same parsing serves the build (which writes `_headers`), `make preview` (which honours
it the way Netlify does) and the tests (which check what a page will be served with).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class HeaderRule:
    """A path pattern and the headers Netlify adds to responses whose path matches it."""

    pattern: str
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Redirect:
    """One `[[redirects]]` entry of netlify.toml."""

    source: str
    target: str
    status: int = 301
    force: bool = False


def write_headers(rules: Iterable[HeaderRule]) -> str:
    """Render rules in Netlify's `_headers` format."""
    blocks = []
    for rule in rules:
        lines = [rule.pattern] + [f"  {name}: {value}" for name, value in rule.headers]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def parse_headers(text: str) -> list[HeaderRule]:
    """Parse a `_headers` file: a path at the start of a line, indented `Name: value` lines."""
    rules: list[HeaderRule] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append(HeaderRule(line.strip()))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1].headers.append((name.strip(), value.strip()))
        else:
            raise ValueError(f"_headers:{number}: expected 'Name: value' under a path")
    return rules


@functools.lru_cache(maxsize=4096)
def pattern_regex(pattern: str) -> re.Pattern[str]:
    """Turn a Netlify path pattern (`*` splat, `:name` placeholder) into a regex."""
    parts = []
    for token in re.split(r"(\*|:[A-Za-z_]\w*)", pattern):
        if token == "*":
            parts.append(".*")
        elif token.startswith(":") and len(token) > 1:
            parts.append("[^/]+")
        else:
            parts.append(re.escape(token))
    return re.compile("^" + "".join(parts) + "$")


def headers_for(path: str, rules: list[HeaderRule]) -> list[tuple[str, str]]:
    """Every header from every rule matching `path`; a name set twice is joined with ', '.

    Some hosts join a header that several matching rules set; Netlify's local tooling lets
    the later rule win. The generated file is written to be right either way (the site-wide
    rule comes first and its policy allows every hash of the site), and joining is the
    stricter reading to test under: for Content-Security-Policy a comma separates policies
    that the browser enforces together.
    """
    merged: dict[str, tuple[str, list[str]]] = {}
    for rule in rules:
        if pattern_regex(rule.pattern).match(path):
            for name, value in rule.headers:
                merged.setdefault(name.lower(), (name, []))[1].append(value)
    return [(name, ", ".join(values)) for name, values in merged.values()]


def load_netlify_toml(path: Path) -> dict:
    """Read netlify.toml."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def redirects(config: dict) -> list[Redirect]:
    """The redirects of a parsed netlify.toml, in order."""
    return [
        Redirect(r["from"], r["to"], int(r.get("status", 301)), bool(r.get("force", False)))
        for r in config.get("redirects", [])
    ]


def match_redirect(path: str, rules: list[Redirect]) -> tuple[Redirect, str] | None:
    """The first redirect matching `path`, with its target filled in (`:splat`, `:name`)."""
    for rule in rules:
        names = re.findall(r":([A-Za-z_]\w*)", rule.source)
        regex = pattern_regex(rule.source).pattern.replace(".*", "(.*)").replace("[^/]+", "([^/]+)")
        found = re.match(regex, path)
        if not found:
            continue
        values = list(found.groups())
        target = rule.target
        for name in names:
            target = target.replace(f":{name}", values.pop(0) if values else "")
        if "*" in rule.source:
            target = target.replace(":splat", values.pop(0) if values else "")
        return rule, target
    return None
