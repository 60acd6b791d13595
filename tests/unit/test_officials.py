"""officials.py: the models of the letter for officials, the jail's request, the waiver cover sheet and plan."""
import datetime as dt
import json

import pytest

from docassemble.notonemore import officials as o
from docassemble.notonemore.facts import load_facts

MONDAY = dt.date(2019, 1, 7)
EVERYONE = ("advocate", "ice", "officials", "public", "media")
RELATIVES = {"citizen_child": "a child who is a U.S. citizen", "lpr_spouse": "a spouse who is a lawful permanent resident",
             "citizen_parent": "a parent who is a U.S. citizen"}


def letter(**changes):
    args = dict(today=MONDAY, consent=EVERYONE, writer=o.Writer("relative", relationship="brother"),
                person="Paco Andrés Gómez", first_name="Paco", a_number="A 123-456-789", a_number_ok=False,
                office="Office of U.S. Representative Juan Vargas", caseworker="", urgency_level="weeks",
                ask="stay_of_removal", field_office="San Diego Field Office", relative_words=RELATIVES)
    args.update(changes)
    return o.officials_letter_facts(**args)


def test_english_date():
    assert o.english_date(dt.date(2019, 12, 2)) == "December 2, 2019"
    assert o.english_date(None) == "" and o.english_date("") == ""
    assert o.english_date(dt.datetime(2018, 1, 31, 15, 0)) == "January 31, 2018"


@pytest.mark.parametrize("level, upcoming, expected", [
    ("weeks", (), MONDAY + dt.timedelta(days=14)),                       # two weeks, a Monday
    ("days", (), MONDAY + dt.timedelta(days=3)),                         # Thursday
    ("hours", (), MONDAY + dt.timedelta(days=1)),                        # tomorrow
    ("weeks", (MONDAY + dt.timedelta(days=5),), MONDAY + dt.timedelta(days=4)),   # the day before a Saturday date
    ("hours", (MONDAY + dt.timedelta(days=1),), MONDAY),                 # removal tomorrow: today
    ("hours", (MONDAY,), MONDAY),                                        # a date today: today, never before
    ("weeks", (MONDAY - dt.timedelta(days=3), None), MONDAY + dt.timedelta(days=14)),   # passed dates are ignored
])
def test_act_by_date(level, upcoming, expected):
    assert o.act_by_date(MONDAY, level, upcoming) == expected


def test_act_by_date_avoids_weekends():
    thursday = dt.date(2027, 1, 7)
    assert o.act_by_date(thursday, "days") == dt.date(2027, 1, 8)          # Sunday -> the Friday before
    saturday = dt.date(2027, 1, 9)
    assert o.act_by_date(saturday, "hours") == dt.date(2027, 1, 11)        # Sunday, Friday passed -> Monday
    # Monday is past the next date (a hearing on Monday): Sunday stays, the day before it
    assert o.act_by_date(saturday, "hours", (dt.date(2027, 1, 11),)) == dt.date(2027, 1, 10)


def test_act_by_date_takes_the_familys_date_unless_it_has_passed():
    assert o.act_by_date(MONDAY, "hours", asked=MONDAY + dt.timedelta(days=9)) == MONDAY + dt.timedelta(days=9)
    assert o.act_by_date(MONDAY, "hours", asked=MONDAY - dt.timedelta(days=1)) == MONDAY + dt.timedelta(days=1)
    with pytest.raises(ValueError):
        o.act_by_date(MONDAY, "soon")


@pytest.mark.parametrize("role, relationship, org, kind, word", [
    ("person", "", "", "person", ""),
    ("family", "brother", "", "relative", "brother"),
    ("family", "other", "", "close", ""),
    ("family", "esposa", "", "close", ""),                    # not a code: no relationship printed
    ("advocate", "", "Casa de la Esperanza", "organization", ""),
    ("advocate", "", "  ", "advocate", ""),
])
def test_writer_of(role, relationship, org, kind, word):
    writer = o.writer_of(role, relationship, org, {"brother": "brother", "other": "other"})
    assert writer.kind == kind and writer.relationship == word
    assert writer.kind in o.WRITER_KINDS
    assert writer.organization == (org.strip() if kind == "organization" else "")


def test_writer_of_refuses_an_unknown_role():
    with pytest.raises(ValueError):
        o.writer_of("friend")


def test_officials_letter_keeps_the_a_number_unless_agreed():
    assert letter().ref == "Paco Andrés Gómez"
    assert letter(a_number_ok=True).ref == "Paco Andrés Gómez, A 123-456-789"
    assert letter(a_number_ok=True, a_number="").ref == "Paco Andrés Gómez"


def test_officials_letter_needs_consent():
    with pytest.raises(ValueError, match="consent"):
        letter(consent=("advocate", "ice"))


def test_officials_letter_dates_and_reasons():
    got = letter(removal_date=MONDAY + dt.timedelta(days=21), check_in_date=MONDAY - dt.timedelta(days=2),
                 entry_date=dt.date(2004, 6, 1), relatives=("citizen_child", "lpr_spouse", "citizen_parent"),
                 positives=("community_ties", "no_criminal_record", "elderly", "serious_health_condition",
                            "primary_caretaker", "long_presence"))
    assert got.removal == "January 28, 2019" and got.check_in == ""       # a passed date is left out
    assert got.act_by == "January 21, 2019" and not got.act_today
    assert (got.years_here, got.since_year) == (14, 2004)
    assert got.family == ("a child who is a U.S. citizen, a spouse who is a lawful permanent resident "
                          "and a parent who is a U.S. citizen")         # the documents' house style: no serial comma
    assert got.reasons == ("primary_caretaker", "community_ties")       # nothing about health, age or a record
    assert got.has_reasons and not letter().has_reasons
    assert letter(relatives=("citizen_child", "lpr_spouse")).family == (
        "a child who is a U.S. citizen and a spouse who is a lawful permanent resident")


def test_officials_letter_held_at_only_when_detained():
    assert letter(facility="Otay Mesa Detention Center", facility_city="San Diego").held_at == ""
    got = letter(detained=True, facility="Otay Mesa Detention Center", facility_city="San Diego",
                 urgency_level="hours", removal_date=MONDAY + dt.timedelta(days=1))
    assert got.held_at == "Otay Mesa Detention Center, San Diego"
    assert got.act_today and got.act_by == "January 7, 2019"


def test_officials_letter_on_the_short_path_has_no_office():
    got = letter(office="  ", caseworker=" ", first_request=True)
    assert got.office == "" and got.caseworker == "" and got.first_request


def test_officials_letter_as_plain_json():
    as_json = json.loads(json.dumps(letter().as_dict()))
    assert as_json["writer"]["kind"] == "relative" and as_json["office"].startswith("Office of")


RULE_STATES = ("TX", "FL", "CA", "IL")


@pytest.mark.parametrize("state, may_decline", [("TX", False), ("FL", False), ("CA", True), ("IL", True)])
def test_detainer_rules_in_the_facts_file(state, may_decline):
    rule = o.detainer_rule(state.lower())
    assert rule.state == state and rule.jail_may_decline is may_decline
    assert rule.text and rule.source and rule.enacted.isdigit()
    assert rule.checked == "" and "not checked online" in rule.checked_note     # honest: no internet here
    item = load_facts()[f"detainer_rule_{state}"]
    assert item.verified is None


def test_texas_is_sb4():
    rule = o.detainer_rule("TX")
    assert "Senate Bill 4" in rule.text and rule.enacted == "2017" and "art. 2.251" in rule.source


def test_a_state_without_a_rule():
    assert o.detainer_rule("NM") is None and o.detainer_rule("") is None


def test_a_rule_without_a_yes_or_no_is_refused(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"detainer_rule_TX": {"value": "x", "source": "s", "verified": None,
                                                     "verified_note": "not checked online"}}))
    with pytest.raises(ValueError, match="jail_may_decline"):
        o.detainer_rule("TX", path)


def jail(**changes):
    args = dict(consent=("ice",), writer=o.Writer("close"), person="Paco Gómez", first_name="Paco", agency=" Harris County Sheriff's Office ",
                facility="Harris County Jail", facility_city="Houston", state="TX", state_name="Texas",
                hold_limit="48 hours", rule=o.detainer_rule("TX"))
    args.update(changes)
    return o.jail_request_facts(**args)


def test_jail_request_does_not_ask_a_texas_sheriff_to_decline():
    got = jail()
    assert got.agency == "Harris County Sheriff's Office" and got.may_ask_to_decline is False
    assert got.rule.state == "TX"


def test_jail_request_where_the_state_limits_detainers_or_has_no_rule():
    assert jail(rule=o.detainer_rule("CA"), state="CA").may_ask_to_decline is True
    assert jail(rule=None, state="NM").may_ask_to_decline is True


def test_jail_request_carries_no_private_fact_and_needs_consent():
    assert set(o.JailRequest.__dataclass_fields__) == {
        "writer", "person", "first_name", "agency", "facility", "facility_city", "state_name", "rule", "may_ask_to_decline", "hold_limit"}
    with pytest.raises(ValueError, match="consent"):
        jail(consent=("officials",))


def cover(**changes):
    args = dict(consent=("ice",), writer=o.Writer("relative", relationship="husband"), person="Paco Gómez",
                a_number="A 123-456-789", birth_date=dt.date(1988, 4, 12), birth_country="Mexico",
                signer_name="Maria Gomez", signer_relationship="husband", signer_phone="555-201-3344",
                signer_email="m@example.org", waiver_status="not_signed", field_office="Houston Field Office",
                side_words={"spouse": "spouse", "parent": "parent", "child": "child", "sibling": "sibling"},
                relation_words={"attorney": "attorney", "advocate": "advocate", "family": "family member", "friend": "friend"})
    args.update(changes)
    return o.waiver_cover_facts(**args)


def test_waiver_cover_for_a_family_signer():
    got = cover()
    assert (got.person, got.a_number, got.birth_date, got.birth_country) == (
        "Paco Gómez", "A 123-456-789", "April 12, 1988", "Mexico")
    assert (got.third_party, got.third_party_relation, got.third_party_org, got.third_party_phone,
            got.third_party_email) == ("Maria Gomez", "spouse", "", "555-201-3344", "m@example.org")
    assert not got.signed and cover(waiver_status="signed").signed
    assert cover(writer=o.Writer("close"), signer_relationship="other").third_party_relation == ""


def test_waiver_cover_for_an_advocate():
    got = cover(writer=o.Writer("organization", organization="Casa de la Esperanza"), signer_relationship="")
    assert (got.third_party, got.third_party_relation, got.third_party_org) == ("Maria Gomez", "advocate", "Casa de la Esperanza")


def test_waiver_cover_for_a_person_writing_alone_names_someone_else():
    got = cover(writer=o.Writer("person"), signer_name="Paco Gómez", signer_relationship="",
                third_party_name="Rosa Peña", third_party_relation="advocate", third_party_phone="555-000-1111")
    assert (got.third_party, got.third_party_relation, got.third_party_phone, got.third_party_email) == (
        "Rosa Peña", "advocate", "555-000-1111", "")
    with pytest.raises(ValueError):
        cover(writer=o.Writer("person"), third_party_name="Rosa", third_party_relation="neighbor")


def test_the_person_is_never_their_own_third_party():
    got = cover(writer=o.Writer("person"), third_party_name="  paco   GÓMEZ ", third_party_relation="family")
    assert got.third_party == "" and got.third_party_relation == "" and got.third_party_phone == ""
    assert cover(signer_name="Paco Gómez").third_party == ""
    assert o.same_name("Paco  Gómez", "paco gómez") and not o.same_name("Paco", "Paco Gómez")


def test_waiver_cover_without_consent_for_ice_shows_no_number_or_birth_date():
    got = cover(consent=("officials",))
    assert got.a_number == "" and got.birth_date == ""


def test_waiver_plan():
    by = MONDAY + dt.timedelta(days=2)
    assert o.waiver_plan_facts(consent=("ice",), waiver_status="signed", detained=True).needed is False
    assert o.waiver_plan_facts(consent=("officials",), waiver_status="not_signed", detained=True).needed is False
    assert o.waiver_plan_facts(consent=("ice",), waiver_status="unknown", detained=False) == o.WaiverPlan(needed=True)
    got = o.waiver_plan_facts(consent=("ice",), waiver_status="not_signed", detained=True, how="mail",
                              who=" the public defender ", by=dt.datetime(by.year, by.month, by.day))
    assert got == o.WaiverPlan(needed=True, detained=True, how="mail", who="the public defender", by=by)
