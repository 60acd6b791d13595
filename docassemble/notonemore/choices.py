"""Long lists of choices (states, counties, countries) as plain dropdowns, cheap on every screen.

docassemble runs each choice of a ``choices`` or ``dropdown`` field through Markdown each time
the screen is shown, in the web page and in the REST API's answer alike (about 0.45 ms a choice
on our server): the 56 states cost about 25 ms, Texas's 255 counties about 0.12 s. A field of the
data type ``plainchoice`` (``PlainChoice``, docassemble's own way to add a data type) is a text
box to docassemble, with its choices in its ``options`` parameter: a JSON list of ``[value,
label]`` pairs, the first one empty ("Select..."), from names computed once per process and
language. ``notonemore.js`` makes the box a ``<select>`` of those pairs on the page, with the
same name, id and label; the REST API shows the pairs as the field's ``options``.

    - State: client_state
      datatype: plainchoice
      options: plain_options(state_pairs(get_language()))
"""
from __future__ import annotations

import gettext
import json
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

import pycountry

from .field_offices import STATE_CODES
from .language import country_in

__all__ = ["PlainChoice", "plain_options", "option_pairs", "state_pairs", "country_pairs", "state_in"]

Pairs = tuple[tuple[str, str], ...]


def _sort_key(label: str) -> str:
    """A name as it is alphabetized in English and in Spanish: accents and case do not count."""
    return "".join(c for c in unicodedata.normalize("NFD", label) if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=None)
def _subdivision_names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def state_in(code: str, language: str) -> str:
    """A state's or territory's name (ISO 3166-2, as docassemble's ``states_list`` has it) in ``language``.

    >>> state_in("NC", "en"), state_in("NC", "es")
    ('North Carolina', 'Carolina del Norte')
    """
    name = pycountry.subdivisions.get(code=f"US-{code}").name
    return _subdivision_names(language).gettext(name) if language != "en" else name


@lru_cache(maxsize=None)
def state_pairs(language: str) -> Pairs:
    """Every state, DC and the inhabited territories: (code, name in ``language``), by name."""
    return tuple(sorted(((code, state_in(code, language)) for code in STATE_CODES), key=lambda p: _sort_key(p[1])))


@lru_cache(maxsize=None)
def _all_countries(language: str) -> Pairs:
    return tuple(sorted(((c.alpha_2, country_in(c.alpha_2, language)) for c in pycountry.countries),
                        key=lambda p: _sort_key(p[1])))


def country_pairs(language: str, codes: Optional[Iterable[str]] = None) -> Pairs:
    """Countries as (code, name in ``language``) by name: those of ``codes``, or every country."""
    every = _all_countries(language)
    if codes is None:
        return every
    wanted = set(codes)
    return tuple(pair for pair in every if pair[0] in wanted)


def option_pairs(values: Iterable[str]) -> Pairs:
    """Choices whose value is their own label (a county's name)."""
    return tuple((value, value) for value in values)


def plain_options(pairs: Iterable[tuple[str, str]], *more: tuple[str, str]) -> str:
    """The ``options`` of a ``plainchoice`` field: JSON [value, label] pairs, the empty choice first
    ("Select...", in the session's language, as docassemble's own dropdown has it), then ``pairs``,
    then ``more`` (an "Another country" or "I do not know" choice)."""
    try:
        from docassemble.base.util import word
    except ImportError:   # outside docassemble (unit tests): the English word
        def word(text: str) -> str:
            return text
    return json.dumps([["", word("Select...")], *map(list, pairs), *map(list, more)], ensure_ascii=False)


try:
    from docassemble.base.util import CustomDataType
except ImportError:   # docassemble not installed: the lists are still usable
    CustomDataType = object   # type: ignore[assignment,misc]


class PlainChoice(CustomDataType):   # type: ignore[misc,valid-type]
    """``datatype: plainchoice``: a text box to docassemble, a ``<select>`` of its ``options`` on the page."""

    name = "plainchoice"
    input_class = "nom-plain-choice"
    code_parameters = ["options"]

    @classmethod
    def transform(cls, item: object) -> str:
        return str(item).strip()
