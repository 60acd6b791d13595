"""A generic answerer for any docassemble interview's REST API screens.

Used to walk docassemble.demo's interview for comparison: it picks the first choice,
fills text, number and date fields with plausible values and presses Continue. It knows
nothing of the interview; a screen it cannot answer (a file, a signature, an end) stops it.
"""
from __future__ import annotations

import re
from typing import Any

TEXT = {"email": "sam@example.com", "number": 3, "integer": 3, "currency": 1200, "float": 2.5, "range": 5,
        "date": "2000-01-15", "datetime": "2000-01-15T10:00:00", "time": "10:00:00", "password": "Secret-123"}
CANNOT = {"file", "files", "camera", "user", "environment", "camcorder", "microphone", "signature",
          "object", "object_radio", "object_multiselect", "object_checkboxes"}   # an object can't be sent as JSON


def _generic(name: str) -> str:
    """A pattern for a generic variable name: 'x.name.first' or 'child[i].age' matched against real names."""
    pattern = re.escape(name)
    pattern = re.sub(r"^x(?=\\\.|\\\[)", r"(?P<x>.+?)", pattern)
    return "^" + re.sub(r"\\\[([ijklmn])\\\]", r"\\[(?P<\1>[^\\]]+)\\]", pattern) + "$"


def resolve(names: list[str], sought: list[str]) -> dict[str, str]:
    """Map generic names ('x.language', 'child[i].name') to the real ones, from the variables docassemble seeks.

    docassemble's ``event_list`` names the variable it is after ('client.language'); what
    ``x`` or ``i`` stands for there stands for it in every field of the screen.
    """
    parts: dict[str, str] = {}
    for name in names:
        for wanted in sought:
            match = re.match(_generic(name), wanted)
            if match:
                parts.update(match.groupdict())
    out = {}
    for name in names:
        real = re.sub(r"^x(?=[.\[])", lambda m: parts.get("x", "x"), name)
        out[name] = re.sub(r"\[([ijklmn])\]", lambda m: f"[{parts[m[1]]}]" if m[1] in parts else m[0], real)
    return out


def _checkboxes(field: dict[str, Any], name: str) -> dict[str, Any]:
    """Checkboxes as the web form stores them: a DADict, the first box checked."""
    keys = []
    for choice in field.get("choices") or []:
        if "value" not in choice:     # "None of the above"
            continue
        key = re.search(r"\[['\"]?(.*?)['\"]?\]$", choice.get("variable_name") or "")
        keys.append(key[1] if key else str(choice["value"]))
    return {"_class": "docassemble.base.util.DADict", "instanceName": name, "auto_gather": False, "gathered": True,
            "elements": {key: i == 0 for i, key in enumerate(keys)}}


def value_for(field: dict[str, Any], name: str = "") -> Any:
    """A plausible answer for one field; KeyError when there is none (a file, a signature)."""
    datatype = field.get("datatype") or field.get("fieldtype") or "text"
    choices = field.get("choices") or []
    if datatype in CANNOT:
        raise KeyError(datatype)
    if datatype == "checkboxes" or field.get("fieldtype") == "checkboxes":
        return _checkboxes(field, name or field.get("variable_name", ""))
    if choices:
        return next(c["value"] for c in choices if "value" in c)
    if datatype in ("yesno", "yesnoradio", "yesnowide", "noyes", "noyesradio", "noyeswide", "boolean"):
        return True
    if datatype in TEXT:
        return TEXT[datatype]
    label = (field.get("label") or "").lower()
    if "zip" in label:
        return "02110"
    return "Sam" if "name" in label or "name" in field.get("variable_name", "") else "Sample answer"


def answers_for(screen: dict[str, Any], repeat: bool = False) -> dict[str, Any] | None:
    """The variables to POST to answer ``screen``, or None if it cannot be answered.

    ``repeat``: the same question was answered before (a loop such as "is there another?"),
    so yes/no fields are answered no, which ends the loop.
    """
    fields = []
    for item in screen.get("fields", []):
        if item.get("variable_name"):
            fields.append(item)
        elif item.get("choices") and item["choices"][0].get("variable_name"):   # each choice sets its own variable
            first = item["choices"][0]
            fields.append({"variable_name": first["variable_name"], "choices": [first]})
    names = [f["variable_name"] for f in fields]
    if screen.get("question_variable_name"):
        names.append(screen["question_variable_name"])
    if not names:
        return None
    real = resolve(names, screen.get("event_list") or [])
    out: dict[str, Any] = {}
    for item in fields:
        try:
            value = value_for(item, real[item["variable_name"]])
            out[real[item["variable_name"]]] = False if repeat and value is True else value
        except KeyError:
            if item.get("required", True):
                return None
    if screen.get("question_variable_name"):
        out[real[screen["question_variable_name"]]] = True
    if any(re.search(r"(^x[.\[])|\[[ijklmn]\]", name) for name in out):
        return None   # a generic name left unresolved: the answer would set the wrong variable
    return out


class AutoAnswerer:
    """Answers screen after screen; a question seen before is answered no, so loops end."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, screen: dict[str, Any]) -> dict[str, Any] | None:
        name = screen.get("questionName") or screen.get("questionText") or ""
        repeat = name in self.seen
        self.seen.add(name)
        return answers_for(screen, repeat)
