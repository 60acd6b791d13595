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
from typing import Any, Mapping, Optional

__all__ = ["PARTS_FIXED", "STATES", "sign_record", "verify_record", "fingerprint", "changed_parts"]

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
