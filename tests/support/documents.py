"""Read the text of generated documents, for assertions on their content."""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from docx import Document


def docx_text(data: bytes | Path) -> str:
    """All paragraph and table text of a DOCX, headers and footers included, one line per paragraph."""
    doc = Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    lines: list[str] = []

    def walk(container) -> None:
        for paragraph in container.paragraphs:
            lines.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(doc)
    for section in doc.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(lines)


def _with_file(data: bytes, command: list[str]) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        return subprocess.run(command + [handle.name] + (["-"] if command[0] == "pdftotext" else []),
                              capture_output=True, text=True, check=True).stdout


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext reads it (poppler-utils), whitespace folded."""
    if not data.startswith(b"%PDF"):
        raise AssertionError("not a PDF")
    return " ".join(_with_file(data, ["pdftotext"]).split())


def pdf_pages(data: bytes) -> int:
    for line in _with_file(data, ["pdfinfo"]).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")
