"""Plain language: every screen in English at or below grade 8 (Flesch-Kincaid, textstat),
and each legal term explained on the first screen that uses it."""
import datetime as dt
import statistics

import pytest

from tests.support.readability import MAX_GRADE, as_graded, grade, screen_text
from tests.support.screens import every_screen, question_ids

# The words that explain each legal term where it first appears.
TERMS = {
    "A-number": "the number ICE uses",
    "prosecutorial discretion": "means ICE chooses not to deport",
    "ICE hold": "asks the jail to keep",
    "stay of removal": "stop the deportation order for now",
    "deferred action": "to wait",
    "G-28": "the form that tells ICE",
}


@pytest.fixture(scope="module")
def screens():
    return every_screen()


def test_every_screen_of_the_interview_is_read(screens):
    assert {s.id for _, s in screens} == question_ids()


def test_no_screen_is_above_grade_8(screens, record_property):
    grades = {}
    for _, screen in screens:
        text = screen_text(screen.raw)
        grades[(screen.id, text)] = grade(text)
    by_screen = {}
    for (qid, _), value in grades.items():
        by_screen[qid] = max(value, by_screen.get(qid, value))
    worst = max(by_screen, key=by_screen.get)
    record_property("median_grade", statistics.median(by_screen.values()))
    print(f"\nreadability: {len(by_screen)} screens, median grade {statistics.median(by_screen.values()):.1f}, "
          f"worst {by_screen[worst]:.1f} ({worst})")
    too_hard = {f"{qid}: {value:.1f} — {text[:200]}" for (qid, text), value in grades.items() if value > MAX_GRADE}
    assert not too_hard, "\n".join(sorted(too_hard))


def test_the_grader_fails_hard_text():
    raw = {"questionText": "Adjudication of discretionary applications",
           "subquestionText": "Notwithstanding the foregoing, prosecutorial discretion determinations are "
                              "administratively discretionary and unreviewable by immigration authorities.",
           "fields": [{"label": "Acknowledgement of comprehension", "choices": [{"label": "Affirmative"}]}]}
    text = screen_text(raw)
    assert "Acknowledgement of comprehension." in text and "Affirmative." in text
    assert grade(text) > MAX_GRADE


def test_links_addresses_and_long_name_lists_are_not_read_as_words():
    raw = {"questionText": "Where?", "subquestionText": "Go to https://locator.ice.gov/odls/ or call 1-888-351-4024.\n\n"
                                                        "* [National Immigration Legal Services Directory](https://x.org)",
           "fields": [{"label": "State", "choices": [{"label": f"Name {n}"} for n in range(60)]}]}
    assert screen_text(raw) == "Where? Go to or call. State."


def test_legal_terms_are_explained_where_they_first_appear(screens):
    """In each walk, the first screen that names a term also says what it means."""
    explained = {}
    for name, screen in screens:
        text = screen_text(screen.raw).lower()
        for term, explanation in TERMS.items():
            if (name, term) not in explained and term.lower() in text:
                explained[(name, term)] = (screen.id, explanation.lower() in text)
    assert [(walk_name, term, qid) for (walk_name, term), (qid, ok) in explained.items() if not ok] == []
    assert {term for _, term in explained} == set(TERMS)


def test_a_date_is_read_the_same_whatever_day_it_is():
    """The month and weekday a screen shows change with the day: the grade does not."""
    from tests.support.clock import WEEKDAYS_EN, long_date
    graded, grades = set(), set()
    for day in (dt.date(2027, 2, 24), dt.date(2027, 5, 1), dt.date(2031, 9, 17)):
        raw = {"questionText": "Case summary", "subquestionText": f"**Next hearing:** {long_date(day)}\n\n"
                                                                  f"* **{WEEKDAYS_EN[day.weekday()]}, {long_date(day)[:-6]}:** call"}
        assert long_date(day) in screen_text(raw)   # the screen's words keep the date
        graded.add(as_graded(screen_text(raw)))
        grades.add(grade(screen_text(raw)))
    assert graded == {"Case summary. Next hearing: the date. the date: call."} and len(grades) == 1
