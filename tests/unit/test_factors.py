"""The PD factors and risks found in the intake answers, and the date arithmetic they use."""
import datetime as dt

import pytest

from docassemble.notonemore.factors import (
    ATTORNEY_RISKS,
    POSITIVE_CODES,
    RISK_CODES,
    CaseFacts,
    add_years,
    age_on,
    evaluate,
    years_between,
)

TODAY = dt.date(2026, 11, 28)
CLEAN = {"has_arrests": False, "has_convictions": False}  # gives no_criminal_record


def rel(relationship, status):
    return {"relationship": relationship, "status": status}


# facts (besides today), positives, risks, attorney review
TABLE = [
    ({}, (), (), False),
    (CLEAN, ("no_criminal_record",), (), False),
    ({"has_arrests": False}, (), (), False),             # convictions not asked: claim nothing
    ({"entry_date": dt.date(2016, 11, 28)}, ("long_presence",), (), False),   # exactly 10 years
    ({"entry_date": dt.date(2016, 11, 29)}, (), (), False),                   # a day short
    ({"birth_date": dt.date(1990, 6, 1), "entry_date": dt.date(2006, 5, 31)},
     ("long_presence", "came_as_child"), (), False),                          # the day before 16
    ({"birth_date": dt.date(1990, 6, 1), "entry_date": dt.date(2006, 6, 1)},
     ("long_presence",), (), False),                                          # on the 16th birthday
    ({"birth_date": dt.date(1961, 11, 28)}, ("elderly",), (), False),         # 65 today
    ({"birth_date": dt.date(1961, 11, 29)}, (), (), False),                   # 65 tomorrow
    ({"birth_date": dt.date(2008, 11, 29)}, ("minor",), (), False),           # 18 tomorrow
    ({"birth_date": dt.date(2008, 11, 28)}, (), (), False),                   # 18 today
    ({"birth_date": dt.date(2020, 1, 1), "entry_date": dt.date(2023, 1, 1)},
     ("came_as_child", "minor"), (), False),
    ({"birth_date": dt.date(2030, 1, 1), "entry_date": dt.date(2031, 1, 1)}, (), (), False),  # future: ignored
    ({"birth_date": dt.date(2000, 1, 1), "entry_date": dt.date(1999, 1, 1)},
     ("long_presence",), (), False),                                          # entry before birth: no child factor
    ({"us_education": True}, ("us_education",), (), False),
    ({"military_service": True}, ("military_service",), (), False),
    ({"primary_caretaker": True}, ("primary_caretaker",), (), False),
    ({"caretaker_of_disabled_or_ill": True}, ("caretaker_of_disabled_or_ill",), (), False),
    ({"pregnant_or_nursing": True}, ("pregnant_or_nursing",), (), False),
    ({"serious_health_condition": True}, ("serious_health_condition",), (), False),
    ({"crime_victim": True}, ("crime_victim",), (), False),
    ({"civil_rights_witness": True}, ("civil_rights_witness",), (), False),
    ({"community_ties": True}, ("community_ties",), (), False),
    ({"relatives": [rel("spouse", "citizen")]}, ("citizen_or_lpr_spouse",), (), False),
    ({"relatives": [rel("child", "lpr")]}, ("citizen_or_lpr_child",), (), False),
    ({"relatives": [rel("parent", "citizen")]}, ("citizen_or_lpr_parent",), (), False),
    ({"relatives": [rel("sibling", "citizen"), rel("other", "lpr"), rel("spouse", "other"),
                    rel("child", "unknown")]}, (), (), False),
    ({"relatives": [rel("child", "citizen"), rel("child", "lpr"), rel("parent", "lpr"),
                    rel("spouse", "lpr")]},
     ("citizen_or_lpr_spouse", "citizen_or_lpr_child", "citizen_or_lpr_parent"), (), False),
    ({"has_arrests": True, "has_convictions": False}, (), ("criminal_history",), True),
    ({"has_convictions": True}, (), ("criminal_history",), True),
    ({"prior_removal": True}, (), ("prior_removal",), True),
    ({"reentry_after_removal": True}, (), ("reentry_after_removal",), True),
    ({"fraud": True}, (), ("fraud",), True),
    ({"outstanding_warrants": True}, (), ("outstanding_warrants",), True),
    ({"security_concerns": True}, (), ("security_concerns",), True),
    ({"entry_method": "without_inspection"}, (), ("entered_without_inspection",), False),
    ({"entry_method": "inspected"}, (), (), False),
    ({"entry_method": "unknown"}, (), (), False),
    ({"custody_status": "not_in_proceedings"}, (), ("not_in_proceedings",), False),
    ({"custody_status": "final_order"}, (), (), False),
    ({"custody_status": "not_in_proceedings", "entry_method": "without_inspection", "fraud": True,
      "has_arrests": True, "security_concerns": True},
     (), ("criminal_history", "fraud", "security_concerns", "entered_without_inspection", "not_in_proceedings"),
     True),
]


@pytest.mark.parametrize("given,positives,risks,attorney", TABLE)
def test_evaluate(given, positives, risks, attorney):
    result = evaluate(CaseFacts(today=TODAY, **given))
    assert result.positives == positives
    assert result.risks == risks
    assert result.attorney_review is attorney


def test_everything_at_once_keeps_the_documented_order():
    flags = {name: True for name in (
        "us_education", "military_service", "primary_caretaker", "caretaker_of_disabled_or_ill",
        "pregnant_or_nursing", "serious_health_condition", "crime_victim", "civil_rights_witness",
        "community_ties", "prior_removal", "reentry_after_removal", "fraud", "outstanding_warrants",
        "security_concerns")}
    facts = CaseFacts(today=TODAY, birth_date=dt.date(1955, 1, 1), entry_date=dt.date(1960, 1, 1),
                      relatives=[rel("parent", "lpr"), rel("child", "citizen"), rel("spouse", "citizen")],
                      has_convictions=True, entry_method="without_inspection",
                      custody_status="not_in_proceedings", **flags)
    result = evaluate(facts)
    assert result.positives == tuple(c for c in POSITIVE_CODES if c not in ("minor", "no_criminal_record"))
    assert result.risks == RISK_CODES
    assert result.attorney_review


def test_every_code_is_tested():
    assert {c for row in TABLE for c in row[1]} == set(POSITIVE_CODES)
    assert {c for row in TABLE for c in row[2]} == set(RISK_CODES)
    assert ATTORNEY_RISKS == set(RISK_CODES) - {"entered_without_inspection", "not_in_proceedings"}


def test_today_defaults_to_the_day_of_evaluation():
    assert "elderly" in evaluate(CaseFacts(birth_date=dt.date(1900, 1, 1))).positives


def test_datetimes_are_read_as_dates():
    facts = CaseFacts(today=dt.datetime(2026, 11, 28, 9), birth_date=dt.datetime(1961, 11, 28, 18))
    assert evaluate(facts).positives == ("elderly",)


@pytest.mark.parametrize("given", [
    {"entry_method": "by_boat"},
    {"custody_status": "in_jail"},
    {"relatives": [rel("cousin", "citizen")]},
    {"relatives": [rel("child", "resident")]},
    {"relatives": [{"relationship": "child"}]},
])
def test_bad_answers_are_refused(given):
    with pytest.raises(ValueError):
        evaluate(CaseFacts(today=TODAY, **given))


# start, end, whole years
YEARS = [
    (dt.date(2000, 1, 1), dt.date(2000, 1, 1), 0),
    (dt.date(2000, 6, 15), dt.date(2010, 6, 14), 9),
    (dt.date(2000, 6, 15), dt.date(2010, 6, 15), 10),
    (dt.date(2000, 2, 29), dt.date(2001, 2, 28), 0),    # a Feb 29 birthday counts on Mar 1 in common years
    (dt.date(2000, 2, 29), dt.date(2001, 3, 1), 1),
    (dt.date(2000, 2, 29), dt.date(2004, 2, 28), 3),
    (dt.date(2000, 2, 29), dt.date(2004, 2, 29), 4),
    (dt.date(2000, 2, 28), dt.date(2001, 2, 28), 1),
    (dt.date(2010, 6, 15), dt.date(2000, 6, 15), -10),  # end before start
]


@pytest.mark.parametrize("start,end,years", YEARS)
def test_years_between_and_age_on(start, end, years):
    assert years_between(start, end) == years
    assert age_on(start, end) == years


@pytest.mark.parametrize("day,years,result", [
    (dt.date(2026, 11, 28), 10, dt.date(2036, 11, 28)),
    (dt.date(2026, 11, 28), -120, dt.date(1906, 11, 28)),
    (dt.date(2028, 2, 29), 1, dt.date(2029, 2, 28)),
    (dt.date(2028, 2, 29), 4, dt.date(2032, 2, 29)),
])
def test_add_years(day, years, result):
    assert add_years(day, years) == result
