"""Steps 5-6: every letter for every branch, read back by its text."""
import datetime as dt
import os

import pytest

from tests.support.cases import CASES, base_answers, day
from tests.support.clock import interview_today, long_date
from tests.support.documents import docx_text, pdf_pages, pdf_text
from tests.support.headless import InterviewRun
from tests.support.screens import add_supplement

from tests.interview.test_branches import MAIN, walk_to_summary

LETTER_CASES = [c for c in CASES if c.custody_status != "not_in_proceedings"]
ASK_SENTENCE = {
    "jail_with_ice_hold": "lift (withdraw) the immigration detainer (ICE hold, Form I-247A)",
    "ice_detention_no_order": "We ask that you release him from ICE custody while the removal case goes on",
    "final_order": "I ask that you grant me a stay of removal",       # the person writes: first person
    "in_proceedings_free": "I ask that you grant him deferred action",
}


HABEAS, BOND, CHECK_IN = "Habeas hand-off sheet (for an attorney)", "Posting a bond (CeBONDS)", "The day of the check-in or hearing"
#: the emergency hand-offs each branch gets (documents.py): habeas for a person ICE holds who entered
#: without inspection, bond where a bond may be set, the check-in day sheet when a check-in or hearing is ahead
HANDOFFS = {CASES[1].name: {HABEAS}, CASES[2].name: {BOND}, CASES[4].name: {CHECK_IN}}
BIRTH_DATE = "April 12, 1988"


def check_handoffs(docs, run):
    """Each hand-off sheet's content; the date of birth only on the attorney's habeas sheet."""
    if HABEAS in docs:
        habeas = docs[HABEAS]
        for fact in ("Habeas hand-off: José O'Brien & <Núñez>", "A-number: A 123-456-789", f"Date of birth: {BIRTH_DATE}",
                     "Country of birth: Mexico", "Facility: Otay Mesa Detention Center, San Diego, California",
                     "Last entry: without inspection, on June 1, 2004", "Matter of Yajure Hurtado", "28 U.S.C. § 2241",
                     "A habeas petition is a public court record", "A child who is a U.S. citizen",
                     "Spouse, a green-card holder", "Ana Ruiz & <Co>: phone 555-201-3344",
                     "Immigration Advocates Network", "San Diego Field Office", "locator.ice.gov"):
            assert fact in habeas, fact
        assert f"Next hearing: {long_date(interview_today(run) + dt.timedelta(days=40))}" in habeas
    if BOND in docs:
        bond = docs[BOND]
        for fact in ("Posting a bond for José O'Brien & <Núñez>", "A-number: A 123-456-789", "CeBONDS",
                     "https://www.ice.gov/detain/detention-management/bonds", "a U.S. citizen, a lawful permanent resident",
                     "Permanent Resident Card (green card)", "IRS Letter 947", "Fedwire or ACH",
                     "Held at: Otay Mesa Detention Center", "National Bail Fund Network", "open it first"):
            assert fact in bond, fact
        assert "Check first" not in bond             # came in through inspection: a bond may be set
        assert "No hearing date is known yet" in bond
    if CHECK_IN in docs:
        day_sheet = docs[CHECK_IN]
        hearing = long_date(interview_today(run) + dt.timedelta(days=90))
        for fact in (f"The day of José's court hearing {hearing}", "Who goes along", "The attorney on call",
                     "If ICE keeps José", "https://locator.ice.gov/odls/", "A 123-456-789", "1-888-351-4024",
                     "The children", "Houston Field Office", "Rosa Peña, 555-301-7788", "Lic. Elena Torres, 619-555-0142"):
            assert fact in day_sheet, fact
    for name, text in docs.items():
        if name in (BOND, CHECK_IN):
            assert BIRTH_DATE not in text and "1988" not in text, name


CALENDAR = "Case calendar"
GROUP_HEADINGS = ("To send to ICE", "To send to the jail", "For elected officials", "For the family", "For the attorney",
                  "For the public campaign")


def check_home(screen, run, case):
    """The home screen: what is next and by when, what is done, the documents grouped by who they are
    for, each one tap (its PDF, and its Word file beside it), none of docassemble's own list."""
    from tests.support.clock import MONTHS_EN, WEEKDAYS_EN
    words = " ".join(screen.subquestion.split())
    headings = [h for h in GROUP_HEADINGS if f"### {h}" in screen.subquestion]
    expected = ["To send to ICE"] + (["To send to the jail"] if case.custody_status == "jail_with_ice_hold" else []) + \
        ["For elected officials", "For the family", "For the attorney"]
    assert headings == expected
    assert [h for h in GROUP_HEADINGS if h in words] == expected        # in this order
    for doc in screen.attachments:
        if "raw" in doc.files:
            assert f">{doc.name} (ICS)</a>" in words, doc.name
        else:
            assert f">{doc.name}</a> · <a href=" in words and f'Word<span class="visually-hidden"> ({doc.name})</span>' in words
    assert words.index("### What is next") < words.index("### What is done") < words.index("### The package to send") \
        < words.index("### To send to ICE")
    assert f"{len(screen.attachments)} documents are made." in words
    assert "**Today:** Send the request to ICE" in words
    if case.custody_status == "jail_with_ice_hold":
        from docassemble.notonemore.deadlines import hold_ends
        end = hold_ends(dt.datetime.fromisoformat(case.answers()["hold_release_at"]))
        assert f"The ICE hold ends {WEEKDAYS_EN[end.weekday()]}, {MONTHS_EN[end.month - 1]} {end.day}, at 5:00 PM." in words
        assert run.value("urgency.deadline") == end.date()               # the hold's end is the urgency's deadline
        assert "Send San Diego County Sheriff its own short letter" in words
    if case.custody_status == "final_order":
        removal = interview_today(run) + dt.timedelta(days=21)
        assert f"The removal date is {WEEKDAYS_EN[removal.weekday()]}, {MONTHS_EN[removal.month - 1]} {removal.day}." in words
        assert "21 days left." in words


def check_calendar(ics, run, answers):
    """The case's calendar parses; its dates are the answers' (the hold's end with its hour); nothing
    private that the family would not know about itself."""
    import icalendar
    from docassemble.notonemore.deadlines import hold_ends
    events = {str(e["summary"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    first = answers["client.name.first"]
    assert events["Send the request to ICE"].decoded("dtstart") == interview_today(run)
    expected = {}
    if answers["custody_status"] == "jail_with_ice_hold":
        expected[f"The ICE hold on {first} ends"] = hold_ends(dt.datetime.fromisoformat(answers["hold_release_at"]))
    if answers["custody_status"] == "final_order":
        expected[f"Removal date set for {first}"] = dt.date.fromisoformat(answers["removal_date"])
        expected["File the stay form (I-246)"] = dt.date.fromisoformat(answers["i246_filing_date"])
    if answers["custody_status"] in ("in_proceedings_free", "ice_detention_no_order") and answers["hearing_date"]:
        expected[f"{first}'s immigration court hearing"] = dt.date.fromisoformat(answers["hearing_date"])
        expected["Get ready for tomorrow's court hearing"] = dt.date.fromisoformat(answers["hearing_date"]) - dt.timedelta(days=1)
    for summary, when in expected.items():
        assert events[summary].decoded("dtstart") == when, summary
        assert events[summary].walk("VALARM"), summary                  # the calendar app reminds
    assert set(expected) <= set(events)
    for private in ("123-456-789", "1988", "O'Brien"):
        assert private not in ics, private


def documents(answers):
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    docs = {doc.name: " ".join(doc.text.split()) for doc in screens[-1].attachments}
    return run, screens[-1], docs


@pytest.mark.parametrize("case", LETTER_CASES, ids=[c.name for c in LETTER_CASES])
def test_request_to_ice_for_each_branch(case):
    answers = case.answers()
    run, screen, docs = documents(answers)
    jail = {"Request to the jail"} if case.custody_status == "jail_with_ice_hold" else set()   # an ICE hold only
    handoff = HANDOFFS.get(case.name, set())
    assert set(docs) == {"The ask", "Request to ICE", "Privacy waiver cover sheet", "Letter for elected officials",
                         "Supporting documents checklist", "Request for a support letter (English)",
                         "Carta de apoyo, pedido (español)", "Attorney review sheet", CALENDAR} | jail | handoff
    check_handoffs(docs, run)
    check_home(screen, run, case)
    check_calendar(next(d.text for d in screen.attachments if d.name == CALENDAR), run, answers)
    letter = docs["Request to ICE"]
    assert letter.startswith("DRAFT – for attorney review")    # no review recorded
    office = run.value("office(field_office)['name']")
    assert f"Field Office Director {office}" in letter
    assert "Re: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988" in letter  # ICE gets the date of birth
    assert ASK_SENTENCE[case.custody_status] in letter
    assert ("consider granting" in letter) is (case.custody_status != "in_proceedings_free")
    assert "a child who is a U.S. citizen" in letter or case.changes.get("intake_path") == "bare_bones"
    if answers["user_role"] == "person":
        assert "I am writing about my own case." in letter and "I was born in Mexico" in letter
        assert "I consent to this request" in letter and "José O'Brien & <Núñez> has" not in letter
        assert "I have a spouse who is a lawful permanent resident and a child who is a U.S. citizen" in letter
    else:
        assert "José O'Brien & <Núñez> has given consent" in letter
        assert "Mr. O'Brien & <Núñez> was born in Mexico" in letter
    assert ("FIRST REQUEST" in letter) is (answers["intake_path"] == "bare_bones")
    enclosure = "Privacy waiver" if answers["waiver_status"] == "signed" else "Privacy waiver cover sheet"
    assert letter.endswith(f"Enclosures {enclosure}")
    assert ("We are not attorneys" in letter) is (answers["user_role"] == "advocate")
    signer = {"advocate": "Ana Ruiz & <Co>, Casa de la Esperanza", "family": "Ana Ruiz & <Co>, sibling of José O'Brien & <Núñez>",
              "person": "José O'Brien & <Núñez> 555-201-3344"}[answers["user_role"]]
    assert signer in letter
    if answers["user_role"] == "family":                  # "José is my: brother"
        assert "I am writing about my brother, José O'Brien & <Núñez>." in letter
    assert "Copy to" not in letter                        # the jail gets its own short request


def test_private_history_stays_out_unless_an_attorney_cleared_it():
    answers = {**CASES[1].answers(),
               "private_history": {"prior_removal": True, "arrests": True},
               "private_history_details": "Removed in 2009 at the border."}
    run, screen, docs = documents(answers)
    for name, text in docs.items():
        if name == HABEAS:      # the attorney's sheet for a habeas petition: the history as the family gave it
            for phrase in ("Has been arrested (the family's answer; not checked)", "Was deported before",
                           "In the family's words: Removed in 2009 at the border."):
                assert phrase in text, phrase
            continue
        for phrase in ("removed from the United States", "arrested", "2009", "We understand",
                       "never been arrested"):
            assert phrase not in text, phrase

    cleared = {**answers, "attorney_cleared": True, "attorney_reviewer": "Lic. Marta Díaz",
               "attorney_reviewer_org": "Bar 12345", "attorney_review_date": day(-30),
               "cleared_disclosures": {"prior_removal": True}}
    run, screen, docs = documents(cleared)
    letter = docs["Request to ICE"]
    assert "We understand that Mr. O'Brien & <Núñez> has been removed from the United States before." in letter
    assert "cc: Lic. Marta Díaz, Bar 12345, reviewing attorney" in letter          # on the cc line, not in the body
    assert "arrested" not in letter                 # not cleared: still out
    assert "2009" not in letter                      # details only when everything was cleared
    officials = docs["Letter for elected officials"]       # no private history, not even a hint of one
    for phrase in ("removed", "attorney has reviewed", "past", "Lic. Marta Díaz"):
        assert phrase not in officials, phrase


def test_the_officials_version_is_shorter_and_private():
    run, screen, docs = documents(CASES[3].answers())
    officials = docs["Letter for elected officials"]
    assert "The request to ICE: a stay of removal (Form I-246)" in officials and "San Diego Field Office" in officials
    assert "April 12, 1988" not in officials and "1988" not in officials
    assert "A 123-456-789" not in officials         # not consented
    assert "Your office may need its own privacy release form, signed by José O'Brien & <Núñez>" in officials
    assert "grant" not in officials.lower()                  # officials grant nothing
    run, screen, docs = documents({**CASES[3].answers(), "officials_a_number_ok": True})
    assert "José O'Brien & <Núñez>, A 123-456-789" in docs["Letter for elected officials"]


def test_no_consent_means_no_letter():
    answers = {**CASES[3].answers(), "consent": {"advocate": True, "ice": False, "officials": False,
                                                 "public": False, "media": False}}
    run, screen, docs = documents(answers)
    assert set(docs) == {"The ask", CALENDAR}
    assert "No letter to ICE" in screen.subquestion
    assert "Attorney review" not in screen.subquestion


def test_waiver_cover_sheet_for_a_detained_person():
    answers = {**CASES[1].answers(), "waiver_status": "not_signed"}
    run, screen, docs = documents(answers)
    cover = docs["Privacy waiver cover sheet"]
    assert "ICE Form 60-001" in cover and "https://www.ice.gov/foia/privacy-waiver" in cover
    assert ("Full name: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988 "
            "Country of birth: Mexico") in cover
    assert "must sign and date the form personally" in cover
    assert "Name: Ana Ruiz & <Co> Relationship to José O'Brien & <Núñez>: advocate Organization: Casa de la Esperanza" in cover
    for plan in ("How:", "Who:", "Ana (sister)", "mail it"):       # the family's plan is in their own papers
        assert plan not in cover, plan
    checklist = docs["Supporting documents checklist"]
    assert "Getting the privacy waiver signed" in checklist and "Who: Ana (sister)" in checklist


def test_documents_follow_a_changed_answer():
    answers = CASES[3].answers()
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    assert "stay of removal" in screens[-1].attachments[1].text
    # shown again with the same answers: the same files, not assembled again
    again = run.answer({}, mark_answered=False)   # the page loaded again
    assert again.id == "documents screen"
    assert [d.files for d in again.attachments] == [d.files for d in screens[-1].attachments]
    run.answer({"custody_status": "in_proceedings_free"})
    run, screens = walk_to_summary({**answers, "hearing_date": ""}, run, stop=("documents screen",))
    letter = next(d for d in screens[-1].attachments if d.name == "Request to ICE").text
    assert "deferred action" in letter and "stay of removal" not in letter
    # a changed detail that is not the ask reaches the letter too
    screen = run.answer({"signer_name": "Rosa Peña"}, mark_answered=False)
    letter = next(d for d in screen.attachments if d.name == "Request to ICE").text
    assert "Rosa Peña" in letter and "Ana Ruiz" not in letter


def test_checklist_fits_the_case_and_shows_what_is_missing():
    answers = {**CASES[3].answers(), "doc_status": {"marriage_certificate": "have", "reference_letters": "have",
                                                    "tax_records": "not_applicable"}}
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    asked = next(s for s in screens if s.id == "checklist status")
    assert "doc_status['children_birth_certificates']" in asked.fields    # a citizen child
    assert "doc_status['military_records']" not in asked.fields           # no military service
    checklist = next(d for d in screens[-1].attachments if d.name == "Supporting documents checklist").text
    assert "[x] have it: Marriage certificate" in checklist
    assert "— does not apply: Tax returns" in checklist
    assert "[ ] still needed: Children's birth certificates" in checklist
    still = checklist.split("Still needed", 1)[1]
    assert "Children's birth certificates" in still and "Marriage certificate" not in still


def test_the_short_path_skips_the_checklist_questions():
    run, screens = walk_to_summary(CASES[0].answers(), stop=("documents screen",))
    assert "checklist status" not in [s.id for s in screens]
    checklist = next(d for d in screens[-1].attachments if d.name == "Supporting documents checklist").text
    assert "Reference letters" in checklist and "Immigration papers that show the A-number" in checklist


def test_support_letter_requests_in_english_and_spanish():
    run, screen, docs = documents(CASES[4].answers())
    english = docs["Request for a support letter (English)"]
    spanish = docs["Carta de apoyo, pedido (español)"]
    for text in (english, spanish):     # the signer's letterhead on top (a family member: name, then contacts)
        assert text.startswith("Ana Ruiz & <Co> 555-201-3344 · ana@example.org "), text[:80]
    for point in ("How you know José and for how long", "Do not send the letter to ICE yourself", "Ana Ruiz & <Co>",
                  # what signing before a notary public means, plainly
                  "sign the letter in front of a notary public. A notary public checks your ID, watches you sign "
                  "and stamps the letter; a notary public cannot give legal advice.",
                  "The letter still helps without the stamp."):
        assert point in english, point
    for point in ("Cómo conoce a José y desde hace cuánto tiempo", "No mande la carta a ICE usted mismo", "Ana Ruiz & <Co>",
                  "firme la carta delante de un notary public. Es una persona con licencia del estado que revisa su "
                  "identificación, ve cuando usted firma y pone un sello en la carta. No es abogado y no puede dar "
                  "consejos legales.", "La carta sirve también sin el sello."):
        assert point in spanish, point
    # never a notario (in Latin America a lawyer; in the US a common fraud), never "defensor" for who helps
    assert "notario" not in spanish.lower() and "defensor" not in spanish.lower()
    for text in (english, spanish):
        assert "A 123-456-789" not in text and "1988" not in text       # supporters get no private facts


LETTERS = ("Request to ICE", "Letter for elected officials", "Privacy waiver cover sheet")


def review_record(run, **changes):
    """An attorney's decision as review_request.yml takes it from the app, for the case as it is now."""
    record = {"source": "app", "state": "approved", "attorney_name": "Rosa Díaz", "bar_number": "CA 123456",
              "attorney_user_id": 7, "reported_by": "", "decided_on": (interview_today(run) - dt.timedelta(days=1)).isoformat(),
              "decided_at": "", "may_tell_ice": {}, "passages": {}, "note": "",
              "fingerprint": run.value("fingerprint(review_parts)"), "review_id": "r1"}
    return {**record, **changes}


def home_review(screen):
    """The home screen's 'What is done' part, in one line, without the Markdown's bold marks."""
    words = " ".join(screen.subquestion.replace("**", "").split())
    return words[words.index("What is done"):words.index("What is done") + 700]


def test_letters_say_draft_until_an_attorney_reviews_them():
    """DRAFT until an attorney approves the case as it is: in the app (a signed record), or outside it
    (reported by the advocate, and said so); a record not signed by the app is ignored; a change after
    the approval brings DRAFT back and names the part; the home screen says each state."""
    from docassemble.notonemore.review_share import sign_record
    answers = {**CASES[1].answers(), "private_history": {"arrests": True, "prior_removal": True},
               "private_history_details": "Removed in 2009."}
    run, screen, docs = documents(answers)
    done = home_review(screen)
    assert "Attorney review: not asked yet. The documents say DRAFT until an attorney approves them." in done
    # no consent to an attorney in this app: no request link, a link to agree instead
    assert "[Share with an attorney in this app](" in done and "[Ask an attorney in this app](" not in done
    assert "[Record a review made outside the app](" in done
    for name in LETTERS:
        assert docs[name].startswith("DRAFT – for attorney review"), name
    sheet = docs["Attorney review sheet"]
    assert "Confidential: for the reviewing attorney" in sheet
    assert "Name: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988." in sheet
    assert "Release from ICE detention, to the Field Office Director, San Diego Field Office." in sheet
    for flag in ("Arrests or convictions", "Prior removal", "Entered without inspection"):
        assert flag in sheet, flag
    assert "Arrests: not cleared, kept out of every document" in sheet
    assert "A prior removal: not cleared, kept out of every document" in sheet
    assert "Not reviewed yet." in sheet
    assert "2009" not in docs["Request to ICE"]
    check_supplement(run, screen)
    supplement_files = [run.value(f"supplements[0].{name}.number") for name in ("letter.docx", "letter.pdf", "package_pdf")]
    case_files = _case_files(run)

    # the family agrees on its own screen; a record set without the app's signature is ignored
    assert run.action("share_with_attorney").id == "attorney consent"
    assert run.answer({"consent['attorney']": True}).id == "documents screen"
    forged = review_record(run)
    screen = run.answer({"attorney_review": forged}, mark_answered=False)
    done = home_review(screen)
    assert "A review record that was not made by an attorney account was ignored." in done
    assert "[Ask an attorney in this app](" in done and "[Share with an attorney in this app](" not in done
    docs = {doc.name: " ".join(doc.text.split()) for doc in screen.attachments}
    for name in LETTERS:
        assert docs[name].startswith("DRAFT – for attorney review"), name

    # an approval signed by the app: "Reviewed by" instead of DRAFT, everywhere
    decided = long_date(interview_today(run) - dt.timedelta(days=1))
    screen = run.answer({"attorney_review": sign_record(forged)}, mark_answered=False)
    done = home_review(screen)
    assert f"Reviewed by Rosa Díaz, attorney, on {decided}. The DRAFT mark is off." in done
    assert "ignored" not in done and "[Ask an attorney in this app](" not in done
    docs = {doc.name: " ".join(doc.text.split()) for doc in screen.attachments}
    for name in LETTERS:
        assert docs[name].startswith(f"Reviewed by Rosa Díaz, attorney, on {decided} "), name
        assert "DRAFT" not in docs[name], name
    assert f"Reviewed by Rosa Díaz, attorney (CA 123456), on {decided}, recorded by the attorney in this app." \
        in docs["Attorney review sheet"]
    assert "Rosa Díaz, CA 123456, reviewing attorney" in docs["Request to ICE"]      # copied on the letter
    # the supplement is made again with the new mark
    assert run.action("show_supplements").id == "supplements screen"
    supplement = docx_text(run.value("supplements[0].letter.docx.path()"))
    assert supplement.startswith(f"Reviewed by Rosa Díaz, attorney, on {decided}") and "DRAFT" not in supplement

    # a change to a part the attorney approved reopens it
    screen = run.answer({"signer_name": "Luisa Ruiz"}, mark_answered=False)
    done = home_review(screen)
    assert "Changed since Rosa Díaz approved: who signs. The documents say DRAFT again." in done
    assert "[Ask again](" in done
    docs = {doc.name: " ".join(doc.text.split()) for doc in screen.attachments}
    for name in LETTERS:
        assert docs[name].startswith("DRAFT – for attorney review"), name
    assert f"Approved by Rosa Díaz, attorney (CA 123456), on {decided}. Changed since then: the signer." \
        in docs["Attorney review sheet"]

    # a review by an attorney outside the app, as the advocate reports it: it says so everywhere
    asked = run.action("record_attorney_review")
    assert asked.id == "attorney review of the documents"
    assert "Review reported by Luisa Ruiz" in asked.subquestion
    reviewed = interview_today(run) - dt.timedelta(days=11)   # a past day, whatever day the suite runs
    screen = run.answer({"documents_approved": True, "attorney_reviewer": "Lic. Marta Díaz",
                         "attorney_reviewer_org": "Bar 12345", "attorney_review_date": reviewed.isoformat()})
    assert screen.id == "documents screen"
    assert f"Review reported by Luisa Ruiz: Lic. Marta Díaz (Bar 12345), {long_date(reviewed)}. " \
           "Not recorded by the attorney in this app." in home_review(screen)
    assert run.value("attorney_review['source']") == "reported"
    docs = {doc.name: " ".join(doc.text.split()) for doc in screen.attachments}
    for name in LETTERS:
        assert docs[name].startswith(f"Review reported by Luisa Ruiz: Lic. Marta Díaz, attorney (Bar 12345), "
                                     f"on {long_date(reviewed)} "), name
        assert "DRAFT" not in docs[name], name
    assert (f"Review reported by Luisa Ruiz, not recorded by the attorney in this app: Lic. Marta Díaz, attorney "
            f"(Bar 12345), on {long_date(reviewed)}.") in docs["Attorney review sheet"]

    # the family takes back its consent to an attorney in this app
    stopped = run.action("withdraw_attorney_consent")
    assert stopped.id == "sharing stopped" and "The attorney can no longer see the case" in stopped.question
    assert run.value("consent['attorney']") is False
    # every rebuild (approved, reopened, reported) wrote into the same files: no copy left on disk
    assert run.action("show_supplements").id == "supplements screen"
    assert [run.value(f"supplements[0].{name}.number") for name in ("letter.docx", "letter.pdf", "package_pdf")] == supplement_files
    assert set(supplement_files) <= set(_case_files(run)) and len(_case_files(run)) <= len(case_files)


def check_supplement(run, documents_screen):
    """A supplement to the request (doc_supplement.yml) from the documents screen: an official's letter,
    a letter of support, a birth, and a dismissed charge that stays out (no attorney cleared the history)."""
    assert "[Send ICE something new](" in documents_screen.subquestion and ") in a supplement" in documents_screen.subquestion
    sent = interview_today(run) - dt.timedelta(days=20)
    screens = add_supplement(run, sent.isoformat())
    assert [s.id for s in screens] == [
        "supplement request date", "any new papers", "one new paper", "another new paper", "one new paper",
        "another new paper", "any changes", "one change", "review a change", "another change", "one change",
        "review a change", "another change", "supplements screen"]
    assert "Send it to the same office: the Field Office Director, San Diego Field Office" in " ".join(screens[-1].subquestion.split())
    shown = " ".join(screens[-1].subquestion.split())
    assert f"Supplement to the request of {long_date(sent)}" in shown and "(4 pages)" in shown
    assert "Not in the letter: the change about a criminal case" in shown
    letter = " ".join(docx_text(run.value("supplements[0].letter.docx.path()")).split())
    born, official = (long_date(interview_today(run) - dt.timedelta(days=n)) for n in (6, 2))
    for fact in ("DRAFT – for attorney review", f"{long_date(interview_today(run))} Field Office Director San Diego Field Office",
                 "Re: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988",
                 f"Supplement to our request of {long_date(sent)}",
                 f"On {long_date(sent)}, we asked you to release José O'Brien & <Núñez> from ICE custody. That request is still pending.",
                 "Rep. Ana Díaz (CA-51) has written in support of this request (Exhibit A).",
                 "A new letter of support from Pastor Luis Ortega is enclosed (Exhibit B).",
                 f"What has changed since the request {born}: His daughter Lucía was born; she is a U.S. citizen.",
                 "adds to the hardship his removal would cause to his family, which includes",
                 "consider this supplement together with the pending request",
                 f"Enclosures Exhibit A: Letter from Rep. Ana Díaz (CA-51), dated {official} Exhibit B: Letter of support from Pastor Luis Ortega"):
        assert fact in letter, fact
    assert "dismissed" not in letter and "2019" not in letter and "criminal" not in letter
    package = open(run.value("supplements[0].package_pdf.path()"), "rb").read()
    assert pdf_pages(package) == 4      # the index, the letter, the two papers
    index = pdf_text(package)
    assert f"Supplement to our request of {long_date(sent)} " in index and "pages 2–2" in index
    assert f"Exhibit A: Letter from Rep. Ana Díaz (CA-51), dated {official}" in index and "pages 3–3" in index
    assert "Exhibit B: Letter of support from Pastor Luis Ortega" in index and "pages 4–4" in index
    assert "José O'Brien & <Núñez>, A 123-456-789 — 1 / 4" in index
    # back to the documents: none of them is made again for a supplement
    back = run.answer({})
    assert back.id == "documents screen"
    assert [d.files for d in back.attachments] == [d.files for d in documents_screen.attachments]
    assert "see the supplements made" in back.subquestion


def test_the_review_sheet_for_a_short_first_request():
    run, screen, docs = documents(CASES[0].answers())
    sheet = docs["Attorney review sheet"]
    assert "This is a short first request" in sheet
    assert "Not asked yet (short first request)" in sheet
    assert "San Diego County Sheriff" in sheet


def test_a_short_request_shown_again_is_not_assembled_again():
    """The documents screen makes its own texts (the referral list) as it shows: they must not count as answers."""
    run, screens = walk_to_summary({**CASES[0].answers(), "attorney_consulted": False}, stop=("documents screen",))
    fingerprint = run.value("documents_fingerprint")
    again = run.answer({}, mark_answered=False)
    assert [d.files for d in again.attachments] == [d.files for d in screens[-1].attachments]
    assert run.value("documents_fingerprint") == fingerprint


def _case_files(run):
    """The numbers of the case's files in the headless storage (one folder each)."""
    from tests.support import headless
    folder = os.path.join(headless._ROOT, run.session_id)
    return sorted(int(n) for n in os.listdir(folder) if n.isdigit())


def test_pdfs_are_made_when_asked_for_and_a_failed_one_keeps_the_docx():
    """The documents screen makes no PDF: each is made when its link is first followed. The converter
    down: the link's page says so and gives the Word file, the screen then names the missing PDF, the ZIP
    carries every DOCX; the converter back, the same link gives the PDF and "Try the PDFs again" the rest.
    Three rebuilds later the case holds no more files than before, and the newest text."""
    import zipfile
    run = InterviewRun(MAIN, pdf="fail")
    run, screens = walk_to_summary(CASES[1].answers(), run=run, stop=("documents screen",))
    screen = screens[-1]
    names = {doc.name for doc in screen.attachments}
    assert {"Request to ICE", "Privacy waiver cover sheet", "Attorney review sheet"} <= names
    for doc in screen.attachments:
        assert "pdf" not in doc.files, (doc.name, doc.files)      # no conversion while the screen is built
        if doc.name != CALENDAR:                                  # a text file: no PDF to make
            assert "docx" in doc.files and doc.text.strip()      # a real, readable DOCX
    letter = next(doc for doc in screen.attachments if doc.name == "Request to ICE")
    assert "Field Office Director" in letter.text
    words = " ".join(screen.subquestion.split())
    assert "could not be made" not in words and "No PDF yet" not in words     # nobody asked yet
    assert "One PDF to send" in words and words.count(">Word<span") >= 8

    failed = run.action("document_pdf", doc="pd_letter")           # the letter's PDF link
    assert failed.question.strip() == "The PDF could not be made now"
    words = " ".join(failed.subquestion.split())
    assert "Nothing is lost. The Word file below is complete" in words and "Request to ICE</a> (Word)" in words
    assert "Try the PDF again](" in words and ") in a few minutes" in words
    assert run.value("pd_letter.docx.url_for()") in failed.subquestion
    home = run.action("documents_screen")
    words = " ".join(home.subquestion.split())
    assert "The PDFs could not be made just now" in words and "No PDF yet for: Request to ICE." in words
    assert "One PDF to send" not in words and "send the request and the cover sheet as Word files" in words
    run.action("documents_zip_download")                            # "Download all": every DOCX, the PDFs there are
    with zipfile.ZipFile(run.value("documents_zip.path()")) as zf:
        zipped = zf.namelist()
    assert "not1more-request-to-ice.docx" in zipped and not any(n.endswith(".pdf") for n in zipped)
    assert "Privacy waiver cover sheet" in run.value("pdfs_missing")

    run.pdf = False                                               # the converter is back
    sent = run.action("document_pdf", doc="pd_letter")              # the same link: a redirect to the PDF
    assert sent.question_type == "redirect" and run.value("pd_letter.pdf.url_for()") in sent.question
    assert "Request to ICE" not in run.value("pdfs_missing")
    again = run.action("retry_pdfs")                              # the screen's "Try the PDFs again"
    for doc in again.attachments:
        assert {"docx", "pdf"} <= set(doc.files) or doc.name == CALENDAR, (doc.name, doc.files)
    words = " ".join(again.subquestion.split())
    assert "could not be made" not in words and "One PDF to send" in words and "as Word files" not in words
    assert run.value("pdfs_missing") == []
    package = run.action("document_pdf", doc="package_pdf")
    assert package.question_type == "redirect" and package.question == run.value("package_pdf.url_for()")
    assert pdf_pages(open(run.value("package_pdf.path()"), "rb").read()) >= 3   # the index, the letter, the cover sheet
    shown = run.action("documents_screen")                          # not made again: the PDFs stay
    assert all("pdf" in doc.files for doc in shown.attachments if doc.name != CALENDAR)

    # no stale copies: each rebuild writes into the case's same files and deletes the last build's PDFs
    letter_file = run.value("pd_letter.docx.number")
    files = _case_files(run)
    for signer in ("Rosa Peña", "Marta Díaz", "Lucía Gómez"):
        screen = run.answer({"signer_name": signer}, mark_answered=False)
        assert all("pdf" not in doc.files for doc in screen.attachments)
        run.action("document_pdf", doc="pd_letter")
        assert run.value("pd_letter.docx.number") == letter_file
        assert signer in docx_text(run.value("pd_letter.docx.path()"))
        assert len(_case_files(run)) <= len(files), (files, _case_files(run))
    assert run.value("pd_letter.pdf.number") in _case_files(run)


# "Paco is my: ..." names the person as the signer sees them; the signature names the signer
# as the person sees them, in words that do not need the signer's sex.
RELATIONSHIPS = [("wife", "my wife", "spouse of"), ("husband", "my husband", "spouse of"),
                 ("son", "my son", "parent of"), ("daughter", "my daughter", "parent of"),
                 ("father", "my father", "child of"), ("mother", "my mother", "child of"),
                 ("brother", "my brother", "sibling of"), ("sister", "my sister", "sibling of")]
PACO = {"client.name.first": "Paco", "client.name.middle": "Andrés", "client.name.last": "Gómez Ruiz",
        "signer_name": "Maria Gomez"}


@pytest.mark.parametrize("code, about, signs", RELATIONSHIPS, ids=[r[0] for r in RELATIONSHIPS])
def test_the_relationship_is_written_in_the_right_direction(code, about, signs):
    run, screen, docs = documents({**CASES[1].answers(), "user_role": "family", **PACO, "signer_relationship": code})
    name = "Paco Andrés Gómez Ruiz"
    for doc in ("Request to ICE", "Letter for elected officials"):
        assert f"I am writing about {about}, {name}." in docs[doc], doc
    for doc in ("Request to ICE", "Letter for elected officials", "Request for a support letter (English)"):
        assert f"Maria Gomez, {signs} {name}" in docs[doc], doc
    side = signs.split()[0]
    assert f"Name: Maria Gomez Relationship to {name}: {side} Phone" in docs["Privacy waiver cover sheet"]
    spanish = docs["Carta de apoyo, pedido (español)"]
    words = "cónyuge de" if code in ("wife", "husband") else "de la familia de"
    assert f"Entregue la carta a Maria Gomez, {words} {name} (555-201-3344" in spanish
    # never backwards: the signer is not called by the person's relationship
    backwards = {"wife": "wife of", "husband": "husband of", "son": "son of", "daughter": "daughter of",
                 "father": "father of", "mother": "mother of", "brother": "brother of", "sister": "sister of"}[code]
    for text in docs.values():
        assert backwards not in text


def test_an_other_relationship_prints_no_free_text():
    """The family's own words for "other" (in Spanish, typed in a Spanish session) stay out of every
    document; the letters use a sentence that needs no relationship."""
    answers = {**CASES[1].answers(), "user_role": "family", **PACO, "signer_relationship": "other",
               "signer_relationship_other": "primo hermano"}
    from tests.support.screens import walk
    for language in ("en", "es"):
        run, walked = walk(answers, before={"user_language": language} if language == "es" else None)
        docs = {d.filename: " ".join(d.text.split()) for d in walked[-1].attachments}
        letter = docs["not1more-request-to-ice"]
        assert "I am writing about Paco Andrés Gómez Ruiz, who is close to me." in letter
        assert "Maria Gomez 555-201-3344" in letter          # the signature: the name, then the phone
        for text in docs.values():
            assert "primo" not in text and "Maria Gomez," not in text    # no relationship after the name
    signer = next(s for s in walked if s.id == "signer")
    assert "signer_relationship_other" in signer.fields


def test_a_relationship_that_is_not_a_code_is_asked_again_with_a_reason():
    """An intake system sending the old free text ("wife", meaning the signer is the wife, now reads
    the other way; "esposa" or "neighbor" is no code at all): the signer screen again, saying why."""
    answers = {**CASES[1].answers(), "user_role": "family", "signer_relationship": "esposa"}
    run, screens = walk_to_summary(answers, stop=("signer",))
    screen = run.answer({n: answers[n] for n in screens[-1].fields})
    assert screen.id == "signer"
    assert "The answer sent before was not one of the choices" in screen.subquestion
    screen = run.answer({"signer_relationship": "wife"})
    assert screen.id != "signer"
    assert run.value("signer_relationship") == "wife"


def test_the_middle_name_is_written_in_full_everywhere():
    from tests.support.screens import EVERYONE, walk
    answers = {**CASES[3].answers(), **PACO, "user_role": "family", "signer_relationship": "son",
               "consent": EVERYONE, "public_a_number_ok": True, "public_languages": "both"}
    run, screens = walk(answers)
    locator = next(s for s in screens if s.id == "locator")
    assert "(Paco Andrés Gómez Ruiz)" in locator.subquestion       # what to search the locator with
    summary = next(s for s in screens if s.id == "case summary")
    assert "Paco Andrés Gómez Ruiz" in str(summary.raw)
    from tests.interview.test_campaign import text_of as document_text
    docs = {d.filename: " ".join(document_text(d).split()) for d in screens[-1].attachments}
    assert len(docs) == 17                       # the letters, the case's calendar, the papers and the public campaign with its exports
    for name, text in docs.items():
        if name not in ("not1more-petition-targets", "not1more-action-network-targets", "not1more-organizing-plan",
                        "not1more-after-the-decision", "not1more-case-calendar"):    # the calendar: the first name only
            assert "Paco Andrés Gómez Ruiz" in text, name
        assert "Paco A. Gómez" not in text and "Paco A Gómez" not in text, name


def test_not_in_proceedings_ends_with_no_letter_and_what_to_do():
    from tests.interview.test_branches import text_of
    run, screens = walk_to_summary(CASES[-1].answers(), stop=("documents screen",))
    end = screens[-1]
    words = text_of(end)
    assert end.question.strip() == "No letter goes to ICE"
    assert "ready" not in words and "before you send it" not in words
    assert "José is not in a deportation case" in words
    assert "could make ICE look at José and start a case" in words
    assert "talk to an immigration attorney" in words
    assert "Immigration Advocates Network" in words                    # the referrals
    assert [d.name for d in end.attachments] == ["The ask"]


def test_not_in_proceedings_ends_in_spanish_too():
    from tests.support.screens import walk
    from tests.interview.test_branches import text_of
    run, screens = walk(CASES[-1].answers(), before={"user_language": "es"})
    end = screens[-1]
    words = text_of(end)
    assert end.question.strip() == "Ninguna carta va a ICE"
    assert "José no está en un caso de deportación" in words
    assert "hable con un abogado de inmigración" in words
    assert "listos" not in words


WAIVER_RELATIVES = "ICE may still give news about the case to close family"


@pytest.mark.parametrize("case", [CASES[1], CASES[4]], ids=["detained", "at home"])
def test_the_waiver_screen_says_relatives_may_get_news_without_it(case):
    from tests.interview.test_branches import text_of
    run, screens = walk_to_summary({**case.answers(), "waiver_status": "not_signed"}, stop=("documents screen",))
    waiver = next(s for s in screens if s.id in ("waiver status", "waiver status and plan"))
    notes = " ".join(" ".join(str(f.get("note", "")).split()) for f in waiver.raw["fields"])
    assert WAIVER_RELATIVES in notes
    shown_if = [f for f in waiver.raw["fields"] if WAIVER_RELATIVES in " ".join(str(f.get("note", "")).split())]
    assert shown_if and all("signed" in str(f.get("show_if_js", f)) for f in shown_if)   # hidden once signed
    assert WAIVER_RELATIVES in text_of(screens[-1])
    cover = next(d for d in screens[-1].attachments if d.name == "Privacy waiver cover sheet")
    cover_text = " ".join(cover.text.split())
    assert ("If it cannot be signed in time ICE may still give information about the case to immediate relatives "
            "of José O'Brien & <Núñez> without a signed waiver.") in cover_text

    run, screens = walk_to_summary({**case.answers(), "waiver_status": "signed"}, stop=("documents screen",))
    assert WAIVER_RELATIVES not in text_of(screens[-1])
    cover = next(d for d in screens[-1].attachments if d.name == "Privacy waiver cover sheet")
    assert "immediate relatives" not in cover.text


@pytest.mark.parametrize("language, rel, other, shown", [
    ("en", "brother", "", "(José is: brother)"), ("en", "other", "primo", "(José is: primo)"),
    ("es", "brother", "", "(José es: hermano)")])
def test_the_case_summary_says_who_signs_and_how(language, rel, other, shown):
    """The family's own words for "other" are read back on screen, in the session's language."""
    from tests.support.screens import walk
    answers = {**CASES[0].answers(), "signer_relationship": rel, "signer_relationship_other": other}
    run, screens = walk(answers, before={"user_language": language} if language == "es" else None)
    summary = run.action("case_summary_reviewed")            # the documents screen's link
    assert summary.id == "case summary"
    rows = " ".join(" ".join(f.get("helptext", "") for f in summary.raw["fields"]).split())
    assert shown in rows
    assert ("Signs the letters" if language == "en" else "Firma las cartas") in rows


def test_a_changed_consent_changes_which_documents_are_made():
    """The one list of documents (documents.py) follows the answers: consent to officials withdrawn,
    their letter goes; consent to ICE withdrawn, the request, its cover sheet and the package go."""
    answers = CASES[1].answers()
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    assert {"Request to ICE", "Letter for elected officials"} <= {d.name for d in screens[-1].attachments}
    consent = dict(run.value("consent"))
    screen = run.answer({"consent": {**consent, "officials": False}}, mark_answered=False)
    names = [d.name for d in screen.attachments]
    assert "Letter for elected officials" not in names and "Request to ICE" in names
    screen = run.answer({"consent": {**consent, "officials": True, "ice": False}}, mark_answered=False)
    names = [d.name for d in screen.attachments]
    assert names == ["The ask", "Letter for elected officials", "Supporting documents checklist",
                     "Request for a support letter (English)", "Carta de apoyo, pedido (español)", "Attorney review sheet",
                     HABEAS, CALENDAR]
    words = " ".join(screen.subquestion.split())
    assert "No letter to ICE:" in words and "The package to send" not in words
    # the supplement's link says why there is nothing to send, and starts none
    nothing = run.action("new_supplement")
    assert nothing.id == "supplements screen" and "Nothing to send to ICE" in nothing.question
    assert "You did not agree to share the case with ICE" in nothing.subquestion
    assert not run.value("supplements.elements")
    screen = run.answer({})
    assert screen.id == "documents screen"
    # the habeas sheet holds the date of birth and the history: only with consent to share with the advocate
    screen = run.answer({"consent": {**consent, "advocate": False}}, mark_answered=False)
    names = [d.name for d in screen.attachments]
    assert HABEAS not in names and "Request to ICE" in names
