"""The templates employers take away: each page builds with its template, its copyable text and
its downloads; each Word file opens and holds the page's headings."""

from __future__ import annotations

import pytest
from docx import Document

from hub.templates import TEMPLATES
from tests.conftest import Build

PAGE = "strategy/templates/{id}/"


def template_headings(build: Build, tid: str) -> list[str]:
    """The headings inside the template on its built page, without permalink marks."""
    box = build.html(PAGE.format(id=tid)).select_one(".hub-template")
    for mark in box.select(".headerlink"):
        mark.decompose()
    return [h.get_text(strip=True) for h in box.select("h3, h4, h5, h6")]


@pytest.mark.parametrize("tid", list(TEMPLATES))
def test_each_template_page_shows_its_template_downloads_and_copy_block(build: Build, tid: str) -> None:
    soup = build.html(PAGE.format(id=tid))
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == TEMPLATES[tid]
    assert template_headings(build, tid)
    hrefs = [a["href"] for a in soup.select(".hub-template__downloads a[download]")]
    assert hrefs == [f"../{tid}.docx", f"../{tid}.txt"]
    copy = soup.select_one("article .copy pre > code")
    assert copy is not None
    assert copy.get_text() == (build.site / f"strategy/templates/{tid}.txt").read_text(encoding="utf-8")
    assert soup.find(attrs={"data-hub-include": True}) is None


@pytest.mark.parametrize("tid", list(TEMPLATES))
def test_each_word_download_opens_and_holds_the_pages_headings(build: Build, tid: str) -> None:
    document = Document(str(build.site / f"strategy/templates/{tid}.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [TEMPLATES[tid]]
    assert headings == template_headings(build, tid)


@pytest.mark.parametrize("tid", list(TEMPLATES))
def test_each_text_download_holds_the_pages_headings_in_order(build: Build, tid: str) -> None:
    lines = (build.site / f"strategy/templates/{tid}.txt").read_text(encoding="utf-8").splitlines()
    positions = [lines.index(heading) for heading in template_headings(build, tid)]
    assert positions == sorted(positions)


def test_the_templates_index_links_every_template(build: Build) -> None:
    hrefs = {a["href"] for a in build.html("strategy/templates/").select("article a[href]")}
    assert {f"{tid}/" for tid in TEMPLATES} <= hrefs
