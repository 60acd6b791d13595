"""language.one_language_words: the word files that stay in one language."""
import pytest

from docassemble.notonemore.language import WORDS_DIR, one_language_words


def keys(value, prefix=""):
    """Every key path of a nested dict, and the length of every list."""
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in keys(v, f"{prefix}/{k}")} | {prefix}
    if isinstance(value, list):
        return {f"{prefix}[{len(value)}]"}
    return {prefix}


#: Entries whose variants (story.pick) follow each language's grammar: Spanish agrees in gender
#: where English does not, so below these paths the two files may hold different variants.
VARIANT_ENTRIES = ("/spouse_status", "/parent_status", "/children_status", "/ages", "/titles/children",
                   "/titles/parent", "/leads/children", "/leads/parent", "/subjects/children", "/now/children_ask")


def same_up_to_variants(paths):
    return {next((v for v in VARIANT_ENTRIES if p.startswith(v + "/")), p) for p in paths}


@pytest.mark.parametrize("name", ["campaign", "plan"])
def test_each_words_file_has_the_same_keys_in_both_languages(name):
    assert same_up_to_variants(keys(one_language_words(f"{name}_en"))) == \
        same_up_to_variants(keys(one_language_words(f"{name}_es")))


def test_the_english_documents_words_cover_every_code():
    from docassemble.notonemore import ask
    words = one_language_words("documents_en")
    assert not {"risk", "warning", "waiver_plan"} & set(words)     # the review sheet's and the family's papers' words are in their DOCX
    assert set(words["ask"]) >= {"lift_ice_hold", "release_from_detention", "stay_of_removal", "deferred_action", "no_pd_letter"}
    assert set(words["custody"]) == set(ask.CUSTODY_STATUSES)
    from docassemble.notonemore.disclosure import AUDIENCES
    assert set(words["consent"]) == set(AUDIENCES)
    from docassemble.notonemore.review_share import PARTS_FIXED
    from docassemble.notonemore.passages import PASSAGE_NAMES
    assert set(words["review_parts"]) == set(PASSAGE_NAMES) | set(PARTS_FIXED)     # named when changed since an approval


def test_every_value_is_text_and_each_caller_gets_its_own_copy():
    def strings(value):
        if isinstance(value, dict):
            return all(strings(v) for v in value.values())
        if isinstance(value, list):
            return all(strings(v) for v in value)
        return isinstance(value, str)
    for path in WORDS_DIR.glob("*.yml"):
        assert strings(one_language_words(path.stem)), path.name
    first = one_language_words("documents_en")
    first["ask"]["lift_ice_hold"] = "changed"
    assert one_language_words("documents_en")["ask"]["lift_ice_hold"] == "Lift the ICE hold"


def test_a_country_is_named_in_the_language_asked_whatever_the_session():
    from docassemble.notonemore.language import country_in
    assert (country_in("MX", "es"), country_in("MX", "en")) == ("México", "Mexico")
    assert (country_in("US", "es"), country_in("KR", "es")) == ("Estados Unidos", "Corea del Sur")
    assert country_in("BO", "en") == "Bolivia"          # the common name, not "Bolivia, Plurinational State of"
    assert country_in("ZZ", "es") == "ZZ"               # an unknown code is shown as it is
