"""Step 7's exports that a petition tool takes as they are: the targets as an Action Network
custom-targets CSV, and the petition as an OSDI ``osdi:petition`` (HAL+JSON).

Action Network (help article "Uploading custom targets for call campaigns and letter campaigns"):
the CSV has the columns ``title, first_name, last_name, zip_code, country, gender, email, phone``;
every target needs a title, a first and last name and an e-mail (custom targets get the letters
by e-mail); a phone only matters to call campaigns; a target with a blank ZIP code is matched to
every signer, where targets with ZIP codes are matched only to the signers nearest them. So the
rows here are the decision-makers that have an e-mail, with a blank ZIP code, so that each letter
reaches every one of them.

OSDI (opensupporter.github.io/osdi-docs/petitions.html): ``title`` is the public title,
``description`` the public page (text or HTML), ``summary`` one plain paragraph for listings,
``petition_text`` the letter delivered to the target, ``target`` an array of ``{"name"}``,
``origin_system`` the system that wrote it. The file is a collection (``_embedded`` /
``osdi:petitions``), one petition per language; each one alone is a body a tool can POST.

No sentence is written here: the names and titles come from the words files through the YAML;
the texts are the campaign kit's, private facts already taken out.
"""
from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from .campaign import Target, _cell, fill
from .util import PlainJson

__all__ = [
    "ACTION_NETWORK_COLUMNS", "LETTER_ROLES", "ORIGIN_SYSTEM", "ActionNetworkTarget",
    "split_name", "action_network_targets", "action_network_targets_csv",
    "petition_html", "osdi_petition", "osdi_petitions", "osdi_json",
]

#: Action Network's custom-targets columns, spelled and ordered as its importer reads them
ACTION_NETWORK_COLUMNS: tuple[str, ...] = ("title", "first_name", "last_name", "zip_code", "country", "gender", "email", "phone")
#: the targets that decide and can receive a letter (ICE's national line and web page are channels, not letter targets)
LETTER_ROLES: tuple[str, ...] = ("field_office_director", "local_agency", "elected_official")
#: OSDI's ``origin_system``: this package
ORIGIN_SYSTEM = "docassemble.notonemore"


@dataclass(frozen=True)
class ActionNetworkTarget(PlainJson):
    """One row of Action Network's custom-targets CSV (fields named as its columns)."""

    title: str
    first_name: str
    last_name: str
    zip_code: str = ""
    country: str = ""
    gender: str = ""
    email: str = ""
    phone: str = ""

    def cells(self) -> list[str]:
        return [getattr(self, column) for column in ACTION_NETWORK_COLUMNS]


def split_name(name: str) -> tuple[str, str]:
    """``"Rep. Ana Díaz, U.S. House"`` -> ``("Rep. Ana", "Díaz")``: the words before a comma, the last one as the last name.

    One word gives ``("", word)``; nothing gives ``("", "")``.
    """
    words = (name or "").split(",", 1)[0].split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


def action_network_targets(targets: Sequence[Target], *, titles: Mapping[str, str],
                           office_names: Mapping[str, tuple[str, str]],
                           people: Optional[Mapping[str, tuple[str, str]]] = None,
                           values: Optional[Mapping[str, str]] = None, country: str = "US") -> list[ActionNetworkTarget]:
    """The rows Action Network can use: each target of ``LETTER_ROLES`` that has an e-mail.

    ``titles`` is the title column by role. The name columns are the person's, when ``people``
    gives both parts for the role (a field office director named by the user); an elected
    official's are split from the name the user typed (``split_name``); otherwise they are
    ``office_names[role]`` (the office as first name, its position as last name: templates filled
    with ``values`` and the target's ``name``), since the importer needs both. The ZIP code is left blank on purpose (every signer reaches every
    target); gender is left blank (never guessed).
    """
    people = people or {}
    rows = []
    for target in targets:
        email = (target.email or "").strip()
        if target.role not in LETTER_ROLES or not email:
            continue
        first, last = (" ".join((part or "").split()) for part in people.get(target.role, ("", "")))
        if not (first and last) and target.role == "elected_official":
            first, last = split_name(target.name)
        if not (first and last):
            first, last = (fill(part, {**(values or {}), "name": target.name}) for part in office_names[target.role])
        rows.append(ActionNetworkTarget(title=titles[target.role], first_name=first, last_name=last,
                                        country=country, email=email, phone=(target.phone or "").strip()))
    return rows


def action_network_targets_csv(rows: Sequence[ActionNetworkTarget]) -> str:
    """The CSV text: the header exactly ``ACTION_NETWORK_COLUMNS``, one line per row, CRLF line
    ends (RFC 4180), formula-like cells quoted as text (``campaign._cell``). No byte-order mark:
    the importer matches its column names, and a mark would glue itself to ``title``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACTION_NETWORK_COLUMNS)
    for row in rows:
        writer.writerow([_cell(cell) for cell in row.cells()])
    return out.getvalue()


def petition_html(summary: Sequence[str], ask: Sequence[str], story: Sequence[str]) -> str:
    """Part 1 as HTML: one ``<p>`` per line, the ask in ``<strong>``; every line escaped."""
    def paragraphs(lines: Sequence[str], strong: bool = False) -> list[str]:
        texts = [html.escape(" ".join(line.split()), quote=False) for line in lines if line and line.strip()]
        return [f"<p><strong>{text}</strong></p>" if strong else f"<p>{text}</p>" for text in texts]
    return "".join(paragraphs(summary) + paragraphs(ask, strong=True) + paragraphs(story))


def osdi_petition(kit: Mapping[str, Any], targets: Sequence[Target], *, name: str,
                  link: str = "", target_names: Optional[Sequence[str]] = None) -> dict[str, Any]:
    """One ``osdi:petition`` from a campaign kit (``public_kits`` item: ``title``, ``summary``,
    ``ask``, ``story``, ``message`` as lists of lines, ``title`` as text).

    ``targets`` are the case's ``campaign.Target`` rows and ``target_names`` their names as the
    kit writes them (same order); only ``LETTER_ROLES`` become OSDI targets. ``name`` is the
    administrative name; ``link`` becomes ``browser_url`` when it is a web address.
    """
    names = list(target_names) if target_names is not None else [t.name for t in targets]
    if len(names) != len(targets):
        raise ValueError(f"{len(names)} names for {len(targets)} targets")
    petition: dict[str, Any] = {
        "origin_system": ORIGIN_SYSTEM,
        "name": name,
        "title": " ".join(str(kit["title"]).split()),
        "description": petition_html(kit["summary"], kit["ask"], kit["story"]),
        "summary": " ".join(" ".join(kit["summary"]).split()),
        "petition_text": "\n\n".join(line.strip() for line in kit["message"] if line.strip()),
        "target": [{"name": label} for target, label in zip(targets, names) if target.role in LETTER_ROLES and label],
    }
    link = (link or "").strip()
    if link.startswith(("https://", "http://")):
        petition["browser_url"] = link
    return petition


def osdi_petitions(petitions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The HAL+JSON collection holding each language's petition (``_embedded`` / ``osdi:petitions``)."""
    return {"total_records": len(petitions), "_embedded": {"osdi:petitions": [dict(p) for p in petitions]}}


def osdi_json(petitions: Sequence[Mapping[str, Any]]) -> str:
    """``osdi_petitions(petitions)`` as the file's text: UTF-8 JSON as written (accents kept), indented."""
    return json.dumps(osdi_petitions(petitions), ensure_ascii=False, indent=2) + "\n"
