"""What a person reads on one screen, as plain text, and its reading grade.

The text is the heading, the words under it, and every field's label, choices, notes and
help; each label, paragraph, heading and list item is taken as its own sentence. Left out,
as names to tap or copy rather than words to read: links (their text names an
organization or a file), web and e-mail addresses, A-numbers, phone numbers, and the
choices of a long dropdown (states, countries). A written date ("Monday, January 5", "May 1, <year>",
"lunes 5 de enero") is graded as the two words "the date": its month and weekday change with
the day the suite runs, and the screen's grade must not.
"""
from __future__ import annotations

import html
import re
from typing import Any

import textstat

from tests.support.clock import MONTHS_EN, MONTHS_ES, WEEKDAYS_EN, WEEKDAYS_ES

MAX_GRADE = 8.0
# A dropdown longer than this (states, countries) is a list of names to pick from, not text to read.
LONG_LIST = 12
_DROP = [
    r"\[[^\]]*\]\([^)]*\)",                  # a markdown link, its text too
    r"<a\b[^>]*>.*?</a>",                   # an HTML link
    r"https?://\S+", r"\b[\w.-]+@[\w.-]+\b",   # addresses
    r"\bA \d{3}-\d{3}-\d{3}\b", r"\b\d[\d-]{6,}\d\b",   # A-numbers, phone numbers
]


_DATES = [
    rf"\b(?:(?:{'|'.join(WEEKDAYS_EN)}),?\s+)?(?:{'|'.join(MONTHS_EN)})\s+\d{{1,2}}(?:,\s+\d{{4}})?\b",
    rf"\b(?:(?:{'|'.join(WEEKDAYS_ES)}),?\s+)?\d{{1,2}}\s+de\s+(?:{'|'.join(MONTHS_ES)})(?:\s+de\s+\d{{4}})?\b",
]


def plain(text: str) -> str:
    """Markdown or HTML as the words a person reads."""
    text = text or ""
    for pattern in _DROP:
        text = re.sub(pattern, " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r":[a-z-]+:", " ", text)          # docassemble icons such as :file-pdf:
    text = re.sub(r"[*_#`>|]", " ", html.unescape(text))
    return re.sub(r"\s+([.,;:?!])", r"\1", " ".join(text.split()))


def _sentence(text: str) -> str:
    text = plain(text)
    return text if not text or text[-1] in ".?!:" else text + "."


def _blocks(markdown: str) -> list[str]:
    """Paragraphs, headings and list items: each is read as (at least) one sentence."""
    blocks: list[list[str]] = [[]]
    for line in (markdown or "").splitlines():
        item = re.match(r"\s*(?:[*+-]|\d+\.|#+)\s+", line)
        if not line.strip() or item:
            blocks.append([])
        blocks[-1].append(line[item.end():] if item else line)
    return [" ".join(b) for b in blocks if " ".join(b).strip()]


def screen_text(raw: dict[str, Any]) -> str:
    """The words of one screen from docassemble's own description of it (``as_data``)."""
    parts = _blocks(raw.get("questionText", "")) + _blocks(raw.get("subquestionText", ""))
    for item in raw.get("fields", []):
        label = item.get("label", "")
        parts += [label if label != "no label" else "", item.get("hint", "")] + _blocks(item.get("helptext", ""))
        parts += _blocks(item.get("note", ""))
        if len(item.get("choices", [])) <= LONG_LIST:
            for choice in item.get("choices", []):
                parts += [choice.get("label", ""), choice.get("help") or ""]
    return " ".join(filter(None, map(_sentence, parts)))


def as_graded(text: str) -> str:
    """``text`` with each written date as the words "the date", as it is graded."""
    for pattern in _DATES:
        text = re.sub(pattern, "the date", text, flags=re.I)
    return text


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (a date counted as "the date")."""
    return float(textstat.flesch_kincaid_grade(as_graded(text)))
