"""The attorney review sheet: what a reviewing attorney needs, from the answers.

The sheet (``attorney_review_sheet.docx``, always in English, confidential) shows the case,
every date that applies, counsel and the G-28, each claim the letters make beside the answer
it came from, the risk flags that apply to this case only, the private facts the letter would
disclose if cleared, and questions for other relief the attorney should rule out. This module
computes the facts; the template holds every sentence. It decides nothing: the questions for
other relief are asked with the answers that bear on them, never answered.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Collection, Optional, Sequence

from .ask import CUSTODY_STATUSES
from .factors import age_on, years_between
from .urgency import dates_that_apply
from .letters import Claim
from .util import PlainJson, as_date, english_date, english_list

__all__ = [
    "DATE_KINDS", "FLAG_CODES", "RELIEF_CODES", "ReliefQuestion", "HistoryItem", "ReviewSheet",
    "build_review_sheet",
]

#: The dates the sheet can show, in the order it shows them.
DATE_KINDS: tuple[str, ...] = (
    "entry", "order", "detained_since", "hearing", "check_in", "removal", "consult", "waiver_by",
)
#: Risk flags, in the order the sheet lists them; each is a paragraph of the template.
FLAG_CODES: tuple[str, ...] = (
    "hold_hours", "no_bond_hearing_ewi", "habeas", "entry_unknown_detained", "detention_after_transfer_ewi",
    "transfer_risk", "stay_filing", "stay_detained_without_counsel", "dismissal_risk",
    "criminal_history", "prior_removal", "reentry_after_removal", "fraud", "outstanding_warrants",
    "security_concerns", "entered_without_inspection",
    "no_g28", "no_consult", "waiver_not_signed", "a_number_unknown", "date_passed", "short_path",
)
#: Other relief the attorney should rule out, in the order the sheet asks.
RELIEF_CODES: tuple[str, ...] = ("fear_of_return", "crime_victim", "vawa", "sijs", "cancellation", "family_petition")

_HISTORY_RISKS = ("criminal_history", "prior_removal", "reentry_after_removal", "fraud", "outstanding_warrants",
                  "security_concerns")
_RELATIVE_PHRASES = {
    "citizen_spouse": "a U.S. citizen spouse", "lpr_spouse": "a permanent resident spouse",
    "citizen_child": "a U.S. citizen child", "lpr_child": "a permanent resident child",
    "citizen_parent": "a U.S. citizen parent", "lpr_parent": "a permanent resident parent",
}
_NOT_ASKED = "not asked yet (short first request)"


@dataclass(frozen=True)
class ReliefQuestion(PlainJson):
    """A kind of relief to rule out (``code``, one of ``RELIEF_CODES``) and the answers that bear on it."""

    code: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class HistoryItem(PlainJson):
    """A private-history answer (``code``, as in ``disclosure.HISTORY_FACT``) and whether the letter
    to ICE states it (an attorney cleared it and the family consented to share with ICE)."""

    code: str
    cleared: bool


@dataclass(frozen=True)
class ReviewSheet(PlainJson):
    """What the review sheet's template lays out.

    ``dates`` maps each kind of ``DATE_KINDS`` that applies to the case to its date in
    English, or "" when it applies and is not known; kinds that do not apply are absent.
    ``has_attorney`` and ``g28`` are None when not asked (the short first request).
    ``flags`` are ``FLAG_CODES`` that apply to this case only; ``stale_facts`` names facts of
    the facts file older than their check-by age. ``history`` is None when the private
    questions were not asked (the short first request). ``reviewed_on`` is "" until the
    documents' review is recorded; ``cleared_on`` is "" unless an attorney cleared private history.
    """

    full_name: str
    a_number: str
    birth_date: str
    country: str
    custody_status: str
    facility: str
    field_office: str
    dates: dict[str, str]
    has_attorney: Optional[bool]
    g28: Optional[str]
    counsel_name: str
    counsel_org: str
    attorney_consulted: Optional[bool]
    flags: tuple[str, ...]
    relief: tuple[ReliefQuestion, ...]
    stale_facts: tuple[str, ...] = ()
    short_path: bool = False
    prepared: str = ""
    consent_to: str = ""
    history: Optional[tuple[HistoryItem, ...]] = None
    cleared_by: str = ""
    cleared_on: str = ""
    reviewer: str = ""
    reviewer_org: str = ""
    reviewed_on: str = ""

    def date(self, kind: str) -> str:
        """The date of ``kind`` or "not given" when it applies and is unknown ("" when it does not apply)."""
        if kind not in self.dates:
            return ""
        return self.dates[kind] or "not given"

    def has(self, flag: str) -> bool:
        """True when ``flag`` applies (the template's ``{%p if sheet.has('habeas') %}``)."""
        if flag not in FLAG_CODES:
            raise ValueError(f"flag must be one of {FLAG_CODES}, not {flag!r}")
        return flag in self.flags

    def bearing(self, code: str) -> str:
        """The answers that bear on the relief ``code``, as one line ("; " between them)."""
        for question in self.relief:
            if question.code == code:
                return "; ".join(question.answers)
        raise ValueError(f"code must be one of {RELIEF_CODES}, not {code!r}")


def _since(entry: Optional[_dt.date], today: _dt.date) -> str:
    if entry is None:
        return ""
    years = years_between(entry, today)
    return f"in the US since {entry.year} ({years} year{'s' if years != 1 else ''})"


def _relief(code: str, *, short_path: bool, country: str, entry: Optional[_dt.date], today: _dt.date,
            birth: Optional[_dt.date], entry_method: Optional[str], relatives: Sequence[str],
            circumstances: Collection[str], risks: Collection[str]) -> ReliefQuestion:
    if short_path and code != "sijs":
        return ReliefQuestion(code, (f"born in {country}",) if code == "fear_of_return" else (_NOT_ASKED,))
    family = [_RELATIVE_PHRASES[r] for r in relatives if r in _RELATIVE_PHRASES]
    family_line = ", ".join(family) if family else "no U.S. citizen or permanent resident spouse, parent or child reported"
    victim = "victim of a crime, domestic violence or trafficking: " + ("yes" if "crime_victim" in circumstances else "not checked")
    since = _since(entry, today)
    parts: list[str]
    if code == "fear_of_return":
        parts = [f"born in {country}", since]
        if "prior_removal" in risks:
            parts.append("removed before (reported)")
    elif code == "crime_victim":
        parts = [victim]
    elif code == "vawa":
        spouses_parents = [_RELATIVE_PHRASES[r] for r in relatives if r in _RELATIVE_PHRASES and not r.endswith("_child")]
        parts = [", ".join(spouses_parents) if spouses_parents else "no U.S. citizen or permanent resident spouse or parent reported",
                 victim]
    elif code == "sijs":
        age = age_on(birth, today) if birth else None
        parts = [f"age {age}" if age is not None else "age not known"]
        if birth and entry and birth <= entry:
            parts.append(f"came at age {age_on(birth, entry)}")
    elif code == "cancellation":
        parts = [since or "arrival date not given", family_line]
        if "criminal_history" in risks:
            parts.append("arrests or convictions reported")
    else:   # family_petition
        method = {"inspected": "last entry inspected", "without_inspection": "last entry without inspection",
                  "unknown": "how they last entered is not known"}.get(entry_method or "", "how they last entered was not asked")
        parts = [family_line, method]
        if "prior_removal" in risks or "reentry_after_removal" in risks:
            parts.append("a prior removal or reentry reported")
    return ReliefQuestion(code, tuple(p for p in parts if p))


def build_review_sheet(
    *,
    full_name: str,
    a_number: str,
    birth_date: Any,
    country: str,
    custody_status: str,
    detained: bool,
    facility: str,
    field_office: str,
    today: _dt.date,
    short_path: bool = False,
    entry_date: Any = None,
    entry_method: Optional[str] = None,
    hearing_date: Any = None,
    removal_date: Any = None,
    check_in_date: Any = None,
    order_date: Any = None,
    detained_since: Any = None,
    consult_date: Any = None,
    waiver_by: Any = None,
    waiver_signed: bool = True,
    has_attorney: Optional[bool] = None,
    g28_on_file: Optional[str] = None,
    counsel_name: str = "",
    counsel_org: str = "",
    attorney_consulted: Optional[bool] = None,
    risks: Collection[str] = (),
    relatives: Sequence[str] = (),
    circumstances: Collection[str] = (),
    stale_facts: Sequence[str] = (),
    consent_to: Sequence[str] = (),
    private_history: Optional[Sequence[str]] = None,
    cleared: Collection[str] = (),
    cleared_by: str = "",
    cleared_on: Any = None,
    reviewer: str = "",
    reviewer_org: str = "",
    reviewed_on: Any = None,
) -> ReviewSheet:
    """The review sheet of a case. Dates may be dates, docassemble dates, ISO strings or blank.

    ``risks`` are ``factors.evaluate``'s codes; ``relatives`` are the ``us_relatives`` codes
    checked; ``entry_method`` is how the person last entered (None when not asked).
    ``consent_to`` names, in English, whom the family agreed to share with; ``private_history``
    is the private-history codes checked (None when not asked), ``cleared`` those the letter to
    ICE states (``disclosure.cleared_history``); ``cleared_by``/``cleared_on`` the attorney who
    cleared them; ``reviewer``/``reviewer_org``/``reviewed_on`` the recorded review of the
    documents ("" / None until there is one).
    """
    if custody_status not in CUSTODY_STATUSES:
        raise ValueError(f"custody_status must be one of {CUSTODY_STATUSES}, not {custody_status!r}")
    today = as_date(today)
    future = dates_that_apply(custody_status, detained)
    given = {"entry": entry_date, "order": order_date, "detained_since": detained_since, "hearing": hearing_date,
             "check_in": check_in_date, "removal": removal_date, "consult": consult_date, "waiver_by": waiver_by}
    applies = {
        "entry": not short_path,
        "order": custody_status == "final_order",
        "detained_since": detained,
        "hearing": "hearing" in future,
        "check_in": "check_in" in future,
        "removal": "removal" in future,
        "consult": bool(attorney_consulted) and not short_path,
        "waiver_by": not waiver_signed and as_date(waiver_by) is not None,
    }
    dates = {kind: english_date(given[kind]) for kind in DATE_KINDS if applies[kind]}
    passed = any(as_date(given[k]) is not None and as_date(given[k]) < today for k in future)

    ewi = entry_method == "without_inspection"
    held_by_ice = custody_status == "ice_detention_no_order" or (custody_status == "final_order" and detained)
    found = {
        "hold_hours": custody_status == "jail_with_ice_hold",
        "no_bond_hearing_ewi": custody_status == "ice_detention_no_order" and ewi,
        "habeas": custody_status == "ice_detention_no_order" and ewi,
        "entry_unknown_detained": custody_status == "ice_detention_no_order" and entry_method in ("unknown", None),
        "detention_after_transfer_ewi": custody_status == "jail_with_ice_hold" and ewi,
        "transfer_risk": held_by_ice,
        "stay_filing": custody_status == "final_order",
        "stay_detained_without_counsel": custody_status == "final_order" and detained and not has_attorney,
        # a dismissal can come up only while a case is before the immigration court
        "dismissal_risk": custody_status in ("in_proceedings_free", "ice_detention_no_order"),
        # entry without inspection is its own flag where no release flag above already says it
        "entered_without_inspection": ewi and custody_status not in ("ice_detention_no_order", "jail_with_ice_hold"),
        "no_g28": bool(has_attorney) and g28_on_file != "filed",
        "no_consult": attorney_consulted is False,
        "waiver_not_signed": not waiver_signed,
        "a_number_unknown": not a_number,
        "date_passed": passed,
        "short_path": short_path,
    }
    for risk in _HISTORY_RISKS:
        found[risk] = risk in risks
    relief = tuple(_relief(code, short_path=short_path, country=country, entry=as_date(entry_date), today=today,
                           birth=as_date(birth_date), entry_method=entry_method, relatives=relatives,
                           circumstances=circumstances, risks=risks)
                   for code in RELIEF_CODES)
    return ReviewSheet(
        full_name=full_name, a_number=a_number, birth_date=english_date(birth_date), country=country,
        custody_status=custody_status, facility=facility if detained else "", field_office=field_office,
        dates=dates, has_attorney=None if short_path else has_attorney,
        g28=(g28_on_file if has_attorney else None) if not short_path else None,
        counsel_name=counsel_name if has_attorney else "", counsel_org=counsel_org if has_attorney else "",
        attorney_consulted=attorney_consulted,
        flags=tuple(code for code in FLAG_CODES if found.get(code)),
        relief=relief, stale_facts=tuple(stale_facts), short_path=short_path,
        prepared=english_date(today), consent_to=", ".join(consent_to) or "no one",
        history=None if private_history is None or short_path else tuple(
            HistoryItem(code, code in cleared) for code in private_history),
        cleared_by=cleared_by if cleared else "", cleared_on=english_date(cleared_on) if cleared else "",
        reviewer=reviewer if as_date(reviewed_on) else "", reviewer_org=reviewer_org if as_date(reviewed_on) else "",
        reviewed_on=english_date(reviewed_on),
    )
