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
    doc.add_paragraph("{%p if ask.targets %}")
    doc.add_heading("Who decides", level=2)
    doc.add_paragraph("{%p for target in ask.targets %}")
    doc.add_paragraph("{{ target_words[target] }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if ask.warnings %}")
    doc.add_heading("Be careful", level=2)
    doc.add_paragraph("{%p for warning in ask.warnings %}")
    doc.add_paragraph("{{ warning_words[warning] }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
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
