"""Every screen of every custody branch in real Chromium on a 390x844 phone screen: axe-core
(WCAG 2.1 A and AA) finds no serious or critical violation, nothing scrolls sideways, and
every control is at least 24x24 px.

Each case is begun in the browser; each screen is checked there, then answered through the
REST API (the browser walk types into every kind of field) and the page is loaded again.
One case per custody status, and a variant that opens the screens the branches skip (an
uploaded paper among them), ending on the screens behind the documents screen's links.
A screen whose markup was already checked (the same question in another branch) is not
run through axe again; the phone checks run on every screen.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_browser_walk import Walk, browser, page  # noqa: F401  (the fixtures)
from tests.support.api import ApiSession
from tests.support.axe import PageCheck, check_page
from tests.support.cases import CASES
from tests.support.documents import docx_text
from tests.support.screens import VARIANTS
from tests.interview.test_translation import english_words

# one case per custody status ("detained, inspected" shares its screens with the other detained case)
BRANCHES = [case for case in CASES if case.name != "detained, inspected"]
WALKS = [(case.name, case.answers()) for case in BRANCHES] + VARIANTS
# every walk in English; in Spanish all but the public campaign, whose screens' shapes the
# English walk has checked and whose Spanish words the interview depth checks (time)
RUNS = [(name, answers, "en") for name, answers in WALKS] + \
       [(name, answers, "es") for name, answers in WALKS if name != VARIANTS[-1][0]]
DOCUMENTS = "Your documents are ready"
DOCUMENTS_ES = "Sus documentos están listos"
NO_LETTER = {"en": "No letter goes to ICE", "es": "Ninguna carta va a ICE"}   # not in proceedings: the last screen
_smallest: list[tuple[float, str, str]] = []
_shapes: set[str] = set()


def browser_case(server, page, url):
    """Open ``url`` in the browser; the case's session, for the API."""
    page.goto(url)
    expect(page.locator("#daMainQuestion")).to_be_visible()
    secret = next(c["value"] for c in page.context.cookies() if c["name"] == "secret")
    session = server.sql("SELECT key FROM userdictkeys WHERE filename = %s ORDER BY indexno DESC LIMIT 1",
                         server.interview)[0][0]
    return ApiSession(server.url, server.api_key, server.interview, session=session, secret=secret)


# What a person sees in the page, less the parts marked as English (official names, the
# "English" language link) and the names in dropdowns (countries, states).
VISIBLE_TEXT_JS = """() => { let text = document.body.innerText;
  for (const el of document.querySelectorAll('[lang=en], select')) { text = text.split(el.innerText).join(' '); }
  return text; }"""


def browse(server, page, answers, paper, url=None, language="en") -> list[PageCheck]:
    """Check each screen from the first to the documents, answering each through the API.

    In Spanish, each screen's visible text must also have no English words."""
    # the API names a list's item by its iterator (exhibits[i]); the variants add one item each
    answers = {**answers, **{k.replace("[0]", "[i]"): v for k, v in answers.items() if "[0]" in k}}
    api = browser_case(server, page, (url or server.interview_url) + ("&lang=es" if language == "es" else ""))
    checks, screen = [], api.question()
    for _ in range(60):
        checks.append(check_page(page, _shapes))
        if language == "es":
            english = english_words(page.evaluate(VISIBLE_TEXT_JS))
            assert not english, f"English on {checks[-1].heading!r}: {english}"
        # the same screen in both (the page sets typographic apostrophes)
        assert screen["questionText"].strip().replace("'", "’") == checks[-1].heading.replace("'", "’")
        if checks[-1].heading in (DOCUMENTS, DOCUMENTS_ES, *NO_LETTER.values()):
            return checks
        files = [f["variable_name"] for f in screen.get("fields", []) if f.get("datatype") == "file"]
        if files:
            others = {f["variable_name"]: answers[f["variable_name"]] for f in screen["fields"]
                      if f.get("variable_name") and f["variable_name"] not in files}
            screen = api.upload(others, files[0], paper, "image/png")
        else:
            known = api.answers_for(screen, answers)
            assert known is not None, f"no answer for {screen['questionText']!r}"
            screen = api.answer(known)
        page.reload()
        expect(page.locator("#daMainQuestion")).not_to_have_text(checks[-1].heading, timeout=60000)
    raise AssertionError("no documents screen after 60 screens")


def assert_tagged_pdfs(server, page):
    """Every PDF the interview assembled has a structure tree (a tagged PDF) and says it is marked.

    The one PDF to send is left out: it joins the family's own scans."""
    import io

    import pikepdf
    # a document's PDF link (made on first download: it runs an action, then gives the file) is the one
    # before its Word link; the one PDF to send is not in the list
    hrefs = {a.get_attribute("href") for a in page.locator("#daquestion li:has(> a[href*='.docx']) > a:first-child").all()}
    assert len(hrefs) >= 6, hrefs
    for href in hrefs:
        response = page.request.get(href if href.startswith("http") else server.url + href)
        assert response.ok, href
        with pikepdf.open(io.BytesIO(response.body())) as pdf:
            assert "/StructTreeRoot" in pdf.Root, href
            assert bool(pdf.Root.MarkInfo.Marked), href


HOME_MAX_HEIGHT = 2500   # px at 390 wide, every document of a public case present (measured 2,182 en, 2,398 es)


def check_home_screen(page) -> None:
    """The home screen with every document of a public case: docassemble's own attachment list is
    gone, each document is one link, axe finds nothing serious in English or in Spanish, and it is
    short on a phone."""
    for heading, language_link in ((DOCUMENTS, None), (DOCUMENTS_ES, "Español")):
        if language_link:
            page.get_by_role("link", name=language_link, exact=True).click()
            expect(page.locator("#daMainQuestion")).to_have_text(heading, timeout=120000)
        assert page.locator(".da-attachment, [id^=da-attachment], .da-attachment-alert").count() == 0
        for group in (("To send to ICE", "For the public campaign") if not language_link
                      else ("Para mandar a ICE", "Para la campaña pública")):
            headings = page.locator("#daquestion h3").all_inner_texts()
            assert group in headings, headings
        assert page.locator("#daquestion li:has(> a[href*='.docx']) > a:first-child").count() >= 10   # PDF · Word
        check = check_page(page)                       # axe again, whatever shapes came before
        assert not check.problems, "\n".join(check.problems)
        height = page.evaluate("() => document.documentElement.scrollHeight")
        print(f"\nhome screen ({heading}): {height}px tall at {page.viewport_size['width']}px wide")
        assert height <= HOME_MAX_HEIGHT, height
    page.get_by_role("link", name="English", exact=True).click()
    expect(page.locator("#daMainQuestion")).to_have_text(DOCUMENTS, timeout=120000)


def record(checks: list[PageCheck]) -> None:
    for check in checks:
        for t in check.targets:
            _smallest.append((min(t["width"], t["height"]), t["what"], check.heading))


@pytest.mark.parametrize("name,answers,language", RUNS, ids=[f"{name}-{language}" for name, _, language in RUNS])
def test_every_screen_is_accessible_on_a_phone(server, page, uploads, name, answers, language):
    checks = browse(server, page, answers, uploads["png"], language=language)
    ending = NO_LETTER if answers["custody_status"] == "not_in_proceedings" else {"en": DOCUMENTS, "es": DOCUMENTS_ES}
    assert checks[-1].heading == ending[language]
    if name == VARIANTS[-1][0] and language == "en":   # tagged PDFs; the screens behind the documents screen's links
        assert_tagged_pdfs(server, page)
        check_home_screen(page)
        page.get_by_role("link", name=re.compile("Record a review made outside the app")).click()
        expect(page.locator("#daMainQuestion")).to_contain_text("Record an attorney")
        checks.append(check_page(page, _shapes))
        page.get_by_role("link", name="Delete my answers").click()
        expect(page.locator("#daMainQuestion")).to_have_text("Delete your answers and leave?")
        checks.append(check_page(page, _shapes))
    if name == VARIANTS[0][0] and language == "es":   # the family's checklist follows the language
        href = page.locator("a[href*='not1more-lista-de-papeles.docx']").first.get_attribute("href")
        checklist = docx_text(page.request.get(href if href.startswith("http") else server.url + href).body())
        assert "Papeles de apoyo para" in checklist and "Recibos de renta" in checklist
        assert page.locator("a[href*='not1more-request-to-ice.docx']").count() > 0     # ICE's letter stays English
    for check in checks:
        _smallest.extend((min(t["width"], t["height"]), t["what"], check.heading) for t in check.targets)
    problems = [p for check in checks for p in check.problems]
    assert not problems, "\n".join(problems)
    smallest = min(_smallest)
    print(f"\nphone: {len(_smallest)} tap targets so far, smallest {smallest[0]}px ({smallest[1]!r} on {smallest[2]!r}); "
          f"{len(_shapes)} screen shapes through axe")


def test_the_language_can_be_switched_on_any_screen(server, page):
    page.goto(server.interview_url)
    expect(page.locator("#daMainQuestion")).to_have_text("Who are you?")
    page.get_by_role("link", name="Español").click()
    expect(page.locator("#daMainQuestion")).to_have_text("¿Quién es usted?")
    page.get_by_role("radio", name="Soy familiar o amigo").click()
    page.locator("#daform").get_by_role("button", name="Continuar").click()
    expect(page.locator("#daMainQuestion")).to_have_text("¿Cómo se llama la persona que enfrenta la deportación?")
    expect(page.get_by_role("link", name="Salir rápido")).to_be_visible()
    page.get_by_role("link", name="English").click()
    expect(page.locator("#daMainQuestion")).to_have_text("What is the name of the person facing deportation?")


ANNOUNCED_JS = """(message) => {
  const el = [...document.querySelectorAll('body *')].find(e => e.children.length === 0 && e.textContent.trim() === message)
    || [...document.querySelectorAll('body *')].reverse().find(e => e.textContent.includes(message));
  if (!el) return 'not shown';
  const live = el.closest('[role=alert], [aria-live=polite], [aria-live=assertive], [role=status]');
  const field = document.querySelector('[aria-describedby~="' + el.id + '"], [aria-errormessage="' + el.id + '"]');
  return {live: !!live, tied: !!(el.id && field)};
}"""


def test_error_messages_are_announced_to_screen_readers(server, page):
    """Each kind of error: a choice not made, a box left empty (both checked in the page), a rule
    the server checks. Each is in a live region or an alert, tied to its field where it has one."""
    page.goto(server.interview_url)
    cont = page.locator("#daform").get_by_role("button", name="Continue")
    expect(page.locator("#daMainQuestion")).to_have_text("Who are you?")
    cont.click()
    message = "You need to select one."
    expect(page.get_by_text(message)).to_be_visible()
    assert page.evaluate(ANNOUNCED_JS, message) == {"live": True, "tied": True}
    page.get_by_role("radio", name="I am a family member or friend").click()
    cont.click()
    expect(page.locator("#daMainQuestion")).to_contain_text("name of the person")
    page.get_by_label("First name", exact=True).fill("Ana")
    cont.click()
    message = "You need to fill this in."
    expect(page.get_by_text(message)).to_be_visible()
    assert page.evaluate(ANNOUNCED_JS, message) == {"live": True, "tied": True}
    Walk(page).fill("Last name", "Ruiz")      # typed, then left, as a person does
    cont.click()
    expect(page.locator("#daMainQuestion")).to_have_text("What a campaign can and cannot do")
    cont.click()
    message = "Please check the box to show you understand."
    expect(page.get_by_text(message)).to_be_visible()
    assert page.evaluate(ANNOUNCED_JS, message)["live"] is True
    assert check_page(page).blocking == []
