"""How the signer of the letters is related to the person facing deportation.

The family member is asked "Paco is my: husband / wife / son / ..." so the answer names the
person facing deportation, seen from the signer, and cannot be read backwards. A letter says
"I am writing about my husband, Paco Gomez" from the code as it is, and signs "Maria Gomez,
spouse of Paco Gomez" from the other side of the same tie; that side is said without the
signer's sex, which the interview does not ask ("spouse", "parent", "child", "sibling").

``other`` (a cousin, a friend, a neighbor) has a short text of the family's own, in their own
language; no document prints it: the documents use a sentence that needs no relationship.
"""
from __future__ import annotations

from typing import Any

__all__ = ["RELATIONSHIPS", "SIGNER_SIDE", "signer_side"]

#: The codes of ``signer_relationship``: what the person facing deportation is to the signer.
RELATIONSHIPS: tuple[str, ...] = ("husband", "wife", "son", "daughter", "father", "mother", "brother", "sister", "other")

#: The same tie seen from the signer: Paco is my son, so I am Paco's parent.
SIGNER_SIDE: dict[str, str] = {
    "husband": "spouse", "wife": "spouse",
    "son": "parent", "daughter": "parent",
    "father": "child", "mother": "child",
    "brother": "sibling", "sister": "sibling",
}


def signer_side(code: Any) -> str:
    """What the signer is to the person (``spouse``, ``parent``, ``child``, ``sibling``), or ``""`` for ``other``.

    >>> signer_side("wife")
    'spouse'
    """
    if code not in RELATIONSHIPS:
        raise ValueError(f"relationship must be one of {RELATIONSHIPS}, not {code!r}")
    return SIGNER_SIDE.get(code, "")
