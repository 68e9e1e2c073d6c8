"""Read the actions of a page's "Starting out" and "Among the best" checklists from its Markdown."""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass

import markdown

# The two checklist sections, by heading id, and the tier each holds.
TIERS = {"starting-out": "starting", "among-the-best": "best"}
TIER_LABELS = {"starting": "Starting out", "best": "Among the best"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_ITEM = re.compile(r"^[-*+][ \t]+\[[ xX]\][ \t]+(.*)$")
_ATTRS = re.compile(r"^\{:?\s*(.*?)\s*\}$")
_ID = re.compile(r"#([^\s}]+)")
ID_PATTERN = re.compile(r"^action-[a-z0-9]+(?:-[a-z0-9]+){1,6}$")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Action:
    """One action an organisation can tick: where it is written and what it says."""

    id: str
    element: str
    tier: str
    text: str
    url: str
    page: str
    path: str
    line: int

    def record(self) -> dict[str, str]:
        """The fields the actions file gives the page scripts."""
        fields = asdict(self)
        del fields["path"], fields["line"]
        return fields


class ActionErrors(Exception):
    """Every problem found in the checklists, one `path:line: message` a line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class PageSource:
    """An element page as the build found it: its Markdown file and where it is served."""

    path: str
    text: str
    element: str
    url: str
    title: str


def extract_actions(source: PageSource) -> tuple[list[Action], list[str]]:
    """The actions of one page's two checklists, and an error for each item without a good id."""
    actions: list[Action] = []
    errors: list[str] = []
    for line_no, item_lines in _checklist_items(source.text):
        tier = item_lines[0]
        body = item_lines[1:]
        ident, words = _split_id(body)
        where = f"{source.path}:{line_no}"
        if ident is None:
            errors.append(
                f"{where}: checklist item has no id: end it with a line such as {{ #action-<area>-<words> }}"
            )
            continue
        if not ID_PATTERN.match(ident):
            errors.append(f"{where}: id {ident!r} must look like action-<area>-<two-to-four-words>")
            continue
        actions.append(
            Action(
                ident,
                source.element,
                tier,
                plain_text(" ".join(words)),
                source.url,
                source.title,
                source.path,
                line_no,
            )
        )
    return actions, errors


def duplicate_errors(actions: list[Action]) -> list[str]:
    """An error for every id used a second time, anywhere on the site."""
    first: dict[str, Action] = {}
    errors = []
    for action in actions:
        if action.id in first:
            seen = first[action.id]
            where, first_use = f"{action.path}:{action.line}", f"{seen.path}:{seen.line}"
            errors.append(f"{where}: duplicate id {action.id} (first used at {first_use})")
        else:
            first[action.id] = action
    return errors


def plain_text(inline_markdown: str) -> str:
    """The words of an item as a reader sees them: links and emphasis rendered, tags dropped."""
    rendered = markdown.markdown(inline_markdown)
    return " ".join(html.unescape(_TAG.sub("", rendered)).split())


def _checklist_items(text: str) -> list[tuple[int, list[str]]]:
    """(line, [tier, first line, continuation lines…]) for each top-level task item of a tier."""
    front = _FRONT_MATTER.match(text)
    offset = front.group(0).count("\n") if front else 0
    lines = text[front.end() if front else 0 :].split("\n")
    items: list[tuple[int, list[str]]] = []
    tier: str | None = None
    fenced = False
    current: list[str] | None = None
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            current = None
            continue
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) <= 2:
            found = _HEADING_ID.search(heading.group(2))
            tier = TIERS.get(found.group(1)) if found else None
            current = None
            continue
        item = _ITEM.match(line)
        if item and tier:
            current = [tier, item.group(1)]
            items.append((offset + index + 1, current))
        elif current is not None and line.startswith((" ", "\t")) and line.strip():
            current.append(line.strip())
        else:
            current = None
    return items


def _split_id(body: list[str]) -> tuple[str | None, list[str]]:
    """The id from the item's closing attribute line (if any), and the item's own words."""
    attrs = _ATTRS.match(body[-1]) if len(body) > 1 else None
    if attrs is None:
        return None, body
    found = _ID.search(attrs.group(1))
    return (found.group(1) if found else None), body[:-1]
