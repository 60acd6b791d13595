"""The papers that go with the request to ICE, as typed models their templates lay out.

- the letter for elected officials (``officials_letter.docx``): a named office is asked to make
  a congressional inquiry with, or write to, the ICE field office director by a date; it never
  asks the official to grant anything, and carries only what ``disclosure.may_disclose`` lets
  officials see (no date of birth, no address, no private history; the A-number only with its
  own yes);
- the jail's own short request (``jail_request.docx``), for an ICE hold: release at the end of
  criminal custody, or notice, with the state's detainer rule from ``facts.json`` where it has one;
- the privacy-waiver cover sheet (``waiver_cover.docx``): only what ICE needs, and a third party
  who is never the person;
- the family's plan to get the waiver signed, for the family's own checklist.

Python computes here (which facts, which dates, which branch); every sentence is in the DOCX.
The few English words a model needs (relationships) are handed in from the words files.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from .disclosure import may_disclose
from .facts import FACTS_FILE, load_facts
from .factors import years_between
from .relationship import signer_side
from .util import PlainJson, as_date, english_date, english_list

__all__ = [
    "ACT_WITHIN_DAYS", "PUBLIC_REASONS", "THIRD_PARTY_RELATIONS", "WRITER_KINDS",
    "act_by_date",
    "Writer", "writer_of", "OfficialsLetter", "officials_letter_facts",
    "DetainerRule", "detainer_rule", "JailRequest", "jail_request_facts",
    "WaiverCover", "same_name", "waiver_cover_facts", "WaiverPlan", "waiver_plan_facts",
]

#: English month names: the letters go out in English whatever the screens' language.
#: How many days an elected official's office is given to act, by urgency (before the next date).
ACT_WITHIN_DAYS: dict[str, int] = {"hours": 1, "days": 3, "weeks": 14}
#: The positive factors the letter for officials may name: what the public may read about a family
#: (no age, no health, no crime, nothing about a record); the order the letter says them in.
PUBLIC_REASONS: tuple[str, ...] = ("came_as_child", "us_education", "military_service", "primary_caretaker",
                                   "caretaker_of_disabled_or_ill", "community_ties")
#: Who a person writing alone may name on the privacy waiver as the one ICE may talk to.
THIRD_PARTY_RELATIONS: tuple[str, ...] = ("attorney", "advocate", "family", "friend")
#: Who writes a letter: the person; a relative (``relationship`` says what the person is to them);
#: someone close whose tie the documents do not print; an advocate for an organization, or alone.
WRITER_KINDS: tuple[str, ...] = ("person", "relative", "close", "organization", "advocate")
_ROLES = ("person", "family", "advocate")


def act_by_date(today: _dt.date, level: str, upcoming: Iterable[Optional[_dt.date]] = (),
                asked: Optional[_dt.date] = None) -> _dt.date:
    """The date an elected official's office is asked to act by.

    ``asked`` (the family's own date) wins when it is today or later. Otherwise: ``ACT_WITHIN_DAYS``
    after today for the urgency ``level``, and never later than the day before the first of the
    ``upcoming`` dates (removal, check-in, hearing) still to come (today at the earliest). A date
    on a weekend moves to the Friday before, or to the Monday after when Friday has passed and the
    next date allows: offices work Monday to Friday.

    >>> act_by_date(_dt.date(2027, 1, 4), "days")          # a Monday: Thursday
    datetime.date(2027, 1, 7)
    """
    if level not in ACT_WITHIN_DAYS:
        raise ValueError(f"level must be one of {tuple(ACT_WITHIN_DAYS)}, not {level!r}")
    today = as_date(today)
    asked = as_date(asked)
    if asked is not None and asked >= today:
        return asked
    day = today + _dt.timedelta(days=ACT_WITHIN_DAYS[level])
    coming = [d for d in (as_date(d) for d in upcoming) if d is not None and d >= today]
    last = max(today, min(coming) - _dt.timedelta(days=1)) if coming else None
    if last is not None:
        day = min(day, last)
    if day.weekday() >= 5:
        friday = day - _dt.timedelta(days=day.weekday() - 4)
        monday = day + _dt.timedelta(days=7 - day.weekday())
        if friday >= today:
            day = friday
        elif last is None or monday <= last:
            day = monday
    return day


@dataclass(frozen=True)
class Writer(PlainJson):
    """Who writes: ``kind`` is one of ``WRITER_KINDS``; ``relationship`` is the English word for
    what the person is to a relative (``brother``); ``organization`` the advocate's."""

    kind: str
    relationship: str = ""
    organization: str = ""


def writer_of(user_role: str, signer_relationship: str = "", signer_org: str = "",
              relationship_words: Mapping[str, str] | None = None) -> Writer:
    """The writer of a letter from Step 1's role and the signer's answers.

    ``relationship_words`` are the English words of ``signer_relationship`` codes (the words file's
    ``relationship``); ``other`` and an unknown code give ``close``, which prints no relationship.

    >>> writer_of("family", "brother", relationship_words={"brother": "brother"}).relationship
    'brother'
    """
    if user_role not in _ROLES:
        raise ValueError(f"user_role must be one of {_ROLES}, not {user_role!r}")
    if user_role == "person":
        return Writer("person")
    if user_role == "advocate":
        org = (signer_org or "").strip()
        return Writer("organization", organization=org) if org else Writer("advocate")
    word = (relationship_words or {}).get(signer_relationship or "", "")
    return Writer("relative", relationship=word) if word and signer_relationship != "other" else Writer("close")


@dataclass(frozen=True)
class OfficialsLetter(PlainJson):
    """What ``officials_letter.docx`` needs. Dates are English text (``""`` when there is none).

    ``ref`` is the name, with the A-number only when the family agreed; ``office`` and
    ``caseworker`` are ``""`` when not known (the short first request does not ask: the template
    leaves a line to write the office in). ``act_today`` says ``act_by`` is today. ``ask`` is the
    ask's code (``lift_ice_hold``...). ``held_at`` is the facility and its city. ``family`` is the
    list of US citizen and permanent resident relatives in words; ``reasons`` the
    ``PUBLIC_REASONS`` the case has.
    """

    writer: Writer
    person: str
    first_name: str
    ref: str
    office: str
    caseworker: str
    act_by: str
    act_today: bool
    ask: str
    also_deferred_action: bool
    field_office: str
    held_at: str = ""
    hearing: str = ""
    removal: str = ""
    check_in: str = ""
    years_here: int = 0
    since_year: int = 0
    family: str = ""
    reasons: tuple[str, ...] = ()
    first_request: bool = False

    @property
    def has_reasons(self) -> bool:
        """Whether the letter has anything to say about the person's life here."""
        return bool(self.years_here or self.family or self.reasons)


def _coming(day: Any, today: _dt.date) -> str:
    day = as_date(day)
    return english_date(day) if day is not None and day >= today else ""


def officials_letter_facts(*, today: _dt.date, consent: Collection[str], writer: Writer, person: str,
                           first_name: str, a_number: str = "", a_number_ok: bool = False,
                           office: str = "", caseworker: str = "", act_by: Optional[_dt.date] = None,
                           urgency_level: str, ask: str, also_deferred_action: bool = False,
                           field_office: str, facility: str = "", facility_city: str = "",
                           detained: bool = False, removal_date: Optional[_dt.date] = None,
                           check_in_date: Optional[_dt.date] = None, hearing_date: Optional[_dt.date] = None,
                           entry_date: Optional[_dt.date] = None, relatives: Iterable[str] = (),
                           relative_words: Mapping[str, str] | None = None,
                           positives: Iterable[str] = (), first_request: bool = False) -> OfficialsLetter:
    """The letter for elected officials, from the answers; every fact passes ``may_disclose``.

    ``a_number`` is the formatted A-number (``""`` when unknown). ``removal_date``,
    ``check_in_date`` and ``hearing_date`` are the dates that apply to the custody status (None
    otherwise); ``act_by`` is the family's own date, or None to compute it (``act_by_date``).
    ``relatives`` are the ``us_relatives`` codes, worded by ``relative_words``.
    """
    if "officials" not in consent:
        raise ValueError("no letter for officials without the family's consent to share with them")
    today = as_date(today)
    allowed = lambda fact, **kw: may_disclose(fact, "officials", consent, **kw)   # noqa: E731
    number = a_number if a_number and allowed("a_number", a_number_ok=bool(a_number_ok)) else ""
    day = act_by_date(today, urgency_level, (removal_date, check_in_date, hearing_date), act_by)
    dates = allowed("dates")
    held_at = ", ".join(p for p in ((facility or "").strip(), (facility_city or "").strip()) if p)
    entry = as_date(entry_date)
    years = years_between(entry, today) if entry is not None and entry <= today and allowed("dates") else 0
    words = relative_words or {}
    family = [words[code] for code in relatives if code in words] if allowed("family") else []
    reasons = tuple(code for code in PUBLIC_REASONS if code in set(positives)) if allowed("circumstances") else ()
    return OfficialsLetter(
        writer=writer, person=person, first_name=first_name,
        ref=person + (", " + number if number else ""),
        office=(office or "").strip(), caseworker=(caseworker or "").strip(),
        act_by=english_date(day), act_today=day == today,
        ask=ask, also_deferred_action=bool(also_deferred_action), field_office=field_office,
        held_at=held_at if detained and allowed("custody_place") else "",
        hearing=_coming(hearing_date, today) if dates else "",
        removal=_coming(removal_date, today) if dates else "",
        check_in=_coming(check_in_date, today) if dates else "",
        years_here=years if years > 0 else 0, since_year=entry.year if years > 0 else 0,
        family=english_list(family), reasons=reasons, first_request=bool(first_request))


@dataclass(frozen=True)
class DetainerRule(PlainJson):
    """A state's rule on ICE detainers, from ``facts.json`` (``detainer_rule_<STATE>``).

    ``text`` is the rule in one sentence, ``source`` its citation, ``enacted`` the law's year;
    ``jail_may_decline`` is False where state law makes jails honor detainers; ``checked`` is the
    ISO date it was verified, or ``""`` when it was not checked online (``checked_note`` says so).
    """

    state: str
    text: str
    source: str
    enacted: str
    jail_may_decline: bool
    checked: str = ""
    checked_note: str = ""


def detainer_rule(state: str, path=FACTS_FILE) -> Optional[DetainerRule]:
    """The detainer rule of a two-letter ``state`` code, or None when the facts file has none."""
    item = load_facts(path).get(f"detainer_rule_{(state or '').strip().upper()}")
    if item is None:
        return None
    if not isinstance(item.get("jail_may_decline"), bool):
        raise ValueError(f"detainer_rule_{state}: jail_may_decline must be true or false")
    return DetainerRule(state=state.strip().upper(), text=item.value, source=item["source"],
                        enacted=str(item.get("enacted", "")), jail_may_decline=item["jail_may_decline"],
                        checked=item["verified"] or "", checked_note=item.get("verified_note", ""))


@dataclass(frozen=True)
class JailRequest(PlainJson):
    """What ``jail_request.docx`` needs: the sheriff's or jail's ``agency``, the person and where
    they are held, the state's ``rule`` (None when the facts file has none) and whether the request
    may ask the jail to decline the detainer (``may_ask_to_decline``: not where state law forbids
    it), and the detainer's own limit (``hold_limit``, e.g. ``48 hours``)."""

    writer: Writer
    person: str
    first_name: str
    agency: str
    facility: str
    facility_city: str
    state_name: str
    rule: Optional[DetainerRule]
    may_ask_to_decline: bool
    hold_limit: str


def jail_request_facts(*, consent: Collection[str], writer: Writer, person: str, first_name: str, agency: str,
                       facility: str = "", facility_city: str = "", state: str = "", state_name: str = "",
                       hold_limit: str, rule: Optional[DetainerRule] = None) -> JailRequest:
    """The jail's short request. It is sent with the family's consent to share the case with ICE
    (the jail holds the person for ICE); it carries no date of birth, no A-number and no history."""
    if "ice" not in consent:
        raise ValueError("no request to the jail without the family's consent to share the case with ICE")
    return JailRequest(writer=writer, person=person, first_name=first_name, agency=(agency or "").strip(),
                       facility=(facility or "").strip(), facility_city=(facility_city or "").strip(),
                       state_name=state_name, rule=rule,
                       may_ask_to_decline=rule is None or rule.jail_may_decline, hold_limit=hold_limit)


@dataclass(frozen=True)
class WaiverCover(PlainJson):
    """What ``waiver_cover.docx`` needs: whose records (as ICE knows them: the A-number and date of
    birth are ``""`` when unknown or not to be shared), the third party (never the person:
    ``third_party`` is ``""`` then), their relationship to the person in English
    (``third_party_relation``, may be ``""``) and organization, whether the form is signed, and the
    field office to send it to."""

    person: str
    a_number: str
    birth_date: str
    birth_country: str
    third_party: str
    third_party_relation: str
    third_party_org: str
    third_party_phone: str
    third_party_email: str
    signed: bool
    field_office: str


def same_name(one: str, other: str) -> bool:
    """The same name, whatever the case and the spacing.

    >>> same_name(" paco  GÓMEZ", "Paco Gómez")
    True
    """
    return " ".join((one or "").lower().split()) == " ".join((other or "").lower().split())


def waiver_cover_facts(*, consent: Collection[str], writer: Writer, person: str, a_number: str = "",
                       birth_date: Optional[_dt.date] = None, birth_country: str, signer_name: str = "",
                       signer_relationship: str = "", signer_phone: str = "", signer_email: str = "",
                       third_party_name: str = "", third_party_relation: str = "", third_party_phone: str = "",
                       side_words: Mapping[str, str] | None = None, relation_words: Mapping[str, str] | None = None,
                       waiver_status: str, field_office: str) -> WaiverCover:
    """The cover sheet. ICE sees the A-number and date of birth (``may_disclose``).

    The third party is the signer when a relative or an advocate writes: a relative with the
    signer's side of ``signer_relationship`` (``spouse``, worded by ``side_words``), an advocate as
    ``advocate`` with the organization. When the person writes alone it is the one they named
    (``third_party_*``; the relation is a ``THIRD_PARTY_RELATIONS`` code worded by
    ``relation_words``). A third party with the person's own name is left blank: the person
    cannot be their own third party.
    """
    side_words, relation_words = side_words or {}, relation_words or {}
    org = ""
    if writer.kind == "person":
        if third_party_relation and third_party_relation not in THIRD_PARTY_RELATIONS:
            raise ValueError(f"third party relation must be one of {THIRD_PARTY_RELATIONS}, not {third_party_relation!r}")
        name = (third_party_name or "").strip()
        relation = relation_words.get(third_party_relation or "", "")
        phone, email = (third_party_phone or "").strip(), ""
    else:
        name, phone, email = (signer_name or "").strip(), (signer_phone or "").strip(), (signer_email or "").strip()
        if writer.kind == "relative":
            relation = side_words.get(signer_side(signer_relationship), "")
        elif writer.kind in ("organization", "advocate"):
            relation, org = relation_words.get("advocate", ""), writer.organization
        else:
            relation = ""
    if same_name(name, person):
        name, relation, org, phone, email = "", "", "", "", ""
    return WaiverCover(
        person=person,
        a_number=a_number if a_number and may_disclose("a_number", "ice", consent) else "",
        birth_date=english_date(birth_date) if may_disclose("date_of_birth", "ice", consent) else "",
        birth_country=birth_country, third_party=name, third_party_relation=relation, third_party_org=org,
        third_party_phone=phone, third_party_email=email, signed=waiver_status == "signed",
        field_office=field_office)


@dataclass(frozen=True)
class WaiverPlan(PlainJson):
    """The family's plan to get the waiver signed, for their own checklist (never for ICE).

    ``needed``: the case goes to ICE and the waiver is not signed; ``detained``: the form must go
    into detention, by ``how`` (a ``waiver_plan_how`` code), carried by ``who``, by ``by``."""

    needed: bool
    detained: bool = False
    how: str = ""
    who: str = ""
    by: Optional[_dt.date] = None


def waiver_plan_facts(*, consent: Collection[str], waiver_status: str, detained: bool, how: str = "",
                      who: str = "", by: Optional[_dt.date] = None) -> WaiverPlan:
    """The plan, or ``needed=False`` when there is nothing to plan (signed, or no consent for ICE)."""
    if "ice" not in consent or waiver_status == "signed":
        return WaiverPlan(needed=False)
    if not detained:
        return WaiverPlan(needed=True)
    return WaiverPlan(needed=True, detained=True, how=how or "", who=(who or "").strip(), by=as_date(by))
