"""The interview's branches as data: the answers a user gives and what must come out.

Shared by the interview-depth and end-to-end tests so every depth walks the same cases.
Answers are keyed by variable name (the names of docs/answers.md), in the form the REST
API takes them: dates as ISO strings, checkboxes as {code: bool}. Names with accents,
apostrophes, ampersands and angle brackets are used on purpose.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def base_answers() -> dict[str, Any]:
    """A complete intake: every question any branch can ask, answered."""
    return {
        "user_role": "family",
        "client.name.first": "José", "client.name.middle": "", "client.name.last": "O'Brien & <Núñez>",
        "roles_and_limits_acknowledged": True,
        "consent": {"advocate": True, "ice": True, "officials": True, "public": False, "media": False},
        "has_attorney": False, "attorney_consulted": False, "referral_made": True,
        "a_number_known": True, "client.a_number": "A123456789",
        "client.country_of_birth": "MX", "client.birthdate": "1988-04-12",
        "client_detained": False, "facility_name": "Otay Mesa Detention Center", "facility_city": "San Diego",
        "client_state": "CA", "field_office": "san_diego", "local_agency_name": "San Diego County Sheriff",
        # the county picks the office in a split state (asked only when the field office is not given);
        # whether ICE has moved a person it holds, or said it will (facility screen)
        "client_county": "San Diego", "transfer_status": "none",
        # when the jail's own custody ends (facility screen, a jail with an ICE hold): blank, not known
        "hold_release_at": "",
        # the check-in day's people (doc_handoff.yml; the organizing plan asks the same names)
        "go_along_companion": "Rosa Peña, 555-301-7788", "on_call_attorney": "Lic. Elena Torres", "on_call_attorney_phone": "619-555-0142",
        "hearing_date": "", "removal_date": "", "check_in_date": "",
        "intake_path": "full",
        "entry_date": "2004-06-01", "entry_method": "inspected",
        "us_relatives": {"citizen_child": True, "lpr_spouse": True}, "family_details": "Two children, 6 and 9.",
        "circumstances": {"primary_caretaker": True, "community_ties": True},
        "community_details": "Volunteers at church.",
        "private_history": {"arrests": False}, "private_history_details": "",
        "locator_reviewed": True, "waiver_status": "signed",
        "waiver_plan_how": "mail", "waiver_plan_who": "Ana (sister)", "waiver_plan_by": day(2),
        "evaluation_reviewed": True, "ask_reviewed": True, "not_in_proceedings_reviewed": True,
        "case_summary_reviewed": True,
        "signer_name": "Ana Ruiz & <Co>", "signer_org": "Casa de la Esperanza", "signer_relationship": "brother", "signer_relationship_other": "",
        "signer_phone": "555-201-3344", "signer_email": "ana@example.org",
        "officials_a_number_ok": False,
        "attorney_cleared": False, "attorney_reviewer": "", "attorney_reviewer_org": "", "attorney_review_date": "",
        "cleared_disclosures": {},
        "checklist_reviewed": True, "exhibits.there_are_any": False,
        # Steps 7-8, asked only with consent["public"]
        "go_public": True, "public_a_number_ok": False, "public_languages": "en",
        "petition_title_choice": "stop_deportation", "petition_photo": None,
        "campaign_org": "Amigos de José", "media_contact": "Ana Ruiz, 555-201-3344", "petition_link": "",
        "field_office_phone": "619-555-0100", "field_office_email": "", "local_agency_phone": "", "local_agency_email": "",
        "field_office_director_first": "", "field_office_director_last": "",
        "officials_status": "not_asked",
        # the family's story (step7_public.yml): its words for the relatives named in us_relatives,
        # what it lives through now, its own words
        "family_words_done": True, "spouse_word": "wife", "spouse_public_name": "María", "sons_count": 2,
        "daughters_count": 0, "children_ages": "6 and 9", "parent_word": "mother",
        "family_now": {"baby_on_the_way": False, "sick_relative": False, "children_ask": True, "income_at_risk": False,
                       "missing_milestone": False},
        "baby_parent": "wife", "family_quote": "Our boys ask every night when their dad is coming home.",
        "family_quote_by": "María, his wife",
        "public_texts_reviewed": True, "ally_kinds": {"unions": True, "churches": True}, "ally_names": "",
        "organizing_plan_reviewed": True,
        "go_along_companion": "Rosa Peña, 555-301-7788", "on_call_attorney": "Lic. Elena Torres", "on_call_attorney_phone": "619-555-0142",
        # the request to ICE (letters.py, step5_letter.yml): pronouns, the history's dates, counsel,
        # the release plan, the stay's filing, the facts behind a cleared past
        "client_pronouns": "he", "order_date": day(-400), "detention_date": day(-20), "appearances": "all",
        "entry_method_cleared": False,
        "counsel_name": "Lic. Elena Torres", "counsel_org": "Frontera Legal Aid", "counsel_phone": "619-555-0142",
        "counsel_email": "etorres@example.org",
        "release_sponsor": "Ana Ruiz", "release_sponsor_status": "citizen", "release_city": "Chula Vista, California",
        "sentence_completed": True, "rehabilitation_details": "",
        "i246_filer": "family_member", "i246_filer_name": "Ana Ruiz", "i246_fee_payer": "Ana Ruiz",
        "i246_filing_date": day(1),
        # Issue 14, the letter for officials and the waiver's third party (officials helper): the office
        # asked on the full path; the act-by date left blank (computed from the urgency); whom a person
        # writing alone names on the privacy waiver
        "officials_office": "Office of U.S. Representative Juan Vargas", "officials_caseworker": "Lucía Ortega",
        "officials_act_by": "",
        "waiver_third_party_name": "Rosa Peña", "waiver_third_party_relation": "advocate",
        "waiver_third_party_phone": "555-301-7788",
        # Free text only as reviewed (review_passages.yml): each passage the letters print is confirmed
        # on its own screen, as "<name>_reviewed". Not listed here: answer_for confirms a passage as it
        # was shown (the screen's default) unless a case gives "<name>_reviewed" itself.
    }


REVIEWED_PASSAGES = ("family_details", "community_details", "health_details", "rehabilitation_details",
                     "private_history_details")


def answer_for(name: str, answers: dict[str, Any]) -> Any:
    """The answer to a field: from ``answers``; a checklist status not given there is "need", and no
    official is a petition target unless given."""
    if name in answers:
        return answers[name]
    if name.endswith("_reviewed") and name[:-len("_reviewed")] in REVIEWED_PASSAGES:
        # confirmed as shown: the passage itself, or nothing for a Spanish one (the screen's default)
        from docassemble.notonemore.passages import passage_default
        return passage_default(answers.get(name[:-len("_reviewed")], ""))
    if name == "official_targets.there_are_any":   # a list made when first asked: not handed over up front
        return answers.get(name, False)
    if name.startswith("doc_status["):
        return answers.get("doc_status", {}).get(name[len("doc_status['"):-2], "need")
    raise KeyError(name)


@dataclass(frozen=True)
class Case:
    name: str
    custody_status: str
    changes: dict[str, Any] = field(default_factory=dict)
    ask_title: str = ""
    targets: tuple[str, ...] = ()      # phrases naming who decides
    warnings: tuple[str, ...] = ()     # phrases from the warnings that must be shown
    absent: tuple[str, ...] = ()       # phrases that must not be in the document
    urgency: str | None = None         # hours / days / weeks; None when no request goes out
    seen: tuple[str, ...] = ()         # question ids that must be asked
    not_seen: tuple[str, ...] = ()     # question ids that must not be asked

    @property
    def user_role(self) -> str:
        return self.answers()["user_role"]

    @property
    def first(self) -> str:
        return self.answers()["client.name.first"]

    @property
    def last(self) -> str:
        return self.answers()["client.name.last"]

    def answers(self) -> dict[str, Any]:
        return {**base_answers(), "custody_status": self.custody_status, **self.changes}

    def check_summary(self, text: str) -> None:
        """Assert that an ask summary's text (DOCX or PDF) states this case's ask, and nothing it must not."""
        text = " ".join(text.split())
        assert f"Person facing deportation: {self.first} {self.last}" in text
        assert self.ask_title in text
        for phrase in self.targets + self.warnings:
            assert phrase in text, phrase
        for phrase in self.absent:
            assert phrase not in text, phrase
        assert "not legal advice" in text


HISTORY = ("entry date", "us relatives", "circumstances", "private history")

CASES = [
    Case("ice hold, urgent, short path", "jail_with_ice_hold",
         {"intake_path": "bare_bones", "waiver_status": "not_signed", "hold_release_at": f"{day(1)}T17:00:00"},
         ask_title="Lift the ICE hold", targets=("field office", "sheriff or police agency"),
         warnings=("48 hours",), urgency="hours",
         seen=("intake path", "waiver status and plan", "local agency", "facility"),
         not_seen=HISTORY + ("locator", "evaluation screen", "case summary", "has attorney", "see an attorney first")),
    Case("detained, entered without inspection", "ice_detention_no_order",
         {"user_role": "advocate", "entry_method": "without_inspection", "hearing_date": day(40)},
         ask_title="Release from ICE detention", targets=("director of the local ICE ERO field office",),
         warnings=("cannot get a bond hearing",), urgency="days",
         seen=("intake path", "hearing date and entry") + HISTORY, not_seen=("removal date", "entry method")),
    Case("detained, inspected", "ice_detention_no_order",
         {"user_role": "advocate", "entry_method": "inspected"},
         ask_title="Release from ICE detention", targets=("director of the local ICE ERO field office",),
         warnings=("move a detained person",), absent=("bond hearing",), urgency="days"),
    Case("final order, at home, removal in three weeks", "final_order",
         {"user_role": "person", "removal_date": day(21)},
         ask_title="Stay of removal", targets=("director of the local ICE ERO field office",),
         warnings=("Form I-246",), urgency="weeks",
         seen=("detained after a final order",) + HISTORY,
         not_seen=("intake path", "facility", "waiver status and plan")),
    Case("in proceedings, at home", "in_proceedings_free",
         {"hearing_date": day(90), "client_state": "TX", "client_county": "unknown", "field_office": "houston"},
         ask_title="Deferred action", targets=("director of the local ICE ERO field office",),
         warnings=("close or dismiss",), urgency="weeks", seen=("hearing and check in dates", "county", "field office"),
         not_seen=("intake path", "facility", "local agency")),
    Case("not in proceedings", "not_in_proceedings", ask_title="No letter to ICE",
         warnings=("not in a deportation case",), absent=("Who decides",),
         seen=("not in proceedings",), not_seen=("identity", "the ask", "waiver status", "waiver status and plan") + HISTORY),
]

