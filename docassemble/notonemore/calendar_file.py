"""The organizing plan, and a case's dates, as iCalendar files (.ics): one event per step, with reminders.

Made with the maintained ``icalendar`` package. The words (titles, what to do) come from the
interview's words files; this module only lays them out: a stable UID per event (the same
step keeps its UID when the plan is made again, so a calendar updates it instead of adding
a copy), the DTSTAMP, and two reminders, the evening before and the morning of the day. An
entry with a time (an ICE hold's end) is a short timed event in the local time of whoever imports
it ("floating" time), reminded a day and three hours before.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass
from typing import Optional, Sequence

import icalendar

__all__ = ["CalendarEntry", "REMINDERS", "TIMED_REMINDERS", "event_uid", "calendar_ics"]

#: Reminders, from the start (midnight) of an all-day event: 6 pm the day before, 8 am on the day.
REMINDERS: tuple[_dt.timedelta, ...] = (_dt.timedelta(hours=-6), _dt.timedelta(hours=8))
#: Reminders of a timed event, from its start: a day before and three hours before.
TIMED_REMINDERS: tuple[_dt.timedelta, ...] = (_dt.timedelta(days=-1), _dt.timedelta(hours=-3))
TIMED_LENGTH = _dt.timedelta(minutes=30)
PRODID = "-//Not1More//docassemble.notonemore organizing plan//EN"


@dataclass(frozen=True)
class CalendarEntry:
    """One event: its UID, its day, a short title and what to do (both in the plan's language or languages);
    ``at``, its time when it has one (a naive local time), else it lasts the whole day."""

    uid: str
    date: _dt.date
    summary: str
    description: str
    at: Optional[_dt.datetime] = None


def event_uid(case_key: str, code: str, n: int = 0, kind: str = "") -> str:
    """A UID that stays the same for the same step of the same case (its date may move).

    ``case_key`` is hashed, so nothing about the case can be read from the UID.

    >>> event_uid("session-1", "call_in", 2)
    'call_in-2-84097828fc31@notonemore'
    """
    digest = hashlib.sha256(case_key.encode("utf-8")).hexdigest()[:12]
    return "-".join(part for part in (code, kind, str(n) if n else "") if part) + f"-{digest}@notonemore"


def calendar_ics(name: str, entries: Sequence[CalendarEntry], stamp: _dt.datetime, prodid: str = PRODID) -> str:
    """The calendar as iCalendar text (CRLF line ends), a VEVENT (all-day, or timed) with its VALARMs per entry."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = stamp.astimezone(_dt.timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=_dt.timezone.utc)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        if entry.at is None:
            event.add("dtstart", entry.date)
            event.add("dtend", entry.date + _dt.timedelta(days=1))
        else:
            event.add("dtstart", entry.at.replace(tzinfo=None))
            event.add("dtend", entry.at.replace(tzinfo=None) + TIMED_LENGTH)
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        for before in (REMINDERS if entry.at is None else TIMED_REMINDERS):
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.summary)
            alarm.add("trigger", before)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
