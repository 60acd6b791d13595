"""Facts that change (phone numbers, forms, fees, policy notes), read from one data file.

``data/sources/facts.json`` holds each fact with its source and the date it was
verified. Screens show that date, so a user can tell how fresh a fact is.
"""
from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

__all__ = ["FACTS_FILE", "Fact", "load_facts", "fact", "is_stale", "is_unverified"]

FACTS_FILE = Path(__file__).parent / "data" / "sources" / "facts.json"


class Fact(dict):
    """One fact: ``value``, ``note``, ``source`` and ``verified`` (ISO date, or ``null`` for a fact
    not checked against its source yet, with a ``verified_note`` saying so)."""

    @property
    def value(self) -> str:
        return self["value"]

    @property
    def verified(self) -> Optional[_dt.date]:
        return _dt.date.fromisoformat(self["verified"]) if self["verified"] else None

    def __str__(self) -> str:
        return self["value"]


@lru_cache(maxsize=4)
def _read(path: str, mtime: float) -> dict[str, Fact]:
    raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    facts: dict[str, Fact] = {}
    for key, entry in raw.items():
        if key.startswith("_"):
            continue
        missing = {"value", "source", "verified"} - set(entry)
        if missing:
            raise ValueError(f"fact {key!r} lacks {sorted(missing)}")
        if entry["verified"] is None:
            if not entry.get("verified_note"):
                raise ValueError(f"fact {key!r} is not verified and has no verified_note saying why")
        else:
            _dt.date.fromisoformat(entry["verified"])  # fails early on a bad date
        facts[key] = Fact(entry)
    return facts


def load_facts(path: Path = FACTS_FILE) -> dict[str, Fact]:
    """All facts, keyed by name; re-read only when the file changes."""
    return _read(str(path), path.stat().st_mtime)


def fact(key: str, path: Path = FACTS_FILE) -> Fact:
    """One fact by name; a ``KeyError`` names the missing fact."""
    facts = load_facts(path)
    if key not in facts:
        raise KeyError(f"no fact {key!r} in {path.name}")
    return facts[key]


def is_stale(item: Fact, today: _dt.date | None = None, max_age_days: int = 180) -> bool:
    """True when the fact was verified more than ``max_age_days`` ago. A fact never checked
    (``is_unverified``) is not called stale: it has no age; whatever uses it must say it was not checked."""
    today = today or _dt.date.today()
    if item.verified is None:
        return False
    return (today - item.verified).days > max_age_days


def is_unverified(item: Fact) -> bool:
    """True when the fact was never checked against its source (``verified`` is null, with a note)."""
    return item.verified is None
