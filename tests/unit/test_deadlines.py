"""deadlines.py: an ICE hold's 48 business hours, a case's dates by custody status, its calendar's events."""
from __future__ import annotations

import datetime as dt

import pytest

from docassemble.notonemore.deadlines import (Deadline, wall_clock, case_deadlines, case_events, hold_ends,
                                              next_deadline, time_left)
from docassemble.notonemore.urgency import assess_urgency

D, T = dt.date, dt.datetime


@pytest.mark.parametrize("released, ends", [
    (T(2019, 11, 22, 17, 0), T(2019, 11, 26, 17, 0)),    # Friday 5 pm -> Tuesday 5 pm (7 + 24 + 17 hours)
    (T(2019, 11, 19, 9, 30), T(2019, 11, 21, 9, 30)),    # Tuesday -> Thursday, nothing skipped
    (T(2019, 8, 30, 17, 0), T(2019, 9, 4, 17, 0)),       # Friday before Labor Day (a Monday): Wednesday
    (T(2019, 11, 27, 12, 0), T(2019, 12, 2, 12, 0)),     # Wednesday before Thanksgiving: Thursday and the weekend skipped
    (T(2019, 11, 23, 10, 0), T(2019, 11, 27, 0, 0)),     # released on a Saturday: the clock starts Monday at midnight
    (T(2019, 11, 25, 0, 0), T(2019, 11, 27, 0, 0)),      # Monday at midnight: two whole days
    (T(2019, 7, 3, 20, 0), T(2019, 7, 8, 20, 0)),        # Wednesday 8 pm: 4 hours, July 4 and the weekend skipped, 24 + 20
])
def test_hold_ends_counts_only_business_hours(released, ends):
    assert hold_ends(released) == ends


def test_hold_ends_drops_the_time_zone_and_keeps_the_wall_clock():
    released = T(2019, 11, 22, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    assert hold_ends(released) == T(2019, 11, 26, 17, 0)


def test_wall_clock_takes_what_docassemble_stores():
    assert wall_clock("2019-11-22T17:00:00") == T(2019, 11, 22, 17, 0)
    assert wall_clock("2019-11-22 17:00") == T(2019, 11, 22, 17, 0)
    assert wall_clock(T(2019, 11, 22, 17, 0, tzinfo=dt.timezone.utc)) == T(2019, 11, 22, 17, 0)
    assert wall_clock("") is None and wall_clock(None) is None
    assert wall_clock("2019-11-22") is None and wall_clock(D(2019, 11, 22)) is None   # a day, no hour


NOW = T(2019, 11, 21, 10, 0)   # a Thursday


def test_an_ice_hold_has_its_end_with_the_hour():
    answers = {"custody_status": "jail_with_ice_hold", "hold_release_at": "2019-11-22T17:00",
               # dates a jail case is not asked: never counted
               "removal_date": "2019-11-23", "hearing_date": "2019-11-24", "check_in_date": "2019-11-25"}
    assert case_deadlines(answers, NOW) == [Deadline("hold_ends", D(2019, 11, 26), T(2019, 11, 26, 17, 0))]
    assert next_deadline(answers, NOW).at == T(2019, 11, 26, 17, 0)


def test_an_ice_hold_with_an_unknown_release_time_has_no_deadline():
    assert case_deadlines({"custody_status": "jail_with_ice_hold", "hold_release_at": ""}, NOW) == []
    assert case_deadlines({"custody_status": "jail_with_ice_hold"}, NOW) == []
    assert next_deadline({"custody_status": "jail_with_ice_hold"}, NOW) is None


def test_only_the_dates_of_the_custody_status_count_soonest_first():
    base = {"removal_date": "2019-12-20", "check_in_date": "2019-12-02", "hearing_date": "2019-11-29",
            "i246_filing_date": "2019-11-25", "hold_release_at": "2019-11-22T17:00"}
    codes = lambda status, **more: [d.code for d in case_deadlines({**base, "custody_status": status, **more}, NOW)]
    assert codes("final_order", client_detained=False) == ["file_stay", "check_in", "removal"]
    assert codes("final_order", client_detained=True) == ["file_stay", "removal"]   # held: no check-in
    assert codes("in_proceedings_free") == ["hearing", "check_in"]
    assert codes("ice_detention_no_order") == ["hearing"]
    assert codes("not_in_proceedings") == []
    assert case_deadlines({}, NOW) == []


def test_past_dates_drop_and_today_stays():
    answers = {"custody_status": "in_proceedings_free", "hearing_date": "2019-11-20", "check_in_date": D(2019, 11, 21)}
    assert case_deadlines(answers, NOW) == [Deadline("check_in", D(2019, 11, 21), None)]
    # a DADateTime-like value (a datetime) is taken as its day
    answers = {"custody_status": "in_proceedings_free", "hearing_date": T(2019, 12, 3, 0, 0, tzinfo=dt.timezone.utc)}
    assert case_deadlines(answers, NOW)[0].day == D(2019, 12, 3)


def test_time_left_in_hours_near_a_timed_deadline_else_in_days():
    hold = Deadline("hold_ends", D(2019, 11, 22), T(2019, 11, 22, 17, 0))
    assert time_left(hold, NOW) == ("hours", 31)
    assert time_left(hold, T(2019, 11, 22, 16, 10)) == ("hour", 1)
    assert time_left(hold, T(2019, 11, 22, 17, 0)) == ("now", 0)
    assert time_left(hold, T(2019, 11, 22, 18, 0)) == ("now", 0)
    assert time_left(Deadline("hold_ends", D(2019, 11, 26), T(2019, 11, 26, 17, 0)), NOW) == ("days", 5)
    assert time_left(Deadline("removal", D(2019, 11, 21), None), NOW) == ("today", 0)
    assert time_left(Deadline("removal", D(2019, 11, 22), None), NOW) == ("day", 1)
    assert time_left(Deadline("removal", D(2019, 12, 1), None), NOW) == ("days", 10)


def test_the_calendar_has_the_actions_before_each_date():
    answers = {"custody_status": "final_order", "client_detained": False, "removal_date": "2019-12-02",
               "check_in_date": "2019-11-26", "i246_filing_date": "2019-11-22"}
    events = [(e.kind, e.code, e.day) for e in case_events(answers, NOW, sends_request=True)]
    assert events == [
        ("action", "send_request", D(2019, 11, 21)),
        ("deadline", "file_stay", D(2019, 11, 22)),
        ("action", "confirm_received", D(2019, 11, 25)),      # two business days after Thursday: Monday
        ("action", "prepare_check_in", D(2019, 11, 25)),
        ("deadline", "check_in", D(2019, 11, 26)),
        ("action", "prepare_removal", D(2019, 11, 29)),      # the business day before a Monday removal
        ("deadline", "removal", D(2019, 12, 2)),
    ]
    assert [e.code for e in case_events(answers, NOW, sends_request=False)][0] == "file_stay"


def test_a_preparation_day_already_passed_is_left_out():
    answers = {"custody_status": "in_proceedings_free", "hearing_date": "2019-11-21"}
    assert [e.code for e in case_events(answers, NOW, sends_request=False)] == ["hearing"]


def test_the_hold_is_the_urgency_deadline_when_its_end_is_known():
    today = D(2019, 11, 21)
    assert assess_urgency("jail_with_ice_hold", today, hold_ends=D(2019, 11, 26)).deadline == D(2019, 11, 26)
    assert assess_urgency("jail_with_ice_hold", today).deadline is None
    passed = assess_urgency("jail_with_ice_hold", today, hold_ends=D(2019, 11, 19))
    assert passed.deadline is None and passed.level == "hours" and "date_passed" in passed.reasons


def test_the_examples_in_the_docstrings_hold():
    import doctest
    from docassemble.notonemore import deadlines
    assert doctest.testmod(deadlines).failed == 0
