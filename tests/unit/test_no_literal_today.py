"""No test compares with a literal current month or year: such a test passes in the month it was
written and fails every month after (`noviembre de 2026` did on December 1, 2026).

A date the interview writes from its own today is expected through tests/support/clock.py; a
date the test itself typed in (a birth date, a review date) is expected from that same input.
The check reads every test file's Python and flags:
- anywhere, a month name (English or Spanish) or a day/month/year with a year from 2020 on;
- in an ``assert``, a string holding such a year alone ("2026", "2026-11-28").
Dates given as ``dt.date(...)`` to a function that takes today as an argument are fine.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
          "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
          "ene|abr|ago|dic")
RECENT_YEAR = r"20[2-9]\d"
MONTH_AND_YEAR = re.compile(rf"\b(?:{MONTHS})\b\.?(?:\s+(?:de\s+)?\d{{1,2}})?,?\s+(?:de\s+|del\s+)?{RECENT_YEAR}\b", re.I)
NUMERIC_DATE = re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/{RECENT_YEAR}\b")
YEAR_ALONE = re.compile(rf"(?<![\d\\]){RECENT_YEAR}(?!\d)")


def literal_dates(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string in ``source`` (Python) that holds a literal current month or year."""
    tree = ast.parse(source)
    in_assert = {id(node) for a in ast.walk(tree) if isinstance(a, ast.Assert) for node in ast.walk(a)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if MONTH_AND_YEAR.search(text) or NUMERIC_DATE.search(text) or (id(node) in in_assert and YEAR_ALONE.search(text)):
                found.append((node.lineno, text))
    return sorted(found)


def test_no_test_file_expects_a_literal_current_month_or_year():
    found = {}
    for path in sorted(TESTS.rglob("*.py")):
        if path.resolve() == Path(__file__).resolve():   # its samples below are meant to be caught
            continue
        for line, text in literal_dates(path.read_text()):
            found[f"{path.relative_to(TESTS)}:{line}"] = text
    assert found == {}, "expect dates from the interview's clock (tests/support/clock.py) or the test's input: " + repr(found)


CAUGHT = [
    'assert "noviembre de 2026" in summary',
    'assert "Hecho el 1 de diciembre de 2026." in summary',
    'assert "reviewed them on November 20, 2026" in screen.subquestion',
    'expected = "Prepared on December 1, 2026 by the advocate."',
    'assert "Dec. 2026" in text',
    'assert "12/01/2026" in text',
    'assert "2026" in summary',
    'assert "2026-11-28" in text and "abc" in text',
    'assert f"on {day} 2027" in text',
]
PASSED = [
    'assert "April 12, 1988" in letter',                        # a birth date the test typed
    'TODAY = dt.date(2026, 11, 28)',                            # today given to a function as an argument
    'assert result.deadline == dt.date(2026, 11, 30)',
    'answers = {"attorney_review_date": "2026-11-01"}',         # an input, not an expectation
    'assert re.search(r"Revisado el \\d{1,2} de [a-z]+ de 20\\d\\d", texts)',
    'assert "Bar 12345" in sheet and "555-010-2000" in sheet',
    'assert "This case may not need it." in text',
]


def test_the_check_catches_a_literal_current_month_or_year():
    for sample in CAUGHT:
        assert literal_dates(sample), sample
    for sample in PASSED:
        assert literal_dates(sample) == [], sample
