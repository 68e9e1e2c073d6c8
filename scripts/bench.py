"""Benchmarks that print figures: `make bench`. No pass or fail; nothing here is committed.

Each benchmark is one function taking the shared options and returning its figures as text
lines; add a new one to BENCHMARKS and it runs with the rest, or alone with `--only`.

    python scripts/bench.py                              # every benchmark
    python scripts/bench.py --only directory-filter      # one (repeat --only for more)
    python scripts/bench.py --orgs 1000                  # fewer synthetic organisations
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hub.directory import ORGANISATIONS
from hub.paths import ROOT
from hub.vocab import ids


@dataclass
class Options:
    """What every benchmark may use: sizes, and a scratch folder shared between them."""

    orgs: int
    scratch: Path
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
    regions, support, elements, kinds = (
        ids("regions"),
        ids("support"),
        ids("elements"),
        ids("organisation_types"),
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

    with _served(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), headless=True, args=["--no-sandbox"])
        page = browser.new_page(base_url=base)
        page.goto("organisations/", timeout=120_000)
        page.wait_for_selector("#hub-filters:not([hidden])", timeout=120_000)
        timings = page.evaluate(_KEYSTROKES_JS, queries)
        browser.close()
    return [(ms, value) for ms, value in timings]


@contextmanager
def _served(site: Path) -> Iterator[str]:
    """Serve a built site on a free local port for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _chromium() -> str | None:
    """Debian's Chromium when present, else Playwright's own."""
    for candidate in (os.environ.get("HUB_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# --- Command line ------------------------------------------------------------------------------

BENCHMARKS: dict[str, Callable[[Options], list[str]]] = {
    "directory-build": bench_directory_build,
    "directory-filter": bench_directory_filter,
}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default) and print their figures."""
    args = _parser().parse_args(argv)
    chosen = args.only or list(BENCHMARKS)
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
        opts = Options(orgs=args.orgs, scratch=Path(scratch))
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
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
