"""Write the DOCX templates under data/templates from this readable source.

The templates are docxtpl (Jinja) documents. Editing them here keeps each template
reviewable as text; run ``python tools/make_templates.py`` after a change and commit
both. A test checks that the committed DOCX files match what this script makes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

TEMPLATES = Path(__file__).resolve().parent.parent / "docassemble" / "notonemore" / "data" / "templates"


def _base() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    return doc


def _bullets(doc: Document, heading: str, codes: str, words: str) -> None:
    """A heading and one bullet per code in ``codes``, worded by the ``words`` dict; nothing if empty."""
    doc.add_paragraph(f"{{%p if {codes} %}}")
    doc.add_heading(heading, level=2)
    doc.add_paragraph(f"{{%p for code in {codes} %}}")
    doc.add_paragraph(f"{{{{ {words}[code] }}}}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")


def ask_summary() -> Document:
    """One page that states the ask chosen in Step 4 and who decides."""
    doc = _base()
    doc.add_heading("Campaign plan: what we ask for", level=1)
    doc.add_paragraph("Person facing deportation: {{ client.name.full() }}")
    doc.add_paragraph("Prepared on {{ today_date }} by the {{ role_words[user_role] }}.")
    doc.add_heading("The ask", level=2)
    p = doc.add_paragraph()
    p.add_run("{{ ask_words[ask.code]['title'] }}").bold = True
    doc.add_paragraph("{{ ask_words[ask.code]['explain'] }}")
    _bullets(doc, "Who decides", "ask.targets", "target_words")
    doc.add_paragraph("{%p if ask.pd_letter %}")
    doc.add_paragraph("Field office: {{ office(field_office)['name'] }}")
    doc.add_paragraph("How urgent: {{ urgency_level_words[urgency.level] }}")
    doc.add_paragraph("{%p endif %}")
    _bullets(doc, "Be careful", "ask.warnings", "warning_words")
    _bullets(doc, "Still missing", "missing", "missing_words")
    doc.add_paragraph("{%p if ask.also_deferred_action %}")
    doc.add_paragraph(
        "We may also ask for deferred action. It needs no form and no fee, "
        "but ICE rarely grants it, and it gives no legal status."
    )
    doc.add_paragraph("{%p endif %}")
    note = doc.add_paragraph(
        "This summary is a campaign plan, not legal advice. Prosecutorial discretion can "
        "stop a deportation but gives no legal status, and nothing is guaranteed. "
        "Talk to an immigration attorney before you send anything."
    )
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for run in note.runs:
        run.italic = True
    return doc


BUILDERS = {"ask_summary.docx": ask_summary}


def main(target: Path = TEMPLATES) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build().save(target / name)
        print(f"wrote {target / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES)
