"""Make the README's pictures: page 1 of each generated document, as PNG, for a sample case.

Runs the interview in-process (tests/support/headless.py) with real PDF conversion
(LibreOffice), then pdftoppm. Usage: .local/venv/bin/python tools/doc_previews.py
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.cases import CASES, answer_for  # noqa: E402
from tests.support.headless import InterviewRun  # noqa: E402

OUT = ROOT / "docs" / "img"


def _answer(name: str, answers: dict) -> object:
    try:
        return answer_for(name, answers)
    except KeyError:
        return "need"           # a checklist status or an exhibit question the sample leaves open


def _walk(answers: dict, skip: set[str]) -> None:
    """Walk one sample case to its documents and write page 1 of each not written yet."""
    run = InterviewRun("docassemble.notonemore:data/questions/main.yml", pdf=True)
    screen = run.screen()
    while screen.id != "documents screen":
        names = screen.fields or [screen.continue_field]
        screen = run.answer({n: _answer(n, answers) for n in names})
    for doc in screen.attachments:
        name = re.sub(r"[^a-z0-9]+", "-", doc.filename.lower()).strip("-")
        if doc.pdf_path is None or name in skip:      # plain text and CSV files have no page to show
            continue
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        doc.pdf_path, str(OUT / name)], check=True)
        skip.add(name)
        print(f"wrote docs/img/{name}.png  ({doc.name})")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    everyone = {"advocate": True, "ice": True, "officials": True, "public": True, "media": True}
    written: set[str] = set()
    # a stay of removal, the person writing, held after a final order: every document but the jail's
    _walk({**CASES[3].answers(), "waiver_status": "not_signed", "client_detained": True, "consent": everyone,
           "public_a_number_ok": True, "petition_title_choice": "citizen_or_lpr_child"}, written)
    # an ICE hold in a Texas jail, signed by the brother: the request to the jail
    _walk({**CASES[0].answers(), "client_state": "TX", "field_office": "houston",
           "facility_name": "Harris County Jail", "facility_city": "Houston",
           "local_agency_name": "Harris County Sheriff's Office"}, written)
    # held by ICE after entering without inspection: the habeas hand-off sheet for an attorney
    _walk({**CASES[1].answers(), "consent": everyone, "go_public": False}, written)
    # held by ICE after an inspected entry: the bond hand-off sheet
    _walk({**CASES[2].answers(), "consent": everyone, "go_public": False}, written)
    # at home with a hearing ahead: the check-in day sheet, in English and in Spanish
    _walk({**CASES[4].answers(), "consent": everyone, "go_public": False}, written)


if __name__ == "__main__":
    main()
