"""Step 7's public campaign: whether to go public, the petition's strongest facts, its
targets and their CSV, and the checks that keep private facts out of public texts.

The guide: clear low-priority cases may be won by the letter alone, most need public
pressure; the petition leads with the fact people relate to most; the targets are the
decision-makers of Step 4, ICE's national channels, and elected officials who declined to
help when a hard case needs political pressure. Functions return stable codes and plain
data; every sentence a user reads lives in the interview's YAML (so it can be translated).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from .factors import ATTORNEY_RISKS, POSITIVE_CODES
from .util import PlainJson

__all__ = [
    "TITLE_FACTS", "TARGET_ROLES", "Advice", "Target",
    "rank_facts", "advise_going_public", "needs_political_pressure",
    "petition_targets", "targets_csv", "join_words", "fill", "first_fitting",
    "find_private", "scrub_private", "clean_lines",
]

#: Positive factors, the one people relate to most first (story.py turns them into what the
#: petition leads with and its titles).
TITLE_FACTS: tuple[str, ...] = (
    "pregnant_or_nursing", "serious_health_condition", "caretaker_of_disabled_or_ill",
    "citizen_or_lpr_child", "primary_caretaker", "minor", "elderly", "military_service",
    "crime_victim", "came_as_child", "long_presence", "citizen_or_lpr_spouse",
    "citizen_or_lpr_parent", "civil_rights_witness", "community_ties", "us_education",
)
#: Who a petition can target, in the order they are listed.
TARGET_ROLES: tuple[str, ...] = (
    "field_office_director", "local_agency", "elected_official", "ero_information_line", "ero_case_review",
)
#: Risks that make a case "hard": elected officials who declined may become targets.
_HARD_CASE_RISKS = frozenset(ATTORNEY_RISKS)
#: A "clear low-priority" case has at least this many positive factors besides a clean record.
CLEAR_CASE_FACTORS = 2


@dataclass(frozen=True)
class Advice(PlainJson):
    """Whether to go public: ``code`` is ``go_public`` or ``letter_may_be_enough``;
    ``reasons`` are the codes that led there (``urgent``, ``risks``, ``criminal_record_unknown``,
    ``few_factors``, ``clear_case``)."""

    code: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Target(PlainJson):
    """One petition target: ``role`` is one of ``TARGET_ROLES``; ``name`` is the office or
    person as the data or the user gave it; contact details may be blank."""

    role: str
    name: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""


def rank_facts(positives: Iterable[str]) -> list[str]:
    """The positive factors, strongest first (``TITLE_FACTS`` order), the others after them."""
    positives = list(positives)
    unknown = [code for code in positives if code not in POSITIVE_CODES]
    if unknown:
        raise ValueError(f"unknown factors: {unknown}")
    ranked = [code for code in TITLE_FACTS if code in positives]
    return ranked + [code for code in positives if code not in ranked]


def advise_going_public(positives: Iterable[str], risks: Iterable[str], level: str) -> Advice:
    """The guide's reasoning: a clear low-priority case (no risk an attorney must review, no
    criminal record, several positive factors, and weeks to act) may be won by the letter
    alone; every other case most likely needs public pressure.
    """
    positives, risks = set(positives), set(risks)
    reasons = []
    if level in ("hours", "days"):
        reasons.append("urgent")
    if risks & ATTORNEY_RISKS:
        reasons.append("risks")
    if "no_criminal_record" not in positives and not risks & ATTORNEY_RISKS:
        reasons.append("criminal_record_unknown")
    if len(positives - {"no_criminal_record"}) < CLEAR_CASE_FACTORS:
        reasons.append("few_factors")
    if reasons:
        return Advice("go_public", tuple(reasons))
    return Advice("letter_may_be_enough", ("clear_case",))


def needs_political_pressure(risks: Iterable[str]) -> bool:
    """A hard case (criminal history, a past removal, re-entry, fraud, a warrant...) needs
    strong political support: elected officials who declined to help may become targets."""
    return bool(set(risks) & _HARD_CASE_RISKS)


def petition_targets(ask_code: str, *, office_name: str, office_phone: str = "", office_email: str = "",
                     office_web: str = "", local_agency: str = "", local_agency_phone: str = "",
                     local_agency_email: str = "", officials: Sequence[Mapping[str, str]] = (),
                     ero_line: str = "", ero_case_review: str = "") -> list[Target]:
    """The targets of Step 4, then the officials, then ICE's national channels.

    The field office director decides every ask; for an ICE hold the local agency that holds
    the person is a target too (when named). ``officials`` are ``{"name", "phone", "email"}``.
    """
    if ask_code not in ("lift_ice_hold", "release_from_detention", "stay_of_removal", "deferred_action"):
        raise ValueError(f"no petition for ask {ask_code!r}")
    targets = [Target("field_office_director", office_name, office_phone.strip(), office_email.strip(), office_web)]
    if ask_code == "lift_ice_hold" and local_agency.strip():
        targets.append(Target("local_agency", local_agency.strip(), local_agency_phone.strip(), local_agency_email.strip()))
    for official in officials:
        if (official.get("name") or "").strip():
            targets.append(Target("elected_official", official["name"].strip(), (official.get("phone") or "").strip(),
                                  (official.get("email") or "").strip()))
    if ero_line:
        targets.append(Target("ero_information_line", phone=ero_line))
    if ero_case_review:
        targets.append(Target("ero_case_review", web=ero_case_review))
    return targets


_PHONE = re.compile(r"^\+?[\d\s().-]+$")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, -, @ (a formula) gets a quote, phone numbers excepted."""
    value = " ".join(str(value or "").split())
    if value[:1] in ("=", "+", "-", "@") and not _PHONE.match(value):
        return "'" + value
    return value


def targets_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text (UTF-8 with a byte-order mark, so spreadsheets read accents) of ``rows`` under ``headers``."""
    headers = list(headers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(h) for h in headers])
    for row in rows:
        row = list(row)
        if len(row) != len(headers):
            raise ValueError(f"a row has {len(row)} cells for {len(headers)} columns")
        writer.writerow([_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def join_words(items: Sequence[str], last: str, sep: str = ", ") -> str:
    """``a, b<last>c``: ``last`` is the language's "and" with its spaces (" and ", " y ")."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return sep.join(items[:-1]) + last + items[-1]


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with ``{name}`` fields filled from ``values``; spaces tidied, empty lines kept single.

    Values are inserted as they are: braces in a value are not read as fields.
    """
    text = template.format_map(dict(values))
    lines = [" ".join(line.split()).replace(" .", ".").replace(" ,", ",").replace(" :", ":") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def first_fitting(texts: Sequence[str], limit: int) -> str:
    """The first text of at most ``limit`` characters (a text message is 160), else the shortest."""
    for text in texts:
        if len(text) <= limit:
            return text
    return min(texts, key=len)


def _patterns(literals: Iterable[str], numbers: Iterable[str]) -> list[re.Pattern]:
    found = []
    for literal in literals:
        words = (literal or "").split()
        if words:
            found.append(re.compile(r"\s+".join(map(re.escape, words)), re.I))
    for number in numbers:
        digits = re.sub(r"\D", "", number or "").lstrip("0")
        if len(digits) >= 6:  # with or without leading zeros, with any one or two separators between digits
            found.append(re.compile(r"(?<!\d)(?:\b[Aa][\s#:.-]{0,2})?(?:0\D{0,2})*" + r"\D{0,2}".join(digits) + r"(?!\d)"))
    return found


def find_private(text: str, literals: Iterable[str] = (), numbers: Iterable[str] = ()) -> list[str]:
    """The private facts found in ``text``: each ``literal`` (any case and spacing) and each
    ``number`` (its digits, with or without separators) that occurs, as written in ``text``."""
    return [m.group(0) for p in _patterns(literals, numbers) for m in [p.search(text or "")] if m]


def scrub_private(text: str, mark: str, literals: Iterable[str] = (), numbers: Iterable[str] = ()) -> str:
    """``text`` with every private fact of ``find_private`` replaced by ``mark``."""
    for pattern in _patterns(literals, numbers):
        text = pattern.sub(mark, text or "")
    return text or ""


def clean_lines(text: str, mark: str, literals: Iterable[str] = (), numbers: Iterable[str] = ()) -> list[str]:
    """The non-empty lines of ``text``, stripped, each private fact replaced by ``mark``."""
    return [line.strip() for line in scrub_private(text, mark, literals, numbers).split("\n") if line.strip()]
