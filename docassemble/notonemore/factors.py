"""Step 3's case evaluation: the prosecutorial-discretion (PD) factors in the intake answers.

``evaluate`` lists the positive factors the letter's Part II may use and the risks that
must never be volunteered (DOMAIN.md, "PD factors"). It returns stable codes, in a fixed
order; the interview's YAML words them. It decides nothing: an attorney reviews the case.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .ask import CUSTODY_STATUSES, ENTRY_METHODS
from .util import PlainJson

__all__ = [
    "POSITIVE_CODES", "RISK_CODES", "ATTORNEY_RISKS", "RELATIONSHIPS", "RELATIVE_STATUSES",
    "CaseFacts", "Evaluation", "evaluate", "add_years", "age_on", "years_between",
]

#: Positive factors, in the order ``evaluate`` lists them.
POSITIVE_CODES: tuple[str, ...] = (
    "long_presence", "came_as_child", "us_education", "military_service",
    "citizen_or_lpr_spouse", "citizen_or_lpr_child", "citizen_or_lpr_parent",
    "primary_caretaker", "caretaker_of_disabled_or_ill", "pregnant_or_nursing",
    "serious_health_condition", "elderly", "minor", "crime_victim", "civil_rights_witness",
    "community_ties", "no_criminal_record",
)
#: Risks, in the order ``evaluate`` lists them.
RISK_CODES: tuple[str, ...] = (
    "criminal_history", "prior_removal", "reentry_after_removal", "fraud",
    "outstanding_warrants", "security_concerns", "entered_without_inspection",
    "not_in_proceedings",
)
#: Risks that must not be disclosed to anyone before an attorney has reviewed the case.
ATTORNEY_RISKS: frozenset[str] = frozenset(RISK_CODES[:6])
RELATIONSHIPS: tuple[str, ...] = ("spouse", "child", "parent", "sibling", "other")
RELATIVE_STATUSES: tuple[str, ...] = ("citizen", "lpr", "other", "unknown")

LONG_PRESENCE_YEARS = 10
CHILD_ENTRY_AGE = 16
ELDERLY_AGE = 65
ADULT_AGE = 18

# Yes/no answers whose positive factor has the same code as the field.
_FLAG_POSITIVES = (
    "us_education", "military_service", "primary_caretaker", "caretaker_of_disabled_or_ill",
    "pregnant_or_nursing", "serious_health_condition", "crime_victim",
    "civil_rights_witness", "community_ties",
)
_FLAG_RISKS = (
    "prior_removal", "reentry_after_removal", "fraud", "outstanding_warrants", "security_concerns",
)


def _plain(value: Any) -> Any:
    # A datetime (docassemble's DADateTime is one) cannot be compared with a date: drop the time.
    return value.date() if isinstance(value, _dt.datetime) else value


def add_years(day: _dt.date, years: int) -> _dt.date:
    """The same calendar day ``years`` later (or earlier); Feb 29 becomes Feb 28."""
    day = _plain(day)
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # Feb 29 in a year that has none
        return day.replace(year=day.year + years, day=28)


def years_between(start: _dt.date, end: _dt.date) -> int:
    """Whole years from ``start`` to ``end`` (negative when ``end`` is earlier).

    A Feb 29 anniversary falls on Mar 1 in common years.
    """
    start, end = _plain(start), _plain(end)
    if end < start:
        return -years_between(end, start)
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def age_on(birth: _dt.date, day: _dt.date) -> int:
    """Age in whole years on ``day`` of someone born on ``birth``."""
    return years_between(birth, day)


@dataclass
class CaseFacts(PlainJson):
    """The intake answers the evaluation reads. Unanswered means None or False.

    ``has_arrests``/``has_convictions`` stay None until asked: ``no_criminal_record`` is
    only claimed when both were answered "no". ``today`` None means the day ``evaluate``
    runs. Each of ``relatives`` is ``{"relationship": ..., "status": ...}``.
    """

    birth_date: Optional[_dt.date] = None
    entry_date: Optional[_dt.date] = None
    today: Optional[_dt.date] = None
    us_education: bool = False
    military_service: bool = False
    relatives: list[dict] = field(default_factory=list)
    primary_caretaker: bool = False
    caretaker_of_disabled_or_ill: bool = False
    pregnant_or_nursing: bool = False
    serious_health_condition: bool = False
    crime_victim: bool = False
    civil_rights_witness: bool = False
    community_ties: bool = False
    has_arrests: Optional[bool] = None
    has_convictions: Optional[bool] = None
    prior_removal: bool = False
    reentry_after_removal: bool = False
    fraud: bool = False
    outstanding_warrants: bool = False
    security_concerns: bool = False
    entry_method: Optional[str] = None
    custody_status: Optional[str] = None


@dataclass(frozen=True)
class Evaluation(PlainJson):
    """Positive factor codes, risk codes, and whether an attorney must review first."""

    positives: tuple[str, ...]
    risks: tuple[str, ...]
    attorney_review: bool


def _relative_codes(relatives: list[Mapping[str, str]]) -> set[str]:
    codes = set()
    for relative in relatives:
        relationship, status = relative.get("relationship"), relative.get("status")
        if relationship not in RELATIONSHIPS:
            raise ValueError(f"relationship must be one of {RELATIONSHIPS}, not {relationship!r}")
        if status not in RELATIVE_STATUSES:
            raise ValueError(f"status must be one of {RELATIVE_STATUSES}, not {status!r}")
        if status in ("citizen", "lpr") and relationship in ("spouse", "child", "parent"):
            codes.add(f"citizen_or_lpr_{relationship}")
    return codes


def evaluate(facts: CaseFacts) -> Evaluation:
    """The PD factors and risks in ``facts``, each list in the order of its ``*_CODES``.

    Dates after ``today`` (or an entry before birth) are data errors and add nothing.
    """
    if facts.entry_method not in ENTRY_METHODS + (None,):
        raise ValueError(f"entry_method must be one of {ENTRY_METHODS}, not {facts.entry_method!r}")
    if facts.custody_status not in CUSTODY_STATUSES + (None,):
        raise ValueError(f"custody_status must be one of {CUSTODY_STATUSES}, not {facts.custody_status!r}")
    today = _plain(facts.today) or _dt.date.today()
    birth, entry = _plain(facts.birth_date), _plain(facts.entry_date)
    birth = birth if birth is not None and birth <= today else None
    entry = entry if entry is not None and entry <= today else None

    found = {name for name in _FLAG_POSITIVES if getattr(facts, name)}
    found |= _relative_codes(facts.relatives)
    if entry is not None and years_between(entry, today) >= LONG_PRESENCE_YEARS:
        found.add("long_presence")
    if birth is not None and entry is not None and birth <= entry and age_on(birth, entry) < CHILD_ENTRY_AGE:
        found.add("came_as_child")
    if birth is not None:
        age = age_on(birth, today)
        if age >= ELDERLY_AGE:
            found.add("elderly")
        if age < ADULT_AGE:
            found.add("minor")
    if facts.has_arrests is False and facts.has_convictions is False:
        found.add("no_criminal_record")

    risks = {name for name in _FLAG_RISKS if getattr(facts, name)}
    if facts.has_arrests or facts.has_convictions:
        risks.add("criminal_history")
    if facts.entry_method == "without_inspection":
        risks.add("entered_without_inspection")
    if facts.custody_status == "not_in_proceedings":
        risks.add("not_in_proceedings")

    return Evaluation(
        positives=tuple(code for code in POSITIVE_CODES if code in found),
        risks=tuple(code for code in RISK_CODES if code in risks),
        attorney_review=bool(risks & ATTORNEY_RISKS),
    )
