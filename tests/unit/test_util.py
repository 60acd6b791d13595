

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
    # an upload read since (DAFile.retrieve adds where it lies) is the same answer; another upload is not
    upload = {"_class": "docassemble.base.util.DAFile", "number": 7, "filename": "lease.pdf"}
    files = {**answers, "exhibits": {"elements": [{"file": {"_class": "docassemble.base.util.DAFileList", "elements": [upload]}}]}}
    read = {**upload, "file_info": {"path": "/files/7/file"}, "persistent": False, "private": True}
    with_files = answers_fingerprint(files, ["pd_letter"], day=day)
    assert answers_fingerprint({**files, "exhibits": {"elements": [{"file": {"_class": "docassemble.base.util.DAFileList",
                                                                             "elements": [read]}}]}}, ["pd_letter"], day=day) == with_files
    assert answers_fingerprint({**files, "exhibits": {"elements": [{"file": {"_class": "docassemble.base.util.DAFileList",
                                                                             "elements": [{**upload, "number": 8}]}}]}},
                               ["pd_letter"], day=day) != with_files


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


def test_the_computed_values_are_plain_json_for_docassemble():
    """docs/answers.md, Computed: GET /api/session gives each as JSON (docassemble's safe_json), not null."""
    import datetime as dt
    import json

    from docassemble.base.functions import safe_json
    from docassemble.notonemore.ask import choose_ask
    from docassemble.notonemore.campaign import advise_going_public, petition_targets
    from docassemble.notonemore.factors import CaseFacts, evaluate
    from docassemble.notonemore.schedule import key_date, plan_calendar
    from docassemble.notonemore.urgency import assess_urgency

    today = dt.date(2026, 3, 2)
    ask = choose_ask("ice_detention_no_order", "without_inspection")
    assert safe_json(ask) == {"code": "release_from_detention", "targets": ["ero_field_office_director"],
                              "warnings": ["no_bond_hearing_ewi", "transfer_risk"], "pd_letter": True,
                              "attorney_needed": True, "also_deferred_action": True}
    urgency = assess_urgency("final_order", today, removal_date=today + dt.timedelta(days=5))
    assert safe_json(urgency) == {"level": "days", "reasons": ["removal_soon"], "bare_bones": True,
                                  "deadline": (today + dt.timedelta(days=5)).isoformat()}
    evaluation = evaluate(CaseFacts(today=today, relatives=[{"relationship": "child", "status": "citizen"}],
                                    has_arrests=True, has_convictions=False))
    assert safe_json(evaluation) == {"positives": ["citizen_or_lpr_child"], "risks": ["criminal_history"],
                                     "attorney_review": True}
    advice = advise_going_public(evaluation.positives, evaluation.risks, urgency.level)
    assert safe_json(advice)["code"] == advice.code and safe_json(advice)["reasons"] == list(advice.reasons)
    key = key_date(today, removal_date=today + dt.timedelta(days=5))
    assert safe_json(key) == {"kind": "removal", "date": (today + dt.timedelta(days=5)).isoformat()}
    steps = plan_calendar(today, urgency.level, key)
    assert {"code": steps[0].code, "date": steps[0].date.isoformat(), "n": 0}.items() <= safe_json(steps)[0].items()
    targets = petition_targets("stay_of_removal", office_name="San Diego Field Office")
    assert safe_json(targets)[0]["name"] == targets[0].name
    # what docassemble then sends is JSON as it is, and the objects still read as before
    everything = [ask, urgency, evaluation, advice, key, steps, targets]
    assert json.loads(json.dumps(safe_json(everything))) == safe_json(everything)
    assert ask.code == "release_from_detention" and urgency.reasons == ("removal_soon",)


def test_plain_json():
    import datetime as dt

    import pytest

    from docassemble.notonemore.util import plain_json
    day = dt.date(2026, 1, 2)
    assert plain_json({"a": (1, "x", None), "b": {2, 1}, 3: day}) == {"a": [1, "x", None], "b": [1, 2], "3": day.isoformat()}
    with pytest.raises(TypeError):
        plain_json(object())


def test_one_english_date_and_list_for_every_document():
    import datetime as dt

    from docassemble.notonemore import letters, officials, review_sheet
    from docassemble.notonemore.util import english_date, english_list
    assert english_date(dt.date(2018, 12, 3)) == "December 3, 2018" == english_date("2018-12-03")
    assert english_date(dt.datetime(2018, 1, 5, 13, 0)) == "January 5, 2018"
    assert english_date(None) == english_date("") == ""
    assert english_list(["a", "", "b", "c"]) == "a, b and c" and english_list(["a"]) == "a" and english_list([]) == ""
    # the models print dates and lists the same way: one function, not three copies
    assert letters.english_date is officials.english_date is review_sheet.english_date is english_date
    assert letters.english_list is officials.english_list is review_sheet.english_list is english_list
    assert review_sheet.Claim is letters.Claim
