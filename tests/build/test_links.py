"""Links and anchors within the built site, checked offline by lychee as `make links OFFLINE=1`
checks them (scripts/check_links.py with lychee.toml)."""

from __future__ import annotations

import json

import pytest

from scripts import check_links
from tests.conftest import Build


@pytest.fixture(scope="module")
def checked(build: Build, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, dict]:
    """The offline check over the session's build: exit status, report, lychee's own summary."""
    work = tmp_path_factory.mktemp("links")
    report = work / "report.md"
    status = check_links.main(
        ["--site", str(build.site), "--offline", "--report", str(report), "--work-dir", str(work)]
    )
    summary = json.loads((work / "links.json").read_text(encoding="utf-8"))
    return status, report.read_text(encoding="utf-8"), summary


def test_every_link_and_anchor_within_the_site_works(checked: tuple[int, str, dict]) -> None:
    status, report, _ = checked
    assert (status, report.splitlines()[0]) == (0, "## No broken links"), report


def test_lychee_reads_every_link_in_the_pages_content(checked: tuple[int, str, dict], build: Build) -> None:
    """Every page's header has an inline script; without the preprocessor lychee read no link
    after it (see scripts/lychee-preprocess.sh), and this count fell to a fraction."""
    in_content = sum(len(build.html(url).select("article a[href]")) for url in build.page_urls())
    summary = checked[2]
    assert summary["total"] >= in_content > 500
