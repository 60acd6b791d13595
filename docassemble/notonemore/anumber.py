"""The A-number (Alien Registration Number): read what people type, check it, print it.

The A-number goes into the petition's subject line and the call script (DOMAIN.md,
Step 7), so a typo sends a campaign's calls to the wrong case. People type it many ways:
"A123456789", "a 123-456-789", "A# 098 765 432", or an old 8-digit number. Errors are
stable codes (first argument of the ``ValueError``); the interview's YAML words them.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

__all__ = [
    "A_NUMBER_PROBLEMS",
    "normalize_a_number",
    "a_number_problem",
    "format_a_number",
]

#: Every code ``normalize_a_number`` can raise, in the order it checks them.
A_NUMBER_PROBLEMS: tuple[str, ...] = ("empty", "letters", "length", "zeros")

#: Characters people put between digits; they are dropped.
_SEPARATORS = frozenset(" \t\n\r\u00a0-\u2010\u2011\u2012\u2013\u2014\u2212.#:")


def normalize_a_number(text: str) -> str:
    """Return the A-number as 9 ASCII digits (an 8-digit number gets a leading 0).

    Spaces, dashes, dots, ``#`` and ``:`` are ignored, and so is one ``A``/``a``
    before the first digit. Full-width and other Unicode decimal digits count as digits.
    Raises ``ValueError`` whose first argument is a code:

    - ``"empty"``: nothing but separators was typed;
    - ``"letters"``: any other letter or symbol (a second ``A``, an ``A`` after a digit...);
    - ``"length"``: not 8 or 9 digits;
    - ``"zeros"``: all digits are 0.

    >>> normalize_a_number("a 12-345-678")
    '012345678'
    """
    chars = [c for c in unicodedata.normalize("NFKC", text or "") if c not in _SEPARATORS]
    if not chars:
        raise ValueError("empty")
    if chars[0] in ("A", "a"):
        chars = chars[1:]
    digits = []
    for char in chars:
        if not char.isdecimal():
            raise ValueError("letters")
        digits.append(str(unicodedata.decimal(char)))
    if len(digits) not in (8, 9):
        raise ValueError("length")
    number = "".join(digits).zfill(9)
    if number == "000000000":
        raise ValueError("zeros")
    return number


def a_number_problem(text: str) -> Optional[str]:
    """The problem code for ``text`` (see ``normalize_a_number``), or None if it is fine.

    Meant for a field's validation code, which must not raise.
    """
    try:
        normalize_a_number(text)
    except ValueError as error:
        return str(error.args[0])
    return None


def format_a_number(text: str) -> str:
    """The A-number as people read it aloud: ``"A 123-456-789"``.

    Raises the same ``ValueError`` codes as ``normalize_a_number``.
    """
    digits = normalize_a_number(text)
    return f"A {digits[:3]}-{digits[3:6]}-{digits[6:]}"
