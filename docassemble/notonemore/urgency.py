"""Step 3's urgency: how soon the campaign must act, and whether to send a "bare bones" request.

DOMAIN.md: an ICE hold is counted in hours; removal and check-in dates, detention and
transfers make a case urgent; urgent cases send a short request now and a fuller one
later (Step 6). Functions return stable codes; the interview's YAML words them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Optional

from .ask import CUSTODY_STATUSES
from .factors import add_years
from .util import PlainJson

__all__ = ["LEVELS", "REASONS", "DATE_KINDS", "Urgency", "assess_urgency", "date_problem", "dates_that_apply"]

#: Urgency levels, most urgent first.
LEVELS: tuple[str, ...] = ("hours", "days", "weeks")
#: Every reason ``assess_urgency`` can give, in the order it lists reasons of the same level.
REASONS: tuple[str, ...] = (
    "ice_hold", "removal_imminent", "check_in_imminent",
    "removal_soon", "check_in_soon", "detained", "transferred", "transfer_risk", "final_order", "hearing_soon",
    "date_passed",
)
#: Date kinds ``date_problem`` checks: past events, and dates still to come.
PAST_KINDS: tuple[str, ...] = ("birth", "order", "entry", "arrest")
FUTURE_KINDS: tuple[str, ...] = ("removal", "check_in", "hearing")
DATE_KINDS: tuple[str, ...] = PAST_KINDS + FUTURE_KINDS

#: The dates still to come that each custody status has (asked, and read for the urgency and the plan).
_DATES_BY_STATUS: dict[str, tuple[str, ...]] = {
    "jail_with_ice_hold": (),
    "ice_detention_no_order": ("hearing",),
    "final_order": ("removal", "check_in"),
    "in_proceedings_free": ("hearing", "check_in"),
    "not_in_proceedings": (),
}

IMMINENT_DAYS = 2   # 0-2 days away: hours
SOON_DAYS = 14      # 3-14 days away: days
MAX_AGE_YEARS = 120
MAX_AHEAD_YEARS = 10


def _plain(value: Any) -> Any:
    # A datetime (docassemble's DADateTime is one) cannot be compared with a date: drop the time.
    return value.date() if isinstance(value, _dt.datetime) else value


@dataclass(frozen=True)
class Urgency(PlainJson):
    """How urgent the case is.

    ``level`` is ``"hours"``, ``"days"`` or ``"weeks"``; ``reasons`` are the rules that
    fired, most urgent first (``date_passed`` last); ``bare_bones`` offers the short
    request now; ``deadline`` is the nearest date among the rules that set the level,
    or None when only undated rules (an ICE hold, detention...) set it.
    """

    level: str
    reasons: tuple[str, ...]
    bare_bones: bool
    deadline: Optional[_dt.date]


def assess_urgency(
    custody_status: str,
    today: _dt.date,
    *,
    removal_date: Optional[_dt.date] = None,
    check_in_date: Optional[_dt.date] = None,
    hearing_date: Optional[_dt.date] = None,
    transfer_expected: bool = False,
    transferred: bool = False,
    detained: bool = False,
    hold_ends: Optional[_dt.date] = None,
) -> Urgency:
    """The urgency of a case; the level is the most urgent of all the rules that fire.

    ``detained`` says a person with a ``final_order`` is held by ICE (the other statuses
    say it themselves). ``transfer_expected`` (ICE said or signalled it will move the person) adds
    ``transfer_risk``; ``transferred`` (ICE has moved them) adds ``transferred``: both are counted in
    days, since a move takes the person away from family, counsel and the district where a habeas
    petition would be filed. A date before ``today`` is ignored and adds ``date_passed``
    (so a ``final_order`` whose removal date has passed counts as having none).

    >>> assess_urgency("jail_with_ice_hold", _dt.date(2026, 1, 5)).level
    'hours'
    """
    if custody_status not in CUSTODY_STATUSES:
        raise ValueError(f"custody_status must be one of {CUSTODY_STATUSES}, not {custody_status!r}")
    today = _plain(today)
    fired: dict[str, tuple[str, Optional[_dt.date]]] = {}  # reason -> (level, date)

    def days_away(value: Optional[_dt.date]) -> Optional[int]:
        if value is None:
            return None
        days = (_plain(value) - today).days
        if days < 0:
            fired["date_passed"] = ("weeks", None)
            return None
        return days

    removal_days = days_away(removal_date)
    for kind, value, days in (("removal", removal_date, removal_days),
                              ("check_in", check_in_date, days_away(check_in_date))):
        if days is not None and days <= IMMINENT_DAYS:
            fired[f"{kind}_imminent"] = ("hours", _plain(value))
        elif days is not None and days <= SOON_DAYS:
            fired[f"{kind}_soon"] = ("days", _plain(value))
    days = days_away(hearing_date)
    if days is not None and days <= SOON_DAYS:
        fired["hearing_soon"] = ("days", _plain(hearing_date))
    if custody_status == "jail_with_ice_hold":
        hold_days = days_away(hold_ends)
        fired["ice_hold"] = ("hours", _plain(hold_ends) if hold_days is not None else None)
    if custody_status == "ice_detention_no_order" or (custody_status == "final_order" and detained):
        fired["detained"] = ("days", None)
    if transferred:
        fired["transferred"] = ("days", None)
    if transfer_expected:
        fired["transfer_risk"] = ("hours", None)
    if custody_status == "final_order" and removal_days is None:  # no date, or a passed one
        fired["final_order"] = ("days", None)

    level = min((lvl for lvl, _ in fired.values()), key=LEVELS.index, default="weeks")
    reasons = sorted(fired, key=lambda r: (r == "date_passed", LEVELS.index(fired[r][0]), REASONS.index(r)))
    dates = [day for lvl, day in fired.values() if lvl == level and day is not None]
    return Urgency(
        level=level,
        reasons=tuple(reasons),
        bare_bones=level in ("hours", "days"),
        deadline=min(dates, default=None),
    )


def date_problem(kind: str, value: Optional[_dt.date], today: _dt.date) -> Optional[str]:
    """A problem code for a date the user typed, or None if it is plausible (or left blank).

    ``birth``: ``"future"`` or ``"too_old"`` (more than 120 years ago). ``order``,
    ``entry``, ``arrest``: ``"future"``. ``removal``, ``check_in``, ``hearing``:
    ``"past"`` or ``"too_far"`` (more than 10 years ahead). Today is always fine.
    """
    if kind not in DATE_KINDS:
        raise ValueError(f"kind must be one of {DATE_KINDS}, not {kind!r}")
    if value is None:  # an optional date left blank
        return None
    value, today = _plain(value), _plain(today)
    if kind in PAST_KINDS:
        if value > today:
            return "future"
        if kind == "birth" and value < add_years(today, -MAX_AGE_YEARS):
            return "too_old"
        return None
    if value < today:
        return "past"
    if value > add_years(today, MAX_AHEAD_YEARS):
        return "too_far"
    return None


def dates_that_apply(custody_status: str, detained: bool = False) -> tuple[str, ...]:
    """The kinds of date (``hearing``, ``removal``, ``check_in``) a custody status has: the ones
    the interview asks and the urgency and the plan read. A person held by ICE has no check-in.

    >>> dates_that_apply("final_order", detained=True)
    ('removal',)
    """
    if custody_status not in _DATES_BY_STATUS:
        raise ValueError(f"custody status must be one of {tuple(_DATES_BY_STATUS)}, not {custody_status!r}")
    return tuple(kind for kind in _DATES_BY_STATUS[custody_status] if not (kind == "check_in" and detained))
