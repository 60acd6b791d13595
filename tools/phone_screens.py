"""Screenshots of three screens on a phone (390x844), in English and in Spanish, for the README.

    make serve && .local/venv/bin/python tools/phone_screens.py     # writes docs/img/phone-*.png

Each case is begun in Chromium (Debian's), answered up to the screen through the REST API,
and the page is shot as a person would see it. Uses the server `make serve` started.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.api import ApiSession  # noqa: E402
from tests.support.cases import CASES  # noqa: E402

OUT = ROOT / "docs" / "img"
STATE = ROOT / ".local" / "server"
URL = f"http://127.0.0.1:{os.environ.get('NOM_WEB_PORT', '8089')}"
INTERVIEW = "docassemble.notonemore:data/questions/main.yml"
# (file name, answers up to the screen): the first screen, the situation, the ask
SHOTS = [
    ("start", {}),
    ("situation", {k: v for k, v in CASES[1].answers().items() if k not in ("custody_status",)}),
    ("the-ask", {k: v for k, v in CASES[1].answers().items() if k != "ask_reviewed"}),
]


def session_key() -> str:
    """The newest session of the interview (the one the page just began), from the database."""
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    cmd = [str(pgbin / "psql"), "-h", str(STATE / "pgdata"), "-p", os.environ.get("NOM_PG_PORT", "54329"),
           "-U", "docassemble", "-d", "docassemble", "-tAc",
           f"SELECT key FROM userdictkeys WHERE filename = '{INTERVIEW}' ORDER BY indexno DESC LIMIT 1"]
    if os.geteuid() == 0:   # PostgreSQL runs as its own user when started by root
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def main() -> None:
    key = (STATE / "config" / "admin_api_key").read_text().strip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        for lang in ("en", "es"):
            for name, answers in SHOTS:
                context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
                page = context.new_page()
                page.goto(f"{URL}/interview?i={INTERVIEW}&lang={lang}")
                page.wait_for_selector("#daMainQuestion")
                if answers:
                    secret = next(c["value"] for c in context.cookies() if c["name"] == "secret")
                    ApiSession(URL, key, INTERVIEW, session=session_key(), secret=secret).walk(answers)
                    page.reload()
                    page.wait_for_selector("#daMainQuestion")
                page.wait_for_timeout(500)
                target = OUT / f"phone-{name}-{lang}.png"
                page.screenshot(path=str(target))
                print(f"wrote {target.relative_to(ROOT)}")
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
