"""The request to ICE, read back as an immigration attorney would read it, branch by branch.

Each test walks the interview to its documents and reads the letter's text. Run with ``-s`` and
``ICE_LETTER_PRINT=1`` to print each letter.
"""
import datetime as dt
import os

import pytest

from tests.support.cases import CASES, base_answers, day
from tests.support.clock import interview_today, long_date
from tests.interview.test_documents import documents

NAME = "José O'Brien & <Núñez>"
MR = "Mr. O'Brien & <Núñez>"


def letter_of(answers):
    run, screen, docs = documents(answers)
    text = docs["Request to ICE"]
    if os.environ.get("ICE_LETTER_PRINT"):
        print("\n" + next(d.text for d in screen.attachments if d.name == "Request to ICE") + "\n" + "=" * 70)
    return run, text, docs


def on(answers, key):
    return long_date(dt.date.fromisoformat(answers[key]))


def common(text, answers, run):
    """What every request to ICE has: the heading, the Re: block, the closing, the enclosures."""
    office = run.value("office(field_office)['name']")
    assert f"{long_date(interview_today(run))} Field Office Director {office} U.S. Immigration and Customs Enforcement " \
           "Enforcement and Removal Operations" in text
    assert f"Re: {NAME} A-number: A 123-456-789 Date of birth: {on(answers, 'client.birthdate')}" in text
    assert "Dear Field Office Director:" in text
    assert "Copy to" not in text and "Sheriff's Office" not in text          # the jail gets its own request
    for word in ("dismiss", "bond hearing", "habeas"):
        assert word not in text, word                                        # never asked of ICE in the letter
    assert text.index("I. The request") < text.index("II. Background and procedural history") \
        < text.index("III. Reasons to use discretion") < text.index("IV. Closing") < text.index("Enclosures")
    enclosure = "Privacy waiver" if answers["waiver_status"] == "signed" else "Privacy waiver cover sheet"
    assert f"Enclosures {enclosure}" in text


def test_a_short_first_request_for_a_jail_hold():
    answers = CASES[0].answers()          # family (José is my brother), short path, waiver not signed
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert text.startswith("DRAFT – for attorney review Ana Ruiz & <Co> 555-201-3344 · ana@example.org")  # the letterhead
    assert "Detained at: Otay Mesa Detention Center, San Diego" in text
    assert "Request for prosecutorial discretion: to lift the immigration detainer" in text
    assert "FIRST REQUEST. A fuller request with supporting documents will follow." in text
    assert f"I am writing about my brother, {NAME}." in text
    assert ("I ask that you lift (withdraw) the immigration detainer (ICE hold, Form I-247A) that ICE placed with "
            "San Diego County Sheriff, so that he is not transferred to ICE custody") in text
    assert "He is held at Otay Mesa Detention Center, San Diego, and ICE has placed an immigration detainer" in text
    assert "I will set out the reasons for discretion, with the papers that support them, in the fuller request." in text
    assert "2004" not in text and "Two children" not in text                # the short path did not ask these
    assert f"{NAME} has given consent" in text and "will follow; a cover sheet is enclosed" in text
    assert "cc:" not in text


def test_the_full_request_for_a_jail_hold():
    answers = {**CASES[0].answers(), "intake_path": "full", "waiver_status": "signed"}
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert "FIRST REQUEST" not in text
    assert "that ICE placed with San Diego County Sheriff, so that he is not transferred to ICE custody" in text
    assert ("He is held at Otay Mesa Detention Center, San Diego, and ICE has placed an immigration detainer on him "
            f"with San Diego County Sheriff. He has been held there since {on(answers, 'detention_date')}.") in text
    assert "has gone to every immigration court hearing" not in text     # not asked of a person in jail
    assert "next hearing" not in text and "scheduled for removal" not in text
    assert f"{MR} has a spouse who is a lawful permanent resident and a child who is a U.S. citizen." in text
    assert "He first came to the United States in 2004." in text
    assert run.value("ice_letter.habeas_flag") is False


def test_detained_entered_without_inspection_hearing_in_forty_days():
    answers = {**CASES[1].answers(), "hearing_date": day(40)}      # advocate, EWI, full path
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert f"We write on behalf of Casa de la Esperanza about {NAME}." in text
    assert "Request for prosecutorial discretion: release from ICE custody" in text
    assert ("We ask that you release him from ICE custody while the removal case goes on: on parole under section "
            "212(d)(5)(A) of the Immigration and Nationality Act") in text
    assert "on his own recognizance, with any alternatives to detention you find appropriate" in text
    assert "bond" not in text                                    # no bond for a person who entered without inspection
    assert ("If released, he will live in Chula Vista, California, with Ana Ruiz, a U.S. citizen, who has agreed "
            "to be his sponsor and to help him attend every hearing and check-in.") in text
    # the history, with dates
    assert f"{MR} was born in Mexico on {on(answers, 'client.birthdate')}." in text
    assert "He first came to the United States in 2004." in text
    assert "without inspection" not in text                      # not cleared by an attorney: not stated
    assert f"He has been held in ICE custody since {on(answers, 'detention_date')}, at Otay Mesa Detention Center, San Diego." in text
    assert f"{MR} has gone to every immigration court hearing and every check-in ICE has asked of him." in text
    assert f"His next hearing before the immigration court is on {on(answers, 'hearing_date')}." in text
    # the reasons, as paragraphs
    assert f"{MR} has a spouse who is a lawful permanent resident and a child who is a U.S. citizen. His removal would separate this family." in text
    assert "Two children, 6 and 9." in text and "Volunteers at church." in text
    assert f"{MR} is the main caretaker of a child. If he is detained or removed, the child would lose" in text
    years = interview_today(run).year - 2004 - (interview_today(run).timetuple()[1:3] < (6, 1))
    assert f"{MR} has lived in the United States for {years} years, since 2004." in text
    assert f"To our knowledge, {MR} has never been arrested or convicted of a crime." in text
    assert "We are not attorneys and do not represent" in text
    assert run.value("ice_letter.habeas_flag") is True            # for the review sheet, not the letter


def test_detained_inspected_may_be_released_on_bond():
    answers = CASES[2].answers()
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert "parole" not in text
    assert "or, if you find that a bond is needed, on a bond in an amount the family can pay." in text
    cleared = {**answers, "attorney_consulted": True, "consult_date": day(-10), "entry_method_cleared": True}
    run, text, docs = letter_of(cleared)
    assert "He last entered the United States after inspection by an immigration officer." in text


def test_a_final_order_at_home_removal_in_two_days_family():
    answers = {**CASES[3].answers(), "user_role": "family", "removal_date": day(2), "check_in_date": day(1),
               "i246_filer": "person", "i246_fee_payer": "Ana Ruiz", "i246_filing_date": day(1)}
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    removal = dt.date.fromisoformat(answers["removal_date"])
    away = {0: "today", 1: "tomorrow", 2: "two days from today", 3: "three days from today"}[(removal - interview_today(run)).days]
    assert f"URGENT: scheduled for removal on {long_date(removal)}, {away}." in text
    assert "Request for prosecutorial discretion: stay of removal" in text
    assert "Detained at" not in text
    assert "I ask that you grant him a stay of removal." in text
    assert (f"He will file Form I-246, Application for a Stay of Deportation or Removal, in person, at "
            f"the San Diego Field Office on or before {on(answers, 'i246_filing_date')}. Ana Ruiz will pay the filing fee of $155.") in text
    assert f"I ask that you decide this request before the removal date, {long_date(removal)}, and that ICE not remove him" in text
    assert f"A final order of removal was entered against him on {on(answers, 'order_date')}." in text
    assert f"His next check-in with ICE is on {on(answers, 'check_in_date')}" in text
    assert f"He is scheduled for removal on {long_date(removal)}, {away}." in text
    assert "I also ask that you consider granting him deferred action." in text


def test_a_final_order_detained_without_counsel_says_who_files():
    answers = {**CASES[3].answers(), "user_role": "family", "client_detained": True, "removal_date": day(5),
               "i246_filer": "family_member", "i246_filer_name": "Ana Ruiz", "i246_fee_payer": "Ana Ruiz",
               "i246_filing_date": day(1)}
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert "Detained at: Otay Mesa Detention Center, San Diego" in text
    assert ("He is detained and he has no attorney, so Ana Ruiz will file Form I-246, Application for a Stay of Deportation "
            f"or Removal, signed by him, at the San Diego Field Office for him, on or before {on(answers, 'i246_filing_date')}. "
            "Ana Ruiz will pay the filing fee of $155. If the field office needs anything more to accept the form, please tell me right away.") in text
    assert f"He has been held in ICE custody since {on(answers, 'detention_date')}" in text
    assert "check-in with ICE is on" not in text                  # held by ICE: no check-in


def test_in_proceedings_first_person():
    answers = {**CASES[4].answers(), "user_role": "person", "check_in_date": day(30)}
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert "I am writing about my own case. I ask that U.S. Immigration and Customs Enforcement (ICE) use its prosecutorial discretion in my favor" in text
    assert "I ask that you grant me deferred action, as a matter of prosecutorial discretion, while my case before the immigration court goes on." in text
    assert "consider granting" not in text
    assert f"I was born in Mexico on {on(answers, 'client.birthdate')}." in text
    assert "I first came to the United States in 2004." in text
    assert f"My next hearing before the immigration court is on {on(answers, 'hearing_date')}." in text
    assert f"My next check-in with ICE is on {on(answers, 'check_in_date')}." in text
    assert "I have gone to every immigration court hearing and every check-in ICE has asked of me." in text
    assert "I have a spouse who is a lawful permanent resident and a child who is a U.S. citizen. My removal would separate this family." in text
    assert "I am the main caretaker of a child. If I am detained or removed" in text
    assert "I am an active member of my community." in text and "I have never been arrested or convicted of a crime." in text
    assert "I consent to this request and to sharing this information with ICE." in text
    assert "signed by me is enclosed" in text
    for wrong in (" he ", " his ", " him ", "Mr. ", "has given consent"):
        assert wrong not in text, wrong
    assert "Please contact me at 555-201-3344" in text
    assert f"Sincerely, ______________________________ {NAME} 555-201-3344" in text


@pytest.mark.parametrize("pronouns, name, words", [
    ("she", "Ms. O'Brien & <Núñez>", ("She first came", "Her next hearing", "in her favor")),
    ("they", NAME, ("They first came", "Their next hearing", "in their favor"))])
def test_pronouns_follow_the_persons_answer(pronouns, name, words):
    answers = {**CASES[4].answers(), "client_pronouns": pronouns}
    run, text, docs = letter_of(answers)
    assert f"{name} is the main caretaker of a child." in text
    for phrase in words:
        assert phrase in text, phrase
    assert " he " not in text and " his " not in text


def test_a_represented_person_names_counsel_and_the_g28_and_the_reviewer_on_the_cc_line():
    answers = {**CASES[4].answers(), "has_attorney": True, "g28_on_file": "filed", "attorney_consulted": True,
               "consult_date": day(-10)}
    run, text, docs = letter_of(answers)
    common(text, answers, run)
    assert f"{MR} is represented by Lic. Elena Torres, Frontera Legal Aid (619-555-0142 · etorres@example.org)." in text
    assert "A Form G-28, Notice of Entry of Appearance as Attorney, is on file with ICE." in text
    assert "For legal questions, please contact Lic. Elena Torres, his attorney." in text
    assert text.endswith("cc: Lic. Elena Torres, Frontera Legal Aid, counsel Enclosures Privacy waiver")
    # a review recorded from the documents screen: the reviewer on the cc line, never in the body
    run.action("record_attorney_review")
    reviewed = interview_today(run) - dt.timedelta(days=1)
    screen = run.answer({"documents_approved": True, "attorney_reviewer": "Lic. Marta Díaz",
                         "attorney_reviewer_org": "Bar 12345", "attorney_review_date": reviewed.isoformat()})
    text = " ".join(next(d for d in screen.attachments if d.name == "Request to ICE").text.split())
    assert text.endswith("cc: Lic. Elena Torres, Frontera Legal Aid, counsel cc: Lic. Marta Díaz, Bar 12345, reviewing attorney "
                         "Enclosures Privacy waiver")
    # and in the page header, in place of DRAFT, as reported by the signer: the body never names the reviewer
    assert text.startswith(f"Review reported by {run.value('signer_name')}: Lic. Marta Díaz, attorney (Bar 12345), "
                           f"on {long_date(reviewed)} ")
    assert text.count("Lic. Marta Díaz") == 2 and "DRAFT" not in text
    not_filed = {**answers, "g28_on_file": "unknown"}
    run, text, docs = letter_of(not_filed)
    assert "G-28" not in text and "represented by Lic. Elena Torres" in text


def test_a_cleared_past_is_argued_with_rehabilitation():
    answers = {**CASES[1].answers(), "private_history": {"convictions": True, "prior_removal": True, "arrests": True},
               "private_history_details": "Removed in 2009 at the border.",
               "attorney_cleared": True, "attorney_reviewer": "Lic. Marta Díaz", "attorney_reviewer_org": "Bar 12345",
               "attorney_review_date": day(-30), "cleared_disclosures": {"convictions": True, "prior_removal": True},
               "rehabilitation_details": "He finished a year of classes and has worked at the same shop since.",
               "sentence_completed": True}
    run, text, docs = letter_of(answers)
    assert (f"We understand that {MR} has been convicted of a crime and has been removed from the United States before. "
            "However, he has completed the sentence the court gave, and the reasons in this letter weigh strongly in his favor. "
            "He finished a year of classes and has worked at the same shop since.") in text
    assert "arrested" not in text                                   # not cleared: still out
    assert "2009" not in text                                       # the details only when everything was cleared
    assert "never been arrested" not in text
    assert "Lic. Marta Díaz" not in text.split("Sincerely,")[0]   # the reviewer only on the cc line
    assert "cc: Lic. Marta Díaz, Bar 12345, reviewing attorney" in text
    # nothing cleared: nothing said, and the rehabilitation screen was never needed
    run, text, docs = letter_of({**answers, "attorney_cleared": False, "cleared_disclosures": {}})
    assert "We understand" not in text and "convicted" not in text and "classes" not in text and "cc:" not in text


def test_claims_for_the_review_sheet():
    run, text, docs = letter_of(CASES[1].answers())
    claims = run.value("[(c.statement, c.answer) for c in ice_letter.claims]")
    assert ("main caretaker of a child", "Circumstances: Main caretaker of a child") in claims
    assert ("a child who is a U.S. citizen", "Family: A child who is a US citizen") in claims
    assert any(statement.startswith("detained since") for statement, answer in claims)
    for name in ("signer_line", "signer_line_es", "contact_line"):
        assert run.value(name)
    for scratch in ("s", "born", "family", "subj", "factor_text", "detail_lines", "disclosure_lines",
                    "waiver_line", "consent_line", "born_line", "enclosures"):
        assert run.value(f"defined('{scratch}')") is False, scratch
