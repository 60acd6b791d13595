

def test_answers_fingerprint_follows_answers_and_the_day():
    import datetime as dt

    from docassemble.notonemore.util import answers_fingerprint
    day = dt.date(2026, 11, 28)
    answers = {"client": {"name": {"first": "Ana"}}, "custody_status": "final_order", "pd_letter": "file 1",
               "_internal": {"steps": 3}}
    same = answers_fingerprint(answers, ["pd_letter"], day=day)
    assert len(same) == 16
    # the documents' own variables and docassemble's internals do not count
    assert answers_fingerprint({**answers, "pd_letter": "file 2", "_internal": {"steps": 9}}, ["pd_letter"], day=day) == same
    # an answer, a nested answer, or the day does
    assert answers_fingerprint({**answers, "custody_status": "ice_detention_no_order"}, ["pd_letter"], day=day) != same
    assert answers_fingerprint({**answers, "client": {"name": {"first": "Ann"}}}, ["pd_letter"], day=day) != same
    assert answers_fingerprint(answers, ["pd_letter"], day=day + dt.timedelta(days=1)) != same
    # key order does not
    assert answers_fingerprint(dict(reversed(list(answers.items()))), ["pd_letter"], day=day) == same


def test_defuse_ooxml():
    from docassemble.notonemore.util import defuse_ooxml
    assert defuse_ooxml("a </w:t></w:r><w:r><w:t> b") == "a <\u200b/w:t><\u200b/w:r><\u200bw:r><\u200bw:t> b"
    assert defuse_ooxml("O'Brien & <Núñez>") == "O'Brien & <Núñez>"
    assert defuse_ooxml(None) is None and defuse_ooxml(7) == 7
    assert defuse_ooxml(defuse_ooxml("</w:p>")) == defuse_ooxml("</w:p>")


def test_templates_do_not_count():
    import datetime as dt

    from docassemble.notonemore.util import answers_fingerprint
    day = dt.date(2026, 11, 28)
    answers = {"custody_status": "final_order"}
    shown = {**answers, "referral_list": {"_class": "docassemble.base.util.DALazyTemplate", "instanceName": "referral_list"}}
    assert answers_fingerprint(shown, day=day) == answers_fingerprint(answers, day=day)


def test_in_english_sets_english_and_puts_the_language_back_even_when_interrupted(monkeypatch):
    import pytest

    import docassemble.base.functions as functions
    from docassemble.notonemore.util import in_english
    current = {"language": "es"}               # docassemble's per-request language, outside a request
    monkeypatch.setattr(functions, "get_language", lambda: current["language"])
    monkeypatch.setattr(functions, "set_language", lambda lang: current.update(language=lang))
    with in_english():
        assert current["language"] == "en"
    assert current["language"] == "es"
    with pytest.raises(NameError):              # docassemble asking for an undefined name
        with in_english():
            raise NameError("name 'exhibit_titles' is not defined")
    assert current["language"] == "es"
