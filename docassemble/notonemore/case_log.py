"""The case log: what was sent, what came back, the calls and signatures by day, each elected
office's status, and what the log itself makes due next.

The interview keeps the log as ordinary (encrypted) answers in four docassemble lists
(``log_sent``, ``log_answers``, ``log_days``, ``log_offices``; data/questions/case_log.yml).
This module reads those items into typed entries and computes from them: the next dates
(``log_next_dates``, stable codes the case's deadlines can show) and the figures the
evaluation asks for (``log_figures``). It holds no wording: the screens and the
after-the-decision templates say what the codes mean.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from .business_days import add_business_days
from .util import PlainJson, as_date

__all__ = [
    "SENT_KINDS", "SENT_HOWS", "ANSWER_RESULTS", "RELEASE_STATES", "OFFICE_RESULTS", "FOLLOW_UP_BUSINESS_DAYS",
    "NEXT_CODES", "LOG_NAMES", "Sent", "Answer", "DayCount", "Office", "LogFigures",
    "sent_entry", "answer_entry", "day_entry", "office_entry", "log_next_dates", "log_figures",
]

#: what was sent (the request to ICE, a supplement, the I-246 filing, an official's inquiry or letter)
SENT_KINDS: tuple[str, ...] = ("request", "supplement", "i246", "official", "other")
#: how it went
SENT_HOWS: tuple[str, ...] = ("mail", "email", "fax", "in_person", "online")
#: what came back; ``more`` carries what ICE asked for and by when
ANSWER_RESULTS: tuple[str, ...] = ("granted", "denied", "more", "acknowledged")
#: an office's own privacy release
RELEASE_STATES: tuple[str, ...] = ("not_needed", "to_send", "sent", "signed")
#: where an office stands
OFFICE_RESULTS: tuple[str, ...] = ("waiting", "inquiry", "letter", "refused")
#: business days after something goes to ICE (or an office is asked) with no answer: call about it
FOLLOW_UP_BUSINESS_DAYS = 7
#: the codes ``log_next_dates`` gives, in the order that wins a tie
NEXT_CODES: tuple[str, ...] = ("papers_due", "follow_up_request", "follow_up_supplement", "follow_up_i246", "follow_up_office")
#: the log's lists and what is read from them, in the session: left out of the documents' fingerprint,
#: so a day's calls do not make every document again; the documents read only the figures
#: (``log_totals``), the petition's targets and what the log makes due (``log_due``, in the case's
#: calendar), which the log's screen computes as it shows
LOG_NAMES: tuple[str, ...] = (
    "log_sent", "log_answers", "log_days", "log_offices", "log_entries",
    "log_sent_table", "log_answers_table", "log_days_table", "log_offices_table",
    "log_words", "log_next_words", "log_kind_words", "log_how_words", "log_result_words", "log_office_words")

#: what ICE's answers are about (sent kinds ICE answers)
_TO_ICE = ("request", "supplement", "i246")
#: answers that decide the ask
_FINAL = ("granted", "denied")


@dataclass(frozen=True)
class Sent(PlainJson):
    """One thing sent: ``kind`` (``SENT_KINDS``), to whom, ``how`` (``SENT_HOWS``), the day, a tracking number or note."""

    kind: str
    to: str
    how: str
    day: _dt.date
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SENT_KINDS:
            raise ValueError(f"unknown kind of thing sent {self.kind!r}")
        if self.how not in SENT_HOWS:
            raise ValueError(f"unknown way of sending {self.how!r}")


@dataclass(frozen=True)
class Answer(PlainJson):
    """One answer from ICE: ``result`` (``ANSWER_RESULTS``), the day, what it answers (a ``SENT_KINDS``
    code sent to ICE), the deportation officer and phone, and for ``more`` what ICE asked for and by when."""

    result: str
    day: _dt.date
    about: str = "request"
    officer: str = ""
    officer_phone: str = ""
    needs: str = ""
    needs_by: Optional[_dt.date] = None

    def __post_init__(self) -> None:
        if self.result not in ANSWER_RESULTS:
            raise ValueError(f"unknown answer {self.result!r}")
        if self.about not in _TO_ICE:
            raise ValueError(f"ICE does not answer {self.about!r}")


@dataclass(frozen=True)
class DayCount(PlainJson):
    """One day's calls made (to the field office and officials) and the petition's signatures so far (a running total)."""

    day: _dt.date
    calls: int = 0
    signatures: Optional[int] = None

    def __post_init__(self) -> None:
        if self.calls < 0 or (self.signatures is not None and self.signatures < 0):
            raise ValueError("a count is never negative")


@dataclass(frozen=True)
class Office(PlainJson):
    """One elected office: its name, when and how it was asked, its privacy release (``RELEASE_STATES``),
    where it stands (``OFFICE_RESULTS``) and since when, and whether it is now a petition target."""

    name: str
    asked: Optional[_dt.date] = None
    release: str = "not_needed"
    result: str = "waiting"
    result_day: Optional[_dt.date] = None
    has_letter: bool = False
    target: bool = False

    def __post_init__(self) -> None:
        if self.release not in RELEASE_STATES:
            raise ValueError(f"unknown release state {self.release!r}")
        if self.result not in OFFICE_RESULTS:
            raise ValueError(f"unknown office result {self.result!r}")


@dataclass(frozen=True)
class LogFigures(PlainJson):
    """The evaluation's figures, where the log has them (empty or None where it has nothing).

    ``result`` is ``won`` / ``lost`` (ICE's last final answer) or ``waiting``; ``decided`` its day;
    ``officer`` the last officer named; ``first_day`` the log's first date (the campaign's start as
    the log knows it); ``calls`` the calls counted (None when no day was counted);
    ``signatures`` the last total and ``signatures_day`` its day; ``officials_helped`` the offices
    that made an inquiry or wrote; ``officials_refused`` those that said no; ``letters`` how many
    support letters from offices came in; ``requests_sent`` the days a request went to ICE, in order
    (the organizing plan counts ICE's wait from the first).
    """

    result: str = "waiting"
    decided: Optional[_dt.date] = None
    officer: str = ""
    first_day: Optional[_dt.date] = None
    calls: Optional[int] = None
    signatures: Optional[int] = None
    signatures_day: Optional[_dt.date] = None
    officials_helped: tuple[str, ...] = field(default_factory=tuple)
    officials_refused: tuple[str, ...] = field(default_factory=tuple)
    letters: int = 0
    requests_sent: tuple[_dt.date, ...] = field(default_factory=tuple)


def _text(item: Any, name: str) -> str:
    value = getattr(item, name, "")
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _count(value: Any) -> Optional[int]:
    if value in (None, ""):
        return None
    return int(value)


def sent_entry(item: Any) -> Sent:
    """A ``Sent`` from a ``log_sent`` item (attributes ``kind``, ``to``, ``how``, ``day``, ``note``)."""
    return Sent(item.kind, _text(item, "to"), item.how, as_date(item.day), _text(item, "note"))


def answer_entry(item: Any) -> Answer:
    """An ``Answer`` from a ``log_answers`` item; what ICE asked for is kept only with ``more``."""
    more = item.result == "more"
    return Answer(item.result, as_date(item.day), getattr(item, "about", "") or "request", _text(item, "officer"),
                  _text(item, "officer_phone"), _text(item, "needs") if more else "",
                  as_date(getattr(item, "needs_by", None)) if more else None)


def day_entry(item: Any) -> DayCount:
    """A ``DayCount`` from a ``log_days`` item (a blank count of calls is 0; a blank signature total stays unknown)."""
    return DayCount(as_date(item.day), _count(getattr(item, "calls", None)) or 0, _count(getattr(item, "signatures", None)))


def office_entry(item: Any) -> Office:
    """An ``Office`` from a ``log_offices`` item."""
    result = getattr(item, "result", "waiting") or "waiting"
    return Office(_text(item, "name"), as_date(getattr(item, "asked", None)), getattr(item, "release", "") or "not_needed",
                  result, as_date(getattr(item, "result_day", None)) if result != "waiting" else None,
                  result in ("inquiry", "letter") and bool(getattr(item, "letter_file", None)),
                  result == "refused" and bool(getattr(item, "target", False)))


def _answered(sent: Sent, answers: Sequence[Answer]) -> bool:
    return any(answer.about == sent.kind and answer.day >= sent.day for answer in answers)


def log_next_dates(sent: Iterable[Sent], answers: Iterable[Answer], offices: Iterable[Office] = ()) -> list[tuple[str, _dt.date]]:
    """What the log itself makes due, as ``(code, date)`` pairs (codes in ``NEXT_CODES``), soonest first.

    - ``papers_due``: ICE asked for more by a date, and nothing went to ICE since that answer;
    - ``follow_up_<kind>``: the last request, supplement or I-246 filing has no answer yet: call
      ``FOLLOW_UP_BUSINESS_DAYS`` business days after it went (the field office's days);
    - ``follow_up_office``: an office was asked and has not answered: call it as long after.

    Nothing is due once ICE has granted or denied. A date already past stays as it is: it is overdue,
    and the case's deadlines say so. The dates do not depend on today, so the same log gives the same dates.
    """
    sent, answers, offices = list(sent), sorted(answers, key=lambda a: a.day), list(offices)
    if any(answer.result in _FINAL for answer in answers):
        return []
    due: list[tuple[str, _dt.date]] = []
    for answer in answers:
        if answer.result == "more" and answer.needs_by and not any(
                item.kind in _TO_ICE and item.day >= answer.day for item in sent):
            due.append(("papers_due", answer.needs_by))
    for kind in _TO_ICE:
        last = max((item for item in sent if item.kind == kind), key=lambda item: item.day, default=None)
        if last and not _answered(last, answers):
            due.append(("follow_up_" + kind, add_business_days(last.day, FOLLOW_UP_BUSINESS_DAYS)))
    for office in offices:
        if office.result == "waiting" and office.asked:
            due.append(("follow_up_office", add_business_days(office.asked, FOLLOW_UP_BUSINESS_DAYS)))
    order = {code: n for n, code in enumerate(NEXT_CODES)}
    return sorted(due, key=lambda pair: (pair[1], order[pair[0]]))


def log_figures(sent: Iterable[Sent] = (), answers: Iterable[Answer] = (), days: Iterable[DayCount] = (),
                offices: Iterable[Office] = ()) -> LogFigures:
    """The evaluation's figures from the log (see ``LogFigures``)."""
    sent, answers = list(sent), sorted(answers, key=lambda a: a.day)
    days, offices = sorted(days, key=lambda d: d.day), list(offices)
    final = [answer for answer in answers if answer.result in _FINAL]
    decision = final[-1] if final else None
    officers = [answer.officer for answer in answers if answer.officer]
    counted = [day for day in days if day.signatures is not None]
    dates = [item.day for item in sent] + [day.day for day in days] + [office.asked for office in offices if office.asked]
    return LogFigures(
        result={"granted": "won", "denied": "lost"}[decision.result] if decision else "waiting",
        decided=decision.day if decision else None,
        officer=officers[-1] if officers else "",
        first_day=min(dates) if dates else None,
        calls=sum(day.calls for day in days) if days else None,
        signatures=counted[-1].signatures if counted else None,
        signatures_day=counted[-1].day if counted else None,
        officials_helped=tuple(office.name for office in offices if office.result in ("inquiry", "letter")),
        officials_refused=tuple(office.name for office in offices if office.result == "refused"),
        letters=sum(1 for office in offices if office.result == "letter"),
        requests_sent=tuple(sorted(item.day for item in sent if item.kind == "request")))
