"""Step 4's custody table, one row per situation (DOMAIN.md)."""
import pytest

from docassemble.notonemore.ask import CUSTODY_STATUSES, ENTRY_METHODS, choose_ask

# custody status, entry method, ask, targets, warnings that must be present, pd letter, attorney needed
TABLE = [
    ("jail_with_ice_hold", None, "lift_ice_hold",
     ("ero_field_office", "local_law_enforcement"), {"hold_hours"}, True, False),
    ("ice_detention_no_order", "inspected", "release_from_detention",
     ("ero_field_office_director",), {"transfer_risk"}, True, False),
    ("ice_detention_no_order", "without_inspection", "release_from_detention",
     ("ero_field_office_director",), {"no_bond_hearing_ewi", "transfer_risk"}, True, True),
    ("ice_detention_no_order", "unknown", "release_from_detention",
     ("ero_field_office_director",), {"no_bond_hearing_ewi", "transfer_risk"}, True, False),
    ("final_order", None, "stay_of_removal",
     ("ero_field_office_director",), {"i246_filed_in_person"}, True, False),
    ("in_proceedings_free", None, "deferred_action",
     ("ero_field_office_director",), {"deferred_action_rare", "no_dismissal_without_attorney"}, True, False),
    ("not_in_proceedings", None, "no_pd_letter", (), {"not_in_proceedings"}, False, True),
]


@pytest.mark.parametrize("status,entry,code,targets,warnings,pd_letter,attorney", TABLE)
def test_custody_table(status, entry, code, targets, warnings, pd_letter, attorney):
    ask = choose_ask(status, entry)
    assert ask.code == code
    assert ask.targets == targets
    assert warnings <= set(ask.warnings)
    assert ask.pd_letter is pd_letter
    assert ask.attorney_needed is attorney


def test_every_status_and_entry_method_is_covered():
    assert {row[0] for row in TABLE} == set(CUSTODY_STATUSES)
    assert {row[1] for row in TABLE if row[0] == "ice_detention_no_order"} == set(ENTRY_METHODS)


def test_inspected_entry_gets_no_bond_warning():
    assert "no_bond_hearing_ewi" not in choose_ask("ice_detention_no_order", "inspected").warnings


def test_deferred_action_offered_as_an_addition_only_where_a_letter_goes():
    assert choose_ask("final_order").also_deferred_action
    assert not choose_ask("not_in_proceedings").also_deferred_action
    assert not choose_ask("in_proceedings_free").also_deferred_action  # it is already the ask


@pytest.mark.parametrize("status,entry", [("in_jail", None), ("", None), ("ice_detention_no_order", None),
                                          ("ice_detention_no_order", "by_boat")])
def test_bad_input_is_refused(status, entry):
    with pytest.raises(ValueError):
        choose_ask(status, entry)
