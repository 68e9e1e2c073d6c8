"""Give every checklist box an accessible name: the text of its own item."""

from __future__ import annotations

import html
import re

# The markup pymdownx.tasklist writes for `- [ ] item` with custom_checkbox on; the item may
# carry attributes such as its checklist id (`{ #action-... }` through attr_list).
_ITEM = re.compile(
    r'(<li class="task-list-item"(?: [^>]*)?>'
    r'<label class="task-list-control"><input type="checkbox" disabled)'
    r"((?: checked)?/>)(.*?)(?=<ul|<ol|</li>)",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def label_checklists(page_html: str) -> str:
    """Add `aria-label` (the item's own words) to each task-list checkbox in `page_html`."""

    def labelled(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(_TAG.sub("", match.group(3))).split())
        return (
            f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'
        )

    return _ITEM.sub(labelled, page_html)
