"""Which documents a case gets, and the decisions they rest on, each named once.

The decisions (whether the request to ICE goes out, the letter for officials, the public
campaign, the short first request, the jail's own short request) are functions of the answers,
called wherever a screen, a document or the interview's order needs them, so that a condition
is written once and tested here instead of being copied across the YAML files.

``DOCUMENTS`` is the one list of documents: for each, the interview variable its attachment
block defines, who it is for (``group``), the decision it depends on (``when``), the names
computed before it is assembled (``needs``) and the other names its build leaves in the session
(``defines``). From it the documents screen takes what to assemble, in order
(``build_order``, ``document_variables``) and the fingerprint takes what the build defines
(``names_built``: left out of the fingerprint, undefined to build again). A new document is one
new row; a new name a build defines goes in its row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Protocol

from .handoff import CustodyFacts

__all__ = [
    "GROUPS",
    "DECISIONS",
    "DocumentRow",
    "DOCUMENTS",
    "SHARED_BUILDS",
    "sends_ice_letter",
    "sends_officials_letter",
    "makes_letters",
    "goes_public",
    "shares_case",
    "short_first_request",
    "sends_jail_request",
    "sends_habeas_sheet",
    "sends_bond_sheet",
    "makes_check_in_sheet",
    "makes_case_calendar",
    "decisions",
    "document_variables",
    "build_order",
    "names_built",
    "APART_FROM_DOCUMENTS",
    "HOME_GROUPS",
    "documents_by_group",
]


class _Ask(Protocol):
    """What the decisions read of ``ask.Ask``."""
    code: str
    pd_letter: bool


# --- the decisions ------------------------------------------------------------------------------

def sends_ice_letter(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """The request to ICE (and its waiver cover sheet, its package) goes out: a letter may be sent and the family agreed to ICE."""
    return bool(ask.pd_letter and consent["ice"])


def sends_officials_letter(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """The letter for elected officials is written: a letter may be sent and the family agreed to officials."""
    return bool(ask.pd_letter and consent["officials"])


def makes_letters(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """Either letter is written, so the papers that go with them are too (checklist, support-letter requests, review sheet)."""
    return sends_ice_letter(ask, consent) or sends_officials_letter(ask, consent)


def goes_public(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """The family agreed to a public campaign (Steps 7-8); whether to start it now is the ``go_public`` answer."""
    return bool(ask.pd_letter and consent["public"])


def shares_case(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """Anything is shared with anyone (ICE, officials or the public): an attorney's review then matters."""
    return makes_letters(ask, consent) or goes_public(ask, consent)


def short_first_request(intake_path: str) -> bool:
    """The short first request ("bare bones", Step 6): sent now, a fuller one follows."""
    return intake_path == "bare_bones"


def sends_jail_request(ask: _Ask, consent: Mapping[str, Any]) -> bool:
    """The jail's own short request (not the ICE letter): the ask is to lift an ICE hold and the family agreed to ICE."""
    return bool(ask.code == "lift_ice_hold" and consent["ice"])


def sends_habeas_sheet(custody: CustodyFacts, consent: Mapping[str, Any]) -> bool:
    """The habeas hand-off sheet for an attorney: ICE holds the person and either they entered without
    inspection (no bond hearing since Matter of Yajure Hurtado; "unknown" counts, as an attorney must find
    out) or they have been held ``LONG_DETENTION_DAYS`` or more. It carries the date of birth and the
    history, so only with the family's consent to share with the advocate (who brings in the attorney)."""
    entry_in_doubt = custody.custody_status == "ice_detention_no_order" and custody.entry_method != "inspected"
    return bool(consent["advocate"] and custody.held_by_ice and (entry_in_doubt or custody.held_long))


def sends_bond_sheet(custody: CustodyFacts) -> bool:
    """The bond hand-off sheet: ICE holds a person with no removal order who may be given a bond (came in
    through inspection, or the family does not know how: an attorney checks). It is the family's own
    sheet for whoever posts the bond."""
    return custody.custody_status == "ice_detention_no_order" and custody.entry_method != "without_inspection"


def makes_check_in_sheet(custody: CustodyFacts) -> bool:
    """The check-in day sheet: the person is not held and has an ICE check-in or a court hearing to come."""
    return bool(not custody.detained and custody.appointment_ahead)


def makes_case_calendar(custody: CustodyFacts) -> bool:
    """The case's calendar (its dates and next actions, deadlines.py): every case in a deportation case."""
    return custody.custody_status != "not_in_proceedings"


#: the decisions a document can depend on (``DocumentRow.when``)
DECISIONS: tuple[str, ...] = ("always", "ice_letter", "officials_letter", "letters", "jail_request", "campaign",
                              "habeas_sheet", "bond_sheet", "check_in_sheet", "case_calendar")


def decisions(ask: _Ask, consent: Mapping[str, Any], campaign: bool = False,
              custody: Optional[CustodyFacts] = None) -> dict[str, bool]:
    """Each decision of ``DECISIONS`` for this case; ``campaign`` is ``goes_public(...) and go_public`` (asked only then);
    ``custody`` (``custody_facts`` in the interview) decides the hand-off sheets, none without it."""
    return {"always": True,
            "ice_letter": sends_ice_letter(ask, consent),
            "officials_letter": sends_officials_letter(ask, consent),
            "letters": makes_letters(ask, consent),
            "jail_request": sends_jail_request(ask, consent),
            "campaign": bool(campaign and goes_public(ask, consent)),
            "habeas_sheet": bool(custody and sends_habeas_sheet(custody, consent)),
            "bond_sheet": bool(custody and sends_bond_sheet(custody)),
            "check_in_sheet": bool(custody and makes_check_in_sheet(custody)),
            "case_calendar": bool(custody and makes_case_calendar(custody))}


# --- the one list of documents ------------------------------------------------------------------

#: who a document is for
GROUPS: dict[str, str] = {
    "family": "for the family",
    "ice": "to send to ICE",
    "jail": "to send to the jail",
    "officials": "for elected officials",
    "attorney": "for the attorney",
    "campaign": "for the public campaign",
}


@dataclass(frozen=True)
class DocumentRow:
    """One document: its attachment's variable, who it is for, when it is made, what its build computes and leaves."""

    variable: str
    group: str
    when: str
    needs: tuple[str, ...] = ()      # computed (in this order) before the document is assembled
    defines: tuple[str, ...] = ()    # other names the build leaves in the session

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"unknown group {self.group!r}")
        if self.when not in DECISIONS:
            raise ValueError(f"unknown decision {self.when!r}")


# the sentences both letters lay out, computed afresh when the documents are built again
_LETTER_NEEDS = ("letter_date", "exhibit_titles", "checklist_rows")

#: in the order the documents screen lists them
DOCUMENTS: tuple[DocumentRow, ...] = (
    DocumentRow("ask_summary", "family", "always"),
    DocumentRow("pd_letter", "ice", "ice_letter", needs=_LETTER_NEEDS,
                defines=("letterhead", "ice_letter", "reviewed_passages", "signer_line", "signer_line_es", "contact_line")),
    DocumentRow("waiver_cover", "ice", "ice_letter", needs=_LETTER_NEEDS, defines=("waiver_cover_model", "letter_writer")),
    DocumentRow("jail_request", "jail", "jail_request", needs=_LETTER_NEEDS + ("jail_model",), defines=("letterhead", "letter_writer")),
    DocumentRow("officials_letter", "officials", "officials_letter", needs=_LETTER_NEEDS,
                defines=("letterhead", "officials_model", "letter_writer")),
    DocumentRow("checklist_doc", "family", "letters", needs=_LETTER_NEEDS, defines=("waiver_plan",)),
    DocumentRow("reference_request_en", "family", "letters", needs=_LETTER_NEEDS, defines=("letterhead",)),
    DocumentRow("reference_request_es", "family", "letters", needs=_LETTER_NEEDS, defines=("letterhead",)),
    DocumentRow("attorney_review_sheet", "attorney", "letters", needs=_LETTER_NEEDS + ("review_sheet", "letter_claims")),
    # the emergency hand-offs (doc_handoff.yml)
    DocumentRow("habeas_sheet", "attorney", "habeas_sheet", needs=("handoff_values",)),
    DocumentRow("bond_sheet", "family", "bond_sheet", needs=("handoff_values",)),
    DocumentRow("check_in_sheet", "family", "check_in_sheet", needs=("handoff_values",)),
    # the case's dates and next actions as a calendar file (doc_case_calendar.yml, deadlines.py)
    DocumentRow("case_calendar", "family", "case_calendar", needs=("case_calendar_values", "case_calendar_text")),
    # Steps 7-8 (doc_campaign.yml): recomputed with docassemble's reconsider() each time they are built
    DocumentRow("campaign_kit", "campaign", "campaign",
                needs=("campaign_texts_defused", "campaign_key_date", "public_a_number_shown", "campaign_photo",
                       "campaign_story", "campaign_missing", "campaign_values", "public_drafts", "public_private", "campaign_targets", "public_kits"),
                defines=("campaign_missing_marks",)),
    DocumentRow("petition_texts", "campaign", "campaign", needs=("petition_texts_text",)),
    DocumentRow("targets_csv_file", "campaign", "campaign", needs=("targets_csv_text",)),
    # the same targets and petition in the forms petition tools import (doc_exports.yml)
    DocumentRow("action_network_csv_file", "campaign", "campaign", needs=("action_network_csv_text",)),
    DocumentRow("osdi_petition_file", "campaign", "campaign", needs=("osdi_petition_text",)),
    DocumentRow("organizing_plan", "campaign", "campaign", needs=("plan_steps", "plan_lines", "plan_docs")),
    DocumentRow("campaign_calendar", "campaign", "campaign", needs=("plan_steps", "plan_lines", "calendar_ics_text")),
    DocumentRow("after_decision", "campaign", "campaign", needs=("after_en",),
                defines=("after_es", "after_decision_templates")),
)

#: what building the documents defines besides the documents' own rows: the list, the ZIP, the
#: fingerprint, the one PDF to send (step6_package.yml), the PDFs' report, and the values every
#: document prints (date, draft marks)
SHARED_BUILDS: tuple[str, ...] = (
    "documents", "documents_zip", "documents_fingerprint", "documents_current", "campaign_documents",
    "package_pdf", "package_result", "package_ready", "package_parts", "pdfs_missing",
    "today_date", "draft_mark", "kit_draft_mark",
    # recomputed on each screen (reconsider: True), so never an answer the fingerprint should see
    "passage_names", "private_history_details_prints", "history_cleared_for_ice",
    # the hand-off sheets' decisions read it (doc_handoff.yml): computed again from the answers
    "custody_facts",
    # the home screen's dates and next actions (doc_case_calendar.yml): computed again on each showing
    "case_dates", "case_next_actions", "case_events_list",
)


#: answers and names no document of the documents screen reads: the supplements to the request, which
#: keep their own documents (doc_supplement.yml), the words their screens show, and the list iterators
#: (``i``, ``j``) their questions leave. Left out of the documents' fingerprint, so adding a supplement
#: does not make every document again, and never undefined with the build.
APART_FROM_DOCUMENTS: tuple[str, ...] = ("supplements", "supplements_seen", "supplements_built",
                                         "supplement_criminal_cleared", "supplement_exhibit_words", "supplement_notes",
                                         "paper_kind_words", "change_kind_words", "upload_messages", "i", "j",
                                         # what the caseboard's card last wrote (case_title.yml): it changes
                                         # once the documents exist, which must not make them all again
                                         "card_written")


def _rows(flags: Mapping[str, bool], group: str | None = None,
          rows: Iterable[DocumentRow] = DOCUMENTS) -> list[DocumentRow]:
    return [row for row in rows if flags[row.when] and (group is None or row.group == group)]


def document_variables(flags: Mapping[str, bool], group: str | None = None) -> list[str]:
    """The documents this case gets (``decisions(...)``), in the screen's order; only one group's if given."""
    return [row.variable for row in _rows(flags, group)]


def build_order(flags: Mapping[str, bool], group: str | None = None) -> list[str]:
    """Every name to compute for this case's documents, each once: a document's needs, then the document."""
    order: list[str] = []
    for row in _rows(flags, group):
        order += [name for name in (*row.needs, row.variable) if name not in order]
    return order


def names_built(rows: Iterable[DocumentRow] = DOCUMENTS) -> list[str]:
    """Every name a build of the documents may define, each once (the fingerprint's leave-out list, the names to undefine)."""
    names: list[str] = list(SHARED_BUILDS)
    for row in rows:
        names += [name for name in (row.variable, *row.needs, *row.defines) if name not in names]
    return names


#: the home screen's order of the groups: what is sent first, then who else the papers are for
HOME_GROUPS: tuple[str, ...] = ("ice", "jail", "officials", "family", "attorney", "campaign")
_GROUP_OF: dict[str, str] = {row.variable: row.group for row in DOCUMENTS}


def documents_by_group(documents: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """The assembled documents (each named by its attachment's variable, ``instanceName``) grouped by who
    they are for, in ``HOME_GROUPS`` order and the list's order within a group; empty groups left out."""
    docs = list(documents)
    groups = [(group, [doc for doc in docs if _GROUP_OF.get(getattr(doc, "instanceName", ""), "family") == group])
              for group in HOME_GROUPS]
    return [(group, found) for group, found in groups if found]
