"""The attorney review sheet, read as the reviewing attorney reads it, for every custody branch:
the case, every date that applies, counsel and the G-28, each claim beside its answer, the risk
flags that apply (and not those that do not), the private facts, and the questions for other relief."""
import datetime as dt

import pytest

from tests.interview.test_documents import LETTER_CASES, documents
from tests.support.cases import CASES, day
from tests.support.clock import interview_today, long_date

RELIEF = ("Fear of return:", "Crime victim:", "VAWA:", "Under 21:", "Ten years and a relative:", "Family petition:")
FLAG = {   # a phrase of each risk flag's paragraph
    "hold": "ICE hold (Form I-247A): the jail may keep the person up to 48 hours",
    "no bond": "immigration judges hold no bond hearing for such a person",
    "habeas": "Habeas: an attorney may need to file a federal habeas petition (28 U.S.C. 2241)",
    "transfer": "Held by ICE: the person can be moved",
    "stay": "Form I-246 is filed in person at the field office, by the person or by counsel, with the fee ($155",
    "stay alone": "Detained with no attorney on record",
    "dismissal": "Dismissal: Since 2025 a dismissal of proceedings can be followed by arrest",
    "short": "Short first request: the history, family and private questions have not been asked.",
    "waiver": "The privacy waiver (ICE Form 60-001, Privacy Waiver Authorizing Disclosure to a Third Party) is not signed yet",
    "no consult": "No immigration attorney has screened the case for other relief yet.",
}
# per branch: the flags that must be on the sheet; every other flag of FLAG must not be
BRANCH_FLAGS = {
    "ice hold, urgent, short path": {"hold", "short", "waiver", "no consult"},
    "detained, entered without inspection": {"no bond", "habeas", "transfer", "dismissal", "no consult"},
    "detained, inspected": {"transfer", "dismissal", "no consult"},
    "final order, at home, removal in three weeks": {"stay", "no consult"},
    "in proceedings, at home": {"dismissal", "no consult"},
}


def sheet_of(answers):
    run, screen, docs = documents(answers)
    return run, docs["Attorney review sheet"]


def in_days(run, n):
    return long_date(interview_today(run) + dt.timedelta(days=n))


def section(sheet, title, following):
    return sheet.split(title, 1)[1].split(following, 1)[0]


@pytest.mark.parametrize("case", LETTER_CASES, ids=[c.name for c in LETTER_CASES])
def test_the_sheet_for_each_branch(case):
    answers = case.answers()
    run, sheet = sheet_of(answers)
    assert sheet.startswith("Attorney review sheet Confidential: for the reviewing attorney.")
    assert "Name: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988. Country of birth: Mexico." in sheet
    office = run.value("office(field_office)['name']")
    assert f"Field office: {office}" in sheet
    assert ("Held at: Otay Mesa Detention Center, San Diego" in sheet) is (case.custody_status != "final_order"
                                                                          and case.custody_status != "in_proceedings_free")
    dates = section(sheet, "Dates", "Counsel")
    short = answers["intake_path"] == "bare_bones"
    assert ("First came to the United States: June 1, 2004" in dates) is (not short)
    if case.custody_status in ("jail_with_ice_hold", "ice_detention_no_order"):     # asked on the full path only
        assert ("Detained since: not given" if short else f"Detained since: {in_days(run, -20)}") in dates
    else:
        assert "Detained since" not in dates
    if case.custody_status == "ice_detention_no_order" and answers["hearing_date"]:
        assert f"Next hearing in immigration court: {in_days(run, 40)}" in dates
    if case.custody_status == "final_order":
        assert f"Removal date set by ICE: {in_days(run, 21)}" in dates
        assert f"Final order of removal: {in_days(run, -400)}" in dates and "Next check-in with ICE: not given" in dates
    if case.custody_status == "in_proceedings_free":
        assert f"Next hearing in immigration court: {in_days(run, 90)}" in dates
        assert "Next check-in with ICE: not given" in dates and "Removal date" not in dates
    if case.custody_status in ("jail_with_ice_hold", "ice_detention_no_order"):
        assert "Next check-in" not in dates and "Removal date" not in dates and "Final order" not in dates

    counsel = section(sheet, "Counsel", "What the letters say")
    if short:
        assert "Not asked yet (short first request): ask whether an attorney represents the person." in counsel
    else:
        assert "No attorney represents the person." in counsel
    assert "No immigration attorney has talked with the person about other ways to stay." in counsel

    flags = section(sheet, "Risk flags for this case", "Private facts the letter would disclose")
    for key, phrase in FLAG.items():
        assert (phrase in flags) is (key in BRANCH_FLAGS[case.name]), (key, flags)

    claims = section(sheet, "The letter says From the answer", "Risk flags")
    assert "born in Mexico on April 12, 1988 Country and date of birth: Mexico, April 12, 1988" in claims
    if not short:
        assert "in the United States since 2004 First arrival: June 1, 2004" in claims
        assert "Two children, 6 and 9. About the family (own words, confirmed in English)" in claims

    relief = sheet.split("Other relief to rule out", 1)[1].split("Review record", 1)[0]
    for question in RELIEF:
        assert question in relief, question
    assert "eligible" not in relief.lower()
    if short:
        assert relief.count("Answers that bear on it: not asked yet (short first request).") == 4
    else:
        years = interview_today(run).year - 2004 - (1 if (interview_today(run).month, interview_today(run).day) < (6, 1) else 0)
        assert (f"Answers that bear on it: in the US since 2004 ({years} years); a U.S. citizen child, "
                "a permanent resident spouse.") in relief
    assert "Not reviewed yet." in sheet and "Signature: ____" in sheet


def test_a_detained_final_order_without_counsel():
    answers = {**CASES[3].answers(), "client_detained": True, "user_role": "family"}
    run, sheet = sheet_of(answers)
    flags = section(sheet, "Risk flags for this case", "Private facts")
    for key in ("stay", "stay alone", "transfer"):
        assert FLAG[key] in flags, key
    for key in ("no bond", "habeas", "dismissal"):                             # no bond warning on a final order
        assert FLAG[key] not in flags, key
    dates = section(sheet, "Dates", "Counsel")
    assert f"Detained since: {in_days(run, -20)}" in dates and "Next check-in" not in dates


def test_counsel_and_the_g28_on_the_sheet():
    answers = {**CASES[1].answers(), "has_attorney": True, "g28_on_file": "not_filed", "attorney_consulted": True,
               "consult_date": day(-10)}
    run, sheet = sheet_of(answers)
    counsel = section(sheet, "Counsel", "What the letters say")
    assert "Represented by Lic. Elena Torres, Frontera Legal Aid. G-28: not filed." in counsel
    assert "The person has talked with an immigration attorney about other ways to stay." in counsel
    assert f"Talked with an immigration attorney about other relief: {in_days(run, -10)}" in sheet
    flags = section(sheet, "Risk flags for this case", "Private facts")
    assert "no G-28 is known to be on file with ICE" in flags and FLAG["no consult"] not in flags
    # the letter helper's counsel_name / counsel_org, once an answer gives them
    screen = run.answer({"counsel_name": "Lic. Marta Díaz", "counsel_org": "Legal Aid of San Diego"}, mark_answered=False)
    sheet = " ".join(next(d for d in screen.attachments if d.name == "Attorney review sheet").text.split())
    assert "Represented by Lic. Marta Díaz, Legal Aid of San Diego. G-28: not filed." in sheet
    run, sheet = sheet_of({**answers, "g28_on_file": "filed"})
    assert "G-28: on file." in sheet and "no G-28 is known" not in sheet


def test_private_history_on_the_sheet_and_the_review_record():
    answers = {**CASES[4].answers(), "private_history": {"arrests": True, "prior_removal": True},
               "attorney_cleared": True, "attorney_reviewer": "Lic. Marta Díaz", "attorney_reviewer_org": "Bar 12345",
               "attorney_review_date": day(-30), "cleared_disclosures": {"prior_removal": True},
               "entry_method": "without_inspection", "circumstances": {"crime_victim": True}}
    run, sheet = sheet_of(answers)
    flags = section(sheet, "Risk flags for this case", "Private facts")
    for phrase in ("Arrests or convictions reported.", "Prior removal reported.", "Entered without inspection (reported)."):
        assert phrase in flags, phrase
    assert FLAG["habeas"] not in flags and FLAG["no bond"] not in flags      # not detained
    private = section(sheet, "Private facts the letter would disclose if cleared", "Other relief")
    assert "Arrests: not cleared, kept out of every document" in private
    assert "A prior removal: cleared, in the letter" in private
    claims = section(sheet, "The letter says From the answer", "Risk flags")
    assert "has been removed from the United States before (cleared by an attorney) Private questions: Was deported before" in claims
    assert "arrested" not in claims                       # not cleared: not in the letter, so not a claim
    relief = section(sheet, "Other relief to rule out", "Review record")
    assert "victim of a crime, domestic violence or trafficking: yes" in relief
    assert "removed before (reported)" in relief and "last entry without inspection" in relief
    assert f"Private history cleared for the letter by Lic. Marta Díaz, Bar 12345 on {in_days(run, -30)}." in sheet
