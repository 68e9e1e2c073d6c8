"""hub.pages.skip_link: Material's skip link left out, the hub's kept, anything else refused."""

from __future__ import annotations

import pytest

from hub.pages.skip_link import SkipLinkError, drop_theme_skip_link

OURS = '<a href="#main-content" class="md-skip hub-skip">Skip to main content</a>'
THEIRS = (
    '<div data-md-component="skip">\n  <a href="#about" class="md-skip">\n    Skip to content\n  </a>\n</div>'
)
EMPTY = '<div data-md-component="skip">\n  \n</div>'


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            f"<body>{THEIRS}{OURS}<main></main></body>",
            f'<body><div data-md-component="skip"></div>{OURS}<main></main></body>',
        ),
        (f"<body>{EMPTY}{OURS}</body>", f"<body>{EMPTY}{OURS}</body>"),  # a page with no table of contents
    ],
)
def test_one_skip_link_is_left(page: str, expected: str) -> None:
    assert drop_theme_skip_link(page) == expected


@pytest.mark.parametrize("page", [f"<body>{EMPTY}</body>", f"<body>{EMPTY}{OURS}{OURS}</body>"])
def test_none_or_two_of_ours_is_an_error(page: str) -> None:
    with pytest.raises(SkipLinkError, match="expected one skip link"):
        drop_theme_skip_link(page)
