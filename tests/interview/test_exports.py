"""Step 7's exports for petition tools and Step 8's after-the-decision document, walked in-process:
the Action Network CSV read with ``csv``, the OSDI petition with ``json``, each checked to carry the
case and no private fact; the after-the-decision text per ask and per language."""
import csv
import datetime as dt
import io
import json

from docassemble.notonemore.campaign import find_private
from tests.interview.test_campaign import CASES, EVERYONE, campaign, public
from tests.support.cases import TODAY
from tests.support.clock import interview_today, long_date

CSV_NAME = "Petition targets for Action Network (CSV)"
JSON_NAME = "Petition for petition tools (OSDI JSON)"
SPANISH_DIRECTOR = "Director o directora de la oficina de campo de ICE en Houston"
PRIVATE = dict(literals=["April 12, 1988", "1988-04-12", "04/12/1988", "12 de abril de 1988",
                         "arrested for driving without a license"],
               numbers=["A123456789"])


def flat(text):
    return " ".join(text.split())


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
    # after the decision, for an ICE hold, with consent to the media: press releases
    after = flat(docs["After the decision"])
    assert "ICE lifted its hold on José O'Brien & <Núñez>." in after and "The criminal case is not over" in after
    assert "Go to every date in the criminal case" in after
    assert after.count("FOR IMMEDIATE RELEASE") == 2 and "Message to supporters" not in after
    assert "San Diego: ICE has refused to lift its hold on José O'Brien & <Núñez>" in after
    assert "ICE may take José. Ask the attorney about release from ICE detention" in after
    assert "habeas petition in federal court while José is detained" in after      # held in jail now
    assert "A plan for the family" in after and "A plan for the children" not in after   # short path: no family answers
    no_private_fact(after)


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
    # after the decision for a stay: temporary, supervision, renewal; after a loss the deadlines as facts
    after = flat(docs["After the decision"])
    assert "ICE granted José O'Brien & <Núñez> a stay of removal." in after
    assert "only for the time ICE set, and it does not give papers" in after and "order of supervision" in after
    assert "when to ask for a new one, with Form I-246" in after
    assert "ICE's removal date is " + long_date(TODAY + dt.timedelta(days=21)) + "." in after
    assert "Campaign started: " + long_date(interview_today(run)) in after
    assert "within 30 days of the decision (8 CFR 1003.38(b))" in after and "not legal advice" in after
    assert "not checked online" in after                 # the facts file marks them unchecked
    assert "A deportation can now happen any day." in after and "A plan for the children" in after
    assert "https://locator.ice.gov/odls/" in after and "1-888-351-4024" in after
    assert "Stay with the campaign: https://actionnetwork.org/petitions/keep-jose-home" in after
    assert "Contact: Ana Ruiz, 555-201-3344" in after and "Date: ____" in after
    for question in ("Lessons learned", "Advice for the future", "What worked", "Signatures:", "Calls to ICE and officials:",
                     "Allies who joined:", "Elected officials who wrote or called:", "News stories:"):
        assert question in after
    assert "[" not in after and "habeas" not in after    # nothing left to fill in a sentence; not detained


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
    # after the decision in both languages, each its own text, English first
    after = flat(docs["After the decision"])
    english_part, spanish_part = after.split("Después de la decisión:", 1)
    assert "ICE granted José O'Brien & <Núñez> deferred action." in english_part
    assert "It is not a legal status" in english_part and "The court case goes on." in english_part
    assert "ICE le otorgó a José O'Brien & <Núñez> acción diferida." in spanish_part
    assert "No es un estatus legal" in spanish_part and "El caso en la corte sigue." in spanish_part
    assert "La próxima audiencia en la corte es el " + long_date(TODAY + dt.timedelta(days=90), "es") + "." in spanish_part
    assert "30 días desde la decisión" in spanish_part and "Esta lista no es asesoría legal." in spanish_part
    for word in (" the ", " and ", "If ICE", "Press release"):
        assert word not in spanish_part, word


def test_after_the_decision_in_spanish_without_the_media_for_a_release():
    answers = public(CASES[2], public_languages="es", consent={**EVERYONE, "media": False})
    run, screens, docs = campaign(answers)
    after = flat(docs["After the decision"])
    assert after.startswith("Después de la decisión: José O'Brien & <Núñez>") and "After the decision" not in after
    assert "ICE puso en libertad a José O'Brien & <Núñez>." in after and "citas con ICE" in after
    assert "Ir a cada cita con ICE y a cada audiencia" in after
    assert "PARA PUBLICACIÓN INMEDIATA" not in after and after.count("Mensaje para quienes apoyaron") == 2
    assert "no a los medios" in after
    assert "ICE se negó a poner en libertad a José O'Brien & <Núñez>" in after
    assert "un permiso de libertad (parole)" in after and "habeas en la corte federal mientras José siga en detención" in after
    assert "Un plan para los niños" in after                     # a US citizen child in the answers
    no_private_fact(after)
    rows, osdi = exports(docs)
    [petition] = osdi["_embedded"]["osdi:petitions"]
    assert petition["name"] == "Petición #Not1More por José O'Brien & <Núñez> (español)"
