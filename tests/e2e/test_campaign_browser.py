"""Step 7's review screen in real Chromium: a case is handed over through the REST API up to the
public texts, then a person edits the petition in the browser. A private fact typed into it is
refused with a message, the edit is kept and shown again, and the campaign kit carries it."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.test_browser_walk import Walk, browser, page  # noqa: F401  (the fixtures)
from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text

EVERYONE = {"advocate": True, "ice": True, "officials": True, "public": True, "media": True}
REVIEW = "Read the public texts, and change any words"
STORY = "José coaches a soccer team & helps at church on Saturdays."


def test_a_person_edits_the_petition_and_a_private_fact_is_refused(server, page):
    answers = {**CASES[0].answers(), "consent": EVERYONE}
    del answers["public_texts_reviewed"]
    api = ApiSession(server.url, server.api_key, server.interview)
    assert api.walk(answers)["questionText"] == REVIEW
    # the same session in the browser: docassemble keeps its key in the "secret" cookie
    page.context.add_cookies([{"name": "secret", "value": api.secret, "url": server.url}])
    page.goto(f"{server.interview_url}&session={api.session}")
    w = Walk(page)
    w.at(REVIEW)
    expect(page.get_by_text("Stop the Deportation of José O’Brien & <Núñez>", exact=True)).to_be_visible()  # as typed

    page.locator(".da-review-action").first.click()
    w.at("Part 1, the petition (English)")
    w.fill("More of the story", "José was born on April 12, 1988.")
    w.cont()
    w.refused("Take this out: it is private and never goes into a public text: April 12, 1988")
    w.fill("More of the story", STORY)
    w.cont()
    w.at(REVIEW)
    expect(page.get_by_text(STORY)).to_be_visible()

    page.locator(".da-review-action").first.click()          # the person's own words come back
    w.at("Part 1, the petition (English)")
    expect(page.get_by_label("More of the story", exact=True)).to_have_value(STORY)
    w.cont()
    w.at(REVIEW)
    w.cont()
    w.at("Which groups could stand with José?")
    w.check("Unions")
    w.cont()
    w.at("Your organizing plan, by date")
    w.cont()
    w.at("Your documents are ready", seconds=120)
    expect(page.get_by_text("The public campaign:")).to_be_visible()
    href = page.locator("a[href*='not1more-campaign-kit.docx']").first.get_attribute("href")
    response = page.request.get(href if href.startswith("http") else server.url + href)
    assert response.ok
    kit = " ".join(docx_text(response.body()).split())
    assert STORY in kit and "1988" not in kit
