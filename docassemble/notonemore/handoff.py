"""The emergency hand-offs: what an attorney, a bond poster or the family needs on one page.

Three sheets, each made only where it applies (the decisions are in ``documents.py``):

- the **habeas sheet**, for an attorney, when ICE holds a person who entered without inspection
  (no bond hearing since Matter of Yajure Hurtado) or has held them long: every fact a petition
  starts from, private ones included, so it goes only to the advocate or attorney the family
  agreed to share with, never into a public text;
- the **bond sheet**, for whoever posts a bond through ICE's CeBONDS, where a bond is possible;
- the **check-in day sheet**, for a family with a check-in or a hearing to come.

Functions here return plain values and stable codes; the DOCX templates word them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from .util import PlainJson, as_date

__all__ = [
    "LONG_DETENTION_DAYS", "held_by_ice", "days_held", "CustodyFacts", "next_appointment", "Appointment",
]

#: Six months: after it, courts often hear a challenge to prolonged detention (and ICE's own
#: post-order custody review is due); the sheet goes to an attorney from this day on.
LONG_DETENTION_DAYS = 180


def held_by_ice(custody_status: str, detained: bool) -> bool:
    """True when ICE itself holds the person (not a local jail with an ICE hold)."""
    return custody_status == "ice_detention_no_order" or (custody_status == "final_order" and bool(detained))


def days_held(detention_date: object, today: object) -> Optional[int]:
    """Whole days since ``detention_date`` (None when it is not known or in the future)."""
    since, now = as_date(detention_date), as_date(today)
    if since is None or now is None or since > now:
        return None
    return (now - since).days


@dataclass(frozen=True)
class CustodyFacts(PlainJson):
    """What the hand-off decisions read of a case: plain values computed once in the interview."""

    custody_status: str
    detained: bool
    entry_method: str = "unknown"          # inspected / without_inspection / unknown
    days_held: Optional[int] = None
    appointment_ahead: bool = False        # a check-in or hearing to come, the person not held

    @property
    def held_by_ice(self) -> bool:
        return held_by_ice(self.custody_status, self.detained)

    @property
    def held_long(self) -> bool:
        return self.held_by_ice and self.days_held is not None and self.days_held >= LONG_DETENTION_DAYS


@dataclass(frozen=True)
class Appointment(PlainJson):
    """The next check-in or hearing: ``kind`` is ``check_in`` or ``hearing``; ``other`` is the later one, if both."""

    kind: str
    date: _dt.date
    other_kind: str = ""
    other_date: Optional[_dt.date] = None


def next_appointment(today: object, check_in_date: object = None, hearing_date: object = None) -> Optional[Appointment]:
    """The first check-in or hearing from ``today`` on (a past or blank date is left out), and the other one after it.

    >>> next_appointment(_dt.date(2019, 5, 1), check_in_date=_dt.date(2019, 5, 9), hearing_date=_dt.date(2019, 5, 3)).kind
    'hearing'
    """
    now = as_date(today)
    dates = sorted((day, kind) for kind, day in (("check_in", as_date(check_in_date)), ("hearing", as_date(hearing_date)))
                   if day is not None and now is not None and day >= now)
    if not dates:
        return None
    first = dates[0]
    if len(dates) == 1:
        return Appointment(kind=first[1], date=first[0])
    return Appointment(kind=first[1], date=first[0], other_kind=dates[1][1], other_date=dates[1][0])
