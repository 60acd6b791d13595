"""The field office and referral data files: coverage, lookups, and nothing unverifiable in them."""
import datetime as dt
import json
import os
import re

import pytest
import us

from docassemble.notonemore.facts import fact
from docassemble.notonemore.field_offices import (
    OFFICES_FILE,
    STATE_CODES,
    load_offices,
    office,
    offices_for_state,
    offices_meta,
)
from docassemble.notonemore.referrals import REFERRAL_KINDS, REFERRALS_FILE, load_referrals, referral

CITIES = {
    "Atlanta", "Baltimore", "Boston", "Buffalo", "Chicago", "Dallas", "Denver", "Detroit", "El Paso",
    "Harlingen", "Houston", "Los Angeles", "Miami", "New Orleans", "New York City", "Newark",
    "Philadelphia", "Phoenix", "Salt Lake City", "San Antonio", "San Diego", "San Francisco", "Seattle",
    "St. Paul", "Washington",
}
MUST_COVER = sorted({s.abbr for s in us.states.STATES} | {"DC", "PR"})
OFFICE_KEYS = {"code", "name", "city", "states", "partial_states", "address", "phone"}


def test_the_offices_are_the_known_25():
    offices = load_offices()
    assert {o["city"] for o in offices} == CITIES
    assert len({o["code"] for o in offices}) == len(offices) == 25
    for entry in offices:
        assert set(entry) == OFFICE_KEYS, entry["code"]
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", entry["code"])
        assert entry["name"] == f"{entry['city']} Field Office"


@pytest.mark.parametrize("state", MUST_COVER)
def test_every_state_dc_and_pr_is_covered(state):
    assert offices_for_state(state), state


@pytest.mark.parametrize("state,codes", [
    ("ga", {"atlanta"}),
    ("MD", {"baltimore"}),
    (" dc ", {"washington"}),
    ("Pr", {"miami"}),
    ("NJ", {"newark"}),
    ("NV", {"salt_lake_city"}),
    ("HI", {"san_francisco"}),
    ("TX", {"dallas", "el_paso", "harlingen", "houston", "san_antonio"}),
    ("CA", {"los_angeles", "san_diego", "san_francisco"}),
    ("NY", {"buffalo", "new_york_city"}),
    ("AS", set()),  # a valid territory code no office lists
])
def test_offices_for_state(state, codes):
    assert {o["code"] for o in offices_for_state(state)} == codes


def test_partial_states_are_exactly_the_split_ones():
    offices = load_offices()
    split = {s for s in STATE_CODES if sum(s in o["states"] for o in offices) > 1}
    assert split == {"CA", "NY", "TX"}
    for entry in offices:
        assert set(entry["partial_states"]) == split & set(entry["states"]), entry["code"]


@pytest.mark.parametrize("state", ["XX", "", "Texas", "T", None, "USA"])
def test_unknown_state_is_refused(state):
    with pytest.raises(ValueError):
        offices_for_state(state)


def test_office_lookup():
    assert office("st_paul")["name"] == "St. Paul Field Office"
    with pytest.raises(KeyError, match="no_such_office"):
        office("no_such_office")


def test_callers_get_copies():
    load_offices()[0]["states"].append("XX")
    office("miami")["name"] = "changed"
    assert "XX" not in load_offices()[0]["states"]
    assert office("miami")["name"] == "Miami Field Office"


def test_areas_verified_contacts_not_and_points_to_the_directory():
    meta = offices_meta()
    assert meta["source"] == fact("field_office_directory_url").value
    assert dt.date.fromisoformat(meta["verified"]) <= dt.date.today()
    assert "ice-areas-of-responsibility.csv" in meta["areas_source"] and "1915d7a" in meta["areas_source"]
    assert meta["contacts_verified"] is None
    raw = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    assert "directory" in raw["_verified_note"] and "directory" in raw["_contacts_note"]
    # no address or phone without a source and a date
    assert all(entry["address"] is None and entry["phone"] is None for entry in raw["offices"])


def test_no_phone_numbers_addresses_or_people_in_the_offices_file():
    raw = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    text = json.dumps([raw["offices"], raw["counties"]])
    assert not re.search(r"\d", text)
    for word in (r"\bdirector\b", r"\bofficer\b", r"\bmrs?\.", r"\bms\.", r"\bsuite\b", r"\bstreet\b", "@"):
        assert not re.search(word, text.lower()), word


@pytest.mark.parametrize("change,message", [
    (lambda o: o[0]["states"].append("XX"), "unknown state"),
    (lambda o: o.append(dict(o[0])), "twice"),
    (lambda o: o[0].pop("city"), "lacks"),
    (lambda o: o[0]["partial_states"].append("AK"), "partial_states"),
])
def test_a_bad_offices_file_is_refused(tmp_path, change, message):
    raw = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    change(raw["offices"])
    path = tmp_path / "offices.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(ValueError, match=message):
        load_offices(path)


def test_an_edited_file_is_read_again(tmp_path):
    raw = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "offices.json"
    path.write_text(json.dumps(raw))
    assert len(load_offices(path)) == 25
    raw["offices"], raw["counties"] = raw["offices"][:1], {}   # Atlanta alone splits no state
    path.write_text(json.dumps(raw))
    os.utime(path, (1, 1))  # a different mtime even on a coarse clock
    assert len(load_offices(path)) == 1


def test_referrals_are_complete_and_unverified_ones_carry_no_phone():
    entries = load_referrals()
    assert len(entries) >= 4
    assert len({e["code"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["kind"] in REFERRAL_KINDS
        assert entry["name"] and entry["note"] and entry["source"]
        assert entry["url"].startswith("https://")
        assert entry["languages"] and all(re.fullmatch(r"[a-z]{2}", code) for code in entry["languages"])
        if entry["verified"] is None:
            assert entry["phone"] is None, entry["code"]
            assert "checked" in entry["note"], entry["code"]
        else:
            assert dt.date.fromisoformat(entry["verified"]) <= dt.date.today()


def test_referral_lookup():
    assert referral("eoir_pro_bono_list")["kind"] == "directory"
    with pytest.raises(KeyError, match="nobody"):
        referral("nobody")


@pytest.mark.parametrize("change,message", [
    (lambda r: r.update(kind="friend"), "kind"),
    (lambda r: r.update(url="http://example.org/"), "https"),
    (lambda r: r.pop("verified"), "lacks"),
    (lambda r: r.update(verified="last week"), "isoformat"),
])
def test_a_bad_referrals_file_is_refused(tmp_path, change, message):
    raw = json.loads(REFERRALS_FILE.read_text(encoding="utf-8"))
    change(raw["referrals"][0])
    path = tmp_path / "referrals.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(ValueError, match=message):
        load_referrals(path)
