"""One skip link a page: the hub's own (overrides/main.html), never Material's as well.

Material writes its "Skip to content" link into base.html with no block around it, on every
page with a table of contents. Hidden with CSS it was still there for tools that read the
markup, and the issue heard two skip links announced; so the built page leaves it out. The
empty `data-md-component="skip"` container stays, as Material writes it on pages with no
table of contents.
"""

from __future__ import annotations

import re

_THEME_SKIP_LINK = re.compile(
    r'(<div data-md-component="skip">)\s*<a href="[^"]*" class="md-skip">.*?</a>\s*(</div>)', re.DOTALL
)


_SKIP_CLASS = 'class="md-skip'


class SkipLinkError(ValueError):
    """The page's skip links are not as expected (the theme's markup changed)."""


def drop_theme_skip_link(html: str) -> str:
    """The page without Material's skip link; exactly one skip link (class md-skip) is left."""
    html = _THEME_SKIP_LINK.sub(r"\1\2", html, count=1)
    found = html.count(_SKIP_CLASS)
    if found != 1:
        raise SkipLinkError(f"expected one skip link (class md-skip), found {found}")
    return html
