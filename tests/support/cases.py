"""The interview's branches as data: the answers a user gives and what must come out.

Shared by the interview-depth and end-to-end tests so every depth walks the same cases.
Names with accents, apostrophes, ampersands and angle brackets are used on purpose.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONSENT_ALL = {"advocate": True, "ice": True, "officials": True, "public": False, "media": False}


@dataclass(frozen=True)
class Case:
    name: str
    custody_status: str
    first: str = "José"
    last: str = "O'Brien & <Núñez>"
    user_role: str = "family"
    entry_method: str | None = None
    ask_title: str = ""
    targets: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()     # phrases from the warnings that must be shown
    absent: tuple[str, ...] = ()       # phrases that must not be in the document
    extra: dict[str, Any] = field(default_factory=dict)

    def check_summary(self, text: str) -> None:
        """Assert that an ask summary's text (DOCX or PDF) states this case's ask, and nothing it must not."""
        text = " ".join(text.split())
        assert f"Person facing deportation: {self.first} {self.last}" in text
        assert self.ask_title in text
        for phrase in self.targets + self.warnings:
            assert phrase in text, phrase
        for phrase in self.absent:
            assert phrase not in text, phrase
        assert "not legal advice" in text

    def answers(self) -> list[dict[str, Any]]:
        """The screens' answers in order, as variables (the REST API's form)."""
        steps: list[dict[str, Any]] = [
            {"user_role": self.user_role},
            {"client.name.first": self.first, "client.name.last": self.last},
            {"roles_and_limits_acknowledged": True},
            {"consent": dict(CONSENT_ALL)},
            {"custody_status": self.custody_status},
        ]
        if self.entry_method:
            steps.append({"entry_method": self.entry_method})
        steps.append({"not_in_proceedings_reviewed" if self.custody_status == "not_in_proceedings"
                      else "ask_reviewed": True})
        return steps


CASES = [
    Case("ice hold", "jail_with_ice_hold", ask_title="Lift the ICE hold",
         targets=("field office", "sheriff or police agency"), warnings=("48 hours",)),
    Case("detained, entered without inspection", "ice_detention_no_order", entry_method="without_inspection",
         ask_title="Release from ICE detention", targets=("director of the local ICE ERO field office",),
         warnings=("cannot get a bond hearing",)),
    Case("detained, inspected", "ice_detention_no_order", entry_method="inspected", user_role="advocate",
         ask_title="Release from ICE detention", targets=("director of the local ICE ERO field office",),
         warnings=("move a detained person",), absent=("bond hearing",)),
    Case("final order", "final_order", user_role="person", ask_title="Stay of removal",
         targets=("director of the local ICE ERO field office",), warnings=("Form I-246",)),
    Case("in proceedings, at home", "in_proceedings_free", ask_title="Deferred action",
         targets=("director of the local ICE ERO field office",), warnings=("close or dismiss",)),
    Case("not in proceedings", "not_in_proceedings", ask_title="No letter to ICE",
         warnings=("not in a deportation case",), absent=("Who decides",)),
]
