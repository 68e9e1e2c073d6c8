"""The fixture server every feeds test that fetches uses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.feedserver import FeedServer, serving


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A fresh fixture server per test, so its log and counters start empty."""
    with serving() as running:
        yield running
