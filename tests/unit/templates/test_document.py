"""hub.templates.document: a template's Markdown read into blocks, written as text and Word."""

from __future__ import annotations

import io

import pytest
from docx import Document

from hub.templates.document import Block, TemplateError, read_blocks, to_docx, to_text
from tests.project import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "templates"


def test_blocks_are_read_in_order_with_levels_from_the_top_heading() -> None:
    assert read_blocks(FIXTURES / "all-blocks.md") == [
        Block("heading", "First", 1),
        Block("paragraph", "A paragraph that runs over two lines, with **bold** words."),
        Block("bullet", "a bullet that wraps"),
        Block("bullet", "another"),
        Block("heading", "Second", 2),
        Block("table", rows=(("Head", "Other"), ("one", "two"))),
    ]


def test_a_template_without_a_heading_is_refused_with_its_name_and_line() -> None:
    with pytest.raises(TemplateError, match=r"^no-heading\.md:1: a template needs at least one ### heading$"):
        read_blocks(FIXTURES / "no-heading.md")


def test_text_drops_markup_and_keeps_the_order() -> None:
    text = to_text("Title", read_blocks(FIXTURES / "all-blocks.md"))
    assert text == (
        "Title\n\nFirst\n\nA paragraph that runs over two lines, with bold words.\n\n"
        "- a bullet that wraps\n- another\n\nSecond\n\nHead | Other\none | two\n"
    )


def test_word_document_has_title_headings_bold_runs_lists_and_table() -> None:
    document = Document(io.BytesIO(to_docx("Title", read_blocks(FIXTURES / "all-blocks.md"))))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled == [
        ("Title", "Title"),
        ("Heading 1", "First"),
        ("Normal", "A paragraph that runs over two lines, with bold words."),
        ("List Bullet", "a bullet that wraps"),
        ("List Bullet", "another"),
        ("Heading 2", "Second"),
    ]
    assert [r.text for r in document.paragraphs[2].runs if r.bold] == ["bold"]
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert table == [["Head", "Other"], ["one", "two"]]
    assert document.core_properties.title == "Title"
