"""The benchmarks behind `make bench`: each takes the shared options and returns text lines.

Add a function to BENCHMARKS and it runs with the rest, or alone with `--only`. Builds go
through hub.dev.sitebuild, into scratch projects (hub.dev.scratch) where a benchmark compares
ours with stock Material; Chromium starts through hub.dev.browser, as in the tests.
"""

from __future__ import annotations

from collections.abc import Callable

from hub.dev.bench.directory import bench_directory_build, bench_directory_filter
from hub.dev.bench.journey import bench_journey
from hub.dev.bench.navigation import bench_navigation
from hub.dev.bench.options import Options
from hub.dev.bench.pages import bench_lighthouse, bench_page_weight, bench_page_weight_large, bench_site_build
from hub.dev.bench.search import bench_search

BENCHMARKS: dict[str, Callable[[Options], list[str]]] = {
    "directory-build": bench_directory_build,
    "directory-filter": bench_directory_filter,
    "page-weight": bench_page_weight,
    "page-weight-large": bench_page_weight_large,
    "site-build": bench_site_build,
    "navigation": bench_navigation,
    "lighthouse": bench_lighthouse,
    "search": bench_search,
    "journey": bench_journey,
}

__all__ = ["BENCHMARKS", "Options"]
