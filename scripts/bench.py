"""Benchmarks that print figures: `make bench`. No pass or fail; nothing here is committed.

Each benchmark is one function taking the shared options and returning its figures as text
lines; add a new one to BENCHMARKS and it runs with the rest, or alone with `--only`.

    python scripts/bench.py                              # every benchmark
    python scripts/bench.py --only directory-filter      # one (repeat --only for more)
    python scripts/bench.py --orgs 1000                  # fewer synthetic organisations
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hub.core.paths import Project
from hub.core.vocab import load_vocabularies
from hub.dev.browser import chromium_path
from hub.dev.preview import serve_static

ROOT = Path(__file__).resolve().parent.parent
PROJECT = Project(ROOT)
ORGANISATIONS = PROJECT.organisations


@dataclass
class Options:
    """What every benchmark may use: sizes, and a scratch folder shared between them."""

    orgs: int
    scratch: Path
    posts: int = 1000
    cache: dict[str, object] = field(default_factory=dict)


# --- Directory ---------------------------------------------------------------------------------


def bench_directory_build(opts: Options) -> list[str]:
    """Build time with the real organisations and with N synthetic ones added; cost per page."""
    base_time = _timed_build(ORGANISATIONS, opts.scratch / "site-real")
    big = _synthetic_folder(opts)
    big_time = _timed_build(big, opts.scratch / "site-big")
    opts.cache["big_site"] = opts.scratch / "site-big"
    per_page = (big_time - base_time) / opts.orgs * 1000
    return [
        f"build with the real data ({_count(ORGANISATIONS)} organisations): {base_time:.2f} s",
        f"build with {opts.orgs} synthetic organisations added: {big_time:.2f} s",
        f"cost per organisation page: {per_page:.2f} ms",
    ]


def bench_directory_filter(opts: Options) -> list[str]:
    """In Chromium, the main-thread time of each filter keystroke over N organisations."""
    site = opts.cache.get("big_site")
    if not isinstance(site, Path):
        site = opts.scratch / "site-big"
        _timed_build(_synthetic_folder(opts), site)
    measured = _keystroke_timings(site, ["mentoring london", "apprenticeships scotland", "data"])
    timings = [ms for ms, _ in measured]
    worst_ms, worst_value = max(measured)
    return [
        f"filter keystrokes over {opts.orgs + _count(ORGANISATIONS)} organisations: {len(timings)} measured",
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
    if folder.exists():
        return folder
    shutil.copytree(ORGANISATIONS, folder)
    rng = random.Random(4)
    vocab = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
    regions, support, elements, kinds = (
        vocab.ids("regions"),
        vocab.ids("support"),
        vocab.ids("elements"),
        vocab.ids("organisation_types"),
    )
    words = [
        "young",
        "people",
        "employers",
        "mentoring",
        "schools",
        "outreach",
        "apprenticeships",
        "data",
        "progression",
    ]
    for n in range(opts.orgs):
        summary = " ".join(rng.choice(words) for _ in range(18)).capitalize() + "."
        (folder / f"synthetic-{n:05d}.yml").write_text(
            f'name: "Synthetic organisation {n}"\n'
            f'summary: "{summary}"\n'
            f"website: https://synthetic-{n}.example.org.uk\n"
            f"type: {rng.choice(kinds)}\n"
            f"regions: [{', '.join(rng.sample(regions, 2))}]\n"
            f"support: [{', '.join(rng.sample(support, 3))}]\n"
            f"elements: [{', '.join(rng.sample(elements, 2))}]\n"
            "last_reviewed: 2026-11-24\n",
            encoding="utf-8",
        )
    return folder


def _timed_build(folder: Path, dest: Path) -> float:
    """Seconds for one real build of the site with the organisations in `folder`."""
    env = {**os.environ, "HUB_FEEDS": "offline", "HUB_ORGANISATIONS_DIR": str(folder), "NO_COLOR": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


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
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=["--no-sandbox"])
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
    return _weigh_site(site, "real site")


def bench_page_weight_large(opts: Options) -> list[str]:
    """The same pages on a synthetic large site: N posts and the synthetic organisations."""
    site = opts.scratch / "site-weight-large"
    _timed_project_build(opts, site, hooks=True, posts=opts.posts, orgs=_synthetic_folder(opts))
    return _weigh_site(site, f"{opts.posts} posts + {opts.orgs} organisations")


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


def _weigh_site(site: Path, label: str) -> list[str]:
    """Load each weighed page with an empty cache and total what was transferred."""
    from playwright.sync_api import sync_playwright

    post = next(p for p in sorted(site.glob("blog/20*/**/index.html")))
    pages = {**_WEIGHED_PAGES, "post": post.relative_to(site).as_posix().removesuffix("index.html")}
    lines = [f"{label} (gzip level 6 stands in for the host's compression):"]
    with serve_static(site, netlify_toml=PROJECT.netlify_toml) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=["--no-sandbox"])
        for name, url in pages.items():
            context = browser.new_context(base_url=base)
            page = context.new_page()
            seen: list[tuple[str, bytes]] = []
            page.on("requestfinished", lambda request, seen=seen: seen.append(_body_of(request)))
            page.goto(url, wait_until="networkidle", timeout=180_000)
            context.close()
            lines.append(f"  {name} (/{url}): {_weights(seen)}")
        browser.close()
    headers = (site / "_headers").read_text(encoding="utf-8")
    lines.append(
        f"  _headers: {headers.count(chr(10) + '/') + 1} rules, {len(headers.encode()) / 1024:.0f} KB "
        f"for {len(list(site.rglob('*.html')))} pages"
    )
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    lines.append(
        f"  search index fetched on every first visit: {len(raw) / 1024:.0f} KB raw, "
        f"{len(gzip.compress(raw, 6)) / 1024:.0f} KB gzip"
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


def _timed_project_build(opts: Options, dest: Path, *, hooks: bool, posts: int, orgs: Path | None) -> float:
    """Build a copy of docs/ (plus `posts` synthetic posts) with our hooks, or as stock Material.

    Stock Material gets the same Markdown: the organisation pages our hook generates are
    written out as Markdown files for it, and it builds without hooks and overrides.
    """
    project = opts.scratch / f"project-{'ours' if hooks else 'stock'}-{posts}-{bool(orgs)}"
    if not project.exists():
        shutil.copytree(ROOT / "docs", project / "docs")
        for own in ("data", "overrides"):  # a project reads its own data and templates
            shutil.copytree(ROOT / own, project / own)
        if hooks:  # hooks/cms.py copies the editor's bundle from the project's node_modules
            (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        _write_posts(project / "docs" / "blog" / "posts", posts)
        if not hooks:
            _strip_templates(project / "docs")
            if orgs is not None:
                _write_org_pages(project / "docs" / "organisations", orgs)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"^watch:\n(?:  - .*\n)+", "", config, flags=re.MULTILINE)
        if hooks:
            config = config.replace("  - hooks/", f"  - {ROOT}/hooks/")
        else:
            config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.MULTILINE)
            config = config.replace("  custom_dir: overrides\n", "")
            config = re.sub(r"^\s+- Find an organisation: .*\n", "", config, flags=re.MULTILINE)
        (project / "mkdocs.yml").write_text(config + f"\ndocs_dir: {project / 'docs'}\n", encoding="utf-8")
    env = {
        **os.environ,
        "HUB_FEEDS": "offline",
        "NO_COLOR": "1",
        "HUB_CACHE_DIR": str(opts.scratch / "cache"),
    }
    if orgs is not None:
        env["HUB_ORGANISATIONS_DIR"] = str(orgs)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(dest),
        ],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def _write_posts(folder: Path, count: int) -> None:
    """`count` synthetic posts with valid front matter, over two years."""
    rng = random.Random(7)
    start = datetime.date(2024, 12, 1)
    for n in range(count):
        day = start + datetime.timedelta(days=n % 700)
        body = " ".join(
            rng.choice(["employers", "data", "outreach", "hiring", "progression"]) for _ in range(300)
        )
        (folder / f"synthetic-{n:04d}.md").write_text(
            f"---\ntitle: Synthetic post {n}\ndate: {day.isoformat()}\nauthors: [editors]\n"
            f"categories: [News]\ndescription: A synthetic post for the benchmark.\n---\n\n{body}\n",
            encoding="utf-8",
        )


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


# --- Command line ------------------------------------------------------------------------------

BENCHMARKS: dict[str, Callable[[Options], list[str]]] = {
    "directory-build": bench_directory_build,
    "directory-filter": bench_directory_filter,
    "page-weight": bench_page_weight,
    "page-weight-large": bench_page_weight_large,
    "site-build": bench_site_build,
}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default) and print their figures."""
    args = _parser().parse_args(argv)
    chosen = args.only or list(BENCHMARKS)
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
        opts = Options(orgs=args.orgs, scratch=Path(scratch), posts=args.posts)
        for name in chosen:
            print(f"== {name}", flush=True)
            for line in BENCHMARKS[name](opts):
                print(f"   {line}", flush=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    """--only (repeatable) and the number of synthetic organisations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), help="run only this benchmark")
    parser.add_argument("--orgs", type=int, default=5000, help="synthetic organisations (default 5000)")
    parser.add_argument("--posts", type=int, default=1000, help="synthetic posts (default 1000)")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
