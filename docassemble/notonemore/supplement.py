"""A supplement to the request to ICE (``supplement_letter.docx``) as facts.

The guide (Steps 7-8): a letter from an elected official that arrives after the request was
sent "can still be sent to ICE as a supplement to the initial request"; new support letters and
changed facts (a new medical letter, a birth, a hearing moved, a criminal case closed) go the
same way. ``supplement_model`` turns one supplement's answers into a typed ``Supplement``: the
date of the first request, the new papers as exhibits lettered on from the ones already sent
(officials' letters first, then letters of support, then other papers), the changed facts that
may print, and which kinds of news it carries (so the template can say why each matters).

Python computes, the template speaks: the phrases here are names, dates in English and lists.
A change about a criminal case prints only when an attorney cleared the criminal history for
ICE; the others stay in the supplement's answers and are counted in ``left_out``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from .letters import days_from_today
from .package import exhibit_letter
from .util import PlainJson, as_date, english_date, english_list

__all__ = ["PAPER_KINDS", "CHANGE_KINDS", "PaperAnswer", "ChangeAnswer", "SupplementAnswers", "Exhibit",
           "Change", "Supplement", "supplement_model", "request_date_problem", "last_request_date"]

#: What a new paper is, in the order the supplement lists them.
PAPER_KINDS: tuple[str, ...] = ("official", "support", "record")
#: What kind of fact changed since the request.
CHANGE_KINDS: tuple[str, ...] = ("health", "family", "case_date", "criminal_case", "other")


@dataclass(frozen=True)
class PaperAnswer:
    """One uploaded paper: its kind, who wrote it (or what it is), the date it carries."""

    kind: str
    writer: str
    dated: Optional[_dt.date] = None


@dataclass(frozen=True)
class ChangeAnswer:
    """One changed fact: its kind, when it happened (or the new date), and the confirmed English text."""

    kind: str
    text: str
    dated: Optional[_dt.date] = None


@dataclass(frozen=True)
class SupplementAnswers:
    """One supplement's answers and what it needs to know of the case."""

    today: _dt.date
    request_date: _dt.date
    papers: Sequence[PaperAnswer] = ()
    changes: Sequence[ChangeAnswer] = ()
    exhibits_before: int = 0              # exhibits already sent (the request's, earlier supplements')
    criminal_cleared: bool = False        # an attorney cleared the criminal history for ICE
    removal_date: Optional[_dt.date] = None


@dataclass(frozen=True)
class Exhibit(PlainJson):
    """A paper as the supplement lists it: "Exhibit G", its kind, its writer, its date ("" if none);
    ``paper`` is its place among the answers' papers (where its file is)."""

    paper: int
    label: str
    kind: str
    writer: str
    date: str


@dataclass(frozen=True)
class Change(PlainJson):
    """A changed fact as it prints: its kind, its date ("" if none), the text the user confirmed."""

    kind: str
    date: str
    text: str


@dataclass(frozen=True)
class Supplement(PlainJson):
    """What ``supplement_letter.docx`` writes, besides the request's heading (``ice_letter``)."""

    date: str
    request_date: str
    exhibits: list[Exhibit]
    officials: list[Exhibit]
    support: list[Exhibit]
    records: list[Exhibit]
    official_writers: str        # "Rep. Ana Díaz and Sen. Luis Ortega"
    support_writers: str
    changes: list[Change]
    left_out: int                # criminal-case changes not printed (no attorney clearance)
    health: bool
    family: bool
    case_date: bool
    criminal_case: bool
    removal_date: str            # upcoming removal, "" when none or past
    removal_when: str            # "two days from today", "" when further away

    @property
    def empty(self) -> bool:
        """Nothing new that prints: no letter to send."""
        return not self.exhibits and not self.changes


def _check(kind: str, kinds: tuple[str, ...]) -> str:
    if kind not in kinds:
        raise ValueError(f"kind must be one of {kinds}, not {kind!r}")
    return kind


def supplement_model(a: SupplementAnswers) -> Supplement:
    """The supplement from its answers: papers lettered on after ``exhibits_before``, grouped by kind.

    >>> s = supplement_model(SupplementAnswers(today=_dt.date(2019, 5, 20), request_date=_dt.date(2019, 5, 1),
    ...     papers=[PaperAnswer("support", "Pastor Luis Ortega"), PaperAnswer("official", "Rep. Ana Díaz")],
    ...     exhibits_before=3))
    >>> [(e.label, e.writer) for e in s.exhibits]
    [('D', 'Rep. Ana Díaz'), ('E', 'Pastor Luis Ortega')]
    """
    today = as_date(a.today)
    papers = [(place, paper) for kind in PAPER_KINDS for place, paper in enumerate(a.papers)
              if _check(paper.kind, PAPER_KINDS) == kind]
    exhibits = [Exhibit(paper=place, label=exhibit_letter(a.exhibits_before + number), kind=paper.kind,
                        writer=" ".join((paper.writer or "").split()), date=english_date(paper.dated))
                for number, (place, paper) in enumerate(papers)]
    given = [change for change in a.changes if _check(change.kind, CHANGE_KINDS) and (change.text or "").strip()]
    printed = [change for change in given if change.kind != "criminal_case" or a.criminal_cleared]
    changes = [Change(change.kind, english_date(change.dated), change.text.strip()) for change in printed]
    kinds = {change.kind for change in changes}
    removal = as_date(a.removal_date)
    upcoming = removal is not None and removal >= today

    def of(kind: str) -> list[Exhibit]:
        return [exhibit for exhibit in exhibits if exhibit.kind == kind]

    return Supplement(
        date=english_date(today), request_date=english_date(a.request_date), exhibits=exhibits,
        officials=of("official"), support=of("support"), records=of("record"),
        official_writers=english_list(e.writer for e in of("official")),
        support_writers=english_list(e.writer for e in of("support")),
        changes=changes, left_out=len(given) - len(printed),
        health="health" in kinds, family="family" in kinds, case_date="case_date" in kinds,
        criminal_case="criminal_case" in kinds,
        removal_date=english_date(removal) if upcoming else "",
        removal_when=days_from_today(removal, today) if upcoming else "",
    )


def request_date_problem(request_date: Any, today: _dt.date) -> str:
    """``"future"`` when the first request's date is after today, else ``""``."""
    day = as_date(request_date)
    return "future" if day is not None and day > as_date(today) else ""


def last_request_date(earlier: Sequence[Any]) -> str:
    """The request date a new supplement starts from: the last earlier supplement's (``YYYY-MM-DD``), or ``""``."""
    days = [as_date(day) for day in earlier if as_date(day) is not None]
    return days[-1].isoformat() if days else ""
