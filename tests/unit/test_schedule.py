"""Step 8's organizing plan: the key date and a date for each step, before the key date."""
import datetime as dt
import itertools

import pytest

from docassemble.notonemore.schedule import IDEAL_DAYS, STEPS, KeyDate, key_date, plan_dates

MONDAY = dt.date(2026, 11, 30)
SATURDAY = dt.date(2026, 11, 28)


def d(start, days):
    return start + dt.timedelta(days=days)


def by_code(steps):
    return {s.code: s.date for s in steps}


# --- the key date ----------------------------------------------------------------------

def test_no_dates_no_key():
    assert key_date(MONDAY) is None


def test_the_removal_date_is_the_key():
    assert key_date(MONDAY, removal_date=d(MONDAY, 20)) == KeyDate("removal", d(MONDAY, 20))


def test_the_first_date_to_come_wins():
    key = key_date(MONDAY, removal_date=d(MONDAY, 20), check_in_date=d(MONDAY, 5), hearing_date=d(MONDAY, 40))
    assert key == KeyDate("check_in", d(MONDAY, 5))


def test_a_tie_goes_to_the_removal_date():
    assert key_date(MONDAY, removal_date=d(MONDAY, 5), hearing_date=d(MONDAY, 5)).kind == "removal"


def test_a_passed_date_is_not_a_key():
    assert key_date(MONDAY, removal_date=d(MONDAY, -1)) is None
    assert key_date(MONDAY, removal_date=d(MONDAY, -1), hearing_date=d(MONDAY, 9)) == KeyDate("hearing", d(MONDAY, 9))


def test_today_is_a_key():
    assert key_date(MONDAY, removal_date=MONDAY) == KeyDate("removal", MONDAY)


def test_datetimes_are_taken_as_dates():
    key = key_date(dt.datetime(2026, 11, 30, 15, 0), removal_date=dt.datetime(2026, 12, 9, 8, 0))
    assert key == KeyDate("removal", dt.date(2026, 12, 9))


# --- the plan without a key date ----------------------------------------------------------

@pytest.mark.parametrize("level,column", [("hours", 0), ("days", 1), ("weeks", 2)])
def test_no_removal_date_follows_the_urgency(level, column):
    steps = plan_dates(MONDAY, level)
    assert steps[0].code == "petition" and steps[0].date == MONDAY     # the petition goes out today
    assert sorted(s.code for s in steps) == sorted(STEPS)    # every step, once
    dates = by_code(steps)
    for code in STEPS:                                      # Monday start: no weekend moves needed
        ideal = d(MONDAY, IDEAL_DAYS[code][column])
        if ideal.weekday() < 5 or code not in ("officials", "call_in_day", "media", "follow_up"):
            assert dates[code] == ideal, code


def test_a_more_urgent_case_acts_sooner():
    hours, days, weeks = (by_code(plan_dates(MONDAY, level)) for level in ("hours", "days", "weeks"))
    for code in STEPS:
        assert hours[code] <= days[code] <= weeks[code], code
    assert hours["escalation"] < weeks["escalation"]


def test_the_plan_is_sorted_by_date():
    steps = plan_dates(SATURDAY, "weeks")
    assert [s.date for s in steps] == sorted(s.date for s in steps)


def test_calls_and_reporters_move_off_the_weekend():
    dates = by_code(plan_dates(SATURDAY, "hours"))          # ideal call-in day: Sunday
    assert dates["petition"] == SATURDAY                     # the petition does not wait
    assert dates["call_in_day"] == MONDAY and dates["media"] == MONDAY
    assert all(dates[code].weekday() < 5 for code in ("officials", "call_in_day", "media", "follow_up"))


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        plan_dates(MONDAY, "soon")
    with pytest.raises(ValueError):
        plan_dates(MONDAY, "days", KeyDate("birthday", d(MONDAY, 3)))


# --- the plan before a key date -------------------------------------------------------------

def test_everything_comes_before_a_removal_date_in_five_days():
    removal = d(MONDAY, 5)                                   # Saturday
    steps = plan_dates(MONDAY, "days", KeyDate("removal", removal))
    assert all(MONDAY <= s.date < removal for s in steps)
    dates = by_code(steps)
    assert dates["escalation"] == d(removal, -1)             # the last day before it
    assert dates["follow_up"] == d(MONDAY, 4)                # the Friday before, not the Saturday


def test_a_far_removal_date_keeps_the_escalation_near_it():
    removal = d(MONDAY, 60)
    dates = by_code(plan_dates(MONDAY, "weeks", KeyDate("removal", removal)))
    assert dates["escalation"] == d(removal, -7)
    assert dates["call_in_day"] == d(MONDAY, 7)              # the rest keeps its pace
    assert max(dates.values()) < removal


def test_a_removal_date_tomorrow_puts_everything_today():
    steps = plan_dates(MONDAY, "hours", KeyDate("removal", d(MONDAY, 1)))
    assert {s.date for s in steps} == {MONDAY}
    assert [s.code for s in steps] == list(STEPS)            # same day: the order of STEPS


def test_a_removal_date_today_cannot_be_beaten():
    steps = plan_dates(MONDAY, "hours", KeyDate("removal", MONDAY))
    assert {s.date for s in steps} == {MONDAY}


def test_a_weekend_step_before_a_monday_removal_moves_back_to_friday():
    friday = d(MONDAY, -3)
    dates = by_code(plan_dates(friday, "days", KeyDate("removal", MONDAY)))
    assert dates["call_in_day"] == friday                    # Sunday is too late and not a weekday
    assert dates["escalation"] == d(MONDAY, -1)              # a vigil can be on Sunday


@pytest.mark.parametrize("level", ["hours", "days", "weeks"])
@pytest.mark.parametrize("start_offset", range(7))
def test_every_date_is_today_or_later_and_before_the_key(level, start_offset):
    today = d(MONDAY, start_offset)
    for days_ahead, kind in itertools.product(range(0, 70, 3), ("removal", "check_in", "hearing")):
        key = KeyDate(kind, d(today, days_ahead))
        for step in plan_dates(today, level, key):
            assert today <= step.date, (step, key)
            assert step.date < key.date or step.date == key.date == today, (step, key)
