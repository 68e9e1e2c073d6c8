"""Facts about the site that hooks, scripts and templates share: its address, its deploy
contexts, and how it writes a date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import cache

from hub.paths import ROOT

# Netlify's CONTEXT values for builds that are previews, not the live site ("dev" is
# `netlify dev` on a laptop). Previews show drafts and are never indexed.
PREVIEW_CONTEXTS = frozenset({"deploy-preview", "branch-deploy", "dev"})


@cache
def site_url() -> str:
    """The `site_url` of mkdocs.yml (read as text: the file has MkDocs-only YAML tags)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)\s*$", text, re.MULTILINE)
    if not found:
        raise ValueError("mkdocs.yml: site_url is not set")
    return found.group(1).rstrip("/") + "/"


def is_preview(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this build is a deploy preview or branch deploy (Netlify sets CONTEXT)."""
    return (os.environ if environ is None else environ).get("CONTEXT", "") in PREVIEW_CONTEXTS


def long_date(value: dt.date | dt.datetime | None) -> str:
    """A date as readers here write it, e.g. "6 October 2026" (any platform; "" for none)."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"
