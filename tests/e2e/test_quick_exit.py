"""The quick exit on every screen: leave at once for a neutral site, or delete the case first.

A case is started in the browser, filled in through the REST API up to an uploaded paper and
its documents, then left from the phone screen. After "delete", nothing of the session is
left in the database or the upload folder.
"""
from playwright.sync_api import expect

from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.e2e.test_browser_walk import browser, page  # noqa: F401  (the fixtures)

NEUTRAL = "https://www.weather.gov/"


def _browser_case(server, page):
    """A case begun in the browser, with its session id and secret for the API."""
    page.goto(server.interview_url)
    expect(page.locator("#daMainQuestion")).to_have_text("Who are you?")
    page.get_by_role("radio", name="I am a family member or friend").click()
    page.locator("#daform").get_by_role("button", name="Continue").click()
    expect(page.locator("#daMainQuestion")).to_contain_text("name of the person")
    secret = next(c["value"] for c in page.context.cookies() if c["name"] == "secret")
    session = server.sql("SELECT key FROM userdictkeys WHERE filename = %s ORDER BY indexno DESC LIMIT 1",
                         server.interview)[0][0]
    return ApiSession(server.url, server.api_key, server.interview, session=session, secret=secret)


def _stored(server, session):
    return {
        "answers": server.sql("SELECT count(*) FROM userdict WHERE key = %s", session)[0][0],
        "keys": server.sql("SELECT count(*) FROM userdictkeys WHERE key = %s", session)[0][0],
        "files": [n for (n,) in server.sql("SELECT indexno FROM uploads WHERE key = %s", session)],
    }


def test_quick_exit_leaves_at_once_and_keeps_the_answers(server, page):
    api = _browser_case(server, page)
    button = page.get_by_role("link", name="Quick exit")
    expect(button).to_be_visible()
    with page.expect_request(NEUTRAL):     # the closed network cannot load it; the browser goes there
        button.click()
    assert _stored(server, api.session)["answers"] > 0     # kept: the case can be picked up again


def test_delete_my_answers_removes_the_case_and_its_files(server, page, uploads):
    api = _browser_case(server, page)
    answers = {**CASES[3].answers(), "exhibits.there_are_any": True}
    api.walk(answers)
    screen = api.upload({"exhibits[0].description": "Lease", "exhibits[0].category": "length_of_presence"},
                        "exhibits[0].file", uploads["pdf"], "application/pdf")
    assert screen["questionText"].strip() == "Do you have another paper to add?"
    screen = api.answer({"exhibits.there_is_another": False})
    assert screen["questionText"].strip() == "Your documents are ready"
    words = _stored(server, api.session)["files"]   # the paper and every document, as Word
    api.action("documents_zip_download")            # then every PDF, the package and the ZIP
    before = _stored(server, api.session)
    assert before["answers"] and before["keys"] and len(words) > 8 and len(before["files"]) > len(words) + 8
    folders = [server.upload_dir(n) for n in before["files"]]
    assert all(folder.is_dir() for folder in folders)

    page.reload()
    expect(page.locator("#daMainQuestion")).to_have_text("Your documents are ready", timeout=60000)
    page.get_by_role("link", name="Delete my answers").click()
    expect(page.locator("#daMainQuestion")).to_have_text("Delete your answers and leave?")
    page.get_by_role("button", name="No, go back").click()             # changed their mind: nothing lost
    expect(page.locator("#daMainQuestion")).to_have_text("Your documents are ready", timeout=60000)
    assert set(before["files"]) <= set(_stored(server, api.session)["files"])

    page.get_by_role("link", name="Delete my answers").click()
    with page.expect_request(NEUTRAL):
        page.get_by_role("link", name="Yes, delete and leave").click()
    assert _stored(server, api.session) == {"answers": 0, "keys": 0, "files": []}
    assert [folder for folder in folders if folder.exists()] == []
