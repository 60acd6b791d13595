"""A family member's walk in real headless Chromium (Debian's) on a phone-sized screen.

It clicks through every step to the documents, types bad input on the way (a malformed
A-number, a birth date in the future, a removal date in the past, an empty required
answer) and checks that each gets a clear message and that nothing already entered is lost.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.support.documents import docx_text, pdf_pages, pdf_text

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic has nowhere to go on this machine's closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


class Walk:
    """What a person does on each screen: read the heading, tap, type, continue."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def at(self, heading: str, seconds: float = 15) -> None:
        expect(self.page.locator("#daMainQuestion")).to_have_text(heading, timeout=seconds * 1000)

    def cont(self) -> None:
        self.page.locator("#daform").get_by_role("button", name="Continue").click()

    def button(self, name: str) -> None:
        self.page.locator("#daform").get_by_role("button", name=name, exact=True).click()

    def radio(self, name: str) -> None:
        choice = self.page.get_by_role("radio", name=name, exact=True)
        choice.click()
        expect(choice).to_be_checked()           # a tap lost while the page moves is tapped again by the wait

    def check(self, name: str) -> None:
        self.page.get_by_role("checkbox", name=name, exact=True).click()

    def fill(self, label: str, value: str) -> None:
        """Type as a person does (key by key), so the page's own checks see each key."""
        field = self.page.get_by_label(label, exact=True)
        if field.get_attribute("type") == "date":
            field.fill(value)
        else:
            field.fill("")
            field.press_sequentially(value)
            if field.input_value() != value:
                # a field that a choice just showed can still be moving: keys typed then land out
                # of order ("aRosa Peñ"), so the whole value is set once the page has settled
                field.fill(value)
        expect(field).to_have_value(value)
        # Leave the field before tapping Continue: when a server-side message sits under the
        # field, leaving it removes the message and moves the button (docassemble's page
        # frame), and a tap during that move is lost.
        field.blur()

    def start_as_family(self, url: str) -> None:
        """A new case, begun by a family member: up to the name screen."""
        self.page.goto(url)
        self.at("Who are you?")
        self.radio("I am a family member or friend")
        self.cont()
        self.at("What is the name of the person facing deportation?")

    def upload(self, path) -> None:
        """Choose a file, then wait until the upload widget has drawn it (it moves the page)."""
        self.page.locator("input[type=file]").set_input_files(str(path))
        expect(self.page.locator(".file-caption-name")).to_have_value(path.name)
        expect(self.page.locator(".file-preview-frame").first).to_be_visible()
        # The widget keeps growing its preview for a moment; a person looks at it before tapping on.
        self.page.wait_for_timeout(1000)

    def add_paper(self, ordinal: str, description: str, category: str, path) -> None:
        """One paper on the "Add a paper" screen, up to the "another paper?" question."""
        self.at(f"Add a paper ({ordinal} one)")
        self.fill("What is it?", description)
        self.page.get_by_label("Which part of the checklist does it prove?", exact=True).select_option(category)
        self.upload(path)
        self.cont()
        self.at("Do you have another paper to add?")

    def refused(self, message: str) -> None:
        """The message is shown (and announced: docassemble marks errors with role=alert or aria-describedby)."""
        expect(self.page.get_by_text(message)).to_be_visible()


def test_family_walks_a_final_order_case_to_its_documents(server, page, uploads):
    w = Walk(page)
    w.start_as_family(server.interview_url)
    w.fill("First name", "María José")
    w.fill("Middle name", "Guadalupe")
    w.cont()                                   # last name empty: refused, first name kept
    w.refused("You need to fill this in.")
    expect(page.get_by_label("First name", exact=True)).to_have_value("María José")
    w.fill("Last name", "D'Souza-Peña")
    w.cont()

    w.at("What a campaign can and cannot do")
    w.cont()                                   # box not checked: refused
    w.refused("Please check the box to show you understand.")
    w.check("I understand these limits, and I will do my part.")
    w.cont()

    w.at("Who may we share the case with?")
    w.check("The advocate or organization helping me")
    w.check("ICE, in a letter asking it to stop the deportation")
    w.cont()

    w.at("Where is María José in the deportation process?")
    w.radio("A judge has ordered them deported (final order)")
    w.cont()

    w.at("María José’s A-number, country and date of birth")
    w.fill("A-number", "A12-345")
    page.get_by_label("Country of birth", exact=True).select_option("MX")
    w.radio("she, her")                        # the letters say "she"
    w.fill("Date of birth", (TODAY + dt.timedelta(days=30)).isoformat())
    w.cont()
    w.refused("An A-number has 8 or 9 numbers.")
    w.fill("A-number", "a 123 456 789")
    w.cont()
    w.refused("A birth date cannot be in the future.")
    expect(page.get_by_label("Country of birth", exact=True)).to_have_value("MX")   # kept
    expect(page.get_by_label("A-number", exact=True)).to_have_value("a 123 456 789")  # kept
    w.fill("Date of birth", "1985-03-09")
    w.cont()

    w.at("Is María José held by ICE now?")     # with the dates ICE set, on one screen
    expect(page.get_by_label("Next check-in with ICE", exact=True)).to_be_visible()
    w.radio("Yes")
    expect(page.get_by_label("Next check-in with ICE", exact=True)).to_be_hidden()   # no check-in when held
    w.radio("No")
    w.fill("Removal date", (TODAY - dt.timedelta(days=3)).isoformat())
    w.radio("A family member or friend")       # who files the stay form, on the same screen
    w.fill("Name of the family member or friend", "Rosa Peña")
    w.fill("Who will pay the fee? (name)", "Rosa Peña")
    w.fill("File it by", (TODAY + dt.timedelta(days=5)).isoformat())
    w.cont()
    w.refused("This date has passed.")
    # the refused screen keeps what was entered beside the bad date
    expect(page.get_by_role("radio", name="A family member or friend", exact=True)).to_be_checked()
    expect(page.get_by_label("Name of the family member or friend", exact=True)).to_have_value("Rosa Peña")
    w.fill("Removal date", (TODAY + dt.timedelta(days=25)).isoformat())
    w.cont()                                   # the check-in is optional: left blank
    w.at("In which state does María José live?")
    state = page.get_by_label("State", exact=True)   # a plain dropdown (choices.py): every state by name
    expect(state.locator("option")).to_have_count(57)  # "Select...", 50 states, DC, 5 territories
    # a value that is not a state's code, sent around the list (a changed page), is refused: the same
    # screen again, nothing chosen (the validation code's words do not show beside the rebuilt list)
    state.evaluate("select => { select.add(new Option('Nowhere', 'ZZ')); select.value = 'ZZ'; }")
    w.cont()
    w.at("In which state does María José live?")
    expect(page.get_by_label("State", exact=True)).to_have_value("")
    page.get_by_label("State", exact=True).select_option("CA")
    w.cont()

    w.at("Does María José have an immigration attorney?")
    w.button("No")
    w.at("Has María José talked with an immigration attorney about other ways to stay?")
    w.button("No")
    w.at("Talk to an attorney first")
    w.radio("Yes")
    w.cont()

    w.at("When did María José first come to the United States?")
    w.fill("First arrival", "2003-07-15")
    w.cont()
    w.at("How did María José last come into the United States?")
    w.radio("With a visa or through a border post, where an officer checked papers")
    w.cont()
    w.at("Does María José have family who are US citizens or green card holders?")
    w.check("A child who is a US citizen")
    w.cont()
    w.at("Which of these are true for María José?")
    w.check("Main caretaker of a child")
    w.cont()
    w.at("How does María José help family and community?")
    w.cont()
    w.at("Private questions about the past")
    w.check("None of these")
    w.cont()

    w.at("The ICE detainee locator")
    expect(page.get_by_text("A 123-456-789", exact=False)).to_be_visible()
    w.cont()
    w.at("Has the privacy waiver been signed?")
    w.radio("Yes, it is signed")
    w.cont()
    w.at("What helps the case, and what to watch")
    expect(page.get_by_text("Has a child who is a US citizen or has a green card")).to_be_visible()
    w.cont()

    w.at("What to ask for: Stay of removal")
    expect(page.get_by_text("Form I-246 must be filed in person")).to_be_visible()
    w.cont()
    # California has more than one field office: the county picks it (no office screen after it)
    w.at("In which county is María José living?")
    page.locator("#daquestion select").first.select_option("San Diego")
    w.cont()

    w.at("Case summary")
    expect(page.get_by_text("San Diego Field Office", exact=False).first).to_be_visible()
    expect(page.get_by_text("A talk with an immigration attorney about other ways to stay")).to_be_visible()
    w.cont()

    w.at("Who will sign the letter to ICE?")
    w.fill("Your full name", "Rosa Peña")
    w.radio("Daughter")                        # "María José is my: daughter": Rosa is her mother
    w.fill("Phone", "555-201-3344")
    w.cont()

    w.at("A few more facts for the letter to ICE")
    w.radio("Yes, every one")
    w.cont()

    w.at("Which papers do you have?")
    expect(page.get_by_role("radiogroup", name="Children’s birth certificates")).to_be_visible()   # a citizen child
    page.get_by_role("radio", name="Have it").first.click()
    w.cont()

    w.at("Do you have papers to add to the request now?")
    w.button("Yes, add papers")
    w.add_paper("first", "Lease & rent receipts <2019>", "length_of_presence", uploads["pdf"])
    w.button("Yes")
    w.add_paper("second", "Photo of the family", "good_moral_character", uploads["png"])
    w.button("No, that is all")

    w.at("Your documents are ready", seconds=90)   # every document is assembled, PDFs by LibreOffice
    page.get_by_text("How to send it, and whom to call").click()      # folded on the home screen, one tap opens it
    expect(page.get_by_text("ERO information line")).to_be_visible()
    package_href = page.get_by_role("link", name="One PDF to send").get_attribute("href")
    package = page.request.get(package_href if package_href.startswith("http") else server.url + package_href)
    assert package.ok
    pages = pdf_pages(package.body())
    # index (1) + letter + cover sheet (1) + the 2-page PDF exhibit + the photo (1)
    letter_pages = pages - 5
    assert letter_pages >= 1
    index = pdf_text(package.body()).split("Request to ICE", 1)[1][:600]
    assert "Privacy waiver cover sheet" in index
    assert f"Exhibit A: Lease & rent receipts <2019> ..." in index or "Exhibit A: Lease & rent receipts <2019>" in index
    assert f"pages {letter_pages + 3}–{letter_pages + 4}" in index    # the two-page exhibit
    assert f"pages {pages}–{pages}" in index                          # the photo, last
    assert f"1 / {pages}" in pdf_text(package.body())
    texts = {}
    for fmt in ("docx", "pdf"):
        # The link a person taps, fetched with the browser's own cookies (a PDF would
        # open in Chromium's viewer rather than download).
        link = f"a[href*='not1more-ask-summary.docx']" if fmt == "docx" else "li:has(> a[href*='not1more-ask-summary.docx']) > a:first-child"
        href = page.locator(link).first.get_attribute("href")   # the PDF: an action that makes it, then gives it
        response = page.request.get(href if href.startswith("http") else server.url + href)
        assert response.ok, (href, response.status)
        texts[fmt] = response.body()
    for text in (" ".join(docx_text(texts["docx"]).split()), pdf_text(texts["pdf"])):
        assert "María José Guadalupe D'Souza-Peña" in text      # the middle name in full
        assert "Stay of removal" in text
        assert "director of the local ICE ERO field office" in text
        assert "by the family" in text
    href = page.locator("a[href*='not1more-request-to-ice.docx']").first.get_attribute("href")
    response = page.request.get(href if href.startswith("http") else server.url + href)
    assert response.ok, (href, response.status)
    letter = " ".join(docx_text(response.body()).split())
    assert "I am writing about my daughter, María José Guadalupe D'Souza-Peña." in letter
    assert "Rosa Peña, parent of María José Guadalupe D'Souza-Peña" in letter
    assert "Rosa Peña will file Form I-246, Application for a Stay of Deportation or Removal, signed by her" in letter
    assert "Ms. D'Souza-Peña has gone to every immigration court hearing" in letter
    assert " G. " not in letter

    # The case over weeks (#16), on the real server: the request logged as sent, ICE's answer with the
    # officer, then a supplement carrying an elected official's letter, in one indexed, paged PDF.
    page.get_by_role("link", name="Case log", exact=True).click()
    w.at("Case log")
    page.get_by_text("Add something you sent").click()
    w.at("What did you send?")
    expect(page.get_by_role("radio", name="Request to ICE", exact=True)).to_be_checked()   # the first thing sent
    w.radio("Fax")
    w.fill("Tracking number or note", "Fax confirmation 0412")
    w.cont()
    w.at("Case log")
    expect(page.get_by_text("Fax confirmation 0412")).to_be_visible()
    page.get_by_text("Add an answer from ICE").click()
    w.at("What did ICE answer?")
    w.radio("ICE got it but has not decided")
    w.fill("Deportation officer’s name", "Dana Lee")
    w.cont()
    w.at("Case log")
    expect(page.get_by_text("Deportation officer: Dana Lee")).to_be_visible()
    page.get_by_role("link", name="Back to your documents").click()
    w.at("Your documents are ready")
    expect(page.get_by_text("Send the request to ICE")).to_have_count(0)   # the log has it as sent

    page.get_by_role("link", name="Send ICE something new").click()
    w.at("When did you send the request to ICE?")
    assert page.get_by_label("Date the request was sent").input_value() == dt.date.today().isoformat()   # from the log
    w.cont()
    w.at("Do you have new papers to send?")
    w.button("Yes, add papers")
    w.at("Add a new paper (first one)")
    w.radio("A letter from an elected official")
    w.fill("Who wrote it, or what is it?", "Rep. Ana Díaz")
    w.upload(uploads["pdf"])
    w.cont()
    w.at("Do you have another new paper?")
    w.button("No, that is all")
    w.at("Has something changed since the request?")
    w.button("No")
    w.at("Supplements to the request", seconds=60)
    href = page.get_by_role("link", name="One PDF to send").first.get_attribute("href")
    supplement = page.request.get(href if href.startswith("http") else server.url + href)
    assert supplement.ok
    pages, text = pdf_pages(supplement.body()), pdf_text(supplement.body())
    request_day = dt.date.today()
    assert f"Supplement to my request of {request_day:%B} {request_day.day}, {request_day.year}" in " ".join(text.split())
    assert "A 123-456-789" in text                                  # the Re: block
    assert "Exhibit C: Letter from Rep. Ana Díaz" in text          # lettered on from the request's A and B
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    assert "Lease page 2" in text                                   # the official's two pages, at the end
