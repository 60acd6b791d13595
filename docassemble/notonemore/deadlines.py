"""A case's deadlines: the dates still to come, soonest first, and the next actions they call for.

The dates are the ones the interview asked for the custody status (``urgency.dates_that_apply``):
an immigration court hearing, a removal date, an ICE check-in, the day the stay form (I-246) is
to be filed, and, for a person in a local jail with an ICE hold, when the hold ends.

An ICE hold (Form I-247A) lets a jail keep a person up to 48 hours past the time the jail's own
custody ends, not counting Saturdays, Sundays and federal holidays (DOMAIN.md). ``hold_ends``
counts it precisely: the clock runs only during business days (``business_days.is_business_day``,
whole calendar days), from the release time. Released Friday at 17:00, the hold ends Tuesday at
17:00 (7 hours on Friday, 24 on Monday, 17 on Tuesday); a Monday holiday moves it to Wednesday.
Released on a Saturday, the clock starts Monday at midnight and the hold ends Wednesday at 0:00.

Times are wall-clock times where the person is held: a time zone attached to a value is dropped
(docassemble's dates carry the server's), so a release time and ``now`` compare as the family
reads them. Every function returns codes and dates; the interview's words files word them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from .business_days import add_business_days, is_business_day, previous_business_day
from .urgency import dates_that_apply
from .util import PlainJson, as_date

__all__ = ["HOLD_HOURS", "DEADLINE_CODES", "ACTION_CODES", "DEADLINE_ANSWERS", "Deadline", "CaseEvent", "wall_clock", "hold_ends", "case_deadlines",
           "next_deadline", "time_left", "case_events"]

#: how long an ICE hold may keep a person past release, counted on business days only
HOLD_HOURS = 48
#: the kinds of deadline, in the order a tie on the same day lists them
DEADLINE_CODES: tuple[str, ...] = ("hold_ends", "removal", "check_in", "hearing", "file_stay")
#: the next actions the case's calendar adds to its dates
ACTION_CODES: tuple[str, ...] = ("send_request", "confirm_received", "prepare_check_in", "prepare_hearing", "prepare_removal")
#: business days after the request goes out before calling ICE to confirm it arrived
CONFIRM_AFTER_DAYS = 2

# the answer that holds each dated deadline's day (hold_ends is computed from hold_release_at)
_ANSWERS: dict[str, str] = {"removal": "removal_date", "check_in": "check_in_date", "hearing": "hearing_date",
                            "file_stay": "i246_filing_date"}


#: every answer ``case_deadlines`` reads (the interview hands over those that are defined)
DEADLINE_ANSWERS: tuple[str, ...] = ("custody_status", "client_detained", "hold_release_at", *_ANSWERS.values())


@dataclass(frozen=True)
class Deadline(PlainJson):
    """A date still to come: its kind (``DEADLINE_CODES``), its day, and its time when known."""

    code: str                         # "hold_ends", "removal", "check_in", "hearing", "file_stay"
    day: _dt.date
    at: Optional[_dt.datetime]        # with the hour when known


@dataclass(frozen=True)
class CaseEvent(PlainJson):
    """One entry of the case's calendar: a deadline (``kind`` "deadline", ``code`` of ``DEADLINE_CODES``) or
    an action to take (``kind`` "action", ``code`` of ``ACTION_CODES``), on ``day``, at ``at`` when timed."""

    kind: str
    code: str
    day: _dt.date
    at: Optional[_dt.datetime] = None


def wall_clock(value: Any) -> Optional[_dt.datetime]:
    """A naive wall-clock ``datetime`` from a DADateTime, a datetime or an ISO string; None for a blank,
    a plain date (no hour) or a string without a time."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, str) and len(value.strip()) > 10:
        return _dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    if isinstance(value, (str, _dt.date)):
        return None
    raise TypeError(f"not a date and time: {value!r}")


def hold_ends(released: _dt.datetime, hours: int = HOLD_HOURS) -> _dt.datetime:
    """When an ICE hold ends: ``hours`` after ``released``, counting only time on business days.

    >>> hold_ends(_dt.datetime(2019, 11, 22, 17, 0))   # a Friday: Saturday and Sunday do not count
    datetime.datetime(2019, 11, 26, 17, 0)
    """
    moment = released.replace(tzinfo=None)
    left = _dt.timedelta(hours=hours)
    while left > _dt.timedelta(0):
        midnight = _dt.datetime.combine(moment.date() + _dt.timedelta(days=1), _dt.time())
        if is_business_day(moment.date()):
            step = min(left, midnight - moment)
            left -= step
            moment += step
        else:
            moment = midnight
    return moment


def _detained(answers: Mapping[str, Any]) -> bool:
    status = answers.get("custody_status")
    return status in ("jail_with_ice_hold", "ice_detention_no_order") or bool(
        status == "final_order" and answers.get("client_detained"))


def _applies(code: str, answers: Mapping[str, Any]) -> bool:
    status = answers.get("custody_status")
    if code == "hold_ends":
        return status == "jail_with_ice_hold"
    if code == "file_stay":
        return status == "final_order"
    return code in dates_that_apply(status, _detained(answers))


def case_deadlines(answers: Mapping[str, Any], now: _dt.datetime) -> list[Deadline]:
    """Dates still to come (today included), soonest first, from plain answers keyed by the interview's
    variable names (custody_status, removal_date, check_in_date, hearing_date, hold_release_at,
    i246_filing_date, client_detained), values as docassemble stores them (DADateTime, date, datetime,
    ISO strings). Only the dates that apply to the custody status count; a blank or missing one is skipped.

    >>> case_deadlines({"custody_status": "final_order", "removal_date": "2019-03-08"},
    ...                _dt.datetime(2019, 3, 1, 9)) == [Deadline("removal", _dt.date(2019, 3, 8), None)]
    True
    """
    status = answers.get("custody_status")
    if status is None:
        return []
    today = now.date()
    found: list[Deadline] = []
    if _applies("hold_ends", answers):
        released = wall_clock(answers.get("hold_release_at"))
        if released is not None:
            end = hold_ends(released)
            found.append(Deadline("hold_ends", end.date(), end))
    for code, name in _ANSWERS.items():
        day = as_date(answers.get(name)) if _applies(code, answers) else None
        if day is not None:
            found.append(Deadline(code, day, None))
    return sorted((d for d in found if d.day >= today),
                  key=lambda d: (d.day, d.at or _dt.datetime.combine(d.day, _dt.time()), DEADLINE_CODES.index(d.code)))


def next_deadline(answers: Mapping[str, Any], now: _dt.datetime) -> Optional[Deadline]:
    """The soonest of ``case_deadlines``, or None."""
    return next(iter(case_deadlines(answers, now)), None)


def time_left(deadline: Deadline, now: _dt.datetime) -> tuple[str, int]:
    """How long until ``deadline``, as a code of the words files' ``left`` and a count: in hours when it has
    a time less than two days away ("now" once the time has passed, "hour", "hours"), else in calendar days
    ("today", "day" for tomorrow, "days").

    >>> time_left(Deadline("hold_ends", _dt.date(2019, 3, 2), _dt.datetime(2019, 3, 2, 17)), _dt.datetime(2019, 3, 1, 9))
    ('hours', 32)
    """
    now = now.replace(tzinfo=None)
    if deadline.at is not None and deadline.at - now < _dt.timedelta(days=2):
        hours = int((deadline.at - now).total_seconds() // 3600)
        return ("now", 0) if deadline.at <= now else ("hour", 1) if hours <= 1 else ("hours", hours)
    days = max(0, (deadline.day - now.date()).days)
    return ("today", 0) if days == 0 else ("day", 1) if days == 1 else ("days", days)


def case_events(answers: Mapping[str, Any], now: _dt.datetime, *, sends_request: bool) -> list[CaseEvent]:
    """The case's calendar: each deadline, and the actions it calls for, soonest first.

    ``sends_request``: the request to ICE goes out (``documents.sends_ice_letter``); then "send_request"
    today and "confirm_received" ``CONFIRM_AFTER_DAYS`` business days later. The day before a check-in,
    a hearing or a removal date (the business day before, for the removal: offices are open) is its
    preparation; a stay's filing day is its own deadline.
    """
    today = now.date()
    events: list[CaseEvent] = []
    if sends_request:
        events.append(CaseEvent("action", "send_request", today))
        events.append(CaseEvent("action", "confirm_received", add_business_days(today, CONFIRM_AFTER_DAYS)))
    for deadline in case_deadlines(answers, now):
        events.append(CaseEvent("deadline", deadline.code, deadline.day, deadline.at))
        if deadline.code in ("check_in", "hearing"):
            before = deadline.day - _dt.timedelta(days=1)
        elif deadline.code == "removal":
            before = previous_business_day(deadline.day, include=False)
        else:
            continue
        if before >= today:
            events.append(CaseEvent("action", "prepare_" + deadline.code, before))
    order = ("action", "deadline")
    return sorted(events, key=lambda e: (e.day, e.at or _dt.datetime.combine(e.day, _dt.time()), order.index(e.kind),
                                         (ACTION_CODES if e.kind == "action" else DEADLINE_CODES).index(e.code)))
