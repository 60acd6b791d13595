"""documents.py: the decisions named once, and the one list of documents."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from docassemble.notonemore import documents as d
from docassemble.notonemore.ask import CUSTODY_STATUSES, choose_ask

QUESTIONS = Path(__file__).resolve().parents[2] / "docassemble" / "notonemore" / "data" / "questions"
AUDIENCES = ("ice", "officials", "public", "media")
CONSENTS = [dict(zip(AUDIENCES, flags)) for flags in itertools.product((True, False), repeat=len(AUDIENCES))]
ASKS = [choose_ask(status, "unknown" if status == "ice_detention_no_order" else None) for status in CUSTODY_STATUSES]


@pytest.mark.parametrize("ask", ASKS, ids=[a.code for a in ASKS])
@pytest.mark.parametrize("consent", CONSENTS, ids=["".join(k[0] for k, v in c.items() if v) or "none" for c in CONSENTS])
def test_each_decision_is_the_condition_it_replaced(ask, consent):
    assert d.sends_ice_letter(ask, consent) is bool(ask.pd_letter and consent["ice"])
    assert d.sends_officials_letter(ask, consent) is bool(ask.pd_letter and consent["officials"])
    assert d.makes_letters(ask, consent) is bool(ask.pd_letter and (consent["ice"] or consent["officials"]))
    assert d.goes_public(ask, consent) is bool(ask.pd_letter and consent["public"])
    assert d.shares_case(ask, consent) is bool(ask.pd_letter and (consent["ice"] or consent["officials"] or consent["public"]))
    assert d.sends_jail_request(ask, consent) is (ask.code == "lift_ice_hold" and consent["ice"])


def test_no_letter_without_a_deportation_case_whatever_the_consent():
    ask = choose_ask("not_in_proceedings")
    everything = dict.fromkeys(AUDIENCES, True)
    assert not any(d.decisions(ask, everything, campaign=True)[k] for k in d.DECISIONS if k != "always")
    assert d.document_variables(d.decisions(ask, everything, campaign=True)) == ["ask_summary"]


def test_the_decisions_do_not_read_consent_when_no_letter_may_go():
    """As the conditions they replace, which stopped at ``ask.pd_letter``: docassemble asks for nothing more."""
    class Unasked(dict):
        def __getitem__(self, key):
            raise AssertionError(f"consent[{key!r}] was read")
    ask = choose_ask("not_in_proceedings")
    assert d.decisions(ask, Unasked(), campaign=True) == {"always": True, **dict.fromkeys(d.DECISIONS[1:], False)}


def test_the_short_first_request():
    assert d.short_first_request("bare_bones") and not d.short_first_request("full")


def test_the_jail_request_is_only_for_an_ice_hold_with_consent_to_ice():
    hold, detained = choose_ask("jail_with_ice_hold"), choose_ask("ice_detention_no_order", "unknown")
    assert d.sends_jail_request(hold, {"ice": True}) and not d.sends_jail_request(hold, {"ice": False})
    assert not d.sends_jail_request(detained, {"ice": True})


def test_the_documents_of_each_kind_of_case():
    hold = choose_ask("jail_with_ice_hold")
    everything = dict.fromkeys(AUDIENCES, True)
    assert d.document_variables(d.decisions(hold, everything)) == [
        "ask_summary", "pd_letter", "waiver_cover", "jail_request", "officials_letter", "checklist_doc",
        "reference_request_en", "reference_request_es", "attorney_review_sheet"]
    officials_only = {**dict.fromkeys(AUDIENCES, False), "officials": True}
    assert d.document_variables(d.decisions(hold, officials_only)) == [
        "ask_summary", "officials_letter", "checklist_doc", "reference_request_en", "reference_request_es",
        "attorney_review_sheet"]
    public_only = {**dict.fromkeys(AUDIENCES, False), "public": True}
    assert d.document_variables(d.decisions(hold, public_only)) == ["ask_summary"]
    assert d.document_variables(d.decisions(hold, public_only, campaign=True), "campaign") == [
        "campaign_kit", "petition_texts", "targets_csv_file", "action_network_csv_file", "osdi_petition_file", "organizing_plan",
        "campaign_calendar", "after_decision"]
    # the campaign needs the family's consent to go public, whatever go_public says
    assert d.document_variables(d.decisions(hold, officials_only, campaign=True), "campaign") == []


def test_each_group_holds_its_documents():
    groups = {row.variable: row.group for row in d.DOCUMENTS}
    assert groups["pd_letter"] == groups["waiver_cover"] == "ice"
    assert groups["officials_letter"] == "officials" and groups["attorney_review_sheet"] == "attorney"
    assert {groups[v] for v in ("ask_summary", "checklist_doc", "reference_request_en", "reference_request_es")} == {"family"}
    assert set(groups.values()) <= set(d.GROUPS)


def test_a_document_is_built_after_what_it_needs_and_each_name_once():
    flags = d.decisions(choose_ask("final_order"), dict.fromkeys(AUDIENCES, True), campaign=True)
    order = d.build_order(flags)
    assert len(order) == len(set(order))
    assert "jail_request" not in order               # no ICE hold: no request to the jail
    for row in d.DOCUMENTS:
        if row.variable in order:
            assert all(order.index(need) < order.index(row.variable) for need in row.needs), row.variable
    hold = d.build_order(d.decisions(choose_ask("jail_with_ice_hold"), dict.fromkeys(AUDIENCES, True)))
    assert hold.index("jail_model") < hold.index("jail_request")
    assert order.index("review_sheet") < order.index("letter_claims") < order.index("attorney_review_sheet")
    assert order[:4] == ["ask_summary", "letter_date", "exhibit_titles", "checklist_rows"]


def test_names_built_holds_every_document_its_needs_and_the_shared_names_once():
    names = d.names_built()
    assert len(names) == len(set(names))
    for row in d.DOCUMENTS:
        assert {row.variable, *row.needs, *row.defines} <= set(names)
    assert set(d.SHARED_BUILDS) <= set(names)
    # a new row's names are in it: where another part adds its document
    extra = d.DocumentRow("supplement", "ice", "ice_letter", needs=("supplement_ready",))
    assert {"supplement", "supplement_ready"} <= set(d.names_built(d.DOCUMENTS + (extra,)))


def test_a_row_with_an_unknown_group_or_decision_is_refused():
    with pytest.raises(ValueError):
        d.DocumentRow("x", "press", "always")
    with pytest.raises(ValueError):
        d.DocumentRow("x", "family", "sometimes")


def _blocks():
    for path in sorted(QUESTIONS.glob("*.yml")):
        for block in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if isinstance(block, dict):
                yield path.name, block


def test_every_document_of_the_list_has_its_attachment_block_and_every_attachment_is_listed():
    attached = {block["attachment"]["variable name"] for _, block in _blocks() if isinstance(block.get("attachment"), dict)}
    listed = {row.variable for row in d.DOCUMENTS}
    assert listed <= attached
    # package_pdf is made from the letter's PDF (step6_package.yml), not an attachment of its own;
    # each supplement to the request has its own letter, kept with it (doc_supplement.yml), not a row
    assert attached - listed == {"supplements[i].letter"}, attached - listed
    assert set(d.APART_FROM_DOCUMENTS).isdisjoint(d.names_built())


def test_no_question_file_repeats_a_named_decision():
    """The conditions live in documents.py; the YAML calls them by name."""
    repeated = re.compile(r"ask\.pd_letter and \(?consent\[|intake_path == ['\"]bare_bones['\"]")
    for path in sorted(QUESTIONS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not repeated.search(line), f"{path.name}:{number}: {line.strip()}"


def test_no_question_file_keeps_its_own_list_of_names_to_build_again():
    text = "\n".join(p.read_text(encoding="utf-8") for p in QUESTIONS.glob("*.yml"))
    assert "documents_built" not in text
    assert text.count("names_built()") >= 3     # the fingerprint (twice) and the undefine


def test_no_module_name_is_also_a_name_the_documents_build():
    """A module's function named like an interview variable is overwritten by it (``after_decision``, the
    attachment, once replaced the model function of that name, and building the documents again looped)."""
    import importlib
    import re
    from pathlib import Path
    questions = Path(d.__file__).parent / "data" / "questions"
    modules = set(re.findall(r"^  - (docassemble\.notonemore\.\w+)$",
                             "\n".join(p.read_text(encoding="utf-8") for p in questions.glob("*.yml")), re.M))
    assert "docassemble.notonemore.after_decision" in modules
    built = set(d.names_built())
    clashes = {(module, name) for module in modules for name in getattr(importlib.import_module(module), "__all__", ())
               if name in built}
    assert clashes == set()
