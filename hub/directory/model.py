"""The directory's record: one organisation, validated, and the small views of a list of them
that every part of the directory (and other features) read.

Knows nothing of MkDocs: `hooks/directory.py` adapts the directory to the build,
`scripts/check_data.py` to the command line, and tests call it directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from hub.core.vocab import Term

URL_PREFIX = "organisations/"
Vocab = Mapping[str, Sequence[Term]]
MarkdownRenderer = Callable[[str], str]


@dataclass(frozen=True)
class Organisation:
    """One organisation, validated: what the templates, JSON and CSV are made from."""

    slug: str
    name: str
    summary: str
    website: str
    where: tuple[str, ...]  # ids from the `regions` vocabulary: uk-wide, nations or regions
    stages: tuple[str, ...]  # ids from the `stages` vocabulary
    support: tuple[str, ...]
    elements: tuple[str, ...]
    kind: str
    last_reviewed: dt.date
    description: str = ""
    sectors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # towns, cities or counties, as people write them
    cost: str = ""
    file: str = field(default="", compare=False)  # from the project root, for messages
    name_line: int = field(default=1, compare=False)
    # The line of `last_reviewed:`, for the review warnings (hub/review/).
    reviewed_line: int = field(default=1, compare=False)

    @property
    def url(self) -> str:
        """The site-relative URL of the organisation's own page."""
        return f"{URL_PREFIX}{self.slug}/"


def labels_of(vocab: Vocab) -> dict[str, dict[str, str]]:
    """id -> label for every vocabulary, for templates."""
    return {name: {term.id: term.label for term in terms} for name, terms in vocab.items()}


def by_element(organisations: Iterable[Organisation]) -> dict[str, list[Organisation]]:
    """Organisations grouped by the strategy elements they help with."""
    grouped: dict[str, list[Organisation]] = {}
    for org in organisations:
        for element in org.elements:
            grouped.setdefault(element, []).append(org)
    return grouped
