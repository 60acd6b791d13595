"""The campaign interview walked in-process: every custody branch, user type and path to its document."""
from pathlib import Path

import pytest

from tests.support.cases import CASES, answer_for, base_answers, day
from tests.support.headless import InterviewRun

MAIN = "docassemble.notonemore:data/questions/main.yml"
QUESTIONS = Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "questions"


_WALKED: dict[str, tuple[InterviewRun, list]] = {}


def walk_to_summary(answers, run=None, stop=("case summary", "documents screen")):
    """Answer each screen from ``answers`` until a screen in ``stop``; return the run and the screens.

    A new walk with answers and stops already walked in this process starts from a copy of that
    walk's end (``InterviewRun.clone``: the answers as docassemble saves them between requests), so the
    many documents tests that read the same case do not each walk it again; each gets its own copy.
    """
    key = repr((sorted(answers.items(), key=repr), tuple(stop))) if run is None else None
    if key in _WALKED:
        walked, screens = _WALKED[key]
        return walked.clone(), list(screens)
    run, screens = _walk(answers, run or InterviewRun(MAIN), stop)
    if key is not None:
        _WALKED[key] = (run.clone(), list(screens))
    return run, screens


def _walk(answers, run, stop):
    screens = [run.screen()]
    while screens[-1].id not in stop:
        screen = screens[-1]
        names = screen.fields or [screen.continue_field]
        missing = [n for n in names if n not in answers and not n.startswith("doc_status[")
                   and not n.endswith("_reviewed")]     # a free-text passage confirmed as shown (cases.answer_for)
        assert not missing, f"screen {screen.id!r} asks {missing}"
        screens.append(run.answer({n: answer_for(n, answers) for n in names}))
        assert len(screens) < 60, [s.id for s in screens]
    return run, screens


def text_of(screen):
    return " ".join((screen.question + " " + screen.subquestion).split())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_branch(case):
    run, screens = walk_to_summary(case.answers())
    ids = [s.id for s in screens]
    for qid in case.seen:
        assert qid in ids, qid
    for qid in case.not_seen:
        assert qid not in ids, qid

    ask_screen = next(s for s in screens if s.id in ("the ask", "not in proceedings"))
    for phrase in case.warnings:
        assert phrase in text_of(ask_screen), phrase
    for phrase in case.targets:
        assert phrase in text_of(ask_screen), phrase
    if case.urgency:
        assert run.value("urgency.level") == case.urgency

    summary = text_of(screens[-1])
    assert case.ask_title in summary or screens[-1].id == "documents screen"
    if case.urgency and screens[-1].id == "case summary":
        assert {"hours": "act today", "days": "act this week", "weeks": "weeks"}[case.urgency] in summary

    run, after = walk_to_summary(case.answers(), run, stop=("documents screen",))
    documents = after[-1]
    doc = documents.attachments[0]
    case.check_summary(doc.text)
    if case.urgency:
        office = {"CA": "San Diego Field Office", "TX": "Houston Field Office"}[case.answers()["client_state"]]
        assert f"Field office: {office}" in doc.text
        assert "How urgent: " + {"hours": "act today", "days": "act this week", "weeks": "weeks"}[case.urgency] in doc.text
    assert "Still missing" in doc.text and "A talk with an immigration attorney" in doc.text


def test_final_order_shows_the_fee_and_its_date():
    run, screens = walk_to_summary(CASES[3].answers())
    ask = text_of(next(s for s in screens if s.id == "the ask"))
    assert "$155" in ask and "Checked on" in ask


def test_not_in_proceedings_is_a_stop_with_an_attorney():
    run, screens = walk_to_summary(CASES[-1].answers())
    stop = text_of(next(s for s in screens if s.id == "not in proceedings"))
    assert "Never send a prosecutorial discretion letter" in stop
    assert "No letter to ICE" in text_of(screens[-1])
    assert run.value("ask.pd_letter") is False


def test_consent_is_recorded_per_audience():
    run, _ = walk_to_summary(CASES[1].answers())
    for audience, agreed in base_answers()["consent"].items():
        assert run.value(f"consent[{audience!r}]") is agreed
    assert "the advocate, ICE, and elected officials" in text_of(run.screen())


def test_no_attorney_consult_shows_the_referrals_and_is_missing():
    run, screens = walk_to_summary(CASES[4].answers())
    referral = next(s for s in screens if s.id == "see an attorney first")
    assert "Immigration Advocates Network" in text_of(referral)
    assert "A talk with an immigration attorney" in text_of(screens[-1])


def test_the_limits_must_be_acknowledged():
    run = InterviewRun(MAIN)
    run.answer({"user_role": "advocate"})
    run.answer({"client.name.first": "Ana", "client.name.middle": "", "client.name.last": "Ruiz"})
    screen = run.answer({"roles_and_limits_acknowledged": False})
    assert screen.id == "roles and limits"


def test_changing_custody_status_changes_the_ask_and_asks_what_is_new():
    answers = CASES[4].answers()  # in proceedings, at home
    run, _ = walk_to_summary(answers)
    assert run.value("ask.code") == "deferred_action"
    screen = run.answer({"custody_status": "final_order"})
    assert screen.id == "detained after a final order"   # new question for the new situation
    run, screens = walk_to_summary({**answers, "removal_date": ""}, run)
    # the removal date was asked with it; the new ask and the summary are shown again
    assert [s.id for s in screens[1:]] == ["the ask", "case summary"]
    assert run.value("ask.code") == "stay_of_removal"


@pytest.mark.parametrize("role,question", [
    ("person", "What is your name?"),
    ("family", "What is the name of the person facing deportation?"),
    ("advocate", "What is the name of the person facing deportation?"),
])
def test_each_user_is_worded_for(role, question):
    run = InterviewRun(MAIN)
    assert run.answer({"user_role": role}).question.strip() == question
    run.answer({"client.name.first": "Ana", "client.name.middle": "", "client.name.last": "Ruiz"})
    run.answer({"roles_and_limits_acknowledged": True})
    run.answer({"consent": {"advocate": True}})
    screen = run.answer({"custody_status": "not_in_proceedings"})
    assert screen.question.strip() == ("Do you have an immigration attorney?" if role == "person"
                                       else "Does Ana have an immigration attorney?")
    # advocates get the short intake-call wording, without the explanation
    assert ("better way to stay" in screen.subquestion) is (role != "advocate")


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.yml")), ids=lambda p: p.name)
def test_every_yaml_file_loads_through_docassembles_parser(path):
    run = InterviewRun(f"docassemble.notonemore:data/questions/{path.name}")
    assert run.interview.questions_list, f"{path.name} has no blocks"


def test_a_bad_a_number_from_an_intake_system_is_asked_again():
    answers = {**CASES[4].answers(), "client.a_number": "A12-34"}
    run = InterviewRun(MAIN)
    screen = run.screen()
    while screen.id != "identity":
        names = screen.fields or [screen.continue_field]
        screen = run.answer({n: answers[n] for n in names})
    identity = {n: answers[n] for n in screen.fields}
    assert "alert" not in screen.subquestion          # no message before anything is typed
    for bad in ("A12-34", "1234567890", "A1234567O"):   # the screen says why, as the form's check does
        screen = run.answer({**identity, "client.a_number": bad})
        assert screen.id == "identity"
        message = ("An A-number has only numbers after the A." if bad.endswith("O")
                   else "An A-number has 8 or 9 numbers. Check that no number is missing or extra.")
        assert message in screen.subquestion and screen.subquestion.count('role="alert"') == 1, screen.subquestion
    # the country: a short list by name (no 250 choices on this screen), "Another country" last,
    # which asks for it from the whole list on a screen of its own
    countries = screen.choices["client.country_of_birth"]
    assert 10 <= len(countries) <= 21 and countries[-1] == ("Another country", "other"), countries
    assert {"MX", "GT", "HN", "SV"} <= {code for _, code in countries}
    names = [name for name, _ in countries[:-1]]
    assert names == sorted(names) and "Mexico" in names
    screen = run.answer({**identity, "client.a_number": "a 98765432", "client.country_of_birth": "other"})
    assert screen.id == "other country of birth" and screen.fields == ["other_country_of_birth"]
    assert len(screen.choices["other_country_of_birth"]) > 240
    screen = run.answer({"other_country_of_birth": "FR"})
    assert screen.id == "state"
    assert run.value("a_number_known") is True and run.value("client.country_of_birth") == "FR"
    assert ("France", "FR") in run.value("[(country_name(c), c) for c in first_countries(client.country_of_birth)]")
    # in Spanish, the Spanish message
    spanish = InterviewRun(MAIN, url_args={"lang": "es"})
    screen = spanish.screen()
    while screen.id != "identity":
        screen = spanish.answer({n: answers[n] for n in screen.fields or [screen.continue_field]})
    countries = spanish.screen().choices["client.country_of_birth"]
    assert countries[-1] == ("Otro país", "other") and ("México", "MX") in countries   # the names in Spanish too
    screen = spanish.answer({**identity, "client.a_number": "A12-34"})
    assert "Un número A tiene 8 o 9 números. Revise que no falte ni sobre ningún número." in screen.subquestion


def test_an_unknown_a_number_is_left_blank_on_the_same_screen():
    answers = {**CASES[4].answers(), "client.a_number": ""}
    run, screens = walk_to_summary(answers)
    assert "identity" in [s.id for s in screens]
    assert run.value("a_number_known") is False
    assert "The A-number" in text_of(screens[-1])


# Every branch the urgency module makes urgent (hours or days), with the most screens it can
# take: signed by family, the waiver not signed (a detained person's plan is on its screen),
# no attorney consult, a field office to pick among several. Dates come from the interview's clock.
URGENT_BRANCHES = {
    "ice hold": ({"custody_status": "jail_with_ice_hold"}, "hours"),
    "detained, no order, entered without inspection": (
        {"custody_status": "ice_detention_no_order", "entry_method": "without_inspection", "hearing_date": day(5)}, "days"),
    "final order, detained, removal in a day": (
        {"custody_status": "final_order", "client_detained": True, "removal_date": day(1)}, "hours"),
    "final order, at home, check-in in five days": (
        {"custody_status": "final_order", "client_detained": False, "removal_date": "", "check_in_date": day(5)}, "days"),
    "final order, at home, no dates": (
        {"custody_status": "final_order", "client_detained": False, "removal_date": "", "check_in_date": ""}, "days"),
    "in proceedings, hearing in a week": (
        {"custody_status": "in_proceedings_free", "hearing_date": day(7), "check_in_date": "",
         "client_state": "TX", "client_county": "Harris", "field_office": "houston"}, "days"),
    "in proceedings, check-in tomorrow": (
        {"custody_status": "in_proceedings_free", "hearing_date": "", "check_in_date": day(1),
         "client_state": "TX", "client_county": "Harris", "field_office": "houston"}, "hours"),
}


@pytest.mark.parametrize("branch", URGENT_BRANCHES, ids=list(URGENT_BRANCHES))
def test_the_short_first_request_is_ready_in_15_screens(branch):
    """Each urgent branch reaches its documents in at most 15 screens, the documents screen counted."""
    changes, level = URGENT_BRANCHES[branch]
    answers = {**CASES[0].answers(), "attorney_consulted": False, "waiver_status": "not_signed", **changes}
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    ids = [s.id for s in screens]
    assert len(ids) <= 15, ids
    assert run.value("urgency.level") == level
    assert ids[-1] == "documents screen"
    assert run.value("intake_path") == "bare_bones"
    if run.value("detained"):
        assert "waiver status and plan" in ids and "facility" in ids
    else:
        assert "waiver status" in ids and "state" in ids
    documents = text_of(screens[-1])
    assert "first request" in documents
    assert "Next, for the fuller request" in documents
    assert "Immigration Advocates Network" in documents      # no consult yet: the referrals are here
    assert "See the case summary and change answers" in documents
    assert "Request to ICE" in [d.name for d in screens[-1].attachments]


def test_a_person_held_after_a_final_order_is_not_asked_for_a_check_in():
    answers = {**CASES[3].answers(), "client_detained": True, "removal_date": day(30)}
    run = InterviewRun(MAIN)
    screen = run.screen()
    while screen.id != "detained after a final order":
        names = screen.fields or [screen.continue_field]
        screen = run.answer({n: answer_for(n, answers) for n in names})
    assert {"client_detained", "removal_date", "check_in_date"} <= set(screen.fields)
    screen = run.answer({"client_detained": True, "removal_date": day(30)})
    assert screen.id == "facility"
    with pytest.raises(NameError):
        run.value("check_in_date")
    run, screens = walk_to_summary(answers, run)
    assert "check in date" not in [s.id for s in screens]
    assert run.value("urgency.level") == "days" and "detained" in run.value("urgency.reasons")


def test_docs_answers_lists_every_variable_the_interview_asks():
    """docs/answers.md is the public interface: every field a screen sets must be documented there."""
    import base64
    import re

    def name(saveas):
        try:
            return base64.b64decode(saveas + "=" * (-len(saveas) % 4)).decode()
        except Exception:
            return saveas

    run = InterviewRun(MAIN)
    asked = set()
    for question in run.interview.questions_list:
        if getattr(question, "question_type", None) in (None, "data", "template", "code", "objects"):
            continue
        asked.update(name(f.saveas) for f in getattr(question, "fields", []) or [] if hasattr(f, "saveas"))
        asked.update(filter(None, (getattr(question, a, None) for a in ("fields_saveas", "review_saveas"))))
    documented = set(re.findall(r"`([a-z_][a-z0-9_.\[\]']*)`", (QUESTIONS.parents[3] / "docs" / "answers.md").read_text()))
    assert len(asked) > 30
    assert asked - documented == set()


def test_consent_sent_with_only_the_agreed_audiences_means_no_to_the_others():
    run, screens = walk_to_summary({**CASES[3].answers(), "consent": {"advocate": True}})
    assert screens[-1].id == "case summary"
    assert run.value("consent['ice']") is False and run.value("consent['public']") is False
    assert "Consent to send the case to ICE" in text_of(screens[-1])


def test_a_split_state_asks_the_county_and_a_transfer_changes_the_urgency():
    """Texas is split among five offices: the county (Harris) picks Houston, no office screen; a person
    held by ICE whom ICE said it will move is urgent in hours (days without it), and the summary says
    to check the locator."""
    texas = {**CASES[1].answers(), "client_state": "TX", "client_county": "Harris", "hearing_date": day(60),
             "attorney_consulted": True, "consult_date": day(-3)}
    del texas["field_office"]
    run, screens = walk_to_summary({**texas, "transfer_status": "expected"})
    ids = [s.id for s in screens]
    assert "county" in ids and "field office" not in ids
    county = next(s for s in screens if s.id == "county")
    assert "Texas has more than one ICE field office" in text_of(county)
    # the long lists are plain dropdowns (choices.py): every county of Texas by name, "I do not know" last;
    # the state's list has the 50 states, DC and the five inhabited territories
    counties = county.choices["client_county"]
    assert len(counties) == 255 and ("Harris", "Harris") in counties and counties[-1] == ("I do not know", "unknown")
    states = next(s for s in screens if "client_state" in s.choices).choices["client_state"]
    assert len(states) == 56 and ("Texas", "TX") in states and ("District of Columbia", "DC") in states
    assert [name for name, _ in states] == sorted(name for name, _ in states)
    assert run.value("field_office") == "houston"
    assert run.value("urgency.level") == "hours"
    assert run.value("urgency.reasons")[0] == "transfer_risk"
    assert "ICE may move the person to another place." in text_of(next(s for s in screens if s.id == "intake path"))

    # the family moved (or the state was wrong): another state's office replaces Houston; a split state asks its county again
    for state, county, office in (("AZ", None, "phoenix"), ("CA", "San Diego", "san_diego")):
        moved = run.clone()
        screen = moved.answer({"client_state": state})
        if county:
            assert screen.id == "county" and "California has more than one ICE field office" in text_of(screen)
            screen = moved.answer({"client_county": county})
        assert moved.value("field_office") == office, state

    run, screens = walk_to_summary({**texas, "transfer_status": "happened", "intake_path": "full"})
    assert run.value("urgency.level") == "days" and "transferred" in run.value("urgency.reasons")
    summary = text_of(screens[-1])
    assert screens[-1].id == "case summary"
    assert "Houston Field Office" in summary
    assert "moved José" in summary and "locator.ice.gov" in summary
