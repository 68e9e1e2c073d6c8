"""scripts/refresh_feeds.py: the snapshot made offline from a local feed file, and its check mode."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from hub.feeds.model import Item
from hub.feeds.store import Kept, write_snapshot
from scripts.refresh_feeds import main
from tests.feedserver import FIXTURES
from tests.project import ROOT, SITE_URL

CONFIG = f"""\
sources:
  - id: own
    title: Our blog
    url: {SITE_URL}feed.json
    section: news
    platform: blog
    source: https://example.org/feeds
  - id: other
    title: Somebody else
    url: https://other.invalid/feed.atom
    section: news
    platform: news
    source: https://example.org/feeds
"""


def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.yml"
    path.write_text(CONFIG)
    return path


def test_offline_refresh_reads_the_own_feed_and_keeps_other_entries(tmp_path, capsys) -> None:
    snapshot = tmp_path / "snapshot.json"
    kept = Item(
        "Kept", "https://other.invalid/1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "", "other", "news"
    )
    write_snapshot({"other": Kept((kept,), None)}, snapshot)
    args = ["--config", str(config_file(tmp_path)), "--snapshot", str(snapshot), "--offline"]
    assert main([*args, "--own-feed", str(FIXTURES / "feed.json")]) == 0
    data = json.loads(snapshot.read_text())["sources"]
    titles = [i["title"] for i in data["own"]["items"]]
    assert titles == ["A post with no title, only text, as microblogs write them.", "A JSON Feed post"]
    assert [i["title"] for i in data["other"]["items"]] == ["Kept"]  # a failure keeps the old entry
    assert "own: fresh, 2 items" in capsys.readouterr().out


def test_check_fails_on_an_empty_snapshot(tmp_path, capsys) -> None:
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text('{"sources": {}}\n')
    assert main(["--config", str(config_file(tmp_path)), "--snapshot", str(snapshot), "--check"]) == 1
    assert "holds no items" in capsys.readouterr().err


def test_check_passes_on_the_committed_snapshot() -> None:
    assert main(["--check"]) == 0


def test_a_missing_own_feed_is_one_line_and_exit_1(tmp_path) -> None:
    missing = tmp_path / "site" / "feed.json"
    snapshot = tmp_path / "snapshot.json"
    args = ["--config", str(config_file(tmp_path)), "--snapshot", str(snapshot), "--offline"]
    run = subprocess.run(
        [sys.executable, "scripts/refresh_feeds.py", *args, "--own-feed", str(missing)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert (
        run.stderr
        == f"{missing}: cannot read the own feed (No such file or directory): build the site first\n"
    )
    assert not snapshot.exists()
