"""The site's one slug rule: organisation file names and new post file names are made by it.

One small function rather than `pymdownx.slugs` (Material's rule for post URLs): that rule
keeps non-ASCII letters and turns `A & B` into `a--b`, and an organisation's file name must
be plain lower-case ASCII words joined by single hyphens (`SLUG`), which this rule always gives.
"""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_APOSTROPHES = str.maketrans("", "", "'\u2019")


def slugify(text: str) -> str:
    """Make a URL slug: `The King's Trust` -> `the-kings-trust`, `Café & co.` -> `cafe-and-co`.

    Accents are dropped, `&` is read as "and", apostrophes join their word; every other run of
    characters that is not a letter or digit becomes one hyphen. The result matches `SLUG`, or
    is empty when `text` has no letter or digit.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = ascii_text.casefold().replace("&", " and ").translate(_APOSTROPHES)
    return "-".join(re.findall(r"[a-z0-9]+", words))
