"""The campaign interview walked in-process, every custody branch to its document."""
from pathlib import Path

import pytest

from tests.support.cases import CASES
from tests.support.headless import InterviewRun

MAIN = "docassemble.notonemore:data/questions/main.yml"
QUESTIONS = Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "questions"


def walk(case, **kwargs) -> tuple[InterviewRun, list]:
    run = InterviewRun(MAIN, **kwargs)
    screens = [run.screen()]
    for answers in case.answers():
        screens.append(run.answer(answers))
    return run, screens


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_branch_reaches_a_summary_that_states_the_ask(case):
    run, screens = walk(case)
    ids = [s.id for s in screens]
    assert ids[0] == "who is using this"
    assert ids[-1] == "documents screen"
    assert ("not in proceedings" in ids) == (case.custody_status == "not_in_proceedings")
    assert ("entry method" in ids) == (case.custody_status == "ice_detention_no_order")

    ask_screen = next(s for s in screens if s.id in ("the ask", "not in proceedings"))
    shown = " ".join((ask_screen.question + " " + ask_screen.subquestion).split())
    for phrase in case.warnings:
        assert phrase in shown, phrase
    if case.custody_status == "final_order":
        assert "$155" in shown and "checked on" in shown  # the fee, from the facts file, with its date

    [doc] = screens[-1].attachments
    case.check_summary(doc.text)


def test_consent_is_recorded_per_audience():
    case = CASES[0]
    run, _ = walk(case)
    for audience, agreed in {"advocate": True, "ice": True, "officials": True,
                             "public": False, "media": False}.items():
        assert run.value(f"consent[{audience!r}]") is agreed


def test_the_limits_must_be_acknowledged():
    run = InterviewRun(MAIN)
    run.answer({"user_role": "advocate"})
    run.answer({"client.name.first": "Ana", "client.name.last": "Ruiz"})
    screen = run.answer({"roles_and_limits_acknowledged": False})
    assert screen.id == "roles and limits"


def test_changing_custody_status_changes_the_ask():
    run, _ = walk(CASES[3])  # final order
    assert run.value("ask.code") == "stay_of_removal"
    run.answer({"custody_status": "jail_with_ice_hold"})
    assert run.value("ask.code") == "lift_ice_hold"


def test_advocate_and_person_are_worded_for_themselves():
    person = InterviewRun(MAIN)
    person.answer({"user_role": "person"})
    assert person.screen().question.strip() == "What is your name?"
    advocate = InterviewRun(MAIN)
    advocate.answer({"user_role": "advocate"})
    advocate.answer({"client.name.first": "Ana", "client.name.last": "Ruiz"})
    advocate.answer({"roles_and_limits_acknowledged": True})
    advocate.answer({"consent": {"advocate": True, "ice": False, "officials": False, "public": False, "media": False}})
    assert advocate.screen().question.strip() == "Where is Ana in the deportation process?"


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.yml")), ids=lambda p: p.name)
def test_every_yaml_file_loads_through_docassembles_parser(path):
    run = InterviewRun(f"docassemble.notonemore:data/questions/{path.name}")
    assert run.interview.questions_list, f"{path.name} has no blocks"
