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
_PLAIN_ITEM = re.compile(r"^[-*+][ \t]+(?!\[[ xX]\])(.*)$")
# A shared item's link to the one place its action is written: `(../data/index.md#action-data-x)`.
_LINK_TARGET = re.compile(r"\]\([^)#\s]*#(action-[a-z0-9-]+)\)")
_WORDS = re.compile(r"[^a-z0-9]+")
_ATTRS = re.compile(r"^\{:?\s*(.*?)\s*\}$")
_ID = re.compile(r"#([^\s}]+)")
ID_PATTERN = re.compile(r"^action-[a-z0-9]+(?:-[a-z0-9]+){1,6}$")
_TAG = re.compile(r"<[^>]+>")
_ELEMENT_LINE = re.compile(r"^element:", re.MULTILINE)


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
class Shared:
    """A checklist item that links to an action written on another page instead of repeating it.

    Its id is the id the action had here before the two were merged: saved ticks of that id
    carry over to `target`, and old links to `#<id>` still land on the item."""

    id: str
    target: str
    path: str
    line: int


@dataclass(frozen=True)
class ElementPage:
    """An element page as the build found it: its Markdown file and where it is served."""

    path: str
    text: str
    element: str
    url: str
    title: str


def tier_records() -> list[dict[str, str]]:
    """The two checklists (id, label), in order: for the actions file and the plan's filter."""
    return [{"id": tier, "label": label} for tier, label in TIER_LABELS.items()]


def element_page(
    text: str, meta: dict, *, path: str, url: str, title: str, known: set[str]
) -> tuple[ElementPage | None, str | None]:
    """The page as an element page if it is one (front matter `element:`, already parsed into
    `meta`), else None; and a `path:line` problem when its element is none of `known`."""
    element = meta.get("element")
    if not element:
        return None, None
    if element not in known:
        match = _ELEMENT_LINE.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        return None, f"{path}:{line}: element: {element!r} is not one of {', '.join(sorted(known))}"
    return ElementPage(path, text, element, url, meta.get("title") or title), None


def extract_actions(page: ElementPage) -> tuple[list[Action], list[str]]:
    """The actions of one page's two checklists, and an error for each item without a good id."""
    actions: list[Action] = []
    errors: list[str] = []
    for line_no, item_lines in _checklist_items(page.text, task=True):
        tier = item_lines[0]
        body = item_lines[1:]
        ident, words = _split_id(body)
        where = f"{page.path}:{line_no}"
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
                page.element,
                tier,
                plain_text(" ".join(words)),
                page.url,
                page.title,
                page.path,
                line_no,
            )
        )
    return actions, errors


def extract_shared(page: ElementPage) -> tuple[list[Shared], list[str]]:
    """The checklist items that link to an action on another page, and an error for each
    such item whose id or link is missing (plain items without an id are left alone)."""
    shared: list[Shared] = []
    errors: list[str] = []
    for line_no, item_lines in _checklist_items(page.text, task=False):
        ident, words = _split_id(item_lines[1:])
        if ident is None:
            continue
        where = f"{page.path}:{line_no}"
        target = _LINK_TARGET.search(" ".join(words))
        if not ID_PATTERN.match(ident):
            errors.append(f"{where}: id {ident!r} must look like action-<area>-<two-to-four-words>")
        elif target is None:
            errors.append(f"{where}: shared item {ident} must link to the action it shares (…#action-…)")
        else:
            shared.append(Shared(ident, target.group(1), page.path, line_no))
    return shared, errors


def duplicate_errors(actions: list[Action]) -> list[str]:
    """An error for every id used a second time, and every action whose words repeat another's."""
    first: dict[str, Action] = {}
    said: dict[str, Action] = {}
    errors = []
    for action in actions:
        where = f"{action.path}:{action.line}"
        if action.id in first:
            seen = first[action.id]
            errors.append(f"{where}: duplicate id {action.id} (first used at {seen.path}:{seen.line})")
        else:
            first[action.id] = action
        words = normalised(action.text)
        if words in said:
            seen = said[words]
            errors.append(
                f"{where}: {action.id} says the same as {seen.id} at {seen.path}:{seen.line}: "
                "keep one and make the other a link to it"
            )
        else:
            said[words] = action
    return errors


def merge_errors(actions: list[Action], shared: list[Shared]) -> list[str]:
    """An error for every shared item whose link names no action, or whose id is still an action's."""
    ids = {action.id: action for action in actions}
    errors = []
    for item in shared:
        where = f"{item.path}:{item.line}"
        if item.target not in ids:
            errors.append(f"{where}: {item.id} links to #{item.target}, which is no action on the site")
        if item.id in ids:
            kept = ids[item.id]
            errors.append(f"{where}: {item.id} is still an action at {kept.path}:{kept.line}")
    return errors


def merged_ids(shared: list[Shared]) -> dict[str, str]:
    """Old id -> the id of the one action it was merged into (for carrying saved ticks over)."""
    return {item.id: item.target for item in shared}


def normalised(text: str) -> str:
    """An action's words for comparison: lower case, punctuation and spacing ignored."""
    return _WORDS.sub(" ", text.lower()).strip()


def plain_text(inline_markdown: str) -> str:
    """The words of an item as a reader sees them: links and emphasis rendered, tags dropped."""
    rendered = markdown.markdown(inline_markdown)
    return " ".join(html.unescape(_TAG.sub("", rendered)).split())


def _checklist_items(text: str, *, task: bool) -> list[tuple[int, list[str]]]:
    """(line, [tier, first line, continuation lines…]) for each top-level item of a tier's
    checklist: its task items (`task=True`) or its plain ones."""
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
        item = (_ITEM if task else _PLAIN_ITEM).match(line)
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
