"""review_sheet.py: the facts of the attorney review sheet, for every custody status."""
import datetime as dt

import pytest

from docassemble.notonemore.review_sheet import (
    DATE_KINDS, FLAG_CODES, RELIEF_CODES, Claim, HistoryItem, build_review_sheet, english_date,
)

TODAY = dt.date(2018, 3, 10)   # a fixed day: the model takes the day as an argument


def sheet(custody_status, **changes):
    args = dict(full_name="Ana Ruiz", a_number="A 123-456-789", birth_date="1988-04-12", country="Mexico",
                custody_status=custody_status, detained=custody_status in ("jail_with_ice_hold", "ice_detention_no_order"),
                facility="Otay Mesa Detention Center", field_office="San Diego Field Office", today=TODAY,
                entry_date="2004-06-01", entry_method="inspected", has_attorney=False, attorney_consulted=True,
                consult_date="2018-02-01", relatives=["citizen_child"], private_history=[])
    args.update(changes)
    return build_review_sheet(**args)


def test_english_dates_whatever_the_input():
    assert english_date(dt.date(2004, 6, 1)) == "June 1, 2004"
    assert english_date("2019-01-11") == "January 11, 2019"
    assert english_date("") == english_date(None) == ""


def test_the_dates_that_apply_to_each_custody_status():
    assert set(sheet("jail_with_ice_hold").dates) == {"entry", "detained_since", "consult"}
    assert set(sheet("ice_detention_no_order", hearing_date="2018-04-01").dates) == {"entry", "detained_since", "hearing", "consult"}
    free = sheet("final_order", removal_date="2018-04-01", check_in_date="2018-03-20", order_date="2019-05-02")
    assert free.dates == {"entry": "June 1, 2004", "order": "May 2, 2019", "check_in": "March 20, 2018",
                          "removal": "April 1, 2018", "consult": "February 1, 2018"}
    held = sheet("final_order", detained=True, removal_date="2018-04-01", check_in_date="2018-03-20",
                 detained_since="2018-02-20")
    assert "check_in" not in held.dates and held.dates["detained_since"] == "February 20, 2018"
    assert held.date("order") == "not given" and held.date("hearing") == ""       # applies, unknown / does not apply
    assert set(sheet("in_proceedings_free", hearing_date="2018-06-01").dates) == {"entry", "hearing", "check_in", "consult"}
    assert set(DATE_KINDS) >= set(free.dates)


def test_short_path_and_waiver_dates():
    short = sheet("jail_with_ice_hold", short_path=True, waiver_signed=False, waiver_by="2018-03-12",
                  attorney_consulted=False, has_attorney=None)
    assert short.dates == {"detained_since": "", "waiver_by": "March 12, 2018"}     # no entry date asked
    assert short.has_attorney is None and short.g28 is None and short.history is None
    assert {"short_path", "waiver_not_signed", "no_consult", "hold_hours"} <= set(short.flags)


def test_flags_apply_to_this_case_only():
    ewi = sheet("ice_detention_no_order", entry_method="without_inspection")
    assert {"no_bond_hearing_ewi", "habeas", "transfer_risk", "dismissal_risk"} <= set(ewi.flags)
    assert "entered_without_inspection" not in ewi.flags and "stay_filing" not in ewi.flags
    inspected = sheet("ice_detention_no_order")
    assert not {"no_bond_hearing_ewi", "habeas", "entry_unknown_detained"} & set(inspected.flags)
    assert "entry_unknown_detained" in sheet("ice_detention_no_order", entry_method="unknown").flags
    final = sheet("final_order", entry_method="without_inspection", removal_date="2018-04-01")
    assert "no_bond_hearing_ewi" not in final.flags and "habeas" not in final.flags    # no bond warning on a final order
    assert "dismissal_risk" not in final.flags and "stay_filing" in final.flags
    assert "entered_without_inspection" in final.flags and "transfer_risk" not in final.flags
    held = sheet("final_order", detained=True)
    assert {"stay_detained_without_counsel", "transfer_risk"} <= set(held.flags)
    assert "stay_detained_without_counsel" not in sheet("final_order", detained=True, has_attorney=True,
                                                        g28_on_file="filed").flags
    jail = sheet("jail_with_ice_hold", entry_method="without_inspection")
    assert {"hold_hours", "detention_after_transfer_ewi"} <= set(jail.flags)
    assert not {"habeas", "dismissal_risk", "transfer_risk"} & set(jail.flags)
    home = sheet("in_proceedings_free")
    assert home.flags == ("dismissal_risk",)
    assert sheet("in_proceedings_free", a_number="").has("a_number_unknown")
    with pytest.raises(ValueError):
        home.has("no_such_flag")


def test_private_history_risks_and_a_passed_date():
    risky = sheet("in_proceedings_free", risks=("criminal_history", "prior_removal", "entered_without_inspection"),
                  hearing_date="2018-03-01")
    assert {"criminal_history", "prior_removal", "date_passed"} <= set(risky.flags)
    assert list(risky.flags) == [c for c in FLAG_CODES if c in risky.flags]       # in the sheet's order


def test_counsel_and_the_g28():
    represented = sheet("ice_detention_no_order", has_attorney=True, g28_on_file="not_filed",
                        counsel_name="Lic. Marta Díaz", counsel_org="Legal Aid")
    assert (represented.has_attorney, represented.g28, represented.counsel_name, represented.counsel_org) == (
        True, "not_filed", "Lic. Marta Díaz", "Legal Aid")
    assert "no_g28" in represented.flags
    filed = sheet("ice_detention_no_order", has_attorney=True, g28_on_file="filed")
    assert "no_g28" not in filed.flags
    alone = sheet("ice_detention_no_order", counsel_name="left over")
    assert alone.counsel_name == "" and alone.g28 is None


def test_other_relief_is_asked_with_the_answers_that_bear_on_it():
    s = sheet("in_proceedings_free", relatives=["citizen_child", "lpr_spouse"], circumstances=["crime_victim"],
              risks=("criminal_history",))
    assert [q.code for q in s.relief] == list(RELIEF_CODES)
    assert s.bearing("cancellation") == ("in the US since 2004 (13 years); a U.S. citizen child, a permanent resident "
                                         "spouse; arrests or convictions reported")
    assert s.bearing("fear_of_return") == "born in Mexico; in the US since 2004 (13 years)"
    assert "victim of a crime, domestic violence or trafficking: yes" in s.bearing("crime_victim")
    assert s.bearing("vawa").startswith("a permanent resident spouse;")          # a child is not a VAWA abuser here
    assert s.bearing("sijs") == "age 29; came at age 16"
    assert s.bearing("family_petition") == "a U.S. citizen child, a permanent resident spouse; last entry inspected"
    for q in s.relief:
        assert "eligible" not in " ".join(q.answers)
    short = sheet("jail_with_ice_hold", short_path=True)
    assert short.bearing("cancellation") == "not asked yet (short first request)"
    with pytest.raises(ValueError):
        s.bearing("asylum")


def test_history_and_the_review_record():
    s = sheet("ice_detention_no_order", private_history=["arrests", "prior_removal"], cleared=["prior_removal"],
              cleared_by="Lic. Marta Díaz, Bar 12345", cleared_on="2018-02-01")
    assert s.history == (HistoryItem("arrests", False), HistoryItem("prior_removal", True))
    assert (s.cleared_by, s.cleared_on) == ("Lic. Marta Díaz, Bar 12345", "February 1, 2018")
    assert s.reviewed_on == "" and s.reviewer == ""
    done = sheet("ice_detention_no_order", reviewer="Lic. Marta Díaz", reviewer_org="Bar 12345", reviewed_on="2018-03-01")
    assert (done.reviewer, done.reviewed_on) == ("Lic. Marta Díaz", "March 1, 2018")
    assert sheet("ice_detention_no_order").history == ()
    assert sheet("ice_detention_no_order", consent_to=["ICE", "elected officials"]).consent_to == "ICE, elected officials"
    assert sheet("ice_detention_no_order").consent_to == "no one"
    with pytest.raises(ValueError):
        sheet("deported")


def test_the_template_words_every_flag_and_every_relief_question():
    """Each code the model can give has its paragraph in the DOCX (a paragraph deleted in Word is caught)."""
    from pathlib import Path
    import docx

    path = Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "templates" / "attorney_review_sheet.docx"
    document = docx.Document(str(path))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    for code in FLAG_CODES:
        assert f"review_sheet.has('{code}')" in text, code
    for code in RELIEF_CODES:
        assert f"review_sheet.bearing('{code}')" in text, code
    for kind in DATE_KINDS:
        assert f"review_sheet.date('{kind}')" in text, kind
    assert "{%tr for claim in letter_claims %}" in text and "{{ claim.statement }}" in text and "{{ claim.answer }}" in text
    assert "eligible" not in text.lower()
