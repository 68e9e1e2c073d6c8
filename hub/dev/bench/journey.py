"""The employee-journey benchmark (docs/javascripts/journey/): the pay gap page's parse and
compute for large pay files, and the whole load as the page does it."""

from __future__ import annotations

from hub.dev.bench.options import Options
from hub.dev.browser import chromium
from hub.dev.preview import serve_static
from hub.dev.sitebuild import build_or_raise

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
    site = opts.scratch / "site-journey"
    build_or_raise(opts.project.config_file, site, {"HUB_FEEDS": "offline"})
    lines = []
    with serve_static(site) as base, chromium() as browser:
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
    return lines


def _pay_csv(n: int) -> str:
    """A synthetic pay file: `n` rows cycling through the answer options' ids."""
    ids = ["professional", "clerical", "routine", "technical", "other"]
    rows = [f"{ids[i % len(ids)]},{10 + ((i * 7919) % 5000) / 100:.2f}" for i in range(n)]
    return "answer,hourly_pay\n" + "\n".join(rows) + "\n"
