"""Print a DOCX template's wording as Markdown, to read a change to a letter in review.

A Word document is a zip of XML, so `git diff` of a template shows nothing readable. This
prints what a reader of the template sees, in document order: headings as `#`, bulleted and
numbered paragraphs as list items, bold and italic runs, tables as pipe tables, the page
header and footer, and docassemble's Jinja tags exactly as written (`{{ name }}`,
`{%p if ... %}`), so a reviewer sees which paragraph depends on what.

Usage:
    .local/venv/bin/python tools/template_text.py docassemble/notonemore/data/templates/pd_letter.docx
    .local/venv/bin/python tools/template_text.py            # every template, one after another

``template_tags(path)`` lists the template's Jinja tags as written, in order (the round-trip
test, tests/unit/test_template_roundtrip.py, compares them before and after LibreOffice saves it).

To diff a template's wording between two commits:
    git show OLD:path/to/letter.docx > /tmp/old.docx
    diff <(.local/venv/bin/python tools/template_text.py /tmp/old.docx) \\
         <(.local/venv/bin/python tools/template_text.py path/to/letter.docx)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "docassemble" / "notonemore" / "data" / "templates"


def _runs(paragraph: Paragraph) -> str:
    """The paragraph's text with bold and italic marked; runs of the same look are joined first."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in paragraph.runs:
        look = (bool(run.bold), bool(run.italic))
        if pieces and pieces[-1][1:] == look:
            pieces[-1] = (pieces[-1][0] + run.text, *look)
        else:
            pieces.append((run.text, *look))
    out = []
    for text, bold, italic in pieces:
        core = text.strip()
        if not core:
            out.append(text)
            continue
        mark = ("**" if bold else "") + ("*" if italic else "")
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark[::-1]}{trail}")
    # a line break inside a paragraph is a Markdown hard break
    return "".join(out).replace("\n", "  \n")


def paragraph_markdown(paragraph: Paragraph) -> str:
    text = _runs(paragraph).rstrip()
    style = paragraph.style.name if paragraph.style is not None else ""
    if not text.strip():
        return ""
    if style == "Title":
        return f"# {text}"
    if style.startswith("Heading "):
        level = style.split()[-1]
        return f"{'#' * (int(level) if level.isdigit() else 2)} {text}"
    if style.startswith("List Bullet"):
        return f"- {text}"
    if style.startswith("List Number"):
        return f"1. {text}"
    return text


def table_markdown(table: Table) -> str:
    rows = [[" ".join(_runs(p) for p in cell.paragraphs).replace("|", "\\|").strip() for cell in row.cells]
            for row in table.rows]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _blocks(parent) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of a body, header or footer, in document order."""
    for child in parent._element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, parent)
        elif tag == "tbl":
            yield Table(child, parent)


def _markdown(blocks: Iterable[Paragraph | Table]) -> list[str]:
    out = []
    for block in blocks:
        text = table_markdown(block) if isinstance(block, Table) else paragraph_markdown(block)
        if text:
            out.append(text)
    return out


def template_markdown(path: Path | str) -> str:
    """The whole template as Markdown: header, body, footer."""
    document = Document(str(path))
    parts: list[str] = []
    for section in document.sections[:1]:   # the templates have one section
        header = _markdown(_blocks(section.header)) if not section.header.is_linked_to_previous else []
        if header:
            parts += ["<!-- page header -->", *header, "<!-- end of page header -->"]
    parts += _markdown(_blocks(document._body))
    for section in document.sections[:1]:
        footer = _markdown(_blocks(section.footer)) if not section.footer.is_linked_to_previous else []
        if footer:
            parts += ["<!-- page footer -->", *footer, "<!-- end of page footer -->"]
    return "\n\n".join(parts) + "\n"


# docassemble's DOCX Jinja: {{ value }}, {%p if ... %} / {% for %} and the like, {# comments #}
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def template_tags(path: Path | str) -> list[str]:
    """Every Jinja tag of the template as written (page header, body with tables, page footer), in order.

    Read from each paragraph's whole text, so a tag Word or LibreOffice split across runs
    (a spell-check mark, a change of font in the middle) still counts as one tag.
    """
    document = Document(str(path))
    section = document.sections[0]
    parts = [part for part, linked in ((section.header, section.header.is_linked_to_previous), (document, False),
                                       (section.footer, section.footer.is_linked_to_previous)) if not linked]
    tags: list[str] = []
    for part in parts:
        root = part.element if hasattr(part, "element") else part._element
        for paragraph in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            text = "".join(node.text or "" for node in paragraph.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
            tags += JINJA_TAG.findall(text)
    return tags


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(TEMPLATES.glob("*.docx"))
    for number, path in enumerate(paths):
        if len(paths) > 1:
            print(("\n" if number else "") + f"<!-- {path.name} -->\n")
        print(template_markdown(path), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
