"""The benchmarks behind `make bench`: each takes the shared options and returns text lines.

Add a function to BENCHMARKS and it runs with the rest, or alone with `--only`. Builds go
through hub.dev.sitebuild into scratch projects: a small mkdocs.yml that INHERITs the real
one, so "ours" and "stock Material" differ only in the keys the stock file overrides.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hub.core.paths import Project
from hub.core.vocab import Vocabularies, load_vocabularies
from hub.deploy.headers import SITEMAP
from hub.dev.browser import CHROMIUM_ARGS, chromium_path
from hub.dev.lighthouse import lighthouse_bin, median_run
from hub.dev.preview import base_url, serve_like_host, serve_static
from hub.dev.sitebuild import build_or_raise
from hub.dev.synthetic import directory_with_extra, write_posts

# The page our directory hook generates; stock Material has no such page, so its nav drops it.
GENERATED_NAV_PAGE = "organisations/index.md"


@dataclass
class Options:
    """What every benchmark may use: the project, sizes, and a scratch folder shared between them."""

    project: Project
    orgs: int
    scratch: Path
    posts: int = 1000
    cache: dict[str, object] = field(default_factory=dict)

    @property
    def vocab(self) -> Vocabularies:
        return load_vocabularies(self.project.vocabularies, self.project.schemas)


# --- Directory ---------------------------------------------------------------------------------


def bench_directory_build(opts: Options) -> list[str]:
    """Build time with the real organisations and with N synthetic ones added; cost per page."""
    real = opts.project.organisations
    base_time = _timed_build(opts, real, opts.scratch / "site-real")
    big_time = _timed_build(opts, _synthetic_folder(opts), opts.scratch / "site-big")
    opts.cache["big_site"] = opts.scratch / "site-big"
    per_page = (big_time - base_time) / opts.orgs * 1000
    return [
        f"build with the real data ({_count(real)} organisations): {base_time:.2f} s",
        f"build with {opts.orgs} synthetic organisations added: {big_time:.2f} s",
        f"cost per organisation page: {per_page:.2f} ms",
    ]


def bench_directory_filter(opts: Options) -> list[str]:
    """In Chromium, the main-thread time of each filter keystroke over N organisations."""
    site = opts.cache.get("big_site")
    if not isinstance(site, Path):
        site = opts.scratch / "site-big"
        _timed_build(opts, _synthetic_folder(opts), site)
    measured = _keystroke_timings(site, ["mentoring london", "apprenticeships scotland", "data"])
    timings = [ms for ms, _ in measured]
    worst_ms, worst_value = max(measured)
    return [
        f"filter keystrokes over {opts.orgs + _count(opts.project.organisations)} organisations: "
        f"{len(timings)} measured",
        f"median {statistics.median(timings):.1f} ms, 95th percentile "
        f"{statistics.quantiles(timings, n=20)[-1]:.1f} ms (goal: median <= 8 ms, 95th <= 16 ms)",
        f"worst {worst_ms:.1f} ms, when the box held {worst_value!r}",
    ]


def _count(folder: Path) -> int:
    """How many organisation files a folder holds."""
    return len(list(folder.glob("*.yml")))


def _synthetic_folder(opts: Options) -> Path:
    """The real organisations plus N synthetic ones, written once into the scratch folder."""
    folder = opts.scratch / "organisations"
    if not folder.exists():
        directory_with_extra(folder, opts.project.organisations, opts.orgs, opts.vocab)
    return folder


def _timed_build(opts: Options, organisations: Path, dest: Path) -> float:
    """Seconds for one real build of the project with the organisations in `organisations`."""
    env = {"HUB_ORGANISATIONS_DIR": str(organisations), "HUB_CACHE_DIR": str(opts.scratch / "cache")}
    return build_or_raise(opts.project.config_file, dest, env, strict=False).seconds


# Type each query a letter at a time, then delete it again; time each input event's handler
# plus the style and layout it causes (what blocks the next frame).
_KEYSTROKES_JS = """
async (queries) => {
  const input = document.getElementById('hub-filter-search');
  const times = [];
  const press = (value) => {
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    document.body.getBoundingClientRect();
    void document.getElementById('hub-orgs').offsetHeight;
    times.push([performance.now() - start, value]);
  };
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) press(query.slice(0, i));
    for (let i = query.length - 1; i >= 0; i--) press(query.slice(0, i));
    await new Promise(requestAnimationFrame);
  }
  return times;
}
"""


def _keystroke_timings(site: Path, queries: list[str]) -> list[tuple[float, str]]:
    """Serve `site`, open its directory in headless Chromium and time filter keystrokes."""
    from playwright.sync_api import sync_playwright

    with serve_static(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=base)
        page.goto("organisations/", timeout=120_000)
        page.wait_for_selector("#hub-filters[data-hub-live]", timeout=120_000)
        # The filter data comes when a visitor reaches for the form: time keystrokes once it is here.
        page.focus("#hub-filter-search")
        page.wait_for_selector("#hub-filters[data-hub-ready]", timeout=120_000)
        timings = page.evaluate(_KEYSTROKES_JS, queries)
        browser.close()
    return [(ms, value) for ms, value in timings]


# --- Page weight and whole-site builds ----------------------------------------------------------

# One page of each kind a visitor meets first; the post and organisation are found in the
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
    return _weigh_both(opts, "real site", posts=0, orgs=None)


def bench_page_weight_large(opts: Options) -> list[str]:
    """The same on a synthetic large site: N posts and the synthetic organisations."""
    label = f"{opts.posts} posts + {opts.orgs} organisations"
    return _weigh_both(opts, label, posts=opts.posts, orgs=_synthetic_folder(opts))


def _weigh_both(opts: Options, label: str, *, posts: int, orgs: Path | None) -> list[str]:
    """Build ours and stock Material on the same Markdown; weigh each page type's first view."""
    orgs = orgs or opts.project.organisations  # stock gets the organisations as Markdown pages
    sites = {}
    for hooks in (True, False):
        site = opts.scratch / f"site-weight-{'ours' if hooks else 'stock'}-{posts}"
        _timed_project_build(opts, site, hooks=hooks, posts=posts, orgs=orgs)
        sites[hooks] = site
    ours = _weigh_site(sites[True], opts.project.netlify_toml)
    stock = _weigh_site(sites[False], opts.project.netlify_toml, stock=True)
    lines = [f"{label}: first view, fresh cache, gzip on the wire (goal <= 100 KB real, <= 150 KB large)"]
    for name, figures in ours.items():
        beside = stock.get(name, "no such page")
        lines.append(f"  {name}: ours {figures}; stock Material {beside}")
    return lines + _site_files(sites[True])


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
    from playwright.sync_api import sync_playwright

    weights = {}
    with serve_like_host(site, netlify_toml) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        for name, url in page_types(site, stock=stock).items():
            context = browser.new_context(base_url=base_url(server))
            page = context.new_page()
            server.sent.clear()
            page.goto(url, wait_until="networkidle", timeout=180_000)
            weights[name] = _sent_figures(server.sent)
            context.close()
        browser.close()
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
    for label, posts, orgs in (
        ("real site", 0, None),
        (f"{opts.posts} posts + {opts.orgs} organisations", opts.posts, _synthetic_folder(opts)),
    ):
        ours = _timed_project_build(opts, opts.scratch / "site-ours", hooks=True, posts=posts, orgs=orgs)
        stock = _timed_project_build(opts, opts.scratch / "site-stock", hooks=False, posts=posts, orgs=orgs)
        pages = len(list((opts.scratch / "site-ours").rglob("*.html")))
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
        site = opts.scratch / f"site-weight-{'ours' if hooks else 'stock'}-0"
        if not site.exists():
            _timed_project_build(opts, site, hooks=hooks, posts=0, orgs=opts.project.organisations)
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


# --- Instant navigation -------------------------------------------------------------------------

# A visitor's first three pages, each reached by clicking a link on the one before.
JOURNEY = ("", "strategy/", "strategy/data/measuring/")
# Lighthouse's mobile figures: a slow 4G link and a phone's CPU, so the difference shows.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 7.5e5 / 8}
CPU_SLOWDOWN = 4


def bench_navigation(opts: Options) -> list[str]:
    """A visitor's first three pages with and without `navigation.instant`, on the real site
    and the large one: time, bytes, and the main thread's blocking time for each page."""
    features = _read_config(opts.project.config_file)["theme"]["features"]
    lines = [
        f"pages {' -> '.join('/' + url for url in JOURNEY)}, slow 4G and {CPU_SLOWDOWN}x CPU, gzip, ETags; "
        "blocking: long tasks past 50 ms while the page loads and settles (Lighthouse's TBT, measured)"
    ]
    for label, posts in [("real site", 0), (f"{opts.posts} posts + {opts.orgs} organisations", opts.posts)]:
        orgs = _synthetic_folder(opts) if posts else None
        lines.append(f"  {label}:")
        for instant in (True, False):
            # Material matches links against sitemap.xml by protocol and host but keeps the port
            # of the sitemap's URLs: built for another address, every click is a full page load.
            # So each site is built for the address it is then served at.
            port = _free_port()
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
            env = {"HUB_CACHE_DIR": str(opts.scratch / "cache")}
            if orgs is not None:
                env["HUB_ORGANISATIONS_DIR"] = str(orgs)
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


def _free_port() -> int:
    """A port on 127.0.0.1 that is free now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _journey(site: Path, netlify_toml: Path, port: int) -> list[Step]:
    """Each page of the journey for one fresh visitor, reached by clicking a visible link."""
    import time

    from playwright.sync_api import sync_playwright

    results = []
    with serve_like_host(site, netlify_toml, port=port) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
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
        browser.close()
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
    import html

    text = (site / url / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.DOTALL).group(1))


def _quiet(sent: list[object], *, for_s: float = 1.0, at_most_s: float = 20.0) -> None:
    """Wait until no response has been sent for `for_s` seconds (the page's late fetches)."""
    import time

    deadline = time.monotonic() + at_most_s
    seen, since = len(sent), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < for_s:
        time.sleep(0.05)
        if len(sent) != seen:
            seen, since = len(sent), time.monotonic()


# --- Search -------------------------------------------------------------------------------------

# Queries a visitor might type, each typed a key at a time into the header search.
SEARCH_QUERIES = ("pay gap", "main household earner", "mentoring", "board agenda", "apprenticeships")
# A brisk typist's pace (about 100 words a minute), so Pagefind's start-up and earlier prefixes
# overlap the typing as they would for a person; the time counted is after the last key.
KEY_DELAY_MS = 100

# In the page: note the time of every keydown; resolve when the result list answers `query`.
_LAST_KEY_JS = """
() => {
  window.__hubLastKey = 0;
  document.addEventListener('keydown', () => { window.__hubLastKey = performance.now(); }, true);
}
"""
_ANSWERED_JS = """
(query) => new Promise((resolve) => {
  const list = document.getElementById('hub-search-results');
  const done = () => list.dataset.query === query;
  if (done()) return resolve(performance.now() - window.__hubLastKey);
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); resolve(performance.now() - window.__hubLastKey); }
  }).observe(list, {attributes: true, attributeFilter: ['data-query']});
})
"""


def bench_search(opts: Options) -> list[str]:
    """On the large site, in Chromium: bytes the search fetches for one query, and the time from
    the last keystroke to results, for a first query (start-up included) and a later one."""
    site = opts.scratch / f"site-weight-ours-{opts.posts}"  # page-weight-large's, when it ran
    if not (site / "pagefind").is_dir():
        _timed_project_build(opts, site, hooks=True, posts=opts.posts, orgs=_synthetic_folder(opts))
    pages = len(list(site.rglob("*.html")))
    first, later = _search_timings(site, opts.project.netlify_toml)
    lines = [
        f"search on {opts.posts} posts + {opts.orgs} organisations ({pages} pages), typed at "
        f"{KEY_DELAY_MS} ms a key, goal <= 300 ms from the last key to results:"
    ]
    for cold, warm in zip(first, later, strict=True):
        lines.append(
            f"  {cold.query!r}: first query {cold.ms:.0f} ms, {cold.gzip_bytes / 1024:.0f} KB gzip in "
            f"{cold.requests} requests (index {cold.index_gzip_bytes / 1024:.0f} KB in "
            f"{cold.index_requests}); typed again later {warm.ms:.0f} ms, {warm.gzip_bytes / 1024:.0f} KB"
        )
    times = [row.ms for row in first]
    index_kb = [row.index_gzip_bytes / 1024 for row in first]
    lines.append(
        f"  first query: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms; index fetched "
        f"for one query: median {statistics.median(index_kb):.0f} KB gzip (start-up, once a visit: "
        f"{statistics.median(row.gzip_bytes - row.index_gzip_bytes for row in first) / 1024:.0f} KB gzip)"
    )
    return lines


# What a query fetched of the index itself (word chunks, result fragments); the rest of a first
# query is start-up, paid once a visit: our results code, Pagefind's loader, worker and WebAssembly.
_INDEX_CHUNK = re.compile(r"/pagefind/.*\.pf_(?:index|fragment|filter)$")


@dataclass(frozen=True)
class SearchRow:
    """One timed query: ms from the last keystroke to results, and what it fetched (gzip bytes)."""

    query: str
    ms: float
    requests: int
    gzip_bytes: int
    index_requests: int
    index_gzip_bytes: int


def _search_timings(site: Path, netlify_toml: Path) -> tuple[list[SearchRow], list[SearchRow]]:
    """For each query, a fresh visitor on a guidance page: open the search, type, time the results;
    then type another query and this one again (index chunks now cached in the page)."""
    from playwright.sync_api import sync_playwright

    first: list[SearchRow] = []
    later: list[SearchRow] = []
    with serve_static(site, netlify_toml=netlify_toml) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        for query in SEARCH_QUERIES:
            context = browser.new_context(base_url=base)
            page = context.new_page()
            page.goto("strategy/data/measuring/", wait_until="networkidle", timeout=180_000)
            page.evaluate(_LAST_KEY_JS)
            first.append(_timed_query(page, query))
            _timed_query(page, "policy")
            later.append(_timed_query(page, query))
            context.close()
        browser.close()
    return first, later


def _timed_query(page: object, query: str) -> SearchRow:
    """Open the search, type `query` a key at a time; (query, ms, requests, raw, gzip bytes)."""
    finished: list[object] = []

    def listener(request: object) -> None:
        finished.append(request)

    page.on("requestfinished", listener)  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.fill("#hub-search-input", "")  # type: ignore[attr-defined]
    page.keyboard.type(query, delay=KEY_DELAY_MS)  # type: ignore[attr-defined]
    ms = page.evaluate(_ANSWERED_JS, query)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.remove_listener("requestfinished", listener)  # type: ignore[attr-defined]
    bodies = [(request.url, _body(request)) for request in finished]  # type: ignore[attr-defined]
    index = [body for url, body in bodies if _INDEX_CHUNK.search(url)]
    return SearchRow(
        query,
        ms,
        len(bodies),
        sum(len(gzip.compress(body, 6)) for _, body in bodies),
        len(index),
        sum(len(gzip.compress(body, 6)) for body in index),
    )


def _body(request: object) -> bytes:
    """The body of a finished request (empty when it had no response)."""
    response = request.response()  # type: ignore[attr-defined]
    return response.body() if response else b""


# --- Scratch projects ---------------------------------------------------------------------------


def _timed_project_build(opts: Options, dest: Path, *, hooks: bool, posts: int, orgs: Path | None) -> float:
    """Seconds to build a scratch copy of docs/ (plus `posts` synthetic posts), ours or stock."""
    name = f"project-{'ours' if hooks else 'stock'}-{posts}-{bool(orgs)}"
    project = opts.scratch / name
    if not project.exists():
        write_scratch_project(opts.project, project, hooks=hooks, posts=posts, orgs=orgs)
    env = {"HUB_CACHE_DIR": str(opts.scratch / "cache")}
    if orgs is not None:
        env["HUB_ORGANISATIONS_DIR"] = str(orgs)
    return build_or_raise(project / "mkdocs.yml", dest, env, strict=False).seconds


def write_scratch_project(
    real: Project,
    folder: Path,
    *,
    hooks: bool,
    posts: int,
    orgs: Path | None,
    theme: dict[str, object] | None = None,
    site_url: str | None = None,
) -> Path:
    """A project in `folder` built from the real one: its own docs/ copy, the rest linked.

    Its mkdocs.yml INHERITs the real one. Stock Material gets the same Markdown: our page
    templates dropped from front matter, the organisation pages our hook generates written
    out as Markdown, and a config without hooks, template overrides or the generated page.
    """
    shutil.copytree(real.docs, folder / "docs")
    # A project reads its own data, templates and the abbreviations pymdownx.snippets appends.
    # hooks/cms.py copies the editor's bundle from the project's node_modules.
    for own in ("data", "overrides", "hooks", "includes", "node_modules"):
        (folder / own).symlink_to(real.root / own, target_is_directory=True)
    write_posts(folder / "docs" / "blog" / "posts", posts)
    config: dict[str, object] = {"INHERIT": str(real.config_file), "watch": []}
    if not hooks:
        _strip_templates(folder / "docs")
        if orgs is not None:
            _write_org_pages(folder / "docs" / "organisations", orgs)
        (folder / "stock-overrides").mkdir()
        config.update(stock_material_overrides(real.config_file))
    if theme:  # INHERIT merges mappings key by key: these theme keys replace the real ones
        config["theme"] = {**config.get("theme", {}), **theme}
    if site_url:
        config["site_url"] = site_url
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def stock_material_overrides(config_file: Path) -> dict[str, object]:
    """The keys that turn the real config into stock Material: no hooks, an empty custom_dir,
    the nav without the page our directory hook generates, and Material's own search plugin
    (the hub replaced it with Pagefind, a hook) in front of the same plugins."""
    return {
        "hooks": [],
        "theme": {"custom_dir": "stock-overrides"},
        "nav": _without_page(_read_nav(config_file), GENERATED_NAV_PAGE),
        "plugins": ["search", *_read_plugins(config_file)],
    }


def _read_plugins(config_file: Path) -> list[object]:
    """The `plugins:` of a mkdocs.yml as written (names and options), its tags resolved."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(config_file)))
    with config_file.open(encoding="utf-8") as handle:
        return list(yaml_load(handle, loader)["plugins"])


def _read_nav(config_file: Path) -> list[object]:
    """The `nav:` of a mkdocs.yml, read as MkDocs reads the file (its own tags included)."""
    return _read_config(config_file)["nav"]


def _read_config(config_file: Path) -> dict[str, object]:
    """A mkdocs.yml as MkDocs reads it (its own tags included)."""
    from mkdocs.config import load_config

    return load_config(str(config_file))


def _without_page(nav: list[object], page: str) -> list[object]:
    """`nav` with every entry that points at `page` removed, at any depth."""
    kept: list[object] = []
    for entry in nav:
        if entry == page:
            continue
        if isinstance(entry, dict):
            (title, target), *_ = entry.items()
            if target == page:
                continue
            entry = {title: _without_page(target, page)} if isinstance(target, list) else entry
        kept.append(entry)
    return kept


def _strip_templates(docs: Path) -> None:
    """Drop `template:` from front matter: stock Material has none of our page templates."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "\ntemplate:" in text:
            page.write_text(re.sub(r"^template: .*\n", "", text, flags=re.MULTILINE), encoding="utf-8")


def _write_org_pages(folder: Path, orgs: Path) -> None:
    """Markdown pages standing in for the generated organisation pages (stock build)."""
    folder.mkdir(parents=True, exist_ok=True)
    for file in orgs.glob("*.yml"):
        (folder / f"{file.stem}.md").write_text(f"# {file.stem}\n\n{file.read_text(encoding='utf-8')}\n")


# --- Employee journey analyses (docs/javascripts/journey/) --------------------------------------

JOURNEY_ROWS = (10_000, 100_000)
# In the page: a pay file of `n` rows (answers by id, pay in pounds), then the page's own
# modules read and compute it; the time of each step in ms.
_PAY_COMPUTE_JS = """async (n) => {
  const pay = await import(new URL("../../../javascripts/journey/pay.js", location.href).href);
  const config = JSON.parse(document.getElementById("hub-journey-config").dataset.config);
  const ids = config.options.map((o) => o.id);
  const lines = ["answer,hourly_pay"];
  for (let i = 0; i < n; i++) {
    lines.push(`${ids[i % ids.length]},${(10 + ((i * 7919) % 5000) / 100).toFixed(2)}`);
  }
  const text = lines.join("\\n");
  const t0 = performance.now();
  const read = pay.readPay(text, config);
  const t1 = performance.now();
  pay.payResults(config, read.people, false);
  const t2 = performance.now();
  return [t1 - t0, t2 - t1, text.length];
}"""

# Long tasks from now on only (not the timing above, which ran on the main thread on purpose).
_JOURNEY_TASKS_JS = (
    "window.__hubJourneyTasks = [];"
    "new PerformanceObserver(list => {"
    " for (const e of list.getEntries()) window.__hubJourneyTasks.push(e.duration); })"
    ".observe({type: 'longtask'});"
)


def bench_journey(opts: Options) -> list[str]:
    """In Chromium, the pay gap page: parse and compute for 10,000 and 100,000 rows (timed on
    the main thread), and the whole load as the page does it, in its worker (file chosen to
    table shown), with the longest main-thread task meanwhile."""
    from playwright.sync_api import sync_playwright

    site = opts.scratch / "site-journey"
    build_or_raise(opts.project.config_file, site, {"HUB_FEEDS": "offline"})
    lines = []
    with serve_static(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for n in JOURNEY_ROWS:
            page.goto(f"{base}strategy/data/pay-gap/")
            page.wait_for_selector("#hub-journey[data-ready]")
            parse_ms, compute_ms, size = page.evaluate(_PAY_COMPUTE_JS, n)
            csv_path = opts.scratch / f"pay-{n}.csv"
            csv_path.write_text(_pay_csv(n), encoding="utf-8")
            page.evaluate(_JOURNEY_TASKS_JS)
            start = page.evaluate("performance.now()")
            page.set_input_files("#hub-journey-file", csv_path)
            page.wait_for_selector(".hub-journey-quartiles")
            total_ms = page.evaluate("performance.now()") - start
            longest = max(page.evaluate("window.__hubJourneyTasks"), default=0.0)
            lines.append(
                f"pay file of {n:,} rows ({size / 1e6:.1f} MB): parse {parse_ms:.0f} ms, "
                f"compute {compute_ms:.0f} ms; "
                f"chosen to shown {total_ms:.0f} ms, longest main-thread task {longest:.0f} ms"
            )
        browser.close()
    return lines


def _pay_csv(n: int) -> str:
    """A synthetic pay file: `n` rows cycling through the answer options' ids."""
    ids = ["professional", "clerical", "routine", "technical", "other"]
    rows = [f"{ids[i % len(ids)]},{10 + ((i * 7919) % 5000) / 100:.2f}" for i in range(n)]
    return "answer,hourly_pay\n" + "\n".join(rows) + "\n"


BENCHMARKS: dict[str, Callable[[Options], list[str]]] = {
    "directory-build": bench_directory_build,
    "directory-filter": bench_directory_filter,
    "page-weight": bench_page_weight,
    "page-weight-large": bench_page_weight_large,
    "site-build": bench_site_build,
    "navigation": bench_navigation,
    "lighthouse": bench_lighthouse,
    "search": bench_search,
    "journey": bench_journey,
}
