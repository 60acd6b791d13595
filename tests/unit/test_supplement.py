"""supplement.py: a supplement to the request as facts (exhibits lettered on, changes that may print)."""
import datetime as dt

import pytest

from docassemble.notonemore.passages import review_passage
from docassemble.notonemore.supplement import (
    ChangeAnswer, PaperAnswer, SupplementAnswers, last_request_date, request_date_problem, supplement_model)

TODAY = dt.date(2019, 5, 20)


def answers(**changes):
    base = dict(today=TODAY, request_date=dt.date(2019, 5, 1))
    return SupplementAnswers(**{**base, **changes})


def test_papers_are_lettered_after_the_exhibits_already_sent_officials_first():
    model = supplement_model(answers(
        papers=[PaperAnswer("support", "Pastor Luis  Ortega"), PaperAnswer("record", "Birth certificate of Leo"),
                PaperAnswer("official", "Rep. Ana Díaz", dt.date(2019, 5, 17)), PaperAnswer("support", "Dr. Kim")],
        exhibits_before=3))
    assert [(e.label, e.kind, e.writer, e.paper) for e in model.exhibits] == [
        ("D", "official", "Rep. Ana Díaz", 2), ("E", "support", "Pastor Luis Ortega", 0),
        ("F", "support", "Dr. Kim", 3), ("G", "record", "Birth certificate of Leo", 1)]
    assert model.exhibits[0].date == "May 17, 2019" and model.exhibits[1].date == ""
    assert model.official_writers == "Rep. Ana Díaz"
    assert model.support_writers == "Pastor Luis Ortega and Dr. Kim"
    assert [e.label for e in model.support] == ["E", "F"] and [e.label for e in model.records] == ["G"]
    assert model.date == "May 20, 2019" and model.request_date == "May 1, 2019"
    assert not model.empty


def test_lettering_goes_past_z():
    model = supplement_model(answers(papers=[PaperAnswer("support", "A"), PaperAnswer("support", "B")], exhibits_before=25))
    assert [e.label for e in model.exhibits] == ["Z", "AA"]


def test_changes_print_with_their_dates_and_say_which_kinds_they_are():
    model = supplement_model(answers(changes=[
        ChangeAnswer("family", "Our son Leo was born.", dt.date(2019, 5, 2)),
        ChangeAnswer("case_date", "The hearing moved to June 10.", None),
        ChangeAnswer("health", "   ", None)]))              # left blank on review: not printed
    assert [(c.kind, c.date, c.text) for c in model.changes] == [
        ("family", "May 2, 2019", "Our son Leo was born."), ("case_date", "", "The hearing moved to June 10.")]
    assert model.family and model.case_date and not model.health and not model.criminal_case
    assert model.left_out == 0 and not model.empty


@pytest.mark.parametrize("cleared", [False, True])
def test_a_criminal_case_prints_only_when_an_attorney_cleared_the_history(cleared):
    model = supplement_model(answers(changes=[ChangeAnswer("criminal_case", "The charge was dismissed.", dt.date(2019, 4, 3))],
                                     criminal_cleared=cleared))
    assert bool(model.changes) is cleared and model.criminal_case is cleared
    assert model.left_out == (0 if cleared else 1)
    assert model.empty is not cleared


def test_an_upcoming_removal_is_said_and_its_nearness_in_days():
    near = supplement_model(answers(removal_date=TODAY + dt.timedelta(days=2)))
    assert near.removal_date == "May 22, 2019" and near.removal_when == "two days from today"
    far = supplement_model(answers(removal_date=TODAY + dt.timedelta(days=40)))
    assert far.removal_date == "June 29, 2019" and far.removal_when == ""
    past = supplement_model(answers(removal_date=TODAY - dt.timedelta(days=1)))
    assert past.removal_date == "" and past.removal_when == ""
    assert supplement_model(answers()).empty


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError):
        supplement_model(answers(papers=[PaperAnswer("letter", "X")]))
    with pytest.raises(ValueError):
        supplement_model(answers(changes=[ChangeAnswer("birth", "X")]))


def test_the_request_date_is_not_after_today_and_the_next_supplement_starts_from_the_last():
    assert request_date_problem(TODAY + dt.timedelta(days=1), TODAY) == "future"
    assert request_date_problem(TODAY, TODAY) == "" and request_date_problem("", TODAY) == ""
    assert last_request_date([]) == ""
    assert last_request_date([dt.datetime(2019, 4, 1, 0, 0), "2019-05-01"]) == "2019-05-01"


def test_a_changed_fact_is_reviewed_like_the_letters_passages():
    passage = review_passage("changed_fact", "Nuestro hijo Leo nació el 2 de mayo y está en la casa con su mamá.")
    assert passage.needs_english
    assert review_passage("changed_fact", "Ana was born.", first_person=True, first_name="Ana").third_person == ("Ana",)
    with pytest.raises(ValueError):
        review_passage("supplement_text", "x")
