"""The mark every document carries: DRAFT, or the attorney's review that lifted it.

The review record (``attorney_review``, a plain dict: review_share.py's docstring and the shared
design) comes from one of two places:

- ``source: "app"``: an attorney account decided in the app; the record is signed (HMAC) and counts
  only when ``review_share.verify_record`` says so. A record that fails (set through the API, or
  changed after signing) counts as none and ``ignored`` is True, so the home screen can say so.
- ``source: "reported"``: the advocate recorded a review made outside the app; it counts, but every
  document and the review sheet say who reported it.

An approval holds while the case's fingerprinted parts (passages, private-history details, the ask,
custody, the signer) are what was reviewed; a change reopens it: the mark is DRAFT again and
``changed`` names the parts (codes; the screens word them in the session's language).

This module computes values only; the sentences are in the DOCX templates and the words files.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .review_share import changed_parts, verify_record
from .util import PlainJson, as_date, english_date

__all__ = ["KINDS", "ReviewMark", "current_mark", "reported_record"]

#: What a document's mark can be.
KINDS: tuple[str, ...] = ("draft", "app", "reported")


@dataclass(frozen=True)
class ReviewMark(PlainJson):
    """What the documents print in place of the DRAFT mark, and what the home screen says.

    kind: "draft" (no valid approval of the case as it is now), "app" (an attorney approved it in the
    app) or "reported" (the advocate reported an outside attorney's approval).
    state: the record's own state ("", "changes_requested" or "approved"), for the home screen.
    changed: the part codes that changed since an approval (then kind is "draft").
    ignored: a record claimed to come from the app but its signature did not verify.
    """
    kind: str = "draft"
    attorney_name: str = ""
    bar_number: str = ""
    reported_by: str = ""
    on: Optional[_dt.date] = None
    state: str = ""
    note: str = ""
    changed: list[str] = field(default_factory=list)
    ignored: bool = False

    @property
    def draft(self) -> bool:
        """The documents say DRAFT."""
        return self.kind == "draft"

    @property
    def on_en(self) -> str:
        """The review's date as the English documents print it ("December 3, 2026")."""
        return english_date(self.on)

    @property
    def reopened(self) -> bool:
        """An approval that no longer holds because the case changed since."""
        return self.state == "approved" and bool(self.changed)


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return str(value).strip() if value is not None else ""


def current_mark(record: Any, fingerprint_now: Optional[Mapping[str, str]], *,
                secret: Optional[str] = None) -> ReviewMark:
    """The mark for the case as it is now.

    record: the ``attorney_review`` record, or None when there is none.
    fingerprint_now: ``review_share.fingerprint`` of the case's parts as they are now.
    secret: the server's secret (None reads docassemble's config; tests pass one).
    """
    if not isinstance(record, Mapping) or not record:
        return ReviewMark()
    source = record.get("source")
    if source not in ("app", "reported") or (source == "app" and not verify_record(record, secret)):
        return ReviewMark(ignored=True)
    state = _text(record, "state")
    who = dict(attorney_name=_text(record, "attorney_name"), bar_number=_text(record, "bar_number"),
               reported_by=_text(record, "reported_by") if source == "reported" else "",
               on=as_date(record.get("decided_on")), state=state, note=_text(record, "note"))
    if state != "approved":
        return ReviewMark(**who)
    reviewed = record.get("fingerprint")
    changed = changed_parts(reviewed if isinstance(reviewed, Mapping) else {}, fingerprint_now or {})
    if changed:
        return ReviewMark(changed=changed, **who)
    return ReviewMark(kind=source, **who)


def reported_record(*, attorney_name: str, bar_number: str, decided_on: Any, reported_by: str,
                    may_tell_ice: Mapping[str, bool], fingerprint_now: Mapping[str, str],
                    now: _dt.datetime) -> dict:
    """The record of a review an attorney made outside the app, as the advocate reported it: the same
    shape as the app's (review_share.py), ``source`` "reported", no signature. Its fingerprint is the
    case's as it is when reported, so a later change reopens it as it would an app approval."""
    day = as_date(decided_on)
    return {"source": "reported", "state": "approved", "attorney_name": (attorney_name or "").strip(),
            "bar_number": (bar_number or "").strip(), "attorney_user_id": None,
            "reported_by": (reported_by or "").strip(), "decided_on": day.isoformat() if day else "",
            "decided_at": now.replace(microsecond=0).isoformat(),
            "may_tell_ice": {str(code): bool(ok) for code, ok in may_tell_ice.items()}, "passages": {},
            "note": "", "fingerprint": dict(fingerprint_now), "review_id": "", "signature": ""}
