"""The controlled vocabularies in `data/vocabularies.yml`, read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hub.paths import DATA
from hub.yamlio import load_yaml


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
    data = load_yaml(path).data
    return {name: tuple(Term(**entry) for entry in entries) for name, entries in data.items()}


def ids(name: str) -> list[str]:
    """Return the ids of one vocabulary, for schemas and filters."""
    return [term.id for term in vocabularies()[name]]


def labels(name: str) -> dict[str, str]:
    """Return id -> label for one vocabulary."""
    return {term.id: term.label for term in vocabularies()[name]}
