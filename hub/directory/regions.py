"""Areas inside and around each other (`covers` in data/vocabularies.yml): what the loader checks
`where` against, what the region filter offers, and what its script is given."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from hub.core.vocab import Term
from hub.directory.model import Organisation


@cache  # a vocabulary is a tuple of frozen terms: called once per organisation, made once
def areas_inside(area: str, regions: Sequence[Term]) -> tuple[str, ...]:
    """Every area inside `area`, through `covers` in data/vocabularies.yml (the UK takes in
    England, England its regions), in the vocabulary's order; cycles end."""
    covers = {term.id: term.covers for term in regions}
    found: set[str] = set()
    waiting = list(covers.get(area, ()))
    while waiting:
        inner = waiting.pop()
        if inner not in found and inner != area:
            found.add(inner)
            waiting.extend(covers.get(inner, ()))
    return tuple(term.id for term in regions if term.id in found)


@cache
def areas_around(area: str, regions: Sequence[Term]) -> tuple[str, ...]:
    """Every area that takes `area` in, the nearest first (North East: England, then the UK)."""
    inside = {term.id: areas_inside(term.id, regions) for term in regions}
    around = [term.id for term in regions if area in inside[term.id]]
    return tuple(sorted(around, key=lambda wider: len(inside[wider])))


def works_in(org: Organisation, regions: Sequence[Term]) -> list[str]:
    """The areas the organisation works in, wholly or in part: the region filter lists it first
    ("in the North East") for these. Its own areas and every area around them."""
    found = {area for own in org.where for area in (own, *areas_around(own, regions))}
    return [term.id for term in regions if term.id in found]


def works_across(org: Organisation, regions: Sequence[Term]) -> list[str]:
    """The areas the organisation reaches only as part of wider work (an England-wide charity
    in the North East): the region filter lists it under its own heading for these."""
    near = set(works_in(org, regions))
    found = {area for own in org.where for area in areas_inside(own, regions)} - near
    return [term.id for term in regions if term.id in found]


def region_choices(regions: Sequence[Term]) -> list[tuple[str, list[Term]]]:
    """The areas a visitor chooses from: those with nothing inside them (regions and nations),
    grouped under their nation ("England") where they have one, else ungrouped ("")."""
    groups: dict[str, list[Term]] = {}
    labels = {term.id: term for term in regions}
    for term in regions:
        if term.covers:
            continue
        around = areas_around(term.id, regions)
        group = labels[around[0]].in_words if len(around) > 1 else ""
        groups.setdefault(group, []).append(term)
    return list(groups.items())
