"""Every branch through docassemble's REST API on the real server, as an intake system would hand a case over."""
import pytest

from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_pages, pdf_text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_walk_to_the_documents(server, case):
    api = ApiSession(server.url, server.api_key, server.interview)
    assert api.question()["questionText"] == "Who are you?"
    answers = case.answers()
    summary = api.walk({k: v for k, v in answers.items() if k != "case_summary_reviewed"})
    assert summary["questionText"] == "Case summary"
    assert case.ask_title in summary["subquestionText"]

    api.answer({"case_summary_reviewed": True})   # the review screen's Continue
    screen = api.walk(answers)
    assert screen["questionText"] == "Your documents are ready"
    attachment = screen["attachments"][0]
    assert set(attachment["valid_formats"]) == {"docx", "pdf"}
    docx = docx_text(api.download(attachment["url"]["docx"]))
    pdf_bytes = api.download(attachment["url"]["pdf"])
    assert pdf_pages(pdf_bytes) >= 1
    case.check_summary(docx)
    case.check_summary(pdf_text(pdf_bytes))


def test_a_case_handed_over_in_one_call_lands_on_the_summary(server):
    """docs/answers.md: an intake system sets every variable at once and the advocate reads back the summary."""
    case = CASES[3]
    api = ApiSession(server.url, server.api_key, server.interview)
    answers = {k: v for k, v in case.answers().items() if k != "case_summary_reviewed"}
    screen = api.answer(answers)
    assert screen["questionText"] == "Case summary", screen.get("questionText")
    text = screen["subquestionText"]
    assert "Stay of removal" in text and "Still missing" in text
    buttons = " ".join(f.get("helptext", "") for f in screen["fields"])
    assert "A 123-456-789" in buttons


def test_an_advocate_keeps_many_cases_in_saved_sessions(server):
    """Each case is a saved docassemble session of the advocate's account, listed and resumable."""
    names = ["Ana Ruiz", "Luis Pérez"]
    sessions = {}
    for full in names:
        first, last = full.split()
        api = ApiSession(server.url, server.api_key, server.interview)
        api.answer({"user_role": "advocate", "client.name.first": first, "client.name.last": last})
        sessions[api.session] = (full, api.secret)
    listed = api.http.get(f"{server.url}/api/interviews",
                          params={"key": server.api_key, "i": server.interview}, timeout=60).json()
    mine = {item["session"] for item in listed["items"]}
    assert set(sessions) <= mine
    for session, (full, secret) in sessions.items():   # each case resumes with its own answers
        resumed = api.http.get(f"{server.url}/api/session", params={
            "key": server.api_key, "i": server.interview, "session": session, "secret": secret}, timeout=60).json()
        assert isinstance(resumed, dict), resumed
        assert f'{resumed["client"]["name"]["first"]} {resumed["client"]["name"]["last"]}' == full
