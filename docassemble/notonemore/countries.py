"""The country of birth: a short list first, every country only when it is not there.

docassemble renders each choice of a list through Markdown (about 0.4 ms a choice, in the
REST API's answer and in the web page alike), so a screen with all 250 countries costs about
0.1 s more than one without. The A-number screen lists the countries ICE deports the most
people to (``countries_listed_first`` in data/sources/facts.json) and "Another country"
(``OTHER_COUNTRY``), whose own screen has every country.
"""
from __future__ import annotations

from typing import Optional

from .facts import fact

__all__ = ["OTHER_COUNTRY", "first_countries"]

#: The choice that opens the screen with every country; never a country's code.
OTHER_COUNTRY = "other"


def first_countries(current: Optional[str] = None) -> list[str]:
    """The two-letter codes the A-number screen lists, with ``current`` (an answer given before,
    from the whole list or an intake system) added so that the screen shows it when it is seen again."""
    codes = fact("countries_listed_first").value.split()
    if current and current != OTHER_COUNTRY and current not in codes:
        codes.append(current)
    return codes
