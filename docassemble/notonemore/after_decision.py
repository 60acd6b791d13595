"""Step 8's last part: after ICE decides. What a win means and what to keep doing, what the
family can still do after a loss, the release for either result, and the evaluation form.

The guide (Step 8, "Follow-up, Evaluation and Documentation"): tell everyone the result, good
or bad, with a short release; evaluate with the family and everyone who took part (lessons
learned, advice for the future, what worked); keep the family and friends involved to support
others. The model hands the templates (``after_decision.docx``, ``after_decision_es.docx``) plain
values; every sentence is in the templates. Dates come in already written in the document's
language; facts that change (the locator, ICE's line, the legal deadlines) come from facts.json
with their source.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from .util import PlainJson

__all__ = ["ASKS", "RESULTS", "AFTER_TEMPLATES", "CHILD_CODES", "DEADLINE_FACTS", "Deadline", "AfterDecision", "has_children", "after_decision_model"]

#: the asks a public campaign can make (the not-in-proceedings branch has no campaign)
ASKS: tuple[str, ...] = ("lift_ice_hold", "release_from_detention", "stay_of_removal", "deferred_action")
#: the evaluation's result, from the case log: ICE's last final answer, or still waiting
RESULTS: tuple[str, ...] = ("won", "lost", "waiting")
#: each language's template (data/templates)
AFTER_TEMPLATES: dict[str, str] = {"en": "after_decision.docx", "es": "after_decision_es.docx"}
#: family and circumstance codes that mean children depend on the person (the children's plan)
CHILD_CODES = frozenset({"citizen_child", "lpr_child", "citizen_or_lpr_child", "primary_caretaker"})
#: the legal deadlines an attorney may look at after a loss, in facts.json (facts, never advice)
DEADLINE_FACTS: tuple[str, ...] = ("bia_appeal_deadline", "petition_for_review_deadline", "motion_to_reopen_deadline")


@dataclass(frozen=True)
class Deadline(PlainJson):
    """One legal deadline as facts.json gives it: ``code`` (its key), ``value`` ("30 days"),
    ``note`` (what it is for), ``source`` (the rule), ``checked`` (False until checked online)."""

    code: str
    value: str
    note: str
    source: str
    checked: bool

    @property
    def days(self) -> int:
        """The number of days in ``value`` ("30 days" -> 30), for each language's own sentence."""
        return int(self.value.split()[0])


@dataclass(frozen=True)
class AfterDecision(PlainJson):
    """What one language's after-the-decision document prints.

    ``ask`` is one of ``ASKS``; ``media`` says the family agreed to share the case with reporters
    (a press release) or not (a message to supporters only); ``children`` that children depend
    on the person (the children's plan is written for them); ``detained`` that the person is
    held now; ``key_kind`` / ``key_date`` the next removal, check-in or hearing date (written) or
    empty; ``started`` the campaign's first day (written). ``deadlines`` are by code.

    The evaluation's figures come from the case log (case_log.py ``LogFigures``), written in the
    document's language, and are blank where the log has nothing: ``result`` (``RESULTS``) and
    ``decided`` (its day); ``officer`` the deportation officer; ``signatures`` the last total and
    ``signatures_day`` its day; ``calls`` the calls counted (None when no day was counted);
    ``officials_helped`` / ``officials_refused`` the offices that wrote or called / said no, joined.
    """

    ask: str
    name: str
    first: str
    office: str
    city: str
    agency: str = ""
    org: str = ""
    contact: str = ""
    link: str = ""
    started: str = ""
    key_kind: str = ""
    key_date: str = ""
    detained: bool = False
    media: bool = False
    children: bool = False
    locator: str = ""
    ero_line: str = ""
    stay_form: str = ""
    deadlines: Mapping[str, Deadline] = None  # type: ignore[assignment]
    result: str = "waiting"
    decided: str = ""
    officer: str = ""
    signatures: Optional[int] = None
    signatures_day: str = ""
    calls: Optional[int] = None
    officials_helped: str = ""
    officials_refused: str = ""

    def __post_init__(self) -> None:
        if self.ask not in ASKS:
            raise ValueError(f"no after-the-decision text for ask {self.ask!r}")
        if self.result not in RESULTS:
            raise ValueError(f"unknown result {self.result!r}")
        if (self.result == "waiting") != (not self.decided):
            raise ValueError("a decision day goes with a result, and only with one")
        if self.key_kind not in ("", "removal", "check_in", "hearing"):
            raise ValueError(f"unknown key date kind {self.key_kind!r}")
        if self.deadlines is None:
            object.__setattr__(self, "deadlines", {})

    @property
    def deadlines_checked(self) -> bool:
        """Every deadline was checked against its source (facts.json's ``verified``)."""
        return all(deadline.checked for deadline in self.deadlines.values())


def has_children(relatives: Iterable[str], circumstances: Iterable[str]) -> bool:
    """Children depend on the person: a US citizen or permanent-resident child, or the person is a primary caretaker."""
    return bool((set(relatives) | set(circumstances)) & CHILD_CODES)


def after_decision_model(ask: str, *, name: str, first: str, office: str, city: str, agency: str = "", org: str = "",
                   contact: str = "", link: str = "", started: str = "", key_kind: str = "", key_date: str = "",
                   detained: bool = False, media: bool = False, children: bool = False, locator: str = "",
                   ero_line: str = "", stay_form: str = "",
                   facts: Optional[Mapping[str, Mapping[str, object]]] = None, result: str = "waiting",
                   decided: str = "", officer: str = "", signatures: Optional[int] = None, signatures_day: str = "",
                   calls: Optional[int] = None, officials_helped: str = "", officials_refused: str = "") -> AfterDecision:
    """The model for one language. ``facts`` maps a key of ``DEADLINE_FACTS`` to its facts.json
    entry (``value``, ``note``, ``source``, ``verified``); the others are left out. A link that
    is not a web address (the kit's placeholder) is left out; the agency only for an ICE hold;
    the key date only with its kind; the log's figures as given (see ``AfterDecision``), the
    signatures' day only with a total."""
    deadlines = {code: Deadline(code, str(entry["value"]), str(entry.get("note") or ""), str(entry.get("source") or ""),
                                bool(entry.get("verified")))
                 for code, entry in (facts or {}).items() if code in DEADLINE_FACTS}
    link = (link or "").strip()
    return AfterDecision(
        ask=ask, name=" ".join(name.split()), first=first.strip(), office=office, city=city,
        agency=agency.strip() if ask == "lift_ice_hold" else "", org=" ".join((org or "").split()),
        contact=" ".join((contact or "").split()), link=link if link.startswith(("https://", "http://")) else "",
        started=started, key_kind=key_kind if key_date else "", key_date=key_date if key_kind else "",
        detained=bool(detained), media=bool(media), children=bool(children), locator=locator, ero_line=ero_line,
        stay_form=stay_form, deadlines=deadlines, result=result, decided=decided if result != "waiting" else "",
        officer=" ".join((officer or "").split()), signatures=signatures,
        signatures_day=signatures_day if signatures is not None else "", calls=calls,
        officials_helped=officials_helped, officials_refused=officials_refused)
