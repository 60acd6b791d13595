"""Step 7's logic: go public or not, the petition's strongest facts, its targets and their CSV,
and the checks that find private facts in a text."""
import csv
import io

import pytest

from docassemble.notonemore.campaign import (
    TARGET_ROLES, Target, advise_going_public, clean_lines, fill, find_private, first_fitting, join_words,
    needs_political_pressure, petition_targets, rank_facts, scrub_private, targets_csv)
from docassemble.notonemore.factors import POSITIVE_CODES, RISK_CODES

CLEAR = ("long_presence", "citizen_or_lpr_child", "community_ties", "no_criminal_record")


# --- go public? -------------------------------------------------------------------------

def test_a_clear_low_priority_case_may_be_won_by_the_letter():
    advice = advise_going_public(CLEAR, (), "weeks")
    assert advice.code == "letter_may_be_enough" and advice.reasons == ("clear_case",)


@pytest.mark.parametrize("positives,risks,level,reason", [
    (CLEAR, (), "days", "urgent"),
    (CLEAR, (), "hours", "urgent"),
    (CLEAR[:-1], ("prior_removal",), "weeks", "risks"),
    (CLEAR[:-1], (), "weeks", "criminal_record_unknown"),        # the short path never asked
    (("long_presence", "no_criminal_record"), (), "weeks", "few_factors"),
])
def test_most_cases_need_public_pressure(positives, risks, level, reason):
    advice = advise_going_public(positives, risks, level)
    assert advice.code == "go_public" and reason in advice.reasons


def test_entering_without_inspection_alone_is_not_a_hard_case():
    assert advise_going_public(CLEAR, ("entered_without_inspection",), "weeks").code == "letter_may_be_enough"
    assert not needs_political_pressure(("entered_without_inspection",))


@pytest.mark.parametrize("risk", ["criminal_history", "prior_removal", "reentry_after_removal", "fraud",
                                  "outstanding_warrants", "security_concerns"])
def test_hard_cases_need_political_pressure(risk):
    assert needs_political_pressure((risk,))


# --- the petition's facts and titles ---------------------------------------------------------

def test_the_strongest_fact_leads():
    assert rank_facts(("long_presence", "community_ties", "pregnant_or_nursing", "no_criminal_record")) == [
        "pregnant_or_nursing", "long_presence", "community_ties", "no_criminal_record"]


def test_every_positive_factor_can_be_ranked():
    assert sorted(rank_facts(POSITIVE_CODES)) == sorted(POSITIVE_CODES)
    with pytest.raises(ValueError):
        rank_facts(("tall",))


# --- targets -----------------------------------------------------------------------------------

def test_an_ice_hold_targets_the_field_office_and_the_jail():
    targets = petition_targets("lift_ice_hold", office_name="San Diego Field Office", office_phone=" 619-555-0100 ",
                               local_agency="San Diego County Sheriff", local_agency_phone="619-555-0199",
                               ero_line="1-888-351-4024", ero_case_review="https://www.ice.gov/ICEcasereview")
    assert [t.role for t in targets] == ["field_office_director", "local_agency", "ero_information_line", "ero_case_review"]
    assert targets[0] == Target("field_office_director", "San Diego Field Office", "619-555-0100")
    assert targets[1].name == "San Diego County Sheriff" and targets[2].phone == "1-888-351-4024"
    assert targets[3].web == "https://www.ice.gov/ICEcasereview"


@pytest.mark.parametrize("ask", ["release_from_detention", "stay_of_removal", "deferred_action"])
def test_other_asks_target_the_field_office_director(ask):
    targets = petition_targets(ask, office_name="Houston Field Office", local_agency="Harris County Sheriff")
    assert [t.role for t in targets] == ["field_office_director"]


def test_officials_who_declined_come_after_the_decision_makers():
    targets = petition_targets("stay_of_removal", office_name="Houston Field Office", ero_line="1-888-351-4024",
                               officials=[{"name": "Rep. Ana Díaz", "phone": "202-555-0101", "email": ""},
                                          {"name": "  ", "phone": "1"}])
    assert [t.role for t in targets] == ["field_office_director", "elected_official", "ero_information_line"]
    assert targets[1] == Target("elected_official", "Rep. Ana Díaz", "202-555-0101")
    assert [t.role for t in targets] == [r for r in TARGET_ROLES if r in {t.role for t in targets}]


def test_no_petition_for_someone_not_in_proceedings():
    with pytest.raises(ValueError):
        petition_targets("no_pd_letter", office_name="")


# --- the CSV ---------------------------------------------------------------------------------------

def test_targets_csv_reads_back_with_its_columns():
    text = targets_csv(["Name or office", "E-mail", "Phone"],
                       [["Field Office Director, San Diego Field Office", "sd@example.gov", "619-555-0100"],
                        ["Sheriff, \"North\" station, Núñez", "", "+1 (619) 555-0199"],
                        ["=HYPERLINK(\"http://x\")", "@me", "-"]])
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0]) == ["Name or office", "E-mail", "Phone"]
    assert rows[0]["E-mail"] == "sd@example.gov"
    assert rows[1]["Name or office"] == "Sheriff, \"North\" station, Núñez"
    assert rows[1]["Phone"] == "+1 (619) 555-0199"               # a phone number stays as it is
    assert rows[2]["Name or office"].startswith("'=")              # a formula is shown, never run
    assert rows[2]["E-mail"] == "'@me"


def test_a_row_must_fill_every_column():
    with pytest.raises(ValueError):
        targets_csv(["a", "b"], [["only one"]])


# --- words ----------------------------------------------------------------------------------------

def test_join_words_in_each_language():
    assert join_words(["a", "b", "c"], " and ") == "a, b and c"
    assert join_words(["uno", "", "dos"], " y ") == "uno y dos"
    assert join_words(["one"], " and ") == "one" and join_words([], " y ") == ""


def test_fill_tidies_empty_fields():
    assert fill("{name} is held{at}. {why}\n\n\n\nSign: {link}", {"name": "Ana {x}", "at": "", "why": "", "link": "L"}) == \
        "Ana {x} is held.\n\nSign: L"


def test_first_fitting_keeps_text_messages_short():
    assert first_fitting(["x" * 161, "short"], 160) == "short"
    assert first_fitting(["x" * 200, "y" * 170], 160) == "y" * 170


# --- private facts -------------------------------------------------------------------------------------

def test_find_private_catches_an_a_number_however_it_is_written():
    for written in ("A 012-345-678", "A012345678", "12345678", "a-012 345 678", "#12.345.678"):
        assert find_private(f"Call about José ({written}) today.", numbers=["012345678"]), written
    assert not find_private("Call 1-888-351-4024 or 619-555-0100.", numbers=["012345678"])
    assert not find_private("123456789", numbers=["012345678"])


def test_find_private_catches_dates_and_details_in_any_case_and_spacing():
    found = find_private("Born on april  12, 1988.\nREMOVED in 2009 at the border",
                         literals=["April 12, 1988", "Removed in 2009 at the border", ""])
    assert found == ["april  12, 1988", "REMOVED in 2009 at the border"]


def test_scrub_private_replaces_what_find_private_finds():
    text = scrub_private("José (A 123-456-789), born April 12, 1988", "[…]",
                         literals=["April 12, 1988"], numbers=["123456789"])
    assert text == "José ([…]), born […]"
    assert not find_private(text, literals=["April 12, 1988"], numbers=["123456789"])


def test_clean_lines_are_scrubbed_and_not_blank():
    assert clean_lines("  Ana, born 4/12/1988.\n\n   \nSign! ", "[…]", literals=["4/12/1988"]) == ["Ana, born […].", "Sign!"]


def test_risk_codes_are_known():
    assert set(("criminal_history", "prior_removal")) <= set(RISK_CODES)
