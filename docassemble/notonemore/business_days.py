"""Business days: Monday to Friday, except the U.S. federal holidays (with their observed days).

Offices (ICE field offices, elected officials, newsrooms' desks) act on business days: the
organizing plan puts calls, filings and visits on them, and an ICE hold's 48 hours are
counted without weekends and holidays. The holidays and their observed-day rules (a Saturday
holiday is observed on the Friday before, a Sunday one on the Monday after) come from the
maintained ``holidays`` package (``holidays.US()``, federal holidays only).
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any, Optional

import holidays

__all__ = ["is_holiday", "holiday_name", "is_business_day", "next_business_day", "previous_business_day",
           "add_business_days", "business_days_between"]

_ONE_DAY = _dt.timedelta(days=1)


def _plain(value: Any) -> _dt.date:
    # A datetime (docassemble's DADateTime is one) is taken as its date.
    return value.date() if isinstance(value, _dt.datetime) else value


@lru_cache(maxsize=64)
def _federal(year: int) -> holidays.HolidayBase:
    return holidays.US(years=year, observed=True)


def holiday_name(day: _dt.date) -> Optional[str]:
    """The federal holiday (or its observed day) on ``day`` in English, or None.

    >>> holiday_name(_dt.date(2020, 7, 3))
    'Independence Day (observed)'
    """
    day = _plain(day)
    return _federal(day.year).get(day)


def is_holiday(day: _dt.date) -> bool:
    """``day`` is a federal holiday or the day one is observed."""
    return holiday_name(day) is not None


def is_business_day(day: _dt.date) -> bool:
    """Monday to Friday and not a federal holiday (nor its observed day).

    >>> is_business_day(_dt.date(2019, 11, 28))   # Thanksgiving
    False
    """
    day = _plain(day)
    return day.weekday() < 5 and not is_holiday(day)


def next_business_day(day: _dt.date, *, include: bool = True) -> _dt.date:
    """The first business day on or after ``day`` (strictly after it when ``include`` is False)."""
    day = _plain(day) if include else _plain(day) + _ONE_DAY
    while not is_business_day(day):
        day += _ONE_DAY
    return day


def previous_business_day(day: _dt.date, *, include: bool = True) -> _dt.date:
    """The last business day on or before ``day`` (strictly before it when ``include`` is False)."""
    day = _plain(day) if include else _plain(day) - _ONE_DAY
    while not is_business_day(day):
        day -= _ONE_DAY
    return day


def add_business_days(day: _dt.date, count: int) -> _dt.date:
    """``count`` business days after ``day`` (before it when negative); 0 gives ``day`` itself.

    >>> add_business_days(_dt.date(2019, 12, 24), 1)   # Christmas is skipped
    datetime.date(2019, 12, 26)
    """
    day = _plain(day)
    step = next_business_day if count >= 0 else previous_business_day
    for _ in range(abs(count)):
        day = step(day, include=False)
    return day


def business_days_between(start: _dt.date, end: _dt.date) -> int:
    """How many business days come after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
    start, end = _plain(start), _plain(end)
    count, day = 0, start + _ONE_DAY
    while day <= end:
        count += is_business_day(day)
        day += _ONE_DAY
    return count
