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


import datetime as dt

NOW = dt.datetime(2019, 3, 4, 10, 30)
PROFILE = {"name": "Rosa Diaz", "bar_number": "123456", "bar_state": "CA", "organization": "Legal Aid"}


def ask(store, attorney=7, name="Ana Ruiz", deadline="2019-03-10", **kw):
    return rs.request_review(
        attorney_user_id=attorney, requested_by="Lia Gomez",
        case={"name": name, "ask": "a stay of removal", "deadline": deadline, "deadline_code": "removal",
              "field_office": "San Francisco"},
        files=[{"name": "ice_letter", "number": 12, "filename": "letter.docx"}],
        facts=[{"code": "arrests", "words": "Arrests", "details": "2015, dismissed"},
               {"code": "prior_removal", "words": "Removed before", "details": "2009"}],
        passages={"hardship": "Her son needs her.", "community": "She volunteers."},
        parts={"hardship": "Her son needs her.", "ask": "stay"}, now=NOW, store=store, secret=SECRET, **kw)


def test_the_packet_is_encrypted_and_reads_back_only_with_the_secret_and_its_id():
    store = rs.MemoryStore()
    review_id = ask(store)
    token = store[rs.PACKET_PREFIX + review_id]
    assert "Ana" not in token and "son" not in token and "Lia" not in token
    packet = rs.read_packet(review_id, store, SECRET)
    assert packet["state"] == "requested" and packet["case"]["name"] == "Ana Ruiz"
    assert packet["fingerprint"] == rs.fingerprint({"hardship": "Her son needs her.", "ask": "stay"})
    assert rs.read_packet(review_id, store, SECRET + "x") is None
    # a token moved to another review's key does not read (the key is derived from the id)
    store[rs.PACKET_PREFIX + "other"] = token
    assert rs.read_packet("other", store, SECRET) is None
    store[rs.PACKET_PREFIX + review_id] = "garbage"
    assert rs.read_packet(review_id, store, SECRET) is None
    assert rs.review_state(review_id, store, SECRET) is None


def test_the_queue_is_the_attorneys_own_nearest_deadline_first():
    store = rs.MemoryStore()
    later = ask(store, name="Bo Chan", deadline="2019-03-20")
    sooner = ask(store, name="Ana Ruiz", deadline="2019-03-06")
    undated = ask(store, name="Cy Dee", deadline=None)
    ask(store, attorney=8, name="Not Mine")
    queue = rs.queue_for(7, NOW.date(), store, SECRET)
    assert [item.review_id for item in queue] == [sooner, later, undated]
    assert queue[0].name == "Ana Ruiz" and queue[0].ask == "a stay of removal" and queue[0].days_left == 2
    assert queue[0].deadline == dt.date(2019, 3, 6) and queue[0].state == "requested"
    assert queue[2].deadline is None and queue[2].days_left is None and queue[2].deadline_code is None
    rs.withdraw(later, store)
    assert [item.name for item in rs.queue_for(7, NOW.date(), store, SECRET)] == ["Ana Ruiz", "Cy Dee"]
    assert rs.open_review(later, 7, True, store, SECRET) is None


def test_open_and_decide_need_the_privilege_and_the_attorneys_own_review():
    store = rs.MemoryStore()
    review_id = ask(store)
    before = dict(store)
    for is_attorney in (False, None, "yes"):
        with pytest.raises(rs.NotAllowed):
            rs.open_review(review_id, 7, is_attorney, store, SECRET)
        with pytest.raises(rs.NotAllowed):
            rs.decide(review_id, attorney_user_id=7, is_attorney=is_attorney, profile=PROFILE, approve=True,
                      may_tell_ice={}, passages={}, note="", now=NOW, store=store, secret=SECRET)
        with pytest.raises(rs.NotAllowed):
            rs.register_attorney(7, PROFILE, is_attorney, store)
    assert rs.open_review(review_id, 8, True, store, SECRET) is None
    assert dict(store) == before
    assert rs.open_review(review_id, 7, True, store, SECRET)["case"]["name"] == "Ana Ruiz"
    assert rs.review_state(review_id, store, SECRET) == "in_review"
    with pytest.raises(ValueError):
        rs.decide(review_id, attorney_user_id=7, is_attorney=True, profile=PROFILE, approve=False,
                  may_tell_ice={}, passages={}, note="  ", now=NOW, store=store, secret=SECRET)


def test_an_approval_is_signed_taken_once_by_the_case_and_the_packet_deleted():
    store = rs.MemoryStore()
    review_id = ask(store)
    assert rs.take_decision(review_id, store, SECRET) is None   # not decided yet: the packet stays
    assert rs.review_state(review_id, store, SECRET) == "requested"
    record = rs.decide(review_id, attorney_user_id=7, is_attorney=True, profile=PROFILE, approve=True,
                       may_tell_ice={"arrests": True, "unknown": True},
                       passages={"hardship": "Her son, 9, needs her.", "other": "x"}, note="Fine.", now=NOW,
                       store=store, secret=SECRET)
    assert rs.verify_record(record, SECRET)
    assert record["state"] == "approved" and record["attorney_name"] == "Rosa Diaz" and record["bar_number"] == "CA 123456"
    assert record["may_tell_ice"] == {"arrests": True, "prior_removal": False}
    assert record["passages"] == {"hardship": "Her son, 9, needs her.", "community": "She volunteers."}
    assert record["decided_on"] == "2019-03-04" and record["review_id"] == review_id
    # what was reviewed: the parts as sent, each passage as the attorney left it (so applying it does not reopen it)
    assert record["fingerprint"] == rs.fingerprint({"hardship": "Her son, 9, needs her.", "ask": "stay",
                                                    "community": "She volunteers."})
    # decided once: a second decision is refused
    assert rs.decide(review_id, attorney_user_id=7, is_attorney=True, profile=PROFILE, approve=False,
                     may_tell_ice={}, passages={}, note="No", now=NOW, store=store, secret=SECRET) is None
    assert rs.review_state(review_id, store, SECRET) == "approved"
    assert [item.state for item in rs.queue_for(7, NOW.date(), store, SECRET)] == ["approved"]
    assert rs.take_decision(review_id, store, SECRET) == record
    assert rs.PACKET_PREFIX + review_id not in store and rs.take_decision(review_id, store, SECRET) is None


def test_a_send_back_keeps_the_note_and_a_forged_decision_is_ignored():
    store = rs.MemoryStore()
    review_id = ask(store)
    record = rs.decide(review_id, attorney_user_id=7, is_attorney=True, profile=PROFILE, approve=False,
                       may_tell_ice={}, passages={}, note=" Add the son's school letter. ", now=NOW,
                       store=store, secret=SECRET)
    assert record["state"] == "changes_requested" and record["note"] == "Add the son's school letter."
    # a decision written into a packet without the record's signing key is dropped
    packet = rs.read_packet(review_id, store, SECRET)
    packet["decision"] = {**record, "state": "approved"}
    store[rs.PACKET_PREFIX + review_id] = rs.encrypt_packet(packet, SECRET)
    assert rs.review_state(review_id, store, SECRET) == "in_review"
    assert rs.take_decision(review_id, store, SECRET) is None


def test_the_roster():
    store = rs.MemoryStore()
    assert rs.attorneys(store) == [] and rs.attorney_profile(3, store) is None
    rs.register_attorney(9, {"name": " Zoe Park ", "bar_number": "55", "bar_state": "NY", "organization": ""}, True, store)
    rs.register_attorney(7, PROFILE, True, store)
    store[rs.ROSTER_PREFIX + "5"] = "not json"
    assert [entry["name"] for entry in rs.attorneys(store)] == ["Rosa Diaz", "Zoe Park"]
    assert rs.attorney_profile(9, store) == {"name": "Zoe Park", "bar_number": "55", "bar_state": "NY",
                                             "organization": "", "email": "", "user_id": 9}


def test_the_answers_a_decision_sets_in_the_case():
    approved = record(passages={"family_details": "Two sons.", "community_details": ""})
    assert rs.decision_answers(approved) == {
        "family_details_reviewed": "Two sons.", "community_details_reviewed": "",
        "cleared_disclosures": {"arrests": True, "prior_removal": False}, "attorney_cleared": True,
        "attorney_reviewer": "Rosa Diaz", "attorney_reviewer_org": "CA 123456", "attorney_review_date": "2019-03-04"}
    # sent back: the attorney's wording is kept, nothing is cleared
    assert rs.decision_answers(record(state="changes_requested", passages={"family_details": "x"})) == {
        "family_details_reviewed": "x"}
    assert rs.decision_answers(record(may_tell_ice={}, passages={})) == {}


def test_files_are_granted_and_revoked_by_number():
    calls = []
    access = lambda number, **kw: calls.append((number, kw))   # noqa: E731
    rs.grant_files([3, "4"], 7, access)
    rs.revoke_files([3], 7, access)
    rs.revoke_files([3], None, access)
    assert calls == [(3, {"allow_user_id": [7]}), (4, {"allow_user_id": [7]}), (3, {"disallow_user_id": [7]})]
    store = rs.MemoryStore()
    review_id = ask(store)
    rs.end_review(review_id, [5], 7, store, access)
    assert rs.read_packet(review_id, store, SECRET) is None and calls[-1] == (5, {"disallow_user_id": [7]})
