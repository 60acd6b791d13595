"""The case log (case_log.yml), walked in-process from the documents screen of a hard case with a public
campaign: a request sent and ICE's answer with the officer, calls and signatures on two days (one
corrected), an elected office that said no made a petition target; then the screens and the documents
that read the log. One walk, many asserts."""
from tests.interview.test_campaign import CASES, campaign, public, text_of
from tests.support.cases import day
from tests.support.clock import interview_today, long_date

import datetime as dt


def edit(run, item, field, group):
    """The table's Edit button: ask ``item.field`` again, then back to the log."""
    return run.action("_da_list_edit", items=[{"follow up": [f"{item}.{field}"]},
                                              {"action": "_da_list_ensure_complete", "arguments": {"group": group}}])


def add(run, group):
    """The log's Add button under a list."""
    return run.action("_da_list_add", list=group, complete=True)


def test_a_request_an_answer_calls_and_an_office_that_said_no():
    answers = public(CASES[3], private_history={"convictions": True}, officials_status="not_asked")
    run, screens, docs = campaign(answers)
    today = interview_today(run)
    assert "[Case log](" in screens[-1].subquestion and "keeps what was sent and what came back" in screens[-1].subquestion
    before = docs["After the decision"]
    assert "Result (circle one): won / lost / still waiting" in before and "Calls to ICE and officials: ____" in before
    assert "Rep. Ana Díaz" not in docs["Campaign kit"]
    sends = ("Send the request to ICE", "Send the short request to ICE")
    assert any(line in docs["Organizing plan"] for line in sends)

    log = run.action("case_log")
    assert log.id == "case log" and log.subquestion.count("Nothing yet.") == 4
    # the request, sent by fax; the field office is the default recipient
    form = add(run, "log_sent")
    assert form.id == "log one thing sent"
    log = run.answer({"log_sent[0].kind": "request", "log_sent[0].to": "Field Office Director, San Diego Field Office",
                      "log_sent[0].how": "fax", "log_sent[0].day": day(-20), "log_sent[0].note": "Fax confirmation 4471"})
    assert log.id == "case log"
    assert "Request to ICE" in log.subquestion and "Field Office Director, San Diego Field Office (Fax) – Fax confirmation 4471" in log.subquestion
    # no answer yet: a follow-up call is due seven business days after it went
    assert "### What is due next" in log.subquestion and "Call the field office about the request." in log.subquestion
    # two days of calls and signatures, the first typed wrong and corrected
    add(run, "log_days")
    run.answer({"log_days[0].day": day(-9), "log_days[0].calls": 30, "log_days[0].signatures": 410})
    add(run, "log_days")
    log = run.answer({"log_days[1].day": day(-8), "log_days[1].calls": 52, "log_days[1].signatures": 9999})
    assert "**Signatures on " in log.subquestion and "9999" in log.subquestion
    again = edit(run, "log_days[1]", "day", "log_days")
    assert again.id == "log one day"
    log = run.answer({"log_days[1].day": day(-8), "log_days[1].calls": 52, "log_days[1].signatures": 1260})
    assert log.id == "case log" and "9999" not in log.subquestion
    assert "**All calls so far:** 82." in log.subquestion and "1260" in log.subquestion
    # an office that said no, in a hard case with a public campaign: made a target of the petition
    add(run, "log_offices")
    target = run.answer({"log_offices[0].name": "Rep. Ana Díaz", "log_offices[0].asked": day(-15),
                         "log_offices[0].asked_how": "phone", "log_offices[0].release": "signed",
                         "log_offices[0].result": "refused", "log_offices[0].result_day": day(-10)})
    assert target.id == "log office target" and "Rep. Ana Díaz" in target.question
    log = run.answer({"log_offices[0].target": True})
    assert "Rep. Ana Díaz" in log.subquestion and "Said no" in log.subquestion
    # ICE's answer: granted, with the officer
    form = add(run, "log_answers")
    assert form.id == "log one answer"
    log = run.answer({"log_answers[0].result": "granted", "log_answers[0].about": "request", "log_answers[0].day": day(-1),
                      "log_answers[0].officer": "Officer Mark Lee", "log_answers[0].officer_phone": "619-555-0177"})
    assert "ICE said yes" in log.subquestion and "Officer Mark Lee 619-555-0177" in log.subquestion
    assert "**Deportation officer:** Officer Mark Lee" in log.subquestion
    assert "What is due next" not in log.subquestion           # decided: nothing more to chase

    # back to the documents: they read the log
    home = run.action("documents_screen")
    assert home.id == "documents screen"
    docs = {doc.name: text_of(doc) for doc in home.attachments}
    after = " ".join(docs["After the decision"].split())
    granted = dt.date.fromisoformat(day(-1))
    assert f"Result: won. ICE said yes on {long_date(granted)}." in after and "circle one" not in after
    assert f"Campaign started: {long_date(dt.date.fromisoformat(day(-20)))}" in after
    assert "Deportation officer: Officer Mark Lee" in after
    assert f"Signatures: 1260 (on {long_date(dt.date.fromisoformat(day(-8)))})" in after
    assert "Calls to ICE and officials: 82" in after
    assert "Elected officials who said no: Rep. Ana Díaz" in after
    assert "Elected officials who wrote or called: ____" in after     # none did: the blank stays
    assert "Rep. Ana Díaz" in docs["Campaign kit"] and "Rep. Ana Díaz" in docs["Organizing plan"]
    # the request the log has as sent is not planned again
    assert not any(line in docs["Organizing plan"] for line in sends)
    assert today == interview_today(run)
