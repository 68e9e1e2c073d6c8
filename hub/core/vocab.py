"""The controlled vocabularies in `data/vocabularies.yml`: one file, checked against its schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hub.core.schema import schema_errors, validator_for
from hub.core.yamlio import DataError, DataErrors, load_yaml


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: its id in data files and its label for readers."""

    id: str
    label: str
    page: str = ""
    tag: str = ""
    summary: str = ""
    covers: tuple[str, ...] = ()  # regions only: the ids of the regions this area takes in
    prose: str = ""  # regions only: how a sentence names the area ("the North East")
    icon: str = ""  # a Material icon path, e.g. material/crown (platforms)

    @property
    def in_words(self) -> str:
        """How a sentence names the term: `prose` when given, else the label."""
        return self.prose or self.label

    @property
    def url(self) -> str:
        """Return the site-relative URL of `page`, as MkDocs' directory URLs make it."""
        if not self.page:
            return ""
        stem = self.page.removesuffix(".md")
        return stem.removesuffix("index") if stem.endswith("index") else f"{stem}/"


class Vocabularies(dict[str, tuple[Term, ...]]):
    """Every vocabulary by name, in the order the file gives (templates read `vocab.regions`)."""

    def ids(self, name: str) -> list[str]:
        """Return the ids of one vocabulary, for schemas and filters."""
        return [term.id for term in self[name]]

    def labels(self, name: str) -> dict[str, str]:
        """Return id -> label for one vocabulary."""
        return {term.id: term.label for term in self[name]}


def load_vocabularies(path: Path, schemas: Path) -> Vocabularies:
    """Read and check `path` (data/vocabularies.yml) against `schemas`/vocabularies.schema.json."""
    loaded = load_yaml(path)
    errors = schema_errors(loaded, validator_for("vocabularies", schemas))
    if not errors:
        errors += _duplicate_ids(loaded.data, loaded.path, loaded.line_of)
        errors += _unknown_covered(loaded.data, loaded.path, loaded.line_of)
    if errors:
        raise DataErrors(errors)
    return Vocabularies(
        {
            name: tuple(Term(**{**entry, "covers": tuple(entry.get("covers", ()))}) for entry in entries)
            for name, entries in loaded.data.items()
        }
    )


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


def _unknown_covered(data: dict, path: str, line_of: Callable[[list], int]) -> list[DataError]:
    """`covers` names other terms of the same vocabulary: a typo would silently cover nothing."""
    errors = []
    for name, entries in data.items():
        ids = {entry["id"] for entry in entries}
        for index, entry in enumerate(entries):
            for position, covered in enumerate(entry.get("covers", ())):
                if covered not in ids or covered == entry["id"]:
                    line = line_of([name, index, "covers", position])
                    message = f"{covered!r} is not another id in {name}: use one of {', '.join(sorted(ids))}"
                    errors.append(DataError(path, line, f"{name}.{index}.covers.{position}", message))
    return errors
