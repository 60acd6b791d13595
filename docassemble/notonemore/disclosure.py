"""Who may see which fact: the one place that decides.

Every document asks `may_disclose(fact, audience, ...)` before it writes a fact. The rule
is read from Step 1's consent (per audience), the attorney's clearance of private history,
and the two explicit A-number answers (for officials and for the public).
"""
from __future__ import annotations

from collections.abc import Collection

AUDIENCES = ('advocate', 'ice', 'officials', 'public', 'media', 'attorney')

FACTS = (
    'name',               # the person's name
    'a_number',           # Alien Registration Number
    'date_of_birth',
    'address',            # home address
    'country',            # country of birth
    'custody_place',      # detention facility or jail, and the city
    'dates',              # hearing, removal and check-in dates
    'family',             # relatives and their status
    'circumstances',      # the factors that weigh for discretion
    'story',              # the free-text story of the family and community
    'photo',
    'criminal_history',   # arrests, convictions, warrants
    'immigration_history',  # past removals, re-entry, false papers
)

# Facts an audience may see once the family consented to share with it.
# 'a_number' and the two histories carry extra conditions (see may_disclose).
_OPEN = frozenset({'name', 'country', 'custody_place', 'dates', 'family', 'circumstances', 'story', 'photo'})
_TABLE: dict[str, frozenset[str]] = {
    'advocate': frozenset(FACTS),
    # an attorney account reviewing the case in the app sees what the advocate sees (review_share.py)
    'attorney': frozenset(FACTS),
    'ice': _OPEN | {'a_number', 'date_of_birth', 'address', 'criminal_history', 'immigration_history'},
    'officials': _OPEN | {'a_number'},
    'public': _OPEN | {'a_number'},
    'media': _OPEN | {'a_number'},
}
_PRIVATE_HISTORY = frozenset({'criminal_history', 'immigration_history'})
# Who sees the private history without an attorney's clearance: those who help with the case.
_SEES_HISTORY = frozenset({'advocate', 'attorney'})

# Private-history items of the interview (step 3), grouped by the fact they belong to.
HISTORY_FACT = {
    'arrests': 'criminal_history',
    'convictions': 'criminal_history',
    'outstanding_warrants': 'criminal_history',
    'prior_removal': 'immigration_history',
    'reentry_after_removal': 'immigration_history',
    'fraud': 'immigration_history',
}


def may_disclose(fact: str, audience: str, consent: Collection[str], *,
                 cleared: bool = False, a_number_ok: bool = False) -> bool:
    """True when `fact` may appear in a document for `audience`.

    consent: the audiences the family agreed to share with (Step 1).
    cleared: an attorney reviewed this private-history fact and said it may be shared (ICE only).
    a_number_ok: the family agreed to show the A-number to this audience (officials, public, media).
    """
    if fact not in FACTS:
        raise ValueError(f"unknown fact: {fact}")
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience: {audience}")
    if audience not in consent:
        return False
    if fact not in _TABLE[audience]:
        return False
    if fact in _PRIVATE_HISTORY and audience not in _SEES_HISTORY:
        return cleared
    if fact == 'a_number' and audience in ('officials', 'public', 'media'):
        return a_number_ok
    return True


def cleared_history(private_history: Collection[str], cleared: Collection[str], audience: str,
                    consent: Collection[str], attorney_review: bool) -> list[str]:
    """The private-history items that may be written for this audience, in interview order."""
    return [item for item in private_history
            if item in HISTORY_FACT and may_disclose(HISTORY_FACT[item], audience, consent,
                                                      cleared=attorney_review and item in cleared)]
