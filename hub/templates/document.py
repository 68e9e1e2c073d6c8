"""A template's Markdown read into plain blocks (headings, paragraphs, lists, tables), and those
blocks written out as plain text and as a Word document."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document

BOLD = re.compile(r"\*\*(.+?)\*\*")
HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")


class TemplateError(ValueError):
    """A template file the exporter cannot read; the message says where."""


@dataclass(frozen=True)
class Block:
    """One block of a template: a heading (level 1 = the template's top level), a paragraph, a
    bullet or a table (rows of cells)."""

    kind: str
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


def read_blocks(path: Path) -> list[Block]:
    """Read a template file into blocks; its top headings (###) become level 1."""
    lines = path.read_text(encoding="utf-8").splitlines()
    headings = [len(m.group(1)) for line in lines if (m := HEADING.match(line))]
    if not headings:
        raise TemplateError(f"{path.name}:1: a template needs at least one ### heading")
    top = min(headings)
    blocks: list[Block] = []
    paragraph: list[str] = []
    table: list[tuple[str, ...]] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
            paragraph.clear()
        if table:
            blocks.append(Block("table", rows=tuple(table)))
            table.clear()

    for line in lines:
        stripped = line.strip()
        if heading := HEADING.match(stripped):
            flush()
            blocks.append(Block("heading", heading.group(2), len(heading.group(1)) - top + 1))
        elif stripped.startswith("|"):
            if paragraph:
                flush()
            if not TABLE_RULE.match(stripped):
                table.append(tuple(cell.strip() for cell in stripped.strip("|").split("|")))
        elif bullet := BULLET.match(stripped):
            flush()
            blocks.append(Block("bullet", bullet.group(1)))
        elif not stripped:
            flush()
        elif blocks and blocks[-1].kind == "bullet" and line.startswith("  ") and not paragraph:
            blocks[-1] = Block("bullet", f"{blocks[-1].text} {stripped}")
        else:
            paragraph.append(stripped)
    flush()
    return blocks


def plain(text: str) -> str:
    """Inline Markdown (bold) taken out, for plain text."""
    return BOLD.sub(r"\1", text)


def to_text(title: str, blocks: list[Block]) -> str:
    """The template as plain text, ready to paste into an email or a document."""
    lines = [title, ""]
    for block in blocks:
        if block.kind == "heading":
            lines += [plain(block.text), ""]
        elif block.kind == "bullet":
            lines.append(f"- {plain(block.text)}")
        elif block.kind == "table":
            lines += [" | ".join(plain(c) for c in row) for row in block.rows]
            lines.append("")
        else:
            lines += [plain(block.text), ""]
    text = "\n".join(lines)
    return re.sub(r"(- [^\n]*)\n(?!- |\n)", r"\1\n\n", text).rstrip() + "\n"


def to_docx(title: str, blocks: list[Block]) -> bytes:
    """The template as a Word document: the title, then headings, paragraphs, lists and tables."""
    document = Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(plain(block.text), level=min(block.level, 9))
        elif block.kind == "bullet":
            _runs(document.add_paragraph(style="List Bullet"), block.text)
        elif block.kind == "table":
            _table(document, block.rows)
        else:
            _runs(document.add_paragraph(), block.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _runs(paragraph: object, text: str) -> None:
    """Add `text` to a Word paragraph, with **bold** parts as bold runs."""
    for i, part in enumerate(BOLD.split(text)):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1  # type: ignore[attr-defined]


def _table(document: object, rows: tuple[tuple[str, ...], ...]) -> None:
    """A Word table with a header row."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = plain(cell)
            if r == 0:
                for run in table.cell(r, c).paragraphs[0].runs:
                    run.bold = True
