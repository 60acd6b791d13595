"""Read the text of generated documents, for assertions on their content."""
from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree


def docx_text(data: bytes | str | Path | DocxDocument) -> str:
    """A DOCX's text, a line per paragraph: body (tables too), headers, footers, notes (a file, or one open in python-docx)."""
    document = data if isinstance(data, DocxDocument) else Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    parts = [p for p in document.part.package.iter_parts()
             if re.search(r"/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", str(p.partname))]
    # in reading order: page headers, the body, then footers and notes
    parts.sort(key=lambda p: ("/header" not in str(p.partname), not str(p.partname).endswith("/document.xml"),
                              str(p.partname)))
    pieces = {qn("w:tab"): "\t", qn("w:br"): "\n"}
    return "\n".join("".join(pieces.get(node.tag, node.text or "")
                             for node in para.iter(qn("w:t"), qn("w:tab"), qn("w:br")))
                     for part in parts for para in etree.fromstring(part.blob).iter(qn("w:p")))


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
