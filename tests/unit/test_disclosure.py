"""Every fact × audience pair of the disclosure rule, with and without consent and clearance."""
import pytest

from docassemble.notonemore.disclosure import AUDIENCES, FACTS, cleared_history, may_disclose

ALL = set(AUDIENCES)
# What each audience may see with its consent, no clearance and no A-number answer.
EXPECTED = {
    'advocate': set(FACTS),
    'attorney': set(FACTS),
    'ice': set(FACTS) - {'criminal_history', 'immigration_history'},
    'officials': set(FACTS) - {'a_number', 'date_of_birth', 'address', 'criminal_history', 'immigration_history'},
    'public': set(FACTS) - {'a_number', 'date_of_birth', 'address', 'criminal_history', 'immigration_history'},
    'media': set(FACTS) - {'a_number', 'date_of_birth', 'address', 'criminal_history', 'immigration_history'},
}
NEVER_PUBLIC = {'date_of_birth', 'address', 'criminal_history', 'immigration_history'}


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("fact", FACTS)
def test_with_consent(fact, audience):
    assert may_disclose(fact, audience, ALL) == (fact in EXPECTED[audience])


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("fact", FACTS)
def test_without_consent_nothing(fact, audience):
    assert not may_disclose(fact, audience, ALL - {audience}, cleared=True, a_number_ok=True)


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("fact", FACTS)
def test_everything_allowed(fact, audience):
    """Clearance and the A-number answer open only what they are for."""
    allowed = may_disclose(fact, audience, ALL, cleared=True, a_number_ok=True)
    if audience in ('advocate', 'ice', 'attorney'):
        assert allowed
    else:
        assert allowed == (fact not in NEVER_PUBLIC)


@pytest.mark.parametrize("audience", ['officials', 'public', 'media'])
def test_a_number_needs_its_own_answer(audience):
    assert not may_disclose('a_number', audience, ALL)
    assert may_disclose('a_number', audience, ALL, a_number_ok=True)


def test_ice_history_needs_clearance():
    assert not may_disclose('criminal_history', 'ice', ALL)
    assert may_disclose('criminal_history', 'ice', ALL, cleared=True)


def test_unknown_names_are_errors():
    with pytest.raises(ValueError):
        may_disclose('ssn', 'ice', ALL)
    with pytest.raises(ValueError):
        may_disclose('name', 'neighbors', ALL)


def test_cleared_history():
    history = ['arrests', 'prior_removal', 'fraud']
    assert cleared_history(history, ['arrests', 'fraud'], 'ice', ALL, True) == ['arrests', 'fraud']
    assert cleared_history(history, ['arrests', 'fraud'], 'ice', ALL, False) == []
    assert cleared_history(history, history, 'officials', ALL, True) == []
    assert cleared_history(history, history, 'ice', ALL - {'ice'}, True) == []


def test_attorney_sees_what_the_advocate_sees():
    """An attorney reviewing the case in the app sees the private history without a clearance, and only with consent."""
    for fact in FACTS:
        assert may_disclose(fact, 'attorney', {'attorney'}) == may_disclose(fact, 'advocate', {'advocate'}) is True
        assert not may_disclose(fact, 'attorney', ALL - {'attorney'}, cleared=True, a_number_ok=True)
