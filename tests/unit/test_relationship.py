"""The signer's tie to the person, read in the right direction."""
import pytest

from docassemble.notonemore.language import one_language_words
from docassemble.notonemore.relationship import RELATIONSHIPS, SIGNER_SIDE, signer_side


@pytest.mark.parametrize("code, side", [("husband", "spouse"), ("wife", "spouse"), ("son", "parent"),
                                        ("daughter", "parent"), ("father", "child"), ("mother", "child"),
                                        ("brother", "sibling"), ("sister", "sibling"), ("other", "")])
def test_the_signers_side_is_the_other_end_of_the_tie(code, side):
    assert signer_side(code) == side


@pytest.mark.parametrize("old", ["Wife", "esposa", "neighbor", "", None, "sister of"])
def test_a_value_that_is_not_a_code_is_refused(old):
    with pytest.raises(ValueError):
        signer_side(old)


def test_every_code_has_its_words_in_the_documents():
    english, spanish = one_language_words("documents_en"), one_language_words("documents_es")
    assert set(english["relationship"]) == set(RELATIONSHIPS) - {"other"}
    assert set(english["signer_side"]) == set(SIGNER_SIDE.values()) == set(spanish["signer_side"])
    # the signer's side never needs the signer's sex
    for word in english["signer_side"].values():
        assert word not in ("husband", "wife", "son", "daughter", "father", "mother", "brother", "sister")
