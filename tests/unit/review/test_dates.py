"""Review dates: reading `reviewed:` from guidance pages, what is due, and the maintainers' list."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.frontmatter import parse_front_matter
from hub.review.dates import EditLinks, Review, add_months, guidance_review, is_guidance, render_review_page

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 25), 12, dt.date(2027, 11, 25)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2027, 12, 31), 2, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 5), 14, dt.date(2028, 1, 5)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("src_uri", "guidance"),
    [
        ("why-it-matters.md", True),
        ("glossary.md", True),
        ("strategy/index.md", True),
        ("strategy/employee-journey/hiring.md", True),
        ("plan.md", False),
        ("about.md", False),
        ("blog/posts/2026-01-01-x.md", False),
        ("organisations/index.md", False),
    ],
)
def test_which_pages_are_guidance(src_uri: str, guidance: bool) -> None:
    assert is_guidance(src_uri) is guidance


def review_of(fields: str) -> Review | list[str]:
    matter = parse_front_matter(f"---\ntitle: Hiring\n{fields}---\nBody\n", "docs/hiring.md")
    found = guidance_review(matter, file="docs/hiring.md", url="hiring/", title="Hiring")
    return found if isinstance(found, Review) else [str(error) for error in found]


def test_a_good_review_date_with_and_without_a_period() -> None:
    yearly = review_of("reviewed: 2026-11-25\n")
    assert isinstance(yearly, Review)
    assert (yearly.line, yearly.months, yearly.due) == (3, 12, dt.date(2027, 11, 25))
    half_yearly = review_of("review_every: 6\nreviewed: 2026-05-01\n")
    assert isinstance(half_yearly, Review)
    assert (half_yearly.line, half_yearly.due, half_yearly.is_due(TODAY)) == (4, dt.date(2026, 11, 1), True)


# One row per broken review date: the fields, and every `path:line: field: message` they give.
BROKEN = [
    ("missing", "", ["docs/hiring.md:2: reviewed: is required on guidance pages: the day the page was last"]),
    (
        "quoted",
        'reviewed: "2026-11-25"\n',
        ["docs/hiring.md:3: reviewed: must be a date written as YYYY-MM-DD"],
    ),
    ("words", "reviewed: last week\n", ["docs/hiring.md:3: reviewed: must be a date written as YYYY-MM-DD"]),
    ("time", "reviewed: 2026-11-25 10:00:00\n", ["docs/hiring.md:3: reviewed: must be a date written"]),
    (
        "period",
        "reviewed: 2026-11-25\nreview_every: six\n",
        ["docs/hiring.md:4: review_every: must be a whole number of months from 1 to 60"],
    ),
    ("zero", "reviewed: 2026-11-25\nreview_every: 0\n", ["docs/hiring.md:4: review_every: must be a whole"]),
    ("too long", "reviewed: 2026-11-25\nreview_every: 61\n", ["docs/hiring.md:4: review_every: must be"]),
    ("yes", "reviewed: 2026-11-25\nreview_every: yes\n", ["docs/hiring.md:4: review_every: must be a whole"]),
    (
        "both",
        "reviewed: 25/11/2026\nreview_every: 1.5\n",
        ["docs/hiring.md:3: reviewed: must be a date", "docs/hiring.md:4: review_every: must be a whole"],
    ),
]


@pytest.mark.parametrize(("fields", "expected"), [row[1:] for row in BROKEN], ids=[row[0] for row in BROKEN])
def test_each_broken_review_date_is_reported_with_file_line_and_field(
    fields: str, expected: list[str]
) -> None:
    found = review_of(fields)
    assert isinstance(found, list) and len(found) == len(expected)
    for message, start in zip(found, expected, strict=True):
        assert message.startswith(start), message


def _review(title: str, reviewed: dt.date, **more: object) -> Review:
    return Review(title, f"{title.lower()}/", f"docs/{title.lower()}.md", 3, "reviewed", reviewed, **more)


def test_the_warning_names_file_line_field_and_dates() -> None:
    review = _review("Legal", dt.date(2025, 6, 1), months=6)
    assert review.warning() == (
        "docs/legal.md:3: reviewed: due for review since 2025-12-01"
        " (last reviewed 2025-06-01, every 6 months)"
    )


def test_the_page_lists_past_due_then_coming_up_soonest_first_with_edit_links() -> None:
    reviews = [
        _review("Later", dt.date(2026, 11, 1)),
        _review("Overdue", dt.date(2025, 1, 1)),
        _review("Soon", dt.date(2026, 1, 1)),
        _review("Org", dt.date(2025, 3, 1), cms_entry="collections/organisations/entries/org"),
    ]
    html = render_review_page(reviews, TODAY, EditLinks("owner/repo", "main"), "maintainers/review/")
    past, coming = html.split('id="coming-up"')
    assert past.index("Overdue") < past.index("Org") and "Soon" not in past and "Later" not in past
    assert coming.index("Soon") < coming.index("Later")
    assert 'href="https://github.com/owner/repo/edit/main/docs/overdue.md"' in html
    assert 'href="../../admin/#/collections/organisations/entries/org"' in html
    assert html.count(">Browser editor<") == 1  # guidance pages have no form in it
    assert 'href="../../soon/"' in html and "<code>docs/soon.md:3</code>" in html


def test_the_page_escapes_what_files_say() -> None:
    html = render_review_page(
        [_review("<script>alert(1)</script>", dt.date(2025, 1, 1))],
        TODAY,
        EditLinks("owner/repo", "main"),
        "maintainers/review/",
    )
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
