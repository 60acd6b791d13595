import json

from docassemble.notonemore.choices import PlainChoice, country_pairs, option_pairs, plain_options, state_in, state_pairs
from docassemble.notonemore.countries import first_countries


def test_the_states_list_has_every_state_dc_and_the_territories_by_name_in_each_language():
    english, spanish = state_pairs("en"), state_pairs("es")
    assert len(english) == len(spanish) == 56 and {code for code, _ in english} == {code for code, _ in spanish}
    assert ("NC", "North Carolina") in english and ("NC", "Carolina del Norte") in spanish
    assert ("NY", "Nueva York") in spanish and ("TX", "Texas") in spanish and ("DC", "Distrito de Columbia") in spanish
    assert "UM" not in dict(english)   # the minor outlying islands have no field office
    assert [name for _, name in english] == sorted(name for _, name in english)
    assert state_in("NM", "es") == "Nuevo México" and state_in("NM", "en") == "New Mexico"
    # accents do not count in the order: Nuevo México sits among the N's, before Nueva York's "Nuev" + "o"
    names = [name for _, name in spanish]
    assert names.index("Nueva York") < names.index("Nuevo México") < names.index("Ohio")


def test_countries_by_name_in_the_sessions_language():
    short = country_pairs("es", first_countries())
    assert {code for code, _ in short} == set(first_countries())
    assert ("MX", "México") in short and ("MX", "Mexico") in country_pairs("en", ["MX"])
    assert len(country_pairs("en")) > 240 and country_pairs("es", ["GB"]) == (("GB", "Reino Unido"),)
    assert country_pairs("es", ["SV", "BR", "EC"]) == (("BR", "Brasil"), ("EC", "Ecuador"), ("SV", "El Salvador"))


def test_the_options_are_json_pairs_with_the_empty_choice_first_and_the_extra_choice_last():
    options = json.loads(plain_options(option_pairs(["Harris", "Travis"]), ("unknown", "I do not know")))
    assert options == [["", "Select..."], ["Harris", "Harris"], ["Travis", "Travis"], ["unknown", "I do not know"]]
    assert PlainChoice.transform("  TX ") == "TX"
    assert PlainChoice.code_parameters == ["options"] and PlainChoice.input_class == "nom-plain-choice"
