"""Step 8's organizing plan as the campaign's calendar: dated events from today, the urgency and the case's dates.

The campaign works toward one *key date*: the first of the removal date, the next ICE
check-in and the next hearing that is still to come. The calendar sends the request (the
short one first when the case is urgent) and follows it up, files the stay form (Form I-246)
for a stay, goes with the person to each check-in or hearing, holds call-in days as often as
the urgency needs (each with the newest fact to say), reaches reporters and steps up the
pressure before the key date, and follows up every week while the person is held.

Office actions (``OFFICE_CODES``: calls, the filing, reporters, a protest at an office) fall
on business days (business_days.py: no weekend, no federal holiday); one that cannot fall on
a business day before the key date moves to the business day before, or, when there is none
from today on, to the first one after. Functions return stable codes, dates and numbers;
the organizing plan's DOCX and the words files word them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional, Sequence

from .business_days import add_business_days, is_business_day, next_business_day, previous_business_day
from .urgency import LEVELS
from .util import PlainJson

__all__ = ["KEY_KINDS", "CODES", "OFFICE_CODES", "UPDATES", "KeyDate", "PlanEvent", "key_date", "plan_calendar"]

#: The dates a campaign can work toward, in the order that wins a tie.
KEY_KINDS: tuple[str, ...] = ("removal", "check_in", "hearing")
#: The calendar's events, in the order they are taken when two fall on the same day.
CODES: tuple[str, ...] = (
    "send_short", "send_request", "send_full", "file_i246", "go_along", "petition", "allies", "officials",
    "call_in", "media", "follow_up", "detained_week", "escalation",
)
#: Events that need an office open: on business days only.
OFFICE_CODES: frozenset[str] = frozenset(
    {"file_i246", "officials", "call_in", "media", "follow_up", "detained_week", "escalation"})
#: The newest fact a call-in day's message carries, most pressing first.
UPDATES: tuple[str, ...] = ("key_today", "key_tomorrow", "held_key", "held", "key_in", "waiting", "start")

_DAY = _dt.timedelta(days=1)
#: By urgency level (hours, days, weeks): business days from the short request to the full one.
FULL_REQUEST_AFTER = {"hours": 2, "days": 3, "weeks": 5}
#: Business days after the request is sent that the field office is called about it.
FOLLOW_UP_AFTER = {"hours": (1, 3), "days": (2, 5), "weeks": (3, 8)}
#: Business days from today to the first call-in day, and between two call-in days.
CALL_IN_START = {"hours": 0, "days": 1, "weeks": 2}
CALL_IN_EVERY = {"hours": 1, "days": 2, "weeks": 5}
#: Days after today that allies, officials, reporters and a protest would ideally come.
ALLIES_AFTER = {"hours": 0, "days": 1, "weeks": 3}
MEDIA_AFTER = {"hours": 1, "days": 3, "weeks": 10}
ESCALATION_AFTER = {"hours": 2, "days": 6, "weeks": 21}
#: How long call-in days keep the urgency's pace (then they come every week up to the key date), and how far
#: ahead they are planned without a key date.
HORIZON_DAYS = {"hours": 7, "days": 21, "weeks": 42}
#: Urgent cases hold at least this many call-in days.
MIN_CALL_INS = {"hours": 2, "days": 2, "weeks": 1}
#: When the key date is far off, the protest comes this many days before it, reporters this many before that.
ESCALATION_LEAD_DAYS = 7
MEDIA_LEAD_DAYS = 3
#: Reporters are called a second time, before the protest, when the first call was this many days earlier.
MEDIA_AGAIN_DAYS = 7
#: Weeks of follow-up while the person is held, when no key date ends them sooner.
DETAINED_WEEKS = 6


@dataclass(frozen=True)
class KeyDate(PlainJson):
    """The date the campaign works toward: ``kind`` is one of ``KEY_KINDS``."""

    kind: str
    date: _dt.date


def _plain(value: Optional[_dt.date]) -> Optional[_dt.date]:
    # A datetime (docassemble's DADateTime is one) cannot be compared with a date: drop the time.
    return value.date() if isinstance(value, _dt.datetime) else value


def key_date(today: _dt.date, *, removal_date: Optional[_dt.date] = None,
             check_in_date: Optional[_dt.date] = None,
             hearing_date: Optional[_dt.date] = None) -> Optional[KeyDate]:
    """The first of the given dates that is today or later; None when there is none.

    >>> key_date(_dt.date(2027, 1, 4), removal_date=_dt.date(2027, 1, 20)).kind
    'removal'
    """
    today = _plain(today)
    found = [KeyDate(kind, _plain(day)) for kind, day in
             (("removal", removal_date), ("check_in", check_in_date), ("hearing", hearing_date))
             if day is not None and _plain(day) >= today]
    return min(found, key=lambda k: (k.date, KEY_KINDS.index(k.kind)), default=None)


@dataclass(frozen=True)
class PlanEvent(PlainJson):
    """One dated event of the calendar.

    ``code`` is one of ``CODES``; ``n`` counts events of the same code (call-in day 2, the
    second follow-up call, week 3 of detention); ``kind`` is what ``go_along`` goes to
    (``check_in`` or ``hearing``); a call-in day's ``update`` (one of ``UPDATES``) names the
    newest fact to say, with the numbers it needs: ``days_held`` (since the detention),
    ``days_left`` (to the key date) and ``days_waiting`` (since the request went in).
    """

    code: str
    date: _dt.date
    n: int = 0
    kind: str = ""
    update: str = ""
    days_held: Optional[int] = None
    days_left: Optional[int] = None
    days_waiting: Optional[int] = None

    @property
    def office(self) -> bool:
        """The event needs an office open (it falls on a business day)."""
        return self.code in OFFICE_CODES


def _office_day(day: _dt.date, first: _dt.date, last: Optional[_dt.date]) -> _dt.date:
    """``day`` kept between ``first`` and ``last`` and moved to a business day: the next one if it
    is not after ``last``, else the one before if it is not before ``first``, else the next one."""
    day = max(min(day, last), first) if last is not None else max(day, first)
    after = next_business_day(day)
    if last is None or after <= last:
        return after
    before = previous_business_day(day)
    return before if before >= first else after


def _any_day(day: _dt.date, first: _dt.date, last: Optional[_dt.date]) -> _dt.date:
    return max(min(day, last), first) if last is not None else max(day, first)


def _update(day: _dt.date, key: Optional[KeyDate], detained_since: Optional[_dt.date],
            sent: Optional[_dt.date]) -> dict:
    """The newest fact for a call-in day on ``day``: its ``UPDATES`` code and numbers."""
    left = (key.date - day).days if key is not None and key.date >= day else None
    held = (day - detained_since).days if detained_since is not None and detained_since <= day else None
    waiting = (day - sent).days if sent is not None and sent < day else None
    if left == 0:
        code = "key_today"
    elif left == 1:
        code = "key_tomorrow"
    elif held is not None:
        code = "held_key" if left is not None else "held"
    elif left is not None:
        code = "key_in"
    elif waiting is not None:
        code = "waiting"
    else:
        code = "start"
    return {"update": code, "days_held": held, "days_left": left, "days_waiting": waiting}


def plan_calendar(today: _dt.date, level: str, key: Optional[KeyDate] = None, *,
                  sends_request: bool = True, short_first: bool = False, files_stay: bool = False,
                  stay_filing_date: Optional[_dt.date] = None, check_in_date: Optional[_dt.date] = None,
                  hearing_date: Optional[_dt.date] = None, detained: bool = False,
                  detention_date: Optional[_dt.date] = None, dates_public: bool = True,
                  requests_sent: Sequence[_dt.date] = ()) -> list[PlanEvent]:
    """The campaign's calendar, sorted by date (ties in ``CODES`` order, then ``n``).

    ``level`` is the case's urgency (``hours``, ``days``, ``weeks``); ``key`` the date the
    campaign works toward (``key_date``). ``sends_request``: the request to ICE goes out
    (``short_first``: the short request today, the full one within days); ``files_stay``: the
    stay form is filed, on ``stay_filing_date`` (or the first business day); ``check_in_date``
    and ``hearing_date``: the dates still to come that apply (each gets a ``go_along``);
    ``detained`` since ``detention_date``: a follow-up every week. Call-in days keep the
    urgency's pace (``CALL_IN_EVERY``) for ``HORIZON_DAYS``, then come every week up to the key
    date, and always on the last business day before it. Without ``dates_public``
    (the family did not agree to share the case's dates) no call-in message carries the
    key date or the days held. ``requests_sent``: the days the case log has a request going to
    ICE; the plan then sends nothing already sent (after a short first request, the full one is
    still due), follows up from the latest, and counts ICE's wait from the first.

    >>> [e.code for e in plan_calendar(_dt.date(2019, 1, 7), "hours")][:3]
    ['send_request', 'petition', 'allies']
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if key is not None and key.kind not in KEY_KINDS:
        raise ValueError(f"key kind must be one of {KEY_KINDS}, not {key.kind!r}")
    today = _plain(today)
    key = KeyDate(key.kind, _plain(key.date)) if key is not None else None
    last = max(today, key.date - _DAY) if key is not None else None      # the last day before the key date
    horizon = today + _dt.timedelta(days=HORIZON_DAYS[level])
    series_end = min(last, horizon) if last is not None else horizon
    detained_since = _plain(detention_date) if detained else None
    events: list[PlanEvent] = []

    def add(code: str, day: _dt.date, **values) -> None:
        events.append(PlanEvent(code, day, **values))

    # the request to ICE, and the calls that follow it up
    sent = None
    logged = sorted(_plain(day) for day in requests_sent if _plain(day) <= today)
    if sends_request and logged:
        sent = logged[-1]
        if short_first and len(logged) == 1:
            sent = _any_day(add_business_days(logged[0], FULL_REQUEST_AFTER[level]), today, last)
            add("send_full", sent)
        calls = sorted({_office_day(add_business_days(sent, after), today, last) for after in FOLLOW_UP_AFTER[level]
                        if add_business_days(sent, after) >= today})
        for n, day in enumerate(calls, start=1):
            add("follow_up", day, n=n)
    elif sends_request:
        if short_first:
            add("send_short", today)
            sent = _any_day(add_business_days(today, FULL_REQUEST_AFTER[level]), today, last)
            add("send_full", sent)
        else:
            sent = today
            add("send_request", today)
        calls = sorted({_office_day(add_business_days(sent, after), today, last) for after in FOLLOW_UP_AFTER[level]})
        for n, day in enumerate(calls, start=1):
            add("follow_up", day, n=n)
    if files_stay:
        add("file_i246", _office_day(_plain(stay_filing_date) or today, today, last))
    # the petition and the people who join it
    add("petition", today)
    add("allies", _any_day(today + _dt.timedelta(days=ALLIES_AFTER[level]), today, last))
    add("officials", _office_day(today + _dt.timedelta(days=ALLIES_AFTER[level]), today, last))
    # going along to each check-in and hearing still to come
    for kind, day in (("check_in", check_in_date), ("hearing", hearing_date)):
        if day is not None and _plain(day) >= today:
            add("go_along", _plain(day), kind=kind)
    # call-in days: as often as the urgency needs, the last business day before the key date too
    public_key = key if dates_public else None
    public_since = detained_since if dates_public else None
    days = []
    start = CALL_IN_START[level]
    day = add_business_days(today, start) if start else next_business_day(today)
    while day <= series_end:
        days.append(day)
        day = add_business_days(day, CALL_IN_EVERY[level])
    while last is not None and day <= last:                    # past the first weeks: every week up to the key date
        days.append(day)
        day = add_business_days(day, CALL_IN_EVERY["weeks"])
    if key is not None and key.date > today:
        eve = previous_business_day(key.date, include=False)
        if eve >= today and eve not in days:
            days.append(eve)
    day = max(days, default=None) or next_business_day(today)
    while len(days) < MIN_CALL_INS[level]:
        if day not in days:
            days.append(day)
        day = next_business_day(day, include=False)
    for n, day in enumerate(sorted(days), start=1):
        add("call_in", day, n=n, **_update(day, public_key, public_since,
                                           (logged[0] if logged else today) if sends_request else None))
    # reporters and a protest before the key date
    media = today + _dt.timedelta(days=MEDIA_AFTER[level])
    escalation = today + _dt.timedelta(days=ESCALATION_AFTER[level])
    if key is not None:
        escalation = max(escalation, key.date - _dt.timedelta(days=ESCALATION_LEAD_DAYS))
    media_days = [_office_day(min(media, escalation), today, last)]
    again = _office_day(escalation - _dt.timedelta(days=MEDIA_LEAD_DAYS), today, last)
    if key is not None and (again - media_days[0]).days >= MEDIA_AGAIN_DAYS:
        media_days.append(again)                                # reporters again, before the protest
    for n, day in enumerate(media_days, start=1):
        add("media", day, n=n)
    add("escalation", _office_day(escalation, today, last))
    # every week while the person is held
    if detained:
        weeks_end = last if last is not None else today + _dt.timedelta(weeks=DETAINED_WEEKS)
        seen: set[_dt.date] = set()
        for week in range(1, DETAINED_WEEKS + 1):
            day = today + _dt.timedelta(weeks=week)
            if day > weeks_end:
                break
            day = _office_day(day, today, last)
            if day not in seen:
                seen.add(day)
                held = (day - detained_since).days if detained_since is not None and detained_since <= day else None
                add("detained_week", day, n=len(seen), days_held=held)
    return sorted(events, key=lambda e: (e.date, CODES.index(e.code), e.n))
