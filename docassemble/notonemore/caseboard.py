"""The advocate's caseboard: one card per case, sorted by what is due first.

A card is read from a case's answers by name (``client.name.first``, ``custody_status``,
``removal_date``...), the same names whether they come from the running interview (the title
of the case in docassemble's *My interviews*) or from a session the board decrypted with the
signed-in advocate's own key (``interview_list()``). The card holds codes, dates and numbers; the
YAML words them.

So that the board need not decrypt every whole session, each case (while it runs with an account
signed in) keeps its card's facts (``card_facts``: the name, custody status, dates, missing codes and
stage) in docassemble's per-user store (``DAStore('user')``, the ``globalobjectstorage`` table),
encrypted with the account's own key like its sessions, under ``card:<session id>``; it is written
only when it changed, and deleted with the case. Nothing is kept unencrypted.
"""
from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Optional

from .deadlines import DEADLINE_ANSWERS, next_deadline
from .urgency import LEVELS, assess_urgency
from .util import PlainJson, as_date

__all__ = ["ANSWER_NAMES", "STAGES", "NextDate", "CaseCard", "case_card", "answers_of", "sort_cards",
           "board_cards", "own_sessions", "escape_html", "CARD_PREFIX", "card_key", "card_facts",
           "card_of_facts", "stored_board_cards", "session_variables_of", "save_card", "delete_card", "stored_cards"]

#: The answers a card reads, by their names in the interview (docs/answers.md).
ANSWER_NAMES: tuple[str, ...] = (
    "client.name.first", "client.name.middle", "client.name.last", "custody_status", "client_detained",
    "removal_date", "check_in_date", "hearing_date", "transfer_status", "still_missing", "documents_fingerprint",
    "hold_release_at", "i246_filing_date",
)
#: Where a case can be, in the order of the interview: its sections (main.yml), then "documents_made".
STAGES: tuple[str, ...] = ("step1", "step3", "step4", "summary", "documents", "campaign", "documents_made")


@dataclass(frozen=True)
class NextDate(PlainJson):
    """The next date of a case: ``code`` is the kind (``removal``, ``check_in``, ``hearing``),
    ``day`` the date, ``days_left`` the days from today (0 is today)."""

    code: str
    day: _dt.date
    days_left: int


@dataclass(frozen=True)
class CaseCard(PlainJson):
    """One case on the board.

    ``name`` is the person's full name ("" before it is asked); ``custody_status`` a code of
    ``ask.CUSTODY_STATUSES`` or None; ``urgency`` a level of ``urgency.LEVELS`` or None before the
    custody status is known; ``missing`` the case's ``still_missing`` codes (empty before the summary
    works them out); ``stage`` one of ``STAGES``: where the case stopped, or ``documents_made``.
    """

    session: str
    name: str
    custody_status: Optional[str]
    next_date: Optional[NextDate]
    urgency: Optional[str]
    missing: tuple[str, ...]
    stage: str

    @property
    def in_intake(self) -> bool:
        """True while the case has not reached its documents."""
        return self.stage != "documents_made"


def _next_date(answers: Mapping[str, Any], today: _dt.date) -> Optional[NextDate]:
    # the case's own deadlines (deadlines.py): an ICE hold's end counted from the jail's release time,
    # the removal, check-in, hearing and stay-filing dates that apply to the custody status
    deadline = next_deadline(answers, _dt.datetime.combine(today, _dt.time()))
    if deadline is None:
        return None
    return NextDate(code=deadline.code, day=deadline.day, days_left=(deadline.day - today).days)


def _full_name(answers: Mapping[str, Any]) -> str:
    parts = (answers.get(f"client.name.{part}") for part in ("first", "middle", "last"))
    return " ".join(str(part).strip() for part in parts if part and str(part).strip())


def case_card(session: str, answers: Mapping[str, Any], today: _dt.date, section: Optional[str] = None) -> CaseCard:
    """The card of one case from its answers by name; ``section`` is the interview's current
    section (``nav.current``), where a case still in intake stopped.

    >>> case_card("s1", {"client.name.first": "Ana", "client.name.last": "Ruiz"}, _dt.date(2019, 5, 1)).stage
    'step1'
    """
    today = as_date(today)
    status = answers.get("custody_status") or None
    urgency = None
    if status:
        transfer = answers.get("transfer_status")
        urgency = assess_urgency(
            status, today,
            removal_date=as_date(answers.get("removal_date")), check_in_date=as_date(answers.get("check_in_date")),
            hearing_date=as_date(answers.get("hearing_date")), transfer_expected=transfer == "expected",
            transferred=transfer == "happened", detained=bool(answers.get("client_detained"))).level
    if answers.get("documents_fingerprint") is not None:
        stage = "documents_made"
    else:
        stage = section if section in STAGES else "step1"
    return CaseCard(session=session, name=_full_name(answers), custody_status=status,
                    next_date=_next_date(answers, today), urgency=urgency,
                    missing=tuple(answers.get("still_missing") or ()), stage=stage)


def _sort_key(card: CaseCard) -> tuple:
    level = LEVELS.index(card.urgency) if card.urgency in LEVELS else len(LEVELS)
    if card.next_date is not None:
        return (0, card.next_date.day, level, card.name.casefold())
    return (1, level, _dt.date.max, card.name.casefold())


def sort_cards(cards: Iterable[CaseCard]) -> list[CaseCard]:
    """What is due first: dated cases by their next date (the more urgent first on the same day),
    then the cases without a date, the more urgent first; by name within each."""
    return sorted(cards, key=_sort_key)


_MISSING = object()


def _lookup(variables: Mapping[str, Any], name: str) -> Any:
    head, *attributes = name.split(".")
    found = variables.get(head, _MISSING)
    for attribute in attributes:
        if found is _MISSING:
            break
        found = getattr(found, attribute, _MISSING)
    return found


def answers_of(variables: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a card reads (``ANSWER_NAMES``), from a session's variables (docassemble's
    dictionary of a session, or the running interview's); unset ones are left out."""
    out = {}
    for name in ANSWER_NAMES:
        found = _lookup(variables, name)
        if found is not _MISSING:
            out[name] = found
    return out


def escape_html(text: Any) -> str:
    """Text that docassemble shows as HTML unescaped (its list of cases): markup typed in a name stays text."""
    return html.escape(str(text), quote=True)


def _section(variables: Mapping[str, Any]) -> Optional[str]:
    return getattr(variables.get("nav"), "current", None)


def board_cards(sessions: Iterable[Mapping[str, Any]], today: _dt.date) -> list[CaseCard]:
    """The sorted cards of the sessions ``interview_list()`` gives (each with ``session`` and ``dict``)."""
    return sort_cards(case_card(row["session"], answers_of(row["dict"]), today, _section(row["dict"]))
                      for row in sessions if isinstance(row.get("dict"), Mapping))


def own_sessions(filename: str, listing: Callable[..., Any], **options: Any) -> list[dict[str, Any]]:
    """Every session of ``filename`` that ``listing`` (docassemble's ``interview_list``) gives the
    signed-in user, page after page: only theirs, decrypted with their own key (not decrypted with
    ``include_dict=False``)."""
    rows, next_id = [], None
    while True:
        page, next_id = listing(filename=filename, next_id=next_id, **options)
        rows.extend(page)
        if not next_id:
            return rows


#: Up to this many sessions without a card are decrypted one by one; more, in one listing.
ONE_BY_ONE = 5


def session_variables_of(filename: str, sessions: list[str], listing: Callable[..., Any]) -> dict[str, Any]:
    """Some sessions' variables, decrypted with the signed-in user's key (``listing`` is
    docassemble's ``interview_list``): one by one when few, else from one listing of them all."""
    if len(sessions) <= ONE_BY_ONE:
        rows = [row for session in sessions for row in listing(filename=filename, session=session)[0]]
    else:
        rows = own_sessions(filename, listing)
    wanted = set(sessions)
    return {row["session"]: row["dict"] for row in rows
            if row.get("session") in wanted and isinstance(row.get("dict"), Mapping)}


#: The key prefix of a case's card facts in docassemble's per-user store (``DAStore('user')``).
CARD_PREFIX = "card:"


def card_key(session: str) -> str:
    """The key of one case's card facts in the user's store."""
    return CARD_PREFIX + str(session)


def _plain(found: Any, keep_time: bool = False) -> Any:
    if isinstance(found, _dt.datetime):
        return found.replace(tzinfo=None).isoformat() if keep_time else found.date().isoformat()
    if isinstance(found, _dt.date):
        return found.isoformat()
    if isinstance(found, (str, int, float, bool)) or found is None:
        return found
    if isinstance(found, (list, tuple, set)) or hasattr(found, "elements"):
        return [_plain(item) for item in found]
    return str(found)


def card_facts(answers: Mapping[str, Any], section: Optional[str] = None) -> dict[str, Any]:
    """What the board needs of one case, as plain JSON-able values (dates as ISO text): the card's
    inputs (``ANSWER_NAMES`` by name, the fingerprint only as "made") and the section. The board
    words a card from these with today's date, so a stored copy does not go stale.

    >>> card_facts({"client.name.first": "Ana", "documents_fingerprint": "ab12"}, "summary")
    {'client.name.first': 'Ana', 'documents_fingerprint': True, 'section': 'summary'}
    """
    facts: dict[str, Any] = {}
    for name in ANSWER_NAMES:
        if name in answers:
            facts[name] = True if name == "documents_fingerprint" else _plain(answers[name], keep_time=name == "hold_release_at")
    facts["section"] = section if section in STAGES else None
    return facts


def card_of_facts(session: str, facts: Mapping[str, Any], today: _dt.date) -> CaseCard:
    """The card of one case from its stored facts (``card_facts``)."""
    return case_card(session, facts, today, facts.get("section"))


def stored_board_cards(sessions: Iterable[str], read_facts: Callable[[str], Any],
                       read_answers: Callable[[list[str]], Mapping[str, Any]], today: _dt.date) -> list[CaseCard]:
    """The sorted cards of ``sessions`` (ids): each from its stored facts (``read_facts``, None when
    absent); the sessions without are read at once by ``read_answers`` (ids -> {id: variables},
    decrypted; a session gone or unreadable is left out)."""
    cards, missing = [], []
    for session in sessions:
        facts = read_facts(session)
        if isinstance(facts, Mapping):
            cards.append(card_of_facts(session, facts, today))
        else:
            missing.append(session)
    if missing:
        found = read_answers(missing)
        for session in missing:
            variables = found.get(session)
            if isinstance(variables, Mapping):
                cards.append(case_card(session, answers_of(variables), today, _section(variables)))
    return sort_cards(cards)


def save_card(session: str, facts: Mapping[str, Any], last: Any, store: Any = None) -> dict[str, Any]:
    """Write ``facts`` to the user's encrypted store under ``card_key(session)`` unless they equal
    ``last`` (the facts last written); return them, to keep as the new ``last``."""
    facts = dict(facts)
    if facts != last:
        if store is None:
            from docassemble.base.util import DAStore
            store = DAStore(base="user")
        store.set(card_key(session), facts)
    return facts


def stored_cards(sessions: Iterable[str]) -> dict[str, Any]:
    """The card facts of ``sessions`` from the signed-in user's store in one query, each decrypted
    with the user's key as ``DAStore('user').get`` does (``docassemble.webapp.daglobal``); a session
    without a card is left out. ``sessions`` must be all the user's cases: a card whose case is gone
    (deleted from docassemble's *My interviews*, which does not know the cards) is deleted here, so
    no name outlives its case. Runs inside the web app only."""
    from sqlalchemy import delete, select

    from docassemble.base.functions import this_thread
    from docassemble.base.util import DAStore
    from docassemble.webapp.daglobal.models import GlobalObjectStorage
    from docassemble.webapp.extensions import db
    from docassemble.webapp.utils.encryption import decrypt_object, unpack_object

    prefix = DAStore(base="user")._get_base_key() + ":" + CARD_PREFIX
    wanted = {prefix + str(session): str(session) for session in sessions}
    secret = this_thread.current_info.get("secret")
    found: dict[str, Any] = {}
    orphans: list[str] = []
    query = select(GlobalObjectStorage.key, GlobalObjectStorage.value, GlobalObjectStorage.encrypted).where(
        GlobalObjectStorage.key.startswith(prefix, autoescape=True))
    for key, value, encrypted in db.session.execute(query):
        if key not in wanted:
            orphans.append(key)
            continue
        try:
            found[wanted[key]] = decrypt_object(value, secret) if encrypted else unpack_object(value)
        except Exception:   # a card the key cannot open: read the session itself
            continue
    if orphans:
        db.session.execute(delete(GlobalObjectStorage).where(GlobalObjectStorage.key.in_(orphans)))
        db.session.commit()
    return found


def delete_card(session: str, store: Any = None) -> None:
    """Delete one case's card facts from the signed-in user's store (nothing when signed out)."""
    if store is None:
        from docassemble.base.functions import user_logged_in
        if not user_logged_in():
            return
        from docassemble.base.util import DAStore
        store = DAStore(base="user")
    store.delete(card_key(session))
