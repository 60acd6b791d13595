"""tools/template_text.py: a DOCX template's wording as Markdown, for reading a change in review."""
from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import template_text  # noqa: E402

TEMPLATES = sorted((ROOT / "docassemble" / "notonemore" / "data" / "templates").glob("*.docx"))
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def test_a_document_reads_as_markdown(tmp_path):
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ draft_mark }}"
    doc.add_paragraph("Request", style="Title")
    doc.add_paragraph("Reasons", style="Heading 2")
    para = doc.add_paragraph("We ask that you grant ")
    para.add_run("a stay of removal").bold = True
    para.add_run(" now.")
    doc.add_paragraph("{%p if detained %}")
    doc.add_paragraph("{{ line }}", style="List Bullet")
    doc.add_paragraph("Field Office Director").add_run().add_break()
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("Item", "Status", "Birth | certificate", "{{ status }}")):
        cell.text = text
    path = tmp_path / "sample.docx"
    doc.save(path)
    assert template_text.template_markdown(path) == (
        "<!-- page header -->\n\n{{ draft_mark }}\n\n<!-- end of page header -->\n\n"
        "# Request\n\n## Reasons\n\nWe ask that you grant **a stay of removal** now.\n\n{%p if detained %}\n\n"
        "- {{ line }}\n\nField Office Director\n\n"
        "| Item | Status |\n|---|---|\n| Birth \\| certificate | {{ status }} |\n")


def _xml_text(path: Path) -> str:
    """Every text node of the template's parts (body, headers, footers), joined: Word may split a tag across runs."""
    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        # in the Markdown's reading order: page headers, the body, then footers
        parts.sort(key=lambda n: ("header" not in n, "document" not in n, n))
        xml = "".join(re.sub(r"<w:br[^>]*/>|<w:tab/>|</w:p>", "<w:t> </w:t>", z.read(n).decode()) for n in parts)
        return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_every_template_prints_every_tag_and_word(path):
    import html
    markdown = template_text.template_markdown(path)
    raw = html.unescape(_xml_text(path))
    assert JINJA.findall(raw) and sorted(JINJA.findall(raw)) == sorted(JINJA.findall(markdown.replace("  \n", "\n")))
    # no word of the template is lost (the markup added is only #, -, |, * and line breaks)
    words = lambda text: re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñÑü']{3,}", JINJA.sub(" ", text))  # noqa: E731
    assert words(raw) == words(markdown.replace("<!-- page header -->", "").replace("<!-- end of page header -->", "")
                               .replace("<!-- page footer -->", "").replace("<!-- end of page footer -->", ""))


def test_the_command_prints_each_template(capsys):
    assert template_text.main([str(TEMPLATES[0]), str(TEMPLATES[1])]) == 0
    out = capsys.readouterr().out
    assert f"<!-- {TEMPLATES[0].name} -->" in out and f"<!-- {TEMPLATES[1].name} -->" in out


def test_the_tags_are_read_whole_when_word_split_them_across_runs(tmp_path):
    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = "{{ page_note }}"
    para = doc.add_paragraph("Dear {{ office")
    para.add_run("['name'] }}").bold = True          # a change of look in the middle of a tag
    para.add_run(", {%p if detained %}")
    doc.add_table(rows=1, cols=1)._cells[0].text = "{{ status }} {# a comment #}"
    path = tmp_path / "split.docx"
    doc.save(path)
    assert template_text.template_tags(path) == ["{{ office['name'] }}", "{%p if detained %}", "{{ status }}",
                                                 "{# a comment #}", "{{ page_note }}"]
