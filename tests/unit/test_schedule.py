"""Step 8's organizing plan: the key date, and the calendar of dated events before it."""
import datetime as dt
import itertools

import pytest

from docassemble.notonemore.business_days import is_business_day
from docassemble.notonemore.schedule import CODES, OFFICE_CODES, UPDATES, KeyDate, key_date, plan_calendar

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


# --- the calendar -----------------------------------------------------------------------------

def codes(events, code):
    return [e for e in events if e.code == code]


def check(events, today, key=None):
    """What every calendar keeps: sorted, from today on, office actions on business days, before the key date
    when a business day before it exists."""
    assert [(e.date, CODES.index(e.code), e.n) for e in events] == sorted((e.date, CODES.index(e.code), e.n) for e in events)
    for e in events:
        assert e.date >= today, e
        if e.office:
            assert is_business_day(e.date), e
        if key is not None and e.code != "go_along":
            before = [today + dt.timedelta(days=n) for n in range((key.date - today).days)]
            if any(is_business_day(x) for x in before) or not e.office:
                assert e.date < key.date or e.date == key.date == today or (e.code == "call_in" and e.n > 1), (e, key)
    for code in ("call_in", "follow_up", "detained_week", "media"):
        found = codes(events, code)
        assert [e.n for e in found] == list(range(1, len(found) + 1)), code
        assert len({e.date for e in found}) == len(found), code
    assert all(e.update in UPDATES for e in codes(events, "call_in"))


# every day of two years before 2020, so every holiday and weekend pattern is met
TODAYS = [dt.date(2018, 1, 1) + dt.timedelta(days=n) for n in range(0, 730, 5)]


@pytest.mark.parametrize("level", ["hours", "days", "weeks"])
def test_office_actions_fall_on_business_days_for_any_today(level):
    for today in TODAYS:
        for ahead, kind in ((None, None), (0, "removal"), (1, "check_in"), (3, "hearing"), (9, "removal"), (40, "check_in")):
            key = KeyDate(kind, today + dt.timedelta(days=ahead)) if kind else None
            events = plan_calendar(today, level, key, short_first=level != "weeks", files_stay=True,
                                   stay_filing_date=today + dt.timedelta(days=2), detained=kind == "removal",
                                   detention_date=today - dt.timedelta(days=12),
                                   check_in_date=key.date if kind == "check_in" else None,
                                   hearing_date=key.date if kind == "hearing" else None)
            check(events, today, key)
            assert len(codes(events, "call_in")) >= (2 if level != "weeks" else 1), (today, key)


def test_urgent_cases_send_the_short_request_today_and_the_full_one_within_days():
    monday = dt.date(2019, 3, 4)
    events = plan_calendar(monday, "hours", short_first=True)
    assert [e.code for e in events[:2]] == ["send_short", "petition"] and events[0].date == monday
    assert codes(events, "send_full")[0].date == dt.date(2019, 3, 6)
    follow = codes(events, "follow_up")
    assert [e.date for e in follow] == [dt.date(2019, 3, 7), dt.date(2019, 3, 11)]    # 1 and 3 business days after the full one
    assert "send_request" not in {e.code for e in events}
    # without the short path: one request today, no "full" one
    events = plan_calendar(monday, "weeks")
    assert codes(events, "send_request")[0].date == monday and not codes(events, "send_full")
    # no consent to ICE: nothing to send or follow up
    events = plan_calendar(monday, "days", sends_request=False)
    assert not {"send_request", "send_short", "send_full", "follow_up"} & {e.code for e in events}


@pytest.mark.parametrize("level,gap", [("hours", 1), ("days", 2), ("weeks", 5)])
def test_call_in_days_come_as_often_as_the_urgency_needs(level, gap):
    monday = dt.date(2019, 3, 4)
    days = [e.date for e in codes(plan_calendar(monday, level), "call_in")]
    assert len(days) >= 2
    for first, second in zip(days, days[1:]):
        between = sum(is_business_day(first + dt.timedelta(days=n)) for n in range(1, (second - first).days + 1))
        assert between == gap, (first, second)


def test_call_in_messages_carry_the_newest_fact():
    thursday = dt.date(2019, 3, 7)
    check_in = dt.date(2019, 3, 12)                             # the next Tuesday
    events = plan_calendar(thursday, "days", KeyDate("check_in", check_in), check_in_date=check_in)
    calls = codes(events, "call_in")
    assert [(e.date, e.update, e.days_left) for e in calls] == [
        (dt.date(2019, 3, 8), "key_in", 4), (dt.date(2019, 3, 11), "key_tomorrow", 1)]
    go = codes(events, "go_along")
    assert [(e.date, e.kind) for e in go] == [(check_in, "check_in")] and events[-1].code == "go_along"
    # held: the days in detention, and the days to the hearing
    events = plan_calendar(thursday, "days", KeyDate("hearing", dt.date(2019, 3, 29)), detained=True,
                           detention_date=dt.date(2019, 2, 25), hearing_date=dt.date(2019, 3, 29))
    first = codes(events, "call_in")[0]
    assert (first.update, first.days_held, first.days_left) == ("held_key", 11, 21)
    # the family did not agree to share the dates: the message says how long ICE has had the request
    events = plan_calendar(thursday, "days", KeyDate("hearing", dt.date(2019, 3, 29)), detained=True,
                           detention_date=dt.date(2019, 2, 25), dates_public=False)
    calls = codes(events, "call_in")
    assert {e.update for e in calls} == {"waiting"} and [e.days_waiting for e in calls][:2] == [1, 5]
    assert all(e.days_held is None and e.days_left is None for e in calls)
    assert codes(plan_calendar(thursday, "hours", sends_request=False), "call_in")[0].update == "start"


def test_the_stay_is_filed_on_a_business_day_before_the_removal_date():
    friday = dt.date(2019, 11, 22)
    removal = dt.date(2019, 12, 2)                              # the Monday after Thanksgiving week
    events = plan_calendar(friday, "days", KeyDate("removal", removal), files_stay=True,
                           stay_filing_date=dt.date(2019, 11, 28))   # Thanksgiving: the next business day
    assert codes(events, "file_i246")[0].date == dt.date(2019, 11, 29)
    events = plan_calendar(friday, "days", KeyDate("removal", removal), files_stay=True,
                           stay_filing_date=dt.date(2019, 11, 30))   # Saturday, no business day after before the key
    assert codes(events, "file_i246")[0].date == dt.date(2019, 11, 29)
    events = plan_calendar(friday, "days", KeyDate("removal", removal))
    assert not codes(events, "file_i246")


def test_a_weekend_before_a_monday_key_has_no_business_day_left():
    saturday = dt.date(2019, 3, 9)
    monday = dt.date(2019, 3, 11)
    events = plan_calendar(saturday, "hours", KeyDate("removal", monday))
    assert codes(events, "petition")[0].date == saturday       # the petition does not wait
    calls = codes(events, "call_in")
    # the offices' first hours, the morning of the key date; a second call-in day the day after
    assert all(e.date == monday for e in events if e.office and e is not calls[-1])
    assert [(e.date, e.update) for e in calls] == [(monday, "key_today"), (dt.date(2019, 3, 12), "waiting")]


def test_weekly_follow_up_while_held():
    monday = dt.date(2019, 3, 4)
    weeks = codes(plan_calendar(monday, "days", detained=True, detention_date=dt.date(2019, 2, 25)), "detained_week")
    assert len(weeks) == 6
    assert [e.days_held for e in weeks][:2] == [14, 21] and weeks[-1].date == dt.date(2019, 4, 15)
    # until the key date only
    weeks = codes(plan_calendar(monday, "days", KeyDate("hearing", dt.date(2019, 3, 20)), detained=True), "detained_week")
    assert [e.date for e in weeks] == [dt.date(2019, 3, 11), dt.date(2019, 3, 18)]
    assert not codes(plan_calendar(monday, "days"), "detained_week")


def test_reporters_and_the_protest_come_before_a_far_key_date():
    monday = dt.date(2019, 3, 4)
    removal = dt.date(2019, 5, 3)                               # a Friday
    events = plan_calendar(monday, "weeks", KeyDate("removal", removal))
    assert codes(events, "escalation")[0].date == dt.date(2019, 4, 26)
    assert [e.date for e in codes(events, "media")] == [dt.date(2019, 3, 14), dt.date(2019, 4, 23)]   # early, and again before the protest
    assert codes(events, "call_in")[-1].date == dt.date(2019, 5, 2)    # the business day before
    assert codes(events, "call_in")[-1].update == "key_tomorrow"


def test_unknown_level_or_key_is_refused():
    with pytest.raises(ValueError):
        plan_calendar(MONDAY, "soon")
    with pytest.raises(ValueError):
        plan_calendar(MONDAY, "days", KeyDate("birthday", d(MONDAY, 3)))


def test_events_read_back_as_plain_json():
    event = plan_calendar(dt.date(2019, 3, 4), "hours")[0]
    assert event.as_dict() == {"code": "send_request", "date": "2019-03-04", "n": 0, "kind": "", "update": "",
                               "days_held": None, "days_left": None, "days_waiting": None}


def test_call_in_days_go_on_every_week_up_to_a_far_key_date():
    monday = dt.date(2019, 3, 4)
    hearing = dt.date(2019, 6, 3)                               # 91 days away
    calls = [e.date for e in codes(plan_calendar(monday, "days", KeyDate("hearing", hearing)), "call_in")]
    early = [x for x in calls if x <= monday + dt.timedelta(days=21)]
    assert len(early) >= 7                                     # every other business day for three weeks
    later = [x for x in calls if x > monday + dt.timedelta(days=21)]
    assert all(5 <= (b - a).days <= 10 for a, b in zip(later[:-1], later[1:-1]))   # then about every week, and the eve
    assert calls[-1] == dt.date(2019, 5, 31) and max(b - a for a, b in zip(calls, calls[1:])).days <= 10


def test_a_request_the_case_log_has_as_sent_is_not_planned_again_and_the_wait_counts_from_it():
    monday = dt.date(2019, 3, 4)
    sent = dt.date(2019, 2, 25)                                  # the Monday before, in the case log
    events = plan_calendar(monday, "weeks", requests_sent=[sent], dates_public=False)
    assert not {"send_request", "send_short", "send_full"} & {e.code for e in events}
    # follow-ups 3 and 8 business days after the day it went in, only those still to come
    assert [e.date for e in codes(events, "follow_up")] == [dt.date(2019, 3, 7)]
    first = codes(events, "call_in")[0]
    assert first.update == "waiting" and first.days_waiting == (first.date - sent).days
    # after a short first request, the full one is still due, counted from the short one
    events = plan_calendar(monday, "hours", short_first=True, requests_sent=[dt.date(2019, 3, 1)])
    assert "send_short" not in {e.code for e in events}
    assert [e.date for e in codes(events, "send_full")] == [dt.date(2019, 3, 5)]   # Friday + 2 business days
    # both sent: nothing left to send; a day still to come in the log is not a request sent
    events = plan_calendar(monday, "hours", short_first=True, requests_sent=[dt.date(2019, 3, 1), monday])
    assert not {"send_short", "send_full"} & {e.code for e in events}
    events = plan_calendar(monday, "weeks", requests_sent=[dt.date(2019, 3, 8)])
    assert codes(events, "send_request")[0].date == monday
