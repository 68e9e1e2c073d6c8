"""Scheduled posts: which posts wait for their day, and the daily build that publishes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from hub.core.frontmatter import dump_front_matter
from hub.posts.schedule import publish_date, scheduled_posts
from tests.project import ROOT


def _post(folder: Path, name: str, date: dt.date | dt.datetime) -> Path:
    path = folder / name
    path.write_text(dump_front_matter({"title": name, "date": date}, "Body"), encoding="utf-8")
    return path


def test_only_posts_dated_after_today_wait(tmp_path: Path) -> None:
    today = dt.date(2026, 12, 9)
    posts = {
        "past": _post(tmp_path, "past.md", dt.date(2026, 12, 1)),
        "today": _post(tmp_path, "today.md", today),
        "tomorrow": _post(tmp_path, "tomorrow.md", dt.date(2026, 12, 10)),
        "tomorrow-at-nine": _post(tmp_path, "nine.md", dt.datetime(2026, 12, 10, 9, 0)),
    }
    assert scheduled_posts(posts, today) == {
        "tomorrow": dt.date(2026, 12, 10),
        "tomorrow-at-nine": dt.date(2026, 12, 10),
    }
    assert scheduled_posts(posts, dt.date(2026, 12, 10)) == {}


def test_publish_date_is_the_day_of_a_date_and_time() -> None:
    assert publish_date({"date": dt.datetime(2026, 12, 10, 23, 59)}) == dt.date(2026, 12, 10)


def test_the_daily_build_calls_the_hook_from_the_secret_readme_names() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "scheduled-posts.yml").read_text())
    # YAML 1.1 reads the key `on` as true.
    assert workflow[True]["schedule"] == [{"cron": "5 0 * * *"}]
    step = workflow["jobs"]["build"]["steps"][0]
    assert step["env"]["NETLIFY_BUILD_HOOK"] == "${{ secrets.NETLIFY_BUILD_HOOK }}"
    assert '"$NETLIFY_BUILD_HOOK' in step["run"]
    assert "`NETLIFY_BUILD_HOOK`" in (ROOT / "README.md").read_text(encoding="utf-8")
