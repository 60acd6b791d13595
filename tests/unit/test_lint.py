"""docassemble's YAML linter over the question files, where the machine can run it (Python >= 3.12).

`make test` finds such a Python and sets NOM_DAYAMLCHECKER; without one it says so and
this module collects no test (it is not counted as passing).
"""
import os
import subprocess
from pathlib import Path

import pytest

QUESTIONS = sorted((Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "questions").glob("*.yml"))
CHECKER = os.environ.get("NOM_DAYAMLCHECKER")

# WA516 ("may rely on color") fires on the words "green card", the legal term for permanent
# residence, not a colour cue. Every other rule applies.
SUPPRESSED = "WA516"

if CHECKER:
    def test_dayamlchecker_finds_no_errors_or_warnings():
        result = subprocess.run([CHECKER, "--no-url-check", "--suppress", SUPPRESSED, *map(str, QUESTIONS)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        summary = [line for line in result.stdout.splitlines() if line.startswith("Found ")]
        if summary:
            assert "(0 errors, 0 warnings" in summary[0], result.stdout
