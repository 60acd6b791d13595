"""Step 8: the organizing plan as the campaign's calendar, walked in-process for each kind of case,
read back from the plan's DOCX and the calendar file (.ics) it makes. One walk per branch, many asserts."""
import datetime as dt
import re

import icalendar

from docassemble.notonemore.business_days import is_business_day
from tests.interview.test_campaign import campaign, public
from tests.support.cases import CASES, day
from tests.support.clock import MONTHS_EN, MONTHS_ES, WEEKDAYS_EN, WEEKDAYS_ES, interview_today

# the lines of the plan that ask an office to be open (schedule.OFFICE_CODES), as the DOCX starts them
OFFICE_EN = ("File the stay form", "Ask elected officials", "Elected officials", "Call-in day", "Reach reporters",
             "Reporters.", "Follow-up call", "Week ", "Step up the pressure")
OFFICE_ES = ("presentar el formulario", "pedir cartas a funcionarios", "funcionarios electos.", "día de llamadas",
             "llegar a la prensa", "la prensa.", "llamada de seguimiento", "semana ", "aumentar la presión")
PRIVATE = ("1988", "April 12", "12 de abril", "04/12", "A123456789", "123-456-789", "123456789", "2004")


def dated_lines(text, today, language="en"):
    """Each line of the plan that starts with a date ('Monday, March 4: ...' / 'lunes 4 de marzo: ...'):
    the date (the first one from today on with that weekday, month and day) and the rest of the line."""
    weekdays, months = (WEEKDAYS_ES, MONTHS_ES) if language == "es" else (WEEKDAYS_EN, MONTHS_EN)
    if language == "es":
        pattern = re.compile(rf"^({'|'.join(weekdays)}) (\d+) de ({'|'.join(months)}): (.*)$")
        order = (1, 3, 2, 4)
    else:
        pattern = re.compile(rf"^({'|'.join(weekdays)}), ({'|'.join(months)}) (\d+): (.*)$")
        order = (1, 2, 3, 4)
    found = []
    for line in text.splitlines():
        match = pattern.match(line.strip())
        if not match:
            continue
        weekday, month, number, rest = (match.group(n) for n in order)
        date = next(today + dt.timedelta(days=n) for n in range(400)
                    if (today + dt.timedelta(days=n)).month == months.index(month) + 1
                    and (today + dt.timedelta(days=n)).day == int(number))
        assert date.weekday() == weekdays.index(weekday), line
        found.append((date, rest))
    return found


def check_calendar(run, plan, today, language="en"):
    """What every plan keeps: every event dated in the DOCX, in order, office actions on business days."""
    events = run.value("[(e.code, e.date) for e in plan_steps]")
    lines = dated_lines(plan, today, language)
    assert [date for date, _ in lines] == [date for _, date in events]          # one dated line per event, in order
    assert lines == sorted(lines, key=lambda x: x[0])
    assert lines[0][0] == today
    office = OFFICE_ES if language == "es" else OFFICE_EN
    for date, rest in lines:
        if rest.startswith(office):
            assert is_business_day(date), (date, rest)
    return events, lines


def check_ics(text, events, summaries):
    """The calendar file parses, has one all-day event per step on the plan's dates, with two reminders."""
    calendar = icalendar.Calendar.from_ical(text)
    vevents = list(calendar.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in vevents] == [date for _, date in events]
    assert len({str(e["UID"]) for e in vevents}) == len(vevents)
    for event in vevents:
        assert isinstance(event.decoded("DTSTART"), dt.date) and not isinstance(event.decoded("DTSTART"), dt.datetime)
        assert event.decoded("DTEND") == event.decoded("DTSTART") + dt.timedelta(days=1)
        assert event.get("DTSTAMP") is not None and str(event["UID"]).endswith("@notonemore")
        alarms = event.walk("VALARM")
        assert [a.decoded("TRIGGER") for a in alarms] == [dt.timedelta(hours=-6), dt.timedelta(hours=8)]
        assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    titles = [str(e["SUMMARY"]) for e in vevents]
    for summary in summaries:
        assert summary in titles, summary
    for fact in PRIVATE:
        assert fact not in text, fact
    return vevents


def test_a_stay_with_a_check_in_to_come():
    """Final order at home: the check-in in nine days is the key date; the stay form is filed; someone goes along."""
    run, screens, docs = campaign(public(CASES[3], check_in_date=day(9), public_a_number_ok=False))
    today = interview_today(run)
    check_in = dt.date.fromisoformat(day(9))
    ids = [s.id for s in screens]
    assert ids.index("going along") < ids.index("organizing plan screen")
    plan = docs["Organizing plan"]
    events, lines = check_calendar(run, plan, today)
    codes = [code for code, _ in events]
    assert codes[0] == "send_request" and "send_short" not in codes
    assert all(date < check_in for code, date in events if code != "go_along")
    assert (codes[-1], events[-1][1]) == ("go_along", check_in)
    # the request, then two calls to the field office about it
    assert "Send the request to ICE. E-mail and fax the request and its papers to the San Diego Field Office." in plan
    assert plan.count(": Follow-up call ") == 2 and "Call the San Diego Field Office (619-555-0100) and ask" in plan
    # the stay form: who, when, with what
    filing = next(date for code, date in events if code == "file_i246")
    assert filing >= dt.date.fromisoformat(day(1)) and is_business_day(filing)
    assert "File the stay form (Form I-246). Ana Ruiz files it in person at the San Diego Field Office" in plan
    assert "the fee of $155, paid by Ana Ruiz" in plan and "the removal order" in plan
    # the check-in itself: who goes, the attorney on call, what to do if ICE keeps him
    assert f"ICE check-in: go with José. Nobody should go to a check-in alone." in plan
    assert "Who goes along: Rosa Peña, 555-301-7788." in plan
    assert "Attorney on call that day: Lic. Elena Torres, 619-555-0142." in plan
    assert "If José is kept: call the attorney" in plan and "https://locator.ice.gov/odls/" in plan
    assert "who picks up the children" in plan
    # call-in days, each with the newest fact: the last one is the business day before the check-in
    calls = [rest for _, rest in lines if rest.startswith("Call-in day")]
    assert len(calls) >= 2
    eve = max(date for code, date in events if code == "call_in")
    assert eve < check_in and not any(is_business_day(eve + dt.timedelta(days=n)) for n in range(1, (check_in - eve).days))
    days_left = (check_in - eve).days
    assert calls[-1].endswith("“José has a check-in with ICE tomorrow.”" if days_left == 1
                              else f"“José's check-in with ICE is in {days_left} days.”")
    assert "Step up the pressure." in plan and "before the check-in" in plan
    assert "Next ICE check-in:" in plan and "Every step below leads up to it." in plan
    # the press release is ready to send, nothing left as a placeholder
    assert "Contact: Ana Ruiz, 555-201-3344" in plan and "[NAME AND PHONE]" not in plan
    assert "[Add a short quote" not in plan and "add a few words from the family" not in plan
    assert "“Our boys ask every night when their dad is coming home.” – María, his wife" in plan
    # no link yet (the case gives none): an instruction, never "[PETITION LINK]"
    assert "[PETITION LINK]" not in plan and "Sign the petition:" not in plan
    assert "Before you send it: add the petition's link here" in plan
    assert "grant José a stay of removal" in plan.split("Call script", 1)[1]
    # the screen shows the same calendar, short
    screen = next(s for s in screens if s.id == "organizing plan screen")
    assert "Go with José to the ICE check-in" in screen.subquestion
    assert "File the stay form (I-246) at the field office" in screen.subquestion
    # the calendar file
    vevents = check_ics(docs["Campaign calendar"], events, ("Send the request to ICE", "Call-in day 1",
                                                            "Go with José to the ICE check-in"))
    go = next(e for e in vevents if str(e["SUMMARY"]) == "Go with José to the ICE check-in")
    assert "detainee locator" in str(go["DESCRIPTION"])
    assert "José O'Brien" in str(icalendar.Calendar.from_ical(docs["Campaign calendar"])["X-WR-CALNAME"])


def test_an_ice_hold_is_urgent_every_business_day():
    """An ICE hold, the short path: the short request today, the full one within days, a call-in day
    every business day, a follow-up every week while he is held, no check-in to go to."""
    run, screens, docs = campaign(public(CASES[0], media_contact=""))
    today = interview_today(run)
    assert "going along" not in [s.id for s in screens]
    plan = docs["Organizing plan"]
    events, lines = check_calendar(run, plan, today)
    codes = [code for code, _ in events]
    assert codes[0] == "send_short" and "send_full" in codes and "file_i246" not in codes and "go_along" not in codes
    assert lines[0][1].startswith("Send the short request to ICE. E-mail and fax the short first request")
    calls = [date for code, date in events if code == "call_in"]
    assert len(calls) >= 2 and calls[0] <= dt.date.fromisoformat(day(4))
    for first, second in zip(calls, calls[1:]):                 # every business day
        assert not any(is_business_day(first + dt.timedelta(days=n)) for n in range(1, (second - first).days))
    # the short path does not ask since when he is held: the news is how long ICE has had the request
    first_call = next(rest for _, rest in lines if rest.startswith("Call-in day 1."))
    waiting = (calls[0] - today).days
    assert first_call.endswith(f"“ICE has had the request for {waiting} days and has not answered.”" if waiting
                               else "“Today we ask ICE to lift the ICE hold on José.”")
    weeks = [date for code, date in events if code == "detained_week"]
    assert len(weeks) == 6 and all(is_business_day(date) for date in weeks)
    assert "Week 1 while José is held: follow up." in plan and "Week 6 while José is held" in plan
    assert "No removal date is known." in plan
    # no contact yet: an instruction, not a placeholder passed off as finished
    assert "Contact:" not in plan and "[NAME AND PHONE]" not in plan
    assert "Before you send it: write here the name and phone number" in plan
    check_ics(docs["Campaign calendar"], events, ("Send the short request to ICE", "Send the full request to ICE",
                                                  "Call-in day 2", "Week 1: follow up while José is held"))


def test_held_with_a_hearing_in_spanish():
    """Held by ICE with a hearing in 40 days, the public texts in Spanish: the plan and the calendar
    in Spanish, the hearing covered, the days held in each call-in day's news, weekly follow-up."""
    run, screens, docs = campaign(public(CASES[1], public_languages="es", go_along_companion="",
                                        petition_link="https://act.example.org/jose", family_quote_by=""))
    today = interview_today(run)
    hearing = dt.date.fromisoformat(day(40))
    plan = docs["Organizing plan"]
    assert "Plan de organización: José O'Brien & <Núñez>" in plan and "The plan, date by date" not in plan
    events, lines = check_calendar(run, plan, today, "es")
    assert ("go_along", hearing) in events
    assert all(date < hearing for code, date in events if code != "go_along")
    assert "audiencia en la corte: acompañar a José." in plan
    assert "Quién va: elijan hoy a alguien de la campaña" in plan           # nobody named yet
    assert "Abogado de guardia ese día: Lic. Elena Torres, 619-555-0142." in plan
    assert "Después de la audiencia" in plan and "Si se quedan con José" not in plan   # already held
    held = dt.date.fromisoformat(day(-20))
    first_date, first_call = next((date, rest) for date, rest in lines if rest.startswith("día de llamadas 1."))
    assert first_call.endswith(f"«José lleva {(first_date - held).days} días en detención. "
                               f"La audiencia en la corte es en {(hearing - first_date).days} días.»")
    assert sum(code == "detained_week" for code, _ in events) >= 4
    assert sum(code == "media" for code, _ in events) == 2                 # early, and again before the protest
    assert "oficina de ICE en San Diego" in plan and "Field Office" not in plan.split("A quién llamar")[0]
    assert "antes de la audiencia" in plan and "Comunicado de prensa (borrador)" in plan
    # the press release: the family's words, said by the family when no one is named; the link given
    assert "«Our boys ask every night when their dad is coming home.» – la familia de José" in plan
    assert "Firme la petición: https://act.example.org/jose" in plan and "agregue aquí el enlace" not in plan
    vevents = check_ics(docs["Campaign calendar"], events, ("Día de llamadas 1", "Acompañar a José a la audiencia en la corte",
                                                            "Semana 1: seguimiento mientras José sigue en detención"))
    assert "Call-in day" not in docs["Campaign calendar"]
    assert any("lleva" in str(e["DESCRIPTION"]) for e in vevents)
