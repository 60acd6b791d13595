"""Answers -> CaseFacts, and what a case still lacks (intake.py, util.py)."""
import datetime as dt

import pytest

from docassemble.notonemore.factors import evaluate
from docassemble.notonemore.intake import build_case_facts, missing_items
from docassemble.notonemore.util import as_date, true_keys

TODAY = dt.date(2026, 11, 28)


def facts(**kwargs):
    base = dict(today=TODAY, birth_date=dt.date(1990, 1, 1), custody_status="final_order")
    return build_case_facts(**{**base, **kwargs})


def test_checkbox_codes_become_facts():
    f = facts(relatives=["citizen_child", "lpr_spouse"], circumstances=["community_ties"],
              private_history=["prior_removal", "arrests"])
    assert {"relationship": "child", "status": "citizen"} in f.relatives
    assert {"relationship": "spouse", "status": "lpr"} in f.relatives
    assert f.community_ties and f.prior_removal and f.has_arrests
    assert f.has_convictions is False


def test_history_not_asked_claims_no_clean_record():
    assert "no_criminal_record" not in evaluate(facts(private_history=None)).positives
    assert "no_criminal_record" in evaluate(facts(private_history=[])).positives


def test_private_history_flags_attorney_review():
    result = evaluate(facts(private_history=["convictions"]))
    assert "criminal_history" in result.risks and result.attorney_review


@pytest.mark.parametrize("kwargs", [dict(relatives=["cousin"]), dict(circumstances=["rich"]),
                                    dict(private_history=["jaywalking"])])
def test_unknown_codes_are_refused(kwargs):
    with pytest.raises(ValueError):
        facts(**kwargs)


BASE = dict(a_number_known=True, waiver_status="signed", attorney_consulted=True, intake_path="full",
            consent={"ice": True}, pd_letter=True)


@pytest.mark.parametrize("change,expected", [
    ({}, ["supporting_documents"]),
    ({"attorney_consulted": False}, ["attorney_consult", "supporting_documents"]),
    ({"waiver_status": "unknown"}, ["privacy_waiver", "supporting_documents"]),
    ({"a_number_known": False}, ["a_number", "supporting_documents"]),
    ({"consent": {"ice": False}}, ["consent_ice", "supporting_documents"]),
    ({"intake_path": "bare_bones"}, ["full_intake", "supporting_documents"]),
    ({"pd_letter": False, "attorney_consulted": False, "waiver_status": None}, ["attorney_consult"]),
])
def test_missing_items(change, expected):
    assert missing_items(**{**BASE, **change}) == expected


@pytest.mark.parametrize("value,expected", [
    (None, None), ("", None), ("2026-12-01", dt.date(2026, 12, 1)), ("2026-12-01T00:00:00", dt.date(2026, 12, 1)),
    (dt.datetime(2026, 12, 1, 15, 0), dt.date(2026, 12, 1)), (dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
])
def test_as_date(value, expected):
    assert as_date(value) == expected


def test_as_date_refuses_other_things():
    with pytest.raises(TypeError):
        as_date(20261201)


def test_true_keys_reads_a_plain_dict_or_nothing():
    assert true_keys({"a": True, "b": False, "c": True}) == ["a", "c"]
    assert true_keys(None) == [] and true_keys({}) == []


def test_upload_path_reads_a_file_list_a_file_or_nothing():
    from docassemble.notonemore.util import upload_path

    class File:
        def __init__(self, path):
            self._path = path

        def path(self):
            return self._path

    assert upload_path([File("/a.pdf"), File("/b.pdf")]) == "/a.pdf"
    assert upload_path(File("/c.png")) == "/c.png"
    assert upload_path([]) is None and upload_path(None) is None
