"""ICE ERO field offices (the decision-makers of Step 4), read from one data file.

``data/sources/field_offices.json`` lists each office's code, name, city and the states
and territories its area of responsibility covers. It has no addresses, phone numbers
or names of people, and its ``verified`` is null until someone checks it against the
directory: screens must send users to the directory (``offices_meta()["source"]``).
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import us

__all__ = [
    "OFFICES_FILE", "STATE_CODES", "normalize_state", "load_offices", "offices_meta",
    "offices_for_state", "office",
]

OFFICES_FILE = Path(__file__).parent / "data" / "sources" / "field_offices.json"

#: Two-letter codes of the 50 states, DC and the five inhabited territories.
STATE_CODES: frozenset[str] = frozenset(
    [state.abbr for state in us.states.STATES_AND_TERRITORIES] + [us.states.DC.abbr]
)
_REQUIRED = ("code", "name", "city", "states")


def normalize_state(state: str) -> str:
    """A state or territory code in capitals; ``ValueError`` for anything else."""
    code = (state or "").strip().upper()
    if code not in STATE_CODES:
        raise ValueError(f"not a US state or territory code: {state!r}")
    return code


@lru_cache(maxsize=4)
def _read(path: str, mtime: float) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    seen: set[str] = set()
    for entry in raw["offices"]:
        missing = [key for key in _REQUIRED if not entry.get(key)]
        if missing:
            raise ValueError(f"office {entry.get('code')!r} lacks {missing}")
        if entry["code"] in seen:
            raise ValueError(f"office {entry['code']!r} is listed twice")
        seen.add(entry["code"])
        for state in entry["states"] + entry.get("partial_states", []):
            if state not in STATE_CODES:
                raise ValueError(f"office {entry['code']!r}: unknown state {state!r}")
        if not set(entry.get("partial_states", [])) <= set(entry["states"]):
            raise ValueError(f"office {entry['code']!r}: partial_states must also be in states")
    return raw


def _data(path: Path) -> dict[str, Any]:
    return _read(str(path), path.stat().st_mtime)


def load_offices(path: Path = OFFICES_FILE) -> list[dict]:
    """All offices, in file order; re-read only when the file changes. Callers get copies."""
    return copy.deepcopy(_data(path)["offices"])


def offices_meta(path: Path = OFFICES_FILE) -> dict[str, Optional[str]]:
    """Where the list comes from: ``source`` (the directory URL), ``verified`` (ISO date or None)."""
    raw = _data(path)
    return {"source": raw["source"], "verified": raw.get("verified")}


def offices_for_state(state: str, path: Path = OFFICES_FILE) -> list[dict]:
    """The offices covering all or part of ``state`` (any case); may be empty for a territory.

    More than one office means the state is split: the user must confirm in the directory.
    """
    code = normalize_state(state)
    return [entry for entry in load_offices(path) if code in entry["states"]]


def office(code: str, path: Path = OFFICES_FILE) -> dict:
    """One office by code; a ``KeyError`` names the missing code."""
    for entry in load_offices(path):
        if entry["code"] == code:
            return entry
    raise KeyError(f"no field office {code!r} in {path.name}")
