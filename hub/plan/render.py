"""Turn the built checklists into real, labelled checkboxes, and write the actions file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from hub.plan.extract import Action, tier_records

# The markup pymdownx.tasklist (custom_checkbox) and attr_list write for an item with an id.
_ITEM = re.compile(
    r'<li class="task-list-item" id="(?P<id>[^"]+)"><label class="task-list-control">'
    r"<input type=\"checkbox\" disabled(?P<checked> checked)?/>"
    r'(?P<indicator><span class="task-list-indicator"></span>)</label>\s*(?P<text>.*?)(?=<ul|<ol|</li>)',
    re.DOTALL,
)
_HEADING = re.compile(r'<h2 id="(?P<id>[^"]+)"')


def mark_checkboxes(page_html: str, ids: Iterable[str]) -> str:
    """Give each action's box its id and the item's words as its name (`aria-labelledby`).

    The boxes stay disabled in the HTML: the page script enables them once it can save a
    tick, so without JavaScript the checklist reads as a list and nothing pretends to work.
    """
    wanted = set(ids)

    def marked(match: re.Match[str]) -> str:
        ident = match.group("id")
        if ident not in wanted:
            return match.group(0)
        checked = " checked" if match.group("checked") else ""
        return (
            f'<li class="task-list-item hub-action" id="{ident}"><label class="task-list-control">'
            f'<input type="checkbox" disabled{checked} id="{ident}-box" data-hub-action="{ident}"'
            f' aria-labelledby="{ident}-text"/>{match.group("indicator")}</label> '
            f'<label class="hub-action__text" for="{ident}-box" id="{ident}-text">'
            f"{match.group('text').strip()}</label>"
        )

    return _ITEM.sub(marked, page_html)


def insert_before_heading(page_html: str, heading_id: str, block: str) -> str:
    """Put `block` just before the H2 `heading_id`, or at the end when there is no such heading."""
    at = page_html.find(f'<h2 id="{heading_id}"')
    return page_html + block if at < 0 else page_html[:at] + block + page_html[at:]


def insert_after_section(page_html: str, heading_id: str, block: str) -> str:
    """Put `block` where the H2 section `heading_id` ends (before the next H2), or at the end."""
    start = page_html.find(f'<h2 id="{heading_id}"')
    following = _HEADING.search(page_html, start + 1) if start >= 0 else None
    if following is None:
        return page_html + block
    return page_html[: following.start()] + block + page_html[following.start() :]


def actions_json(
    actions: list[Action], elements: list[dict[str, str]], merged: dict[str, str] | None = None
) -> str:
    """The actions file: every element (id, label, url), the tiers, every action in page order,
    and the ids merged into another action (old id -> surviving id), for carrying ticks over."""
    return json.dumps(
        {
            "version": 1,
            "elements": elements,
            "tiers": tier_records(),
            "actions": [action.record() for action in actions],
            "merged": dict(sorted((merged or {}).items())),
        },
        ensure_ascii=False,
        indent=1,
    )
