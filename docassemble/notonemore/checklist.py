"""Step 5's supporting documents: which papers to gather, by the guide's categories.

The guide ("Possible Documents to Include with the Letter") lists papers that back up each
claim of the letter. ``checklist_items`` keeps the ones that fit the case: a few for every
case, the rest only when a factor, a US citizen or LPR relative, or a circumstance calls for
them. It returns stable codes; the interview's YAML words them (so they can be translated).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from .factors import POSITIVE_CODES
from .intake import CIRCUMSTANCE_CODES, RELATIVE_CODES

__all__ = ["CATEGORIES", "ITEMS", "STATUSES", "Item", "checklist_items", "missing", "by_category"]

#: The guide's categories in the order the checklist shows them, then three of the product's.
CATEGORIES: tuple[str, ...] = (
    "length_of_presence", "good_moral_character", "family_and_hardship", "ties_and_contributions",
    "civil_rights_activity", "identity", "health", "crime_victim",
)
#: How the user marks each item.
STATUSES: tuple[str, ...] = ("have", "need", "not_applicable")

_ALWAYS: frozenset[str] = frozenset()
_SPOUSE = frozenset({"citizen_or_lpr_spouse"})
_CHILD = frozenset({"citizen_or_lpr_child"})
_RELATIVE = _SPOUSE | _CHILD | {"citizen_or_lpr_parent"}
_HEALTH = frozenset({"serious_health_condition", "caretaker_of_disabled_or_ill", "pregnant_or_nursing"})

# (category, item, facts of which any one adds the item; empty: every case), in display order.
_TABLE: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("length_of_presence", "rent_receipts", _ALWAYS),
    ("length_of_presence", "utility_bills", _ALWAYS),
    ("length_of_presence", "pay_records", _ALWAYS),
    ("length_of_presence", "tax_records", _ALWAYS),
    ("length_of_presence", "bank_statements", _ALWAYS),
    ("length_of_presence", "presence_letters", _ALWAYS),  # notarized: landlord, employer, neighbor, pastor
    ("length_of_presence", "school_records", frozenset({"us_education", "came_as_child", "minor"})),
    ("length_of_presence", "certificates", frozenset({"us_education"})),  # achievement, education
    ("length_of_presence", "social_security_records", frozenset({"long_presence"})),
    ("length_of_presence", "ids_over_time", frozenset({"long_presence"})),
    ("good_moral_character", "reference_letters", _ALWAYS),
    ("good_moral_character", "family_photos", _ALWAYS),
    ("good_moral_character", "awards", frozenset({"community_ties", "us_education", "military_service"})),
    ("family_and_hardship", "proof_of_citizenship_or_lpr_of_relative", _RELATIVE),
    ("family_and_hardship", "marriage_certificate", _SPOUSE),
    ("family_and_hardship", "children_birth_certificates", _CHILD),
    ("family_and_hardship", "children_school_records", _CHILD),
    ("family_and_hardship", "child_support_proof", _CHILD),
    ("family_and_hardship", "hardship_letters", _RELATIVE),
    ("family_and_hardship", "family_expense_bills", _RELATIVE),
    ("ties_and_contributions", "support_letters_community", frozenset({"community_ties"})),
    ("ties_and_contributions", "support_letters_church", frozenset({"community_ties"})),
    ("ties_and_contributions", "support_letters_school", frozenset({"community_ties", "us_education"})),
    ("ties_and_contributions", "support_letters_union", frozenset({"community_ties"})),
    ("ties_and_contributions", "support_letters_officials", frozenset({"community_ties"})),
    ("ties_and_contributions", "military_records", frozenset({"military_service"})),
    ("civil_rights_activity", "civil_rights_papers", frozenset({"civil_rights_witness"})),
    ("civil_rights_activity", "news_articles", frozenset({"civil_rights_witness"})),
    ("civil_rights_activity", "civil_rights_letters", frozenset({"civil_rights_witness"})),
    ("civil_rights_activity", "activity_photos", frozenset({"civil_rights_witness"})),
    ("civil_rights_activity", "meeting_sign_in_sheets", frozenset({"civil_rights_witness"})),
    ("civil_rights_activity", "testimony_records", frozenset({"civil_rights_witness"})),
    ("identity", "id_documents", _ALWAYS),
    ("identity", "immigration_papers", _ALWAYS),  # papers that show the A-number
    ("health", "medical_records", frozenset({"serious_health_condition", "pregnant_or_nursing"})),
    ("health", "family_medical_records", frozenset({"caretaker_of_disabled_or_ill"})),
    ("health", "doctor_letters", _HEALTH),
    ("crime_victim", "police_report_or_protective_order", frozenset({"crime_victim"})),
    ("crime_victim", "victim_advocate_letters", frozenset({"crime_victim"})),
)
#: Every item code -> its category, in display order.
ITEMS: dict[str, str] = {code: category for category, code, _ in _TABLE}


@dataclass(frozen=True)
class Item:
    """One paper to gather: ``code`` is a key of ``ITEMS``; ``category`` one of ``CATEGORIES``."""

    code: str
    category: str


def _known(codes: Iterable[str], allowed: Iterable[str], what: str) -> set[str]:
    codes = set(codes)
    unknown = codes - set(allowed)
    if unknown:
        raise ValueError(f"unknown {what} codes: {sorted(unknown)}")
    return codes


def checklist_items(*, positives: Iterable[str], relatives: Iterable[str], circumstances: Iterable[str],
                    history_asked: bool) -> list[Item]:
    """The papers that fit the case, in ``CATEGORIES`` order, then the guide's order; no duplicates.

    ``positives`` are factors.py's POSITIVE_CODES; ``relatives`` and ``circumstances`` are the
    checkbox codes of intake.py. When ``history_asked`` is False (the short path) those two
    questions were not asked: they are ignored, and every-case items are still returned.

    >>> [item.code for item in checklist_items(positives=(), relatives=(), circumstances=(),
    ...                                        history_asked=False)][:2]
    ['rent_receipts', 'utility_bills']
    """
    facts = _known(positives, POSITIVE_CODES, "positive factor")
    relative_codes = _known(relatives, RELATIVE_CODES, "relative")
    circumstance_codes = _known(circumstances, CIRCUMSTANCE_CODES, "circumstance")
    if history_asked:
        facts |= circumstance_codes
        facts |= {f"citizen_or_lpr_{RELATIVE_CODES[code][0]}" for code in relative_codes}
    return [Item(code, category) for category, code, needs in _TABLE if not needs or needs & facts]


def missing(statuses: Mapping[str, Optional[str]], items: Iterable[Item]) -> list[Item]:
    """The items still to gather: marked "need" or not marked at all, in the order given."""
    found = []
    for item in items:
        status = statuses.get(item.code)
        if status not in STATUSES + (None,):
            raise ValueError(f"status of {item.code!r} must be one of {STATUSES}, not {status!r}")
        if status in ("need", None):
            found.append(item)
    return found


def by_category(items: Iterable[Item]) -> list[tuple[str, list[Item]]]:
    """The items grouped under their categories, in ``CATEGORIES`` order; empty categories left out."""
    groups: dict[str, list[Item]] = {category: [] for category in CATEGORIES}
    for item in items:
        if item.category not in groups:
            raise ValueError(f"category must be one of {CATEGORIES}, not {item.category!r}")
        groups[item.category].append(item)
    return [(category, group) for category, group in groups.items() if group]
