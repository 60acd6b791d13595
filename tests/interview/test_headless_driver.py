"""The headless driver itself, proven on docassemble's own example interviews."""
import os
import shutil

import pytest

from tests.support import headless
from tests.support.headless import InterviewRun

pytestmark = pytest.mark.interview

EXAMPLES = "docassemble.base:data/questions/examples/"
LETTER = EXAMPLES + "docx-template.yml"            # continue, fields, choices, signature, yesno, DOCX
RESOURCES = EXAMPLES + "hyperlink-style.yml"       # one multiple-choice question -> DOCX
FRUIT = EXAMPLES + "add-separators.yml"            # yesno + list gathering -> DOCX
LETTER_ANSWERS = {
    "user.name.first": "Jane", "user.name.last": "Doe",
    "adverse_party.name.first": "John", "adverse_party.name.last": "Roe",
    "adverse_party.address.address": "1 Main St", "adverse_party.address.unit": "",
    "adverse_party.address.city": "Springfield", "adverse_party.address.state": "IL",
    "adverse_party.address.zip": "62701",
}


def a_png() -> str:
    """A PNG shipped with docassemble.base, used as the signature image."""
    import docassemble.base
    return os.path.join(os.path.dirname(docassemble.base.__file__), "data", "static", "blank_page.png")


def test_screens_advance_and_the_docx_holds_the_answers():
    run = InterviewRun(LETTER)
    intro = run.screen()
    assert intro.question_type == "settrue" and intro.continue_field == "introduction_shown"
    assert intro.fields == [] and not intro.is_terminal and intro.question.startswith("Assembling a document")

    names = run.continue_()
    assert run.value("introduction_shown") is True
    assert names.fields == ["adverse_party.name.first", "adverse_party.name.last"]
    assert run.answer({}).fields == names.fields  # nothing answered: the same screen again

    choice = run.walk(LETTER_ANSWERS)
    assert choice.question_type == "multiple_choice" and choice.fields == ["subject_matter"]
    assert [value for _, value in choice.choices["subject_matter"]] == [
        "world peace", "overpriced coffee", "so many channels, nothing on", "youth unemployment"]

    sign = run.walk({**LETTER_ANSWERS, "subject_matter": "overpriced coffee"})
    assert sign.question_type == "signature" and sign.fields == ["user.signature"]

    review = run.set_file("user.signature", a_png(), filename="signature.png")
    assert review.question_type == "yesno" and review.fields == ["user_approves"]
    assert len(review.attachments) == 1
    letter = review.attachments[0]
    assert letter.filename == "letter" and os.path.isfile(letter.docx_path)
    assert letter.docx_path.startswith(headless._ROOT)  # numbered files live in the temp dir
    for expected in ("John Roe", "1 Main St", "Springfield, IL 62701", "critical issue of overpriced coffee",
                     "202-555-1234", "Jane Doe"):
        assert expected in letter.text
    assert letter.pdf_path is None  # PDF conversion is off unless asked for

    done = run.set(user_approves=True)
    assert done.event and done.is_terminal and done.question == "Great!"
    assert [label for label, _ in done.buttons] == ["Exit"]
    assert run.value("user.name.full()") == "Jane Doe"


@pytest.mark.parametrize("issue, expected, absent", [
    ("family", "Family Law Information Portal", "law library"),
    ("wills", "local law library", "Family Law"),
    ("admiralty", "local law library", "Family Law"),
])
def test_each_choice_gives_its_own_document(issue, expected, absent):
    run = InterviewRun(RESOURCES)
    first = run.screen()
    assert first.fields == ["legal_issue"]
    assert [value for _, value in first.choices["legal_issue"]] == ["family", "wills", "admiralty"]
    end = run.set(legal_issue=issue)
    assert end.is_terminal and end.question_type == "deadend"
    text = end.attachments[0].text
    assert "Resource Guide" in text and expected in text and absent not in text


def test_list_gathering_resolves_iterators():
    run = InterviewRun(FRUIT)
    assert run.set(**{"fruit.there_are_any": True}).fields == ["fruit[0]"]
    for index, fruit in enumerate(["apple", "pear", "fig"]):
        assert run.answer({f"fruit[{index}]": fruit}).fields == ["fruit.there_is_another"]
        screen = run.answer({"fruit.there_is_another": fruit != "fig"})
    assert screen.is_terminal
    assert "apple;\npear; and\nfig." in screen.attachments[0].text
    assert run.value("fruit.number()") == 3


def test_two_runs_do_not_share_answers():
    first, second = InterviewRun(RESOURCES), InterviewRun(RESOURCES)
    family = first.set(legal_issue="family").attachments[0]
    assert second.screen().fields == ["legal_issue"]  # still unanswered in the second run
    with pytest.raises(NameError):
        second.value("legal_issue")
    wills = second.set(legal_issue="wills").attachments[0]
    assert first.value("legal_issue") == "family" and second.value("legal_issue") == "wills"
    assert family.docx_path != wills.docx_path and "Family Law" in family.text and "Family Law" not in wills.text
    third = InterviewRun(LETTER)
    third.continue_()
    third.walk(LETTER_ANSWERS)
    assert InterviewRun(LETTER).screen().continue_field == "introduction_shown"


def test_no_action_key_unless_an_action_is_run():
    run = InterviewRun(RESOURCES)
    with run._context() as info:
        assert "action" not in info
    with run._context({"action": "x", "arguments": {}}) as info:
        assert info["action"] == "x"


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_pdf_on_request():
    doc = InterviewRun(RESOURCES, pdf=True).set(legal_issue="wills").attachments[0]
    assert doc.pdf_path is not None and os.path.getsize(doc.pdf_path) > 1000
    with open(doc.pdf_path, "rb") as fp:
        assert fp.read(5) == b"%PDF-"


def test_a_clone_goes_on_by_itself():
    """``clone`` (walk_to_summary's copies of a walk) is a second session: answers in one never reach the other."""
    run = InterviewRun(FRUIT)
    first = run.screen()
    twin = run.clone()
    assert twin.screen().fields == first.fields and twin.user_dict is not run.user_dict
    twin.answer({first.fields[0]: True})
    assert twin.screen().fields != first.fields
    assert run.screen().fields == first.fields and run.refresh().fields == first.fields
    with pytest.raises((NameError, AttributeError)):   # 'fruit.there_are_any': never answered in the first
        run.value(first.fields[0])
    assert twin.value(first.fields[0]) is True


def test_a_walk_already_made_is_handed_out_as_a_copy():
    from tests.interview.test_branches import walk_to_summary
    from tests.support.cases import CASES
    answers = CASES[0].answers()
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    again, screens_again = walk_to_summary(answers, stop=("documents screen",))
    assert again is not run and again.user_dict is not run.user_dict
    assert [s.id for s in screens_again] == [s.id for s in screens]
    assert again.value("client.name.first") == run.value("client.name.first")
    # changing the copy's answer leaves the first walk (and the next copy) as they were
    again.answer({"client.name.first": "Otro"}, mark_answered=False)
    assert again.value("client.name.first") == "Otro"
    assert run.value("client.name.first") == answers["client.name.first"]
    third, _ = walk_to_summary(answers, stop=("documents screen",))
    assert third.value("client.name.first") == answers["client.name.first"]
