"""Our field-office file held to the shared, dated list of ICE's areas of responsibility.

``tests/data/ice-areas-of-responsibility.csv`` is the Deportation Data Project's list (CC0, commit
1915d7a of 2026-04-20, compiled from ICE's field-office pages; ``areas_source`` in the offices file).
Every state and territory it names, and every county of a split state, must resolve to the same office.
"""
import csv
import json
from pathlib import Path

import pytest
import us

from docassemble.notonemore.field_offices import (
    OFFICES_FILE, counties_for_state, is_split, office, office_for_county, offices_for_state,
)

AREAS_FILE = Path(__file__).parent.parent / "data" / "ice-areas-of-responsibility.csv"
#: the shared file's short names that are not our code with spaces made underscores
_CODES = {"St Paul": "st_paul"}


def _code(name: str) -> str:
    return _CODES.get(name, name.lower().replace(" ", "_"))


def _rows() -> list[dict[str, str]]:
    with AREAS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, skipinitialspace=True))


ROWS = _rows()
STATE_ROWS = [r for r in ROWS if not r["county_name"]]
COUNTY_ROWS = [r for r in ROWS if r["county_name"]]


#: names the shared file spells otherwise than the ``us`` package
_NAMES = {"District of Columbia": "DC", "United States Virgin Islands": "VI",
          "Commonwealth of the Northern Mariana Islands": "MP"}


def _abbr(state_name: str) -> str:
    return _NAMES.get(state_name) or us.states.lookup(state_name).abbr


def test_the_shared_file_is_what_we_expect():
    # 52 states and territories whole, 3 split by county: 55, and 374 counties
    assert len({r["state_name"] for r in ROWS}) == 55
    assert {r["state_name"] for r in COUNTY_ROWS} == {"California", "New York", "Texas"}
    assert len(COUNTY_ROWS) == 58 + 62 + 254


@pytest.mark.parametrize("row", STATE_ROWS, ids=lambda r: r["state_name"])
def test_every_whole_state_resolves_to_its_office(row):
    state = _abbr(row["state_name"])
    assert not is_split(state)
    assert [o["code"] for o in offices_for_state(state)] == [_code(row["office_name"])]


def test_every_county_resolves_to_its_office():
    wrong = [(r["state_name"], r["county_name"], r["office_name"]) for r in COUNTY_ROWS
             if office_for_county(_abbr(r["state_name"]), r["county_name"]) != _code(r["office_name"])]
    assert wrong == []


@pytest.mark.parametrize("state", ["CA", "NY", "TX"])
def test_a_split_state_lists_exactly_the_shared_counties_and_its_offices(state):
    shared = sorted(r["county_name"] for r in COUNTY_ROWS if _abbr(r["state_name"]) == state)
    assert is_split(state) and counties_for_state(state) == shared
    assert {office_for_county(state, c) for c in shared} == {o["code"] for o in offices_for_state(state)}


@pytest.mark.parametrize("state,county,code", [
    ("tx", "Harris County", "houston"), ("TX", " el  paso ", "el_paso"), ("TX", "Cameron", "harlingen"),
    ("TX", "Bexar", "san_antonio"), ("TX", "Dallas", "dallas"), ("NY", "Kings", "new_york_city"),
    ("NY", "Erie", "buffalo"), ("CA", "Kings", "san_francisco"), ("CA", "Los Angeles", "los_angeles"),
    ("CA", "San Diego", "san_diego"), ("CA", "Imperial", "san_diego"),
])
def test_office_for_county(state, county, code):
    assert office_for_county(state, county) == code
    assert office(code)["city"]


@pytest.mark.parametrize("state,county", [("TX", "Nowhere"), ("TX", ""), ("GA", "Fulton"), ("NY", "Harris")])
def test_an_unknown_county_is_refused(state, county):
    with pytest.raises(KeyError):
        office_for_county(state, county)


def test_a_whole_state_has_no_counties():
    assert counties_for_state("GA") == [] and not is_split("ga")


def test_a_county_pointing_to_an_office_outside_its_state_is_refused(tmp_path):
    raw = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    raw["counties"]["TX"]["Harris"] = "miami"
    path = tmp_path / "offices.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ValueError, match="Harris"):
        offices_for_state("TX", path)
