"""The A-number as people type it: accepted forms and every error code."""
import pytest

from docassemble.notonemore.anumber import (
    A_NUMBER_PROBLEMS,
    a_number_problem,
    format_a_number,
    normalize_a_number,
)

# typed, 9 digits
ACCEPTED = [
    ("A123456789", "123456789"),
    ("a123456789", "123456789"),
    ("123456789", "123456789"),
    ("a 123-456-789", "123456789"),
    ("A# 098 765 432", "098765432"),
    ("A#098765432", "098765432"),
    ("A.123.456.789", "123456789"),
    ("A-123 456 789", "123456789"),
    ("A: 123456789", "123456789"),
    ("  A123456789\n", "123456789"),
    ("12345678", "012345678"),           # old 8-digit number
    ("A12-345-678", "012345678"),
    ("A 000 000 001", "000000001"),
    ("A\u00a0123\u2013456\u2013789", "123456789"),  # no-break space, en dashes
    ("\uff21\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", "123456789"),  # full-width
    ("A\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "123456789"),  # Arabic-Indic digits
]

# typed, problem code
REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("- . #", "empty"),
    (None, "empty"),
    ("AA123456789", "letters"),
    ("B123456789", "letters"),
    ("123456789A", "letters"),
    ("1234A5678", "letters"),
    ("A 123 456 78O", "letters"),        # letter O for zero
    ("A123/456/789", "letters"),         # a symbol that is not a separator
    ("A", "length"),
    ("A#", "length"),
    ("1234567", "length"),
    ("1234567890", "length"),
    ("A 123-456-7890", "length"),
    ("000000000", "zeros"),
    ("A 00-000-000", "zeros"),
]


@pytest.mark.parametrize("typed,digits", ACCEPTED)
def test_accepted(typed, digits):
    assert normalize_a_number(typed) == digits
    assert a_number_problem(typed) is None


@pytest.mark.parametrize("typed,code", REFUSED)
def test_refused_with_a_code(typed, code):
    with pytest.raises(ValueError) as caught:
        normalize_a_number(typed)
    assert caught.value.args[0] == code
    assert a_number_problem(typed) == code


def test_every_problem_code_is_tested():
    assert {code for _, code in REFUSED} == set(A_NUMBER_PROBLEMS)


@pytest.mark.parametrize("typed,printed", [
    ("a123456789", "A 123-456-789"),
    ("12345678", "A 012-345-678"),
    ("A# 098 765 432", "A 098-765-432"),
])
def test_format(typed, printed):
    assert format_a_number(typed) == printed
    assert normalize_a_number(printed) == normalize_a_number(typed)  # printed form reads back


def test_format_refuses_bad_input():
    with pytest.raises(ValueError, match="length"):
        format_a_number("A12")
