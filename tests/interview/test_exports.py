"""Step 7's exports for petition tools and Step 8's after-the-decision document, walked in-process:
the Action Network CSV read with ``csv``, the OSDI petition with ``json``, each checked to carry the
case and no private fact; the after-the-decision text per ask and per language."""
import csv
import io
import json

from docassemble.notonemore.campaign import find_private
from tests.interview.test_campaign import CASES, campaign, public

CSV_NAME = "Petition targets for Action Network (CSV)"
JSON_NAME = "Petition for petition tools (OSDI JSON)"
SPANISH_DIRECTOR = "Director o directora de la oficina de campo de ICE en Houston"
PRIVATE = dict(literals=["April 12, 1988", "1988-04-12", "04/12/1988", "12 de abril de 1988",
                         "arrested for driving without a license"],
               numbers=["A123456789"])


def exports(docs):
    rows = list(csv.DictReader(io.StringIO(docs[CSV_NAME])))
    return rows, json.loads(docs[JSON_NAME])


def raw_bytes(screens, name):
    """A raw attachment's file as written (text_of reads it with universal newlines)."""
    [doc] = [doc for doc in screens[-1].attachments if doc.name == name]
    with open(doc.files["raw"], "rb") as handle:
        return handle.read()


def no_private_fact(*texts):
    for text in texts:
        assert find_private(text, **PRIVATE) == [], text


def test_a_hold_with_the_local_agency_exports_both_decision_makers():
    answers = public(CASES[0], field_office_email="sd.ero@example.gov", local_agency_email="sheriff@example.gov",
                     local_agency_phone="619-555-0199", private_history={"arrests": True},
                     private_history_details="arrested for driving without a license")
    run, screens, docs = campaign(answers)
    assert "field office director name" in [s.id for s in screens]
    written = raw_bytes(screens, CSV_NAME)
    assert written.split(b"\r\n", 1)[0] == b"title,first_name,last_name,zip_code,country,gender,email,phone"   # no BOM
    rows, osdi = exports(docs)
    # no director's name given: the office stands as the name; the ZIP blank so every signer reaches both
    assert [(r["title"], r["first_name"], r["last_name"], r["email"], r["phone"], r["zip_code"]) for r in rows] == [
        ("Field Office Director", "ICE ERO San Diego Field Office", "Director", "sd.ero@example.gov", "619-555-0100", ""),
        ("Sheriff or Chief", "San Diego County Sheriff", "Leadership", "sheriff@example.gov", "619-555-0199", "")]
    [petition] = osdi["_embedded"]["osdi:petitions"]
    assert osdi["total_records"] == 1 and petition["origin_system"] == "docassemble.notonemore"
    assert petition["name"] == "#Not1More petition for José O'Brien & <Núñez> (English)"
    assert [t["name"] for t in petition["target"]] == ["Field Office Director, San Diego Field Office", "San Diego County Sheriff"]
    assert "José O'Brien &amp; &lt;Núñez&gt;" in petition["description"]
    assert "<strong>" in petition["description"] and "lift the ICE hold on José" in petition["description"]
    assert "José O'Brien & <Núñez>" in petition["petition_text"] and "San Diego County Sheriff" in petition["petition_text"]
    assert petition["summary"] and "\n" not in petition["summary"]
    assert "browser_url" not in petition          # no link yet: the kit's placeholder is not a web address
    no_private_fact(docs[CSV_NAME], docs[JSON_NAME])


def test_a_stay_with_a_named_director_and_the_a_number_agreed():
    answers = public(CASES[3], field_office_email="la.ero@example.gov", public_a_number_ok=True,
                     field_office_director_first="Jane", field_office_director_last="Smith-Ortiz",
                     petition_link="https://actionnetwork.org/petitions/keep-jose-home")
    run, screens, docs = campaign(answers)
    rows, osdi = exports(docs)
    assert [(r["title"], r["first_name"], r["last_name"], r["email"]) for r in rows] == [
        ("Field Office Director", "Jane", "Smith-Ortiz", "la.ero@example.gov")]
    [petition] = osdi["_embedded"]["osdi:petitions"]
    assert "grant José a stay of removal" in petition["description"]
    assert "A 123-456-789" in petition["petition_text"]         # agreed: the message to ICE carries it
    assert petition["browser_url"] == "https://actionnetwork.org/petitions/keep-jose-home"
    no_private_fact(docs[CSV_NAME], docs[JSON_NAME].replace("A 123-456-789", ""))


def test_both_languages_give_two_petitions_and_no_director_question_without_an_e_mail():
    answers = public(CASES[4], public_languages="both", field_office_email="")
    run, screens, docs = campaign(answers)
    assert "field office director name" not in [s.id for s in screens]
    rows, osdi = exports(docs)
    assert rows == []                               # no e-mail: no target Action Network can deliver to
    english, spanish = osdi["_embedded"]["osdi:petitions"]
    assert osdi["total_records"] == 2
    assert english["name"].endswith("(English)") and spanish["name"].endswith("(español)")
    assert "grant José deferred action" in english["description"]
    assert "acción diferida" in spanish["description"] and "Por favor firme" in spanish["description"]
    assert english["target"] == [{"name": "Field Office Director, Houston Field Office"}]
    assert spanish["target"] == [{"name": SPANISH_DIRECTOR}]
    no_private_fact(docs[JSON_NAME])
