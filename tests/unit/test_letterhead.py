"""The letterhead: organization, signer, contacts; nothing empty."""
from docassemble.notonemore.letterhead import letterhead_lines


def test_an_advocate_writes_under_the_organization():
    assert letterhead_lines("Ana Ruiz", "Casa de la Esperanza", "555-201-3344", "ana@example.org") == [
        "Casa de la Esperanza", "Ana Ruiz", "555-201-3344 · ana@example.org"]


def test_a_family_member_without_email_has_two_lines():
    assert letterhead_lines("Ana Ruiz", "", "555-201-3344", "") == ["Ana Ruiz", "555-201-3344"]


def test_blank_parts_leave_no_empty_line():
    assert letterhead_lines("  Ana Ruiz ", "  ", "", " ") == ["Ana Ruiz"]
