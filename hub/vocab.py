"""The controlled vocabularies in `data/vocabularies.yml`, read once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hub.paths import DATA
from hub.schema import schema_errors, validator_for
from hub.yamlio import DataError, DataErrors, load_yaml


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: its id in data files and its label for readers."""

    id: str
    label: str
    page: str = ""
    tag: str = ""
    summary: str = ""

    @property
    def url(self) -> str:
        """Return the site-relative URL of `page`, as MkDocs' directory URLs make it."""
        if not self.page:
            return ""
        stem = self.page.removesuffix(".md")
        return stem.removesuffix("index") if stem.endswith("index") else f"{stem}/"


@cache
def vocabularies(path: Path = DATA / "vocabularies.yml") -> dict[str, tuple[Term, ...]]:
    """Return every vocabulary by name, in the order the file gives."""
    loaded = load_yaml(path)
    errors = schema_errors(loaded, validator_for("vocabularies"))
    errors += _duplicate_ids(loaded.data, loaded.path, loaded.line_of) if not errors else []
    if errors:
        raise DataErrors(errors)
    return {name: tuple(Term(**entry) for entry in entries) for name, entries in loaded.data.items()}


def _duplicate_ids(data: dict, path: str, line_of: Callable[[list], int]) -> list[DataError]:
    """An id given twice in one vocabulary would make filters and links ambiguous."""
    errors = []
    for name, entries in data.items():
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                errors.append(
                    DataError(path, line_of([name, index, "id"]), f"{name}.{index}.id", "is given twice")
                )
            seen.add(entry["id"])
    return errors


def ids(name: str) -> list[str]:
    """Return the ids of one vocabulary, for schemas and filters."""
    return [term.id for term in vocabularies()[name]]


def labels(name: str) -> dict[str, str]:
    """Return id -> label for one vocabulary."""
    return {term.id: term.label for term in vocabularies()[name]}
