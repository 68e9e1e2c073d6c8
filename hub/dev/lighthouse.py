"""Lighthouse (npm, pinned in package.json) against Debian's Chromium: one page, its scores.

Mobile (Lighthouse's default form factor and simulated throttling); the four categories the
hub keeps at 100, plus the figures behind performance that the hub watches (CLS, TBT, LCP).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


@dataclass(frozen=True)
class Report:
    """One Lighthouse run: the category scores (0-100) and the metrics beside them."""

    url: str
    scores: dict[str, int]
    cls: float
    tbt_ms: float
    lcp_ms: float
    failing: tuple[str, ...]

    def line(self) -> str:
        """The figures on one line."""
        scores = " ".join(f"{name} {self.scores.get(name, '?')}" for name in CATEGORIES)
        return f"{scores}; CLS {self.cls:.3f}, TBT {self.tbt_ms:.0f} ms, LCP {self.lcp_ms / 1000:.1f} s"


def lighthouse_bin(root: Path) -> Path:
    """The project's own Lighthouse (make node_modules/.installed puts it there)."""
    return root / "node_modules" / ".bin" / "lighthouse"


def run_lighthouse(root: Path, url: str, chrome: str, *, attempts: int = 3) -> Report:
    """Run Lighthouse on `url` with the Chromium at `chrome`; raise if it fails `attempts` times.

    On a busy machine Lighthouse now and then loses the trace (NO_NAVSTART): a run again is
    the remedy its own message gives.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _run_once(root, url, chrome)
        except RuntimeError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


def _run_once(root: Path, url: str, chrome: str) -> Report:
    """One Lighthouse run; RuntimeError with its message if it fails.

    The report goes to a file: written to a pipe, Lighthouse's JSON was cut off at 64 KB now
    and then (the process exits before the pipe is drained).
    """
    with tempfile.TemporaryDirectory(prefix="hub-lighthouse-") as scratch:
        out = Path(scratch) / "report.json"
        command = [
            str(lighthouse_bin(root)),
            url,
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        env = {**os.environ, "CHROME_PATH": chrome}
        proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=300)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {url} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        return parse_report(url, json.loads(out.read_text(encoding="utf-8")))


def median_run(root: Path, url: str, chrome: str, *, runs: int = 3) -> tuple[Report, list[int]]:
    """Lighthouse `runs` times on one page: the run with the median performance score (as
    Lighthouse's own guidance advises, one run varies), and every run's performance score."""
    reports = sorted(
        (run_lighthouse(root, url, chrome) for _ in range(runs)), key=lambda r: r.scores["performance"]
    )
    scores = [report.scores["performance"] for report in reports]
    return reports[len(reports) // 2], scores


def parse_report(url: str, data: dict) -> Report:
    """The figures the bench prints, from Lighthouse's JSON result."""
    categories = data["categories"]
    audits = data["audits"]
    unscored = [name for name in CATEGORIES if name in categories and categories[name]["score"] is None]
    if unscored:  # a metric could not be measured (say, no paint recorded): run it again
        raise RuntimeError(f"lighthouse {url}: no score for {', '.join(unscored)}")
    failing = tuple(
        sorted(
            ref["id"]
            for name in CATEGORIES
            if name != "performance"
            for ref in categories[name]["auditRefs"]
            if ref.get("weight") and audits[ref["id"]].get("score") not in (None, 1)
        )
    )
    return Report(
        url=url,
        scores={name: round(categories[name]["score"] * 100) for name in CATEGORIES if name in categories},
        cls=audits["cumulative-layout-shift"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        failing=failing,
    )
