"""The petition's story (Step 7, Part 1): what it leads with, its titles, and the family's words.

The guide's example leads with the one fact that makes people care ("With Baby's Life in Danger,
Father Fights to Stay"), then tells the rest in the family's voice. ``build_story`` ranks what a
case can lead with from the factors the public may see, the relatives the family agreed to name
and what the family says it is living through now; it returns stable codes and plain values.
Every sentence is in ``data/sources/words/campaign_*.yml``, keyed by these codes; ``pick``
chooses the variant a language needs (Spanish agrees with the person's and relatives' gender).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence

from .util import PlainJson

__all__ = ["LEADS", "NOW", "GENERIC_TITLES", "MISSING", "SPOUSE_WORDS", "PARENT_WORDS", "PRONOUNS",
           "Story", "build_story", "title_codes", "pick", "missing_for_texts"]

#: What a petition can lead with, the one people relate to most first. ``pregnancy_*`` is a baby
#: on the way (``self``: the person is pregnant or nursing; ``spouse``: the wife or partner is).
LEADS: tuple[str, ...] = (
    "pregnancy_spouse", "pregnancy_self", "serious_health", "sick_relative", "children", "minor",
    "elderly", "military_service", "crime_victim", "came_as_child", "years_here", "spouse", "parent",
    "civil_rights_witness", "community", "us_education",
)
#: What the family says it is living through now (the checkboxes of ``family_now``).
NOW: tuple[str, ...] = ("baby_on_the_way", "sick_relative", "children_ask", "income_at_risk", "missing_milestone")
#: Titles that fit every case, offered after the ones built from the case's facts.
GENERIC_TITLES: tuple[str, ...] = ("stop_deportation",)
#: What a finished text needs and the user may not have given yet, in the order listed.
MISSING: tuple[str, ...] = ("petition_link", "field_office_phone", "media_contact")
SPOUSE_WORDS: tuple[str, ...] = ("wife", "husband", "partner")
PARENT_WORDS: tuple[str, ...] = ("mother", "father", "parents")
PRONOUNS: tuple[str, ...] = ("he", "she", "they")

#: A factor of ``factors.POSITIVE_CODES`` and the lead it gives.
_FACTOR_LEADS: dict[str, str] = {
    "pregnant_or_nursing": "pregnancy_self", "serious_health_condition": "serious_health",
    "caretaker_of_disabled_or_ill": "sick_relative", "citizen_or_lpr_child": "children",
    "primary_caretaker": "children", "minor": "minor", "elderly": "elderly",
    "military_service": "military_service", "crime_victim": "crime_victim", "came_as_child": "came_as_child",
    "long_presence": "years_here", "citizen_or_lpr_spouse": "spouse", "citizen_or_lpr_parent": "parent",
    "civil_rights_witness": "civil_rights_witness", "community_ties": "community", "us_education": "us_education",
}


@dataclass(frozen=True)
class Story(PlainJson):
    """What Part 1 is written from.

    ``leads``: codes of ``LEADS``, strongest first. ``pronoun``: he, she or they.
    ``spouse``: wife, husband, partner or ""; ``spouse_status``: citizen, lpr or "" (as the
    family named them in ``us_relatives``). ``sons``, ``daughters``: how many; ``children_status``
    likewise; ``kids``: ``sons``, ``daughters``, ``mixed`` or "" (for words that agree in gender).
    ``parent``: mother, father, parents or "". ``now``: codes of ``NOW`` the texts tell, in order;
    ``held``: the person is held (jail or ICE), which changes how the children's question reads.
    ``years``: years in the US, 0 when the public may not see them.
    """

    leads: tuple[str, ...]
    pronoun: str = "they"
    spouse: str = ""
    spouse_status: str = ""
    sons: int = 0
    daughters: int = 0
    children_status: str = ""
    parent: str = ""
    parent_status: str = ""
    now: tuple[str, ...] = ()
    held: bool = False
    years: int = 0

    @property
    def kids(self) -> str:
        if self.sons and self.daughters:
            return "mixed"
        return "sons" if self.sons else "daughters" if self.daughters else ""

    @property
    def lead(self) -> str:
        """The strongest lead, or "" when the case has none the public may see."""
        return self.leads[0] if self.leads else ""


def _status(relatives: Sequence[str], kind: str) -> str:
    """``citizen`` or ``lpr`` for a kind of relative named in ``us_relatives`` (citizen first), else ""."""
    for status in ("citizen", "lpr"):
        if f"{status}_{kind}" in relatives:
            return status
    return ""


def build_story(positives: Iterable[str], relatives: Iterable[str] = (), *, pronoun: str = "they",
                spouse: str = "", sons: Optional[int] = 0, daughters: Optional[int] = 0, parent: str = "",
                now: Iterable[str] = (), baby_parent: str = "", years: Optional[int] = 0, held: bool = False) -> Story:
    """The story of a case from what the public may see.

    ``positives``: factor codes; ``relatives``: ``us_relatives`` codes (``citizen_spouse``...);
    ``now``: ``NOW`` codes; ``baby_parent``: who is expecting when ``baby_on_the_way``
    (``self``, or the ``SPOUSE_WORDS`` word); ``years``: years in the US (0 when not public).
    A spouse named only as the one expecting is the story's spouse too.
    """
    positives, relatives, now = list(positives), list(relatives), [code for code in NOW if code in set(now)]
    if pronoun not in PRONOUNS:
        pronoun = "they"
    if baby_parent in SPOUSE_WORDS and not spouse:
        spouse = baby_parent
    if spouse and spouse not in SPOUSE_WORDS:
        raise ValueError(f"spouse must be one of {SPOUSE_WORDS}, not {spouse!r}")
    if parent and parent not in PARENT_WORDS:
        raise ValueError(f"parent must be one of {PARENT_WORDS}, not {parent!r}")
    sons, daughters = max(int(sons or 0), 0), max(int(daughters or 0), 0)
    found = {_FACTOR_LEADS[code] for code in positives if code in _FACTOR_LEADS}
    if "baby_on_the_way" in now:
        found.add("pregnancy_self" if baby_parent == "self" else "pregnancy_spouse")
    if "sick_relative" in now:
        found.add("sick_relative")
    if sons or daughters or _status(relatives, "child"):
        found.add("children")
    if _status(relatives, "spouse"):
        found.add("spouse")
    if _status(relatives, "parent"):
        found.add("parent")
    if not parent:
        found.discard("parent")   # the family did not say mother or father: no sentence guesses
    if "pregnancy_spouse" in found:
        found.discard("pregnancy_self")   # one baby, told once: the spouse's answer is the newer one
    years = int(years or 0)
    if years <= 0:
        found.discard("years_here")
    if "spouse" in found and not spouse:
        spouse = "partner"
    return Story(
        leads=tuple(code for code in LEADS if code in found), pronoun=pronoun,
        spouse=spouse if (spouse and ("spouse" in found or "pregnancy_spouse" in found)) else "",
        spouse_status=_status(relatives, "spouse"), sons=sons, daughters=daughters,
        children_status=_status(relatives, "child"), parent=parent if "parent" in found else "",
        parent_status=_status(relatives, "parent"),
        now=tuple(code for code in now if code not in ("baby_on_the_way", "sick_relative")
                  and (code != "children_ask" or sons or daughters)),
        held=bool(held), years=years)


def title_codes(story: Story, limit: int = 4) -> list[str]:
    """The title codes to offer: the ``limit`` strongest leads, then ``GENERIC_TITLES``."""
    return list(story.leads[:limit]) + list(GENERIC_TITLES)


def pick(entry: Any, *keys: str) -> str:
    """A words-file entry: the text itself, or the first of ``keys`` a dict of variants has
    (its ``other`` entry when none fits). ``pick({"he": "padre", "she": "madre"}, "she") == "madre"``."""
    while isinstance(entry, Mapping):
        key = next((k for k in keys if k in entry), "other")
        if key not in entry:
            raise KeyError(f"no variant for {keys} among {sorted(entry)}")
        entry = entry[key]
    return entry


def missing_for_texts(*, link: str, office_phone: str, contact: str, media: bool) -> list[str]:
    """Codes of ``MISSING`` a finished text still needs: the petition's link, the field office's
    phone (the first call), a contact for reporters (only when the family agreed to the media)."""
    missing = []
    if not (link or "").strip():
        missing.append("petition_link")
    if not (office_phone or "").strip():
        missing.append("field_office_phone")
    if media and not (contact or "").strip():
        missing.append("media_contact")
    return missing
