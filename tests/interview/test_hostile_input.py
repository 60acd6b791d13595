"""Odd and hostile text in every free-text answer: nothing crashes, nothing typed is evaluated,
every document still opens, and the text comes out as typed."""
import pytest

from tests.interview.test_documents import documents
from tests.support.cases import CASES, day

FREE_TEXT = ("client.name.first", "client.name.middle", "client.name.last", "facility_name", "facility_city",
             "family_details", "community_details", "private_history_details", "signer_name", "signer_org",
             "waiver_plan_who", "attorney_reviewer", "attorney_reviewer_org")

CORPUS = {
    "jinja": "{{ 7*7 }} {% if True %}yes{% endif %} {# note #}",
    "mako": "${ 7*7 } <%def name='x()'>y</%def> % if True:",
    "markup": "<script>alert(1)</script><b>bold</b> & </w:t></w:r></w:p>",
    "long": "Maria " * 1500,
    "emoji": "Ana 👩‍👧‍👦 ❤️ 🇲🇽",
    "accents": "Ñandú Müller-Çelik Łódź",
    "right to left": "محمد عبد الله",
    "quotes": "O'Brien \"Jr.\" ‘Pepe’",
    "control characters": "Ana\x0bRuiz\x00\x1f\ttab",
}


def hostile_case(text):
    answers = {**CASES[1].answers(), "waiver_status": "not_signed",
               "private_history": {"arrests": True}, "attorney_cleared": True,
               "cleared_disclosures": {"arrests": True}, "attorney_review_date": day(-30)}
    answers.update({name: text for name in FREE_TEXT})
    return answers


@pytest.mark.parametrize("kind", CORPUS, ids=list(CORPUS))
def test_every_free_text_answer(kind):
    text = CORPUS[kind]
    run, screen, docs = documents(hostile_case(text))
    assert screen.id == "documents screen"
    # docassemble defuses template syntax in answers with zero-width spaces ({\u200b{); read past them
    docs = {name: doc.replace("\u200b", "") for name, doc in docs.items()}
    assert len(docs) == 10                            # the eight of the detained branch, its habeas sheet, the case calendar
    letter = docs["Request to ICE"]
    expected = " ".join("".join(c for c in text if c in "\t\n" or ord(c) >= 32).split())
    for name in ("Request to ICE", "Letter for elected officials", "Privacy waiver cover sheet", "Attorney review sheet",
                 "Habeas hand-off sheet (for an attorney)"):
        assert expected in docs[name], (name, expected[:80])
    assert "49" not in letter                        # 7*7 was never worked out
    assert "49" not in docs["Habeas hand-off sheet (for an attorney)"]
    assert "His removal would separate this family. " + expected in letter     # family_details, as reviewed
    if kind == "control characters":
        assert "\x0b" not in letter and "\x00" not in letter


def test_an_empty_free_text_answer_leaves_the_rest_of_the_case():
    answers = {**hostile_case(""), "client.name.first": "Ana", "client.name.last": "Ruiz"}
    run, screen, docs = documents(answers)
    assert "Ana Ruiz" in docs["Request to ICE"]
    assert run.value("custody_status") == "ice_detention_no_order"
