"""Which Chromium the browser tests and benchmarks drive, and how it is started here."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Flags for a closed network: no background connections that the machine would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium if present (never a browser download in CI), else None for Playwright's own."""
    for candidate in (os.environ.get("HUB_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None
