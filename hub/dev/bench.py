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
from hub.dev.browser import CHROMIUM_ARGS, chromium_path
from hub.dev.preview import serve_static
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
        f"median {statistics.median(timings):.1f} ms, 90th percentile "
        f"{statistics.quantiles(timings, n=10)[-1]:.1f} ms (goal: median <= 16 ms)",
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
        page.wait_for_selector("#hub-filters:not([hidden])", timeout=120_000)
        timings = page.evaluate(_KEYSTROKES_JS, queries)
        browser.close()
    return [(ms, value) for ms, value in timings]


# --- Page weight and whole-site builds ----------------------------------------------------------

# One page of each kind a visitor meets first; the post is found in the built site.
_WEIGHED_PAGES = {
    "home": "",
    "guidance": "strategy/data/measuring/",
    "post": None,
    "directory": "organisations/",
}


def bench_page_weight(opts: Options) -> list[str]:
    """Bytes and requests per page (raw and gzip) on the real site, as Chromium loads them."""
    site = opts.scratch / "site-weight"
    _timed_project_build(opts, site, hooks=True, posts=0, orgs=None)
    return _weigh_site(site, "real site", opts.project.netlify_toml)


def bench_page_weight_large(opts: Options) -> list[str]:
    """The same pages on a synthetic large site: N posts and the synthetic organisations."""
    site = opts.scratch / "site-weight-large"
    _timed_project_build(opts, site, hooks=True, posts=opts.posts, orgs=_synthetic_folder(opts))
    return _weigh_site(site, f"{opts.posts} posts + {opts.orgs} organisations", opts.project.netlify_toml)


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


def _weigh_site(site: Path, label: str, netlify_toml: Path) -> list[str]:
    """Load each weighed page with an empty cache and total what was transferred."""
    from playwright.sync_api import sync_playwright

    post = next(p for p in sorted(site.glob("blog/20*/**/index.html")))
    pages = {**_WEIGHED_PAGES, "post": post.relative_to(site).as_posix().removesuffix("index.html")}
    lines = [f"{label} (gzip level 6 stands in for the host's compression):"]
    with serve_static(site, netlify_toml=netlify_toml) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        for name, url in pages.items():
            context = browser.new_context(base_url=base)
            page = context.new_page()
            finished: list[object] = []
            page.on("requestfinished", lambda request, finished=finished: finished.append(request))
            page.goto(url, wait_until="networkidle", timeout=180_000)
            # Bodies are read here, before the context closes: read inside the event handler,
            # a late one raced the close and the page lost its scripts from the figures.
            weights = _weights([_body_of(request) for request in finished])
            context.close()
            lines.append(f"  {name} (/{url}): {weights}")
        browser.close()
    headers = (site / "_headers").read_text(encoding="utf-8")
    lines.append(
        f"  _headers: {headers.count(chr(10) + '/') + 1} rules, {len(headers.encode()) / 1024:.0f} KB "
        f"for {len(list(site.rglob('*.html')))} pages"
    )
    bundle = [file for file in (site / "pagefind").rglob("*") if file.is_file()]
    lines.append(
        f"  search index (Pagefind, fetched in chunks per query, none before the search opens): "
        f"{len(bundle)} files, {sum(f.stat().st_size for f in bundle) / 1024:.0f} KB on disk"
    )
    return lines


def _body_of(request: object) -> tuple[str, bytes]:
    """(kind, body) of a finished request; kind from the URL's ending."""
    response = request.response()  # type: ignore[attr-defined]
    body = response.body() if response else b""
    path = request.url.split("?", 1)[0]  # type: ignore[attr-defined]
    kinds = {".css": "css", ".js": "js", ".json": "json", ".svg": "img", ".png": "img", ".xml": "xml"}
    kind = next((k for end, k in kinds.items() if path.endswith(end)), "html")
    return kind, body


def _weights(seen: list[tuple[str, bytes]]) -> str:
    """Requests, raw and gzip bytes in all and by kind."""
    by_kind: dict[str, list[int]] = {}
    for kind, body in seen:
        raw, packed = len(body), len(gzip.compress(body, 6))
        totals = by_kind.setdefault(kind, [0, 0, 0])
        totals[0] += 1
        totals[1] += raw
        totals[2] += packed
    raw_all = sum(t[1] for t in by_kind.values())
    gz_all = sum(t[2] for t in by_kind.values())
    parts = ", ".join(
        f"{k} {t[0]}x {t[1] / 1024:.0f}/{t[2] / 1024:.0f} KB" for k, t in sorted(by_kind.items())
    )
    return f"{len(seen)} requests, {raw_all / 1024:.0f} KB raw, {gz_all / 1024:.0f} KB gzip [{parts}]"


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
    site = opts.scratch / "site-weight-large"
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
    bodies = [(request.url, _body_of(request)[1]) for request in finished]  # type: ignore[attr-defined]
    index = [body for url, body in bodies if _INDEX_CHUNK.search(url)]
    return SearchRow(
        query,
        ms,
        len(bodies),
        sum(len(gzip.compress(body, 6)) for _, body in bodies),
        len(index),
        sum(len(gzip.compress(body, 6)) for body in index),
    )


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


def write_scratch_project(real: Project, folder: Path, *, hooks: bool, posts: int, orgs: Path | None) -> Path:
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
    from mkdocs.config import load_config

    return load_config(str(config_file))["nav"]


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


BENCHMARKS: dict[str, Callable[[Options], list[str]]] = {
    "directory-build": bench_directory_build,
    "directory-filter": bench_directory_filter,
    "page-weight": bench_page_weight,
    "page-weight-large": bench_page_weight_large,
    "site-build": bench_site_build,
    "search": bench_search,
}
