"""Small conversions the interview needs between docassemble's values and the logic modules."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Optional

__all__ = ["PlainJson", "answers_fingerprint", "as_date", "defuse_ooxml", "english_date", "english_list", "in_english", "plain_json", "true_keys",
           "upload_path"]


def plain_json(value: Any) -> Any:
    """``value`` as JSON's own types: tuples, lists and sets become lists, dates ISO strings,
    the modules' dataclasses dicts of their fields; strings, numbers, booleans and None stay."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain_json(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): plain_json(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain_json(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    raise TypeError(f"no plain JSON for {type(value).__name__}")


class PlainJson:
    """For the modules' dataclasses that the interview keeps as answers (``ask``, ``urgency``...).

    docassemble turns a session's variables into JSON (``GET /api/session``, ``all_variables``)
    with ``safe_json``, which gives ``null`` for an object it does not know, but calls the
    object's ``as_dict()`` when it has one; this is that method: the fields, as plain JSON.
    """

    def as_dict(self) -> dict[str, Any]:
        result = plain_json(self)
        assert isinstance(result, dict), "PlainJson is for dataclasses"
        return result


def as_date(value: Any) -> Optional[_dt.date]:
    """A plain ``date`` from a docassemble date (DADateTime), a datetime, a date, an ISO string, or None.

    Blank answers ('' or None) give None, so optional date fields can be passed straight through.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _dt.date.fromisoformat(value.strip()[:10])
    raise TypeError(f"not a date: {value!r}")


MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")


def english_date(value: Any) -> str:
    """A date as every document to ICE, officials or the attorney prints it, "December 3, 2026",
    whatever the screens' language; ``""`` for none. Takes what ``as_date`` takes.

    >>> english_date(_dt.date(2026, 12, 3))
    'December 3, 2026'
    """
    day = as_date(value)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if day else ""


def english_list(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c": the documents' house style has no serial comma; blanks are left out."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def true_keys(answers: Any) -> list[str]:
    """The checked codes of a checkboxes answer: a DADict from the form, or a plain dict from the REST API."""
    if not answers:
        return []
    return [key for key, checked in answers.items() if checked]


def upload_path(upload: Any) -> Optional[str]:
    """The file path of an upload: a DAFileList from a form (its first file) or a single DAFile; None if empty."""
    if upload is None:
        return None
    try:
        first = upload[0]
    except TypeError:          # a single file, not a list
        return upload.path()
    except IndexError:         # an empty list: nothing arrived
        return None
    return first.path()


def _is_template(value: Any) -> bool:
    """A docassemble ``template`` block (made when a screen shows it): text from the answers, not an answer."""
    return isinstance(value, Mapping) and str(value.get("_class", "")).endswith("DALazyTemplate")


#: what docassemble's DAFile.retrieve() adds to a stored file the first time it is read (an upload put into the
#: package when its PDF is first downloaded): not an answer
_READ_FILE_KEYS = frozenset({"file_info", "persistent", "private"})


def _settled(value: Any) -> Any:
    """A simplified answer without what reading a stored file adds to it."""
    if isinstance(value, Mapping):
        is_file = str(value.get("_class", "")).endswith(".DAFile")
        return {key: _settled(item) for key, item in value.items() if not (is_file and key in _READ_FILE_KEYS)}
    if isinstance(value, list):
        return [_settled(item) for item in value]
    return value


def answers_fingerprint(variables: Mapping[str, Any], leave_out: Iterable[str] = (), *, day: Optional[_dt.date] = None) -> str:
    """A short hash of the answers (docassemble's ``all_variables(simplify=True)``) and the day.

    Documents are assembled again only when it changes. ``leave_out`` names the variables the
    documents themselves define (and docassemble's own ``nav``), so building them does not change it;
    names starting with ``_`` and templates (which screens make as they show) are always left out.
    """
    skip = set(leave_out)
    kept = {name: _settled(value) for name, value in variables.items()
            if name not in skip and not name.startswith("_") and not _is_template(value)}
    text = json.dumps([str(day or _dt.date.today()), kept], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def defuse_ooxml(text: Any) -> Any:
    """Typed text that looks like Word's XML (``</w:t>``, ``<w:r>``) made plain again.

    docassemble inserts a value into a DOCX unescaped when it contains ``<w:r>`` or ``</w:t>``
    (so code can add raw runs); a person or an intake system typing that would break the document.
    A zero-width space after ``<`` keeps the text as typed and lets it be escaped like any other.
    Anything that is not a string is returned as it is.
    """
    if not isinstance(text, str) or "<" not in text:
        return text
    return text.replace("</w:", "<\u200b/w:").replace("<w:", "<\u200bw:")


@contextmanager
def in_english() -> Iterator[None]:
    """docassemble's dates, lists and words in English for a while, whatever the screens' language.

    For the sentences of the documents that go out in English (to ICE, to officials, to the
    attorney). The language is put back even when the block stops early: docassemble asks for
    an undefined name by raising an exception out of the block.
    """
    from docassemble.base.functions import get_language, set_language
    before = get_language()
    set_language('en')
    try:
        yield
    finally:
        set_language(before)
