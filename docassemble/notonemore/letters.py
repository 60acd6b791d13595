"""The request to ICE (``pd_letter.docx``) as facts: what the template needs to write it.

Python computes, the template speaks. ``ice_letter_model`` turns the answers into a typed
``IceLetter``: the parties, the dated history, the reasons that apply (booleans and short
phrases), the ask of the branch and what ICE needs to grant it, counsel, the enclosures and
the cc line. Every sentence of the letter is in the DOCX, in ``{%p if %}`` paragraphs; the
phrases here are names, dates in English, pronoun forms and lists.

Free text comes in only as ``passages``: the passages the user confirmed (variable name ->
the English text); a passage that is not there is not printed. ``claims`` lists each thing
the letter asserts beside the answer it came from, for the attorney review sheet.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Collection, Mapping, NamedTuple, Optional, Sequence

from .disclosure import may_disclose
from .factors import age_on, years_between
from .urgency import dates_that_apply
from .util import PlainJson, as_date, english_date, english_list

# what the interview imports (shared.yml): the model's entry points and the answer codes
__all__ = ["PRONOUNS", "APPEARANCES", "I246_FILERS", "Claim", "LetterAnswers", "IceLetter",
           "ice_letter_model", "signer_lines", "stay_filing_date_problem"]

#: The person's own answer: how the letters speak of them.
PRONOUNS: tuple[str, ...] = ("he", "she", "they")
#: Whether the person went to every hearing and check-in so far.
APPEARANCES: tuple[str, ...] = ("all", "missed", "none_yet")
#: Who files Form I-246 at the field office.
I246_FILERS: tuple[str, ...] = ("person", "counsel", "family_member")
#: The free-text answers the letter can print, once reviewed.
PASSAGES: tuple[str, ...] = ("family_details", "community_details", "health_details",
                             "rehabilitation_details", "private_history_details")

_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen")
#: A removal this many days away or fewer is said in days ("two days from today").
SOON_DAYS = 14

_RELATIVES = {
    "citizen_spouse": "a spouse who is a U.S. citizen", "lpr_spouse": "a spouse who is a lawful permanent resident",
    "citizen_child": "a child who is a U.S. citizen", "lpr_child": "a child who is a lawful permanent resident",
    "citizen_parent": "a parent who is a U.S. citizen", "lpr_parent": "a parent who is a lawful permanent resident",
}
_RELATIVE_ANSWERS = {
    "citizen_spouse": "Husband or wife who is a US citizen", "lpr_spouse": "Husband or wife with a green card",
    "citizen_child": "A child who is a US citizen", "lpr_child": "A child with a green card",
    "citizen_parent": "A parent who is a US citizen", "lpr_parent": "A parent with a green card",
}
# what each positive factor claims, and the answer it came from (for the review sheet)
_FACTOR_CLAIMS = {
    "long_presence": ("long residence in the United States", "First arrival"),
    "came_as_child": ("came to the United States as a child", "First arrival and date of birth"),
    "us_education": ("went to school in the United States", "Circumstances: Went to school in the US"),
    "military_service": ("served in the U.S. military", "Circumstances: Served in the US military"),
    "primary_caretaker": ("main caretaker of a child", "Circumstances: Main caretaker of a child"),
    "caretaker_of_disabled_or_ill": ("cares for a disabled or seriously ill family member",
                                     "Circumstances: Cares for a family member who is disabled or very sick"),
    "pregnant_or_nursing": ("pregnant or nursing an infant", "Circumstances: Pregnant or nursing a baby"),
    "serious_health_condition": ("has a serious health condition", "Circumstances: Has a serious health problem"),
    "elderly": ("is 65 or older", "Date of birth"),
    "minor": ("is under 18", "Date of birth"),
    "crime_victim": ("has been the victim of a crime", "Circumstances: Was a victim of a crime, domestic violence or trafficking"),
    "civil_rights_witness": ("witness or party in a civil rights, labor or housing matter",
                             "Circumstances: Is a witness or has a case about civil rights, work or housing"),
    "community_ties": ("active in the community", "Circumstances: Helps the community, a church or a workplace"),
    "no_criminal_record": ("never arrested or convicted, to the writer's knowledge", "Private questions: none of these"),
}
# the "we understand that ..." phrases, after "has" (or "I have")
_HISTORY_PHRASES = {
    "arrests": "been arrested in the past",
    "convictions": "been convicted of a crime",
    "prior_removal": "been removed from the United States before",
    "reentry_after_removal": "returned to the United States after a removal",
    "outstanding_warrants": "an open warrant",
    "fraud": "been accused of using false documents",
}
#: the question each free-text passage answers, for the review sheet's "answer it came from"
_PASSAGE_QUESTIONS = {
    "family_details": "About the family", "community_details": "Family and community ties",
    "health_details": "Health needs", "rehabilitation_details": "What has changed since",
    "private_history_details": "What happened, and when",
}


def _passage_claim(name: str, text: str) -> "Claim":
    """A passage printed as the user confirmed it: the statement is its text, the answer names its question."""
    return Claim(text, f"{_PASSAGE_QUESTIONS.get(name, name)} (own words, confirmed in English)")


_HISTORY_ANSWERS = {
    "arrests": "Has been arrested", "convictions": "Has been convicted of a crime",
    "prior_removal": "Was deported before", "reentry_after_removal": "Came back after being deported",
    "outstanding_warrants": "Has an open warrant", "fraud": "Was accused of using false papers",
}
_SPONSOR_STATUS = {"citizen": "a U.S. citizen", "lpr": "a lawful permanent resident", "other": ""}


def days_from_today(value: Any, today: _dt.date) -> str:
    """How near a date is, in words, when it is within two weeks: "today", "tomorrow",
    "two days from today"; ``""`` when it is further away, past, or none."""
    day = as_date(value)
    if day is None:
        return ""
    days = (day - as_date(today)).days
    if days < 0 or days > SOON_DAYS:
        return ""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"{_NUMBERS[days]} days from today"


@dataclass(frozen=True)
class Claim(PlainJson):
    """Something the letter asserts (short English) beside the answer it came from."""

    statement: str
    answer: str


@dataclass(frozen=True)
class Voice(PlainJson):
    """How the letter speaks of the person: ``name`` opens a sentence ("Mr. Gómez", or "I" in
    the person's own letter) with the verbs that agree with it (``has``, ``is_``, ``was``); the
    pronoun forms follow the person's own answer (``he``/``she``/``they``), with their verbs
    joined (``he_has``: "he has", "they have", "I have")."""

    first_person: bool
    name: str
    has: str
    is_: str
    was: str
    he: str
    He: str
    him: str
    his: str
    His: str
    he_has: str
    He_has: str
    he_is: str
    He_is: str


@dataclass(frozen=True)
class Writer(PlainJson):
    """Who speaks: "We" for an organization, "I" for a family member or the person."""

    we: str
    We: str
    our: str
    us: str


def person_voice(pronouns: str, first_person: bool, first_name: str, last_name: str) -> Voice:
    """The person's forms. Third person opens with "Mr./Ms. <last name>", or the first and
    last name for "they"; the person's own letter says "I".

    >>> person_voice("she", False, "Ana", "Ruiz").He_has
    'She has'
    """
    if first_person:
        return Voice(True, "I", "have", "am", "was", "I", "I", "me", "my", "My", "I have", "I have", "I am", "I am")
    if pronouns not in PRONOUNS:
        raise ValueError(f"pronouns must be one of {PRONOUNS}, not {pronouns!r}")
    last = (last_name or "").strip()
    if pronouns == "they":
        name = " ".join(part for part in ((first_name or "").strip(), last) if part)
        return Voice(False, name, "has", "is", "was", "they", "They", "them", "their", "Their",
                     "they have", "They have", "they are", "They are")
    he, him, his = ("he", "him", "his") if pronouns == "he" else ("she", "her", "her")
    name = ("Mr. " if pronouns == "he" else "Ms. ") + last
    return Voice(False, name, "has", "is", "was", he, he.capitalize(), him, his, his.capitalize(),
                 he + " has", he.capitalize() + " has", he + " is", he.capitalize() + " is")


def writer_voice(user_role: str) -> Writer:
    """An advocate writes for the organization ("We"); a family member or the person writes "I"."""
    return Writer("we", "We", "our", "us") if user_role == "advocate" else Writer("I", "I", "my", "me")


@dataclass(frozen=True)
class History(PlainJson):
    """The dated procedural history; each field ``""`` (or False) when not known or not said."""

    born_on: str               # "April 12, 1988", only where ICE may see it
    birth_country: str
    arrived_year: str          # "2004"
    years_here: int
    entry_how: str             # "inspected" / "without_inspection", only as an attorney cleared it
    hearing: str
    hearing_when: str          # "tomorrow", "two days from today"
    has_final_order: bool
    order_date: str
    check_in: str
    check_in_when: str
    appearances_kept: bool     # went to every hearing and check-in
    detained: bool
    in_jail: bool
    held_at: str               # "Otay Mesa Detention Center, San Diego"
    local_agency: str
    detained_since: str
    removal_date: str
    removal_when: str          # "two days from today"; "" when further or none


@dataclass(frozen=True)
class Reasons(PlainJson):
    """The equities: which paragraphs apply, with the facts they say."""

    relatives: str             # "a spouse who is a lawful permanent resident and a child who is a U.S. citizen"
    long_presence: bool
    came_as_child: bool
    age_at_entry: int
    us_education: bool
    military_service: bool
    primary_caretaker: bool
    caretaker_of_disabled_or_ill: bool
    pregnant_or_nursing: bool
    serious_health_condition: bool
    elderly: bool
    minor: bool
    age: int
    crime_victim: bool
    civil_rights_witness: bool
    community_ties: bool
    no_criminal_record: bool
    family_details: str
    community_details: str
    health_details: str

    @property
    def any(self) -> bool:
        return bool(self.relatives or self.family_details or self.community_details or any(
            getattr(self, name) for name in (
                "long_presence", "came_as_child", "us_education", "military_service", "primary_caretaker",
                "caretaker_of_disabled_or_ill", "pregnant_or_nursing", "serious_health_condition", "elderly",
                "minor", "crime_victim", "civil_rights_witness", "community_ties", "no_criminal_record")))


@dataclass(frozen=True)
class HardHistory(PlainJson):
    """The "we understand ... however ..." paragraph: only what an attorney cleared."""

    applies: bool
    understood: str            # "has been convicted of a crime and has been removed from the United States before"
    sentence_completed: bool
    rehabilitation: str        # the reviewed passage
    details: str               # private_history_details, only when everything was cleared


@dataclass(frozen=True)
class Release(PlainJson):
    """The release ask: parole for a person ICE holds as an applicant for admission, recognizance
    with alternatives to detention for everyone, bond only where an immigration judge may set one."""

    parole: bool               # entered without inspection (or not known): INA 212(d)(5)(A)
    bond_possible: bool        # inspected: ICE may set a bond
    sponsor: str
    sponsor_status: str        # "a U.S. citizen"
    city: str
    has_plan: bool

    @property
    def sponsor_desc(self) -> str:
        """ "Ana Ruiz, a U.S. citizen" (the name alone when the status is not one to state)."""
        return self.sponsor + (", " + self.sponsor_status if self.sponsor and self.sponsor_status else "")


@dataclass(frozen=True)
class Stay(PlainJson):
    """Form I-246: who files it, who pays, by when, before the removal date."""

    form: str
    fee: str
    filer: str                 # person / counsel / family_member / ""
    filer_name: str
    fee_payer: str
    filing_date: str
    detained_without_counsel: bool


@dataclass(frozen=True)
class Counsel(PlainJson):
    represented: bool
    name: str
    org: str
    phone: str
    email: str
    g28_on_file: bool

    @property
    def contact(self) -> str:
        return " · ".join(part for part in (self.phone, self.email) if part)

    @property
    def described(self) -> str:
        """ "Lic. Ana Pérez, Legal Aid (555-0100 · ana@example.org)"; "" without a name."""
        if not self.name:
            return ""
        return self.name + (", " + self.org if self.org else "") + (f" ({self.contact})" if self.contact else "")


@dataclass
class LetterAnswers:
    """The answers the letter reads. The YAML passes only what the path asked (None or "" otherwise)."""

    today: _dt.date
    custody_status: str
    ask_code: str
    also_deferred_action: bool
    user_role: str
    intake_path: str
    consent: Collection[str]
    full_name: str
    first_name: str
    last_name: str
    pronouns: str
    office_name: str
    birth_country: str
    birth_date: Optional[_dt.date] = None
    a_number: str = ""                      # formatted, "A 123-456-789"; "" when not known
    detained: bool = False
    facility_name: str = ""
    facility_city: str = ""
    local_agency_name: str = ""
    hearing_date: Optional[_dt.date] = None
    removal_date: Optional[_dt.date] = None
    check_in_date: Optional[_dt.date] = None
    order_date: Optional[_dt.date] = None
    detention_date: Optional[_dt.date] = None
    appearances: str = ""
    entry_date: Optional[_dt.date] = None
    entry_method: str = ""
    entry_method_cleared: bool = False
    positives: Sequence[str] = ()
    us_relatives: Sequence[str] = ()
    private_history: Sequence[str] = ()
    cleared: Sequence[str] = ()             # disclosure.cleared_history(...) for 'ice'
    sentence_completed: bool = False
    has_attorney: bool = False
    g28_on_file: str = ""
    counsel_name: str = ""
    counsel_org: str = ""
    counsel_phone: str = ""
    counsel_email: str = ""
    release_sponsor: str = ""
    release_sponsor_status: str = ""
    release_city: str = ""
    i246_filer: str = ""
    i246_filer_name: str = ""
    i246_fee_payer: str = ""
    i246_filing_date: Optional[_dt.date] = None
    stay_form: str = "Form I-246"
    stay_fee: str = ""
    waiver_status: str = ""
    waiver_form: str = ""
    exhibit_titles: Sequence[str] = ()
    signer_name: str = ""
    signer_org: str = ""
    relationship_word: str = ""             # "brother": what the person is to the signer ("" for other)
    reviewer: str = ""                      # the reviewing attorney, when a review is recorded
    reviewer_org: str = ""


@dataclass(frozen=True)
class IceLetter(PlainJson):
    """What ``pd_letter.docx`` writes."""

    date: str
    office_name: str
    full_name: str
    a_number: str
    birth_date: str
    facility: str
    ask: str
    also_deferred_action: bool
    first_request: bool
    user_role: str
    org: str
    relationship: str
    p: Voice
    w: Writer
    history: History
    reasons: Reasons
    hard: HardHistory
    release: Release
    stay: Stay
    counsel: Counsel
    habeas_flag: bool          # for the attorney review sheet and the family's papers, never the letter
    waiver_signed: bool
    waiver_form: str
    enclosures: list[str]
    cc: list[str]
    claims: list[Claim] = field(default_factory=list)

    @property
    def reference(self) -> str:
        """The package's heading and footer: the full name, and the A-number when ICE may see it."""
        return self.full_name + (", " + self.a_number if self.a_number else "")


def ice_letter_model(a: LetterAnswers, passages: Mapping[str, str]) -> IceLetter:
    """The letter to ICE from the answers and the reviewed passages (name -> confirmed English text)."""
    today = as_date(a.today)
    consent = list(a.consent)
    claims: list[Claim] = []
    full = a.intake_path == "full"
    first_person = a.user_role == "person"
    p = person_voice(a.pronouns, first_person, a.first_name, a.last_name)

    def passage(name: str) -> str:
        return (passages.get(name) or "").strip()

    # the heading
    a_number = a.a_number if a.a_number and may_disclose("a_number", "ice", consent) else ""
    birth = as_date(a.birth_date)
    born_on = english_date(birth) if birth and may_disclose("date_of_birth", "ice", consent) else ""
    facility = ", ".join(part for part in (a.facility_name.strip(), a.facility_city.strip()) if part) if a.detained else ""
    if a_number:
        claims.append(Claim(f"A-number {a_number}", f"A-number: {a_number}"))
    if born_on:
        claims.append(Claim(f"born in {a.birth_country} on {born_on}", f"Country and date of birth: {a.birth_country}, {born_on}"))
    if facility:
        claims.append(Claim(f"held at {facility}", f"Name of the jail or center: {facility}"))

    # the dated history: only the dates this custody status has (urgency.dates_that_apply)
    kinds = dates_that_apply(a.custody_status, a.detained)
    hearing = as_date(a.hearing_date) if "hearing" in kinds else None
    removal = as_date(a.removal_date) if "removal" in kinds else None
    check_in = as_date(a.check_in_date) if "check_in" in kinds else None
    entry = as_date(a.entry_date) if full else None
    entry = entry if entry and entry <= today else None
    entry_how = a.entry_method if (full and a.entry_method_cleared and a.entry_method in ("inspected", "without_inspection")) else ""
    order = as_date(a.order_date) if a.custody_status == "final_order" else None
    detained_since = as_date(a.detention_date) if a.detained else None
    kept = a.appearances == "all" and a.custody_status != "jail_with_ice_hold"
    history = History(
        born_on=born_on, birth_country=a.birth_country,
        arrived_year=str(entry.year) if entry else "", years_here=years_between(entry, today) if entry else 0,
        entry_how=entry_how,
        hearing=english_date(hearing), hearing_when=days_from_today(hearing, today),
        has_final_order=a.custody_status == "final_order", order_date=english_date(order),
        check_in=english_date(check_in), check_in_when=days_from_today(check_in, today),
        appearances_kept=kept,
        detained=a.detained, in_jail=a.custody_status == "jail_with_ice_hold", held_at=facility,
        local_agency=a.local_agency_name.strip() if a.custody_status == "jail_with_ice_hold" else "",
        detained_since=english_date(detained_since),
        removal_date=english_date(removal), removal_when=days_from_today(removal, today),
    )
    if entry:
        claims.append(Claim(f"in the United States since {history.arrived_year}", f"First arrival: {english_date(entry)}"))
    if entry_how:
        claims.append(Claim("entered " + ("with inspection" if entry_how == "inspected" else "without inspection"),
                            f"How they last came in: {entry_how} (an attorney said the letter may say it)"))
    for statement, value, answer in (("next hearing on", history.hearing, "Next court hearing"),
                                     ("final order of removal entered on", history.order_date, "Date of the removal order"),
                                     ("next check-in on", history.check_in, "Next check-in with ICE"),
                                     ("detained since", history.detained_since, "Held since"),
                                     ("removal scheduled for", history.removal_date, "Removal date")):
        if value:
            claims.append(Claim(f"{statement} {value}", f"{answer}: {value}"))
    if kept:
        claims.append(Claim("went to every hearing and check-in", "Hearings and check-ins: went to all of them"))

    # the reasons: the factors the evaluation found, the family, the reviewed passages
    positives = set(a.positives)
    relatives = [code for code in _RELATIVES if code in set(a.us_relatives)] if full else []
    age = age_on(birth, today) if birth else 0
    health = passage("health_details") if "serious_health_condition" in positives or "caretaker_of_disabled_or_ill" in positives else ""
    reasons = Reasons(
        relatives=english_list([_RELATIVES[code] for code in relatives]),
        long_presence="long_presence" in positives and bool(entry),
        came_as_child="came_as_child" in positives and bool(entry and birth),
        age_at_entry=age_on(birth, entry) if birth and entry else 0,
        us_education="us_education" in positives, military_service="military_service" in positives,
        primary_caretaker="primary_caretaker" in positives,
        caretaker_of_disabled_or_ill="caretaker_of_disabled_or_ill" in positives,
        pregnant_or_nursing="pregnant_or_nursing" in positives,
        serious_health_condition="serious_health_condition" in positives,
        elderly="elderly" in positives and bool(birth), minor="minor" in positives and bool(birth), age=age,
        crime_victim="crime_victim" in positives, civil_rights_witness="civil_rights_witness" in positives,
        community_ties="community_ties" in positives, no_criminal_record="no_criminal_record" in positives,
        family_details=passage("family_details"), community_details=passage("community_details"),
        health_details=health,
    )
    for code in relatives:
        claims.append(Claim(_RELATIVES[code], "Family: " + _RELATIVE_ANSWERS[code]))
    for code in a.positives:
        if code in _FACTOR_CLAIMS and getattr(reasons, code, False):
            statement, answer = _FACTOR_CLAIMS[code]
            claims.append(Claim(statement, answer))
    for name, text in (("family_details", reasons.family_details), ("community_details", reasons.community_details),
                       ("health_details", reasons.health_details)):
        if text:
            claims.append(_passage_claim(name, text))

    # the hard history: only what an attorney cleared (disclosure.cleared_history), never by default
    cleared = [code for code in a.private_history if code in set(a.cleared)]
    everything = bool(cleared) and set(cleared) == set(a.private_history)
    understood = english_list([p.has + " " + _HISTORY_PHRASES[code] for code in cleared])
    hard = HardHistory(
        applies=bool(cleared), understood=understood,
        sentence_completed=bool(cleared) and "convictions" in cleared and a.sentence_completed,
        rehabilitation=passage("rehabilitation_details") if cleared else "",
        details=passage("private_history_details") if everything else "",
    )
    for code in cleared:
        claims.append(Claim("has " + _HISTORY_PHRASES[code] + " (cleared by an attorney)", "Private questions: " + _HISTORY_ANSWERS[code]))
    if hard.sentence_completed:
        claims.append(Claim("completed the sentence", "Finished the sentence: yes"))
    for name, text in (("rehabilitation_details", hard.rehabilitation), ("private_history_details", hard.details)):
        if text:
            claims.append(_passage_claim(name, text))

    # the ask of the branch, with what ICE needs to grant it
    release_ask = a.ask_code == "release_from_detention"
    parole = release_ask and a.entry_method in ("without_inspection", "unknown", "")
    sponsor_status = _SPONSOR_STATUS.get(a.release_sponsor_status, "") if release_ask else ""
    release = Release(
        parole=parole, bond_possible=release_ask and a.entry_method == "inspected",
        sponsor=a.release_sponsor.strip() if release_ask else "", sponsor_status=sponsor_status,
        city=a.release_city.strip() if release_ask else "",
        has_plan=release_ask and bool(a.release_sponsor.strip() or a.release_city.strip()),
    )
    if release.sponsor:
        claims.append(Claim(f"sponsor: {release.sponsor}" + (f", {sponsor_status}" if sponsor_status else ""),
                            f"Sponsor: {release.sponsor}"))
    if release.city:
        claims.append(Claim(f"would live in {release.city}", f"Where they would live: {release.city}"))

    stay_ask = a.ask_code == "stay_of_removal"
    represented = bool(a.has_attorney) and full
    filer = a.i246_filer if stay_ask and a.i246_filer in I246_FILERS else ""
    filing = as_date(a.i246_filing_date) if stay_ask else None
    stay = Stay(
        # the form's name as a letter writes it, without the facts file's edition note
        form=re.sub(r"\s*\(edition[^)]*\)", "", a.stay_form) if stay_ask else "", fee=a.stay_fee if stay_ask else "",
        filer=filer, filer_name=a.i246_filer_name.strip() if filer == "family_member" else "",
        fee_payer=a.i246_fee_payer.strip() if stay_ask else "",
        filing_date=english_date(filing),
        detained_without_counsel=stay_ask and a.detained and not represented and filer == "family_member",
    )
    if filer:
        who = {"person": "the person, in person", "counsel": "the attorney", "family_member": stay.filer_name or "a family member"}[filer]
        claims.append(Claim(f"Form I-246 filed by {who}" + (f" by {stay.filing_date}" if stay.filing_date else ""),
                            f"Who files the I-246: {who}"))
    if stay.fee_payer:
        claims.append(Claim(f"fee paid by {stay.fee_payer}", f"Who pays the fee: {stay.fee_payer}"))

    counsel = Counsel(
        represented=represented, name=a.counsel_name.strip() if represented else "",
        org=a.counsel_org.strip() if represented else "", phone=a.counsel_phone.strip() if represented else "",
        email=a.counsel_email.strip() if represented else "", g28_on_file=represented and a.g28_on_file == "filed",
    )
    if counsel.represented:
        claims.append(Claim("represented by " + (counsel.name or "an attorney"), "Has an immigration attorney: yes"))
    if counsel.g28_on_file:
        claims.append(Claim("Form G-28 on file", "G-28 filed: yes"))

    # the closing: enclosures, cc
    enclosures = ["Privacy waiver" if a.waiver_status == "signed" else "Privacy waiver cover sheet"]
    enclosures.extend(a.exhibit_titles)
    cc = []
    if counsel.represented and counsel.name:
        cc.append(counsel.name + (", " + counsel.org if counsel.org else "") + ", counsel")
    if a.reviewer.strip():
        cc.append(a.reviewer.strip() + (", " + a.reviewer_org.strip() if a.reviewer_org.strip() else "") + ", reviewing attorney")
    side = a.relationship_word if a.user_role == "family" else ""
    return IceLetter(
        date=english_date(today), office_name=a.office_name, full_name=a.full_name, a_number=a_number,
        birth_date=born_on, facility=facility, ask=a.ask_code, also_deferred_action=a.also_deferred_action,
        first_request=a.intake_path == "bare_bones", user_role=a.user_role,
        org=a.signer_org.strip() if a.user_role == "advocate" else "", relationship=side,
        p=p, w=writer_voice(a.user_role), history=history, reasons=reasons, hard=hard, release=release,
        stay=stay, counsel=counsel,
        habeas_flag=release_ask and a.entry_method in ("without_inspection", "unknown", ""),
        waiver_signed=a.waiver_status == "signed", waiver_form=a.waiver_form,
        enclosures=enclosures, cc=cc, claims=claims,
    )


class SignerLines(NamedTuple):
    """The signature under every letter, in English and in Spanish, and the signer's contacts."""

    signer_line: str
    signer_line_es: str
    contact_line: str


def signer_lines(signer_name: str, org: str, person_name: str, side_en: str, side_es: str,
                 phone: str, email: str = "") -> SignerLines:
    """"Ana Ruiz, Casa de la Esperanza" / "Maria Gomez, spouse of Paco Gomez" / "Maria Gomez".

    ``side_en``/``side_es`` are the signer's side of the tie in words ("spouse", "cónyuge de"),
    ``""`` when there is none (an advocate, the person, an "other" relationship).
    """
    base = signer_name + (", " + org if org else "")
    return SignerLines(
        signer_line=base + (", " + side_en + " of " + person_name if side_en else ""),
        signer_line_es=base + (", " + side_es + " " + person_name if side_es else ""),
        contact_line=phone + (" · " + email if email else ""),
    )


def stay_filing_date_problem(filing: Any, today: _dt.date, removal: Any = None) -> str:
    """``"past"`` or ``"after_removal"`` for the day Form I-246 is to be filed, or ``""``: it is
    filed today or later, and before the removal date when there is one."""
    filing, removal = as_date(filing), as_date(removal)
    if filing is None:
        return ""
    if filing < as_date(today):
        return "past"
    if removal is not None and filing > removal:
        return "after_removal"
    return ""
