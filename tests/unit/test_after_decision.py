"""Step 8's after-the-decision model: what the templates get for each ask and each case."""
import pytest

from docassemble.notonemore.after_decision import (
    AFTER_TEMPLATES, ASKS, DEADLINE_FACTS, after_decision_model, has_children)
from docassemble.notonemore.facts import fact
from docassemble.notonemore.language import LANGUAGES

FACTS = {code: fact(code) for code in DEADLINE_FACTS}


def model(ask="stay_of_removal", **changes):
    values = dict(name="  José  Luis O'Brien ", first="José ", office="San Diego Field Office", city="San Diego",
                  agency="San Diego County Sheriff", org=" Amigos  de José ", contact="Ana, 555-201-3344",
                  link="https://example.org/p", started="June 3, 2019", key_kind="removal", key_date="June 24, 2019",
                  facts=FACTS)
    values.update(changes)
    return after_decision_model(ask, **values)


def test_the_case_comes_through_tidied():
    m = model()
    assert (m.name, m.first, m.org) == ("José Luis O'Brien", "José", "Amigos de José")
    assert (m.key_kind, m.key_date, m.started) == ("removal", "June 24, 2019", "June 3, 2019")
    assert m.agency == ""                              # only an ICE hold names the jail's agency
    assert model("lift_ice_hold").agency == "San Diego County Sheriff"


@pytest.mark.parametrize("ask", ASKS)
def test_every_ask_has_a_model(ask):
    assert model(ask).ask == ask


def test_no_model_without_a_campaign_ask():
    with pytest.raises(ValueError, match="no_pd_letter"):
        model("no_pd_letter")
    with pytest.raises(ValueError, match="kind"):
        model(key_kind="birthday")


def test_a_placeholder_link_is_no_link_and_a_date_needs_its_kind():
    assert model(link="[LINK TO THE PETITION]").link == ""
    assert model(key_kind="", key_date="June 24, 2019").key_date == ""
    assert model(key_kind="check_in", key_date="").key_kind == ""


def test_the_deadlines_come_from_the_facts_file_with_their_source():
    m = model()
    assert list(m.deadlines) == list(DEADLINE_FACTS)
    appeal = m.deadlines["bia_appeal_deadline"]
    assert appeal.days == 30 and appeal.source == "8 CFR 1003.38(b)"
    assert m.deadlines["motion_to_reopen_deadline"].days == 90
    assert m.deadlines_checked is False                # written from citations: the document says so
    checked = {code: dict(entry, verified="2019-01-02") for code, entry in FACTS.items()}
    assert model(facts=checked).deadlines_checked is True
    assert model(facts={}).deadlines == {} and model(facts={}).deadlines_checked is True


def test_children_depend_on_the_person():
    assert has_children(["citizen_child"], [])
    assert has_children([], ["primary_caretaker"])
    assert has_children([], ["citizen_or_lpr_child"])
    assert not has_children(["lpr_spouse"], ["community_ties"])


def test_each_language_has_its_template():
    assert set(AFTER_TEMPLATES) == set(LANGUAGES)


def test_the_evaluation_takes_the_logs_figures():
    m = model(result="won", decided="April 2, 2019", officer="  Officer  Lee ", signatures=1200,
              signatures_day="March 6, 2019", calls=75, officials_helped="Rep. Díaz and Mayor Soto")
    assert (m.result, m.decided, m.officer, m.signatures, m.signatures_day, m.calls) == (
        "won", "April 2, 2019", "Officer Lee", 1200, "March 6, 2019", 75)
    blank = model()
    assert (blank.result, blank.decided, blank.signatures, blank.signatures_day, blank.calls) == ("waiting", "", None, "", None)
    # a day for the signatures only with a total; a decision day only with a result
    assert model(signatures_day="March 6, 2019").signatures_day == ""
    assert model(decided="April 2, 2019").decided == ""
    with pytest.raises(ValueError):
        model(result="won")
    with pytest.raises(ValueError):
        model(result="maybe", decided="April 2, 2019")
