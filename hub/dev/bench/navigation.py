"""The instant-navigation benchmark: a visitor's first three pages with and without Material's
`navigation.instant`, on a slow phone link, on the real site and the large one."""

from __future__ import annotations

import html
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from hub.deploy.headers import SITEMAP
from hub.dev.bench.options import Options
from hub.dev.browser import chromium
from hub.dev.preview import base_url, free_port, serve_like_host
from hub.dev.scratch import read_config, scratch_env, write_scratch_project
from hub.dev.sitebuild import build_or_raise

# A visitor's first three pages, each reached by clicking a link on the one before.
JOURNEY = ("", "strategy/", "strategy/data/measuring/")
# Lighthouse's mobile figures: a slow 4G link and a phone's CPU, so the difference shows.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 7.5e5 / 8}
CPU_SLOWDOWN = 4


def bench_navigation(opts: Options) -> list[str]:
    """A visitor's first three pages with and without `navigation.instant`, on the real site
    and the large one: time, bytes, and the main thread's blocking time for each page."""
    features = read_config(opts.project.config_file)["theme"]["features"]
    lines = [
        f"pages {' -> '.join('/' + url for url in JOURNEY)}, slow 4G and {CPU_SLOWDOWN}x CPU, gzip, ETags; "
        "blocking: long tasks past 50 ms while the page loads and settles (Lighthouse's TBT, measured)"
    ]
    for label, posts in [("real site", 0), (opts.large_label, opts.posts)]:
        orgs = opts.synthetic_folder() if posts else None
        lines.append(f"  {label}:")
        for instant in (True, False):
            # Material matches links against sitemap.xml by protocol and host but keeps the port
            # of the sitemap's URLs: built for another address, every click is a full page load.
            # So each site is built for the address it is then served at.
            port = free_port()
            site = opts.scratch / f"site-nav-{instant}-{posts}"
            kept = [f for f in features if instant or f != "navigation.instant"]
            project = opts.scratch / f"project-nav-{instant}-{posts}"
            write_scratch_project(
                opts.project,
                project,
                hooks=True,
                posts=posts,
                orgs=orgs,
                theme={"features": kept},
                site_url=f"http://127.0.0.1:{port}/",
            )
            env = scratch_env(opts.scratch / "cache", orgs)
            build_or_raise(project / "mkdocs.yml", site, env, strict=False)
            runs = [_journey(site, opts.project.netlify_toml, port) for _ in range(3)]
            lines.append("    with navigation.instant:" if instant else "    without navigation.instant:")
            for n, url in enumerate(JOURNEY):
                steps = [run[n] for run in runs]
                lines.append(
                    f"      page {n + 1} (/{url}): median {statistics.median(s.ms for s in steps):.0f} ms, "
                    f"blocking {statistics.median(s.blocking_ms for s in steps):.0f} ms, "
                    f"{statistics.median(s.bytes for s in steps) / 1024:.0f} KB over the wire, "
                    f"{steps[0].requests} requests ({steps[0].full} with a body), "
                    f"sitemap.xml fetched {steps[0].sitemaps}x, "
                    f"{'same' if steps[0].same_page else 'new'} document"
                )
    return lines


@dataclass(frozen=True)
class Step:
    """One page of a journey: time to shown, bytes and requests over the wire."""

    ms: float
    bytes: int
    requests: int
    full: int
    sitemaps: int
    same_page: bool
    blocking_ms: float


def _journey(site: Path, netlify_toml: Path, port: int) -> list[Step]:
    """Each page of the journey for one fresh visitor, reached by clicking a visible link."""
    results = []
    with serve_like_host(site, netlify_toml, port=port) as server, chromium() as browser:
        context = browser.new_context(base_url=base_url(server))
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(_LONG_TASKS_JS)  # on every new document (full page loads)
        for n, url in enumerate(JOURNEY):
            title = _title_of(site, url)
            if n:
                page.evaluate(_MARK_LINK_TO, base_url(server) + url)
            _quiet(server.sent)
            server.sent.clear()
            start = time.perf_counter()
            if n == 0:
                page.goto(url, wait_until="load")
            else:
                page.click("[data-bench-next]")
            page.wait_for_function(_SHOWN, arg=[title, "/" + url], timeout=60_000)
            ms = (time.perf_counter() - start) * 1000
            _quiet(server.sent)
            sent = list(server.sent)
            # This page's long tasks; kept from page to page only within one document.
            blocking = page.evaluate(
                "() => window.__hubLongTasks.splice(0).reduce((a, d) => a + Math.max(0, d - 50), 0)"
            )
            results.append(
                Step(
                    ms=ms,
                    bytes=sum(size for _, _, size in sent),
                    requests=len(sent),
                    full=sum(1 for _, status, _ in sent if status == 200),
                    sitemaps=sum(1 for path, _, _ in sent if path == SITEMAP),
                    same_page=bool(page.evaluate("() => window.__benchSamePage === true")),
                    blocking_ms=blocking,
                )
            )
            page.evaluate("() => { window.__benchSamePage = true; }")
    return results


_LONG_TASKS_JS = (
    "window.__hubLongTasks = [];"
    "new PerformanceObserver(list => {"
    " for (const e of list.getEntries()) window.__hubLongTasks.push(e.duration); })"
    ".observe({type: 'longtask', buffered: true});"
)
_MARK_LINK_TO = (
    "url => [...document.querySelectorAll('a[href]')]"
    ".find(a => a.href === url && a.offsetParent !== null).setAttribute('data-bench-next', '')"
)
_SHOWN = (
    "([title, path]) => location.pathname === path && document.title === title"
    " && document.readyState === 'complete'"
)


def _title_of(site: Path, url: str) -> str:
    """The <title> of a built page, as the browser shows it."""
    text = (site / url / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.DOTALL).group(1))


def _quiet(sent: list[object], *, for_s: float = 1.0, at_most_s: float = 20.0) -> None:
    """Wait until no response has been sent for `for_s` seconds (the page's late fetches)."""
    deadline = time.monotonic() + at_most_s
    seen, since = len(sent), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < for_s:
        time.sleep(0.05)
        if len(sent) != seen:
            seen, since = len(sent), time.monotonic()
