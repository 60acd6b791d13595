"""The organizing plan's calendar file: iCalendar text a phone's calendar reads, with reminders."""
import datetime as dt

import icalendar

from docassemble.notonemore.calendar_file import REMINDERS, CalendarEntry, calendar_ics, event_uid

STAMP = dt.datetime(2019, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8)))


def test_a_uid_is_stable_per_step_and_case_and_tells_nothing_about_the_case():
    assert event_uid("session-1", "call_in", 2) == event_uid("session-1", "call_in", 2)
    assert event_uid("session-1", "call_in", 2) != event_uid("session-1", "call_in", 3)
    assert event_uid("session-1", "call_in", 2) != event_uid("session-2", "call_in", 2)
    assert event_uid("s", "go_along", kind="hearing").startswith("go_along-hearing-")
    assert "session" not in event_uid("session-1", "petition")


def test_the_calendar_parses_with_all_day_events_and_two_reminders():
    entries = [CalendarEntry("a@notonemore", dt.date(2019, 3, 4), "Call-in day 1 / Día de llamadas 1",
                             "José has been held for 12 days; call, please.\n\nJosé lleva 12 días en detención."),
               CalendarEntry("b@notonemore", dt.date(2019, 3, 5), "Reach reporters", "Call local reporters.")]
    text = calendar_ics("#Not1More: José O'Brien & <Núñez>", entries, STAMP)
    assert "\r\n" in text
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == "#Not1More: José O'Brien & <Núñez>" and str(calendar["VERSION"]) == "2.0"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == ["a@notonemore", "b@notonemore"]
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2019, 3, 4) and first.decoded("DTEND") == dt.date(2019, 3, 5)
    assert first.decoded("DTSTAMP") == dt.datetime(2019, 3, 1, 17, 30, tzinfo=dt.timezone.utc)   # in UTC
    assert str(first["SUMMARY"]) == "Call-in day 1 / Día de llamadas 1"
    assert str(first["DESCRIPTION"]) == entries[0].description                 # commas, semicolons, lines kept
    assert [a.decoded("TRIGGER") for a in first.walk("VALARM")] == list(REMINDERS)
    assert REMINDERS == (dt.timedelta(hours=-6), dt.timedelta(hours=8))      # 6 pm the day before, 8 am on the day


def test_an_empty_plan_is_still_a_calendar():
    calendar = icalendar.Calendar.from_ical(calendar_ics("#Not1More", [], dt.datetime(2019, 3, 1, 9, 30)))
    assert list(calendar.walk("VEVENT")) == []
