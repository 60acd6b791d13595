"""Static checks of the DOCX templates: their Jinja compiles, and they match their source."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "docassemble" / "notonemore" / "data" / "templates"
sys.path.insert(0, str(ROOT / "tools"))
import make_templates  # noqa: E402

DOCX = sorted(TEMPLATES.glob("*.docx"))


def test_there_are_templates():
    assert DOCX, "no DOCX templates found"
    assert {p.name for p in DOCX} == set(make_templates.BUILDERS)


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


@pytest.mark.parametrize("name", sorted(make_templates.BUILDERS))
def test_committed_template_matches_its_source(name, tmp_path):
    make_templates.main(tmp_path)
    with zipfile.ZipFile(TEMPLATES / name) as committed, zipfile.ZipFile(tmp_path / name) as fresh:
        assert committed.read("word/document.xml") == fresh.read("word/document.xml"), (
            f"{name} is out of date: run python tools/make_templates.py")
