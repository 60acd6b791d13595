"""ICE ERO field offices (the decision-makers of Step 4), read from one data file.

``data/sources/field_offices.json`` lists each office's code, name, city, the states and
territories its area of responsibility covers and, for a state split among offices (California,
New York, Texas), each county's office. Its ``verified`` date is when the areas were checked
against ``areas_source``; ``address``/``phone`` stay null unless a source gave them
(``contacts_verified``). Screens still send users to the directory (``offices_meta()["source"]``).
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
    "offices_for_state", "office", "is_split", "counties_for_state", "office_for_county",
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
    partial = {state for entry in raw["offices"] for state in entry.get("partial_states", [])}
    if set(raw.get("counties", {})) != partial:
        raise ValueError(f"counties must be given for exactly the split states {sorted(partial)}")
    for state, counties in raw.get("counties", {}).items():
        for county, code in counties.items():
            if code not in seen or state not in next(e for e in raw["offices"] if e["code"] == code)["states"]:
                raise ValueError(f"county {county!r} of {state}: office {code!r} does not cover {state}")
    return raw


def _data(path: Path) -> dict[str, Any]:
    return _read(str(path), path.stat().st_mtime)


def load_offices(path: Path = OFFICES_FILE) -> list[dict]:
    """All offices, in file order; re-read only when the file changes. Callers get copies."""
    return copy.deepcopy(_data(path)["offices"])


def offices_meta(path: Path = OFFICES_FILE) -> dict[str, Optional[str]]:
    """Where the list comes from: ``source`` (the directory URL), ``verified`` (ISO date or None)."""
    raw = _data(path)
    return {"source": raw["source"], "verified": raw.get("verified"), "areas_source": raw.get("areas_source"),
            "contacts_verified": raw.get("contacts_verified")}


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


def is_split(state: str, path: Path = OFFICES_FILE) -> bool:
    """True when more than one office covers parts of ``state``: the county then picks the office."""
    return normalize_state(state) in _data(path).get("counties", {})


def counties_for_state(state: str, path: Path = OFFICES_FILE) -> list[str]:
    """The counties of a split state, in alphabetical order (empty for a state one office covers)."""
    return sorted(_data(path).get("counties", {}).get(normalize_state(state), {}))


def office_for_county(state: str, county: str, path: Path = OFFICES_FILE) -> str:
    """The code of the office covering ``county`` of a split ``state`` (name as in ``counties_for_state``,
    any case, with or without the word "County"); a ``KeyError`` names what is unknown."""
    counties = _data(path).get("counties", {}).get(normalize_state(state), {})
    wanted = " ".join((county or "").split()).lower()
    if wanted.endswith(" county"):
        wanted = wanted[: -len(" county")]
    for name, code in counties.items():
        if name.lower() == wanted:
            return code
    raise KeyError(f"no county {county!r} in the split state {state!r}")
