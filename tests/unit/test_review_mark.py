"""The documents' mark from the review record: DRAFT, reviewed in the app, or reported by the advocate."""
import datetime as dt

from docassemble.notonemore.review_mark import ReviewMark, current_mark as review_mark, reported_record
from docassemble.notonemore.review_share import fingerprint, sign_record

SECRET = "unit-test-secret-0123456789abcdef"
PARTS = {"family_details": "My husband cares for our two sons.", "arrests": "2015, a traffic stop, no charge",
         "ask": "release", "custody": "ice_detention_no_order", "signer": "Ana Ruiz"}
NOW = fingerprint(PARTS)


def record(**changes):
    base = {"source": "app", "state": "approved", "attorney_name": "Rosa Diaz", "bar_number": "CA 123456",
            "attorney_user_id": 7, "reported_by": "", "decided_on": "2019-03-04",
            "decided_at": "2019-03-04T10:00:00", "may_tell_ice": {"arrests": True}, "passages": {},
            "note": "", "fingerprint": NOW, "review_id": "r1"}
    base.update(changes)
    return base


def test_no_record_is_a_draft():
    for nothing in (None, {}, "approved", []):
        mark = review_mark(nothing, NOW, secret=SECRET)
        assert mark == ReviewMark() and mark.draft and not mark.ignored and mark.on_en == ""


def test_a_signed_approval_of_the_case_as_it_is_lifts_the_draft():
    mark = review_mark(sign_record(record(), SECRET), NOW, secret=SECRET)
    assert (mark.kind, mark.attorney_name, mark.bar_number, mark.on, mark.on_en) == \
        ("app", "Rosa Diaz", "CA 123456", dt.date(2019, 3, 4), "March 4, 2019")
    assert not mark.draft and not mark.changed and not mark.ignored and not mark.reopened


def test_an_unsigned_or_forged_app_record_is_ignored():
    forged = dict(sign_record(record(), SECRET), attorney_name="Someone Else")
    for bad in (record(), record(signature="00" * 32), forged, sign_record(record(), "another-secret")):
        mark = review_mark(bad, NOW, secret=SECRET)
        assert mark.draft and mark.ignored and mark.attorney_name == ""
    assert review_mark(record(source="attorney"), NOW, secret=SECRET).ignored


def test_changes_requested_keeps_the_draft_and_the_note():
    mark = review_mark(sign_record(record(state="changes_requested", note="Leave out the 2015 stop."), SECRET),
                       NOW, secret=SECRET)
    assert mark.draft and mark.state == "changes_requested" and mark.note == "Leave out the 2015 stop."
    assert mark.attorney_name == "Rosa Diaz" and not mark.reopened


def test_a_change_after_the_approval_reopens_it_and_names_the_parts():
    now = fingerprint({**PARTS, "arrests": "2015 and 2017", "signer": "Luis Ruiz"})
    mark = review_mark(sign_record(record(), SECRET), now, secret=SECRET)
    assert mark.draft and mark.reopened and mark.changed == ["arrests", "signer"]
    added = fingerprint({**PARTS, "prior_removal": "2012"})
    assert review_mark(sign_record(record(), SECRET), added, secret=SECRET).changed == ["prior_removal"]


def test_a_reported_review_counts_and_says_who_reported_it():
    reported = record(source="reported", signature="", attorney_user_id=None, reported_by="Ana Ruiz",
                      bar_number="Legal Aid of the Valley")
    mark = review_mark(reported, NOW, secret=SECRET)
    assert (mark.kind, mark.reported_by, mark.attorney_name, mark.bar_number) == \
        ("reported", "Ana Ruiz", "Rosa Diaz", "Legal Aid of the Valley")
    assert not mark.draft and not mark.ignored
    # it reopens on a change too, and a reported record never needs a signature
    assert review_mark(reported, fingerprint({**PARTS, "ask": "stay"}), secret=SECRET).changed == ["ask"]
    # reported_by is only ever the reporter's: an app record's stray value is not printed
    app = review_mark(sign_record(record(reported_by="Ana Ruiz"), SECRET), NOW, secret=SECRET)
    assert app.kind == "app" and app.reported_by == ""


def test_the_mark_is_plain_json():
    mark = review_mark(sign_record(record(), SECRET), fingerprint({**PARTS, "ask": "x"}), secret=SECRET)
    assert mark.as_dict() == {"kind": "draft", "attorney_name": "Rosa Diaz", "bar_number": "CA 123456",
                              "reported_by": "", "on": "2019-03-04", "state": "approved", "note": "",
                              "changed": ["ask"], "ignored": False}


def test_a_reported_record_has_the_app_shape_and_no_signature():
    made = reported_record(attorney_name=" Rosa Diaz ", bar_number="CA 123456", decided_on=dt.date(2019, 3, 4),
                           reported_by="Ana Ruiz", may_tell_ice={"arrests": 1}, fingerprint_now=NOW,
                           now=dt.datetime(2019, 3, 5, 9, 30, 12, 345))
    assert set(made) == set(record()) | {"signature"}
    assert (made["source"], made["signature"], made["attorney_name"], made["decided_on"], made["decided_at"]) == \
        ("reported", "", "Rosa Diaz", "2019-03-04", "2019-03-05T09:30:12")
    assert made["may_tell_ice"] == {"arrests": True} and made["attorney_user_id"] is None
    assert review_mark(made, NOW, secret=SECRET).kind == "reported"
