"""Step 4 of the guide: what to ask for, and who decides, from the person's custody status.

The rules are DOMAIN.md's custody table. Functions here return stable codes only;
the words a user reads for each code live in the interview's YAML (so they can be
translated). Nothing here is legal advice: it mirrors the guide's process.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .util import PlainJson

__all__ = [
    "CUSTODY_STATUSES",
    "ENTRY_METHODS",
    "Ask",
    "choose_ask",
]

#: The five situations of the custody table, as stable answer values.
CUSTODY_STATUSES: tuple[str, ...] = (
    "jail_with_ice_hold",      # local jail / criminal custody with an ICE hold (detainer)
    "ice_detention_no_order",  # in ICE detention, no removal order yet
    "final_order",             # has a final order of removal
    "in_proceedings_free",     # in removal proceedings, not detained, no final order
    "not_in_proceedings",      # not in removal proceedings at all
)

#: How the person last entered the US; matters for release from detention since Sept 2025.
ENTRY_METHODS: tuple[str, ...] = ("inspected", "without_inspection", "unknown")


@dataclass(frozen=True)
class Ask(PlainJson):
    """The request a campaign makes, and to whom.

    ``code`` names the ask; ``targets`` name the decision-makers in order of priority;
    ``warnings`` name the cautions the user must see; ``pd_letter`` says whether a
    prosecutorial-discretion letter may be sent at all; ``attorney_needed`` says the
    step cannot be taken without an attorney's help.
    """

    code: str
    targets: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    pd_letter: bool = True
    attorney_needed: bool = False
    also_deferred_action: bool = True


def choose_ask(custody_status: str, entry_method: Optional[str] = None) -> Ask:
    """Return the ask and its targets for a custody status (DOMAIN.md, Step 4).

    ``entry_method`` is only read for ``ice_detention_no_order``: a person who entered
    without inspection gets no bond hearing before an immigration judge since
    September 2025, so release depends on ICE or on a federal petition by an attorney.

    >>> choose_ask("final_order").code
    'stay_of_removal'
    """
    if custody_status == "jail_with_ice_hold":
        return Ask(
            code="lift_ice_hold",
            targets=("ero_field_office", "local_law_enforcement"),
            warnings=("hold_hours",),
        )
    if custody_status == "ice_detention_no_order":
        if entry_method not in ENTRY_METHODS:
            raise ValueError(f"entry_method must be one of {ENTRY_METHODS}, not {entry_method!r}")
        warnings: tuple[str, ...] = ("transfer_risk",)
        attorney = False
        if entry_method in ("without_inspection", "unknown"):
            warnings = ("no_bond_hearing_ewi",) + warnings
            attorney = entry_method == "without_inspection"
        return Ask(
            code="release_from_detention",
            targets=("ero_field_office_director",),
            warnings=warnings,
            attorney_needed=attorney,
        )
    if custody_status == "final_order":
        return Ask(
            code="stay_of_removal",
            targets=("ero_field_office_director",),
            warnings=("i246_filed_in_person",),
        )
    if custody_status == "in_proceedings_free":
        return Ask(
            code="deferred_action",
            targets=("ero_field_office_director",),
            warnings=("deferred_action_rare", "no_dismissal_without_attorney"),
            also_deferred_action=False,
        )
    if custody_status == "not_in_proceedings":
        return Ask(
            code="no_pd_letter",
            targets=(),
            warnings=("not_in_proceedings",),
            pd_letter=False,
            attorney_needed=True,
            also_deferred_action=False,
        )
    raise ValueError(f"custody_status must be one of {CUSTODY_STATUSES}, not {custody_status!r}")
