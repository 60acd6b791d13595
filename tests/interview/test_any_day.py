"""The suite passes on any day, not only the day a test was written: the tests whose expectations
follow today's date are run again with the clock 45 days ahead (libfaketime, Debian's `faketime`),
which crosses a month, a year's end here, and other weekdays.

The whole unit and interview depths pass under `faketime -f +45d` too (README, Tests); this keeps
the date-sensitive part of that in every `make test` within the time budget: the run starts in
the background with the first interview test (tests/conftest.py) and its test, the last of the
depth, waits for it, so it takes the machine's other core while the interview tests run.
"""
from __future__ import annotations

import atexit
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.clock import interview_today
from tests.support.headless import InterviewRun
from tests.support.screens import MAIN

ROOT = Path(__file__).resolve().parents[2]
AHEAD_DAYS = 45
# Each compares what the interview writes from its own today with what the test expects.
DATE_SENSITIVE = [
    "tests/unit/test_no_literal_today.py",
    "tests/interview/test_any_day.py::test_the_interview_reads_the_machine_clock",
    "tests/interview/test_translation.py::test_the_familys_summary_is_in_spanish_and_no_document_shows_markup",
    "tests/interview/test_documents.py::test_letters_say_draft_until_an_attorney_reviews_them",
    "tests/interview/test_campaign.py::test_the_plan_comes_before_the_removal_date",
    "tests/interview/test_campaign.py::test_a_plan_without_a_removal_date",
    "tests/interview/test_branches.py::test_branch",
    "tests/interview/test_readability.py::test_no_screen_is_above_grade_8",   # dates are words on screens
    "tests/interview/test_translation.py::test_spanish_dates_and_words",
]


def test_the_interview_reads_the_machine_clock():
    """The interview's today is the machine's (so faketime moves it); under the run below, 45 days on."""
    expected = dt.date.fromisoformat(os.environ.get("NOM_EXPECTED_TODAY") or dt.date.today().isoformat())
    assert interview_today(InterviewRun(MAIN)) in (expected, expected + dt.timedelta(days=1))   # or past midnight


_RUN: dict = {}


def start_ahead():
    """Start the date-sensitive tests under `faketime -f +45d`, once, output to a file."""
    if "proc" in _RUN or not (faketime := shutil.which("faketime")):
        return
    ahead = dt.date.today() + dt.timedelta(days=AHEAD_DAYS)
    # Under faketime already (the whole suite run 45 days on): libfaketime counts from the real
    # clock, so the offsets add up.
    offset = AHEAD_DAYS + int((re.fullmatch(r"\+(\d+)d", os.environ.get("FAKETIME", "+0d")) or [0, 0])[1])
    env = {**os.environ, "NOM_EXPECTED_TODAY": ahead.isoformat(), "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    _RUN["out"] = tempfile.TemporaryFile("w+")
    _RUN["proc"] = subprocess.Popen([faketime, "-f", f"+{offset}d", sys.executable, "-m", "pytest", "-q",
                                     "-p", "no:cacheprovider", *DATE_SENSITIVE],
                                    cwd=ROOT, env=env, stdout=_RUN["out"], stderr=subprocess.STDOUT, text=True)
    atexit.register(lambda: _RUN["proc"].poll() is None and _RUN["proc"].kill())


def test_the_date_sensitive_tests_pass_45_days_from_now():
    assert shutil.which("faketime"), "faketime is missing: scripts/setup.sh installs Debian's faketime"
    start_ahead()   # already running when the interview depth began (tests/conftest.py)
    returncode = _RUN["proc"].wait(timeout=900)
    _RUN["out"].seek(0)
    output = _RUN["out"].read()
    assert returncode == 0, output[-5000:]
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|errors?|skipped)", output.splitlines()[-1])}
    assert counts == {"passed": 2 + 7 + 6}, output[-5000:]   # the checks, 7 single tests, 6 branches


test_the_date_sensitive_tests_pass_45_days_from_now.start_early = start_ahead
