"""Walk every branch through docassemble's REST API on the real server; read the documents."""
import pytest

from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_pages, pdf_text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_walk_to_the_ask_summary(server, case):
    api = ApiSession(server.url, server.api_key, server.interview)
    assert api.question()["questionText"] == "Who are you?"
    screen = None
    for answers in case.answers():
        screen = api.answer(answers)
        assert not screen.get("errors"), screen
    assert screen["questionText"] == "Your summary is ready"
    [attachment] = screen["attachments"]
    assert set(attachment["valid_formats"]) == {"docx", "pdf"}

    docx = docx_text(api.download(attachment["url"]["docx"]))
    pdf_bytes = api.download(attachment["url"]["pdf"])
    pdf = pdf_text(pdf_bytes)
    assert pdf_pages(pdf_bytes) == 1
    case.check_summary(docx)
    case.check_summary(pdf)
