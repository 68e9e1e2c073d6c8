"""The directory's benchmarks: build time with many organisations, and filter keystrokes."""

from __future__ import annotations

import statistics
from pathlib import Path

from hub.dev.bench.options import Options, count_organisations
from hub.dev.browser import chromium
from hub.dev.preview import serve_static


def bench_directory_build(opts: Options) -> list[str]:
    """Build time with the real organisations and with N synthetic ones added; cost per page."""
    real = opts.project.organisations
    base_time = opts.timed_build(real, opts.scratch / "site-real")
    big_time = opts.timed_build(opts.synthetic_folder(), opts.scratch / "site-big")
    opts.cache["big_site"] = opts.scratch / "site-big"
    per_page = (big_time - base_time) / opts.orgs * 1000
    return [
        f"build with the real data ({count_organisations(real)} organisations): {base_time:.2f} s",
        f"build with {opts.orgs} synthetic organisations added: {big_time:.2f} s",
        f"cost per organisation page: {per_page:.2f} ms",
    ]


def bench_directory_filter(opts: Options) -> list[str]:
    """In Chromium, the main-thread time of each filter keystroke over N organisations."""
    site = opts.cache.get("big_site")
    if not isinstance(site, Path):
        site = opts.scratch / "site-big"
        opts.timed_build(opts.synthetic_folder(), site)
    measured = _keystroke_timings(site, ["mentoring london", "apprenticeships scotland", "data"])
    timings = [ms for ms, _ in measured]
    worst_ms, worst_value = max(measured)
    total = opts.orgs + count_organisations(opts.project.organisations)
    return [
        f"filter keystrokes over {total} organisations: {len(timings)} measured",
        f"median {statistics.median(timings):.1f} ms, 95th percentile "
        f"{statistics.quantiles(timings, n=20)[-1]:.1f} ms (goal: median <= 8 ms, 95th <= 16 ms)",
        f"worst {worst_ms:.1f} ms, when the box held {worst_value!r}",
    ]


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
    with serve_static(site) as base, chromium() as browser:
        page = browser.new_page(base_url=base)
        page.goto("organisations/", timeout=120_000)
        page.wait_for_selector("#hub-filters[data-hub-live]", timeout=120_000)
        # The filter data comes when a visitor reaches for the form: time keystrokes once it is here.
        page.focus("#hub-filter-search")
        page.wait_for_selector("#hub-filters[data-hub-ready]", timeout=120_000)
        timings = page.evaluate(_KEYSTROKES_JS, queries)
    return [(ms, value) for ms, value in timings]
