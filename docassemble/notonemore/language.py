"""The interview's two languages, and docassemble's own words (buttons, messages) in Spanish.

The words file is ``data/sources/es-words.yml``; importing this module adds it to
docassemble's word collection, so the buttons are in Spanish on any server, whether or
not its configuration lists the file under ``words``.

Words that must stay in one language whatever the screens' language (the public texts' words,
the English documents' words) are data files in ``data/sources/words/``, read by
``one_language_words``. In the interview they would be data blocks, and docassemble translates a
data block's text wherever the same English is in translations-es.xlf.
"""
from __future__ import annotations

import copy
import gettext
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

__all__ = ["LANGUAGES", "WORDS_FILE", "WORDS_DIR", "one_language_words", "spanish_words", "country_in"]

LANGUAGES: tuple[str, ...] = ("en", "es")
WORDS_FILE = Path(__file__).parent / "data" / "sources" / "es-words.yml"
WORDS_DIR = Path(__file__).parent / "data" / "sources" / "words"


def spanish_words() -> dict[str, str]:
    """The Spanish words file as {English phrase: Spanish phrase}."""
    return dict(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["es"])


@lru_cache(maxsize=None)
def _words_file(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORDS_DIR / f"{name}.yml").read_text(encoding="utf-8"))


def one_language_words(name: str) -> dict[str, Any]:
    """The words file ``data/sources/words/<name>.yml`` (e.g. ``campaign_en``), a copy of its own."""
    return copy.deepcopy(_words_file(name))


def _load() -> None:
    try:
        from docassemble.base.util import update_word_collection
    except ImportError:  # docassemble not installed: the data is still readable
        return
    update_word_collection("es", spanish_words())


_load()


@lru_cache(maxsize=None)
def _country_names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_in(code: str, language: str) -> str:
    """The country's common name in ``language`` (ISO 3166-1 names as ``pycountry`` ships them), whatever
    the session's language; docassemble's ``country_name`` follows the session's language instead.

    >>> country_in("MX", "es"), country_in("MX", "en")
    ('México', 'Mexico')
    """
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _country_names(language).gettext(name) if language != "en" else name
