"""The letter for elected officials, the jail's own request, the waiver cover sheet and the family's
waiver plan, read back from the rendered documents of every branch where they exist."""
import datetime as dt

import pytest

from tests.support.cases import CASES, base_answers, day
from tests.support.clock import interview_today, long_date
from tests.support.screens import walk

from tests.interview.test_branches import walk_to_summary
from tests.interview.test_documents import LETTER_CASES, documents

OFFICIALS = "Letter for elected officials"
JAIL = "Request to the jail"
COVER = "Privacy waiver cover sheet"
NAME = "José O'Brien & <Núñez>"
PRIVATE = ("April 12, 1988", "1988", "arrest", "convict", "removed", "deported", "attorney has reviewed")
ASK_LINE = {
    "jail_with_ice_hold": "The request to ICE: lift the immigration hold (detainer), so that José is not transferred to ICE custody.",
    "ice_detention_no_order": "The request to ICE: release from ICE detention while the immigration case goes on.",
    "final_order": "The request to ICE: a stay of removal (Form I-246), so that the removal does not go ahead for now.",
    "in_proceedings_free": "The request to ICE: deferred action, so that ICE takes no action on the case for now.",
}
SITUATION = {
    "jail_with_ice_hold": "Held at Otay Mesa Detention Center, San Diego. ICE has placed an immigration hold (detainer) on José.",
    "ice_detention_no_order": "In ICE detention at Otay Mesa Detention Center, San Diego.",
    "final_order": "Has a final order of removal.",
    "in_proceedings_free": "In removal proceedings in immigration court, not detained.",
}


def act_by(run, days, upcoming=()):
    """The act-by date the letter must show, worked out here from the interview's own clock."""
    today = interview_today(run)
    target = today + dt.timedelta(days=days)
    coming = [d for d in upcoming if d >= today]
    if coming:
        target = min(target, max(today, min(coming) - dt.timedelta(days=1)))
    if target.weekday() >= 5:
        friday = target - dt.timedelta(days=target.weekday() - 4)
        monday = target + dt.timedelta(days=7 - target.weekday())
        last = max(today, min(coming) - dt.timedelta(days=1)) if coming else None
        target = friday if friday >= today else (monday if last is None or monday <= last else target)
    return long_date(target)


@pytest.mark.parametrize("case", LETTER_CASES, ids=[c.name for c in LETTER_CASES])
def test_the_officials_letter_for_each_branch(case):
    answers = case.answers()
    run, screen, docs = documents(answers)
    letter = docs[OFFICIALS]
    short = answers["intake_path"] == "bare_bones"
    assert letter.startswith("DRAFT – for attorney review")
    # letterhead, date, addressee, Re: line
    head = {"advocate": "Casa de la Esperanza Ana Ruiz & <Co> 555-201-3344", "family": "Ana Ruiz & <Co> 555-201-3344",
            "person": f"{NAME} 555-201-3344"}[answers["user_role"]]
    assert head in letter
    assert long_date(interview_today(run)) in letter
    if short:       # not asked on the short path: a line to write the office in
        assert "To: the office of ______________________________ (a U.S. Representative or Senator)" in letter
        assert "Dear Caseworker:" in letter and "URGENT. This is a first request." in letter
        assert "Lucía Ortega" not in letter
    else:
        assert "Attention: Lucía Ortega, caseworker Office of U.S. Representative Juan Vargas" in letter
        assert "Dear Lucía Ortega:" in letter and "first request" not in letter
    assert f"Re: Request for a congressional inquiry to ICE about {NAME}, by " in letter
    # the ask: an inquiry with, or a letter to, the field office director by a date; ICE decides
    office = run.value("office(field_office)['name']")
    assert (f"I ask your office to make a congressional inquiry with the Field Office Director of the {office}, "
            "U.S. Immigration and Customs Enforcement (ICE), Enforcement and Removal Operations, or to write to the "
            "Director in support of the request below, by ") in letter
    assert "The decision is ICE's. I do not ask your office to decide the case" in letter
    assert "grant" not in letter.lower()
    assert SITUATION[case.custody_status] in letter and ASK_LINE[case.custody_status] in letter
    assert ("The request also asks ICE to consider deferred action." in letter) is (case.custody_status != "in_proceedings_free")
    # the privacy release the office needs
    assert f"Your office may need its own privacy release form, signed by {NAME}, before it can ask ICE about the case." in letter
    # nothing private: no date of birth, no address, no history, no A-number without its yes
    for phrase in PRIVATE + ("A 123-456-789",):
        assert phrase not in letter, phrase
    # the reasons the public may read, from the full path's answers
    if short:
        assert "About José" not in letter and "years" not in letter
    else:
        years = interview_today(run).year - 2004 - (interview_today(run) < dt.date(interview_today(run).year, 6, 1))
        assert f"About {NAME} Has lived in the United States for {years} years, since 2004." in letter
        assert ("Family in the United States: a child who is a U.S. citizen and a spouse who is a lawful permanent "
                "resident.") in letter
        assert "Is the main caretaker of a child." in letter and "Is active in the community" in letter
        assert "Two children" not in letter and "Volunteers at church" not in letter    # no free text
    # signed
    assert letter.endswith({"advocate": "Ana Ruiz & <Co>, Casa de la Esperanza 555-201-3344 · ana@example.org",
                            "family": f"Ana Ruiz & <Co>, sibling of {NAME} 555-201-3344 · ana@example.org",
                            "person": f"{NAME} 555-201-3344 · ana@example.org"}[answers["user_role"]])


def test_the_act_by_date_follows_the_urgency_and_the_next_date():
    run, screen, docs = documents(CASES[0].answers())           # an ICE hold, short path: tomorrow (a weekday)
    assert f"by {act_by(run, 1)}" in docs[OFFICIALS]
    run, screen, docs = documents(CASES[3].answers())           # removal in three weeks: two weeks
    removal = interview_today(run) + dt.timedelta(days=21)
    assert f"by {act_by(run, 14, (removal,))}" in docs[OFFICIALS]
    assert f"Removal date set by ICE: {long_date(removal)}" in docs[OFFICIALS]
    run, screen, docs = documents({**CASES[3].answers(), "removal_date": day(1), "client_detained": False})
    assert f"by {long_date(interview_today(run))} (today)" in docs[OFFICIALS]       # removal tomorrow: today
    run, screen, docs = documents({**CASES[4].answers(), "officials_act_by": day(9)})   # the family's own date
    assert f"by {long_date(interview_today(run) + dt.timedelta(days=9))}" in docs[OFFICIALS]
    hearing = interview_today(run) + dt.timedelta(days=90)
    assert f"Next immigration court hearing: {long_date(hearing)}" in docs[OFFICIALS]


def test_the_officials_letter_shows_the_a_number_only_with_its_yes():
    run, screen, docs = documents({**CASES[1].answers(), "officials_a_number_ok": True})
    assert f"Re: Request for a congressional inquiry to ICE about {NAME}, A 123-456-789, by" in docs[OFFICIALS]


def test_the_officials_questions_are_asked_only_where_the_letter_is_made():
    run, screens = walk_to_summary(CASES[1].answers(), stop=("documents screen",))
    asked = next(s for s in screens if s.id == "officials office")
    assert set(asked.fields) == {"officials_office", "officials_caseworker", "officials_act_by"}
    assert "only ICE decides" in asked.subquestion
    run, screens = walk_to_summary(CASES[0].answers(), stop=("documents screen",))   # the short path: not asked,
    assert "officials office" not in [s.id for s in screens]                         # the letter has a blank line
    assert OFFICIALS in [d.name for d in screens[-1].attachments]
    for answers in ({**CASES[1].answers(), "consent": {**base_answers()["consent"], "officials": False}},
                    CASES[-1].answers()):                                                # no letter at all
        run, screens = walk_to_summary(answers, stop=("documents screen",))
        assert "officials office" not in [s.id for s in screens]
        assert OFFICIALS not in [d.name for d in screens[-1].attachments]


def test_a_past_date_to_act_by_is_not_used():
    """The screen refuses a past date (its validation); one sent through the API gives the computed date."""
    from pathlib import Path
    source = (Path(__file__).resolve().parents[2] / "docassemble/notonemore/data/questions/step5_officials.yml").read_text()
    assert "date_problem('hearing', as_date(officials_act_by)" in source
    run, screen, docs = documents({**CASES[1].answers(), "officials_act_by": day(-2)})
    assert f"by {act_by(run, 3, (interview_today(run) + dt.timedelta(days=40),))}" in docs[OFFICIALS]   # detained: days


def test_the_letters_for_officials_and_the_jail_are_english_in_a_spanish_session():
    run, screens = walk(CASES[0].answers(), before={"user_language": "es"})
    docs = {d.filename: " ".join(d.text.split()) for d in screens[-1].attachments}
    officials, jail = docs["not1more-letter-for-officials"], docs["not1more-request-to-the-jail"]
    assert "I ask your office to make a congressional inquiry" in officials
    assert long_date(interview_today(run)) in officials and long_date(interview_today(run), "es") not in officials
    assert "To the Sheriff or Jail Administrator:" in jail and "California law" in jail
    for text in (officials, jail):
        for spanish in (" de la ", " usted", "cárcel"):
            assert spanish not in text, spanish
    names = [d.name for d in screens[-1].attachments]
    assert "Pedido a la cárcel (en inglés)" in names


# The jail's own request: an ICE hold, with consent to share the case with ICE
TEXAS = {"client_state": "TX", "client_county": "Harris", "field_office": "houston", "local_agency_name": "Harris County Sheriff's Office",
         "facility_name": "Harris County Jail", "facility_city": "Houston"}


def test_the_jail_request_in_california_asks_for_release_without_the_hold():
    run, screen, docs = documents(CASES[0].answers())
    jail = docs[JAIL]
    assert jail.startswith("DRAFT – for attorney review Ana Ruiz & <Co> 555-201-3344")
    assert "San Diego County Sheriff Otay Mesa Detention Center, San Diego" in jail
    assert f"Re: {NAME}: the immigration detainer (ICE hold) To the Sheriff or Jail Administrator:" in jail
    assert f"I am writing about my brother, {NAME}, who is held at Otay Mesa Detention Center." in jail
    assert ("California law (the California Values Act, Senate Bill 54, 2017) does not allow local law enforcement "
            "to hold a person on the basis of an ICE hold request. See Cal. Gov. Code sec. 7284.6(a)(1)(B)") in jail
    assert ("I ask that your office release José when the time in your custody ends, and not keep José in jail on "
            "the ICE detainer beyond that time.") in jail
    assert ("If your office tells ICE the date and time of José's release, I ask that you tell me the same, in writing, "
            "at the same time.") in jail
    assert "If your office will hold" not in jail          # California does not allow it
    for phrase in ("A 123-456-789", "April 12, 1988", "1988", "Mexico", "arrest", "convict", "charge"):
        assert phrase not in jail, phrase
    assert jail.endswith(f"Ana Ruiz & <Co>, sibling of {NAME} 555-201-3344 · ana@example.org")
    # the documents screen names it, and says the ICE letter does not go to the jail
    words = " ".join(screen.subquestion.split())
    assert "Send San Diego County Sheriff its own short letter, the *Request to the jail*." in words
    assert "Do not send the jail the request to ICE" in words


def test_the_jail_request_in_texas_never_asks_the_sheriff_to_break_state_law():
    run, screen, docs = documents({**CASES[0].answers(), **TEXAS})
    jail = docs[JAIL]
    assert "Harris County Sheriff's Office Harris County Jail, Houston" in jail
    assert "Texas law (Senate Bill 4, 2017) requires a county jail to comply with an ICE detainer request" in jail
    assert "See Tex. Code Crim. Proc. art. 2.251" in jail
    assert "I do not ask your office to decline the detainer. I ask for two things:" in jail
    assert "Notice: please tell me the date and time José will be released from your custody" in jail
    assert ("Timely release: a detainer asks a jail to hold a person no more than 48 hours beyond the time they "
            "would otherwise be released. If ICE has not taken custody when that time ends, please release José.") in jail
    assert "not keep José in jail on the ICE detainer" not in jail and "lift" not in jail


def test_the_jail_request_where_the_facts_file_has_no_rule():
    run, screen, docs = documents({**CASES[0].answers(), "client_state": "NM", "field_office": "el_paso",
                                   "local_agency_name": "Doña Ana County Sheriff", "user_role": "advocate"})
    jail = docs[JAIL]
    assert " law (" not in jail and "See " not in jail                 # no rule is made up
    assert f"I am writing on behalf of Casa de la Esperanza about {NAME}, who is held at Otay Mesa Detention Center." in jail
    assert "I ask that your office release José when the time in your custody ends" in jail
    assert ("If your office will hold José for ICE, I ask that you tell me first the date and time of the release from "
            "your custody, and that you release José if ICE has not taken custody within the 48 hours the detainer "
            "allows.") in jail


def test_the_jail_request_from_the_person_is_in_the_first_person():
    run, screen, docs = documents({**CASES[0].answers(), **TEXAS, "user_role": "person"})
    jail = docs[JAIL]
    assert ("I am held at Harris County Jail. I understand that U.S. Immigration and Customs Enforcement (ICE) has "
            "sent your office an immigration detainer (ICE hold) for me.") in jail
    assert "Notice: written notice to me of the date and time of my release from your custody" in jail
    assert "please release me." in jail and "José will be released" not in jail


@pytest.mark.parametrize("changes", [
    {"custody_status": "ice_detention_no_order"}, {"custody_status": "final_order"},
    {"consent": {**base_answers()["consent"], "ice": False}},
], ids=["detained by ICE", "final order", "no consent for ICE"])
def test_no_jail_request_without_an_ice_hold_and_consent(changes):
    answers = {**CASES[0].answers(), "intake_path": "full", "entry_method": "inspected", **changes}
    run, screen, docs = documents(answers)
    assert JAIL not in docs
    assert "Request to the jail" not in screen.subquestion


# The waiver cover sheet: only what ICE needs; the third party is never the person
def test_a_person_writing_alone_names_someone_else_on_the_waiver():
    answers = CASES[3].answers()                                   # the person, at home, waiver signed
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    waiver = next(s for s in screens if s.id == "waiver status")
    assert {"waiver_third_party_name", "waiver_third_party_relation", "waiver_third_party_phone"} <= set(waiver.fields)
    cover = " ".join(next(d for d in screens[-1].attachments if d.name == COVER).text.split())
    assert ("Who may receive information (third party) Name: Rosa Peña Relationship to José O'Brien & <Núñez>: "
            "advocate Phone: 555-301-7788 Where to sign") in cover
    assert "Name: José" not in cover


def test_the_person_cannot_name_themself_on_the_waiver():
    """The screen says why (its validation); a name sent through the API that is the person's own is left blank."""
    run, screens = walk_to_summary(CASES[3].answers(), stop=("waiver status",))
    assert "Name someone else" in str(screens[-1].raw) or "same_name(waiver_third_party_name" in (
        __import__("pathlib").Path(__file__).resolve().parents[2] / "docassemble/notonemore/data/questions/step3_waiver.yml").read_text()
    run, screen, docs = documents({**CASES[3].answers(), "waiver_third_party_name": "josé o'brien &  <núñez>"})
    cover = docs[COVER]
    assert ("Who may receive information (third party) Name: ______________________________ (the person ICE may talk "
            "to about the case, who is not José O'Brien & <Núñez>)") in cover
    assert "Rosa" not in cover and "555-301-7788" not in cover


def test_family_signers_do_not_see_the_third_party_question():
    run, screens = walk_to_summary(CASES[4].answers(), stop=("documents screen",))
    waiver = next(s for s in screens if s.id == "waiver status")
    shown = {f["variable_name"] for f in waiver.raw["fields"] if f.get("variable_name") and f.get("active", True)}
    assert shown == {"waiver_status"}
    run, screens = walk_to_summary(CASES[3].answers(), stop=("documents screen",))     # the person sees it
    waiver = next(s for s in screens if s.id == "waiver status")
    shown = {f["variable_name"] for f in waiver.raw["fields"] if f.get("variable_name") and f.get("active", True)}
    assert shown == {"waiver_status", "waiver_third_party_name", "waiver_third_party_relation", "waiver_third_party_phone"}


@pytest.mark.parametrize("case", [CASES[0], CASES[1]], ids=["ice hold, short", "detained, full"])
def test_the_cover_sheet_never_carries_the_familys_plan(case):
    secret = "the public defender on the criminal case"
    answers = {**case.answers(), "waiver_status": "not_signed", "waiver_plan_who": secret, "waiver_plan_how": "attorney_visit"}
    run, screen, docs = documents(answers)
    cover = docs[COVER]
    assert "Full name: José O'Brien & <Núñez> A-number: A 123-456-789 Date of birth: April 12, 1988 Country of birth: Mexico" in cover
    for phrase in (secret, "criminal", "How:", "Who:", "By:", "visit"):
        assert phrase not in cover, phrase
    assert "If it cannot be signed in time" in cover
    assert "Send it with the request to Field Office Director, San Diego Field Office" in cover
    # the plan is in the family's own checklist
    checklist = docs["Supporting documents checklist"]
    by = long_date(interview_today(run) + dt.timedelta(days=2))
    assert (f"Getting the privacy waiver signed {NAME} must sign the privacy waiver (ICE Form 60-001") in checklist
    assert f"How: an attorney takes it on a visit Who: {secret} By: {by}" in checklist
    assert "This plan is for you: it does not go to ICE." in checklist
    for text in (docs[OFFICIALS], docs["Request to ICE"], docs.get(JAIL, "")):
        assert secret not in text


def test_the_plan_is_in_spanish_in_a_spanish_session():
    answers = {**CASES[1].answers(), "waiver_status": "not_signed"}
    run, screens = walk(answers, before={"user_language": "es"})
    docs = {d.filename: " ".join(d.text.split()) for d in screens[-1].attachments}
    checklist = docs["not1more-lista-de-papeles"]
    by = long_date(interview_today(run) + dt.timedelta(days=2), "es")
    assert f"Cómo conseguir la firma del permiso de privacidad {NAME} tiene que firmar el permiso de privacidad" in checklist
    assert f"Quién: Ana (sister) Para cuándo: {by}" in checklist
    assert "Cómo: " in checklist and "How:" not in checklist
    assert "Este plan es para ustedes: no se manda a ICE." in checklist
    assert "Ana (sister)" not in docs["not1more-privacy-waiver-cover"]


def test_no_plan_part_when_the_waiver_is_signed_or_the_case_does_not_go_to_ice():
    run, screen, docs = documents(CASES[1].answers())                      # signed
    assert "Getting the privacy waiver signed" not in docs["Supporting documents checklist"]
    run, screen, docs = documents({**CASES[1].answers(), "waiver_status": "not_signed",
                                   "consent": {**base_answers()["consent"], "ice": False}})
    assert "Getting the privacy waiver signed" not in docs["Supporting documents checklist"]
    assert COVER not in docs
    run, screen, docs = documents({**CASES[4].answers(), "waiver_status": "unknown"})   # at home: no delivery plan
    checklist = docs["Supporting documents checklist"]
    assert "Getting the privacy waiver signed" in checklist and "How:" not in checklist and "Who:" not in checklist
