"""Fixtures for the browser tests that need more than the shared `page`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.csp import watch


@pytest.fixture
def strict_page(browser, preview_url: str) -> Iterator[object]:
    """A page on the preview server (production headers), recording CSP violations and errors."""
    context = browser.new_context(base_url=preview_url)
    yield watch(context.new_page())
    context.close()
