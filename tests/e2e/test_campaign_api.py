"""Steps 7-8 on the real server through the REST API: the public campaign's files downloaded,
the targets' CSV opened in a spreadsheet (LibreOffice Calc), the kit read as DOCX and PDF."""
import codecs
import csv
import io
import json
import subprocess

import icalendar

from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_text

EVERYONE = {"advocate": True, "ice": True, "officials": True, "public": True, "media": True}
COLUMNS = ["Name or office", "Role", "E-mail", "Phone", "Web page", "How to reach"]


def raw_url(attachment):
    """A plain-text file's URL. docassemble 1.10.5's API ends it in ".raw"; the web page (and
    the stored file) use the file's own extension, which the API gives as ``raw``."""
    return attachment["url"]["raw"].removesuffix(".raw") + attachment["raw"]


def spreadsheet_cells(csv_path, workdir):
    """The cells LibreOffice Calc reads from a CSV (comma, double quote, UTF-8), as rows of values."""
    import openpyxl
    subprocess.run(["soffice", f"-env:UserInstallation=file://{workdir}/lo-profile", "--headless",
                    "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", str(workdir), str(csv_path)],
                   check=True, capture_output=True, timeout=120)
    sheet = openpyxl.load_workbook(workdir / (csv_path.stem + ".xlsx")).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_public_campaign_files_over_the_api(server, tmp_path):
    answers = {**CASES[0].answers(), "consent": EVERYONE, "public_languages": "both", "public_a_number_ok": True,
               "local_agency_phone": "619-555-0199", "field_office_email": "sd.ero@example.gov",
               "local_agency_email": "sheriff@example.gov", "field_office_director_first": "Jane",
               "field_office_director_last": "Smith-Ortiz"}
    api = ApiSession(server.url, server.api_key, server.interview)
    screen = api.walk(answers)          # the short first request: no case summary on the way
    assert screen["questionText"].strip() == "Your documents are ready"
    assert "The public campaign:" in screen["subquestionText"]
    files = {a["name"]: a for a in screen["attachments"]}
    assert {"Campaign kit", "Petition texts to paste", "Petition targets (CSV)", "Organizing plan",
            "After the decision"} <= set(files)
    assert files["Petition targets (CSV)"]["raw"] == ".csv" and files["Petition texts to paste"]["raw"] == ".txt"
    # the calendar file, as a phone's calendar reads it: one event per step, both languages, reminders
    assert files["Campaign calendar"]["raw"] == ".ics"
    calendar = icalendar.Calendar.from_ical(api.download(raw_url(files["Campaign calendar"])))
    events = list(calendar.walk("VEVENT"))
    titles = [str(e["SUMMARY"]) for e in events]
    assert titles[0] == "Send the short request to ICE / Enviar a ICE el pedido corto"
    assert "Call-in day 2 / Día de llamadas 2" in titles and all(len(e.walk("VALARM")) == 2 for e in events)

    raw = api.download(raw_url(files["Petition targets (CSV)"]))
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert [r["Phone"] for r in rows] == ["619-555-0100", "619-555-0199", "1-888-351-4024", ""]
    path = tmp_path / "targets.csv"
    path.write_bytes(raw)
    cells = spreadsheet_cells(path, tmp_path)
    assert cells[0] == COLUMNS
    assert cells[1][0] == "Field Office Director, San Diego Field Office" and str(cells[1][3]) == "619-555-0100"
    assert cells[2][0] == "San Diego County Sheriff"
    assert cells[4][4] == "https://www.ice.gov/ICEcasereview"

    paste = api.download(raw_url(files["Petition texts to paste"])).decode("utf-8")
    assert "== MESSAGE TO THE TARGET ==" in paste and "== MENSAJE PARA QUIEN DECIDE ==" in paste
    assert "(A 123-456-789): please stop his deportation" in paste

    api.action("document_pdf", doc="campaign_kit")                  # the kit's PDF, made when first asked for
    kit = {a["name"]: a for a in api.question()["attachments"]}["Campaign kit"]
    assert set(kit["valid_formats"]) == {"docx", "pdf"}
    for text in (" ".join(docx_text(api.download(kit["url"]["docx"])).split()), pdf_text(api.download(kit["url"]["pdf"]))):
        assert "Part 1. The petition" in text and "Parte 1. La petición" in text
        assert "to ask ICE's San Diego Field Office to lift the ICE hold on José, and San Diego County Sheriff" in text
        assert "que retire la orden de retención (ICE hold) contra José, y a San Diego County Sheriff" in text
        # no link yet: a draft that says so, in both languages, on the DOCX and its PDF
        assert "DRAFT, not ready to publish: add the petition's link." in text
        assert "BORRADOR, todavía no se puede publicar: falta el enlace a la petición." in text
        assert "(A 123-456-789): please stop his deportation" in text
        assert "1988" not in text and "April 12" not in text

    # the exports petition tools take as they are (doc_exports.yml): Action Network's CSV and OSDI JSON
    assert files["Petition targets for Action Network (CSV)"]["raw"] == ".csv"
    assert files["Petition for petition tools (OSDI JSON)"]["raw"] == ".json"
    raw = api.download(raw_url(files["Petition targets for Action Network (CSV)"]))
    assert raw.split(b"\r\n", 1)[0] == b"title,first_name,last_name,zip_code,country,gender,email,phone"   # no BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert [(r["first_name"], r["last_name"], r["email"], r["zip_code"]) for r in rows] == [
        ("Jane", "Smith-Ortiz", "sd.ero@example.gov", ""), ("San Diego County Sheriff", "Leadership", "sheriff@example.gov", "")]
    osdi = json.loads(api.download(raw_url(files["Petition for petition tools (OSDI JSON)"])).decode("utf-8"))
    english, spanish = osdi["_embedded"]["osdi:petitions"]
    assert english["origin_system"] == spanish["origin_system"] == "docassemble.notonemore"
    assert "<strong>" in english["description"] and "lift the ICE hold on José" in english["description"]
    assert "(A 123-456-789)" in english["petition_text"] and "San Diego County Sheriff" in english["petition_text"]
    assert {"name": "San Diego County Sheriff"} in spanish["target"]
    assert "1988" not in json.dumps(osdi) and "April 12" not in json.dumps(osdi)

    # after the decision: English then Spanish in one DOCX
    after = " ".join(docx_text(api.download(files["After the decision"]["url"]["docx"])).split())
    assert "ICE lifted its hold on José O'Brien & <Núñez>." in after
    assert "ICE retiró la orden de retención contra José O'Brien & <Núñez>." in after
    assert after.index("If ICE says no") < after.index("Si ICE dice que no")
