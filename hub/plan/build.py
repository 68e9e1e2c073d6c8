"""One build's plan: every element page's checklists read together and checked, and the
sections of the plan page made from them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hub.core.vocab import Term
from hub.plan.extract import (
    TIER_LABELS,
    Action,
    ElementPage,
    Shared,
    duplicate_errors,
    extract_actions,
    extract_shared,
    merge_errors,
    merged_ids,
)


@dataclass
class PlanBuild:
    """The actions this build found, by page, for the later events of the same build."""

    actions: list[Action]
    elements: list[dict[str, str]]
    by_page: dict[str, list[Action]] = field(default_factory=dict)
    shared_by_page: dict[str, int] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)


def element_records(terms: Iterable[Term]) -> list[dict[str, str]]:
    """The four elements, in the vocabulary's order, as the actions file lists them."""
    return [{"id": term.id, "label": term.label, "url": term.url} for term in terms]


def read_checklists(
    pages: Iterable[tuple[str, ElementPage]], elements: list[dict[str, str]]
) -> tuple[PlanBuild, list[str]]:
    """Every action and shared item of the element pages (each with its page id), and every problem:
    items without a good id, ids used twice, repeated words, links to no action."""
    state = PlanBuild([], elements)
    shared: list[Shared] = []
    errors: list[str] = []
    for page_id, page in pages:
        found, bad = extract_actions(page)
        links, bad_links = extract_shared(page)
        state.actions += found
        shared += links
        errors += bad + bad_links
        state.by_page[page_id] = found
        state.shared_by_page[page_id] = len(links)
    errors += duplicate_errors(state.actions) + merge_errors(state.actions, shared)
    state.merged = merged_ids(shared)
    return state, errors


def plan_groups(state: PlanBuild, href: Callable[[Action], str]) -> list[dict]:
    """The plan's sections: each element, its tiers, and their actions with `href(action)`, the
    link from the plan page to where the action is written."""
    groups = []
    for element in state.elements:
        tiers = []
        for tier, label in TIER_LABELS.items():
            items = [
                {"action": a, "href": href(a)}
                for a in state.actions
                if a.element == element["id"] and a.tier == tier
            ]
            tiers.append({"id": tier, "label": label, "items": items})
        groups.append({**element, "tiers": tiers})
    return groups
