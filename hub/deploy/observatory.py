"""The MDN HTTP Observatory's verdict on responses from a local server (`make preview`'s).

Runs hub/deploy/observatory.mjs under Node: the Observatory's own scan and tests (npm
`@mdn/mdn-http-observatory`, pinned in package.json), pointed at one URL each.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("observatory.mjs")
# The Observatory's best Content-Security-Policy result.
BEST_CSP = "csp-implemented-with-no-unsafe-default-src-none"
# Its tests of a response's headers (the others look at cookies, CORS, SRI and redirection).
HEADER_TESTS = (
    "content-security-policy",
    "strict-transport-security",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-resource-policy",
)


@dataclass(frozen=True)
class Verdict:
    """One URL's scan: the grade (None where the Observatory grades no such status, a 404)
    and each test's result and pass."""

    url: str
    status: int
    grade: str | None
    score: int | None
    tests: dict[str, dict[str, object]]

    def result(self, test: str) -> str:
        """The result of one test, say `csp-implemented-with-no-unsafe-default-src-none`."""
        return str(self.tests[test]["result"])

    def failed(self) -> list[str]:
        """The tests that did not pass."""
        return [name for name, outcome in self.tests.items() if not outcome["pass"]]


def observe(urls: Sequence[str]) -> list[Verdict]:
    """The Observatory's verdict on each URL, in order; a clear error if Node cannot run it."""
    done = subprocess.run(["node", str(SCRIPT), *urls], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{SCRIPT.name} failed (is node_modules installed? `make`):\n{done.stderr}")
    return [Verdict(**json.loads(line)) for line in done.stdout.splitlines()]
