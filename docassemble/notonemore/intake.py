"""From the interview's answers (checkbox codes, dates) to the ``CaseFacts`` of factors.py.

The YAML collects checkboxes; this module turns their codes into a ``CaseFacts``. It keeps
track of what was asked: the short "bare bones" path skips the history questions, and
``private_history=None`` then leaves arrests and convictions unknown, so the evaluation
claims no clean record.
"""
from __future__ import annotations

import datetime as _dt
from typing import Iterable, Optional

from .factors import CaseFacts

__all__ = ["RELATIVE_CODES", "CIRCUMSTANCE_CODES", "PRIVATE_HISTORY_CODES", "build_case_facts", "missing_items"]

#: us_relatives checkbox code -> (relationship, status)
RELATIVE_CODES: dict[str, tuple[str, str]] = {
    f"{status}_{relationship}": (relationship, status)
    for status in ("citizen", "lpr") for relationship in ("spouse", "child", "parent")
}
#: circumstances checkbox codes are CaseFacts field names
CIRCUMSTANCE_CODES: tuple[str, ...] = (
    "us_education", "military_service", "primary_caretaker", "caretaker_of_disabled_or_ill",
    "pregnant_or_nursing", "serious_health_condition", "crime_victim", "civil_rights_witness",
    "community_ties",
)
#: private_history checkbox code -> CaseFacts field name
PRIVATE_HISTORY_CODES: dict[str, str] = {
    "arrests": "has_arrests", "convictions": "has_convictions", "prior_removal": "prior_removal",
    "reentry_after_removal": "reentry_after_removal", "outstanding_warrants": "outstanding_warrants",
    "fraud": "fraud",
}


def _known(codes: Iterable[str], allowed: Iterable[str], what: str) -> list[str]:
    codes = list(codes)
    unknown = set(codes) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {what} codes: {sorted(unknown)}")
    return codes


def build_case_facts(*, today: _dt.date, birth_date: Optional[_dt.date], custody_status: Optional[str],
                     entry_method: Optional[str] = None, entry_date: Optional[_dt.date] = None,
                     relatives: Iterable[str] = (), circumstances: Iterable[str] = (),
                     private_history: Optional[Iterable[str]] = None) -> CaseFacts:
    """A ``CaseFacts`` from the interview's answers; checkbox answers are lists of checked codes.

    ``private_history`` None means the question was not asked (arrests stay unknown).
    """
    flags: dict[str, bool] = {code: True for code in _known(circumstances, CIRCUMSTANCE_CODES, "circumstance")}
    if private_history is not None:
        flags.update(has_arrests=False, has_convictions=False)
        for code in _known(private_history, PRIVATE_HISTORY_CODES, "private history"):
            flags[PRIVATE_HISTORY_CODES[code]] = True
    family = [{"relationship": RELATIVE_CODES[c][0], "status": RELATIVE_CODES[c][1]}
              for c in _known(relatives, RELATIVE_CODES, "relative")]
    return CaseFacts(today=today, birth_date=birth_date, entry_date=entry_date, entry_method=entry_method,
                     custody_status=custody_status, relatives=family, **flags)



def missing_items(*, a_number_known: bool, waiver_status: Optional[str], attorney_consulted: bool,
                  intake_path: Optional[str], consent: dict[str, bool], pd_letter: bool) -> list[str]:
    """What the case still lacks before a request can go out, as codes, most important first."""
    missing: list[str] = []
    if not attorney_consulted:
        missing.append("attorney_consult")
    if pd_letter and waiver_status != "signed":
        missing.append("privacy_waiver")
    if pd_letter and not a_number_known:
        missing.append("a_number")
    if pd_letter and not consent.get("ice"):
        missing.append("consent_ice")
    if intake_path == "bare_bones":
        missing.append("full_intake")
    if pd_letter:
        missing.append("supporting_documents")
    return missing
