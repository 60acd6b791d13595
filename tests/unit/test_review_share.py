"""The shared review: signed records, fingerprints, the encrypted packet in a store (in memory here)."""
import pytest

from docassemble.notonemore import review_share as rs

SECRET = "unit-test-secret-0123456789abcdef"


def record(**changes):
    base = {"source": "app", "state": "approved", "attorney_name": "Rosa Diaz", "bar_number": "CA 123456",
            "attorney_user_id": 7, "reported_by": "", "decided_on": "2019-03-04",
            "decided_at": "2019-03-04T10:00:00", "may_tell_ice": {"arrests": True, "prior_removal": False},
            "passages": {"hardship": "Her son needs her."}, "note": "", "fingerprint": {"ask": "ab"},
            "review_id": "r1"}
    base.update(changes)
    return base


def test_a_signed_record_verifies_and_any_change_breaks_it():
    signed = rs.sign_record(record(), SECRET)
    assert signed["signature"] and len(signed["signature"]) == 64
    assert rs.verify_record(signed, SECRET)
    # signing again gives the same signature (canonical JSON, keys sorted); the input is not changed
    assert rs.sign_record(signed, SECRET)["signature"] == signed["signature"]
    assert "signature" not in record()
    for key, value in (("state", "changes_requested"), ("attorney_name", "Anybody"),
                       ("may_tell_ice", {"arrests": True, "prior_removal": True}),
                       ("passages", {"hardship": "Changed."}), ("decided_on", "2019-03-05")):
        assert not rs.verify_record({**signed, key: value}, SECRET), key
    # another server's secret, a record with no or an empty signature, a reported record, a non-dict
    assert not rs.verify_record(signed, SECRET + "x")
    assert not rs.verify_record(record(), SECRET)
    assert not rs.verify_record({**signed, "signature": ""}, SECRET)
    assert not rs.verify_record({**rs.sign_record(record(source="reported"), SECRET)}, SECRET)
    assert not rs.verify_record("approved", SECRET) and not rs.verify_record(None, SECRET)


def test_signing_needs_a_secret():
    with pytest.raises(ValueError):
        rs.sign_record(record(), "")


def test_fingerprint_and_changed_parts():
    old = rs.fingerprint({"hardship": "Her son needs her.", "arrests": "2015 DUI", "ask": "stay", "signer": None})
    assert old["signer"] == rs.fingerprint({"signer": ""})["signer"]
    assert set(old) == {"hardship", "arrests", "ask", "signer"} and all(len(v) == 64 for v in old.values())
    new = rs.fingerprint({"hardship": "Her son needs her.", "arrests": "2015 DUI, dismissed", "ask": "stay",
                          "custody": "detained", "signer": ""})
    assert rs.changed_parts(old, new) == ["arrests", "custody"]
    assert rs.changed_parts(old, old) == []
    assert rs.changed_parts({}, {"b": "1", "a": "2"}) == ["a", "b"]
