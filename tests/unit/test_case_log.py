"""The case log (case_log.py): entries read from the interview's lists, the dates the log makes due,
and the evaluation's figures. Dates are fixed, before 2020, so nothing depends on today."""
import datetime as dt
from types import SimpleNamespace as Item

import pytest

from docassemble.notonemore.case_log import (
    FOLLOW_UP_BUSINESS_DAYS, NEXT_CODES, Answer, DayCount, Office, Sent, answer_entry, day_entry, log_figures,
    log_next_dates, office_entry, sent_entry)

D = dt.date


def test_entries_come_from_the_lists_tidied():
    sent = sent_entry(Item(kind="request", to="  Field Office  Director ", how="fax", day="2019-03-04", note=""))
    assert sent == Sent("request", "Field Office Director", "fax", D(2019, 3, 4))
    # what ICE asked for is kept only when it asked for more (a corrected answer drops it)
    answer = answer_entry(Item(result="granted", day="2019-03-20", about="request", officer=" Officer  Lee",
                               officer_phone="", needs="birth certificates", needs_by="2019-03-25"))
    assert (answer.officer, answer.needs, answer.needs_by) == ("Officer Lee", "", None)
    more = answer_entry(Item(result="more", day="2019-03-20", officer="", needs="Tax returns", needs_by="2019-03-29"))
    assert (more.about, more.needs, more.needs_by) == ("request", "Tax returns", D(2019, 3, 29))
    assert day_entry(Item(day="2019-03-05", calls="", signatures="")) == DayCount(D(2019, 3, 5), 0, None)
    assert day_entry(Item(day="2019-03-05", calls=12, signatures=340)) == DayCount(D(2019, 3, 5), 12, 340)
    # a refused office is a target only when made one; a letter counts only with its copy
    office = office_entry(Item(name="Rep. Díaz", asked="2019-03-01", release="signed", result="refused",
                               result_day="2019-03-08", target=True))
    assert (office.result, office.result_day, office.target) == ("refused", D(2019, 3, 8), True)
    waiting = office_entry(Item(name="Sen. Ruiz", asked=None, release="sent", result="waiting", result_day="2019-03-08",
                                target=True))
    assert (waiting.result_day, waiting.target) == (None, False)


@pytest.mark.parametrize("bad", [dict(kind="tweet"), dict(how="pigeon")])
def test_unknown_codes_are_refused(bad):
    with pytest.raises(ValueError):
        Sent(**{**dict(kind="request", to="x", how="mail", day=D(2019, 1, 2)), **bad})
    with pytest.raises(ValueError):
        Answer("granted", D(2019, 1, 2), about="official")
    with pytest.raises(ValueError):
        DayCount(D(2019, 1, 2), calls=-1)


def test_a_request_with_no_answer_is_followed_up_seven_business_days_later():
    sent = [Sent("request", "FOD", "mail", D(2019, 12, 20))]   # a Friday before Christmas
    assert FOLLOW_UP_BUSINESS_DAYS == 7
    # Dec 23, 24, 26, 27, 30, 31, Jan 2: Christmas and New Year's Day are skipped
    assert log_next_dates(sent, []) == [("follow_up_request", D(2020, 1, 2))]
    # an acknowledgment is an answer: no follow-up is due for it
    assert log_next_dates(sent, [Answer("acknowledged", D(2019, 12, 23))]) == []
    # an answer from before the request went does not answer it
    assert log_next_dates(sent, [Answer("acknowledged", D(2019, 12, 1))]) == [("follow_up_request", D(2020, 1, 2))]


def test_papers_ice_asked_for_are_due_until_something_goes_to_ice():
    sent = [Sent("request", "FOD", "mail", D(2019, 3, 4))]
    more = Answer("more", D(2019, 3, 11), needs="Tax returns", needs_by=D(2019, 3, 18))
    assert log_next_dates(sent, [more]) == [("papers_due", D(2019, 3, 18))]
    answered = sent + [Sent("supplement", "FOD", "email", D(2019, 3, 15))]
    # the supplement went: nothing more is due for the papers, and the supplement is followed up
    assert log_next_dates(answered, [more]) == [("follow_up_supplement", D(2019, 3, 26))]


def test_nothing_is_due_once_ice_decided_and_offices_are_followed_up():
    sent = [Sent("request", "FOD", "mail", D(2019, 3, 4)), Sent("i246", "FOD", "in_person", D(2019, 3, 5))]
    offices = [Office("Rep. Díaz", asked=D(2019, 3, 6)), Office("Sen. Ruiz", asked=D(2019, 3, 6), result="inquiry")]
    due = log_next_dates(sent, [], offices)
    assert [code for code, _ in due] == ["follow_up_request", "follow_up_i246", "follow_up_office"]
    assert all(code in NEXT_CODES for code, _ in due)
    assert [day for _, day in due] == sorted(day for _, day in due)
    assert log_next_dates(sent, [Answer("denied", D(2019, 3, 20), about="i246")], offices) == []


def test_the_figures_the_evaluation_asks_for():
    assert log_figures() == log_figures([], [], [], [])
    empty = log_figures()
    assert (empty.result, empty.decided, empty.calls, empty.signatures, empty.first_day) == ("waiting", None, None, None, None)
    figures = log_figures(
        [Sent("request", "FOD", "fax", D(2019, 3, 4))],
        [Answer("more", D(2019, 3, 11), officer="Officer Kim", needs="x", needs_by=D(2019, 3, 18)),
         Answer("granted", D(2019, 4, 2), officer="Officer Lee")],
        [DayCount(D(2019, 3, 6), 40, 1200), DayCount(D(2019, 3, 5), 25, 800), DayCount(D(2019, 3, 7), 10, None)],
        [Office("Rep. Díaz", asked=D(2019, 3, 1), result="letter"), Office("Sen. Ruiz", result="refused"),
         Office("Mayor Soto", result="inquiry")])
    assert (figures.result, figures.decided, figures.officer) == ("won", D(2019, 4, 2), "Officer Lee")
    assert (figures.calls, figures.signatures, figures.signatures_day) == (75, 1200, D(2019, 3, 6))
    assert figures.first_day == D(2019, 3, 1)
    assert figures.requests_sent == (D(2019, 3, 4),) and empty.requests_sent == ()
    later = log_figures([Sent("supplement", "FOD", "fax", D(2019, 3, 9)), Sent("request", "FOD", "mail", D(2019, 3, 8)),
                         Sent("request", "FOD", "fax", D(2019, 3, 4))])
    assert later.requests_sent == (D(2019, 3, 4), D(2019, 3, 8))    # the requests only, in order
    assert (figures.officials_helped, figures.officials_refused, figures.letters) == (("Rep. Díaz", "Mayor Soto"), ("Sen. Ruiz",), 1)
    assert log_figures(answers=[Answer("denied", D(2019, 4, 2))]).result == "lost"
