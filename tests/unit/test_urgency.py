"""Urgency rules (hours / days / weeks) and the date checks of the intake form."""
import datetime as dt

import pytest

from docassemble.notonemore.ask import CUSTODY_STATUSES
from docassemble.notonemore.urgency import REASONS, assess_urgency, date_problem

TODAY = dt.date(2026, 11, 28)


def d(days):
    """A date ``days`` from TODAY."""
    return TODAY + dt.timedelta(days=days)


# custody status, keyword arguments, level, reasons (in order), deadline
TABLE = [
    ("jail_with_ice_hold", {}, "hours", ("ice_hold",), None),
    ("ice_detention_no_order", {}, "days", ("detained",), None),
    ("final_order", {}, "days", ("final_order",), None),
    ("final_order", {"detained": True}, "days", ("detained", "final_order"), None),
    ("final_order", {"removal_date": d(20)}, "weeks", (), None),
    ("in_proceedings_free", {}, "weeks", (), None),
    ("not_in_proceedings", {}, "weeks", (), None),
    ("in_proceedings_free", {"detained": True}, "weeks", (), None),  # detained only counts with final_order
    # removal date: 0-2 days hours, 3-14 days days, 15 days nothing
    ("final_order", {"removal_date": d(0)}, "hours", ("removal_imminent",), d(0)),
    ("final_order", {"removal_date": d(2)}, "hours", ("removal_imminent",), d(2)),
    ("final_order", {"removal_date": d(3)}, "days", ("removal_soon",), d(3)),
    ("final_order", {"removal_date": d(14)}, "days", ("removal_soon",), d(14)),
    ("final_order", {"removal_date": d(15)}, "weeks", (), None),
    # check-in date, same windows
    ("in_proceedings_free", {"check_in_date": d(0)}, "hours", ("check_in_imminent",), d(0)),
    ("in_proceedings_free", {"check_in_date": d(2)}, "hours", ("check_in_imminent",), d(2)),
    ("in_proceedings_free", {"check_in_date": d(3)}, "days", ("check_in_soon",), d(3)),
    ("in_proceedings_free", {"check_in_date": d(14)}, "days", ("check_in_soon",), d(14)),
    ("in_proceedings_free", {"check_in_date": d(15)}, "weeks", (), None),
    # hearing date: within 14 days is days, never hours
    ("in_proceedings_free", {"hearing_date": d(0)}, "days", ("hearing_soon",), d(0)),
    ("in_proceedings_free", {"hearing_date": d(14)}, "days", ("hearing_soon",), d(14)),
    ("in_proceedings_free", {"hearing_date": d(15)}, "weeks", (), None),
    # transfer
    ("in_proceedings_free", {"transfer_expected": True}, "hours", ("transfer_risk",), None),
    ("ice_detention_no_order", {"transfer_expected": True}, "hours", ("transfer_risk", "detained"), None),
    ("ice_detention_no_order", {"transferred": True}, "days", ("detained", "transferred"), None),
    ("final_order", {"detained": True, "transferred": True, "removal_date": d(30)}, "days",
     ("detained", "transferred"), None),
    # dates in the past are ignored and flagged once
    ("in_proceedings_free", {"check_in_date": d(-1)}, "weeks", ("date_passed",), None),
    ("final_order", {"removal_date": d(-1)}, "days", ("final_order", "date_passed"), None),
    ("in_proceedings_free", {"removal_date": d(-3), "hearing_date": d(-2), "check_in_date": d(-1)},
     "weeks", ("date_passed",), None),
    ("jail_with_ice_hold", {"hearing_date": d(-5)}, "hours", ("ice_hold", "date_passed"), None),
    # the most urgent rule sets the level; every rule is listed, most urgent first
    ("jail_with_ice_hold", {"hearing_date": d(10)}, "hours", ("ice_hold", "hearing_soon"), None),
    ("final_order", {"detained": True, "removal_date": d(1), "check_in_date": d(5), "hearing_date": d(4),
                     "transfer_expected": True},
     "hours", ("removal_imminent", "transfer_risk", "check_in_soon", "detained", "hearing_soon"), d(1)),
    ("final_order", {"removal_date": d(2), "hearing_date": d(1)},
     "hours", ("removal_imminent", "hearing_soon"), d(2)),     # the hearing is nearer but sets no hours
    ("final_order", {"removal_date": d(2), "check_in_date": d(1)},
     "hours", ("removal_imminent", "check_in_imminent"), d(1)),  # nearest of the dates at the level
    ("in_proceedings_free", {"check_in_date": d(9), "hearing_date": d(6)},
     "days", ("check_in_soon", "hearing_soon"), d(6)),
    ("ice_detention_no_order", {"hearing_date": d(30), "check_in_date": d(-1)},
     "days", ("detained", "date_passed"), None),
]


@pytest.mark.parametrize("status,kwargs,level,reasons,deadline", TABLE)
def test_urgency_rules(status, kwargs, level, reasons, deadline):
    result = assess_urgency(status, TODAY, **kwargs)
    assert result.level == level
    assert result.reasons == reasons
    assert result.deadline == deadline
    assert result.bare_bones is (level in ("hours", "days"))


def test_every_reason_and_status_is_tested():
    assert {r for row in TABLE for r in row[3]} == set(REASONS)
    assert {row[0] for row in TABLE} == set(CUSTODY_STATUSES)


def test_datetimes_are_read_as_dates():
    # docassemble's DADateTime is a datetime; comparing one with a date would raise
    now = dt.datetime(2026, 11, 28, 23, 59)
    result = assess_urgency("final_order", now, removal_date=dt.datetime(2026, 11, 30, 0, 1))
    assert (result.level, result.deadline) == ("hours", dt.date(2026, 11, 30))


@pytest.mark.parametrize("status", ["", "detained", None])
def test_unknown_status_is_refused(status):
    with pytest.raises(ValueError):
        assess_urgency(status, TODAY)


LEAP_DAY = dt.date(2028, 2, 29)

# kind, value, today, problem
DATES = [
    ("birth", TODAY, TODAY, None),
    ("birth", d(1), TODAY, "future"),
    ("birth", dt.date(1906, 11, 28), TODAY, None),          # exactly 120 years ago
    ("birth", dt.date(1906, 11, 27), TODAY, "too_old"),
    ("birth", dt.date(1908, 2, 29), LEAP_DAY, None),        # 1908 was a leap year
    ("birth", dt.date(1908, 2, 28), LEAP_DAY, "too_old"),
    ("birth", dt.date(1900, 2, 28), dt.date(2020, 2, 29), None),       # 1900 had no Feb 29: Feb 28
    ("birth", dt.date(1900, 2, 27), dt.date(2020, 2, 29), "too_old"),
    ("birth", dt.date(2000, 2, 29), LEAP_DAY, None),
    ("order", d(1), TODAY, "future"),
    ("order", TODAY, TODAY, None),
    ("entry", d(1), TODAY, "future"),
    ("entry", dt.date(1890, 1, 1), TODAY, None),            # only birth has an age limit
    ("arrest", d(1), TODAY, "future"),
    ("arrest", d(-400), TODAY, None),
    ("removal", d(-1), TODAY, "past"),
    ("removal", TODAY, TODAY, None),
    ("removal", dt.date(2036, 11, 28), TODAY, None),        # exactly 10 years ahead
    ("removal", dt.date(2036, 11, 29), TODAY, "too_far"),
    ("check_in", d(-1), TODAY, "past"),
    ("check_in", d(30), TODAY, None),
    ("check_in", dt.date(2038, 2, 28), LEAP_DAY, None),     # 10 years after Feb 29 is Feb 28
    ("check_in", dt.date(2038, 3, 1), LEAP_DAY, "too_far"),
    ("hearing", d(-1), TODAY, "past"),
    ("hearing", d(365), TODAY, None),
    ("hearing", dt.date(2040, 1, 1), TODAY, "too_far"),
]


@pytest.mark.parametrize("kind,value,today,problem", DATES)
def test_date_problem(kind, value, today, problem):
    assert date_problem(kind, value, today) == problem


def test_date_problem_reads_datetimes():
    assert date_problem("hearing", dt.datetime(2026, 11, 28, 8, 0), dt.datetime(2026, 11, 28, 17, 0)) is None


def test_date_problem_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        date_problem("wedding", TODAY, TODAY)


@pytest.mark.parametrize("kind", ["birth", "removal", "check_in", "hearing", "order", "entry", "arrest"])
def test_a_blank_optional_date_is_no_problem(kind):
    assert date_problem(kind, None, dt.date(2026, 11, 28)) is None


def test_the_dates_each_custody_status_has():
    from docassemble.notonemore.ask import CUSTODY_STATUSES
    from docassemble.notonemore.urgency import dates_that_apply
    assert {status: dates_that_apply(status) for status in CUSTODY_STATUSES} == {
        "jail_with_ice_hold": (), "ice_detention_no_order": ("hearing",), "final_order": ("removal", "check_in"),
        "in_proceedings_free": ("hearing", "check_in"), "not_in_proceedings": ()}
    # a person held by ICE has no check-in to go to
    assert dates_that_apply("final_order", detained=True) == ("removal",)
    assert dates_that_apply("ice_detention_no_order", detained=True) == ("hearing",)
    import pytest
    with pytest.raises(ValueError):
        dates_that_apply("deported")
