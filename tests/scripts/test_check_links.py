"""scripts/check_links.py and lychee.toml against a real HTTP server on 127.0.0.1: good pages,
a 404, a redirect, a redirect loop, a slow page and one that never answers, plus links and
anchors within a small site; each gets the verdict it should, in bounded time."""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.deploy.netlify import load_netlify_toml, redirects
from scripts import check_links
from tests.feedserver import FeedServer, serving
from tests.project import PROJECT, ROOT

CONFIG = tomllib.loads((ROOT / "lychee.toml").read_text(encoding="utf-8"))
TIMEOUT = 3  # seconds, for the test (lychee.toml's own is 20)

# The scheme script's shape: before the links, it once hid them all from lychee.
SCRIPT = "<script>for(var i=0;i<queries.length;i++){}</script>"
PAGE = """<!doctype html><html><head><title>Links</title>{script}</head><body>
<h2 id="here">Here</h2>
<a href="{base}f/page.html">good page</a>
<a href="{base}status/404">gone</a>
<a href="{base}redirect">moved</a>
<a href="{base}loop/0">loop</a>
<a href="{base}slow">slow</a>
<a href="{base}hang">never answers</a>
<a href="other/">other page</a>
<a href="other/#there">an anchor that is there</a>
<a href="other/#nowhere">an anchor that is not</a>
<a href="missing/">a page that is not</a>
<a href="feeds/rss.xml">the feed, by its redirect</a>
<a href="https://employer-hub.netlify.app/strategy/">the site's own address</a>
</body></html>
"""
OTHER = '<!doctype html><html><body><h2 id="there">There</h2><a href="../#here">back</a></body></html>'


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with serving() as running:
        yield running


@pytest.fixture(scope="module")
def checked(server: FeedServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, float]:
    """The check run once over the small site: exit status, report, seconds taken."""
    root = tmp_path_factory.mktemp("project")
    site = root / "site"
    (site / "other").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.format(script=SCRIPT, base=server.base), encoding="utf-8")
    (site / "other" / "index.html").write_text(OTHER, encoding="utf-8")
    (site / "feed_rss_created.xml").write_text("<rss/>", encoding="utf-8")
    # The sources the report points at: the 404 is written on line 3 of a page.
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(f"# Home\n\nSee [this]({server.base}status/404).\n", "utf-8")
    report = root / "report.md"
    args = ["--site", str(site), "--report", str(report), "--timeout", str(TIMEOUT)]
    args += ["--root", str(root), "--work-dir", str(root / "work")]
    start = time.monotonic()
    status = check_links.main(args)
    return status, report.read_text(encoding="utf-8"), time.monotonic() - start


def rows(report: str) -> dict[str, tuple[str, str, str]]:
    """The report's table: link -> (status, pages, source)."""
    table = {}
    for line in report.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        if len(cells) == 4 and cells[0] not in ("Link", "---|---|---|---"):
            table[cells[0]] = (cells[1], cells[2], cells[3])
    return table


def test_each_kind_of_link_gets_its_verdict(checked: tuple[int, str, float], server: FeedServer) -> None:
    status, report, _ = checked
    broken = rows(report)
    assert status == 1
    assert set(broken) == {
        server.url("status/404"),
        server.url("loop/0"),
        server.url("hang"),
        "/other/#nowhere",
        "/missing",
    }
    assert broken[server.url("status/404")][0] == "404 Not Found"
    assert broken[server.url("loop/0")][0] == "302 Found: redirected too many times (a redirect loop?)"
    assert broken[server.url("hang")][0] == "Timeout"
    assert broken["/other/#nowhere"][0] == "Cannot find fragment"
    assert broken["/missing"][0].startswith("File not found")


def test_the_report_names_page_link_status_and_source_line(checked: tuple[int, str, float], server) -> None:
    _, report, _ = checked
    assert report.startswith("## Broken links (5)\n")
    assert "| Link | Status | Pages | Source |" in report
    _, pages, source = rows(report)[server.url("status/404")]
    assert (pages, source) == ("/", "`docs/index.md:3`")
    assert rows(report)["/missing"][2] == "(not found in the sources)"


def test_redirects_slow_pages_and_the_feed_redirect_count_as_working(checked, server: FeedServer) -> None:
    _, report, _ = checked
    for url in ("f/page.html", "redirect", "slow"):
        assert server.url(url) not in report
    requested = [path for path, _ in server.log.requests]
    assert "/f/page.html" in requested and "/slow" in requested and "/redirect" in requested
    assert "feeds/rss.xml" not in report and "employer-hub.netlify.app" not in report


def test_the_loop_stops_at_the_configured_number_of_redirects(checked, server: FeedServer) -> None:
    hops = {path for path, _ in server.log.requests if path.startswith("/loop/")}
    assert len(hops) == CONFIG["max_redirects"] + 1


def test_the_check_ends_within_its_bounded_time(checked: tuple[int, str, float]) -> None:
    # The worst link, the one that never answers: every try times out, with the waits between.
    retries = CONFIG["max_retries"]
    worst = TIMEOUT * (retries + 1) + CONFIG["retry_wait_time"] * 2**retries
    assert checked[2] < worst + 15


def test_without_the_preprocessor_lychee_would_miss_the_links_after_a_script(tmp_path: Path) -> None:
    """Why scripts/lychee-preprocess.sh exists: lychee 0.24.2 skips links after `i<q` in a script."""
    import subprocess

    page = tmp_path / "index.html"
    page.write_text(f"<html><body>{SCRIPT}<a href='missing.html'>x</a></body></html>", encoding="utf-8")
    lychee = check_links._lychee()
    assert lychee is not None
    plain = subprocess.run([lychee, "--offline", "--dump", str(page)], capture_output=True, text=True)
    fixed = subprocess.run(
        [lychee, "--offline", "--dump", "--preprocess", str(check_links.PREPROCESS), str(page)],
        capture_output=True,
        text=True,
    )
    assert "missing.html" not in plain.stdout
    assert "missing.html" in fixed.stdout


def test_remaps_follow_the_redirects_in_netlify_toml() -> None:
    rules = {rule.source: rule.target for rule in redirects(load_netlify_toml(PROJECT.netlify_toml))}
    for remap in CONFIG["remap"]:
        pattern, target = remap.split(" ")
        source = re.sub(r"\\(.)", r"\1", pattern.split(")", 1)[1].rstrip("$"))
        assert rules[source] == target.removeprefix("$1"), remap


def test_a_missing_site_is_one_clear_message(tmp_path: Path, capsys) -> None:
    assert check_links.main(["--site", str(tmp_path / "nothing")]) == 2
    assert "no built site here: run make build first" in capsys.readouterr().err


def test_the_weekly_workflow_keeps_lychees_cache_where_the_script_runs_it() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["links"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert ROOT / cache["with"]["path"] == check_links._parser().parse_args([]).work_dir / ".lycheecache"
    assert any("scripts/check_links.py --report links-report.md" in step.get("run", "") for step in steps)
