"""Step 5's checklist of supporting documents, one row per rule (DOMAIN.md, the guide's lists)."""
import pytest

from docassemble.notonemore.checklist import (
    CATEGORIES, ITEMS, STATUSES, Item, by_category, checklist_items, missing,
)
from docassemble.notonemore.factors import POSITIVE_CODES, evaluate
from docassemble.notonemore.intake import CIRCUMSTANCE_CODES, RELATIVE_CODES, build_case_facts

ALWAYS = {
    "id_documents", "immigration_papers",
    "rent_receipts", "utility_bills", "pay_records", "tax_records", "bank_statements", "presence_letters",
    "reference_letters", "family_photos",
}
FAMILY = {"proof_of_citizenship_or_lpr_of_relative", "hardship_letters", "family_expense_bills"}
CHILDREN = {"children_birth_certificates", "children_school_records", "child_support_proof"}
SUPPORT = {"support_letters_community", "support_letters_church", "support_letters_school",
           "support_letters_union", "support_letters_officials"}
CIVIL_RIGHTS = {"civil_rights_papers", "news_articles", "civil_rights_letters", "activity_photos",
                "meeting_sign_in_sheets", "testimony_records"}


def codes(positives=(), relatives=(), circumstances=(), history_asked=True):
    return {item.code for item in checklist_items(positives=positives, relatives=relatives,
                                                  circumstances=circumstances, history_asked=history_asked)}


# name, positives, relatives, circumstances, history asked, items added to ALWAYS (exactly)
TABLE = [
    ("nothing", (), (), (), True, set()),
    ("short path ignores relatives", (), ("citizen_spouse",), (), False, set()),
    ("short path ignores circumstances", (), (), ("crime_victim", "community_ties"), False, set()),
    ("citizen spouse", (), ("citizen_spouse",), (), True, FAMILY | {"marriage_certificate"}),
    ("lpr spouse", (), ("lpr_spouse",), (), True, FAMILY | {"marriage_certificate"}),
    ("citizen child", (), ("citizen_child",), (), True, FAMILY | CHILDREN),
    ("lpr child", (), ("lpr_child",), (), True, FAMILY | CHILDREN),
    ("citizen parent", (), ("citizen_parent",), (), True, FAMILY),
    ("lpr parent", (), ("lpr_parent",), (), True, FAMILY),
    ("spouse and child", (), ("citizen_spouse", "lpr_child"), (), True,
     FAMILY | CHILDREN | {"marriage_certificate"}),
    ("relative from the evaluation", ("citizen_or_lpr_spouse",), (), (), False, FAMILY | {"marriage_certificate"}),
    ("serious health condition", (), (), ("serious_health_condition",), True, {"medical_records", "doctor_letters"}),
    ("pregnant or nursing", (), (), ("pregnant_or_nursing",), True, {"medical_records", "doctor_letters"}),
    ("caretaker of the ill", (), (), ("caretaker_of_disabled_or_ill",), True,
     {"family_medical_records", "doctor_letters"}),
    ("primary caretaker alone adds nothing", (), (), ("primary_caretaker",), True, set()),
    ("military service", (), (), ("military_service",), True, {"military_records", "awards"}),
    ("crime victim", (), (), ("crime_victim",), True, {"police_report_or_protective_order", "victim_advocate_letters"}),
    ("civil rights witness", (), (), ("civil_rights_witness",), True, CIVIL_RIGHTS),
    ("community ties", (), (), ("community_ties",), True, SUPPORT | {"awards"}),
    ("us education", (), (), ("us_education",), True,
     {"school_records", "certificates", "support_letters_school", "awards"}),
    ("came as a child", ("came_as_child",), (), (), True, {"school_records"}),
    ("minor", ("minor",), (), (), False, {"school_records"}),
    ("long presence", ("long_presence",), (), (), False, {"social_security_records", "ids_over_time"}),
    ("no record adds nothing", ("no_criminal_record", "elderly"), (), (), True, set()),
]


@pytest.mark.parametrize("name,positives,relatives,circumstances,history_asked,added", TABLE,
                         ids=[row[0] for row in TABLE])
def test_rules(name, positives, relatives, circumstances, history_asked, added):
    assert codes(positives, relatives, circumstances, history_asked) == ALWAYS | added


def test_every_item_is_reachable_and_listed_once_in_order():
    items = checklist_items(positives=POSITIVE_CODES, relatives=RELATIVE_CODES,
                            circumstances=CIRCUMSTANCE_CODES, history_asked=True)
    assert [item.code for item in items] == list(ITEMS)  # no duplicates, the table's order
    assert all(item.category == ITEMS[item.code] for item in items)
    ranks = [CATEGORIES.index(item.category) for item in items]
    assert ranks == sorted(ranks)


def test_always_items_come_in_category_order():
    items = checklist_items(positives=(), relatives=(), circumstances=(), history_asked=False)
    assert [item.category for item in items] == (
        ["length_of_presence"] * 6 + ["good_moral_character"] * 2 + ["identity"] * 2)


def test_the_guide_items_named_in_the_brief_exist():
    named = {"rent_receipts", "school_records", "tax_records", "pay_records", "utility_bills", "bank_statements",
             "children_birth_certificates", "children_school_records", "marriage_certificate",
             "proof_of_citizenship_or_lpr_of_relative", "reference_letters", "family_photos", "awards",
             "child_support_proof", "family_medical_records", "hardship_letters", "support_letters_community",
             "support_letters_church", "support_letters_school", "support_letters_union", "military_records",
             "medical_records", "police_report_or_protective_order", "civil_rights_papers", "news_articles",
             "id_documents"}
    assert named <= set(ITEMS)
    assert set(ITEMS.values()) == set(CATEGORIES)  # every category has items, and no other category


def test_with_the_evaluation_of_a_real_intake():
    import datetime as dt
    facts = build_case_facts(today=dt.date(2026, 11, 1), birth_date=dt.date(1990, 1, 1),
                             custody_status="final_order", entry_date=dt.date(2000, 1, 1),
                             relatives=["citizen_child"], circumstances=["community_ties"], private_history=[])
    found = codes(evaluate(facts).positives, ["citizen_child"], ["community_ties"])
    assert {"children_birth_certificates", "support_letters_church", "school_records",
            "social_security_records"} <= found  # came at 10, 26 years ago
    assert "marriage_certificate" not in found


@pytest.mark.parametrize("field,value", [("positives", ["tall"]), ("relatives", ["citizen_cousin"]),
                                         ("circumstances", ["rich"])])
def test_unknown_codes_are_refused(field, value):
    answers = {"positives": (), "relatives": (), "circumstances": (), field: value}
    with pytest.raises(ValueError):
        checklist_items(history_asked=True, **answers)


ITEMS3 = [Item("rent_receipts", "length_of_presence"), Item("reference_letters", "good_moral_character"),
          Item("id_documents", "identity")]


# statuses, codes still missing
MISSING = [
    ({}, ["rent_receipts", "reference_letters", "id_documents"]),
    ({"rent_receipts": "have"}, ["reference_letters", "id_documents"]),
    ({"rent_receipts": "need", "reference_letters": "not_applicable"}, ["rent_receipts", "id_documents"]),
    ({"rent_receipts": None, "reference_letters": "have", "id_documents": "have"}, ["rent_receipts"]),
    ({code: "have" for code in ITEMS}, []),
    ({"awards": "need"}, ["rent_receipts", "reference_letters", "id_documents"]),  # not on the list: ignored
]


@pytest.mark.parametrize("statuses,expected", MISSING)
def test_missing(statuses, expected):
    assert [item.code for item in missing(statuses, ITEMS3)] == expected


def test_statuses_and_a_bad_status():
    assert STATUSES == ("have", "need", "not_applicable")
    with pytest.raises(ValueError):
        missing({"rent_receipts": "maybe"}, ITEMS3)


def test_by_category():
    items = [Item("id_documents", "identity"), Item("rent_receipts", "length_of_presence"),
             Item("medical_records", "health"), Item("tax_records", "length_of_presence")]
    assert by_category(items) == [
        ("length_of_presence", [Item("rent_receipts", "length_of_presence"), Item("tax_records", "length_of_presence")]),
        ("identity", [Item("id_documents", "identity")]),
        ("health", [Item("medical_records", "health")]),
    ]
    assert by_category([]) == []
    with pytest.raises(ValueError):
        by_category([Item("x", "astrology")])
