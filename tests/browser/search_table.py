"""The search's query table: what a visitor types, the group the page they want is in, and that
page, which must be among the first five of its group, at both sizes (the real site, and the
site with 1,000 posts and 5,000 organisations added: tests/browser/test_search_large.py).

Groups are shown in order, guidance first, so an expected guidance page among the first five
of its group is among the first five results of all. The synthetic posts quote the words of
the guidance queries in their titles and text (hub/dev/synthetic.py, QUOTED).
"""

from __future__ import annotations

POSTS = "blog/2026/11/25/"

# (query, group, expected page)
QUERIES: list[tuple[str, str, str]] = [
    # Guidance topics.
    ("class pay gap", "guidance", "strategy/employee-journey/progression/"),
    ("pay gap", "guidance", "strategy/employee-journey/progression/"),
    ("promotion", "guidance", "strategy/employee-journey/progression/"),
    ("board agenda", "guidance", "strategy/culture/"),
    ("role models", "guidance", "strategy/culture/"),
    ("main household earner", "guidance", "strategy/data/measuring/"),
    ("contextual recruitment", "guidance", "strategy/employee-journey/hiring/"),
    ("outreach with schools", "guidance", "strategy/employee-journey/outreach/"),
    ("apprenticeships", "guidance", "strategy/employee-journey/outreach/"),
    ("work experience", "guidance", "strategy/employee-journey/outreach/"),
    ("Equality Act", "guidance", "strategy/legal/"),
    ("compare your workforce", "guidance", "strategy/data/compare/"),
    ("action plan", "guidance", "plan/"),
    ("publish your data", "guidance", "strategy/advocacy/"),
    ("business case", "guidance", "why-it-matters/"),
    # Posts: news, case studies, masterclasses.
    (
        "social mobility employer index",
        "news",
        f"{POSTS}the-social-mobility-employer-index-explained/",
    ),
    ("senior champion", "news", f"{POSTS}case-study-a-regional-builder-names-a-senior-champion/"),
    (
        "law firm interns",
        "news",
        f"{POSTS}case-study-a-law-firm-pays-its-interns-and-widens-its-intake/",
    ),
    (
        "Channel 4",
        "news",
        f"{POSTS}case-study-channel-4-responds-to-a-study-of-its-staffs-class-background/",
    ),
    (
        "Grant Thornton",
        "news",
        f"{POSTS}case-study-grant-thornton-drops-academic-entry-rules-and-checks-the-results/",
    ),
    ("KPMG", "news", f"{POSTS}case-study-kpmg-publishes-pay-gaps-by-background-and-sets-a-target/"),
    (
        "fast stream",
        "news",
        f"{POSTS}case-study-the-civil-service-fast-stream-opens-itself-to-outside-review/",
    ),
    # Organisations, by name and by what only their summary says.
    ("upReach", "organisations", "organisations/upreach/"),
    ("Brightside", "organisations", "organisations/brightside/"),
    ("Sutton Trust", "organisations", "organisations/sutton-trust/"),
    ("marginalised", "organisations", "organisations/youth-futures-foundation/"),
    ("weekly tutoring", "organisations", "organisations/the-access-project/"),
    # About the hub.
    ("accessibility statement", "about", "accessibility/"),
]

# The JavaScript that reads the shown results: [[group id, [paths]], …] in the order shown.
SHOWN_GROUPS = """() => [...document.querySelectorAll('#hub-search-results section.hub-search-group')].map(
  s => [s.getAttribute('aria-labelledby').replace('hub-search-group-', ''),
        [...s.querySelectorAll('a.md-search-result__link')].map(a => new URL(a.href).pathname)])"""

# Every excerpt shown, as text.
EXCERPTS = """() => [...document.querySelectorAll('#hub-search-results a.md-search-result__link article')]
  .map(a => a.lastElementChild.textContent)"""


def check_row(shown: list[list], query: str, group: str, expected: str) -> str:
    """ "" when the row holds; otherwise what went wrong, for the failure message."""
    groups = [name for name, _ in shown]
    paths = dict((name, links) for name, links in shown)
    if group not in paths:
        return f"{query!r}: no {group} group (groups: {groups})"
    top = paths[group][:5]
    if f"/{expected}" not in top:
        return f"{query!r}: /{expected} not in the first five of {group}: {top}"
    return ""
