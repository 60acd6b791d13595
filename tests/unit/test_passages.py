"""passages.py: which passages a document prints, how they look, and what stays out."""
import pytest

from docassemble.notonemore.passages import (
    PASSAGE_NAMES, confirmed_passages, english_problem, looks_like, names_to_review, passage_default,
    review_passage, third_person_words,
)


@pytest.mark.parametrize("text", [
    "Two children, 6 and 9.",
    "Volunteers at church.",
    "She has worked at the same restaurant for twelve years and coaches her son's soccer team.",
    "José O'Brien & <Núñez> takes care of his mother, who is sick.",      # accents in a name are not Spanish
])
def test_english_passages_look_english(text):
    assert looks_like(text) == "en"


@pytest.mark.parametrize("text", [
    "[nombre], su hija, es ciudadana y va a la escuela.",
    "Trabaja en la iglesia desde hace diez años.",
    "Cuida a su mamá, que está muy enferma.",
    "¿Qué más? Es el papá de tres niños.",
])
def test_spanish_passages_look_spanish(text):
    assert looks_like(text) == "es"


@pytest.mark.parametrize("text", ["", "   ", "Ana", "6 and 9", "12345", "Fútbol"])
def test_too_little_to_tell_is_unknown(text):
    assert looks_like(text) == "unknown"


def test_third_person_words_in_a_first_person_passage():
    assert third_person_words("I sing in her church. She is kind; her choir too.") == ("her", "She")
    assert third_person_words("José volunteers; José is known there.", "José") == ("José",)
    assert third_person_words("I volunteer at my church.", "José") == ()
    assert third_person_words("Where there is a will.") == ()              # "here", "there" are not "he"/"her"


def test_a_passage_as_it_prints_with_its_flags():
    p = review_passage("community_details", "  Volunteers   at her church.\n\n Every Sunday. ",
                       first_person=True, first_name="Ana")
    assert p.text == "Volunteers at her church.\nEvery Sunday."
    assert p.language == "en" and not p.needs_english and p.third_person == ("her",)
    # a letter written by someone else speaks of the person in the third person: nothing to point out
    assert review_passage("community_details", "Volunteers at her church.").third_person == ()
    spanish = review_passage("family_details", "Su hija es ciudadana y va a la escuela.")
    assert spanish.needs_english and spanish.language == "es"
    with pytest.raises(ValueError):
        review_passage("signer_name", "Ana")


def test_the_review_field_never_starts_with_spanish():
    assert passage_default("  Two   children. ") == "Two children."
    assert passage_default("Su hija es ciudadana y va a la escuela.") == ""
    assert english_problem("Su hija es ciudadana y va a la escuela.") == "not_english"
    assert english_problem("Her daughter is a citizen and goes to school.") is None
    assert english_problem("") is None                                    # left out: fine


def test_which_passages_a_case_prints():
    answers = {"family_details": "Two kids.", "community_details": "  ", "health_details": "Diabetes, insulin daily.",
               "private_history_details": "Arrested in 2010, no charges."}
    assert names_to_review(answers, private_history_prints=False) == ("family_details", "health_details")
    assert names_to_review(answers, private_history_prints=True) == (
        "family_details", "health_details", "private_history_details")
    assert names_to_review({}, private_history_prints=True) == ()
    assert set(PASSAGE_NAMES) >= set(answers)


def test_only_confirmed_english_passages_are_printed():
    names = ("family_details", "community_details", "health_details")
    reviewed = {"family_details": " Two kids, 6 and 9. ",
                "community_details": "Va a la iglesia con su hija.",         # still Spanish: out
                "private_history_details": "Arrested in 2010."}              # not printed for this case: out
    assert confirmed_passages(reviewed, names) == {"family_details": "Two kids, 6 and 9."}
    assert confirmed_passages({"family_details": "   "}, names) == {}          # left blank: out
    assert confirmed_passages({}, names) == {}                                 # not confirmed: out


def test_the_state_the_case_summary_shows():
    from docassemble.notonemore.passages import passage_state
    assert passage_state("Two kids.") == "printed"
    assert passage_state("  ") == "left_out"
    assert passage_state("Su hija es ciudadana y va a la escuela.") == "left_out"
