"""Free text only as reviewed: the passages a document to ICE or officials prints.

Before the documents are made, the user sees each free-text passage as it will print and
confirms or edits it. The letters are in English: a passage that looks written in another
language (a family using the interview in Spanish) is never printed raw; the user is asked
for it in English or leaves it out. In a first-person letter (the person writes about their
own case) a passage that speaks of the writer in the third person ("her church") is pointed
out so the user can fix it.

The language guess is a small heuristic on common words, honest about what it is: it tells
English from Spanish (the interview's two languages) on ordinary sentences, and says
``"unknown"`` when a passage is too short or has too few common words to tell. It never
translates and never decides alone: the user sees the passage and the flag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Collection, Mapping

from .util import PlainJson

__all__ = [
    "PASSAGE_NAMES", "OTHER_PASSAGES", "Passage", "looks_like", "third_person_words", "review_passage",
    "passage_default", "english_problem", "confirmed_passages", "names_to_review", "passage_state",
]

#: The free-text answers a document to ICE or officials can print, in the order they are reviewed.
PASSAGE_NAMES: tuple[str, ...] = (
    "family_details", "community_details", "health_details", "rehabilitation_details", "private_history_details",
)
#: Free text reviewed the same way that is not one of the case's answers: a fact that changed since
#: the request, which a supplement to the request prints (supplement.py).
OTHER_PASSAGES: tuple[str, ...] = ("changed_fact",)

# Short, frequent words of each language ("function words"); words both languages share
# ("a", "me", "no", "son"...) are left out so that they count for neither.
_ENGLISH = frozenset("""
the and of to in is are was were be been has have had he she his her him they them their our
we you your it its this that with for from at by on not but or who what when where which
will would can could does did do my an as if so very also after before because about work
works worked children child kids wife husband daughter son's school church job years old
""".split())
_SPANISH = frozenset("""
el la los las del al y que en es son está están fue era ha han su sus le les lo una uno unos
unas con por para pero como más muy también cuando donde porque sobre entre desde hasta hija
hijo hijos hijas esposa esposo iglesia trabajo trabaja escuela años tiene tienen cuida ella
ellos nosotros nuestra nuestro ciudadana ciudadano mi mis yo usted él ese esa este esta
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_MIN_HITS = 2   # fewer common words than this: "unknown"

#: Words that speak of someone in the third person.
_THIRD_PERSON = ("he", "she", "him", "her", "his", "hers", "himself", "herself")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def looks_like(text: str) -> str:
    """``"en"``, ``"es"`` or ``"unknown"``: the language a passage's common words point to.

    Accented letters (á, é, ñ...) count once towards Spanish, not more: names like "Núñez"
    appear in English letters too.

    >>> looks_like("Two children, 6 and 9. She works at the church.")
    'en'
    >>> looks_like("[nombre], su hija, es ciudadana y va a la escuela.")
    'es'
    """
    words = _words(text)
    english = sum(w in _ENGLISH for w in words)
    spanish = sum(w in _SPANISH for w in words) + (1 if re.search(r"[¿¡]", text or "") else 0)
    if max(english, spanish) < _MIN_HITS:
        return "unknown"
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return "unknown"


def third_person_words(text: str, first_name: str = "") -> tuple[str, ...]:
    """The words of ``text`` that may speak of the writer in the third person, in order, once each.

    For a first-person letter: "he", "she", "her", "his"... and the writer's own first name.
    They may well be about someone else ("my daughter, her school"): the user is shown them,
    not corrected.

    >>> third_person_words("Ana sings in her church.", "Ana")
    ('Ana', 'her')
    """
    name = (first_name or "").strip().lower()
    found: list[str] = []
    for word in _WORD.findall(text or ""):
        low = word.lower()
        if (low in _THIRD_PERSON or (name and low == name)) and word not in found and low not in [f.lower() for f in found]:
            found.append(word)
    return tuple(found)


@dataclass(frozen=True)
class Passage(PlainJson):
    """One free-text passage as a document will print it.

    ``text`` is the passage as it prints (spaces tidied); ``language`` is ``looks_like``'s
    guess; ``third_person`` lists words to point out in a first-person letter (empty otherwise).
    """

    name: str
    text: str
    language: str
    third_person: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The passage's lines, as it prints them (the screen shows each on its own line)."""
        return tuple(self.text.split("\n")) if self.text else ()

    @property
    def needs_english(self) -> bool:
        """True when the passage looks written in Spanish: it is not printed as it is."""
        return self.language == "es"


def _tidy(text: Any) -> str:
    # what prints: the passage's own words, its lines kept, spaces at the ends and runs of spaces gone
    # control characters (a pasted form feed, a NUL) never print: dropped, as a document drops them
    plain = "".join(c for c in str(text or "").replace("\r\n", "\n") if c in "\t\n" or ord(c) >= 32)
    lines = [" ".join(line.split()) for line in plain.split("\n")]
    return "\n".join(line for line in lines if line)


def review_passage(name: str, text: Any, *, first_person: bool = False, first_name: str = "") -> Passage:
    """The passage ``name`` as a document would print ``text``, with its flags.

    >>> review_passage("family_details", "Volunteers at her church.", first_person=True).third_person
    ('her',)
    """
    if name not in PASSAGE_NAMES + OTHER_PASSAGES:
        raise ValueError(f"name must be one of {PASSAGE_NAMES + OTHER_PASSAGES}, not {name!r}")
    tidy = _tidy(text)
    return Passage(name=name, text=tidy, language=looks_like(tidy),
                   third_person=third_person_words(tidy, first_name) if first_person else ())


def passage_default(text: Any) -> str:
    """What the review field starts with: the passage as it prints, or nothing when it must be
    given in English (a Spanish passage is never carried into the English field)."""
    tidy = _tidy(text)
    return "" if looks_like(tidy) == "es" else tidy


def english_problem(text: Any) -> str | None:
    """``"not_english"`` when a reviewed passage still looks written in Spanish, else None (blank is fine)."""
    return "not_english" if looks_like(_tidy(text)) == "es" else None


def passage_state(reviewed: Any) -> str:
    """``"printed"`` when a reviewed passage goes into the letters, ``"left_out"`` when it is blank or
    still in Spanish (the case summary's word for it)."""
    return "printed" if confirmed_passages({"family_details": reviewed}, ["family_details"]) else "left_out"


def names_to_review(answers: Mapping[str, Any], *, private_history_prints: bool) -> tuple[str, ...]:
    """The passages this case's documents print: those given and not blank, in review order.

    ``answers`` maps a passage name to its text (names not defined are left out by the caller).
    ``private_history_details`` prints only when an attorney cleared the whole private history.
    """
    return tuple(name for name in PASSAGE_NAMES
                 if _tidy(answers.get(name)) and (name != "private_history_details" or private_history_prints))


def confirmed_passages(reviewed: Mapping[str, Any], names: Collection[str]) -> dict[str, str]:
    """``reviewed_passages``: passage name -> the confirmed English text, for the ``names`` this case prints.

    A passage not confirmed (not in ``reviewed``), left blank, or still in Spanish is absent.

    >>> confirmed_passages({"family_details": " Two kids.  ", "community_details": "Va a la iglesia con su hija."},
    ...                    ["family_details", "community_details"])
    {'family_details': 'Two kids.'}
    """
    out: dict[str, str] = {}
    for name in PASSAGE_NAMES:
        if name not in names or name not in reviewed:
            continue
        text = _tidy(reviewed[name])
        if text and looks_like(text) != "es":
            out[name] = text
    return out
