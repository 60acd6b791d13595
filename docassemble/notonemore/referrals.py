"""Where to find an immigration attorney (Step 2), read from one editable data file.

``data/sources/referrals.json`` lists national directories and organizations, each with
its source and the date it was verified (null until someone checks it).
"""
from __future__ import annotations

import copy
import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["REFERRALS_FILE", "REFERRAL_KINDS", "load_referrals", "referral"]

REFERRALS_FILE = Path(__file__).parent / "data" / "sources" / "referrals.json"
REFERRAL_KINDS: tuple[str, ...] = ("directory", "hotline", "organization")
_REQUIRED = ("code", "name", "kind", "url", "phone", "languages", "note", "source", "verified")


@lru_cache(maxsize=4)
def _read(path: str, mtime: float) -> list[dict[str, Any]]:
    raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    seen: set[str] = set()
    for entry in raw["referrals"]:
        missing = [key for key in _REQUIRED if key not in entry]
        if missing:
            raise ValueError(f"referral {entry.get('code')!r} lacks {missing}")
        if entry["code"] in seen:
            raise ValueError(f"referral {entry['code']!r} is listed twice")
        seen.add(entry["code"])
        if entry["kind"] not in REFERRAL_KINDS:
            raise ValueError(f"referral {entry['code']!r}: kind must be one of {REFERRAL_KINDS}")
        if not entry["url"].startswith("https://"):
            raise ValueError(f"referral {entry['code']!r}: url must start with https://")
        if entry["verified"] is not None:
            _dt.date.fromisoformat(entry["verified"])  # fails early on a bad date
    return raw["referrals"]


def load_referrals(path: Path = REFERRALS_FILE) -> list[dict]:
    """All referral contacts, in file order; re-read only when the file changes. Callers get copies."""
    return copy.deepcopy(_read(str(path), path.stat().st_mtime))


def referral(code: str, path: Path = REFERRALS_FILE) -> dict:
    """One referral contact by code; a ``KeyError`` names the missing code."""
    for entry in load_referrals(path):
        if entry["code"] == code:
            return entry
    raise KeyError(f"no referral {code!r} in {path.name}")
