"""The facts file: every fact has a value, a source and a verified date."""
import datetime as dt
import json

import pytest

from docassemble.notonemore import facts as facts_module
from docassemble.notonemore.facts import FACTS_FILE, fact, is_stale, load_facts


def test_every_fact_has_value_source_and_date():
    loaded = load_facts()
    assert len(loaded) >= 5
    for key, item in loaded.items():
        assert item.value, key
        assert item["source"], key
        # a date that has passed, or null with a note saying why (never a date nobody checked)
        assert item.verified <= dt.date.today() if item.verified else "not checked" in item["verified_note"], key


def test_a_fact_not_checked_is_unverified_not_stale_and_must_say_why(tmp_path):
    item = facts_module.Fact({"value": "x", "source": "s", "verified": None, "verified_note": "not checked online"})
    assert facts_module.is_unverified(item) and not is_stale(item, today=dt.date(2019, 1, 1))
    assert not facts_module.is_unverified(facts_module.Fact({"value": "x", "source": "s", "verified": "2019-01-01"}))
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"x": {"value": "1", "source": "s", "verified": None}}))
    with pytest.raises(ValueError, match="verified_note"):
        load_facts(path)


def test_no_person_is_named_as_a_target():
    text = FACTS_FILE.read_text(encoding="utf-8").lower()
    for name in ("morton", "lorenzen", "public advocate"):
        assert name not in text


def test_lookup_and_missing_fact():
    assert fact("stay_fee").value.startswith("$")
    with pytest.raises(KeyError, match="no_such_fact"):
        fact("no_such_fact")


@pytest.mark.parametrize("verified,today,stale", [
    ("2026-11-01", dt.date(2026, 11, 28), False),
    ("2026-01-01", dt.date(2026, 11, 28), True),
    ("2026-05-31", dt.date(2026, 11, 27), False),   # 180 days: still fresh
    ("2026-05-31", dt.date(2026, 11, 28), True),    # 181 days
])
def test_staleness(verified, today, stale):
    item = facts_module.Fact({"value": "x", "source": "s", "verified": verified})
    assert is_stale(item, today=today) is stale


def test_a_fact_without_a_source_is_refused(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"x": {"value": "1", "verified": "2026-01-01"}}))
    with pytest.raises(ValueError, match="source"):
        load_facts(path)
