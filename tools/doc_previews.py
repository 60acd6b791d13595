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

from tests.support.cases import CASES  # noqa: E402
from tests.support.headless import InterviewRun  # noqa: E402

OUT = ROOT / "docs" / "img"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    answers = {**CASES[3].answers(), "waiver_status": "not_signed", "client_detained": True,
               "consent": {"advocate": True, "ice": True, "officials": True, "public": True, "media": True},
               "public_a_number_ok": True, "petition_title_choice": "citizen_or_lpr_child"}
    run = InterviewRun("docassemble.notonemore:data/questions/main.yml", pdf=True)
    screen = run.screen()
    while screen.id != "documents screen":
        names = screen.fields or [screen.continue_field]
        screen = run.answer({n: answers.get(n, "need") for n in names})
    for doc in screen.attachments:
        if doc.pdf_path is None:      # plain text and CSV files have no page to show
            continue
        name = re.sub(r"[^a-z0-9]+", "-", doc.filename.lower()).strip("-")
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        doc.pdf_path, str(OUT / name)], check=True)
        print(f"wrote docs/img/{name}.png  ({doc.name})")


if __name__ == "__main__":
    main()
