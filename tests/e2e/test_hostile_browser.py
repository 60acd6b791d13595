"""Typed markup and template syntax in a real browser: markup is dropped, template syntax stays text,
nothing runs, and going back keeps every answer."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.test_browser_walk import Walk, browser, page  # noqa: F401  (the fixtures)

HOSTILE_FIRST = '<img src=x onerror="window.__pwned=1">${ 7*7 }'
HOSTILE_LAST = "{{ 7*7 }}<script>window.__pwned=2</script>"


def test_markup_and_template_syntax_in_a_name_stay_text(server, page):
    w = Walk(page)
    w.start_as_family(server.interview_url)
    w.fill("First name", HOSTILE_FIRST)
    w.fill("Last name", HOSTILE_LAST)
    w.cont()
    w.at("What a campaign can and cannot do")
    w.check("I understand these limits, and I will do my part.")
    w.cont()
    w.at("Who may we share the case with?")
    w.check("The advocate or organization helping me")
    w.cont()
    # docassemble drops the tags; the template syntax is shown as typed, not worked out (no 49)
    w.at("Where is ${ 7*7 } in the deportation process?")
    w.radio("Not in immigration court at all")
    w.cont()
    w.at("Does ${ 7*7 } have an immigration attorney?")
    assert page.evaluate("window.__pwned") is None

    page.go_back()   # the browser's Back: the answer is still chosen
    w.at("Where is ${ 7*7 } in the deportation process?")
    expect(page.get_by_role("radio", name="Not in immigration court at all", exact=True)).to_be_checked()
    page.go_back()
    w.at("Who may we share the case with?")
    expect(page.get_by_role("checkbox", name="The advocate or organization helping me", exact=True)).to_be_checked()
    page.go_back()
    w.at("What a campaign can and cannot do")
    page.go_back()
    w.at("What is the name of the person facing deportation?")
    expect(page.get_by_label("First name", exact=True)).to_have_value("${ 7*7 }")
    expect(page.get_by_label("Last name", exact=True)).to_have_value("{{ 7*7 }}")
    assert page.evaluate("window.__pwned") is None
