"""The attorney's review, shared between a case's session and an attorney account.

A second account cannot open an encrypted session, and docassemble's ``multi_user`` stores a case
unencrypted; so the case is never shared. When the family consents and asks for a review, the case's
own session writes a **packet** (only what the review needs) to docassemble's server-side store
(``server_sql_set``), encrypted here with a key derived from the server's secret and the review's
random id. The attorney's interview reads it and writes its **decision** into it, signed (HMAC) by code
that has just checked the ``attorney`` privilege; the case's session takes the decision back into its
own encrypted answers and deletes the packet (``take_decision``), or deletes it when the consent is
withdrawn (``withdraw``). A packet or record that fails to decrypt or verify is treated as absent.

The store is reached through a small seam (``Store``) so the unit tests need no server.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import json
import logging
import secrets as _secrets
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Protocol

from .util import PlainJson, as_date

__all__ = ["PARTS_FIXED", "STATES", "PACKET_PREFIX", "ROSTER_PREFIX", "Store", "MemoryStore", "ServerStore",
           "QueueItem", "sign_record", "verify_record", "fingerprint", "changed_parts", "new_review_id",
           "encrypt_packet", "decrypt_packet", "request_review", "read_packet", "review_state", "queue_for",
           "open_review", "decide", "take_decision", "withdraw", "register_attorney", "attorney_profile",
           "attorneys", "NotAllowed", "REVIEW_GROUPS", "shared_files", "grant_files", "revoke_files", "end_review", "decision_answers"]

log = logging.getLogger(__name__)

#: A review's states, in order.
STATES: tuple[str, ...] = ("requested", "in_review", "changes_requested", "approved")
#: The fingerprinted parts besides each passage and each private-history code.
PARTS_FIXED: tuple[str, ...] = ("ask", "custody", "signer")


def _server_secret(secret: Optional[str]) -> bytes:
    if secret is None:
        from docassemble.base.config import daconfig
        secret = daconfig.get("secretkey") or ""
    if not secret:
        raise ValueError("no secret key to sign or encrypt with")
    return secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _record_key(secret: Optional[str]) -> bytes:
    return hashlib.sha256(b"notonemore-record\0" + _server_secret(secret)).digest()


def _signature(record: Mapping[str, Any], secret: Optional[str]) -> str:
    body = {key: value for key, value in record.items() if key != "signature"}
    return hmac.new(_record_key(secret), _canonical(body), hashlib.sha256).hexdigest()


def sign_record(record: Mapping[str, Any], secret: Optional[str] = None) -> dict:
    """A copy of the review ``record`` (a plain dict) with its ``signature``: HMAC-SHA256 over the
    canonical JSON of the record without ``signature``, keyed by the server's secret. Only the
    attorney's interview, just after checking the ``attorney`` privilege, calls this."""
    signed = {key: value for key, value in record.items() if key != "signature"}
    signed["signature"] = _signature(signed, secret)
    return signed


def verify_record(record: Any, secret: Optional[str] = None) -> bool:
    """True when ``record`` is a dict from the app (``source`` "app") whose signature matches.

    A record set by hand (through ``/api/session``) or changed after signing is False; so is any
    value that is not a dict, and a record whose values are not JSON."""
    if not isinstance(record, Mapping):
        return False
    given = record.get("signature")
    if not isinstance(given, str) or not given or record.get("source") != "app":
        return False
    try:
        expected = _signature(record, secret)
    except (TypeError, ValueError):
        return False
    return hmac.compare_digest(given, expected)


def _digest(text: Any) -> str:
    return hashlib.sha256(("" if text is None else str(text)).encode("utf-8")).hexdigest()


def fingerprint(parts: Mapping[str, Any]) -> dict[str, str]:
    """Each part's text as a SHA-256 hex digest: ``{"passage_name": "…", "arrest_1": "…", "ask": …}``.
    A missing or None part hashes as the empty text."""
    return {str(name): _digest(text) for name, text in parts.items()}


def changed_parts(old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    """The names of the parts whose digest differs between two fingerprints, one that is only in one
    of them included; sorted, so the list is stable."""
    names = set(old or {}) | set(new or {})
    return sorted(name for name in names if (old or {}).get(name) != (new or {}).get(name))


# -- the store ---------------------------------------------------------------------------------------

#: Store keys: a review's packet, and an attorney's roster entry (professional facts, kept plain).
PACKET_PREFIX = "notonemore:review:"
ROSTER_PREFIX = "notonemore:attorney:"


class Store(Protocol):
    """Where packets and the roster live: text values by key."""

    def get(self, key: str) -> Optional[str]: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...
    def keys(self, prefix: str) -> list[str]: ...


class MemoryStore(dict):
    """A store in memory, for the unit tests."""

    def get(self, key, default=None):
        return super().get(key, default)

    def set(self, key: str, value: str) -> None:
        self[key] = value

    def delete(self, key: str) -> None:
        self.pop(key, None)

    def keys(self, prefix: str = "") -> list[str]:  # type: ignore[override]
        return [key[len(prefix):] for key in list(super().keys()) if key.startswith(prefix)]


class ServerStore:
    """docassemble's server-side store (the ``globalobjectstorage`` table), unencrypted by docassemble:
    packets are already encrypted here, and the roster holds only professional facts."""

    def get(self, key: str) -> Optional[str]:
        from docassemble.base.hooks import server_sql_get
        value = server_sql_get(key)
        return value if isinstance(value, str) else None

    def set(self, key: str, value: str) -> None:
        from docassemble.base.hooks import server_sql_set
        server_sql_set(key, value, encrypted=False)

    def delete(self, key: str) -> None:
        from docassemble.base.hooks import server_sql_delete
        server_sql_delete(key)

    def keys(self, prefix: str) -> list[str]:
        from docassemble.base.hooks import server_sql_keys
        return sorted(server_sql_keys(prefix))


def _store(store: Optional[Store]) -> Store:
    return ServerStore() if store is None else store


class NotAllowed(PermissionError):
    """A write was asked by code that had not checked the ``attorney`` privilege, or for a review that
    is not this attorney's."""


def _require(is_attorney: bool) -> None:
    if is_attorney is not True:
        raise NotAllowed("only an attorney account may do this")


# -- the packet ---------------------------------------------------------------------------------------

def new_review_id() -> str:
    """A random review id (URL-safe, 128 bits)."""
    return _secrets.token_urlsafe(16)


def _fernet(review_id: str, secret: Optional[str]):
    from cryptography.fernet import Fernet
    raw = hashlib.sha256(b"notonemore-review\0" + _server_secret(secret) + review_id.encode("utf-8")).digest()
    return Fernet(base64.urlsafe_b64encode(raw))


def encrypt_packet(packet: Mapping[str, Any], secret: Optional[str] = None) -> str:
    """The packet as a Fernet token, keyed by the server's secret and the packet's ``review_id``."""
    return _fernet(packet["review_id"], secret).encrypt(_canonical(dict(packet))).decode("ascii")


def decrypt_packet(token: Optional[str], review_id: str, secret: Optional[str] = None) -> Optional[dict]:
    """The packet of ``review_id`` from its token; None (and a log line) when it does not decrypt, is
    not a dict, or names another review."""
    if not token:
        return None
    try:
        from cryptography.fernet import InvalidToken
        try:
            packet = json.loads(_fernet(review_id, secret).decrypt(token.encode("ascii")))
        except InvalidToken:
            packet = None
    except (ValueError, TypeError, UnicodeError):
        packet = None
    if not isinstance(packet, dict) or packet.get("review_id") != review_id:
        log.warning("notonemore: review packet %s did not decrypt; treated as absent", review_id)
        return None
    return packet


def _write(packet: Mapping[str, Any], store: Store, secret: Optional[str]) -> None:
    store.set(PACKET_PREFIX + packet["review_id"], encrypt_packet(packet, secret))


def read_packet(review_id: str, store: Optional[Store] = None, secret: Optional[str] = None) -> Optional[dict]:
    """The packet of ``review_id``, or None when there is none (or it does not decrypt). A decision in
    it that does not verify is dropped (logged), so the packet reads as not decided."""
    if not review_id:
        return None
    packet = decrypt_packet(_store(store).get(PACKET_PREFIX + review_id), review_id, secret)
    if packet is not None and "decision" in packet and not verify_record(packet["decision"], secret):
        log.warning("notonemore: the decision in review %s does not verify; ignored", review_id)
        packet.pop("decision")
        if packet.get("state") in ("changes_requested", "approved"):
            packet["state"] = "in_review"
    return packet


def request_review(*, attorney_user_id: int, requested_by: str, case: Mapping[str, Any], files: list,
                   facts: list, passages: Mapping[str, str], parts: Mapping[str, Any], now: _dt.datetime,
                   store: Optional[Store] = None, secret: Optional[str] = None,
                   review_id: Optional[str] = None) -> str:
    """Write a new packet for ``attorney_user_id`` (state ``requested``) and return its review id.

    ``case`` holds ``name``, ``ask``, ``deadline`` (ISO date or None), ``deadline_code`` and
    ``field_office``; ``files`` [{name, number, filename}]; ``facts`` [{code, words, details}];
    ``passages`` {name: text as it will print}; ``parts`` the texts fingerprinted (``fingerprint``)."""
    review_id = review_id or new_review_id()
    packet = {"review_id": review_id, "state": "requested", "attorney_user_id": int(attorney_user_id),
              "requested_by": requested_by, "requested_at": now.isoformat(timespec="seconds"),
              "case": dict(case), "files": [dict(item) for item in files], "facts": [dict(item) for item in facts],
              "passages": dict(passages), "fingerprint": fingerprint(parts)}
    _write(json.loads(_canonical(packet)), _store(store), secret)
    return review_id


def review_state(review_id: Optional[str], store: Optional[Store] = None, secret: Optional[str] = None) -> Optional[str]:
    """The state of a review as the case sees it (one of ``STATES``), or None when there is no packet."""
    packet = read_packet(review_id or "", store, secret)
    return None if packet is None else packet.get("state")


@dataclass(frozen=True)
class QueueItem(PlainJson):
    """One case in an attorney's queue: ``deadline_code`` is ``deadlines``' code of the next deadline
    (None without one), ``days_left`` from today."""

    review_id: str
    name: str
    ask: str
    deadline: Optional[_dt.date]
    deadline_code: Optional[str]
    days_left: Optional[int]
    state: str
    requested_by: str


def queue_for(attorney_user_id: int, today: _dt.date, store: Optional[Store] = None,
              secret: Optional[str] = None) -> list[QueueItem]:
    """The reviews shared with ``attorney_user_id``, nearest deadline first (those without one last),
    then by name. A packet that does not decrypt is left out."""
    store = _store(store)
    items = []
    for review_id in store.keys(PACKET_PREFIX):
        packet = read_packet(review_id, store, secret)
        if packet is None or packet.get("attorney_user_id") != int(attorney_user_id):
            continue
        case = packet.get("case") or {}
        day = as_date(case.get("deadline"))
        items.append(QueueItem(review_id=review_id, name=str(case.get("name") or ""), ask=str(case.get("ask") or ""),
                               deadline=day, deadline_code=case.get("deadline_code") if day else None,
                               days_left=(day - today).days if day else None, state=str(packet.get("state")),
                               requested_by=str(packet.get("requested_by") or "")))
    return sorted(items, key=lambda item: (item.deadline is None, item.deadline or _dt.date.max, item.name.casefold()))


def _own_packet(review_id: str, attorney_user_id: int, store: Store, secret: Optional[str]) -> Optional[dict]:
    packet = read_packet(review_id, store, secret)
    if packet is None or packet.get("attorney_user_id") != int(attorney_user_id):
        return None
    return packet


def open_review(review_id: str, attorney_user_id: int, is_attorney: bool, store: Optional[Store] = None,
                secret: Optional[str] = None) -> Optional[dict]:
    """The packet for the attorney to review, moved from ``requested`` to ``in_review``; None when it
    is gone (consent withdrawn, decision taken) or is another attorney's. ``is_attorney`` is the
    caller's check of the privilege, just made; without it nothing is read."""
    _require(is_attorney)
    store = _store(store)
    packet = _own_packet(review_id, attorney_user_id, store, secret)
    if packet is not None and packet.get("state") == "requested":
        packet["state"] = "in_review"
        _write(packet, store, secret)
    return packet


def decide(review_id: str, *, attorney_user_id: int, is_attorney: bool, profile: Mapping[str, str], approve: bool,
           may_tell_ice: Mapping[str, bool], passages: Mapping[str, str], note: str, now: _dt.datetime,
           store: Optional[Store] = None, secret: Optional[str] = None) -> Optional[dict]:
    """Record the attorney's decision in the packet, signed, and return the record (None when the packet
    is gone or is not this attorney's, or was decided already). Sending back needs a note.

    ``profile`` is the attorney's roster entry (``name``, ``bar_number``, ``bar_state``, ``organization``);
    ``may_tell_ice`` is kept for the packet's facts only, ``passages`` for its passages only."""
    _require(is_attorney)
    if not approve and not (note or "").strip():
        raise ValueError("sending a case back needs a note")
    store = _store(store)
    packet = _own_packet(review_id, attorney_user_id, store, secret)
    if packet is None or packet.get("state") not in ("requested", "in_review"):
        return None
    codes = [fact.get("code") for fact in packet.get("facts") or ()]
    bar = " ".join(part for part in (str(profile.get("bar_state") or "").strip(),
                                     str(profile.get("bar_number") or "").strip()) if part)
    record = {"source": "app", "state": "approved" if approve else "changes_requested",
              "attorney_name": str(profile.get("name") or "").strip(), "bar_number": bar,
              "attorney_user_id": int(attorney_user_id), "reported_by": "",
              "decided_on": now.date().isoformat(), "decided_at": now.isoformat(timespec="seconds"),
              "may_tell_ice": {code: bool(may_tell_ice.get(code)) for code in codes},
              "passages": {name: str(text if passages.get(name) is None else passages[name])
                           for name, text in (packet.get("passages") or {}).items()},
              "note": (note or "").strip(),
              # what was reviewed: the case's parts as sent, each passage as the attorney left it
              "fingerprint": dict(packet.get("fingerprint") or {}),
              "review_id": review_id}
    record["fingerprint"].update(fingerprint(record["passages"]))
    record = sign_record(record, secret)
    packet["decision"] = record
    packet["state"] = record["state"]
    _write(packet, store, secret)
    return record


def take_decision(review_id: Optional[str], store: Optional[Store] = None,
                  secret: Optional[str] = None) -> Optional[dict]:
    """For the case's session: the signed decision, once there is one, and the packet deleted; None
    while the attorney has not decided (or the packet is gone)."""
    if not review_id:
        return None
    store = _store(store)
    packet = read_packet(review_id, store, secret)
    if packet is None or "decision" not in packet:
        return None
    store.delete(PACKET_PREFIX + review_id)
    return packet["decision"]


def withdraw(review_id: Optional[str], store: Optional[Store] = None) -> None:
    """Delete the packet (consent withdrawn, or a new request replaces it); the case revokes the files."""
    if review_id:
        _store(store).delete(PACKET_PREFIX + review_id)


# -- the roster ---------------------------------------------------------------------------------------

_PROFILE_FIELDS = ("name", "bar_number", "bar_state", "organization", "email")


def register_attorney(user_id: int, profile: Mapping[str, str], is_attorney: bool,
                      store: Optional[Store] = None) -> dict:
    """Add or update an attorney account's roster entry (professional facts only) and return it."""
    _require(is_attorney)
    entry = {field: str(profile.get(field) or "").strip() for field in _PROFILE_FIELDS}
    entry["user_id"] = int(user_id)
    _store(store).set(ROSTER_PREFIX + str(int(user_id)), json.dumps(entry, sort_keys=True))
    return entry


def attorney_profile(user_id: int, store: Optional[Store] = None) -> Optional[dict]:
    """The roster entry of ``user_id``, or None."""
    raw = _store(store).get(ROSTER_PREFIX + str(int(user_id)))
    try:
        entry = json.loads(raw) if raw else None
    except ValueError:
        entry = None
    return entry if isinstance(entry, dict) and entry.get("name") else None


def attorneys(store: Optional[Store] = None) -> list[dict]:
    """Every attorney on the roster, by name."""
    store = _store(store)
    found = []
    for key in store.keys(ROSTER_PREFIX):
        if key.isdigit():
            entry = attorney_profile(int(key), store)
            if entry is not None:
                found.append(entry)
    return sorted(found, key=lambda entry: (entry["name"].casefold(), entry["user_id"]))


# -- the files ------------------------------------------------------------------------------------------

#: The documents' groups (documents.py) an attorney reviews: what would go out, and the review sheet.
REVIEW_GROUPS: tuple[str, ...] = ("ice", "jail", "officials", "attorney", "campaign")


def shared_files(documents: Any) -> tuple[list[dict], list[int]]:
    """The packet's files from the case's assembled documents (those of ``REVIEW_GROUPS``): one entry a
    document, ``{name, number, filename, url}`` of the file to open first (its PDF, else its DOCX), and
    every file number of those documents (each format), to grant and later revoke."""
    from .documents import documents_by_group
    from .pdfs import download_files
    entries: list[dict] = []
    numbers: list[int] = []
    for group, docs in documents_by_group(documents):
        if group not in REVIEW_GROUPS:
            continue
        for doc in docs:
            files = [(fmt, the_file) for fmt, the_file in download_files(doc) if getattr(the_file, "number", None) is not None]
            if not files:
                continue
            first = files[0][1]
            entries.append({"name": str(doc.info["name"]), "number": int(first.number),
                            "filename": str(getattr(first, "filename", "")), "url": first.url_for()})
            numbers += [int(the_file.number) for _, the_file in files if int(the_file.number) not in numbers]
    return entries, numbers


def _file_access(access: Optional[Any]):
    if access is not None:
        return access
    from docassemble.base.hooks import file_user_access
    return file_user_access


def grant_files(numbers: list, user_id: int, access: Optional[Any] = None) -> None:
    """Let the attorney's account open the case's files (docassemble's per-file user access)."""
    for number in numbers or ():
        _file_access(access)(int(number), allow_user_id=[int(user_id)])


def revoke_files(numbers: list, user_id: Optional[int], access: Optional[Any] = None) -> None:
    """Take that access back (the review ended, or the consent was withdrawn)."""
    if user_id is None:
        return
    for number in numbers or ():
        _file_access(access)(int(number), disallow_user_id=[int(user_id)])


def end_review(review_id: Optional[str], file_numbers: list, attorney_user_id: Optional[int],
               store: Optional[Store] = None, access: Optional[Any] = None) -> None:
    """The review is over for the case (decision taken, consent withdrawn, a new request): its packet is
    deleted and the attorney's access to its files taken back."""
    if review_id:
        withdraw(review_id, store)
        revoke_files(file_numbers, attorney_user_id, access)


def decision_answers(record: Mapping[str, Any]) -> dict[str, Any]:
    """The case's answers an attorney's decision sets, by name: each passage as the attorney left it
    (``<name>_reviewed``; "" leaves it out), and on an approval that clears anything, what ICE may be told
    (``cleared_disclosures``) with who cleared it and when (``attorney_cleared``, ``attorney_reviewer``,
    ``attorney_reviewer_org``, ``attorney_review_date`` as an ISO date)."""
    answers: dict[str, Any] = {f"{name}_reviewed": str(text) for name, text in (record.get("passages") or {}).items()}
    cleared = {str(code): bool(ok) for code, ok in (record.get("may_tell_ice") or {}).items()}
    if record.get("state") == "approved" and cleared:
        answers.update({"cleared_disclosures": cleared, "attorney_cleared": True,
                        "attorney_reviewer": str(record.get("attorney_name") or ""),
                        "attorney_reviewer_org": str(record.get("bar_number") or ""),
                        "attorney_review_date": str(record.get("decided_on") or "")})
    return answers
