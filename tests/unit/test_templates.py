"""Static checks of the DOCX templates (the source of every document's wording): their Jinja compiles."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "docassemble" / "notonemore" / "data" / "templates"

DOCX = sorted(TEMPLATES.glob("*.docx"))


def test_there_are_templates():
    assert DOCX, "no DOCX templates found"


@pytest.mark.parametrize("path", DOCX, ids=[p.name for p in DOCX])
def test_jinja_compiles(path):
    template = DocxTemplate(str(path))
    variables = template.get_undeclared_template_variables(jinja2.Environment())
    assert variables, "a template with no variables assembles nothing from the answers"


def test_a_broken_template_is_caught(tmp_path):
    """The check above can fail: an unclosed tag is a syntax error."""
    from docx import Document
    doc = Document()
    doc.add_paragraph("{% if client %} never closed")
    broken = tmp_path / "broken.docx"
    doc.save(broken)
    with pytest.raises(jinja2.TemplateSyntaxError):
        DocxTemplate(str(broken)).get_undeclared_template_variables(jinja2.Environment())
