"""The one way Chromium is started here, for the browser tests, the benchmarks and dev tools:
Debian's Chromium through Playwright (never a browser download), headless, with flags for a
closed network."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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


@contextmanager
def chromium(executable: str | None = None) -> Iterator[Browser]:
    """Playwright and one headless Chromium (`executable`, else `chromium_path()`), closed after."""
    # Imported here: a build never needs Playwright, only tests, benchmarks and dev tools do.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable or chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
