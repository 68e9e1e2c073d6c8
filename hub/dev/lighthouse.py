"""Lighthouse (npm, pinned in package.json) against Debian's Chromium: one page, its scores.

Mobile (Lighthouse's default form factor and simulated throttling); the four categories the
hub keeps at 100, plus the figures behind performance that the hub watches (CLS, TBT, LCP).
"""

from __future__ import annotations

import json
import os
import subprocess
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
    """One Lighthouse run; RuntimeError with its message if it fails."""
    command = [
        str(lighthouse_bin(root)),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse {url} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return parse_report(url, json.loads(proc.stdout))


def parse_report(url: str, data: dict) -> Report:
    """The figures the bench prints, from Lighthouse's JSON result."""
    categories = data["categories"]
    audits = data["audits"]
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
