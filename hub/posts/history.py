"""An honest history: no post, masterclass or social item is dated before the hub began,
unless it is an archived real item that names its public record.

Called from hooks/posts.py (and usable from scripts); every problem is a `path:line: field:
message` an editor can act on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml
from hub.posts.load import read_front_matter

ARCHIVED = "archived_source"
RECORD = ("masterclass", "record")


def history_errors(posts: Path, social: Path, launch: dt.date) -> list[DataError]:
    """Every post and social item dated before `launch` without the record that allows it."""
    errors: list[DataError] = []
    for path in sorted(posts.rglob("*.md")):
        errors += post_history_errors(path, launch)
    errors += social_history_errors(social, launch)
    return errors


def post_history_errors(path: Path, launch: dt.date) -> list[DataError]:
    """A post dated before launch needs `archived_source`; an event before launch, its record."""
    try:
        loaded, _ = read_front_matter(path)
    except DataErrors:
        return []  # the front matter check reports a broken file; nothing to date here
    meta = loaded.data if isinstance(loaded.data, dict) else {}
    errors = []
    date = _as_date(meta.get("date"))
    if date and date < launch and not meta.get(ARCHIVED):
        errors.append(_early(loaded, ("date",), "date", date, launch, f"give `{ARCHIVED}:`"))
    masterclass = meta.get("masterclass") if isinstance(meta.get("masterclass"), dict) else {}
    event = _as_date(masterclass.get("event_date"))
    if event and event < launch and not masterclass.get("record"):
        where = ("masterclass", "event_date")
        errors.append(
            _early(loaded, where, "masterclass.event_date", event, launch, "give `masterclass.record:`")
        )
    return errors


def social_history_errors(path: Path, launch: dt.date) -> list[DataError]:
    """Each social item dated before launch needs `archived_source`."""
    if not path.is_file():
        return []
    loaded = load_yaml(path)
    items = loaded.data.get("posts") if isinstance(loaded.data, dict) else None
    errors = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        date = _as_date(item.get("date")) if isinstance(item, dict) else None
        if date and date < launch and not item.get(ARCHIVED):
            where = ("posts", i, "date")
            errors.append(_early(loaded, where, f"posts.{i}.date", date, launch, f"give `{ARCHIVED}:`"))
    return errors


def _early(
    loaded: Loaded, where: tuple[Any, ...], field: str, date: dt.date, launch: dt.date, fix: str
) -> DataError:
    """The error for one date before the launch, with what to do about it."""
    message = (
        f"{date.isoformat()} is before the hub began ({launch.isoformat()}): date it on or after "
        f"the day it appeared here, or, for a real item that happened earlier, {fix} with the "
        "https address of its public record"
    )
    return DataError(loaded.path, loaded.line_of(where), field, message)


def _as_date(value: Any) -> dt.date | None:
    """A front matter or YAML date (a date, or text written as YYYY-MM-DD); None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
