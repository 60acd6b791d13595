"""A person's walk in real headless Chromium (Debian's), clicking through to the documents."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.support.documents import docx_text, pdf_text

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic has nowhere to go on this machine's closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    yield context.new_page()
    context.close()


def heading(page: Page) -> str:
    return page.locator("#daMainQuestion").inner_text().strip()


def click_continue(page: Page) -> None:
    page.locator("#daform").get_by_role("button", name="Continue").click()


def test_family_walks_to_a_stay_of_removal(server, page):
    page.goto(server.interview_url)
    expect(page.locator("#daMainQuestion")).to_have_text("Who are you?")
    page.get_by_role("radio", name="I am a family member or friend").click()
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_contain_text("name of the person facing deportation")
    page.get_by_label("First name").fill("María José")
    page.get_by_label("Last name").fill("D'Souza-Peña")
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_have_text("What a campaign can and cannot do")
    click_continue(page)  # without the box checked: refused with a message, nothing lost
    expect(page.locator("#daMainQuestion")).to_have_text("What a campaign can and cannot do")
    expect(page.get_by_text("Please check the box to show you understand.")).to_be_visible()
    page.get_by_role("checkbox", name="I understand these limits, and I will do my part.").click()
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_have_text("Who may we share the case with?")
    page.get_by_role("checkbox", name="The advocate or organization helping me").click()
    page.get_by_role("checkbox", name="ICE, in a letter asking it to stop the deportation").click()
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_have_text("Where is María José in the deportation process?")
    page.get_by_role("radio", name="A judge has ordered them deported (final order)").click()
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_have_text("What to ask for: Stay of removal")
    expect(page.get_by_text("Form I-246 must be filed in person")).to_be_visible()
    click_continue(page)

    expect(page.locator("#daMainQuestion")).to_have_text("Your summary is ready")
    texts = {}
    for fmt in ("docx", "pdf"):
        # The link a person taps, fetched with the browser's own cookies (a PDF would
        # open in Chromium's viewer rather than download).
        href = page.locator(f"a[href*='not1more-ask-summary.{fmt}']").first.get_attribute("href")
        response = page.request.get(href if href.startswith("http") else server.url + href)
        assert response.ok, (href, response.status)
        texts[fmt] = response.body()
    docx = " ".join(docx_text(texts["docx"]).split())
    pdf = pdf_text(texts["pdf"])
    for text in (docx, pdf):
        assert "María José D'Souza-Peña" in text
        assert "Stay of removal" in text
        assert "director of the local ICE ERO field office" in text
        assert "by the family" in text
