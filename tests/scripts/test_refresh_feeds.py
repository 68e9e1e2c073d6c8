"""scripts/refresh_feeds.py: a refresh keeps what it cannot replace, and the check mode."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hub.feeds.model import Item
from hub.feeds.store import Kept, write_snapshot
from scripts.refresh_feeds import main
from tests.project import SITE_URL

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


def test_check_passes_on_an_empty_snapshot(tmp_path) -> None:
    """None rather than ours: a snapshot with no outside items is valid (the site says so)."""
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text('{"sources": {}}\n')
    assert main(["--config", str(config_file(tmp_path)), "--snapshot", str(snapshot), "--check"]) == 0


def test_check_fails_on_a_snapshot_holding_the_hubs_own_items(tmp_path, capsys) -> None:
    snapshot = tmp_path / "snapshot.json"
    ours = Item("Ours", f"{SITE_URL}blog/x/", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "", "other", "blog")
    write_snapshot({"other": Kept((ours,), None)}, snapshot)
    assert main(["--config", str(config_file(tmp_path)), "--snapshot", str(snapshot), "--check"]) == 1
    assert capsys.readouterr().err == (
        f"{snapshot}: source 'other' holds the hub's own {SITE_URL}blog/x/: sector news is other people's\n"
    )


def test_check_passes_on_the_committed_snapshot() -> None:
    assert main(["--check"]) == 0


def test_a_refresh_keeps_the_old_entry_of_a_source_that_fails(tmp_path) -> None:
    snapshot = tmp_path / "snapshot.json"
    kept = Item(
        "Kept", "https://other.invalid/1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "", "other", "news"
    )
    write_snapshot({"other": Kept((kept,), None)}, snapshot)
    config = tmp_path / "feeds.yml"
    unreachable = CONFIG.replace("  - id: own", "  - id: gone").replace(
        f"{SITE_URL}feed.json", "http://127.0.0.1:9/f.xml"
    )
    config.write_text(unreachable)
    assert main(["--config", str(config), "--snapshot", str(snapshot), "--timeout", "2"]) == 0
    data = json.loads(snapshot.read_text())["sources"]
    assert [i["title"] for i in data["other"]["items"]] == ["Kept"]
    assert "gone" not in data
