"""`make bench` keeps working: a tiny run of each site benchmark prints its figures."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.project import ROOT

SMALL_RUN = ["--only", "site-build", "--only", "page-weight"]


@pytest.mark.browser
def test_bench_runs_small_and_prints_figures(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/bench.py", "--orgs", "5", "--posts", "5", *SMALL_RUN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"real site: ours [\d.]+ s, stock Material [\d.]+ s, ratio [\d.]+", out)
    assert re.search(r"5 posts \+ 5 organisations: ours [\d.]+ s", out)
    assert re.search(r"home \(/\): \d+ requests, \d+ KB raw, \d+ KB gzip", out)
