"""A case handed over through the REST API (README, *Handing a case over*), then opened in Chromium.

The advocate's way: the case is encrypted with the account's own secret, so the account that
handed it over finds it under *My interviews* and resumes it with every answer in place; and
what the interview computed reads back as plain JSON (docs/answers.md, *Computed*). The
family's way: an account of the family's own and a one-time sign-in link.
"""
from __future__ import annotations


import requests
from playwright.sync_api import expect

from tests.e2e.test_browser_walk import browser  # noqa: F401  (the module's Chromium, a fixture)
from tests.support.api import ApiSession, new_account
from tests.support.cases import CASES, day

# The advocate, the public and no one else: the campaign's questions come without a letter to assemble.
CONSENT = {"advocate": True, "ice": False, "officials": False, "public": True, "media": False}


def sign_in(page, server) -> None:
    page.goto(f"{server.url}/user/sign-in")
    page.get_by_label("Email").fill(server.admin_email)
    page.get_by_label("Password").fill(server.admin_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/interviews**")


def listed(page, server, session: str, pages: int = 50):
    """The row of *My interviews* for one session (docassemble names it on its Delete button),
    looked for page after page: the list comes in pages, and the account holds every test's cases."""
    page.goto(f"{server.url}/interviews")
    row = page.locator(f"tr:has(button[data-session='{session}'])")
    for _ in range(pages):
        following = page.locator("a.page-link[aria-label='Next']")
        if row.count() or not following.count():
            break
        following.first.click()
        page.wait_for_load_state()
    return row


def test_a_case_handed_over_opens_in_the_browser_of_the_account_that_handed_it_over(server, browser):  # noqa: F811
    case = CASES[3]   # a final order, the full intake; here the removal is in 10 days
    secret = ApiSession.account_secret(server.url, server.api_key, server.admin_email, server.admin_password)
    api = ApiSession(server.url, server.api_key, server.interview, secret=secret)
    answers = {**{k: v for k, v in case.answers().items() if not k.startswith("exhibits")},
               "user_role": "advocate", "consent": CONSENT, "removal_date": day(10)}
    handover = {k: v for k, v in answers.items() if k not in ("case_summary_reviewed", "organizing_plan_reviewed")}
    screen = api.answer(handover)
    assert screen["questionText"] == "Case summary"
    # the old way, a secret of the session's own, for comparison: the account cannot open it
    unreadable = ApiSession(server.url, server.api_key, server.interview)
    unreadable.answer({"user_role": "advocate"})

    # what the interview worked out, read back as plain JSON
    got = api.variables()
    assert got["ask"]["code"] == "stay_of_removal"
    assert got["ask"]["targets"] == ["ero_field_office_director"]
    assert got["ask"]["warnings"] == ["i246_filed_in_person"]
    assert got["ask_title"] == "Stay of removal"
    assert got["urgency"] == {"level": "days", "reasons": ["removal_soon"], "bare_bones": True, "deadline": day(10)}
    assert got["evaluation"]["positives"] == ["long_presence", "citizen_or_lpr_spouse", "citizen_or_lpr_child",
                                              "primary_caretaker", "community_ties", "no_criminal_record"]
    assert got["evaluation"]["risks"] == [] and got["evaluation"]["attorney_review"] is False
    assert got["still_missing"] == ["attorney_consult", "consent_ice", "supporting_documents"]
    assert got["still_missing_words"][1] == "Consent to send the case to ICE"
    assert got["public_advice"] == {"code": "go_public", "reasons": ["urgent"]}

    with browser.new_context(viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        sign_in(page, server)
        expect(listed(page, server, unreadable.session)).to_contain_text("cannot be decrypted")
        row = listed(page, server, api.session)
        expect(row).to_have_count(1)
        expect(row).not_to_contain_text("cannot be decrypted")
        row.get_by_role("link").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Case summary", timeout=30_000)
        summary = page.locator("#daquestion")
        # every answer in place (docassemble's typography curls the apostrophe of O'Brien)
        for shown in ("Person: José O’Brien", "The ask: Stay of removal", "Consent to send the case to ICE",
                      "May share with: the advocate and the public", "A-number: A 123-456-789",
                      "Field office: San Diego Field Office", "Using this: advocate"):
            expect(summary).to_contain_text(shown)
        page.locator("#daform").get_by_role("button", name="Continue").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Your organizing plan, by date", timeout=30_000)

    # the browser's Continue went on to the organizing plan: its dates read back too
    got = api.variables()
    assert got["case_summary_reviewed"] is True
    assert got["campaign_key_date"] == {"kind": "removal", "date": day(10)}
    steps = got["plan_steps"]
    codes = [s["code"] for s in steps]
    assert steps[0]["date"] == day(0) and {"petition", "file_i246", "call_in", "media", "escalation"} <= set(codes)
    assert codes.count("call_in") >= 2 and all(day(0) <= s["date"] < day(10) for s in steps)
    assert set(steps[0]) == {"code", "date", "n", "kind", "update", "days_held", "days_left", "days_waiting"}


def test_a_family_opens_its_case_from_a_one_time_link(server, browser):  # noqa: F811
    """An account of the family's own holds the case's key; docassemble's sign-in link opens it once."""
    admin = {"key": server.api_key}
    family = new_account(server.url, server.api_key, "family")
    username, password, family_key, secret = family.username, family.password, family.key, family.secret
    api = ApiSession(server.url, family_key, server.interview, secret=secret)
    answers = {k: v for k, v in CASES[4].answers().items() if not k.startswith("exhibits")}
    api.answer({**{k: v for k, v in answers.items() if k != "case_summary_reviewed"}, "user_language": "es"})
    link = requests.post(f"{server.url}/api/login_url", timeout=60, json={
        **admin, "username": username, "password": password, "i": server.interview, "session": api.session,
        "expire": 7 * 24 * 3600}).json()

    with browser.new_context(viewport={"width": 390, "height": 844}) as context:   # no one signed in
        page = context.new_page()
        page.goto(link)
        expect(page.locator("#daMainQuestion")).to_have_text("Resumen del caso", timeout=30_000)
        expect(page.locator("#daquestion")).to_contain_text("Acción diferida")
        expect(page.locator("#daquestion")).to_contain_text("José O’Brien")
    with browser.new_context() as context:   # the link worked once
        page = context.new_page()
        page.goto(link)
        expect(page.locator("#daMainQuestion")).to_have_count(0)
        expect(page.locator("body")).to_contain_text("Forbidden")
    # the advocate's account does not hold this case's key, and does not list it
    with browser.new_context() as context:
        page = context.new_page()
        sign_in(page, server)
        expect(listed(page, server, api.session)).to_have_count(0)
