"""Watching a page for Content-Security-Policy violations and console errors."""

from __future__ import annotations

from typing import Any

# Records what the browser itself reports; Playwright's init script is not subject to CSP.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
"""


def watch(page: Any) -> Any:
    """Start recording CSP violations, console errors and page errors (on `page.errors`)."""
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return page


def violations(page: Any) -> list[str]:
    """CSP violations and errors, once the page's requests (worker, index) have settled."""
    page.wait_for_load_state("networkidle")
    return page.evaluate("() => window.__cspViolations") + page.errors
