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
    screen = api.walk({k: v for k, v in answers.items() if k != "case_summary_reviewed"})
    if answers["intake_path"] == "full" or case.custody_status == "not_in_proceedings":
        assert screen["questionText"] == "Case summary"
        assert case.ask_title in screen["subquestionText"]
        api.answer({"case_summary_reviewed": True})   # the review screen's Continue
        screen = api.walk(answers)
    else:   # the short first request goes straight to its documents
        assert "See the case summary" in screen["subquestionText"]
    ending = "No letter goes to ICE" if case.custody_status == "not_in_proceedings" else "Your documents are ready"
    assert screen["questionText"].strip() == ending
    assert all("pdf" not in a["url"] for a in screen["attachments"])     # no PDF made before anyone asks
    screen = api.action("document_pdf", doc="ask_summary")               # the PDF link, as a person taps it
    attachment = screen["attachments"][0]
    assert set(attachment["valid_formats"]) == {"docx", "pdf"}
    # shown again (an account's session: the caseboard's card is written meanwhile), the same files: nothing rebuilt
    assert [a["url"] for a in api.question()["attachments"]] == [a["url"] for a in screen["attachments"]]
    docx = docx_text(api.download(attachment["url"]["docx"]))
    pdf_bytes = api.download(attachment["url"]["pdf"])
    assert pdf_pages(pdf_bytes) >= 1
    case.check_summary(docx)
    case.check_summary(pdf_text(pdf_bytes))


def test_a_case_handed_over_in_one_call_lands_on_the_summary(server):
    """docs/answers.md: an intake system sets every variable at once and the advocate reads back the summary."""
    case = CASES[3]
    api = ApiSession(server.url, server.api_key, server.interview)
    # uploads come later, on their own screens
    answers = {k: v for k, v in case.answers().items() if k != "case_summary_reviewed" and not k.startswith("exhibits")}
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
    mine, next_id = set(), None
    while True:   # the list comes in pages
        params = {"key": server.api_key, "i": server.interview, **({"next_id": next_id} if next_id else {})}
        listed = api.http.get(f"{server.url}/api/interviews", params=params, timeout=60).json()
        mine |= {item["session"] for item in listed["items"]}
        next_id = listed.get("next_id")
        if not next_id:
            break
    assert set(sessions) <= mine
    for session, (full, secret) in sessions.items():   # each case resumes with its own answers
        resumed = api.http.get(f"{server.url}/api/session", params={
            "key": server.api_key, "i": server.interview, "session": session, "secret": secret}, timeout=60).json()
        assert isinstance(resumed, dict), resumed
        assert f'{resumed["client"]["name"]["first"]} {resumed["client"]["name"]["last"]}' == full


def test_package_with_uploaded_papers(server, uploads):
    """Step 6 through the REST API: two papers uploaded, one PDF to send, its index and page numbers."""
    lease, photo, fake = uploads["pdf"], uploads["png"], uploads["fake"]

    case = CASES[3]
    answers = {**case.answers(), "exhibits.there_are_any": True}
    api = ApiSession(server.url, server.api_key, server.interview)
    assert api.walk(answers)["questionText"].strip() == "Add a paper (first one)"

    def upload(index, description, category, path, mimetype):
        return api.upload({f"exhibits[{index}].description": description, f"exhibits[{index}].category": category},
                          f"exhibits[{index}].file", path, mimetype)

    screen = upload(0, "Lease & rent receipts <2019>", "length_of_presence", fake, "application/pdf")
    assert "This file is not a PDF, JPEG or PNG." in screen["subquestionText"]      # refused, said why
    screen = upload(0, "Lease & rent receipts <2019>", "length_of_presence", uploads["big"], "application/pdf")
    assert "This file is bigger than 20 MB." in screen["subquestionText"]            # refused, said why
    assert api.question()["fields"][0]["default"] == "Lease & rent receipts <2019>"  # the rest kept
    screen = upload(0, "Lease & rent receipts <2019>", "length_of_presence", lease, "application/pdf")
    assert screen["questionText"].strip() == "Do you have another paper to add?"
    api.answer({"exhibits.there_is_another": True})
    upload(1, "Photo of the family", "good_moral_character", photo, "image/png")
    screen = api.answer({"exhibits.there_is_another": False})
    assert screen["questionText"].strip() == "Your documents are ready"

    assert "not1more-package-to-send.pdf" not in screen["subquestionText"]   # made when its link is followed
    api.action("document_pdf", doc="package_pdf")
    made = api.variables()["package_pdf"]
    package = api.download(f"/uploadedfile/{made['number']}/{made['filename']}")
    pages = pdf_pages(package)
    text = pdf_text(package)
    letter_pages = pages - 5          # index 1 + cover sheet 1 + lease 2 + photo 1
    assert letter_pages >= 1
    index = text.split("Index", 1)[1]
    assert f"Request to ICE ..." in index or "Request to ICE" in index
    assert f"pages {letter_pages + 3}–{letter_pages + 4}" in index        # the two-page lease
    assert f"pages {pages}–{pages}" in index                              # the photo, last
    assert "Exhibit A: Lease & rent receipts <2019>" in index and "Exhibit B: Photo of the family" in index
    assert f"{pages} / {pages}" in text and "A 123-456-789" in text
    letter = docx_text(api.download(screen["attachments"][1]["url"]["docx"]))
    assert "Exhibit A: Lease & rent receipts <2019>" in letter and "Exhibit B: Photo of the family" in letter


def test_a_bad_a_number_handed_over_is_asked_again_with_the_reason(server):
    """The reply to POST /api/session says what the browser's check says under the field."""
    answers = {k: v for k, v in CASES[4].answers().items() if not k.startswith("exhibits")}
    for language, bad, message in (
            ("en", "A12-34", "An A-number has 8 or 9 numbers. Check that no number is missing or extra."),
            ("en", "1234567890", "An A-number has 8 or 9 numbers. Check that no number is missing or extra."),
            ("es", "A12-34", "Un número A tiene 8 o 9 números. Revise que no falte ni sobre ningún número.")):
        api = ApiSession(server.url, server.api_key, server.interview)
        screen = api.answer({**answers, "user_language": language, "client.a_number": bad})
        assert screen["questionText"].startswith("José" if language == "en" else "Número A"), screen["questionText"]
        assert f'<div class="alert alert-danger" role="alert">{message}</div>' in screen["subquestionText"]
        assert [f for f in screen["fields"] if f.get("variable_name") == "client.a_number"][0]["default"] == bad
    screen = api.answer({"client.a_number": "A 123 456 789"})   # typed again right: on to the next screen
    assert "alert-danger" not in screen.get("subquestionText", "")
    assert api.variables()["client"]["a_number"] == "A 123 456 789"
