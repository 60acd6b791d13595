"""The advocate's caseboard on the real server: an account of its own with five cases handed over
through the REST API (its own secret), signed in in Chromium on a phone-sized screen."""
from __future__ import annotations


import requests
from playwright.sync_api import expect

from tests.e2e.test_browser_walk import browser  # noqa: F401  (the module's Chromium, a fixture)
from tests.support.api import ApiSession, new_account
from tests.support.axe import check_page
from tests.support.cases import CASES, day

BOARD = "docassemble.notonemore:data/questions/caseboard.yml"
CONSENT = {"advocate": True, "ice": False, "officials": False, "public": False, "media": False}


def test_an_advocate_sees_five_cases_by_what_is_due_first_and_resumes_one(server, browser):  # noqa: F811
    account = new_account(server.url, server.api_key, "advocate")
    username, password, key, secret = account.username, account.password, account.key, account.secret
    # name, custody status and dates (from the interview's clock), in the order the board must show them
    cases = [("Carla", "Ramos", "final_order", {"removal_date": day(3), "i246_filing_date": ""}),   # no stay form date
             ("Beto", "Salas", "in_proceedings_free", {"hearing_date": day(8), "check_in_date": day(20)}),
             ("Ana", "Torres", "ice_detention_no_order", {"hearing_date": day(30)}),
             # the jail's release time not known, so no date: an ICE hold (hours) before a calm case
             ("Dora", "Uribe", "jail_with_ice_hold", {"hold_release_at": ""}),
             ("Eli", "Vega", "in_proceedings_free", {"hearing_date": ""})]
    sessions = {}
    for first, last, status, dates in reversed(cases):   # made in the opposite order to the board's
        answers = {k: v for k, v in CASES[0].answers().items() if not k.startswith("exhibits")}
        api = ApiSession(server.url, key, server.interview, secret=secret)
        api.answer({**answers, "user_role": "advocate", "consent": CONSENT, "custody_status": status,
                    "client.name.first": first, "client.name.middle": "", "client.name.last": last,
                    "removal_date": "", "check_in_date": "", "hearing_date": "", **dates})
        sessions[first] = api.session
    # each case wrote its card to the account's store (DAStore('user')), encrypted with the account's key
    user_id = account.user_id
    cards = server.sql("SELECT key, value, encrypted FROM globalobjectstorage WHERE user_id = %s AND key LIKE %s",
                       user_id, f"da:userid:{user_id}:card:%")
    assert sorted(key.rsplit(":", 1)[1] for key, *_ in cards) == sorted(sessions.values())
    for _, value, encrypted in cards:
        assert encrypted is True
        assert not any(word in value for first, last, *_ in cases for word in (first, last))
        assert "custody_status" not in value and "final_order" not in value

    with browser.new_context(viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        page.goto(f"{server.url}/interview?i={BOARD}")
        expect(page.locator("#daMainQuestion")).to_have_text("Sign in to see your cases", timeout=30_000)
        page.goto(f"{server.url}/user/sign-in")
        page.get_by_label("Email").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/interviews**")
        # docassemble's own list names each case
        for first, last, *_ in cases:
            expect(page.locator("table")).to_contain_text(f"{first} {last}")
        expect(page.locator("table")).to_contain_text("Has a final order of removal.")
        page.goto(f"{server.url}/interview?i={BOARD}")
        expect(page.locator("#daMainQuestion")).to_have_text("Your cases", timeout=30_000)
        links = page.locator("a.nom-case-link")
        expect(links).to_have_count(5)
        assert links.all_inner_texts() == [f"{first} {last}" for first, last, *_ in cases]
        board = page.locator(".nom-board")
        expect(board.locator("li.nom-case").first).to_contain_text("Removal date: in 3 days")
        expect(board.locator("li.nom-case").nth(3)).to_contain_text("In a local jail with an ICE hold")
        check = check_page(page)
        assert check.problems == [], check.problems
        # one tap resumes the case where it stopped, every answer in place
        links.nth(1).click()
        page.wait_for_url(f"**session={sessions['Beto']}**")
        # (its documents: the case was handed over whole)
        expect(page.locator("#daMainQuestion")).to_have_text("Your documents are ready", timeout=30_000)
        # the board in Spanish, from its language link
        page.goto(f"{server.url}/interview?i={BOARD}")
        page.get_by_role("link", name="Español").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Sus casos", timeout=30_000)
        expect(page.locator(".nom-board li.nom-case").first).to_contain_text("Fecha de deportación: en 3 días")
    # "Delete my answers" (its delete_now event) deletes the case's card
    card = f"da:userid:{user_id}:card:{sessions['Eli']}"
    assert server.sql("SELECT count(*) FROM globalobjectstorage WHERE key = %s", card)[0][0] == 1
    gone = ApiSession(server.url, key, server.interview, session=sessions["Eli"], secret=secret)
    gone.http.post(f"{server.url}/api/session/action", timeout=300,
                   json={**gone._ids(), "action": "delete_now", "arguments": {}})
    assert server.sql("SELECT count(*) FROM globalobjectstorage WHERE key = %s", card)[0][0] == 0
    # (through the REST API docassemble does not carry out the 'exit' command, so the answers stay
    # here; tests/e2e/test_quick_exit.py checks that the browser's delete removes them)
    # a case deleted from docassemble's own list (My interviews, here its API) leaves its card behind
    # until the board next shows: then the card goes too, and the other cases' cards stay
    orphan = f"da:userid:{user_id}:card:{sessions['Ana']}"
    dropped = requests.delete(f"{server.url}/api/user/interviews", timeout=60,
                              params={"key": key, "i": server.interview, "session": sessions["Ana"]})
    assert dropped.status_code == 204, dropped.text
    assert server.sql("SELECT count(*) FROM globalobjectstorage WHERE key = %s", orphan)[0][0] == 1
    board_api = ApiSession(server.url, key, BOARD, secret=secret)
    assert "Your cases" in board_api.question()["questionText"]
    assert server.sql("SELECT count(*) FROM globalobjectstorage WHERE key = %s", orphan)[0][0] == 0
    left = server.sql("SELECT key FROM globalobjectstorage WHERE key LIKE %s", f"da:userid:{user_id}:card:%")
    assert sorted(row[0].rsplit(":", 1)[1] for row in left) == sorted(sessions[n] for n in ("Beto", "Carla", "Dora"))
