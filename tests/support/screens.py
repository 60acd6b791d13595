"""Every screen of the interview, reached in-process: each custody branch and a few variants
that open the screens the branches skip (an attorney with a G-28, a consult date, health
needs, a past the attorney cleared, an uploaded paper).

Shared by the readability and translation checks, so both read the same screens.
"""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from tests.support.cases import CASES, answer_for, day
from tests.support.headless import InterviewRun, Screen

MAIN = "docassemble.notonemore:data/questions/main.yml"
QUESTIONS = Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "questions"

TYPED_IN_SPANISH = {"family_details": "Dos hijos, de 6 y 9 años.", "community_details": "Es voluntario en la iglesia.",
                    "health_details": "Necesita insulina todos los días.", "children_ages": "6 y 9",
                    "family_quote": "Nuestros hijos preguntan cada noche cuándo vuelve su papá.",
                    "family_quote_by": "María, su esposa"}
EVERYONE = {"advocate": True, "ice": True, "officials": True, "public": True, "media": True}
VARIANTS = [
    ("attorney, health, a past to review, one paper", {
        **CASES[1].answers(), "user_role": "family",
        "has_attorney": True, "g28_on_file": "unknown", "attorney_consulted": True, "consult_date": day(-330),
        "circumstances": {"serious_health_condition": True}, "health_details": "Needs insulin every day.",
        # a past the attorney cleared for the letter: the rehabilitation screen (step5_letter.yml)
        "private_history": {"arrests": True, "convictions": True}, "attorney_cleared": True,
        "attorney_reviewer": "Lic. Marta Díaz", "attorney_reviewer_org": "Bar 12345", "attorney_review_date": day(-30),
        "cleared_disclosures": {"convictions": True}, "rehabilitation_details": "Works at the same shop since.",
        "exhibits.there_are_any": True, "exhibits.there_is_another": False,
        "exhibits[0].description": "Lease", "exhibits[0].category": "length_of_presence",
    }),
    ("an attorney cleared the whole past", {
        **CASES[4].answers(), "user_role": "person",
        "client.country_of_birth": "other", "other_country_of_birth": "GB",   # not in the short list: its own screen
        "private_history": {"arrests": True}, "private_history_details": "Arrested in 2010 for a traffic matter; no charges.",
        "attorney_cleared": True, "attorney_reviewer": "Lic. Marta Díaz", "attorney_reviewer_org": "Bar 12345",
        "attorney_review_date": day(-30), "cleared_disclosures": {"arrests": True},
        # asked by the letters' own screens once they land; handed over up front until then
        "rehabilitation_details": "Since then I finished a GED and have worked at the same shop for eight years.",
    }),
    ("a public campaign, in both languages", {
        **CASES[3].answers(), "consent": EVERYONE, "public_a_number_ok": True, "public_languages": "both",
        "check_in_date": day(9),                    # a check-in to go along to (step8_plan.yml)
        "field_office_email": "sandiego.ero@ice.example.gov",   # the office's row in Action Network's CSV asks its director
        "private_history": {"convictions": True},   # a hard case: officials who declined become targets
        "officials_status": "declined", "official_targets.there_are_any": True, "official_targets.there_is_another": False,
        "official_targets[0].name": "Rep. Ana Díaz", "official_targets[0].phone": "555-010-2000",
        "official_targets[0].email": "",
        # the story step's every screen: a baby on the way asks whose
        "family_now": {"baby_on_the_way": True, "sick_relative": False, "children_ask": True, "income_at_risk": False,
                       "missing_milestone": False}, "baby_parent": "wife",
    }),
]
HANDED_OVER = ("rehabilitation_details",)   # set before the walk, as an intake system would


def _a_png() -> str:
    from PIL import Image
    path = Path(tempfile.mkdtemp(prefix="nom-screens-")) / "lease.png"
    Image.new("RGB", (200, 260), (240, 240, 240)).save(path)
    return str(path)


def walk(answers: dict[str, Any], *, url_args: dict[str, Any] | None = None,
         before: dict[str, Any] | None = None) -> tuple[InterviewRun, list[Screen]]:
    """Each screen from the first to the documents screen, answering from ``answers``.

    ``before`` is set first, as an intake system would (e.g. the language).
    """
    run = InterviewRun(MAIN, url_args=url_args)
    screens = [run.answer(before, mark_answered=False) if before else run.screen()]
    while screens[-1].id != "documents screen":
        screen = screens[-1]
        assert len(screens) < 60, [s.id for s in screens]
        names = screen.fields or [screen.continue_field]
        if screen.id == "one exhibit":
            run.answer({n: answers[n] for n in names if not n.endswith(".file")}, mark_answered=False)
            screens.append(run.set_file(next(n for n in names if n.endswith(".file")), _a_png()))
        else:
            screens.append(run.answer({n: answer_for(n, answers) for n in names}))
    return run, screens


#: a supplement to the request (doc_supplement.yml): an official's letter, a letter of support, a birth,
#: and a criminal case that ended (printed only when an attorney cleared the criminal history)
SUPPLEMENT = {
    "papers": [{"kind": "official", "writer": "Rep. Ana Díaz (CA-51)", "dated": day(-2)},
               {"kind": "support", "writer": "Pastor Luis Ortega", "dated": ""}],
    "changes": [{"kind": "family", "dated": day(-6), "text": "José's daughter Lucía was born on this day.",
                 "reviewed": "His daughter Lucía was born; she is a U.S. citizen."},
                {"kind": "criminal_case", "dated": day(-9), "text": "The 2019 charge was dismissed.",
                 "reviewed": "The 2019 charge was dismissed."}],
}


def add_supplement(run: InterviewRun, request_date: str, supplement: dict[str, Any] = SUPPLEMENT) -> list[Screen]:
    """From the documents screen's link to the supplements screen: the first request's date, each paper
    (uploaded as a PNG), each change and its review. Returns every screen shown."""
    screens = [run.action("new_supplement")]
    n = len(run.value("supplements.elements")) - 1
    papers, changes = supplement["papers"], supplement["changes"]
    while screens[-1].id != "supplements screen":
        screen, at = screens[-1], f"supplements[{n}]"
        assert len(screens) < 30, [s.id for s in screens]
        if screen.id == "supplement request date":
            screens.append(run.answer({f"{at}.request_date": request_date}))
        elif screen.id in ("any new papers", "another new paper", "any changes", "another change"):
            items = "papers" if "paper" in screen.id else "changes"
            more = len(run.value(f"{at}.{items}.elements")) < len(supplement[items])
            name = "there_are_any" if screen.id.startswith("any") else "there_is_another"
            screens.append(run.answer({f"{at}.{items}.{name}": more}))
        elif screen.id == "one new paper":
            j = screen.fields[0].split("papers[")[1].split("]")[0]
            run.answer({f"{at}.papers[{j}].{key}": value for key, value in papers[int(j)].items()}, mark_answered=False)
            screens.append(run.set_file(f"{at}.papers[{j}].file", _a_png()))
        elif screen.id == "one change":
            j = screen.fields[0].split("changes[")[1].split("]")[0]
            screens.append(run.answer({f"{at}.changes[{j}].{key}": value
                                       for key, value in changes[int(j)].items() if key != "reviewed"}))
        elif screen.id == "review a change":
            j = screen.fields[0].split("changes[")[1].split("]")[0]
            screens.append(run.answer({f"{at}.changes[{j}].reviewed": changes[int(j)]["reviewed"]}))
        else:
            raise AssertionError(f"unexpected screen {screen.id!r}")
    return screens


@lru_cache(maxsize=2)
def every_screen(language: str = "en") -> tuple[tuple[str, Screen], ...]:
    """(walk name, screen) for every screen of every branch and variant, in ``language``.

    Walked once per test process and language (the readability and translation tests share it).
    """
    before = {"user_language": language} if language != "en" else None
    screens, runs = [], {}
    for name, answers in [(case.name, case.answers()) for case in CASES] + VARIANTS:
        if language == "es":   # a family that reads Spanish types its own words in Spanish
            answers = {**answers, **TYPED_IN_SPANISH}
        handed = {k: answers[k] for k in HANDED_OVER if k in answers}
        run, walked = walk(answers, before={**(before or {}), **handed} or None)
        runs[name] = run
        screens += [(name, screen) for screen in walked]
    # the screens behind links: the public texts' Edit buttons, "Record an attorney's review",
    # the consent to an attorney in this app and taking it back, "Delete my answers"
    for part in ("petition", "message", "thanks", "share"):
        screens.append((name, run.action(f"public_text['en'].{part}_edited")))
    # a supplement to the request (doc_supplement.yml), from the documents screen's link
    screens += [(name, screen) for screen in add_supplement(run.clone(), day(-20))]
    # an attorney in this app (review_request.yml): without the consent, the screen that asks for it;
    # with it, the attorney picked from the roster, then the screen that says it was sent
    from docassemble.notonemore.review_share import register_attorney
    register_attorney(901, {"name": "Lic. Marta Díaz", "bar_number": "12345", "bar_state": "CA",
                            "organization": "Frontera Legal Aid"}, True)
    run.answer({"consent['attorney']": False})
    screens.append((name, run.action("request_attorney_review")))
    run.answer({"consent['attorney']": True})
    screens.append((name, run.action("request_attorney_review")))
    screens.append((name, run.answer({"review_attorney_choice": 901})))
    screens.append((name, run.action("record_attorney_review")))
    # the home screen's links of an attorney's review (review_case.yml): the consent asked on its own,
    # and the screen after taking it back
    screens.append((name, run.action("share_with_attorney")))
    screens.append((name, run.action("withdraw_attorney_consent")))
    # a PDF link followed while the converter is down: the page that gives the Word files and a retry
    failing = runs[CASES[1].name].clone()
    failing.pdf = "fail"
    screens.append((CASES[1].name, failing.action("document_pdf", doc="package_pdf")))
    # the case log (case_log.yml): its screen, each kind of line, an office that said no in a hard
    # case (a public campaign: made a target; no public campaign: told why it cannot be one)
    screens += [(name, screen) for screen in log_screens(run)]
    private = VARIANTS[0][0]
    runs[private].action("case_log")
    screens += [(private, screen) for screen in add_office_that_said_no(runs[private])]
    screens.append(("delete my answers", run.action("delete_and_exit")))
    return tuple(screens)


def add_office_that_said_no(run: InterviewRun) -> list[Screen]:
    """From the case log: add an elected office that said no; returns its screen and the one after it."""
    return [run.action("_da_list_add", list="log_offices", complete=True), run.answer({"log_offices[0].name": "Rep. Ana Díaz", "log_offices[0].asked": day(-15),
                       "log_offices[0].asked_how": "phone", "log_offices[0].release": "signed",
                       "log_offices[0].result": "refused", "log_offices[0].result_day": day(-10)})]


def log_screens(run: InterviewRun) -> list[Screen]:
    """The case log's screens, from the documents screen: a line of each kind added, then the log with them."""
    shown = [run.action("case_log")]
    lines = {"log_sent": {"log_sent[0].kind": "request", "log_sent[0].to": "Field Office Director", "log_sent[0].how": "email",
                          "log_sent[0].day": day(-12), "log_sent[0].note": ""},
             "log_answers": {"log_answers[0].result": "more", "log_answers[0].about": "request", "log_answers[0].day": day(-3),
                             "log_answers[0].needs": "Tax returns", "log_answers[0].needs_by": day(5),
                             "log_answers[0].officer": "Officer Lee", "log_answers[0].officer_phone": ""},
             "log_days": {"log_days[0].day": day(-2), "log_days[0].calls": 12, "log_days[0].signatures": 340}}
    for group, answers in lines.items():
        shown.append(run.action("_da_list_add", list=group, complete=True))
        run.answer(answers)
    shown += add_office_that_said_no(run)
    shown.append(run.answer({"log_offices[0].target": True}))
    return shown


@lru_cache(maxsize=1)
def question_ids() -> frozenset[str]:
    """The id of every block that shows a screen (questions, reviews, the documents event)."""
    run = InterviewRun(MAIN)
    return frozenset(q.id for q in run.interview.questions_list
            if getattr(q, "question_type", None) not in (None, "data", "template", "code", "objects", "attachments",
                                                          "variables", "objects_from_file", "modules", "interview_lists")
            and getattr(q, "id", None) and getattr(q, "content", None) is not None)
