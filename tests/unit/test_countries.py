from docassemble.notonemore.countries import OTHER_COUNTRY, first_countries
from docassemble.notonemore.facts import fact


def test_the_short_list_comes_from_the_facts_file():
    codes = first_countries()
    assert codes == fact("countries_listed_first").value.split()
    assert codes[:4] == ["MX", "GT", "HN", "SV"]
    assert all(len(code) == 2 and code.isupper() for code in codes) and len(set(codes)) == len(codes)
    assert OTHER_COUNTRY not in codes and 10 <= len(codes) <= 20


def test_an_answer_from_the_whole_list_is_shown_again():
    assert first_countries("FR")[-1] == "FR" and first_countries("FR")[:-1] == first_countries()
    assert first_countries("GT") == first_countries()          # already listed: not twice
    assert first_countries(OTHER_COUNTRY) == first_countries() == first_countries(None)
