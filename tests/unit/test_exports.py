"""Step 7's exports for petition tools: Action Network's custom-targets CSV and the OSDI petition."""
import csv
import io
import json

from docassemble.notonemore.campaign import Target, petition_targets
from docassemble.notonemore.exports import (
    ACTION_NETWORK_COLUMNS, ORIGIN_SYSTEM, action_network_targets, action_network_targets_csv, osdi_petition,
    osdi_petitions, petition_html, split_name)

TITLES = {"field_office_director": "Field Office Director", "local_agency": "Sheriff or Chief of Police",
          "elected_official": "Elected official"}
OFFICES = {"field_office_director": ("San Diego Field Office", "Director"),
           "local_agency": ("San Diego County Sheriff", "Sheriff or Chief"), "elected_official": ("Office of", "the official")}


def hold_targets(**changes):
    values = dict(office_name="San Diego Field Office", office_phone="619-555-0100", office_email="sd.ero@example.gov",
                  local_agency="San Diego County Sheriff", local_agency_phone="619-555-0199",
                  local_agency_email="=HYPERLINK(\"http://x\")@example.org",
                  officials=[{"name": "Rep. Ana Díaz, U.S. House", "phone": "202-555-0101", "email": "diaz@example.gov"},
                             {"name": "Mayor's office", "phone": "", "email": ""}],
                  ero_line="1-888-351-4024", ero_case_review="https://www.ice.gov/ICEcasereview")
    values.update(changes)
    return petition_targets("lift_ice_hold", **values)


def read(text):
    return list(csv.reader(io.StringIO(text)))


def test_the_header_is_exactly_action_networks_and_there_is_no_byte_order_mark():
    text = action_network_targets_csv(action_network_targets(hold_targets(), titles=TITLES, office_names=OFFICES))
    assert not text.startswith("\ufeff")
    assert text.split("\r\n", 1)[0] == "title,first_name,last_name,zip_code,country,gender,email,phone"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == ACTION_NETWORK_COLUMNS


def test_one_row_per_decision_maker_with_an_e_mail():
    rows = action_network_targets(hold_targets(), titles=TITLES, office_names=OFFICES)
    # the office and the sheriff and the one official with an e-mail; not the national line, the web page, the mayor
    assert [(r.title, r.first_name, r.last_name) for r in rows] == [
        ("Field Office Director", "San Diego Field Office", "Director"),
        ("Sheriff or Chief of Police", "San Diego County Sheriff", "Sheriff or Chief"),
        ("Elected official", "Rep. Ana", "Díaz")]
    assert [r.email for r in rows] == ["sd.ero@example.gov", "=HYPERLINK(\"http://x\")@example.org", "diaz@example.gov"]
    assert [r.phone for r in rows] == ["619-555-0100", "619-555-0199", "202-555-0101"]
    assert {(r.zip_code, r.gender, r.country) for r in rows} == {("", "", "US")}


def test_a_named_director_is_written_as_a_person_and_a_half_name_is_not():
    targets = hold_targets()
    named = action_network_targets(targets, titles=TITLES, office_names=OFFICES,
                                   people={"field_office_director": ("  Jane ", "Smith-Ortiz ")})
    assert (named[0].first_name, named[0].last_name) == ("Jane", "Smith-Ortiz")
    half = action_network_targets(targets, titles=TITLES, office_names=OFFICES, people={"field_office_director": ("Jane", "")})
    assert (half[0].first_name, half[0].last_name) == ("San Diego Field Office", "Director")


def test_no_e_mail_no_row():
    rows = action_network_targets(hold_targets(office_email="", local_agency_email=" ", officials=[]),
                                  titles=TITLES, office_names=OFFICES)
    assert rows == []
    assert read(action_network_targets_csv(rows)) == [list(ACTION_NETWORK_COLUMNS)]


def test_formula_cells_are_text_and_phones_stay_numbers():
    rows = action_network_targets(hold_targets(office_phone="+1 619 555 0100"), titles=TITLES, office_names=OFFICES)
    cells = read(action_network_targets_csv(rows))
    assert cells[1][7] == "+1 619 555 0100"
    assert cells[2][6] == "'=HYPERLINK(\"http://x\")@example.org"
    assert all(not cell.startswith(("=", "@", "-")) for row in cells for cell in row)


def test_split_name():
    assert split_name("Rep. Ana Díaz, U.S. House") == ("Rep. Ana", "Díaz")
    assert split_name("Senator Padilla") == ("Senator", "Padilla")
    assert split_name("Padilla") == ("", "Padilla")
    assert split_name(" , x") == ("", "")


KIT = {"title": "Keep José   home", "summary": ["José <Núñez> has lived here 20 years.", "He cares for two children."],
       "ask": ["Sign & call the San Diego Field Office today."], "story": ["He volunteers at church.", " "],
       "message": ["Hello,", "Please stop the deportation of José.", "", "Thank you,"]}


def test_the_petition_has_osdis_fields_and_survives_json():
    targets = hold_targets()
    names = ["Field Office Director, San Diego Field Office", "San Diego County Sheriff", "Rep. Ana Díaz, U.S. House",
             "Mayor's office", "ICE ERO Detention Reporting and Information Line", "ICE ERO case review (online)"]
    petition = osdi_petition(KIT, targets, name="José: petition (English)", target_names=names,
                             link="https://actionnetwork.org/petitions/keep-jose-home")
    back = json.loads(json.dumps(osdi_petitions([petition]), ensure_ascii=False))
    assert back["total_records"] == 1
    item = back["_embedded"]["osdi:petitions"][0]
    assert item["origin_system"] == ORIGIN_SYSTEM == "docassemble.notonemore"
    assert item["title"] == "Keep José home" and item["name"] == "José: petition (English)"
    assert item["summary"] == "José <Núñez> has lived here 20 years. He cares for two children."
    assert item["description"] == ("<p>José &lt;Núñez&gt; has lived here 20 years.</p><p>He cares for two children.</p>"
                                   "<p><strong>Sign &amp; call the San Diego Field Office today.</strong></p>"
                                   "<p>He volunteers at church.</p>")
    assert item["petition_text"] == "Hello,\n\nPlease stop the deportation of José.\n\nThank you,"
    assert item["target"] == [{"name": names[0]}, {"name": names[1]}, {"name": names[2]}, {"name": names[3]}]
    assert item["browser_url"] == "https://actionnetwork.org/petitions/keep-jose-home"


def test_no_browser_url_without_a_web_address():
    petition = osdi_petition(KIT, [Target("field_office_director", "X")], name="n", link="[LINK TO THE PETITION]")
    assert "browser_url" not in petition and petition["target"] == [{"name": "X"}]


def test_petition_html_escapes_every_line():
    assert petition_html(["<b>&"], ["a\nb"], []) == "<p>&lt;b&gt;&amp;</p><p><strong>a b</strong></p>"
