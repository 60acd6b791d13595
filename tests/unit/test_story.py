"""The petition's story (story.py): what Part 1 leads with, its titles, the family's words, what
a finished text still needs, and the words files that word every code in both languages."""
import string
from pathlib import Path

import pytest
import yaml

from docassemble.notonemore.campaign import fill
from docassemble.notonemore.factors import POSITIVE_CODES
from docassemble.notonemore.story import (
    GENERIC_TITLES, LEADS, MISSING, NOW, PARENT_WORDS, PRONOUNS, SPOUSE_WORDS, Story, build_story, missing_for_texts,
    pick, title_codes)

WORDS = Path(__file__).parents[2] / "docassemble/notonemore/data/sources/words"


def test_a_baby_on_the_way_in_the_family_leads_over_everything():
    story = build_story(("long_presence", "citizen_or_lpr_child", "community_ties", "no_criminal_record"),
                        ("citizen_child", "lpr_spouse"), pronoun="he", spouse="wife", sons=2,
                        now=("baby_on_the_way", "children_ask"), baby_parent="wife", years=22, held=True)
    assert story.leads == ("pregnancy_spouse", "children", "years_here", "spouse", "community")
    assert (story.spouse, story.spouse_status, story.children_status) == ("wife", "lpr", "citizen")
    assert story.now == ("children_ask",) and story.held and story.years == 22
    assert title_codes(story) == ["pregnancy_spouse", "children", "years_here", "spouse", *GENERIC_TITLES]


def test_the_person_expecting_and_their_illness():
    story = build_story(("pregnant_or_nursing", "serious_health_condition"), pronoun="she")
    assert story.leads == ("pregnancy_self", "serious_health") and story.spouse == ""
    # the family says the partner is expecting: one baby, told once, and the partner is the story's spouse
    story = build_story(("pregnant_or_nursing",), now=("baby_on_the_way",), baby_parent="partner")
    assert story.leads == ("pregnancy_spouse",) and story.spouse == "partner"


def test_relatives_and_what_the_family_lives_through():
    story = build_story(("citizen_or_lpr_parent", "caretaker_of_disabled_or_ill"), ("lpr_parent",), parent="parents",
                        now=("children_ask", "income_at_risk", "missing_milestone"))
    assert story.leads == ("sick_relative", "parent")
    assert (story.parent, story.parent_status) == ("parents", "lpr")
    assert story.now == ("income_at_risk", "missing_milestone")       # no children named: nobody asks for the parent
    assert build_story((), now=("sick_relative",)).leads == ("sick_relative",)
    assert build_story(("citizen_or_lpr_spouse",)).spouse == "partner"   # a spouse the family did not word


def test_kids_and_years():
    assert [build_story((), sons=s, daughters=d).kids for s, d in ((2, 0), (0, 3), (1, 1), (0, 0))] == [
        "sons", "daughters", "mixed", ""]
    assert "years_here" not in build_story(("long_presence",), years=0).leads
    assert build_story((), sons=None, daughters=-1).leads == ()
    assert build_story((), pronoun="xe").pronoun == "they"
    with pytest.raises(ValueError):
        build_story((), spouse="husband or wife")
    with pytest.raises(ValueError):
        build_story((), parent="guardian")


def test_every_factor_that_can_lead_has_a_lead():
    story = build_story(POSITIVE_CODES, ("citizen_spouse", "citizen_child", "citizen_parent"), spouse="husband",
                        sons=1, parent="mother", years=12)
    assert set(story.leads) == set(LEADS) - {"pregnancy_spouse"}
    assert story.lead == "pregnancy_self" and Story(leads=()).lead == ""


def test_pick_chooses_the_variant():
    entry = {"he": {"son": "su hijo, padre", "other": "sus hijos, padre"}, "she": "madre", "other": "x"}
    assert pick(entry, "he", "son") == "su hijo, padre"
    assert pick(entry, "he", "daughters") == "sus hijos, padre"
    assert pick(entry, "they") == "x" and pick("plain", "he") == "plain"
    with pytest.raises(KeyError):
        pick({"a": "1"}, "b")


def test_what_a_finished_text_still_needs():
    assert missing_for_texts(link="", office_phone=" ", contact="", media=True) == list(MISSING)
    assert missing_for_texts(link="https://x.org/p", office_phone="619-555-0100", contact="", media=False) == []
    assert missing_for_texts(link="https://x.org/p", office_phone="", contact="Ana, 555", media=True) == ["field_office_phone"]


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _leaves(entry):
    if isinstance(entry, dict):
        for value in entry.values():
            yield from _leaves(value)
    else:
        yield entry


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_words_files_word_every_code(lang):
    """Every lead, title, subject and now code has words in both languages, for every pronoun, spouse,
    parent and children's variant the model can ask for, and each fills without a missing field."""
    w = yaml.safe_load((WORDS / f"campaign_{lang}.yml").read_text(encoding="utf-8"))
    assert set(w["leads"]) == set(LEADS) and set(w["titles"]) == set(LEADS) | set(GENERIC_TITLES)
    assert set(w["now"]) == set(NOW) - {"baby_on_the_way", "sick_relative"} and set(w["missing"]) == set(MISSING)
    assert set(w["pronouns"]) == set(PRONOUNS) and set(w["spouse_words"]) == set(SPOUSE_WORDS)
    assert set(w["parent_words"]) == set(PARENT_WORDS)
    values = dict(w["pronouns"]["he"], first="Ana", name="Ana Ruiz", ref="Ana Ruiz", years=12, spouse="x", Spouse="X",
                  spouse_named="x", spouse_status="", parent="x", Parent="X", parent_status="", children="x", ages="",
                  children_status="", office="o", city="c", ask="a", agency="g", date="d", link="l", quote="q",
                  quote_by="b", a_spoken="", and_a_number="", situation="s", situation_first="s", when="", opening="o",
                  closing="c", now="n", story="s", story_closing="c", lead="l", agency_message="", name_="")
    for key in ("leads", "titles", "subjects", "now", "closing", "story_closing", "drafts", "link_drafts", "quote"):
        for text in _leaves(w[key]):
            assert _fields(text) <= set(values), (key, text)
            fill(text, values)
    for pronoun in PRONOUNS:
        for kids in ("son", "daughter", "sons", "daughters", "other"):
            for code in LEADS:
                for parent in PARENT_WORDS:
                    assert pick(w["titles"][code], parent, pronoun, kids)
                    assert pick(w["leads"][code], parent, "known", pronoun)
            assert pick(w["now"]["children_ask"], "held", kids) and pick(w["now"]["children_ask"], "free", kids)
    for status in ("citizen", "lpr"):
        for spouse in SPOUSE_WORDS:
            assert pick(w["spouse_status"][status], spouse)
        for parent in PARENT_WORDS:
            assert pick(w["parent_status"][status], parent)
        for count in ("one", "two", "many"):
            for kids in ("daughters", "other"):
                assert pick(w["children_status"][status], count, kids)


def test_no_relative_is_a_form_word():
    """Issue 15: never "husband or wife", "hijo o una hija", "[phone: ...]" or "[NAME AND PHONE]" in a draft."""
    for lang in ("en", "es"):
        text = (WORDS / f"campaign_{lang}.yml").read_text(encoding="utf-8")
        for form in ("husband or wife", "hijo o una hija", "padre o una madre", "cónyuge", "[phone", "[teléfono",
                     "[NAME AND PHONE]"):
            assert form not in text, (lang, form)
