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
    doc.add_paragraph(f"{{{{ {words}[code] | striptags }}}}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")


def _ask_summary(texts: dict[str, str]) -> Document:
    """One page that states the ask chosen in Step 4 and who decides (one language per document).

    The words come from the screens' lists, which may mark English terms for screen readers
    (``<span lang="en">``): a document shows their text only (``striptags``).
    """
    doc = _base()
    doc.add_heading(texts["title"], level=1)
    doc.add_paragraph(texts["person"] + " {{ client.name.full(middle='full') }}")
    doc.add_paragraph(texts["prepared"])
    doc.add_heading(texts["ask"], level=2)
    p = doc.add_paragraph()
    p.add_run("{{ ask_words[ask.code]['title'] | striptags }}").bold = True
    doc.add_paragraph("{{ ask_words[ask.code]['explain'] | striptags }}")
    _bullets(doc, texts["decides"], "ask.targets", "target_words")
    doc.add_paragraph("{%p if ask.pd_letter %}")
    doc.add_paragraph(texts["office"] + " {{ office(field_office)['name'] }}")
    doc.add_paragraph(texts["urgent"] + " {{ urgency_level_words[urgency.level] | striptags }}")
    doc.add_paragraph("{%p endif %}")
    _bullets(doc, texts["careful"], "ask.warnings", "warning_words")
    _bullets(doc, texts["missing"], "still_missing", "missing_words")
    doc.add_paragraph("{%p if ask.also_deferred_action %}")
    doc.add_paragraph(texts["deferred"])
    doc.add_paragraph("{%p endif %}")
    note = doc.add_paragraph(texts["note"])
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for run in note.runs:
        run.italic = True
    return doc


def ask_summary() -> Document:
    return _ask_summary({
        "title": "Campaign plan: what we ask for",
        "person": "Person facing deportation:",
        "prepared": "Prepared on {{ today_date }} by the {{ role_words[user_role] }}.",
        "ask": "The ask", "decides": "Who decides", "office": "Field office:", "urgent": "How urgent:",
        "careful": "Be careful", "missing": "Still missing",
        "deferred": "We may also ask for deferred action. It needs no form and no fee, "
                    "but ICE rarely grants it, and it gives no legal status.",
        "note": "This summary is a campaign plan, not legal advice. Prosecutorial discretion can "
                "stop a deportation but gives no legal status, and nothing is guaranteed. "
                "Talk to an immigration attorney before you send anything.",
    })


def ask_summary_es() -> Document:
    """The summary for a family that chose Spanish: the same parts, in the interview's language."""
    return _ask_summary({
        "title": "Plan de campaña: lo que pedimos",
        "person": "Persona que enfrenta la deportación:",
        "prepared": "Hecho el {{ today_date }}. Lo hizo: {{ role_words[user_role] }}.",
        "ask": "Lo que se pide", "decides": "Quién decide", "office": "Oficina local de ICE:",
        "urgent": "Qué tan urgente:", "careful": "Cuidado", "missing": "Todavía falta",
        "deferred": "También podemos pedir una acción diferida. No necesita formulario ni pago, "
                    "pero ICE casi nunca la da, y no da un estatus legal.",
        "note": "Este resumen es un plan de campaña, no consejo legal. La discreción procesal de ICE puede "
                "parar una deportación, pero no da un estatus legal, y nada está garantizado. "
                "Hable con un abogado de inmigración antes de mandar algo.",
    })


def _lines(doc: Document, items: str, style: str | None = None) -> None:
    """One paragraph per string in the list ``items`` (a name in the interview)."""
    doc.add_paragraph(f"{{%p for line in {items} %}}")
    doc.add_paragraph("{{ line }}", style=style)
    doc.add_paragraph("{%p endfor %}")


def _draft_header(doc: Document, mark: str = "draft_mark") -> None:
    """"DRAFT – for attorney review" at the top of every page until an attorney's review is recorded."""
    header = doc.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run(f"{{{{ {mark} }}}}").bold = True


def _signature(doc: Document) -> None:
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph("")
    doc.add_paragraph("______________________________")
    doc.add_paragraph("{{ signer_line }}")
    doc.add_paragraph("{{ contact_line }}")


def pd_letter() -> Document:
    """Step 5: the prosecutorial-discretion request to the ICE field office (three parts)."""
    doc = _base()
    _draft_header(doc)
    doc.add_paragraph("{{ letter_date }}")
    doc.add_paragraph("Field Office Director\n{{ office(field_office)['name'] }}\n"
                      "U.S. Immigration and Customs Enforcement\nEnforcement and Removal Operations")
    doc.add_paragraph("{%p if ask.code == 'lift_ice_hold' %}")
    doc.add_paragraph("Copy to: {{ local_agency_name }}")
    doc.add_paragraph("{%p endif %}")
    p = doc.add_paragraph()
    p.add_run("Re: Request for prosecutorial discretion for {{ ref }}").bold = True
    doc.add_paragraph("{%p if bare_bones %}")
    doc.add_paragraph().add_run("FIRST REQUEST. A fuller request with supporting documents will follow.").bold = True
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Dear Field Office Director:")
    doc.add_heading("I. Who is writing and what we ask", level=2)
    doc.add_paragraph("{{ intro_line }}")
    _lines(doc, "ask_lines")
    doc.add_paragraph("{{ born_line }}")
    doc.add_heading("II. Reasons to use discretion", level=2)
    _lines(doc, "factor_lines", "List Bullet")
    _lines(doc, "detail_lines")
    _lines(doc, "disclosure_lines")
    doc.add_heading("III. Closing", level=2)
    doc.add_paragraph("{{ consent_line }} {{ waiver_line }}")
    doc.add_paragraph("{%p if user_role == 'advocate' %}")
    doc.add_paragraph("We are not attorneys and do not represent {{ name }} in the removal case.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Thank you for considering this request. Please contact {{ signer_line }} at {{ contact_line }}.")
    _signature(doc)
    doc.add_heading("Enclosures", level=2)
    _lines(doc, "enclosures", "List Bullet")
    return doc


def officials_letter() -> Document:
    """Step 5: the shorter letter for elected officials: no date of birth, no address, no private history."""
    doc = _base()
    _draft_header(doc)
    doc.add_paragraph("{{ letter_date }}")
    p = doc.add_paragraph()
    p.add_run("Re: Please help {{ officials_ref }}").bold = True
    doc.add_paragraph("Dear elected official:")
    doc.add_paragraph("{{ intro_line }} {{ we }} ask your office to write to or call the Field Office Director of the "
                      "{{ office(field_office)['name'] }} of ICE Enforcement and Removal Operations and support "
                      "this request: {{ document_words_en['ask'][ask.code] }}.")
    _lines(doc, "ask_lines")
    doc.add_heading("Why we ask", level=2)
    _lines(doc, "factor_lines", "List Bullet")
    doc.add_paragraph("{%p if cleared_any %}")
    doc.add_paragraph("There are matters in {{ poss }} past that an immigration attorney has reviewed. "
                      "ICE has the details.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph().add_run("Your office may need its own privacy release. Many offices ask the person, "
                                "or a family member, to sign their own release form before they contact ICE. "
                                "Please send us yours.").bold = True
    doc.add_paragraph("Thank you. Please contact {{ signer_line }} at {{ contact_line }}.")
    _signature(doc)
    return doc


def waiver_cover() -> Document:
    """Step 6: a one-page transmittal for the privacy waiver (not a copy of the form)."""
    doc = _base()
    _draft_header(doc)
    doc.add_heading("Privacy waiver: cover sheet", level=1)
    doc.add_paragraph("Form: {{ fact('privacy_waiver_form').value }}. Use the current form from "
                      "{{ fact('privacy_waiver_form')['source'] }} (checked {{ format_date(fact('privacy_waiver_form').verified, language='en') }}).")
    doc.add_heading("Whose records", level=2)
    doc.add_paragraph("{{ name }}{% if a_number %}, {{ a_number }}{% endif %}, born in "
                      "{{ birth_country }}")
    doc.add_heading("Who may receive information (third party)", level=2)
    doc.add_paragraph("{{ signer_line }}. Phone and e-mail: {{ contact_line }}")
    doc.add_heading("Where to sign", level=2)
    doc.add_paragraph("{{ name }} must sign and date the form personally, where the form asks for the "
                      "signature of the person whose records are shared. Nobody else can sign for them.")
    doc.add_paragraph("{%p if detained and waiver_status != 'signed' %}")
    doc.add_heading("Getting it signed in detention", level=2)
    doc.add_paragraph("{{ name }} is held at {{ facility_name }}. How: {{ document_words_en['waiver_plan'][waiver_plan_how] }}. "
                      "Who: {{ waiver_plan_who }}. By: {{ format_date(waiver_plan_by, language='en') }}.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if waiver_status != 'signed' %}")
    doc.add_heading("If it cannot be signed in time", level=2)
    doc.add_paragraph("ICE may still give information about the case to immediate relatives of {{ name }} "
                      "without a signed waiver.")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Send it with the request to", level=2)
    doc.add_paragraph("Field Office Director, {{ office(field_office)['name'] }}, ICE Enforcement and Removal Operations")
    return doc


def attorney_review_sheet() -> Document:
    """For the attorney who reviews the case: the facts, the ask, every risk, and what could be disclosed."""
    doc = _base()
    doc.add_heading("Attorney review sheet", level=1)
    doc.add_paragraph().add_run("Confidential: for the reviewing attorney. Do not send to ICE or publish.").bold = True
    doc.add_paragraph("Prepared on {{ letter_date }} by the {{ document_words_en['role'][user_role] }}.")
    doc.add_heading("The case", level=2)
    _lines(doc, "review_case_lines")
    doc.add_heading("The ask", level=2)
    doc.add_paragraph("{{ document_words_en['ask'][ask.code] }}, to the Field Office Director, {{ office(field_office)['name'] }}"
                      "{% if ask.code == 'lift_ice_hold' %}, and to {{ local_agency_name }}{% endif %}.")
    doc.add_paragraph("{%p if bare_bones %}")
    doc.add_paragraph("This is a short first request; the history questions have not been asked yet.")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Risk flags", level=2)
    _lines(doc, "review_flags", "List Bullet")
    doc.add_heading("Private facts the letter would disclose if cleared", level=2)
    _lines(doc, "review_disclosures", "List Bullet")
    doc.add_heading("Review", level=2)
    _lines(doc, "review_status_lines")
    doc.add_paragraph("Attorney's name: ______________________  Bar number or organization: ______________________")
    doc.add_paragraph("Date: ____________  Signature: ______________________")
    return doc


def _checklist(title: str, intro: str, missing: str) -> Document:
    """The checklist's rows (category, then each item with its status) and what is still needed."""
    doc = _base()
    doc.add_heading(title + " {{ client.name.full(middle='full') }}", level=1)
    doc.add_paragraph(intro)
    doc.add_paragraph("{%p for row in checklist_rows %}")
    doc.add_heading("{{ row['category'] }}", level=2)
    doc.add_paragraph("{%p for item in row['items'] %}")
    doc.add_paragraph("{{ item['status'] }}: {{ item['text'] }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if checklist_missing %}")
    doc.add_heading(missing, level=2)
    _lines(doc, "checklist_missing", "List Number")
    doc.add_paragraph("{%p endif %}")
    return doc


def checklist() -> Document:
    """Step 5: the supporting documents that fit this case, with what the family has and still needs."""
    return _checklist("Supporting documents for", "Papers that prove what the letter says. Send copies, never originals.",
                      "Still needed")


def checklist_es() -> Document:
    """The checklist for a family that chose Spanish: the same rows, in the words of the interview's language."""
    return _checklist("Papeles de apoyo para", "Papeles que prueban lo que dice la carta. Envíe copias, nunca los originales.",
                      "Todavía faltan")


def _reference_request(texts: dict[str, str]) -> Document:
    """Step 5: what a supporter's letter must contain (one language per document)."""
    doc = _base()
    doc.add_heading(texts["title"], level=1)
    doc.add_paragraph(texts["intro"])
    doc.add_paragraph(texts["include"])
    for line in texts["points"]:
        doc.add_paragraph(line, style="List Number")
    doc.add_paragraph(texts["sign"])
    doc.add_paragraph(texts["return"])
    doc.add_paragraph(texts["thanks"])
    return doc


def reference_request_en() -> Document:
    return _reference_request({
        "title": "Please write a letter of support for {{ client.name.full(middle='full') }}",
        "intro": "{{ client.name.full(middle='full') }} is asking U.S. Immigration and Customs Enforcement (ICE) to stop "
                 "their deportation. A letter from you can help ICE see who {{ client.name.first }} is.",
        "include": "In your own words, please write:",
        "points": ["How you know {{ client.name.first }} (for example: neighbor, boss, pastor, teacher, friend).",
                   "{{ client.name.first }}'s full name: {{ client.name.full(middle='full') }}.",
                   "How long you have known {{ client.name.first }}.",
                   "Why you think well of {{ client.name.first }}. Give real examples of what they do.",
                   "How {{ client.name.first }}'s deportation would affect you, the family and others."],
        "sign": "Put the date on the letter and sign it with your full name, phone number and address. "
                "If you can, sign it in front of a notary.",
        "return": "Give the letter to {{ signer_line }} ({{ contact_line }}).",
        "thanks": "Thank you for your support.",
    })


def reference_request_es() -> Document:
    return _reference_request({
        "title": "Por favor escriba una carta de apoyo para {{ client.name.full(middle='full') }}",
        "intro": "{{ client.name.full(middle='full') }} le pide al Servicio de Inmigración y Control de Aduanas (ICE) que "
                 "detenga su deportación. Su carta puede ayudar a que ICE conozca quién es {{ client.name.first }}.",
        "include": "Con sus propias palabras, por favor escriba:",
        "points": ["Cómo conoce a {{ client.name.first }} (por ejemplo: vecino, jefe, pastor, maestro, amigo).",
                   "El nombre completo de {{ client.name.first }}: {{ client.name.full(middle='full') }}.",
                   "Desde hace cuánto tiempo conoce a {{ client.name.first }}.",
                   "Por qué tiene una buena opinión de {{ client.name.first }}. Dé ejemplos reales de lo que hace.",
                   "Cómo le afectaría la deportación de {{ client.name.first }} a usted, a la familia y a otras personas."],
        "sign": "Ponga la fecha en la carta y fírmela con su nombre completo, teléfono y dirección. "
                "Si puede, fírmela ante un notario.",
        "return": "Entregue la carta a {{ signer_line_es }} ({{ contact_line }}).",
        "thanks": "Gracias por su apoyo.",
    })


def _italic(doc: Document, text: str) -> None:
    for run in doc.add_paragraph(text).runs:
        run.italic = True


def _bold_lines(doc: Document, items: str) -> None:
    """One bold paragraph per string in the list ``items``."""
    doc.add_paragraph(f"{{%p for line in {items} %}}")
    doc.add_paragraph().add_run("{{ line }}").bold = True
    doc.add_paragraph("{%p endfor %}")


def campaign_kit() -> Document:
    """Step 7: the petition kit's four parts, for printing, in each chosen language; then the targets."""
    doc = _base()
    _draft_header(doc, "kit_draft_mark")
    doc.add_paragraph("{%p for kit in public_kits %}")
    doc.add_heading("{{ kit['words']['title'] }}", level=1)
    _italic(doc, "{{ kit['words']['note'] }}")
    doc.add_heading("{{ kit['words']['part1'] }}", level=2)
    title = doc.add_paragraph().add_run("{{ kit['title'] }}")
    title.bold, title.font.size = True, Pt(16)
    doc.add_paragraph("{%p if campaign_photo %}")
    doc.add_paragraph("{{ campaign_photo.show(width='3in') }}")
    doc.add_paragraph("{%p endif %}")
    _lines(doc, "kit['summary']")
    _bold_lines(doc, "kit['ask']")
    _lines(doc, "kit['story']")
    doc.add_heading("{{ kit['words']['part2'] }}", level=2)
    doc.add_paragraph("{{ kit['words']['subject'] }} {{ kit['subject'] }}")
    _lines(doc, "kit['message']")
    doc.add_heading("{{ kit['words']['part3'] }}", level=2)
    doc.add_paragraph("{{ kit['words']['subject'] }} {{ kit['thanks_subject'] }}")
    _lines(doc, "kit['thanks']")
    doc.add_paragraph().add_run("{{ kit['words']['calls'] }}").bold = True
    _lines(doc, "kit['calls']")
    doc.add_paragraph().add_run("{{ kit['words']['script'] }}").bold = True
    doc.add_paragraph("{{ kit['script'] }}")
    doc.add_paragraph("{{ kit['words']['sign_off'] }}")
    doc.add_paragraph("{{ kit['org'] }}")
    doc.add_heading("{{ kit['words']['part4'] }}", level=2)
    doc.add_paragraph("{{ kit['words']['email'] }}: {{ kit['share_subject'] }}")
    _lines(doc, "kit['share_email']")
    doc.add_paragraph("{{ kit['words']['sms'] }}: {{ kit['share_sms'] }}")
    doc.add_paragraph("{{ kit['words']['social'] }}: {{ kit['share_social'] }}")
    doc.add_heading("{{ kit['words']['targets'] }}", level=2)
    doc.add_paragraph("{%p for target in kit['targets'] %}")
    doc.add_paragraph().add_run("{{ target['name'] }}").bold = True
    doc.add_paragraph("{{ target['role'] }}")
    doc.add_paragraph("{{ [target['phone'], target['email'], target['web']] | select | join(' · ') }}")
    doc.add_paragraph("{{ target['how'] }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def organizing_plan() -> Document:
    """Step 8: the dated action plan, the call-in day and a press release, in each chosen language."""
    doc = _base()
    doc.add_paragraph("{%p for plan in plan_docs %}")
    doc.add_heading("{{ plan['title'] }}", level=1)
    _italic(doc, "{{ plan['note'] }}")
    doc.add_paragraph().add_run("{{ plan['key_line'] }}").bold = True
    doc.add_heading("{{ plan['by_date'] }}", level=2)
    doc.add_paragraph("{%p for step in plan['steps'] %}")
    doc.add_paragraph().add_run("{{ step['date'] }}: {{ step['title'] }}").bold = True
    doc.add_paragraph("{{ step['text'] }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("{{ plan['calls_heading'] }}", level=2)
    _lines(doc, "plan['calls']")
    doc.add_heading("{{ plan['script_heading'] }}", level=2)
    doc.add_paragraph("{{ plan['script'] }}")
    doc.add_paragraph("{%p if plan['release'] %}")
    doc.add_heading("{{ plan['release_heading'] }}", level=2)
    _lines(doc, "plan['release']")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def after_decision() -> Document:
    """Step 8, afterwards: a short press release for each result and the evaluation form."""
    doc = _base()
    doc.add_paragraph("{%p for after in after_docs %}")
    doc.add_heading("{{ after['title'] }}", level=1)
    _italic(doc, "{{ after['note'] }}")
    doc.add_heading("{{ after['won_heading'] }}", level=2)
    _lines(doc, "after['won']")
    doc.add_heading("{{ after['lost_heading'] }}", level=2)
    _lines(doc, "after['lost']")
    doc.add_heading("{{ after['eval_heading'] }}", level=2)
    doc.add_paragraph("{{ after['eval_intro'] }}")
    _lines(doc, "after['eval_lines']")
    doc.add_paragraph("{%p for question in after['eval_questions'] %}")
    doc.add_paragraph().add_run("{{ question }}").bold = True
    for _ in range(4):
        doc.add_paragraph("______________________________________________________________")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ after['eval_who'] }}")
    doc.add_paragraph("______________________________________________________________")
    doc.add_paragraph("{%p endfor %}")
    return doc


BUILDERS = {
    "ask_summary.docx": ask_summary,
    "ask_summary_es.docx": ask_summary_es,
    "pd_letter.docx": pd_letter,
    "officials_letter.docx": officials_letter,
    "waiver_cover.docx": waiver_cover,
    "attorney_review_sheet.docx": attorney_review_sheet,
    "checklist.docx": checklist,
    "checklist_es.docx": checklist_es,
    "reference_request_en.docx": reference_request_en,
    "reference_request_es.docx": reference_request_es,
    "campaign_kit.docx": campaign_kit,
    "organizing_plan.docx": organizing_plan,
    "after_decision.docx": after_decision,
}


def main(target: Path = TEMPLATES) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build().save(target / name)
        print(f"wrote {target / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES)
