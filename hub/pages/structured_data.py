"""Structured data (schema.org JSON-LD) for search engines, every kind built the same way.

Each function returns a plain dict; a hook sets it as `page.meta["structured_data"]` and
overrides/partials/structured-data.html prints it once with `tojson` (which escapes `<`, `>`,
`&` and `'`, so nothing from data can close the script element).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

SCHEMA_ORG = "https://schema.org"


def article(
    *,
    headline: str,
    description: str,
    published: dt.date,
    modified: dt.date | None,
    authors: Sequence[str],
    publisher: str,
    page_url: str,
    image: str,
) -> dict[str, object]:
    """An Article: a news or blog post, its authors being the hub's teams (organisations)."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "Article",
        "headline": headline,
        "description": description,
        "datePublished": published.isoformat(),
        "dateModified": (modified or published).isoformat(),
        "author": [{"@type": "Organization", "name": name} for name in authors],
        "publisher": {"@type": "Organization", "name": publisher},
        "mainEntityOfPage": page_url,
        "image": image,
        "inLanguage": "en-GB",
    }


def organization(
    *,
    name: str,
    description: str,
    website: str,
    page_url: str,
    areas: Sequence[str],
    topics: Sequence[str],
) -> dict[str, object]:
    """An Organization: one entry of the directory, described on its own page."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "name": name,
        "description": description,
        "url": website,
        "mainEntityOfPage": page_url,
        "areaServed": list(areas),
        "knowsAbout": list(topics),
    }
