"""The family's Spanish reads as Spanish: the words an advocate and a notary are named with.

An advocate is not a *defensor* (in Spanish a public defender, a criminal lawyer): the family
reads "una persona u organización que apoya a la familia". A support letter may be signed
before a *notary public*, which the family must never read as *notario* (in Latin America a
lawyer; in the US the word is a common fraud): the Spanish says what a notary public does.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "docassemble" / "notonemore" / "data" / "sources"
TEMPLATES = ROOT / "docassemble" / "notonemore" / "data" / "templates"
sys.path.insert(0, str(ROOT / "tools"))
import template_text  # noqa: E402

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
SPANISH_DOCX = sorted(TEMPLATES.glob("*_es.docx"))


def spanish_texts() -> dict[str, str]:
    """Every Spanish the family can read: translation targets, Spanish word files, Spanish templates."""
    texts = {f"xlf {unit.get('id')}": unit.findtext("x:target", default="", namespaces=NS)
             for unit in ET.parse(SOURCES / "translations-es.xlf").getroot().iter(f"{{{NS['x']}}}trans-unit")}
    for path in [SOURCES / "es-words.yml", *sorted((SOURCES / "words").glob("*_es.yml"))]:
        texts[path.name] = path.read_text(encoding="utf-8")
    for path in SPANISH_DOCX:
        texts[path.name] = template_text.template_markdown(path)
    return texts


def test_the_spanish_is_all_read():
    texts = spanish_texts()
    assert len([k for k in texts if k.startswith("xlf ")]) > 400
    assert {"ask_summary_es.docx", "reference_request_es.docx", "checklist_es.docx"} <= set(texts)


@pytest.mark.parametrize("word", ["defensor", "notari"])
def test_no_spanish_text_says(word):
    found = {name: re.findall(rf"\w*{word}\w*", text, re.I) for name, text in spanish_texts().items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_a_detector_of_the_word_would_catch_it():
    assert re.findall(r"\w*notari\w*", "fírmela ante un notario", re.I) == ["notario"]


def test_the_spanish_support_letter_request_says_what_a_notary_public_does():
    text = " ".join(template_text.template_markdown(TEMPLATES / "reference_request_es.docx").split())
    assert ("firme la carta delante de un notary public. Es una persona con licencia del estado que revisa su "
            "identificación, ve cuando usted firma y pone un sello en la carta. No es abogado y no puede dar "
            "consejos legales.") in text
    assert "La carta sirve también sin el sello." in text


def test_the_checklist_item_for_reference_letters_names_a_notary_public_not_a_notario():
    xlf = ET.parse(SOURCES / "translations-es.xlf").getroot()
    unit = next(u for u in xlf.iter(f"{{{NS['x']}}}trans-unit")
                if u.findtext("x:source", namespaces=NS) == "Reference letters (dated, signed, notarized if possible)")
    assert unit.findtext("x:target", namespaces=NS) == (
        "Cartas de recomendación (con fecha y firma; si se puede, con el sello de un notary public, "
        "que solo confirma quién firma)")


def test_the_spanish_plan_names_who_prepared_it_for_every_role():
    roles = yaml.safe_load((SOURCES / "words" / "documents_es.yml").read_text(encoding="utf-8"))["prepared_by"]
    assert set(roles) == {"person", "family", "advocate"}
    assert roles["advocate"] == "una persona u organización que apoya a la familia"
    text = template_text.template_markdown(TEMPLATES / "ask_summary_es.docx")
    assert "Preparado el {{ today_date }} por {{ document_words_es['prepared_by'][user_role] }}." in text
