"""Dates as the interview sees them: its own today (docassemble's ``today()`` in the run), and
that day written out the way a reader expects it in English and in Spanish.

A test that expects a date in a screen or a document takes it from here, never as a literal
month or year, so the suite passes on any day (tests/unit/test_no_literal_today.py checks it).
"""
from __future__ import annotations

import datetime as _dt

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def interview_today(run) -> _dt.date:
    """The day the interview's own clock says it is (docassemble's ``today()`` in ``run``)."""
    return run.value("today()").date()


def long_date(day: _dt.date, language: str = "en") -> str:
    """'<Month> <day>, <year>' / '<day> de <mes> de <año>': the long form the documents use."""
    if language == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
