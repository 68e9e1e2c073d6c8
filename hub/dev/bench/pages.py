"""Benchmarks per page type and per site: first-view weight, Lighthouse, and whole-site build
time, ours beside stock Material on the same Markdown."""

from __future__ import annotations

import gzip
from pathlib import Path

from hub.dev.bench.options import Options
from hub.dev.browser import chromium, chromium_path
from hub.dev.lighthouse import lighthouse_bin, median_run
from hub.dev.preview import base_url, serve_like_host

# built site. Stock Material has no directory page (our hook makes it).
PAGE_TYPES = {
    "home": "",
    "guidance": "strategy/data/measuring/",
    "blog index": "blog/",
    "post": None,
    "directory": "organisations/",
    "directory filtered": "organisations/?region=london&support=mentoring",
    "organisation": None,
    "news": "news/",
}
OURS_ONLY = ("directory", "directory filtered")


def page_types(site: Path, *, stock: bool = False) -> dict[str, str]:
    """The URL of each page type in a built site (a post and an organisation found in it)."""
    post = next(p for p in sorted(site.glob("blog/20*/**/index.html")))
    org = next(p for p in sorted(site.glob("organisations/*/index.html")) if p.parent.name != "page")
    found = {
        "post": post.relative_to(site).as_posix().removesuffix("index.html"),
        "organisation": org.relative_to(site).as_posix().removesuffix("index.html"),
    }
    urls = {name: found.get(name, url) or "" for name, url in PAGE_TYPES.items()}
    return {name: url for name, url in urls.items() if not (stock and name in OURS_ONLY)}


def bench_page_weight(opts: Options) -> list[str]:
    """First-view bytes and requests per page type on the real site, ours beside stock Material."""
    return _weigh_both(opts, "real site", large=False)


def bench_page_weight_large(opts: Options) -> list[str]:
    """The same on a synthetic large site: N posts and the synthetic organisations."""
    return _weigh_both(opts, opts.large_label, large=True)


def _weigh_both(opts: Options, label: str, *, large: bool) -> list[str]:
    """Ours and stock Material built on the same Markdown; weigh each page type's first view."""
    ours_site = opts.built_project_site(hooks=True, large=large)
    stock_site = opts.built_project_site(hooks=False, large=large)
    ours = _weigh_site(ours_site, opts.project.netlify_toml)
    stock = _weigh_site(stock_site, opts.project.netlify_toml, stock=True)
    lines = [f"{label}: first view, fresh cache, gzip on the wire (goal <= 100 KB real, <= 150 KB large)"]
    for name, figures in ours.items():
        beside = stock.get(name, "no such page")
        lines.append(f"  {name}: ours {figures}; stock Material {beside}")
    return lines + _site_files(ours_site)


def _site_files(site: Path) -> list[str]:
    """The size of the `_headers` file, and of the site's search index (Material's or Pagefind's)."""
    headers = (site / "_headers").read_text(encoding="utf-8")
    lines = [
        f"  _headers: {headers.count(chr(10) + '/') + 1} rules, {len(headers.encode()) / 1024:.0f} KB "
        f"for {len(list(site.rglob('*.html')))} pages"
    ]
    index = site / "search" / "search_index.json"  # stock Material's: fetched on every first visit
    if index.exists():
        raw = index.read_bytes()
        lines.append(
            f"  search index fetched on every first visit: {len(raw) / 1024:.0f} KB raw, "
            f"{len(gzip.compress(raw, 6)) / 1024:.0f} KB gzip"
        )
    bundle = [file for file in (site / "pagefind").rglob("*") if file.is_file()]
    if bundle:
        lines.append(
            f"  search index (Pagefind, fetched in chunks per query, none before the search opens): "
            f"{len(bundle)} files, {sum(f.stat().st_size for f in bundle) / 1024:.0f} KB on disk"
        )
    return lines


def _weigh_site(site: Path, netlify_toml: Path, *, stock: bool = False) -> dict[str, str]:
    """Load each page type with an empty cache, served gzipped; total what went over the wire."""
    weights = {}
    with serve_like_host(site, netlify_toml) as server, chromium() as browser:
        for name, url in page_types(site, stock=stock).items():
            context = browser.new_context(base_url=base_url(server))
            page = context.new_page()
            server.sent.clear()
            page.goto(url, wait_until="networkidle", timeout=180_000)
            weights[name] = _sent_figures(server.sent)
            context.close()
    return weights


def _sent_figures(sent: list[tuple[str, int, int]]) -> str:
    """Requests and KB sent, with the three largest responses named."""
    total = sum(size for _, _, size in sent)
    largest = sorted(sent, key=lambda row: -row[2])[:3]
    named = ", ".join(f"{_short(path)} {size / 1024:.0f}" for path, _, size in largest)
    return f"{len(sent)} requests, {total / 1024:.0f} KB [largest: {named}]"


def _short(path: str) -> str:
    """The last part of a URL path, enough to tell what a response was."""
    return path.rstrip("/").rsplit("/", 1)[-1] or "/"


def bench_site_build(opts: Options) -> list[str]:
    """Build time of the real and the synthetic large site, beside stock Material on the same Markdown."""
    lines = []
    for label, large in (("real site", False), (opts.large_label, True)):
        ours = opts.timed_project_build(hooks=True, large=large)
        stock = opts.timed_project_build(hooks=False, large=large)
        pages = len(list(opts.project_site(hooks=True, large=large).rglob("*.html")))
        lines.append(
            f"{label}: ours {ours:.1f} s, stock Material {stock:.1f} s, "
            f"ratio {ours / stock:.2f} ({pages} pages)"
        )
    return lines


# --- Lighthouse --------------------------------------------------------------------------------


# One Lighthouse run varies by a few points on a busy 2-core machine; the median of a few is
# what Lighthouse's own documentation advises reporting.
LIGHTHOUSE_RUNS = 3


def bench_lighthouse(opts: Options) -> list[str]:
    """Lighthouse (mobile) per page type on the real site, served gzipped; stock Material beside."""
    chrome = chromium_path()
    if chrome is None or not lighthouse_bin(opts.project.root).exists():
        return ["skipped: needs Chromium and node_modules/.bin/lighthouse (make node_modules/.installed)"]
    lines = [
        "goal: performance >= 98, CLS 0, TBT <= 100 ms; accessibility, best practices, SEO 100",
        f"each page run {LIGHTHOUSE_RUNS} times: the median run's figures, then every run's performance",
    ]
    for hooks in (True, False):
        site = opts.built_project_site(hooks=hooks, large=False)
        lines.append("ours:" if hooks else "stock Material:")
        with serve_like_host(site, opts.project.netlify_toml) as server:
            for name, url in page_types(site, stock=not hooks).items():
                report, scores = median_run(
                    opts.project.root, base_url(server) + url, chrome, runs=LIGHTHOUSE_RUNS
                )
                failing = f" (failing: {', '.join(report.failing)})" if report.failing else ""
                lines.append(
                    f"  {name} (/{url}): {report.line()}{failing} [runs: {', '.join(map(str, scores))}]"
                )
    return lines
