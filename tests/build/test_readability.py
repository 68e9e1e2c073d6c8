"""Guidance pages in plain English: Flesch reading ease of 60 or more on each page's prose."""

from __future__ import annotations

import re

import pytest
import textstat
from bs4 import BeautifulSoup, Tag

from tests.conftest import Build
from tests.pages import ELEMENT_PAGES

# Every guidance page: why it matters, the strategy, its elements and their sub-pages.
GUIDANCE_PAGES: list[str] = [
    "why-it-matters/",
    "strategy/",
    *ELEMENT_PAGES,
    "strategy/legal/",
    "strategy/small-employers/",
    "strategy/templates/",
    "glossary/",
]
MIN_READING_EASE = 60.0
BLOCKS = ("p", "li", "td", "th", "dt", "dd")
# Parts of a page that are not its prose: generated lists, permalinks, code.
NOT_PROSE = ".hub-generated, .headerlink, pre, code, script, style"


def prose_blocks(article: Tag) -> list[str]:
    """Each paragraph, list item and table cell of the article, as one sentence each."""
    for skipped in article.select(NOT_PROSE):
        skipped.decompose()
    blocks: list[str] = []
    for element in article.find_all(BLOCKS):
        if element.name == "li" and element.find(["p", "ul", "ol"], recursive=False):
            # A loose list item's paragraphs are counted themselves; keep only loose text.
            own = " ".join(s for s in element.find_all(string=True, recursive=False))
        elif element.name in ("li", "dd") and element.find(BLOCKS):
            own = " ".join(s for s in element.find_all(string=True, recursive=False))
        else:
            own = element.get_text(" ")
        text = re.sub(r"\s+", " ", own).strip().rstrip(".:;")
        if re.search(r"[A-Za-z]", text):
            blocks.append(text)
    return blocks


def reading_ease(soup: BeautifulSoup) -> float:
    """Flesch reading ease of the page's prose, each block taken as one sentence."""
    article = soup.select_one("article")
    return textstat.flesch_reading_ease(". ".join(prose_blocks(article)) + ".")


@pytest.mark.parametrize("url", GUIDANCE_PAGES)
def test_guidance_page_is_plain_english(build: Build, url: str) -> None:
    score = reading_ease(build.html(url))
    assert score >= MIN_READING_EASE, f"/{url}: Flesch reading ease {score:.1f}, below {MIN_READING_EASE:.0f}"
