"""The emergency hand-offs: which case gets which sheet (documents.py), and the facts they read (handoff.py)."""
import datetime as dt

import pytest

from docassemble.notonemore import documents as d
from docassemble.notonemore.ask import choose_ask
from docassemble.notonemore.disclosure import AUDIENCES
from docassemble.notonemore.handoff import LONG_DETENTION_DAYS, CustodyFacts, days_held, held_by_ice, next_appointment

EVERYONE = dict.fromkeys(AUDIENCES, True)
NO_ADVOCATE = {**EVERYONE, "advocate": False}
DAY = dt.date(2019, 3, 1)


@pytest.mark.parametrize("custody,habeas,bond,check_in", [
    # held by ICE, no order: how the person came in decides between habeas and bond
    (CustodyFacts("ice_detention_no_order", True, "without_inspection"), True, False, False),
    (CustodyFacts("ice_detention_no_order", True, "inspected"), False, True, False),
    (CustodyFacts("ice_detention_no_order", True, "unknown"), True, True, False),
    # held long: habeas whatever the entry
    (CustodyFacts("ice_detention_no_order", True, "inspected", days_held=LONG_DETENTION_DAYS), True, True, False),
    (CustodyFacts("ice_detention_no_order", True, "inspected", days_held=LONG_DETENTION_DAYS - 1), False, True, False),
    (CustodyFacts("final_order", True, days_held=LONG_DETENTION_DAYS + 30), True, False, False),
    (CustodyFacts("final_order", True, days_held=20), False, False, False),
    # a local jail with an ICE hold: not yet ICE's; no bond, no habeas sheet
    (CustodyFacts("jail_with_ice_hold", True, "without_inspection", days_held=400), False, False, False),
    # at home: the check-in day sheet when a date is ahead
    (CustodyFacts("in_proceedings_free", False, appointment_ahead=True), False, False, True),
    (CustodyFacts("in_proceedings_free", False, appointment_ahead=False), False, False, False),
    (CustodyFacts("final_order", False, appointment_ahead=True), False, False, True),
    (CustodyFacts("not_in_proceedings", False), False, False, False),
])
def test_which_sheet_for_which_case(custody, habeas, bond, check_in):
    assert d.sends_habeas_sheet(custody, EVERYONE) is habeas
    assert d.sends_bond_sheet(custody) is bond
    assert d.makes_check_in_sheet(custody) is check_in
    flags = d.decisions(choose_ask("final_order"), EVERYONE, custody=custody)
    assert (flags["habeas_sheet"], flags["bond_sheet"], flags["check_in_sheet"]) == (habeas, bond, check_in)
    made = d.document_variables(flags)
    assert ("habeas_sheet" in made, "bond_sheet" in made, "check_in_sheet" in made) == (habeas, bond, check_in)


def test_the_habeas_sheet_needs_consent_to_share_with_the_advocate():
    custody = CustodyFacts("ice_detention_no_order", True, "without_inspection")
    assert d.sends_habeas_sheet(custody, EVERYONE)
    assert not d.sends_habeas_sheet(custody, NO_ADVOCATE)
    # the bond sheet is the family's own: no consent needed
    assert d.sends_bond_sheet(CustodyFacts("ice_detention_no_order", True, "inspected"))


def test_the_sheets_have_their_groups_and_none_without_the_custody_facts():
    rows = {row.variable: row for row in d.DOCUMENTS}
    assert (rows["habeas_sheet"].group, rows["bond_sheet"].group, rows["check_in_sheet"].group) == (
        "attorney", "family", "family")
    flags = d.decisions(choose_ask("ice_detention_no_order", "without_inspection"), EVERYONE)
    assert not any(flags[k] for k in ("habeas_sheet", "bond_sheet", "check_in_sheet"))


def test_held_by_ice_and_days_held():
    assert held_by_ice("ice_detention_no_order", False) and held_by_ice("final_order", True)
    assert not held_by_ice("final_order", False) and not held_by_ice("jail_with_ice_hold", True)
    assert days_held(dt.date(2019, 1, 1), DAY) == 59
    assert days_held("2019-03-01", DAY) == 0
    assert days_held("", DAY) is None and days_held(None, DAY) is None
    assert days_held(dt.date(2019, 3, 2), DAY) is None


def test_next_appointment():
    later, sooner = DAY + dt.timedelta(days=9), DAY + dt.timedelta(days=2)
    first = next_appointment(DAY, check_in_date=later, hearing_date=sooner)
    assert (first.kind, first.date, first.other_kind, first.other_date) == ("hearing", sooner, "check_in", later)
    only = next_appointment(DAY, check_in_date=DAY, hearing_date=DAY - dt.timedelta(days=1))
    assert (only.kind, only.date, only.other_kind, only.other_date) == ("check_in", DAY, "", None)
    assert next_appointment(DAY, "", None) is None
    assert next_appointment(DAY, check_in_date=DAY - dt.timedelta(days=3)) is None
