"""The advocate's caseboard (caseboard.yml) and each case's row in docassemble's *My interviews*.

The board is walked in-process with the sessions docassemble's ``interview_list`` would give a
signed-in account: the answers of real walks of the interview (its own clock), a case still in
intake, and one with nothing but a name. Its screens are read as a user reads them: the order, the
words, the reading grade, and no English in Spanish.
"""
import datetime as dt
import html

import pytest

import docassemble.notonemore.caseboard as caseboard_module

from tests.interview.test_branches import walk_to_summary
from tests.interview.test_translation import english_words, without_english_parts
from tests.support.cases import CASES, base_answers, day
from tests.support.clock import MONTHS_EN, WEEKDAYS_EN, interview_today, long_date
from tests.support.headless import InterviewRun
from tests.support.readability import MAX_GRADE, grade, screen_text

BOARD = "docassemble.notonemore:data/questions/caseboard.yml"
GENERIC = "Not One More — stop a deportation"


@pytest.fixture(scope="module")
def sessions():
    """(session id, variables) of an ICE hold at its documents, a final order at its summary with the
    removal in 5 days and the stay form to file tomorrow, and an in-court case stopped at the custody question."""
    hold, _ = walk_to_summary(CASES[0].answers())
    final, _ = walk_to_summary({**CASES[3].answers(), "removal_date": day(5)})
    started = InterviewRun("docassemble.notonemore:data/questions/main.yml")
    answers = base_answers()
    started.answer({k: answers[k] for k in ("user_role",)})
    started.answer({"client.name.first": "Rosa", "client.name.middle": "", "client.name.last": "Lima"})
    return {"hold": hold, "final": final, "started": started}


def hold_end_of(run) -> dt.date:
    """The day the ICE hold ends for the case in ``run``: 48 business hours from the jail's release time."""
    from docassemble.notonemore.deadlines import hold_ends, wall_clock
    return hold_ends(wall_clock(run.value("hold_release_at"))).date()


def board(rows, language="en", signed_in=True, stored=None):
    run = InterviewRun(BOARD, url_args={"lang": language} if language != "en" else None)
    screen = run.screen()   # docassemble's names get into the user_dict on the first assembly
    if signed_in:
        run.user.update(is_anonymous=False, is_authenticated=True, theid=7, the_user_id=7, email="a@example.org")
        # docassemble's interview_list, as the server answers it for the signed-in account
        def interview_list(filename=None, next_id=None, include_dict=True, session=None):
            found = [row for row in rows if session is None or row["session"] == session]
            return ([{**row, "dict": None} for row in found] if not include_dict else found), None
        run.user_dict["interview_list"] = interview_list
        # the account's store of cards (DAStore('user')), as ``stored`` holds it (none: each session is
        # decrypted); the interview imports the module's names afresh on each screen, so it is patched there
        real = caseboard_module.stored_cards
        caseboard_module.stored_cards = lambda sessions: {s: (stored or {})[s] for s in sessions if s in (stored or {})}
        try:
            screen = run.refresh()
        finally:
            caseboard_module.stored_cards = real
    return run, screen


def rows_of(sessions):
    return [{"session": name, "dict": run.user_dict} for name, run in sessions.items()] + \
        [{"session": "unreadable", "dict": None}]


def test_each_case_is_named_in_my_interviews_without_its_name_in_the_tab(sessions):
    final = sessions["final"]
    internal = final.user_dict["_internal"]
    name = final.value("client.name.full(middle='full')")
    assert internal["title"] == html.escape(name, quote=True) and "&lt;" in internal["title"]   # markup stays text
    # the next deadline (deadlines.py): the stay form's filing day, tomorrow, before the removal in 5 days
    filing = long_date(interview_today(final) + dt.timedelta(days=1))
    assert internal["subtitle"] == f"Has a final order of removal.\nFile the stay form (I-246) by: {filing}."
    assert (internal["tab title"], internal["logo"], internal["short logo"]) == (GENERIC, GENERIC, "Not1More")
    hold_end = hold_end_of(sessions["hold"])
    assert sessions["hold"].user_dict["_internal"]["subtitle"] == \
        f"In a local jail with an ICE hold.\nThe ICE hold ends: {long_date(hold_end)}."
    assert sessions["started"].user_dict["_internal"]["subtitle"] == ""
    assert sessions["started"].user_dict["_internal"]["title"] == "Rosa Lima"
    # in Spanish, once the language changes
    final.action("change_language", lang="es")
    internal = final.user_dict["_internal"]
    assert internal["subtitle"] == ("Tiene una orden final de deportación.\nPresentar el formulario de suspensión (I-246) "
                                    f"a más tardar: {long_date(interview_today(final) + dt.timedelta(days=1), 'es')}.")
    assert internal["tab title"] == "Ni Uno Más — parar una deportación"
    final.action("change_language", lang="en")


def test_the_board_lists_the_accounts_cases_by_what_is_due_first(sessions):
    run, screen = board(rows_of(sessions))
    assert screen.id == "caseboard" and screen.question.strip() == "Your cases"
    text = screen.subquestion
    name = sessions["final"].value("client.name.full(middle='full')")
    cases = [html.unescape(part.split("</a>")[0].rsplit(">", 1)[1]) for part in text.split('class="nom-case-link"')[1:]]
    # the stay form tomorrow first; then the ICE hold's end (days later), then the case in intake
    assert cases == [name, name, "Rosa Lima"]
    first, second, third = text.split('<li class="nom-case ')[1:]
    filing = interview_today(sessions["final"]) + dt.timedelta(days=1)
    assert f"File the stay form (I-246): tomorrow</strong>, {WEEKDAYS_EN[filing.weekday()]}, {MONTHS_EN[filing.month - 1]} {filing.day}." in first
    assert "Has a final order of removal" in first and "How urgent: act this week (days)" in first
    assert "The intake stopped at: Case summary" in first
    assert "Papers that back up the case (letters, records, photos)." in first
    left = (hold_end_of(sessions["hold"]) - interview_today(sessions["hold"])).days   # 48 business hours from the release
    assert f"The ICE hold ends: {'tomorrow' if left == 1 else f'in {left} days'}</strong>" in second
    assert "In a local jail with an ICE hold" in second
    assert "How urgent: act today (hours)" in second and "Documents made" in second
    assert "The intake stopped at: Roles and consent" in third and "How urgent" not in third   # no custody status yet
    assert "unreadable" not in text   # a session the key cannot open is left out


def test_the_cards_in_the_store_give_the_same_board(sessions):
    """Each case writes its card facts while it runs (save_card); the board reads those instead of
    decrypting the session, and decrypts only a session without a card."""
    from docassemble.notonemore.caseboard import card_facts, answers_of
    rows = rows_of(sessions)
    _, decrypted = board(rows)
    stored = {row["session"]: card_facts(answers_of(row["dict"]), getattr(row["dict"].get("nav"), "current", None))
              for row in rows if row["session"] != "started" and row["dict"] is not None}
    assert len(stored) == 2
    _, from_store = board(rows, stored=stored)
    assert from_store.subquestion == decrypted.subquestion
    # the board words what the store holds (not the session): a changed name in a card shows
    changed = {**stored, "hold": {**stored["hold"], "client.name.first": "Zelda"}}
    _, from_changed = board(rows, stored=changed)
    assert "Zelda" in from_changed.subquestion and "Zelda" not in decrypted.subquestion


def test_a_board_without_cases_and_a_visitor_not_signed_in(sessions):
    _, screen = board([])
    assert "You have no cases yet." in screen.subquestion and "Start a new case" in screen.subquestion
    _, screen = board(rows_of(sessions), signed_in=False)
    assert screen.id == "caseboard sign in" and "Sign in" in screen.subquestion
    assert "Rosa" not in screen.subquestion


def test_the_boards_screens_read_at_grade_8_and_have_spanish(sessions):
    screens = [board(rows_of(sessions))[1], board([])[1], board([], signed_in=False)[1]]
    for screen in screens:
        assert grade(screen_text(screen.raw)) <= MAX_GRADE, (screen.id, screen_text(screen.raw))
    spanish = [board(rows_of(sessions), "es")[1], board([], "es")[1], board([], "es", signed_in=False)[1]]
    for screen in spanish:
        raw = without_english_parts(screen.raw)
        text = html.unescape(screen_text(raw)).replace(sessions["final"].value("client.name.full(middle='full')"), "")
        assert english_words(text) == [], (screen.id, text)
    assert "Sus casos" in spanish[0].question and "Presentar el formulario de suspensión (I-246): mañana" in spanish[0].subquestion
    assert "Todavía no tiene casos." in spanish[1].subquestion
    assert {s.id for s in screens} == {"caseboard", "caseboard sign in"}
