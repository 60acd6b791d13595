"""Step 8's organizing plan: a date for each action, from today, the urgency and the case's dates.

The campaign works toward one *key date*: the first of the removal date, the next ICE
check-in and the next hearing that is still to come. Every step of the plan falls before
it (on it only when it is today), so the pressure peaks before ICE acts. Without a key
date the plan is spread over a time that fits the urgency. Functions return stable codes
and dates; the interview's YAML words them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from .urgency import LEVELS
from .util import PlainJson

__all__ = ["STEPS", "KEY_KINDS", "IDEAL_DAYS", "KeyDate", "PlanStep", "key_date", "plan_dates"]

#: The plan's steps, in the order they are taken when two fall on the same day.
STEPS: tuple[str, ...] = ("petition", "allies", "officials", "call_in_day", "media", "escalation", "follow_up")
#: The dates a campaign can work toward, in the order that wins a tie.
KEY_KINDS: tuple[str, ...] = ("removal", "check_in", "hearing")

#: Days after today each step would ideally happen, by urgency level (hours, days, weeks).
IDEAL_DAYS: dict[str, tuple[int, int, int]] = {
    "petition": (0, 0, 0),
    "allies": (0, 1, 3),
    "officials": (0, 1, 3),
    "call_in_day": (1, 2, 7),
    "media": (1, 3, 10),
    "escalation": (2, 6, 21),
    "follow_up": (3, 10, 28),
}
#: Steps that need offices open (calls, reporters): Monday to Friday when the dates allow.
WEEKDAY_STEPS: frozenset[str] = frozenset({"officials", "call_in_day", "media", "follow_up"})
#: When the key date is far off, escalation comes this many days before it.
ESCALATION_LEAD_DAYS = 7


@dataclass(frozen=True)
class KeyDate(PlainJson):
    """The date the campaign works toward: ``kind`` is one of ``KEY_KINDS``."""

    kind: str
    date: _dt.date


@dataclass(frozen=True)
class PlanStep(PlainJson):
    """One action of the plan: ``code`` is one of ``STEPS``."""

    code: str
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


def _is_weekday(day: _dt.date) -> bool:
    return day.weekday() < 5


def _fit(day: _dt.date, first: _dt.date, last: Optional[_dt.date], weekday: bool) -> _dt.date:
    """``day`` kept between ``first`` and ``last``; moved off a weekend when ``weekday`` and there is room."""
    if last is not None:
        day = min(day, last)
    day = max(day, first)
    if not weekday or _is_weekday(day):
        return day
    later = day + _dt.timedelta(days=(7 - day.weekday()))          # the next Monday
    if last is None or later <= last:
        return later
    earlier = day - _dt.timedelta(days=day.weekday() - 4)          # the Friday before
    return earlier if earlier >= first else day


def plan_dates(today: _dt.date, level: str, key: Optional[KeyDate] = None) -> list[PlanStep]:
    """A date for every step of ``STEPS``, sorted by date (ties in ``STEPS`` order).

    ``level`` is the case's urgency (``hours``, ``days``, ``weeks``). With a ``key`` date,
    every step falls before it, or on it when it is today; escalation moves to
    ``ESCALATION_LEAD_DAYS`` before a key date that is far off. Calls, officials, reporters
    and follow-up fall on a weekday when the dates allow it.

    >>> [s.code for s in plan_dates(_dt.date(2027, 1, 4), "hours")][:2]
    ['petition', 'allies']
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    today = _plain(today)
    column = LEVELS.index(level)
    last = None
    if key is not None:
        if key.kind not in KEY_KINDS:
            raise ValueError(f"key kind must be one of {KEY_KINDS}, not {key.kind!r}")
        last = max(today, _plain(key.date) - _dt.timedelta(days=1))
    steps = []
    for code in STEPS:
        day = today + _dt.timedelta(days=IDEAL_DAYS[code][column])
        if code == "escalation" and last is not None:
            day = max(day, _plain(key.date) - _dt.timedelta(days=ESCALATION_LEAD_DAYS))
        steps.append(PlanStep(code, _fit(day, today, last, code in WEEKDAY_STEPS)))
    return sorted(steps, key=lambda s: (s.date, STEPS.index(s.code)))
