"""The feeds' data files: data/feeds.yml (the sources) and data/social.yml (curated posts).

Both schemas take their platform ids from data/vocabularies.yml (`x-vocabulary: platforms`),
so a platform is added in that one file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hub.core.schema import fill_vocabularies, read_schema, schema_errors, validator
from hub.core.vocab import Vocabularies
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml
from hub.feeds.clean import make_item
from hub.feeds.model import FeedSources, Item, Source


def load_feed_sources(path: Path, schemas: Path, vocab: Vocabularies) -> FeedSources:
    """Read and validate data/feeds.yml; DataErrors lists every problem."""
    loaded = _validated(path, "feeds", schemas, vocab)
    errors: list[DataError] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(loaded.data["sources"]):
        line = loaded.line_of(("sources", index, "id"))
        if raw["id"] in seen:
            errors.append(
                DataError(
                    loaded.path,
                    line,
                    f"sources.{index}.id",
                    f"is used twice (first on line {seen[raw['id']]})",
                )
            )
        seen.setdefault(raw["id"], line)
    if errors:
        raise DataErrors(errors)
    # `source` (the page where the feed's address is published) is for editors and reviewers.
    fields = [{k: v for k, v in raw.items() if k != "source"} for raw in loaded.data["sources"]]
    sources = tuple(Source(**kept) for kept in fields)
    extras = {k: loaded.data[k] for k in ("home_items", "stale_after_days") if k in loaded.data}
    return FeedSources(sources, social_platforms=tuple(loaded.data.get("social_platforms") or ()), **extras)


def load_curated(
    path: Path, schemas: Path, vocab: Vocabularies, *, now: dt.datetime | None = None
) -> list[Item]:
    """Read and validate data/social.yml: posts editors add by pull request."""
    now = now or dt.datetime.now(dt.UTC)
    loaded = _validated(path, "social", schemas, vocab)
    items = []
    for post in loaded.data.get("posts") or []:
        source = Source("curated", "", "", "social", post["platform"])
        day = dt.date.fromisoformat(str(post["date"])[:10])  # quoted or not, YAML gives a date
        when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        item = make_item(source, title=post["text"], link=post["url"], date=when, summary="", now=now)
        if item:
            items.append(item)
    return items


def _validated(path: Path, schema: str, schemas: Path, vocab: Vocabularies) -> Loaded:
    """Load a YAML file and check it against its schema (vocabularies filled in), raising every
    error together."""
    loaded = load_yaml(path)
    errors = schema_errors(loaded, validator(fill_vocabularies(read_schema(schema, schemas), vocab)))
    if errors:
        raise DataErrors(errors)
    return loaded
