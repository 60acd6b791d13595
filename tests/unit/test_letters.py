"""letters.py: the request to ICE as facts, branch by branch."""
import calendar
import dataclasses
import datetime as dt

import pytest

from docassemble.notonemore.letters import (
    Claim, LetterAnswers, days_from_today, english_date, english_list, ice_letter_model,
    person_voice, signer_lines, stay_filing_date_problem, writer_voice,
)

TODAY = dt.date(2026, 12, 1)
CONSENT = ("advocate", "ice", "officials")
ASKS = {"jail_with_ice_hold": "lift_ice_hold", "ice_detention_no_order": "release_from_detention",
        "final_order": "stay_of_removal", "in_proceedings_free": "deferred_action"}


def spelled(day):
    """The expected English date, from the day itself (no literal month and year in a test)."""
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


def answers(custody="ice_detention_no_order", **changes):
    base = dict(
        today=TODAY, custody_status=custody, ask_code=ASKS[custody],
        also_deferred_action=custody != "in_proceedings_free", user_role="family", intake_path="full",
        consent=CONSENT, full_name="Paco Andrés Gómez Ruiz", first_name="Paco", last_name="Gómez Ruiz",
        pronouns="he", office_name="San Diego Field Office", birth_country="Mexico",
        birth_date=dt.date(1988, 4, 12), a_number="A 123-456-789",
        detained=custody in ("jail_with_ice_hold", "ice_detention_no_order"),
        facility_name="Otay Mesa Detention Center", facility_city="San Diego",
        local_agency_name="San Diego County Sheriff",
        entry_date=dt.date(2004, 6, 1), entry_method="without_inspection",
        positives=("long_presence", "citizen_or_lpr_child", "primary_caretaker", "no_criminal_record"),
        us_relatives=("citizen_child",), waiver_status="signed", waiver_form="ICE Form 60-001",
        stay_form="Form I-246", stay_fee="$155", signer_name="Maria Gomez", relationship_word="husband",
    )
    base.update(changes)
    return LetterAnswers(**base)


def letter(custody="ice_detention_no_order", passages=None, **changes):
    return ice_letter_model(answers(custody, **changes), passages or {})


def statements(model):
    return [c.statement for c in model.claims]


def test_dates_in_english_and_how_near():
    assert english_date(dt.date(2026, 12, 3)) == spelled(dt.date(2026, 12, 3)) and spelled(dt.date(2026, 12, 3)).startswith("December 3,")
    assert english_date(None) == "" and english_date("") == ""
    assert english_date(dt.datetime(2026, 1, 5, 13, 0)) == spelled(dt.date(2026, 1, 5))
    assert days_from_today(TODAY, TODAY) == "today"
    assert days_from_today(TODAY + dt.timedelta(days=1), TODAY) == "tomorrow"
    assert days_from_today(TODAY + dt.timedelta(days=2), TODAY) == "two days from today"
    assert days_from_today(TODAY + dt.timedelta(days=14), TODAY) == "fourteen days from today"
    assert days_from_today(TODAY + dt.timedelta(days=15), TODAY) == ""
    assert days_from_today(TODAY - dt.timedelta(days=1), TODAY) == "" and days_from_today(None, TODAY) == ""
    assert english_list(["a"]) == "a" and english_list(["a", "b", "c"]) == "a, b and c" and english_list([]) == ""


@pytest.mark.parametrize("pronouns, name, he_has, his", [
    ("he", "Mr. Gómez Ruiz", "he has", "his"), ("she", "Ms. Gómez Ruiz", "she has", "her"),
    ("they", "Paco Gómez Ruiz", "they have", "their")])
def test_pronouns_follow_the_persons_own_answer(pronouns, name, he_has, his):
    voice = person_voice(pronouns, False, "Paco", "Gómez Ruiz")
    assert (voice.name, voice.he_has, voice.his, voice.has) == (name, he_has, his, "has")
    assert voice.He_has == he_has[0].upper() + he_has[1:]


def test_the_persons_own_letter_says_i():
    voice = person_voice("she", True, "Ana", "Ruiz")
    assert (voice.name, voice.has, voice.is_, voice.him, voice.his, voice.He_is) == ("I", "have", "am", "me", "my", "I am")
    assert writer_voice("person").We == "I" and writer_voice("family").We == "I" and writer_voice("advocate").We == "We"
    with pytest.raises(ValueError):
        person_voice("it", False, "A", "B")


def test_the_heading():
    model = letter()
    assert model.date == spelled(TODAY) and model.office_name == "San Diego Field Office"
    assert model.a_number == "A 123-456-789" and model.birth_date == spelled(dt.date(1988, 4, 12))
    assert model.facility == "Otay Mesa Detention Center, San Diego"
    assert letter("in_proceedings_free").facility == ""          # at home: no facility
    # ICE sees the date of birth only with consent to share with ICE (disclosure.may_disclose)
    hidden = letter(consent=("advocate", "officials"))
    assert hidden.birth_date == "" and hidden.a_number == "" and hidden.history.born_on == ""
    # the package's heading and footer
    assert model.reference == model.full_name + ", A 123-456-789" and hidden.reference == hidden.full_name


def test_release_after_entry_without_inspection_is_parole_or_recognizance_never_bond():
    model = letter(entry_method="without_inspection", release_sponsor="Maria Gomez",
                   release_sponsor_status="citizen", release_city="Chula Vista, California")
    assert model.ask == "release_from_detention" and model.release.parole and not model.release.bond_possible
    assert model.habeas_flag
    assert model.release.has_plan and model.release.sponsor_desc == "Maria Gomez, a U.S. citizen"
    assert "sponsor: Maria Gomez, a U.S. citizen" in statements(model)
    assert letter(entry_method="unknown").release.parole                 # not known: treated as no bond hearing
    inspected = letter(entry_method="inspected")
    assert not inspected.release.parole and inspected.release.bond_possible and not inspected.habeas_flag
    assert not inspected.release.has_plan


def test_the_entry_method_only_as_an_attorney_cleared_it():
    assert letter().history.entry_how == ""
    assert letter(entry_method_cleared=True).history.entry_how == "without_inspection"
    assert letter(entry_method="unknown", entry_method_cleared=True).history.entry_how == ""
    assert letter(intake_path="bare_bones", entry_method_cleared=True).history.entry_how == ""


def test_the_hold_has_no_dates_of_its_own():
    model = letter("jail_with_ice_hold", hearing_date=TODAY + dt.timedelta(days=3),
                   removal_date=TODAY + dt.timedelta(days=3), detention_date=TODAY - dt.timedelta(days=5))
    h = model.history
    assert model.ask == "lift_ice_hold" and h.in_jail and h.local_agency == "San Diego County Sheriff"
    assert h.hearing == "" and h.removal_date == ""                    # urgency.dates_that_apply: none
    assert h.detained_since == spelled(TODAY - dt.timedelta(days=5)) and not h.appearances_kept
    assert not model.habeas_flag and model.stay.form == ""


def test_a_final_order_at_home_with_removal_in_two_days():
    model = letter("final_order", detained=False, removal_date=TODAY + dt.timedelta(days=2),
                   check_in_date=TODAY + dt.timedelta(days=1), order_date=dt.date(2025, 3, 4),
                   appearances="all", i246_filer="person", i246_fee_payer="Maria Gomez",
                   i246_filing_date=TODAY + dt.timedelta(days=1))
    h = model.history
    assert h.removal_date == spelled(TODAY + dt.timedelta(days=2)) and h.removal_when == "two days from today"
    assert h.check_in == spelled(TODAY + dt.timedelta(days=1)) and h.check_in_when == "tomorrow"
    assert h.has_final_order and h.order_date == spelled(dt.date(2025, 3, 4)) and h.appearances_kept
    assert model.stay.filer == "person" and model.stay.fee == "$155" and model.stay.fee_payer == "Maria Gomez"
    assert model.stay.filing_date == spelled(TODAY + dt.timedelta(days=1)) and not model.stay.detained_without_counsel
    assert f"Form I-246 filed by the person, in person by {spelled(TODAY + dt.timedelta(days=1))}" in statements(model)
    assert f"removal scheduled for {spelled(TODAY + dt.timedelta(days=2))}" in statements(model)


def test_a_final_order_detained_without_counsel_says_who_files():
    model = letter("final_order", detained=True, removal_date=TODAY + dt.timedelta(days=1),
                   check_in_date=TODAY + dt.timedelta(days=1), i246_filer="family_member",
                   i246_filer_name="Maria Gomez", i246_fee_payer="Maria Gomez",
                   i246_filing_date=TODAY, detention_date=dt.date(2026, 11, 20))
    assert model.stay.detained_without_counsel and model.stay.filer_name == "Maria Gomez"
    assert model.history.check_in == ""                     # held by ICE: no check-in
    assert model.history.removal_when == "tomorrow" and model.history.detained_since == spelled(dt.date(2026, 11, 20))
    represented = letter("final_order", detained=True, has_attorney=True, i246_filer="counsel")
    assert not represented.stay.detained_without_counsel
    named = letter("final_order", stay_form="Form I-246, Application for a Stay (edition 11/20)")
    assert named.stay.form == "Form I-246, Application for a Stay"


def test_deferred_action_in_proceedings():
    model = letter("in_proceedings_free", hearing_date=TODAY + dt.timedelta(days=90), appearances="all",
                   check_in_date=TODAY + dt.timedelta(days=30))
    assert model.ask == "deferred_action" and not model.also_deferred_action
    assert model.history.hearing == spelled(TODAY + dt.timedelta(days=90)) and model.history.hearing_when == ""
    assert model.history.check_in == spelled(TODAY + dt.timedelta(days=30)) and model.history.appearances_kept
    assert not model.history.has_final_order and model.stay.filer == ""


def test_reasons_from_the_factors_the_relatives_and_the_reviewed_passages():
    model = letter(positives=("long_presence", "came_as_child", "primary_caretaker", "community_ties",
                              "serious_health_condition"),
                   us_relatives=("lpr_spouse", "citizen_child"), birth_date=dt.date(1995, 1, 1),
                   passages={"family_details": "Two children, 6 and 9.", "community_details": "Church volunteer.",
                             "health_details": "Diabetes, insulin daily."})
    r = model.reasons
    assert r.relatives == "a spouse who is a lawful permanent resident and a child who is a U.S. citizen"
    assert r.long_presence and r.came_as_child and r.age_at_entry == 9 and model.history.years_here == 22
    assert r.family_details == "Two children, 6 and 9." and r.community_details == "Church volunteer."
    assert r.health_details == "Diabetes, insulin daily." and r.any
    claims = model.claims
    assert Claim("main caretaker of a child", "Circumstances: Main caretaker of a child") in claims
    assert Claim("a child who is a U.S. citizen", "Family: A child who is a US citizen") in claims
    # a passage the user did not confirm is not printed; health details only with a health factor
    assert letter(passages={}).reasons.family_details == ""
    assert letter(passages={"health_details": "Diabetes."}).reasons.health_details == ""


def test_a_short_first_request_states_what_it_knows():
    model = letter("jail_with_ice_hold", intake_path="bare_bones", positives=("elderly",),
                   birth_date=dt.date(1950, 1, 1), us_relatives=("citizen_child",), entry_date=dt.date(2004, 1, 1),
                   passages={"family_details": "x"})
    assert model.first_request and model.reasons.elderly and model.reasons.age == 76 and model.reasons.any
    assert model.reasons.relatives == "" and model.history.arrived_year == ""     # not asked on the short path
    assert not letter("jail_with_ice_hold", intake_path="bare_bones", positives=()).reasons.any


def test_the_hard_history_only_as_cleared():
    history = ("convictions", "prior_removal", "arrests")
    passages = {"rehabilitation_details": "Sober for six years.", "private_history_details": "In 2009."}
    nothing = letter(private_history=history, cleared=(), sentence_completed=True, passages=passages)
    assert not nothing.hard.applies and nothing.hard.rehabilitation == "" and nothing.hard.details == ""
    some = letter(private_history=history, cleared=("convictions", "prior_removal"), sentence_completed=True,
                  passages=passages)
    assert some.hard.applies and some.hard.sentence_completed
    assert some.hard.understood == "has been convicted of a crime and has been removed from the United States before"
    assert some.hard.rehabilitation == "Sober for six years." and some.hard.details == ""   # not everything cleared
    everything = letter(private_history=history, cleared=history, passages=passages)
    assert everything.hard.details == "In 2009." and not everything.hard.sentence_completed
    mine = letter(user_role="person", private_history=("prior_removal",), cleared=("prior_removal",))
    assert mine.hard.understood == "have been removed from the United States before"


def test_counsel_and_the_g28_and_the_cc_line():
    model = letter(has_attorney=True, g28_on_file="filed", counsel_name="Lic. Elena Torres",
                   counsel_org="Frontera Legal Aid", counsel_phone="619-555-0142", counsel_email="e@example.org",
                   reviewer="Lic. Marta Díaz", reviewer_org="Bar 12345")
    c = model.counsel
    assert c.represented and c.g28_on_file
    assert c.described == "Lic. Elena Torres, Frontera Legal Aid (619-555-0142 · e@example.org)"
    assert model.cc == ["Lic. Elena Torres, Frontera Legal Aid, counsel", "Lic. Marta Díaz, Bar 12345, reviewing attorney"]
    assert not letter(has_attorney=True, g28_on_file="unknown").counsel.g28_on_file
    assert not letter(has_attorney=True, intake_path="bare_bones").counsel.represented   # not asked on the short path
    assert letter().cc == [] and not letter().counsel.represented


def test_enclosures_and_the_waiver():
    model = letter(waiver_status="not_signed", exhibit_titles=["Exhibit A: Birth certificate"])
    assert model.enclosures == ["Privacy waiver cover sheet", "Exhibit A: Birth certificate"]
    assert not model.waiver_signed and letter().enclosures == ["Privacy waiver"] and letter().waiver_signed


def test_the_relationship_and_the_organization():
    assert letter().relationship == "husband" and letter().org == ""
    assert letter(user_role="advocate", signer_org="Casa").org == "Casa" and letter(user_role="advocate").relationship == ""


def test_the_stay_filing_date():
    removal = TODAY + dt.timedelta(days=3)
    assert stay_filing_date_problem(TODAY, TODAY, removal) == ""
    assert stay_filing_date_problem(removal, TODAY, removal) == ""
    assert stay_filing_date_problem(TODAY - dt.timedelta(days=1), TODAY, removal) == "past"
    assert stay_filing_date_problem(removal + dt.timedelta(days=1), TODAY, removal) == "after_removal"
    assert stay_filing_date_problem(TODAY + dt.timedelta(days=30), TODAY, None) == ""


def test_signer_lines():
    lines = signer_lines("Maria Gomez", "", "Paco Gómez", "spouse", "cónyuge de", "555", "m@example.org")
    assert lines == ("Maria Gomez, spouse of Paco Gómez", "Maria Gomez, cónyuge de Paco Gómez", "555 · m@example.org")
    assert signer_lines("Ana", "Casa", "Paco", "", "", "555").signer_line == "Ana, Casa"
    assert signer_lines("Ana", "Casa", "Paco", "", "", "555").contact_line == "555"


def test_the_model_is_plain_data():
    model = letter()
    assert dataclasses.is_dataclass(model) and all(isinstance(c, Claim) for c in model.claims)


def test_the_model_reads_as_plain_json_for_the_api():
    """GET /api/session shows the session's variables: the model, as plain JSON (util.PlainJson)."""
    import json
    data = letter(has_attorney=True, counsel_name="Lic. Elena Torres").as_dict()
    assert json.loads(json.dumps(data))["counsel"]["name"] == "Lic. Elena Torres"
    assert data["claims"][0] == {"statement": "A-number A 123-456-789", "answer": "A-number: A 123-456-789"}
