"""Free text only as reviewed, in a real browser: the review screen of a passage typed in Spanish
refuses Spanish as the letter's English text (only the browser runs the screen's check)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.test_browser_walk import browser  # noqa: F401  (the module's Chromium, a fixture)
from tests.e2e.test_handover import listed, sign_in
from tests.support.api import ApiSession
from tests.support.cases import CASES

SPANISH = "Su hija es ciudadana y va a la escuela."


def test_a_spanish_passage_must_be_given_in_english(server, browser):  # noqa: F811
    secret = ApiSession.account_secret(server.url, server.api_key, server.admin_email, server.admin_password)
    api = ApiSession(server.url, server.api_key, server.interview, secret=secret)
    answers = {k: v for k, v in CASES[4].answers().items()
               if not k.startswith("exhibits") and k not in ("case_summary_reviewed",)}
    screen = api.answer({**answers, "family_details": SPANISH})
    screen = api.answer({"case_summary_reviewed": True})
    assert screen["questionText"].strip() == "Check what the letter says about the family", screen.get("questionText")

    with browser.new_context(viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        sign_in(page, server)
        listed(page, server, api.session).get_by_role("link").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Check what the letter says about the family", timeout=30_000)
        expect(page.locator("#daquestion")).to_contain_text("This looks like it is in Spanish.")
        expect(page.locator("#daquestion")).to_contain_text(SPANISH)
        box = page.get_by_label("What the letter will say (in English)")
        expect(box).to_have_value("")                              # the Spanish is not carried into the box
        box.fill(SPANISH)
        page.locator("#daform").get_by_role("button", name="Continue").click()
        expect(page.locator("#daquestion")).to_contain_text("This still looks like Spanish.")
        box = page.get_by_label("What the letter will say (in English)")
        box.fill("Her daughter is a U.S. citizen and goes to school.")
        # leaving the box removes the message under it and moves the button: a tap during the move is lost
        box.blur()
        page.wait_for_timeout(500)
        page.locator("#daform").get_by_role("button", name="Continue").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Check what the letter says about the community",
                                                             timeout=30_000)
    got = api.variables()
    assert got["family_details_reviewed"] == "Her daughter is a U.S. citizen and goes to school."
    assert got["family_details"] == SPANISH                        # the family's own answer is kept
