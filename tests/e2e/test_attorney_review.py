"""An attorney in the app (issue #17), end to end on the real server.

An advocate's case, with the family's consent, asks an attorney account for a review; the attorney
sees it in the queue, clears one fact, edits a passage and approves; the case takes the signed
decision back and its letter changes. An account without the privilege is refused in the browser
and through the API, and changes nothing; a case whose consent is withdrawn is gone from the queue;
the database never holds a readable name or passage of a case, shared or not.
"""
from __future__ import annotations

import re

import requests
from playwright.sync_api import expect

from tests.e2e.test_browser_walk import browser  # noqa: F401  (the module's Chromium, a fixture)
from tests.e2e.test_trust import database_dump
from tests.support import server as server_control
from tests.support.api import ApiSession, new_account
from tests.support.cases import CASES
from tests.support.documents import docx_text

ATTORNEY_INTERVIEW = "docassemble.notonemore:data/questions/attorney.yml"
REFUSED = "Only an attorney account can review cases here"
HISTORY = "Stopped in 2015 for driving without a license; the charge was dismissed."
EDITED = "Two sons, 6 and 9; he walks them to school every morning."


def case_answers(first: str, last: str, attorney_consent: bool = True) -> dict:
    """A final order at home, with one arrest in its past: the letter may tell ICE only once cleared."""
    answers = {k: v for k, v in CASES[3].answers().items() if not k.startswith("exhibits")}
    answers.update({"user_role": "advocate", "client.name.first": first, "client.name.last": last,
                    "consent": {"advocate": True, "ice": True, "officials": False, "public": False, "media": False,
                                "attorney": attorney_consent},
                    "private_history": {"arrests": True}, "private_history_details": HISTORY,
                    "exhibits.there_are_any": False})
    return answers


def text_of(screen: dict) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", screen.get("questionText", "") + " " + screen.get("subquestionText", "")).split())


def tap(api: ApiSession, name: str, **arguments) -> dict:
    """A link made with url_action(), as a browser follows it: the action stays in the session
    (``persistent``) until the screen it leads to is shown."""
    response = api.http.post(f"{api.url}/api/session/action", timeout=300,
                             json={**api._ids(), "action": name, "arguments": arguments, "persistent": True})
    assert response.status_code == 204, response.text[:1000]
    return api.question()


def back(api: ApiSession, screen: dict) -> dict:
    """The screen's "Back to the documents" button, as the browser's form sends it (with its event)."""
    response = api.http.post(f"{api.url}/api/session", timeout=120,
                             json={**api._ids(), "variables": {}, "event_list": screen.get("event_list", [])})
    assert response.status_code == 200, response.text[:1000]
    return response.json()


def signed_in(page, server, email: str, password: str) -> None:
    page.goto(f"{server.url}/user/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/interviews**")


def stored_packet(server, review_id: str) -> list:
    """The rows of docassemble's server-side store holding a review's packet (its key, its value)."""
    import psycopg2
    password = (server.state / "config" / "db_password").read_text().strip()
    with psycopg2.connect(host="127.0.0.1", port=int(server_control.test_env()["NOM_PG_PORT"]), dbname="docassemble",
                          user="docassemble", password=password) as conn, conn.cursor() as cur:
        cur.execute("SELECT key, value FROM globalobjectstorage WHERE key = %s", (f"notonemore:review:{review_id}",))
        return cur.fetchall()


def test_an_attorney_reviews_a_shared_case_and_no_one_else_can(server, browser):  # noqa: F811
    admin = {"key": server.api_key}
    made = new_account(server.url, server.api_key, "attorney")
    lawyer_id, lawyer_email, lawyer_password, lawyer_key = made.user_id, made.username, made.password, made.key
    granted = requests.post(f"{server.url}/api/user/{lawyer_id}/privileges", data={**admin, "privilege": "attorney"},
                            timeout=60)
    assert granted.status_code == 204, granted.text
    made = new_account(server.url, server.api_key, "review")
    other_email, other_password, other_key = made.username, made.password, made.key

    # the attorney's first visit: the profile, then an empty queue
    lawyer = ApiSession(server.url, lawyer_key, ATTORNEY_INTERVIEW)
    assert lawyer.question()["questionText"].strip() == "Your name as an attorney"
    screen = lawyer.answer({"attorney_name": "Rosa Villanueva", "attorney_bar_number": "284113",
                            "attorney_bar_state": "CA", "attorney_organization": "Frontera Legal Aid"})
    assert screen["questionText"].strip() == "Cases to review", text_of(screen)

    # the advocate's case, to its documents; nothing of it readable in the database before any request
    secret = ApiSession.account_secret(server.url, server.api_key, server.admin_email, server.admin_password)
    case = ApiSession(server.url, server.api_key, server.interview, secret=secret)
    home = case.walk(case_answers("Xiomara", "Quiroga-Ibarra"))
    assert home["questionText"].strip() == "Your documents are ready", text_of(home)
    screen = tap(case, "request_attorney_review")
    assert screen["questionText"].strip() == "Which attorney should check the letters?", text_of(screen)
    assert "Rosa Villanueva (Frontera Legal Aid)" in str(screen["fields"])
    sent = case.answer({"review_attorney_choice": lawyer_id})
    assert sent["questionText"].strip() == "Sent to the attorney", text_of(sent)
    shared = database_dump(server)
    for private in ("Xiomara", "Quiroga-Ibarra", "driving without a license", "Two children"):
        assert private not in shared, private          # the packet is encrypted too

    # the queue: the name, the ask, the next deadline
    queue = text_of(lawyer.question())
    assert "Xiomara Quiroga-Ibarra" in queue and "Stay of removal" in queue, queue
    assert "File the stay form (I-246): tomorrow" in queue and "New." in queue, queue   # i246_filing_date: day(1)
    review_id = lawyer.variables()["queue"][0]["review_id"]
    screen = tap(lawyer, "open_case", review_id=review_id)
    assert screen["questionText"].strip() == "Review: Xiomara Quiroga-Ibarra", text_of(screen)
    shown = text_of(screen)
    assert "Request to ICE" in shown and "Attorney review sheet" in shown and HISTORY in shown, shown
    names = {f.get("variable_name") for f in screen["fields"]}
    assert {"ice_ok['arrests']", "passage_edit['family_details']", "review_note", "review_decision"} <= names, names
    # the drafts open for the attorney signed in (the case gave the account access to its files)
    link = re.search(r'href="(/uploadedfile/[^"]+)"', screen["subquestionText"]).group(1)
    lawyer_browser = browser.new_context()
    signed_in(lawyer_browser.new_page(), server, lawyer_email, lawyer_password)
    assert lawyer_browser.request.get(f"{server.url}{link}").status == 200
    # sending back needs a note
    refused = lawyer.answer({"ice_ok['arrests']": True, "passage_edit['family_details']": EDITED,
                             "review_note": "", "review_decision": "send_back"})
    assert "Write what needs to change." in str(refused), text_of(refused)
    screen = lawyer.answer({"ice_ok['arrests']": True, "passage_edit['family_details']": EDITED,
                            "review_note": "", "review_decision": "approve"})
    assert screen["questionText"].strip() == "You approved the case", text_of(screen)
    kept = lawyer.variables()
    assert not {"current_review", "ice_ok", "passage_edit", "review_note"} & set(kept), sorted(kept)
    assert kept["review_history"] == [{"review_id": review_id, "name": "Xiomara", "state": "approved",
                                       "on": kept["review_history"][0]["on"]}]

    # the case takes the decision: the signed record, the attorney's passage, the cleared fact
    home = back(case, sent)
    assert home["questionText"].strip() == "Your documents are ready", text_of(home)
    got = case.variables()
    record = got["attorney_review"]
    assert record["state"] == "approved" and record["attorney_name"] == "Rosa Villanueva"
    assert record["bar_number"] == "CA 284113" and record["attorney_user_id"] == lawyer_id and record["signature"]
    assert record["may_tell_ice"] == {"arrests": True} and got["review_status"] == "approved"
    assert got["family_details_reviewed"] == EDITED and got["cleared_disclosures"] == {"arrests": True}
    urls = {a["name"]: a["url"] for a in home["attachments"]}
    letter = " ".join(docx_text(case.download(urls["Request to ICE"]["docx"])).split())
    assert EDITED in letter and "dismissed" in letter, letter[:3000]
    assert "Two children, 6 and 9." not in letter
    # the mark: reviewed in the app, by the attorney's own account; no DRAFT
    assert "Reviewed by Rosa Villanueva, attorney, on" in letter and "DRAFT" not in letter, letter[:600]
    # the packet is gone, and so is the attorney's access to the files
    assert lawyer_browser.request.get(f"{server.url}{link}").status != 200
    lawyer_browser.close()
    queue = text_of(tap(lawyer, "back_to_queue"))
    assert "Quiroga-Ibarra" not in queue and "Xiomara: approved on" in queue, queue   # only its own history

    # a second case shared with the attorney; an account without the privilege tries to approve it
    second = ApiSession(server.url, server.api_key, server.interview, secret=secret)
    assert second.walk(case_answers("Yolotzin", "Quetzal-Arriaga"))["questionText"].strip() == "Your documents are ready"
    tap(second, "request_attorney_review")
    sent = second.answer({"review_attorney_choice": lawyer_id})
    assert sent["questionText"].strip() == "Sent to the attorney"
    back(second, sent)
    assert "Yolotzin Quetzal-Arriaga" in text_of(lawyer.question())    # the queue, read afresh
    second_id = lawyer.variables()["queue"][0]["review_id"]
    before = stored_packet(server, second_id)
    assert len(before) == 1
    intruder = ApiSession(server.url, other_key, ATTORNEY_INTERVIEW)
    screen = intruder.answer({"current_review_id": second_id, "ice_ok": {"arrests": True}, "review_note": "",
                              "review_decision": "approve", "review_recorded": True, "attorney_profile_ready": True})
    assert screen["questionText"].strip() == REFUSED, text_of(screen)
    assert "give your account attorney access" in text_of(screen)
    with browser.new_context(viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        signed_in(page, server, other_email, other_password)
        page.goto(f"{server.url}/interview?i={ATTORNEY_INTERVIEW}")
        expect(page.locator("#daMainQuestion")).to_have_text(REFUSED, timeout=30_000)
        expect(page.locator("#daquestion")).to_contain_text("Ask the administrator of this site")
        expect(page.locator("#daquestion")).not_to_contain_text("Yolotzin")
    assert stored_packet(server, second_id) == before       # nothing changed
    assert "Yolotzin Quetzal-Arriaga" in text_of(lawyer.question())

    # the family withdraws its consent: the case is gone from the queue, and cannot be opened
    second.answer({"consent": {"advocate": True, "ice": True, "officials": False, "public": False, "media": False,
                               "attorney": False}})
    assert second.question()["questionText"].strip() == "Your documents are ready"
    assert "Yolotzin" not in text_of(lawyer.question())
    assert tap(lawyer, "open_case", review_id=second_id)["questionText"].strip() == "This case is no longer shared"

    # after the review: no packet, no readable name or passage in the database
    assert stored_packet(server, review_id) == [] and stored_packet(server, second_id) == []
    after = database_dump(server)
    for private in ("Xiomara", "Quiroga-Ibarra", "Yolotzin", "Quetzal-Arriaga", "walks them to school",
                    "driving without a license"):
        assert private not in after, private
    # the roster stays: an attorney's professional facts (name, bar, organization), not encrypted
    assert f"notonemore:attorney:{lawyer_id}" in after
