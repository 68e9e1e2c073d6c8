"""What the foundation promises: its pages, in navigation order, and its strategy element pages."""

from __future__ import annotations

# (URL, H1) in the order the navigation lists them.
NAV_PAGES: list[tuple[str, str]] = [
    ("", "Socio-economic diversity and inclusion for employers"),
    ("why-it-matters/", "Why it matters"),
    ("strategy/", "The strategic approach"),
    ("strategy/data/", "Analysis of data"),
    ("strategy/data/measuring/", "Measuring socio-economic background"),
    ("strategy/data/compare/", "Compare your workforce"),
    ("strategy/culture/", "Attention to culture"),
    ("strategy/employee-journey/", "The employee journey"),
    ("strategy/employee-journey/outreach/", "Outreach"),
    ("strategy/employee-journey/hiring/", "Hiring"),
    ("strategy/employee-journey/progression/", "Progression and reward"),
    ("strategy/advocacy/", "Advocacy and collaboration"),
    ("plan/", "Your action plan"),
    ("about/", "About the hub"),
    ("accessibility/", "Accessibility statement"),
    ("privacy/", "Privacy"),
]

ELEMENT_PAGES: list[str] = [
    "strategy/data/",
    "strategy/data/measuring/",
    "strategy/culture/",
    "strategy/employee-journey/",
    "strategy/employee-journey/outreach/",
    "strategy/employee-journey/hiring/",
    "strategy/employee-journey/progression/",
    "strategy/advocacy/",
]
